/* lexicon.h — actor and trigger lexicons and the phrase matcher. Internal. */
#ifndef MARSAD_LEXICON_H
#define MARSAD_LEXICON_H

#include "text/text.h"

typedef struct ms_lexicon ms_lexicon;

/* Builds the lexicons and registers their words with the text model (so
 * segmentation knows them). */
ms_lexicon *ms_lexicon_new(ms_textmodel *tm, marsad_error *err);
void ms_lexicon_free(ms_lexicon *lx);

#endif
