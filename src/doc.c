/* doc.c — the document object: creation, fields, accessors, freeing. */
#include <stdlib.h>

#include "doc.h"
#include "assemble/analysis.h"

marsad_doc *ms_doc_new(void)
{
    marsad_doc *d = calloc(1, sizeof *d);
    if (d)
        msvec_init(&d->removed, sizeof(ms_removed));
    return d;
}

void ms_doc_set_body(marsad_doc *d, char *body, size_t len)
{
    free(d->body);
    d->body = body;
    d->body_len = len;
}

void ms_doc_add_removed(marsad_doc *d, const char *kind, const char *text, size_t len)
{
    char *t = ms_strtrim_dup(text, len);
    if (!t)
        return;
    if (!*t) {
        free(t);
        return;
    }
    ms_removed *r = msvec_push(&d->removed);
    if (!r) {
        free(t);
        return;
    }
    r->kind = ms_strdup(kind);
    r->text = t;
}

void ms_doc_set(char **field, const char *s, size_t n)
{
    free(*field);
    *field = s ? ms_strtrim_dup(s, n) : NULL;
    if (*field && !**field) {
        free(*field);
        *field = NULL;
    }
}

const char *marsad_doc_id(const marsad_doc *d) { return d->id; }
const char *marsad_doc_title(const marsad_doc *d) { return d->title; }
const char *marsad_doc_body(const marsad_doc *d) { return d->body; }
const char *marsad_doc_published(const marsad_doc *d) { return d->published; }

size_t marsad_doc_sentence_count(const marsad_doc *d)
{
    return d->an ? ms_analysis_sentence_count(d->an) : 0;
}

void marsad_doc_free(marsad_doc *d)
{
    if (!d)
        return;
    free(d->id);
    free(d->source);
    free(d->url);
    free(d->format);
    free(d->title);
    free(d->outlet);
    free(d->published);
    free(d->published_text);
    free(d->dateline);
    free(d->body);
    for (size_t i = 0; i < d->removed.n; i++) {
        free(MSVEC_AT(&d->removed, ms_removed, i).kind);
        free(MSVEC_AT(&d->removed, ms_removed, i).text);
    }
    msvec_free(&d->removed);
    ms_analysis_free(d->an);
    free(d);
}
