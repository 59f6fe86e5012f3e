/* util.h — small shared helpers: growable byte buffers, vectors, string
 * helpers, hashing. Internal to libmarsad. */
#ifndef MARSAD_UTIL_H
#define MARSAD_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "marsad.h"

#define MS_HIDDEN __attribute__((visibility("hidden")))
#define MS_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* A growable byte buffer, always NUL-terminated once anything was added. */
typedef struct msbuf {
    char *s;
    size_t len, cap;
    bool oom;   /* set once an allocation failed; later appends are no-ops */
} msbuf;

void msbuf_init(msbuf *b);
void msbuf_free(msbuf *b);
bool msbuf_reserve(msbuf *b, size_t extra);
void msbuf_add_slow(msbuf *b, const char *s, size_t n);
/* Appends are inline while the buffer has room (they are everywhere on the
 * hot paths); growing goes through msbuf_add_slow. */
static inline void msbuf_add(msbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 <= b->cap && !b->oom) {
        if (n)
            memcpy(b->s + b->len, s, n);
        b->len += n;
        b->s[b->len] = 0;
        return;
    }
    msbuf_add_slow(b, s, n);
}
static inline void msbuf_addc(msbuf *b, char c)
{
    if (b->len + 2 <= b->cap && !b->oom) {
        b->s[b->len++] = c;
        b->s[b->len] = 0;
        return;
    }
    msbuf_add_slow(b, &c, 1);
}
void msbuf_adds(msbuf *b, const char *s);
void msbuf_printf(msbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hand the buffer's storage to the caller (never NULL unless oom). */
char *msbuf_take(msbuf *b, size_t *len);

/* Is v a whole number an integer holds? (The range first: casting a larger
 * double to an integer is undefined.) */
static inline bool ms_is_whole(double v) { return v < 9e15 && v > -9e15 && v == (double)(long long)v; }

/* Are n bytes at a and b equal? For the short keys of maps and caches:
 * overlapping word loads, no library call. */
static inline bool ms_bytes_eq(const void *a, const void *b, size_t n)
{
    const unsigned char *p = a, *q = b;
    if (n >= 8) {
        uint64_t x, y;
        for (size_t i = 0; i + 8 < n; i += 8) {
            memcpy(&x, p + i, 8);
            memcpy(&y, q + i, 8);
            if (x != y)
                return false;
        }
        memcpy(&x, p + n - 8, 8);
        memcpy(&y, q + n - 8, 8);
        return x == y;
    }
    if (n >= 4) {
        uint32_t x, y, u, v;
        memcpy(&x, p, 4);
        memcpy(&y, q, 4);
        memcpy(&u, p + n - 4, 4);
        memcpy(&v, q + n - 4, 4);
        return x == y && u == v;
    }
    for (size_t i = 0; i < n; i++)
        if (p[i] != q[i])
            return false;
    return true;
}

/* A growable array of fixed-size elements. */
typedef struct msvec {
    void *v;
    size_t n, cap, size;
} msvec;

void msvec_init(msvec *a, size_t elem_size);
void msvec_free(msvec *a);
/* Append one zeroed element and return it (NULL on oom). */
void *msvec_push(msvec *a);
/* Room for n elements in all. Returns false on oom. */
bool msvec_reserve(msvec *a, size_t n);
/* Append one element left as it is, for a caller that sets all of it
 * (inline: tokens are pushed by the million). NULL on oom. */
static inline void *msvec_push_raw(msvec *a)
{
    if (a->n == a->cap && !msvec_reserve(a, a->cap ? a->cap * 2 : 8))
        return NULL;
    return (char *)a->v + a->n++ * a->size;
}
#define MSVEC_AT(a, T, i) (((T *)(a)->v)[i])

char *ms_strndup(const char *s, size_t n);
char *ms_strdup(const char *s);
/* Copy with leading/trailing ASCII and Unicode whitespace removed. */
char *ms_strtrim_dup(const char *s, size_t n);

/* A fast 64-bit hash of n bytes (not cryptographic). Inline: it runs for
 * every word of a text. */
static inline uint64_t ms_hash(const void *p, size_t n)
{
    /* multiply-xorshift over 8-byte words: far fewer steps than byte-wise FNV */
    const unsigned char *s = p;
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ (uint64_t)n;
    while (n >= 8) {
        uint64_t v;
        memcpy(&v, s, 8);
        h = (h ^ v) * 0xFF51AFD7ED558CCDULL;
        h ^= h >> 32;
        s += 8;
        n -= 8;
    }
    /* the last 0–7 bytes without a variable-length copy: two overlapping
     * four-byte loads, or the first, middle and last byte */
    uint64_t v = 0;
    if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        v = (uint64_t)a | (uint64_t)b << 32;
    } else if (n) {
        v = (uint64_t)s[0] | (uint64_t)s[n / 2] << 8 | (uint64_t)s[n - 1] << 16;
    }
    h = (h ^ v) * 0xC4CEB9FE1A85EC53ULL;
    h ^= h >> 29;
    h *= 0x9E3779B97F4A7C15ULL;
    return h ^ (h >> 32);
}

void ms_seterr(marsad_error *err, int code, size_t line, size_t offset, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Decode one UTF-8 code point at s[0..n). Returns its length (>=1); invalid
 * sequences yield U+FFFD with length 1 and set *bad. Never reads past n.
 * ASCII and two-byte sequences (all of Arabic) are decoded inline. */
size_t ms_utf8_decode_slow(const unsigned char *s, size_t n, uint32_t *cp, bool *bad);
static inline size_t ms_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp, bool *bad)
{
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF && n >= 2 && (s[1] & 0xC0) == 0x80) {
        *cp = (uint32_t)(c & 0x1F) << 6 | (s[1] & 0x3F);
        return 2;
    }
    return ms_utf8_decode_slow(s, n, cp, bad);
}
/* Is s[0..n) valid UTF-8? */
bool ms_utf8_valid(const char *s, size_t n);
/* Encode cp into out (at least 4 bytes); returns length. */
size_t ms_utf8_encode(uint32_t cp, char *out);
/* A valid UTF-8 copy of s[0..n): invalid bytes become U+FFFD; the count of
 * replacements is added to *repaired (may be NULL). */
char *ms_utf8_repair(const char *s, size_t n, size_t *out_len, size_t *repaired);


/* MARK: string map
 * An open-addressing hash map from byte strings to a uint32 value. Keys are
 * copied into an internal pool. Built once, then read-only (thread-safe for
 * lookups).
 *
 * Most lookups in the text layer are misses (candidate stems that are not
 * words), so a miss must be cheap: a small blocked Bloom filter answers most
 * of them from cache, and each slot keeps a hash tag so that probing never
 * touches an entry whose hash differs. */
typedef struct msmap_slot { uint32_t idx, tag; } msmap_slot;  /* idx: index+1 into ents, 0 = empty */
typedef struct msmap {
    msmap_slot *slots;
    size_t nslots;
    uint64_t *bloom;    /* nslots / 16 words: about ten bits per key */
    struct msmap_ent { uint64_t hash; uint32_t off, len; uint32_t value; } *ents;
    size_t n, cap;
    char *pool;
    size_t pool_len, pool_cap;
} msmap;

void msmap_init(msmap *m);
void msmap_free(msmap *m);
/* Make room for n keys in all, so that filling the map never rehashes.
 * Returns false on oom. */
bool msmap_reserve(msmap *m, size_t n);
/* Insert or overwrite. Returns false on oom. */
bool msmap_put(msmap *m, const char *k, size_t n, uint32_t value);
/* Lookup; returns true and sets *value when present (value may be NULL). */
bool msmap_get(const msmap *m, const char *k, size_t n, uint32_t *value);
/* The same with the key's ms_hash already known; and a hint to bring the
 * memory a lookup of that hash touches first into the CPU cache. */
bool msmap_get_h(const msmap *m, const char *k, size_t n, uint64_t h, uint32_t *value);
void msmap_prefetch(const msmap *m, uint64_t h);
/* Key of entry i (0 <= i < m->n). */
static inline const char *msmap_key(const msmap *m, size_t i, size_t *n)
{
    *n = m->ents[i].len;
    return m->pool + m->ents[i].off;
}

/* MARK: word set
 * A set of words, built once, then read-only (thread-safe for lookups). It
 * answers the text layer's commonest question, "is this a word?", with one
 * cache line for a word it holds, where a map reads its slot, its entry and
 * its key: the key is kept in the slot, one byte to a letter (ASCII bytes as
 * they are, a letter of U+0600–U+067F as 0x80 | its low seven bits). Words
 * that do not pack into MS_WSET_KEY bytes (longer ones, other scripts) are
 * kept in a map beside. A blocked Bloom filter answers most misses. */
#define MS_WSET_KEY 11
typedef struct mswset_slot {
    uint32_t tag;                /* high bits of the packed key's hash */
    uint8_t len;                 /* 0: empty */
    uint8_t key[MS_WSET_KEY];    /* the packed key */
} mswset_slot;
typedef struct mswset {
    mswset_slot *slots;          /* by the word's ms_hash */
    size_t nslots, n;            /* n: words in all */
    uint64_t *bloom;             /* nslots / 16 words, for all the words */
    msmap longer;                /* the words that do not pack */
} mswset;

void mswset_init(mswset *s);
void mswset_free(mswset *s);
/* Returns false on oom. */
bool mswset_add(mswset *s, const char *k, size_t n);
bool mswset_has(const mswset *s, const char *k, size_t n);

/* MARK: word cache
 * A bounded cache from short byte strings (words) to a uint64 value, for
 * results that are pure functions of the word: kept by one thread across
 * documents, so that each word is worked out once. Fixed size: sets of two
 * entries, a new entry evicting the older one of its set; longer keys (a
 * word of more than ten Arabic letters) are simply not cached. The caller
 * supplies the key's ms_hash. */
#define MS_WCACHE_KEY 21
typedef struct ms_wcache_ent {
    uint64_t value;
    uint16_t tag;
    uint8_t len;
    char key[MS_WCACHE_KEY];
} ms_wcache_ent;
typedef struct ms_wcache {
    struct ms_wcache_set { ms_wcache_ent e[2]; } *sets;  /* one cache line each */
    size_t mask;
} ms_wcache;

/* nsets is rounded up to a power of two. Returns false on oom. */
bool ms_wcache_init(ms_wcache *c, size_t nsets);
void ms_wcache_free(ms_wcache *c);
/* Inline, as they run for every word of a text. */
static inline bool ms_wcache_get(const ms_wcache *c, uint64_t h, const char *k, size_t n, uint64_t *value)
{
    if (!c->sets || n == 0 || n > MS_WCACHE_KEY)
        return false;
    const ms_wcache_ent *set = c->sets[h & c->mask].e;
    uint16_t tag = (uint16_t)(h >> 48);
    for (int w = 0; w < 2; w++)
        if (set[w].len == n && set[w].tag == tag && ms_bytes_eq(set[w].key, k, n)) {
            *value = set[w].value;
            return true;
        }
    return false;
}
/* Ask for the set of a hash to be brought into the CPU cache ahead of a get. */
static inline void ms_wcache_prefetch(const ms_wcache *c, uint64_t h)
{
#if defined(__GNUC__)
    if (c->sets)
        __builtin_prefetch(&c->sets[h & c->mask]);
#else
    (void)c;
    (void)h;
#endif
}
void ms_wcache_put(ms_wcache *c, uint64_t h, const char *k, size_t n, uint64_t value);

/* Iterate over the lines of a table text: sets *line and *len to each line
 * without its newline, skipping blank lines and lines starting with '#'.
 * *pos starts at 0; returns false at the end. *lineno gets the 1-based number. */
bool ms_next_line(const char *text, size_t text_len, size_t *pos, const char **line, size_t *len,
                  size_t *lineno);
/* Split a line on a separator into at most max fields; returns the count. */
size_t ms_split(const char *line, size_t len, char sep, const char **f, size_t *fl, size_t max);

/* ASCII case-insensitive equality of the first n bytes. */
static inline bool ms_ascii_ieq(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z')
            x += 32;
        if (y >= 'A' && y <= 'Z')
            y += 32;
        if (x != y)
            return false;
    }
    return true;
}

#endif
