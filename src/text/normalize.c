/* normalize.c — normalization for matching, with a map back to the original
 * byte offsets. The original text is never modified: every normalized byte
 * records where its source character starts, so spans found on the
 * normalized text are reported on the original. */
#include <stdlib.h>
#include <utf8proc.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "text/text.h"

/* Harakat, tanwin, shadda, sukun, superscript alef, Quranic annotation marks. */
static bool is_diacritic(uint32_t c)
{
    return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x06D6 && c <= 0x06ED) ||
           (c >= 0x08D3 && c <= 0x08FF && c != 0x08E2);
}

static bool is_control(uint32_t c)
{
    return c == 0x00AD || c == 0x061C || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2060 && c <= 0x2069) || c == 0xFEFF;
}

static bool is_space_variant(uint32_t c)
{
    return c == 0x00A0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

static bool is_compat(uint32_t c)
{
    /* Arabic presentation forms A and B, Latin ligatures, full/half-width forms */
    return (c >= 0xFB00 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFC) || (c >= 0xFF01 && c <= 0xFFEE);
}

/* U+0621–U+064A letters that no normalization flag changes: hamza, waw and
 * ya with hamza, alef, ba … ghain except ta marbuta, fa … waw, ya. Bit b
 * stands for U+0620 + b. */
#define UNCHANGED_0620 ((1ULL << 0x01) | (1ULL << 0x04) | (1ULL << 0x06) | (1ULL << 0x07) | (1ULL << 0x08) | \
                        (((1ULL << 0x1B) - 1) & ~((1ULL << 0x0A) - 1)) | \
                        (((1ULL << 0x29) - 1) & ~((1ULL << 0x21) - 1)) | (1ULL << 0x2A))

/* What ms_normalize's fast path does with a letter or mark of
 * U+0620–U+065F: write its (mapped) two bytes or drop it. */
enum { AR_WRITE, AR_DROP };

/* Map one code point; returns the number of output code points (0 = drop). */
static inline int map_cp(uint32_t c, unsigned fl, uint32_t *out)
{
    if ((fl & MARSAD_NORM_DIACRITICS) && is_diacritic(c))
        return 0;
    if ((fl & MARSAD_NORM_TATWEEL) && c == 0x0640)
        return 0;
    if (fl & MARSAD_NORM_CONTROLS) {
        if (is_control(c))
            return 0;
        if (is_space_variant(c)) {
            out[0] = ' ';
            return 1;
        }
    }
    if (fl & MARSAD_NORM_ALEF) {
        if (c == 0x0622 || c == 0x0623 || c == 0x0625 || c == 0x0671 || c == 0x0672 || c == 0x0673)
            c = 0x0627;
    }
    if (fl & MARSAD_NORM_YEH) {
        if (c == 0x0649 || c == 0x06CC)
            c = 0x064A;
    }
    if ((fl & MARSAD_NORM_TEH) && c == 0x0629)
        c = 0x0647;
    if (fl & MARSAD_NORM_NFKC) {
        if (c == 0x06A9) /* keheh, as Persian keyboards type kaf */
            c = 0x0643;
    }
    if (fl & MARSAD_NORM_DIGITS) {
        if (c >= 0x0660 && c <= 0x0669)
            c = '0' + (c - 0x0660);
        else if (c >= 0x06F0 && c <= 0x06F9)
            c = '0' + (c - 0x06F0);
        else if (c == 0x066B)
            c = '.';
        else if (c == 0x066C)
            c = ',';
    }
    if ((fl & MARSAD_NORM_CASE) && c >= 'A' && c <= 'Z')
        c += 32;
    out[0] = c;
    return 1;
}

#if defined(__SSE2__)
/* The vectors the block step below works with, made once per call from
 * the flags. */
typedef struct norm16 {
    __m128i alef, teh, yeh, fold; /* all ones where the flag is on, else zero */
} norm16;

static norm16 norm16_make(unsigned fl)
{
    norm16 v;
    v.alef = _mm_set1_epi8((fl & MARSAD_NORM_ALEF) ? -1 : 0);
    v.teh = _mm_set1_epi8((fl & MARSAD_NORM_TEH) ? -1 : 0);
    v.yeh = _mm_set1_epi8((fl & MARSAD_NORM_YEH) ? -1 : 0);
    v.fold = _mm_set1_epi8((fl & MARSAD_NORM_CASE) ? -1 : 0);
    return v;
}

/* Bytes of x in [lo, hi], unsigned, as a mask. */
static inline __m128i in_range(__m128i x, unsigned char lo, unsigned char hi)
{
    /* with the sign bit flipped, unsigned order becomes signed order */
    __m128i b = _mm_xor_si128(x, _mm_set1_epi8((char)0x80));
    return _mm_and_si128(_mm_cmpgt_epi8(b, _mm_set1_epi8((char)(lo ^ 0x80) - 1)),
                         _mm_cmplt_epi8(b, _mm_set1_epi8((char)((hi ^ 0x80) + 1))));
}

/* Normalize the longest prefix of the 16 bytes at s (a character starts
 * there) made of ASCII and the two-byte characters U+0600–U+063A (but
 * U+061C) and U+0641–U+064A: each keeps its length, so the text is written
 * as it comes, with the letters the flags fold (أ إ آ ة ى, capitals)
 * replaced, and the map counts on from `base`. Writes 16 bytes of text and
 * 16 map entries whatever the prefix; returns its length (0–16). */
static inline size_t norm_block16(const unsigned char *s, char *ot, uint32_t *om, uint32_t base, const norm16 *fv)
{
    const __m128i v = _mm_loadu_si128((const __m128i *)s);
    const __m128i prev = _mm_slli_si128(v, 1); /* the byte before each byte */
    const __m128i d8 = _mm_set1_epi8((char)0xD8), d9 = _mm_set1_epi8((char)0xD9);
    const __m128i lead = _mm_or_si128(_mm_cmpeq_epi8(v, d8), _mm_cmpeq_epi8(v, d9));
    const __m128i after_d8 = _mm_cmpeq_epi8(prev, d8), after_d9 = _mm_cmpeq_epi8(prev, d9);
    /* second bytes of the characters taken: D8 80–BA but for 9C (U+061C, a
     * control), D9 81–8A */
    const __m128i tail = _mm_or_si128(
        _mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0x9C)), _mm_and_si128(after_d8, in_range(v, 0x80, 0xBA))),
        _mm_and_si128(after_d9, in_range(v, 0x81, 0x8A)));
    unsigned hi = (unsigned)_mm_movemask_epi8(v), t = (unsigned)_mm_movemask_epi8(tail);
    unsigned ld = (unsigned)_mm_movemask_epi8(lead);
    /* a byte is taken if ASCII, a second byte taken, or a first byte whose second is */
    unsigned ok = (~hi & 0xFFFFu) | t | (ld & (t >> 1));
    size_t n = (size_t)__builtin_ctz(~ok); /* bit 16 and up of ~ok are set */
    if (!n)
        return 0;
    __m128i out = v;
    /* capitals: A–Z + 0x20 */
    __m128i cap = _mm_and_si128(fv->fold, _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)),
                                                          _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1))));
    out = _mm_add_epi8(out, _mm_and_si128(cap, _mm_set1_epi8(0x20)));
    /* آ أ إ (D8 A2, A3, A5) -> ا (D8 A7) */
    __m128i alef = _mm_and_si128(
        _mm_and_si128(fv->alef, after_d8),
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xA2)), _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xA3))),
                     _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xA5))));
    out = _mm_or_si128(_mm_andnot_si128(alef, out), _mm_and_si128(alef, _mm_set1_epi8((char)0xA7)));
    /* ة (D8 A9) -> ه (D9 87): both bytes change */
    __m128i teh = _mm_and_si128(_mm_and_si128(fv->teh, after_d8), _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xA9)));
    __m128i teh_lead = _mm_srli_si128(teh, 1);
    out = _mm_or_si128(_mm_andnot_si128(teh, out), _mm_and_si128(teh, _mm_set1_epi8((char)0x87)));
    out = _mm_or_si128(_mm_andnot_si128(teh_lead, out), _mm_and_si128(teh_lead, d9));
    /* ى (D9 89) -> ي (D9 8A) */
    __m128i yeh = _mm_and_si128(_mm_and_si128(fv->yeh, after_d9), _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0x89)));
    out = _mm_sub_epi8(out, yeh); /* 89 - (-1) = 8A */
    _mm_storeu_si128((__m128i *)ot, out);
    /* map: base + index, less one on a second byte (it maps to its character's start) */
    __m128i idx = _mm_add_epi8(_mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15), tail);
    __m128i zero = _mm_setzero_si128(), b = _mm_set1_epi32((int)base);
    __m128i lo16 = _mm_unpacklo_epi8(idx, zero), hi16 = _mm_unpackhi_epi8(idx, zero);
    _mm_storeu_si128((__m128i *)om, _mm_add_epi32(b, _mm_unpacklo_epi16(lo16, zero)));
    _mm_storeu_si128((__m128i *)(om + 4), _mm_add_epi32(b, _mm_unpackhi_epi16(lo16, zero)));
    _mm_storeu_si128((__m128i *)(om + 8), _mm_add_epi32(b, _mm_unpacklo_epi16(hi16, zero)));
    _mm_storeu_si128((__m128i *)(om + 12), _mm_add_epi32(b, _mm_unpackhi_epi16(hi16, zero)));
    return n;
}
#endif

static bool grow(ms_norm *out, size_t *cap, size_t need)
{
    size_t c = *cap * 2 > need ? *cap * 2 : need;
    char *t = realloc(out->text, c + 1);
    if (!t)
        return false;
    out->text = t;
    uint32_t *m = realloc(out->map, (c + 1) * sizeof *m);
    if (!m)
        return false;
    out->map = m;
    *cap = c;
    return true;
}

static int normalize(const char *src, size_t len, unsigned fl, bool fast, ms_norm *out)
{
    memset(out, 0, sizeof *out);
    if (!fl)
        fl = MARSAD_NORM_DEFAULT;
    if (len >= UINT32_MAX)
        return MARSAD_ETOOBIG;
    size_t cap = len + 64;
    out->text = malloc(cap + 1);
    out->map = malloc((cap + 1) * sizeof *out->map);
    if (!out->text || !out->map) {
        ms_norm_free(out);
        return MARSAD_ENOMEM;
    }
    const unsigned char *s = (const unsigned char *)src;
    bool fold_case = fl & MARSAD_NORM_CASE;
    /* what the flags make of the letters and marks of U+0620–U+065F, by
     * code point less U+0620: they take the fast path */
    unsigned char ar_kind[64];
    char ar_out[64][2];
    for (uint32_t b = 0; b < 64; b++) {
        uint32_t cp = 0x0620 + b, m = cp;
        ar_kind[b] = (UNCHANGED_0620 >> b & 1) || map_cp(cp, fl, &m) ? AR_WRITE : AR_DROP;
        ar_out[b][0] = (char)(0xC0 | (m >> 6));
        ar_out[b][1] = (char)(0x80 | (m & 0x3F));
    }
#if defined(__SSE2__)
    const norm16 fv = norm16_make(fl);
#else
    (void)fast;
#endif
    size_t i = 0, o = 0;
    while (i < len) {
        /* room for the longest expansion of one character (NFKC of a ligature) */
        if (o + 64 > cap && !grow(out, &cap, o + 64)) {
            ms_norm_free(out);
            return MARSAD_ENOMEM;
        }
        /* a run of what is copied as it is (ASCII, lowercased, and the
         * Arabic letters no flag changes): no byte of it grows, so the room
         * left bounds the run */
        size_t lim = i + (cap - 64 - o);
        if (lim > len)
            lim = len;
        char *ot = out->text;
        uint32_t *om = out->map;
        while (i < lim) {
#if defined(__SSE2__)
            /* sixteen bytes at a time while the text keeps its length; one
             * character the step does not take goes by the loop below */
            if (fast && lim - i >= 16) {
                size_t k = norm_block16(s + i, ot + o, om + o, (uint32_t)i, &fv);
                i += k;
                o += k;
                if (k >= 15)
                    continue;
            }
#endif
            unsigned c = s[i];
            if (c < 0x80) {
                ot[o] = (char)(fold_case && c - 'A' < 26u ? c + 32 : c);
                om[o++] = (uint32_t)i++;
                continue;
            }
            /* a run of Arabic letters and marks */
            while (i + 1 < lim) {
                unsigned lead = (unsigned)s[i] - 0xD8, tail = s[i + 1] ^ 0x80u;
                if (lead >= 2 || tail >= 0x40)
                    break;
                unsigned b = (lead << 6 | tail) - 0x20;
                if (b >= 64)
                    break;
                if (ar_kind[b] == AR_WRITE) {
                    memcpy(ot + o, ar_out[b], 2);
                    om[o] = om[o + 1] = (uint32_t)i;
                    o += 2;
                }
                i += 2;
            }
            if (i < lim && s[i] >= 0x80)
                break;
        }
        if (i >= len)
            break;
        if (o + 64 > cap)
            continue;
        uint32_t cp;
        bool bad = false;
        size_t k;
        if (s[i] < 0x80) {
            /* ASCII: the common case outside Arabic words */
            unsigned char c = s[i];
            if (c >= 'A' && c <= 'Z' && (fl & MARSAD_NORM_CASE))
                c += 32;
            out->text[o] = (char)c;
            out->map[o++] = (uint32_t)i++;
            continue;
        } else if (s[i] >= 0xC2 && s[i] <= 0xDF && i + 1 < len && (s[i + 1] & 0xC0) == 0x80) {
            cp = ((uint32_t)(s[i] & 0x1F) << 6) | (s[i + 1] & 0x3F);
            /* Arabic letters that no flag changes are copied as they are
             * (bit b of the mask stands for U+0620 + b) */
            if (cp >= 0x0620 && cp < 0x0660 && (UNCHANGED_0620 >> (cp - 0x0620) & 1)) {
                out->text[o] = (char)s[i];
                out->text[o + 1] = (char)s[i + 1];
                out->map[o] = out->map[o + 1] = (uint32_t)i;
                o += 2;
                i += 2;
                continue;
            }
            /* any other two-byte character maps to at most one character
             * below U+0800 (no compatibility forms live here) */
            uint32_t c2;
            if (map_cp(cp, fl, &c2)) {
                if (c2 < 0x80) {
                    out->text[o] = (char)c2;
                    out->map[o++] = (uint32_t)i;
                } else {
                    out->text[o] = (char)(0xC0 | (c2 >> 6));
                    out->text[o + 1] = (char)(0x80 | (c2 & 0x3F));
                    out->map[o] = out->map[o + 1] = (uint32_t)i;
                    o += 2;
                }
            }
            i += 2;
            continue;
        } else {
            k = ms_utf8_decode(s + i, len - i, &cp, &bad);
            if (bad)
                out->invalid++;
        }
        uint32_t cps[16];
        int ncp = 0;
        if ((fl & MARSAD_NORM_NFKC) && is_compat(cp)) {
            /* rare: presentation forms and ligatures go through utf8proc's NFKC */
            utf8proc_uint8_t *nf = NULL;
            utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)src + i, (utf8proc_ssize_t)k, &nf,
                                              UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_STABLE);
            for (utf8proc_ssize_t j = 0; r > 0 && j < r && ncp < 8;) {
                uint32_t c2, tmp[1];
                j += (utf8proc_ssize_t)ms_utf8_decode(nf + j, (size_t)(r - j), &c2, NULL);
                if (map_cp(c2, fl, tmp))
                    cps[ncp++] = tmp[0];
            }
            if (r <= 0)
                ncp = map_cp(cp, fl, cps);
            free(nf);
        } else {
            ncp = map_cp(cp, fl, cps);
        }
        for (int j = 0; j < ncp; j++) {
            char enc[4];
            size_t el = ms_utf8_encode(cps[j], enc);
            for (size_t b = 0; b < el; b++) {
                out->text[o] = enc[b];
                out->map[o] = (uint32_t)i;
                o++;
            }
        }
        i += k;
    }
    /* the text ends in zero bytes that a 16-byte load from any of its
     * characters may read */
    if (o + MS_NORM_PAD > cap && !grow(out, &cap, o + MS_NORM_PAD)) {
        ms_norm_free(out);
        return MARSAD_ENOMEM;
    }
    memset(out->text + o, 0, MS_NORM_PAD + 1);
    out->map[o] = (uint32_t)len;
    out->len = o;
    return MARSAD_OK;
}

int ms_normalize(const char *src, size_t len, unsigned fl, ms_norm *out)
{
    return normalize(src, len, fl, true, out);
}

int ms_normalize_scalar(const char *src, size_t len, unsigned fl, ms_norm *out)
{
    return normalize(src, len, fl, false, out);
}

void ms_norm_free(ms_norm *n)
{
    free(n->text);
    free(n->map);
    memset(n, 0, sizeof *n);
}

/* ms_normalize_word() of a string of ASCII and the letters and marks of
 * U+0620–U+065F (nearly every line of the tables the model is built from)
 * in one pass and one allocation; NULL for anything else. */
static char *fold_simple(const char *src, size_t len, size_t *out_len)
{
    const unsigned char *s = (const unsigned char *)src;
    char *r = malloc(len + 1);
    if (!r)
        return NULL;
    size_t o = 0;
    bool sp = false;
    for (size_t i = 0; i < len;) {
        unsigned char c = s[i];
        if (c < 0x80) {
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                sp = o > 0;
                i++;
                continue;
            }
            if (sp) {
                r[o++] = ' ';
                sp = false;
            }
            r[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            i++;
            continue;
        }
        uint32_t b = i + 1 < len && (c == 0xD8 || c == 0xD9) && (s[i + 1] & 0xC0) == 0x80
                         ? ((uint32_t)(c & 1) << 6 | (s[i + 1] & 0x3F)) - 0x20
                         : 64;
        if (b >= 64) {
            free(r);
            return NULL;
        }
        uint32_t cp = 0x0620 + b;
        i += 2;
        if (cp >= 0x064B || cp == 0x0640)
            continue; /* diacritics, tatweel */
        if (cp == 0x0622 || cp == 0x0623 || cp == 0x0625)
            cp = 0x0627;
        else if (cp == 0x0629)
            cp = 0x0647;
        else if (cp == 0x0649)
            cp = 0x064A;
        if (sp) {
            r[o++] = ' ';
            sp = false;
        }
        r[o++] = (char)(0xC0 | (cp >> 6));
        r[o++] = (char)(0x80 | (cp & 0x3F));
    }
    r[o] = 0;
    if (out_len)
        *out_len = o;
    return r;
}

char *ms_normalize_word(const char *s, size_t len, size_t *out_len)
{
    char *simple = fold_simple(s, len, out_len);
    if (simple)
        return simple;
    ms_norm n;
    if (ms_normalize(s, len, MARSAD_NORM_DEFAULT, &n) != MARSAD_OK)
        return NULL;
    free(n.map);
    /* collapse inner whitespace runs to one space; trim */
    size_t o = 0;
    bool sp = false;
    for (size_t i = 0; i < n.len; i++) {
        char c = n.text[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            sp = o > 0;
            continue;
        }
        if (sp) {
            n.text[o++] = ' ';
            sp = false;
        }
        n.text[o++] = c;
    }
    n.text[o] = 0;
    if (out_len)
        *out_len = o;
    return n.text;
}
