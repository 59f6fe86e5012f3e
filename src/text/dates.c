/* dates.c — date expressions in Arabic news.
 *
 * What is found, in text order (one ms_date each):
 *   - a day with a month name of any of the four Gregorian families or of the
 *     Hijri calendar, with or without a year: 7 أكتوبر 2023، 7 تشرين الأول/أكتوبر،
 *     السابع من أكتوبر، 15 رمضان 1445 هـ، 9th, October 2023، October 9, 2023;
 *   - numeric dates, day first as the Arab press writes them: 20/10/2023,
 *     20-10-2023, 20.10.2023, and ISO 2023-10-20;
 *   - a month with its year or a cue (أكتوبر 2023، في نوفمبر، نوفمبر الماضي) and
 *     a year after عام/سنة or with its era (عام 2023، 1445 هـ، 2023م);
 *   - relative days and periods resolved against a reference date: اليوم، أمس،
 *     غداً، أول أمس، الأحد، صباح السبت الماضي، الشهر الجاري، العام الماضي…
 *
 * The words come from data/text/months.txt, weekdays.txt and date-words.txt
 * (see data/text/README.md for the rules that resolve relative expressions).
 * Only words that can start a date are looked up up front, behind a small
 * bit filter, so most words of a text cost one filter probe; the words that
 * only matter next to a date (في، من، و…) are looked up when that happens.
 *
 * Hijri dates convert through ICU's islamic-umalqura calendar. */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <unicode/ucal.h>

#include "text/textmodel.h"
#include "util/tables.h"

#define AR_AL "\xD8\xA7\xD9\x84"    /* ال */
#define AR_WAW "\xD9\x88"           /* و */
#define AR_FA "\xD9\x81"            /* ف */
#define AR_BA "\xD8\xA8"            /* ب */
#define AR_LAM "\xD9\x84"           /* ل */
#define AR_KAF "\xD9\x83"           /* ك */
#define AR_TANWIN_FATH "\xD9\x8B"   /* ً */
#define AR_ASHR "\xD8\xB9\xD8\xB4\xD8\xB1" /* عشر: الأحد عشر is "eleven" */

/* MARK: calendar arithmetic */

static bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int days_in_month(int y, int m)
{
    static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

static bool valid_ymd(int y, int m, int d) { return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m); }

/* Days before the first of month m (1-based) in year y. */
static int days_before_month(int y, int m)
{
    static const int cum[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    return cum[m - 1] + (m > 2 && is_leap(y));
}

static int64_t days_before_year(int64_t y)
{
    y -= 1;
    return y * 365 + y / 4 - y / 100 + y / 400;
}

/* Days since 1970-01-01 (proleptic Gregorian). The date must be valid. */
static int64_t ymd_days(int y, int m, int d)
{
    return days_before_year(y) + days_before_month(y, m) + d - 1 - days_before_year(1970);
}

static ms_ymd days_ymd(int64_t days)
{
    int64_t abs_days = days + days_before_year(1970); /* days since 0001-01-01 */
    int64_t y = (int64_t)((double)abs_days / 365.2425) + 1;
    while (y > 1 && days_before_year(y) > abs_days)
        y--;
    while (days_before_year(y + 1) <= abs_days)
        y++;
    int doy = (int)(abs_days - days_before_year(y));
    int m = 12;
    while (m > 1 && days_before_month((int)y, m) > doy)
        m--;
    return (ms_ymd){(int)y, m, doy - days_before_month((int)y, m) + 1};
}

static int weekday_of_days(int64_t days)
{
    /* 1970-01-01 was a Thursday (4) */
    int64_t r = (days + 3) % 7;
    if (r < 0)
        r += 7;
    return (int)r + 1;
}

bool ms_ymd_parse(const char *s, ms_ymd *out)
{
    if (!s || !out)
        return false;
    int f[3] = {0, 0, 0};
    size_t i = 0;
    for (int k = 0; k < 3; k++) {
        size_t nd = 0;
        while (s[i] >= '0' && s[i] <= '9' && nd < (k == 0 ? 4u : 2u)) {
            f[k] = f[k] * 10 + (s[i] - '0');
            i++;
            nd++;
        }
        if ((k == 0 && nd != 4) || nd == 0)
            return false;
        if (k < 2 && s[i++] != '-')
            return false;
    }
    if (s[i] >= '0' && s[i] <= '9')
        return false;
    if (!valid_ymd(f[0], f[1], f[2]))
        return false;
    *out = (ms_ymd){f[0], f[1], f[2]};
    return true;
}

int ms_weekday(int y, int m, int d)
{
    if (!valid_ymd(y, m, d))
        return 0;
    return weekday_of_days(ymd_days(y, m, d));
}

ms_ymd ms_ymd_add(ms_ymd a, int days)
{
    if (!valid_ymd(a.y, a.m, a.d))
        return a;
    ms_ymd r = days_ymd(ymd_days(a.y, a.m, a.d) + days);
    return valid_ymd(r.y, r.m, r.d) ? r : a;
}

/* MARK: Hijri through ICU */

static UCalendar *hijri_open(void)
{
    static const UChar utc[] = {'U', 'T', 'C', 0};
    UErrorCode st = U_ZERO_ERROR;
    UCalendar *cal = ucal_open(utc, 3, "ar@calendar=islamic-umalqura", UCAL_DEFAULT, &st);
    if (U_FAILURE(st)) {
        if (cal)
            ucal_close(cal);
        return NULL;
    }
    return cal;
}

/* Days since 1970-01-01 of a Hijri date; false if it does not exist (day 30
 * of a 29-day month) or ICU is unavailable. */
static bool hijri_days(int hy, int hm, int hd, int64_t *out)
{
    if (hy < 1 || hy > 2000 || hm < 1 || hm > 12 || hd < 1 || hd > 30)
        return false;
    UCalendar *cal = hijri_open();
    if (!cal)
        return false;
    UErrorCode st = U_ZERO_ERROR;
    ucal_clear(cal);
    ucal_setAttribute(cal, UCAL_LENIENT, 0);
    ucal_set(cal, UCAL_ERA, 0);
    ucal_set(cal, UCAL_YEAR, hy);
    ucal_set(cal, UCAL_MONTH, hm - 1);
    ucal_set(cal, UCAL_DATE, hd);
    UDate ms = ucal_getMillis(cal, &st);
    ucal_close(cal);
    if (U_FAILURE(st))
        return false;
    *out = (int64_t)floor(ms / 86400000.0);
    return true;
}

static bool days_hijri(int64_t days, int *hy, int *hm)
{
    UCalendar *cal = hijri_open();
    if (!cal)
        return false;
    UErrorCode st = U_ZERO_ERROR;
    ucal_setMillis(cal, (UDate)days * 86400000.0 + 43200000.0, &st);
    *hy = ucal_get(cal, UCAL_YEAR, &st);
    *hm = ucal_get(cal, UCAL_MONTH, &st) + 1;
    ucal_close(cal);
    return !U_FAILURE(st);
}

/* MARK: tables */

enum {
    R_MONTH = 1u << 0,
    R_WEEKDAY = 1u << 1,
    R_DAY = 1u << 2,
    R_DAY_GUARDED = 1u << 3,
    R_PERIOD = 1u << 4,
    R_PAST = 1u << 5,
    R_NEXT = 1u << 6,
    R_CURRENT = 1u << 7,
    R_THIS = 1u << 8,
    R_DAYPART = 1u << 9,
    R_DAYWORD = 1u << 10,
    R_YEARWORD = 1u << 11,
    R_YEARWORD_DUAL = 1u << 12,
    R_AD = 1u << 13,
    R_AH = 1u << 14,
    R_ERA_BC = 1u << 15,
    R_MONTH_CUE = 1u << 16,
    R_MONTH_WORD = 1u << 17,
    R_FUTURE = 1u << 18,
    R_GENERAL = 1u << 19,
    R_ORDINAL = 1u << 20,
    R_ORD_SUFFIX = 1u << 21,
    R_OF = 1u << 22,
    R_EQUALS = 1u << 23,
    R_RANGE = 1u << 24,
    R_NOT_TODAY_AFTER = 1u << 25,
    R_NOT_TODAY_BEFORE = 1u << 26,
    R_PAIR_GUARD = 1u << 27,
    R_STARTS = 1u << 30, /* a phrase with a starting role begins with this key */
    R_PREFIX = 1u << 31  /* the first words of a longer phrase */
};

/* The roles a date expression can start with (الشهر of الشهر الماضي, هذا of
 * هذا العام); the others only matter next to one. */
#define R_STARTING                                                                                            \
    (R_MONTH | R_MONTH_WORD | R_WEEKDAY | R_DAY | R_DAY_GUARDED | R_DAYPART | R_DAYWORD | R_YEARWORD |        \
     R_YEARWORD_DUAL | R_PERIOD | R_THIS | R_ORDINAL)

enum { ARG_NONE, ARG_INT, ARG_PERIOD };
enum { P_WEEK = 1, P_MONTH, P_YEAR };
enum { CAL_ARABIC = 0, CAL_ENGLISH, CAL_HIJRI };

static const struct { const char *name; uint32_t role; int arg; } role_names[] = {
    {"day", R_DAY, ARG_INT},
    {"day-guarded", R_DAY_GUARDED, ARG_INT},
    {"period", R_PERIOD, ARG_PERIOD},
    {"past", R_PAST, ARG_NONE},
    {"next", R_NEXT, ARG_NONE},
    {"current", R_CURRENT, ARG_NONE},
    {"this", R_THIS, ARG_NONE},
    {"daypart", R_DAYPART, ARG_NONE},
    {"dayword", R_DAYWORD, ARG_NONE},
    {"year-word", R_YEARWORD, ARG_NONE},
    {"year-word-dual", R_YEARWORD_DUAL, ARG_NONE},
    {"ad", R_AD, ARG_NONE},
    {"ah", R_AH, ARG_NONE},
    {"era-bc", R_ERA_BC, ARG_NONE},
    {"month-cue", R_MONTH_CUE, ARG_NONE},
    {"month-word", R_MONTH_WORD, ARG_NONE},
    {"future", R_FUTURE, ARG_NONE},
    {"general", R_GENERAL, ARG_NONE},
    {"ordinal", R_ORDINAL, ARG_INT},
    {"ordinal-suffix", R_ORD_SUFFIX, ARG_NONE},
    {"of", R_OF, ARG_NONE},
    {"equals", R_EQUALS, ARG_NONE},
    {"range", R_RANGE, ARG_NONE},
    {"not-today-after", R_NOT_TODAY_AFTER, ARG_NONE},
    {"not-today-before", R_NOT_TODAY_BEFORE, ARG_NONE},
    {"pair-guard", R_PAIR_GUARD, ARG_NONE},
};

typedef struct dentry {
    uint32_t roles;
    int8_t day_off;     /* R_DAY, R_DAY_GUARDED */
    uint8_t period;     /* R_PERIOD: P_* */
    uint8_t ordinal;    /* R_ORDINAL: 1..31 */
    uint8_t month;      /* R_MONTH: 1..12 */
    uint8_t cal;        /* R_MONTH: CAL_* */
    uint8_t strict;     /* R_MONTH: also an everyday word */
    uint8_t weekday;    /* R_WEEKDAY: 1..7 */
    uint8_t latin;      /* R_WEEKDAY: an English name */
    uint32_t key;       /* index of its key in the map, for phrases that continue it */
} dentry;

#define FILTER_BITS 16384u

/* A well-known day named without its year (data/text/date-anchors.txt). */
typedef struct danchor {
    int y, m, d;
    char **words;       /* normalized context words */
    size_t nwords;
} danchor;

struct ms_datetables {
    danchor *anchors;
    size_t nanchors;
    msmap map;          /* phrase (words joined by one space) -> index into ent */
    dentry *ent;
    size_t nent, cap;
    size_t maxlen;      /* longest one-word key, in bytes */
    uint8_t filter[FILTER_BITS / 8];       /* every one-word key */
    uint8_t filter_start[FILTER_BITS / 8]; /* the keys a date can start with */
};

/* A cheap fingerprint of a one-word key: its first four bytes after the
 * article and its last byte. Most words of a text miss the filter and are
 * never hashed. */
static unsigned filter_hash(const char *s, size_t n)
{
    if (n > 4 && memcmp(s, AR_AL, 4) == 0) {
        s += 4;
        n -= 4;
    }
    unsigned h = 0;
    for (size_t i = 0; i < 4; i++)
        h = h * 31u + (i < n ? (unsigned char)s[i] : 0u);
    h = h * 31u + (n ? (unsigned char)s[n - 1] : 0u);
    h ^= h >> 9;
    return h % FILTER_BITS;
}

static int32_t entry_for(struct ms_datetables *dt, const char *key, size_t n)
{
    uint32_t v;
    if (msmap_get(&dt->map, key, n, &v))
        return (int32_t)v;
    if (dt->nent == dt->cap) {
        size_t cap = dt->cap ? dt->cap * 2 : 256;
        dentry *e = realloc(dt->ent, cap * sizeof *e);
        if (!e)
            return -1;
        dt->ent = e;
        dt->cap = cap;
    }
    memset(&dt->ent[dt->nent], 0, sizeof dt->ent[0]);
    if (!msmap_put(&dt->map, key, n, (uint32_t)dt->nent))
        return -1;
    bool one_word = memchr(key, ' ', n) == NULL;
    if (one_word) {
        unsigned h = filter_hash(key, n);
        dt->filter[h / 8] |= (uint8_t)(1u << (h % 8));
        if (n > dt->maxlen)
            dt->maxlen = n;
    }
    return (int32_t)dt->nent++;
}

/* Normalize a phrase of the data files into its lookup key: words folded as
 * the text is, joined by one space; after the first word a conjunction before
 * the article is dropped (الحادي والعشرين), as the token lookup drops it. */
static char *phrase_key(const char *s, size_t len, size_t *out_len)
{
    size_t n;
    char *w = ms_normalize_word(s, len, &n);
    if (!w)
        return NULL;
    size_t o = 0, i = 0;
    bool first = true;
    while (i < n) {
        while (i < n && w[i] == ' ')
            i++;
        if (i >= n)
            break;
        size_t a = i;
        while (i < n && w[i] != ' ')
            i++;
        if (!first && i - a > 6 && memcmp(w + a, AR_WAW AR_AL, 6) == 0)
            a += 2;
        if (!first)
            w[o++] = ' ';
        memmove(w + o, w + a, i - a);
        o += i - a;
        first = false;
    }
    w[o] = 0;
    *out_len = o;
    return w;
}

/* Register a phrase with its roles; every shorter prefix becomes R_PREFIX. */
static dentry *add_phrase(struct ms_datetables *dt, const char *s, size_t len)
{
    size_t n;
    char *key = phrase_key(s, len, &n);
    if (!key)
        return NULL;
    dentry *e = NULL;
    if (n > 0) {
        for (size_t i = 0; i < n; i++)
            if (key[i] == ' ') {
                int32_t p = entry_for(dt, key, i);
                if (p < 0) {
                    free(key);
                    return NULL;
                }
                dt->ent[p].roles |= R_PREFIX;
            }
        int32_t x = entry_for(dt, key, n);
        e = x < 0 ? NULL : &dt->ent[x];
    }
    free(key);
    return e;
}

static bool parse_int(const char *s, size_t n, int lo, int hi, int *out)
{
    char buf[16];
    if (n == 0 || n >= sizeof buf)
        return false;
    memcpy(buf, s, n);
    buf[n] = 0;
    char *end;
    long v = strtol(buf, &end, 10);
    if (*end || v < lo || v > hi)
        return false;
    *out = (int)v;
    return true;
}

enum { T_MONTHS, T_WEEKDAYS, T_WORDS };

/* A compiled data table, or an error naming it. */
static const ms_table *need_table(const char *name, marsad_error *err)
{
    const ms_table *t = ms_table_get(name);
    if (!t)
        ms_seterr(err, MARSAD_EDATA, 0, 0, "table %s missing", name);
    return t;
}

static bool load_table(struct ms_datetables *dt, const char *name, int kind, marsad_error *err)
{
    const ms_table *t = need_table(name, err);
    if (!t)
        return false;
    size_t pos = 0, len, ln = 0;
    const char *line;
    while (ms_next_line(t->data, t->len, &pos, &line, &len, &ln)) {
        const char *f[4];
        size_t fl[4];
        size_t nf = ms_split(line, len, '\t', f, fl, 4);
        int v = 0;
        bool ok = nf >= 2;
        dentry *e = ok ? add_phrase(dt, f[0], fl[0]) : NULL;
        if (ok && !e) {
            ms_seterr(err, MARSAD_ENOMEM, ln, 0, "%s: out of memory", name);
            return false;
        }
        if (ok && kind == T_MONTHS) {
            static const char *const fams[] = {"egyptian", "levantine", "maghrebi", "moroccan", "english", "hijri"};
            int fam = -1;
            for (size_t i = 0; i < MS_ARRAY_LEN(fams); i++)
                if (fl[2] == strlen(fams[i]) && nf >= 3 && !memcmp(f[2], fams[i], fl[2]))
                    fam = (int)i;
            uint8_t cal = fam == 5 ? CAL_HIJRI : fam == 4 ? CAL_ENGLISH : CAL_ARABIC;
            ok = fam >= 0 && parse_int(f[1], fl[1], 1, 12, &v) && (nf < 4 || (fl[3] == 6 && !memcmp(f[3], "strict", 6)));
            /* one name, one month: a name listed under two families must agree */
            if (ok && (e->roles & R_MONTH) && (e->month != v || e->cal != cal))
                ok = false;
            if (ok) {
                e->roles |= R_MONTH;
                e->month = (uint8_t)v;
                e->cal = cal;
                e->strict |= nf >= 4;
            }
        } else if (ok && kind == T_WEEKDAYS) {
            ok = parse_int(f[1], fl[1], 1, 7, &v);
            if (ok) {
                e->roles |= R_WEEKDAY;
                e->weekday = (uint8_t)v;
                e->latin = (unsigned char)f[0][0] < 0x80;
            }
        } else if (ok) {
            size_t r = 0;
            while (r < MS_ARRAY_LEN(role_names) &&
                   !(strlen(role_names[r].name) == fl[1] && !memcmp(role_names[r].name, f[1], fl[1])))
                r++;
            ok = r < MS_ARRAY_LEN(role_names);
            if (ok && role_names[r].arg == ARG_INT) {
                ok = nf >= 3 && parse_int(f[2], fl[2], -9, 31, &v);
                if (ok && role_names[r].role == R_ORDINAL)
                    e->ordinal = (uint8_t)v;
                else if (ok)
                    e->day_off = (int8_t)v;
            } else if (ok && role_names[r].arg == ARG_PERIOD) {
                ok = nf >= 3;
                if (ok && fl[2] == 4 && !memcmp(f[2], "week", 4))
                    e->period = P_WEEK;
                else if (ok && fl[2] == 5 && !memcmp(f[2], "month", 5))
                    e->period = P_MONTH;
                else if (ok && fl[2] == 4 && !memcmp(f[2], "year", 4))
                    e->period = P_YEAR;
                else
                    ok = false;
            }
            if (ok)
                e->roles |= role_names[r].role;
        }
        if (!ok) {
            ms_seterr(err, MARSAD_EDATA, ln, 0, "%s:%zu: malformed line", name, ln);
            return false;
        }
    }
    return true;
}

static bool load_anchors(struct ms_datetables *dt, marsad_error *err)
{
    static const char name[] = "data/text/date-anchors.txt";
    const ms_table *t = need_table(name, err);
    if (!t)
        return false;
    size_t pos = 0, len, ln = 0;
    const char *line;
    while (ms_next_line(t->data, t->len, &pos, &line, &len, &ln)) {
        const char *f[3];
        size_t fl[3];
        int m, d, y;
        if (ms_split(line, len, '\t', f, fl, 3) != 3 || fl[0] != 5 || f[0][2] != '-' || !parse_int(f[0], 2, 1, 12, &m) ||
            !parse_int(f[0] + 3, 2, 1, 31, &d) || !parse_int(f[1], fl[1], 1, 9999, &y) || !valid_ymd(y, m, d)) {
            ms_seterr(err, MARSAD_EDATA, ln, 0, "%s:%zu: expected MM-DD<TAB>YYYY<TAB>words", name, ln);
            return false;
        }
        danchor *na = realloc(dt->anchors, (dt->nanchors + 1) * sizeof *na);
        if (!na)
            goto oom;
        dt->anchors = na;
        danchor *a = &dt->anchors[dt->nanchors++];
        *a = (danchor){y, m, d, NULL, 0};
        const char *w = f[2], *end = f[2] + fl[2];
        while (w < end) {
            const char *bar = memchr(w, '|', (size_t)(end - w));
            size_t n = bar ? (size_t)(bar - w) : (size_t)(end - w);
            size_t nn;
            char *norm = n ? ms_normalize_word(w, n, &nn) : NULL;
            if (norm) {
                char **nw = realloc(a->words, (a->nwords + 1) * sizeof *nw);
                if (!nw) {
                    free(norm);
                    goto oom;
                }
                a->words = nw;
                a->words[a->nwords++] = norm;
            }
            w += n + 1;
        }
    }
    return true;
oom:
    ms_seterr(err, MARSAD_ENOMEM, 0, 0, "out of memory");
    return false;
}

struct ms_datetables *ms_datetables_new(marsad_error *err)
{
    struct ms_datetables *dt = calloc(1, sizeof *dt);
    if (!dt) {
        ms_seterr(err, MARSAD_ENOMEM, 0, 0, "out of memory");
        return NULL;
    }
    msmap_init(&dt->map);
    if (!load_table(dt, "data/text/months.txt", T_MONTHS, err) ||
        !load_table(dt, "data/text/weekdays.txt", T_WEEKDAYS, err) ||
        !load_table(dt, "data/text/date-words.txt", T_WORDS, err) || !load_anchors(dt, err)) {
        ms_datetables_free(dt);
        return NULL;
    }
    /* mark the keys a date can start with, and the first words of such phrases */
    for (size_t i = 0; i < dt->map.n; i++) {
        size_t n;
        const char *k = msmap_key(&dt->map, i, &n);
        uint32_t v;
        msmap_get(&dt->map, k, n, &v);
        dt->ent[v].key = (uint32_t)i;
        if (!(dt->ent[v].roles & R_STARTING))
            continue;
        dt->ent[v].roles |= R_STARTS;
        const char *sp = memchr(k, ' ', n);
        uint32_t pv;
        if (sp && msmap_get(&dt->map, k, (size_t)(sp - k), &pv))
            dt->ent[pv].roles |= R_STARTS;
    }
    for (size_t i = 0; i < dt->map.n; i++) {
        size_t n;
        const char *k = msmap_key(&dt->map, i, &n);
        uint32_t v;
        msmap_get(&dt->map, k, n, &v);
        if ((dt->ent[v].roles & R_STARTS) && !memchr(k, ' ', n)) {
            unsigned h = filter_hash(k, n);
            dt->filter_start[h / 8] |= (uint8_t)(1u << (h % 8));
        }
    }
    return dt;
}

void ms_datetables_free(struct ms_datetables *dt)
{
    for (size_t i = 0; dt && i < dt->nanchors; i++) {
        for (size_t j = 0; j < dt->anchors[i].nwords; j++)
            free(dt->anchors[i].words[j]);
        free(dt->anchors[i].words);
    }
    if (dt)
        free(dt->anchors);
    if (!dt)
        return;
    msmap_free(&dt->map);
    free(dt->ent);
    free(dt);
}

/* MARK: token lookup */

/* A token as the tables spell it: Arabic without conjunction and preposition
 * but with its article (و+بال+سبت -> السبت), Latin lowercased. */
static size_t canon(const ms_text *t, const ms_token *k, char *buf, size_t cap)
{
    const char *w = t->norm.text + k->nstart;
    size_t n = k->nend - k->nstart;
    if (k->kind == MS_TOK_LATIN) {
        if (n >= cap)
            return 0;
        for (size_t i = 0; i < n; i++)
            buf[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]);
        return n;
    }
    if (k->kind != MS_TOK_ARABIC)
        return 0;
    size_t pl = k->pro_len < n ? k->pro_len : 0; /* a lone proclitic (و before a number) is its own word */
    size_t o = 0;
    if (pl && (k->pro & MS_PRO_AL)) {
        if (cap < 4)
            return 0;
        memcpy(buf, AR_AL, 4);
        o = 4;
    }
    if (o + n - pl >= cap)
        return 0;
    memcpy(buf + o, w + pl, n - pl);
    return o + n - pl;
}

/* The entry of a one-word key, or -1. With no filter given, only whether the
 * start filter lets the key through: 0 or -1. */
static int32_t find_key(const struct ms_datetables *dt, const uint8_t *filter, const char *s, size_t n)
{
    if (n == 0 || n > dt->maxlen)
        return -1;
    unsigned h = filter_hash(s, n);
    const uint8_t *f = filter ? filter : dt->filter_start;
    if (!(f[h / 8] & (1u << (h % 8))))
        return -1;
    if (!filter)
        return 0;
    uint32_t v;
    return msmap_get(&dt->map, s, n, &v) ? (int32_t)v : -1;
}

static bool letter_is(const char *w, const char *l) { return w[0] == l[0] && w[1] == l[1]; }

/* The entry of a token, or -1; *strip gets the bytes of a clitic the span
 * leaves out. With a NULL filter, 0 when the token may start a date. */
static int32_t lookup_token(const struct ms_datetables *dt, const uint8_t *filter, const ms_text *t,
                            const ms_token *k, uint8_t *strip)
{
    char buf[96];
    *strip = 0;
    size_t n = canon(t, k, buf, sizeof buf);
    int32_t r = find_key(dt, filter, buf, n);
    if (r >= 0 && k->kind == MS_TOK_ARABIC && k->pro_len && k->pro_len < k->nend - k->nstart) {
        /* the span leaves out a conjunction or preposition (و+العام), but
         * keeps the article, or the لل that ل+ال is written as */
        size_t p = k->pro_len;
        if (k->pro & MS_PRO_AL)
            p = p >= 4 ? p - 4 : 0;
        *strip = (uint8_t)p;
    }
    if (r >= 0 || k->kind != MS_TOK_ARABIC)
        return r;
    const char *w = t->norm.text + k->nstart;
    size_t wn = k->nend - k->nstart;
    /* segmentation may have split a word that is whole, or left a clitic on
     * a word it does not know (وأكتوبر، لشباط) */
    if ((k->pro_len || k->enc_len) && (r = find_key(dt, filter, w, wn)) >= 0)
        return r;
    if (k->pro_len)
        return -1;
    size_t p = wn > 4 && (letter_is(w, AR_WAW) || letter_is(w, AR_FA)) ? 2 : 0;
    *strip = (uint8_t)p;
    if (p && wn - p >= 4 && (r = find_key(dt, filter, w + p, wn - p)) >= 0)
        return r;
    if (wn >= p + 6 && (letter_is(w + p, AR_BA) || letter_is(w + p, AR_LAM) || letter_is(w + p, AR_KAF)) &&
        (r = find_key(dt, filter, w + p + 2, wn - p - 2)) >= 0) {
        *strip = (uint8_t)(p + 2);
        return r;
    }
    if (wn >= p + 8 && letter_is(w + p, AR_LAM) && letter_is(w + p + 2, AR_LAM) && wn - p - 4 + 4 < sizeof buf) {
        memcpy(buf, AR_AL, 4); /* لل is ل + ال */
        memcpy(buf + 4, w + p + 4, wn - p - 4);
        if ((r = find_key(dt, filter, buf, wn - p)) >= 0)
            return r;
    }
    *strip = 0;
    return -1;
}

bool ms_date_may_start(const ms_textmodel *tm, const ms_text *t, const ms_token *k)
{
    if (!tm || !tm->dates)
        return false;
    /* the start filter turns most words away; a key it lets through is
     * looked up, as the word's result is kept (MS_WF_DATE) */
    uint8_t strip;
    int32_t r;
    return lookup_token(tm->dates, NULL, t, k, &strip) == 0 &&
           (r = lookup_token(tm->dates, tm->dates->filter, t, k, &strip)) >= 0 &&
           (tm->dates->ent[r].roles & R_STARTS);
}

/* MARK: matching */

typedef struct dctx {
    const struct ms_datetables *dt;
    const ms_text *t;
    int32_t *lex;        /* entry per token, -1 when none, -2 not looked up yet */
    uint8_t *strip;      /* clitic bytes the lookup removed from the token */
    ms_ymd ref;
    bool has_ref;
    int64_t ref_days;
    size_t first, lim;   /* the sentence being scanned: tokens [first, lim) */
    size_t done;         /* tokens before this belong to a date already found */
    msvec *out;
    int *today_wd;       /* without a reference: the weekday named as today, first one */
    int rc;
} dctx;

typedef struct dval {
    int y, m, d;
    uint8_t prec, rel, hijri, wd, yinf;
    uint8_t bad;    /* a date that does not exist (29 فبراير 2023): its words are consumed, nothing is reported */
} dval;

static const dentry *E(const dctx *c, size_t i)
{
    if (i >= c->lim)
        return NULL;
    if (c->lex[i] == -2) {
        const ms_token *k = &c->t->tok[i];
        c->lex[i] = k->kind == MS_TOK_ARABIC || k->kind == MS_TOK_LATIN ?
                    lookup_token(c->dt, c->dt->filter, c->t, k, &c->strip[i]) : -1;
    }
    return c->lex[i] >= 0 ? &c->dt->ent[c->lex[i]] : NULL;
}

static bool has(const dctx *c, size_t i, uint32_t roles)
{
    const dentry *e = E(c, i);
    return e && (e->roles & roles);
}

static bool is_punct(const dctx *c, size_t i, const char *p)
{
    if (i >= c->lim || c->t->tok[i].kind != MS_TOK_PUNCT)
        return false;
    const ms_token *k = &c->t->tok[i];
    size_t n = strlen(p);
    return k->nend - k->nstart == n && !memcmp(c->t->norm.text + k->nstart, p, n);
}

static bool is_comma(const dctx *c, size_t i) { return is_punct(c, i, ",") || is_punct(c, i, "\xD8\x8C"); }

/* An integer written in plain digits: value and digit count. */
static bool int_tok(const dctx *c, size_t i, int *v, size_t *nd)
{
    if (i >= c->lim || c->t->tok[i].kind != MS_TOK_NUMBER)
        return false;
    const ms_token *k = &c->t->tok[i];
    size_t n = k->nend - k->nstart;
    const char *s = c->t->norm.text + k->nstart;
    if (n == 0 || n > 4)
        return false;
    int x = 0;
    for (size_t j = 0; j < n; j++) {
        if (s[j] < '0' || s[j] > '9')
            return false;
        x = x * 10 + (s[j] - '0');
    }
    *v = x;
    *nd = n;
    return true;
}

static bool day_tok(const dctx *c, size_t i, int *d)
{
    size_t nd;
    return int_tok(c, i, d, &nd) && nd <= 2 && *d >= 1 && *d <= 31;
}

/* The longest phrase of the tables at token i with a role in mask. */
static size_t phrase(const dctx *c, size_t i, uint32_t mask, const dentry **out)
{
    const dentry *e = E(c, i);
    if (!e)
        return 0;
    size_t best = 0;
    if (e->roles & mask) {
        best = i + 1;
        *out = e;
    }
    if (!(e->roles & R_PREFIX))
        return best;
    char key[160];
    size_t kn;
    const char *k0 = msmap_key(&c->dt->map, e->key, &kn);
    if (kn >= sizeof key)
        return best;
    memcpy(key, k0, kn);
    for (size_t j = i + 1; j < c->lim && j < i + 4; j++) {
        if (kn + 1 >= sizeof key)
            break;
        key[kn] = ' ';
        size_t wn = canon(c->t, &c->t->tok[j], key + kn + 1, sizeof key - kn - 1);
        if (!wn)
            break;
        kn += 1 + wn;
        uint32_t v;
        if (!msmap_get(&c->dt->map, key, kn, &v))
            break;
        const dentry *e2 = &c->dt->ent[v];
        if (e2->roles & mask) {
            best = j + 1;
            *out = e2;
        }
        if (!(e2->roles & R_PREFIX))
            break;
    }
    return best;
}

/* A verb with the future prefix: س before the imperfect prefixes ي ت ن
 * (سيلتقي، ستزور). سأ… is left out: names such as سارة look like it. */
static bool future_verb(const ms_text *t, const ms_token *k)
{
    if (k->kind != MS_TOK_ARABIC || !(k->pro & MS_PRO_S) || k->pro_len >= k->nend - k->nstart)
        return false;
    const char *s = t->norm.text + k->nstart + k->pro_len;
    return letter_is(s, "\xD9\x8A") || letter_is(s, "\xD8\xAA") || letter_is(s, "\xD9\x86");
}

/* A future cue shortly before token i in its sentence: a future verb, or
 * سوف / المقرر / المرتقب…. */
static bool future_before(const dctx *c, size_t i)
{
    size_t a = i > c->first + 8 ? i - 8 : c->first;
    for (size_t j = a; j < i; j++)
        if (future_verb(c->t, &c->t->tok[j]) || has(c, j, R_FUTURE))
            return true;
    return false;
}

enum { M_PAST_TOL, M_FUTURE_TOL, M_PAST, M_NEXT, M_CURRENT };

/* Pick one of three candidate days (years base-1 .. base+1) for a date whose
 * year the text leaves out. */
static int pick_day(const dctx *c, const int64_t cand[3], const bool ok[3], int mode, int wd)
{
    bool use[3];
    bool any_wd = false;
    for (int k = 0; k < 3; k++)
        any_wd |= ok[k] && wd && weekday_of_days(cand[k]) == wd;
    for (int k = 0; k < 3; k++)
        use[k] = ok[k] && (!any_wd || weekday_of_days(cand[k]) == wd);
    int best = -1;
    int64_t r = c->ref_days;
    for (int k = 0; k < 3; k++) {
        if (!use[k])
            continue;
        int64_t d = cand[k];
        bool fits = mode == M_PAST_TOL ? d <= r + 7 : mode == M_FUTURE_TOL ? d >= r - 7 : mode == M_PAST ? d < r :
                    mode == M_NEXT ? d > r : k == 1;
        if (!fits)
            continue;
        /* past modes keep the latest, future modes the earliest */
        if (mode == M_PAST_TOL || mode == M_PAST || best < 0)
            best = k;
        if (mode == M_FUTURE_TOL || mode == M_NEXT)
            break;
    }
    return best;
}

static int mode_for(const dctx *c, size_t start, int rel)
{
    if (rel == R_PAST)
        return M_PAST;
    if (rel == R_NEXT)
        return M_NEXT;
    if (rel == R_CURRENT)
        return M_CURRENT;
    return future_before(c, start) ? M_FUTURE_TOL : M_PAST_TOL;
}

static uint32_t rel_at(const dctx *c, size_t i)
{
    const dentry *e = E(c, i);
    return e ? e->roles & (R_PAST | R_NEXT | R_CURRENT) : 0;
}

static void emit(dctx *c, size_t a, size_t b, const dval *v)
{
    if (c->rc || v->bad)
        return;
    ms_date *d = msvec_push(c->out);
    if (!d) {
        c->rc = MARSAD_ENOMEM;
        return;
    }
    d->tok_first = (uint32_t)a;
    d->tok_end = (uint32_t)b;
    d->start = c->strip[a] ? c->t->norm.map[c->t->tok[a].nstart + c->strip[a]] : c->t->tok[a].start;
    d->end = c->t->tok[b - 1].end;
    d->year = v->y;
    d->month = v->prec == MS_PREC_YEAR ? 0 : v->m;
    d->day = v->prec == MS_PREC_DAY ? v->d : 0;
    d->precision = v->prec;
    d->relative = v->rel;
    d->hijri = v->hijri;
    d->weekday = v->wd;
    d->year_inferred = v->yinf;
}

/* A month name at i, with a second name of the pair when one follows
 * (تشرين الأول/أكتوبر، أكتوبر (تشرين الأول)). */
static size_t month_at(const dctx *c, size_t i, const dentry **me, bool *paired)
{
    *paired = false;
    size_t end = phrase(c, i, R_MONTH, me);
    if (!end)
        return 0;
    const dentry *e2;
    size_t e2end;
    if (is_punct(c, end, "/") && (e2end = phrase(c, end + 1, R_MONTH, &e2)) && (e2->cal == CAL_HIJRI) == ((*me)->cal == CAL_HIJRI)) {
        *paired = true;
        return e2end;
    }
    if (is_punct(c, end, "(") && (e2end = phrase(c, end + 1, R_MONTH, &e2)) && is_punct(c, e2end, ")") &&
        (e2->cal == CAL_HIJRI) == ((*me)->cal == CAL_HIJRI)) {
        *paired = true;
        return e2end + 1;
    }
    /* سبتمبر أيلول, ديسمبر - كانون الأول: the same month, without a slash */
    size_t q = is_punct(c, end, "-") ? end + 1 : end;
    if ((e2end = phrase(c, q, R_MONTH, &e2)) && e2->month == (*me)->month && e2->cal == CAL_ARABIC &&
        (*me)->cal == CAL_ARABIC) {
        *paired = true;
        return e2end;
    }
    return end;
}

/* A year number at i and the era words after it. *era: 0 none, R_AD, R_AH;
 * returns 0 for a year before the common era. */
static size_t year_at(const dctx *c, size_t i, int *y, uint32_t *era)
{
    int v;
    size_t nd;
    *era = 0;
    if (!int_tok(c, i, &v, &nd) || nd != 4 || v < 1000)
        return 0;
    size_t end = i + 1;
    const dentry *e;
    size_t pe = phrase(c, end, R_AD | R_AH | R_ERA_BC, &e);
    if (pe) {
        if (e->roles & R_ERA_BC)
            return 0;
        *era = e->roles & R_AH ? R_AH : R_AD;
        end = pe;
    }
    *y = v;
    return end;
}

/* After a month: "من عام 2023", "من العام الماضي", "من هذا العام". */
static size_t year_phrase(const dctx *c, size_t i, int *y, bool *rel)
{
    uint32_t era;
    size_t end;
    *rel = false;
    if (has(c, i, R_YEARWORD) && (end = year_at(c, i + 1, y, &era)) && era != R_AH)
        return end;
    if (!c->has_ref)
        return 0;
    const dentry *e = E(c, i), *e2 = E(c, i + 1);
    if (has(c, i, R_THIS) && e2 && (e2->roles & R_PERIOD) && e2->period == P_YEAR) {
        *y = c->ref.y;
        *rel = true;
        return i + 2;
    }
    uint32_t r;
    if (e && (e->roles & R_PERIOD) && e->period == P_YEAR && (r = rel_at(c, i + 1))) {
        *y = c->ref.y + (r & R_PAST ? -1 : r & R_NEXT ? 1 : 0);
        *rel = true;
        return i + 2;
    }
    return 0;
}

/* Resolve day d of month m (Gregorian) or of Hijri month m when the text
 * gives no year. */
/* Without a reference date: the year of a well-known day the text speaks of
 * (7 أكتوبر in an article on Hamas and the hostages). */
static bool contains(const char *s, size_t n, const char *w)
{
    size_t wn = strlen(w);
    for (const char *p = s; wn && (size_t)(s + n - p) >= wn; p++) {
        p = memchr(p, w[0], (size_t)(s + n - p) - wn + 1);
        if (!p)
            return false;
        if (!memcmp(p, w, wn))
            return true;
    }
    return false;
}

static bool anchor_day(const dctx *c, int m, int d, dval *v)
{
    const char *text = c->t->norm.text;
    size_t n = c->t->norm.len;
    for (size_t i = 0; i < c->dt->nanchors; i++) {
        const danchor *a = &c->dt->anchors[i];
        if (a->m != m || a->d != d)
            continue;
        for (size_t j = 0; j < a->nwords; j++)
            if (contains(text, n, a->words[j])) {
                v->y = a->y;
                v->m = m;
                v->d = d;
                return true;
            }
    }
    return false;
}

static bool infer_day(const dctx *c, int m, int d, bool hijri, int mode, int wd, dval *v)
{
    if (!c->has_ref)
        return !hijri && anchor_day(c, m, d, v);
    int64_t cand[3] = {0, 0, 0};
    bool ok[3];
    int base = c->ref.y, hm;
    if (hijri && !days_hijri(c->ref_days, &base, &hm))
        return false;
    for (int k = 0; k < 3; k++) {
        int y = base - 1 + k;
        if (hijri)
            ok[k] = hijri_days(y, m, d, &cand[k]);
        else if ((ok[k] = valid_ymd(y, m, d)))
            cand[k] = ymd_days(y, m, d);
    }
    int k = pick_day(c, cand, ok, mode, wd);
    if (k < 0)
        return false;
    ms_ymd r = days_ymd(cand[k]);
    v->y = r.y;
    v->m = r.m;
    v->d = r.d;
    return true;
}

/* The year of month m when the text gives none. */
static bool infer_month(const dctx *c, int m, int mode, dval *v)
{
    if (!c->has_ref)
        return false;
    int r = c->ref.y * 12 + c->ref.m - 1;
    int best = INT_MIN;
    for (int k = -1; k <= 1; k++) {
        int idx = (c->ref.y + k) * 12 + m - 1;
        bool fits = mode == M_PAST_TOL ? idx <= r : mode == M_FUTURE_TOL ? idx >= r : mode == M_PAST ? idx < r :
                    mode == M_NEXT ? idx > r : k == 0;
        if (!fits)
            continue;
        if (best == INT_MIN || mode == M_PAST_TOL || mode == M_PAST)
            best = c->ref.y + k;
        if (mode == M_FUTURE_TOL || mode == M_NEXT)
            break;
    }
    if (best == INT_MIN)
        return false;
    v->y = best;
    v->m = m;
    return true;
}

/* A Hijri month as the Gregorian month holding its 15th day. Without a year
 * the Hijri year is chosen as for days, comparing the month's first day
 * (past, next) or its last day (future, ended) with the reference. */
static bool hijri_month(const dctx *c, int hy, int hm, int mode, dval *v)
{
    int64_t days;
    if (hy) {
        if (!hijri_days(hy, hm, 15, &days))
            return false;
    } else {
        int base, cur;
        if (!c->has_ref || !days_hijri(c->ref_days, &base, &cur))
            return false;
        int64_t first[3] = {0, 0, 0}, last[3];
        bool ok[3];
        for (int k = 0; k < 3; k++) {
            ok[k] = hijri_days(base - 1 + k, hm, 1, &first[k]);
            last[k] = first[k] + 28;
        }
        bool by_last = mode == M_FUTURE_TOL || mode == M_PAST;
        int k = pick_day(c, by_last ? last : first, ok, mode, 0);
        if (k < 0)
            return false;
        days = first[k] + 14;
    }
    ms_ymd r = days_ymd(days);
    v->y = r.y;
    v->m = r.m;
    return true;
}

/* An ordinal after a definite noun qualifies it (الأسبوع الأول من أكتوبر)
 * rather than naming a day. */
static bool ordinal_qualifies(const dctx *c, size_t i)
{
    if (i <= c->first || c->t->tok[i - 1].kind != MS_TOK_ARABIC || has(c, i - 1, R_MONTH_CUE))
        return false;
    const ms_token *p = &c->t->tok[i - 1];
    return (p->pro & MS_PRO_AL) || (p->nend - p->nstart > 4 && !memcmp(c->t->norm.text + p->nstart, AR_AL, 4));
}

/* A day with its month: "7 أكتوبر 2023", "السابع من تشرين الأول", "9th, October
 * 2023", "15 رمضان 1445 هـ", with the year inferred when missing. `wd` is the
 * weekday written before it, if any; `merged` says a weekday or a time of day
 * precedes, so an ordinal is not an adjective of the noun before it. */
static size_t day_date(dctx *c, size_t i, int wd, bool merged, dval *v)
{
    int d = 0;
    size_t j;
    const dentry *e;
    if (day_tok(c, i, &d)) {
        j = i + 1;
        if (has(c, j, R_ORD_SUFFIX) && !c->t->tok[j].space_before)
            j++;
    } else if ((j = phrase(c, i, R_ORDINAL, &e))) {
        d = e->ordinal;
        if (!has(c, j, R_OF))
            return 0;
        if (!merged && ordinal_qualifies(c, i))
            return 0;
    } else {
        return 0;
    }
    if (is_comma(c, j) && has(c, j + 1, R_MONTH))
        j++;
    if (has(c, j, R_OF) && has(c, j + 1, R_MONTH))
        j++;
    const dentry *me;
    bool paired;
    size_t k = month_at(c, j, &me, &paired);
    if (!k)
        return 0;
    bool hijri = me->cal == CAL_HIJRI;
    int m = me->month, y = 0;
    uint32_t era = 0;
    bool rel = false;
    size_t yend;
    *v = (dval){0};
    v->prec = MS_PREC_DAY;
    v->wd = (uint8_t)wd;
    v->hijri = hijri;
    if ((yend = year_at(c, k, &y, &era)) ||
        (me->cal == CAL_ENGLISH && is_comma(c, k) && (yend = year_at(c, k + 1, &y, &era)))) {
        k = yend;
    } else if (!hijri && ((has(c, k, R_OF) && (yend = year_phrase(c, k + 1, &y, &rel))) ||
                          (yend = year_phrase(c, k, &y, &rel)))) {
        k = yend;
    } else if (rel_at(c, k)) {
        int mode = mode_for(c, i, (int)rel_at(c, k));
        if (!infer_day(c, m, d, hijri, mode, wd, v))
            return 0;
        v->rel = 1;
        return k + 1;
    } else {
        if (!infer_day(c, m, d, hijri, mode_for(c, i, 0), wd, v))
            return 0;
        v->yinf = 1;
        return k;
    }
    if (hijri) {
        int64_t days;
        if (!hijri_days(y, m, d, &days)) {
            v->bad = 1;
            return k;
        }
        ms_ymd r = days_ymd(days);
        v->y = r.y;
        v->m = r.m;
        v->d = r.d;
    } else {
        if (!valid_ymd(y, m, d)) {
            v->bad = 1;
            return k;
        }
        v->y = y;
        v->m = m;
        v->d = d;
    }
    v->rel = rel;
    return k;
}

/* 20/10/2023, 20-10-2023, 20.10.2023, 2023-10-20 (and the date of an ISO
 * timestamp). Day first: the Arab convention. */
static size_t numeric_date(const dctx *c, size_t i, dval *v)
{
    const ms_text *t = c->t;
    if (i >= c->lim || t->tok[i].kind != MS_TOK_NUMBER)
        return 0;
    /* the middle of a longer run (a phone number, a version) */
    if (i >= c->first + 2 && !t->tok[i].space_before && t->tok[i - 1].kind == MS_TOK_PUNCT &&
        !t->tok[i - 1].space_before && t->tok[i - 2].kind == MS_TOK_NUMBER)
        return 0;
    char buf[40];
    size_t ends[8], n = 0, ntk = 0;
    /* the run may cross a sentence end the dots of 20.10.2023 made */
    for (size_t j = i; j < t->ntok && ntk < 8; j++) {
        const ms_token *k = &t->tok[j];
        if (j > i && k->space_before)
            break;
        size_t kl = k->nend - k->nstart;
        const char *ks = t->norm.text + k->nstart;
        if (!(k->kind == MS_TOK_NUMBER || (k->kind == MS_TOK_PUNCT && kl == 1 && strchr("/-.", ks[0]))))
            break;
        if (n + kl >= sizeof buf)
            break;
        memcpy(buf + n, ks, kl);
        n += kl;
        ends[ntk++] = n;
    }
    buf[n] = 0;
    int f[3];
    size_t fl[3], p = 0;
    char sep = 0;
    for (int q = 0; q < 3; q++) {
        size_t a = p;
        f[q] = 0;
        while (p < n && buf[p] >= '0' && buf[p] <= '9' && p - a < 4)
            f[q] = f[q] * 10 + (buf[p++] - '0');
        fl[q] = p - a;
        if (!fl[q] || (p < n && buf[p] >= '0' && buf[p] <= '9'))
            return 0;
        if (q < 2) {
            if (p >= n || (sep && buf[p] != sep) || !strchr("/-.", buf[p]))
                return 0;
            sep = buf[p++];
        }
    }
    /* more of the same pattern follows: not a date */
    if (p + 1 < n && buf[p] == sep && buf[p + 1] >= '0' && buf[p + 1] <= '9')
        return 0;
    size_t end = 0;
    for (size_t q = 0; q < ntk; q++)
        if (ends[q] == p)
            end = i + q + 1;
    if (!end)
        return 0;
    int y, m, d;
    if (fl[0] == 4 && fl[1] <= 2 && fl[2] <= 2) {
        y = f[0];
        m = f[1];
        d = f[2];
    } else if (fl[0] <= 2 && fl[1] <= 2 && fl[2] == 4) {
        d = f[0];
        m = f[1];
        y = f[2];
    } else {
        return 0;
    }
    if (y < 1900 || y > 2100 || !valid_ymd(y, m, d))
        return 0;
    *v = (dval){.y = y, .m = m, .d = d, .prec = MS_PREC_DAY};
    return end;
}

/* The day of weekday wd nearest to anchor (at most three days away). */
static int64_t nearest_weekday(int64_t anchor, int wd)
{
    int diff = (wd - weekday_of_days(anchor) + 7) % 7; /* 0..6 forward */
    return diff <= 3 ? anchor + diff : anchor + diff - 7;
}

static void set_days(dval *v, int64_t days)
{
    ms_ymd r = days_ymd(days);
    v->y = r.y;
    v->m = r.m;
    v->d = r.d;
}

/* An explicit day right after a weekday: "الجمعة 20 أكتوبر", "الخميس، الموافق
 * 19/10/2023", "Mon, 16 Apr 2018". */
static size_t explicit_after(dctx *c, size_t j, int wd, dval *v)
{
    if (is_comma(c, j) || is_punct(c, j, "("))
        j++;
    if (has(c, j, R_EQUALS))
        j++;
    size_t end = day_date(c, j, wd, true, v);
    if (!end && (end = numeric_date(c, j, v)))
        v->wd = (uint8_t)wd;
    return end;
}

/* Weekdays and relative days: "الأحد", "يوم الأحد الماضي", "صباح السبت",
 * "اليوم الجمعة", "أمس", "مساء أمس الاثنين", "غداً", "أول أمس", and a weekday
 * followed by its explicit date. */
static size_t day_phrase(dctx *c, size_t i)
{
    const ms_text *t = c->t;
    size_t j = i;
    bool part = false, dword = false;
    if (has(c, j, R_DAYPART)) {
        part = true;
        j++;
    }
    if (has(c, j, R_DAYWORD)) {
        dword = true;
        j++;
    }
    int off = INT_MIN, wd = 0;
    bool latin = false;
    const dentry *e;
    size_t pe = phrase(c, j, R_DAY | R_DAY_GUARDED, &e);
    if (pe) {
        bool ok = true;
        if (e->roles & R_DAY_GUARDED) {
            const ms_token *k = &t->tok[j];
            bool tanwin = false;
            for (uint32_t b = k->start; b + 1 < k->end; b++)
                if (!memcmp(t->src + b, AR_TANWIN_FATH, 2))
                    tanwin = true;
            ok = tanwin || part || dword || has(c, pe, R_WEEKDAY) || pe >= c->lim ||
                 t->tok[pe].kind == MS_TOK_PUNCT;
        } else if (e->day_off == 0 && pe == j + 1) {
            /* اليوم التالي، ذلك اليوم، اليوم الأول: "the day", not today */
            ok = !(j > c->first && has(c, j - 1, R_NOT_TODAY_BEFORE)) &&
                 !has(c, pe, R_NOT_TODAY_AFTER | R_ORDINAL | R_PAST | R_NEXT | R_CURRENT) &&
                 !(pe < c->lim && t->tok[pe].kind == MS_TOK_ARABIC && t->tok[pe].nend - t->tok[pe].nstart == 4 &&
                   !memcmp(t->norm.text + t->tok[pe].nstart, AR_AL, 4));
        }
        if (!ok)
            return 0;
        off = e->day_off;
        j = pe;
        if (is_comma(c, j) && has(c, j + 1, R_WEEKDAY))
            j++;
    }
    if ((e = E(c, j)) && (e->roles & R_WEEKDAY)) {
        /* بين الاثنين "between the two"; الأحد عشر "eleven" */
        if ((j > c->first && has(c, j - 1, R_PAIR_GUARD)) ||
            (j + 1 < c->lim && t->tok[j + 1].kind == MS_TOK_ARABIC &&
             t->tok[j + 1].nend - t->tok[j + 1].nstart == strlen(AR_ASHR) &&
             !memcmp(t->norm.text + t->tok[j + 1].nstart, AR_ASHR, strlen(AR_ASHR))))
            return 0;
        wd = e->weekday;
        latin = e->latin;
        j++;
    }
    dval v;
    size_t end;
    if (off == INT_MIN && wd == 0) {
        /* a time of day or يوم before an explicit date: "مساء 7 أكتوبر" */
        if ((part || dword) && (end = explicit_after(c, j, 0, &v))) {
            emit(c, i, end, &v);
            return end;
        }
        return 0;
    }
    uint32_t rel = wd && off == INT_MIN ? rel_at(c, j) : 0;
    if (rel)
        j++;
    /* "اليوم الجمعة": what day the text was written, for a document without a date */
    if (!c->has_ref && !latin && off == 0 && wd && c->today_wd && !*c->today_wd)
        *c->today_wd = wd;
    if (wd && (end = explicit_after(c, j, wd, &v))) {
        emit(c, i, end, &v);
        return end;
    }
    if (latin || !c->has_ref)
        return 0;
    v = (dval){.prec = MS_PREC_DAY, .rel = 1, .wd = (uint8_t)wd};
    int64_t day, r = c->ref_days;
    if (off != INT_MIN) {
        day = r + off;
        if (wd)
            day = nearest_weekday(day, wd);
    } else {
        int rw = weekday_of_days(r);
        int back = (rw - wd + 7) % 7, fwd = (wd - rw + 7) % 7;
        if (rel & R_PAST)
            day = r - (back ? back : 7);
        else if (rel & R_NEXT)
            day = r + (fwd ? fwd : 7);
        else if (!(rel & R_CURRENT) && future_before(c, i))
            day = r + fwd;
        else
            day = r - back;
    }
    set_days(&v, day);
    emit(c, i, j, &v);
    return j;
}

/* A month without a day: "أكتوبر 2023", "شهر رمضان", "في نوفمبر",
 * "نوفمبر/تشرين الثاني الماضي", "مارس من العام الماضي", "October 9, 2023". */
static size_t month_phrase(dctx *c, size_t i)
{
    size_t j = i;
    bool mword = false;
    if (has(c, j, R_MONTH_WORD) && has(c, j + 1, R_MONTH)) {
        mword = true;
        j++;
    }
    const dentry *me;
    bool paired;
    size_t k = month_at(c, j, &me, &paired);
    if (!k)
        return 0;
    int m = me->month, y, d;
    bool hijri = me->cal == CAL_HIJRI;
    uint32_t era;
    size_t end;
    dval v = {.prec = MS_PREC_MONTH, .hijri = hijri};
    if (me->cal == CAL_ENGLISH) {
        /* October 9, 2023 */
        size_t q = is_punct(c, k, ".") ? k + 1 : k;
        if (day_tok(c, q, &d)) {
            q++;
            if (has(c, q, R_ORD_SUFFIX) && !c->t->tok[q].space_before)
                q++;
            if (is_comma(c, q))
                q++;
            if ((end = year_at(c, q, &y, &era)) && valid_ymd(y, m, d)) {
                v = (dval){.y = y, .m = m, .d = d, .prec = MS_PREC_DAY};
                emit(c, i, end, &v);
                return end;
            }
            return 0;
        }
    }
    bool rel = false;
    int hy = 0, mode = -1;
    if ((end = year_at(c, k, &y, &era))) {
        hy = y;
    } else if (!hijri && ((has(c, k, R_OF) && (end = year_phrase(c, k + 1, &y, &rel))) ||
                          (end = year_phrase(c, k, &y, &rel)))) {
        hy = y;
    } else if (me->cal != CAL_ENGLISH && rel_at(c, k)) {
        mode = mode_for(c, i, (int)rel_at(c, k));
        end = k + 1;
        rel = true;
    } else {
        bool cue = i > c->first && has(c, i - 1, R_MONTH_CUE);
        /* a bare name is a month only after a cue: حرب أكتوبر is a name */
        bool ok = me->cal != CAL_ENGLISH && (mword || (cue && (paired || (!me->strict && !hijri))));
        if (!ok)
            return 0;
        mode = mode_for(c, i, 0);
        end = k;
        v.yinf = 1;
    }
    if (hijri) {
        if (!hijri_month(c, hy, m, mode < 0 ? M_CURRENT : mode, &v))
            return 0;
    } else if (hy) {
        v.y = hy;
        v.m = m;
    } else if (!infer_month(c, m, mode, &v)) {
        return 0;
    }
    v.rel = rel;
    emit(c, i, end, &v);
    return end;
}

/* "عام 2023", "العام 2018", "عام 1445 هـ", "عامي 2022 و2023". */
static size_t year_word_phrase(dctx *c, size_t i)
{
    int y;
    uint32_t era;
    size_t end = year_at(c, i + 1, &y, &era);
    if (!end)
        return 0;
    dval v = {.prec = MS_PREC_YEAR};
    if (era == R_AH) {
        int64_t days;
        /* the Gregorian year holding the middle of the Hijri year */
        if (!hijri_days(y, 7, 1, &days))
            return 0;
        v.y = days_ymd(days).y;
        v.hijri = 1;
    } else {
        if (y > 2999)
            return 0;
        v.y = y;
    }
    emit(c, i, end, &v);
    if (has(c, i, R_YEARWORD_DUAL) && has(c, end, R_RANGE) && !v.hijri) {
        size_t e2 = year_at(c, end + 1, &y, &era);
        if (e2 && era != R_AH) {
            v.y = y;
            emit(c, end + 1, e2, &v);
            return e2;
        }
    }
    return end;
}

/* "الشهر الماضي", "هذا العام", "الأسبوع المقبل", "السنة الجارية". */
static size_t period_phrase(dctx *c, size_t i)
{
    size_t j = i;
    bool this = false;
    const dentry *e;
    if (has(c, j, R_THIS) && has(c, j + 1, R_PERIOD)) {
        this = true;
        j++;
    }
    if (!(e = E(c, j)) || !(e->roles & R_PERIOD))
        return 0;
    int period = e->period;
    j++;
    uint32_t rel = this ? R_CURRENT : rel_at(c, j);
    if (!rel)
        return 0;
    if (!this) {
        j++;
        /* الأمين العام المقبل: العام is "general" there */
        if (period == P_YEAR && i > c->first && has(c, i - 1, R_GENERAL))
            return 0;
    }
    if (!c->has_ref)
        return 0;
    int dir = rel & R_PAST ? -1 : rel & R_NEXT ? 1 : 0;
    dval v = {.rel = 1};
    if (period == P_WEEK) {
        /* no week precision: the month of the day a week away */
        set_days(&v, c->ref_days + 7 * dir);
        v.prec = MS_PREC_MONTH;
    } else if (period == P_MONTH) {
        int idx = c->ref.y * 12 + c->ref.m - 1 + dir;
        v.y = idx / 12;
        v.m = idx % 12 + 1;
        v.prec = MS_PREC_MONTH;
    } else {
        v.y = c->ref.y + dir;
        v.prec = MS_PREC_YEAR;
    }
    emit(c, i, j, &v);
    return j;
}

/* The day a token starts: a number or an ordinal phrase; returns its end. */
static size_t day_word(const dctx *c, size_t i, int *d)
{
    const dentry *e;
    size_t j;
    if (day_tok(c, i, d))
        return i + 1;
    if ((j = phrase(c, i, R_ORDINAL, &e))) {
        *d = e->ordinal;
        return j;
    }
    return 0;
}

/* Two days of one month: "7 و8 أكتوبر", "من 3 إلى 6 أبريل", "الرابع والخامس
 * من ديسمبر". The first day shares the month and year of the second. */
static size_t day_range(dctx *c, size_t i)
{
    int d, d2;
    size_t j = day_word(c, i, &d), s2;
    if (!j || (!day_tok(c, i, &d) && ordinal_qualifies(c, i)))
        return 0;
    if (has(c, j, R_RANGE) || is_punct(c, j, "-"))
        s2 = j + 1;
    else if (j < c->lim && (c->t->tok[j].pro & MS_PRO_W) && has(c, j, R_ORDINAL))
        s2 = j;
    else
        return 0;
    dval v2;
    size_t e2 = day_date(c, s2, 0, true, &v2);
    if (!e2 || v2.hijri || !day_word(c, s2, &d2) || d >= d2)
        return 0;
    dval v1 = v2;
    v1.d = d;
    v1.wd = 0;
    if (!v1.bad && valid_ymd(v1.y, v1.m, v1.d))
        emit(c, i, j, &v1);
    emit(c, s2, e2, &v2);
    return e2;
}

/* Dates starting at a number: numeric dates, day + month (and a range of days
 * before it: "7 و8 أكتوبر"), a year with its era ("1445 هـ", "2023م"). */
static size_t number_start(dctx *c, size_t i)
{
    dval v;
    size_t end;
    if ((end = numeric_date(c, i, &v))) {
        emit(c, i, end, &v);
        return end;
    }
    if ((end = day_date(c, i, 0, false, &v))) {
        emit(c, i, end, &v);
        return end;
    }
    if ((end = day_range(c, i)))
        return end;
    int y;
    uint32_t era;
    /* a bare year needs its era; "م" alone is also "metres", so a Gregorian
     * one needs a preposition too (في 2023م) */
    if ((end = year_at(c, i, &y, &era)) && era &&
        (era == R_AH || (i > c->first && has(c, i - 1, R_MONTH_CUE) && y >= 1900 && y <= 2100))) {
        v = (dval){.prec = MS_PREC_YEAR};
        if (era == R_AH) {
            int64_t days;
            if (!hijri_days(y, 7, 1, &days))
                return 0;
            v.y = days_ymd(days).y;
            v.hijri = 1;
        } else {
            if (y > 2999)
                return 0;
            v.y = y;
        }
        emit(c, i, end, &v);
        return end;
    }
    return 0;
}

static size_t match_at(dctx *c, size_t i)
{
    const ms_token *k = &c->t->tok[i];
    if (k->kind == MS_TOK_NUMBER)
        return number_start(c, i);
    const dentry *e = E(c, i);
    if (!e)
        return 0;
    size_t end;
    dval v;
    if ((e->roles & (R_ORDINAL | R_PREFIX)) && (end = day_date(c, i, 0, false, &v))) {
        emit(c, i, end, &v);
        return end;
    }
    if ((e->roles & (R_ORDINAL | R_PREFIX)) && (end = day_range(c, i)))
        return end;
    if ((e->roles & (R_DAYPART | R_DAYWORD | R_WEEKDAY | R_DAY | R_DAY_GUARDED | R_PREFIX)) && (end = day_phrase(c, i)))
        return end;
    if ((e->roles & (R_MONTH | R_MONTH_WORD | R_PREFIX)) && (end = month_phrase(c, i)))
        return end;
    if ((e->roles & (R_YEARWORD | R_YEARWORD_DUAL)) && (end = year_word_phrase(c, i)))
        return end;
    if ((e->roles & (R_THIS | R_PERIOD)) && (end = period_phrase(c, i)))
        return end;
    return 0;
}

static int find_dates(const ms_textmodel *tm, const ms_text *t, ms_ymd ref, msvec *out, int *today_wd)
{
    if (!tm || !tm->dates || !t || !out)
        return MARSAD_EINVAL;
    if (t->ntok == 0)
        return MARSAD_OK;
    int32_t *lex = malloc(t->ntok * (sizeof *lex + 1));
    if (!lex)
        return MARSAD_ENOMEM;
    uint8_t *strip = (uint8_t *)(lex + t->ntok);
    for (size_t i = 0; i < t->ntok; i++) {
        const ms_token *k = &t->tok[i];
        strip[i] = 0;
        lex[i] = -1;
        if (k->kind != MS_TOK_ARABIC && k->kind != MS_TOK_LATIN)
            continue;
        /* most words cannot start a date: leave them for a lookup on demand
         * (the text layer may have found that out already) */
        bool may = k->wflags & MS_WF_SET ? (k->wflags & MS_WF_DATE) != 0 : ms_date_may_start(tm, t, k);
        if (may)
            lex[i] = lookup_token(tm->dates, tm->dates->filter, t, k, &strip[i]);
        else
            lex[i] = -2;
    }
    dctx c = {.dt = tm->dates, .t = t, .lex = lex, .strip = strip, .ref = ref, .out = out, .today_wd = today_wd};
    c.has_ref = valid_ymd(ref.y, ref.m, ref.d);
    if (c.has_ref)
        c.ref_days = ymd_days(ref.y, ref.m, ref.d);
    for (size_t s = 0; s < t->nsent && !c.rc; s++) {
        c.first = t->sent[s].tok_first;
        c.lim = t->sent[s].tok_end;
        for (size_t i = c.done > c.first ? c.done : c.first; i < c.lim && !c.rc;) {
            size_t end = t->tok[i].kind == MS_TOK_NUMBER || (lex[i] >= 0 && (c.dt->ent[lex[i]].roles & R_STARTS)) ?
                         match_at(&c, i) : 0;
            if (end > i)
                c.done = end;
            i = end > i ? end : i + 1;
        }
    }
    free(lex);
    return c.rc;
}

int ms_find_dates(const ms_textmodel *tm, const ms_text *t, ms_ymd ref, msvec *out)
{
    return find_dates(tm, t, ref, out, NULL);
}

int ms_find_explicit_dates(const ms_textmodel *tm, const ms_text *t, msvec *out, int *today_wd)
{
    if (today_wd)
        *today_wd = 0;
    return find_dates(tm, t, (ms_ymd){0, 0, 0}, out, today_wd);
}

/* MARK: metadata dates */

bool ms_parse_meta_date(const ms_textmodel *tm, const char *s, ms_ymd *out)
{
    if (!s || !out)
        return false;
    size_t n = strlen(s);
    while (n && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r')) {
        s++;
        n--;
    }
    ms_ymd r;
    if (ms_ymd_parse(s, &r)) {
        *out = r;
        return true;
    }
    if (!tm || n == 0 || n > 4096)
        return false;
    ms_text t;
    if (ms_text_analyze(tm, s, n, MARSAD_NORM_DEFAULT, &t) != MARSAD_OK)
        return false;
    msvec v;
    msvec_init(&v, sizeof(ms_date));
    bool found = false;
    if (ms_find_dates(tm, &t, (ms_ymd){0, 0, 0}, &v) == MARSAD_OK) {
        for (size_t i = 0; i < v.n && !found; i++) {
            const ms_date *d = &MSVEC_AT(&v, ms_date, i);
            if (d->precision == MS_PREC_DAY && !d->relative && !d->year_inferred) {
                *out = (ms_ymd){d->year, d->month, d->day};
                found = true;
            }
        }
    }
    msvec_free(&v);
    ms_text_free(&t);
    return found;
}
