/* strmap.c — string → uint32 hash map, word set, and line/field helpers for
 * tables. */
#include <stdlib.h>

#include "util/util.h"

void msmap_init(msmap *m) { memset(m, 0, sizeof *m); }

void msmap_free(msmap *m)
{
    free(m->slots);
    free(m->bloom);
    free(m->ents);
    free(m->pool);
    memset(m, 0, sizeof *m);
}

/* The filter word of a hash and its three bits. The slot index uses the low
 * bits of the hash, the tag the high 32; the filter takes bits in between
 * and at the top, so the three rarely fail together. */
static inline size_t bloom_word(size_t nslots, uint64_t h) { return (size_t)(h >> 40) & (nslots / 16 - 1); }

static inline uint64_t bloom_bits(uint64_t h)
{
    return (1ULL << ((h >> 20) & 63)) | (1ULL << ((h >> 26) & 63)) | (1ULL << ((h >> 34) & 63));
}

static bool rehash(msmap *m, size_t nslots)
{
    msmap_slot *s = calloc(nslots, sizeof *s);
    uint64_t *bl = calloc(nslots / 16, sizeof *bl);
    if (!s || !bl) {
        free(s);
        free(bl);
        return false;
    }
    free(m->slots);
    free(m->bloom);
    m->slots = s;
    m->bloom = bl;
    m->nslots = nslots;
    for (size_t i = 0; i < m->n; i++) {
        uint64_t h = m->ents[i].hash;
        size_t j = h & (nslots - 1);
        while (s[j].idx)
            j = (j + 1) & (nslots - 1);
        s[j] = (msmap_slot){(uint32_t)i + 1, (uint32_t)(h >> 32)};
        bl[bloom_word(m->nslots, h)] |= bloom_bits(h);
    }
    return true;
}

static size_t find_slot(const msmap *m, const char *k, size_t n, uint64_t h)
{
    size_t mask = m->nslots - 1, j = h & mask;
    uint32_t tag = (uint32_t)(h >> 32);
    for (;; j = (j + 1) & mask) {
        const msmap_slot *sl = &m->slots[j];
        if (!sl->idx)
            return j;
        if (sl->tag != tag)
            continue;
        const struct msmap_ent *e = &m->ents[sl->idx - 1];
        if (e->hash == h && e->len == n && ms_bytes_eq(m->pool + e->off, k, n))
            return j;
    }
}

bool msmap_reserve(msmap *m, size_t n)
{
    size_t ns = m->nslots ? m->nslots : 64;
    while (n * 2 > ns)
        ns *= 2;
    if (ns > m->nslots && !rehash(m, ns))
        return false;
    if (n > m->cap) {
        void *e = realloc(m->ents, n * sizeof *m->ents);
        if (!e)
            return false;
        m->ents = e;
        m->cap = n;
    }
    return true;
}

bool msmap_put(msmap *m, const char *k, size_t n, uint32_t value)
{
    if ((m->n + 1) * 2 > m->nslots && !rehash(m, m->nslots ? m->nslots * 2 : 64))
        return false;
    uint64_t h = ms_hash(k, n);
    size_t j = find_slot(m, k, n, h);
    if (m->slots[j].idx) {
        m->ents[m->slots[j].idx - 1].value = value;
        return true;
    }
    if (m->n == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 64;
        void *e = realloc(m->ents, cap * sizeof *m->ents);
        if (!e)
            return false;
        m->ents = e;
        m->cap = cap;
    }
    if (m->pool_len + n + 1 > m->pool_cap) {
        size_t cap = m->pool_cap ? m->pool_cap : 1024;
        while (cap < m->pool_len + n + 1)
            cap *= 2;
        char *p = realloc(m->pool, cap);
        if (!p)
            return false;
        m->pool = p;
        m->pool_cap = cap;
    }
    memcpy(m->pool + m->pool_len, k, n);
    m->pool[m->pool_len + n] = 0;
    m->ents[m->n] = (struct msmap_ent){h, (uint32_t)m->pool_len, (uint32_t)n, value};
    m->pool_len += n + 1;
    m->slots[j] = (msmap_slot){(uint32_t)++m->n, (uint32_t)(h >> 32)};
    m->bloom[bloom_word(m->nslots, h)] |= bloom_bits(h);
    return true;
}

void msmap_prefetch(const msmap *m, uint64_t h)
{
#if defined(__GNUC__)
    if (m->nslots) {
        __builtin_prefetch(&m->bloom[bloom_word(m->nslots, h)]);
        __builtin_prefetch(&m->slots[h & (m->nslots - 1)]);
    }
#else
    (void)m;
    (void)h;
#endif
}

bool msmap_get(const msmap *m, const char *k, size_t n, uint32_t *value)
{
    return msmap_get_h(m, k, n, ms_hash(k, n), value);
}

bool msmap_get_h(const msmap *m, const char *k, size_t n, uint64_t h, uint32_t *value)
{
    if (!m->nslots)
        return false;
    uint64_t bits = bloom_bits(h);
    if ((m->bloom[bloom_word(m->nslots, h)] & bits) != bits)
        return false;
    size_t j = find_slot(m, k, n, h);
    if (!m->slots[j].idx)
        return false;
    if (value)
        *value = m->ents[m->slots[j].idx - 1].value;
    return true;
}

/* MARK: word set */

void mswset_init(mswset *s)
{
    memset(s, 0, sizeof *s);
    msmap_init(&s->longer);
}

void mswset_free(mswset *s)
{
    free(s->slots);
    free(s->bloom);
    msmap_free(&s->longer);
    memset(s, 0, sizeof *s);
}

_Static_assert(sizeof(mswset_slot) == 16, "four word set slots to a cache line");

/* The packed form of a word (see util.h); 0 if it does not pack. */
static size_t wset_pack(const char *k, size_t n, uint8_t out[MS_WSET_KEY])
{
    const unsigned char *p = (const unsigned char *)k;
    size_t o = 0;
    for (size_t i = 0; i < n; o++) {
        if (o == MS_WSET_KEY)
            return 0;
        unsigned c = p[i];
        if (c < 0x80) {
            out[o] = (uint8_t)c;
            i++;
        } else if ((c | 1) == 0xD9 && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
            out[o] = (uint8_t)(0x80 | (c & 1) << 6 | (p[i + 1] & 0x3F));
            i += 2;
        } else {
            return 0;
        }
    }
    return o;
}

/* The word a packed key stands for; returns its length. */
static size_t wset_unpack(const uint8_t *key, size_t pn, char out[2 * MS_WSET_KEY])
{
    size_t o = 0;
    for (size_t i = 0; i < pn; i++) {
        if (key[i] < 0x80) {
            out[o++] = (char)key[i];
        } else {
            out[o++] = (char)(0xD8 | (key[i] >> 6 & 1));
            out[o++] = (char)(0x80 | (key[i] & 0x3F));
        }
    }
    return o;
}

static inline uint32_t wset_tag(uint64_t h) { return (uint32_t)(h >> 32); }

/* The slot holding the packed key, or the empty slot where it would go;
 * h is the hash of the word itself. */
static size_t wset_find(const mswset *s, const uint8_t *k, size_t n, uint64_t h)
{
    size_t mask = s->nslots - 1, j = h & mask;
    uint32_t tag = wset_tag(h);
    for (;; j = (j + 1) & mask) {
        const mswset_slot *sl = &s->slots[j];
        if (!sl->len || (sl->tag == tag && sl->len == n && ms_bytes_eq(sl->key, k, n)))
            return j;
    }
}

static bool wset_rehash(mswset *s, size_t nslots)
{
    mswset_slot *sl = aligned_alloc(64, nslots * sizeof *sl); /* four slots to a cache line */
    uint64_t *bl = calloc(nslots / 16, sizeof *bl);
    if (!sl || !bl) {
        free(sl);
        free(bl);
        return false;
    }
    memset(sl, 0, nslots * sizeof *sl);
    mswset old = *s;
    s->slots = sl;
    s->bloom = bl;
    s->nslots = nslots;
    for (size_t i = 0; i < old.nslots; i++) {
        const mswset_slot *o = &old.slots[i];
        if (!o->len)
            continue;
        char w[2 * MS_WSET_KEY];
        uint64_t h = ms_hash(w, wset_unpack(o->key, o->len, w));
        sl[wset_find(s, o->key, o->len, h)] = *o;
        bl[bloom_word(nslots, h)] |= bloom_bits(h);
    }
    /* the filter answers for the longer words too */
    for (size_t i = 0; i < s->longer.n; i++) {
        uint64_t h = s->longer.ents[i].hash;
        bl[bloom_word(nslots, h)] |= bloom_bits(h);
    }
    free(old.slots);
    free(old.bloom);
    return true;
}

bool mswset_add(mswset *s, const char *k, size_t n)
{
    if ((s->n + 1) * 2 > s->nslots && !wset_rehash(s, s->nslots ? s->nslots * 2 : 64))
        return false;
    uint64_t h = ms_hash(k, n);
    uint8_t key[MS_WSET_KEY];
    size_t pn = wset_pack(k, n, key);
    if (!pn) {
        size_t had = s->longer.n;
        if (!msmap_put(&s->longer, k, n, 1))
            return false;
        if (s->longer.n == had)
            return true;
    } else {
        mswset_slot *sl = &s->slots[wset_find(s, key, pn, h)];
        if (sl->len)
            return true;
        sl->tag = wset_tag(h);
        sl->len = (uint8_t)pn;
        memcpy(sl->key, key, pn);
    }
    s->n++;
    s->bloom[bloom_word(s->nslots, h)] |= bloom_bits(h);
    return true;
}

bool mswset_has(const mswset *s, const char *k, size_t n)
{
    if (!s->nslots)
        return false;
    /* most words asked are not in the set: the filter first, the packing
     * only for those it lets through */
    uint64_t h = ms_hash(k, n), bits = bloom_bits(h);
    if ((s->bloom[bloom_word(s->nslots, h)] & bits) != bits)
        return false;
    uint8_t key[MS_WSET_KEY];
    size_t pn = wset_pack(k, n, key);
    if (!pn)
        return msmap_get_h(&s->longer, k, n, h, NULL);
    return s->slots[wset_find(s, key, pn, h)].len != 0;
}

bool ms_next_line(const char *text, size_t text_len, size_t *pos, const char **line, size_t *len,
                  size_t *lineno)
{
    while (*pos < text_len) {
        size_t a = *pos, b = a;
        while (b < text_len && text[b] != '\n')
            b++;
        *pos = b < text_len ? b + 1 : b;
        if (lineno)
            ++*lineno;
        size_t e = b;
        while (e > a && (text[e - 1] == '\r' || text[e - 1] == ' ' || text[e - 1] == '\t'))
            e--;
        size_t s = a;
        while (s < e && (text[s] == ' ' || text[s] == '\t'))
            s++;
        if (s == e || text[s] == '#')
            continue;
        *line = text + a;
        *len = e - a;
        return true;
    }
    return false;
}

size_t ms_split(const char *line, size_t len, char sep, const char **f, size_t *fl, size_t max)
{
    size_t n = 0, a = 0;
    for (size_t i = 0; i <= len && n < max; i++) {
        if (i == len || line[i] == sep) {
            size_t s = a, e = i;
            while (s < e && line[s] == ' ')
                s++;
            while (e > s && line[e - 1] == ' ')
                e--;
            f[n] = line + s;
            fl[n] = e - s;
            n++;
            a = i + 1;
        }
    }
    return n;
}
