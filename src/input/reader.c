/* reader.c — opening an input: size limit, byte order marks, UTF-16,
 * legacy Arabic code pages, binary refusal, UTF-8 repair, format detection;
 * and the public reader functions. */
#include <stdlib.h>
#include <unicode/ucnv.h>

#include "input/reader.h"
#include "model.h"

#define DEFAULT_MAX ((size_t)64 << 20)

/* MARK: public helpers */

int marsad_format_parse(const char *name)
{
    static const struct { const char *name; marsad_format fmt; } names[] = {
        {"auto", MARSAD_FORMAT_AUTO}, {"text", MARSAD_FORMAT_TEXT}, {"txt", MARSAD_FORMAT_TEXT},
        {"html", MARSAD_FORMAT_HTML}, {"htm", MARSAD_FORMAT_HTML},   {"jsonl", MARSAD_FORMAT_JSONL},
        {"json", MARSAD_FORMAT_JSONL}, {"trec", MARSAD_FORMAT_TREC},  {"sgml", MARSAD_FORMAT_TREC},
    };
    if (!name)
        return -1;
    size_t n = strlen(name);
    for (size_t i = 0; i < MS_ARRAY_LEN(names); i++)
        if (strlen(names[i].name) == n && ms_ascii_ieq(names[i].name, name, n))
            return (int)names[i].fmt;
    return -1;
}

/* MARK: decoding */

static void add_cp(msbuf *b, uint32_t cp)
{
    char u[4];
    msbuf_add(b, u, ms_utf8_encode(cp, u));
}

/* UTF-16 (either byte order) to UTF-8; unpaired surrogates and a dangling
 * odd byte become U+FFFD and are counted. */
static char *from_utf16(const unsigned char *p, size_t n, bool be, size_t *out_len, size_t *repaired)
{
    msbuf b;
    msbuf_init(&b);
    msbuf_reserve(&b, n + n / 2 + 4);
    size_t i = 0;
    while (i + 1 < n) {
        uint32_t u = be ? (uint32_t)(p[i] << 8 | p[i + 1]) : (uint32_t)(p[i + 1] << 8 | p[i]);
        i += 2;
        if (u >= 0xD800 && u <= 0xDBFF && i + 1 < n) {
            uint32_t lo = be ? (uint32_t)(p[i] << 8 | p[i + 1]) : (uint32_t)(p[i + 1] << 8 | p[i]);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                i += 2;
                add_cp(&b, 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
                continue;
            }
        }
        if (u >= 0xD800 && u <= 0xDFFF) {
            u = 0xFFFD;
            ++*repaired;
        }
        add_cp(&b, u);
    }
    if (i < n) {
        add_cp(&b, 0xFFFD);
        ++*repaired;
    }
    msbuf_addc(&b, 0);
    if (b.oom) {
        msbuf_free(&b);
        return NULL;
    }
    *out_len = b.len - 1;
    return msbuf_take(&b, NULL);
}

/* UTF-16 without a byte order mark: one byte of every pair is almost always
 * 0x00 (Latin) or 0x06 (Arabic), the other almost never 0x00. Returns 1 for
 * little endian, 2 for big endian, 0 for neither. */
static int bomless_utf16(const unsigned char *p, size_t n)
{
    size_t m = n < 4096 ? n : 4096;
    m &= ~(size_t)1;
    /* either answer needs a NUL byte among the first bytes */
    if (m < 8 || !memchr(p, 0, m))
        return 0;
    size_t hi_even = 0, hi_odd = 0, nul_even = 0, nul_odd = 0;
    for (size_t i = 0; i < m; i += 2) {
        hi_even += p[i] == 0 || p[i] == 6;
        hi_odd += p[i + 1] == 0 || p[i + 1] == 6;
        nul_even += p[i] == 0;
        nul_odd += p[i + 1] == 0;
    }
    size_t pairs = m / 2;
    if (hi_odd * 10 >= pairs * 9 && nul_even * 10 < pairs && nul_odd > 0)
        return 1;
    if (hi_even * 10 >= pairs * 9 && nul_odd * 10 < pairs && nul_even > 0)
        return 2;
    return 0;
}

static bool binary_magic(const unsigned char *p, size_t n)
{
    static const struct { const char *m; size_t n; } magic[] = {
        {"%PDF-", 5}, {"PK\x03\x04", 4}, {"\x89PNG", 4}, {"GIF8", 4}, {"\xFF\xD8\xFF", 3},
        {"\x1F\x8B", 2}, {"\x7F" "ELF", 4}, {"BZh", 3}, {"\xFD" "7zXZ", 5}, {"Rar!", 4},
        {"\xD0\xCF\x11\xE0", 4}, {"OggS", 4}, {"ID3", 3}, {"RIFF", 4}, {"SQLite format", 13},
    };
    for (size_t i = 0; i < MS_ARRAY_LEN(magic); i++)
        if (n >= magic[i].n && !memcmp(p, magic[i].m, magic[i].n))
            return true;
    return false;
}

/* A declared charset (HTML meta, XML declaration) in the first bytes. */
static bool declared_charset(const char *s, size_t n, char *out, size_t cap)
{
    size_t m = n < 4096 ? n : 4096;
    for (size_t i = 0; i + 8 < m; i++) {
        size_t k;
        if (ms_ascii_ieq(s + i, "charset", 7))
            k = i + 7;
        else if (ms_ascii_ieq(s + i, "encoding", 8))
            k = i + 8;
        else
            continue;
        while (k < m && (s[k] == ' ' || s[k] == '='))
            k++;
        while (k < m && (s[k] == '"' || s[k] == '\''))
            k++;
        size_t o = 0;
        while (k < m && o + 1 < cap &&
               ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z') || (s[k] >= '0' && s[k] <= '9') ||
                s[k] == '-' || s[k] == '_'))
            out[o++] = s[k++];
        out[o] = 0;
        if (o)
            return true;
    }
    return false;
}

static bool is_utf8_name(const char *cs)
{
    return !strcmp(cs, "utf-8") || !strcmp(cs, "UTF-8") || !strcmp(cs, "utf8") || !strcmp(cs, "UTF8") ||
           ms_ascii_ieq(cs, "utf-8", 6) || ms_ascii_ieq(cs, "us-ascii", 9) || ms_ascii_ieq(cs, "ascii", 6);
}

/* Text in a legacy code page (Arabic sites long used windows-1256): most
 * bytes above 0x7F are not valid UTF-8. Convert with ICU, from the declared
 * charset or else windows-1256. NULL when the input is UTF-8 after all. */
static char *from_codepage(const char *s, size_t n, size_t *out_len)
{
    size_t high = 0, invalid = 0;
    for (size_t i = 0; i < n;) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        bool bad = false;
        size_t l = ms_utf8_decode((const unsigned char *)s + i, n - i, &cp, &bad);
        high += l;
        invalid += bad;
        i += l;
    }
    char cs[48];
    bool declared = declared_charset(s, n, cs, sizeof cs) && !is_utf8_name(cs);
    if (invalid < 4 || invalid * 3 < high)
        return NULL;
    const char *from = declared ? cs : "windows-1256";
    size_t cap = n * 3 + 4;
    char *out = malloc(cap);
    if (!out)
        return NULL;
    UErrorCode st = U_ZERO_ERROR;
    int32_t len = n < (size_t)INT32_MAX / 4 ? ucnv_convert("UTF-8", from, out, (int32_t)cap, s, (int32_t)n, &st) : -1;
    if (U_FAILURE(st) || len < 0) {
        free(out);
        return NULL;
    }
    out[len] = 0;
    *out_len = (size_t)len;
    return out;
}

/* Is s[0..n) valid UTF-8 without DEL and without C0 controls other than tab
 * and line breaks? Then it is not binary and needs no code page conversion
 * and no repair, only a copy: the common case, checked in one cheap pass. */
static bool plain_utf8(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c >= 0x20 && c < 0x7F) {
            i++;
            continue;
        }
        if (c <= 0x7F) {
            if (c != '\n' && c != '\t' && c != '\r')
                return false;
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) {
            if (i + 1 >= n || (s[i + 1] & 0xC0) != 0x80)
                return false;
            i += 2;
            continue;
        }
        uint32_t cp;
        bool bad = false;
        i += ms_utf8_decode_slow(s + i, n - i, &cp, &bad);
        if (bad)
            return false;
    }
    return true;
}

/* Valid UTF-8 with every invalid byte replaced by U+FFFD, remembering where;
 * C0 controls other than tab and line breaks become spaces. */
static bool repair(marsad_reader *r, const char *s, size_t n)
{
    msbuf b;
    msbuf_init(&b);
    if (!msbuf_reserve(&b, n + 1))
        return false;
    size_t cap = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            size_t j = i;
            while (j < n && (unsigned char)s[j] < 0x80 && ((unsigned char)s[j] >= 0x20 || s[j] == '\n' ||
                                                          s[j] == '\t' || s[j] == '\r'))
                j++;
            if (j > i) {
                msbuf_add(&b, s + i, j - i);
                i = j;
            } else {
                msbuf_addc(&b, c == 0x0C || c == 0x0B ? '\n' : ' ');
                i++;
            }
            continue;
        }
        uint32_t cp;
        bool bad = false;
        size_t l = ms_utf8_decode((const unsigned char *)s + i, n - i, &cp, &bad);
        if (bad) {
            if (r->nbad == cap) {
                cap = cap ? cap * 2 : 16;
                size_t *nb = realloc(r->bad, cap * sizeof *nb);
                if (!nb) {
                    msbuf_free(&b);
                    return false;
                }
                r->bad = nb;
            }
            r->bad[r->nbad++] = b.len;
            r->repaired++;
            msbuf_add(&b, "\xEF\xBF\xBD", 3);
        } else {
            msbuf_add(&b, s + i, l);
        }
        i += l;
    }
    msbuf_addc(&b, 0);
    if (b.oom) {
        msbuf_free(&b);
        return false;
    }
    r->len = b.len - 1;
    r->data = msbuf_take(&b, NULL);
    return true;
}

/* MARK: format detection */

static const char *extension(const char *name)
{
    const char *slash = strrchr(name, '/');
    const char *base = slash ? slash + 1 : name;
    const char *dot = strrchr(base, '.');
    return dot && dot != base ? dot + 1 : "";
}

static bool starts_ci(const char *s, size_t n, const char *pre)
{
    size_t l = strlen(pre);
    return n >= l && ms_ascii_ieq(s, pre, l);
}

static bool find_ci(const char *s, size_t n, const char *pat)
{
    size_t l = strlen(pat);
    for (size_t i = 0; i + l <= n; i++)
        if (ms_ascii_ieq(s + i, pat, l))
            return true;
    return false;
}

bool ms_looks_like_html(const char *s, size_t n)
{
    while (n > 0 && (*s == ' ' || *s == '\n' || *s == '\r' || *s == '\t'))
        s++, n--;
    size_t m = n < 4096 ? n : 4096;
    if (starts_ci(s, n, "<!doctype html") || starts_ci(s, n, "<html") || starts_ci(s, n, "<head") ||
        starts_ci(s, n, "<body"))
        return true;
    if (n == 0 || s[0] != '<')
        return find_ci(s, m, "<p>") || find_ci(s, m, "</p>") || find_ci(s, m, "<br") || find_ci(s, m, "<div");
    static const char *const tags[] = {"<p", "<div", "<article", "<meta", "<section", "<main", "<span", "<h1",
                                       "<h2", "<title", "<!--", "<ul", "<table", "<a ", "<strong", "<b>", "<i>",
                                       "<figure", "<blockquote", "<header", "<nav", "<script", "<link"};
    for (size_t i = 0; i < MS_ARRAY_LEN(tags); i++)
        if (starts_ci(s, n, tags[i]))
            return true;
    return false;
}

static marsad_format sniff(const char *name, const char *s, size_t n)
{
    while (n > 0 && (*s == ' ' || *s == '\n' || *s == '\r' || *s == '\t'))
        s++, n--;
    size_t m = n < 4096 ? n : 4096;
    /* content first, when it is unmistakable */
    if (starts_ci(s, n, "<DOC") && n > 4 && (s[4] == '>' || s[4] == ' ' || s[4] == '\n' || s[4] == '\t'))
        return MARSAD_FORMAT_TREC;
    if (starts_ci(s, n, "<?xml") && (find_ci(s, m, "<DOC>") || find_ci(s, m, "<DOC ")) && !find_ci(s, m, "<html"))
        return MARSAD_FORMAT_TREC;
    if (ms_looks_like_html(s, n) && s[0] == '<')
        return MARSAD_FORMAT_HTML;
    if (s[0] == '{' || (s[0] == '[' && n > 1))
        return MARSAD_FORMAT_JSONL;
    const char *ext = extension(name);
    if (ms_ascii_ieq(ext, "html", 5) || ms_ascii_ieq(ext, "htm", 4) || ms_ascii_ieq(ext, "xhtml", 6))
        return MARSAD_FORMAT_HTML;
    if (ms_ascii_ieq(ext, "jsonl", 6) || ms_ascii_ieq(ext, "json", 5) || ms_ascii_ieq(ext, "ndjson", 7))
        return MARSAD_FORMAT_JSONL;
    if (ms_ascii_ieq(ext, "sgml", 5) || ms_ascii_ieq(ext, "sgm", 4) || ms_ascii_ieq(ext, "trec", 5) ||
        ms_ascii_ieq(ext, "xml", 4))
        return find_ci(s, m, "<DOC") ? MARSAD_FORMAT_TREC : MARSAD_FORMAT_HTML;
    return MARSAD_FORMAT_TEXT;
}

static char *base_name(const char *name)
{
    if (!strcmp(name, "-") || !*name)
        return ms_strdup("stdin");
    const char *slash = strrchr(name, '/');
    const char *base = slash && slash[1] ? slash + 1 : name;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    return ms_strndup(base, n);
}

/* MARK: open / next / free */

static size_t line_of(const char *s, size_t off)
{
    size_t line = 1;
    for (size_t i = 0; i < off; i++)
        line += s[i] == '\n';
    return line;
}

marsad_reader *marsad_reader_open(const marsad_model *m, const char *name, const char *data, size_t len,
                                  marsad_format fmt, const marsad_options *opt, marsad_error *err)
{
    if (!name)
        name = "-";
    if (!data && len) {
        ms_seterr(err, MARSAD_EINVAL, 0, 0, "no data");
        return NULL;
    }
    size_t max = opt && opt->max_input_bytes ? opt->max_input_bytes : DEFAULT_MAX;
    if (len > max) {
        ms_seterr(err, MARSAD_ETOOBIG, 0, 0, "input is %zu bytes, over the limit of %zu", len, max);
        return NULL;
    }
    if (len == 0) {
        ms_seterr(err, MARSAD_EEMPTY, 0, 0, "empty input (0 bytes)");
        return NULL;
    }
    if ((int)fmt < MARSAD_FORMAT_AUTO || fmt > MARSAD_FORMAT_TREC) {
        ms_seterr(err, MARSAD_EINVAL, 0, 0, "unknown input format %d", (int)fmt);
        return NULL;
    }
    char *decoded = NULL;
    size_t dlen = 0;
    marsad_reader *r = calloc(1, sizeof *r);
    if (!r)
        goto oom;
    r->line = 1;
    const unsigned char *p = (const unsigned char *)data;
    /* byte order marks; UTF-16 without one */
    int u16 = 0;
    if (len >= 2 && p[0] == 0xFF && p[1] == 0xFE && !(len >= 4 && p[2] == 0 && p[3] == 0))
        u16 = 1;
    else if (len >= 2 && p[0] == 0xFE && p[1] == 0xFF)
        u16 = 2;
    if (u16) {
        decoded = from_utf16(p + 2, len - 2, u16 == 2, &dlen, &r->repaired);
        if (!decoded)
            goto oom;
    } else if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
        data += 3;
        len -= 3;
        p += 3;
    } else if ((u16 = bomless_utf16(p, len)) != 0) {
        decoded = from_utf16(p, len, u16 == 2, &dlen, &r->repaired);
        if (!decoded)
            goto oom;
    }
    const char *s = decoded ? decoded : data;
    size_t n = decoded ? dlen : len;
    /* binary: known signatures, NUL bytes, many control bytes */
    if (binary_magic((const unsigned char *)s, n)) {
        ms_seterr(err, MARSAD_EBINARY, 0, 0, "binary input (a file signature at offset 0), not text");
        goto refuse;
    }
    const char *nul = memchr(s, 0, n);
    if (nul) {
        size_t off = (size_t)(nul - s);
        ms_seterr(err, MARSAD_EBINARY, line_of(s, off), off, "binary input (NUL byte at offset %zu), not text", off);
        goto refuse;
    }
    bool plain = !decoded && plain_utf8((const unsigned char *)s, n);
    size_t probe = n < 65536 ? n : 65536, ctrl = 0;
    for (size_t i = 0; i < probe && !plain; i++) {
        unsigned char c = (unsigned char)s[i];
        /* C0 controls other than \t \n \v \f \r and ESC (bits 9-13, 27), and DEL */
        ctrl += c < 0x20 ? (0xF7FFC1FFu >> c) & 1 : c == 0x7F;
    }
    if (ctrl * 10 > probe) {
        ms_seterr(err, MARSAD_EBINARY, 0, 0, "binary input (%zu of the first %zu bytes are control bytes), not text",
                  ctrl, probe);
        goto refuse;
    }
    if (plain) {
        if (!(r->data = ms_strndup(s, n)))
            goto oom;
        r->len = n;
    } else {
        if (!decoded) {
            char *cp = from_codepage(s, n, &dlen);
            if (cp) {
                decoded = cp;
                s = cp;
                n = dlen;
            }
        }
        if (!repair(r, s, n))
            goto oom;
    }
    free(decoded);
    decoded = NULL;
    size_t k = 0;
    while (k < r->len) {
        unsigned char c = (unsigned char)r->data[k];
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
            k++;
        else if (c == 0xC2 && k + 1 < r->len && (unsigned char)r->data[k + 1] == 0xA0)
            k += 2;
        else if (c == 0xE2 && k + 2 < r->len && (unsigned char)r->data[k + 1] == 0x80 &&
                 ((unsigned char)r->data[k + 2] >= 0x80 && (unsigned char)r->data[k + 2] <= 0x8F))
            k += 3;
        else
            break;
    }
    if (k == r->len) {
        ms_seterr(err, MARSAD_EEMPTY, 0, 0, "empty input (%zu bytes of white space)", len);
        marsad_reader_free(r);
        return NULL;
    }
    r->fmt = fmt == MARSAD_FORMAT_AUTO ? sniff(name, r->data, r->len) : fmt;
    r->name = ms_strdup(name);
    r->base = base_name(name);
    if (m) {
        r->clean = m->clean;
        r->outlets = m->outlets;
    } else {
        r->clean = r->own_clean = ms_cleaner_new(err);
        if (!r->clean) {
            marsad_reader_free(r);
            return NULL;
        }
        r->outlets = r->own_outlets = ms_outlets_new(err);
        if (!r->outlets) {
            marsad_reader_free(r);
            return NULL;
        }
    }
    if (!r->name || !r->base)
        goto oom;
    return r;
refuse:
    free(decoded);
    marsad_reader_free(r);
    return NULL;
oom:
    free(decoded);
    marsad_reader_free(r);
    ms_seterr(err, MARSAD_ENOMEM, 0, 0, "out of memory reading input");
    return NULL;
}

int marsad_reader_next(marsad_reader *r, marsad_doc **doc, marsad_error *err)
{
    if (!doc) {
        ms_seterr(err, MARSAD_EINVAL, 0, 0, "no document pointer");
        return MARSAD_EINVAL;
    }
    *doc = NULL;
    if (!r) {
        ms_seterr(err, MARSAD_EINVAL, 0, 0, "no reader");
        return MARSAD_EINVAL;
    }
    if (r->has_pending) {
        r->has_pending = false;
        if (err)
            *err = r->pending;
        return r->pending.code;
    }
    if (r->done)
        return MARSAD_END;
    switch (r->fmt) {
    case MARSAD_FORMAT_HTML:
        return ms_read_html(r, doc, err);
    case MARSAD_FORMAT_JSONL:
        return ms_read_jsonl(r, doc, err);
    case MARSAD_FORMAT_TREC:
        return ms_read_trec(r, doc, err);
    default:
        return ms_read_text(r, doc, err);
    }
}

size_t marsad_reader_repaired(const marsad_reader *r) { return r ? r->repaired : 0; }

void marsad_reader_free(marsad_reader *r)
{
    if (!r)
        return;
    free(r->name);
    free(r->base);
    free(r->data);
    free(r->bad);
    ms_json_array_free(r->json_array);
    ms_cleaner_free(r->own_clean);
    ms_outlets_free(r->own_outlets);
    free(r);
}

/* MARK: shared by the formats */

marsad_doc *ms_reader_doc(marsad_reader *r, const char *format, size_t a, size_t b)
{
    marsad_doc *d = ms_doc_new();
    if (!d)
        return NULL;
    d->source = ms_strdup(r->name);
    d->format = ms_strdup(format);
    /* repaired sequences inside this record's span */
    size_t lo = 0, hi = r->nbad;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (r->bad[mid] < a)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t cnt = 0;
    for (size_t i = lo; i < r->nbad && r->bad[i] < b; i++)
        cnt++;
    d->repaired = cnt;
    if (!d->source || !d->format) {
        marsad_doc_free(d);
        return NULL;
    }
    return d;
}

int ms_reader_finish(marsad_reader *r, marsad_doc *d, unsigned flags)
{
    if (!d->outlet && d->url) {
        const char *o = ms_outlet_from_host(r->outlets, d->url, strlen(d->url));
        if (o)
            ms_doc_set(&d->outlet, o, strlen(o));
    }
    if (!d->body) {
        char *e = ms_strdup("");
        if (!e)
            return MARSAD_ENOMEM;
        ms_doc_set_body(d, e, 0);
    }
    return ms_clean_doc(r->clean, r->outlets, d, flags);
}

/* MARK: plain text */

int ms_read_text(marsad_reader *r, marsad_doc **doc, marsad_error *err)
{
    r->done = true;
    marsad_doc *d = ms_reader_doc(r, "text", 0, r->len);
    char *body = d ? ms_strndup(r->data, r->len) : NULL;
    if (!d || !body || !(d->id = ms_strdup(r->base))) {
        free(body);
        marsad_doc_free(d);
        ms_seterr(err, MARSAD_ENOMEM, 0, 0, "out of memory");
        return MARSAD_ENOMEM;
    }
    ms_doc_set_body(d, body, r->len);
    int rc = ms_reader_finish(r, d, MS_CLEAN_FIND_TITLE);
    if (rc < 0) {
        marsad_doc_free(d);
        ms_seterr(err, rc, 0, 0, "%s", marsad_strerror(rc));
        return rc;
    }
    r->ndocs++;
    *doc = d;
    return MARSAD_OK;
}
