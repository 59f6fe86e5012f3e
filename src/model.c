/* model.c — building and freeing the shared model. */
#include <stdlib.h>

#include "model.h"
#include "clean/clean.h"
#include "input/outlets.h"
#include "lexicon/lexicon.h"

marsad_model *marsad_model_new(marsad_error *err)
{
    marsad_model *m = calloc(1, sizeof *m);
    if (!m) {
        ms_seterr(err, MARSAD_ENOMEM, 0, 0, "out of memory");
        return NULL;
    }
    m->tm = ms_textmodel_new(err);
    if (!m->tm) {
        marsad_model_free(m);
        return NULL;
    }
    m->lex = ms_lexicon_new(m->tm, err);
    if (!m->lex) {
        marsad_model_free(m);
        return NULL;
    }
    m->clean = ms_cleaner_new(err);
    m->outlets = m->clean ? ms_outlets_new(err) : NULL;
    if (!m->outlets) {
        marsad_model_free(m);
        return NULL;
    }
    return m;
}

void marsad_model_free(marsad_model *m)
{
    if (!m)
        return;
    ms_outlets_free(m->outlets);
    ms_cleaner_free(m->clean);
    ms_lexicon_free(m->lex);
    ms_textmodel_free(m->tm);
    free(m);
}
