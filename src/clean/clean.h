/* clean.h — boilerplate removal: photo captions, embedded posts, section
 * labels, source and publication lines, datelines, comment forms, share bars
 * and appended "read also" material, driven by the rules in
 * data/input/boilerplate.txt. Runs on every document after its reader.
 *
 * Internal to libmarsad. A cleaner is built once and is read-only after that
 * (thread-safe); cleaning changes only the document given. */
#ifndef MARSAD_CLEAN_H
#define MARSAD_CLEAN_H

#include "doc.h"
#include "input/outlets.h"

typedef struct ms_cleaner ms_cleaner;

ms_cleaner *ms_cleaner_new(marsad_error *err);
void ms_cleaner_free(ms_cleaner *c);

enum {
    /* The reader found no title: take the first headline-like line of the
     * text (skipping captions, credits and labels) as the title. */
    MS_CLEAN_FIND_TITLE = 1u << 0
};

/* Clean d->body in place: removed text goes to d->removed with its kind;
 * publication lines fill d->published_text (when d->published is unknown);
 * source lines and datelines fill d->outlet (when unknown) and d->dateline.
 * Paragraphs of the result are separated by single newlines. */
int ms_clean_doc(const ms_cleaner *c, const ms_outlets *o, marsad_doc *d, unsigned flags);

/* Read a dateline given apart from the text (a DATELINE field, "القاهرة 1-1
 * (اف ب) -"): sets d->dateline to its place and d->outlet (when unknown) to
 * the outlet it names. */
void ms_clean_dateline_field(const ms_outlets *o, marsad_doc *d, const char *s, size_t n);

/* HTML rules. For an element name (lower case): NULL to keep it, "-" to drop
 * it silently, or the removed[] kind its text is recorded under. */
const char *ms_clean_html_tag(const ms_cleaner *c, const char *tag);
/* The same for a class or id attribute value. */
const char *ms_clean_html_class(const ms_cleaner *c, const char *attr);

#endif
