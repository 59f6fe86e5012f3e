/* json.c — a document as one JSON object: the output contract. */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yajl/yajl_gen.h>

#include "assemble/analysis.h"
#include "output/output.h"

/* The writer streams into a yajl generator: no tree is built, strings are
 * escaped as they are copied. A generator error (out of memory, invalid
 * UTF-8) latches in w->err and the document fails as a whole. The
 * generator prints into our own buffer, whose appends are inline (it prints
 * many short pieces: quotes, commas, colons). */
typedef struct jw {
    yajl_gen g;
    int err;
    msbuf out;
} jw;

static void jw_print(void *ctx, const char *s, size_t n)
{
    msbuf *b = ctx;
    if (n == 1)
        msbuf_addc(b, s[0]);
    else
        msbuf_add(b, s, n);
}

static void chk(jw *w, yajl_gen_status st)
{
    if (st != yajl_gen_status_ok && !w->err)
        w->err = st == yajl_gen_invalid_string ? MARSAD_EINVAL : MARSAD_ENOMEM;
}

static void jw_strn(jw *w, const char *s, size_t n) { chk(w, yajl_gen_string(w->g, (const unsigned char *)s, n)); }
static void jw_str(jw *w, const char *s) { jw_strn(w, s, strlen(s)); }
/* a key written as a string literal: its length is known at compile time
 * (a key in a variable goes through jw_str) */
#define jw_key(w, k) jw_strn((w), "" k, sizeof(k) - 1)
/* a flag, written (as true) only when set */
#define jw_flag(w, k, set)                                                                               \
    do {                                                                                                 \
        if (set) {                                                                                       \
            jw_key(w, k);                                                                                \
            jw_bool(w, true);                                                                            \
        }                                                                                                \
    } while (0)
static void jw_null(jw *w) { chk(w, yajl_gen_null(w->g)); }
static void jw_bool(jw *w, bool b) { chk(w, yajl_gen_bool(w->g, b)); }
static void jw_int(jw *w, long long v)
{
    /* digits written here: the generator's own goes through printf */
    char buf[24], *p = buf + sizeof buf;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do
        *--p = (char)('0' + u % 10);
    while (u /= 10);
    if (v < 0)
        *--p = '-';
    chk(w, yajl_gen_number(w->g, p, (size_t)(buf + sizeof buf - p)));
}
static void jw_open(jw *w) { chk(w, yajl_gen_map_open(w->g)); }
static void jw_close(jw *w) { chk(w, yajl_gen_map_close(w->g)); }
static void jw_aopen(jw *w) { chk(w, yajl_gen_array_open(w->g)); }
static void jw_aclose(jw *w) { chk(w, yajl_gen_array_close(w->g)); }
static void jw_str_or_null(jw *w, const char *s) { s ? jw_str(w, s) : jw_null(w); }

/* A string of the document's metadata: a file name need not be UTF-8;
 * such bytes are written as U+FFFD rather than losing the document. */
static void jw_meta(jw *w, const char *s)
{
    size_t n = s ? strlen(s) : 0;
    if (!s || ms_utf8_valid(s, n)) {
        jw_str_or_null(w, s);
        return;
    }
    size_t rn;
    char *r = ms_utf8_repair(s, n, &rn, NULL);
    if (!r) {
        w->err = MARSAD_ENOMEM;
        return;
    }
    jw_strn(w, r, rn);
    free(r);
}

/* A real with ten significant digits, always with a fraction or exponent
 * so that it reads back as a real: 2.5, -5.0, 1e20. */
static void jw_real(jw *w, double v)
{
    char buf[40];
    int n = snprintf(buf, sizeof buf - 2, "%.10g", v);
    if (n <= 0 || (size_t)n >= sizeof buf - 2 || !isfinite(v)) {
        jw_null(w);
        return;
    }
    char *e = strchr(buf, 'e');
    if (e) {
        /* exponent without '+' and leading zeros: 1e+05 -> 1e5 */
        char *p = e + 1, *q = e + 1;
        if (*p == '+')
            p++;
        else if (*p == '-')
            q = ++p;
        while (*p == '0' && p[1])
            p++;
        memmove(q, p, strlen(p) + 1);
        n = (int)strlen(buf);
    } else if (!strchr(buf, '.')) {
        memcpy(buf + n, ".0", 3);
        n += 2;
    }
    chk(w, yajl_gen_number(w->g, buf, (size_t)n));
}

static void jw_number(jw *w, double v)
{
    if (ms_is_whole(v))
        jw_int(w, (long long)v);
    else
        jw_real(w, v);
}

static void jw_span_text(jw *w, const ms_analysis *a, uint32_t s, uint32_t e)
{
    if (e < s || e > a->text_len)
        jw_null(w);
    else
        jw_strn(w, a->text + s, e - s);
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

static void actor_json(jw *w, const ms_analysis *a, const ms_actor *ac)
{
    jw_open(w);
    jw_key(w, "code");
    ac->code[0] ? jw_str(w, ac->code) : jw_null(w);
    jw_key(w, "sector");
    jw_str_or_null(w, ac->sector);
    jw_key(w, "entity");
    jw_str_or_null(w, ac->entity);
    jw_key(w, "entity_text");
    jw_span_text(w, a, ac->start, ac->end);
    if (ac->office) {
        jw_key(w, "office");
        jw_str(w, ac->office);
    }
    if (ac->kind) {
        jw_key(w, "kind");
        jw_str(w, ac->kind);
    }
    jw_flag(w, "anonymous", ac->flags & MS_ACT_ANON);
    jw_flag(w, "ambiguous", ac->flags & MS_ACT_AMBIGUOUS);
    jw_flag(w, "coreference", ac->flags & MS_ACT_COREF);
    jw_key(w, "span");
    jw_aopen(w);
    jw_int(w, ac->start);
    jw_int(w, ac->end);
    jw_aclose(w);
    jw_close(w);
}

static void date_field(jw *w, const char *key, const ms_analysis *a, int date_idx)
{
    char buf[16];
    jw_str(w, key);
    if (date_idx >= 0 && (size_t)date_idx < a->dates.n) {
        ms_format_date(&MSVEC_AT(&a->dates, ms_date, date_idx), buf, sizeof buf);
        jw_str(w, buf);
    } else if (a->doc_date.y && a->doc_date.d) {
        snprintf(buf, sizeof buf, "%04d-%02d-%02d", a->doc_date.y, a->doc_date.m, a->doc_date.d);
        jw_str(w, buf);
    } else {
        jw_null(w);
    }
}

static void attrib_json(jw *w, const ms_analysis *a, int idx)
{
    if (idx < 0 || (size_t)idx >= a->attribs.n) {
        jw_null(w);
        return;
    }
    const ms_attrib *at = &MSVEC_AT(&a->attribs, ms_attrib, idx);
    jw_open(w);
    jw_key(w, "speaker");
    if (at->speaker >= 0)
        actor_json(w, a, &MSVEC_AT(&a->actors, ms_actor, at->speaker));
    else
        jw_null(w);
    jw_key(w, "outlet");
    jw_str_or_null(w, at->outlet);
    jw_key(w, "anonymous");
    jw_bool(w, at->anonymous);
    jw_key(w, "verb");
    jw_str_or_null(w, at->verb);
    jw_key(w, "text");
    jw_span_text(w, a, at->start, at->end);
    if (at->quote_end > at->quote_start) {
        jw_key(w, "quote");
        jw_span_text(w, a, at->quote_start, at->quote_end);
    }
    jw_close(w);
}

/* How the report holds an event or a figure: its modality and who says so. */
static void claim_fields(jw *w, const ms_analysis *a, int modality, int attrib)
{
    jw_key(w, "modality");
    jw_str(w, ms_modality_name(modality));
    jw_key(w, "attribution");
    attrib_json(w, a, attrib);
}

static void actor_list(jw *w, const char *key, const ms_analysis *a, const int *idx, int n)
{
    jw_str(w, key);
    jw_aopen(w);
    for (int i = 0; i < n; i++)
        if (idx[i] >= 0 && (size_t)idx[i] < a->actors.n)
            actor_json(w, a, &MSVEC_AT(&a->actors, ms_actor, idx[i]));
    jw_aclose(w);
}

static void sentence_text(jw *w, const ms_analysis *a, uint32_t sent)
{
    if (sent >= a->t.nsent)
        jw_null(w);
    else
        jw_span_text(w, a, a->t.sent[sent].start, a->t.sent[sent].end);
}

static void events_json(jw *w, const ms_analysis *a)
{
    jw_key(w, "events");
    jw_aopen(w);
    for (size_t i = 0; i < a->events.n; i++) {
        const ms_event *e = &MSVEC_AT(&a->events, ms_event, i);
        if (e->dropped)
            continue;
        jw_open(w);
        jw_key(w, "event_type");
        jw_str(w, e->type);
        jw_key(w, "mode");
        e->mode && *e->mode ? jw_str(w, e->mode) : jw_null(w);
        jw_key(w, "cameo");
        jw_str_or_null(w, e->cameo);
        jw_key(w, "goldstein");
        jw_real(w, e->goldstein);
        actor_list(w, "actor", a, e->actor, e->nactor);
        actor_list(w, "recipient", a, e->recipient, e->nrecipient);
        actor_list(w, "mediator", a, e->mediator, e->nmediator);
        date_field(w, "date", a, e->date);
        jw_key(w, "location");
        if (e->location >= 0 && (size_t)e->location < a->places.n) {
            const ms_place *p = &MSVEC_AT(&a->places, ms_place, e->location);
            jw_open(w);
            jw_key(w, "name");
            jw_str_or_null(w, p->name);
            jw_key(w, "code");
            p->code[0] ? jw_str(w, p->code) : jw_null(w);
            jw_key(w, "text");
            jw_span_text(w, a, p->start, p->end);
            jw_close(w);
        } else {
            jw_null(w);
        }
        claim_fields(w, a, e->modality, e->attrib);
        jw_key(w, "trigger");
        jw_span_text(w, a, e->trig_start, e->trig_end);
        jw_key(w, "text");
        sentence_text(w, a, e->sent);
        jw_key(w, "mentions");
        jw_int(w, e->mentions ? e->mentions : 1);
        jw_close(w);
    }
    jw_aclose(w);
}

static void figures_json(jw *w, const ms_analysis *a)
{
    jw_key(w, "figures");
    jw_aopen(w);
    for (size_t i = 0; i < a->figures.n; i++) {
        const ms_figure *f = &MSVEC_AT(&a->figures, ms_figure, i);
        const ms_number *n = &MSVEC_AT(&a->numbers, ms_number, f->number);
        jw_open(w);
        jw_key(w, "type");
        jw_str(w, f->type);
        jw_key(w, "value");
        n->has_value ? jw_number(w, n->value) : jw_null(w);
        jw_key(w, "qualifier");
        jw_str(w, ms_qualifier_name(n->qualifier));
        if (n->qualifier == MS_Q_RANGE || n->qualifier == MS_Q_VAGUE) {
            jw_key(w, "low");
            jw_number(w, n->low);
            jw_key(w, "high");
            jw_number(w, n->high);
        }
        jw_key(w, "noun");
        if (f->noun_end > f->noun_start)
            jw_span_text(w, a, f->noun_start, f->noun_end);
        else
            jw_null(w);
        jw_key(w, "population");
        f->population[0] ? jw_str(w, f->population) : jw_null(w);
        /* the index among the events printed (merged ones are not) */
        long long ev = -1;
        if (f->event >= 0 && (size_t)f->event < a->events.n && !MSVEC_AT(&a->events, ms_event, f->event).dropped) {
            ev = 0;
            for (int k = 0; k < f->event; k++)
                ev += !MSVEC_AT(&a->events, ms_event, k).dropped;
        }
        jw_key(w, "event");
        ev >= 0 ? jw_int(w, ev) : jw_null(w);
        date_field(w, "date", a, f->date);
        claim_fields(w, a, f->modality, f->attrib);
        jw_key(w, "number_text");
        jw_span_text(w, a, n->start, n->end);
        jw_key(w, "text");
        sentence_text(w, a, f->sent);
        jw_close(w);
    }
    jw_aclose(w);
}

static void analysis_json(jw *w, const ms_analysis *a)
{
    events_json(w, a);
    figures_json(w, a);
    jw_key(w, "dates");
    jw_aopen(w);
    for (size_t i = 0; i < a->dates.n; i++) {
        const ms_date *dt = &MSVEC_AT(&a->dates, ms_date, i);
        char buf[16];
        ms_format_date(dt, buf, sizeof buf);
        jw_open(w);
        jw_key(w, "text");
        jw_span_text(w, a, dt->start, dt->end);
        jw_key(w, "value");
        jw_str(w, buf);
        jw_key(w, "precision");
        jw_str(w, dt->precision == MS_PREC_DAY ? "day" : dt->precision == MS_PREC_MONTH ? "month" : "year");
        jw_flag(w, "relative", dt->relative);
        jw_flag(w, "hijri", dt->hijri);
        jw_close(w);
    }
    jw_aclose(w);
    jw_key(w, "attributions");
    jw_aopen(w);
    for (size_t i = 0; i < a->attribs.n; i++)
        attrib_json(w, a, (int)i);
    jw_aclose(w);
    jw_key(w, "actors");
    jw_aopen(w);
    for (size_t i = 0; i < a->actors.n; i++)
        actor_json(w, a, &MSVEC_AT(&a->actors, ms_actor, i));
    jw_aclose(w);
    jw_key(w, "stats");
    jw_open(w);
    jw_key(w, "sentences");
    jw_int(w, (long long)a->t.nsent);
    jw_key(w, "tokens");
    jw_int(w, (long long)a->t.ntok);
    jw_close(w);
}

static void meta_field(jw *w, const char *key, const char *s)
{
    jw_str(w, key);
    jw_meta(w, s);
}

static void doc_json(jw *w, const marsad_doc *d, unsigned flags)
{
    jw_open(w);
    meta_field(w, "id", d->id);
    meta_field(w, "source", d->source);
    meta_field(w, "url", d->url);
    meta_field(w, "format", d->format);
    meta_field(w, "title", d->title);
    meta_field(w, "outlet", d->outlet);
    jw_key(w, "published");
    if (d->published) {
        size_t n = strlen(d->published);
        jw_strn(w, d->published, n < 10 ? n : 10);
    } else {
        jw_null(w);
    }
    jw_key(w, "published_inferred");
    jw_bool(w, d->published_inferred);
    meta_field(w, "published_text", d->published_text);
    meta_field(w, "dateline", d->dateline);
    if (!(flags & MARSAD_JSON_NO_BODY)) {
        jw_key(w, "body");
        d->body ? jw_strn(w, d->body, d->body_len) : jw_null(w);
    }
    jw_key(w, "removed");
    jw_aopen(w);
    for (size_t i = 0; i < d->removed.n; i++) {
        const ms_removed *r = &MSVEC_AT(&d->removed, ms_removed, i);
        jw_open(w);
        jw_key(w, "kind");
        jw_str(w, r->kind ? r->kind : "other");
        jw_key(w, "text");
        jw_str_or_null(w, r->text);
        jw_close(w);
    }
    jw_aclose(w);
    jw_key(w, "repaired");
    jw_int(w, (long long)d->repaired);
    if (d->an)
        analysis_json(w, d->an);
    jw_close(w);
}

static bool valid_str(const char *s) { return !s || ms_utf8_valid(s, strlen(s)); }

/* Are the document's own strings valid UTF-8? Every string of the output
 * is one of them, a span of its text or a string of the knowledge files;
 * when they are, the generator need not check each string it copies. */
static bool doc_valid(const marsad_doc *d)
{
    /* (the metadata strings are repaired as they are written; the analysed
     * text holds the title and the body) */
    if (!valid_str(d->published))
        return false;
    if (!d->an && d->body && !ms_utf8_valid(d->body, d->body_len))
        return false;
    if (d->an && d->body && d->an->text_len < d->body_len)
        return false; /* not the body it was made from: check each string */
    for (size_t i = 0; i < d->removed.n; i++) {
        const ms_removed *r = &MSVEC_AT(&d->removed, ms_removed, i);
        if (!valid_str(r->kind) || !valid_str(r->text))
            return false;
    }
    return !d->an || ms_utf8_valid(d->an->text, d->an->text_len);
}

/* --pretty: read the compact text back and indent it (a tool for people,
 * not the batch path). */
static char *indent(const char *s, size_t n)
{
    json_t *o = json_loadb(s, n, 0, NULL);
    if (!o)
        return NULL;
    char *p = json_dumps(o, JSON_INDENT(2) | JSON_REAL_PRECISION(10) | JSON_PRESERVE_ORDER);
    json_decref(o);
    return p;
}

int marsad_doc_to_json(const marsad_doc *d, unsigned flags, char **out, size_t *len)
{
    if (!d || !out)
        return MARSAD_EINVAL;
    jw w = {yajl_gen_alloc(NULL), 0, {0}};
    if (!w.g)
        return MARSAD_ENOMEM;
    msbuf_init(&w.out);
    /* about what a document's object takes (four times its body), so that
     * it rarely grows; a failure here only means growing later */
    size_t guess = d->body && d->body_len < (1u << 20) ? 4 * d->body_len : 4u << 20;
    msbuf_reserve(&w.out, 4096 + guess);
    w.out.oom = false;
    yajl_gen_config(w.g, yajl_gen_print_callback, jw_print, &w.out);
    yajl_gen_config(w.g, yajl_gen_validate_utf8, !doc_valid(d));
    doc_json(&w, d, flags);
    yajl_gen_free(w.g);
    size_t n = 0;
    char *s = w.err ? NULL : msbuf_take(&w.out, &n); /* NULL when out of memory */
    if (s && (flags & MARSAD_JSON_PRETTY)) {
        char *p = indent(s, n);
        free(s);
        s = p;
        n = s ? strlen(s) : 0;
    }
    msbuf_free(&w.out);
    if (!w.err && !s)
        w.err = MARSAD_ENOMEM;
    if (w.err) {
        free(s);
        return w.err;
    }
    *out = s;
    if (len)
        *len = n;
    return MARSAD_OK;
}

const char *ms_modality_name(int m)
{
    static const char *const names[] = {"asserted", "future", "hypothetical", "negated", "historical"};
    return m >= 0 && m < (int)MS_ARRAY_LEN(names) ? names[m] : "asserted";
}
