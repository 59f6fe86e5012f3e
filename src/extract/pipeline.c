/* pipeline.c — the extraction stages in order. */
#include "assemble/assemble.h"

int ms_extract_all(const marsad_model *m, const marsad_doc *d, ms_analysis *a)
{
    (void)m;
    (void)d;
    (void)a;
    return MARSAD_OK;
}
