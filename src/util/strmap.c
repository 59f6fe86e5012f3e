/* strmap.c — string → uint32 hash map, and line/field helpers for tables. */
#include <stdlib.h>

#include "util/util.h"

void msmap_init(msmap *m) { memset(m, 0, sizeof *m); }

void msmap_free(msmap *m)
{
    free(m->slots);
    free(m->ents);
    free(m->pool);
    memset(m, 0, sizeof *m);
}

static bool rehash(msmap *m, size_t nslots)
{
    uint32_t *s = calloc(nslots, sizeof *s);
    if (!s)
        return false;
    for (size_t i = 0; i < m->n; i++) {
        size_t j = m->ents[i].hash & (nslots - 1);
        while (s[j])
            j = (j + 1) & (nslots - 1);
        s[j] = (uint32_t)i + 1;
    }
    free(m->slots);
    m->slots = s;
    m->nslots = nslots;
    return true;
}

static size_t find_slot(const msmap *m, const char *k, size_t n, uint64_t h)
{
    size_t j = h & (m->nslots - 1);
    while (m->slots[j]) {
        const struct msmap_ent *e = &m->ents[m->slots[j] - 1];
        if (e->hash == h && e->len == n && memcmp(m->pool + e->off, k, n) == 0)
            return j;
        j = (j + 1) & (m->nslots - 1);
    }
    return j;
}

bool msmap_put(msmap *m, const char *k, size_t n, uint32_t value)
{
    if ((m->n + 1) * 2 > m->nslots && !rehash(m, m->nslots ? m->nslots * 2 : 64))
        return false;
    uint64_t h = ms_hash(k, n);
    size_t j = find_slot(m, k, n, h);
    if (m->slots[j]) {
        m->ents[m->slots[j] - 1].value = value;
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
    m->slots[j] = (uint32_t)++m->n;
    return true;
}

bool msmap_get(const msmap *m, const char *k, size_t n, uint32_t *value)
{
    if (!m->nslots)
        return false;
    size_t j = find_slot(m, k, n, ms_hash(k, n));
    if (!m->slots[j])
        return false;
    if (value)
        *value = m->ents[m->slots[j] - 1].value;
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
