/* dict.c — the phrase dictionary (see dict.h). */
#include <stdlib.h>

#include "lexicon/dict.h"

#define AR_AL "\xD8\xA7\xD9\x84"

void ms_dict_init(ms_dict *d)
{
    memset(d, 0, sizeof *d);
    msmap_init(&d->words);
    msmap_init(&d->edges);
    msvec_init(&d->node_first, sizeof(uint32_t));
    msvec_init(&d->payload_next, sizeof(uint32_t));
    msvec_init(&d->payload_val, sizeof(uint32_t));
    uint32_t *root = msvec_push(&d->node_first);
    if (root)
        d->nnodes = 1;
}

void ms_dict_free(ms_dict *d)
{
    msmap_free(&d->words);
    msmap_free(&d->edges);
    msvec_free(&d->node_first);
    msvec_free(&d->payload_next);
    msvec_free(&d->payload_val);
}

uint32_t ms_dict_word(const ms_dict *d, const char *w, size_t n)
{
    uint32_t id;
    return msmap_get(&d->words, w, n, &id) ? id : UINT32_MAX;
}

static uint32_t child(const ms_dict *d, uint32_t node, uint32_t wid)
{
    uint32_t key[2] = {node, wid}, c;
    return msmap_get(&d->edges, (const char *)key, sizeof key, &c) ? c : 0;
}

int ms_dict_add(ms_dict *d, const char *phrase, size_t n, uint32_t value)
{
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
        if (!msmap_get(&d->words, w, wn, &wid)) {
            wid = (uint32_t)d->words.n;
            if (!msmap_put(&d->words, w, wn, wid))
                goto oom;
        }
        uint32_t c = child(d, node, wid);
        if (!c) {
            c = d->nnodes;
            uint32_t key[2] = {node, wid};
            if (!msvec_push(&d->node_first) || !msmap_put(&d->edges, (const char *)key, sizeof key, c))
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

size_t ms_token_forms(const ms_text *t, const ms_token *k, char buf[4][160], size_t len[4])
{
    char albuf[160];
    const char *form[3];
    size_t nf = token_forms(t, k, albuf, form, len);
    for (size_t i = 0; i < nf; i++)
        memcpy(buf[i], form[i], len[i]);
    return nf;
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
    char albuf[160];
    const char *form[3];
    size_t len[3];
    size_t nf = token_forms(st->t, k, albuf, form, len);
    uint32_t seen[3];
    size_t nseen = 0;
    for (size_t f = 0; f < nf; f++) {
        /* after the first word, a conjunction starts a new phrase ("X وY" is two),
         * unless the entry itself spells the word with it */
        if (depth && f > 0 && (k->pro & (MS_PRO_W | MS_PRO_F)))
            continue;
        uint32_t wid = ms_dict_word(st->d, form[f], len[f]);
        if (wid == UINT32_MAX)
            continue;
        uint32_t c = child(st->d, node, wid);
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
