/* tsv.c — one event per row, GDELT-like columns. */
#include <stdio.h>
#include <stdlib.h>

#include "assemble/analysis.h"
#include "output/output.h"

static void cell(msbuf *b, const char *s, size_t n)
{
    /* tabs and newlines would break the row */
    for (size_t i = 0; i < n; i++)
        msbuf_addc(b, s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ? ' ' : s[i]);
}

static void cells(msbuf *b, const char *s) { cell(b, s ? s : "", s ? strlen(s) : 0); }

static void actor_cells(msbuf *b, const ms_analysis *a, const int *idx, int n)
{
    /* code, sector, entity of the first actor; further actors joined with ';' */
    for (int f = 0; f < 3; f++) {
        for (int i = 0; i < n; i++) {
            const ms_actor *ac = &MSVEC_AT(&a->actors, ms_actor, idx[i]);
            if (i)
                msbuf_addc(b, ';');
            cells(b, f == 0 ? ac->code : f == 1 ? ac->sector : ac->entity);
        }
        msbuf_addc(b, '\t');
    }
}

int marsad_doc_to_tsv(const marsad_doc *d, int header, char **out, size_t *len)
{
    if (!d || !out)
        return MARSAD_EINVAL;
    msbuf b;
    msbuf_init(&b);
    if (header)
        msbuf_adds(&b, "doc_id\tdate\tevent_type\tmode\tcameo\tgoldstein\tactor_code\tactor_sector\tactor_entity\t"
                       "recipient_code\trecipient_sector\trecipient_entity\tmediator_code\tmediator_sector\t"
                       "mediator_entity\tmodality\tlocation\tlocation_code\tmentions\tsource_outlet\tattribution\t"
                       "trigger\ttext\n");
    const ms_analysis *a = d->an;
    for (size_t i = 0; a && i < a->events.n; i++) {
        const ms_event *e = &MSVEC_AT(&a->events, ms_event, i);
        if (e->dropped)
            continue;
        cells(&b, d->id);
        msbuf_addc(&b, '\t');
        char date[16] = "";
        if (e->date >= 0)
            ms_format_date(&MSVEC_AT(&a->dates, ms_date, e->date), date, sizeof date);
        else if (a->doc_date.y && a->doc_date.d)
            snprintf(date, sizeof date, "%04d-%02d-%02d", a->doc_date.y, a->doc_date.m, a->doc_date.d);
        msbuf_printf(&b, "%s\t%s\t%s\t%s\t%.1f\t", date, e->type, e->mode ? e->mode : "", e->cameo ? e->cameo : "",
                     e->goldstein);
        actor_cells(&b, a, e->actor, e->nactor);
        actor_cells(&b, a, e->recipient, e->nrecipient);
        actor_cells(&b, a, e->mediator, e->nmediator);
        msbuf_printf(&b, "%s\t", ms_modality_name(e->modality));
        if (e->location >= 0) {
            const ms_place *p = &MSVEC_AT(&a->places, ms_place, e->location);
            cells(&b, p->name);
            msbuf_addc(&b, '\t');
            cells(&b, p->code);
        } else {
            msbuf_addc(&b, '\t');
        }
        msbuf_printf(&b, "\t%u\t", e->mentions ? e->mentions : 1);
        cells(&b, d->outlet);
        msbuf_addc(&b, '\t');
        if (e->attrib >= 0) {
            const ms_attrib *at = &MSVEC_AT(&a->attribs, ms_attrib, e->attrib);
            if (at->speaker >= 0)
                cells(&b, MSVEC_AT(&a->actors, ms_actor, at->speaker).entity);
            if (at->outlet) {
                msbuf_adds(&b, at->speaker >= 0 ? " / " : "");
                cells(&b, at->outlet);
            }
        }
        msbuf_addc(&b, '\t');
        cell(&b, a->text + e->trig_start, e->trig_end - e->trig_start);
        msbuf_addc(&b, '\t');
        if (e->sent < a->t.nsent)
            cell(&b, a->text + a->t.sent[e->sent].start, a->t.sent[e->sent].end - a->t.sent[e->sent].start);
        msbuf_addc(&b, '\n');
    }
    *out = msbuf_take(&b, len);
    return *out ? MARSAD_OK : MARSAD_ENOMEM;
}
