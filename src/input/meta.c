/* meta.c — small readers shared by the formats: metadata dates and
 * character references. */
#include <stdlib.h>
#include <libxml/HTMLparser.h>

#include "input/reader.h"

/* MARK: dates */

static bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static bool valid_ymd(int y, int m, int d)
{
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1)
        return false;
    return d <= mdays[m - 1] + (m == 2 && leap(y));
}

void ms_ymd_format(int y, int m, int d, char out[11])
{
    const int v[3] = {y, m, d}, w[3] = {4, 2, 2};
    size_t o = 0;
    for (int k = 0; k < 3; k++) {
        if (k)
            out[o++] = '-';
        for (int i = w[k] - 1, x = v[k] < 0 ? 0 : v[k]; i >= 0; i--, x /= 10)
            out[o + (size_t)i] = (char)('0' + x % 10);
        o += (size_t)w[k];
    }
    out[o] = 0;
}

static bool put(int y, int m, int d, char out[11])
{
    if (!valid_ymd(y, m, d))
        return false;
    ms_ymd_format(y, m, d, out);
    return true;
}

static int month_name(const char *s, size_t n)
{
    static const char *const names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};
    static const char *const full[] = {"january", "february", "march", "april", "may", "june", "july",
                                       "august", "september", "october", "november", "december"};
    if (n < 3)
        return 0;
    for (int i = 0; i < 12; i++) {
        size_t fl = strlen(full[i]);
        if ((n == 3 || (n == 4 && i == 8)) && ms_ascii_ieq(s, names[i], 3))
            return i + 1;
        if (n == fl && ms_ascii_ieq(s, full[i], n))
            return i + 1;
    }
    return 0;
}

static int num(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

bool ms_meta_date(const char *s, size_t n, char out[11])
{
    while (n > 0 && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
        s++, n--;
    /* ISO 8601 and its slash/dot spellings: YYYY-MM-DD… */
    if (n >= 10 && s[4] == s[7] && (s[4] == '-' || s[4] == '/' || s[4] == '.')) {
        bool digits = true;
        for (int i = 0; i < 10; i++)
            if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
                digits = false;
        if (digits)
            return put(num(s, 4), num(s + 5, 2), num(s + 8, 2), out);
    }
    /* compact YYYYMMDD */
    if (n >= 8) {
        size_t k = 0;
        while (k < n && s[k] >= '0' && s[k] <= '9')
            k++;
        if (k == 8 || (k == 14 && n >= 14))
            return put(num(s, 4), num(s + 4, 2), num(s + 6, 2), out);
    }
    /* words: "Sun, 18 Feb 2018 20:50:44 GMT", "February 18, 2018", "9th, October 2023 GMT" */
    struct { const char *s; size_t n; } w[16];
    size_t nw = 0;
    for (size_t i = 0; i < n && nw < 16;) {
        while (i < n && !((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
            i++;
        size_t a = i;
        while (i < n && ((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
            i++;
        /* a time "20:50:44" is not a day */
        if (i < n && s[i] == ':') {
            while (i < n && s[i] != ' ')
                i++;
            continue;
        }
        if (i > a) {
            w[nw].s = s + a;
            w[nw].n = i - a;
            nw++;
        }
    }
    for (size_t m = 0; m < nw; m++) {
        int mon = month_name(w[m].s, w[m].n);
        if (!mon)
            continue;
        int day = 0, year = 0;
        for (int side = 0; side < 2 && !day; side++) {
            size_t k = side == 0 ? m - 1 : m + 1;
            if ((side == 0 && m == 0) || k >= nw)
                continue;
            size_t dl = 0;
            while (dl < w[k].n && w[k].s[dl] >= '0' && w[k].s[dl] <= '9')
                dl++;
            if (dl >= 1 && dl <= 2 && (dl == w[k].n || w[k].n - dl == 2))
                day = num(w[k].s, dl);
        }
        for (size_t k = m + 1; k < nw && k <= m + 3; k++)
            if (w[k].n == 4 && w[k].s[0] >= '0' && w[k].s[0] <= '9' && w[k].s[3] >= '0' && w[k].s[3] <= '9') {
                year = num(w[k].s, 4);
                break;
            }
        if (day && year)
            return put(year, mon, day, out);
        return false;
    }
    return false;
}

/* MARK: character references */

void ms_decode_entities(msbuf *b, const char *s, size_t n)
{
    size_t i = 0, run = 0;
    while (i < n) {
        const char *amp = memchr(s + i, '&', n - i);
        if (!amp)
            break;
        i = (size_t)(amp - s);
        msbuf_add(b, s + run, i - run);
        size_t j = i + 1;
        while (j < n && j - i <= 32 && s[j] != ';' && s[j] != '&' && s[j] != ' ' && s[j] != '<')
            j++;
        uint32_t cp = 0;
        bool ok = false;
        if (j < n && s[j] == ';' && j > i + 1) {
            if (s[i + 1] == '#') {
                const char *p = s + i + 2;
                size_t len = j - i - 2;
                bool hex = len > 0 && (p[0] == 'x' || p[0] == 'X');
                if (hex)
                    p++, len--;
                ok = len > 0 && len <= 8;
                for (size_t k = 0; k < len && ok; k++) {
                    char c = p[k];
                    int d = c >= '0' && c <= '9' ? c - '0'
                            : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                            : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
                    if (d < 0)
                        ok = false;
                    else
                        cp = cp * (hex ? 16 : 10) + (uint32_t)d;
                }
                if (ok && (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)))
                    cp = 0xFFFD;
            } else {
                char name[40];
                size_t len = j - i - 1;
                memcpy(name, s + i + 1, len);
                name[len] = 0;
                const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
                if (e) {
                    cp = e->value;
                    ok = true;
                }
            }
        }
        if (ok) {
            char u[4];
            /* no-break spaces read as spaces in the article text */
            if (cp == 0xA0)
                cp = ' ';
            msbuf_add(b, u, ms_utf8_encode(cp, u));
            i = j + 1;
        } else {
            msbuf_addc(b, '&');
            i++;
        }
        run = i;
    }
    msbuf_add(b, s + run, n - run);
}
