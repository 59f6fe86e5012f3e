/*
 * marsad.h — the one public header of libmarsad.
 *
 * libmarsad turns Arabic news articles into political event data: who did
 * what to whom, when, where, with which figures, according to whom.
 *
 * Objects:
 *   marsad_model  immutable knowledge (lexicons, triggers, actors), built
 *                 once from tables compiled into the library; safe to share
 *                 between threads without locking.
 *   marsad_reader reads one input (a file's bytes) and yields documents.
 *                 One reader per thread.
 *   marsad_doc    one article: metadata, clean body and, after
 *                 marsad_doc_process(), everything found in it. One thread
 *                 at a time.
 *   marsad_worker optional per-thread state (caches of per-word results)
 *                 that makes processing many documents faster; results are
 *                 the same with or without one.
 *
 * Errors are values: functions return a marsad_status (0 = ok, negative =
 * error) and fill an optional marsad_error with a message and a position.
 * The library never prints and never aborts on bad input.
 *
 * Ownership: every *_new/_open returns an object the caller frees with the
 * matching *_free. Strings returned by accessors belong to the object and
 * live as long as it does. Buffers returned through `char **out` are
 * malloc'ed and freed by the caller with free().
 */
#ifndef MARSAD_H
#define MARSAD_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(MARSAD_BUILDING)
#define MARSAD_API __attribute__((visibility("default")))
#else
#define MARSAD_API
#endif

#define MARSAD_VERSION "0.1.0"

/* MARK: errors */

typedef enum marsad_status {
    MARSAD_OK = 0,
    MARSAD_END = 1,            /* reader: no more documents */
    MARSAD_ENOMEM = -1,        /* allocation failed */
    MARSAD_EINVAL = -2,        /* bad argument */
    MARSAD_EIO = -3,           /* file could not be read */
    MARSAD_EFORMAT = -4,       /* malformed input; the message says where */
    MARSAD_EBINARY = -5,       /* input is not text */
    MARSAD_EEMPTY = -6,        /* input is empty */
    MARSAD_ETOOBIG = -7,       /* input over the configured size limit */
    MARSAD_EDATA = -8          /* knowledge tables are inconsistent */
} marsad_status;

typedef struct marsad_error {
    int code;                  /* a marsad_status */
    char msg[240];             /* human-readable, no trailing newline */
    size_t line;               /* 1-based line in the input, 0 if unknown */
    size_t offset;             /* byte offset in the input */
} marsad_error;

/* A static English description of a status code. Thread-safe. */
MARSAD_API const char *marsad_strerror(int code);

/* MARK: normalization flags */

enum {
    MARSAD_NORM_DIACRITICS = 1u << 0, /* drop harakat, tanwin, shadda, sukun, superscript alef */
    MARSAD_NORM_TATWEEL    = 1u << 1, /* drop U+0640 */
    MARSAD_NORM_ALEF       = 1u << 2, /* أ إ آ ٱ -> ا */
    MARSAD_NORM_YEH        = 1u << 3, /* ى -> ي */
    MARSAD_NORM_TEH        = 1u << 4, /* ة -> ه */
    MARSAD_NORM_DIGITS     = 1u << 5, /* Arabic-Indic and Persian digits -> ASCII; ٫ -> . and ٬ -> , */
    MARSAD_NORM_NFKC       = 1u << 6, /* presentation forms and compatibility characters folded */
    MARSAD_NORM_CONTROLS   = 1u << 7, /* bidi and zero-width controls dropped; exotic spaces -> ' ' */
    MARSAD_NORM_CASE       = 1u << 8, /* ASCII letters lowercased */
    MARSAD_NORM_DEFAULT    = 0x1FFu
};

/* MARK: model */

typedef struct marsad_model marsad_model;

/* Build the model from the tables compiled into the library. Takes a few
 * milliseconds. Returns NULL and fills err on failure. */
MARSAD_API marsad_model *marsad_model_new(marsad_error *err);
MARSAD_API void marsad_model_free(marsad_model *m);

/* Counts of knowledge entries by kind, as a JSON object (caller frees). */
MARSAD_API char *marsad_model_stats_json(const marsad_model *m);

/* Validate the knowledge tables: duplicates, overlapping terms, bad dates.
 * Returns a malloc'ed report (one problem per line, empty if none) and sets
 * *problems to the number of problems found. */
MARSAD_API char *marsad_model_check(const marsad_model *m, size_t *problems);

/* How the given words resolve against the actor and trigger lexicons, as
 * JSON Lines (caller frees). `date` (YYYY-MM-DD or NULL) chooses offices. */
MARSAD_API char *marsad_lexicon_lookup(const marsad_model *m, const char *text,
                                       const char *date);

/* MARK: options */

typedef struct marsad_options {
    unsigned norm_flags;          /* MARSAD_NORM_*; 0 means MARSAD_NORM_DEFAULT */
    const char *reference_date;   /* YYYY-MM-DD anchor when a document has no date; NULL: none */
    size_t max_input_bytes;       /* larger inputs are refused; 0 means 64 MiB */
} marsad_options;

/* MARK: text layer */

/* Analyze raw text: sentences, tokens with clitic segments and spans,
 * numbers and dates. Writes JSON Lines (one object per sentence) to *out.
 * `view` selects a compact text rendering instead of JSON for inspection and
 * tests: NULL or "json", "sentences", "tokens", "segments", "stems",
 * "numbers", "dates", "normalize". Invalid UTF-8 is replaced with U+FFFD
 * and counted in *invalid (may be NULL). */
MARSAD_API int marsad_analyze(const marsad_model *m, const char *text, size_t len,
                              const marsad_options *opt, const char *view,
                              char **out, size_t *out_len, size_t *invalid,
                              marsad_error *err);

/* MARK: documents and readers */

typedef enum marsad_format {
    MARSAD_FORMAT_AUTO = 0,
    MARSAD_FORMAT_TEXT,
    MARSAD_FORMAT_HTML,
    MARSAD_FORMAT_JSONL,
    MARSAD_FORMAT_TREC
} marsad_format;

/* "auto", "text", "html", "jsonl", "trec" -> format; -1 if unknown. */
MARSAD_API int marsad_format_parse(const char *name);

typedef struct marsad_doc marsad_doc;
typedef struct marsad_reader marsad_reader;

/* Open a reader over `len` bytes of `data` (copied). `name` is the file
 * path (or "-") used for ids and messages. Format AUTO sniffs extension and
 * content. The reader uses the model's outlet dictionary and boilerplate
 * rules; `m` must outlive the reader. `m` may be NULL: the reader then builds
 * its own copy of those tables, which costs far more than reading one
 * article, so pass the model whenever there is one. Returns NULL and fills
 * err if the input is refused as a whole (binary, empty, too big). A reader
 * belongs to one thread at a time; many readers may share one model. */
MARSAD_API marsad_reader *marsad_reader_open(const marsad_model *m, const char *name, const char *data,
                                             size_t len, marsad_format fmt, const marsad_options *opt,
                                             marsad_error *err);

/* Next document. Returns MARSAD_OK with *doc set (caller frees), MARSAD_END
 * when done, or a negative status with err filled for a record that could
 * not be read; the caller may call again to continue with the next record. */
MARSAD_API int marsad_reader_next(marsad_reader *r, marsad_doc **doc, marsad_error *err);

/* Number of invalid UTF-8 sequences repaired so far in this input. */
MARSAD_API size_t marsad_reader_repaired(const marsad_reader *r);
MARSAD_API void marsad_reader_free(marsad_reader *r);

/* Run the analysis pipeline on a document (actors, events, figures, dates,
 * attributions). */
MARSAD_API int marsad_doc_process(const marsad_model *m, marsad_doc *d,
                                  const marsad_options *opt, marsad_error *err);

/* MARK: workers */

typedef struct marsad_worker marsad_worker;

/* Per-thread state for a stream of documents: what is worked out once per
 * word (clitic segmentation…) is remembered from one document to the next,
 * in a cache of bounded size (a few MiB). Output is byte-identical to the
 * functions without a worker. A worker belongs to one thread at a time;
 * give each thread its own. `m` must outlive the worker. Returns NULL and
 * fills err on failure. */
MARSAD_API marsad_worker *marsad_worker_new(const marsad_model *m, marsad_error *err);
MARSAD_API void marsad_worker_free(marsad_worker *w);

/* marsad_doc_process() with the worker's model and caches. */
MARSAD_API int marsad_worker_process(marsad_worker *w, marsad_doc *d, const marsad_options *opt,
                                     marsad_error *err);

/* marsad_analyze() with the worker's model and caches. */
MARSAD_API int marsad_worker_analyze(marsad_worker *w, const char *text, size_t len, const marsad_options *opt,
                                     const char *view, char **out, size_t *out_len, size_t *invalid,
                                     marsad_error *err);

/* Accessors; the strings belong to the document (NULL when unknown). */
MARSAD_API const char *marsad_doc_id(const marsad_doc *d);
MARSAD_API const char *marsad_doc_title(const marsad_doc *d);
MARSAD_API const char *marsad_doc_body(const marsad_doc *d);
MARSAD_API const char *marsad_doc_published(const marsad_doc *d);
MARSAD_API size_t marsad_doc_sentence_count(const marsad_doc *d);

enum {
    MARSAD_JSON_PRETTY = 1u << 0,  /* indented output instead of one line */
    MARSAD_JSON_NO_BODY = 1u << 1  /* omit the body text */
};

/* The document as one JSON object (the output contract), no trailing newline. */
MARSAD_API int marsad_doc_to_json(const marsad_doc *d, unsigned flags, char **out, size_t *len);

/* The document's events as TSV rows (one per event, GDELT-like columns),
 * each ending in a newline; `header` adds the column names first. */
MARSAD_API int marsad_doc_to_tsv(const marsad_doc *d, int header, char **out, size_t *len);

/* A sentence-by-sentence account of what was found and why. */
MARSAD_API int marsad_doc_explain(const marsad_doc *d, char **out, size_t *len);

MARSAD_API void marsad_doc_free(marsad_doc *d);

#ifdef __cplusplus
}
#endif
#endif /* MARSAD_H */
