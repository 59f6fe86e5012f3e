/* buf.c — growable buffers, vectors, string helpers, errors. */
#include <stdio.h>
#include <stdlib.h>

#include "util/util.h"

void msbuf_init(msbuf *b) { memset(b, 0, sizeof *b); }

void msbuf_free(msbuf *b)
{
    free(b->s);
    memset(b, 0, sizeof *b);
}

bool msbuf_reserve(msbuf *b, size_t extra)
{
    if (b->oom)
        return false;
    if (b->len + extra + 1 <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *s = realloc(b->s, cap);
    if (!s) {
        b->oom = true;
        return false;
    }
    b->s = s;
    b->cap = cap;
    return true;
}

void msbuf_add_slow(msbuf *b, const char *s, size_t n)
{
    if (!msbuf_reserve(b, n))
        return;
    if (n)
        memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = 0;
}

void msbuf_adds(msbuf *b, const char *s) { msbuf_add(b, s, strlen(s)); }


void msbuf_printf(msbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char tmp[256];
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) {
        va_end(ap2);
        return;
    }
    if ((size_t)n < sizeof tmp) {
        msbuf_add(b, tmp, (size_t)n);
    } else if (msbuf_reserve(b, (size_t)n)) {
        vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap2);
        b->len += (size_t)n;
    }
    va_end(ap2);
}

char *msbuf_take(msbuf *b, size_t *len)
{
    if (b->oom) {
        msbuf_free(b);
        return NULL;
    }
    if (!b->s && !msbuf_reserve(b, 0))
        return NULL;
    b->s[b->len] = 0;
    char *s = b->s;
    if (len)
        *len = b->len;
    memset(b, 0, sizeof *b);
    return s;
}

void msvec_init(msvec *a, size_t elem_size)
{
    memset(a, 0, sizeof *a);
    a->size = elem_size;
}

void msvec_free(msvec *a)
{
    free(a->v);
    a->v = NULL;
    a->n = a->cap = 0;
}

bool msvec_reserve(msvec *a, size_t n)
{
    if (n <= a->cap)
        return true;
    void *v = realloc(a->v, n * a->size);
    if (!v)
        return false;
    a->v = v;
    a->cap = n;
    return true;
}

void *msvec_push(msvec *a)
{
    if (a->n == a->cap && !msvec_reserve(a, a->cap ? a->cap * 2 : 8))
        return NULL;
    void *e = (char *)a->v + a->n * a->size;
    memset(e, 0, a->size);
    a->n++;
    return e;
}

char *ms_strndup(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (!d)
        return NULL;
    memcpy(d, s, n);
    d[n] = 0;
    return d;
}

char *ms_strdup(const char *s) { return s ? ms_strndup(s, strlen(s)) : NULL; }

/* Length of a whitespace character at s (ASCII space/control, NBSP U+00A0,
 * U+2000–U+200B, U+202F, U+205F, U+3000, U+FEFF), 0 if none. */
static size_t ws_len(const unsigned char *s, size_t n)
{
    if (n >= 1 && (s[0] == ' ' || (s[0] >= 0x09 && s[0] <= 0x0D)))
        return 1;
    if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
        return 2;
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] <= 0x8B || s[2] == 0xAF))
        return 3;
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x81 && s[2] == 0x9F)
        return 3;
    if (n >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
        return 3;
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        return 3;
    return 0;
}

char *ms_strtrim_dup(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t a = 0, b = n, k;
    while (a < b && (k = ws_len(p + a, b - a)))
        a += k;
    for (;;) {
        if (b > a && (p[b - 1] == ' ' || (p[b - 1] >= 0x09 && p[b - 1] <= 0x0D))) {
            b--;
            continue;
        }
        if (b >= a + 2 && p[b - 2] == 0xC2 && p[b - 1] == 0xA0) {
            b -= 2;
            continue;
        }
        if (b >= a + 3 && ws_len(p + b - 3, 3) == 3) {
            b -= 3;
            continue;
        }
        break;
    }
    return ms_strndup(s + a, b - a);
}

void ms_seterr(marsad_error *err, int code, size_t line, size_t offset, const char *fmt, ...)
{
    if (!err)
        return;
    err->code = code;
    err->line = line;
    err->offset = offset;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
}

const char *marsad_strerror(int code)
{
    switch (code) {
    case MARSAD_OK: return "success";
    case MARSAD_END: return "no more documents";
    case MARSAD_ENOMEM: return "out of memory";
    case MARSAD_EINVAL: return "invalid argument";
    case MARSAD_EIO: return "input/output error";
    case MARSAD_EFORMAT: return "malformed input";
    case MARSAD_EBINARY: return "binary input, not text";
    case MARSAD_EEMPTY: return "empty input";
    case MARSAD_ETOOBIG: return "input too large";
    case MARSAD_EDATA: return "inconsistent knowledge tables";
    default: return "unknown error";
    }
}
