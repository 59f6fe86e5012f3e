/* events.c — events from triggers and Arabic clause structure.
 *
 * Triggers come from the trigger lexicon (longest match; a verbal phrase may
 * be split by its subject: أطلقت حماس سراح; a verb form spelled like its
 * noun is read as the noun after a preposition: في دعم). Arguments:
 *   - verbs: the subject after the verb (VSO) or right before it (SVO); the
 *     recipient after the preposition the trigger takes (طلب … من، تفاوض
 *     مع، أفرج عن) or as a direct object; the agent of a passive after
 *     من قبل / على يد; no subject after the verb when an auxiliary holds it
 *     (كان يدعو البرلمان), when the name heads nothing but a genitive
 *     (امتدح دور القوات) or stands before a second complement (اتهم إيران بـ);
 *   - nouns: a genitive actor or an adjective of nationality right after the
 *     noun, before any preposition (هجوم الحركة، الحملة الإسرائيلية), or the
 *     one the act is done to for nouns so marked (دعم لبنان، زيارة إسرائيل),
 *     else the subject of the clause before it; بين X و Y; the released or
 *     abducted people's nationality as the recipient;
 *   - support verbs: the subject of تجري / شن / نجح في / أعلن عن / أعرب عن …
 *     is the actor of the event noun they govern (تجري قطر محادثات، هجوم شنه
 *     …), not of one inside another noun's phrase (بدأوا الشك في مقتل);
 *     a purpose (ل) or means (ب) clause is done by the act it serves, and
 *     what someone is accused of is no act of the accuser;
 *     coordinated verbs share their subject;
 *   - the mediator right after بوساطة / عبر الوسطاء / برعاية, near the trigger.
 * An actor that cannot be found is left empty, never guessed; an event
 * without an actor is reported only when a figure counts what it did, and
 * not when the deaths are those of an accident (تحطم، غرق، زلزال). The
 * toll of an act told after it (أسفر عن مقتل …) belongs to that act. Events
 * are dyads: one per recipient country.
 * Modality from the words around the trigger (data/grammar/modality.txt), the
 * future prefix س, and the date: an event dated well before the article is
 * a background (historical) event. */
#include <stdio.h>
#include <stdlib.h>

#include "extract/ctx.h"

#define AR_TAMMA "\xD8\xAA\xD9\x85"               /* تم */
#define AR_QAD "\xD9\x82\xD8\xAF"                 /* قد */
#define AR_MA3 "\xD9\x85\xD8\xB9"                 /* مع */

static const ms_actor *actor(const ms_xctx *x, int32_t i) { return &MSVEC_AT(&x->a->actors, ms_actor, i); }

static bool tok_is(const ms_xctx *x, uint32_t i, const char *w)
{
    return i < x->t->ntok && (ms_tok_is(x->t, &x->t->tok[i], w) || ms_tok_stem_is(x->t, &x->t->tok[i], w));
}

/* A comma, Arabic or Latin. */
static bool comma_at(const ms_xctx *x, uint32_t k)
{
    const ms_token *t = &x->t->tok[k];
    return t->kind == MS_TOK_PUNCT && (ms_tok_is(x->t, t, "\xD8\x8C") || ms_tok_is(x->t, t, ","));
}

/* A preposition or place adverb word (من، في، على، داخل، بشأن …). */
static bool preposition_word(const ms_xctx *x, const ms_token *p)
{
    static const char *const preps[] = {"\xD9\x85\xD9\x86" /* من */, "\xD9\x85\xD8\xB9" /* مع */,
                                        "\xD8\xB9\xD9\x84\xD9\x8A" /* علي */, "\xD8\xA7\xD9\x84\xD9\x8A" /* الي */,
                                        "\xD8\xB9\xD9\x86" /* عن */, "\xD9\x81\xD9\x8A" /* في */,
                                        "\xD8\xA8\xD9\x8A\xD9\x86" /* بين */, "\xD9\x84\xD8\xAF\xD9\x8A" /* لدي */,
                                        "\xD8\xB6\xD8\xAF" /* ضد */, "\xD8\xB9\xD8\xA8\xD8\xB1" /* عبر */,
                                        /* place adverbs: داخل سوريا is a place, not a doer */
                                        "\xD8\xAF\xD8\xA7\xD8\xAE\xD9\x84" /* داخل */, "\xD8\xAE\xD8\xA7\xD8\xB1\xD8\xAC" /* خارج */,
                                        "\xD9\x82\xD8\xB1\xD8\xA8" /* قرب */, "\xD8\xB4\xD9\x85\xD8\xA7\xD9\x84" /* شمال */,
                                        "\xD8\xAC\xD9\x86\xD9\x88\xD8\xA8" /* جنوب */, "\xD8\xB4\xD8\xB1\xD9\x82" /* شرق */,
                                        "\xD8\xBA\xD8\xB1\xD8\xA8" /* غرب */, "\xD9\x88\xD8\xB3\xD8\xB7" /* وسط */,
                                        "\xD8\xA7\xD9\x85\xD8\xA7\xD9\x85" /* امام */, "\xD8\xAD\xD9\x88\xD9\x84" /* حول */,
                                        "\xD8\xB9\xD9\x86\xD8\xAF" /* عند */, "\xD8\xAA\xD8\xAC\xD8\xA7\xD9\x87" /* تجاه */,
                                        "\xD8\xA8\xD8\xB4\xD8\xA7\xD9\x86" /* بشان */, "\xD8\xAD\xD8\xAA\xD9\x8A" /* حتي */,
                                        /* time: بعد طرد المتمردين is a noun after a preposition */
                                        "\xD8\xA8\xD8\xB9\xD8\xAF" /* بعد (not قبل: من قبل names an agent) */,
                                        "\xD8\xB9\xD9\x82\xD8\xA8" /* عقب */, "\xD8\xA7\xD8\xAB\xD8\xB1" /* اثر */,
                                        "\xD9\x85\xD9\x86\xD8\xB0" /* منذ */, "\xD8\xAE\xD9\x84\xD8\xA7\xD9\x84" /* خلال */,
                                        "\xD8\xA7\xD8\xAB\xD9\x86\xD8\xA7\xD8\xA1" /* اثناء */};
    for (size_t i = 0; i < MS_ARRAY_LEN(preps); i++)
        if (ms_tok_is(x->t, p, preps[i]))
            return true;
    return false;
}

/* Does the word after an actor open a second complement with this attached
 * preposition (ب in اتهم إيران بالضلوع، بأنها), or is it that preposition
 * alone before a quotation (اتهم الوزير بـ "الاستمتاع")? */
static bool second_complement(const ms_xctx *x, const ms_actor *ac, const char *prep)
{
    if (ac->tok_end >= x->t->ntok)
        return false;
    const ms_token *k = &x->t->tok[ac->tok_end];
    size_t n, pn = strlen(prep);
    const char *w = ms_tok_norm(x->t, k, &n);
    if (k->kind == MS_TOK_ARABIC && n == pn && pn == 2 && !memcmp(w, prep, pn))
        return true;
    return k->kind == MS_TOK_ARABIC && (k->pro & (MS_PRO_B | MS_PRO_L | MS_PRO_K)) && n > pn && !memcmp(w, prep, pn);
}

/* MARK: trigger matching */

static size_t match_from(const ms_dict *d, const ms_text *t, uint32_t node, uint32_t i, uint32_t end, uint32_t *out)
{
    /* walk from a node: try each form of token i, then recurse (short phrases) */
    size_t best = 0;
    if (i >= end)
        return 0;
    uint32_t id[3];
    ms_dict_token_ids(d, t, i, id);
    for (size_t f = 0; f < 3; f++) {
        uint32_t c = id[f] == UINT32_MAX ? 0 : ms_dict_child(d, node, id[f]);
        if (!c)
            continue;
        uint32_t sub;
        size_t m = match_from(d, t, c, i + 1, end, &sub);
        if (m && m + 1 > best) {
            best = m + 1;
            *out = sub;
        } else if (!best && MSVEC_AT(&d->node_first, uint32_t, c)) {
            best = 1;
            *out = c;
        }
    }
    return best;
}

/* The first token's node for a split phrase: the head word alone. */
static bool head_node(const ms_dict *d, const ms_text *t, uint32_t i, uint32_t *node)
{
    uint32_t id[3];
    ms_dict_token_ids(d, t, i, id);
    for (size_t f = 0; f < 3; f++) {
        uint32_t c = id[f] == UINT32_MAX ? 0 : ms_dict_child(d, 0, id[f]);
        if (c) {
            *node = c;
            return true;
        }
    }
    return false;
}

static int32_t subject_svo(const ms_xctx *x, uint32_t at, uint32_t first);
static char complementizer_pronoun(const ms_xctx *x, uint32_t k);
static bool plural_verb(const ms_xctx *x, uint32_t i);

/* Does the verb at i have its subject before it: an actor (subject_svo), or
 * the pronoun of a complementizer (بأنها ستحمل طهران مسؤولية)? */
static bool subject_before_verb(const ms_xctx *x, uint32_t i, uint32_t first)
{
    if (subject_svo(x, i, first) >= 0)
        return true;
    for (uint32_t k = i; k > first && i - k < 3;) {
        k--;
        if (complementizer_pronoun(x, k))
            return true;
        if (!ms_cue_at(x, k, MS_CUE_MODALITY, NULL, NULL))
            return false;
    }
    return false;
}

static const ms_trigger *node_trigger(const ms_xctx *x, uint32_t node)
{
    uint32_t it = 0, v;
    if (ms_dict_next_value(&x->lx->triggers, node, &it, &v))
        return &MSVEC_AT(&x->lx->trigger_entries, ms_trigger, v);
    return NULL;
}

/* The noun reading of a verb form spelled like its verbal noun (دعم), if
 * the lexicon has one: taken where a verb cannot stand, right after a
 * preposition (في دعم) or with a preposition or the article attached. */
static const ms_trigger *noun_reading(const ms_xctx *x, uint32_t node, uint32_t i, uint32_t first)
{
    const ms_token *k = &x->t->tok[i];
    /* the preposition may stand alone before a quotation: اتهمها بـ"دعم …" */
    uint32_t j = i;
    if (j > first && ms_quote_open(x->t, &x->t->tok[j - 1]))
        j--;
    const ms_token *p = j > first ? &x->t->tok[j - 1] : NULL;
    bool lone = p && p->kind == MS_TOK_ARABIC && p->nend - p->nstart == 2 &&
                (ms_tok_is(x->t, p, "\xD8\xA8") || ms_tok_is(x->t, p, "\xD9\x84") || ms_tok_is(x->t, p, "\xD9\x83"));
    if (!(k->pro & (MS_PRO_L | MS_PRO_AL | MS_PRO_B | MS_PRO_K)) && !(p && (preposition_word(x, p) || lone)))
        return NULL;
    uint32_t it = 0, v;
    while (ms_dict_next_value(&x->lx->triggers, node, &it, &v)) {
        const ms_trigger *g = &MSVEC_AT(&x->lx->trigger_entries, ms_trigger, v);
        if (g->pos == 'N')
            return g;
    }
    return NULL;
}

static int find_triggers(ms_xctx *x)
{
    const ms_text *t = x->t;
    const ms_dict *d = &x->lx->triggers;
    for (size_t s = 0; s < t->nsent; s++) {
        uint32_t a1 = t->sent[s].tok_end;
        for (uint32_t i = t->sent[s].tok_first; i < a1;) {
            if (t->tok[i].kind != MS_TOK_ARABIC || x->actor_at[i] >= 0) {
                i++;
                continue;
            }
            /* an anonymity formula is no act (طلبا عدم الكشف عن هويتيهما) */
            uint32_t anon_end;
            if (ms_cue_at(x, i, MS_CUE_ATTRIB, "anonymous", &anon_end) && anon_end > i) {
                i = anon_end;
                continue;
            }
            uint32_t node = 0, gap_first = 0, gap_end = 0;
            size_t n = ms_dict_match(d, t, i, a1, &node);
            /* a verbal phrase split by its subject: أطلقت حماس سراح */
            uint32_t hn;
            if (head_node(d, t, i, &hn)) {
                uint32_t k = i + 1;
                /* the subject: an actor, or a noun phrase of up to two words
                 * the lexicon does not know (أطلقت الجماعة سراح) */
                uint32_t after = k;
                if (k < a1 && x->actor_at[k] >= 0) {
                    after = actor(x, x->actor_at[k])->tok_end;
                    /* and the actors coordinated with it (توصلت إسرائيل وحماس إلى) */
                    while (after < a1 && x->actor_at[after] >= 0 && (t->tok[after].pro & MS_PRO_W) &&
                           actor(x, x->actor_at[after])->tok_first == after)
                        after = actor(x, x->actor_at[after])->tok_end;
                } else
                    while (after < a1 && after < k + 2 && t->tok[after].kind == MS_TOK_ARABIC &&
                           (t->tok[after].pro & MS_PRO_AL) && x->trig_at[after] < 0 && x->actor_at[after] < 0)
                        after++;
                if (after > k) {
                    uint32_t sub;
                    size_t m = match_from(d, t, hn, after, a1, &sub);
                    if (m && 1 + m > n) {
                        const ms_trigger *g = node_trigger(x, sub);
                        if (g && g->pos != 'N') {
                            node = sub;
                            gap_first = k;
                            gap_end = after;
                            n = (after - i) + m;
                        }
                    }
                }
            }
            /* a count between an event noun and its object: تحرير 4 محتجزين */
            if (head_node(d, t, i, &hn) && i + 1 < a1 && x->num_at[i + 1] >= 0) {
                uint32_t after = i + 1;
                while (after < a1 && x->num_at[after] == x->num_at[i + 1])
                    after++;
                uint32_t sub;
                size_t m = match_from(d, t, hn, after, a1, &sub);
                const ms_trigger *g = m ? node_trigger(x, sub) : NULL;
                if (g && g->pos == 'N' && 1 + m > n) {
                    node = sub;
                    gap_first = i + 1;
                    gap_end = after;
                    n = (after - i) + m;
                }
            }
            if (!n) {
                i++;
                continue;
            }
            const ms_trigger *g = node_trigger(x, node);
            /* a phrase split by a name, with a subject right before the verb:
             * the name is the object, so the reading that takes one wins
             * (هيومان رايتس ووتش تحمّل إسرائيل مسؤولية: holds Israel
             * responsible, not Israel bears it) */
            if (g && gap_end && subject_before_verb(x, i, t->sent[s].tok_first)) {
                uint32_t it = 0, v;
                while (ms_dict_next_value(d, node, &it, &v)) {
                    const ms_trigger *o = &MSVEC_AT(&x->lx->trigger_entries, ms_trigger, v);
                    if (o->pos == 'V' && o->obj && !strcmp(o->obj, "-")) {
                        g = o;
                        break;
                    }
                }
            }
            /* توصلت إلى أن / خلص إلى أن: concluded that, no agreement */
            if (g && n > 1 && i + n < a1 && tok_is(x, i + (uint32_t)n - 1, "\xD8\xA7\xD9\x84\xD9\x8A") &&
                tok_is(x, i + (uint32_t)n, "\xD8\xA7\xD9\x86"))
                g = NULL;
            if (g && g->pos == 'V' && n == 1) {
                const ms_trigger *noun = noun_reading(x, node, i, t->sent[s].tok_first);
                if (noun)
                    g = noun;
            }
            if (g) {
                ms_trighit *h = msvec_push(&x->trigs);
                if (!h)
                    return MARSAD_ENOMEM;
                h->tok_first = i;
                h->tok_end = i + (uint32_t)n;
                h->gap_first = gap_first;
                h->gap_end = gap_end;
                h->g = g;
                h->event = -1;
                for (uint32_t k = i; k < i + n; k++)
                    if (k < gap_first || k >= gap_end || !gap_end)
                        x->trig_at[k] = (int32_t)x->trigs.n - 1;
            }
            i += (uint32_t)n;
        }
    }
    return MARSAD_OK;
}

/* MARK: arguments */

static bool oblique(const ms_xctx *x, const ms_actor *a)
{
    /* an actor inside a prepositional phrase is not a subject */
    const ms_token *k = &x->t->tok[a->tok_first];
    if (k->pro & (MS_PRO_B | MS_PRO_L | MS_PRO_K))
        return true;
    if (a->tok_first == 0)
        return false;
    /* a lone proclitic written before a Latin name or a number: لـCNN */
    const ms_token *p = &x->t->tok[a->tok_first - 1];
    if (p->kind == MS_TOK_ARABIC && (p->pro & (MS_PRO_B | MS_PRO_L | MS_PRO_K)) && p->nend - p->nstart == p->pro_len &&
        !k->space_before)
        return true;
    return preposition_word(x, p);
}

/* A state body: a government, its police, army, courts or intelligence,
 * named or not (السلطات، الشرطة التركية، تركيا). */
static bool state_body(const ms_actor *a)
{
    static const char *const sectors[] = {"GOV", "COP", "MIL", "JUD", "SPY"};
    for (size_t i = 0; a->sector && i < MS_ARRAY_LEN(sectors); i++)
        if (!strcmp(a->sector, sectors[i]))
            return true;
    return false;
}

/* Is token k a verb-like clause boundary for argument search? */
static bool boundary(const ms_xctx *x, uint32_t k, int32_t self)
{
    int32_t tg = x->trig_at[k];
    if (tg >= 0 && tg != self) {
        const ms_trighit *h = &MSVEC_AT(&x->trigs, ms_trighit, tg);
        if (h->g->pos == 'V')
            return true;
    }
    if (ms_cue_at(x, k, MS_CUE_ATTRIB, NULL, NULL))
        return true;
    if (ms_cue_at(x, k, MS_CUE_ROLE, "subordinator", NULL))
        return true;
    return false;
}

/* A word in ا, the indefinite accusative ending (of adverbs: أيضا، مجددا،
 * حاليا; of nouns: مطالبا، هجوما). */
static bool accusative_ending(const char *w, size_t n) { return n >= 2 && !memcmp(w + n - 2, "\xD8\xA7", 2); }

/* فيه، عليها، منهم…: a preposition with a pronoun, often written as one
 * known word and so left whole by segmentation. */
static bool pronoun_preposition(const char *w, size_t n)
{
    static const char *const preps[] = {"\xD9\x81\xD9\x8A" /* في */, "\xD8\xB9\xD9\x84\xD9\x8A" /* علي */,
                                        "\xD9\x85\xD9\x86" /* من */, "\xD8\xB9\xD9\x86" /* عن */,
                                        "\xD9\x85\xD8\xB9" /* مع */, "\xD8\xA7\xD9\x84\xD9\x8A" /* الي */};
    static const char *const pron[] = {"\xD9\x87" /* ه */, "\xD9\x87\xD8\xA7" /* ها */, "\xD9\x87\xD9\x85" /* هم */,
                                       "\xD9\x87\xD9\x85\xD8\xA7" /* هما */};
    for (size_t i = 0; i < MS_ARRAY_LEN(preps); i++) {
        size_t pl = strlen(preps[i]);
        if (n <= pl || memcmp(w, preps[i], pl))
            continue;
        for (size_t j = 0; j < MS_ARRAY_LEN(pron); j++)
            if (n - pl == strlen(pron[j]) && !memcmp(w + pl, pron[j], n - pl))
                return true;
    }
    return false;
}

/* Is token k an indefinite noun followed by the definite actor it governs
 * in the genitive? */
static bool construct_head(const ms_xctx *x, uint32_t k, uint32_t end)
{
    const ms_token *t = &x->t->tok[k];
    if (t->kind != MS_TOK_ARABIC || t->pro || x->num_at[k] >= 0 || x->actor_at[k] >= 0 || x->trig_at[k] >= 0 ||
        k + 1 >= end)
        return false;
    int32_t b = x->actor_at[k + 1];
    if (b < 0 || actor(x, b)->tok_first != k + 1 || !(x->t->tok[k + 1].pro & MS_PRO_AL))
        return false;
    size_t n;
    const char *w = ms_tok_norm(x->t, t, &n);
    /* not a head: the accusative ending of adverbs (أيضا، مجددا، رسميا), short
     * words and particles, a preposition with a pronoun (فيه، عليها), a
     * plural of people in -و (محامو الرئيس) or a member head (بيان، أحزاب) */
    if (n < 6 || accusative_ending(w, n) || !memcmp(w + n - 2, "\xD9\x88", 2) ||
        (t->enc_len && n - t->enc_len <= 6) || pronoun_preposition(w, n))
        return false;
    return !ms_cue_at(x, k, MS_CUE_MODALITY, NULL, NULL) && !ms_cue_at(x, k, MS_CUE_ROLE, "member_head", NULL);
}

static int32_t subject_after(const ms_xctx *x, uint32_t from, uint32_t end, int32_t self)
{
    bool counted = false;
    for (uint32_t k = from; k < end && k < from + 3; k++) {
        int32_t a = x->actor_at[k];
        /* قتل 5 جنود: a count before it marks the people the act was done to
         * (the verb is read as a passive) */
        if (a >= 0 && counted && self >= 0 && MSVEC_AT(&x->trigs, ms_trighit, self).g->figure)
            return -1;
        /* … and so does «one of» (قتل أحد عناصر حماس) */
        if (x->num_at[k] >= 0 || tok_is(x, k, "\xD8\xA7\xD8\xAD\xD8\xAF") /* أحد */ ||
            tok_is(x, k, "\xD8\xA7\xD8\xAD\xD8\xAF\xD9\x8A") /* إحدى */)
            counted = true;
        if (a >= 0) {
            const ms_actor *ac = actor(x, a);
            if (ac->tok_first == k && !oblique(x, ac) && !(ac->flags & MS_ACT_WEAK))
                return a;
            /* a part of a group: المئات من نشطاء حماس */
            if (ac->tok_first == k && counted && k > from && tok_is(x, k - 1, "\xD9\x85\xD9\x86") &&
                !(ac->flags & MS_ACT_WEAK))
                return a;
            return -1;
        }
        if (x->date_at[k] >= 0)
            continue;
        if (boundary(x, k, self) || x->t->tok[k].kind == MS_TOK_PUNCT)
            return -1;
        /* a prepositional phrase: what follows is its genitive, not the
         * subject (أشادت بأجوبة الوفد السعودي; قتل في هجوم …) */
        if (x->t->tok[k].kind == MS_TOK_ARABIC && x->num_at[k] < 0 &&
            ((x->t->tok[k].pro & (MS_PRO_B | MS_PRO_L | MS_PRO_K)) ||
             (preposition_word(x, &x->t->tok[k]) && !(counted && tok_is(x, k, "\xD9\x85\xD9\x86")))))
            return -1;
        /* an indefinite noun before a definite actor heads a construct whose
         * genitive that actor is (امتدح دور القوات الروسية: the role is praised,
         * not the forces); an adverb in the accusative (أيضا، مجددا) is no head */
        if (construct_head(x, k, end))
            return -1;
        /* … so does an event noun (واستنكرت تحذيرات الولايات المتحدة: the
         * warnings are condemned, the United States does not condemn) */
        if (x->trig_at[k] >= 0 && x->trig_at[k] != self &&
            MSVEC_AT(&x->trigs, ms_trighit, x->trig_at[k]).g->pos == 'N')
            return -1;
        /* a definite noun the lexicon does not know is the subject itself
         * (أدانت المحكمة أندرو برونسون): what follows is the object */
        if (x->t->tok[k].kind == MS_TOK_ARABIC && (x->t->tok[k].pro & MS_PRO_AL) && x->num_at[k] < 0 &&
            !(x->t->tok[k].pro & (MS_PRO_B | MS_PRO_L | MS_PRO_K))) {
            /* … with its nationality: المهاجمون الفلسطينيون */
            int32_t d = k + 1 < end ? x->actor_at[k + 1] : -1;
            if (d >= 0 && actor(x, d)->tok_first == k + 1 && actor(x, d)->kind && !strcmp(actor(x, d)->kind, "demonym"))
                return d;
            return -1;
        }
    }
    return -1;
}

/* Does the verb at token k carry a pronoun of the third person for its
 * object (تدعمها، استقبله، يحتجزهم)? */
static bool third_person_object(const ms_xctx *x, uint32_t k)
{
    const ms_token *t = &x->t->tok[k];
    if (!t->enc_len || t->enc_len > 6)
        return false;
    size_t n;
    const char *w = ms_tok_norm(x->t, t, &n);
    /* every such pronoun begins with ه */
    if (w[n - t->enc_len] != '\xD9' || w[n - t->enc_len + 1] != '\x87')
        return false;
    /* a lone ه the original writes ة is a noun's ending (عارضة بلجيكية) */
    return !(t->enc_len == 2 && ms_tok_ends_in_ta_marbuta(x->t, t));
}

/* Is the word before the verb a definite noun the lexicon does not know, not
 * governed by a preposition (الضربات الجوية استهدفت …)? Then it is the subject. */
static bool unknown_subject_before(const ms_xctx *x, uint32_t at, uint32_t first)
{
    if (at == first)
        return false;
    uint32_t k = at - 1;
    const ms_token *w = &x->t->tok[k];
    if (w->kind != MS_TOK_ARABIC || x->actor_at[k] >= 0 || x->trig_at[k] >= 0 || x->date_at[k] >= 0)
        return false;
    if (!(w->pro & MS_PRO_AL) || (w->pro & (MS_PRO_B | MS_PRO_L | MS_PRO_K)))
        return false;
    /* an adjective after its noun: walk back to the noun */
    uint32_t j = k;
    while (j > first && x->t->tok[j - 1].kind == MS_TOK_ARABIC && (x->t->tok[j - 1].pro & MS_PRO_AL) && k - j < 2 &&
           x->actor_at[j - 1] < 0)
        j--;
    if (j > first) {
        const ms_token *p = &x->t->tok[j - 1];
        /* في المقابل، على الأقل: the noun belongs to a preposition */
        if (p->kind == MS_TOK_ARABIC && (ms_tok_is(x->t, p, "\xD9\x81\xD9\x8A") || ms_tok_is(x->t, p, "\xD8\xB9\xD9\x84\xD9\x8A") ||
                                         ms_tok_is(x->t, p, "\xD9\x85\xD9\x86") || ms_tok_is(x->t, p, "\xD8\xB9\xD9\x86") ||
                                         ms_tok_is(x->t, p, "\xD8\xA7\xD9\x84\xD9\x8A") || ms_tok_is(x->t, p, "\xD9\x85\xD8\xB9")))
            return false;
        /* a noun after a verb is its subject or object, not this verb's subject */
        if (x->trig_at[j - 1] >= 0 || x->actor_at[j - 1] >= 0)
            return false;
    }
    return true;
}

/* A past verb written with its passive vowel (قُتل، اتُّهمت، احتُجز): the
 * original text keeps the damma the normalized form drops. */
static bool marked_passive(const ms_xctx *x, const ms_trighit *h)
{
    if (!h->g->past || h->g->pos != 'V')
        return false;
    const ms_token *k = &x->t->tok[h->tok_first];
    const char *s = x->t->src + k->start;
    size_t n = k->end - k->start, letters = 0;
    for (size_t i = 0; i + 1 < n && letters < 5; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xD9 && (unsigned char)s[i + 1] == 0x8F) /* U+064F damma */
            return true;
        if ((c & 0xC0) != 0x80 && !(c == 0xD9 && (unsigned char)s[i + 1] >= 0x8B && (unsigned char)s[i + 1] <= 0x92))
            letters++;
    }
    return false;
}

char ms_complementizer_form(const ms_xctx *x, uint32_t k)
{
    static const struct { const char *w; char g; } forms[] = {
        {"\xD8\xA7\xD9\x86\xD9\x87", 'm'} /* انه */, {"\xD8\xA7\xD9\x86\xD9\x87\xD8\xA7", 'f'} /* انها */,
        {"\xD8\xA7\xD9\x86\xD9\x87\xD9\x85", 'p'} /* انهم */, {"\xD8\xA7\xD9\x86", 'c'} /* ان */};
    /* the word without its proclitics (وإنه، بأنها), its pronoun kept */
    const ms_token *t = &x->t->tok[k];
    size_t n;
    const char *w = ms_tok_norm(x->t, t, &n);
    if (t->pro & ~(MS_PRO_W | MS_PRO_F | MS_PRO_B))
        return 0;
    w += t->pro_len;
    n -= t->pro_len;
    /* and the conjunction or ب segmentation left on (بانها is one word to it) */
    for (int strip = 0; strip < 3; strip++) {
        for (size_t i = 0; i < MS_ARRAY_LEN(forms); i++)
            if (n == strlen(forms[i].w) && !memcmp(w, forms[i].w, n))
                return forms[i].g;
        if (n < 4 || !(!memcmp(w, "\xD9\x88", 2) || !memcmp(w, "\xD9\x81", 2) || !memcmp(w, "\xD8\xA8", 2)))
            break;
        w += 2;
        n -= 2;
    }
    return 0;
}

static char complementizer_pronoun(const ms_xctx *x, uint32_t k)
{
    char c = ms_complementizer_form(x, k);
    return c == 'c' ? 0 : c;
}

/* أن, إن, بأن, وإنه…: a clause of its own begins at k. */
static bool complementizer(const ms_xctx *x, uint32_t k) { return ms_complementizer_form(x, k) != 0; }

/* The gender a verb shows for its subject: 'f' for a past in ت (قالت) or a
 * present in ت (تقول), 'm' for the others; 0 when the word is no verb form
 * we can read. */
static char verb_gender(const ms_xctx *x, uint32_t k)
{
    const ms_token *t = &x->t->tok[k];
    if (t->kind != MS_TOK_ARABIC || x->actor_at[k] >= 0 || preposition_word(x, t) || (t->pro & MS_PRO_AL))
        return 0;
    size_t n;
    const char *w = ms_tok_stem(x->t, t, &n);
    if (n < 6)
        return 0;
    if (!memcmp(w + n - 2, "\xD8\xAA", 2) || !memcmp(w, "\xD8\xAA", 2)) /* ت */
        return 'f';
    return 'm';
}

/* Does the pronoun of a complementizer at k point back to actor ac, the
 * speaker before it (قالت الشرطة إنها قتلت: yes; قالت الشرطة إنه قتل: no,
 * the police are feminine, the one killed or killing is someone else)? The
 * speaker's verb tells its gender: the word before a speaker that follows
 * its verb, else the word after it. */
static bool pronoun_is_speaker(const ms_xctx *x, uint32_t k, const ms_actor *ac, uint32_t first)
{
    char p = complementizer_pronoun(x, k);
    if (!p)
        return true;
    if (p == 'p')
        return (ac->flags & MS_ACT_PLURAL) != 0;
    char g = ac->tok_first > first ? verb_gender(x, ac->tok_first - 1) : 0;
    if (!g && ac->tok_end < k)
        g = verb_gender(x, ac->tok_end);
    if (!g)
        return true;
    return p == 'f' ? g == 'f' : g == 'm' && !(ac->flags & MS_ACT_PLURAL);
}

/* Is the verb's subject the pronoun of a complementizer right before it
 * (إنها قتلت، بأنها ستحمل; a modal particle may stand between)? */
static bool pronoun_before(const ms_xctx *x, const ms_trighit *h, uint32_t first)
{
    uint32_t pk = h->tok_first;
    while (pk > first && pk + 2 > h->tok_first && ms_cue_at(x, pk - 1, MS_CUE_MODALITY, NULL, NULL))
        pk--;
    char p = pk > first ? complementizer_pronoun(x, pk - 1) : 0;
    if (!p)
        return false;
    /* the verb agrees with its subject: إنه إذا انسحبت واشنطن is the pronoun
     * of the fact, and Washington the subject */
    if (p == 'p')
        return plural_verb(x, h->tok_first);
    char g = verb_gender(x, h->tok_first);
    return !g || g == p;
}

/* The relative pronoun a verb follows (modal particles aside: التي لم
 * تستهدف), or UINT32_MAX. */
static uint32_t relative_before(const ms_xctx *x, const ms_trighit *h, uint32_t first)
{
    uint32_t k = h->tok_first;
    while (k > first && h->tok_first - k < 2 && ms_cue_at(x, k - 1, MS_CUE_MODALITY, NULL, NULL))
        k--;
    uint32_t end;
    if (k > first && ms_cue_at(x, k - 1, MS_CUE_ROLE, "relative", &end) && end == k)
        return k - 1;
    return UINT32_MAX;
}

/* A pronoun in the relative clause after the verb that points back to the
 * relative's noun from a complement: الذي وافق عليه البرلمان، التي تتهم
 * المعارضة النظام بارتكابها. Then that noun is no subject: the subject
 * follows the verb. */
static bool resumptive_after(const ms_xctx *x, const ms_trighit *h, uint32_t end)
{
    for (uint32_t k = h->tok_end; k < end && k < h->tok_end + 6; k++) {
        const ms_token *t = &x->t->tok[k];
        if (t->kind == MS_TOK_PUNCT || (k > h->tok_end && boundary(x, k, -1)) || complementizer(x, k))
            return false;
        size_t n;
        const char *w = ms_tok_norm(x->t, t, &n);
        if (t->kind != MS_TOK_ARABIC)
            continue;
        /* on a preposition or a word past the one right after the verb (طلب
         * أردوغان شراءها); the word right after it is the verb's own object,
         * whose pronoun may be the subject's (الذي قتل زوجته) */
        if ((t->enc_len && ((t->pro & (MS_PRO_B | MS_PRO_L | MS_PRO_K)) || k > h->tok_end)) ||
            pronoun_preposition(w, n))
            return true;
        /* a word segmentation left whole: ب/ل … ها/هم (بإلغائها) */
        if (!t->pro_len && n >= 10 && (!memcmp(w, "\xD8\xA8", 2) || !memcmp(w, "\xD9\x84", 2)) &&
            (!memcmp(w + n - 4, "\xD9\x87\xD8\xA7", 4) || !memcmp(w + n - 4, "\xD9\x87\xD9\x85", 4)))
            return true;
    }
    return false;
}

/* An event noun in the name of a body: the genitive of the head of such a
 * name (منظمة حظر الأسلحة، لجنة التحقيق) or its ل-complement (الهيئة العليا
 * للإغاثة، مركز الملك سلمان للإغاثة is not caught). Not after a definite
 * head: نقلت الوكالة تحذير النيابة is the agency reporting a warning. */
static bool in_institution_name(const ms_xctx *x, const ms_trighit *h, uint32_t first)
{
    if (h->g->pos != 'N' || h->tok_first <= first)
        return false;
    uint32_t k = h->tok_first - 1;
    bool lam = x->t->tok[h->tok_first].pro & MS_PRO_L;
    if (ms_cue_at(x, k, MS_CUE_ROLE, "institution", NULL))
        return lam || !(x->t->tok[k].pro & MS_PRO_AL);
    if (lam && k > first) {
        const ms_token *t = &x->t->tok[k];
        size_t n;
        const char *w = ms_tok_norm(x->t, t, &n);
        bool adjective = t->kind == MS_TOK_ARABIC && (t->pro & MS_PRO_AL) && x->actor_at[k] < 0 &&
                         x->trig_at[k] < 0 && n >= 8 &&
                         (!memcmp(w + n - 2, "\xD9\x8A", 2) || !memcmp(w + n - 2, "\xD8\xA7", 2));
        if (!adjective)
            return false;
        k--;
    }
    return ms_cue_at(x, k, MS_CUE_ROLE, "institution", NULL) != NULL;
}

/* A name that reads as a nationality: its last word ends in -ية (السعودية). */
static bool country_is_doer_word(const ms_xctx *x, const ms_actor *ac)
{
    size_t n;
    const char *w = ms_tok_norm(x->t, &x->t->tok[ac->tok_end - 1], &n);
    return n >= 4 && !memcmp(w + n - 4, "\xD9\x8A\xD9\x87", 4);
}

/* After an attack noun, is the country in the genitive the attacker? It is
 * when a target follows (هجوم روسيا على إدلب، غارة أمريكا وحلفائها على
 * مواقع), when an adjective of the act follows it (هجوم إيران الصاروخي), or
 * when the word reads as a nationality (الغارات الجوية السعودية). */
static bool country_is_doer(const ms_xctx *x, const ms_actor *ac, uint32_t end)
{
    if (country_is_doer_word(x, ac)) /* السعودية */
        return true;
    uint32_t k = ac->tok_end;
    while (k < end && x->actor_at[k] >= 0 && (x->t->tok[k].pro & MS_PRO_W))
        k = actor(x, x->actor_at[k])->tok_end;
    while (k < end && x->actor_at[k] < 0 && x->t->tok[k].kind == MS_TOK_ARABIC && (x->t->tok[k].pro & MS_PRO_W) &&
           k < ac->tok_end + 3)
        k++; /* وحلفائها */
    if (k >= end)
        return false;
    const ms_token *t = &x->t->tok[k];
    size_t tn;
    const char *tw = ms_tok_norm(x->t, t, &tn);
    bool nisba = t->kind == MS_TOK_ARABIC && (t->pro & MS_PRO_AL) && tn >= 8 && !memcmp(tw + tn - 2, "\xD9\x8A", 2);
    return nisba || (t->pro & MS_PRO_L) || tok_is(x, k, "\xD8\xB9\xD9\x84\xD9\x8A") /* على */ ||
           tok_is(x, k, "\xD8\xB6\xD8\xAF") /* ضد */;
}

/* An agreement already made, named with the article or a demonstrative
 * (الاتفاق النووي، هذا الاتفاق): no act, unless على follows (الاتفاق على وقف
 * إطلاق النار: agreeing on it). */
static bool agreement_reference(const ms_xctx *x, const ms_trighit *h, uint32_t first, uint32_t end)
{
    if (!h->g->definite_reference || h->gap_end)
        return false;
    bool definite = x->t->tok[h->tok_first].pro & MS_PRO_AL;
    if (!definite && h->tok_first > first) {
        static const char *const demonstratives[] = {"\xD9\x87\xD8\xB0\xD8\xA7" /* هذا */,
                                                     "\xD9\x87\xD8\xB0\xD9\x87" /* هذه */,
                                                     "\xD8\xB0\xD9\x84\xD9\x83" /* ذلك */,
                                                     "\xD8\xAA\xD9\x84\xD9\x83" /* تلك */};
        for (size_t i = 0; i < MS_ARRAY_LEN(demonstratives); i++)
            definite |= tok_is(x, h->tok_first - 1, demonstratives[i]);
    }
    /* على right after it, or after its nationalities (الاتفاق السعودي الإيراني على) */
    uint32_t k = h->tok_end;
    while (k < end && x->actor_at[k] >= 0 && actor(x, x->actor_at[k])->kind &&
           !strcmp(actor(x, x->actor_at[k])->kind, "demonym"))
        k = actor(x, x->actor_at[k])->tok_end;
    return definite && !(k < end && tok_is(x, k, "\xD8\xB9\xD9\x84\xD9\x8A"));
}

/* لإطلاق النار right after وقف or one word later (دعا إلى وقف فوري لإطلاق النار):
 * the ceasefire's words, no shooting. */
static bool ceasefire_gunfire(const ms_xctx *x, const ms_trighit *h, uint32_t first)
{
    if (!h->g->mode || strcmp(h->g->mode, "firearms") || h->g->pos != 'N')
        return false;
    for (uint32_t k = h->tok_first; k > first && h->tok_first - k < 2; k--)
        if (ms_cue_at(x, k - 1, MS_CUE_ROLE, "ceasefire_head", NULL))
            return true;
    return false;
}

/* A verb in the first person (أدعم، نطالب): its subject is the speaker. */
static bool first_person(const ms_xctx *x, const ms_trighit *h)
{
    if (h->g->pos != 'V' || !h->g->imperf)
        return false;
    size_t n;
    const char *w = ms_tok_norm(x->t, &x->t->tok[h->tok_first], &n);
    const ms_token *t = &x->t->tok[h->tok_first];
    w += t->pro_len;
    return n > (size_t)t->pro_len + 4 && (!memcmp(w, "\xD8\xA7", 2) || !memcmp(w, "\xD9\x86", 2));
}

/* إن خلفان زار: a word of its own between a complementizer without a pronoun
 * and the verb is the verb's subject, named or not (the complementizer
 * governs a noun; أن + a verb is the subjunctive). */
static bool preposed_subject(const ms_xctx *x, uint32_t at, uint32_t first)
{
    if (at < first + 2 || ms_complementizer_form(x, at - 2) != 'c')
        return false;
    uint32_t k = at - 1;
    const ms_token *t = &x->t->tok[k];
    return t->kind == MS_TOK_ARABIC && x->actor_at[k] < 0 && x->trig_at[k] < 0 && x->date_at[k] < 0 &&
           !preposition_word(x, t) && !ms_cue_at(x, k, MS_CUE_MODALITY, NULL, NULL) &&
           !ms_cue_at(x, k, MS_CUE_ROLE, NULL, NULL) && !(t->pro & (MS_PRO_B | MS_PRO_L | MS_PRO_K));
}

/* An event noun in the indefinite accusative (مطالبا، هجوما): it governs no
 * genitive, so a name after it is no doer of it. */
static bool indefinite_accusative(const ms_xctx *x, const ms_trighit *h)
{
    if (h->g->pos != 'N' || h->tok_end - h->tok_first != 1)
        return false;
    const ms_token *t = &x->t->tok[h->tok_first];
    size_t n;
    const char *w = ms_tok_norm(x->t, t, &n);
    return t->kind == MS_TOK_ARABIC && !(t->pro & MS_PRO_AL) && !t->enc_len && n >= 8 && accusative_ending(w, n);
}

static int32_t subject_before(const ms_xctx *x, uint32_t at, uint32_t first, uint32_t slack, int32_t self)
{
    uint32_t comp = UINT32_MAX; /* a complementizer with a pronoun crossed on the way */
    for (uint32_t k = at; k-- > first && at - k <= slack;) {
        /* إن / أن open the clause: what comes before belongs to another verb */
        if (tok_is(x, k, "\xD8\xA7\xD9\x86"))
            return -1;
        if (comp == UINT32_MAX && complementizer_pronoun(x, k))
            comp = k;
        int32_t a = x->actor_at[k];
        if (a >= 0) {
            const ms_actor *ac = actor(x, a);
            if (oblique(x, ac) || (ac->flags & MS_ACT_WEAK))
                return -1;
            /* past إنه/إنها the subject is the pronoun: the speaker only when it agrees */
            if (comp != UINT32_MAX && !pronoun_is_speaker(x, comp, ac, first))
                return -1;
            return a;
        }
        if (boundary(x, k, self))
            return -1;
        if (x->t->tok[k].kind == MS_TOK_PUNCT && !ms_tok_is(x->t, &x->t->tok[k], "\""))
            return -1;
    }
    return -1;
}

/* The subject right before a verb (SVO): an actor ending just before it,
 * with only modal particles or a date in between (حماس قد تطلق، بايدن يدعو)
 * or one comma after a name in apposition (…، أبو عبيدة، أعلن). */
static int32_t subject_svo(const ms_xctx *x, uint32_t at, uint32_t first)
{
    const ms_text *t = x->t;
    bool comma = false;
    for (uint32_t k = at, skipped = 0; k-- > first && skipped <= 3;) {
        int32_t a = x->actor_at[k];
        if (a >= 0) {
            const ms_actor *ac = actor(x, a);
            if (ac->tok_end != k + 1 || oblique(x, ac) || (ac->flags & MS_ACT_WEAK))
                return -1;
            /* a name before a comma is the subject when set off as the
             * sentence's opening or in apposition (…، أبو عبيدة، أعلن), not
             * the end of a clause of its own (الأسئلة التي طرحتها CNN، نفى) */
            for (uint32_t j = ac->tok_first; comma && j-- > first && t->tok[j].kind != MS_TOK_PUNCT;)
                if (ms_cue_at(x, j, MS_CUE_ROLE, "relative", NULL) ||
                    (x->trig_at[j] >= 0 && MSVEC_AT(&x->trigs, ms_trighit, x->trig_at[j]).g->pos == 'V'))
                    return -1;
            /* the genitive of a noun is no subject (مع تدخل الولايات المتحدة
             * وافق الرئيس: the president agreed) */
            if (ac->tok_first > first && construct_head(x, ac->tok_first - 1, at))
                return -1;
            return a;
        }
        if (x->date_at[k] >= 0 || ms_cue_at(x, k, MS_CUE_MODALITY, NULL, NULL)) {
            skipped++;
            continue;
        }
        if (!comma && k + 1 == at && comma_at(x, k)) {
            comma = true;
            continue;
        }
        /* a quotation opening on the verb: كوريا الشمالية "تزود سوريا بمواد" */
        if (!comma && k + 1 == at && ms_quote_open(t, &t->tok[k])) {
            comma = true;
            continue;
        }
        return -1;
    }
    return -1;
}

/* The actor of an event noun governed by a support verb before it: the
 * verb's subject after it (تجري قطر محادثات) or before it (قطر انخرطت في
 * محادثات، أبو عبيدة، أعلن … عن إطلاق سراح). */
/* A noun of its own before a preposition (الشك في، أمله في): not an actor, an
 * event, a date, a support word, a transparent noun (مسؤوليته عن) or a cue;
 * not an adverb (حاليا، بكثرة، بشكل مباشر). */
static bool other_noun(const ms_xctx *x, uint32_t k)
{
    const ms_token *t = &x->t->tok[k];
    if (t->kind != MS_TOK_ARABIC || x->actor_at[k] >= 0 || x->trig_at[k] >= 0 || x->date_at[k] >= 0 ||
        (t->pro & MS_PRO_B) || ms_cue_at(x, k, MS_CUE_ROLE, "light_verb", NULL) ||
        ms_cue_at(x, k, MS_CUE_ROLE, "transparent", NULL) ||
        ms_cue_hit(x, k, MS_CUE_MODALITY, NULL))
        return false;
    /* the adjective of an adverbial phrase: بشكل مباشر، بصورة رسمية */
    if (k > 0 && (x->t->tok[k - 1].pro & MS_PRO_B) && x->actor_at[k - 1] < 0)
        return false;
    size_t n;
    const char *w = ms_tok_norm(x->t, t, &n);
    return n >= 4 && !accusative_ending(w, n);
}

static int32_t light_verb_subject(const ms_xctx *x, const ms_trighit *h, uint32_t first, int32_t self)
{
    const ms_text *t = x->t;
    for (uint32_t k = h->tok_first; k-- > first && h->tok_first - k <= 8;) {
        uint32_t end;
        if (ms_cue_at(x, k, MS_CUE_ROLE, "light_verb", &end) && end <= h->tok_first) {
            /* who announces a death did not cause it (أعلنت الوزارة مقتل مدرب) */
            bool toll = h->g->figure && (!strcmp(h->g->figure, "KILL") || !strcmp(h->g->figure, "WOUND"));
            if (toll && ms_cue_at(x, k, MS_CUE_ATTRIB, NULL, NULL))
                return -1;
            for (uint32_t j = end; j < h->tok_first; j++) {
                int32_t a = x->actor_at[j];
                if (a >= 0) {
                    const ms_actor *ac = actor(x, a);
                    if (ac->tok_first == j && !oblique(x, ac) && !(ac->flags & MS_ACT_WEAK))
                        return a;
                    break;
                }
            }
            if (t->tok[k].pro & (MS_PRO_W | MS_PRO_F))
                return -1;
            return subject_svo(x, k, first);
        }
        int32_t tg = x->trig_at[k];
        if (tg >= 0 && tg != self) {
            /* an event noun in a prepositional phrase (ردت إسرائيل على الهجوم بقصف) */
            const ms_trighit *p = &MSVEC_AT(&x->trigs, ms_trighit, tg);
            const ms_token *pt = &t->tok[p->tok_first];
            bool pp = p->g->pos == 'N' && ((pt->pro & (MS_PRO_B | MS_PRO_L)) ||
                                          (p->tok_first > first && (tok_is(x, p->tok_first - 1, "\xD8\xB9\xD9\x84\xD9\x8A") ||
                                                                    tok_is(x, p->tok_first - 1, "\xD9\x81\xD9\x8A"))));
            if (!pp)
                return -1;
            k = p->tok_first;
            continue;
        }
        if (ms_cue_at(x, k, MS_CUE_ROLE, "subordinator", NULL))
            return -1;
        if (t->tok[k].kind == MS_TOK_PUNCT && !ms_tok_is(t, &t->tok[k], "\xD8\x8C") &&
            !ms_tok_is(t, &t->tok[k], ","))
            return -1;
        /* the noun is in a phrase of another noun that is no event (بدأوا الشك
         * في مقتل، أعرب عن أمله في …): the support verb governs that one */
        if (k + 1 == h->tok_first && k > first && preposition_word(x, &t->tok[k]) &&
            !tok_is(x, k, "\xD9\x85\xD9\x86") && other_noun(x, k - 1))
            return -1;
    }
    return -1;
}

/* A verb that carries a plural subject pronoun (احتجزوا، يطلقون): an explicit
 * subject never follows it, the actor after it is its object. */
static bool plural_verb(const ms_xctx *x, uint32_t i)
{
    const ms_token *k = &x->t->tok[i];
    const char *w = x->t->norm.text + k->nstart + k->pro_len;
    size_t n = k->nend - k->nstart - k->pro_len - k->enc_len;
    if (n < 4)
        return false;
    if (!memcmp(w + n - 4, "\xD9\x88\xD8\xA7", 4)) /* -وا */
        return true;
    bool imperf = (w[0] == '\xD9' && w[1] == '\x8A') /* ي */ || (w[0] == '\xD8' && w[1] == '\xAA'); /* ت */
    if (imperf && n >= 8 && !memcmp(w + n - 4, "\xD8\xA7\xD9\x86", 4)) /* the dual -ان: تحذران */
        return true;
    return (w[0] == '\xD9' && (w[1] == '\x8A')) /* ي */ && !memcmp(w + n - 4, "\xD9\x88\xD9\x86", 4); /* -ون */
}

/* An event noun taken up by a support verb after it: هجوم … شنه مسلحو الحركة. */
static int32_t light_verb_after(const ms_xctx *x, const ms_trighit *h, uint32_t a1, int32_t self)
{
    for (uint32_t k = h->tok_end; k < a1 && k < h->tok_end + 6; k++) {
        uint32_t end;
        if (ms_cue_at(x, k, MS_CUE_ROLE, "light_verb", &end) && x->t->tok[k].enc_len)
            return subject_after(x, end, a1, self);
        int32_t tg = x->trig_at[k];
        if ((tg >= 0 && tg != self) || x->t->tok[k].kind == MS_TOK_PUNCT)
            return -1;
        if (x->actor_at[k] >= 0 && !oblique(x, actor(x, x->actor_at[k])))
            return -1;
    }
    return -1;
}

/* Actor right after preposition `prep` (a word or a clitic ب/ل) in [from, end). */
static int32_t after_prep(const ms_xctx *x, const char *prep, uint32_t from, uint32_t end, int32_t self)
{
    const ms_text *t = x->t;
    bool clitic_b = !strcmp(prep, "\xD8\xA8"), clitic_l = !strcmp(prep, "\xD9\x84");
    for (uint32_t k = from; k < end && k < from + 8; k++) {
        if (k > from && boundary(x, k, self))
            return -1;
        int32_t a = x->actor_at[k];
        if (a >= 0 && actor(x, a)->tok_first == k) {
            const ms_token *tk = &t->tok[k];
            if ((clitic_b && (tk->pro & MS_PRO_B)) || (clitic_l && (tk->pro & MS_PRO_L)))
                return a;
            if (k > 0 && ms_tok_is(t, &t->tok[k - 1], prep))
                return a;
        }
    }
    return -1;
}

static void add_role(int *list, int *n, int32_t a)
{
    if (a < 0 || *n >= MS_MAX_ROLE)
        return;
    for (int i = 0; i < *n; i++)
        if (list[i] == a)
            return;
    list[(*n)++] = a;
}

/* Coordinated actors after a: "قطر ومصر", "الولايات المتحدة وقطر ومصر". */
static void add_with_coordination(const ms_xctx *x, int *list, int *n, int32_t a)
{
    add_role(list, n, a);
    while (a >= 0) {
        uint32_t k = actor(x, a)->tok_end;
        if (k >= x->t->ntok || x->actor_at[k] < 0)
            break;
        const ms_actor *b = actor(x, x->actor_at[k]);
        if (b->tok_first != k || !(x->t->tok[k].pro & MS_PRO_W) || (b->flags & MS_ACT_WEAK))
            break;
        a = x->actor_at[k];
        add_role(list, n, a);
    }
}

/* A demonym (adjective) or actor right after [from…]: the nationality of the
 * people the event is done to (إطلاق سراح أسيرين أمريكيين). */
static int32_t patient_nationality(const ms_xctx *x, uint32_t from, uint32_t end, int32_t self)
{
    for (uint32_t k = from; k < end && k < from + 4; k++) {
        if (boundary(x, k, self) || x->t->tok[k].kind == MS_TOK_PUNCT)
            return -1;
        int32_t a = x->actor_at[k];
        if (a >= 0)
            return actor(x, a)->code[0] ? a : -1;
    }
    return -1;
}

/* The mediator: an actor right after بوساطة / عبر الوسطاء / برعاية (or its
 * adjective: الوساطة القطرية), near the trigger. "الوساطة مع الحركة" names
 * the party, not the mediator. */
static void find_mediators(const ms_xctx *x, const ms_trighit *h, uint32_t a0, uint32_t a1, int *list, int *n)
{
    uint32_t from = h->tok_first > a0 + 12 ? h->tok_first - 12 : a0;
    uint32_t to = h->tok_end + 12 < a1 ? h->tok_end + 12 : a1;
    for (uint32_t i = from; i < to; i++) {
        uint32_t end;
        if (i >= h->tok_first && i < h->tok_end)
            continue;
        if (!ms_cue_at(x, i, MS_CUE_ROLE, "mediator", &end))
            continue;
        for (uint32_t k = end; k < a1 && k < end + 1; k++) {
            int32_t a = x->actor_at[k];
            if (a >= 0 && !oblique(x, actor(x, a))) {
                if (actor(x, a)->code[0])
                    add_with_coordination(x, list, n, a);
                /* بوساطة قطرية ومصرية */
                uint32_t after = actor(x, a)->tok_end;
                if (after < a1 && x->actor_at[after] >= 0 && (x->t->tok[after].pro & MS_PRO_W))
                    add_role(list, n, x->actor_at[after]);
                break;
            }
        }
    }
}

/* MARK: modality */

/* قد + imperfect is "may" (قد تطلق); قد + past asserts (قد أفرجت، قد شن). The
 * verb after قد is the trigger (its tense is known) or a support verb, read
 * as imperfect when it opens with ي. */
static bool qad_may(const ms_xctx *x, const ms_trighit *h, uint32_t qad)
{
    uint32_t v = qad + 1;
    if (v >= x->t->ntok)
        return false;
    if (v == h->tok_first && (h->g->past || h->g->imperf))
        return h->g->imperf;
    const ms_token *k = &x->t->tok[v];
    const char *w = x->t->norm.text + k->nstart + k->pro_len;
    return k->nend - k->nstart - k->pro_len >= 2 && !memcmp(w, "\xD9\x8A", 2); /* ي */
}

static int modality_of(const ms_xctx *x, const ms_trighit *h, uint32_t a0, uint32_t a1, int date_idx)
{
    const ms_text *t = x->t;
    const ms_token *head = &t->tok[h->tok_first];
    const int32_t self = (int32_t)(h - (const ms_trighit *)x->trigs.v);
    int mod = MS_MOD_ASSERTED;
    bool fut = false, hyp = false, neg = false, hist = false;
    /* the future prefix on the trigger or on the clause's verb next to it */
    if (head->pro & MS_PRO_S)
        fut = true;
    for (uint32_t k = h->tok_first > a0 + 2 ? h->tok_first - 2 : a0; k < h->tok_end + 2 && k < a1; k++)
        if (t->tok[k].pro & MS_PRO_S)
            fut = true;
    /* قد + imperfect: may; قد + past is an assertion */
    if (h->tok_first > a0 && tok_is(x, h->tok_first - 1, AR_QAD) && qad_may(x, h, h->tok_first - 1))
        hyp = true;
    /* cue words before the trigger, within the clause */
    uint32_t from = h->tok_first > a0 + 6 ? h->tok_first - 6 : a0;
    for (uint32_t k = h->tok_first; k-- > from;) {
        /* a comma before و opens a new clause: its cues are not this act's */
        if (x->t->tok[k].kind == MS_TOK_PUNCT && (x->t->tok[k + 1].pro & (MS_PRO_W | MS_PRO_F)))
            break;
        uint32_t end;
        const char *cat = ms_cue_at(x, k, MS_CUE_MODALITY, NULL, &end);
        /* a verb of denial or failure governs the act after it (نفت روسيا قصف
         * المستشفى); any other verb closes the search */
        bool stop = k + 1 < h->tok_first && boundary(x, k, self);
        if (stop && !(cat && !strcmp(cat, "negated")))
            break;
        if (!cat)
            continue;
        /* negation particles bind tightly: لم / لن / لا right before the verb */
        if (!strcmp(cat, "negated")) {
            if (h->tok_first - end <= 4)
                neg = true;
        } else if (!strcmp(cat, "hypothetical")) {
            if (!tok_is(x, k, AR_QAD) || qad_may(x, h, k))
                hyp = true;
        } else if (!strcmp(cat, "future")) {
            fut = true;
        } else if (!strcmp(cat, "historical")) {
            hist = true;
        }
        if (stop)
            break;
    }
    /* a verb of denial governs the clause its أن opens, however long the
     * subject in between (نفى البيت الأبيض أن تكون الإدارة الأمريكية قد
     * ناقشت …): back from the trigger to the complementizer, with no other
     * verb on the way, then the denial right before it */
    for (uint32_t k = h->tok_first; !neg && k-- > a0;) {
        if (boundary(x, k, self) || x->t->tok[k].kind == MS_TOK_PUNCT)
            break;
        if (!complementizer(x, k))
            continue;
        for (uint32_t j = k; j-- > a0 && k - j <= 6;) {
            int32_t tg = x->trig_at[j];
            if (tg >= 0) {
                neg = MSVEC_AT(&x->trigs, ms_trighit, tg).g->also_negator;
                break;
            }
        }
        break;
    }
    /* conditionals anywhere earlier in the sentence: لو، إذا، في حال */
    for (uint32_t k = a0; k < h->tok_first; k++) {
        const char *cat = ms_cue_at(x, k, MS_CUE_MODALITY, "hypothetical", NULL);
        if (cat && (tok_is(x, k, "\xD9\x84\xD9\x88") || tok_is(x, k, "\xD8\xA7\xD8\xB0\xD8\xA7")))
            hyp = true;
    }
    if (date_idx >= 0 && x->a->doc_date.y) {
        const ms_date *d = &MSVEC_AT(&x->a->dates, ms_date, date_idx);
        ms_ymd dd = x->a->doc_date;
        long dv = d->year * 372L + (d->month ? d->month : 12) * 31L + (d->day ? d->day : 31);
        long rv = dd.y * 372L + dd.m * 31L + dd.d;
        if (rv - dv > 7)
            hist = true;
    }
    if (neg)
        mod = MS_MOD_NEGATED;
    else if (hyp)
        mod = MS_MOD_HYPOTHETICAL;
    else if (fut)
        mod = MS_MOD_FUTURE;
    else if (hist)
        mod = MS_MOD_HISTORICAL;
    return mod;
}

/* The date expression of the clause: after the trigger, else before it. */
static int date_of(const ms_xctx *x, const ms_trighit *h, uint32_t a0, uint32_t a1)
{
    for (uint32_t k = h->tok_end; k < a1 && k < h->tok_end + 10; k++) {
        if (x->date_at[k] >= 0)
            return x->date_at[k];
        if (k > h->tok_end && boundary(x, k, -1))
            break;
    }
    for (uint32_t k = h->tok_first; k-- > a0 && h->tok_first - k <= 6;) {
        if (x->date_at[k] >= 0)
            return x->date_at[k];
        if (boundary(x, k, -1))
            break;
    }
    return -1;
}

static int place_of(const ms_xctx *x, const ms_trighit *h, uint32_t a0, uint32_t a1)
{
    int best = -1;
    uint32_t bestd = UINT32_MAX;
    for (size_t i = 0; i < x->a->places.n; i++) {
        const ms_place *p = &MSVEC_AT(&x->a->places, ms_place, i);
        if (p->tok_first < a0 || p->tok_first >= a1)
            continue;
        uint32_t d = p->tok_first >= h->tok_end ? p->tok_first - h->tok_end : h->tok_first - p->tok_end + 2;
        if (d < bestd) {
            bestd = d;
            best = (int)i;
        }
    }
    return best;
}

static int attrib_of(const ms_xctx *x, uint32_t sent, uint32_t at)
{
    int best = -1;
    for (size_t i = 0; i < x->a->attribs.n; i++) {
        const ms_attrib *a = &MSVEC_AT(&x->a->attribs, ms_attrib, i);
        if (a->sent != sent)
            continue;
        if (best < 0 || a->start <= x->t->tok[at].start)
            best = (int)i;
    }
    return best;
}

/* A place as a recipient (قصف على غزة): an actor object made from the place. */
static int32_t place_actor(ms_xctx *x, uint32_t from, uint32_t end)
{
    for (size_t i = 0; i < x->a->places.n; i++) {
        const ms_place *p = &MSVEC_AT(&x->a->places, ms_place, i);
        if (p->tok_first < from || p->tok_first >= end || p->tok_first > from + 3 || !p->code[0])
            continue;
        ms_actor *a = msvec_push(&x->a->actors);
        if (!a)
            return -1;
        a->start = p->start;
        a->end = p->end;
        a->tok_first = p->tok_first;
        a->tok_end = p->tok_end;
        memcpy(a->code, p->code, 4);
        a->entity = p->name;
        a->kind = "place";
        a->sent = x->t->tok[p->tok_first].sent;
        return (int32_t)x->a->actors.n - 1;
    }
    return -1;
}

/* The event of the nearest trigger before trigger hi in its sentence (from
 * token a0) that became one, or -1. With `verb_of_type`, only a verb of that
 * type counts ("": a verb of any type), and the search stops `reach` tokens
 * before the trigger. */
static int earlier_event(const ms_xctx *x, size_t hi, uint32_t a0, uint32_t reach, const char *verb_of_type)
{
    const ms_trighit *h = &MSVEC_AT(&x->trigs, ms_trighit, hi);
    for (size_t q = hi; q-- > 0;) {
        const ms_trighit *p = &MSVEC_AT(&x->trigs, ms_trighit, q);
        if (p->tok_first < a0 || h->tok_first - p->tok_end > reach)
            break;
        if (p->event >= 0 && (!verb_of_type || (p->g->pos == 'V' && (!*verb_of_type || !strcmp(p->g->type, verb_of_type)))))
            return p->event;
    }
    return -1;
}

static void build_event(ms_xctx *x, size_t hi, uint32_t a0, uint32_t a1, uint32_t s)
{
    ms_trighit *h = &MSVEC_AT(&x->trigs, ms_trighit, hi);
    const ms_trigger *g = h->g;
    if (g->figure_only || in_institution_name(x, h, a0) || agreement_reference(x, h, a0, a1) ||
        ceasefire_gunfire(x, h, a0))
        return;
    /* the toll of an act told after it (… ما أدى إلى مقتل 274 شخصا): part of
     * that act, whose figures it carries */
    uint32_t rf;
    bool toll = g->pos == 'N' && ms_cue_before(x, h->tok_first, MS_CUE_ROLE, "result", &rf);
    if (g->pos == 'N' && !toll && h->tok_first > a0 + 1 && tok_is(x, h->tok_first - 1, "\xD8\xA7\xD9\x84\xD9\x8A")) {
        for (uint32_t k = h->tok_first - 1; k-- > a0 && h->tok_first - k <= 8;)
            if (ms_cue_at(x, k, MS_CUE_ROLE, "result_verb", NULL)) {
                toll = true;
                break;
            }
    }
    /* في + an event noun of the act just told (تسلل … في هجوم): the same act */
    if (!toll && g->pos == 'N' && h->tok_first > a0 && tok_is(x, h->tok_first - 1, "\xD9\x81\xD9\x8A")) {
        int ev = earlier_event(x, hi, a0, 10, g->type);
        if (ev >= 0) {
            h->event = ev;
            return;
        }
    }
    if (toll) {
        int ev = earlier_event(x, hi, a0, UINT32_MAX, NULL);
        if (ev >= 0) {
            h->event = ev;
            return;
        }
    }
    ms_event e = {0};
    e.actor[0] = e.recipient[0] = e.mediator[0] = -1;
    int32_t self = (int32_t)hi;
    const char *rule = NULL;
    bool passive = g->passive || (h->tok_first > a0 && tok_is(x, h->tok_first - 1, AR_TAMMA)) || marked_passive(x, h);
    /* a preposition or the article before a verbal noun (لعقد صفقة، بدعم،
     * التوصل): a noun, not a finite verb */
    bool nominal = g->pos == 'N' || (x->t->tok[h->tok_first].pro & (MS_PRO_L | MS_PRO_AL | MS_PRO_B | MS_PRO_K));
    /* مطالبا لبنان: an indefinite noun has no genitive; a name after it is
     * its object (its nationality still qualifies it: هجوما إسرائيليا) */
    bool indefinite = indefinite_accusative(x, h);
    bool patient_type = g->figure && (!strcmp(g->figure, "RELEASE") || !strcmp(g->figure, "KIDNAP") ||
                                      !strcmp(g->figure, "HELD") || !strcmp(g->figure, "ARREST"));
    bool victims = g->figure && (!strcmp(g->figure, "KILL") || !strcmp(g->figure, "WOUND"));
    int32_t genitive_patient = -1;
    /* agent of a passive: من قبل X / على يد X (also after a passive verb
     * whose voice only the vowels show: قُتلوا على يد حماس) */
    if (!passive && (!nominal || victims)) {
        for (uint32_t k = h->tok_end; k < a1 && k < h->tok_end + 6; k++) {
            if (ms_cue_at(x, k, MS_CUE_ROLE, "passive_agent", NULL)) {
                passive = true;
                break;
            }
            /* the people killed or wounded come first (قتل 60 فلسطينيا برصاص …) */
            if (boundary(x, k, self) || x->t->tok[k].kind == MS_TOK_PUNCT || (x->actor_at[k] >= 0 && !victims))
                break;
        }
    }
    if (passive) {
        for (uint32_t k = h->tok_end; k < a1; k++) {
            uint32_t end;
            /* within the clause: not past another verb, a relative or a
             * complementizer (أدينت طاطور بمنشور … التي تصنف من قبل إسرائيل) */
            if (boundary(x, k, self) || complementizer(x, k))
                break;
            if (ms_cue_at(x, k, MS_CUE_ROLE, "passive_agent", &end)) {
                int32_t a = end < a1 ? x->actor_at[end] : -1;
                /* an unknown noun and its nationality: على يد قراصنة صوماليين */
                if (a < 0 && end + 1 < a1 && x->t->tok[end].kind == MS_TOK_ARABIC && x->trig_at[end] < 0 &&
                    x->actor_at[end + 1] >= 0 && actor(x, x->actor_at[end + 1])->kind &&
                    !strcmp(actor(x, x->actor_at[end + 1])->kind, "demonym"))
                    a = x->actor_at[end + 1];
                if (a >= 0) {
                    add_with_coordination(x, e.actor, &e.nactor, a);
                    rule = "passive: agent after من قبل/على يد";
                }
                break;
            }
        }
    }
    if (!e.nactor && !passive) {
        int32_t a = -1;
        /* القوات التي قصفت غزة: after a relative pronoun the verb's subject is
         * the noun the pronoun follows, named or not, and the name after the
         * verb is its object; a verb that carries the pronoun of its object
         * (التي شنتها إسرائيل) has its subject after it */
        uint32_t rel = nominal || x->t->tok[h->tok_first].enc_len ? UINT32_MAX : relative_before(x, h, a0);
        /* … or a phrase split by its subject (التي أغلقت السلطات المصرية مكاتبها) */
        if (rel != UINT32_MAX && (resumptive_after(x, h, a1) || (h->gap_end && x->actor_at[h->gap_first] >= 0)))
            rel = UINT32_MAX;
        bool settled = rel != UINT32_MAX;
        /* the noun, or a name in apposition before a comma (التحالف، الذي يقاتل) */
        uint32_t ante = rel != UINT32_MAX && rel > a0 && tok_is(x, rel - 1, "\xD8\x8C") ? rel - 1 : rel;
        int32_t an = settled && ante > a0 ? x->actor_at[ante - 1] : -1;
        if (an >= 0 && (actor(x, an)->tok_end != ante || (actor(x, an)->flags & (MS_ACT_WEAK | MS_ACT_CAPTIVE))))
            an = -1;
        /* not a name inside a phrase of its own: after a preposition (حزب الله
         * في لبنان، التي) or in the genitive of a noun (أعداء العراق التي) */
        if (an >= 0 && actor(x, an)->tok_first > a0) {
            uint32_t before = actor(x, an)->tok_first - 1;
            if (preposition_word(x, &x->t->tok[before]) || construct_head(x, before, a1))
                an = -1;
        }
        /* الفلسطينيين الذين قتلوا: people a killing is told of with no object
         * after the verb are its victims */
        uint32_t past_verb = h->tok_end;
        bool object_follows = past_verb < a1 && (x->actor_at[past_verb] >= 0 || x->num_at[past_verb] >= 0);
        if (an >= 0 && victims && !object_follows) {
            genitive_patient = an;
            an = -1;
        }
        if (an >= 0 && !first_person(x, h)) {
            /* with the names coordinated before it, for a dual or plural
             * pronoun (روسيا وإيران اللتين تدعمان; but مصر والسودان الذي) */
            bool several = !tok_is(x, rel, "\xD8\xA7\xD9\x84\xD8\xB0\xD9\x8A") /* الذي */ &&
                           !tok_is(x, rel, "\xD8\xA7\xD9\x84\xD8\xAA\xD9\x8A") /* التي */;
            while (several && actor(x, an)->tok_first > a0 && (x->t->tok[actor(x, an)->tok_first].pro & MS_PRO_W) &&
                   x->actor_at[actor(x, an)->tok_first - 1] >= 0)
                an = x->actor_at[actor(x, an)->tok_first - 1];
            a = an;
            rule = "relative clause: the noun before the relative pronoun";
        }
        /* إن خلفان زار إسرائيل: a subject before the verb the lexicon does not
         * know; the name after the verb is its object */
        if (!settled && !nominal && preposed_subject(x, h->tok_first, a0))
            settled = true;
        /* ونحذر نظام الأسد: a verb in the first person has the speaker for
         * subject; the name after it is its object */
        if (!settled && !nominal && first_person(x, h))
            settled = true;
        /* قوات تدعمها تركيا: a verb that carries the pronoun of its object has
         * its subject in the name right after it, whatever stands before it */
        if (!settled && !nominal && a < 0 && h->tok_end - h->tok_first == 1 && h->tok_end < a1 &&
            third_person_object(x, h->tok_first)) {
            int32_t sa = x->actor_at[h->tok_end];
            if (sa >= 0 && actor(x, sa)->tok_first == h->tok_end && !oblique(x, actor(x, sa)) &&
                !(actor(x, sa)->flags & MS_ACT_CAPTIVE)) {
                a = sa;
                settled = true;
                rule = "verb with its object's pronoun: the subject after it";
                /* … and the pronoun's noun right before the verb its object
                 * (مواطنين ألمان اعتقلتهم تركيا; not before و/ف, which opens a
                 * clause of its own) */
                int32_t ob = h->tok_first > a0 && !(x->t->tok[h->tok_first].pro & (MS_PRO_W | MS_PRO_F))
                                 ? x->actor_at[h->tok_first - 1]
                                 : -1;
                if (ob >= 0 && ob != sa && actor(x, ob)->tok_end == h->tok_first && !oblique(x, actor(x, ob)))
                    add_role(e.recipient, &e.nrecipient, ob);
            }
        }
        /* a subject right before the verb makes the actor inside the phrase its
         * object (أمريكا وبريطانيا تحذر إيران من …) */
        int32_t svo = -1;
        if (!settled && h->gap_end && !nominal && !(x->t->tok[h->tok_first].pro & (MS_PRO_W | MS_PRO_F)))
            svo = subject_svo(x, h->tok_first, a0);
        if (settled) {
            /* the subject is decided */
        } else if (svo >= 0 && x->actor_at[h->gap_first] >= 0) {
            add_with_coordination(x, e.recipient, &e.nrecipient, x->actor_at[h->gap_first]);
            a = svo;
            rule = "subject-verb, the actor inside the phrase is its object";
            /* the subject's coordinated partners came before it */
            int32_t first_conj = a;
            for (uint32_t k = actor(x, a)->tok_first; k > a0;) {
                int32_t b = x->actor_at[k - 1];
                if (b < 0 || !(x->t->tok[actor(x, first_conj)->tok_first].pro & MS_PRO_W))
                    break;
                first_conj = b;
                k = actor(x, b)->tok_first;
            }
            a = first_conj;
        } else if (h->gap_end && !nominal && x->actor_at[h->gap_first] >= 0 &&
                   (plural_verb(x, h->tok_first) || pronoun_before(x, h, a0))) {
            /* تحذران الاحتلال من: the verb carries its subject, the name is its object */
            add_with_coordination(x, e.recipient, &e.nrecipient, x->actor_at[h->gap_first]);
        } else if (h->gap_end && !nominal && x->actor_at[h->gap_first] >= 0) {
            a = x->actor_at[h->gap_first];
            rule = "verb-subject-object (subject inside the phrase)";
        }
        /* a verb with و/ف opens a new clause: its subject is not the word before it */
        bool opens = x->t->tok[h->tok_first].pro & (MS_PRO_W | MS_PRO_F);
        if (a < 0 && !settled && !nominal && !opens) {
            a = subject_svo(x, h->tok_first, a0);
            if (a >= 0)
                rule = "subject-verb (subject right before the verb)";
        }
        /* after a verb phrase (أطلق سراح، طلب المساعدة) comes its object, not its subject */
        /* كان يدعو البرلمان: the auxiliary holds the subject (but not when the
         * verb carries its object: كان يحتجزهم المعارضون) */
        bool aux = h->tok_first > a0 && !x->t->tok[h->tok_first].enc_len &&
                   ms_cue_before(x, h->tok_first, MS_CUE_ROLE, "auxiliary", NULL);
        /* إنها قتلت المسلح: the pronoun is the subject, the name after the verb its object */
        bool pronoun_subject = !opens && pronoun_before(x, h, a0);
        if (a < 0 && !settled && !nominal && !aux && !pronoun_subject && h->tok_end - h->tok_first == 1 &&
            !plural_verb(x, h->tok_first) && !(!opens && unknown_subject_before(x, h->tok_first, a0))) {
            a = subject_after(x, h->tok_end, a1, self);
            if (a >= 0)
                rule = "verb-subject-object";
            /* اتهم X بـ…: a lone name between the verb and its second
             * complement is the one accused; the subject is someone named
             * before (or no one) */
            if (a >= 0 && g->then && !x->t->tok[h->tok_first].enc_len && second_complement(x, actor(x, a), g->then))
                a = -1;
        }
        if (a < 0 && nominal) {
            /* genitive / adjective of an agentive noun: هجوم الحركة، الحملة الإسرائيلية */
            /* The genitive of a noun of an act done to someone is the one it is
             * done to (اغتيال رفيق الحريري، مقتل خاشقجي، طرد إيران، قصف غزة),
             * unless a ل-phrase names the target (قصف إيران لمقر الحزب). */
            bool gen_patient = patient_type || victims || g->genitive_patient || !strcmp(g->type, "COERCE") ||
                               (g->mode && !strcmp(g->mode, "assassinate"));
            /* no doer in the genitive when the noun already has its owner, a
             * pronoun (تحقيقهم), or ends in the preposition of its object
             * (التحقيق في): what follows is what it is done to */
            bool owned = x->t->tok[h->tok_first].enc_len ||
                         (h->tok_end - h->tok_first > 1 && preposition_word(x, &x->t->tok[h->tok_end - 1]));
            for (uint32_t k = h->tok_end; k < a1 && k < h->tok_end + 3 && !patient_type; k++) {
                int32_t b = x->actor_at[k];
                if (b >= 0) {
                    const ms_actor *ac = actor(x, b);
                    if (ac->tok_first == k && !oblique(x, ac) && ac->code[0] && !(ac->flags & MS_ACT_CAPTIVE)) {
                        const ms_token *nx = ac->tok_end < a1 ? &x->t->tok[ac->tok_end] : NULL;
                        bool target_follows = nx && (nx->pro & MS_PRO_L) && nx->kind == MS_TOK_ARABIC;
                        /* a nationality in the plural names people (مقتل
                         * الفلسطينيين: the Palestinians killed), not a quality */
                        size_t dn;
                        const char *dw = ms_tok_norm(x->t, &x->t->tok[ac->tok_end - 1], &dn);
                        bool people = dn >= 8 && (!memcmp(dw + dn - 4, "\xD9\x8A\xD9\x86", 4) ||
                                                  !memcmp(dw + dn - 4, "\xD9\x88\xD9\x86", 4));
                        bool demonym = ac->kind && !strcmp(ac->kind, "demonym");
                        bool adjective = demonym && !people;
                        /* a nationality after another noun is that noun's (لتفجير
                         * طائرة إماراتية: the plane is Emirati, not the plot);
                         * after adjectives it is still the act's (غارة جوية إسرائيلية) */
                        bool other_noun_between = false;
                        for (uint32_t j = h->tok_end; demonym && j < k; j++) {
                            size_t wn;
                            const char *w = ms_tok_norm(x->t, &x->t->tok[j], &wn);
                            bool nisba = wn >= 4 && (!memcmp(w + wn - 2, "\xD9\x8A", 2) ||
                                                     !memcmp(w + wn - 4, "\xD9\x8A\xD9\x87", 4));
                            other_noun_between |= !nisba;
                        }
                        if (other_noun_between)
                            break;
                        if (indefinite && !adjective) {
                            genitive_patient = b;
                            break;
                        }
                        /* a noun with the article has no genitive either: a name
                         * after it that is no nationality belongs to the clause
                         * (وأدانت الغارة منظمة الأمم المتحدة: the UN condemns) */
                        if (g->pos == 'N' && (x->t->tok[h->tok_first].pro & MS_PRO_AL) && !demonym &&
                            !country_is_doer_word(x, ac))
                            break;
                        /* a capital is a place where struck or met (قصف دمشق، قمة
                         * مابوتو، اتفاقية أوسلو), its government when it refuses,
                         * withdraws or demands (رفض أنقرة، انسحاب واشنطن) */
                        bool decision = !strcmp(g->type, "REJECT") || !strcmp(g->type, "RETREAT") ||
                                        !strcmp(g->type, "REQUEST");
                        /* a country right after an attack noun with no complement
                         * for a target after it is the one struck (ضربة سوريا);
                         * with one it is the attacker (قصف إسرائيل لغزة، هجوم
                         * روسيا على إدلب) */
                        bool struck = !strcmp(g->type, "ASSAULT") && k == h->tok_end && ac->kind &&
                                      !strcmp(ac->kind, "country") && !target_follows &&
                                      !country_is_doer(x, ac, a1);
                        bool place = ac->kind && (!strcmp(ac->kind, "place") ||
                                                  (!decision && !strcmp(ac->kind, "capital")) ||
                                                  (g->genitive_place && !strcmp(ac->kind, "country")) || struck);
                        if (!target_follows && !adjective && (gen_patient || place))
                            genitive_patient = b;
                        else if (g->then && !adjective && second_complement(x, ac, g->then))
                            genitive_patient = b; /* اتهام إعلامية بالتحريض: the one accused */
                        else if (!owned)
                            a = b;
                    }
                    break;
                }
                /* past a preposition the noun phrase has ended (غارة جوية على
                 * المواقع الحوثية), except من that names the doer (هجوم من الحوثيين) */
                if (x->t->tok[k].kind != MS_TOK_ARABIC || x->trig_at[k] >= 0 || boundary(x, k, self) ||
                    (preposition_word(x, &x->t->tok[k]) && !tok_is(x, k, "\xD9\x85\xD9\x86")) ||
                    complementizer(x, k))
                    break;
            }
            if (a >= 0)
                rule = "noun + genitive/adjective actor";
        }
        if (a < 0 && nominal) {
            a = light_verb_subject(x, h, a0, self);
            if (a >= 0)
                rule = "subject of the support verb (تجري قطر محادثات)";
        }
        /* …، مطالبا لبنان: after a comma, an indefinite participle tells how
         * the subject of the main clause acted: the speaker of the sentence
         * (أكد الوزير …، مطالبا) or the subject of the verb before */
        if (a < 0 && nominal && h->tok_first > a0 && indefinite &&
            comma_at(x, h->tok_first - 1)) {
            int at = attrib_of(x, s, h->tok_first);
            const ms_attrib *ab = at >= 0 ? &MSVEC_AT(&x->a->attribs, ms_attrib, at) : NULL;
            int ev = earlier_event(x, hi, a0, UINT32_MAX, "");
            if (ab && ab->speaker >= 0 && ab->start < x->t->tok[h->tok_first].start) {
                a = ab->speaker;
                rule = "circumstantial participle: the speaker of the sentence";
            } else if (ev >= 0 && MSVEC_AT(&x->a->events, ms_event, ev).nactor) {
                a = MSVEC_AT(&x->a->events, ms_event, ev).actor[0];
                rule = "circumstantial participle: the subject of the verb before";
            }
        }
        if (a < 0 && nominal) {
            a = light_verb_after(x, h, a1, self);
            if (a >= 0)
                rule = "subject of the support verb after the noun (هجوم شنه مسلحو الحركة)";
        }
        /* ل + verbal noun right after an event: its purpose, done by the same
         * actor (الهجوم الإسرائيلي لتحرير المحتجزين) */
        if (a < 0 && nominal && (x->t->tok[h->tok_first].pro & MS_PRO_L) && hi > 0) {
            const ms_trighit *p = &MSVEC_AT(&x->trigs, ms_trighit, hi - 1);
            uint32_t gap = h->tok_first - p->tok_end;
            /* unless ل is what that noun takes its object with (انتقاده للاتفاق،
             * إدانتها للهجوم: the noun of a verb with a direct object) */
            bool object = p->g->pos == 'N' && p->g->obj && (!strcmp(p->g->obj, "\xD9\x84") || !strcmp(p->g->obj, "-"));
            if (p->tok_first >= a0 && p->event >= 0 && gap <= 3 && !object) {
                const ms_event *pe = &MSVEC_AT(&x->a->events, ms_event, p->event);
                bool clear = true;
                for (uint32_t k = p->tok_end; k < h->tok_first; k++)
                    clear &= x->t->tok[k].kind != MS_TOK_PUNCT && (x->actor_at[k] >= 0 || x->date_at[k] >= 0);
                /* the goal of a merely possible act is too remote to code */
                if (clear && pe->nactor && pe->modality == MS_MOD_ASSERTED) {
                    a = pe->actor[0];
                    rule = "purpose (ل + verbal noun): the actor of the event it serves";
                }
            }
        }
        /* ب + verbal noun after a verb: the means, done by its subject (ردت
         * إسرائيل على الهجوم بقصف غزة) */
        /* … unless it complements a noun and its genitive right before it
         * (تؤيد قرار ترامب بالانسحاب: the withdrawal is Trump's decision) */
        int32_t gb = h->tok_first > a0 ? x->actor_at[h->tok_first - 1] : -1;
        bool of_genitive = false;
        if (gb >= 0 && actor(x, gb)->tok_first > a0 && !(x->t->tok[actor(x, gb)->tok_first].pro & (MS_PRO_W | MS_PRO_F))) {
            uint32_t hk = actor(x, gb)->tok_first - 1;
            const ms_token *ht = &x->t->tok[hk];
            size_t hn;
            const char *hw = ms_tok_norm(x->t, ht, &hn);
            of_genitive = ht->kind == MS_TOK_ARABIC && !(ht->pro & (MS_PRO_AL | MS_PRO_B | MS_PRO_L | MS_PRO_K)) &&
                          x->actor_at[hk] < 0 && x->trig_at[hk] < 0 && !preposition_word(x, ht) &&
                          !pronoun_preposition(hw, hn);
        }
        if (a < 0 && nominal && !of_genitive && (x->t->tok[h->tok_first].pro & MS_PRO_B)) {
            for (size_t q = hi; q-- > 0;) {
                const ms_trighit *p = &MSVEC_AT(&x->trigs, ms_trighit, q);
                if (p->tok_first < a0 || h->tok_first - p->tok_end > 6)
                    break;
                if (p->g->pos == 'N' && !(x->t->tok[p->tok_first].pro & (MS_PRO_W | MS_PRO_F)))
                    continue; /* a noun in between (على الهجوم) */
                /* a clause opened in between has a verb of its own (وحذرت المملكة
                 * من أن الحوثيين سيستمرون برفض …) */
                bool clause = false;
                for (uint32_t k = p->tok_end; k < h->tok_first && !clause; k++)
                    clause = complementizer(x, k) ||
                             ms_tok_is(x->t, &x->t->tok[k], "\xD9\x85\xD8\xA7") /* ما حصل */ ||
                             ms_cue_at(x, k, MS_CUE_ROLE, "subordinator", NULL);
                if (clause)
                    break;
                if (p->event >= 0) {
                    const ms_event *pe = &MSVEC_AT(&x->a->events, ms_event, p->event);
                    /* اتهم X بشن الهجوم: what X is accused of is an allegation, not
                     * an act of the accuser nor one the report asserts */
                    bool accusation = p->g->then && !strcmp(p->g->then, "\xD8\xA8");
                    if (!accusation && pe->nactor && pe->modality == MS_MOD_ASSERTED && p->g->pos == 'V') {
                        a = pe->actor[0];
                        rule = "means (ب + verbal noun): the subject of the verb";
                    }
                }
                break;
            }
        }
        /* the people an abduction or a release is done to never do it */
        if (a >= 0 && patient_type && (actor(x, a)->flags & MS_ACT_CAPTIVE))
            a = -1;
        if (a < 0 && !settled && !nominal && !opens) {
            a = subject_before(x, h->tok_first, a0, 4, self);
            if (a >= 0)
                rule = "subject-verb-object";
        }
        /* و + verb without a subject of its own: the subject of the verb it
         * is coordinated with (بايدن كتب … وحضهما) */
        if (a < 0 && !settled && !nominal && opens) {
            /* (the verb before it: أعربت روسيا عن قلقها إزاء الغارات
             * الإسرائيلية، ودعت … — Russia calls, not the raids' Israel) */
            int ev = earlier_event(x, hi, a0, UINT32_MAX, "");
            if (ev >= 0 && MSVEC_AT(&x->a->events, ms_event, ev).nactor)
                a = MSVEC_AT(&x->a->events, ms_event, ev).actor[0];
            /* none: the subject the sentence opens with (الرئيس كتب … وحثه) */
            uint32_t k0 = a0;
            while (k0 < h->tok_first && x->actor_at[k0] < 0 && x->t->tok[k0].kind == MS_TOK_PUNCT)
                k0++;
            if (a < 0 && k0 < h->tok_first && x->actor_at[k0] >= 0) {
                const ms_actor *ac = actor(x, x->actor_at[k0]);
                uint32_t v = ac->tok_end;
                if (ac->tok_first == k0 && !oblique(x, ac) && !(ac->flags & (MS_ACT_WEAK | MS_ACT_CAPTIVE)) &&
                    v < h->tok_first && x->actor_at[v] < 0 && x->t->tok[v].kind == MS_TOK_ARABIC &&
                    !(x->t->tok[v].pro & (MS_PRO_AL | MS_PRO_B | MS_PRO_L | MS_PRO_K | MS_PRO_W)))
                    a = x->actor_at[k0];
            }
            if (a >= 0)
                rule = "shared subject of coordinated verbs";
        }
        /* civilians, journalists, refugees next to a verb of killing or
         * wounding are its victims (قتل خاشقجي، 2200 طفل قتلوا) */
        if (a >= 0 && victims && actor(x, a)->sector &&
            (!strcmp(actor(x, a)->sector, "CVL") || !strcmp(actor(x, a)->sector, "JRN") ||
             !strcmp(actor(x, a)->sector, "REF"))) {
            genitive_patient = a;
            a = -1;
        }
        if (a >= 0)
            add_with_coordination(x, e.actor, &e.nactor, a);
    }
    /* بين X و Y */
    if (nominal && !e.nactor) {
        for (uint32_t k = h->tok_end; k < a1 && k < h->tok_end + 3; k++) {
            uint32_t end;
            if (ms_cue_at(x, k, MS_CUE_ROLE, "between", &end) && end < a1 && x->actor_at[end] >= 0) {
                int32_t a = x->actor_at[end];
                add_role(e.actor, &e.nactor, a);
                uint32_t after = actor(x, a)->tok_end;
                if (after < a1 && x->actor_at[after] >= 0)
                    add_role(e.recipient, &e.nrecipient, x->actor_at[after]);
                rule = "بين X و Y";
                break;
            }
        }
    }
    /* recipient */
    uint32_t rfrom = h->tok_end;
    /* (the agent of a passive comes after the people it was done to) */
    if (e.nactor && !passive && actor(x, e.actor[e.nactor - 1])->tok_first >= h->tok_end)
        rfrom = actor(x, e.actor[e.nactor - 1])->tok_end;
    if (!e.nrecipient) {
        int32_t r = -1;
        if (g->obj && strcmp(g->obj, "-"))
            r = after_prep(x, g->obj, rfrom, a1, self);
        if (r < 0 && g->with)
            r = after_prep(x, g->with, rfrom, a1, self);
        if (r < 0 && (!strcmp(g->type, "CONSULT") || !strcmp(g->type, "AGREE") || !strcmp(g->type, "COOPERATE")))
            r = after_prep(x, AR_MA3, rfrom, a1, self);
        /* meetings take their partner with or without a preposition (التقى بـ / التقى) */
        bool direct_too = !strcmp(g->type, "CONSULT") && g->pos == 'V';
        if (r < 0 && (!g->obj || !strcmp(g->obj, "-") || direct_too) && !patient_type) {
            while (rfrom < a1 && x->date_at[rfrom] >= 0)
                rfrom++; /* يزور بلينكن اليوم إسرائيل */
            int32_t b = rfrom < a1 ? x->actor_at[rfrom] : -1;
            if (b < 0 && rfrom + 1 < a1 && x->t->tok[rfrom].kind == MS_TOK_ARABIC && x->trig_at[rfrom] < 0)
                b = -1;
            if (b >= 0 && actor(x, b)->tok_first == rfrom && !(actor(x, b)->flags & MS_ACT_WEAK) &&
                (!e.nactor || b != e.actor[0]))
                r = b;
        }
        if (r < 0)
            r = genitive_patient;
        if (r < 0 && (patient_type || victims))
            r = patient_nationality(x, rfrom, a1, self);
        if (r < 0 && (!strcmp(g->type, "ASSAULT") || !strcmp(g->type, "COERCE")))
            r = place_actor(x, rfrom, a1);
        if (r >= 0 && (!e.nactor || r != e.actor[0]))
            add_with_coordination(x, e.recipient, &e.nrecipient, r);
    }
    /* استقبل، تلقى اتصالا من: the grammatical subject is the one visited or called */
    if (g->swap) {
        int tmp[MS_MAX_ROLE], nt = e.nactor;
        memcpy(tmp, e.actor, sizeof tmp);
        memcpy(e.actor, e.recipient, sizeof tmp);
        e.nactor = e.nrecipient;
        memcpy(e.recipient, tmp, sizeof tmp);
        e.nrecipient = nt;
        if (rule)
            rule = "host or callee as subject: roles swapped";
    }
    if (g->needs_recipient) {
        bool coded = false;
        for (int k = 0; k < e.nrecipient; k++)
            coded |= actor(x, e.recipient[k])->code[0] != 0;
        if (!coded)
            return;
    }
    find_mediators(x, h, a0, a1, e.mediator, &e.nmediator);
    if (!strcmp(g->type, "CONSULT") && e.nmediator && g->mode && !*g->mode)
        e.mode = "third-party";

    /* an actor that is also the recipient adds nothing */
    e.trig_start = x->t->tok[h->tok_first].start;
    e.trig_end = x->t->tok[h->tok_end - 1].end;
    e.sent = s;
    e.type = g->type;
    if (!e.mode)
        e.mode = g->mode;
    e.cameo = g->cameo;
    e.trig_line = g->line;
    e.goldstein = g->goldstein;
    /* held by a state body: a detention (السلطات احتجزت), not an abduction */
    if (g->by_state && e.nactor && state_body(actor(x, e.actor[0]))) {
        e.type = "COERCE";
        e.mode = g->by_state;
        e.cameo = "173";
        e.goldstein = -5.0;
    }
    e.date = date_of(x, h, a0, a1);
    e.modality = (uint8_t)modality_of(x, h, a0, a1, e.date);
    e.attrib = attrib_of(x, s, h->tok_first);
    e.location = place_of(x, h, a0, a1);
    e.mentions = 1;
    e.rule = rule ? rule : "trigger with object";
    ms_event *out = msvec_push(&x->a->events);
    if (!out)
        return;
    *out = e;
    h->event = (int)x->a->events.n - 1;
}

int ms_find_events(ms_xctx *x)
{
    int rc = find_triggers(x);
    if (rc)
        return rc;
    const ms_text *t = x->t;
    for (size_t i = 0; i < x->trigs.n; i++) {
        const ms_trighit *h = &MSVEC_AT(&x->trigs, ms_trighit, i);
        uint32_t s = t->tok[h->tok_first].sent;
        build_event(x, i, t->sent[s].tok_first, t->sent[s].tok_end, s);
    }
    return MARSAD_OK;
}

/* MARK: merging */

static void merge_mentions(ms_xctx *x);

static int cmp_id(const void *p, const void *q) { return strcmp(p, q); }

static void codes_of(const ms_analysis *a, const int *list, int n, char *out, size_t cap)
{
    out[0] = 0;
    /* sorted, distinct identities joined: the identity of a role. An actor
     * is its code; one without a code is its sector (the police and the
     * army of an unnamed country are two parties, not one) */
    char ids[MS_MAX_ROLE][12];
    int nc = 0;
    for (int i = 0; i < n && nc < MS_MAX_ROLE; i++) {
        const ms_actor *ac = &MSVEC_AT(&a->actors, ms_actor, list[i]);
        char id[12];
        snprintf(id, sizeof id, "%s%.5s", ac->code[0] ? ac->code : "~", ac->code[0] ? "" : ac->sector ? ac->sector : "");
        bool dup = false;
        for (int j = 0; j < nc; j++)
            dup |= !strcmp(ids[j], id);
        if (!dup)
            memcpy(ids[nc++], id, sizeof id);
    }
    qsort(ids, (size_t)nc, sizeof ids[0], cmp_id);
    size_t o = 0;
    for (int i = 0; i < nc && o + 12 < cap; i++)
        o += (size_t)snprintf(out + o, cap - o, "%s,", ids[i]);
}

/* Events are dyads: an event done to recipients of several countries (طلب من
 * زعيمي مصر وقطر) becomes one event per recipient country. */
static void split_recipients(ms_xctx *x)
{
    ms_analysis *a = x->a;
    size_t n = a->events.n;
    for (size_t i = 0; i < n; i++) {
        ms_event *e = &MSVEC_AT(&a->events, ms_event, i);
        if (e->dropped || e->nrecipient < 2)
            continue;
        const char *first = MSVEC_AT(&a->actors, ms_actor, e->recipient[0]).code;
        int keep[MS_MAX_ROLE], nkeep = 0, rest[MS_MAX_ROLE], nrest = 0;
        for (int k = 0; k < e->nrecipient; k++) {
            const char *c = MSVEC_AT(&a->actors, ms_actor, e->recipient[k]).code;
            if (!c[0] || !strcmp(c, first))
                keep[nkeep++] = e->recipient[k];
            else
                rest[nrest++] = e->recipient[k];
        }
        if (!nrest || !first[0])
            continue;
        ms_event copy = *e;
        memcpy(e->recipient, keep, sizeof keep);
        e->nrecipient = nkeep;
        memcpy(copy.recipient, rest, sizeof rest);
        copy.nrecipient = nrest;
        copy.mentions = 1;
        if (!msvec_push(&a->events))
            return;
        MSVEC_AT(&a->events, ms_event, a->events.n - 1) = copy;
        n = a->events.n; /* the copy may hold more countries still */
    }
}

/* Does the sentence tell of an accident or a disaster (تحطم الطائرة، زلزال)? */
static bool accident(const ms_xctx *x, uint32_t sent)
{
    if (sent >= x->t->nsent)
        return false;
    for (uint32_t k = x->t->sent[sent].tok_first; k < x->t->sent[sent].tok_end; k++)
        if (ms_cue_at(x, k, MS_CUE_ROLE, "accident", NULL))
            return true;
    return false;
}

/* An event without an actor is reported only when a figure counts what it
 * did (تم إطلاق سراح أربعة رهائن): otherwise it is a bare
 * mention of an act (فشلها في إطلاق سراح …) with nobody to code. */
static void drop_unanchored(ms_xctx *x)
{
    ms_analysis *a = x->a;
    for (size_t i = 0; i < a->events.n; i++) {
        ms_event *e = &MSVEC_AT(&a->events, ms_event, i);
        if (e->dropped || e->nactor)
            continue;
        /* a background act nobody is named for is context, not an event */
        if (e->modality == MS_MOD_HISTORICAL) {
            e->dropped = MS_EVENT_UNREPORTED;
            continue;
        }
        bool counted = false;
        for (size_t q = 0; q < a->figures.n && !counted; q++)
            counted = MSVEC_AT(&a->figures, ms_figure, q).event == (int)i;
        /* deaths in a crash, a fire or a quake are a toll, not an attack */
        if (!counted || (!strcmp(e->type, "ASSAULT") && accident(x, e->sent)))
            e->dropped = MS_EVENT_UNREPORTED;
    }
}

void ms_merge_events(ms_xctx *x)
{
    drop_unanchored(x);
    merge_mentions(x);
    split_recipients(x);
}

/* Do events i and j carry a figure of the same type and value? */
static bool same_count(const ms_analysis *a, int i, int j)
{
    for (size_t p = 0; p < a->figures.n; p++) {
        const ms_figure *f = &MSVEC_AT(&a->figures, ms_figure, p);
        if (f->event != i)
            continue;
        const ms_number *nf = &MSVEC_AT(&a->numbers, ms_number, f->number);
        for (size_t q = 0; q < a->figures.n; q++) {
            const ms_figure *g = &MSVEC_AT(&a->figures, ms_figure, q);
            if (g->event != j || strcmp(g->type, f->type))
                continue;
            const ms_number *ng = &MSVEC_AT(&a->numbers, ms_number, g->number);
            if (nf->has_value && ng->has_value && nf->value == ng->value)
                return true;
        }
    }
    return false;
}

static bool same_str(const char *p, const char *q) { return p == q || (p && q && !strcmp(p, q)); }

/* Add actor k to a role list unless a party of the same identity (code,
 * sector and entity) is there: two mentions of Gaza are one recipient. */
static void add_party(const ms_analysis *a, int *list, int *n, int32_t k)
{
    const ms_actor *ak = &MSVEC_AT(&a->actors, ms_actor, k);
    for (int i = 0; i < *n && (ak->code[0] || ak->entity); i++) {
        const ms_actor *ai = &MSVEC_AT(&a->actors, ms_actor, list[i]);
        if (!strcmp(ai->code, ak->code) && same_str(ai->sector, ak->sector) && same_str(ai->entity, ak->entity))
            return;
    }
    add_role(list, n, k);
}

static void merge_mentions(ms_xctx *x)
{
    ms_analysis *a = x->a;
    for (size_t i = 0; i < a->events.n; i++) {
        ms_event *e = &MSVEC_AT(&a->events, ms_event, i);
        if (e->dropped)
            continue;
        char ea[80], er[80];
        codes_of(a, e->actor, e->nactor, ea, sizeof ea);
        codes_of(a, e->recipient, e->nrecipient, er, sizeof er);
        for (size_t j = i + 1; j < a->events.n; j++) {
            ms_event *f = &MSVEC_AT(&a->events, ms_event, j);
            if (f->dropped || strcmp(f->type, e->type) || f->modality != e->modality)
                continue;
            if ((f->mode && e->mode && *f->mode && *e->mode && strcmp(f->mode, e->mode)))
                continue;
            char fa[80], fr[80];
            codes_of(a, f->actor, f->nactor, fa, sizeof fa);
            codes_of(a, f->recipient, f->nrecipient, fr, sizeof fr);
            /* a later mention without an actor takes up the event told with one
             * (تحرير 4 محتجزين … إنقاذ المحتجزين الأربعة) */
            bool takes_up = !f->nactor && e->nactor &&
                            (f->trig_line == e->trig_line || same_count(a, (int)i, (int)j));
            if ((strcmp(fa, ea) && !takes_up) || (fr[0] && er[0] && strcmp(fr, er)))
                continue;
            /* an undated mention and a dated one are the same event only when
             * told with the same trigger (talks … / met on Sunday: two events) */
            if ((e->date < 0) != (f->date < 0) && e->trig_line != f->trig_line)
                continue;
            /* different explicit dates are different events */
            if (e->date >= 0 && f->date >= 0) {
                const ms_date *d1 = &MSVEC_AT(&a->dates, ms_date, e->date), *d2 = &MSVEC_AT(&a->dates, ms_date, f->date);
                if (d1->year != d2->year || d1->month != d2->month || d1->day != d2->day)
                    continue;
            }
            /* merge f into e: keep the richer arguments */
            for (int k = 0; k < f->nrecipient; k++)
                add_party(a, e->recipient, &e->nrecipient, f->recipient[k]);
            for (int k = 0; k < f->nmediator; k++)
                add_party(a, e->mediator, &e->nmediator, f->mediator[k]);
            if (e->date < 0)
                e->date = f->date;
            if (e->attrib < 0)
                e->attrib = f->attrib;
            if (e->location < 0)
                e->location = f->location;
            e->mentions += f->mentions;
            f->dropped = MS_EVENT_MERGED;
            if (!er[0])
                codes_of(a, e->recipient, e->nrecipient, er, sizeof er);
            for (size_t q = 0; q < x->trigs.n; q++) {
                ms_trighit *h = &MSVEC_AT(&x->trigs, ms_trighit, q);
                if (h->event == (int)j)
                    h->event = (int)i;
            }
            for (size_t q = 0; q < a->figures.n; q++) {
                ms_figure *fg = &MSVEC_AT(&a->figures, ms_figure, q);
                if (fg->event == (int)j)
                    fg->event = (int)i;
            }
        }
    }
}
