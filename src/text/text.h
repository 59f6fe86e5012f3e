/* text.h — the Arabic text layer: normalization with an offset map,
 * tokenization, sentence splitting, clitic segmentation, light stems,
 * numbers and dates. Internal to libmarsad.
 *
 * Everything points into the original text by byte offsets (spans); the
 * normalized text is a matching aid, never output on its own. */
#ifndef MARSAD_TEXT_H
#define MARSAD_TEXT_H

#include "util/util.h"

struct ms_lexicon;          /* lexicon/lexicon.h */
typedef struct ms_textmodel ms_textmodel; /* immutable tables of the text layer */

/* MARK: normalization */

/* Normalized text plus, for every normalized byte, the byte offset in the
 * original where the character it came from starts. map[len] == original
 * length, so a normalized span [a,b) maps to original [map[a], map[b]).
 * The text is followed by MS_NORM_PAD zero bytes and a NUL, so that it may
 * be read 16 bytes at a time. */
#define MS_NORM_PAD 16

/* ms_token.num_word when the number word was not kept with the word: the
 * figures look it up themselves */
#define MS_NUM_WORD_ASK UINT16_MAX
typedef struct ms_norm {
    char *text;
    size_t len;
    uint32_t *map;
    size_t invalid;     /* invalid UTF-8 sequences met (each became U+FFFD) */
} ms_norm;

int ms_normalize(const char *src, size_t len, unsigned flags, ms_norm *out);
/* The same one character at a time, without the vector steps: the
 * reference the fast path is checked against. */
int ms_normalize_scalar(const char *src, size_t len, unsigned flags, ms_norm *out);
void ms_norm_free(ms_norm *n);
/* Normalize a short string for dictionary use (all flags); caller frees. */
char *ms_normalize_word(const char *s, size_t len, size_t *out_len);

/* MARK: tokens */

typedef enum ms_tokkind {
    MS_TOK_ARABIC = 0,
    MS_TOK_LATIN,
    MS_TOK_NUMBER,
    MS_TOK_PUNCT,
    MS_TOK_URL,
    MS_TOK_HANDLE,
    MS_TOK_HASHTAG,
    MS_TOK_OTHER
} ms_tokkind;

/* Proclitic flags (segmentation). */
enum {
    MS_PRO_W = 1u << 0,   /* و conjunction */
    MS_PRO_F = 1u << 1,   /* ف conjunction */
    MS_PRO_B = 1u << 2,   /* ب preposition */
    MS_PRO_L = 1u << 3,   /* ل preposition */
    MS_PRO_K = 1u << 4,   /* ك preposition */
    MS_PRO_S = 1u << 5,   /* س future */
    MS_PRO_AL = 1u << 6   /* ال article */
};

/* Word flags (ms_token.wflags): cheap tests of the word alone that later
 * stages would otherwise repeat for every occurrence. */
enum {
    MS_WF_SET = 1u << 0,    /* the flags below were worked out */
    MS_WF_DATE = 1u << 1,   /* a key a date expression may start with */
    MS_WF_NUM = 1u << 2     /* may start a figure */
};

typedef struct ms_token {
    uint32_t start, end;    /* span in the original text */
    uint32_t nstart, nend;  /* span in the normalized text */
    uint32_t sent;          /* sentence index */
    uint8_t kind;           /* ms_tokkind */
    uint8_t pro;            /* MS_PRO_* of the chosen segmentation */
    uint8_t pro_len;        /* bytes of proclitics at the start of the normalized form */
    uint8_t enc_len;        /* bytes of the enclitic pronoun at the end */
    uint8_t space_before;   /* whitespace precedes the token */
    uint8_t newline_before; /* a line break precedes the token */
    uint8_t wflags;         /* MS_WF_*: what the word may start, worked out with its segmentation */
    /* with MS_WF_SET: the number-word entry the word is (entry + 1, 0 for
     * none, MS_NUM_WORD_ASK when not kept), and the proclitics stripped to
     * find it (text/numbers.c) */
    uint8_t num_pro;
    uint16_t num_word;
    double num;             /* MS_TOK_NUMBER: its value */
} ms_token;

typedef struct ms_sentence {
    uint32_t start, end;        /* span in the original text */
    uint32_t tok_first, tok_end;/* tokens [tok_first, tok_end) */
} ms_sentence;

typedef struct ms_text {
    const char *src;        /* original text (not owned) */
    size_t src_len;
    ms_norm norm;
    ms_token *tok;
    size_t ntok;
    ms_sentence *sent;
    size_t nsent;
    /* the forms of each token (3 per token) as word ids of a lexicon's
     * vocabulary, filled by ms_dict_bind (lexicon/dict.h); NULL until then */
    uint32_t *wid;
    /* ms_hash of each Arabic and Latin token's normalized form (others: 0),
     * kept from segmentation when it ran with a cache; else NULL */
    uint64_t *hash;
} ms_text;

/* Sets of each word cache below: 64k words in 2 MiB, the working
 * vocabulary of a news stream. */
#define MS_TEXTCACHE_SETS (1u << 15)

/* Per-thread state kept from one text to the next (a marsad_worker holds
 * one): what was worked out for the words already seen. Results never
 * depend on it, only the time they take. */
typedef struct ms_textcache {
    ms_wcache seg;   /* normalized word -> pro | pro_len << 8 | enc_len << 16 | wflags << 24 |
                      * num_pro << 32 | num_word << 40 */
    ms_wcache wid;   /* normalized word -> its forms' vocabulary ids (ms_dict_bind) */
} ms_textcache;

bool ms_textcache_init(ms_textcache *c);
void ms_textcache_free(ms_textcache *c);

/* Normalize, tokenize, split sentences and segment clitics. `tm` supplies
 * the word lists segmentation is validated against (may be NULL: then only
 * the unambiguous article combinations are split). */
int ms_text_analyze(const ms_textmodel *tm, const char *src, size_t len, unsigned flags,
                    ms_text *out);
/* The same with a per-thread cache (may be NULL). */
int ms_text_analyze_cached(const ms_textmodel *tm, ms_textcache *cache, const char *src, size_t len,
                           unsigned flags, ms_text *out);
void ms_text_free(ms_text *t);

/* The normalized form of a token, whole or without clitics. */
static inline const char *ms_tok_norm(const ms_text *t, const ms_token *k, size_t *n)
{
    *n = k->nend - k->nstart;
    return t->norm.text + k->nstart;
}
/* The stem: without proclitics (article included) and enclitic. */
static inline const char *ms_tok_stem(const ms_text *t, const ms_token *k, size_t *n)
{
    *n = (size_t)(k->nend - k->nstart) - k->pro_len - k->enc_len;
    return t->norm.text + k->nstart + k->pro_len;
}
/* Does the original write the token's last letter ة (the normalized form
 * has ه for both)? For an Arabic token. */
static inline bool ms_tok_ends_in_ta_marbuta(const ms_text *t, const ms_token *k)
{
    const char *last = t->src + t->norm.map[k->nend - 2];
    return last[0] == '\xD8' && last[1] == '\xA9';
}
/* Equal to a NUL-terminated normalized word? */
bool ms_tok_is(const ms_text *t, const ms_token *k, const char *word);
bool ms_tok_stem_is(const ms_text *t, const ms_token *k, const char *word);

/* Light stem (Snowball Arabic) of a token's stem, into buf; returns length. */
size_t ms_light_stem(const ms_textmodel *tm, void *stemmer, const char *w, size_t n,
                     char *buf, size_t cap);

/* MARK: numbers */

typedef enum ms_qualifier {
    MS_Q_EXACT = 0,
    MS_Q_APPROX,
    MS_Q_MORE_THAN,
    MS_Q_LESS_THAN,
    MS_Q_AT_LEAST,
    MS_Q_AT_MOST,
    MS_Q_RANGE,
    MS_Q_VAGUE
} ms_qualifier;

const char *ms_qualifier_name(int q);

typedef struct ms_number {
    uint32_t tok_first, tok_end;  /* tokens covered, qualifier included */
    uint32_t start, end;          /* original span */
    double value;                 /* exact or central value; for vague: low */
    double low, high;             /* for RANGE / VAGUE; equal to value otherwise */
    uint8_t qualifier;            /* ms_qualifier */
    uint8_t is_dual;              /* the value came from a dual noun (رهينتين) */
    uint8_t has_value;            /* 0 for vague quantities (عشرات) */
    uint32_t noun_tok;            /* token of the counted noun, or UINT32_MAX */
} ms_number;

/* Find every number in the text. Results are appended to `out` (ms_number). */
int ms_find_numbers(const ms_textmodel *tm, const ms_text *t, msvec *out);

/* MARK: dates */

typedef enum ms_precision { MS_PREC_DAY = 0, MS_PREC_MONTH, MS_PREC_YEAR } ms_precision;

typedef struct ms_date {
    uint32_t tok_first, tok_end;
    uint32_t start, end;        /* original span */
    int year, month, day;       /* resolved Gregorian date; month/day 0 when unknown */
    uint8_t precision;          /* ms_precision */
    uint8_t relative;           /* resolved from a relative expression */
    uint8_t hijri;              /* written in the Hijri calendar */
    uint8_t weekday;            /* 1=Monday … 7=Sunday when a weekday word was part of it, else 0 */
    uint8_t year_inferred;      /* year missing in the text, taken from the reference */
} ms_date;

/* A calendar date; 0 fields = unknown. */
typedef struct ms_ymd { int y, m, d; } ms_ymd;

/* Parse "YYYY-MM-DD" (more may follow). */
bool ms_ymd_parse(const char *s, ms_ymd *out);
/* Day of week, 1=Monday … 7=Sunday. */
int ms_weekday(int y, int m, int d);
/* Add days to a date. */
ms_ymd ms_ymd_add(ms_ymd a, int days);

/* Find every date expression; relative ones resolve against `ref` (may have
 * y == 0: then relative expressions are skipped). Appends ms_date to out. */
int ms_find_dates(const ms_textmodel *tm, const ms_text *t, ms_ymd ref, msvec *out);
/* Only the dates a text states in full, without a reference; *today_wd (may
 * be NULL) gets the weekday the text names as today ("اليوم الجمعة": 5),
 * 1=Monday … 7=Sunday, or 0. */
int ms_find_explicit_dates(const ms_textmodel *tm, const ms_text *t, msvec *out, int *today_wd);

/* Parse a metadata date string (ISO 8601, RFC 822 "Mon, 16 Apr 2018 15:14:28 GMT",
 * "9th, October 2023 GMT", Arabic "منشور الاثنين 10 يونيو 2024") into out. */
bool ms_parse_meta_date(const ms_textmodel *tm, const char *s, ms_ymd *out);

/* MARK: the text model */

/* Build from the compiled tables. */
ms_textmodel *ms_textmodel_new(marsad_error *err);
void ms_textmodel_free(ms_textmodel *tm);
/* Add words that must be known to segmentation (actor names, triggers). */
int ms_textmodel_add_word(ms_textmodel *tm, const char *normalized, size_t n);
bool ms_textmodel_knows(const ms_textmodel *tm, const char *normalized, size_t n);

#endif
