/* textmodel.c — building the text layer's immutable tables from the tables
 * compiled into the library (data/text tables, gen/words.txt). */
#include <stdlib.h>

#include "text/textmodel.h"
#include "util/tables.h"

bool ms_load_wordlist(msmap *m, mswset *set, const char *table, uint32_t v)
{
    const ms_table *t = ms_table_get(table);
    if (!t)
        return false;
    size_t pos = 0, len, ln = 0;
    const char *line;
    while (ms_next_line(t->data, t->len, &pos, &line, &len, &ln)) {
        size_t e = 0;
        while (e < len && line[e] != '\t')
            e++;
        size_t wn;
        char *w = ms_normalize_word(line, e, &wn);
        if (!w)
            return false;
        bool ok = wn == 0 || (m ? msmap_put(m, w, wn, v) : mswset_add(set, w, wn));
        free(w);
        if (!ok)
            return false;
    }
    return true;
}

ms_textmodel *ms_textmodel_new(marsad_error *err)
{
    ms_textmodel *tm = calloc(1, sizeof *tm);
    if (!tm) {
        ms_seterr(err, MARSAD_ENOMEM, 0, 0, "out of memory");
        return NULL;
    }
    mswset_init(&tm->words);
    msmap_init(&tm->protect);
    msmap_init(&tm->abbrev);
    msmap_init(&tm->particles);
    if (!ms_load_wordlist(NULL, &tm->words, "gen/words.txt", 1) ||
        !ms_load_wordlist(NULL, &tm->words, "data/text/words.txt", 1) ||
        !ms_load_wordlist(&tm->protect, NULL, "data/text/protect.txt", 1) ||
        !ms_load_wordlist(&tm->abbrev, NULL, "data/text/abbreviations.txt", 1) ||
        !ms_load_wordlist(&tm->particles, NULL, "data/text/particles.txt", 1)) {
        ms_seterr(err, MARSAD_EDATA, 0, 0, "text tables missing or out of memory");
        ms_textmodel_free(tm);
        return NULL;
    }
    /* protected words are known words too */
    for (size_t i = 0; i < tm->protect.n; i++) {
        size_t n;
        const char *k = msmap_key(&tm->protect, i, &n);
        mswset_add(&tm->words, k, n);
    }
    tm->num = ms_numtables_new(err);
    tm->dates = ms_datetables_new(err);
    if (!tm->num || !tm->dates) {
        ms_textmodel_free(tm);
        return NULL;
    }
    return tm;
}

void ms_textmodel_free(ms_textmodel *tm)
{
    if (!tm)
        return;
    mswset_free(&tm->words);
    msmap_free(&tm->protect);
    msmap_free(&tm->abbrev);
    msmap_free(&tm->particles);
    ms_numtables_free(tm->num);
    ms_datetables_free(tm->dates);
    free(tm);
}

int ms_textmodel_add_word(ms_textmodel *tm, const char *w, size_t n)
{
    return mswset_add(&tm->words, w, n) ? MARSAD_OK : MARSAD_ENOMEM;
}

bool ms_textmodel_knows(const ms_textmodel *tm, const char *w, size_t n)
{
    return mswset_has(&tm->words, w, n);
}

bool ms_textmodel_is_abbrev(const ms_textmodel *tm, const char *w, size_t n)
{
    return msmap_get(&tm->abbrev, w, n, NULL);
}
