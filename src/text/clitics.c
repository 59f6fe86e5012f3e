/* clitics.c — clitic segmentation of Arabic tokens.
 *
 * Proclitics: conjunction و/ف, then a preposition ب/ل/ك or the future
 * marker س (only before an imperfect-verb prefix), then the article ال (ل+ال
 * is written لل). Enclitic pronouns: ه ها هم هما هن كم كما كن نا ني ي ك.
 *
 * A segmentation is accepted when what remains is a known word (Debian's
 * hunspell-ar list, the project's own lists, every actor and trigger word),
 * possibly after removing a regular inflection ending, so that names and
 * words that only look clitic-bearing (بايدن، لبنان، فلسطين، الله) stay whole.
 * Combinations with the article (وال، بال، لل، فال، كال…) are unambiguous and
 * are split whenever a word of at least two letters remains. */
#include <stdlib.h>

#include "text/textmodel.h"

#define AR_ALEF "\xD8\xA7"
#define AR_LAM "\xD9\x84"

/* Arabic letters are two bytes each in UTF-8 (U+0600–U+07FF). */
#define L 2

static bool letter_is(const char *w, const char *letter) { return w[0] == letter[0] && w[1] == letter[1]; }

static bool all_two_byte(const char *w, size_t n)
{
    if (n % 2)
        return false;
    for (size_t i = 0; i < n; i += 2)
        if (((unsigned char)w[i] & 0xE0) != 0xC0)
            return false;
    return true;
}

/* Known, or known once a regular inflectional ending is removed, or known
 * with the construct-state ending restored (معتقلي+ها -> معتقلين, حكومت+ها -> حكومه). */
static int known_level(const ms_textmodel *tm, const char *w, size_t n, bool had_enclitic, bool unknown)
{
    if (n < 2 * L)
        return 0;
    if (!unknown && ms_textmodel_knows(tm, w, n))
        return 2;
    /* regular endings, with their byte lengths */
#define SUF(x) {x, sizeof x - 1}
    static const struct { const char *s; size_t n; } suffixes[] = {
        SUF("\xD8\xA7\xD8\xAA") /* ات */, SUF("\xD9\x88\xD9\x86") /* ون */, SUF("\xD9\x8A\xD9\x86") /* ين */,
        SUF("\xD8\xA7\xD9\x86") /* ان */, SUF("\xD9\x87") /* ه */, SUF("\xD8\xAA") /* ت */,
        SUF("\xD9\x8A") /* ي */, SUF("\xD8\xA7") /* ا */, SUF("\xD9\x88\xD8\xA7") /* وا */,
        SUF("\xD8\xAA\xD9\x85") /* تم */, SUF("\xD9\x86\xD8\xA7") /* نا */};
    for (size_t i = 0; i < MS_ARRAY_LEN(suffixes); i++) {
        size_t sl = suffixes[i].n;
        if (n >= sl + 3 * L && ms_bytes_eq(w + n - sl, suffixes[i].s, sl) && ms_textmodel_knows(tm, w, n - sl))
            return 1;
    }
    if (had_enclitic && n >= 3 * L) {
        char buf[128];
        if (n + 2 < sizeof buf) {
            memcpy(buf, w, n);
            const char *last = w + n - L;
            if (letter_is(last, "\xD8\xAA")) { /* ت -> ه (ta marbuta, folded) */
                memcpy(buf + n - L, "\xD9\x87", L);
                if (ms_textmodel_knows(tm, buf, n))
                    return 1;
            }
            if (letter_is(last, "\xD9\x8A") || letter_is(last, "\xD9\x88")) { /* ي/و + ن */
                memcpy(buf + n, "\xD9\x86", L);
                if (ms_textmodel_knows(tm, buf, n + L))
                    return 1;
            }
        }
    }
    /* imperfect verbs: ي/ت/ن/ا + known stem */
    if (n >= 4 * L && (letter_is(w, "\xD9\x8A") || letter_is(w, "\xD8\xAA") || letter_is(w, "\xD9\x86")) &&
        ms_textmodel_knows(tm, w + L, n - L))
        return 1;
    return 0;
}

typedef struct seg { uint8_t pro, pro_len, enc_len; int score; } seg;

static int pro_bonus(uint8_t pro)
{
    int b = 0;
    if (pro & MS_PRO_AL)
        b += 6;
    if (pro & (MS_PRO_W | MS_PRO_F))
        b += 2;
    if (pro & (MS_PRO_B | MS_PRO_L | MS_PRO_K))
        b -= 3;
    if (pro & MS_PRO_S)
        b += 1;
    return b;
}

/* `unknown`: the word list is known not to hold w[pl..n) */
static void consider(const ms_textmodel *tm, const char *w, size_t n, uint8_t pro, size_t pl, bool unknown,
                     seg *best)
{
    static const struct { const char *s; size_t n; } encl[] = {
        SUF("\xD9\x87\xD9\x85\xD8\xA7") /* هما */, SUF("\xD9\x83\xD9\x85\xD8\xA7") /* كما */,
        SUF("\xD9\x87\xD8\xA7") /* ها */, SUF("\xD9\x87\xD9\x85") /* هم */, SUF("\xD9\x87\xD9\x86") /* هن */,
        SUF("\xD9\x83\xD9\x85") /* كم */, SUF("\xD9\x83\xD9\x86") /* كن */, SUF("\xD9\x86\xD8\xA7") /* نا */,
        SUF("\xD9\x86\xD9\x8A") /* ني */, SUF("\xD9\x87") /* ه */, SUF("\xD9\x8A") /* ي */,
        SUF("\xD9\x83") /* ك */};
    const char *s = w + pl;
    size_t sn = n - pl;
    if (sn < 2 * L)
        return;
    int lvl = known_level(tm, s, sn, false, unknown);
    /* score: validated segmentations first; then the article and conjunctions
     * split (they are rarely a word's own letters), a preposition kept whole
     * when both readings are words (كتابهم is كتاب+هم, not ك+تاب+هم) */
    int base = lvl * 100 + pro_bonus(pro);
    if (lvl && base > best->score)
        *best = (seg){pro, (uint8_t)pl, 0, base};
    if (pro & MS_PRO_AL)
        return; /* the article and a pronoun suffix exclude each other */
    /* every pronoun ends in ا م ن ه ي or ك (the second byte of the last letter) */
    unsigned char last = (unsigned char)s[sn - 1];
    if (last != 0xA7 && last != 0x85 && last != 0x86 && last != 0x87 && last != 0x8A && last != 0x83)
        return;
    for (size_t i = 0; i < MS_ARRAY_LEN(encl); i++) {
        size_t el = encl[i].n;
        if (sn < el + 2 * L || !ms_bytes_eq(s + sn - el, encl[i].s, el))
            continue;
        int l2 = known_level(tm, s, sn - el, true, false);
        /* a one-letter pronoun is easily a word's own last letter: demand an exact word */
        if (!l2 || (el == L && l2 < 2 && !ms_textmodel_knows(tm, s, sn - el)))
            continue;
        int sc = l2 * 100 + pro_bonus(pro) - 10 - (el == L ? 20 : 0);
        if (sc > best->score)
            *best = (seg){pro, (uint8_t)pl, (uint8_t)el, sc};
    }
}

static void segment(const ms_textmodel *tm, const char *w, size_t n, ms_token *k)
{
    k->pro = 0;
    k->pro_len = 0;
    k->enc_len = 0;
    if (n < 2 * L || !all_two_byte(w, n) || n > 120)
        return;
    if (msmap_get(&tm->protect, w, n, NULL))
        return;
    /* a known word stays whole (no segmentation would outscore the whole
     * word: the best scores 2 * 100 plus a small bonus), except a word
     * beginning with وو: one of its own is rare (ووفق، ووجه: passives), و + a
     * known word is the news reading */
    bool conj_first = letter_is(w, "\xD9\x88") || letter_is(w, "\xD9\x81");
    /* و/ف + a function word (ومن، فقد، ولم) is always the two */
    if (conj_first && n > L && msmap_get(&tm->particles, w + L, n - L, NULL)) {
        k->pro = letter_is(w, "\xD9\x88") ? MS_PRO_W : MS_PRO_F;
        k->pro_len = L;
        return;
    }
    bool known = ms_textmodel_knows(tm, w, n);
    if (known &&
        !(n >= 4 * L && letter_is(w, "\xD9\x88") && letter_is(w + L, "\xD9\x88") &&
          ms_textmodel_knows(tm, w + L, n - L)))
        return;
    seg best = {0, 0, 0, 0};
    /* enumerate proclitic chains */
    size_t p = 0;
    uint8_t conj = 0;
    for (int c = 0; c < 2; c++) {
        if (c == 1) {
            if (letter_is(w, "\xD9\x88")) /* و */
                conj = MS_PRO_W;
            else if (letter_is(w, "\xD9\x81")) /* ف */
                conj = MS_PRO_F;
            else
                break;
            p = L;
        }
        for (int q = 0; q < 5; q++) {
            uint8_t pro = conj;
            size_t pl = p;
            if (q == 1) {
                if (n <= pl + L)
                    continue;
                const char *x = w + pl;
                if (letter_is(x, "\xD8\xA8"))
                    pro |= MS_PRO_B;
                else if (letter_is(x, AR_LAM))
                    pro |= MS_PRO_L;
                else if (letter_is(x, "\xD9\x83"))
                    pro |= MS_PRO_K;
                else if (letter_is(x, "\xD8\xB3") && n > pl + 2 * L &&
                         (letter_is(x + L, "\xD9\x8A") || letter_is(x + L, "\xD8\xAA") ||
                          letter_is(x + L, "\xD9\x86") || letter_is(x + L, AR_ALEF)))
                    pro |= MS_PRO_S;
                else
                    continue;
                pl += L;
            } else if (q >= 2) {
                /* the article, after nothing or after a preposition */
                size_t pl2 = pl;
                if (q == 3 || q == 4) {
                    if (n <= pl2 + L)
                        continue;
                    const char *x = w + pl2;
                    if (q == 3 && letter_is(x, "\xD8\xA8"))
                        pro |= MS_PRO_B;
                    else if (q == 3 && letter_is(x, "\xD9\x83"))
                        pro |= MS_PRO_K;
                    else if (q == 4 && letter_is(x, AR_LAM))
                        pro |= MS_PRO_L;
                    else
                        continue;
                    pl2 += L;
                }
                if (q == 4) {
                    /* ل + ال is written لل */
                    if (n < pl2 + L || !letter_is(w + pl2, AR_LAM))
                        continue;
                    pl2 += L;
                } else {
                    if (n < pl2 + 2 * L || !letter_is(w + pl2, AR_ALEF) || !letter_is(w + pl2 + L, AR_LAM))
                        continue;
                    pl2 += 2 * L;
                }
                pro |= MS_PRO_AL;
                pl = pl2;
                /* an article combination with a remainder of two letters or more is unambiguous */
                if (n >= pl + 2 * L) {
                    int sc = 60 + pro_bonus(pro);
                    if (sc > best.score)
                        best = (seg){pro, (uint8_t)pl, 0, sc};
                }
            }
            if (pl == 0) {
                consider(tm, w, n, 0, 0, !known, &best);
                continue;
            }
            consider(tm, w, n, pro, pl, false, &best);
            /* a bare conjunction before an unknown word of three letters or more */
            if (q == 0 && conj && n >= pl + 3 * L && best.score < 40)
                best = (seg){pro, (uint8_t)pl, 0, 40};
        }
    }
    k->pro = best.pro;
    k->pro_len = best.pro_len;
    k->enc_len = best.enc_len;
}

bool ms_textcache_init(ms_textcache *c)
{
    /* the word ids' cache is made by the first lookup that wants it
     * (ms_dict_bind) */
    memset(&c->wid, 0, sizeof c->wid);
    return ms_wcache_init(&c->seg, MS_TEXTCACHE_SETS);
}

void ms_textcache_free(ms_textcache *c)
{
    ms_wcache_free(&c->seg);
    ms_wcache_free(&c->wid);
}

static uint64_t seg_value(const ms_token *k)
{
    return (uint64_t)k->pro | (uint64_t)k->pro_len << 8 | (uint64_t)k->enc_len << 16 | (uint64_t)k->wflags << 24 |
           (uint64_t)k->num_pro << 32 | (uint64_t)k->num_word << 40;
}

static void set_seg(ms_token *k, uint64_t v)
{
    k->pro = (uint8_t)v;
    k->pro_len = (uint8_t)(v >> 8);
    k->enc_len = (uint8_t)(v >> 16);
    k->wflags = (uint8_t)(v >> 24);
    k->num_pro = (uint8_t)(v >> 32);
    k->num_word = (uint16_t)(v >> 40);
}

/* What later stages ask of a segmented word: the word flags, and the
 * number word it is. */
static void word_facts(const ms_textmodel *tm, const ms_text *t, ms_token *k)
{
    const char *w = t->norm.text + k->nstart;
    size_t n = k->nend - k->nstart;
    uint8_t f = MS_WF_SET;
    if (ms_date_may_start(tm, t, k))
        f |= MS_WF_DATE;
    k->num_pro = 0;
    k->num_word = 0;
    if (k->kind == MS_TOK_ARABIC) {
        if (ms_number_may_start(tm, w, n))
            f |= MS_WF_NUM;
        k->num_word = ms_number_word(tm, w, n, &k->num_pro);
    }
    k->wflags = f;
}

void ms_segment_tokens(const ms_textmodel *tm, ms_textcache *cache, ms_text *t)
{
    /* words repeat: remember each word's segmentation (and flags), across
     * texts in the thread's cache when there is one, else for this text */
    msmap local;
    msmap_init(&local);
    /* at most one entry per token: size it once (a failure only means growing later) */
    if (!cache)
        msmap_reserve(&local, t->ntok);
    /* the words' hashes first, asking for their cache sets on the way: the
     * lookups below then rarely wait for memory */
    uint64_t *hs = cache ? malloc((t->ntok ? t->ntok : 1) * sizeof *hs) : NULL;
    if (hs)
        for (size_t i = 0; i < t->ntok; i++) {
            const ms_token *k = &t->tok[i];
            hs[i] = 0;
            if (k->kind != MS_TOK_ARABIC && k->kind != MS_TOK_LATIN)
                continue;
            hs[i] = ms_hash(t->norm.text + k->nstart, k->nend - k->nstart);
            ms_wcache_prefetch(&cache->seg, hs[i]);
        }
    for (size_t i = 0; i < t->ntok; i++) {
        ms_token *k = &t->tok[i];
        if (k->kind != MS_TOK_ARABIC && k->kind != MS_TOK_LATIN)
            continue;
        const char *w = t->norm.text + k->nstart;
        size_t n = k->nend - k->nstart;
        /* a lone proclitic attached to a Latin word or number: لـCNN, بـ50 */
        if (k->kind == MS_TOK_ARABIC && n == L && i + 1 < t->ntok && !t->tok[i + 1].space_before &&
            (t->tok[i + 1].kind == MS_TOK_LATIN || t->tok[i + 1].kind == MS_TOK_NUMBER)) {
            if (letter_is(w, AR_LAM)) {
                k->pro = MS_PRO_L;
                k->pro_len = L;
            } else if (letter_is(w, "\xD8\xA8")) {
                k->pro = MS_PRO_B;
                k->pro_len = L;
            } else if (letter_is(w, "\xD9\x88")) {
                k->pro = MS_PRO_W;
                k->pro_len = L;
            }
            word_facts(tm, t, k);
            if (hs)
                hs[i] = 0; /* segmented by its context, not as a word: no cached results */
            continue;
        }
        /* Arabic and Latin words never share a key: the one is all
         * two-byte letters, the other ASCII */
        uint64_t v;
        uint64_t h = 0;
        if (cache) {
            h = hs ? hs[i] : ms_hash(w, n);
            if (ms_wcache_get(&cache->seg, h, w, n, &v)) {
                set_seg(k, v);
                continue;
            }
        } else {
            uint32_t lv;
            if (msmap_get(&local, w, n, &lv)) {
                /* the map keeps the segmentation and flags; the number word
                 * does not fit its value, so figures look it up when they ask */
                set_seg(k, lv);
                k->num_word = MS_NUM_WORD_ASK;
                continue;
            }
        }
        if (k->kind == MS_TOK_ARABIC)
            segment(tm, w, n, k);
        word_facts(tm, t, k);
        if (cache)
            ms_wcache_put(&cache->seg, h, w, n, seg_value(k));
        else
            msmap_put(&local, w, n, (uint32_t)seg_value(k));
    }
    free(t->hash);
    t->hash = hs; /* for the lexicon's lookups */
    msmap_free(&local);
}
