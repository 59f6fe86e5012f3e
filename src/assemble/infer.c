/* infer.c — inferring a missing publication date.
 *
 * A report written "today, Friday" (اليوم الجمعة) that also states a full
 * date falling on a Friday was, in all likelihood, published that day. The
 * full date may sit in the body or in a line the cleaning stage took out of
 * it (the credit line under an embedded post, a photo caption), but never in
 * material that is not this article: an appended article, reader comments. */
#include <stdlib.h>
#include <string.h>

#include "assemble/assemble.h"

/* Removed kinds whose text belongs to another article or to no article, or
 * whose date is not the day of writing. */
static bool foreign_kind(const char *kind)
{
    static const char *const foreign[] = {"related", "comments", "updated", "share"};
    if (!kind)
        return true;
    for (size_t i = 0; i < MS_ARRAY_LEN(foreign); i++)
        if (!strcmp(kind, foreign[i]))
            return true;
    return false;
}

/* Keep the latest full date on weekday wd among dates (spans into src). */
static void pick(const msvec *dates, const char *src, int wd, ms_ymd *best, char **best_text)
{
    for (size_t i = 0; i < dates->n; i++) {
        const ms_date *d = &MSVEC_AT(dates, ms_date, i);
        if (d->precision != MS_PREC_DAY || d->relative || d->year_inferred || !d->year ||
            ms_weekday(d->year, d->month, d->day) != wd)
            continue;
        ms_ymd v = {d->year, d->month, d->day};
        if (best->y && v.y * 10000 + v.m * 100 + v.d <= best->y * 10000 + best->m * 100 + best->d)
            continue;
        *best = v;
        ms_doc_set(best_text, src + d->start, d->end - d->start);
    }
}

bool ms_infer_published(const marsad_model *m, const marsad_doc *doc, const ms_analysis *a, ms_ymd *out,
                        char **text)
{
    msvec dates;
    msvec_init(&dates, sizeof(ms_date));
    int wd = 0;
    ms_ymd best = {0, 0, 0};
    char *best_text = NULL;
    if (ms_find_explicit_dates(m->tm, &a->t, &dates, &wd) != MARSAD_OK || !wd)
        goto done;
    pick(&dates, a->t.src, wd, &best, &best_text);
    for (size_t i = 0; i < doc->removed.n; i++) {
        const ms_removed *r = &MSVEC_AT(&doc->removed, ms_removed, i);
        if (foreign_kind(r->kind) || !r->text || !*r->text)
            continue;
        ms_text t;
        if (ms_text_analyze(m->tm, r->text, strlen(r->text), MARSAD_NORM_DEFAULT, &t) != MARSAD_OK)
            continue;
        dates.n = 0;
        if (ms_find_explicit_dates(m->tm, &t, &dates, NULL) == MARSAD_OK)
            pick(&dates, r->text, wd, &best, &best_text);
        ms_text_free(&t);
    }
done:
    msvec_free(&dates);
    if (!best.y) {
        free(best_text);
        return false;
    }
    *out = best;
    if (text)
        *text = best_text;
    else
        free(best_text);
    return true;
}
