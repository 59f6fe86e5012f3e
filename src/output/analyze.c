/* analyze.c — marsad_analyze(): the text layer's findings as JSON Lines, or
 * as compact text views for inspection and tests. */
#include <jansson.h>
#include <libstemmer.h>
#include <stdio.h>
#include <stdlib.h>

#include "model.h"
#include "worker.h"

static const char *const kind_names[] = {"arabic", "latin", "number", "punct", "url", "handle", "hashtag", "other"};
static const char *const kind_short[] = {"AR", "LAT", "NUM", "P", "URL", "AT", "TAG", "X"};

static const struct { uint8_t flag; const char *text; } pro_labels[] = {
    {MS_PRO_W, "\xD9\x88"}, {MS_PRO_F, "\xD9\x81"}, {MS_PRO_B, "\xD8\xA8"}, {MS_PRO_L, "\xD9\x84"},
    {MS_PRO_K, "\xD9\x83"}, {MS_PRO_S, "\xD8\xB3"}, {MS_PRO_AL, "\xD8\xA7\xD9\x84"}};

static void add_segments(msbuf *b, const ms_text *t, const ms_token *k)
{
    for (size_t i = 0; i < MS_ARRAY_LEN(pro_labels); i++)
        if (k->pro & pro_labels[i].flag) {
            msbuf_adds(b, pro_labels[i].text);
            msbuf_addc(b, '+');
        }
    size_t n;
    const char *s = ms_tok_stem(t, k, &n);
    msbuf_add(b, s, n);
    if (k->enc_len) {
        msbuf_addc(b, '+');
        msbuf_add(b, t->norm.text + k->nend - k->enc_len, k->enc_len);
    }
}

static size_t stem_of(struct sb_stemmer *st, const ms_text *t, const ms_token *k, char *buf, size_t cap)
{
    size_t n;
    const char *s = ms_tok_stem(t, k, &n);
    if (k->kind != MS_TOK_ARABIC || !st) {
        n = n < cap ? n : cap - 1;
        memcpy(buf, s, n);
        buf[n] = 0;
        return n;
    }
    const sb_symbol *r = sb_stemmer_stem(st, (const sb_symbol *)s, (int)n);
    size_t rn = r ? (size_t)sb_stemmer_length(st) : 0;
    if (!r || rn == 0) {
        r = (const sb_symbol *)s;
        rn = n;
    }
    rn = rn < cap ? rn : cap - 1;
    memcpy(buf, r, rn);
    buf[rn] = 0;
    return rn;
}

static void fmt_num(char *buf, size_t cap, double v)
{
    if (ms_is_whole(v))
        snprintf(buf, cap, "%lld", (long long)v);
    else
        snprintf(buf, cap, "%g", v);
}

static void fmt_date(char *buf, size_t cap, const ms_date *d)
{
    if (d->precision == MS_PREC_YEAR)
        snprintf(buf, cap, "%04d", d->year);
    else if (d->precision == MS_PREC_MONTH)
        snprintf(buf, cap, "%04d-%02d", d->year, d->month);
    else
        snprintf(buf, cap, "%04d-%02d-%02d", d->year, d->month, d->day);
}

static const char *const prec_names[] = {"day", "month", "year"};

static json_t *number_json(const ms_text *t, const ms_number *n)
{
    json_t *o = json_object();
    json_object_set_new(o, "text", json_stringn(t->src + n->start, n->end - n->start));
    json_object_set_new(o, "span", json_pack("[ii]", (json_int_t)n->start, (json_int_t)n->end));
    json_object_set_new(o, "value", n->has_value ? json_real(n->value) : json_null());
    json_object_set_new(o, "qualifier", json_string(ms_qualifier_name(n->qualifier)));
    if (n->qualifier == MS_Q_RANGE || n->qualifier == MS_Q_VAGUE) {
        json_object_set_new(o, "low", json_real(n->low));
        json_object_set_new(o, "high", json_real(n->high));
    }
    if (n->is_dual)
        json_object_set_new(o, "dual", json_true());
    return o;
}

static json_t *date_json(const ms_text *t, const ms_date *d)
{
    char v[32];
    fmt_date(v, sizeof v, d);
    json_t *o = json_object();
    json_object_set_new(o, "text", json_stringn(t->src + d->start, d->end - d->start));
    json_object_set_new(o, "span", json_pack("[ii]", (json_int_t)d->start, (json_int_t)d->end));
    json_object_set_new(o, "value", json_string(v));
    json_object_set_new(o, "precision", json_string(prec_names[d->precision % 3]));
    if (d->relative)
        json_object_set_new(o, "relative", json_true());
    if (d->hijri)
        json_object_set_new(o, "hijri", json_true());
    if (d->year_inferred)
        json_object_set_new(o, "year_inferred", json_true());
    return o;
}

static int analyze(const marsad_model *m, ms_textcache *cache, const char *text, size_t len,
                   const marsad_options *opt, const char *view, char **out, size_t *out_len, size_t *invalid,
                   marsad_error *err);

int marsad_analyze(const marsad_model *m, const char *text, size_t len, const marsad_options *opt,
                   const char *view, char **out, size_t *out_len, size_t *invalid, marsad_error *err)
{
    return analyze(m, NULL, text, len, opt, view, out, out_len, invalid, err);
}

int marsad_worker_analyze(marsad_worker *w, const char *text, size_t len, const marsad_options *opt,
                          const char *view, char **out, size_t *out_len, size_t *invalid, marsad_error *err)
{
    if (!w) {
        ms_seterr(err, MARSAD_EINVAL, 0, 0, "invalid argument");
        return MARSAD_EINVAL;
    }
    return analyze(w->m, &w->text, text, len, opt, view, out, out_len, invalid, err);
}

static int analyze(const marsad_model *m, ms_textcache *cache, const char *text, size_t len,
                   const marsad_options *opt, const char *view, char **out, size_t *out_len, size_t *invalid,
                   marsad_error *err)
{
    if (!m || !out || (!text && len)) {
        ms_seterr(err, MARSAD_EINVAL, 0, 0, "invalid argument");
        return MARSAD_EINVAL;
    }
    *out = NULL;
    unsigned flags = opt && opt->norm_flags ? opt->norm_flags : MARSAD_NORM_DEFAULT;
    ms_ymd ref = {0, 0, 0};
    if (opt && opt->reference_date && !ms_ymd_parse(opt->reference_date, &ref)) {
        ms_seterr(err, MARSAD_EINVAL, 0, 0, "reference date must be YYYY-MM-DD: %s", opt->reference_date);
        return MARSAD_EINVAL;
    }
    if (!view)
        view = "json";
    ms_text t;
    int rc = ms_text_analyze_cached(m->tm, cache, text ? text : "", len, flags, &t);
    if (rc) {
        ms_seterr(err, rc, 0, 0, "%s", marsad_strerror(rc));
        return rc;
    }
    if (invalid)
        *invalid = t.norm.invalid;
    msvec nums, dates;
    msvec_init(&nums, sizeof(ms_number));
    msvec_init(&dates, sizeof(ms_date));
    rc = ms_find_numbers(m->tm, &t, &nums);
    if (!rc)
        rc = ms_find_dates(m->tm, &t, ref, &dates);
    /* only the stems and json views need the stemmer */
    struct sb_stemmer *st = !strcmp(view, "stems") || !strcmp(view, "json") ? sb_stemmer_new("arabic", "UTF_8") : NULL;
    msbuf b;
    msbuf_init(&b);
    char tmp[512];
    if (rc) {
        /* fall through to cleanup */
    } else if (!strcmp(view, "count")) {
        msbuf_printf(&b, "%zu %zu\n", t.nsent, t.ntok);
    } else if (!strcmp(view, "normalize")) {
        msbuf_add(&b, t.norm.text, t.norm.len);
        msbuf_addc(&b, '\n');
    } else if (!strcmp(view, "sentences")) {
        for (size_t s = 0; s < t.nsent; s++) {
            msbuf_add(&b, text + t.sent[s].start, t.sent[s].end - t.sent[s].start);
            msbuf_addc(&b, '\n');
        }
    } else if (!strcmp(view, "tokens") || !strcmp(view, "segments") || !strcmp(view, "stems")) {
        int mode = view[1] == 'o' ? 0 : view[1] == 'e' ? 1 : 2;
        for (size_t s = 0; s < t.nsent; s++) {
            for (size_t i = t.sent[s].tok_first; i < t.sent[s].tok_end; i++) {
                const ms_token *k = &t.tok[i];
                if (i > t.sent[s].tok_first)
                    msbuf_addc(&b, ' ');
                if (mode == 0) {
                    msbuf_add(&b, text + k->start, k->end - k->start);
                    msbuf_addc(&b, '/');
                    msbuf_adds(&b, kind_short[k->kind]);
                } else if (mode == 1 && k->kind == MS_TOK_ARABIC) {
                    add_segments(&b, &t, k);
                } else if (mode == 2) {
                    size_t n = stem_of(st, &t, k, tmp, sizeof tmp);
                    msbuf_add(&b, tmp, n);
                } else {
                    msbuf_add(&b, text + k->start, k->end - k->start);
                }
            }
            msbuf_addc(&b, '\n');
        }
    } else if (!strcmp(view, "numbers")) {
        for (size_t i = 0; i < nums.n; i++) {
            const ms_number *n = &MSVEC_AT(&nums, ms_number, i);
            char v[64], lo[64], hi[64];
            fmt_num(v, sizeof v, n->value);
            fmt_num(lo, sizeof lo, n->low);
            fmt_num(hi, sizeof hi, n->high);
            if (!n->has_value)
                msbuf_printf(&b, "null %s %s-%s", ms_qualifier_name(n->qualifier), lo, hi);
            else if (n->qualifier == MS_Q_RANGE)
                msbuf_printf(&b, "%s range %s-%s", v, lo, hi);
            else
                msbuf_printf(&b, "%s %s", v, ms_qualifier_name(n->qualifier));
            if (n->is_dual)
                msbuf_adds(&b, " dual");
            msbuf_adds(&b, " \xC2\xAB");
            msbuf_add(&b, text + n->start, n->end - n->start);
            msbuf_adds(&b, "\xC2\xBB\n");
        }
    } else if (!strcmp(view, "dates")) {
        for (size_t i = 0; i < dates.n; i++) {
            const ms_date *d = &MSVEC_AT(&dates, ms_date, i);
            char v[32];
            fmt_date(v, sizeof v, d);
            msbuf_printf(&b, "%s %s%s%s%s \xC2\xAB", v, prec_names[d->precision % 3], d->relative ? " relative" : "",
                         d->hijri ? " hijri" : "", d->year_inferred ? " year-inferred" : "");
            msbuf_add(&b, text + d->start, d->end - d->start);
            msbuf_adds(&b, "\xC2\xBB\n");
        }
    } else if (!strcmp(view, "json")) {
        size_t ni = 0, di = 0;
        for (size_t s = 0; s < t.nsent; s++) {
            const ms_sentence *se = &t.sent[s];
            json_t *o = json_object();
            json_object_set_new(o, "sentence", json_integer((json_int_t)s));
            json_object_set_new(o, "span", json_pack("[ii]", (json_int_t)se->start, (json_int_t)se->end));
            json_object_set_new(o, "text", json_stringn(text + se->start, se->end - se->start));
            json_t *toks = json_array();
            for (size_t i = se->tok_first; i < se->tok_end; i++) {
                const ms_token *k = &t.tok[i];
                json_t *to = json_object();
                json_object_set_new(to, "text", json_stringn(text + k->start, k->end - k->start));
                json_object_set_new(to, "span", json_pack("[ii]", (json_int_t)k->start, (json_int_t)k->end));
                json_object_set_new(to, "kind", json_string(kind_names[k->kind]));
                size_t nn;
                const char *nw = ms_tok_norm(&t, k, &nn);
                json_object_set_new(to, "norm", json_stringn(nw, nn));
                if (k->kind == MS_TOK_ARABIC) {
                    json_t *pro = json_array();
                    for (size_t p = 0; p < MS_ARRAY_LEN(pro_labels); p++)
                        if (k->pro & pro_labels[p].flag)
                            json_array_append_new(pro, json_string(pro_labels[p].text));
                    json_t *seg = json_object();
                    json_object_set_new(seg, "proclitics", pro);
                    const char *sw = ms_tok_stem(&t, k, &nn);
                    json_object_set_new(seg, "stem", json_stringn(sw, nn));
                    json_object_set_new(seg, "enclitic", k->enc_len ? json_stringn(t.norm.text + k->nend - k->enc_len,
                                                                                   k->enc_len) : json_null());
                    json_object_set_new(to, "segments", seg);
                    size_t ln = stem_of(st, &t, k, tmp, sizeof tmp);
                    json_object_set_new(to, "light_stem", json_stringn(tmp, ln));
                }
                if (k->kind == MS_TOK_NUMBER)
                    json_object_set_new(to, "value", json_real(k->num));
                json_array_append_new(toks, to);
            }
            json_object_set_new(o, "tokens", toks);
            json_t *na = json_array();
            for (; ni < nums.n && MSVEC_AT(&nums, ms_number, ni).start < se->end; ni++)
                json_array_append_new(na, number_json(&t, &MSVEC_AT(&nums, ms_number, ni)));
            json_object_set_new(o, "numbers", na);
            json_t *da = json_array();
            for (; di < dates.n && MSVEC_AT(&dates, ms_date, di).start < se->end; di++)
                json_array_append_new(da, date_json(&t, &MSVEC_AT(&dates, ms_date, di)));
            json_object_set_new(o, "dates", da);
            char *js = json_dumps(o, JSON_COMPACT | JSON_REAL_PRECISION(12));
            json_decref(o);
            if (js) {
                msbuf_adds(&b, js);
                msbuf_addc(&b, '\n');
                free(js);
            } else {
                b.oom = true;
            }
        }
    } else {
        rc = MARSAD_EINVAL;
        ms_seterr(err, rc, 0, 0, "unknown view '%s' (json, sentences, tokens, segments, stems, numbers, dates, normalize)",
                  view);
    }
    if (st)
        sb_stemmer_delete(st);
    msvec_free(&nums);
    msvec_free(&dates);
    ms_text_free(&t);
    if (rc) {
        msbuf_free(&b);
        if (err && err->code == 0)
            ms_seterr(err, rc, 0, 0, "%s", marsad_strerror(rc));
        return rc;
    }
    *out = msbuf_take(&b, out_len);
    return *out ? MARSAD_OK : MARSAD_ENOMEM;
}
