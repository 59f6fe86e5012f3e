/* analysis.h — what marsad_doc_process() finds in a document. Internal. */
#ifndef MARSAD_ANALYSIS_H
#define MARSAD_ANALYSIS_H

#include "doc.h"
#include "extract/extract.h"

typedef struct ms_analysis {
    char *text;             /* title + "\n\n" + body: the text all spans point into */
    size_t text_len;
    size_t body_offset;     /* where the body starts in text */
    ms_text t;
    ms_ymd doc_date;        /* publication date (or reference date); y == 0 if none */
    msvec numbers;          /* ms_number */
    msvec dates;            /* ms_date */
    msvec actors;           /* ms_actor */
    msvec places;           /* ms_place */
    msvec events;           /* ms_event */
    msvec figures;          /* ms_figure */
    msvec attribs;          /* ms_attrib */
    msbuf trace;            /* explain: why things were found */
} ms_analysis;

size_t ms_analysis_sentence_count(const ms_analysis *a);
void ms_analysis_free(ms_analysis *a);

#endif
