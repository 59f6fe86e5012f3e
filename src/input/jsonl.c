/* jsonl.c — JSON Lines (one article object a line) and JSON arrays of
 * article objects. Known fields are read under their usual names; others are
 * ignored. A line that is not JSON is reported with its number and skipped:
 * the next call goes on with the next line. */
#include <stdlib.h>
#include <time.h>
#include <jansson.h>

#include "input/reader.h"

void ms_json_array_free(void *a)
{
    if (a)
        json_decref((json_t *)a);
}

/* The first non-empty string among the given keys (a number for ids). */
static const char *str_field(json_t *o, const char *const *keys, size_t nkeys, char *numbuf, size_t cap)
{
    for (size_t i = 0; i < nkeys; i++) {
        json_t *v = json_object_get(o, keys[i]);
        if (json_is_string(v) && json_string_length(v) > 0)
            return json_string_value(v);
        if (numbuf && json_is_integer(v)) {
            snprintf(numbuf, cap, "%lld", (long long)json_integer_value(v));
            return numbuf;
        }
        /* "publisher": {"name": "…"} */
        if (json_is_object(v)) {
            json_t *name = json_object_get(v, "name");
            if (json_is_string(name) && json_string_length(name) > 0)
                return json_string_value(name);
        }
    }
    return NULL;
}

static bool epoch_date(json_t *o, const char *const *keys, size_t nkeys, char out[11])
{
    for (size_t i = 0; i < nkeys; i++) {
        json_t *v = json_object_get(o, keys[i]);
        if (!json_is_integer(v))
            continue;
        long long t = json_integer_value(v);
        if (t > 100000000000LL) /* milliseconds */
            t /= 1000;
        if (t <= 0 || t > 4102444800LL)
            return false;
        time_t tt = (time_t)t;
        struct tm tm;
        if (!gmtime_r(&tt, &tm))
            return false;
        ms_ymd_format(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, out);
        return true;
    }
    return false;
}

/* One record: MARSAD_OK with *doc, or EFORMAT when it holds no article. */
static int record(marsad_reader *r, json_t *o, size_t line, size_t a, size_t b, marsad_doc **doc,
                  marsad_error *err)
{
    static const char *const id_keys[] = {"id", "doc_id", "docid", "docno", "_id", "uuid", "guid"};
    static const char *const url_keys[] = {"url", "link", "canonical_url", "source_url"};
    static const char *const title_keys[] = {"title", "headline"};
    static const char *const text_keys[] = {"text", "body", "content", "article", "maintext", "article_body",
                                            "articleBody", "html", "raw_html"};
    static const char *const date_keys[] = {"published", "date", "published_at", "publish_date", "pubdate",
                                            "datePublished", "date_publish", "pub_date", "time", "timestamp",
                                            "created_at"};
    static const char *const outlet_keys[] = {"outlet", "source", "site", "site_name", "publisher", "source_name",
                                              "media", "source_domain", "domain"};
    char num[32];
    marsad_doc *d = ms_reader_doc(r, "jsonl", a, b);
    if (!d)
        goto oom;
    const char *id = str_field(o, id_keys, MS_ARRAY_LEN(id_keys), num, sizeof num);
    if (id)
        ms_doc_set(&d->id, id, strlen(id));
    if (!d->id) {
        msbuf ib;
        msbuf_init(&ib);
        msbuf_printf(&ib, "%s-%zu", r->base, r->ndocs);
        d->id = msbuf_take(&ib, NULL);
    }
    const char *s = str_field(o, url_keys, MS_ARRAY_LEN(url_keys), NULL, 0);
    if (s)
        ms_doc_set(&d->url, s, strlen(s));
    s = str_field(o, title_keys, MS_ARRAY_LEN(title_keys), NULL, 0);
    if (s) {
        /* titles sometimes carry markup or references too */
        msbuf tb;
        msbuf_init(&tb);
        ms_decode_entities(&tb, s, strlen(s));
        if (!tb.oom && tb.len)
            ms_doc_set(&d->title, tb.s, tb.len);
        msbuf_free(&tb);
    }
    s = str_field(o, outlet_keys, MS_ARRAY_LEN(outlet_keys), NULL, 0);
    if (s) {
        const char *c = ms_outlet_canonical(r->outlets, s, strlen(s), MS_OUTLET_CONTEXT);
        ms_doc_set(&d->outlet, c ? c : s, strlen(c ? c : s));
    }
    char ymd[11];
    s = str_field(o, date_keys, MS_ARRAY_LEN(date_keys), NULL, 0);
    if (s) {
        if (ms_meta_date(s, strlen(s), ymd))
            ms_doc_set(&d->published, ymd, 10);
        ms_doc_set(&d->published_text, s, strlen(s));
    } else if (epoch_date(o, date_keys, MS_ARRAY_LEN(date_keys), ymd)) {
        ms_doc_set(&d->published, ymd, 10);
    }
    json_t *dl = json_object_get(o, "dateline");
    if (json_is_string(dl))
        ms_clean_dateline_field(r->outlets, d, json_string_value(dl), json_string_length(dl));

    unsigned flags = d->title ? 0 : MS_CLEAN_FIND_TITLE;
    json_t *tv = NULL;
    for (size_t i = 0; i < MS_ARRAY_LEN(text_keys) && !tv; i++) {
        json_t *v = json_object_get(o, text_keys[i]);
        if (json_is_string(v) && json_string_length(v) > 0)
            tv = v;
    }
    if (tv) {
        const char *t = json_string_value(tv);
        size_t tl = json_string_length(tv);
        if (ms_looks_like_html(t, tl)) {
            unsigned hf = 0;
            ms_html_extract(r, d, t, tl, &hf);
            flags = d->title ? 0 : MS_CLEAN_FIND_TITLE;
        } else {
            char *body = ms_strndup(t, tl);
            if (!body) {
                marsad_doc_free(d);
                goto oom;
            }
            /* "\u0000" inside a JSON string would cut the text short later */
            for (size_t i = 0; i < tl; i++)
                if (!body[i])
                    body[i] = ' ';
            ms_doc_set_body(d, body, tl);
        }
    }
    if ((!d->body || !d->body_len) && !d->title) {
        ms_seterr(err, MARSAD_EFORMAT, line, a, "line %zu: record %s has no text (text, body or content) and no title",
                  line, d->id ? d->id : "?");
        marsad_doc_free(d);
        return MARSAD_EFORMAT;
    }
    int rc = ms_reader_finish(r, d, flags);
    if (rc < 0) {
        marsad_doc_free(d);
        goto oom;
    }
    *doc = d;
    return MARSAD_OK;
oom:
    ms_seterr(err, MARSAD_ENOMEM, line, a, "out of memory");
    return MARSAD_ENOMEM;
}

static int from_array(marsad_reader *r, marsad_doc **doc, marsad_error *err)
{
    json_t *arr = r->json_array;
    while (r->array_i < json_array_size(arr)) {
        json_t *o = json_array_get(arr, r->array_i++);
        r->ndocs++;
        if (!json_is_object(o)) {
            ms_seterr(err, MARSAD_EFORMAT, 0, 0, "element %zu of the JSON array is not an object", r->array_i);
            return MARSAD_EFORMAT;
        }
        return record(r, o, 0, 0, r->len, doc, err);
    }
    r->done = true;
    return MARSAD_END;
}

int ms_read_jsonl(marsad_reader *r, marsad_doc **doc, marsad_error *err)
{
    if (r->json_array)
        return from_array(r, doc, err);
    const char *s = r->data;
    size_t n = r->len;
    if (r->pos == 0) {
        size_t k = 0;
        while (k < n && (s[k] == ' ' || s[k] == '\n' || s[k] == '\r' || s[k] == '\t'))
            k++;
        if (k < n && s[k] == '[') {
            /* a whole JSON array of records */
            json_error_t je;
            json_t *arr = json_loadb(s, n, 0, &je);
            /* not one array: maybe JSON Lines whose first value is an array */
            size_t e = k;
            while (e < n && s[e] != '\n')
                e++;
            json_error_t je1;
            json_t *first = arr ? NULL : json_loadb(s + k, e - k, 0, &je1);
            bool lines = first != NULL;
            json_decref(first);
            if (lines)
                goto line_mode;
            if (!arr || !json_is_array(arr)) {
                r->done = true;
                size_t line = arr ? 1 : (je.line > 0 ? (size_t)je.line : 1);
                ms_seterr(err, MARSAD_EFORMAT, line, arr ? 0 : (size_t)(je.position > 0 ? je.position : 0),
                          "line %zu: invalid JSON: %s", line, arr ? "not an array of objects" : je.text);
                json_decref(arr);
                return MARSAD_EFORMAT;
            }
            r->json_array = arr;
            return from_array(r, doc, err);
        }
    }
line_mode:
    while (r->pos < n) {
        size_t a = r->pos, e = a;
        while (e < n && s[e] != '\n')
            e++;
        size_t line = r->line;
        r->pos = e < n ? e + 1 : n;
        r->line++;
        size_t b = e;
        while (b > a && (s[b - 1] == '\r' || s[b - 1] == ' ' || s[b - 1] == '\t'))
            b--;
        size_t k = a;
        while (k < b && (s[k] == ' ' || s[k] == '\t'))
            k++;
        if (k == b)
            continue;
        r->ndocs++;
        json_error_t je;
        json_t *o = json_loadb(s + k, b - k, 0, &je);
        if (!o) {
            ms_seterr(err, MARSAD_EFORMAT, line, a, "line %zu: invalid JSON at column %d: %s", line, je.column,
                      je.text);
            return MARSAD_EFORMAT;
        }
        if (!json_is_object(o)) {
            json_decref(o);
            ms_seterr(err, MARSAD_EFORMAT, line, a, "line %zu: a JSON value that is not an object", line);
            return MARSAD_EFORMAT;
        }
        int rc = record(r, o, line, a, e, doc, err);
        json_decref(o);
        return rc;
    }
    r->done = true;
    return MARSAD_END;
}
