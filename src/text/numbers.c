/* numbers.c — reported figures in Arabic news: digits and number words,
 * multipliers, compounds joined by و, vague quantities (عشرات، مئات الآلاف),
 * qualifiers (نحو، أكثر من، على الأقل), ranges (بين 10 و20), percentages,
 * the dual of a counted noun (رهينتين = 2) and the counted noun itself.
 *
 * The words live in data/text/numbers.txt, num_qualifiers.txt and
 * num_nouns.txt; this file holds only the grammar that combines them.
 *
 * Speed: every token is looked at once. An Arabic token is looked up only
 * when one of its proclitic-stripped forms passes a Bloom filter of the words
 * that can start a figure, so most tokens cost a few byte comparisons.
 */
#include <math.h>
#include <stdlib.h>

#include "text/textmodel.h"
#include "util/tables.h"

/* MARK: tables */

#define AR_WAW "\xD9\x88"
#define AR_FEH "\xD9\x81"
#define AR_BEH "\xD8\xA8"
#define AR_LAM "\xD9\x84"
#define AR_KAF "\xD9\x83"
#define AR_ALEF "\xD8\xA7"
#define AR_TEH "\xD8\xAA"
#define AR_YEH "\xD9\x8A"
#define AR_NOON "\xD9\x86"
#define AR_SEEN "\xD8\xB3"
#define AR_TEH_MARBUTA_F "\xD9\x87" /* ة, folded to ه */

enum nkind {
    NK_NONE = 0,
    NK_UNIT,          /* 1–9 */
    NK_UNIT_COMPOUND, /* أحد، إحدى، اثنا، اثني: only inside a compound */
    NK_TEN,           /* عشر، عشرة */
    NK_TENS,          /* 20–90 */
    NK_HUNDRED,       /* 100–900 */
    NK_MULT,          /* ألف، مليون */
    NK_MULT_ACC,      /* ألفا: multiplier after a number, dual construct alone */
    NK_MULT_PLURAL,   /* آلاف، عشرات: multiplier after a number, vague alone */
    NK_MULT_DUAL,     /* ألفين: a whole figure */
    NK_FRACTION,      /* نصف، ربع */
    NK_VAGUE,         /* بضعة، عدة */
    NK_MORE,          /* نيف */
    NK_ORDINAL,
    NK_IGNORE,
    NK_PERCENT,
    NK_DIGIT          /* not in the tables: a number token */
};

enum { R_DUAL = 1, R_NODUAL = 2, R_NOTNOUN = 4 };

typedef struct nword {
    uint8_t kind;    /* enum nkind */
    uint8_t roles;   /* R_* from num_nouns.txt */
    bool needs_ta;   /* only when written with ة: عدة (several), not بعده (after him) */
    double value, low, high;
    int32_t phrases; /* first phrase starting with this word, or -1 */
} nword;

enum { PH_QUAL, PH_VAGUE, PH_PERCENT };
enum { POS_BEFORE, POS_AFTER, POS_BETWEEN };
#define PH_MAXW 6
#define PH_MAXCONN 4

typedef struct nphrase {
    uint8_t role, qual, pos, nw, nconn;
    double low, high;
    uint32_t w[PH_MAXW], wl[PH_MAXW];          /* words 1.. in the pool (word 0 is the map key) */
    uint32_t conn[PH_MAXCONN], connl[PH_MAXCONN];
    int32_t next;
} nphrase;

#define BLOOM_BITS 15 /* 32768 bits per filter, for some 700 words */

struct ms_numtables {
    msmap map;       /* normalized word -> index into words */
    msvec words;     /* nword */
    msvec phrases;   /* nphrase */
    msbuf pool;      /* phrase words and connectors */
    uint64_t bloom_any[1u << (BLOOM_BITS - 6)];
    uint64_t bloom_start[1u << (BLOOM_BITS - 6)];
    uint64_t ends_any[1u << 8], ends_start[1u << 8]; /* last two letters of the words (14 bits) */
};

/* Bloom filters over the first two letters, the last two letters and the
 * length of every word: one for all the words, one for the words that can
 * start a figure (number words, qualifier heads, listed duals). Stripping
 * proclitics never changes a word's end, so its last two letters are checked
 * once per token against the ends of known words before any candidate is
 * hashed. A letter's code is the low seven bits of its two UTF-8 bytes
 * (U+0600–U+067F); other bytes give some code too, which at worst lets a
 * word through to the exact lookup. */
#define LCODE(p) ((unsigned)((((p)[0] & 1u) << 6) | ((p)[1] & 0x3Fu)))

static unsigned ends_code(const char *w, size_t n)
{
    const unsigned char *p = (const unsigned char *)w + n - 4;
    return LCODE(p) << 7 | LCODE(p + 2);
}

static bool ends_has(const uint64_t *ends, unsigned yz) { return ends[yz >> 6] >> (yz & 63) & 1; }

static unsigned bloom_index(const char *w, size_t n, unsigned yz)
{
    const unsigned char *p = (const unsigned char *)w;
    uint32_t h = ((LCODE(p) << 7 | LCODE(p + 2)) << 14 | yz) * 2654435761u ^ (uint32_t)n * 0x9E3779B1u;
    h *= 2246822519u;
    return h >> (32 - BLOOM_BITS);
}

static void bloom_add(uint64_t *bloom, uint64_t *ends, const char *w, size_t n)
{
    if (n < 4)
        return;
    unsigned yz = ends_code(w, n), i = bloom_index(w, n, yz);
    bloom[i >> 6] |= 1ull << (i & 63);
    ends[yz >> 6] |= 1ull << (yz & 63);
}

static bool bloom_has(const uint64_t *bloom, const char *w, size_t n, unsigned yz)
{
    if (n < 4)
        return false;
    unsigned i = bloom_index(w, n, yz);
    return bloom[i >> 6] >> (i & 63) & 1;
}

static nword *word_at(const struct ms_numtables *nt, uint32_t i) { return &MSVEC_AT(&nt->words, nword, i); }

/* The entry of a word, created empty if new; NULL on oom. */
static nword *word_get(struct ms_numtables *nt, const char *w, size_t n)
{
    uint32_t v;
    if (msmap_get(&nt->map, w, n, &v))
        return word_at(nt, v);
    nword *e = msvec_push(&nt->words);
    if (!e)
        return NULL;
    e->phrases = -1;
    if (!msmap_put(&nt->map, w, n, (uint32_t)(nt->words.n - 1)))
        return NULL;
    return e;
}

static bool pool_add(struct ms_numtables *nt, const char *w, size_t n, uint32_t *off, uint32_t *len)
{
    *off = (uint32_t)nt->pool.len;
    *len = (uint32_t)n;
    msbuf_add(&nt->pool, w, n);
    return !nt->pool.oom;
}

typedef struct loader {
    struct ms_numtables *nt;
    const char *table;
    size_t line;
    marsad_error *err;
} loader;

static bool fail(loader *L, const char *what)
{
    ms_seterr(L->err, MARSAD_EDATA, L->line, 0, "%s:%zu: %s", L->table, L->line, what);
    return false;
}

static bool parse_double(const char *s, size_t n, double *out)
{
    char buf[48];
    if (n == 0 || n >= sizeof buf)
        return false;
    memcpy(buf, s, n);
    buf[n] = 0;
    char *end;
    *out = strtod(buf, &end);
    return *end == 0;
}

/* Split a normalized phrase on spaces. */
static size_t split_words(const char *s, size_t n, const char **w, size_t *wl, size_t max)
{
    size_t k = 0, i = 0;
    while (i < n) {
        while (i < n && s[i] == ' ')
            i++;
        size_t a = i;
        while (i < n && s[i] != ' ')
            i++;
        if (i > a) {
            if (k == max)
                return max + 1;
            w[k] = s + a;
            wl[k++] = i - a;
        }
    }
    return k;
}

/* Add a phrase; its first word gets an entry whose phrase list links it. */
static nphrase *phrase_add(loader *L, const char *text, size_t n)
{
    const char *w[PH_MAXW];
    size_t wl[PH_MAXW];
    size_t nw = split_words(text, n, w, wl, PH_MAXW);
    if (nw == 0 || nw > PH_MAXW) {
        fail(L, "a phrase needs one to six words");
        return NULL;
    }
    nphrase *p = msvec_push(&L->nt->phrases);
    if (!p) {
        fail(L, "out of memory");
        return NULL;
    }
    int32_t idx = (int32_t)L->nt->phrases.n - 1;
    p->nw = (uint8_t)nw;
    for (size_t i = 1; i < nw; i++)
        if (!pool_add(L->nt, w[i], wl[i], &p->w[i], &p->wl[i])) {
            fail(L, "out of memory");
            return NULL;
        }
    nword *head = word_get(L->nt, w[0], wl[0]);
    if (!head) {
        fail(L, "out of memory");
        return NULL;
    }
    /* append, so phrases are tried in file order */
    p = &MSVEC_AT(&L->nt->phrases, nphrase, idx);
    p->next = -1;
    if (head->phrases < 0) {
        head->phrases = idx;
    } else {
        int32_t j = head->phrases;
        while (MSVEC_AT(&L->nt->phrases, nphrase, j).next >= 0)
            j = MSVEC_AT(&L->nt->phrases, nphrase, j).next;
        MSVEC_AT(&L->nt->phrases, nphrase, j).next = idx;
    }
    return p;
}

typedef bool (*line_fn)(loader *L, const char **f, size_t *fl, size_t nf, const char *w, size_t wn);

static bool load_table(struct ms_numtables *nt, const char *name, line_fn fn, marsad_error *err)
{
    const ms_table *t = ms_table_get(name);
    loader L = {nt, name, 0, err};
    if (!t)
        return fail(&L, "table missing");
    size_t pos = 0, len;
    const char *line;
    while (ms_next_line(t->data, t->len, &pos, &line, &len, &L.line)) {
        const char *f[6];
        size_t fl[6];
        size_t nf = ms_split(line, len, '\t', f, fl, 6);
        size_t wn;
        char *w = ms_normalize_word(f[0], fl[0], &wn);
        if (!w)
            return fail(&L, "out of memory");
        bool ok = wn > 0 ? fn(&L, f, fl, nf, w, wn) : fail(&L, "empty word");
        free(w);
        if (!ok)
            return false;
    }
    return true;
}

static bool field_is(const char *f, size_t n, const char *s) { return strlen(s) == n && memcmp(f, s, n) == 0; }

static bool number_line(loader *L, const char **f, size_t *fl, size_t nf, const char *w, size_t wn)
{
    static const struct { const char *name; uint8_t kind; uint8_t nvals; } kinds[] = {
        {"unit", NK_UNIT, 1},           {"unit-compound", NK_UNIT_COMPOUND, 1},
        {"ten", NK_TEN, 1},             {"tens", NK_TENS, 1},
        {"hundred", NK_HUNDRED, 1},     {"mult", NK_MULT, 1},
        {"mult-acc", NK_MULT_ACC, 1},   {"mult-plural", NK_MULT_PLURAL, 3},
        {"mult-dual", NK_MULT_DUAL, 1}, {"fraction", NK_FRACTION, 1},
        {"vague", NK_VAGUE, 2},         {"more", NK_MORE, 0},
        {"ordinal", NK_ORDINAL, 0},     {"ignore", NK_IGNORE, 0},
        {"percent", NK_PERCENT, 0}};
    if (nf < 2)
        return fail(L, "expected word<TAB>kind");
    size_t k = 0;
    while (k < MS_ARRAY_LEN(kinds) && !field_is(f[1], fl[1], kinds[k].name))
        k++;
    if (k == MS_ARRAY_LEN(kinds))
        return fail(L, "unknown kind");
    double v[3] = {0, 0, 0};
    bool needs_ta = nf == 3 + (size_t)kinds[k].nvals && field_is(f[nf - 1], fl[nf - 1], "needs-ta-marbuta");
    if (nf != 2 + (size_t)kinds[k].nvals + needs_ta)
        return fail(L, "wrong number of fields for this kind");
    for (size_t i = 0; i < kinds[k].nvals; i++)
        if (!parse_double(f[2 + i], fl[2 + i], &v[i]))
            return fail(L, "bad number");
    uint8_t kind = kinds[k].kind;
    if (memchr(w, ' ', wn)) {
        /* several words: a vague phrase (عدد قليل) or a percent phrase (في المئة) */
        if (kind != NK_VAGUE && kind != NK_PERCENT)
            return fail(L, "only vague quantities and percent markers may have several words");
        nphrase *p = phrase_add(L, w, wn);
        if (!p)
            return false;
        p->role = kind == NK_VAGUE ? PH_VAGUE : PH_PERCENT;
        p->low = v[0];
        p->high = v[1];
        return true;
    }
    nword *e = word_get(L->nt, w, wn);
    if (!e)
        return fail(L, "out of memory");
    e->kind = kind;
    e->needs_ta = needs_ta;
    if (kind == NK_VAGUE) {
        e->low = v[0];
        e->high = v[1];
    } else {
        e->value = e->low = e->high = v[0];
        if (kind == NK_MULT_PLURAL) {
            e->low = v[1];
            e->high = v[2];
        }
    }
    return true;
}

static bool qualifier_line(loader *L, const char **f, size_t *fl, size_t nf, const char *w, size_t wn)
{
    if (nf < 3 || nf > 4)
        return fail(L, "expected phrase<TAB>qualifier<TAB>position[<TAB>connectors]");
    int q = -1;
    for (int i = MS_Q_APPROX; i <= MS_Q_RANGE; i++)
        if (field_is(f[1], fl[1], ms_qualifier_name(i)))
            q = i;
    if (q < 0)
        return fail(L, "unknown qualifier");
    uint8_t pos = field_is(f[2], fl[2], "before") ? POS_BEFORE : field_is(f[2], fl[2], "after") ? POS_AFTER
                : field_is(f[2], fl[2], "between") ? POS_BETWEEN : 255;
    if (pos == 255)
        return fail(L, "position must be before, after or between");
    if ((nf == 4) != (q == MS_Q_RANGE && pos == POS_BEFORE))
        return fail(L, "connectors go with range openers, and range openers need them");
    if (pos == POS_BETWEEN && q != MS_Q_RANGE)
        return fail(L, "only ranges sit between two numbers");
    nphrase *p = phrase_add(L, w, wn);
    if (!p)
        return false;
    p->role = PH_QUAL;
    p->qual = (uint8_t)q;
    p->pos = pos;
    if (nf == 4) {
        size_t cn;
        char *c = ms_normalize_word(f[3], fl[3], &cn);
        if (!c)
            return fail(L, "out of memory");
        const char *cw[PH_MAXCONN + 1];
        size_t cl[PH_MAXCONN + 1];
        size_t k = 0, a = 0;
        for (size_t i = 0; i <= cn && k <= PH_MAXCONN; i++)
            if (i == cn || c[i] == '|') {
                cw[k] = c + a;
                cl[k++] = i - a;
                a = i + 1;
            }
        bool ok = k <= PH_MAXCONN;
        for (size_t i = 0; ok && i < k; i++)
            ok = cl[i] > 0 && pool_add(L->nt, cw[i], cl[i], &p->conn[i], &p->connl[i]);
        free(c);
        if (!ok)
            return fail(L, "one to four non-empty connectors");
        p->nconn = (uint8_t)k;
    }
    return true;
}


static bool add_form(loader *L, const char *base, size_t bn, const char *suffix)
{
    char buf[256];
    size_t sl = strlen(suffix);
    if (bn + sl > sizeof buf)
        return fail(L, "word too long");
    memcpy(buf, base, bn);
    memcpy(buf + bn, suffix, sl);
    nword *e = word_get(L->nt, buf, bn + sl);
    if (!e)
        return fail(L, "out of memory");
    e->roles |= R_DUAL;
    return true;
}

static bool noun_line(loader *L, const char **f, size_t *fl, size_t nf, const char *w, size_t wn)
{
    (void)f;
    if (nf != 2)
        return fail(L, "expected word<TAB>role");
    if (memchr(w, ' ', wn))
        return fail(L, "one word per line");
    if (field_is(f[1], fl[1], "dual")) {
        /* رهينة -> رهينتين/رهينتان; أسير -> أسيرين/أسيران */
        if (wn > 2 && memcmp(w + wn - 2, AR_TEH_MARBUTA_F, 2) == 0)
            return add_form(L, w, wn - 2, AR_TEH AR_YEH AR_NOON) && add_form(L, w, wn - 2, AR_TEH AR_ALEF AR_NOON);
        return add_form(L, w, wn, AR_YEH AR_NOON) && add_form(L, w, wn, AR_ALEF AR_NOON);
    }
    uint8_t role = field_is(f[1], fl[1], "nodual") ? R_NODUAL : field_is(f[1], fl[1], "notnoun") ? R_NOTNOUN : 0;
    if (!role)
        return fail(L, "role must be dual, nodual or notnoun");
    nword *e = word_get(L->nt, w, wn);
    if (!e)
        return fail(L, "out of memory");
    e->roles |= role;
    return true;
}

/* Can a figure start at this word? Number words, vague and qualifier-before
 * phrase heads, listed duals, and the look-alikes that must stop a reading. */
static bool starts_figure(const struct ms_numtables *nt, const nword *e)
{
    if ((e->kind != NK_NONE && e->kind != NK_ORDINAL && e->kind != NK_PERCENT) || (e->roles & R_DUAL))
        return true;
    for (int32_t j = e->phrases; j >= 0;) {
        const nphrase *p = &MSVEC_AT(&nt->phrases, nphrase, j);
        if (p->role == PH_VAGUE || (p->role == PH_QUAL && p->pos == POS_BEFORE))
            return true;
        j = p->next;
    }
    return false;
}

struct ms_numtables *ms_numtables_new(marsad_error *err)
{
    struct ms_numtables *nt = calloc(1, sizeof *nt);
    if (!nt) {
        ms_seterr(err, MARSAD_ENOMEM, 0, 0, "out of memory");
        return NULL;
    }
    msmap_init(&nt->map);
    msvec_init(&nt->words, sizeof(nword));
    msvec_init(&nt->phrases, sizeof(nphrase));
    msbuf_init(&nt->pool);
    if (!load_table(nt, "data/text/numbers.txt", number_line, err) ||
        !load_table(nt, "data/text/num_qualifiers.txt", qualifier_line, err) ||
        !load_table(nt, "data/text/num_nouns.txt", noun_line, err)) {
        ms_numtables_free(nt);
        return NULL;
    }
    for (size_t i = 0; i < nt->map.n; i++) {
        size_t n;
        const char *k = msmap_key(&nt->map, i, &n);
        const nword *e = word_at(nt, nt->map.ents[i].value);
        bloom_add(nt->bloom_any, nt->ends_any, k, n);
        if (starts_figure(nt, e))
            bloom_add(nt->bloom_start, nt->ends_start, k, n);
    }
    return nt;
}

void ms_numtables_free(struct ms_numtables *nt)
{
    if (!nt)
        return;
    msmap_free(&nt->map);
    msvec_free(&nt->words);
    msvec_free(&nt->phrases);
    msbuf_free(&nt->pool);
    free(nt);
}

const char *ms_qualifier_name(int q)
{
    static const char *const names[] = {"exact", "approx", "more_than", "less_than",
                                        "at_least", "at_most", "range", "vague"};
    return q >= 0 && q < (int)MS_ARRAY_LEN(names) ? names[q] : "exact";
}

/* MARK: looking at tokens */

enum { P_CONJ = 1, P_PREP = 2, P_DEF = 4 };

typedef struct ctx {
    const struct ms_numtables *nt;
    const ms_textmodel *tm;
    const ms_text *t;
} ctx;

/* A token seen as part of a number. */
typedef struct atom {
    const nword *w;   /* NULL for digits and misses */
    uint8_t kind;     /* enum nkind */
    uint8_t pro;      /* P_* stripped to find it */
    double value;
} atom;

static bool at(const char *w, const char *letter) { return w[0] == letter[0] && w[1] == letter[1]; }

static const char *tok_text(const ctx *c, size_t i, size_t *n) { return ms_tok_norm(c->t, &c->t->tok[i], n); }

static bool tok_eq(const ctx *c, size_t i, const char *w, size_t n)
{
    size_t tn;
    const char *s = tok_text(c, i, &tn);
    return tn == n && memcmp(s, w, n) == 0;
}

static const nword *lookup_exact(const ctx *c, const char *w, size_t n)
{
    uint32_t v;
    return msmap_get(&c->nt->map, w, n, &v) ? word_at(c->nt, v) : NULL;
}

typedef struct cand { uint8_t off, pro; } cand;

/* The forms of a word with its proclitics stripped, least stripped first:
 * و/ف, then ب/ل/ك, then the article (ال, لل). A preposition is only stripped
 * before three letters or more (لست is not ل+ست). */
static size_t candidates(const char *w, size_t n, cand *cd)
{
    size_t nc = 0;
    cd[nc++] = (cand){0, 0};
    if (n > 200)
        return nc;
    if (n >= 6 && (at(w, AR_WAW) || at(w, AR_FEH)))
        cd[nc++] = (cand){2, P_CONJ};
    size_t nbase = nc;
    for (size_t b = 0; b < nbase; b++) {
        uint8_t o = cd[b].off, p = cd[b].pro;
        const char *s = w + o;
        size_t sn = n - o;
        if (sn >= 8 && (at(s, AR_BEH) || at(s, AR_LAM) || at(s, AR_KAF))) {
            cd[nc++] = (cand){(uint8_t)(o + 2), (uint8_t)(p | P_PREP)};
            if (sn >= 10 && !at(s, AR_LAM) && at(s + 2, AR_ALEF) && at(s + 4, AR_LAM))
                cd[nc++] = (cand){(uint8_t)(o + 6), (uint8_t)(p | P_PREP | P_DEF)};
        }
        if (sn >= 8 && at(s, AR_ALEF) && at(s + 2, AR_LAM))
            cd[nc++] = (cand){(uint8_t)(o + 4), (uint8_t)(p | P_DEF)};
        else if (sn >= 8 && at(s, AR_LAM) && at(s + 2, AR_LAM))
            cd[nc++] = (cand){(uint8_t)(o + 4), (uint8_t)(p | P_PREP | P_DEF)};
    }
    return nc;
}

/* The first entry found for the word or one of its stripped forms. */
static const nword *lookup_stripped(const ctx *c, const char *w, size_t n, uint8_t *pro)
{
    if (n < 4)
        return NULL;
    unsigned yz = ends_code(w, n);
    if (!ends_has(c->nt->ends_any, yz))
        return NULL;
    cand cd[8];
    size_t nc = candidates(w, n, cd);
    for (size_t k = 0; k < nc; k++) {
        const char *s = w + cd[k].off;
        size_t sn = n - cd[k].off;
        if (!bloom_has(c->nt->bloom_any, s, sn, yz))
            continue;
        const nword *e = lookup_exact(c, s, sn);
        if (e) {
            *pro = cd[k].pro;
            return e;
        }
    }
    return NULL;
}

/* Could a figure start at this word? Bloom filters only: no false negatives. */
static bool could_start(const ctx *c, const char *w, size_t n)
{
    if (n < 4)
        return false;
    unsigned yz = ends_code(w, n);
    if (!ends_has(c->nt->ends_start, yz))
        return false;
    cand cd[8];
    size_t nc = candidates(w, n, cd);
    for (size_t k = 0; k < nc; k++)
        if (bloom_has(c->nt->bloom_start, w + cd[k].off, n - cd[k].off, yz))
            return true;
    return false;
}

static atom classify(const ctx *c, size_t i);

/* 10.000 and 1.244 in the source: a dot before exactly three digits groups
 * thousands, as many writers type it, unless a multiplier follows (1.250 مليون). */
static bool dotted_thousands(const ctx *c, size_t i, double *v)
{
    const ms_token *k = &c->t->tok[i];
    size_t n;
    const char *w = tok_text(c, i, &n);
    if (n < 5 || n > 7 || w[n - 4] != '.' || c->t->src[c->t->norm.map[k->nstart + n - 4]] != '.')
        return false;
    for (size_t j = 0; j < n; j++)
        if (j != n - 4 && (w[j] < '0' || w[j] > '9'))
            return false;
    if (i + 1 < c->t->ntok && c->t->tok[i + 1].kind == MS_TOK_ARABIC) {
        atom m = classify(c, i + 1);
        if (!m.pro && (m.kind == NK_MULT || m.kind == NK_MULT_ACC || m.kind == NK_MULT_PLURAL))
            return false;
    }
    double x = 0;
    for (size_t j = 0; j < n; j++)
        if (w[j] != '.')
            x = x * 10 + (w[j] - '0');
    *v = x;
    return true;
}

/* Does token i end in ة in the source, as words marked needs-ta-marbuta must? */
static bool ta_ok(const ctx *c, size_t i, const nword *e)
{
    if (!e->needs_ta)
        return true;
    return ms_tok_ends_in_ta_marbuta(c->t, &c->t->tok[i]);
}

/* What token i is as a piece of a number. */
static atom classify(const ctx *c, size_t i)
{
    atom a = {NULL, NK_NONE, 0, 0};
    const ms_token *k = &c->t->tok[i];
    if (k->kind == MS_TOK_NUMBER) {
        a.kind = NK_DIGIT;
        a.value = k->num;
        double v;
        if (dotted_thousands(c, i, &v))
            a.value = v;
    } else if (k->kind == MS_TOK_ARABIC) {
        if ((k->wflags & MS_WF_SET) && k->num_word != MS_NUM_WORD_ASK) {
            /* looked up once for the word, when it was segmented */
            a.w = k->num_word ? word_at(c->nt, k->num_word - 1u) : NULL;
            a.pro = k->num_pro;
        } else {
            size_t n;
            const char *w = tok_text(c, i, &n);
            a.w = lookup_stripped(c, w, n, &a.pro);
        }
        if (a.w && !ta_ok(c, i, a.w))
            a.w = NULL;
        if (a.w) {
            a.kind = a.w->kind;
            a.value = a.w->value;
        }
    }
    return a;
}

/* Token i read as و + a word, even when the whole token is itself a word. */
static atom classify_conj(const ctx *c, size_t i)
{
    atom a = {NULL, NK_NONE, 0, 0};
    size_t n;
    const char *w = tok_text(c, i, &n);
    if (c->t->tok[i].kind != MS_TOK_ARABIC || n < 6 || !at(w, AR_WAW) ||
        !bloom_has(c->nt->bloom_any, w + 2, n - 2, ends_code(w, n)))
        return a;
    const nword *e = lookup_exact(c, w + 2, n - 2);
    if (e && ta_ok(c, i, e)) {
        a.w = e;
        a.kind = a.w->kind;
        a.value = a.w->value;
        a.pro = P_CONJ;
    }
    return a;
}

static bool is_number_kind(uint8_t k)
{
    return (k >= NK_UNIT && k <= NK_VAGUE) || k == NK_DIGIT;
}

/* The word "و" written apart from what follows it. */
static bool is_waw(const ctx *c, size_t i) { return c->t->tok[i].kind == MS_TOK_ARABIC && tok_eq(c, i, AR_WAW, 2); }

static bool is_percent_sign(const ctx *c, size_t i)
{
    if (c->t->tok[i].kind != MS_TOK_PUNCT)
        return false;
    size_t n;
    const char *w = tok_text(c, i, &n);
    const nword *e = lookup_exact(c, w, n);
    return e && e->kind == NK_PERCENT;
}

/* Does the phrase match from token i (its first word already matched)? Returns its end. */
static size_t phrase_match(const ctx *c, const nphrase *p, size_t i, size_t send)
{
    if (i + p->nw > send)
        return 0;
    for (size_t k = 1; k < p->nw; k++)
        if (!tok_eq(c, i + k, c->nt->pool.s + p->w[k], p->wl[k]))
            return 0;
    return i + p->nw;
}

/* The entry of token i's whole normalized form. */
static const nword *entry_exact(const ctx *c, size_t i)
{
    size_t n;
    const char *w = tok_text(c, i, &n);
    return lookup_exact(c, w, n);
}

/* The phrases (of a role and position) that start at token i, whose first
 * word has entry e. */
static const nphrase *phrase_at(const ctx *c, const nword *e, size_t i, size_t send, int role, int pos, size_t *end)
{
    for (int32_t j = e ? e->phrases : -1; j >= 0;) {
        const nphrase *p = &MSVEC_AT(&c->nt->phrases, nphrase, j);
        if (p->role == role && (pos < 0 || p->pos == pos) && (*end = phrase_match(c, p, i, send)))
            return p;
        j = p->next;
    }
    return NULL;
}

/* MARK: number grammar */

typedef struct numres {
    size_t end;           /* first token after the number */
    double value, low, high;
    double base;          /* the group the first multiplier multiplied (30 in 30 ألفا) */
    double mult;          /* that multiplier, 0 if none */
    bool vague;
    bool def;             /* the number word carried the article (الرهائن الثلاثة) */
    uint8_t qual;         /* MS_Q_MORE_THAN for ونيف */
} numres;

static bool has_tanwin(const ctx *c, size_t i)
{
    const ms_token *k = &c->t->tok[i];
    for (uint32_t p = k->start; p + 1 < k->end; p++)
        if ((unsigned char)c->t->src[p] == 0xD9 && (unsigned char)c->t->src[p + 1] == 0x8B)
            return true;
    return false;
}

/* A vague quantity at i: عشرات، بضعة آلاف، عشرات الآلاف، بضع عشرة. */
static bool parse_vague(const ctx *c, size_t i, size_t send, atom a, numres *r)
{
    double lo = a.w->low, hi = a.w->high, last = a.kind == NK_MULT_PLURAL ? a.value : 0;
    size_t j = i + 1;
    while (j < send) {
        atom b = classify(c, j);
        if (b.pro & ~P_DEF)
            break;
        if ((b.kind == NK_MULT_PLURAL || b.kind == NK_MULT) && b.value > last) {
            lo *= b.value;
            hi = (hi + 1) * b.value - 1;
            last = b.value;
            j++;
        } else if (b.kind == NK_TEN && !b.pro && a.kind == NK_VAGUE && j == i + 1) {
            lo += 10;   /* بضع عشرة: thirteen to nineteen */
            hi += 10;
            j++;
        } else {
            break;
        }
    }
    *r = (numres){.end = j, .value = lo, .low = lo, .high = hi, .vague = true, .def = (a.pro & P_DEF) != 0};
    return true;
}

/* Punctuation at p glued to the number at q (either side): 2023-10, 10/12. */
static bool glued_number(const ctx *c, size_t p, size_t q)
{
    const ms_token *tp = &c->t->tok[p], *tq = &c->t->tok[q];
    return tp->kind == MS_TOK_PUNCT && tq->kind == MS_TOK_NUMBER && !(q > p ? tq->space_before : tp->space_before);
}

/* A word that could be an elative (أكبر، أهم، أبرز): an indefinite word of
 * three or four letters starting with alef. */
static bool looks_elative(const ctx *c, size_t i)
{
    const ms_token *k = &c->t->tok[i];
    size_t n;
    const char *w = tok_text(c, i, &n);
    return k->kind == MS_TOK_ARABIC && (n == 6 || n == 8) && at(w, AR_ALEF) && !at(w + 2, AR_LAM);
}

/* A number starting at token i (digits or words, with multipliers and و
 * compounds), or a vague quantity. */
static bool parse_number_at(const ctx *c, size_t i, atom a, size_t send, numres *r)
{
    const ms_text *t = c->t;
    if (!is_number_kind(a.kind))
        return false;
    size_t first_sent = t->sent ? t->sent[t->tok[i].sent].tok_first : 0;
    if (a.kind == NK_DIGIT) {
        /* F-16, كوفيد-19: a number glued by a hyphen to a word is part of a name */
        if (i >= first_sent + 2 && !t->tok[i].space_before && !t->tok[i - 1].space_before &&
            (t->tok[i - 2].kind == MS_TOK_LATIN || t->tok[i - 2].kind == MS_TOK_ARABIC) &&
            (tok_eq(c, i - 1, "-", 1) || tok_eq(c, i - 1, "\xE2\x80\x93", 3)))
            return false;
        /* 7:00, 14:30: a time of day, not a figure */
        if ((i >= first_sent + 2 && tok_eq(c, i - 1, ":", 1) && !t->tok[i].space_before &&
             glued_number(c, i - 1, i - 2)) ||
            (i + 2 < send && tok_eq(c, i + 1, ":", 1) && glued_number(c, i + 1, i) && glued_number(c, i + 1, i + 2)))
            return false;
    }
    bool def = (a.pro & P_DEF) != 0;
    if (a.kind == NK_VAGUE || a.kind == NK_MULT_PLURAL)
        return parse_vague(c, i, send, a, r);
    /* a definite tens or hundred is an ordinal or an age (القرن العشرين، الذكرى المئة، في الستين
     * من عمره) unless a multiplier follows (التسعين ألفا); a definite multiplier is a count
     * (ما يقارب المليون لاجئ) */
    if (def && (a.kind == NK_TENS || a.kind == NK_HUNDRED)) {
        atom m = i + 1 < send ? classify(c, i + 1) : (atom){NULL, NK_NONE, 0, 0};
        if (m.pro || (m.kind != NK_MULT && m.kind != NK_MULT_ACC && m.kind != NK_MULT_PLURAL))
            return false;
    }
    if (def && a.kind == NK_FRACTION)
        return false;

    double total = 0, last_mult = 1e300, base = 0, mult = 0;
    double h = 0, u = 0, tn = 0, digit = 0; /* the current group: hundreds, units, tens, or digits */
    bool is_digit = false, weak = false, teen = false;
    uint8_t prev = a.kind, qual = MS_Q_EXACT;
    size_t j = i + 1, natoms = 1;
    switch (a.kind) {
    case NK_DIGIT: digit = a.value; is_digit = true; break;
    case NK_UNIT: u = a.value; break;
    case NK_UNIT_COMPOUND: u = a.value; weak = true; break;
    case NK_TEN:
        /* الحادي عشر: the ordinal */
        if (i > first_sent) {
            atom o = classify(c, i - 1);
            if (o.kind == NK_ORDINAL)
                return false;
        }
        tn = 10;
        break;
    case NK_TENS: tn = a.value; break;
    case NK_HUNDRED: h = a.value; break;
    case NK_MULT:
    case NK_MULT_ACC:
        total = a.value;
        last_mult = a.value;
        break;
    case NK_MULT_DUAL:
        total = a.value;
        last_mult = a.value / 2;
        break;
    case NK_FRACTION: {
        /* نصف مليون */
        if (j >= send)
            return false;
        atom b = classify(c, j);
        if ((b.pro & ~P_DEF) || (b.kind != NK_MULT && b.kind != NK_MULT_ACC))
            return false;
        total = a.value * b.value;
        last_mult = b.value;
        j++;
        natoms++;
        break;
    }
    default: return false;
    }
    while (j < send) {
        atom b = classify(c, j);
        double group = is_digit ? digit : h + u + tn;
        bool adjacent = false;
        if (!b.pro && b.kind != NK_NONE) {
            /* adjacent words: teens, ثلاث مئة, multipliers */
            adjacent = true;
            if (b.kind == NK_TEN && (prev == NK_UNIT || prev == NK_UNIT_COMPOUND) && !is_digit && tn == 0 &&
                u > 0 && u < 10) {
                u += 10;
                teen = true;
                weak = false;
            } else if (b.kind == NK_HUNDRED && b.value == 100 && prev == NK_UNIT && !is_digit && h == 0 &&
                       tn == 0 && u >= 3) {
                h = u * 100;
                u = 0;
            } else if ((b.kind == NK_MULT || b.kind == NK_MULT_ACC || b.kind == NK_MULT_PLURAL) && group > 0 &&
                       b.value < last_mult && !weak) {
                if (!mult) {
                    base = group;
                    mult = b.value;
                }
                total += group * b.value;
                last_mult = b.value;
                h = u = tn = digit = 0;
                is_digit = false;
            } else {
                adjacent = false;
            }
        }
        if (adjacent) {
            prev = b.kind;
            j++;
            natoms++;
            continue;
        }
        /* و joins the next part: attached (وعشرين) or apart (و 200) */
        size_t k = j;
        if (!b.pro && b.kind != NK_NONE)
            b = classify_conj(c, j); /* وأحد folds to واحد: read it as و+أحد here */
        if (b.pro == P_CONJ) {
            /* the atom is the token itself, without its و */
        } else if (!b.pro && is_waw(c, j) && j + 1 < send) {
            k = j + 1;
            b = classify(c, k);
            if (b.pro)
                break;
        } else {
            break;
        }
        bool empty_group = !is_digit && h == 0 && u == 0 && tn == 0;
        bool after_mult = total > 0 && empty_group;
        if (b.kind == NK_DIGIT) {
            /* مليون و200 ألف */
            if (!after_mult || b.value >= last_mult)
                break;
            /* 33 ألفا و2.5 مليون are two figures: the digits belong to a larger multiplier */
            atom m = k + 1 < send ? classify(c, k + 1) : (atom){NULL, NK_NONE, 0, 0};
            bool next_mult = !m.pro && (m.kind == NK_MULT || m.kind == NK_MULT_ACC || m.kind == NK_MULT_PLURAL);
            if ((next_mult && m.value >= last_mult) || (!next_mult && b.value != floor(b.value)))
                break;
            digit = b.value;
            is_digit = true;
        } else if (b.kind == NK_UNIT || b.kind == NK_UNIT_COMPOUND) {
            if (is_digit || u || tn || weak || !(h > 0 || after_mult))
                break;
            u = b.value;
            weak = b.kind == NK_UNIT_COMPOUND;
        } else if (b.kind == NK_TENS) {
            if (is_digit || tn || teen || !(u > 0 || h > 0 || after_mult))
                break;
            tn = b.value;
            weak = false;
        } else if (b.kind == NK_TEN) {
            if (is_digit || tn || u || weak || !(h > 0 || after_mult))
                break;
            tn = 10;
        } else if (b.kind == NK_HUNDRED) {
            if (!after_mult || b.value >= last_mult)
                break;
            h = b.value;
        } else if (b.kind == NK_MULT || b.kind == NK_MULT_DUAL) {
            double m = b.kind == NK_MULT_DUAL ? b.value / 2 : b.value;
            if (!after_mult || m >= last_mult)
                break;
            total += b.value;
            last_mult = m;
        } else if (b.kind == NK_FRACTION) {
            /* مليون ونصف */
            if (!after_mult)
                break;
            total += b.value * last_mult;
            j = k + 1;
            natoms++;
            /* ونصف المليون: the fraction may name its multiplier again */
            if (j < send) {
                atom m = classify(c, j);
                if (m.pro == P_DEF && (m.kind == NK_MULT || m.kind == NK_MULT_ACC) && m.value == last_mult)
                    j++;
            }
            break;
        } else if (b.kind == NK_MORE) {
            if (weak)
                break;
            qual = MS_Q_MORE_THAN;
            j = k + 1;
            break;
        } else {
            break;
        }
        prev = b.kind;
        j = k + 1;
        natoms++;
    }
    if (weak)
        return false;
    double value = total + (is_digit ? digit : h + u + tn);
    if (natoms == 1 && a.kind == NK_MULT_ACC && !has_tanwin(c, i))
        value = 2 * a.value; /* ألفا جندي: the construct dual */
    if (natoms == 1 && a.kind == NK_UNIT && a.value == 1) {
        /* واحد: "each one" (كل واحد), "one of the most" (واحد من أهم), "the one" */
        if (def)
            return false;
        if (i > first_sent && tok_eq(c, i - 1, "\xD9\x83\xD9\x84", 4)) /* كل */
            return false;
        if (j + 1 < send && tok_eq(c, j, "\xD9\x85\xD9\x86", 4) && looks_elative(c, j + 1)) /* من */
            return false;
    }
    *r = (numres){.end = j, .value = value, .low = value, .high = value, .base = base, .mult = mult,
                  .def = def, .qual = qual};
    return true;
}

static bool parse_number(const ctx *c, size_t i, size_t send, numres *r)
{
    return parse_number_at(c, i, classify(c, i), send, r);
}

/* MARK: around the number */

static bool is_function_word(const ctx *c, size_t i)
{
    atom a = classify(c, i);
    if (a.w && ((a.w->roles & R_NOTNOUN) || a.kind != NK_NONE))
        return true;
    size_t n;
    const char *w = tok_text(c, i, &n);
    const nword *e = lookup_exact(c, w, n);
    return e && ((e->roles & R_NOTNOUN) || e->phrases >= 0 || e->kind != NK_NONE);
}

static bool noun_like(const ctx *c, size_t i)
{
    uint8_t k = c->t->tok[i].kind;
    return (k == MS_TOK_ARABIC || k == MS_TOK_LATIN) && !is_function_word(c, i);
}

/* The counted noun after a number ending at e: the next word, or the word
 * after من (اثنين من الرهائن). */
static uint32_t noun_after(const ctx *c, size_t e, size_t send)
{
    if (e >= send)
        return UINT32_MAX;
    if (tok_eq(c, e, "\xD9\x85\xD9\x86", 4)) { /* من */
        if (e + 1 < send && noun_like(c, e + 1))
            return (uint32_t)(e + 1);
        return UINT32_MAX;
    }
    return noun_like(c, e) ? (uint32_t)e : UINT32_MAX;
}

/* الرهائن الثلاثة: a definite number word follows its definite noun. */
static uint32_t noun_before(const ctx *c, size_t i, size_t first)
{
    if (i <= first)
        return UINT32_MAX;
    size_t n;
    const char *w = tok_text(c, i - 1, &n);
    const ms_token *k = &c->t->tok[i - 1];
    bool definite = (k->pro & MS_PRO_AL) || (n > 4 && at(w, AR_ALEF) && at(w + 2, AR_LAM));
    return definite && noun_like(c, i - 1) ? (uint32_t)(i - 1) : UINT32_MAX;
}

/* A percent marker right after a number: %, في المئة, بالمئة. Returns its end. */
static size_t percent_after(const ctx *c, size_t e, size_t send)
{
    if (e >= send)
        return 0;
    size_t n, end;
    const char *w = tok_text(c, e, &n);
    const nword *x = lookup_exact(c, w, n);
    if (x && x->kind == NK_PERCENT)
        return e + 1;
    if (phrase_at(c, x, e, send, PH_PERCENT, -1, &end))
        return end;
    return 0;
}

/* The second bound of a range joined by one of a phrase's connectors at e. */
static bool range_second(const ctx *c, const nphrase *p, size_t e, size_t send, numres *hi)
{
    if (e >= send)
        return false;
    for (size_t k = 0; k < p->nconn; k++) {
        const char *cw = c->nt->pool.s + p->conn[k];
        size_t cl = p->connl[k];
        if (tok_eq(c, e, cw, cl)) {
            if (e + 1 < send && parse_number(c, e + 1, send, hi) && !hi->vague)
                return true;
        } else if (cl == 2 && c->t->tok[e].kind == MS_TOK_ARABIC) {
            /* a one-letter connector written on the number: و20 is two tokens, وعشرين one */
            size_t n;
            const char *w = tok_text(c, e, &n);
            if (n > 2 && memcmp(w, cw, 2) == 0) {
                atom a = classify(c, e);
                if (a.pro == P_CONJ && parse_number(c, e, send, hi) && !hi->vague)
                    return true;
            }
        }
    }
    return false;
}

/* بين 20 و30 ألفا: the multiplier of the upper bound applies to the lower. */
static void range_fix(numres *lo, const numres *hi)
{
    if (hi->mult && !lo->mult && lo->value > 0 && lo->value <= hi->base)
        lo->value = lo->low = lo->high = lo->value * hi->mult;
}

static bool push(msvec *out, const ms_text *t, size_t first, size_t end, double value, double low, double high,
                 uint8_t qual, bool has_value, bool dual, uint32_t noun)
{
    ms_number *n = msvec_push(out);
    if (!n)
        return false;
    n->tok_first = (uint32_t)first;
    n->tok_end = (uint32_t)end;
    n->start = t->tok[first].start;
    n->end = t->tok[end - 1].end;
    n->value = value;
    n->low = low;
    n->high = high;
    n->qualifier = qual;
    n->has_value = has_value;
    n->is_dual = dual;
    n->noun_tok = noun;
    return true;
}

/* Ends like a dual: ـتين/ـتان, or a nisba ـيان. */
static bool ends_with(const char *w, size_t n, const char *s, size_t sl)
{
    return n >= sl && !memcmp(w + n - sl, s, sl);
}

static bool dual_shaped(const char *w, size_t n)
{
    return n >= 8 && w[n - 2] == AR_NOON[0] && w[n - 1] == AR_NOON[1] && (ends_with(w, n, AR_TEH AR_YEH AR_NOON, 6) || ends_with(w, n, AR_TEH AR_ALEF AR_NOON, 6) ||
                      ends_with(w, n, AR_YEH AR_ALEF AR_NOON, 6));
}

/* An adjective agreeing with a dual: the dual shapes and the nisba ـيين. */
static bool agrees_dual(const char *w, size_t n)
{
    return dual_shaped(w, n) || ends_with(w, n, AR_YEH AR_YEH AR_NOON, 6);
}

/* The dual of a counted noun: listed nouns (أسيرين), any feminine dual
 * (رهينتين), a nisba dual in the nominative (أمريكيان). */
static bool is_dual_noun(const ctx *c, size_t i, atom a)
{
    const ms_token *k = &c->t->tok[i];
    if (k->kind != MS_TOK_ARABIC)
        return false;
    size_t n;
    const char *w = tok_text(c, i, &n);
    if (a.w)
        return (a.w->roles & R_DUAL) && !(a.w->roles & R_NODUAL) && a.kind == NK_NONE;
    if (!dual_shaped(w, n))
        return false;
    if (msmap_get(&c->tm->protect, w, n, NULL))
        return false;
    /* strip proclitics while at least five letters remain */
    size_t o = 0;
    if (n - o >= 12 && (at(w, AR_WAW) || at(w, AR_FEH)))
        o += 2;
    if (n - o >= 12 && (at(w + o, AR_BEH) || at(w + o, AR_KAF) || at(w + o, AR_LAM)) &&
        !(at(w + o, AR_LAM) && at(w + o + 2, AR_LAM)))
        o += 2;
    if (n - o >= 14 && at(w + o, AR_ALEF) && at(w + o + 2, AR_LAM))
        o += 4;
    else if (n - o >= 14 && at(w + o, AR_LAM) && at(w + o + 2, AR_LAM))
        o += 4;
    const char *s = w + o;
    size_t sn = n - o;
    if (ends_with(s, sn, AR_TEH AR_YEH AR_NOON, 6) || ends_with(s, sn, AR_TEH AR_ALEF AR_NOON, 6)) {
        /* at least two letters before ـتين; ـستان/ـستين are place and family names */
        return sn >= 10 && !at(s + sn - 8, AR_SEEN);
    }
    if (ends_with(s, sn, AR_YEH AR_ALEF AR_NOON, 6))
        return sn >= 14; /* أمريكيان, not بيان or كيان */
    return false;
}

/* MARK: the finder */

/* Numbers with no tables: digits only. */
static int digits_only(const ms_text *t, msvec *out)
{
    for (size_t i = 0; i < t->ntok; i++)
        if (t->tok[i].kind == MS_TOK_NUMBER &&
            !push(out, t, i, i + 1, t->tok[i].num, t->tok[i].num, t->tok[i].num, MS_Q_EXACT, true, false, UINT32_MAX))
            return MARSAD_ENOMEM;
    return MARSAD_OK;
}

/* A dual noun at i as the figure two; returns the token to continue from. */
static size_t dual_at(const ctx *c, size_t i, atom a, size_t send, msvec *out, bool *oom)
{
    const ms_text *t = c->t;
    if (!is_dual_noun(c, i, a))
        return i + 1;
    size_t j = i + 1, dend = i + 1;
    /* رهينتين اثنتين: the number word repeats the dual */
    if (j < send) {
        atom b = classify(c, j);
        if (b.kind == NK_UNIT && b.value == 2 && !(b.pro & ~P_DEF))
            dend = j = j + 1;
    }
    if (!push(out, t, i, dend, 2, 2, 2, MS_Q_EXACT, true, true, (uint32_t)i))
        *oom = true;
    /* رهينتين أميركيتين: adjectives agree in the dual; a new noun starts with و */
    while (j < send && t->tok[j].kind == MS_TOK_ARABIC) {
        size_t n;
        const char *w = tok_text(c, j, &n);
        if (!agrees_dual(w, n) || at(w, AR_WAW))
            break;
        j++;
    }
    return j;
}

/* Try to read a figure at token i (a: what it is as a word); returns the
 * token to continue from (i+1 if none). */
static size_t figure_at(const ctx *c, size_t i, atom a, msvec *out, bool *oom)
{
    const ms_text *t = c->t;
    const ms_token *k = &t->tok[i];
    size_t first = t->sent ? t->sent[k->sent].tok_first : 0;
    size_t send = t->sent ? t->sent[k->sent].tok_end : t->ntok;
    size_t start = i, nstart = i;
    uint8_t qual = MS_Q_EXACT;
    const nphrase *opener = NULL;
    uint32_t noun = UINT32_MAX;

    if (k->kind == MS_TOK_ARABIC) {
        if (!a.w)
            return dual_at(c, i, a, send, out, oom);
        if (a.kind == NK_IGNORE)
            return i + 1;
        size_t pend;
        const nphrase *p;
        /* a qualifier never takes the article: سفر الحوالي is a name */
        bool art = (a.pro & P_DEF) != 0;
        if (!art && a.w->phrases >= 0 && (p = phrase_at(c, a.w, i, send, PH_QUAL, POS_BEFORE, &pend)) &&
            pend < send) {
            qual = p->qual;
            opener = p->qual == MS_Q_RANGE ? p : NULL;
            nstart = pend;
        } else if (!art && a.w->phrases >= 0 && (p = phrase_at(c, a.w, i, send, PH_VAGUE, -1, &pend))) {
            uint32_t nn = noun_after(c, pend, send);
            if (!push(out, t, i, pend, p->low, p->low, p->high, MS_Q_VAGUE, false, false, nn))
                *oom = true;
            return nn != UINT32_MAX ? nn + 1 : pend;
        }
        if (nstart == i && !is_number_kind(a.kind))
            return dual_at(c, i, a, send, out, oom);
    } else if (k->kind == MS_TOK_PUNCT) {
        /* %50: the sign typed before the number */
        if (!(is_percent_sign(c, i) && i + 1 < send && t->tok[i + 1].kind == MS_TOK_NUMBER &&
              !t->tok[i + 1].space_before))
            return i + 1;
    } else if (k->kind != MS_TOK_NUMBER) {
        return i + 1;
    }

    /* a percent sign before the number (%50), after any qualifier */
    size_t lead_pct = SIZE_MAX;
    if (nstart + 1 < send && t->tok[nstart].kind == MS_TOK_PUNCT && is_percent_sign(c, nstart) &&
        t->tok[nstart + 1].kind == MS_TOK_NUMBER && !t->tok[nstart + 1].space_before) {
        lead_pct = nstart;
        nstart++;
    }
    numres r;
    if (!(nstart == i ? parse_number_at(c, i, a, send, &r) : parse_number(c, nstart, send, &r))) {
        if (nstart != i)
            return i + 1; /* the qualifier was not followed by a number; look at the next token */
        return dual_at(c, i, a, send, out, oom);
    }
    if (r.vague) {
        /* a vague quantity takes no qualifier (أكثر من عشرات is still dozens) */
        noun = noun_after(c, r.end, send);
        if (!push(out, t, nstart, r.end, r.low, r.low, r.high, MS_Q_VAGUE, false, false, noun))
            *oom = true;
        return noun != UINT32_MAX && noun >= r.end ? noun + 1 : r.end;
    }
    size_t end = r.end;
    double value = r.value, low = r.value, high = r.value;
    if (r.qual != MS_Q_EXACT && qual == MS_Q_EXACT)
        qual = r.qual;

    /* ranges: بين 10 و20, من 10 إلى 20, 3 أو 4, 10-20 */
    numres hi;
    if (opener) {
        if (range_second(c, opener, end, send, &hi) && hi.value > r.value) {
            range_fix(&r, &hi);
            value = low = r.value;
            high = hi.value;
            end = hi.end;
        } else {
            /* "من 10" alone: the opener is not part of the figure */
            start = nstart;
            qual = MS_Q_EXACT;
        }
    } else if (end + 1 < send && lead_pct == SIZE_MAX) {
        size_t pend;
        const nphrase *p = phrase_at(c, entry_exact(c, end), end, send, PH_QUAL, POS_BETWEEN, &pend);
        bool punct = t->tok[end].kind == MS_TOK_PUNCT;
        if (p && pend < send && (!punct || (!t->tok[end].space_before && !t->tok[pend].space_before &&
                                            t->tok[pend].kind == MS_TOK_NUMBER && k->kind == MS_TOK_NUMBER)) &&
            parse_number(c, pend, send, &hi) && !hi.vague && hi.value > r.value &&
            /* bounds of one range are of one size: not عام 2016 إلى 13.4 مليار */
            (hi.value <= 100 * r.value || (hi.mult && r.value <= hi.base)) &&
            /* 10-12-2023 is a date, not a range */
            !(punct && ((hi.end + 1 < send && glued_number(c, hi.end, hi.end + 1)) ||
                        (nstart >= first + 2 && glued_number(c, nstart - 1, nstart - 2))))) {
            range_fix(&r, &hi);
            value = low = r.value;
            high = hi.value;
            end = hi.end;
            qual = MS_Q_RANGE;
        }
    }
    if (lead_pct != SIZE_MAX) {
        noun = (uint32_t)lead_pct;
        if (start == lead_pct + 1)
            start = lead_pct;
    }
    size_t pct;
    if (noun == UINT32_MAX && (pct = percent_after(c, end, send))) {
        noun = (uint32_t)end;
        end = pct;
    }
    if (noun == UINT32_MAX) {
        noun = noun_after(c, end, send);
        if (r.def && noun == UINT32_MAX)
            noun = noun_before(c, nstart, first);
    }
    /* qualifiers after the number or its noun: 50 على الأقل, 50 قتيلا تقريبا */
    if (qual == MS_Q_EXACT) {
        size_t cands[3] = {end, SIZE_MAX, SIZE_MAX};
        if (noun != UINT32_MAX && noun >= end) {
            cands[1] = noun + 1;
            if (noun + 2 < send && t->tok[noun + 1].kind == MS_TOK_ARABIC && noun_like(c, noun + 1))
                cands[2] = noun + 2;
        }
        for (size_t q = 0; q < 3; q++) {
            size_t pend;
            const nphrase *p;
            if (cands[q] < send &&
                (p = phrase_at(c, entry_exact(c, cands[q]), cands[q], send, PH_QUAL, POS_AFTER, &pend))) {
                qual = p->qual;
                end = pend;
                break;
            }
        }
    }
    if (!push(out, t, start, end, value, low, high, qual, true, false, noun))
        *oom = true;
    return noun != UINT32_MAX && noun >= end ? noun + 1 : end;

}

bool ms_number_may_start(const ms_textmodel *tm, const char *w, size_t n)
{
    if (!tm || !tm->num)
        return false;
    ctx c = {tm->num, tm, NULL};
    return could_start(&c, w, n) || dual_shaped(w, n);
}

uint16_t ms_number_word(const ms_textmodel *tm, const char *w, size_t n, uint8_t *pro)
{
    *pro = 0;
    if (!tm || !tm->num)
        return 0;
    ctx c = {tm->num, tm, NULL};
    const nword *e = lookup_stripped(&c, w, n, pro);
    if (!e)
        return 0;
    size_t idx = (size_t)(e - &MSVEC_AT(&tm->num->words, nword, 0));
    return idx + 1 < MS_NUM_WORD_ASK ? (uint16_t)(idx + 1) : MS_NUM_WORD_ASK;
}

int ms_find_numbers(const ms_textmodel *tm, const ms_text *t, msvec *out)
{
    if (!tm || !tm->num)
        return digits_only(t, out);
    ctx c = {tm->num, tm, t};
    bool oom = false;
    for (size_t i = 0; i < t->ntok && !oom;) {
        uint8_t kind = t->tok[i].kind;
        if (kind == MS_TOK_ARABIC) {
            /* the cheap test first: could this token start anything we know? */
            size_t n;
            const char *w = tok_text(&c, i, &n);
            uint8_t wf = t->tok[i].wflags;
            if (wf & MS_WF_SET ? !(wf & MS_WF_NUM) : !could_start(&c, w, n) && !dual_shaped(w, n)) {
                i++;
                continue;
            }
        } else if (kind != MS_TOK_NUMBER && kind != MS_TOK_PUNCT) {
            i++;
            continue;
        } else if (kind == MS_TOK_PUNCT && !(i + 1 < t->ntok && t->tok[i + 1].kind == MS_TOK_NUMBER &&
                                             !t->tok[i + 1].space_before && is_percent_sign(&c, i))) {
            i++;
            continue;
        }
        size_t next = figure_at(&c, i, classify(&c, i), out, &oom);
        i = next > i ? next : i + 1;
    }
    return oom ? MARSAD_ENOMEM : MARSAD_OK;
}
