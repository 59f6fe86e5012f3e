/* fuzz_trec.c — libFuzzer target: the trec reader and the cleaning stage over
 * arbitrary bytes. Every document must come out as valid UTF-8 with a body
 * as long as it claims; anything else aborts. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"

static void check_str(const char *s)
{
    if (!s)
        return;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        bool bad = false;
        i += ms_utf8_decode((const unsigned char *)s + i, n - i, &cp, &bad);
        if (bad)
            abort();
    }
}

static void check_doc(const marsad_doc *d)
{
    if (!d->id || !d->source || !d->format || !d->body || strlen(d->body) != d->body_len)
        abort();
    const char *fields[] = {d->id, d->url, d->title, d->outlet, d->published, d->published_text, d->dateline,
                            d->body};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        check_str(fields[i]);
    if (d->published && strlen(d->published) != 10)
        abort();
    for (size_t i = 0; i < d->removed.n; i++) {
        const ms_removed *r = &MSVEC_AT(&d->removed, ms_removed, i);
        if (!r->kind || !r->text)
            abort();
        check_str(r->text);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* one model for the whole run: readers share its outlet and boilerplate tables */
    static marsad_model *m;
    if (!m && !(m = marsad_model_new(NULL)))
        return 0;
    marsad_options opt = {0};
    opt.max_input_bytes = (size_t)1 << 20;
    marsad_error err;
    marsad_reader *r = marsad_reader_open(m, "fuzz.sgml", (const char *)data, size, MARSAD_FORMAT_TREC, &opt, &err);
    if (!r)
        return 0;
    for (int i = 0; i < 100000; i++) {
        marsad_doc *d = NULL;
        int rc = marsad_reader_next(r, &d, &err);
        if (rc == MARSAD_END || rc == MARSAD_ENOMEM)
            break;
        if (d) {
            check_doc(d);
            marsad_doc_free(d);
        }
    }
    marsad_reader_free(r);
    return 0;
}
