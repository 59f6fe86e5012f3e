/* utf8.c — UTF-8 decoding that never reads past its input and never fails:
 * anything invalid (stray continuation bytes, overlongs, surrogates, code
 * points past U+10FFFF, truncated sequences) becomes U+FFFD, one per byte. */
#include <stdlib.h>

#include "util/util.h"

size_t ms_utf8_decode_slow(const unsigned char *s, size_t n, uint32_t *cp, bool *bad)
{
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t len;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2; v = c & 0x1F; min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3; v = c & 0x0F; min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4; v = c & 0x07; min = 0x10000;
    } else {
        goto invalid;
    }
    if (len > n)
        goto invalid;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            goto invalid;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        goto invalid;
    *cp = v;
    return len;
invalid:
    *cp = 0xFFFD;
    if (bad)
        *bad = true;
    return 1;
}

size_t ms_utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

char *ms_utf8_repair(const char *s, size_t n, size_t *out_len, size_t *repaired)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, bad_count = 0;
    /* fast path: valid input is copied as is */
    while (i < n) {
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        bool bad = false;
        size_t k = ms_utf8_decode(p + i, n - i, &cp, &bad);
        if (bad)
            break;
        i += k;
    }
    if (i == n) {
        if (out_len)
            *out_len = n;
        return ms_strndup(s, n);
    }
    msbuf b;
    msbuf_init(&b);
    msbuf_reserve(&b, n + 16);
    msbuf_add(&b, s, i);
    while (i < n) {
        uint32_t cp;
        bool bad = false;
        size_t k = ms_utf8_decode(p + i, n - i, &cp, &bad);
        if (bad) {
            bad_count++;
            msbuf_add(&b, "\xEF\xBF\xBD", 3);
        } else {
            msbuf_add(&b, s + i, k);
        }
        i += k;
    }
    if (repaired)
        *repaired += bad_count;
    return msbuf_take(&b, out_len);
}

bool ms_utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        /* eight ASCII bytes at a time */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, p + i, 8);
            if (w & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        /* then character by character while they are ASCII or two bytes
         * long (all of Arabic), the others through the full decoder */
        bool other = false;
        while (i < n) {
            unsigned char c = p[i];
            if (c < 0x80) {
                i++;
                if (c == ' ')
                    break; /* a space often starts an ASCII run: eight at a time again */
            } else if (c >= 0xC2 && c <= 0xDF && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
                i += 2;
            } else {
                other = true;
                break;
            }
        }
        if (!other)
            continue;
        uint32_t cp;
        bool bad = false;
        i += ms_utf8_decode(p + i, n - i, &cp, &bad);
        if (bad)
            return false;
    }
    return true;
}
