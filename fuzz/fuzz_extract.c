/* fuzz_extract.c — libFuzzer target for the whole pipeline on plain text:
 * reading, boilerplate removal, actors, events, figures, attribution, JSON. */
#include <stdint.h>
#include <stdlib.h>

#include "marsad.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static marsad_model *m;
    if (!m && !(m = marsad_model_new(NULL)))
        return 0;
    marsad_options o = {0};
    o.reference_date = "2024-06-10";
    marsad_reader *r = marsad_reader_open(m, "fuzz.txt", (const char *)data, size, MARSAD_FORMAT_TEXT, &o, NULL);
    if (!r)
        return 0;
    marsad_doc *d;
    int rc;
    while ((rc = marsad_reader_next(r, &d, NULL)) != MARSAD_END) {
        if (rc < 0)
            continue;
        marsad_doc_process(m, d, &o, NULL);
        char *out = NULL;
        size_t len;
        if (marsad_doc_to_json(d, 0, &out, &len) == MARSAD_OK)
            free(out);
        if (marsad_doc_to_tsv(d, 1, &out, &len) == MARSAD_OK)
            free(out);
        if (marsad_doc_explain(d, &out, &len) == MARSAD_OK)
            free(out);
        marsad_doc_free(d);
    }
    marsad_reader_free(r);
    return 0;
}
