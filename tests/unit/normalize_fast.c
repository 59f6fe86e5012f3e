/* normalize_fast.c — the vector steps of normalization (sixteen bytes at a
 * time) against the reference that goes one character at a time: the same
 * text, the same map back to the original, the same count of invalid bytes,
 * for every combination of steps, over generated strings rich in what the
 * fast path treats specially (folded letters, marks, capitals, a character
 * cut at the end of a block) and in what it leaves to the reference.
 * Prints "N cases, N differ"; exits 1 on any difference. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

/* pieces the strings are made of: ASCII, letters no step changes, letters
 * steps fold, marks steps drop, characters the fast path leaves alone */
static const char *const pieces[] = {
    " ", "a", "Z", "Q", "7", ".", "\n", "\xD8\xA7" /* ا */, "\xD8\xA8" /* ب */, "\xD8\xBA" /* غ */,
    "\xD9\x81" /* ف */, "\xD9\x8A" /* ي */, "\xD8\xA1" /* ء */, "\xD8\xA2" /* آ */, "\xD8\xA3" /* أ */,
    "\xD8\xA5" /* إ */, "\xD8\xA9" /* ة */, "\xD9\x89" /* ى */, "\xD9\x80" /* tatweel */,
    "\xD9\x8E" /* fatha */, "\xD9\x91" /* shadda */, "\xD9\xB0" /* superscript alef */,
    "\xD8\x8C" /* ، */, "\xD8\x9F" /* ؟ */, "\xD8\x9C" /* ALM */, "\xD8\xBB" /* U+063B */,
    "\xD9\xA3" /* ٣ */, "\xD9\xAB" /* ٫ */, "\xD9\xB1" /* ٱ */, "\xDA\xA9" /* keheh */,
    "\xDB\x8C" /* farsi yeh */, "\xC2\xA0" /* nbsp */, "\xC2\xAB" /* « */, "\xE2\x80\x8F" /* RLM */,
    "\xE2\x80\x9C" /* “ */, "\xEF\xBB\xBB" /* lam-alef form */, "\xF0\x9F\x98\x80" /* emoji */,
    "\xD8" /* cut */, "\xD9\xD9", "\x80" /* stray */, "\xFF", "\xC3\xA9" /* é */,
};

static uint64_t next(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

/* a string of n pieces; most runs favour letters, as words do */
static size_t make(uint64_t *rng, char *buf, size_t cap)
{
    size_t npieces = sizeof pieces / sizeof pieces[0], o = 0, n = next(rng) % 80;
    unsigned common = (unsigned)(next(rng) % 3); /* 0: plain letters mostly, 1: mixed, 2: anything */
    for (size_t i = 0; i < n; i++) {
        size_t p = common == 0 ? 7 + next(rng) % 10 : common == 1 ? next(rng) % 22 : next(rng) % npieces;
        size_t l = strlen(pieces[p]);
        if (o + l > cap)
            break;
        memcpy(buf + o, pieces[p], l);
        o += l;
    }
    return o;
}

static int same(const char *s, size_t n, unsigned fl)
{
    ms_norm a, b;
    int ra = ms_normalize(s, n, fl, &a), rb = ms_normalize_scalar(s, n, fl, &b);
    int ok = ra == rb && (ra != MARSAD_OK || (a.len == b.len && !memcmp(a.text, b.text, a.len + 1) &&
                                              !memcmp(a.map, b.map, (a.len + 1) * sizeof *a.map) &&
                                              a.invalid == b.invalid));
    if (ra == MARSAD_OK)
        ms_norm_free(&a);
    if (rb == MARSAD_OK)
        ms_norm_free(&b);
    return ok;
}

int main(void)
{
    uint64_t rng = 0x9E3779B97F4A7C15ULL;
    char buf[512];
    unsigned long cases = 0, differ = 0;
    for (int r = 0; r < 5000; r++) {
        size_t n = make(&rng, buf, sizeof buf);
        /* every combination of steps, from offsets 0–3 so blocks fall everywhere */
        for (unsigned fl = (unsigned)r % 7; fl < 0x200; fl += 7)
            for (size_t off = 0; off < 4 && off <= n; off++) {
                cases++;
                if (!same(buf + off, n - off, fl)) {
                    differ++;
                    if (differ <= 5) {
                        fprintf(stderr, "differ: steps %#x, %zu bytes:", fl, n - off);
                        for (size_t i = off; i < n; i++)
                            fprintf(stderr, " %02X", (unsigned char)buf[i]);
                        fputc('\n', stderr);
                    }
                }
            }
    }
    printf("normalize fast path: %lu cases, %lu differ\n", cases, differ);
    return differ ? 1 : 0;
}
