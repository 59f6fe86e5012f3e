/* reader.h — document readers: plain text, HTML, JSON Lines, TREC/Gigaword
 * SGML. reader.c decodes the input (BOMs, UTF-16, legacy code pages, invalid
 * UTF-8), refuses what is not text, picks the format and hands out
 * documents; each format's file reads one record per call.
 * Internal to libmarsad. */
#ifndef MARSAD_INPUT_READER_H
#define MARSAD_INPUT_READER_H

#include "clean/clean.h"
#include "doc.h"
#include "input/outlets.h"

struct marsad_reader {
    char *name;            /* the path, or "-" */
    char *base;            /* file name without folder and extension: ids */
    char *data;            /* the input as valid UTF-8, NUL-terminated */
    size_t len;
    marsad_format fmt;
    size_t pos;            /* next byte to read */
    size_t line;           /* 1-based line number of pos */
    size_t *bad;           /* offsets in data of repaired sequences, ascending */
    size_t nbad;
    size_t repaired;       /* total repaired sequences (also those of a code page conversion) */
    size_t ndocs;          /* records handed out (or refused) so far */
    bool done;
    bool has_pending;      /* an error to return on the next call */
    marsad_error pending;
    void *json_array;      /* a JSON array input (json_t *), records taken in turn */
    size_t array_i;
    const ms_cleaner *clean;     /* the model's, or own_clean */
    const ms_outlets *outlets;   /* the model's, or own_outlets */
    ms_cleaner *own_clean;       /* built for a reader opened without a model */
    ms_outlets *own_outlets;
};

/* The per-format readers: MARSAD_OK with *doc, MARSAD_END, or an error. */
int ms_read_text(marsad_reader *r, marsad_doc **doc, marsad_error *err);
int ms_read_html(marsad_reader *r, marsad_doc **doc, marsad_error *err);
int ms_read_jsonl(marsad_reader *r, marsad_doc **doc, marsad_error *err);
int ms_read_trec(marsad_reader *r, marsad_doc **doc, marsad_error *err);

/* A new document for the input span data[a..b): source, format and the
 * number of repaired sequences in that span are filled in. */
marsad_doc *ms_reader_doc(marsad_reader *r, const char *format, size_t a, size_t b);

/* Last steps for every document: outlet from the URL when still unknown,
 * then boilerplate removal. `flags` are MS_CLEAN_*. */
int ms_reader_finish(marsad_reader *r, marsad_doc *d, unsigned flags);

/* Fill d from an HTML page: title, outlet, url, published, body. Fields
 * already set are kept (a JSON record's own fields win). Returns whether
 * the page had any text; *flags gets MS_CLEAN_FIND_TITLE when no title. */
bool ms_html_extract(marsad_reader *r, marsad_doc *d, const char *html, size_t n, unsigned *flags);

/* Free a JSON array input (jsonl.c). */
void ms_json_array_free(void *a);

/* Does this text look like HTML markup rather than plain text? */
bool ms_looks_like_html(const char *s, size_t n);

/* Read a metadata date (ISO 8601 "2024-06-10T…", RFC 822 "Sun, 18 Feb 2018
 * 20:50:44 GMT", "18 February 2018", "February 18, 2018", "2018/02/18",
 * a compact "20180218") into "YYYY-MM-DD" (out holds 11 bytes). */
bool ms_meta_date(const char *s, size_t n, char out[11]);
/* Write "YYYY-MM-DD" (out holds 11 bytes). */
void ms_ymd_format(int y, int m, int d, char out[11]);

/* Decode HTML/SGML character references (&amp; &#1575; &#x627; &nbsp; …)
 * in s[0..n), appending to b. Unknown references are kept as written. */
void ms_decode_entities(msbuf *b, const char *s, size_t n);

#endif
