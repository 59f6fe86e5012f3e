/* output.h — shared helpers of the output stage. Internal. */
#ifndef MARSAD_OUTPUT_H
#define MARSAD_OUTPUT_H

#include <jansson.h>

#include "assemble/analysis.h"

json_t *ms_json_str_or_null(const char *s);
json_t *ms_json_span_text(const ms_analysis *a, uint32_t s, uint32_t e);
json_t *ms_json_number(double v);
json_t *ms_json_actor(const ms_analysis *a, const ms_actor *ac);
json_t *ms_json_attrib(const ms_analysis *a, int idx);
void ms_format_date(const ms_date *d, char *buf, size_t cap);

#endif
