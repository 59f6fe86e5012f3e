/* dict.c — the phrase dictionary (see dict.h). */
#include <stdlib.h>

#include "lexicon/dict.h"

#define AR_AL "\xD8\xA7\xD9\x84"

void ms_dict_init(ms_dict *d, msmap *vocab)
{
    memset(d, 0, sizeof *d);
    d->words = vocab;
    msvec_init(&d->node_first, sizeof(uint32_t));
    msvec_init(&d->payload_next, sizeof(uint32_t));
    msvec_init(&d->payload_val, sizeof(uint32_t));
    uint32_t *root = msvec_push(&d->node_first);
    if (root)
        d->nnodes = 1;
}

void ms_dict_free(ms_dict *d)
{
    free(d->edges.e);
    free(d->root);
    free(d->inner);
    msvec_free(&d->node_first);
    msvec_free(&d->payload_next);
    msvec_free(&d->payload_val);
}

static inline uint64_t edge_key(uint32_t node, uint32_t wid) { return (uint64_t)node << 32 | wid; }

static inline size_t edge_slot(uint64_t key, size_t cap)
{
    /* Fibonacci hashing: the high bits of the product are well mixed */
    return (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 32) & (cap - 1);
}

uint32_t ms_dict_child(const ms_dict *d, uint32_t node, uint32_t wid)
{
    if (node == 0 && wid < d->nroot)
        return d->root[wid];
    if (d->inner && !(d->inner[node >> 6] >> (node & 63) & 1))
        return 0;
    const ms_edges *e = &d->edges;
    if (!e->cap)
        return 0;
    uint64_t key = edge_key(node, wid);
    for (size_t j = edge_slot(key, e->cap);; j = (j + 1) & (e->cap - 1)) {
        if (!e->e[j].child)
            return 0;
        if (e->e[j].key == key)
            return e->e[j].child;
    }
}

static bool edge_put(ms_edges *e, uint32_t node, uint32_t wid, uint32_t child)
{
    if ((e->n + 1) * 2 > e->cap) {
        size_t cap = e->cap ? e->cap * 2 : 1024;
        ms_edge *x = calloc(cap, sizeof *x);
        if (!x)
            return false;
        for (size_t i = 0; i < e->cap; i++) {
            if (!e->e[i].child)
                continue;
            size_t j = edge_slot(e->e[i].key, cap);
            while (x[j].child)
                j = (j + 1) & (cap - 1);
            x[j] = e->e[i];
        }
        free(e->e);
        e->e = x;
        e->cap = cap;
    }
    uint64_t key = edge_key(node, wid);
    size_t j = edge_slot(key, e->cap);
    while (e->e[j].child && e->e[j].key != key)
        j = (j + 1) & (e->cap - 1);
    if (!e->e[j].child)
        e->n++;
    e->e[j] = (ms_edge){key, child};
    return true;
}

bool ms_dict_seal(ms_dict *d)
{
    size_t n = d->words->n;
    uint32_t *r = malloc((n ? n : 1) * sizeof *r);
    uint64_t *inner = calloc(d->nnodes / 64 + 1, sizeof *inner);
    if (!r || !inner) {
        free(r);
        free(inner);
        return false;
    }
    free(d->root);
    free(d->inner);
    d->root = NULL;
    d->inner = NULL;
    d->nroot = 0;
    for (size_t w = 0; w < n; w++)
        r[w] = ms_dict_child(d, 0, (uint32_t)w);
    for (size_t i = 0; i < d->edges.cap; i++)
        if (d->edges.e[i].child) {
            uint32_t parent = (uint32_t)(d->edges.e[i].key >> 32);
            inner[parent >> 6] |= 1ULL << (parent & 63);
        }
    d->root = r;
    d->nroot = n;
    d->inner = inner;
    return true;
}

int ms_dict_add(ms_dict *d, const char *phrase, size_t n, uint32_t value)
{
    free(d->root); /* the edges change: no longer sealed */
    free(d->inner);
    d->root = NULL;
    d->inner = NULL;
    d->nroot = 0;
    ms_text t;
    if (ms_text_analyze(NULL, phrase, n, MARSAD_NORM_DEFAULT, &t) != MARSAD_OK)
        return -1;
    uint32_t node = 0;
    int words = 0;
    for (size_t i = 0; i < t.ntok; i++) {
        const ms_token *k = &t.tok[i];
        size_t wn;
        const char *w = ms_tok_norm(&t, k, &wn);
        uint32_t wid;
        if (!msmap_get(d->words, w, wn, &wid)) {
            wid = (uint32_t)d->words->n;
            if (!msmap_put(d->words, w, wn, wid))
                goto oom;
        }
        uint32_t c = ms_dict_child(d, node, wid);
        if (!c) {
            c = d->nnodes;
            if (!msvec_push(&d->node_first) || !edge_put(&d->edges, node, wid, c))
                goto oom;
            d->nnodes++;
        }
        node = c;
        words++;
    }
    ms_text_free(&t);
    if (!words)
        return 0;
    uint32_t *nx = msvec_push(&d->payload_next), *pv = msvec_push(&d->payload_val);
    if (!nx || !pv)
        return -1;
    uint32_t p = (uint32_t)d->payload_val.n - 1;
    *pv = value;
    uint32_t *first = &MSVEC_AT(&d->node_first, uint32_t, node);
    /* keep insertion order: append at the end of the node's list */
    if (!*first) {
        *first = p + 1;
    } else {
        uint32_t q = *first - 1;
        while (MSVEC_AT(&d->payload_next, uint32_t, q))
            q = MSVEC_AT(&d->payload_next, uint32_t, q) - 1;
        MSVEC_AT(&d->payload_next, uint32_t, q) = p + 1;
    }
    d->nphrases++;
    return words;
oom:
    ms_text_free(&t);
    return -1;
}

bool ms_dict_next_value(const ms_dict *d, uint32_t node, uint32_t *it, uint32_t *value)
{
    uint32_t p = *it ? MSVEC_AT(&d->payload_next, uint32_t, *it - 1) : MSVEC_AT(&d->node_first, uint32_t, node);
    if (!p)
        return false;
    *it = p;
    *value = MSVEC_AT(&d->payload_val, uint32_t, p - 1);
    return true;
}

/* The forms a token is looked up by: as written, with the article but no
 * other proclitic (or without its proclitics), and its stem; pointing into
 * the normalized text where they can, only the article form is built, in
 * albuf. Matching calls this for every token at every start, so it copies
 * little. */
static size_t token_forms(const ms_text *t, const ms_token *k, char albuf[160], const char *form[3], size_t len[3])
{
    size_t n;
    const char *w = ms_tok_norm(t, k, &n);
    size_t nf = 0;
    if (n >= 150)
        return 0;
    form[nf] = w;
    len[nf++] = n;
    if (k->kind != MS_TOK_ARABIC || (!k->pro_len && !k->enc_len))
        return nf;
    size_t sn;
    const char *s = ms_tok_stem(t, k, &sn);
    if (k->pro & MS_PRO_AL) {
        memcpy(albuf, AR_AL, 4);
        memcpy(albuf + 4, s, sn);
        if (sn + 4 != n || memcmp(albuf, w, n)) {
            form[nf] = albuf;
            len[nf++] = sn + 4;
        }
    } else if (k->pro_len) {
        form[nf] = w + k->pro_len;
        len[nf++] = n - k->pro_len;
    }
    form[nf] = s;
    len[nf++] = sn;
    return nf;
}

static void token_ids(const msmap *vocab, const ms_text *t, size_t i, const uint64_t *h, uint32_t id[3])
{
    char albuf[160];
    const char *form[3];
    size_t len[3];
    size_t nf = token_forms(t, &t->tok[i], albuf, form, len);
    for (size_t f = 0; f < 3; f++)
        if (f >= nf || !(h ? msmap_get_h(vocab, form[f], len[f], h[f], &id[f]) : msmap_get(vocab, form[f], len[f], &id[f])))
            id[f] = UINT32_MAX;
}

/* Three word ids in a word cache value, 21 bits each (all ones: none). */
#define ID_BITS 21
#define ID_NONE ((1u << ID_BITS) - 1)

static uint64_t pack_ids(const uint32_t id[3])
{
    uint64_t v = 0;
    for (int f = 2; f >= 0; f--)
        v = v << ID_BITS | (id[f] == UINT32_MAX ? ID_NONE : id[f]);
    return v;
}

static void unpack_ids(uint64_t v, uint32_t id[3])
{
    for (int f = 0; f < 3; f++, v >>= ID_BITS) {
        uint32_t x = (uint32_t)(v & ID_NONE);
        id[f] = x == ID_NONE ? UINT32_MAX : x;
    }
}

int ms_dict_bind(const msmap *vocab, ms_wcache *cache, ms_text *t)
{
    free(t->wid);
    size_t n = t->ntok ? t->ntok : 1;
    t->wid = malloc(n * 3 * sizeof *t->wid);
    uint64_t *h = malloc(n * 3 * sizeof *h);
    /* a word's ids are a function of the word (its segmentation is): with
     * the hashes segmentation kept, a cache answers for words seen before.
     * The cache is made on first use (a worker that only analyzes text never
     * needs it); without memory for it, words are looked up one by one. */
    if (cache && !cache->sets && t->hash)
        (void)ms_wcache_init(cache, MS_TEXTCACHE_SETS);
    bool cached = cache && cache->sets && t->hash && vocab->n < ID_NONE;
    uint8_t *hit = cached ? malloc(n) : NULL;
    if (!t->wid || !h || (cached && !hit)) {
        free(t->wid);
        free(h);
        free(hit);
        t->wid = NULL;
        return MARSAD_ENOMEM;
    }
    if (cached)
        for (size_t i = 0; i < t->ntok; i++)
            if (t->hash[i])
                ms_wcache_prefetch(cache, t->hash[i]);
    /* hash every other form, asking for the memory its lookup will touch */
    for (size_t i = 0; i < t->ntok; i++) {
        char albuf[160];
        const char *form[3];
        size_t len[3];
        if (cached) {
            uint64_t v;
            size_t wn;
            const char *w = ms_tok_norm(t, &t->tok[i], &wn);
            hit[i] = t->hash[i] && ms_wcache_get(cache, t->hash[i], w, wn, &v);
            if (hit[i]) {
                unpack_ids(v, t->wid + 3 * i);
                continue;
            }
        }
        size_t nf = token_forms(t, &t->tok[i], albuf, form, len);
        for (size_t f = 0; f < nf; f++) {
            h[3 * i + f] = ms_hash(form[f], len[f]);
            msmap_prefetch(vocab, h[3 * i + f]);
        }
    }
    for (size_t i = 0; i < t->ntok; i++) {
        if (cached && hit[i])
            continue;
        token_ids(vocab, t, i, h + 3 * i, t->wid + 3 * i);
        if (cached && t->hash[i]) {
            size_t wn;
            const char *w = ms_tok_norm(t, &t->tok[i], &wn);
            ms_wcache_put(cache, t->hash[i], w, wn, pack_ids(t->wid + 3 * i));
        }
    }
    free(h);
    free(hit);
    return MARSAD_OK;
}

void ms_dict_token_ids(const ms_dict *d, const ms_text *t, size_t i, uint32_t id[3])
{
    if (t->wid)
        memcpy(id, t->wid + 3 * i, 3 * sizeof *id);
    else
        token_ids(d->words, t, i, NULL, id);
}

typedef struct mstate {
    const ms_dict *d;
    const ms_text *t;
    size_t end;
    size_t best_len;
    uint32_t best_node;
} mstate;

static void walk(mstate *st, uint32_t node, size_t i, size_t depth)
{
    if (depth && MSVEC_AT(&st->d->node_first, uint32_t, node) && depth > st->best_len) {
        st->best_len = depth;
        st->best_node = node;
    }
    if (i >= st->end || depth >= 16)
        return;
    const ms_token *k = &st->t->tok[i];
    if (k->kind == MS_TOK_PUNCT && depth == 0)
        return;
    uint32_t id[3];
    ms_dict_token_ids(st->d, st->t, i, id);
    uint32_t seen[3];
    size_t nseen = 0;
    for (size_t f = 0; f < 3; f++) {
        /* after the first word, a conjunction starts a new phrase ("X وY" is two),
         * unless the entry itself spells the word with it */
        if (depth && f > 0 && (k->pro & (MS_PRO_W | MS_PRO_F)))
            break;
        if (id[f] == UINT32_MAX)
            continue;
        uint32_t c = ms_dict_child(st->d, node, id[f]);
        if (!c)
            continue;
        bool dup = false;
        for (size_t s = 0; s < nseen; s++)
            dup |= seen[s] == c;
        if (dup)
            continue;
        seen[nseen++] = c;
        walk(st, c, i + 1, depth + 1);
    }
}

size_t ms_dict_match(const ms_dict *d, const ms_text *t, size_t i, size_t end, uint32_t *node)
{
    mstate st = {d, t, end, 0, 0};
    walk(&st, 0, i, 0);
    if (st.best_len && node)
        *node = st.best_node;
    return st.best_len;
}
