/* dict.h — a phrase dictionary: multi-word entries matched over tokens,
 * longest match first. Internal.
 *
 * Phrases are tokenized and normalized exactly like article text, so an entry
 * and the words of an article meet on the same forms. A token is tried in
 * several forms: as written, without its conjunction/preposition proclitics
 * (keeping the article), with the article but without a pronoun suffix, and
 * as its bare stem — so لرويترز meets رويترز and والقطريين meets القطريين. */
#ifndef MARSAD_DICT_H
#define MARSAD_DICT_H

#include "text/text.h"

typedef struct ms_dict {
    msmap words;        /* normalized word -> word id */
    msmap edges;        /* (node, word id) -> child node */
    msvec node_first;   /* uint32_t per node: first payload + 1, 0 = no entry ends here */
    msvec payload_next; /* uint32_t per payload: next payload + 1 on the same node */
    msvec payload_val;  /* uint32_t per payload: the caller's value */
    uint32_t nnodes;
    size_t nphrases;
} ms_dict;

void ms_dict_init(ms_dict *d);
void ms_dict_free(ms_dict *d);

/* Add a phrase (raw text: tokenized and normalized here) with a value.
 * Returns the number of words (0 if the phrase has none), -1 on oom. */
int ms_dict_add(ms_dict *d, const char *phrase, size_t n, uint32_t value);

/* Longest match starting at token i, not crossing token `end`. Returns the
 * number of tokens matched (0: none) and the node reached. */
size_t ms_dict_match(const ms_dict *d, const ms_text *t, size_t i, size_t end, uint32_t *node);

/* Iterate the values ending at a node: it starts at 0; returns false at the end. */
bool ms_dict_next_value(const ms_dict *d, uint32_t node, uint32_t *it, uint32_t *value);

/* Word id of a normalized word, or UINT32_MAX. */
uint32_t ms_dict_word(const ms_dict *d, const char *w, size_t n);

/* The forms under which token k can meet a dictionary word (up to 4). */
size_t ms_token_forms(const ms_text *t, const ms_token *k, char buf[4][160], size_t len[4]);

#endif
