/* assemble.h — document-level assembly: publication date inference,
 * the extraction stages in order, merging repeated mentions. Internal. */
#ifndef MARSAD_ASSEMBLE_H
#define MARSAD_ASSEMBLE_H

#include <stdio.h>

#include "assemble/analysis.h"
#include "model.h"

/* A publication date from a weekday phrase (اليوم الجمعة) agreeing with an
 * explicit full date in the text (the latest such date). */
bool ms_infer_published(const marsad_model *m, const ms_analysis *a, const msvec *dates, ms_ymd *out);

/* Actors, places, attributions, events and figures, then merging. */
int ms_extract_all(const marsad_model *m, const marsad_doc *d, ms_analysis *a);

#endif
