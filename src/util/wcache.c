/* wcache.c — a bounded cache of per-word results (see util.h). */
#include <stdlib.h>

#include "util/util.h"

/* two entries to a cache line */
_Static_assert(sizeof(ms_wcache_ent) == 32, "a word cache entry is half a cache line");

bool ms_wcache_init(ms_wcache *c, size_t nsets)
{
    size_t n = 1;
    while (n < nsets)
        n *= 2;
    memset(c, 0, sizeof *c);
    /* aligned so that a set is one cache line, not two */
    c->sets = aligned_alloc(64, n * sizeof *c->sets);
    if (!c->sets)
        return false;
    memset(c->sets, 0, n * sizeof *c->sets);
    c->mask = n - 1;
    return true;
}

void ms_wcache_free(ms_wcache *c)
{
    free(c->sets);
    memset(c, 0, sizeof *c);
}

void ms_wcache_put(ms_wcache *c, uint64_t h, const char *k, size_t n, uint64_t value)
{
    if (!c->sets || n == 0 || n > MS_WCACHE_KEY)
        return;
    ms_wcache_ent *set = c->sets[h & c->mask].e;
    /* the newest entry goes first; the older of the two makes room */
    set[1] = set[0];
    set[0].tag = (uint16_t)(h >> 48);
    set[0].value = value;
    set[0].len = (uint8_t)n;
    memcpy(set[0].key, k, n);
}
