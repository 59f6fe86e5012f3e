/* strmap.c — string → uint32 hash map, and line/field helpers for tables. */
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
static inline size_t bloom_word(const msmap *m, uint64_t h) { return (size_t)(h >> 40) & (m->nslots / 16 - 1); }

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
        bl[bloom_word(m, h)] |= bloom_bits(h);
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
    m->bloom[bloom_word(m, h)] |= bloom_bits(h);
    return true;
}

void msmap_prefetch(const msmap *m, uint64_t h)
{
#if defined(__GNUC__)
    if (m->nslots) {
        __builtin_prefetch(&m->bloom[bloom_word(m, h)]);
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
    if ((m->bloom[bloom_word(m, h)] & bits) != bits)
        return false;
    size_t j = find_slot(m, k, n, h);
    if (!m->slots[j].idx)
        return false;
    if (value)
        *value = m->ents[m->slots[j].idx - 1].value;
    return true;
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
