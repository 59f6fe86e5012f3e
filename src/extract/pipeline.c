/* pipeline.c — the extraction stages in order: actors and places, cue words,
 * attributions, events, figures, then merging repeated mentions. */
#include <stdlib.h>

#include "assemble/assemble.h"
#include "extract/ctx.h"
#include "lexicon/actors.h"

const ms_cuehit *ms_cue_hit_slow(const ms_xctx *x, uint32_t i, int group, const char *cat)
{
    for (int32_t c = x->cue_first[i]; c >= 0 && (size_t)c < x->cues.n; c++) {
        const ms_cuehit *h = &MSVEC_AT(&x->cues, ms_cuehit, c);
        if (h->tok_first != i)
            break;
        if (h->cue->group == group && (!cat || (h->cue->category[0] == cat[0] && !strcmp(h->cue->category, cat))))
            return h;
    }
    return NULL;
}

bool ms_cue_before(const ms_xctx *x, uint32_t i, int group, const char *cat, uint32_t *first)
{
    for (uint32_t back = 1; back <= 4 && back <= i; back++) {
        uint32_t end;
        if (ms_cue_at(x, i - back, group, cat, &end) && end == i) {
            if (first)
                *first = i - back;
            return true;
        }
    }
    return false;
}

static int find_cues(ms_xctx *x)
{
    const ms_text *t = x->t;
    for (size_t s = 0; s < t->nsent; s++) {
        for (uint32_t i = t->sent[s].tok_first; i < t->sent[s].tok_end; i++) {
            uint32_t node;
            size_t n = ms_dict_match(&x->lx->cues, t, i, t->sent[s].tok_end, &node);
            /* every cue starting here (shorter ones too, they may be of other groups) */
            for (size_t len = n; len >= 1 && n; len--) {
                uint32_t nd;
                if (ms_dict_match(&x->lx->cues, t, i, i + len, &nd) != len)
                    continue;
                uint32_t it = 0, v;
                while (ms_dict_next_value(&x->lx->cues, nd, &it, &v)) {
                    ms_cuehit *h = msvec_push(&x->cues);
                    if (!h)
                        return MARSAD_ENOMEM;
                    h->tok_first = i;
                    h->tok_end = i + (uint32_t)len;
                    h->cue = &MSVEC_AT(&x->lx->cue_entries, ms_cue, v);
                    if (x->cue_first[i] < 0)
                        x->cue_first[i] = (int32_t)x->cues.n - 1;
                }
            }
        }
    }
    return MARSAD_OK;
}

/* "المسؤول" / "المصدر" alone, after "مسؤول أمريكي" was named: the same
 * (anonymous) actor's country. */
static void anonymous_coreference(ms_xctx *x)
{
    msvec *v = &x->a->actors;
    for (size_t i = 0; i < v->n; i++) {
        ms_actor *a = &MSVEC_AT(v, ms_actor, i);
        if (a->code[0] || !(a->flags & MS_ACT_ANON))
            continue;
        const ms_token *k = &x->t->tok[a->tok_first];
        if (!(k->pro & MS_PRO_AL))
            continue;
        for (size_t j = i; j-- > 0;) {
            const ms_actor *b = &MSVEC_AT(v, ms_actor, j);
            if ((b->flags & MS_ACT_ANON) && b->code[0]) {
                memcpy(a->code, b->code, 4);
                if (!a->sector)
                    a->sector = b->sector;
                a->flags |= MS_ACT_COREF;
                break;
            }
        }
    }
}

int ms_extract_all(const marsad_model *m, ms_textcache *cache, const marsad_doc *d, ms_analysis *a)
{
    (void)d;
    const ms_text *t = &a->t;
    ms_xctx x = {0};
    x.lx = m->lex;
    x.a = a;
    x.t = t;
    msvec_init(&x.cues, sizeof(ms_cuehit));
    msvec_init(&x.trigs, sizeof(ms_trighit));
    size_t n = t->ntok ? t->ntok : 1;
    x.actor_at = malloc(n * sizeof(int32_t));
    x.trig_at = malloc(n * sizeof(int32_t));
    x.date_at = malloc(n * sizeof(int32_t));
    x.num_at = malloc(n * sizeof(int32_t));
    x.cue_first = malloc(n * sizeof(int32_t));
    int rc = MARSAD_ENOMEM;
    if (!x.actor_at || !x.trig_at || !x.date_at || !x.num_at || !x.cue_first)
        goto done;
    for (size_t i = 0; i < n; i++)
        x.actor_at[i] = x.trig_at[i] = x.date_at[i] = x.num_at[i] = x.cue_first[i] = -1;
    if ((rc = ms_dict_bind(&m->lex->vocab, cache ? &cache->wid : NULL, &a->t)) ||
        (rc = ms_find_actors(m->lex, t, a->doc_date, &a->actors, &a->places)))
        goto done;
    anonymous_coreference(&x);
    for (size_t i = 0; i < a->actors.n; i++) {
        const ms_actor *ac = &MSVEC_AT(&a->actors, ms_actor, i);
        for (uint32_t k = ac->tok_first; k < ac->tok_end; k++)
            x.actor_at[k] = (int32_t)i;
    }
    for (size_t i = 0; i < a->dates.n; i++) {
        const ms_date *dt = &MSVEC_AT(&a->dates, ms_date, i);
        for (uint32_t k = dt->tok_first; k < dt->tok_end && k < t->ntok; k++)
            x.date_at[k] = (int32_t)i;
    }
    for (size_t i = 0; i < a->numbers.n; i++) {
        const ms_number *nb = &MSVEC_AT(&a->numbers, ms_number, i);
        for (uint32_t k = nb->tok_first; k < nb->tok_end && k < t->ntok; k++)
            x.num_at[k] = (int32_t)i;
    }
    if ((rc = find_cues(&x)) || (rc = ms_find_attributions(&x)) || (rc = ms_find_events(&x)) ||
        (rc = ms_find_figures(&x)))
        goto done;
    ms_merge_events(&x);
    rc = MARSAD_OK;
done:
    free(x.actor_at);
    free(x.trig_at);
    free(x.date_at);
    free(x.num_at);
    free(x.cue_first);
    msvec_free(&x.cues);
    msvec_free(&x.trigs);
    return rc;
}
