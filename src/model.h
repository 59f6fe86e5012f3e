/* model.h — the immutable model shared by every document. Internal. */
#ifndef MARSAD_MODEL_H
#define MARSAD_MODEL_H

#include "text/textmodel.h"

struct ms_lexicon;  /* lexicon/lexicon.h */
struct ms_cleaner;  /* clean/clean.h */
struct ms_outlets;  /* input/outlets.h */

struct marsad_model {
    ms_textmodel *tm;
    struct ms_lexicon *lex;
    struct ms_cleaner *clean;     /* boilerplate rules, for readers */
    struct ms_outlets *outlets;   /* outlet dictionary, for readers */
};

#endif
