/* lexicon.c — loading the actor knowledge base (gen/actors.tsv), the trigger
 * lexicon (gen/triggers.tsv) and the grammar cue lists (data/grammar) into
 * phrase dictionaries, validating them as they load. */
#include <stdio.h>
#include <stdlib.h>

#include "lexicon/lexicon.h"
#include "text/textmodel.h"
#include "util/tables.h"

static const char *const kind_names[MS_K_NKINDS] = {"country", "demonym", "capital", "org", "person", "media",
                                                    "agent", "role", "modifier", "place", "title", "pronoun-ref"};

const char *ms_akind_name(int k) { return k >= 0 && k < MS_K_NKINDS ? kind_names[k] : "?"; }

static const char *intern(ms_lexicon *lx, const char *s, size_t n)
{
    if (!n)
        return NULL;
    uint32_t idx;
    if (msmap_get(&lx->strings, s, n, &idx))
        return MSVEC_AT(&lx->strtab, char *, idx);
    char *c = ms_strndup(s, n);
    char **slot = c ? msvec_push(&lx->strtab) : NULL;
    if (!slot) {
        free(c);
        return NULL;
    }
    *slot = c;
    msmap_put(&lx->strings, s, n, (uint32_t)lx->strtab.n - 1);
    return c;
}

static const char *intern_normalized(ms_lexicon *lx, const char *s, size_t n)
{
    size_t nn;
    char *w = ms_normalize_word(s, n, &nn);
    if (!w)
        return intern(lx, s, n);
    const char *r = intern(lx, w, nn);
    free(w);
    return r;
}

static void problem(ms_lexicon *lx, const char *table, size_t line, const char *fmt, const char *arg, size_t n)
{
    msbuf_printf(&lx->problems, "%s:%zu: ", table, line);
    msbuf_printf(&lx->problems, fmt, (int)n, arg);
    msbuf_addc(&lx->problems, '\n');
    lx->nproblems++;
}

static bool parse_date(const char *s, size_t n, ms_ymd *out)
{
    *out = (ms_ymd){0, 0, 0};
    if (!n)
        return true;
    char buf[16];
    if (n != 10)
        return false;
    memcpy(buf, s, n);
    buf[n] = 0;
    int y, m, d;
    if (sscanf(buf, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
        return false;
    *out = (ms_ymd){y, m, d};
    return true;
}

static int ymd_cmp(ms_ymd a, ms_ymd b)
{
    long x = a.y * 10000L + a.m * 100 + a.d, y = b.y * 10000L + b.m * 100 + b.d;
    return x < y ? -1 : x > y;
}

bool ms_entry_valid_on(const ms_actor_entry *e, ms_ymd date)
{
    if (!date.y)
        return true;
    if (e->from.y && ymd_cmp(date, e->from) < 0)
        return false;
    if (e->to.y && ymd_cmp(date, e->to) > 0)
        return false;
    return true;
}

/* Value of key in "k=v;k2=v2" (n bytes), or NULL with *vn = 0. */
static const char *extra_get(const char *ex, size_t n, const char *key, size_t *vn)
{
    size_t kl = strlen(key);
    size_t i = 0;
    while (i < n) {
        size_t e = i;
        while (e < n && ex[e] != ';')
            e++;
        if (e - i > kl && !memcmp(ex + i, key, kl) && ex[i + kl] == '=') {
            *vn = e - i - kl - 1;
            return ex + i + kl + 1;
        }
        i = e + 1;
    }
    *vn = 0;
    return NULL;
}

/* Is the extra `key` set to `want`? */
static bool extra_is(const char *ex, size_t n, const char *key, const char *want)
{
    size_t vn;
    const char *v = extra_get(ex, n, key, &vn);
    return v && vn == strlen(want) && !memcmp(v, want, vn);
}

/* The next space-separated word of a phrase from *i: [*i, *e). */
static bool next_word(const char *phrase, size_t n, size_t *i, size_t *e)
{
    while (*i < n && phrase[*i] == ' ')
        (*i)++;
    *e = *i;
    while (*e < n && phrase[*e] != ' ')
        (*e)++;
    return *e > *i;
}

static void register_words(ms_textmodel *tm, const char *phrase, size_t n)
{
    /* the words of an entry are known words for clitic segmentation; inner
     * words are skipped when they may carry a clitic themselves (المكتب
     * السياسي لحماس must not make لحماس a word) */
    size_t i = 0, e;
    int pos = 0;
    while (next_word(phrase, n, &i, &e)) {
        size_t wn;
        char *w = ms_normalize_word(phrase + i, e - i, &wn);
        /* the article is segmented off in text: register the word without it */
        size_t off = w && wn >= 10 && !memcmp(w, "\xD8\xA7\xD9\x84", 4) ? 4 : 0;
        static const char *const clitic_letters[] = {"\xD9\x88", "\xD9\x81", "\xD8\xA8", "\xD9\x84",
                                                     "\xD9\x83", "\xD8\xB3"};
        bool may_carry = false;
        for (size_t c = 0; w && !off && pos > 0 && c < MS_ARRAY_LEN(clitic_letters); c++)
            may_carry |= wn >= 2 && !memcmp(w, clitic_letters[c], 2);
        if (w && wn - off >= 4 && !may_carry)
            ms_textmodel_add_word(tm, w + off, wn - off);
        free(w);
        pos++;
        i = e;
    }
}

/* ref_entity=NAME on a pronoun-ref names a place: point it at that place's
 * entry (all entries are loaded by now, so the pointer is stable). */
static void resolve_ref_places(ms_lexicon *lx)
{
    for (size_t i = 0; i < lx->actor_entries.n; i++) {
        ms_actor_entry *e = &MSVEC_AT(&lx->actor_entries, ms_actor_entry, i);
        const char *name = e->ref_entity;
        if (!name)
            continue;
        for (size_t j = 0; j < lx->actor_entries.n; j++) {
            const ms_actor_entry *p = &MSVEC_AT(&lx->actor_entries, ms_actor_entry, j);
            if (p->kind == MS_K_PLACE && p->entity && !strcmp(p->entity, name)) {
                e->ref_place = p;
                break;
            }
        }
        if (!e->ref_place)
            problem(lx, "gen/actors.tsv", e->line, "ref_entity '%.*s' names no place", name, strlen(name));
    }
}

static bool word_prefix(const char *office, const char *name, size_t n)
{
    return !strncmp(office, name, n) && (office[n] == 0 || office[n] == ' ');
}

bool ms_role_names_office(const ms_actor_entry *role, const char *office)
{
    if (!role || !office)
        return false;
    if (role->office && word_prefix(office, role->office, strlen(role->office)))
        return true;
    for (const char *m = role->matches; m && *m;) {
        const char *e = strchr(m, '/');
        size_t n = e ? (size_t)(e - m) : strlen(m);
        if (n && word_prefix(office, m, n))
            return true;
        m = e ? e + 1 : m + n;
    }
    return false;
}

/* Words of a person's name that the text model does not know as words:
 * such a word alone, after the full name, is that person (وقال أوغلو). */
static bool note_name_words(ms_lexicon *lx, const ms_textmodel *tm, const char *phrase, size_t n)
{
    size_t i = 0, e;
    while (next_word(phrase, n, &i, &e)) {
        size_t wn;
        char *w = ms_normalize_word(phrase + i, e - i, &wn);
        size_t off = w && wn >= 10 && !memcmp(w, "\xD8\xA7\xD9\x84", 4) ? 4 : 0;
        bool ok = true;
        if (w && wn - off >= 6 && !ms_textmodel_knows(tm, w + off, wn - off))
            ok = msmap_put(&lx->name_words, w + off, wn - off, 1);
        free(w);
        if (!ok)
            return false;
        i = e;
    }
    return true;
}

static int kind_of(const char *s, size_t n)
{
    for (int k = 0; k < MS_K_NKINDS; k++)
        if (strlen(kind_names[k]) == n && !memcmp(kind_names[k], s, n))
            return k;
    if (n == 3 && !memcmp(s, "ref", 3))
        return MS_K_REF;
    return -1;
}

static bool load_actors(ms_lexicon *lx, ms_textmodel *tm)
{
    const char *tname = "gen/actors.tsv";
    const ms_table *t = ms_table_get(tname);
    if (!t)
        return true; /* an empty knowledge base is allowed (and reported by stats) */
    size_t pos = 0, len, ln = 0;
    const char *line;
    while (ms_next_line(t->data, t->len, &pos, &line, &len, &ln)) {
        const char *f[10];
        size_t fl[10];
        size_t nf = ms_split(line, len, '\t', f, fl, 10);
        if (nf < 5) {
            problem(lx, tname, ln, "%.*s: fewer than 5 columns", line, len > 60 ? 60 : len);
            continue;
        }
        int kind = kind_of(f[1], fl[1]);
        if (kind < 0) {
            problem(lx, tname, ln, "unknown kind '%.*s'", f[1], fl[1]);
            continue;
        }
        ms_actor_entry *e = msvec_push(&lx->actor_entries);
        if (!e)
            return false;
        e->kind = (uint8_t)kind;
        e->line = (uint32_t)ln;
        if (fl[2] > 3 || (fl[2] && fl[2] < 3))
            problem(lx, tname, ln, "bad code '%.*s'", f[2], fl[2]);
        memcpy(e->code, f[2], fl[2] <= 3 ? fl[2] : 3);
        e->alias = intern(lx, f[0], fl[0]);
        e->sector = intern(lx, f[3], fl[3]);
        e->entity = intern(lx, f[4], fl[4]);
        if (nf > 6 && (!parse_date(f[5], fl[5], &e->from) || !parse_date(f[6], fl[6], &e->to)))
            problem(lx, tname, ln, "bad date in '%.*s'", line, len > 80 ? 80 : len);
        if (e->from.y && e->to.y && ymd_cmp(e->from, e->to) > 0)
            problem(lx, tname, ln, "'from' after 'to' for %.*s", f[0], fl[0]);
        if (nf > 7)
            e->office = intern(lx, f[7], fl[7]);
        if (nf > 8 && fl[8]) {
            e->extra = intern(lx, f[8], fl[8]);
            size_t vn;
            const char *v;
            if ((v = extra_get(f[8], fl[8], "number", &vn)) && vn >= 2 && !memcmp(v, "pl", 2))
                e->plural = 1;
            if ((v = extra_get(f[8], fl[8], "flag", &vn))) {
                e->senior = vn == 6 && !memcmp(v, "senior", 6);
                e->former = vn == 6 && !memcmp(v, "former", 6);
            }
            if ((v = extra_get(f[8], fl[8], "composes", &vn)))
                e->composes = 1;
            if ((v = extra_get(f[8], fl[8], "role", &vn))) {
                e->captive = vn == 7 && !memcmp(v, "captive", 7);
                e->source = vn == 6 && !memcmp(v, "source", 6);
            }
            if (extra_is(f[8], fl[8], "number", "du"))
                e->dual = 1;
            if (extra_is(f[8], fl[8], "adj", "yes"))
                e->adj = 1;
            if (extra_is(f[8], fl[8], "body", "yes"))
                e->body = 1;
            if ((v = extra_get(f[8], fl[8], "ref_sector", &vn)))
                e->ref_sector = intern(lx, v, vn);
            if ((v = extra_get(f[8], fl[8], "vowels", &vn)))
                e->vowels = intern(lx, v, vn);
            if ((v = extra_get(f[8], fl[8], "matches", &vn)))
                e->matches = intern(lx, v, vn);
            if ((v = extra_get(f[8], fl[8], "ref_entity", &vn)))
                e->ref_entity = intern(lx, v, vn);
            if ((v = extra_get(f[8], fl[8], "ambiguous", &vn)))
                e->ambiguous = intern(lx, v, vn);
            if ((v = extra_get(f[8], fl[8], "ref_kind", &vn)))
                e->ref_kind = intern(lx, v, vn);
            if ((v = extra_get(f[8], fl[8], "ref_codes", &vn)))
                e->ref_codes = intern(lx, v, vn);
            if ((v = extra_get(f[8], fl[8], "domain", &vn)))
                e->domain = intern(lx, v, vn);
        }
        lx->counts[kind]++;
        if (kind == MS_K_PERSON) {
            uint32_t *pi = msvec_push(&lx->person_entries);
            if (!pi)
                return false;
            *pi = (uint32_t)lx->actor_entries.n - 1;
            if (!note_name_words(lx, tm, f[0], fl[0]))
                return false;
        }
        int w = ms_dict_add(&lx->actors, f[0], fl[0], (uint32_t)lx->actor_entries.n - 1);
        if (w < 0)
            return false;
        if (w == 0)
            problem(lx, tname, ln, "empty alias%.*s", "", 0);
        register_words(tm, f[0], fl[0]);
    }
    resolve_ref_places(lx);
    return true;
}

static bool load_triggers(ms_lexicon *lx, ms_textmodel *tm)
{
    const char *tname = "gen/triggers.tsv";
    const ms_table *t = ms_table_get(tname);
    if (!t)
        return true;
    size_t pos = 0, len, ln = 0;
    const char *line;
    while (ms_next_line(t->data, t->len, &pos, &line, &len, &ln)) {
        const char *f[9];
        size_t fl[9];
        size_t nf = ms_split(line, len, '\t', f, fl, 9);
        if (nf < 6) {
            problem(lx, tname, ln, "%.*s: fewer than 6 columns", line, len > 60 ? 60 : len);
            continue;
        }
        ms_trigger *g = msvec_push(&lx->trigger_entries);
        if (!g)
            return false;
        g->line = (uint32_t)ln;
        g->phrase = intern(lx, f[0], fl[0]);
        g->type = intern(lx, f[1], fl[1]);
        g->mode = intern(lx, f[2], fl[2]);
        g->cameo = intern(lx, f[3], fl[3]);
        char num[32];
        size_t nl = fl[4] < sizeof num - 1 ? fl[4] : sizeof num - 1;
        memcpy(num, f[4], nl);
        num[nl] = 0;
        char *endp;
        g->goldstein = strtod(num, &endp);
        if (endp == num || g->goldstein < -10 || g->goldstein > 10)
            problem(lx, tname, ln, "bad Goldstein value '%.*s'", f[4], fl[4]);
        g->pos = fl[5] ? f[5][0] : 'N';
        if (nf > 6)
            g->figure = intern(lx, f[6], fl[6]);
        if (nf > 7 && fl[7]) {
            size_t vn;
            const char *v;
            /* prepositions are compared with text in matching form (على → علي) */
            if ((v = extra_get(f[7], fl[7], "obj", &vn)))
                g->obj = intern_normalized(lx, v, vn);
            if ((v = extra_get(f[7], fl[7], "with", &vn)))
                g->with = intern_normalized(lx, v, vn);
            if ((v = extra_get(f[7], fl[7], "then", &vn)))
                g->then = intern_normalized(lx, v, vn);
            if ((v = extra_get(f[7], fl[7], "by_state", &vn)))
                g->by_state = intern(lx, v, vn);
            if ((v = extra_get(f[7], fl[7], "tense", &vn))) {
                g->past = vn == 4 && !memcmp(v, "past", 4);
                g->imperf = vn == 6 && !memcmp(v, "imperf", 6);
            }
            g->figure_only = extra_get(f[7], fl[7], "figure_only", &vn) != NULL;
            g->passive = extra_get(f[7], fl[7], "passive", &vn) != NULL;
            g->also_negator = extra_get(f[7], fl[7], "also_negator", &vn) != NULL;
            g->needs_recipient = extra_get(f[7], fl[7], "needs", &vn) != NULL;
            g->swap = extra_is(f[7], fl[7], "roles", "swap");
            g->genitive_patient = extra_is(f[7], fl[7], "genitive", "patient");
            g->genitive_place = extra_is(f[7], fl[7], "genitive", "place");
            g->definite_reference = extra_is(f[7], fl[7], "definite", "reference");
        }
        if (!g->type) {
            problem(lx, tname, ln, "missing type%.*s", "", 0);
            lx->trigger_entries.n--;
            continue;
        }
        int w = ms_dict_add(&lx->triggers, f[0], fl[0], (uint32_t)lx->trigger_entries.n - 1);
        if (w < 0)
            return false;
        g->nwords = (uint8_t)(w > 255 ? 255 : w);
        register_words(tm, f[0], fl[0]);
    }
    return true;
}

/* Cue lists: "category<TAB>phrase" lines. */
static bool load_cues(ms_lexicon *lx, ms_textmodel *tm, const char *tname, int group)
{
    const ms_table *t = ms_table_get(tname);
    if (!t)
        return true;
    size_t pos = 0, len, ln = 0;
    const char *line;
    while (ms_next_line(t->data, t->len, &pos, &line, &len, &ln)) {
        const char *f[4];
        size_t fl[4];
        size_t nf = ms_split(line, len, '\t', f, fl, 4);
        if (nf < 2 || !fl[0] || !fl[1]) {
            problem(lx, tname, ln, "%.*s: expected category<TAB>phrase", line, len > 60 ? 60 : len);
            continue;
        }
        ms_cue *c = msvec_push(&lx->cue_entries);
        if (!c)
            return false;
        c->group = (uint8_t)group;
        c->category = intern(lx, f[0], fl[0]);
        c->phrase = intern(lx, f[1], fl[1]);
        if (ms_dict_add(&lx->cues, f[1], fl[1], (uint32_t)lx->cue_entries.n - 1) < 0)
            return false;
        register_words(tm, f[1], fl[1]);
    }
    return true;
}

typedef struct person_key {
    char code[4];
    uint32_t idx;
} person_key;

static int cmp_person(const void *a, const void *b)
{
    const person_key *x = a, *y = b;
    int c = strcmp(x->code, y->code);
    return c ? c : (x->idx > y->idx) - (x->idx < y->idx);
}

/* Office holders by country code, in file order within a code, so the
 * holders of a code are one run (ms_persons_of). */
static bool sort_persons(ms_lexicon *lx)
{
    size_t n = lx->person_entries.n;
    person_key *k = malloc((n ? n : 1) * sizeof *k);
    if (!k)
        return false;
    for (size_t i = 0; i < n; i++) {
        k[i].idx = MSVEC_AT(&lx->person_entries, uint32_t, i);
        memcpy(k[i].code, MSVEC_AT(&lx->actor_entries, ms_actor_entry, k[i].idx).code, sizeof k[i].code);
    }
    qsort(k, n, sizeof *k, cmp_person);
    for (size_t i = 0; i < n; i++)
        MSVEC_AT(&lx->person_entries, uint32_t, i) = k[i].idx;
    free(k);
    return true;
}

size_t ms_persons_of(const ms_lexicon *lx, const char *code, const uint32_t **first)
{
    const uint32_t *v = lx->person_entries.v;
    size_t lo = 0, hi = lx->person_entries.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(MSVEC_AT(&lx->actor_entries, ms_actor_entry, v[mid]).code, code) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = lo;
    while (end < lx->person_entries.n && !strcmp(MSVEC_AT(&lx->actor_entries, ms_actor_entry, v[end]).code, code))
        end++;
    *first = v + lo;
    return end - lo;
}

ms_lexicon *ms_lexicon_new(ms_textmodel *tm, marsad_error *err)
{
    ms_lexicon *lx = calloc(1, sizeof *lx);
    if (!lx) {
        ms_seterr(err, MARSAD_ENOMEM, 0, 0, "out of memory");
        return NULL;
    }
    msmap_init(&lx->vocab);
    ms_dict_init(&lx->actors, &lx->vocab);
    ms_dict_init(&lx->triggers, &lx->vocab);
    ms_dict_init(&lx->cues, &lx->vocab);
    msvec_init(&lx->actor_entries, sizeof(ms_actor_entry));
    msvec_init(&lx->trigger_entries, sizeof(ms_trigger));
    msvec_init(&lx->cue_entries, sizeof(ms_cue));
    msvec_init(&lx->person_entries, sizeof(uint32_t));
    msmap_init(&lx->name_words);
    lx->tm = tm;
    msmap_init(&lx->strings);
    msvec_init(&lx->strtab, sizeof(char *));
    msbuf_init(&lx->problems);
    bool ok = load_actors(lx, tm) && load_triggers(lx, tm) &&
              load_cues(lx, tm, "data/grammar/modality.txt", MS_CUE_MODALITY) &&
              load_cues(lx, tm, "data/grammar/attribution.txt", MS_CUE_ATTRIB) &&
              load_cues(lx, tm, "gen/attribution.tsv", MS_CUE_ATTRIB) &&
              load_cues(lx, tm, "data/grammar/figures.txt", MS_CUE_FIGURE) &&
              load_cues(lx, tm, "data/extract/roles.txt", MS_CUE_ROLE);
    ok = ok && sort_persons(lx) && ms_dict_seal(&lx->actors) && ms_dict_seal(&lx->triggers) &&
         ms_dict_seal(&lx->cues);
    if (!ok) {
        ms_seterr(err, MARSAD_ENOMEM, 0, 0, "out of memory while loading the lexicons");
        ms_lexicon_free(lx);
        return NULL;
    }
    return lx;
}

void ms_lexicon_free(ms_lexicon *lx)
{
    if (!lx)
        return;
    ms_dict_free(&lx->actors);
    ms_dict_free(&lx->triggers);
    ms_dict_free(&lx->cues);
    msmap_free(&lx->vocab);
    msvec_free(&lx->actor_entries);
    msvec_free(&lx->trigger_entries);
    msvec_free(&lx->cue_entries);
    msvec_free(&lx->person_entries);
    msmap_free(&lx->name_words);
    for (size_t i = 0; i < lx->strtab.n; i++)
        free(MSVEC_AT(&lx->strtab, char *, i));
    msvec_free(&lx->strtab);
    msmap_free(&lx->strings);
    msbuf_free(&lx->problems);
    free(lx);
}
