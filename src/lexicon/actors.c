/* actors.c — actor coding: dictionary mentions composed into actors.
 *
 * 1. Longest match of the actor dictionary at every token gives mentions
 *    (country, demonym, capital, org, person, media, agent, role, modifier,
 *    place, title, pronoun-ref).
 * 2. Adjacent mentions compose into one actor: a head (agent, role, title,
 *    an org without a country) takes modifiers, a demonym or a country in the
 *    genitive, a title and a name, and after باسم / في an organization or a
 *    place: "وزير الخارجية الأمريكي أنتوني بلينكن" is one actor, not three;
 *    "مسؤول عسكري إسرائيلي" is ISR MIL; "وزارة الصحة في غزة" is PSE GOV.
 * 3. The code comes from the most specific part (person at the document's
 *    date, organization, country, demonym, place), the sector from a
 *    modifier, the person's office, the role, the organization, in that order.
 * 4. Anaphors (الحركة) take the most recent organization named before them. */
#include <stdlib.h>

#include "lexicon/actors.h"

#define AR_FI "\xD9\x81\xD9\x8A"                  /* في */
#define AR_ISM "\xD8\xA7\xD8\xB3\xD9\x85"         /* اسم (باسم) */
#define AR_LADA "\xD9\x84\xD8\xAF\xD9\x8A"        /* لدى */
#define AR_COMMA "\xD8\x8C"                       /* ، */

typedef struct mention {
    uint32_t tok_first, tok_end;
    const ms_actor_entry *e;      /* the entry chosen for this mention */
    const ms_actor_entry *place;  /* the same words as a place, if the dictionary says so */
    bool ambiguous;
} mention;

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

/* Choose among the entries of one alias: valid on the date first, then by kind. */
static void choose(const ms_lexicon *lx, uint32_t node, ms_ymd date, mention *m)
{
    uint32_t it = 0, v;
    const ms_actor_entry *best = NULL, *place = NULL;
    int best_score = -1000000;
    int codes = 0;
    char first_code[4] = "";
    while (ms_dict_next_value(&lx->actors, node, &it, &v)) {
        const ms_actor_entry *e = &MSVEC_AT(&lx->actor_entries, ms_actor_entry, v);
        if (e->kind == MS_K_PLACE) {
            if (!place)
                place = e;
            continue;
        }
        if (e->code[0] && strcmp(first_code, e->code)) {
            if (!first_code[0])
                memcpy(first_code, e->code, 4);
            codes++;
        }
        int score = kind_rank(e->kind) * 10;
        if (e->from.y || e->to.y) {
            if (ms_entry_valid_on(e, date))
                score += 100;
            else if (e->to.y && date.y && ymd_num(date) > ymd_num(e->to))
                score += 50 - (ymd_num(date) - ymd_num(e->to)) / 10000; /* the latest office held before */
            else
                score -= 50;
        } else {
            score += 60;
        }
        if (score > best_score) {
            best_score = score;
            best = e;
        }
    }
    m->e = best ? best : place;
    m->place = place;
    m->ambiguous = (best && best->ambiguous) || codes > 1;
}

static bool is_head(const ms_actor_entry *e)
{
    return e->kind == MS_K_AGENT || e->kind == MS_K_ROLE || e->kind == MS_K_TITLE ||
           (e->kind == MS_K_ORG && !e->code[0]);
}

/* Tokens between two mentions that do not break a composition; returns the
 * kind of gap: 0 none, 1 باسم, 2 في/لدى, 3 comma, -1 a break. */
static int gap_kind(const ms_text *t, uint32_t a, uint32_t b)
{
    if (a == b)
        return 0;
    if (b - a != 1)
        return -1;
    const ms_token *k = &t->tok[a];
    if (k->kind == MS_TOK_PUNCT && ms_tok_is(t, k, AR_COMMA))
        return 3;
    if (ms_tok_is(t, k, AR_FI) || ms_tok_is(t, k, AR_LADA))
        return 2;
    if ((k->pro & MS_PRO_B) && ms_tok_stem_is(t, k, AR_ISM))
        return 1;
    return -1;
}

/* May mention n join a group whose last mention is p (the group's head h)? */
static bool joins(const mention *h, const mention *p, const mention *n, int gap, bool has_person, bool has_code)
{
    int nk = n->e->kind, pk = p->e->kind;
    if (gap < 0)
        return false;
    if (nk == MS_K_MODIFIER)
        return gap == 0;
    if (nk == MS_K_DEMONYM)
        return gap == 0 && !has_code && !has_person;
    if (nk == MS_K_TITLE)
        return (gap == 0 || gap == 3) && !has_person;
    if (nk == MS_K_PERSON)
        return (gap == 0 || gap == 3) && !has_person && (is_head(h->e) || pk == MS_K_DEMONYM || pk == MS_K_TITLE);
    if (nk == MS_K_COUNTRY || nk == MS_K_CAPITAL)
        return (gap == 0 || gap == 2) && !has_code && !has_person && is_head(h->e);
    if (nk == MS_K_ORG || nk == MS_K_MEDIA)
        return (gap == 1 || gap == 2 || (gap == 0 && (h->e->composes || pk == MS_K_ROLE || pk == MS_K_AGENT))) &&
               !has_code && !has_person && is_head(h->e);
    if (nk == MS_K_PLACE)
        return gap == 2 && !has_code && !has_person && is_head(h->e);
    if (nk == MS_K_AGENT || nk == MS_K_ROLE)
        return gap == 2 && !has_code && !has_person && is_head(h->e); /* مسؤول رفيع في إدارة بايدن */
    return false;
}

static void resolve_group(const mention *g, size_t n, const ms_text *t, ms_actor *a)
{
    const ms_actor_entry *person = NULL, *org = NULL, *country = NULL, *demonym = NULL, *place = NULL,
                         *modifier_sector = NULL, *head = g[0].e;
    unsigned flags = 0;
    bool ambiguous = false;
    for (size_t i = 0; i < n; i++) {
        const ms_actor_entry *e = g[i].e;
        ambiguous |= g[i].ambiguous && n == 1;
        switch (e->kind) {
        case MS_K_PERSON: if (!person) person = e; break;
        case MS_K_ORG: case MS_K_MEDIA: if (!org || (!org->code[0] && e->code[0])) org = e; break;
        case MS_K_COUNTRY: case MS_K_CAPITAL: if (!country) country = e; break;
        case MS_K_DEMONYM: if (!demonym) demonym = e; break;
        case MS_K_PLACE: if (!place) place = e; break;
        case MS_K_MODIFIER:
            if (e->sector && !modifier_sector)
                modifier_sector = e;
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
    const ms_actor_entry *coder = person && person->code[0] ? person
                                  : org && org->code[0]     ? org
                                  : country                 ? country
                                  : demonym                 ? demonym
                                  : place                   ? place
                                                            : NULL;
    memset(a->code, 0, sizeof a->code);
    if (coder)
        memcpy(a->code, coder->code, 3);
    a->sector = modifier_sector ? modifier_sector->sector
                : person && person->sector ? person->sector
                : (head->kind == MS_K_AGENT || head->kind == MS_K_ROLE) && head->sector ? head->sector
                : org && org->sector ? org->sector
                : country ? (country->sector ? country->sector : "GOV")
                : head->sector;
    a->entity = person ? person->entity : org && org->entity ? org->entity : country ? country->entity
                : head->entity ? head->entity : demonym ? demonym->entity : NULL;
    a->office = person ? person->office : NULL;
    a->kind = ms_akind_name(person ? MS_K_PERSON : org ? org->kind : country ? country->kind : head->kind);
    if ((head->kind == MS_K_AGENT || head->kind == MS_K_ROLE) && !person && !org)
        flags |= MS_ACT_ANON;
    if (head->captive)
        flags |= MS_ACT_CAPTIVE;
    if (n == 1 && head->kind == MS_K_DEMONYM && !head->plural)
        flags |= MS_ACT_WEAK;
    if (ambiguous)
        flags |= MS_ACT_AMBIGUOUS;
    a->flags = flags;
    a->tok_first = g[0].tok_first;
    a->tok_end = g[n - 1].tok_end;
    a->start = t->tok[a->tok_first].start;
    a->end = t->tok[a->tok_end - 1].end;
    a->sent = t->tok[a->tok_first].sent;
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

int ms_find_actors(const ms_lexicon *lx, const ms_text *t, ms_ymd date, msvec *actors, msvec *places)
{
    msvec ms;
    msvec_init(&ms, sizeof(mention));
    for (size_t s = 0; s < t->nsent; s++) {
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
                i++;
                continue;
            }
            mention *mm = msvec_push(&ms);
            if (!mm)
                goto oom;
            mm->tok_first = i;
            mm->tok_end = i + (uint32_t)m;
            choose(lx, node, date, mm);
            if (!mm->e)
                ms.n--;
            i += (uint32_t)m;
        }
        /* places: place entries, and countries/capitals after a locative preposition */
        for (size_t j = 0; j < ms.n; j++) {
            mention *mm = &MSVEC_AT(&ms, mention, j);
            const ms_actor_entry *pl = mm->place;
            if (!pl && (mm->e->kind == MS_K_COUNTRY || mm->e->kind == MS_K_CAPITAL) && locative_before(t, mm->tok_first))
                pl = mm->e;
            if (!pl)
                continue;
            ms_place *p = msvec_push(places);
            if (!p)
                goto oom;
            p->start = t->tok[mm->tok_first].start;
            p->end = t->tok[mm->tok_end - 1].end;
            memcpy(p->code, pl->code, 4);
            p->name = pl->kind == MS_K_PLACE || pl->kind == MS_K_COUNTRY ? pl->entity : pl->alias;
            p->tok_first = mm->tok_first;
            p->tok_end = mm->tok_end;
            /* a bare place word is a location, not an actor */
            if (mm->e->kind == MS_K_PLACE)
                mm->e = NULL;
        }
        /* compose */
        for (size_t j = 0; j < ms.n;) {
            mention *h = &MSVEC_AT(&ms, mention, j);
            if (!h->e) {
                j++;
                continue;
            }
            size_t n = 1;
            bool has_person = h->e->kind == MS_K_PERSON;
            bool has_code = (h->e->code[0] && h->e->kind != MS_K_DEMONYM) || has_person;
            while (j + n < ms.n) {
                mention *p = &MSVEC_AT(&ms, mention, j + n - 1), *nx = &MSVEC_AT(&ms, mention, j + n);
                if (!nx->e)
                    break;
                int gap = gap_kind(t, p->tok_end, nx->tok_first);
                if (!joins(h, p, nx, gap, has_person, has_code))
                    break;
                has_person |= nx->e->kind == MS_K_PERSON;
                has_code |= nx->e->code[0] && nx->e->kind != MS_K_DEMONYM;
                n++;
            }
            /* a lone modifier or title is not an actor */
            if (n == 1 && (h->e->kind == MS_K_MODIFIER || h->e->kind == MS_K_TITLE)) {
                j++;
                continue;
            }
            ms_actor *a = msvec_push(actors);
            if (!a)
                goto oom;
            resolve_group(&MSVEC_AT(&ms, mention, j), n, t, a);
            if (h->e->kind == MS_K_REF) {
                /* the most recent organization named before */
                for (size_t q = actors->n - 1; q-- > 0;) {
                    const ms_actor *ant = &MSVEC_AT(actors, ms_actor, q);
                    if (ant->kind && !strcmp(ant->kind, "org") && ant->code[0] && !(ant->flags & MS_ACT_COREF)) {
                        memcpy(a->code, ant->code, 4);
                        a->sector = ant->sector;
                        a->entity = ant->entity;
                        a->kind = ant->kind;
                        a->flags |= MS_ACT_COREF;
                        break;
                    }
                }
                if (!(a->flags & MS_ACT_COREF))
                    actors->n--; /* no antecedent: not an actor */
            }
            j += n;
        }
    }
    msvec_free(&ms);
    return MARSAD_OK;
oom:
    msvec_free(&ms);
    return MARSAD_ENOMEM;
}
