/* tokenize.c — tokens and sentences over the normalized text.
 *
 * Tokens: Arabic words, Latin words, numbers (thousands separators and
 * decimals), punctuation, URLs, @handles, #hashtags. Sentences end at
 * . ! ? ؟ … ؛ and at line breaks; a terminator inside an open quotation does
 * not end the sentence (quotes stay balanced), nor does the dot of an
 * abbreviation or of an ellipsis inside brackets. */
#include <stdlib.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "text/text.h"
#include "text/textmodel.h"

static inline bool is_arabic_letter(uint32_t c)
{
    /* the common case first: U+0621–U+065F but for U+063B–U+063F */
    if (c - 0x0621 < 0x3F)
        return c - 0x063B >= 5;
    return (c >= 0x0621 && c <= 0x063A) || (c >= 0x0641 && c <= 0x064A) || (c >= 0x066E && c <= 0x066F) ||
           (c >= 0x0671 && c <= 0x06D3) || c == 0x06D5 || (c >= 0x06EE && c <= 0x06EF) ||
           (c >= 0x06FA && c <= 0x06FC) || c == 0x06FF || (c >= 0x0750 && c <= 0x077F) ||
           (c >= 0x08A0 && c <= 0x08C7) || (c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640;
}

static bool is_alpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static bool is_alnum(unsigned char c) { return is_alpha(c) || is_digit(c); }

static uint32_t cp_at(const char *s, size_t n, size_t i, size_t *k)
{
    uint32_t c;
    *k = ms_utf8_decode((const unsigned char *)s + i, n - i, &c, NULL);
    return c;
}

static bool is_space_cp(uint32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/* Length of a URL starting at i, 0 if none. */
static size_t url_len(const char *s, size_t n, size_t i)
{
    size_t j = i;
    while (j < n && (unsigned char)s[j] > 0x20 && (unsigned char)s[j] < 0x7F && s[j] != '"' && s[j] != '<' &&
           s[j] != '>' && s[j] != '(' && s[j] != ')')
        j++;
    size_t len = j - i;
    if (len < 4)
        return 0;
    const char *p = s + i;
    bool ok = (len > 7 && (!strncmp(p, "http://", 7) || !strncmp(p, "https://", 8))) ||
              (len > 4 && !strncmp(p, "www.", 4));
    if (!ok) {
        /* host.tld[/path]: labels of letters/digits/hyphens, a last label of >= 2 letters */
        size_t k = 0, dots = 0, label = 0, last_alpha = 0;
        while (k < len && p[k] != '/') {
            if (p[k] == '.') {
                if (!label)
                    return 0;
                dots++;
                label = 0;
                last_alpha = 0;
            } else if (is_alnum((unsigned char)p[k]) || p[k] == '-') {
                label++;
                last_alpha = is_alpha((unsigned char)p[k]) ? last_alpha + 1 : 0;
                if (!is_alpha((unsigned char)p[k]))
                    last_alpha = 0;
            } else {
                return 0;
            }
            k++;
        }
        if (!dots || last_alpha < 2 || last_alpha != label)
            return 0;
        /* a known-looking top-level domain, or a path follows */
        const char *tld = p + k - last_alpha;
        static const char *const tlds[] = {"com", "org", "net", "gov", "edu", "info", "news", "int", "io",
                                           "co", "uk", "tv", "me", "ly", "ps", "qa", "ae", "sa", "eg", "lb",
                                           "sy", "iq", "jo", "ma", "tn", "dz", "ir", "tr", "il", "fr", "de", "ru"};
        bool tld_ok = k < len;
        for (size_t t = 0; !tld_ok && t < MS_ARRAY_LEN(tlds); t++)
            tld_ok = strlen(tlds[t]) == last_alpha && ms_ascii_ieq(tld, tlds[t], last_alpha);
        if (!tld_ok)
            return 0;
    }
    /* trailing punctuation belongs to the sentence */
    while (len && strchr(".,;:!?'\"", p[len - 1]))
        len--;
    return len;
}

static bool push_tok(msvec *v, ms_tokkind kind, size_t a, size_t b, bool sp, bool nl)
{
    ms_token *t = msvec_push_raw(v);
    if (!t)
        return false;
    *t = (ms_token){.nstart = (uint32_t)a, .nend = (uint32_t)b, .kind = (uint8_t)kind, .space_before = sp,
                    .newline_before = nl};
    return true;
}

static double parse_number(const char *s, size_t n)
{
    char buf[64];
    size_t o = 0;
    for (size_t i = 0; i < n && o + 1 < sizeof buf; i++)
        if (s[i] != ',')
            buf[o++] = s[i];
    buf[o] = 0;
    return strtod(buf, NULL);
}

#if defined(__SSE2__)
/* How many bytes of the 16 at s are whole letters of U+0621–U+063A and
 * U+0640–U+065F, from the first on (an even number). */
static inline size_t arabic_run16(const unsigned char *s)
{
    const __m128i v = _mm_loadu_si128((const __m128i *)s);
    const __m128i prev = _mm_slli_si128(v, 1);
    /* with the sign bit flipped, unsigned order becomes signed order */
    const __m128i b = _mm_xor_si128(v, _mm_set1_epi8((char)0x80));
    const __m128i d8_row = _mm_and_si128(_mm_cmpeq_epi8(prev, _mm_set1_epi8((char)0xD8)),
                                         _mm_and_si128(_mm_cmpgt_epi8(b, _mm_set1_epi8(0x20)),
                                                       _mm_cmplt_epi8(b, _mm_set1_epi8(0x3B))));
    const __m128i d9_row = _mm_and_si128(_mm_cmpeq_epi8(prev, _mm_set1_epi8((char)0xD9)),
                                         _mm_and_si128(_mm_cmpgt_epi8(b, _mm_set1_epi8(-1)),
                                                       _mm_cmplt_epi8(b, _mm_set1_epi8(0x20))));
    /* bit 2k + 1: the second byte of letter k fits the first */
    unsigned t = (unsigned)_mm_movemask_epi8(_mm_or_si128(d8_row, d9_row));
    /* bit 2k: letter k is whole; odd bits set, so the first clear bit is even */
    return (size_t)__builtin_ctz(~((t >> 1) | 0xAAAAu));
}
#endif

static int tokenize(const char *s, size_t n, msvec *toks)
{
    size_t i = 0;
    bool sp = true, nl = true;
    while (i < n) {
        size_t k;
        uint32_t c = cp_at(s, n, i, &k);
        if (is_space_cp(c)) {
            sp = true;
            if (c == '\n' || c == '\r' || c == '\f' || c == '\v')
                nl = true;
            i += k;
            continue;
        }
        size_t a = i;
        ms_tokkind kind;
        if (is_arabic_letter(c)) {
            /* the letters of U+0621–U+065F, two bytes each, without decoding */
            i += k;
#if defined(__SSE2__)
            /* sixteen bytes at a time: the normalized text is followed by
             * zero bytes (MS_NORM_PAD), where a run ends */
            for (;;) {
                size_t r = arabic_run16((const unsigned char *)s + i);
                i += r;
                if (r < 16)
                    break;
            }
#else
            while (i + 1 < n) {
                /* the two bytes as one number less D8 A1: U+0621–U+063A
                 * (D8 A1–D8 BA) are 0x00–0x19, U+0640–U+065F (D9 80–D9 9F)
                 * 0xDF–0xFE; a bit table answers for both rows at once (their
                 * letters alternate in every word) */
                static const uint64_t letters[4] = {(1ULL << 0x1A) - 1, 0, 0, ((1ULL << 0x20) - 1) << 0x1F};
                unsigned x = ((unsigned)(unsigned char)s[i] << 8 | (unsigned char)s[i + 1]) - 0xD8A1u;
                if (x >= 0x100 || !(letters[x >> 6] >> (x & 63) & 1))
                    break;
                i += 2;
            }
#endif
            while (i < n && (unsigned char)s[i] >= 0x80) {
                c = cp_at(s, n, i, &k);
                if (!is_arabic_letter(c))
                    break;
                i += k;
            }
            kind = MS_TOK_ARABIC;
        } else if (is_digit((unsigned char)s[i])) {
            i++;
            while (i < n && is_digit((unsigned char)s[i]))
                i++;
            /* thousands groups: ,ddd (exactly three digits each) */
            while (i + 3 < n + 0 && s[i] == ',' && is_digit((unsigned char)s[i + 1]) &&
                   is_digit((unsigned char)s[i + 2]) && is_digit((unsigned char)s[i + 3]) &&
                   (i + 4 >= n || !is_digit((unsigned char)s[i + 4])))
                i += 4;
            if (i + 1 < n && s[i] == '.' && is_digit((unsigned char)s[i + 1])) {
                i++;
                while (i < n && is_digit((unsigned char)s[i]))
                    i++;
            }
            kind = MS_TOK_NUMBER;
        } else if (c == '@' && i + 1 < n && (is_alnum((unsigned char)s[i + 1]) || s[i + 1] == '_')) {
            i++;
            while (i < n && (is_alnum((unsigned char)s[i]) || s[i] == '_'))
                i++;
            kind = MS_TOK_HANDLE;
        } else if (c == '#' && i + 1 < n) {
            size_t j = i + 1;
            while (j < n) {
                size_t k2;
                uint32_t c2 = cp_at(s, n, j, &k2);
                if (!(is_arabic_letter(c2) || is_alnum((unsigned char)s[j]) || c2 == '_'))
                    break;
                j += k2;
            }
            if (j == i + 1) {
                i += k;
                kind = MS_TOK_PUNCT;
            } else {
                i = j;
                kind = MS_TOK_HASHTAG;
            }
        } else if (is_alpha((unsigned char)s[i]) && (k = url_len(s, n, i)) > 0) {
            i += k;
            kind = MS_TOK_URL;
        } else if (is_alpha((unsigned char)s[i])) {
            while (i < n && (is_alnum((unsigned char)s[i]) ||
                             ((s[i] == '\'' || s[i] == '-') && i + 1 < n && is_alpha((unsigned char)s[i + 1]) &&
                              is_alpha((unsigned char)s[i - 1]))))
                i++;
            kind = MS_TOK_LATIN;
        } else if (c == '.' && i + 2 < n && s[i + 1] == '.' && s[i + 2] == '.') {
            i += 3;
            while (i < n && s[i] == '.')
                i++;
            kind = MS_TOK_PUNCT;
        } else {
            i += k;
            bool punct = c < 0x80 ? (c > 0x20 && c < 0x7F) :
                         (c == 0x060C || c == 0x061B || c == 0x061F || c == 0x066A || c == 0x06D4 ||
                          c == 0x00AB || c == 0x00BB || (c >= 0x2010 && c <= 0x2027) || c == 0x2039 ||
                          c == 0x203A || c == 0x2E2E || c == 0xFD3E || c == 0xFD3F);
            kind = punct ? MS_TOK_PUNCT : MS_TOK_OTHER;
        }
        if (!push_tok(toks, kind, a, i, sp, nl))
            return MARSAD_ENOMEM;
        if (kind == MS_TOK_NUMBER) {
            ms_token *t = &MSVEC_AT(toks, ms_token, toks->n - 1);
            t->num = parse_number(s + a, i - a);
        }
        sp = nl = false;
    }
    return MARSAD_OK;
}

static bool tok_eq(const ms_text *t, const ms_token *k, const char *w)
{
    size_t n = strlen(w);
    return k->nend - k->nstart == n && memcmp(t->norm.text + k->nstart, w, n) == 0;
}

bool ms_tok_is(const ms_text *t, const ms_token *k, const char *word) { return tok_eq(t, k, word); }

bool ms_tok_stem_is(const ms_text *t, const ms_token *k, const char *word)
{
    size_t n;
    const char *s = ms_tok_stem(t, k, &n);
    return strlen(word) == n && memcmp(s, word, n) == 0;
}

enum { Q_NONE, Q_OPEN, Q_CLOSE, Q_TOGGLE };

static int quote_kind(const ms_text *t, const ms_token *k)
{
    if (k->kind != MS_TOK_PUNCT)
        return Q_NONE;
    if (tok_eq(t, k, "\xC2\xAB") || tok_eq(t, k, "\xE2\x80\x9C"))   /* « “ */
        return Q_OPEN;
    if (tok_eq(t, k, "\xC2\xBB") || tok_eq(t, k, "\xE2\x80\x9D"))   /* » ” */
        return Q_CLOSE;
    if (tok_eq(t, k, "\""))
        return Q_TOGGLE;
    return Q_NONE;
}

static bool is_terminator(const ms_text *t, const ms_token *k)
{
    if (k->kind != MS_TOK_PUNCT)
        return false;
    return tok_eq(t, k, ".") || tok_eq(t, k, "!") || tok_eq(t, k, "?") || tok_eq(t, k, "\xD8\x9F") /* ؟ */ ||
           tok_eq(t, k, "\xE2\x80\xA6") /* … */ || tok_eq(t, k, "\xD8\x9B") /* ؛ */ ||
           tok_eq(t, k, "\xDB\x94") /* ۔ */ || (k->nend - k->nstart >= 3 && t->norm.text[k->nstart] == '.');
}

static bool is_closer(const ms_text *t, const ms_token *k)
{
    return k->kind == MS_TOK_PUNCT && (tok_eq(t, k, ")") || tok_eq(t, k, "]") || quote_kind(t, k) == Q_CLOSE);
}

/* A dot that ends an abbreviation, an initial, or an ellipsis inside brackets. */
static bool dot_is_not_final(const ms_textmodel *tm, const ms_text *t, size_t i)
{
    const ms_token *k = &t->tok[i];
    if (!tok_eq(t, k, ".") && !(k->nend - k->nstart >= 3 && t->norm.text[k->nstart] == '.'))
        return false;
    if (i + 1 < t->ntok && tok_eq(t, &t->tok[i + 1], ")"))
        return true;
    if (!tok_eq(t, k, ".") || i == 0 || t->tok[i].space_before)
        return false;
    const ms_token *p = &t->tok[i - 1];
    size_t n = p->nend - p->nstart;
    const char *w = t->norm.text + p->nstart;
    if (p->kind == MS_TOK_LATIN && n == 1)
        return true; /* initials: J. Smith, U.S. */
    if (p->kind == MS_TOK_ARABIC && n == 2 && (i + 1 >= t->ntok || !t->tok[i + 1].newline_before))
        return true; /* a single Arabic letter: د. م. أ. */
    return tm && ms_textmodel_is_abbrev(tm, w, n);
}

static int split_sentences(const ms_textmodel *tm, ms_text *t)
{
    msvec v;
    msvec_init(&v, sizeof(ms_sentence));
    size_t first = 0;
    int depth = 0; /* open quotations */
    for (size_t i = 0; i < t->ntok; i++) {
        ms_token *k = &t->tok[i];
        if (i > first && k->newline_before) {
            ms_sentence *s = msvec_push(&v);
            if (!s)
                goto oom;
            s->tok_first = (uint32_t)first;
            s->tok_end = (uint32_t)i;
            first = i;
            depth = 0;
        }
        if (k->kind != MS_TOK_PUNCT)
            continue; /* neither a quotation mark nor a terminator */
        int q = quote_kind(t, k);
        bool closing = false;
        if (q == Q_OPEN)
            depth++;
        else if (q == Q_CLOSE && depth > 0)
            depth--, closing = true;
        else if (q == Q_TOGGLE)
            closing = depth > 0, depth = depth > 0 ? depth - 1 : 1;
        /* a quotation that closes right after a terminator ends the sentence with it */
        bool quoted_end = closing && depth == 0 && i > first && is_terminator(t, &t->tok[i - 1]) &&
                          !dot_is_not_final(tm, t, i - 1);
        if (!quoted_end && (!is_terminator(t, k) || depth > 0 || dot_is_not_final(tm, t, i)))
            continue;
        size_t end = i + 1;
        /* closing quotes and brackets right after the terminator stay with it */
        while (end < t->ntok && !t->tok[end].newline_before && is_closer(t, &t->tok[end]))
            end++;
        while (end < t->ntok && !t->tok[end].newline_before && is_terminator(t, &t->tok[end]))
            end++;
        ms_sentence *s = msvec_push(&v);
        if (!s)
            goto oom;
        s->tok_first = (uint32_t)first;
        s->tok_end = (uint32_t)end;
        first = end;
        i = end - 1;
        depth = 0;
    }
    if (first < t->ntok) {
        ms_sentence *s = msvec_push(&v);
        if (!s)
            goto oom;
        s->tok_first = (uint32_t)first;
        s->tok_end = (uint32_t)t->ntok;
    }
    t->sent = v.v;
    t->nsent = v.n;
    for (size_t si = 0; si < t->nsent; si++) {
        ms_sentence *s = &t->sent[si];
        s->start = t->tok[s->tok_first].start;
        s->end = t->tok[s->tok_end - 1].end;
        for (size_t j = s->tok_first; j < s->tok_end; j++)
            t->tok[j].sent = (uint32_t)si;
    }
    return MARSAD_OK;
oom:
    msvec_free(&v);
    return MARSAD_ENOMEM;
}

int ms_text_analyze(const ms_textmodel *tm, const char *src, size_t len, unsigned flags, ms_text *out)
{
    return ms_text_analyze_cached(tm, NULL, src, len, flags, out);
}

int ms_text_analyze_cached(const ms_textmodel *tm, ms_textcache *cache, const char *src, size_t len,
                           unsigned flags, ms_text *out)
{
    memset(out, 0, sizeof *out);
    out->src = src;
    out->src_len = len;
    int rc = ms_normalize(src, len, flags, &out->norm);
    if (rc)
        return rc;
    msvec toks;
    msvec_init(&toks, sizeof(ms_token));
    /* about one token in six bytes of news text: room for most texts at once */
    msvec_reserve(&toks, out->norm.len / 6 + 16);
    rc = tokenize(out->norm.text, out->norm.len, &toks);
    out->tok = toks.v;
    out->ntok = toks.n;
    if (rc) {
        ms_text_free(out);
        return rc;
    }
    for (size_t i = 0; i < out->ntok; i++) {
        ms_token *k = &out->tok[i];
        k->start = out->norm.map[k->nstart];
        /* the end is where the character after the last one starts, which the
         * map gives unless dropped characters (diacritics) trail the token */
        /* end after the token's last source character, plus any marks the
         * normalization dropped that are still attached to it (harakat, tatweel) */
        uint32_t j = out->norm.map[k->nend - 1], c;
        j += (uint32_t)ms_utf8_decode((const unsigned char *)src + j, len - j, &c, NULL);
        while (j < len && (unsigned char)src[j] >= 0x80) {
            size_t cl = ms_utf8_decode((const unsigned char *)src + j, len - j, &c, NULL);
            if (!((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640 || c == 0x200C || c == 0x200D))
                break;
            j += (uint32_t)cl;
        }
        k->end = j;
    }
    if (tm)
        ms_segment_tokens(tm, cache, out);
    rc = split_sentences(tm, out);
    if (rc)
        ms_text_free(out);
    return rc;
}

void ms_text_free(ms_text *t)
{
    ms_norm_free(&t->norm);
    free(t->tok);
    free(t->sent);
    free(t->wid);
    free(t->hash);
    memset(t, 0, sizeof *t);
}
