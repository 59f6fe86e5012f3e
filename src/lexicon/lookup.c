/* lookup.c — inspection tools over the lexicons: lookup, stats, check. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

#include "lexicon/actors.h"
#include "model.h"

static void add_json_line(msbuf *b, json_t *o)
{
    char *s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(o);
    if (s) {
        msbuf_adds(b, s);
        msbuf_addc(b, '\n');
        free(s);
    }
}

char *marsad_lexicon_lookup(const marsad_model *m, const char *text, const char *date)
{
    if (!m || !text)
        return NULL;
    ms_ymd d = {0, 0, 0};
    if (date && !ms_ymd_parse(date, &d))
        d = (ms_ymd){0, 0, 0};
    ms_text t;
    if (ms_text_analyze(m->tm, text, strlen(text), MARSAD_NORM_DEFAULT, &t))
        return NULL;
    (void)ms_dict_bind(&m->lex->vocab, NULL, &t); /* unbound (no memory), matching looks words up itself */
    msvec actors, places;
    msvec_init(&actors, sizeof(ms_actor));
    msvec_init(&places, sizeof(ms_place));
    msbuf b;
    msbuf_init(&b);
    if (ms_find_actors(m->lex, &t, d, &actors, &places) == MARSAD_OK) {
        for (size_t i = 0; i < actors.n; i++) {
            const ms_actor *a = &MSVEC_AT(&actors, ms_actor, i);
            json_t *o = json_object();
            json_object_set_new(o, "text", json_stringn(text + a->start, a->end - a->start));
            json_object_set_new(o, "match", json_string("actor"));
            json_object_set_new(o, "kind", json_string(a->kind ? a->kind : "?"));
            json_object_set_new(o, "code", a->code[0] ? json_string(a->code) : json_null());
            json_object_set_new(o, "sector", a->sector ? json_string(a->sector) : json_null());
            json_object_set_new(o, "entity", a->entity ? json_string(a->entity) : json_null());
            if (a->office)
                json_object_set_new(o, "office", json_string(a->office));
            if (a->flags & MS_ACT_ANON)
                json_object_set_new(o, "anonymous", json_true());
            if (a->flags & MS_ACT_AMBIGUOUS)
                json_object_set_new(o, "ambiguous", json_true());
            if (a->flags & MS_ACT_COREF)
                json_object_set_new(o, "coreference", json_true());
            if (a->flags & MS_ACT_WEAK)
                json_object_set_new(o, "adjective", json_true());
            add_json_line(&b, o);
        }
        for (size_t i = 0; i < places.n; i++) {
            const ms_place *p = &MSVEC_AT(&places, ms_place, i);
            add_json_line(&b, json_pack("{s:s%,s:s,s:s?,s:s?}", "text", text + p->start, (size_t)(p->end - p->start),
                                        "match", "place", "code", p->code[0] ? p->code : NULL, "entity", p->name));
        }
    }
    const ms_lexicon *lx = m->lex;
    for (size_t i = 0; i < t.ntok; i++) {
        uint32_t node, it = 0, v;
        size_t n = ms_dict_match(&lx->triggers, &t, i, t.ntok, &node);
        if (!n)
            continue;
        while (ms_dict_next_value(&lx->triggers, node, &it, &v)) {
            const ms_trigger *g = &MSVEC_AT(&lx->trigger_entries, ms_trigger, v);
            json_t *o = json_object();
            json_object_set_new(o, "text", json_stringn(text + t.tok[i].start, t.tok[i + n - 1].end - t.tok[i].start));
            json_object_set_new(o, "match", json_string("trigger"));
            json_object_set_new(o, "event_type", json_string(g->type));
            json_object_set_new(o, "mode", g->mode ? json_string(g->mode) : json_null());
            json_object_set_new(o, "cameo", g->cameo ? json_string(g->cameo) : json_null());
            json_object_set_new(o, "goldstein", json_real(g->goldstein));
            json_object_set_new(o, "pos", json_stringn(&g->pos, 1));
            if (g->figure)
                json_object_set_new(o, "figure", json_string(g->figure));
            add_json_line(&b, o);
        }
    }
    for (size_t i = 0; i < t.ntok; i++) {
        uint32_t node, it = 0, v;
        size_t n = ms_dict_match(&lx->cues, &t, i, t.ntok, &node);
        if (!n)
            continue;
        static const char *const groups[] = {"modality", "attribution", "figure", "role"};
        while (ms_dict_next_value(&lx->cues, node, &it, &v)) {
            const ms_cue *c = &MSVEC_AT(&lx->cue_entries, ms_cue, v);
            add_json_line(&b, json_pack("{s:s%,s:s,s:s}", "text", text + t.tok[i].start,
                                        (size_t)(t.tok[i + n - 1].end - t.tok[i].start), "match", groups[c->group],
                                        "category", c->category));
        }
    }
    msvec_free(&actors);
    msvec_free(&places);
    ms_text_free(&t);
    return msbuf_take(&b, NULL);
}

char *marsad_model_stats_json(const marsad_model *m)
{
    if (!m)
        return NULL;
    const ms_lexicon *lx = m->lex;
    json_t *o = json_object(), *kinds = json_object(), *types = json_object();
    for (int k = 0; k < MS_K_NKINDS; k++)
        json_object_set_new(kinds, ms_akind_name(k), json_integer((json_int_t)lx->counts[k]));
    for (size_t i = 0; i < lx->trigger_entries.n; i++) {
        const ms_trigger *g = &MSVEC_AT(&lx->trigger_entries, ms_trigger, i);
        json_t *c = json_object_get(types, g->type);
        json_object_set_new(types, g->type, json_integer(c ? json_integer_value(c) + 1 : 1));
    }
    /* distinct entities per kind */
    msmap seen;
    msmap_init(&seen);
    json_t *entities = json_object();
    for (size_t i = 0; i < lx->actor_entries.n; i++) {
        const ms_actor_entry *e = &MSVEC_AT(&lx->actor_entries, ms_actor_entry, i);
        if (!e->entity)
            continue;
        char key[512];
        int n = snprintf(key, sizeof key, "%d|%s", e->kind, e->entity);
        if (n <= 0 || (size_t)n >= sizeof key || msmap_get(&seen, key, (size_t)n, NULL))
            continue;
        msmap_put(&seen, key, (size_t)n, 1);
        json_t *c = json_object_get(entities, ms_akind_name(e->kind));
        json_object_set_new(entities, ms_akind_name(e->kind), json_integer(c ? json_integer_value(c) + 1 : 1));
    }
    msmap_free(&seen);
    json_object_set_new(o, "actor_aliases", json_integer((json_int_t)lx->actor_entries.n));
    json_object_set_new(o, "actor_aliases_by_kind", kinds);
    json_object_set_new(o, "actor_entities_by_kind", entities);
    json_object_set_new(o, "trigger_forms", json_integer((json_int_t)lx->trigger_entries.n));
    json_object_set_new(o, "trigger_forms_by_type", types);
    json_object_set_new(o, "cues", json_integer((json_int_t)lx->cue_entries.n));
    json_object_set_new(o, "known_words", json_integer((json_int_t)m->tm->words.n));
    char *s = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(o);
    return s;
}

char *marsad_model_check(const marsad_model *m, size_t *problems)
{
    if (!m || !problems)
        return NULL;
    const ms_lexicon *lx = m->lex;
    msbuf b;
    msbuf_init(&b);
    if (lx->problems.len)
        msbuf_add(&b, lx->problems.s, lx->problems.len);
    size_t n = lx->nproblems;
    /* duplicates: the same alias, kind, code, entity and dates twice */
    msmap seen;
    msmap_init(&seen);
    for (size_t i = 0; i < lx->actor_entries.n; i++) {
        const ms_actor_entry *e = &MSVEC_AT(&lx->actor_entries, ms_actor_entry, i);
        char key[1024];
        int kl = snprintf(key, sizeof key, "%s|%d|%s|%s|%s|%d-%d-%d|%d-%d-%d", e->alias ? e->alias : "", e->kind,
                          e->code, e->entity ? e->entity : "", e->office ? e->office : "", e->from.y, e->from.m,
                          e->from.d, e->to.y, e->to.m, e->to.d);
        if (kl <= 0 || (size_t)kl >= sizeof key)
            continue;
        uint32_t prev;
        if (msmap_get(&seen, key, (size_t)kl, &prev)) {
            msbuf_printf(&b, "gen/actors.tsv:%u: duplicate of line %u: %s\n", e->line, prev, e->alias ? e->alias : "");
            n++;
        } else {
            msmap_put(&seen, key, (size_t)kl, e->line);
        }
    }
    msmap_free(&seen);
    /* overlapping terms: one alias, two codes, both valid at the same time, and not marked ambiguous */
    for (uint32_t node = 1; node < lx->actors.nnodes; node++) {
        uint32_t it = 0, v;
        const ms_actor_entry *first = NULL;
        while (ms_dict_next_value(&lx->actors, node, &it, &v)) {
            const ms_actor_entry *e = &MSVEC_AT(&lx->actor_entries, ms_actor_entry, v);
            if (e->kind == MS_K_PLACE || e->kind == MS_K_DEMONYM || !e->code[0])
                continue;
            if (!first) {
                first = e;
                continue;
            }
            bool overlap_time = !(e->to.y && first->from.y && e->to.y * 10000 + e->to.m * 100 + e->to.d <
                                                                  first->from.y * 10000 + first->from.m * 100 + first->from.d) &&
                                !(first->to.y && e->from.y && first->to.y * 10000 + first->to.m * 100 + first->to.d <
                                                                  e->from.y * 10000 + e->from.m * 100 + e->from.d);
            if (strcmp(e->code, first->code) && overlap_time && !e->ambiguous && !first->ambiguous) {
                msbuf_printf(&b, "gen/actors.tsv:%u: '%s' is %s (%s) here and %s (%s) on line %u; mark it ambiguous=\n",
                             e->line, e->alias ? e->alias : "", e->code, e->entity ? e->entity : "", first->code,
                             first->entity ? first->entity : "", first->line);
                n++;
            }
        }
    }
    *problems = n;
    return msbuf_take(&b, NULL);
}
