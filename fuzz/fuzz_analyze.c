/* fuzz_analyze.c — libFuzzer target for the text layer: normalization,
 * tokens, sentences, clitics, numbers and dates over arbitrary bytes. */
#include <stdint.h>
#include <stdlib.h>

#include "marsad.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static marsad_model *m; /* built once: the model is immutable */
    if (!m && !(m = marsad_model_new(NULL)))
        return 0;
    static const char *const views[] = {"json", "segments", "numbers", "dates"};
    marsad_options o = {0};
    o.reference_date = "2023-10-20";
    for (size_t v = 0; v < sizeof views / sizeof views[0]; v++) {
        char *out = NULL;
        size_t len = 0;
        if (marsad_analyze(m, (const char *)data, size, &o, views[v], &out, &len, NULL, NULL) == MARSAD_OK)
            free(out);
    }
    return 0;
}
