/* extract.h — actors, events, figures and attributions found in a document.
 * Internal to libmarsad. All spans are byte offsets into the document text
 * that was analyzed (title + body, see assemble/process.c). */
#ifndef MARSAD_EXTRACT_H
#define MARSAD_EXTRACT_H

#include "text/text.h"

struct ms_lexicon;

enum {
    MS_ACT_ANON = 1u << 0,      /* unnamed official / source */
    MS_ACT_SENIOR = 1u << 1,
    MS_ACT_FORMER = 1u << 2,
    MS_ACT_AMBIGUOUS = 1u << 3, /* the words fit more than one actor */
    MS_ACT_COREF = 1u << 4,     /* resolved through an earlier mention (الحركة) */
    MS_ACT_PLURAL = 1u << 5,
    MS_ACT_WEAK = 1u << 6,      /* an adjective only (قطرية): an argument only next to its noun */
    MS_ACT_CAPTIVE = 1u << 7    /* hostages, captives, detainees: done to, never doing */
};

typedef struct ms_actor {
    uint32_t start, end;        /* words the actor came from (original text) */
    uint32_t tok_first, tok_end;
    char code[4];               /* ISO 3166-1 alpha-3 or PLOVER non-state code; "" unknown */
    const char *sector;         /* PLOVER sector or NULL (points into the lexicon) */
    const char *entity;         /* canonical name or NULL */
    const char *office;         /* for persons: the office that applied at the date */
    const char *kind;           /* lexicon kind of the head: country, org, person, agent… */
    unsigned flags;
    uint32_t sent;
} ms_actor;

typedef enum ms_modality {
    MS_MOD_ASSERTED = 0, MS_MOD_FUTURE, MS_MOD_HYPOTHETICAL, MS_MOD_NEGATED, MS_MOD_HISTORICAL
} ms_modality;

const char *ms_modality_name(int m);

typedef struct ms_attrib {
    uint32_t start, end;        /* the attribution words */
    int speaker;                /* index into actors, or -1 */
    const char *outlet;         /* canonical outlet name, or NULL */
    uint8_t anonymous;
    const char *verb;           /* the reporting word, normalized (points into a table) */
    uint32_t sent;
    uint32_t quote_start, quote_end; /* a quotation attributed to the speaker, or 0,0 */
} ms_attrib;

#define MS_MAX_ROLE 4

enum { MS_EVENT_MERGED = 1, MS_EVENT_UNREPORTED = 2 };

typedef struct ms_event {
    uint32_t trig_start, trig_end;  /* trigger words */
    uint32_t sent;
    const char *type, *mode, *cameo; /* point into the trigger table */
    uint32_t trig_line;             /* the trigger entry's line in its data file */
    double goldstein;
    int actor[MS_MAX_ROLE], nactor;       /* indices into actors */
    int recipient[MS_MAX_ROLE], nrecipient;
    int mediator[MS_MAX_ROLE], nmediator;
    int date;                       /* index into dates, or -1: the document date applies */
    uint8_t modality;
    int attrib;                     /* index into attributions, or -1 */
    int location;                   /* index into places, or -1 */
    uint32_t mentions;
    const char *rule;               /* which rule built it (explain) */
    uint8_t dropped;                /* MS_EVENT_MERGED or MS_EVENT_UNREPORTED; 0: reported */
} ms_event;

typedef struct ms_place {
    uint32_t start, end;
    uint32_t tok_first, tok_end;
    char code[4];
    const char *name;               /* canonical name (English when known) */
} ms_place;

typedef struct ms_figure {
    uint32_t start, end;            /* number ... noun */
    const char *type;               /* KILL, WOUND, KIDNAP, HELD, RELEASE, ARREST, MISSING, DISPLACE, AFFECT */
    int number;                     /* index into numbers */
    uint32_t noun_start, noun_end;  /* the counted noun */
    char population[4];             /* nationality of the people counted (e.g. "ISR"), or "" */
    int event;                      /* index into events or -1 */
    int date;                       /* index into dates or -1 */
    uint8_t modality;
    int attrib;                     /* index into attributions or -1 */
    uint32_t sent;
} ms_figure;

#endif
