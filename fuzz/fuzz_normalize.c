/* fuzz_normalize.c — libFuzzer target: normalization's vector steps against
 * the one-character-at-a-time reference, over arbitrary bytes. The first
 * two bytes choose the steps; any difference in the text, the map or the
 * count of invalid bytes aborts. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    unsigned fl = ((unsigned)data[0] << 8 | data[1]) & 0x1FFu;
    const char *s = (const char *)data + 2;
    size_t n = size - 2;
    ms_norm a, b;
    int ra = ms_normalize(s, n, fl, &a), rb = ms_normalize_scalar(s, n, fl, &b);
    if (ra != rb)
        abort();
    if (ra != MARSAD_OK)
        return 0;
    if (a.len != b.len || memcmp(a.text, b.text, a.len + 1) || memcmp(a.map, b.map, (a.len + 1) * sizeof *a.map) ||
        a.invalid != b.invalid)
        abort();
    ms_norm_free(&a);
    ms_norm_free(&b);
    return 0;
}
