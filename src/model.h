/* model.h — the immutable model shared by every document. Internal. */
#ifndef MARSAD_MODEL_H
#define MARSAD_MODEL_H

#include "text/textmodel.h"

struct ms_lexicon;  /* lexicon/lexicon.h */

struct marsad_model {
    ms_textmodel *tm;
    struct ms_lexicon *lex;
};

#endif
