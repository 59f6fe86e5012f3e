/* trec.c — TREC and Gigaword SGML: many <DOC> blocks per file.
 *
 *   <DOC>                              <DOC id="AFP_ARB_20000101.0001" type="story">
 *   <DOCNO>…</DOCNO> <URL>… <SRC>BBC   <HEADLINE>…</HEADLINE>
 *   <TITLE>… <TIME>Sun, 18 Feb 2018…   <DATELINE>القاهرة 1-1 (اف ب) -</DATELINE>
 *   <ABSTRACT>…</ABSTRACT>              <TEXT><P>…</P><P>…</P></TEXT>
 *   <TEXT> one paragraph a line </TEXT> </DOC>
 *   </DOC>
 *
 * The format is loose SGML, so it is scanned rather than parsed: a block
 * that is never closed ends where the next <DOC> begins, and is read as far
 * as it goes with a message naming its line. */
#include <stdlib.h>

#include "input/reader.h"

typedef struct span { size_t a, b; bool found, closed; } span;

static bool name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/* Offset of "<TAG" (followed by '>' or white space) in s[a..b), or b. */
static size_t find_open(const char *s, size_t a, size_t b, const char *tag)
{
    size_t tl = strlen(tag);
    for (size_t i = a; i + 1 + tl <= b; i++) {
        const char *lt = memchr(s + i, '<', b - i);
        if (!lt)
            break;
        i = (size_t)(lt - s);
        if (i + 1 + tl > b)
            break;
        if (!ms_ascii_ieq(s + i + 1, tag, tl))
            continue;
        if (i + 1 + tl == b)
            return i;
        if (!name_char(s[i + 1 + tl]))
            return i;
    }
    return b;
}

static size_t find_close(const char *s, size_t a, size_t b, const char *tag)
{
    size_t tl = strlen(tag);
    for (size_t i = a; i + 2 + tl <= b; i++) {
        const char *lt = memchr(s + i, '<', b - i);
        if (!lt)
            break;
        i = (size_t)(lt - s);
        if (i + 2 + tl > b)
            break;
        if (s[i + 1] == '/' && ms_ascii_ieq(s + i + 2, tag, tl) && (i + 2 + tl == b || !name_char(s[i + 2 + tl])))
            return i;
    }
    return b;
}

/* The content of the first <TAG>…</TAG> in s[a..b). An element left open
 * runs to the next tag that opens a field line, or to b. */
static span field(const char *s, size_t a, size_t b, const char *tag)
{
    span sp = {0, 0, false, false};
    size_t o = find_open(s, a, b, tag);
    if (o >= b)
        return sp;
    const char *gt = memchr(s + o, '>', b - o);
    if (!gt)
        return sp;
    sp.found = true;
    sp.a = (size_t)(gt - s) + 1;
    size_t c = find_close(s, sp.a, b, tag);
    if (c < b) {
        sp.b = c;
        sp.closed = true;
        return sp;
    }
    /* unclosed: stop at the next "<NAME" that starts a line */
    sp.b = b;
    for (size_t i = sp.a; i + 1 < b; i++)
        if (s[i] == '\n' && s[i + 1] == '<' && i + 2 < b && s[i + 2] != '/' && s[i + 2] != 'P' && s[i + 2] != 'p') {
            sp.b = i;
            break;
        }
    return sp;
}

/* Attribute value of name="…" inside a start tag s[a..b). */
static bool attr(const char *s, size_t a, size_t b, const char *name, size_t *va, size_t *vb)
{
    size_t nl = strlen(name);
    for (size_t i = a; i + nl < b; i++) {
        if (!ms_ascii_ieq(s + i, name, nl) || (i > a && name_char(s[i - 1])))
            continue;
        size_t k = i + nl;
        while (k < b && s[k] == ' ')
            k++;
        if (k >= b || s[k] != '=')
            continue;
        k++;
        while (k < b && s[k] == ' ')
            k++;
        char q = k < b && (s[k] == '"' || s[k] == '\'') ? s[k] : 0;
        if (q)
            k++;
        size_t e = k;
        while (e < b && (q ? s[e] != q : (s[e] != ' ' && s[e] != '>')))
            e++;
        *va = k;
        *vb = e;
        return e > k;
    }
    return false;
}

/* Field text with tags dropped, references decoded, white space folded. */
static char *field_text(const char *s, span sp)
{
    msbuf raw, out;
    msbuf_init(&raw);
    msbuf_init(&out);
    for (size_t i = sp.a; i < sp.b; i++) {
        if (s[i] == '<' && i + 1 < sp.b && (name_char(s[i + 1]) || s[i + 1] == '/' || s[i + 1] == '!')) {
            const char *gt = memchr(s + i, '>', sp.b - i);
            if (gt) {
                i = (size_t)(gt - s);
                msbuf_addc(&raw, ' ');
                continue;
            }
        }
        char c = s[i];
        msbuf_addc(&raw, c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
    }
    ms_decode_entities(&out, raw.s ? raw.s : "", raw.len);
    msbuf_free(&raw);
    msbuf_addc(&out, 0);
    if (out.oom) {
        msbuf_free(&out);
        return NULL;
    }
    char *t = ms_strtrim_dup(out.s, out.len - 1);
    msbuf_free(&out);
    return t;
}

static bool block_tag(const char *s, size_t i, size_t b, size_t *end)
{
    static const char *const tags[] = {"p", "/p", "br", "br/", "hl", "/hl", "div", "/div", "li", "/li"};
    const char *gt = memchr(s + i, '>', b - i);
    if (!gt)
        return false;
    size_t a = i + 1, e = (size_t)(gt - s);
    size_t k = a;
    while (k < e && s[k] != ' ')
        k++;
    for (size_t t = 0; t < MS_ARRAY_LEN(tags); t++)
        if (strlen(tags[t]) == k - a && ms_ascii_ieq(s + a, tags[t], k - a)) {
            *end = e;
            return true;
        }
    return false;
}

/* The body: <P> and <BR> separate paragraphs when present; otherwise each
 * line is a paragraph. */
static char *body_text(const char *s, span sp, size_t *len)
{
    bool has_p = find_open(s, sp.a, sp.b, "P") < sp.b;
    msbuf raw, out;
    msbuf_init(&raw);
    msbuf_init(&out);
    msbuf_reserve(&raw, sp.b - sp.a);
    for (size_t i = sp.a; i < sp.b; i++) {
        char c = s[i];
        size_t e;
        if (c != '<' && c != '\r' && c != '\n') {
            /* a run of plain text goes as it is */
            size_t j = i + 1;
            while (j < sp.b && s[j] != '<' && s[j] != '\r' && s[j] != '\n')
                j++;
            msbuf_add(&raw, s + i, j - i);
            i = j - 1;
            continue;
        }
        if (c == '<' && i + 1 < sp.b && (name_char(s[i + 1]) || s[i + 1] == '/' || s[i + 1] == '!')) {
            if (block_tag(s, i, sp.b, &e)) {
                msbuf_addc(&raw, '\n');
                i = e;
                continue;
            }
            const char *gt = memchr(s + i, '>', sp.b - i);
            if (gt) {
                i = (size_t)(gt - s);
                msbuf_addc(&raw, ' ');
                continue;
            }
        }
        if (c == '\r')
            continue;
        if (c == '\n' && has_p)
            c = ' ';
        msbuf_addc(&raw, c);
    }
    ms_decode_entities(&out, raw.s ? raw.s : "", raw.len);
    msbuf_free(&raw);
    msbuf_addc(&out, 0);
    if (out.oom) {
        msbuf_free(&out);
        return NULL;
    }
    *len = out.len - 1;
    return msbuf_take(&out, NULL);
}

static void advance(marsad_reader *r, size_t to)
{
    size_t end = to < r->len ? to : r->len;
    for (const char *p = r->data + r->pos, *e = r->data + end; p < e && (p = memchr(p, '\n', (size_t)(e - p))); p++)
        r->line++;
    r->pos = end;
}

/* "<DOC" as a block start, not "<DOCNO"/"<DOCID". */
static size_t next_doc(const char *s, size_t a, size_t b)
{
    return find_open(s, a, b, "DOC");
}

/* An 8-digit date inside an id (AFP_ARB_20000101.0001, BB-x-1-20180218). */
static bool date_in_id(const char *id, char out[11])
{
    size_t n = strlen(id);
    for (size_t i = 0; i + 8 <= n; i++) {
        if (i > 0 && id[i - 1] >= '0' && id[i - 1] <= '9')
            continue;
        size_t k = i;
        while (k < n && id[k] >= '0' && id[k] <= '9')
            k++;
        if (k - i == 8 && ms_meta_date(id + i, 8, out))
            return true;
        i = k > i ? k - 1 : i;
    }
    return false;
}

int ms_read_trec(marsad_reader *r, marsad_doc **doc, marsad_error *err)
{
    const char *s = r->data;
    size_t n = r->len;
    size_t start = next_doc(s, r->pos, n);
    if (start >= n) {
        r->done = true;
        if (r->ndocs == 0) {
            ms_seterr(err, MARSAD_EFORMAT, 1, 0, "line 1: no <DOC> block found in SGML input");
            return MARSAD_EFORMAT;
        }
        return MARSAD_END;
    }
    advance(r, start);
    size_t doc_line = r->line;
    r->ndocs++;
    const char *gt = memchr(s + start, '>', n - start);
    size_t head_end = gt ? (size_t)(gt - s) : n;
    size_t content = head_end < n ? head_end + 1 : n;
    /* the close tag is looked for only up to the next block, so that a file
     * of unclosed blocks is still read in one pass */
    size_t next = next_doc(s, content, n);
    size_t close = find_close(s, content, next, "DOC");
    bool closed = close < next;
    size_t end = closed ? close : next;
    size_t after = closed ? close + 6 : next;
    marsad_doc *d = ms_reader_doc(r, "trec", start, after);
    if (!d)
        goto oom;

    span f = field(s, content, end, "DOCNO");
    if (!f.found)
        f = field(s, content, end, "DOCID");
    size_t va, vb;
    char *id = f.found ? field_text(s, f) : NULL;
    if ((!id || !*id) && attr(s, start + 4, head_end, "id", &va, &vb)) {
        free(id);
        id = ms_strndup(s + va, vb - va);
    }
    if (!id || !*id) {
        free(id);
        msbuf b;
        msbuf_init(&b);
        msbuf_printf(&b, "%s-%zu", r->base, r->ndocs);
        id = msbuf_take(&b, NULL);
    }
    d->id = id;

    static const char *const title_tags[] = {"TITLE", "HEADLINE", "HEADER", "HL", "HEAD"};
    for (size_t i = 0; i < MS_ARRAY_LEN(title_tags) && !d->title; i++) {
        f = field(s, content, end, title_tags[i]);
        if (f.found) {
            d->title = field_text(s, f);
            if (d->title && !*d->title) {
                free(d->title);
                d->title = NULL;
            }
        }
    }
    f = field(s, content, end, "URL");
    if (f.found)
        d->url = field_text(s, f);

    static const char *const src_tags[] = {"SRC", "SOURCE", "PUBLISHER"};
    for (size_t i = 0; i < MS_ARRAY_LEN(src_tags) && !d->outlet; i++) {
        f = field(s, content, end, src_tags[i]);
        if (!f.found)
            continue;
        char *src = field_text(s, f);
        if (src && *src) {
            const char *c = ms_outlet_canonical(r->outlets, src, strlen(src), MS_OUTLET_CONTEXT);
            ms_doc_set(&d->outlet, c ? c : src, strlen(c ? c : src));
        }
        free(src);
    }
    if (!d->outlet && d->id) {
        /* Gigaword ids open with the agency: AFP_ARB_…, XIN_ARB_… */
        const char *us = strchr(d->id, '_');
        if (us) {
            const char *c = ms_outlet_canonical(r->outlets, d->id, (size_t)(us - d->id), MS_OUTLET_CONTEXT);
            if (c)
                ms_doc_set(&d->outlet, c, strlen(c));
        }
    }

    static const char *const date_tags[] = {"TIME", "DATE", "DATE_TIME", "PUBDATE", "DATETIME"};
    char ymd[11];
    for (size_t i = 0; i < MS_ARRAY_LEN(date_tags) && !d->published; i++) {
        f = field(s, content, end, date_tags[i]);
        if (!f.found)
            continue;
        char *t = field_text(s, f);
        if (t && *t) {
            if (ms_meta_date(t, strlen(t), ymd)) {
                ms_doc_set(&d->published, ymd, 10);
                ms_doc_set(&d->published_text, t, strlen(t));
            } else if (!d->published_text) {
                ms_doc_set(&d->published_text, t, strlen(t));
            }
        }
        free(t);
    }
    if (!d->published && !d->published_text && d->id && date_in_id(d->id, ymd))
        ms_doc_set(&d->published, ymd, 10);

    f = field(s, content, end, "DATELINE");
    if (f.found) {
        char *t = field_text(s, f);
        if (t)
            ms_clean_dateline_field(r->outlets, d, t, strlen(t));
        free(t);
    }
    f = field(s, content, end, "ABSTRACT");
    if (f.found) {
        /* a summary written apart from the article: kept, not read as text */
        char *t = field_text(s, f);
        if (t)
            ms_doc_add_removed(d, "abstract", t, strlen(t));
        free(t);
    }

    span body = field(s, content, end, "TEXT");
    if (!body.found)
        body = field(s, content, end, "BODY");
    bool text_closed = body.found ? body.closed : true;
    if (body.found) {
        size_t bl;
        char *bt = body_text(s, body, &bl);
        if (!bt) {
            marsad_doc_free(d);
            goto oom;
        }
        ms_doc_set_body(d, bt, bl);
    }
    advance(r, end);
    size_t end_line = r->line;
    advance(r, after);
    if (!body.found || !d->body || !d->body_len) {
        ms_seterr(err, MARSAD_EFORMAT, doc_line, start, "line %zu: <DOC> %s has no <TEXT>", doc_line,
                  d->id ? d->id : "?");
        marsad_doc_free(d);
        return MARSAD_EFORMAT;
    }
    int rc = ms_reader_finish(r, d, d->title ? 0 : MS_CLEAN_FIND_TITLE);
    if (rc < 0) {
        marsad_doc_free(d);
        goto oom;
    }
    /* what could be read is handed out now; the complaint comes next call */
    if (!closed || !text_closed) {
        r->has_pending = true;
        memset(&r->pending, 0, sizeof r->pending);
        ms_seterr(&r->pending, MARSAD_EFORMAT, doc_line, start, "line %zu: <DOC> %s: %s is not closed; read up to line %zu",
                  doc_line, d->id, closed ? "<TEXT>" : "the block", end_line);
    }
    *doc = d;
    return MARSAD_OK;
oom:
    ms_seterr(err, MARSAD_ENOMEM, 0, 0, "out of memory");
    r->done = true;
    return MARSAD_ENOMEM;
}
