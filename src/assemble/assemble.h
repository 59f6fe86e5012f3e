/* assemble.h — document-level assembly: publication date inference,
 * the extraction stages in order, merging repeated mentions. Internal. */
#ifndef MARSAD_ASSEMBLE_H
#define MARSAD_ASSEMBLE_H

#include <stdio.h>

#include "assemble/analysis.h"
#include "model.h"

/* A publication date from a weekday phrase (اليوم الجمعة) agreeing with a
 * full date stated in the text or in a line removed from it as boilerplate,
 * except an appended article, comments and update lines (the latest such
 * date). On success *text (may be NULL) gets a copy of the date's words,
 * which the caller frees. */
bool ms_infer_published(const marsad_model *m, const marsad_doc *doc, const ms_analysis *a, ms_ymd *out,
                        char **text);

/* Actors, places, attributions, events and figures, then merging. `cache`
 * (may be NULL) is the worker's, as in ms_text_analyze_cached. */
int ms_extract_all(const marsad_model *m, ms_textcache *cache, const marsad_doc *d, ms_analysis *a);

#endif
