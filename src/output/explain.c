/* explain.c — sentence by sentence, what was found and by which rule. */
#include <stdio.h>
#include <stdlib.h>

#include "assemble/analysis.h"
#include "output/output.h"

int marsad_doc_explain(const marsad_doc *d, char **out, size_t *len)
{
    if (!d || !out)
        return MARSAD_EINVAL;
    msbuf b;
    msbuf_init(&b);
    msbuf_printf(&b, "# %s\n", d->id ? d->id : "(no id)");
    msbuf_printf(&b, "title: %s\noutlet: %s\npublished: %s%s\ndateline: %s\n", d->title ? d->title : "-",
                 d->outlet ? d->outlet : "-", d->published ? d->published : "-",
                 d->published_inferred ? " (inferred)" : "", d->dateline ? d->dateline : "-");
    for (size_t i = 0; i < d->removed.n; i++) {
        const ms_removed *r = &MSVEC_AT(&d->removed, ms_removed, i);
        msbuf_printf(&b, "removed %s: %s\n", r->kind, r->text);
    }
    const ms_analysis *a = d->an;
    if (!a) {
        *out = msbuf_take(&b, len);
        return *out ? MARSAD_OK : MARSAD_ENOMEM;
    }
    for (size_t s = 0; s < a->t.nsent; s++) {
        const ms_sentence *se = &a->t.sent[s];
        msbuf_printf(&b, "\n[%zu] ", s);
        msbuf_add(&b, a->text + se->start, se->end - se->start);
        msbuf_addc(&b, '\n');
        for (size_t i = 0; i < a->actors.n; i++) {
            const ms_actor *ac = &MSVEC_AT(&a->actors, ms_actor, i);
            if (ac->sent != s)
                continue;
            msbuf_printf(&b, "  actor  %.*s -> %s %s %s%s%s\n", (int)(ac->end - ac->start), a->text + ac->start,
                         ac->code[0] ? ac->code : "-", ac->sector ? ac->sector : "-", ac->entity ? ac->entity : "",
                         ac->office ? ", " : "", ac->office ? ac->office : "");
        }
        for (size_t i = 0; i < a->events.n; i++) {
            const ms_event *e = &MSVEC_AT(&a->events, ms_event, i);
            if (e->sent != s)
                continue;
            msbuf_printf(&b, "  event  %s%s%s trigger «%.*s» modality %s rule %s%s\n", e->type, e->mode && *e->mode ? "/" : "",
                         e->mode ? e->mode : "", (int)(e->trig_end - e->trig_start), a->text + e->trig_start,
                         ms_modality_name(e->modality), e->rule ? e->rule : "-", e->dropped == MS_EVENT_MERGED       ? " (merged)"
                         : e->dropped == MS_EVENT_UNREPORTED ? " (not reported: no actor and no figure)"
                                                             : "");
            const int *lists[3] = {e->actor, e->recipient, e->mediator};
            int counts[3] = {e->nactor, e->nrecipient, e->nmediator};
            static const char *const roles[3] = {"actor", "recipient", "mediator"};
            for (int r = 0; r < 3; r++)
                for (int j = 0; j < counts[r]; j++) {
                    const ms_actor *ac = &MSVEC_AT(&a->actors, ms_actor, lists[r][j]);
                    msbuf_printf(&b, "         %s: %s %s (%.*s)\n", roles[r], ac->code[0] ? ac->code : "-",
                                 ac->sector ? ac->sector : "-", (int)(ac->end - ac->start), a->text + ac->start);
                }
        }
        for (size_t i = 0; i < a->figures.n; i++) {
            const ms_figure *f = &MSVEC_AT(&a->figures, ms_figure, i);
            if (f->sent != s)
                continue;
            const ms_number *n = &MSVEC_AT(&a->numbers, ms_number, f->number);
            msbuf_printf(&b, "  figure %s %g %s «%.*s»\n", f->type, n->value, ms_qualifier_name(n->qualifier),
                         (int)(n->end - n->start), a->text + n->start);
        }
        for (size_t i = 0; i < a->attribs.n; i++) {
            const ms_attrib *at = &MSVEC_AT(&a->attribs, ms_attrib, i);
            if (at->sent != s)
                continue;
            msbuf_printf(&b, "  source «%.*s» outlet %s%s\n", (int)(at->end - at->start), a->text + at->start,
                         at->outlet ? at->outlet : "-", at->anonymous ? " anonymous" : "");
        }
        for (size_t i = 0; i < a->dates.n; i++) {
            const ms_date *dt = &MSVEC_AT(&a->dates, ms_date, i);
            if (dt->start < se->start || dt->start >= se->end)
                continue;
            char v[16];
            ms_format_date(dt, v, sizeof v);
            msbuf_printf(&b, "  date   %s «%.*s»\n", v, (int)(dt->end - dt->start), a->text + dt->start);
        }
    }
    *out = msbuf_take(&b, len);
    return *out ? MARSAD_OK : MARSAD_ENOMEM;
}
