/* output.h — shared helpers of the output stage. Internal. */
#ifndef MARSAD_OUTPUT_H
#define MARSAD_OUTPUT_H

#include "assemble/analysis.h"

void ms_format_date(const ms_date *d, char *buf, size_t cap);

#endif
