"""Actor lexicon: countries, capitals, organisations, media, persons, roles,
modifiers and places, compiled into gen/actors.tsv.

Reads the hand-written files in data/actors/ (formats in data/actors/README.md)
and, for countries, Debian's iso-codes list with its Arabic translations.
Writes one line per surface phrase:

    alias  kind  code  sector  entity  from  to  office  extra

Demonyms are produced by rule from one nisba base per country, and each person
gets one line per (alias x office) plus "former ..." lines that cover the time
between and after the listed offices, so that a name resolves to what its
bearer was at the article's date.

Every input line is validated; a malformed one raises DataError naming
file:line. Output is sorted, so the same input always gives the same table.
"""
import datetime
import gettext
import json
import os
import re

ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
ISO_LOCALEDIR = "/usr/share/locale"
ISO_MO = os.path.join(ISO_LOCALEDIR, "ar", "LC_MESSAGES", "iso_3166-1.mo")

KINDS = ("country", "demonym", "capital", "org", "person", "media", "agent", "role",
         "modifier", "place", "title", "pronoun-ref")

# PLOVER/CAMEO actor sectors this lexicon may assign.
SECTORS = ("GOV", "MIL", "REB", "SPY", "COP", "JUD", "LEG", "PTY", "OPP", "CVL", "MED", "JRN",
           "BUS", "EDU", "HLH", "REF", "LAB", "REL", "ELI", "CRM", "AGR", "ENV", "HRI",
           "IGO", "UNO", "NGO", "MNC", "IMG")

# Non-state codes allowed where a country code would go.
NONSTATE = ("IGO", "UNO", "NGO", "IMG", "MNC")

# Suffixes of the sound (and nisba) inflection: stem + suffix, gender, number.
# The oblique -ين is both the masculine plural and the masculine dual.
SOUND = (("", "m", "sg"), ("\u0629", "f", "sg"), ("\u0648\u0646", "m", "pl"),
         ("\u064a\u0646", "m", "pl/du"), ("\u0627\u0646", "m", "du"),
         ("\u062a\u0627\u0646", "f", "du"), ("\u062a\u064a\u0646", "f", "du"),
         ("\u0627\u062a", "f", "pl"))

AL = "\u0627\u0644"
_DIAC = re.compile("[\u0610-\u061A\u064B-\u065F\u0670\u0640\u06D6-\u06ED]")
_FOLD = str.maketrans({"\u0622": "\u0627", "\u0623": "\u0627", "\u0625": "\u0627", "\u0671": "\u0627",
                       "\u0649": "\u064A", "\u0629": "\u0647", "\u06CC": "\u064A", "\u06A9": "\u0643"})
_ARABIC = re.compile("[\u0621-\u064A]")
_ALIAS_OK = re.compile(r"^[\u0621-\u064A\u0671A-Za-z0-9][\u0621-\u064A\u0671A-Za-z0-9 .&'\-]*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_KEY = re.compile(r"^[a-z_]+$")


class DataError(ValueError):
    """A malformed line in a data file; the message starts with file:line."""


def strip_diacritics(s):
    return _DIAC.sub("", s)


def clean(s):
    return " ".join(strip_diacritics(s).split())


def fold(s):
    """The matcher's spelling-insensitive form, used here only to find duplicates."""
    return clean(s).translate(_FOLD).lower()


class Src:
    """Where a value came from, for error messages."""

    def __init__(self, path, line):
        self.path, self.line = path, line

    def fail(self, msg):
        raise DataError("%s:%d: %s" % (self.path, self.line, msg))


def read_lines(path):
    """(Src, raw line) for every line that is not blank or a comment."""
    with open(path, encoding="utf-8") as fh:
        for n, raw in enumerate(fh, 1):
            line = raw.rstrip("\n").rstrip()
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if "\t" in line:
                Src(path, n).fail("tab character; fields are separated by ';'")
            yield Src(path, n), line


def fields(src, line, n, at_least=None):
    parts = [p.strip() for p in line.split(";")]
    lo = n if at_least is None else at_least
    if not lo <= len(parts) <= n:
        src.fail("expected %s fields separated by ';', found %d" %
                 (n if at_least is None else "%d to %d" % (at_least, n), len(parts)))
    return parts + [""] * (n - len(parts))


def options(src, text):
    """Parse 'key=value, key=value' into an ordered dict."""
    out = {}
    if not text:
        return out
    for item in text.split(","):
        item = item.strip()
        if not item:
            continue
        if "=" not in item:
            src.fail("option %r is not key=value" % item)
        k, v = (x.strip() for x in item.split("=", 1))
        if not _KEY.match(k) or not v or any(c in v for c in "\t;"):
            src.fail("bad option %r" % item)
        if k in out:
            src.fail("option %r given twice" % k)
        out[k] = v
    return out


def aliases(src, text, allow_empty=False):
    """Parse 'alias | alias {key=value,…} | …' into [(alias, extras)]."""
    out = []
    if not text.strip():
        if allow_empty:
            return out
        src.fail("no aliases")
    for item in text.split("|"):
        item = item.strip()
        if not item:
            src.fail("empty alias")
        extra = {}
        m = re.match(r"^(.*?)\s*\{(.*)\}$", item)
        if m:
            item, extra = m.group(1), options(src, m.group(2))
        a = clean(item)
        if not _ALIAS_OK.match(a):
            src.fail("alias %r has characters a surface phrase cannot have" % item)
        if clean(item) != " ".join(item.split()):
            # written with its vowels (عُمان, عَمّان): a text that writes
            # vowels on the word must agree with them
            if " " in a:
                src.fail("vowels are only read on one-word aliases: %r" % item)
            extra = dict(extra, vowels=item.strip())
        out.append((a, extra))
    return out


def check_date(src, d):
    if not d:
        return
    if not _DATE.match(d):
        src.fail("date %r is not YYYY-MM-DD" % d)
    try:
        datetime.date.fromisoformat(d)
    except ValueError:
        src.fail("date %r does not exist" % d)


def check_span(src, frm, to):
    check_date(src, frm)
    check_date(src, to)
    if frm and to and frm >= to:
        src.fail("from %s is not before to %s" % (frm, to))


def extra_text(*dicts):
    merged = {}
    for d in dicts:
        merged.update(d)
    return ";".join("%s=%s" % (k, merged[k]) for k in sorted(merged))


def add_article(phrase):
    """ال on every word of a noun-adjective phrase (الكوري الشمالي)."""
    return " ".join(w if w.startswith(AL) else AL + w for w in phrase.split())


# Construct-state plural of people nouns (مسلحو حماس): never takes ال, and is
# followed by the actor it belongs to. The oblique construct in -ي (مسلحي) is
# left to the clitic segmenter, which reads it as the -ين plural whose ن falls
# before a pronoun or a noun; listing it would make it look like a word with
# the pronoun ي and hide that reading.
CONSTRUCT = (("\u0648", "m", "pl"),)


def inflect(base, construct=False):
    """The sound/nisba forms of a (possibly multi-word) masculine singular base."""
    words = base.split()
    for suf, g, num in SOUND:
        yield " ".join(w + suf for w in words), {"gender": g, "number": num}
    if construct and len(words) == 1:
        for suf, g, num in CONSTRUCT:
            yield base + suf, {"gender": g, "number": num, "state": "construct"}


class Table:
    def __init__(self, codes):
        self.codes = codes
        self.rows = {}

    def check_code(self, src, code, allow_empty=True):
        if not code:
            if not allow_empty:
                src.fail("a code is required")
            return
        if code not in self.codes and code not in NONSTATE:
            src.fail("unknown code %r (not an ISO 3166-1 alpha-3 nor %s)" % (code, "/".join(NONSTATE)))

    def add(self, src, alias, kind, code, sector, entity, frm="", to="", office="", extra=""):
        if kind not in KINDS:
            src.fail("unknown kind %r (one of %s)" % (kind, ", ".join(KINDS)))
        self.check_code(src, code)
        if sector and sector not in SECTORS:
            src.fail("unknown sector %r" % sector)
        if not entity:
            src.fail("entity is empty")
        for v in (entity, office):
            if "\t" in v or "\n" in v:
                src.fail("tab or newline in %r" % v)
        check_span(src, frm, to)
        # data files give `to` as the first day something no longer holds
        # (a successor's first day); the table gives the last day it holds,
        # so that both ends are inclusive and touching terms never overlap
        if to:
            to = (datetime.date.fromisoformat(to) - datetime.timedelta(days=1)).isoformat()
        row = (alias, kind, code, sector, entity, frm, to, office, extra)
        self.rows.setdefault(row, src)

    def text(self):
        # By alias, then kind and code; within those the latest term first, so
        # that a reader taking the first of several equally valid lines (an
        # undated article) gets the current office, not the earliest one.
        ordered = sorted(self.rows, key=lambda r: (r[3], r[4], r[7], r[8], r[6]))
        ordered.sort(key=lambda r: r[5] or "0000", reverse=True)
        ordered.sort(key=lambda r: (fold(r[0]), r[0], r[1], r[2]))
        out = ["# Generated by tools/gen_actors.py from data/actors/ and iso-codes - do not edit.",
               "# alias\tkind\tcode\tsector\tentity\tfrom\tto\toffice\textra"]
        # spellings the matcher folds together (أفريقي/إفريقي) make one line
        seen, rows = set(), []
        for r in ordered:
            k = (fold(r[0]),) + r[1:]
            if k not in seen:
                seen.add(k)
                rows.append(r)
        out += ["\t".join(r) for r in rows]
        return "\n".join(out) + "\n"


# MARK: countries and demonyms

def load_iso():
    if not os.path.exists(ISO_JSON) or not os.path.exists(ISO_MO):
        raise SystemExit("gen_actors: %s or %s is missing: install the Debian package iso-codes "
                         "(scripts/install-deps.sh does)" % (ISO_JSON, ISO_MO))
    with open(ISO_JSON, encoding="utf-8") as fh:
        entries = json.load(fh)["3166-1"]
    tr = gettext.translation("iso_3166-1", localedir=ISO_LOCALEDIR, languages=["ar"])
    out = {}
    for e in entries:
        names = []
        for k in ("name", "official_name", "common_name"):
            if k in e:
                names.extend(iso_arabic_names(tr.gettext(e[k])))
        out[e["alpha_3"]] = {"entity": e.get("common_name", e["name"]), "names": names}
    return out


def iso_arabic_names(s):
    """Names as news writes them from one iso-codes translation: parenthesised
    glosses dropped, 'X، Y' inversions split, the conjunction و attached."""
    if not _ARABIC.search(s):
        return []
    s = re.sub(r"\([^)]*\)", " ", strip_diacritics(s))
    s = re.sub(r"\s+\u0648\s+", " \u0648", s)
    return [clean(p) for p in re.split("[\u060C,]", s) if _ARABIC.search(p)]


def countries(table, iso, path):
    """Returns {code: (entity, [nisba bases])} for the phrase+nisba rule."""
    nisbas = {}
    seen = {}
    done = set()
    given = {}
    for src, line in read_lines(path):
        code, names, nisba, extra_dem, opts = fields(src, line, 5, at_least=3)
        if code not in iso:
            src.fail("unknown ISO 3166-1 alpha-3 code %r" % code)
        if code in given:
            src.fail("%s already given at line %d" % (code, given[code]))
        given[code] = src.line
        done.add(code)
        opt = options(src, opts)
        for k in opt:
            if k != "entity":
                src.fail("unknown country option %r" % k)
        entity = opt.get("entity", iso[code]["entity"])
        drop = set()
        for item in (x.strip() for x in names.split("|") if x.strip()):
            if item.startswith("-"):
                drop.add(fold(item[1:]))
        listed = aliases(src, "|".join(x for x in names.split("|") if x.strip() and not x.strip().startswith("-")),
                         allow_empty=True)
        # a name listed here overrides the same name from iso-codes (it may carry extras)
        keep = {}
        for a, ex in [(n, {}) for n in iso[code]["names"]] + listed:
            if fold(a) not in drop:
                keep[fold(a)] = (a, ex)
        keep = list(keep.values())
        for f in drop:
            if f not in (fold(n) for n in iso[code]["names"]):
                src.fail("'-%s' drops a name iso-codes does not give" % f)
        emit_country(table, src, code, entity, keep, seen)
        bases = aliases(src, nisba, allow_empty=True)
        if bases:
            nisbas[code] = (entity, [b for b, _ in bases])
        for base, ex in bases:
            for form, g in inflect(base):
                for f in (form, add_article(form)):
                    table.add(src, f, "demonym", code, "", entity, extra=extra_text(g, ex))
        for form, ex in aliases(src, extra_dem, allow_empty=True):
            g = {"number": "pl"}
            g.update(ex)
            # a compound like جنوب أفريقي takes the article once: الجنوب أفريقي
            for f in (form, AL + form if not form.startswith(AL) else form):
                table.add(src, f, "demonym", code, "", entity, extra=extra_text(g))
    src = Src(ISO_JSON, 0)
    for code in sorted(set(iso) - done):
        emit_country(table, src, code, iso[code]["entity"], [(n, {}) for n in iso[code]["names"]], seen)
    return nisbas


def emit_country(table, src, code, entity, names, seen):
    for a, ex in names:
        f = fold(a)
        if f in seen and seen[f] != code and "ambiguous" not in ex:
            src.fail("country name %r is given to both %s and %s; drop it from one with '-%s'"
                     % (a, seen[f], code, a))
        seen[f] = code
        table.add(src, a, "country", code, "GOV", entity, extra=extra_text(ex))


def capitals(table, iso, path):
    """ISO3 ; English name ; options ; Arabic names — a place line for each
    name, and a capital (metonym) line unless metonym=no."""
    for src, line in read_lines(path):
        code, city, opts, names = fields(src, line, 4)
        table.check_code(src, code, allow_empty=False)
        if not city:
            src.fail("English name is empty")
        opt = options(src, opts)
        metonym = opt.pop("metonym", "yes")
        if metonym not in ("yes", "no"):
            src.fail("metonym must be yes or no")
        gov = opt.pop("entity", "Government of " + of_country(iso_entity(iso, code)))
        for k in opt:
            if k not in ("ambiguous",):
                src.fail("unknown capital option %r" % k)
        for a, ex in aliases(src, names):
            table.add(src, a, "place", code, "", city, extra=extra_text(opt, ex))
            if metonym == "yes":
                table.add(src, a, "capital", code, "GOV", gov, extra=extra_text(opt, ex))


def iso_entity(iso, code):
    return iso[code]["entity"] if code in iso else code


# MARK: generic entries (organisations, media, places, roles…)

def generic(table, path, combos):
    """kind ; code ; sector ; entity ; options ; aliases"""
    for src, line in read_lines(path):
        kind, code, sector, entity, opts, names = fields(src, line, 6)
        opt = options(src, opts)
        frm, to, office = opt.pop("from", ""), opt.pop("to", ""), opt.pop("office", "")
        infl, al = opt.pop("infl", ""), opt.pop("al", "")
        nisba, bare = opt.pop("nisba", ""), opt.pop("bare", "yes")
        if infl not in ("", "sound"):
            src.fail("infl must be 'sound'")
        if al not in ("", "both"):
            src.fail("al must be 'both'")
        if nisba not in ("", "m", "f"):
            src.fail("nisba must be m or f")
        if bare not in ("yes", "no") or (bare == "no" and not nisba):
            src.fail("bare=no needs nisba= and bare must be yes or no")
        if nisba and code:
            src.fail("nisba= is for phrases without a country of their own")
        for a, ex in aliases(src, names):
            if nisba:
                combo_opt = {k: v for k, v in opt.items() if k != "composes"}
                combos.append((src, a, nisba, sector, entity, frm, to, office, extra_text(combo_opt, ex)))
                if bare == "no":
                    continue
            forms = list(inflect(a, construct=True)) if infl else [(a, {})]
            for form, g in forms:
                if infl and kind == "agent" and g.get("number") == "sg":
                    # a singular nisba is an adjective as often as a person
                    # (الهجوم الإرهابي, الجهود الدبلوماسية): say so
                    g = dict(g, adj="yes")
                variants = [form]
                if al and add_article(form) != form and "state" not in g:
                    variants.append(add_article(form))
                for v in variants:
                    table.add(src, v, kind, code, sector, entity, frm, to, office, extra_text(opt, g, ex))


def of_country(name):
    """'Government of' + name, with the article English gives some names."""
    if re.match(r"(United|Democratic|Republic|Central African|Dominican|Netherlands|Philippines|"
                r"Maldives|Gambia|Bahamas|Comoros|Holy See|Marshall|Solomon|Seychelles)\b", name):
        return "the " + name
    return name


def emit_combos(table, combos, nisbas):
    """Phrase + every country's nisba, as kind org, where no line gives that
    phrase already: explicit entries (الجيش الإسرائيلي = IDF) win."""
    given = {fold(r[0]) for r in table.rows}
    for (src, phrase, gender, sector, entity, frm, to, office, extra) in combos:
        for code in sorted(nisbas):
            country, bases = nisbas[code]
            for base in bases:
                adj = add_article(base if gender == "m" else " ".join(w + "\u0629" for w in base.split()))
                alias = phrase + " " + adj
                if fold(alias) in given:
                    continue
                table.add(src, alias, "org", code, sector, entity + " of " + of_country(country), frm, to, office, extra)


def emit_accusatives(table, nisbas):
    """The indefinite accusative of a one-word nisba (1170 إسرائيليا, وفدا
    مصريا), unless that spelling is a name already (كوريا, إفريقيا)."""
    given = {fold(r[0]) for r in table.rows}
    for code in sorted(nisbas):
        country, bases = nisbas[code]
        for base in bases:
            form = base + "\u0627"
            if " " in base or fold(form) in given:
                continue
            table.add(Src("countries.txt", 0), form, "demonym", code, "", country,
                      extra=extra_text({"gender": "m", "number": "sg", "case": "acc"}))


# MARK: persons

def persons(table, path):
    """A header line 'entity ; code ; sector ; options ; aliases' followed by
    indented office lines 'office ; code ; sector ; from ; to [; options]'."""
    person = None
    for src, line in read_lines(path):
        if line[0].isspace():
            if person is None:
                src.fail("office line without a person above it")
            office, code, sector, frm, to, opts = fields(src, line.strip(), 6, at_least=5)
            if not office:
                src.fail("office is empty")
            code = code or person["code"]
            table.check_code(src, code, allow_empty=False)
            if sector not in SECTORS:
                src.fail("unknown or missing sector %r" % sector)
            check_span(src, frm, to)
            person["offices"].append((src, office, code, sector, frm, to, options(src, opts)))
            continue
        if person:
            emit_person(table, person)
        entity, code, sector, opts, names = fields(src, line, 5)
        if not entity:
            src.fail("person name is empty")
        table.check_code(src, code, allow_empty=False)
        if sector and sector not in SECTORS:
            src.fail("unknown sector %r" % sector)
        person = {"src": src, "entity": entity, "code": code, "sector": sector,
                  "opts": options(src, opts), "names": aliases(src, names), "offices": []}
    if person:
        emit_person(table, person)


ABD, ABU = "\u0639\u0628\u062f", "\u0623\u0628\u0648"


def name_spellings(alias):
    """The alias, and the same name with عبد / أبو written joined to the
    next word or apart from it (عبد الله / عبدالله, أبو مازن / أبومازن):
    news writes both."""
    out = [alias]
    words = alias.split()
    joined, i = [], 0
    while i < len(words):
        if words[i] in (ABD, ABU) and i + 1 < len(words):
            joined.append(words[i] + words[i + 1])
            i += 2
        else:
            joined.append(words[i])
            i += 1
    split = []
    for w in words:
        for head in (ABD + AL, ABU):
            if w.startswith(head) and len(w) > len(head) + 2 and w not in (ABD, ABU):
                split += [w[:3], w[3:]]
                break
        else:
            split.append(w)
    for v in (" ".join(joined), " ".join(split)):
        if v not in out:
            out.append(v)
    return out


def emit_person(table, p):
    src, opt = p["src"], dict(p["opts"])
    rest_office = opt.pop("office", "")
    lines = []
    for (osrc, office, code, sector, frm, to, oopt) in p["offices"]:
        lines.append((osrc, code, sector, frm, to, office, oopt))
    # the time no listed office covers: before the first one, between, after the last
    spans = sorted((o[4] or "0000-00-00", o[5] or "9999-99-99", o[1], o[2]) for o in p["offices"])
    cursor, last = "0000-00-00", None

    def gap(frm, to):
        # after an office: "former <office>", coded by the country of that
        # office (a former Dutch prime minister is Dutch, whatever he is now)
        if last is None:
            return (src, p["code"], p["sector"], "", to, rest_office, {})
        office, code = last
        sector = p["sector"] if code == p["code"] else "ELI"
        return (src, code, sector, frm, to, rest_office or "former " + office,
                {} if rest_office else {"flag": "former"})

    for frm, to, office, code in spans:
        if frm > cursor:
            lines.append(gap(cursor, frm))
        if to >= cursor:
            cursor, last = to, (office, code)
    if cursor != "9999-99-99":
        lines.append(gap(cursor, ""))
    for a, ex in ((v, ex) for a, ex in p["names"] for v in name_spellings(a)):
        for (lsrc, code, sector, frm, to, office, oopt) in lines:
            table.add(lsrc, a, "person", code, sector, p["entity"], frm, to, office,
                      extra_text(opt, oopt, ex))


# MARK: entry point

GENERIC_FILES = ("orgs.txt", "media.txt", "roles.txt", "places.txt")


def generate(data_dir):
    d = os.path.join(data_dir, "actors")
    iso = load_iso()
    table = Table(set(iso))
    nisbas = countries(table, iso, os.path.join(d, "countries.txt"))
    capitals(table, iso, os.path.join(d, "capitals.txt"))
    combos = []
    for f in GENERIC_FILES:
        generic(table, os.path.join(d, f), combos)
    persons(table, os.path.join(d, "persons.txt"))
    emit_combos(table, combos, nisbas)
    emit_accusatives(table, nisbas)
    return {"actors.tsv": table.text()}


if __name__ == "__main__":
    import sys
    sys.stdout.write(generate(sys.argv[1] if len(sys.argv) > 1 else "data")["actors.tsv"])
