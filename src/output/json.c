/* json.c — a document as one JSON object: the output contract. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

#include "assemble/analysis.h"
#include "output/output.h"

json_t *ms_json_str_or_null(const char *s) { return s ? json_string_nocheck(s) : json_null(); }

json_t *ms_json_span_text(const ms_analysis *a, uint32_t s, uint32_t e)
{
    if (e < s || e > a->text_len)
        return json_null();
    return json_stringn_nocheck(a->text + s, e - s);
}

json_t *ms_json_number(double v)
{
    if (v == (double)(json_int_t)v && v < 9e15 && v > -9e15)
        return json_integer((json_int_t)v);
    return json_real(v);
}

void ms_format_date(const ms_date *d, char *buf, size_t cap)
{
    if (d->precision == MS_PREC_YEAR)
        snprintf(buf, cap, "%04d", d->year);
    else if (d->precision == MS_PREC_MONTH)
        snprintf(buf, cap, "%04d-%02d", d->year, d->month);
    else
        snprintf(buf, cap, "%04d-%02d-%02d", d->year, d->month, d->day);
}

json_t *ms_json_actor(const ms_analysis *a, const ms_actor *ac)
{
    json_t *o = json_object();
    json_object_set_new_nocheck(o, "code", ac->code[0] ? json_string_nocheck(ac->code) : json_null());
    json_object_set_new_nocheck(o, "sector", ms_json_str_or_null(ac->sector));
    json_object_set_new_nocheck(o, "entity", ms_json_str_or_null(ac->entity));
    json_object_set_new_nocheck(o, "entity_text", ms_json_span_text(a, ac->start, ac->end));
    if (ac->office)
        json_object_set_new_nocheck(o, "office", json_string_nocheck(ac->office));
    if (ac->kind)
        json_object_set_new_nocheck(o, "kind", json_string_nocheck(ac->kind));
    if (ac->flags & MS_ACT_ANON)
        json_object_set_new_nocheck(o, "anonymous", json_true());
    if (ac->flags & MS_ACT_AMBIGUOUS)
        json_object_set_new_nocheck(o, "ambiguous", json_true());
    if (ac->flags & MS_ACT_COREF)
        json_object_set_new_nocheck(o, "coreference", json_true());
    json_object_set_new_nocheck(o, "span", json_pack("[ii]", (json_int_t)ac->start, (json_int_t)ac->end));
    return o;
}

static void set_date_field(json_t *o, const char *key, const ms_analysis *a, int date_idx)
{
    char buf[16];
    if (date_idx >= 0 && (size_t)date_idx < a->dates.n) {
        ms_format_date(&MSVEC_AT(&a->dates, ms_date, date_idx), buf, sizeof buf);
        json_object_set_new_nocheck(o, key, json_string_nocheck(buf));
    } else if (a->doc_date.y && a->doc_date.d) {
        snprintf(buf, sizeof buf, "%04d-%02d-%02d", a->doc_date.y, a->doc_date.m, a->doc_date.d);
        json_object_set_new_nocheck(o, key, json_string_nocheck(buf));
    } else {
        json_object_set_new_nocheck(o, key, json_null());
    }
}

json_t *ms_json_attrib(const ms_analysis *a, int idx)
{
    if (idx < 0 || (size_t)idx >= a->attribs.n)
        return json_null();
    const ms_attrib *at = &MSVEC_AT(&a->attribs, ms_attrib, idx);
    json_t *o = json_object();
    json_object_set_new_nocheck(o, "speaker", at->speaker >= 0 ? ms_json_actor(a, &MSVEC_AT(&a->actors, ms_actor, at->speaker))
                                                       : json_null());
    json_object_set_new_nocheck(o, "outlet", ms_json_str_or_null(at->outlet));
    json_object_set_new_nocheck(o, "anonymous", json_boolean(at->anonymous));
    json_object_set_new_nocheck(o, "verb", ms_json_str_or_null(at->verb));
    json_object_set_new_nocheck(o, "text", ms_json_span_text(a, at->start, at->end));
    if (at->quote_end > at->quote_start)
        json_object_set_new_nocheck(o, "quote", ms_json_span_text(a, at->quote_start, at->quote_end));
    return o;
}

static json_t *actor_list(const ms_analysis *a, const int *idx, int n)
{
    json_t *arr = json_array();
    for (int i = 0; i < n; i++)
        if (idx[i] >= 0 && (size_t)idx[i] < a->actors.n)
            json_array_append_new(arr, ms_json_actor(a, &MSVEC_AT(&a->actors, ms_actor, idx[i])));
    return arr;
}

static json_t *sentence_text(const ms_analysis *a, uint32_t sent)
{
    if (sent >= a->t.nsent)
        return json_null();
    return ms_json_span_text(a, a->t.sent[sent].start, a->t.sent[sent].end);
}

static json_t *events_json(const ms_analysis *a)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < a->events.n; i++) {
        const ms_event *e = &MSVEC_AT(&a->events, ms_event, i);
        if (e->dropped)
            continue;
        json_t *o = json_object();
        json_object_set_new_nocheck(o, "event_type", json_string_nocheck(e->type));
        json_object_set_new_nocheck(o, "mode", e->mode && *e->mode ? json_string_nocheck(e->mode) : json_null());
        json_object_set_new_nocheck(o, "cameo", ms_json_str_or_null(e->cameo));
        json_object_set_new_nocheck(o, "goldstein", json_real(e->goldstein));
        json_object_set_new_nocheck(o, "actor", actor_list(a, e->actor, e->nactor));
        json_object_set_new_nocheck(o, "recipient", actor_list(a, e->recipient, e->nrecipient));
        json_object_set_new_nocheck(o, "mediator", actor_list(a, e->mediator, e->nmediator));
        set_date_field(o, "date", a, e->date);
        if (e->location >= 0 && (size_t)e->location < a->places.n) {
            const ms_place *p = &MSVEC_AT(&a->places, ms_place, e->location);
            json_t *loc = json_object();
            json_object_set_new_nocheck(loc, "name", ms_json_str_or_null(p->name));
            json_object_set_new_nocheck(loc, "code", p->code[0] ? json_string_nocheck(p->code) : json_null());
            json_object_set_new_nocheck(loc, "text", ms_json_span_text(a, p->start, p->end));
            json_object_set_new_nocheck(o, "location", loc);
        } else {
            json_object_set_new_nocheck(o, "location", json_null());
        }
        json_object_set_new_nocheck(o, "modality", json_string_nocheck(ms_modality_name(e->modality)));
        json_object_set_new_nocheck(o, "attribution", ms_json_attrib(a, e->attrib));
        json_object_set_new_nocheck(o, "trigger", ms_json_span_text(a, e->trig_start, e->trig_end));
        json_object_set_new_nocheck(o, "text", sentence_text(a, e->sent));
        json_object_set_new_nocheck(o, "mentions", json_integer(e->mentions ? e->mentions : 1));
        json_array_append_new(arr, o);
    }
    return arr;
}

static json_t *figures_json(const ms_analysis *a)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < a->figures.n; i++) {
        const ms_figure *f = &MSVEC_AT(&a->figures, ms_figure, i);
        const ms_number *n = &MSVEC_AT(&a->numbers, ms_number, f->number);
        json_t *o = json_object();
        json_object_set_new_nocheck(o, "type", json_string_nocheck(f->type));
        json_object_set_new_nocheck(o, "value", n->has_value ? ms_json_number(n->value) : json_null());
        json_object_set_new_nocheck(o, "qualifier", json_string_nocheck(ms_qualifier_name(n->qualifier)));
        if (n->qualifier == MS_Q_RANGE || n->qualifier == MS_Q_VAGUE) {
            json_object_set_new_nocheck(o, "low", ms_json_number(n->low));
            json_object_set_new_nocheck(o, "high", ms_json_number(n->high));
        }
        json_object_set_new_nocheck(o, "noun", f->noun_end > f->noun_start ? ms_json_span_text(a, f->noun_start, f->noun_end)
                                                                   : json_null());
        json_object_set_new_nocheck(o, "population", f->population[0] ? json_string_nocheck(f->population) : json_null());
        /* the index among the events printed (merged ones are not) */
        json_int_t ev = -1;
        if (f->event >= 0 && (size_t)f->event < a->events.n && !MSVEC_AT(&a->events, ms_event, f->event).dropped) {
            ev = 0;
            for (int k = 0; k < f->event; k++)
                ev += !MSVEC_AT(&a->events, ms_event, k).dropped;
        }
        json_object_set_new_nocheck(o, "event", ev >= 0 ? json_integer(ev) : json_null());
        set_date_field(o, "date", a, f->date);
        json_object_set_new_nocheck(o, "modality", json_string_nocheck(ms_modality_name(f->modality)));
        json_object_set_new_nocheck(o, "attribution", ms_json_attrib(a, f->attrib));
        json_object_set_new_nocheck(o, "number_text", ms_json_span_text(a, n->start, n->end));
        json_object_set_new_nocheck(o, "text", sentence_text(a, f->sent));
        json_array_append_new(arr, o);
    }
    return arr;
}

int marsad_doc_to_json(const marsad_doc *d, unsigned flags, char **out, size_t *len)
{
    if (!d || !out)
        return MARSAD_EINVAL;
    json_t *o = json_object();
    json_object_set_new_nocheck(o, "id", ms_json_str_or_null(d->id));
    json_object_set_new_nocheck(o, "source", ms_json_str_or_null(d->source));
    json_object_set_new_nocheck(o, "url", ms_json_str_or_null(d->url));
    json_object_set_new_nocheck(o, "format", ms_json_str_or_null(d->format));
    json_object_set_new_nocheck(o, "title", ms_json_str_or_null(d->title));
    json_object_set_new_nocheck(o, "outlet", ms_json_str_or_null(d->outlet));
    json_object_set_new_nocheck(o, "published", d->published ? json_stringn_nocheck(d->published, strlen(d->published) < 10 ? strlen(d->published) : 10)
                                                     : json_null());
    json_object_set_new_nocheck(o, "published_inferred", json_boolean(d->published_inferred));
    json_object_set_new_nocheck(o, "published_text", ms_json_str_or_null(d->published_text));
    json_object_set_new_nocheck(o, "dateline", ms_json_str_or_null(d->dateline));
    if (!(flags & MARSAD_JSON_NO_BODY))
        json_object_set_new_nocheck(o, "body", d->body ? json_stringn_nocheck(d->body, d->body_len) : json_null());
    json_t *rem = json_array();
    for (size_t i = 0; i < d->removed.n; i++) {
        const ms_removed *r = &MSVEC_AT(&d->removed, ms_removed, i);
        json_array_append_new(rem, json_pack("{s:s,s:s}", "kind", r->kind ? r->kind : "other", "text", r->text));
    }
    json_object_set_new_nocheck(o, "removed", rem);
    json_object_set_new_nocheck(o, "repaired", json_integer((json_int_t)d->repaired));
    const ms_analysis *a = d->an;
    if (a) {
        json_object_set_new_nocheck(o, "events", events_json(a));
        json_object_set_new_nocheck(o, "figures", figures_json(a));
        json_t *dates = json_array();
        for (size_t i = 0; i < a->dates.n; i++) {
            const ms_date *dt = &MSVEC_AT(&a->dates, ms_date, i);
            char buf[16];
            ms_format_date(dt, buf, sizeof buf);
            json_t *x = json_object();
            json_object_set_new_nocheck(x, "text", ms_json_span_text(a, dt->start, dt->end));
            json_object_set_new_nocheck(x, "value", json_string_nocheck(buf));
            json_object_set_new_nocheck(x, "precision",
                                json_string_nocheck(dt->precision == MS_PREC_DAY ? "day" : dt->precision == MS_PREC_MONTH ? "month" : "year"));
            if (dt->relative)
                json_object_set_new_nocheck(x, "relative", json_true());
            if (dt->hijri)
                json_object_set_new_nocheck(x, "hijri", json_true());
            json_array_append_new(dates, x);
        }
        json_object_set_new_nocheck(o, "dates", dates);
        json_t *atts = json_array();
        for (size_t i = 0; i < a->attribs.n; i++)
            json_array_append_new(atts, ms_json_attrib(a, (int)i));
        json_object_set_new_nocheck(o, "attributions", atts);
        json_t *actors = json_array();
        for (size_t i = 0; i < a->actors.n; i++)
            json_array_append_new(actors, ms_json_actor(a, &MSVEC_AT(&a->actors, ms_actor, i)));
        json_object_set_new_nocheck(o, "actors", actors);
        json_object_set_new_nocheck(o, "stats", json_pack("{s:I,s:I}", "sentences", (json_int_t)a->t.nsent, "tokens",
                                                  (json_int_t)a->t.ntok));
    }
    size_t jf = JSON_REAL_PRECISION(10) | ((flags & MARSAD_JSON_PRETTY) ? JSON_INDENT(2) : JSON_COMPACT) |
                JSON_PRESERVE_ORDER;
    char *s = json_dumps(o, jf);
    json_decref(o);
    if (!s)
        return MARSAD_ENOMEM;
    *out = s;
    if (len)
        *len = strlen(s);
    return MARSAD_OK;
}

const char *ms_modality_name(int m)
{
    static const char *const names[] = {"asserted", "future", "hypothetical", "negated", "historical"};
    return m >= 0 && m < (int)MS_ARRAY_LEN(names) ? names[m] : "asserted";
}
