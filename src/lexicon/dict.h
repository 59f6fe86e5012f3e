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

/* (node, word id) -> child node: open addressing on the pair as one key,
 * key and child side by side so that a probe reads one cache line */
typedef struct ms_edge {
    uint64_t key;
    uint32_t child; /* 0: empty slot (the root is nobody's child) */
} ms_edge;
typedef struct ms_edges {
    ms_edge *e;
    size_t n, cap;  /* cap: a power of two */
} ms_edges;

typedef struct ms_dict {
    msmap *words;       /* normalized word -> word id: the vocabulary, shared by the
                           dictionaries of a lexicon so a text is looked up once */
    ms_edges edges;
    msvec node_first;   /* uint32_t per node: first payload + 1, 0 = no entry ends here */
    msvec payload_next; /* uint32_t per payload: next payload + 1 on the same node */
    msvec payload_val;  /* uint32_t per payload: the caller's value */
    uint32_t *root;     /* after ms_dict_seal: child of the root by word id (0: none) */
    uint64_t *inner;    /* after ms_dict_seal: bit per node, set when it has children
                           (most matches end on a leaf: no probe for those) */
    size_t nroot;
    uint32_t nnodes;
    size_t nphrases;
} ms_dict;

/* A dictionary over a vocabulary (not owned; it grows as phrases are added). */
void ms_dict_init(ms_dict *d, msmap *vocab);
void ms_dict_free(ms_dict *d);

/* Add a phrase (raw text: tokenized and normalized here) with a value.
 * Returns the number of words (0 if the phrase has none), -1 on oom. */
int ms_dict_add(ms_dict *d, const char *phrase, size_t n, uint32_t value);

/* Done adding: index the first words directly (most lookups are there).
 * Adding later undoes it. Returns false on oom. */
bool ms_dict_seal(ms_dict *d);

/* Look a text's tokens up in a vocabulary once (t->wid) so that matching
 * goes by word ids. Matching an unbound text looks words up as it goes.
 * `cache` (may be NULL) keeps the ids of the words seen, across the texts
 * of one thread and one vocabulary; it is used when t->hash is set. */
int ms_dict_bind(const msmap *vocab, ms_wcache *cache, ms_text *t);

/* Longest match starting at token i, not crossing token `end`. Returns the
 * number of tokens matched (0: none) and the node reached. */
size_t ms_dict_match(const ms_dict *d, const ms_text *t, size_t i, size_t end, uint32_t *node);

/* Iterate the values ending at a node: it starts at 0; returns false at the end. */
bool ms_dict_next_value(const ms_dict *d, uint32_t node, uint32_t *it, uint32_t *value);

/* The ids of the forms of token i (see above; UINT32_MAX: no such form or
 * not in the vocabulary), in the order they are tried. */
void ms_dict_token_ids(const ms_dict *d, const ms_text *t, size_t i, uint32_t id[3]);

/* The child of a node by a word id, 0 if none. */
uint32_t ms_dict_child(const ms_dict *d, uint32_t node, uint32_t wid);

#endif
