/* doc.h — the document object shared by every stage of the pipeline.
 *
 * Readers (src/input) fill the metadata and the raw body; the cleaning
 * stage (src/clean) removes boilerplate into `removed`; analysis
 * (src/assemble/process.c) fills `an`. Internal to libmarsad. */
#ifndef MARSAD_DOC_H
#define MARSAD_DOC_H

#include "util/util.h"

typedef struct ms_removed {
    char *kind;   /* caption, credit, embed, section, source, dateline, comments,
                     share, related, published, label … (see data/input/README.md) */
    char *text;   /* the removed text, trimmed */
} ms_removed;

struct ms_analysis; /* defined in assemble/analysis.h */

struct marsad_doc {
    char *id;              /* file name without extension, DOCNO, or JSON id */
    char *source;          /* the path (or "-") the document came from */
    char *url;
    char *format;          /* "text", "html", "jsonl", "trec" */
    char *title;
    char *outlet;          /* canonical English outlet name */
    char *published;       /* YYYY-MM-DD (or YYYY-MM-DDTHH:MM:SSZ) when known */
    char *published_text;  /* the raw date string published came (or is still to be read) from */
    bool published_inferred;
    char *dateline;        /* place named in the dateline */
    char *body;            /* clean article text (after boilerplate removal) */
    size_t body_len;
    size_t repaired;       /* invalid UTF-8 sequences replaced in this document */
    msvec removed;         /* ms_removed */
    struct ms_analysis *an;
};

marsad_doc *ms_doc_new(void);
/* Take ownership of body (malloc'ed, NUL-terminated). */
void ms_doc_set_body(marsad_doc *d, char *body, size_t len);
/* Record removed text (copied, trimmed; empty text is ignored). */
void ms_doc_add_removed(marsad_doc *d, const char *kind, const char *text, size_t len);
/* Replace a string field with a trimmed copy (NULL clears). */
void ms_doc_set(char **field, const char *s, size_t n);

#endif
