/* infer.c — inferring a missing publication date. */
#include "assemble/assemble.h"

static const char *const weekdays[8] = {
    NULL,
    "\xD8\xA7\xD9\x84\xD8\xA7\xD8\xAB\xD9\x86\xD9\x8A\xD9\x86",                 /* الاثنين */
    "\xD8\xA7\xD9\x84\xD8\xAB\xD9\x84\xD8\xA7\xD8\xAB\xD8\xA7\xD8\xA1",         /* الثلاثاء */
    "\xD8\xA7\xD9\x84\xD8\xA7\xD8\xB1\xD8\xA8\xD8\xB9\xD8\xA7\xD8\xA1",         /* الاربعاء */
    "\xD8\xA7\xD9\x84\xD8\xAE\xD9\x85\xD9\x8A\xD8\xB3",                         /* الخميس */
    "\xD8\xA7\xD9\x84\xD8\xAC\xD9\x85\xD8\xB9\xD9\x87",                         /* الجمعه */
    "\xD8\xA7\xD9\x84\xD8\xB3\xD8\xA8\xD8\xAA",                                 /* السبت */
    "\xD8\xA7\xD9\x84\xD8\xA7\xD8\xAD\xD8\xAF"};                                /* الاحد */

#define AR_TODAY "\xD8\xA7\xD9\x84\xD9\x8A\xD9\x88\xD9\x85" /* اليوم */

bool ms_infer_published(const marsad_model *m, const ms_analysis *a, const msvec *dates, ms_ymd *out)
{
    (void)m;
    const ms_text *t = &a->t;
    int wd = 0;
    for (size_t i = 0; i + 1 < t->ntok && !wd; i++) {
        const ms_token *k = &t->tok[i];
        /* اليوم, whether or not segmentation split the article off */
        if (!ms_tok_is(t, k, AR_TODAY) && !((k->pro & MS_PRO_AL) && ms_tok_stem_is(t, k, AR_TODAY + 4)))
            continue;
        for (int d = 1; d <= 7; d++)
            if (ms_tok_is(t, &t->tok[i + 1], weekdays[d]))
                wd = d;
    }
    if (!wd)
        return false;
    bool found = false;
    for (size_t i = 0; i < dates->n; i++) {
        const ms_date *d = &MSVEC_AT(dates, ms_date, i);
        if (d->precision != MS_PREC_DAY || d->relative || !d->year || ms_weekday(d->year, d->month, d->day) != wd)
            continue;
        ms_ymd v = {d->year, d->month, d->day};
        if (!found || v.y * 10000 + v.m * 100 + v.d > out->y * 10000 + out->m * 100 + out->d)
            *out = v;
        found = true;
    }
    return found;
}
