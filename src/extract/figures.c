/* figures.c — counts of people tied to their event.
 *
 * A number becomes a figure when what it counts is people (not months,
 * dollars or kilometres: data/extract/roles.txt, non_person) and its type can
 * be told:
 *   1. a cue right before it (ما زال نحو 130 منهم → HELD);
 *   2. the trigger governing it, before it in the clause with no other number
 *      in between (مقتل أكثر من 33 ألف شخص → KILL; احتجز المهاجمون نحو 250
 *      رهينة → KIDNAP);
 *   3. the counted noun itself (698 إصابة → WOUND, 12 قتيلا → KILL);
 *   4. a split construction: the type comes later in the clause (من بينهم 34
 *      … لقوا حتفهم → KILL; 3 مواطنين يعتقد أنهم قتلوا → KILL).
 * Holding people: a past verb or a verbal noun of holding reports the taking
 * (احتجز، احتجاز → KIDNAP), the imperfect or a participle the holding
 * (تحتجز، المحتجزين → HELD). Modality and attribution come from the event. */
#include "extract/ctx.h"

static const char *const types[] = {"KILL", "WOUND", "KIDNAP", "HELD", "RELEASE", "ARREST", "MISSING", "DISPLACE",
                                    "AFFECT"};

static const char *figure_type(const char *s)
{
    if (!s)
        return NULL;
    for (size_t i = 0; i < MS_ARRAY_LEN(types); i++)
        if (!strcmp(types[i], s))
            return types[i];
    return NULL;
}

/* The type of a governing trigger, with the aspect rule for holding. */
static const char *trigger_type(const ms_xctx *x, const ms_trighit *h)
{
    const char *ty = figure_type(h->g->figure);
    /* people a state body holds are arrested, not kidnapped (by_state) */
    if (ty && h->g->by_state && h->event >= 0 &&
        !strcmp(MSVEC_AT(&x->a->events, ms_event, h->event).type, "COERCE"))
        return "ARREST";
    if (ty && !strcmp(ty, "HELD")) {
        const ms_token *k = &x->t->tok[h->tok_first];
        bool participle = h->g->pos == 'P' || (k->pro & MS_PRO_AL);
        if (!participle && (h->g->past || (h->g->pos == 'N')))
            return "KIDNAP";
    }
    return ty;
}

/* A figure cue (data/grammar/figures.txt) typed as a figure, starting at k. */
static const char *cue_type(const ms_xctx *x, uint32_t k, uint32_t *end)
{
    for (size_t i = 0; i < MS_ARRAY_LEN(types); i++)
        if (ms_cue_at(x, k, MS_CUE_FIGURE, types[i], end))
            return types[i];
    return NULL;
}

static bool is_person_noun(const ms_xctx *x, uint32_t k)
{
    if (k >= x->t->ntok)
        return false;
    if (ms_cue_at(x, k, MS_CUE_ROLE, "non_person", NULL))
        return false;
    if (ms_cue_at(x, k, MS_CUE_FIGURE, NULL, NULL) || ms_cue_at(x, k, MS_CUE_ROLE, "person_ref", NULL))
        return true;
    int32_t a = x->actor_at[k];
    if (a >= 0)
        return true; /* أمريكيين، إسرائيليا، مدنيين */
    return false;
}

int ms_find_figures(ms_xctx *x)
{
    const ms_text *t = x->t;
    ms_analysis *an = x->a;
    for (size_t ni = 0; ni < an->numbers.n; ni++) {
        const ms_number *n = &MSVEC_AT(&an->numbers, ms_number, ni);
        uint32_t first = n->tok_first, last = n->tok_end;
        if (first >= t->ntok)
            continue;
        /* part of a date, or a year */
        bool in_date = false;
        for (uint32_t k = first; k < last; k++)
            in_date |= x->date_at[k] >= 0;
        if (in_date)
            continue;
        uint32_t s = t->tok[first].sent;
        uint32_t a0 = t->sent[s].tok_first, a1 = t->sent[s].tok_end;
        /* the counted noun */
        uint32_t noun = n->noun_tok != UINT32_MAX ? n->noun_tok : last;
        bool split = false;
        uint32_t cfirst;
        if (ms_cue_before(x, first, MS_CUE_ROLE, "split", &cfirst))
            split = true;
        if (n->is_dual)
            noun = n->noun_tok != UINT32_MAX ? n->noun_tok : first;
        bool person = is_person_noun(x, noun);
        if (!person && noun < a1 && ms_tok_is(t, &t->tok[noun], "\xD9\x85\xD9\x86") /* من */)
            person = is_person_noun(x, noun + 1);
        /* an unknown noun counted right after an act done to people (قتل
         * ثلاثة صيادين، اعتقال 12 ناشطا): people, unless it names things */
        if (!person && !split && noun < a1 && first > a0 && t->tok[noun].kind == MS_TOK_ARABIC &&
            !ms_cue_at(x, noun, MS_CUE_ROLE, "non_person", NULL) && x->trig_at[noun] < 0) {
            int32_t tg = x->trig_at[first - 1];
            if (tg >= 0 && MSVEC_AT(&x->trigs, ms_trighit, tg).tok_end == first &&
                trigger_type(x, &MSVEC_AT(&x->trigs, ms_trighit, tg)))
                person = true;
        }
        if (!person && !split)
            continue;
        const char *type = NULL;
        int event = -1;
        /* 0. the counted noun before the number (المحتجزين الأربعة) inside an
         * event phrase: the event's type (تحرير المحتجزين الأربعة → RELEASE) */
        if (first > a0 && x->trig_at[first - 1] >= 0) {
            const ms_trighit *h = &MSVEC_AT(&x->trigs, ms_trighit, x->trig_at[first - 1]);
            const char *ty = h->tok_end == first && h->tok_end - h->tok_first > 1 ? trigger_type(x, h) : NULL;
            if (ty && strcmp(ty, "HELD")) {
                type = ty;
                event = h->event;
            }
        }
        /* … or right after the act's phrase (عملية تحرير المحتجزين الثلاثة) */
        uint32_t cn;
        if (!type && ms_cue_before(x, first, MS_CUE_FIGURE, "HELD", &cn) && cn > a0 && x->trig_at[cn - 1] >= 0) {
            const ms_trighit *h = &MSVEC_AT(&x->trigs, ms_trighit, x->trig_at[cn - 1]);
            const char *ty = h->tok_end == cn ? trigger_type(x, h) : NULL;
            if (ty && strcmp(ty, "HELD")) {
                type = ty;
                event = h->event;
            }
        }
        /* 1. a cue right before the number */
        uint32_t cf;
        for (size_t i = 0; i < MS_ARRAY_LEN(types) && !type; i++)
            if (ms_cue_before(x, first, MS_CUE_FIGURE, types[i], &cf)) {
                type = types[i];
                /* a cue that is also the event's word (مقتل ثلاثة صحفيين) */
                if (x->trig_at[cf] >= 0)
                    event = MSVEC_AT(&x->trigs, ms_trighit, x->trig_at[cf]).event;
            }
        /* still held … or still missing: the later word tells (لا يزال 23 شخصا
         * في عداد المفقودين) */
        if (type && !strcmp(type, "HELD")) {
            for (uint32_t k = last; k < a1 && k < last + 8; k++) {
                uint32_t e;
                const char *ty = cue_type(x, k, &e);
                if (ty && (!strcmp(ty, "MISSING") || !strcmp(ty, "KILL"))) {
                    type = ty;
                    break;
                }
                if (x->num_at[k] >= 0 && x->num_at[k] != (int32_t)ni)
                    break;
            }
        }
        /* 2. the governing trigger before it */
        if (!type) {
            for (uint32_t k = first; k-- > a0 && first - k <= 8;) {
                if (x->num_at[k] >= 0 && x->num_at[k] != (int32_t)ni)
                    break;
                int32_t tg = x->trig_at[k];
                if (tg < 0)
                    continue;
                const ms_trighit *h = &MSVEC_AT(&x->trigs, ms_trighit, tg);
                const char *ty = trigger_type(x, h);
                /* the held people of an act done to them: تحرير المحتجزين الأربعة */
                if (ty && !strcmp(ty, "HELD") && h->tok_first > a0 && x->trig_at[h->tok_first - 1] >= 0) {
                    const ms_trighit *p = &MSVEC_AT(&x->trigs, ms_trighit, x->trig_at[h->tok_first - 1]);
                    const char *pt = trigger_type(x, p);
                    if (pt && strcmp(pt, "HELD")) {
                        h = p;
                        ty = pt;
                    }
                }
                if (ty) {
                    type = ty;
                    event = h->event;
                }
                break;
            }
        }
        /* 3. the counted noun itself */
        if (!type && noun < a1) {
            uint32_t e;
            type = cue_type(x, noun, &e);
            if (!type && x->trig_at[noun] >= 0) {
                const ms_trighit *h = &MSVEC_AT(&x->trigs, ms_trighit, x->trig_at[noun]);
                type = trigger_type(x, h);
                event = h->event;
            }
        }
        /* 4. later in the clause (split constructions, relative clauses) */
        if (!type) {
            for (uint32_t k = last; k < a1 && k < last + 10; k++) {
                if (x->num_at[k] >= 0 && x->num_at[k] != (int32_t)ni)
                    break;
                uint32_t e;
                const char *ty = cue_type(x, k, &e);
                if (x->trig_at[k] >= 0) {
                    const ms_trighit *h = &MSVEC_AT(&x->trigs, ms_trighit, x->trig_at[k]);
                    if (!ty)
                        ty = trigger_type(x, h);
                    if (ty)
                        event = h->event; /* the cue is the event's word too (قتلوا) */
                }
                if (ty) {
                    type = ty;
                    break;
                }
            }
        }
        if (!type)
            continue;
        ms_figure *f = msvec_push(&an->figures);
        if (!f)
            return MARSAD_ENOMEM;
        f->type = type;
        f->number = (int)ni;
        f->start = n->start;
        f->end = noun < a1 ? t->tok[noun].end : n->end;
        if (noun < a1 && noun >= last) {
            f->noun_start = t->tok[noun].start;
            f->noun_end = t->tok[noun].end;
        }
        /* the population: a nationality among the next words */
        for (uint32_t k = noun; k < a1 && k < noun + 3; k++) {
            int32_t a = x->actor_at[k];
            if (a >= 0) {
                const ms_actor *ac = &MSVEC_AT(&an->actors, ms_actor, a);
                /* a nationality, or a composed group of people (جنود سوريين) */
                if (ac->code[0] && ac->kind && (!strcmp(ac->kind, "demonym") || (ac->tok_first == noun && ac->tok_end > noun + 1))) {
                    memcpy(f->population, ac->code, 4);
                    break;
                }
            }
        }
        f->event = event;
        f->date = -1;
        f->attrib = -1;
        f->modality = MS_MOD_ASSERTED;
        f->sent = s;
        if (event >= 0) {
            const ms_event *e = &MSVEC_AT(&an->events, ms_event, event);
            f->date = e->date;
            f->modality = e->modality;
            f->attrib = e->attrib;
        } else {
            for (size_t i = 0; i < an->attribs.n; i++)
                if (MSVEC_AT(&an->attribs, ms_attrib, i).sent == s)
                    f->attrib = (int)i;
        }
    }
    return MARSAD_OK;
}
