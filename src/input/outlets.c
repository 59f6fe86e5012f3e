/* outlets.c — outlet names and hosts to canonical English names. */
#include <stdlib.h>

#include "input/outlets.h"
#include "text/text.h"
#include "util/tables.h"

#define AMBIGUOUS 0x80000000u

struct ms_outlets {
    msmap names;      /* folded name without spaces -> canon index | AMBIGUOUS */
    msmap hosts;      /* lower-case host -> canon index */
    char **canon;
    size_t ncanon;
    char **generic;   /* folded generic words, with their inner spaces */
    size_t *generic_len;
    size_t ngeneric;
};

/* Folded form used on both sides of a lookup: the text layer's word
 * normalization, then (unless keep_spaces) no spaces or punctuation, so that
 * "أ.ف.ب" and "أ ف ب", "Al-Jazeera" and "Al Jazeera" meet. */
static char *fold(const char *s, size_t n, bool keep_spaces, size_t *out_len)
{
    size_t len = 0;
    char *w = ms_normalize_word(s, n, &len);
    if (!w)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)w[i];
        bool punct = c == '.' || c == '-' || c == '_' || c == '\'' || c == '"' || c == '(' || c == ')' ||
                     c == ':' || c == ',' || c == '/' || c == '|' || c == '[' || c == ']';
        if (punct)
            c = ' ';
        if (c == ' ' && (!keep_spaces || o == 0 || w[o - 1] == ' '))
            continue;
        /* Arabic comma, semicolon and guillemets are two-byte sequences */
        if (c == 0xD8 && i + 1 < len && ((unsigned char)w[i + 1] == 0x8C || (unsigned char)w[i + 1] == 0x9B)) {
            i++;
            if (keep_spaces && o > 0 && w[o - 1] != ' ')
                w[o++] = ' ';
            continue;
        }
        if (c == 0xC2 && i + 1 < len && ((unsigned char)w[i + 1] == 0xAB || (unsigned char)w[i + 1] == 0xBB)) {
            i++;
            continue;
        }
        w[o++] = (char)c;
    }
    while (o > 0 && w[o - 1] == ' ')
        o--;
    w[o] = 0;
    *out_len = o;
    return w;
}

static bool add_name(ms_outlets *o, const char *v, size_t n, uint32_t idx)
{
    bool amb = false;
    while (n > 0 && (*v == ' ' || *v == '~')) {
        amb |= *v == '~';
        v++;
        n--;
    }
    if (!n)
        return true;
    size_t kl;
    char *k = fold(v, n, false, &kl);
    if (!k)
        return false;
    bool ok = true;
    if (kl) {
        uint32_t old;
        /* a name listed plainly for one outlet stays unambiguous */
        if (!msmap_get(&o->names, k, kl, &old) || (old & AMBIGUOUS))
            ok = msmap_put(&o->names, k, kl, idx | (amb ? AMBIGUOUS : 0));
    }
    free(k);
    return ok;
}

static bool add_host(ms_outlets *o, const char *v, size_t n, uint32_t idx)
{
    char buf[256];
    if (n == 0 || n >= sizeof buf)
        return true;
    for (size_t i = 0; i < n; i++)
        buf[i] = (v[i] >= 'A' && v[i] <= 'Z') ? (char)(v[i] + 32) : v[i];
    return msmap_put(&o->hosts, buf, n, idx);
}

ms_outlets *ms_outlets_new(marsad_error *err)
{
    const ms_table *t = ms_table_get("data/input/outlets.txt");
    if (!t) {
        ms_seterr(err, MARSAD_EDATA, 0, 0, "table data/input/outlets.txt missing");
        return NULL;
    }
    ms_outlets *o = calloc(1, sizeof *o);
    if (!o)
        goto oom;
    msmap_init(&o->names);
    msmap_init(&o->hosts);
    size_t pos = 0, lineno = 0, len, cap = 0;
    const char *line;
    while (ms_next_line(t->data, t->len, &pos, &line, &len, &lineno)) {
        const char *f[4], *v[64];
        size_t fl[4], vl[64];
        size_t nf = ms_split(line, len, '|', f, fl, 4);
        if (nf >= 2 && fl[0] == 8 && !memcmp(f[0], "@generic", 8)) {
            size_t nv = ms_split(f[1], fl[1], ';', v, vl, 64);
            o->generic = calloc(nv, sizeof *o->generic);
            o->generic_len = calloc(nv, sizeof *o->generic_len);
            if (!o->generic || !o->generic_len)
                goto oom;
            for (size_t i = 0; i < nv; i++) {
                o->generic[o->ngeneric] = fold(v[i], vl[i], true, &o->generic_len[o->ngeneric]);
                if (!o->generic[o->ngeneric])
                    goto oom;
                o->ngeneric++;
            }
            continue;
        }
        if (nf < 4 || !fl[0]) {
            ms_seterr(err, MARSAD_EDATA, lineno, 0, "data/input/outlets.txt:%zu: want 4 fields separated by |",
                      lineno);
            ms_outlets_free(o);
            return NULL;
        }
        if (o->ncanon == cap) {
            cap = cap ? cap * 2 : 64;
            char **nc = realloc(o->canon, cap * sizeof *nc);
            if (!nc)
                goto oom;
            o->canon = nc;
        }
        uint32_t idx = (uint32_t)o->ncanon;
        o->canon[o->ncanon] = ms_strndup(f[0], fl[0]);
        if (!o->canon[o->ncanon])
            goto oom;
        o->ncanon++;
        if (!add_name(o, f[0], fl[0], idx))
            goto oom;
        for (int k = 1; k <= 2; k++) {
            size_t nv = ms_split(f[k], fl[k], ';', v, vl, 64);
            for (size_t i = 0; i < nv; i++)
                if (!add_name(o, v[i], vl[i], idx))
                    goto oom;
        }
        size_t nv = ms_split(f[3], fl[3], ';', v, vl, 64);
        for (size_t i = 0; i < nv; i++)
            if (!add_host(o, v[i], vl[i], idx))
                goto oom;
    }
    return o;
oom:
    ms_outlets_free(o);
    ms_seterr(err, MARSAD_ENOMEM, 0, 0, "out of memory loading outlets");
    return NULL;
}

void ms_outlets_free(ms_outlets *o)
{
    if (!o)
        return;
    msmap_free(&o->names);
    msmap_free(&o->hosts);
    for (size_t i = 0; i < o->ncanon; i++)
        free(o->canon[i]);
    free(o->canon);
    for (size_t i = 0; i < o->ngeneric; i++)
        free(o->generic[i]);
    free(o->generic);
    free(o->generic_len);
    free(o);
}

const char *ms_outlet_from_host(const ms_outlets *o, const char *url, size_t n)
{
    if (!o || !url)
        return NULL;
    size_t a = 0;
    while (a < n && (url[a] == ' ' || url[a] == '\t' || url[a] == '(' || url[a] == '<'))
        a++;
    for (size_t i = a; i + 2 < n; i++) {
        if (url[i] == ':' && url[i + 1] == '/' && url[i + 2] == '/') {
            a = i + 3;
            break;
        }
        if (url[i] == '/' || url[i] == ' ')
            break;
    }
    char host[256];
    size_t hl = 0;
    for (size_t i = a; i < n && hl < sizeof host - 1; i++) {
        char c = url[i];
        if (c == '/' || c == ':' || c == '?' || c == '#' || c == ' ' || c == ')' || c == '>' || c == '\n')
            break;
        host[hl++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    while (hl > 0 && host[hl - 1] == '.')
        hl--;
    const char *h = host;
    if (hl > 4 && !memcmp(h, "www.", 4)) {
        h += 4;
        hl -= 4;
    }
    /* the host itself, then each parent domain with at least one dot */
    while (hl > 0 && memchr(h, '.', hl)) {
        uint32_t v;
        if (msmap_get(&o->hosts, h, hl, &v))
            return o->canon[v];
        const char *dot = memchr(h, '.', hl);
        hl -= (size_t)(dot + 1 - h);
        h = dot + 1;
    }
    return NULL;
}

static bool looks_like_host(const char *s, size_t n)
{
    bool dot = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c >= 0x80)
            return false;
        if (c == '.' && i > 0 && i + 2 < n)
            dot = true;
    }
    return dot;
}

const char *ms_outlet_canonical(const ms_outlets *o, const char *name, size_t n, unsigned flags)
{
    if (!o || !name)
        return NULL;
    while (n > 0 && (name[0] == ' ' || name[0] == '\t' || name[0] == '@'))
        name++, n--;
    while (n > 0 && (name[n - 1] == ' ' || name[n - 1] == '\t' || name[n - 1] == '\n' || name[n - 1] == '\r'))
        n--;
    if (n == 0 || n > 200)
        return NULL;
    if (looks_like_host(name, n)) {
        const char *c = ms_outlet_from_host(o, name, n);
        if (c)
            return c;
    }
    size_t ql;
    char *q = fold(name, n, true, &ql);
    if (!q)
        return NULL;
    const char *res = NULL;
    /* the whole name, then without one leading generic word (longest), each
     * also without a leading ال (الأسوشيتد برس) */
    size_t best = 0;
    for (size_t i = 0; i < o->ngeneric; i++) {
        size_t gl = o->generic_len[i];
        if (gl > best && gl < ql && q[gl] == ' ' && !memcmp(q, o->generic[i], gl))
            best = gl;
    }
    for (int pass = 0; pass < 4 && !res; pass++) {
        const char *s = q;
        size_t sl = ql;
        bool context = (flags & MS_OUTLET_CONTEXT) != 0;
        if (pass >= 2) {
            if (!best)
                break;
            s = q + best + 1;
            sl = ql - best - 1;
            context = true;
        }
        if (pass % 2 == 1) {
            /* ال is two bytes each: D8 A7 D9 84 */
            if (sl < 4 + 6 || memcmp(s, "\xD8\xA7\xD9\x84", 4) != 0)
                continue;
            s += 4;
            sl -= 4;
        }
        char key[256];
        size_t kl = 0;
        for (size_t i = 0; i < sl && kl < sizeof key; i++)
            if (s[i] != ' ')
                key[kl++] = s[i];
        uint32_t v;
        if (kl && kl < sizeof key && msmap_get(&o->names, key, kl, &v) && (context || !(v & AMBIGUOUS)))
            res = o->canon[v & ~AMBIGUOUS];
    }
    free(q);
    return res;
}
