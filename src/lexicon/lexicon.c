/* lexicon.c — placeholder: the actor and trigger lexicons. */
#include <stdlib.h>

#include "lexicon/lexicon.h"

struct ms_lexicon { int unused; };

ms_lexicon *ms_lexicon_new(ms_textmodel *tm, marsad_error *err)
{
    (void)tm;
    ms_lexicon *lx = calloc(1, sizeof *lx);
    if (!lx)
        ms_seterr(err, MARSAD_ENOMEM, 0, 0, "out of memory");
    return lx;
}

void ms_lexicon_free(ms_lexicon *lx) { free(lx); }

char *marsad_model_stats_json(const marsad_model *m) { (void)m; return ms_strdup("{}"); }
char *marsad_model_check(const marsad_model *m, size_t *problems) { (void)m; *problems = 0; return ms_strdup(""); }
char *marsad_lexicon_lookup(const marsad_model *m, const char *text, const char *date)
{
    (void)m; (void)text; (void)date;
    return ms_strdup("");
}
