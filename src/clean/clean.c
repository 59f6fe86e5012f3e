/* clean.c — boilerplate removal driven by data/input/boilerplate.txt.
 *
 * The text is seen as lines (paragraphs). Each short line is folded with
 * the text layer's normalization and cut into words; rules compare word
 * sequences, so spelling variants (إقرأ أيضاً / اقرأ ايضا) and punctuation
 * (source : / المصدر:) do not matter. A few shapes are general enough to be
 * code rather than data: a caption ends with a date, an embedded post's
 * credit line carries an @handle and a date, a dateline is a place and an
 * outlet in parentheses before a dash. */
#include <stdlib.h>

#include "clean/clean.h"
#include "text/text.h"
#include "util/tables.h"

/* MARK: rules */

typedef enum shape {
    SH_LINE,      /* the line is exactly the text */
    SH_PREFIX,    /* the line starts with the text */
    SH_LABEL,     /* the line starts with the text followed by ':' '|' '-' '/' */
    SH_CONTAINS,  /* the line contains the text (max 0: raw, any length) */
    SH_TAIL,      /* a marker: alone it starts material running to the end */
    SH_WORD,      /* vocabulary: a line made only of such words */
    SH_TAG,       /* HTML element name */
    SH_CLASS      /* HTML class/id name */
} shape;

typedef struct rule {
    shape sh;
    unsigned maxw;
    const char *kind;     /* points into the cleaner's kind pool */
    char *text;           /* folded words separated by single spaces (raw for tags, classes, any-length) */
    size_t len, nwords;
    uint32_t *wl;         /* byte length of each of the nwords words */
} rule;

#define MAX_KINDS 32

struct ms_cleaner {
    rule *r;
    size_t n;
    unsigned maxw;        /* longest line any word rule looks at */
    char *kinds[MAX_KINDS];
    size_t nkinds;
    bool raw_first[256];  /* first bytes (either case) of the any-length rules */
    bool raw_first_letters; /* … all of them ASCII letters */
    /* rules by their first word, so that a line is compared only with the
     * rules that can match it: the map gives 1 + the first rule index of a
     * word, next[i] 1 + the next rule after rule i with the same word */
    msmap first;          /* line, prefix, label, tail, contains */
    msmap share_first;    /* share vocabulary */
    uint32_t *next;
};

/* MARK: tokens */

typedef struct tok { uint32_t a, b; } tok;

/* ASCII separators: controls, space and .,:;!?()[]{}"'-_/\|<>~`^=+ (bit c) */
static const uint64_t sep_lo = 0xFFFFFFFFu | 1ULL << ' ' | 1ULL << '.' | 1ULL << ',' | 1ULL << ':' | 1ULL << ';' |
                               1ULL << '!' | 1ULL << '?' | 1ULL << '(' | 1ULL << ')' | 1ULL << '"' | 1ULL << '\'' |
                               1ULL << '-' | 1ULL << '/' | 1ULL << '<' | 1ULL << '>' | 1ULL << '=' | 1ULL << '+';
static const uint64_t sep_hi = 1ULL << ('[' - 64) | 1ULL << (']' - 64) | 1ULL << ('{' - 64) | 1ULL << ('}' - 64) |
                               1ULL << ('_' - 64) | 1ULL << ('\\' - 64) | 1ULL << ('|' - 64) | 1ULL << ('~' - 64) |
                               1ULL << ('`' - 64) | 1ULL << ('^' - 64);

static bool is_sep_other(uint32_t c)
{
    switch (c) {
    case 0x060C: case 0x061B: case 0x061F: case 0x00AB: case 0x00BB: case 0x201C: case 0x201D:
    case 0x2018: case 0x2019: case 0x2013: case 0x2014: case 0x2015: case 0x2026: case 0x00B7:
    case 0x06D4: case 0x2022: case 0x066A: case 0x00A0: case 0x2212: case 0x2010: case 0x2011:
        return true;
    default:
        return false;
    }
}

static inline bool is_sep_cp(uint32_t c)
{
    if (c < 0x80)
        return c < 64 ? (sep_lo >> c) & 1 : (sep_hi >> (c - 64)) & 1;
    /* Arabic letters and marks, the bulk of the text, are no separators */
    if (c - 0x0620 < 0x40)
        return false;
    return is_sep_other(c);
}

static inline bool is_word_cp(uint32_t c)
{
    if (c < 0x80)
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '@' ||
               c == '#' || c == '&';
    return !is_sep_cp(c) && c != 0x00A9 && c != 0x00AE;
}

/* Word tokens of s[0..n): runs of word characters; any other non-separator
 * character (*, ©) is a token of its own. */
static size_t tokenize(const char *s, size_t n, tok *t, size_t max)
{
    size_t nt = 0, i = 0;
    while (i < n && nt < max) {
        uint32_t c;
        bool bad = false;
        size_t l = ms_utf8_decode((const unsigned char *)s + i, n - i, &c, &bad);
        if (is_sep_cp(c)) {
            i += l;
            continue;
        }
        size_t a = i;
        i += l;
        if (is_word_cp(c)) {
            while (i < n) {
                l = ms_utf8_decode((const unsigned char *)s + i, n - i, &c, &bad);
                if (!is_word_cp(c))
                    break;
                i += l;
            }
        }
        t[nt].a = (uint32_t)a;
        t[nt].b = (uint32_t)i;
        nt++;
    }
    return nt;
}

/* 0x80 in every byte of x equal to the byte b (exact: no false hits). */
static inline uint64_t bytes_eq(uint64_t x, unsigned char b)
{
    const uint64_t lo7 = 0x7F7F7F7F7F7F7F7FULL;
    uint64_t t = x ^ (0x0101010101010101ULL * b);
    return ~(((t & lo7) + lo7) | t | lo7);
}

static size_t count_words(const char *s, size_t n)
{
    size_t w = 0, i = 0;
    /* eight bytes at a time: a word starts at a byte that is no space or
     * tab after one that is (or at the start) */
    uint64_t prev = 0x80;
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        uint64_t sp = bytes_eq(x, ' ') | bytes_eq(x, '\t');
        w += (size_t)((((~sp & (sp << 8 | prev)) >> 7 & 0x0101010101010101ULL) * 0x0101010101010101ULL) >> 56);
        prev = sp >> 56;
    }
    bool in = !prev;
    for (; i < n; i++) {
        bool sp = s[i] == ' ' || s[i] == '\t';
        if (!sp && !in)
            w++;
        in = !sp;
    }
    return w;
}

/* Fold a rule's text into single-space separated words. */
static char *fold_words(const char *s, size_t n, size_t *len, size_t *nwords)
{
    ms_norm nm;
    if (ms_normalize(s, n, MARSAD_NORM_DEFAULT, &nm) != MARSAD_OK)
        return NULL;
    free(nm.map);
    tok t[64];
    size_t nt = tokenize(nm.text, nm.len, t, 64);
    msbuf b;
    msbuf_init(&b);
    for (size_t i = 0; i < nt; i++) {
        if (i)
            msbuf_addc(&b, ' ');
        msbuf_add(&b, nm.text + t[i].a, t[i].b - t[i].a);
    }
    free(nm.text);
    msbuf_addc(&b, 0);
    if (b.oom) {
        msbuf_free(&b);
        return NULL;
    }
    *len = b.len - 1;
    *nwords = nt;
    return msbuf_take(&b, NULL);
}

/* MARK: building */

static const char *intern_kind(ms_cleaner *c, const char *k, size_t n)
{
    for (size_t i = 0; i < c->nkinds; i++)
        if (strlen(c->kinds[i]) == n && !memcmp(c->kinds[i], k, n))
            return c->kinds[i];
    if (c->nkinds == MAX_KINDS)
        return NULL;
    c->kinds[c->nkinds] = ms_strndup(k, n);
    return c->kinds[c->nkinds] ? c->kinds[c->nkinds++] : NULL;
}

static int parse_shape(const char *s, size_t n)
{
    static const char *const names[] = {"line", "prefix", "label", "contains", "tail", "word", "tag", "class"};
    for (size_t i = 0; i < MS_ARRAY_LEN(names); i++)
        if (strlen(names[i]) == n && !memcmp(names[i], s, n))
            return (int)i;
    return -1;
}

/* Rules classify_words() compares with a line. */
static bool word_rule(const rule *r)
{
    return r->sh != SH_TAG && r->sh != SH_CLASS && r->sh != SH_WORD && r->maxw != 0 && r->nwords;
}

static bool share_rule(const rule *r) { return r->sh == SH_WORD && r->nwords && !strcmp(r->kind, "share"); }

static bool index_rules(ms_cleaner *c)
{
    msmap_init(&c->first);
    msmap_init(&c->share_first);
    c->next = calloc(c->n ? c->n : 1, sizeof *c->next);
    if (!c->next)
        return false;
    /* from the last rule back, each in front of its word's chain: chains run in rule order */
    for (size_t i = c->n; i-- > 0;) {
        const rule *r = &c->r[i];
        msmap *m = word_rule(r) ? &c->first : share_rule(r) ? &c->share_first : NULL;
        if (!m)
            continue;
        uint32_t head = 0;
        msmap_get(m, r->text, r->wl[0], &head);
        c->next[i] = head;
        if (!msmap_put(m, r->text, r->wl[0], (uint32_t)i + 1))
            return false;
    }
    return true;
}

ms_cleaner *ms_cleaner_new(marsad_error *err)
{
    const ms_table *t = ms_table_get("data/input/boilerplate.txt");
    if (!t) {
        ms_seterr(err, MARSAD_EDATA, 0, 0, "table data/input/boilerplate.txt missing");
        return NULL;
    }
    ms_cleaner *c = calloc(1, sizeof *c);
    if (!c)
        goto oom;
    size_t pos = 0, lineno = 0, len, cap = 0;
    const char *line;
    while (ms_next_line(t->data, t->len, &pos, &line, &len, &lineno)) {
        const char *f[4];
        size_t fl[4];
        if (ms_split(line, len, '|', f, fl, 4) != 4 || !fl[0] || !fl[3]) {
            ms_seterr(err, MARSAD_EDATA, lineno, 0,
                      "data/input/boilerplate.txt:%zu: want kind | shape | max words | text", lineno);
            ms_cleaner_free(c);
            return NULL;
        }
        int sh = parse_shape(f[1], fl[1]);
        if (sh < 0) {
            ms_seterr(err, MARSAD_EDATA, lineno, 0, "data/input/boilerplate.txt:%zu: unknown shape «%.*s»",
                      lineno, (int)fl[1], f[1]);
            ms_cleaner_free(c);
            return NULL;
        }
        if (c->n == cap) {
            cap = cap ? cap * 2 : 256;
            rule *nr = realloc(c->r, cap * sizeof *nr);
            if (!nr)
                goto oom;
            c->r = nr;
        }
        rule *r = &c->r[c->n];
        memset(r, 0, sizeof *r);
        r->sh = (shape)sh;
        r->maxw = (unsigned)strtoul(f[2], NULL, 10);
        r->kind = intern_kind(c, f[0], fl[0]);
        if (!r->kind)
            goto oom;
        if (r->sh == SH_TAG || r->sh == SH_CLASS || (r->sh == SH_CONTAINS && r->maxw == 0)) {
            r->text = ms_strndup(f[3], fl[3]);
            r->len = fl[3];
            for (size_t i = 0; i < r->len; i++)
                if (r->text && r->text[i] >= 'A' && r->text[i] <= 'Z')
                    r->text[i] += 32;
        } else {
            r->text = fold_words(f[3], fl[3], &r->len, &r->nwords);
        }
        if (!r->text)
            goto oom;
        if (r->nwords) {
            r->wl = malloc(r->nwords * sizeof *r->wl);
            if (!r->wl) {
                free(r->text);
                goto oom;
            }
            const char *p = r->text, *end = r->text + r->len;
            for (size_t k = 0; k < r->nwords; k++) {
                const char *e = memchr(p, ' ', (size_t)(end - p));
                r->wl[k] = (uint32_t)((e ? e : end) - p);
                p += r->wl[k] + 1;
            }
        }
        if (r->sh == SH_CONTAINS && r->maxw == 0 && r->len) {
            unsigned char f0 = (unsigned char)r->text[0];
            c->raw_first[f0] = true;
            if (f0 >= 'a' && f0 <= 'z')
                c->raw_first[f0 - 32] = true;
        }
        c->n++;
        if (r->sh != SH_TAG && r->sh != SH_CLASS && r->maxw > c->maxw)
            c->maxw = r->maxw;
    }
    if (!index_rules(c))
        goto oom;
    c->raw_first_letters = true;
    for (int b = 0; b < 256; b++)
        if (c->raw_first[b] && !((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')))
            c->raw_first_letters = false;
    return c;
oom:
    ms_cleaner_free(c);
    ms_seterr(err, MARSAD_ENOMEM, 0, 0, "out of memory loading boilerplate rules");
    return NULL;
}

void ms_cleaner_free(ms_cleaner *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n; i++) {
        free(c->r[i].text);
        free(c->r[i].wl);
    }
    free(c->r);
    for (size_t i = 0; i < c->nkinds; i++)
        free(c->kinds[i]);
    msmap_free(&c->first);
    msmap_free(&c->share_first);
    free(c->next);
    free(c);
}

/* MARK: HTML rules */

const char *ms_clean_html_tag(const ms_cleaner *c, const char *tag)
{
    size_t n = strlen(tag);
    for (size_t i = 0; i < c->n; i++)
        if (c->r[i].sh == SH_TAG && c->r[i].len == n && ms_ascii_ieq(c->r[i].text, tag, n))
            return c->r[i].kind;
    return NULL;
}

static bool is_name_char(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
}

const char *ms_clean_html_class(const ms_cleaner *c, const char *attr)
{
    size_t n = strlen(attr);
    for (size_t i = 0; i < c->n; i++) {
        const rule *r = &c->r[i];
        if (r->sh != SH_CLASS || !r->len || r->len > n)
            continue;
        bool compound = memchr(r->text, '-', r->len) || memchr(r->text, '_', r->len);
        for (size_t p = 0; p + r->len <= n; p++) {
            if (!ms_ascii_ieq(attr + p, r->text, r->len))
                continue;
            if (compound)
                return r->kind;
            /* a plain name must be a whole part of a name like "post-share-bar" */
            bool left = p == 0 || !is_name_char(attr[p - 1]);
            bool right = p + r->len == n || !is_name_char(attr[p + r->len]);
            if (left && right)
                return r->kind;
        }
    }
    return NULL;
}

/* MARK: line analysis */

#define MAXTOK 64

typedef struct lineview {
    const char *s;        /* original line */
    size_t n;
    ms_norm nm;           /* folded line (only for short lines) */
    tok t[MAXTOK];
    size_t nt;
    bool folded;
} lineview;

static bool fold_line(lineview *v)
{
    if (ms_normalize(v->s, v->n, MARSAD_NORM_DEFAULT, &v->nm) != MARSAD_OK)
        return false;
    v->nt = tokenize(v->nm.text, v->nm.len, v->t, MAXTOK);
    v->folded = true;
    return true;
}

static void unfold_line(lineview *v)
{
    if (v->folded)
        ms_norm_free(&v->nm);
    v->folded = false;
}

/* Do the rule's words equal the line's tokens from index `at`? */
static bool words_at(const lineview *v, size_t at, const rule *r)
{
    if (at + r->nwords > v->nt)
        return false;
    const char *p = r->text;
    for (size_t k = 0; k < r->nwords; k++) {
        size_t wl = r->wl[k];
        const tok *t = &v->t[at + k];
        if (t->b - t->a != wl || memcmp(v->nm.text + t->a, p, wl) != 0)
            return false;
        p += wl + 1;
    }
    return true;
}

/* Original offset of folded offset p. */
static size_t orig_at(const lineview *v, size_t p)
{
    return v->nm.map[p];
}

/* The first non-space folded character after token index k (0 when none). */
static uint32_t next_char_after(const lineview *v, size_t k, size_t *at)
{
    size_t p = v->t[k].b;
    while (p < v->nm.len && v->nm.text[p] == ' ')
        p++;
    *at = p;
    if (p >= v->nm.len)
        return 0;
    uint32_t c;
    bool bad = false;
    ms_utf8_decode((const unsigned char *)v->nm.text + p, v->nm.len - p, &c, &bad);
    return c;
}

static bool is_label_sep(uint32_t c)
{
    return c == ':' || c == '|' || c == '-' || c == '/' || c == 0x2013 || c == 0x2014 || c == '.' ||
           c == 0x2026 || c == '>' || c == 0x00BB || c == 0x060C || c == ',';
}

static bool is_digits(const char *s, size_t n)
{
    if (!n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

static bool has_digit(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] >= '0' && s[i] <= '9')
            return true;
    return false;
}

/* Does the folded line end with a date: a year (1900–2100) as the last word,
 * a day number among the three words before it, letters in between ("18
 * أكتوبر 2023", "7 تشرين الأول 2023", "October 20, 2023", "20/10/2023")?
 * Returns the token index where the date starts, or -1. */
static long date_at_end(const lineview *v)
{
    if (v->nt < 2)
        return -1;
    const tok *y = &v->t[v->nt - 1];
    const char *ys = v->nm.text + y->a;
    size_t yl = y->b - y->a;
    if (yl != 4 || !is_digits(ys, 4))
        return -1;
    int year = atoi(ys);
    if (year < 1900 || year > 2100)
        return -1;
    /* only spaces and a closing mark may follow the year */
    for (size_t p = y->b; p < v->nm.len; p++) {
        char ch = v->nm.text[p];
        if (ch != ' ' && ch != '.' && ch != ')')
            return -1;
    }
    for (size_t back = 1; back <= 3 && back < v->nt; back++) {
        const tok *d = &v->t[v->nt - 1 - back];
        const char *ds = v->nm.text + d->a;
        size_t dl = d->b - d->a;
        /* "9th" and "20" count as day numbers */
        size_t digits = 0;
        while (digits < dl && ds[digits] >= '0' && ds[digits] <= '9')
            digits++;
        if (digits >= 1 && digits <= 2 && (digits == dl || dl - digits == 2)) {
            long start = (long)(v->nt - 1 - back);
            /* "October 20, 2023": the month word comes before the day */
            if (back == 1 && start > 0) {
                const tok *m = &v->t[start - 1];
                if (!is_digits(v->nm.text + m->a, m->b - m->a))
                    start--;
            }
            return start;
        }
    }
    return -1;
}

/* Ends with sentence punctuation (or a colon opening a list)? Headlines,
 * links and captions do not; a question mark is a headline's too. */
static bool ends_sentence(const char *s, size_t n)
{
    for (;;) {
        while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '"' || s[n - 1] == ')' || s[n - 1] == '\''))
            n--;
        /* closing quotes ” » ’ */
        if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
            ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0x99))
            n -= 3;
        else if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && (unsigned char)s[n - 1] == 0xBB)
            n -= 2;
        else
            break;
    }
    if (!n)
        return false;
    char ch = s[n - 1];
    if (ch == '.' || ch == '!' || ch == ':' || ch == ',')
        return true;
    /* the Arabic comma */
    return n >= 2 && (unsigned char)s[n - 2] == 0xD8 && (unsigned char)s[n - 1] == 0x8C;
}

static bool ends_with_colon(const char *s, size_t n)
{
    while (n > 0 && s[n - 1] == ' ')
        n--;
    return n > 0 && s[n - 1] == ':';
}

/* A paragraph of running text: long, or a complete sentence. */
static bool full_paragraph(const char *s, size_t n, size_t words)
{
    return words >= 12 || (words >= 5 && ends_sentence(s, n) && !ends_with_colon(s, n));
}

/* A line that reads as a link to another story: a headline's length and
 * shape, not a list item. */
static bool link_like(const char *s, size_t n, size_t w)
{
    if (w < 3 || w > 16 || ends_sentence(s, n))
        return false;
    unsigned char c = (unsigned char)s[0];
    if (c == '-' || c == '*' || c == '+' || (c >= '0' && c <= '9') || c == 0xE2 /* – — • */ ||
        (c == 0xD9 && (unsigned char)s[1] >= 0xA0 && (unsigned char)s[1] <= 0xA9) /* Arabic-Indic digit */)
        return false;
    return true;
}

static bool has_letter(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        uint32_t c;
        bool bad = false;
        size_t l = ms_utf8_decode((const unsigned char *)s + i, n - i, &c, &bad);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            (c >= 0x0620 && c <= 0x064A) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x0671 && c <= 0x06D3) ||
            (c >= 0x00C0 && c < 0x0250) || (c >= 0x0400 && c < 0x0530) || (c >= 0x05D0 && c <= 0x05EA))
            return true;
        i += l;
    }
    return false;
}

static bool ascii_icontains_at_word(const char *s, size_t n, const char *pat, size_t pl, size_t *at)
{
    for (size_t p = 0; p + pl <= n; p++) {
        if (!ms_ascii_ieq(s + p, pat, pl))
            continue;
        if (p > 0 && is_name_char(s[p - 1]))
            continue;
        *at = p;
        return true;
    }
    return false;
}

/* MARK: classification */

typedef struct verdict {
    const rule *r;        /* the rule that matched (NULL: none) */
    const char *kind;
    size_t rest;          /* original offset of the text after the marker */
    bool alone;           /* tail marker with nothing after it */
    bool labelled;        /* the marker was followed by ':' or a dash */
} verdict;

/* Indexes of the rules whose first word is one of the line's (the first
 * token's for every shape, any token's for contains), in rule order; false
 * when there are more than cap. */
static bool candidates(const ms_cleaner *c, const lineview *v, uint32_t *cand, size_t cap, size_t *ncand)
{
    size_t n = 0;
    for (size_t k = 0; k < v->nt; k++) {
        uint32_t i;
        if (!msmap_get(&c->first, v->nm.text + v->t[k].a, v->t[k].b - v->t[k].a, &i))
            continue;
        for (; i; i = c->next[i - 1]) {
            if (k > 0 && c->r[i - 1].sh != SH_CONTAINS)
                continue;
            /* insert in order, once */
            size_t p = n;
            while (p > 0 && cand[p - 1] > i - 1)
                p--;
            if (p > 0 && cand[p - 1] == i - 1)
                continue;
            if (n == cap)
                return false;
            memmove(cand + p + 1, cand + p, (n - p) * sizeof *cand);
            cand[p] = i - 1;
            n++;
        }
    }
    *ncand = n;
    return true;
}

/* Match word rules against a folded short line. */
static bool classify_words(const ms_cleaner *c, lineview *v, size_t words, verdict *out)
{
    uint32_t cand[64];
    size_t ncand = 0;
    bool all = !candidates(c, v, cand, MS_ARRAY_LEN(cand), &ncand);
    for (size_t ci = 0; ci < (all ? c->n : ncand); ci++) {
        const rule *r = &c->r[all ? ci : cand[ci]];
        if (!word_rule(r) || words > r->maxw)
            continue;
        size_t at;
        uint32_t nc;
        switch (r->sh) {
        case SH_LINE:
            if (v->nt == r->nwords && words_at(v, 0, r)) {
                out->r = r;
                return true;
            }
            break;
        case SH_PREFIX:
        case SH_LABEL:
        case SH_TAIL:
            if (!words_at(v, 0, r))
                break;
            nc = next_char_after(v, r->nwords - 1, &at);
            if (r->sh == SH_LABEL && !is_label_sep(nc))
                break;
            if (r->sh == SH_TAIL && nc != 0 && !is_label_sep(nc))
                break;
            /* the text after the marker, past its separator */
            while (at < v->nm.len) {
                uint32_t ch;
                bool bad = false;
                size_t l = ms_utf8_decode((const unsigned char *)v->nm.text + at, v->nm.len - at, &ch, &bad);
                if (ch != ' ' && !is_label_sep(ch))
                    break;
                at += l;
            }
            out->r = r;
            out->rest = at < v->nm.len ? orig_at(v, at) : v->n;
            out->alone = at >= v->nm.len;
            out->labelled = is_label_sep(nc);
            return true;
        case SH_CONTAINS:
            for (size_t k = 0; k + r->nwords <= v->nt; k++)
                if (words_at(v, k, r)) {
                    out->r = r;
                    return true;
                }
            break;
        default:
            break;
        }
    }
    return false;
}

/* A line made only of share/follow vocabulary ("شارك: فيسبوك تويتر واتساب"). */
static const char *share_line(const ms_cleaner *c, lineview *v, size_t words)
{
    if (!v->nt)
        return NULL;
    const char *kind = NULL;
    size_t k = 0;
    bool strong = false;
    while (k < v->nt) {
        size_t best = 0;
        const rule *br = NULL;
        uint32_t i = 0;
        msmap_get(&c->share_first, v->nm.text + v->t[k].a, v->t[k].b - v->t[k].a, &i);
        for (; i; i = c->next[i - 1]) {
            const rule *r = &c->r[i - 1];
            if (words > r->maxw || r->nwords <= best)
                continue;
            if (words_at(v, k, r)) {
                best = r->nwords;
                br = r;
            }
        }
        if (!br)
            return NULL;
        /* connectors alone (و، على، عبر) do not make a share bar */
        if (br->len > 4)
            strong = true;
        kind = br->kind;
        k += best;
    }
    return strong ? kind : NULL;
}

/* "– وزارة الخارجية الإسرائيلية (@ IsraelMFA) 20 أكتوبر 2023": the credit
 * line under an embedded post: an @handle and a date, short. */
static bool post_credit(const lineview *v, size_t words)
{
    if (words > 24 || date_at_end(v) < 0)
        return false;
    for (size_t k = 0; k < v->nt; k++)
        if (v->nm.text[v->t[k].a] == '@')
            return true;
    return false;
}

/* MARK: datelines */

static bool is_dash_at(const char *s, size_t n, size_t i, size_t *l)
{
    if (i < n && s[i] == '-') {
        *l = 1;
        return true;
    }
    if (i + 3 <= n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94 || (unsigned char)s[i + 2] == 0x95)) {
        *l = 3;
        return true;
    }
    return false;
}

/* The place of a dateline: its first part, without a trailing date ("القاهرة
 * 1-1" -> القاهرة; "أتلانتا، الولايات المتحدة" -> أتلانتا). */
static void set_place(marsad_doc *d, const char *s, size_t n)
{
    size_t e = 0;
    while (e < n) {
        if (s[e] == ',' || s[e] == '/' || s[e] == '(' || (e + 1 < n && (unsigned char)s[e] == 0xD8 &&
                                                          (unsigned char)s[e + 1] == 0x8C))
            break;
        e++;
    }
    /* drop trailing words holding digits (a date in the dateline) */
    for (;;) {
        while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '-'))
            e--;
        size_t b = e;
        while (b > 0 && s[b - 1] != ' ')
            b--;
        if (b < e && b > 0 && has_digit(s + b, e - b))
            e = b;
        else
            break;
    }
    if (e && !d->dateline)
        ms_doc_set(&d->dateline, s, e);
}

/* A dateline at the start of the first paragraph. Returns the length of the
 * prefix to remove (0 if none). Shapes:
 *   PLACE[، PLACE] (OUTLET)-- text       أتلانتا، الولايات المتحدة (CNN)-- …
 *   PLACE - OUTLET - text               القاهرة - رويترز - …
 *   PLACE - text                        غزة - قال … (one to three words) */
static size_t dateline(const ms_outlets *o, marsad_doc *d, const char *s, size_t n)
{
    size_t lim = n < 240 ? n : 240;
    /* shape 1: parentheses followed by a dash or colon */
    for (size_t i = 0; i < lim; i++) {
        if (s[i] == '.' || s[i] == '"')
            break;
        if (s[i] != '(')
            continue;
        const char *close = memchr(s + i, ')', lim - i);
        if (!close)
            break;
        size_t j = (size_t)(close - s) + 1, k = j, dl;
        while (k < n && s[k] == ' ')
            k++;
        bool sep = false, colon = false;
        while (k < n && (is_dash_at(s, n, k, &dl) || s[k] == ':')) {
            colon |= s[k] == ':';
            k += s[k] == ':' ? 1 : dl;
            sep = true;
        }
        if (!sep)
            break;
        size_t place_words = count_words(s, i);
        size_t outlet_words = count_words(s + i + 1, (size_t)(close - s) - i - 1);
        if (place_words > 6 || outlet_words == 0 || outlet_words > 4)
            break;
        const char *name = ms_outlet_canonical(o, s + i + 1, (size_t)(close - s) - i - 1, MS_OUTLET_CONTEXT);
        /* "(خاص)-" after a place is a dateline too; "قال (…):" is not */
        if (!name && (place_words == 0 || place_words > 4 || colon))
            break;
        if (name && !d->outlet)
            ms_doc_set(&d->outlet, name, strlen(name));
        set_place(d, s, i);
        while (k < n && s[k] == ' ')
            k++;
        return k;
    }
    /* shapes 2 and 3: words then a spaced dash */
    size_t words = 0;
    bool in = false;
    for (size_t i = 0; i < lim; i++) {
        size_t dl;
        if (s[i] == ' ' && i + 1 < n && is_dash_at(s, n, i + 1, &dl) && i + 1 + dl < n && s[i + 1 + dl] == ' ') {
            if (words == 0 || words > 3)
                return 0;
            size_t place_end = i, k = i + 1 + dl;
            while (k < n && s[k] == ' ')
                k++;
            /* an outlet between two dashes */
            size_t e = k;
            while (e < lim && !(s[e] == ' ' && e + 1 < n && is_dash_at(s, n, e + 1, &dl)))
                e++;
            if (e < lim && count_words(s + k, e - k) <= 4) {
                const char *name = ms_outlet_canonical(o, s + k, e - k, MS_OUTLET_CONTEXT);
                if (name) {
                    if (!d->outlet)
                        ms_doc_set(&d->outlet, name, strlen(name));
                    k = e + 1 + dl;
                    while (k < n && s[k] == ' ')
                        k++;
                }
            }
            set_place(d, s, place_end);
            return k;
        }
        if (s[i] == '.' || s[i] == ':' || s[i] == '"' || s[i] == '(')
            return 0;
        bool sp = s[i] == ' ';
        if (!sp && !in)
            words++;
        in = !sp;
        if (words > 3)
            return 0;
    }
    return 0;
}

void ms_clean_dateline_field(const ms_outlets *o, marsad_doc *d, const char *s, size_t n)
{
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == '\t'))
        n--;
    while (n > 0 && (*s == ' ' || *s == '\n' || *s == '\r' || *s == '\t'))
        s++, n--;
    if (!n)
        return;
    if (dateline(o, d, s, n) == 0)
        set_place(d, s, n);
}

/* MARK: cleaning */

typedef struct cline {
    size_t a, b;          /* span in the body */
    size_t words;         /* count_words of the span, counted once */
    bool drop;
    char *repl;           /* replacement text (an embedded link cut out) */
} cline;

static void drop(marsad_doc *d, cline *l, const char *body, const char *kind)
{
    if (l->drop)
        return;
    l->drop = true;
    if (kind && strcmp(kind, "-") != 0)
        ms_doc_add_removed(d, kind, body + l->a, l->b - l->a);
}

/* A headline: a few words, rarely a full stop after a long line. */
static bool headline_like(const char *s, size_t n, size_t words)
{
    return words >= 2 && words <= 25 && n <= 400 && (words <= 18 || !ends_sentence(s, n));
}

/* The title, folded once for all the lines compared with it. */
typedef struct folded { const char *of; char *s; size_t n; } folded;

static bool same_text(const char *a, size_t an, const char *b, folded *fb)
{
    if (!b)
        return false;
    if (fb->of != b) {
        free(fb->s);
        fb->s = ms_normalize_word(b, strlen(b), &fb->n);
        fb->of = b;
    }
    char *fa = ms_normalize_word(a, an, &an);
    bool eq = fa && fb->s && an == fb->n && !memcmp(fa, fb->s, an);
    free(fa);
    return eq;
}

/* Handle a matched rule's side effects (outlet, published_text). */
static void take_meta(const ms_outlets *o, marsad_doc *d, const verdict *vd, const char *s, size_t n)
{
    const char *kind = vd->r->kind;
    if (!strcmp(kind, "source") && !d->outlet && vd->rest < n) {
        const char *name = ms_outlet_canonical(o, s + vd->rest, n - vd->rest, MS_OUTLET_CONTEXT);
        if (name)
            ms_doc_set(&d->outlet, name, strlen(name));
    } else if (!strcmp(kind, "published") && !d->published && !d->published_text) {
        /* "تاريخ النشر: 9th, October 2023 GMT" keeps the date after the label;
         * "منشور الاثنين 10 يونيو 2024" is the phrase itself */
        size_t a = vd->labelled ? vd->rest : 0;
        if (a < n)
            ms_doc_set(&d->published_text, s + a, n - a);
    }
}

/* Is a rule-matched line really that kind? Guards that do not fit in data. */
static bool plausible(const verdict *vd, const lineview *v)
{
    const char *kind = vd->r->kind;
    if (!strcmp(kind, "published") || !strcmp(kind, "updated"))
        return has_digit(v->nm.text, v->nm.len);
    if (!strcmp(kind, "source"))
        return vd->rest < v->n && count_words(v->s + vd->rest, v->n - vd->rest) <= 5;
    return true;
}


/* After a "read also" marker and one headline, do the paragraphs go on with
 * this article rather than start another? They do when more link markers
 * follow (links sprinkled through one article), or when the first opens
 * with the conjunction و, which no article's lead does. */
static bool continues(const ms_cleaner *c, const char *body, const cline *L, size_t nl, size_t j)
{
    const char *s = body + L[j].a;
    size_t n = L[j].b - L[j].a;
    if (n > 2 && (unsigned char)s[0] == 0xD9 && (unsigned char)s[1] == 0x88) {
        size_t e = 0;
        while (e < n && s[e] != ' ')
            e++;
        size_t wl;
        char *w = ms_normalize_word(s, e, &wl);
        bool stem = false;
        for (size_t i = 0; w && i < c->n && !stem; i++)
            stem = c->r[i].sh == SH_WORD && !strcmp(c->r[i].kind, "waw") && c->r[i].len == wl &&
                   !memcmp(c->r[i].text, w, wl);
        free(w);
        /* و plus at least three letters */
        if (!stem && e >= 8)
            return true;
    }
    for (size_t k = j + 1; k < nl; k++) {
        lineview v;
        memset(&v, 0, sizeof v);
        v.s = body + L[k].a;
        v.n = L[k].b - L[k].a;
        size_t words = L[k].words;
        if (words > 24 || !fold_line(&v))
            continue;
        verdict vd = {0};
        bool marker = classify_words(c, &v, words, &vd) && vd.r->sh == SH_TAIL && !strcmp(vd.r->kind, "related");
        unfold_line(&v);
        if (marker)
            return true;
    }
    return false;
}

int ms_clean_doc(const ms_cleaner *c, const ms_outlets *o, marsad_doc *d, unsigned flags)
{
    if (!d->body)
        return MARSAD_OK;
    const char *body = d->body;
    size_t blen = d->body_len;
    msvec lines;
    msvec_init(&lines, sizeof(cline));
    for (size_t p = 0; p <= blen;) {
        const char *nl_at = memchr(body + p, '\n', blen - p);
        size_t e = nl_at ? (size_t)(nl_at - body) : blen;
        size_t a = p, b = e;
        while (a < b && (body[a] == ' ' || body[a] == '\t' || body[a] == '\r' || body[a] == '\f' || body[a] == '\v'))
            a++;
        /* trailing spaces, including no-break spaces */
        for (;;) {
            if (b > a && (body[b - 1] == ' ' || body[b - 1] == '\t' || body[b - 1] == '\r'))
                b--;
            else if (b >= a + 2 && (unsigned char)body[b - 2] == 0xC2 && (unsigned char)body[b - 1] == 0xA0)
                b -= 2;
            else
                break;
        }
        while (a + 2 <= b && (unsigned char)body[a] == 0xC2 && (unsigned char)body[a + 1] == 0xA0)
            a += 2;
        if (b > a) {
            cline *l = msvec_push(&lines);
            if (!l) {
                msvec_free(&lines);
                return MARSAD_ENOMEM;
            }
            l->a = a;
            l->b = b;
            l->words = count_words(body + a, b - a);
        }
        p = e + 1;
    }
    cline *L = lines.v;
    size_t nl = lines.n;
    lineview v;
    memset(&v, 0, sizeof v);
    folded title = {NULL, NULL, 0};

    /* header: captions, labels and the title before the first paragraph */
    bool want_title = (flags & MS_CLEAN_FIND_TITLE) && !d->title;
    for (size_t i = 0; i < nl && i < 12; i++) {
        v.s = body + L[i].a;
        v.n = L[i].b - L[i].a;
        size_t words = L[i].words;
        if (words > c->maxw && words > 30)
            break;
        if (!fold_line(&v))
            break;
        verdict vd = {0};
        bool stop = false;
        if (d->title && same_text(v.s, v.n, d->title, &title)) {
            drop(d, &L[i], body, want_title ? NULL : "title");
        } else if (classify_words(c, &v, words, &vd) && vd.r->sh != SH_TAIL && plausible(&vd, &v)) {
            take_meta(o, d, &vd, v.s, v.n);
            drop(d, &L[i], body, vd.r->kind);
        } else if (post_credit(&v, words)) {
            drop(d, &L[i], body, "embed");
        } else if (words <= 20 && date_at_end(&v) >= 2 && i + 1 < nl && !ends_sentence(v.s, v.n)) {
            drop(d, &L[i], body, "caption");
        } else if (words <= 6 && date_at_end(&v) >= 0) {
            /* a bare date ("الاثنين 10 يونيو 2024") above the text dates it */
            if (!d->published && !d->published_text)
                ms_doc_set(&d->published_text, v.s, v.n);
            drop(d, &L[i], body, "published");
        } else if (want_title && !d->title && i + 1 < nl && headline_like(v.s, v.n, words)) {
            ms_doc_set(&d->title, v.s, v.n);
            L[i].drop = true;
        } else {
            stop = true;
        }
        unfold_line(&v);
        if (stop)
            break;
    }

    /* everything: rules line by line */
    bool dateline_done = false;
    for (size_t i = 0; i < nl; i++) {
        if (L[i].drop)
            continue;
        v.s = body + L[i].a;
        v.n = L[i].b - L[i].a;
        if (!has_letter(v.s, v.n)) {
            /* rules of dashes, lone bullets */
            L[i].drop = true;
            continue;
        }
        size_t words = L[i].words;
        /* any-length rules: embedded post links (most lines hold none of
         * their first letters, and are passed over at once) */
        bool handled = false, candidate = false;
        size_t p = 0;
        if (c->raw_first_letters) {
            /* skip eight bytes at a time while none is an ASCII letter */
            for (; p + 8 <= v.n; p += 8) {
                uint64_t x;
                memcpy(&x, v.s + p, 8);
                const uint64_t ones = 0x0101010101010101ULL, hi = 0x8080808080808080ULL;
                uint64_t t = (x | 0x20 * ones) & ~hi;  /* lowercase letters, 7 bits */
                uint64_t letters = (t + (0x80 - 'a') * ones) & ~(t + (0x7F - 'z') * ones) & ~x & hi;
                if (letters)
                    break;
            }
        }
        for (; p < v.n && !candidate; p++)
            candidate = c->raw_first[(unsigned char)v.s[p]];
        for (size_t r = 0; r < c->n && candidate && !handled; r++) {
            const rule *ru = &c->r[r];
            size_t at;
            if (ru->sh != SH_CONTAINS || ru->maxw != 0 || !ascii_icontains_at_word(v.s, v.n, ru->text, ru->len, &at))
                continue;
            /* the link's extent: up to the next space */
            size_t ls = at, le = at;
            while (ls > 0 && v.s[ls - 1] != ' ' && v.s[ls - 1] != '(')
                ls--;
            while (le < v.n && v.s[le] != ' ' && v.s[le] != ')')
                le++;
            size_t after = le;
            while (after < v.n && (v.s[after] == ' ' || v.s[after] == ')' || v.s[after] == '.'))
                after++;
            if (ls == 0 && after >= v.n) {
                /* a bare link: the post's text is the line before it */
                drop(d, &L[i], body, ru->kind);
                if (i > 0 && !L[i - 1].drop && L[i - 1].words <= 60)
                    drop(d, &L[i - 1], body, ru->kind);
            } else if (after >= v.n || words <= 12) {
                /* the post's text ending in its link */
                drop(d, &L[i], body, ru->kind);
            } else {
                /* a link inside a paragraph: cut the link only */
                ms_doc_add_removed(d, ru->kind, v.s + ls, le - ls);
                msbuf b;
                msbuf_init(&b);
                msbuf_add(&b, v.s, ls);
                msbuf_add(&b, v.s + after, v.n - after);
                msbuf_addc(&b, 0);
                free(L[i].repl);
                L[i].repl = b.oom ? NULL : msbuf_take(&b, NULL);
                if (b.oom)
                    msbuf_free(&b);
            }
            handled = true;
        }
        if (handled)
            continue;
        if (words > c->maxw)
            continue;
        if (!fold_line(&v))
            continue;
        verdict vd = {0};
        const char *sk;
        if (d->title && i < 3 && same_text(v.s, v.n, d->title, &title)) {
            drop(d, &L[i], body, "title");
        } else if (classify_words(c, &v, words, &vd) && plausible(&vd, &v)) {
            if (vd.r->sh == SH_TAIL && vd.alone) {
                /* a marker alone: what follows is appended material. In the
                 * middle of an article a short list of links may follow and
                 * the article go on; otherwise it runs to the end. */
                size_t j = i + 1, shortn = 0;
                while (j < nl && !L[j].drop && L[j].words <= 16 &&
                       !ends_sentence(body + L[j].a, L[j].b - L[j].a))
                    j++, shortn++;
                /* related: a headline then paragraphs is another article
                 * (to the end); several links then paragraphs is a list
                 * inside this one; paragraphs straight after the marker go
                 * on with this article (the links were lost) */
                size_t end = nl;
                if (!strcmp(vd.r->kind, "related") && j < nl && (shortn != 1 || continues(c, body, L, nl, j)))
                    end = j;
                msbuf b;
                msbuf_init(&b);
                for (size_t k = i; k < end; k++) {
                    if (L[k].drop)
                        continue;
                    if (b.len)
                        msbuf_addc(&b, '\n');
                    msbuf_add(&b, body + L[k].a, L[k].b - L[k].a);
                    L[k].drop = true;
                }
                if (!b.oom && b.len)
                    ms_doc_add_removed(d, vd.r->kind, b.s, b.len);
                msbuf_free(&b);
                unfold_line(&v);
                if (end == nl)
                    break;
                i = end - 1;
                continue;
            }
            take_meta(o, d, &vd, v.s, v.n);
            drop(d, &L[i], body, vd.r->kind);
        } else if ((sk = share_line(c, &v, words)) != NULL) {
            drop(d, &L[i], body, sk);
        } else if (post_credit(&v, words)) {
            drop(d, &L[i], body, "embed");
        } else if (words <= 16 && date_at_end(&v) >= 2 && !ends_sentence(v.s, v.n)) {
            drop(d, &L[i], body, "caption");
        }
        unfold_line(&v);
    }

    /* links to other stories set between paragraphs without a marker: two
     * or more link-like lines with full paragraphs around them */
    for (size_t i = 0; i < nl; i++) {
        if (L[i].drop || !link_like(body + L[i].a, L[i].b - L[i].a, L[i].words))
            continue;
        size_t j = i, run = 0;
        while (j < nl && (L[j].drop || link_like(body + L[j].a, L[j].b - L[j].a, L[j].words))) {
            run += !L[j].drop;
            j++;
        }
        long prev = (long)i - 1;
        while (prev >= 0 && L[prev].drop)
            prev--;
        size_t next = j;
        bool before_ok = prev >= 0 && full_paragraph(body + L[prev].a, L[prev].b - L[prev].a, L[prev].words) &&
                         !ends_with_colon(body + L[prev].a, L[prev].b - L[prev].a);
        bool after_ok = next >= nl || full_paragraph(body + L[next].a, L[next].b - L[next].a, L[next].words);
        if (run >= 2 && before_ok && after_ok) {
            msbuf b;
            msbuf_init(&b);
            for (size_t k = i; k < j; k++) {
                if (L[k].drop)
                    continue;
                if (b.len)
                    msbuf_addc(&b, '\n');
                msbuf_add(&b, body + L[k].a, L[k].b - L[k].a);
                L[k].drop = true;
            }
            if (!b.oom && b.len)
                ms_doc_add_removed(d, "related", b.s, b.len);
            msbuf_free(&b);
        }
        i = j;
    }

    /* the dateline opens the first paragraph that is left */
    msbuf out;
    msbuf_init(&out);
    for (size_t i = 0; i < nl; i++) {
        if (L[i].drop)
            continue;
        const char *s = L[i].repl ? L[i].repl : body + L[i].a;
        size_t n = L[i].repl ? strlen(L[i].repl) : L[i].b - L[i].a;
        if (!dateline_done) {
            dateline_done = true;
            size_t k = dateline(o, d, s, n);
            if (k > 0 && k < n) {
                ms_doc_add_removed(d, "dateline", s, k);
                s += k;
                n -= k;
            }
        }
        if (out.len)
            msbuf_addc(&out, '\n');
        msbuf_add(&out, s, n);
    }
    for (size_t i = 0; i < nl; i++)
        free(L[i].repl);
    msvec_free(&lines);
    free(title.s);
    msbuf_addc(&out, 0);
    if (out.oom) {
        msbuf_free(&out);
        return MARSAD_ENOMEM;
    }
    size_t len = out.len - 1;
    ms_doc_set_body(d, msbuf_take(&out, NULL), len);
    return MARSAD_OK;
}
