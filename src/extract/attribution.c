/* attribution.c — who said what: reporting verbs (قال، أفاد، أعلن…) with
 * their speaker before or after them, source frames (وفقا لـ، بحسب، نقلا عن),
 * the outlet a statement was made to (لرويترز، لشبكة CNN), anonymity
 * (شريطة عدم الكشف عن هويته, or an unnamed official), and the quotation the
 * statement carries. Cue words come from data/grammar/attribution.txt. */
#include "extract/ctx.h"

static const ms_actor *actor(const ms_xctx *x, int32_t i) { return &MSVEC_AT(&x->a->actors, ms_actor, i); }

static bool is_media(const ms_actor *a) { return a->kind && !strcmp(a->kind, "media"); }

/* The actor starting within `slack` tokens from i (skipping date words), or
 * -1. Not past a complementizer: وقالت إن القوات… — what follows إن is
 * what was said, not who said it. */
static int32_t actor_after(const ms_xctx *x, uint32_t i, uint32_t end, uint32_t slack)
{
    for (uint32_t k = i; k < end && k <= i + slack; k++) {
        if (ms_complementizer_form(x, k))
            return -1;
        int32_t a = x->actor_at[k];
        if (a >= 0 && actor(x, a)->tok_first == k)
            return a;
        if (a >= 0)
            continue;
        if (x->t->tok[k].kind == MS_TOK_PUNCT && x->date_at[k] < 0)
            return -1;
    }
    return -1;
}

/* The actor ending just before i (within `slack` tokens), or -1. */
static int32_t actor_before(const ms_xctx *x, uint32_t i, uint32_t first, uint32_t slack)
{
    for (uint32_t k = i; k-- > first && i - k <= slack + 1;) {
        int32_t a = x->actor_at[k];
        if (a >= 0)
            return a;
        if (x->t->tok[k].kind == MS_TOK_PUNCT)
            return -1;
    }
    return -1;
}

/* A media actor introduced by ل (لرويترز، لشبكة CNN) in [i, end). */
static int32_t outlet_after(const ms_xctx *x, uint32_t i, uint32_t end)
{
    for (uint32_t k = i; k < end; k++) {
        int32_t a = x->actor_at[k];
        if (a < 0 || actor(x, a)->tok_first != k || !is_media(actor(x, a)))
            continue;
        const ms_token *tk = &x->t->tok[k];
        bool lam = (tk->pro & MS_PRO_L) || (k > 0 && ms_tok_is(x->t, &x->t->tok[k - 1], "\xD9\x84"));
        if (lam)
            return a;
    }
    return -1;
}

static bool quote_close(const ms_text *t, const ms_token *k)
{
    return ms_tok_is(t, k, "\xC2\xBB") || ms_tok_is(t, k, "\xE2\x80\x9D") || ms_tok_is(t, k, "\"");
}

static void find_quote(const ms_xctx *x, ms_attrib *at, uint32_t from, uint32_t end)
{
    const ms_text *t = x->t;
    for (uint32_t k = from; k < end; k++) {
        if (!ms_quote_open(t, &t->tok[k]))
            continue;
        for (uint32_t j = k + 1; j < end; j++)
            if (t->tok[j].kind == MS_TOK_PUNCT && quote_close(t, &t->tok[j])) {
                if (j > k + 1) {
                    at->quote_start = t->tok[k + 1].start;
                    at->quote_end = t->tok[j - 1].end;
                }
                return;
            }
        /* an unclosed quotation runs to the end of the sentence */
        if (k + 1 < end) {
            at->quote_start = t->tok[k + 1].start;
            at->quote_end = t->tok[end - 1].end;
        }
        return;
    }
}

int ms_find_attributions(ms_xctx *x)
{
    const ms_text *t = x->t;
    for (size_t s = 0; s < t->nsent; s++) {
        uint32_t a0 = t->sent[s].tok_first, a1 = t->sent[s].tok_end;
        bool anonymous = false;
        for (uint32_t i = a0; i < a1; i++)
            if (ms_cue_at(x, i, MS_CUE_ATTRIB, "anonymous", NULL))
                anonymous = true;
        size_t first_in_sentence = x->a->attribs.n;
        for (uint32_t i = a0; i < a1; i++) {
            const ms_cuehit *cue = ms_cue_hit(x, i, MS_CUE_ATTRIB, NULL);
            if (!cue)
                continue;
            if (!strcmp(cue->cue->category, "anonymous")) {
                i = cue->tok_end - 1; /* its words report nothing (طلب عدم ذكر اسمه) */
                continue;
            }
            const char *cat = cue->cue->category;
            uint32_t end = cue->tok_end;
            bool frame = strstr(cat, "frame") != NULL;
            int32_t sp = -1, out = -1;
            if (frame) {
                sp = actor_after(x, end, a1, 2);
            } else {
                sp = actor_after(x, end, a1, 2);
                if (sp < 0 || (t->tok[actor(x, sp)->tok_first].pro & (MS_PRO_L | MS_PRO_B)))
                    sp = actor_before(x, i, a0, 3);
            }
            if (sp >= 0 && is_media(actor(x, sp))) {
                out = sp;
                /* نقلت وسائل إعلام عن مسؤول: the speaker follows عن */
                for (uint32_t k = actor(x, sp)->tok_end; k + 1 < a1 && k < actor(x, sp)->tok_end + 3; k++)
                    if (ms_tok_is(t, &t->tok[k], "\xD8\xB9\xD9\x86")) {
                        int32_t y = actor_after(x, k + 1, a1, 1);
                        if (y >= 0) {
                            out = sp;
                            sp = y;
                        }
                        break;
                    }
            } else {
                out = outlet_after(x, sp >= 0 ? actor(x, sp)->tok_end : end, a1);
            }
            if (sp < 0 && out < 0)
                continue;
            /* one statement told with two cues (حسبما قال مسؤولون … لشبكة NBC):
             * one attribution */
            if (x->a->attribs.n) {
                ms_attrib *pv = &MSVEC_AT(&x->a->attribs, ms_attrib, x->a->attribs.n - 1);
                const char *o = out >= 0 ? actor(x, out)->entity : NULL;
                bool same = pv->sent == (uint32_t)s && ((sp >= 0 && pv->speaker == sp) ||
                                                       (sp < 0 && pv->speaker < 0 && o && pv->outlet == o));
                if (same) {
                    if (!pv->outlet)
                        pv->outlet = o;
                    if (anonymous)
                        pv->anonymous = 1;
                    i = end - 1;
                    continue;
                }
            }
            ms_attrib *at = msvec_push(&x->a->attribs);
            if (!at)
                return MARSAD_ENOMEM;
            at->start = t->tok[i].start;
            at->end = t->tok[end - 1].end;
            at->speaker = sp;
            at->outlet = out >= 0 ? actor(x, out)->entity : NULL;
            at->verb = cue->cue->phrase; /* the reporting word */
            at->anonymous = anonymous || (sp >= 0 && (actor(x, sp)->flags & MS_ACT_ANON));
            at->sent = (uint32_t)s;
            uint32_t last = sp >= 0 ? actor(x, sp)->tok_end : end;
            if (out >= 0 && actor(x, out)->tok_end > last)
                last = actor(x, out)->tok_end;
            if (last > at->end && last <= t->ntok)
                at->end = t->tok[last - 1].end;
            find_quote(x, at, i, a1);
            i = end - 1;
        }
        (void)first_in_sentence;
    }
    return MARSAD_OK;
}
