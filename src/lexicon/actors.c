/* actors.c — actor coding: dictionary mentions composed into actors.
 *
 * 1. Longest match of the actor dictionary at every token gives mentions
 *    (country, demonym, capital, org, person, media, agent, role, modifier,
 *    place, title, pronoun-ref). A phrase listed without the article does
 *    not match a word that carries it (المالي is not Mali), and a phrase that
 *    is also an adjective is not an actor right after a noun it qualifies
 *    (الجهود الدبلوماسية, المناقشات الداخلية, حماس الإرهابية).
 * 2. Adjacent mentions compose into one actor: a head (agent, role, title,
 *    an org without a country, a back-reference) takes modifiers, a demonym
 *    or a country in the genitive, a title and a name, and after باسم / في /
 *    لدى / التابعة لـ an organization or a place: "وزير الخارجية الأمريكي
 *    أنتوني بلينكن" is one actor, not three; "مسؤول عسكري إسرائيلي" is ISR
 *    MIL; "وزارة الصحة في غزة" is PSE GOV. A mention with the conjunction و
 *    starts a new actor (أمريكيان وإسرائيليان are two).
 * 3. A name after a role word is that person (apposition), and the role
 *    word picks the office when the person held several; a name after a body
 *    (إدارة بايدن, مسؤول في إدارة بايدن) only gives the body its country.
 * 4. The code comes from the most specific part (person, organization,
 *    antecedent, country, demonym, a modifier such as أممي, place), the
 *    sector from a modifier, the person's office, the role or the
 *    organization it speaks for (رئيس الموساد: SPY), in that order.
 * 5. Back-references take the latest actor of their kind named before
 *    (الحركة: an organization; الشبكة الأمريكية: an American outlet;
 *    الجيش: a military organization; الجانبين: the last two parties), and a
 *    role without a name (الرئيس الأمريكي, الوزير) takes the person named
 *    before with that office, or, when the date is known, the holder of
 *    that office in the lexicon.
 *
 * Dates: persons and organizations resolve to what they were on the
 * document's date. An undated document is taken to be written around the
 * latest full date it mentions (a report is rarely older than what it
 * reports); with no date at all, an office is preferred to the "former"
 * lines (a name is in the news mostly while it holds an office), and the
 * latest office wins. Either way a role word next to the name outweighs
 * the guess. */
#include <stdlib.h>

#include "lexicon/actors.h"

#define AR_FI "\xD9\x81\xD9\x8A"                  /* في */
#define AR_ISM "\xD8\xA7\xD8\xB3\xD9\x85"         /* اسم (باسم) */
#define AR_LADA "\xD9\x84\xD8\xAF\xD9\x8A"        /* لدى */
#define AR_TABIA "\xD8\xAA\xD8\xA7\xD8\xA8\xD8\xB9\xD9\x87" /* تابعة (normalized) */
#define AR_TABI "\xD8\xAA\xD8\xA7\xD8\xA8\xD8\xB9"  /* تابع */
#define AR_COMMA "\xD8\x8C"                       /* ، */
#define AR_AL "\xD8\xA7\xD9\x84"                  /* ال */
#define AR_TA_MARBUTA "\xD8\xA9"                  /* ة */
#define AR_AT "\xD8\xA7\xD8\xAA"                  /* ات */

enum { GAP_BREAK = -1, GAP_NONE = 0, GAP_BISM = 1, GAP_IN = 2, GAP_COMMA = 3, GAP_WAHUWA = 4 };

#define AR_HUWA "\xD9\x87\xD9\x88"                /* هو (وهو) */
#define AR_HIYA "\xD9\x87\xD9\x8A"                /* هي (وهي) */
#define AR_WAHUWA "\xD9\x88\xD9\x87\xD9\x88"      /* وهو, when not segmented */
#define AR_WAHIYA "\xD9\x88\xD9\x87\xD9\x8A"      /* وهي */

typedef struct mention {
    uint32_t tok_first, tok_end;
    uint32_t node;                /* dictionary node: every reading of the words */
    const ms_actor_entry *e;      /* the reading chosen (NULL: dropped) */
    const ms_actor_entry *place;  /* the same words as a place, if the dictionary says so */
    const ms_actor_entry *ref;    /* the same words as a back-reference */
    int ante;                     /* resolved antecedent (index into the actors), or -1 */
    bool ambiguous;
    bool place_only;              /* a location: joins a group after في, never heads one */
    bool surname;                 /* no entry: a word of a name, maybe of a person named before */
} mention;

typedef struct finder {
    const ms_lexicon *lx;
    const ms_text *t;
    ms_ymd date;                  /* the document's date, or the latest one it mentions */
    bool date_real;               /* the document's own date */
    msvec *actors, *places;
} finder;

static int kind_rank(int k)
{
    /* which reading of an alias wins when several kinds share it */
    switch (k) {
    case MS_K_MEDIA: return 9;
    case MS_K_PERSON: return 8;
    case MS_K_ORG: return 7;
    case MS_K_COUNTRY: return 6;
    case MS_K_CAPITAL: return 5;
    case MS_K_ROLE: return 4;
    case MS_K_AGENT: return 4;
    case MS_K_DEMONYM: return 3;
    case MS_K_REF: return 2;
    case MS_K_TITLE: return 2;
    case MS_K_MODIFIER: return 1;
    default: return 0;
    }
}

static int ymd_num(ms_ymd a) { return a.y * 10000 + a.m * 100 + a.d; }

static bool str_eq(const char *a, const char *b) { return a && b && !strcmp(a, b); }

/* A word written with the article cannot be a name listed without it. */
static bool article_fits(const ms_text *t, const mention *m, const ms_actor_entry *e)
{
    if (!(t->tok[m->tok_first].pro & MS_PRO_AL))
        return true;
    return e->alias && !strncmp(e->alias, AR_AL, 4);
}

/* Letters of a word with the vowel marks on each: marks[i] is a bit set
 * (fatha, damma, kasra, shadda, sukun, tanwin…) on the i-th letter. */
static size_t vowel_marks(const char *s, size_t n, uint16_t *marks, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
        if (i + len > n)
            break;
        /* U+064B..U+0652 and U+0670 */
        unsigned char d = len == 2 ? (unsigned char)s[i + 1] : 0;
        bool mark = c == 0xD9 && ((d >= 0x8B && d <= 0x92) || d == 0xB0);
        bool tatweel = c == 0xD9 && d == 0x80;
        if (mark) {
            if (k)
                marks[k - 1] |= (uint16_t)(1u << (d == 0xB0 ? 8 : d - 0x8B));
        } else if (!tatweel && k < cap) {
            marks[k++] = 0;
        }
        i += len;
    }
    return k;
}

/* Do the vowels the text writes on the word agree with the entry's?
 * 1 they do, -1 they do not, 0 the text writes none (or the entry has none). */
static int vowels_agree(const ms_text *t, const mention *m, const ms_actor_entry *e)
{
    if (!e->vowels || m->tok_end != m->tok_first + 1)
        return 0;
    const ms_token *k = &t->tok[m->tok_first];
    uint16_t tm[64], em[64];
    size_t tn = vowel_marks(t->src + k->start, k->end - k->start, tm, 64);
    size_t en = vowel_marks(e->vowels, strlen(e->vowels), em, 64);
    bool any = false;
    for (size_t i = 0; i < tn; i++)
        any |= tm[i] != 0;
    if (!any || en > tn)
        return 0;
    /* the alias is the end of the word (a proclitic may come first) */
    for (size_t i = 0; i < en; i++) {
        uint16_t w = tm[tn - en + i];
        if (w & ~em[i])
            return -1;
    }
    return 1;
}

/* How well an entry fits: valid on the date first, then by kind; a role
 * word next to a person (hint) picks the office it names. */
static int score(const finder *f, const ms_actor_entry *e, const ms_actor_entry *hint)
{
    int s = kind_rank(e->kind) * 10;
    if (e->from.y || e->to.y) {
        if (ms_entry_valid_on(e, f->date))
            s += 100;
        else if (e->to.y && f->date.y && ymd_num(f->date) > ymd_num(e->to))
            s += 50 - (ymd_num(f->date) - ymd_num(e->to)) / 10000; /* the latest office held before */
        else
            s -= 50;
    } else {
        s += 60;
    }
    if (e->former && !f->date_real)
        s -= 20;
    if (hint && e->kind == MS_K_PERSON && ms_role_names_office(hint, e->office))
        s += f->date_real ? 30 : 70;
    return s;
}

/* Choose among the readings of one alias. */
static void choose(const finder *f, mention *m, const ms_actor_entry *hint, bool persons_only)
{
    const ms_lexicon *lx = f->lx;
    uint32_t it = 0, v;
    const ms_actor_entry *best = NULL, *place = NULL, *ref = NULL;
    int best_score = -1000000;
    int codes = 0;
    bool vowelled = false;
    char first_code[4] = "";
    while (ms_dict_next_value(&lx->actors, m->node, &it, &v)) {
        const ms_actor_entry *e = &MSVEC_AT(&lx->actor_entries, ms_actor_entry, v);
        if (!article_fits(f->t, m, e) || (persons_only && e->kind != MS_K_PERSON))
            continue;
        int agree = vowels_agree(f->t, m, e);
        if (agree < 0)
            continue; /* عُمان is not عَمّان */
        vowelled |= agree > 0;
        if (e->kind == MS_K_PLACE) {
            if (!place)
                place = e;
            continue;
        }
        if (e->kind == MS_K_REF && !ref)
            ref = e;
        if (e->code[0] && strcmp(first_code, e->code)) {
            if (!first_code[0])
                memcpy(first_code, e->code, 4);
            codes++;
        }
        int s = score(f, e, hint);
        if (s > best_score) {
            best_score = s;
            best = e;
        }
    }
    if (persons_only) {
        if (best)
            m->e = best;
        return;
    }
    m->e = best ? best : place;
    m->place = place;
    m->ref = ref;
    m->ante = -1;
    m->ambiguous = !vowelled && ((best && best->ambiguous) || codes > 1);
    m->place_only = false;
}

static bool is_head(const ms_actor_entry *e)
{
    return e->kind == MS_K_AGENT || e->kind == MS_K_ROLE || e->kind == MS_K_TITLE ||
           (e->kind == MS_K_ORG && !e->code[0]);
}

/* Tokens between two mentions that do not break a composition. */
static int gap_kind(const ms_text *t, uint32_t a, uint32_t b)
{
    if (a == b)
        return GAP_NONE;
    /* أحد المسؤولين، وهو أمريكي: the official is American */
    const ms_token *w = &t->tok[b - 1];
    if ((b - a == 1 || (b - a == 2 && ms_tok_is(t, &t->tok[a], AR_COMMA))) &&
        (((w->pro & MS_PRO_W) && (ms_tok_stem_is(t, w, AR_HUWA) || ms_tok_stem_is(t, w, AR_HIYA))) ||
         ms_tok_is(t, w, AR_WAHUWA) || ms_tok_is(t, w, AR_WAHIYA)))
        return GAP_WAHUWA;
    if (b - a != 1)
        return GAP_BREAK;
    const ms_token *k = &t->tok[a];
    if (k->kind == MS_TOK_PUNCT && ms_tok_is(t, k, AR_COMMA))
        return GAP_COMMA;
    if (ms_tok_is(t, k, AR_FI) || ms_tok_is(t, k, AR_LADA))
        return GAP_IN;
    /* وزارة الصحة التابعة لحماس */
    if ((k->pro & MS_PRO_AL) && (ms_tok_stem_is(t, k, AR_TABIA) || ms_tok_stem_is(t, k, AR_TABI)) &&
        (t->tok[b].pro & MS_PRO_L))
        return GAP_IN;
    if ((k->pro & MS_PRO_B) && ms_tok_stem_is(t, k, AR_ISM))
        return GAP_BISM;
    return GAP_BREAK;
}

/* مسلحون / مسلحين keep their ن: not in construct, so no genitive follows
 * (هاجم مسلحون القاعدة: the base, not al-Qaeda's gunmen; مسلحو حماس is). */
static bool sound_plural(const ms_actor_entry *e)
{
    size_t n = e->alias ? strlen(e->alias) : 0;
    return n > 4 && (!strcmp(e->alias + n - 4, "\xD9\x88\xD9\x86") || !strcmp(e->alias + n - 4, "\xD9\x8A\xD9\x86"));
}

/* An alias written as a nisba (حوثي، حوثيون، حوثيين): an adjective after a noun. */
static bool alias_ends(const char *a, size_t n, const char *suf)
{
    size_t k = strlen(suf);
    return n >= k && !memcmp(a + n - k, suf, k);
}

static bool nisba_alias(const ms_actor_entry *e)
{
    size_t n = e->alias ? strlen(e->alias) : 0;
    const char *a = e->alias;
    return n > 6 && (alias_ends(a, n, "\xD9\x8A") /* ي */ || alias_ends(a, n, "\xD9\x8A\xD8\xA9") /* ية */ ||
                     alias_ends(a, n, "\xD9\x8A\xD9\x87") /* يه */ || alias_ends(a, n, "\xD9\x8A\xD9\x88\xD9\x86") /* يون */ ||
                     alias_ends(a, n, "\xD9\x8A\xD9\x8A\xD9\x86") /* يين */);
}

typedef struct group_state {
    bool has_person, has_code;
    const ms_actor_entry *org;    /* the first organization in the group */
} group_state;

/* May mention n join a group whose last mention is p (the group's head h)? */
static bool joins(const ms_text *t, const mention *h, const mention *p, const mention *n, int gap,
                  const group_state *st)
{
    const ms_actor_entry *he = h->e;
    int nk = n->e->kind, pk = p->e->kind;
    if (gap < 0)
        return false;
    /* X وY: two actors (a modifier may still be coordinated: حاليون وسابقون) */
    if ((t->tok[n->tok_first].pro & MS_PRO_W) && nk != MS_K_MODIFIER)
        return false;
    /* وصل الوزير للدوحة: a preposition, not a genitive */
    if (gap == GAP_NONE && nk != MS_K_MODIFIER && (t->tok[n->tok_first].pro & (MS_PRO_B | MS_PRO_L | MS_PRO_K)))
        return false;
    if (n->place_only)
        return gap == GAP_IN && !st->has_code && !st->has_person && is_head(he) && !he->captive;
    if (nk == MS_K_MODIFIER)
        return gap == GAP_NONE && (is_head(he) || he->kind == MS_K_DEMONYM || he->kind == MS_K_PERSON);
    if (nk == MS_K_DEMONYM)
        return (gap == GAP_NONE || (gap == GAP_WAHUWA && he->kind == MS_K_AGENT)) && !st->has_code &&
               !st->has_person;
    if (nk == MS_K_TITLE)
        return (gap == GAP_NONE || gap == GAP_COMMA) && !st->has_person && he->kind != MS_K_REF;
    if (nk == MS_K_PERSON)
        return (gap == GAP_NONE || gap == GAP_COMMA) && !st->has_person && he->kind != MS_K_REF &&
               (is_head(he) || pk == MS_K_DEMONYM || pk == MS_K_TITLE);
    /* a country after a nationality is another actor (أنذر الرئيس الأمريكي إيران) */
    if (nk == MS_K_COUNTRY || nk == MS_K_CAPITAL)
        return (gap == GAP_NONE || (gap == GAP_IN && !he->captive)) && !st->has_code && !st->has_person &&
               is_head(he) && (gap != GAP_NONE || pk != MS_K_DEMONYM);
    if (nk == MS_K_ORG || nk == MS_K_MEDIA || (nk == MS_K_REF && n->ante >= 0)) {
        /* كتائب القسام، الجناح العسكري لحماس: the same organization again */
        if (gap == GAP_NONE && st->org && str_eq(st->org->entity, n->e->entity))
            return true;
        return (gap == GAP_BISM || gap == GAP_IN ||
                (gap == GAP_NONE && (he->composes || pk == MS_K_ROLE || (pk == MS_K_AGENT && !sound_plural(p->e)) ||
                                     /* مسلحون حوثيون: an indefinite nisba agreeing with its noun */
                                     (pk == MS_K_AGENT && !(t->tok[n->tok_first].pro & MS_PRO_AL) &&
                                      !(t->tok[p->tok_first].pro & MS_PRO_AL) && nisba_alias(n->e))))) &&
               !st->has_code && !st->has_person && is_head(he) && !he->captive;
    }
    if (nk == MS_K_ROLE && gap == GAP_NONE)
        return he->kind == MS_K_AGENT && he->composes && !st->has_code && !st->has_person; /* إدارة الرئيس */
    if (nk == MS_K_AGENT || nk == MS_K_ROLE)
        return gap == GAP_IN && !st->has_code && !st->has_person && is_head(he); /* مسؤول رفيع في إدارة بايدن */
    return false;
}

static const ms_actor *actor_at(const finder *f, int i) { return &MSVEC_AT(f->actors, ms_actor, (size_t)i); }

/* Is `item` one of the '/'-separated `list`? */
static bool listed(const char *list, const char *item)
{
    if (!list || !item)
        return false;
    size_t n = strlen(item);
    for (const char *k = list; *k;) {
        const char *e = strchr(k, '/');
        size_t l = e ? (size_t)(e - k) : strlen(k);
        if (l == n && !memcmp(k, item, n))
            return true;
        k = e ? e + 1 : k + l;
    }
    return false;
}

static bool kind_in(const char *kinds, const char *kind)
{
    /* a capital stands for its country */
    return listed(kinds, kind) || (kind && !strcmp(kind, "capital") && listed(kinds, "country"));
}

/* The latest actor before token `before` that a back-reference can stand
 * for; `code`: only of that country (الشبكة الأمريكية); `not_code`: another
 * party than that one; `min_sent`: not before that sentence. */
static int antecedent(const finder *f, const ms_actor_entry *ref, uint32_t before, const char *code,
                      const char *not_code, uint32_t min_sent)
{
    for (size_t q = f->actors->n; q-- > 0;) {
        const ms_actor *a = actor_at(f, (int)q);
        if (a->tok_first >= before || (a->flags & MS_ACT_COREF) || !a->code[0])
            continue;
        if (a->sent < min_sent)
            break;
        /* a kingdom named by its adjective counts (الوفد السعودي … المملكة) */
        if (!kind_in(ref->ref_kind, a->kind) && !(ref->ref_codes && a->kind && !strcmp(a->kind, "demonym")))
            continue;
        if (ref->ref_sector && !str_eq(ref->ref_sector, a->sector))
            continue;
        if (ref->ref_codes && !listed(ref->ref_codes, a->code))
            continue;
        if ((code && strcmp(code, a->code)) || (not_code && !strcmp(not_code, a->code)))
            continue;
        return (int)q;
    }
    return -1;
}

/* A back-reference to a place (القطاع): the place, if the document has named it. */
static bool ref_place(const finder *f, mention *m)
{
    const ms_actor_entry *r = m->ref;
    if (!r || !r->ref_place || m->e != r)
        return false;
    uint32_t start = f->t->tok[m->tok_first].start;
    for (size_t i = 0; i < f->places->n; i++) {
        const ms_place *p = &MSVEC_AT(f->places, ms_place, i);
        if (p->start < start && str_eq(p->name, r->ref_place->entity)) {
            m->e = r->ref_place;
            m->place_only = true;
            return true;
        }
    }
    return false;
}

static bool official_sector(const char *s)
{
    static const char *const off[] = {"GOV", "MIL", "SPY", "COP", "JUD", "LEG", "PTY", "OPP", "IGO", "UNO", "NGO"};
    for (size_t i = 0; i < MS_ARRAY_LEN(off); i++)
        if (!strcmp(s, off[i]))
            return true;
    return false;
}

static void span(const ms_text *t, ms_actor *a, uint32_t first, uint32_t end)
{
    a->tok_first = first;
    a->tok_end = end;
    a->start = t->tok[first].start;
    a->end = t->tok[end - 1].end;
    a->sent = t->tok[first].sent;
}

static void copy_from(ms_actor *a, const ms_actor *b)
{
    memcpy(a->code, b->code, 4);
    a->sector = b->sector;
    a->entity = b->entity;
    a->office = b->office;
    a->kind = b->kind;
    a->flags |= MS_ACT_COREF;
    a->flags &= ~(unsigned)MS_ACT_ANON;
}

/* The holder of a role's office on the date, from the lexicon: one person,
 * or none when several fit. */
static const ms_actor_entry *office_holder(const finder *f, const ms_actor_entry *role, const char *code)
{
    const ms_actor_entry *found = NULL;
    const uint32_t *idx;
    size_t n = ms_persons_of(f->lx, code, &idx);
    for (size_t i = 0; i < n; i++) {
        const ms_actor_entry *e = &MSVEC_AT(&f->lx->actor_entries, ms_actor_entry, idx[i]);
        if (e->former || !e->office || !(e->from.y || e->to.y) ||
            !ms_role_names_office(role, e->office))
            continue;
        /* on the date; without one, the office's current holder */
        if (f->date.y ? !ms_entry_valid_on(e, f->date) : e->to.y != 0)
            continue;
        if (found && !str_eq(found->entity, e->entity))
            return NULL;
        found = e;
    }
    return found;
}

static void resolve_group(const finder *f, mention *g, size_t n, ms_actor *a)
{
    const ms_actor_entry *person = NULL, *org = NULL, *country = NULL, *demonym = NULL, *place = NULL,
                         *modifier_sector = NULL, *modifier_code = NULL, *role = NULL, *head = g[0].e;
    const ms_actor *ante = NULL;
    bool owner = false, body_seen = false, group_demonym = false, ambiguous = false;
    size_t country_i = 0, demonym_i = 0;
    unsigned flags = 0;
    memset(a, 0, sizeof *a);
    for (size_t i = 0; i < n; i++) {
        const ms_actor_entry *e = g[i].e;
        ambiguous |= g[i].ambiguous && n == 1;
        switch (e->kind) {
        case MS_K_PERSON:
            if (!person) {
                person = e;
                owner = body_seen; /* إدارة بايدن: the administration, not Biden */
                if (role && !owner) {
                    choose(f, &g[i], role, true); /* the office the role word names */
                    person = g[i].e;
                }
            }
            break;
        case MS_K_ORG: case MS_K_MEDIA: if (!org || (!org->code[0] && e->code[0])) org = e; break;
        case MS_K_COUNTRY: case MS_K_CAPITAL: if (!country) country = e, country_i = i; break;
        case MS_K_DEMONYM:
            if (!e->code[0])
                group_demonym = true;
            else if (!demonym)
                demonym = e, demonym_i = i;
            break;
        case MS_K_PLACE: if (!place) place = e; break;
        case MS_K_ROLE: if (!role) role = e; break;
        case MS_K_AGENT: body_seen |= e->composes || e->body; break;
        case MS_K_REF: if (g[i].ante >= 0 && !ante) ante = actor_at(f, g[i].ante); break;
        case MS_K_MODIFIER:
            if (e->sector && !modifier_sector)
                modifier_sector = e;
            if (e->code[0] && !modifier_code)
                modifier_code = e;
            if (e->senior)
                flags |= MS_ACT_SENIOR;
            if (e->former)
                flags |= MS_ACT_FORMER;
            break;
        default: break;
        }
        if (e->plural)
            flags |= MS_ACT_PLURAL;
    }
    const ms_actor_entry *named = person && !owner ? person : NULL;
    /* a country after the demonym is where the person is (وزير الخارجية
     * الإسرائيلي في القاهرة), not whom the person is of */
    if (country && demonym && country_i > demonym_i && !org && !named)
        country = NULL;
    const char *code = named && named->code[0]   ? named->code
                       : org && org->code[0]     ? org->code
                       : ante                    ? ante->code
                       : country                 ? country->code
                       : person                  ? person->code
                       : demonym                 ? demonym->code
                       : modifier_code           ? modifier_code->code
                       : place                   ? place->code
                       : head->code[0]           ? head->code /* مستوطنون: the agent's own country */
                                                 : "";
    size_t code_len = strnlen(code, 3);
    memcpy(a->code, code, code_len);
    a->code[code_len] = 0;
    const char *org_sector = org ? org->sector : ante ? ante->sector : NULL;
    if (modifier_sector)
        a->sector = modifier_sector->sector;
    else if (named)
        a->sector = named->sector;
    else if (head->kind == MS_K_ORG && !head->code[0])
        a->sector = head->sector; /* وزارة الصحة التابعة لحماس: a ministry */
    else if (head->kind == MS_K_AGENT || head->kind == MS_K_ROLE) {
        const char *hs = head->sector;
        if (head->kind == MS_K_AGENT && (head->captive || head->body || (head->composes && hs)))
            a->sector = hs; /* حكومة حماس is a government; سجناء are captives */
        else if (org_sector && (!hs || !strcmp(hs, "GOV")))
            a->sector = org_sector; /* رئيس الموساد: SPY; المتحدث باسم الجيش: MIL */
        else if (org_sector && !strcmp(hs, "CVL") && (!strcmp(org_sector, "REB") || !strcmp(org_sector, "IMG")))
            a->sector = org_sector; /* نشطاء حماس */
        else if (hs)
            a->sector = hs;
        else if (head->kind == MS_K_ROLE && (country || demonym))
            a->sector = "GOV"; /* الوسطاء القطريين, زعيمي مصر */
    } else if (org)
        a->sector = org->sector;
    else if (ante)
        a->sector = ante->sector;
    else if (country)
        a->sector = country->sector ? country->sector : "GOV";
    else
        a->sector = head->sector;
    if (named) {
        a->entity = named->entity;
        a->office = named->office;
        a->kind = ms_akind_name(MS_K_PERSON);
    } else if (head->kind == MS_K_ORG && !head->code[0]) {
        a->entity = head->entity;
        a->kind = ms_akind_name(MS_K_ORG);
    } else if (org) {
        a->entity = org->entity;
        a->kind = ms_akind_name(org->kind);
    } else if (ante) {
        a->entity = ante->entity;
        a->kind = ante->kind;
    } else if (country && head->kind != MS_K_AGENT && head->kind != MS_K_ROLE) {
        a->entity = country->entity;
        a->kind = ms_akind_name(country->kind);
    } else {
        a->entity = head->entity ? head->entity : demonym ? demonym->entity : NULL;
        a->kind = ms_akind_name(head->kind);
    }
    if (!named && !org && head == role && role->office)
        a->office = role->office;
    /* an unnamed person who may be a source: officials, not bodies, captives or bystanders */
    bool individual = (head->kind == MS_K_AGENT && !head->body && !head->composes && !head->captive) ||
                      (head->kind == MS_K_ROLE && !head->office);
    if (individual && !named && (head->source || (head->sector && official_sector(head->sector))) &&
        !(group_demonym && !a->code[0]))
        flags |= MS_ACT_ANON;
    if (head->captive)
        flags |= MS_ACT_CAPTIVE;
    if (n == 1 && head->kind == MS_K_DEMONYM && !head->plural)
        flags |= MS_ACT_WEAK;
    if (ambiguous)
        flags |= MS_ACT_AMBIGUOUS;
    if (ante)
        flags |= MS_ACT_COREF;
    a->flags = flags;
    span(f->t, a, g[0].tok_first, g[n - 1].tok_end);
}

/* A role without a name (الرئيس الأمريكي, وزير الخارجية, الوزير): the person
 * named before with that office, or the office's holder on the date. */
static void resolve_role(const finder *f, const mention *g, size_t n, ms_actor *a)
{
    const ms_actor_entry *role = NULL;
    for (size_t i = 0; i < n; i++) {
        int k = g[i].e->kind;
        if (k == MS_K_PERSON || k == MS_K_ORG || k == MS_K_MEDIA || k == MS_K_REF || (k == MS_K_AGENT && i))
            return;
        if (k == MS_K_ROLE && !role)
            role = g[i].e;
    }
    if (!role || !role->office || g[0].e != role)
        return;
    for (size_t q = f->actors->n; q-- > 0;) {
        const ms_actor *b = actor_at(f, (int)q);
        if (b == a || !str_eq(b->kind, "person") || !b->office || (a->code[0] && strcmp(a->code, b->code)))
            continue;
        if (ms_role_names_office(role, b->office)) {
            copy_from(a, b);
            return;
        }
    }
    if (a->code[0]) {
        const ms_actor_entry *p = office_holder(f, role, a->code);
        if (p) {
            a->entity = p->entity;
            a->office = p->office;
            a->sector = p->sector;
            a->kind = ms_akind_name(MS_K_PERSON);
        }
    }
}

static bool locative_before(const ms_text *t, uint32_t i)
{
    const ms_token *k = &t->tok[i];
    if (k->pro & MS_PRO_B)
        return true; /* بغزة */
    if (i == 0)
        return false;
    const ms_token *p = &t->tok[i - 1];
    static const char *const preps[] = {AR_FI, "\xD9\x85\xD9\x86" /* من */, "\xD8\xA7\xD9\x84\xD9\x8A" /* الي */,
                                        "\xD8\xB9\xD9\x84\xD9\x8A" /* علي */, "\xD8\xAF\xD8\xA7\xD8\xAE\xD9\x84" /* داخل */,
                                        "\xD9\x82\xD8\xB1\xD8\xA8" /* قرب */, "\xD8\xB4\xD9\x85\xD8\xA7\xD9\x84" /* شمال */,
                                        "\xD8\xAC\xD9\x86\xD9\x88\xD8\xA8" /* جنوب */, "\xD9\x88\xD8\xB3\xD8\xB7" /* وسط */};
    for (size_t j = 0; j < MS_ARRAY_LEN(preps); j++)
        if (ms_tok_is(t, p, preps[j]) || ms_tok_stem_is(t, p, preps[j]))
            return true;
    return false;
}

static bool ends_with(const ms_text *t, const ms_token *k, const char *suf)
{
    size_t n = strlen(suf), len = k->end - k->start;
    return len > n && !memcmp(t->src + k->end - n, suf, n);
}

/* Is token i a one-word event noun of the trigger lexicon, and only a
 * noun (هجوم، اشتباك; not رفض or قصف, which are verbs too)? */
static bool event_noun_at(const ms_lexicon *lx, const ms_text *t, uint32_t i)
{
    uint32_t node, it = 0, v;
    if (ms_dict_match(&lx->triggers, t, i, i + 1, &node) != 1)
        return false;
    bool noun = false;
    while (ms_dict_next_value(&lx->triggers, node, &it, &v)) {
        char pos = MSVEC_AT(&lx->trigger_entries, ms_trigger, v).pos;
        if (pos != 'N')
            return false;
        noun = true;
    }
    return noun;
}

/* An alias that is also an adjective, right after a noun it can qualify, is
 * that adjective: الجهود الدبلوماسية, المناقشات الداخلية, منظمة إرهابية, and
 * for the event_adj agents after an event noun هجوم مسلح, هجوم إرهابي (an
 * armed attack has no gunman for actor). After an actor it is absorbed into it (حماس الإرهابية). */
static void drop_adjectives(const ms_lexicon *lx, const ms_text *t, msvec *ms, uint32_t sent_first)
{
    for (size_t j = 0; j < ms->n; j++) {
        mention *m = &MSVEC_AT(ms, mention, j);
        if (!m->e || !m->e->adj || m->tok_first == sent_first)
            continue;
        const ms_token *k = &t->tok[m->tok_first], *p = &t->tok[m->tok_first - 1];
        if (k->pro & (MS_PRO_W | MS_PRO_F | MS_PRO_B | MS_PRO_L | MS_PRO_K))
            continue;
        mention *pm = j ? &MSVEC_AT(ms, mention, j - 1) : NULL;
        if (pm && pm->e && pm->tok_end == m->tok_first) {
            int pk = pm->e->kind;
            if (pk == MS_K_ORG || pk == MS_K_COUNTRY || pk == MS_K_PERSON || pk == MS_K_MEDIA) {
                pm->tok_end = m->tok_end;
                m->e = NULL;
            }
            continue;
        }
        if (p->kind != MS_TOK_ARABIC)
            continue;
        bool definite = k->pro & MS_PRO_AL, prev_definite = p->pro & MS_PRO_AL;
        bool fem = m->e->extra && strstr(m->e->extra, "gender=f");
        bool event_adj = !fem && !m->e->plural && m->e->extra && strstr(m->e->extra, "number=sg") &&
                         strstr(m->e->extra, "event_adj=yes");
        if ((definite && prev_definite) ||
            (!definite && !prev_definite && fem && !m->e->plural &&
             (ends_with(t, p, AR_TA_MARBUTA) || ends_with(t, p, AR_AT))) ||
            (!definite && !prev_definite && event_adj && event_noun_at(lx, t, m->tok_first - 1)))
            m->e = NULL;
    }
}

/* The latest full date an undated text mentions (month precision: mid-month). */
static ms_ymd text_date(const ms_lexicon *lx, const ms_text *t)
{
    ms_ymd best = {0, 0, 0};
    if (!lx->tm)
        return best;
    msvec v;
    msvec_init(&v, sizeof(ms_date));
    if (ms_find_dates(lx->tm, t, best, &v) == MARSAD_OK) {
        for (size_t i = 0; i < v.n; i++) {
            const ms_date *d = &MSVEC_AT(&v, ms_date, i);
            if (d->relative || d->year_inferred || d->precision == MS_PREC_YEAR || d->year < 1900 || !d->month)
                continue;
            ms_ymd c = {d->year, d->month, d->precision == MS_PREC_DAY && d->day ? d->day : 15};
            if (ymd_num(c) > ymd_num(best))
                best = c;
        }
    }
    msvec_free(&v);
    return best;
}

static int push_places(finder *f, msvec *ms)
{
    for (size_t j = 0; j < ms->n; j++) {
        mention *mm = &MSVEC_AT(ms, mention, j);
        if (!mm->e)
            continue;
        const ms_actor_entry *pl = mm->place;
        if (!pl && (mm->e->kind == MS_K_COUNTRY || mm->e->kind == MS_K_CAPITAL) && locative_before(f->t, mm->tok_first))
            pl = mm->e;
        if (!pl && mm->e->kind == MS_K_REF && ref_place(f, mm))
            pl = mm->e;
        if (!pl)
            continue;
        ms_place *p = msvec_push(f->places);
        if (!p)
            return MARSAD_ENOMEM;
        p->start = f->t->tok[mm->tok_first].start;
        p->end = f->t->tok[mm->tok_end - 1].end;
        memcpy(p->code, pl->code, 4);
        p->name = pl->kind == MS_K_PLACE || pl->kind == MS_K_COUNTRY ? pl->entity : pl->alias;
        p->tok_first = mm->tok_first;
        p->tok_end = mm->tok_end;
        /* a bare place word is a location, not an actor */
        if (mm->e->kind == MS_K_PLACE)
            mm->place_only = true;
    }
    return MARSAD_OK;
}

/* الجانبين: the last two parties named, when the last three sentences name them. */
static int push_dual(finder *f, const mention *h, ms_actor *tmpl)
{
    uint32_t s = f->t->tok[h->tok_first].sent, min_sent = s >= 3 ? s - 3 : 0;
    int a1 = antecedent(f, h->e, h->tok_first, NULL, NULL, min_sent);
    int a2 = a1 >= 0 ? antecedent(f, h->e, h->tok_first, NULL, actor_at(f, a1)->code, min_sent) : -1;
    if (a2 < 0)
        return MARSAD_OK;
    int ante[2] = {a2, a1};
    for (int i = 0; i < 2; i++) {
        ms_actor b = *tmpl;
        copy_from(&b, actor_at(f, ante[i]));
        ms_actor *slot = msvec_push(f->actors);
        if (!slot)
            return MARSAD_ENOMEM;
        *slot = b;
    }
    return MARSAD_OK;
}

/* وقال أوغلو: the person named before whose name ends in that word. */
static int push_surname(finder *f, const mention *m)
{
    size_t n;
    const ms_token *k = &f->t->tok[m->tok_first];
    const char *w = ms_tok_stem(f->t, k, &n);
    for (size_t q = f->actors->n; q-- > 0;) {
        const ms_actor *b = actor_at(f, (int)q);
        if (!str_eq(b->kind, "person") || (b->flags & MS_ACT_COREF) || b->tok_end <= b->tok_first)
            continue;
        size_t bn;
        const char *bw = ms_tok_stem(f->t, &f->t->tok[b->tok_end - 1], &bn);
        if (bn != n || memcmp(bw, w, n))
            continue;
        ms_actor a = {0};
        copy_from(&a, b);
        span(f->t, &a, m->tok_first, m->tok_end);
        ms_actor *slot = msvec_push(f->actors);
        if (!slot)
            return MARSAD_ENOMEM;
        *slot = a;
        break;
    }
    return MARSAD_OK;
}

static int compose(finder *f, msvec *ms)
{
    const ms_text *t = f->t;
    for (size_t j = 0; j < ms->n;) {
        mention *h = &MSVEC_AT(ms, mention, j);
        if (h->surname) {
            int rc = push_surname(f, h);
            if (rc)
                return rc;
            j++;
            continue;
        }
        if (!h->e || h->place_only) {
            j++;
            continue;
        }
        /* a lone modifier or title is not an actor, nor is a modifier before a noun */
        if (h->e->kind == MS_K_MODIFIER) {
            j++;
            continue;
        }
        size_t n = 1;
        group_state st = {h->e->kind == MS_K_PERSON, false, NULL};
        /* an agent's own country (مستوطن → ISR) still takes a nationality after it */
        st.has_code = (h->e->code[0] && h->e->kind != MS_K_DEMONYM && h->e->kind != MS_K_AGENT) || st.has_person;
        if (h->e->kind == MS_K_ORG || h->e->kind == MS_K_MEDIA)
            st.org = h->e;
        while (j + n < ms->n) {
            mention *p = &MSVEC_AT(ms, mention, j + n - 1), *nx = &MSVEC_AT(ms, mention, j + n);
            if (!nx->e)
                break;
            int gap = gap_kind(t, p->tok_end, nx->tok_first);
            if (nx->e->kind == MS_K_REF && !nx->place_only && nx->ante < 0)
                nx->ante = antecedent(f, nx->e, nx->tok_first, NULL, NULL, 0); /* مسلحو الحركة */
            if (!joins(t, h, p, nx, gap, &st))
                break;
            st.has_person |= nx->e->kind == MS_K_PERSON;
            st.has_code |= (nx->e->code[0] && nx->e->kind != MS_K_DEMONYM) || (nx->e->kind == MS_K_REF && nx->ante >= 0);
            if (!st.org && (nx->e->kind == MS_K_ORG || nx->e->kind == MS_K_MEDIA))
                st.org = nx->e;
            n++;
        }
        mention *g = &MSVEC_AT(ms, mention, j);
        if (n == 1 && h->e->kind == MS_K_TITLE) {
            j++;
            continue;
        }
        /* a back-reference: the latest actor of its kind (of the country a demonym names) */
        const ms_actor_entry *ref = h->e->kind == MS_K_REF ? h->e : n == 1 ? h->ref : NULL;
        if (ref && !h->place_only) {
            const char *code = NULL;
            for (size_t i = 1; i < n; i++)
                if (g[i].e->kind == MS_K_DEMONYM && g[i].e->code[0])
                    code = g[i].e->code;
            if (ref->dual && h->e == ref) {
                ms_actor tmpl;
                resolve_group(f, g, n, &tmpl);
                int rc = push_dual(f, h, &tmpl);
                if (rc)
                    return rc;
                j += n;
                continue;
            }
            h->ante = antecedent(f, ref, h->tok_first, code, NULL, 0);
            if (h->ante >= 0)
                h->e = ref;
            else if (h->e == ref) {
                j += n; /* no antecedent: not an actor */
                continue;
            }
        }
        ms_actor a;
        resolve_group(f, g, n, &a);
        resolve_role(f, g, n, &a);
        ms_actor *slot = msvec_push(f->actors);
        if (!slot)
            return MARSAD_ENOMEM;
        *slot = a;
        j += n;
    }
    return MARSAD_OK;
}

int ms_find_actors(const ms_lexicon *lx, const ms_text *t, ms_ymd date, msvec *actors, msvec *places)
{
    finder f = {lx, t, date, date.y != 0, actors, places};
    if (!date.y)
        f.date = text_date(lx, t);
    msvec ms;
    msvec_init(&ms, sizeof(mention));
    int rc = MARSAD_OK;
    for (size_t s = 0; s < t->nsent && !rc; s++) {
        const ms_sentence *se = &t->sent[s];
        ms.n = 0;
        for (uint32_t i = se->tok_first; i < se->tok_end;) {
            const ms_token *k = &t->tok[i];
            if (k->kind == MS_TOK_PUNCT || k->kind == MS_TOK_NUMBER) {
                i++;
                continue;
            }
            uint32_t node;
            size_t m = ms_dict_match(&lx->actors, t, i, se->tok_end, &node);
            if (!m) {
                size_t wn;
                const char *w = ms_tok_stem(t, k, &wn);
                uint32_t one;
                if (k->kind == MS_TOK_ARABIC && msmap_get(&lx->name_words, w, wn, &one)) {
                    mention *sm = msvec_push(&ms);
                    if (!sm) {
                        rc = MARSAD_ENOMEM;
                        break;
                    }
                    *sm = (mention){.tok_first = i, .tok_end = i + 1, .ante = -1, .surname = true};
                }
                i++;
                continue;
            }
            mention *mm = msvec_push(&ms);
            if (!mm) {
                rc = MARSAD_ENOMEM;
                break;
            }
            mm->surname = false;
            mm->tok_first = i;
            mm->tok_end = i + (uint32_t)m;
            mm->node = node;
            choose(&f, mm, NULL, false);
            if (!mm->e)
                ms.n--;
            i += (uint32_t)m;
        }
        if (!rc) {
            drop_adjectives(f.lx, t, &ms, se->tok_first);
            rc = push_places(&f, &ms);
        }
        if (!rc)
            rc = compose(&f, &ms);
    }
    msvec_free(&ms);
    return rc;
}
