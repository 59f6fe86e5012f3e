/* lexicon.h — the actor knowledge base, the trigger lexicon and the grammar
 * cue lists, compiled from data/ at build time and loaded into phrase
 * dictionaries. Immutable once built. Internal. */
#ifndef MARSAD_LEXICON_H
#define MARSAD_LEXICON_H

#include "lexicon/dict.h"
#include "text/text.h"

typedef enum ms_akind {
    MS_K_COUNTRY = 0, MS_K_DEMONYM, MS_K_CAPITAL, MS_K_ORG, MS_K_PERSON, MS_K_MEDIA, MS_K_AGENT,
    MS_K_ROLE, MS_K_MODIFIER, MS_K_PLACE, MS_K_TITLE, MS_K_REF, MS_K_NKINDS
} ms_akind;

const char *ms_akind_name(int k);

typedef struct ms_actor_entry {
    uint8_t kind;           /* ms_akind */
    char code[4];
    const char *alias;      /* as written in the data */
    const char *sector;     /* NULL if none */
    const char *entity;
    const char *office;     /* NULL if none */
    const char *extra;      /* raw key=value;… or NULL */
    ms_ymd from, to;        /* y == 0: open */
    uint8_t plural, senior, former, composes, captive;
    uint8_t adj;            /* also an adjective (الإرهابية, الداخلية): not an actor after a noun it qualifies */
    uint8_t body;           /* a body (حكومة, إدارة, جيش), not a person: never an anonymous source */
    uint8_t source;         /* role=source (مصدر) */
    uint8_t dual;           /* number=du (الجانبين: two antecedents) */
    const char *ambiguous;  /* e.g. "country:OMN" */
    const char *ref_kind;   /* coreference: which kind an anaphor refers back to */
    const char *ref_sector; /* …and of which sector (الجيش: MIL) */
    const char *ref_entity; /* ref_kind=place: the place it stands for (القطاع: Gaza Strip)… */
    const char *ref_codes;  /* …and only of these codes, '/'-separated (المملكة: the kingdoms) */
    const struct ms_actor_entry *ref_place; /* …and that place's entry */
    const char *vowels;     /* the alias with the vowels the data wrote on it (عُمان), or NULL */
    const char *matches;    /* roles: other offices the role word names, '/'-separated */
    const char *domain;
    uint32_t line;          /* line in gen/actors.tsv */
} ms_actor_entry;

typedef struct ms_trigger {
    const char *phrase;
    const char *type, *mode, *cameo;
    double goldstein;
    char pos;               /* 'V', 'N', 'P' */
    const char *figure;     /* figure type a count under this trigger gets, or NULL */
    const char *obj;        /* preposition of the recipient ("-" = direct object), or NULL */
    const char *with;       /* partner preposition, or NULL */
    const char *then;       /* preposition of a second complement after the object (اتهم X بـ), or NULL */
    uint8_t past, imperf, figure_only, passive, also_negator, needs_recipient;
    uint8_t swap;           /* the subject is the recipient (استقبل: the host receives the visitor) */
    uint8_t genitive_patient; /* noun: a bare genitive is the one the act is done to (دعم لبنان) */
    uint8_t genitive_place;   /* noun: a country or capital in the genitive is where it goes (زيارة إسرائيل) */
    uint8_t definite_reference; /* noun: with the article it names an agreement already made (الاتفاق النووي) */
    const char *by_state;     /* done by a state body: COERCE with this mode (احتجز: detention, not abduction) */
    uint8_t nwords;
    uint32_t line;
} ms_trigger;

/* Cue groups (data/grammar). */
enum { MS_CUE_MODALITY = 0, MS_CUE_ATTRIB, MS_CUE_FIGURE, MS_CUE_ROLE, MS_CUE_NGROUPS };

typedef struct ms_cue {
    uint8_t group;
    const char *category;   /* e.g. future, negated, verb, frame, anonymous, KILL, population */
    const char *phrase;
} ms_cue;

typedef struct ms_lexicon {
    msmap vocab;            /* the words of all three dictionaries */
    ms_dict actors, triggers, cues;
    msvec actor_entries;    /* ms_actor_entry */
    msvec trigger_entries;  /* ms_trigger */
    msvec cue_entries;      /* ms_cue */
    msmap strings;          /* interned strings: text -> index in strtab */
    msvec strtab;           /* char * */
    size_t counts[MS_K_NKINDS];
    msvec person_entries;   /* uint32_t: indices of the person entries (office holders), by code */
    msmap name_words;       /* words of person names that are no everyday words (أوغلو, ساندرز) */
    const ms_textmodel *tm; /* the text model the lexicon was built with (dates of undated texts) */
    msbuf problems;         /* found while loading (lexicon check) */
    size_t nproblems;
} ms_lexicon;

/* Builds the lexicons and registers their words with the text model (so
 * segmentation knows them). */
ms_lexicon *ms_lexicon_new(ms_textmodel *tm, marsad_error *err);
void ms_lexicon_free(ms_lexicon *lx);

/* The office holders of a country code: *first[0 .. return value). */
size_t ms_persons_of(const ms_lexicon *lx, const char *code, const uint32_t **first);

/* Is the entry valid on that date (y == 0: any)? */
bool ms_entry_valid_on(const ms_actor_entry *e, ms_ymd date);

/* Does a role word (its office and `matches`) name this office? "President"
 * names "President" and "President of the Kurdistan Region", not "Vice
 * President"; Foreign Minister also names Secretary of State through its
 * `matches`. */
bool ms_role_names_office(const ms_actor_entry *role, const char *office);

#endif
