/* ctx.h — state shared by the extraction stages of one document. Internal. */
#ifndef MARSAD_EXTRACT_CTX_H
#define MARSAD_EXTRACT_CTX_H

#include "assemble/analysis.h"
#include "lexicon/lexicon.h"

/* A cue matched in the text. */
typedef struct ms_cuehit {
    uint32_t tok_first, tok_end;
    const ms_cue *cue;
} ms_cuehit;

/* A trigger matched in the text (before it becomes an event). */
typedef struct ms_trighit {
    uint32_t tok_first, tok_end;  /* the whole phrase, gap included */
    uint32_t gap_first, gap_end;  /* words inside a split phrase (أطلقت حماس سراح): the subject */
    const ms_trigger *g;
    int event;                    /* index of the event it became, or -1 */
} ms_trighit;

typedef struct ms_xctx {
    const ms_lexicon *lx;
    ms_analysis *a;
    const ms_text *t;
    int32_t *actor_at;            /* per token: index of the actor covering it, or -1 */
    int32_t *trig_at;             /* per token: index of the trigger hit covering it, or -1 */
    int32_t *date_at;             /* per token: index of the date covering it, or -1 */
    int32_t *num_at;              /* per token: index of the number covering it, or -1 */
    msvec cues;                   /* ms_cuehit, in text order */
    msvec trigs;                  /* ms_trighit, in text order */
    int32_t *cue_first;           /* per token: first cue hit starting there, or -1 */
} ms_xctx;

/* An opening quotation mark: « “ or " (which closes as well). */
static inline bool ms_quote_open(const ms_text *t, const ms_token *k)
{
    return k->kind == MS_TOK_PUNCT &&
           (ms_tok_is(t, k, "\xC2\xAB") || ms_tok_is(t, k, "\xE2\x80\x9C") || ms_tok_is(t, k, "\""));
}

/* ms_cue_hit past its quick test (token i starts some cue) */
const ms_cuehit *ms_cue_hit_slow(const ms_xctx *x, uint32_t i, int group, const char *cat);
/* The first cue of `group` (and category `cat`, when given) starting at
 * token i, or NULL. Inline: it is asked of nearly every token, and most
 * start no cue. */
static inline const ms_cuehit *ms_cue_hit(const ms_xctx *x, uint32_t i, int group, const char *cat)
{
    if (i >= x->t->ntok || x->cue_first[i] < 0)
        return NULL;
    return ms_cue_hit_slow(x, i, group, cat);
}
/* The category of a cue of `group` starting at token i (NULL if none); *end
 * gets the token after it. When `cat` is given, only that category counts. */
static inline const char *ms_cue_at(const ms_xctx *x, uint32_t i, int group, const char *cat, uint32_t *end)
{
    const ms_cuehit *h = ms_cue_hit(x, i, group, cat);
    if (h && end)
        *end = h->tok_end;
    return h ? h->cue->category : NULL;
}
/* A cue of `group`/`cat` ending right before token i (its first token in *first). */
bool ms_cue_before(const ms_xctx *x, uint32_t i, int group, const char *cat, uint32_t *first);

/* The pronoun a complementizer at token k carries (إنه، أنها، إنهم): 'm',
 * 'f', 'p'; 'c' for one without a pronoun (أن، بأن); 0 for no complementizer. */
char ms_complementizer_form(const ms_xctx *x, uint32_t k);

int ms_find_attributions(ms_xctx *x);
int ms_find_events(ms_xctx *x);
int ms_find_figures(ms_xctx *x);
void ms_merge_events(ms_xctx *x);

#endif
