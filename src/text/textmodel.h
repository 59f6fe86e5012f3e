/* textmodel.h — the immutable tables of the text layer. Internal. */
#ifndef MARSAD_TEXTMODEL_H
#define MARSAD_TEXTMODEL_H

#include "text/text.h"

struct ms_numtables;   /* text/numbers.c */
struct ms_datetables;  /* text/dates.c */

struct ms_textmodel {
    mswset words;      /* normalized known words: segmentation is validated against them */
    msmap protect;     /* words never segmented (names that look clitic-bearing) */
    msmap abbrev;      /* abbreviations whose dot does not end a sentence */
    msmap particles;   /* function words و/ف attach to (ومن، فقد): always split */
    struct ms_numtables *num;
    struct ms_datetables *dates;
};

bool ms_textmodel_is_abbrev(const ms_textmodel *tm, const char *w, size_t n);
/* Choose the clitic segmentation of every Arabic token. */
void ms_segment_tokens(const ms_textmodel *tm, ms_textcache *cache, ms_text *t);

/* Could the token start a date expression (it is a key a date starts with)
 * / a figure (the cheap filters of ms_find_numbers)? The token's
 * segmentation is set; the answers are kept per word (MS_WF_*). */
bool ms_date_may_start(const ms_textmodel *tm, const ms_text *t, const ms_token *k);
bool ms_number_may_start(const ms_textmodel *tm, const char *w, size_t n);
/* The number-word entry of a normalized word, or of the word with its
 * proclitics stripped (entry + 1, 0 for none, MS_NUM_WORD_ASK for an entry
 * too far to say so); *pro gets what was stripped. */
uint16_t ms_number_word(const ms_textmodel *tm, const char *w, size_t n, uint8_t *pro);

/* Number and date tables; built from the data/text tables. */
struct ms_numtables *ms_numtables_new(marsad_error *err);
void ms_numtables_free(struct ms_numtables *nt);
struct ms_datetables *ms_datetables_new(marsad_error *err);
void ms_datetables_free(struct ms_datetables *dt);

/* Load every normalized line of a table (first field before a tab) into a map
 * with value `v`, or into a set (m NULL). Returns false if the table is
 * missing. */
bool ms_load_wordlist(msmap *m, mswset *set, const char *table, uint32_t v);

#endif
