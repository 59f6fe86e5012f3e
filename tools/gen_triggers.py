"""Event trigger lexicon and grammar cue lists.

    generate(data_dir) -> {"triggers.tsv": text, "attribution.tsv": text}

gen/triggers.tsv is compiled from data/triggers/<type>.txt (one file per
PLOVER type; format in data/triggers/README.md): every entry is expanded
into the surface phrases the matcher looks up, one line per phrase:

    phrase  type  mode  cameo  goldstein  pos  figure  extra

Verbs are conjugated here (past and imperfect, all persons, with the
spelling changes of hollow, defective and doubled verbs) so the engine
needs no morphology of its own to match them.

The grammar cue lists data/grammar/*.txt (format in data/grammar/README.md)
are checked here; the engine reads them as written, plus gen/attribution.tsv
with the conjugated forms of the reporting verbs (`category  phrase  extra`).

Malformed input raises SystemExit naming file:line, so a bad entry stops
the build instead of silently dropping out of the lexicon.
"""
import os
import re

# MARK: vocabulary

# PLOVER types in the order of the ontology, with the modes each accepts
# (PLOVER manual tables; "aerial" and "cleansing" are CAMEO 195/202 kept
# apart because users ask for airstrikes and massacres by name).
TYPES = {
    "AGREE": set(),
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "SUPPORT": set(),
    "CONCEDE": set(),
    "COOPERATE": set(),
    "AID": {"economic", "military", "humanitarian", "asylum"},
    "RETREAT": {"withdraw", "release", "return", "disarm", "ceasefire", "access", "resign", "ease"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"investigate"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "THREATEN": {"restrict", "ban", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike-gen", "strike-lim", "strike-hun", "boycott", "obstruct"},
    "SANCTION": {"convict", "cancel", "expel", "withdraw", "sever"},
    "MOBILIZE": {"troops", "weapons", "police"},
    "COERCE": {"confiscate", "restrict", "ban", "censor", "curfew", "martial-law", "arrest",
               "deport", "withhold"},
    "ASSAULT": {"abduct", "beat", "torture", "execute", "sexual", "assassinate", "destroy",
                "primitive", "firearms", "explosives", "suicide-attack", "heavy-weapons",
                "aerial", "cleansing"},
}

# Which CAMEO roots (first two digits) a PLOVER type may carry; a few
# codes cross over, as in the PLOVER crosswalk (163 embargo is COERCE or
# SANCTION, 1712 destroy property and 175 repression are ASSAULT, 191/192
# blockade and occupation are COERCE, 055 apologize is CONCEDE, 057 sign
# an agreement is AGREE here).
TYPE_ROOTS = {
    "AGREE": {"03", "05"}, "CONSULT": {"04"}, "SUPPORT": {"05"}, "CONCEDE": {"08", "05"},
    "COOPERATE": {"06"}, "AID": {"07"}, "RETREAT": {"08"}, "REQUEST": {"02", "10"},
    "ACCUSE": {"09", "11"}, "REJECT": {"12"}, "THREATEN": {"13"}, "PROTEST": {"14"},
    "SANCTION": {"16"}, "MOBILIZE": {"15"}, "COERCE": {"17", "19", "16"},
    "ASSAULT": {"18", "19", "20", "17"},
}
# Types whose Goldstein value must not be negative / positive.
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
CONFLICTUAL = {"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def _cameo_codes():
    """Every CAMEO 1.1b3 event code (plus 155, 176, 1834 of later revisions)."""
    spans = {
        "01": "0-9", "02": "0-8", "03": "0-9", "04": "0-6", "05": "0-7", "06": "0-4", "07": "0-5",
        "08": "0-7", "09": "0-4", "10": "0-8", "11": "0-6", "12": "0-9", "13": "0-9", "14": "0-5",
        "15": "0-5", "16": "0-6", "17": "0-6", "18": "0-6", "19": "0-6", "20": "0-4",
    }
    fourth = {
        "021": 4, "023": 4, "024": 4, "025": 6, "031": 4, "033": 4, "034": 4, "035": 6,
        "081": 4, "083": 4, "084": 2, "086": 3, "087": 4, "101": 4, "103": 4, "104": 4,
        "105": 6, "112": 5, "121": 4, "122": 4, "123": 4, "124": 6, "131": 3, "132": 4,
        "138": 5, "141": 4, "142": 4, "143": 4, "144": 4, "145": 4, "162": 3, "166": 3,
        "171": 2, "172": 4, "182": 3, "183": 4, "204": 2,
    }
    codes = set()
    for root, span in spans.items():
        lo, hi = (int(x) for x in span.split("-"))
        for d in range(lo, hi + 1):
            codes.add(root + str(d))
    for base, n in fourth.items():
        for d in range(1, n + 1):
            codes.add(base + str(d))
    return codes


CAMEO = _cameo_codes()
FIGURES = {"KILL", "WOUND", "KIDNAP", "HELD", "RELEASE", "ARREST", "MISSING", "DISPLACE", "AFFECT"}
POS = {"V", "N", "P"}

# Options copied into the extra column, with their allowed values.
EXTRA_KEYS = {
    "obj": None,            # a preposition, or "-" for a direct object
    "with": None,           # partner preposition (مع)
    "then": None,           # preposition of a second complement after the object (اتهم X بـ)
    "figure_only": {"1"},
    "passive": {"1"},
    "also_negator": {"1"},
    "gap": {"1", "2", "3", "4", "5"},
    "roles": {"swap"},
    "needs": {"recipient"},
    "genitive": {"patient", "place"},
    "by_state": {"arrest"},  # a state body doing it: COERCE with this mode (detention, not abduction)
    "definite": {"reference"},  # with the article: an agreement already made, no act
}
# Options that steer the generator only.
GEN_KEYS = {"figure", "class", "jussive", "past+", "imperf+", "skip", "acc", "inflect"}
CLASSES = {"auto", "sound", "hollow", "defective", "doubled", "fixed"}

# MARK: Arabic helpers

_DIAC = re.compile("[\u064B-\u065F\u0670\u0640]")
_FOLD = str.maketrans({"\u0622": "\u0627", "\u0623": "\u0627", "\u0625": "\u0627", "\u0671": "\u0627",
                       "\u0649": "\u064A", "\u0629": "\u0647"})
_ARABIC_WORD = re.compile("^[\u0621-\u064A\u064B-\u0652\u0670\u0640]+$")
ALIF, YA, WAW, MAQSURA, TA_M, HAMZA = "\u0627", "\u064A", "\u0648", "\u0649", "\u0629", "\u0621"
PROCLITIC_LETTERS = set("وفبلكس")


def fold(s):
    """The key the engine compares on (diacritics, alef, ya, ta marbuta folded)."""
    return _DIAC.sub("", s).translate(_FOLD)


def bare(s):
    return _DIAC.sub("", s)


class DataError(SystemExit):
    pass


def fail(where, msg):
    raise DataError("%s: %s" % (where, msg))


# MARK: verb morphology

# Past suffixes beginning with a vowel (the stem keeps its long vowel /
# single consonant) and with a consonant (hollow stems shorten, doubled
# stems split, defective stems restore their glide).
# News reports the third person; the first person occurs in quotations
# (أطلقنا سراح، نطالب). Second-person forms are left out: they are rare in
# news and only add spellings that collide with other words.
PAST_V = ["", "ت", "وا", "ا", "تا"]          # 3ms 3fs 3mp 3md 3fd
PAST_C = ["ت", "نا"]                         # 1s 1p
IMPF_PREFIX = ["ي", "ت", "ن", "أ"]
IMPF_SUFFIX = ["", "ون", "ان", "ين", "وا", "ا", "ن"]
# Which suffixes each prefix takes: ي 3m (and 3fp يفعلن), ت 3fs and 3fd,
# ن 1p, أ 1s.
IMPF_COMBOS = {"ي": {"", "ون", "ان", "وا", "ا", "ن"}, "ت": {"", "ان", "ا"}, "ن": {""}, "أ": {""}}


def verb_class(past, imperf):
    p, i = bare(past), bare(imperf) if imperf else ""
    if p.endswith((MAQSURA, ALIF)) and len(p) >= 3 or (i and i.endswith((YA, WAW, MAQSURA)) and p.endswith(YA)):
        return "defective"
    if len(p) == 2:
        return "doubled"
    if len(p) >= 3 and p[-2] == ALIF and (not i or (len(i) >= 3 and i[-2] in (WAW, YA, ALIF))):
        return "hollow"
    return "sound"


def past_forms(past, klass):
    """(form, passive) pairs of a past verb given in the 3rd masc. singular."""
    p = bare(past)
    out = []
    if klass == "fixed":
        return [(p, False)]
    if klass == "hollow":
        short = p[:-2] + p[-1]
        out += [(p + s, False) for s in PAST_V]
        out += [(short + s, False) for s in PAST_C]
        # the passive (أصيب، اختير، اغتيل) has ya where the active has alif;
        # for the short verbs (زار → زير) it is rare and mostly meets other
        # words, so those list it with past+= when it is wanted
        if len(p) >= 4:
            pas = p[:-2] + YA + p[-1]
            out += [(pas + s, True) for s in PAST_V]
    elif klass == "doubled":
        out += [(p + s, False) for s in PAST_V]
        out += [(p + p[-1] + s, False) for s in PAST_C]
    elif klass == "defective":
        base = p[:-1]
        if p.endswith(ALIF):            # دعا: the glide is waw
            out += [(p, False), (base + "ت", False), (base + "وا", False), (base + "تا", False)]
            out += [(base + WAW + s, False) for s in PAST_C]
            out += [(base + "ي", True), (base + "يت", True)]  # دُعي
        elif p.endswith(YA):            # لقي، بقي: kasra-defective
            out += [(p, False), (p + "ت", False), (base + "وا", False), (p + "ا", False), (p + "تا", False)]
            out += [(p + s, False) for s in PAST_C]
        else:                           # التقى، أجرى، نفى
            out += [(p, False), (base + "ت", False), (base + "وا", False), (base + "يا", False),
                    (base + "تا", False)]
            out += [(base + YA + s, False) for s in PAST_C]
    else:
        out += [(p + s, False) for s in PAST_V + PAST_C]
    return out


def _prefixed(stem, prefix):
    # أ + أسر is written آسر
    if prefix == "أ" and stem[:1] == "أ":
        return "آ" + stem[1:]
    return prefix + stem


def imperf_forms(imperf, klass, jussive):
    """(form, passive) pairs of an imperfect given in the 3rd masc. singular."""
    i = bare(imperf)
    if klass == "fixed":
        return [(i, False)]
    if not i.startswith(YA):
        return None
    stem = i[1:]
    endings = []   # (suffix label, stem with ending, passive)
    if klass == "defective" and stem.endswith((YA, WAW, MAQSURA)):
        base, last = stem[:-1], stem[-1]
        if last == WAW:         # يدعو
            endings = [("", stem, False), ("ون", base + "ون", False), ("ان", base + "وان", False),
                       ("وا", base + "وا", False), ("ن", base + "ون", False)]
            if jussive:
                endings.append(("", base, False))
        else:                   # يلتقي / يلقى
            endings = [("", stem, False), ("ون", base + "ون", False), ("ان", base + "يان", False),
                       ("وا", base + "وا", False), ("ا", base + "يا", False), ("ن", base + "ين", False),
                       ("", base, False)]
    elif klass == "hollow":
        short = stem[:-2] + stem[-1]
        endings = [(s, stem + s, False) for s in IMPF_SUFFIX if s != "ن"] + [("ن", short + "ن", False)]
        if jussive:
            endings.append(("", short, False))
        if stem[-2] != ALIF:    # the passive (يقال، يصاب) has alif for the long vowel
            pas = stem[:-2] + ALIF + stem[-1]
            endings += [(s, pas + s, True) for s in ["", "ون", "ان", "وا", "ا"]]
    else:
        endings = [(s, stem + s, False) for s in IMPF_SUFFIX]
    out = []
    for label, e, pas in endings:
        for pre in IMPF_PREFIX:
            # a passive in the first person (نُصاب، أُصاب) is rare and meets
            # other words (نصاب quorum)
            if label in IMPF_COMBOS[pre] and not (pas and pre in ("ن", "أ")):
                out.append((_prefixed(e, pre), pas))
    return out


# MARK: phrase templates

_ALT = re.compile(r"^\{([^{}]+)\}$")


def split_template(text, where):
    """Whitespace-separated template words; a {…} group stays one word."""
    out, cur, depth = [], "", 0
    for ch in text:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                fail(where, "unbalanced } in %r" % text)
        if ch.isspace() and depth == 0:
            if cur:
                out.append(cur)
            cur = ""
        else:
            cur += ch
    if depth:
        fail(where, "unbalanced { in %r" % text)
    if cur:
        out.append(cur)
    return out


def _alternatives(w, where, macros):
    """The alternatives a template word stands for, each a tuple of words."""
    if w.startswith("@"):
        if w[1:] not in macros:
            fail(where, "unknown macro %s (defined in data/triggers/macros.txt)" % w)
        return list(macros[w[1:]])
    m = _ALT.match(w)
    if m:
        out = []
        for a in m.group(1).split(","):
            a = " ".join(a.split())
            if not a:
                fail(where, "empty alternative in %r" % w)
            seqs = [()]
            for part in a.split(" "):
                seqs = [x + y for x in seqs for y in _alternatives(part, where, macros)]
            out += seqs
        return out
    if "{" in w or "}" in w or "," in w:
        fail(where, "misplaced brace or comma in %r" % w)
    if w.startswith("(ال)"):
        # the engine tries every word with and without its article, so the
        # bare word stands for both
        rest = w[len("(ال)"):]
        check_word(rest, where)
        return [(rest,)]
    check_word(w, where)
    return [(w,)]


def expand_words(words, where, macros=None):
    """Expand (ال), {a,b c} and @macro in a list of template words into word lists."""
    results = [[]]
    for w in words:
        alts = []
        for a in _alternatives(w, where, macros or {}):
            if a not in alts:
                alts.append(a)
        results = [r + list(a) for r in results for a in alts]
    return results


def read_macros(path):
    """@name = word, word… lines: word alternations shared by the trigger files."""
    macros = {}
    if not os.path.exists(path):
        return macros
    rel = os.path.join("data", "triggers", os.path.basename(path))
    for n, line in read_lines(path):
        where = "%s:%d" % (rel, n)
        m = re.match(r"^@([a-z_]+)\s*=\s*(.+)$", line)
        if not m:
            fail(where, "expected '@name = word, word, …'")
        if m.group(1) in macros:
            fail(where, "macro @%s defined twice" % m.group(1))
        macros[m.group(1)] = _alternatives("{" + m.group(2) + "}", where, macros)
    return macros


def check_word(w, where):
    if not w or not _ARABIC_WORD.match(w):
        fail(where, "not an Arabic word: %r" % w)


def accusative(word):
    """The indefinite accusative spelling with tanween alif (هجوما, اتفاقا)."""
    b = bare(word)
    if b.endswith((TA_M, MAQSURA, ALIF, HAMZA, "ات", "ون", "ين", "ان", "ئ", "ؤ")):
        return None
    return b + ALIF


# MARK: options


def parse_options(text, where, allowed):
    opts = {}
    for tok in text.split():
        if "=" in tok:
            k, v = tok.split("=", 1)
        else:
            k, v = tok, "1"
        if k not in allowed:
            fail(where, "unknown option %r (known: %s)" % (k, ", ".join(sorted(allowed))))
        if not v:
            fail(where, "empty value for option %r" % k)
        if k in opts:
            fail(where, "option %r given twice" % k)
        opts[k] = v
    return opts


# MARK: triggers


class Entry:
    __slots__ = ("where", "type", "mode", "cameo", "goldstein", "pos", "figure", "extra", "order")


def parse_trigger_line(line, where, ptype):
    fields = [f.strip() for f in line.split("|")]
    if len(fields) == 4:
        fields.append("")
    if len(fields) != 5:
        fail(where, "expected 'mode | cameo | goldstein | POS forms | options' (5 fields), got %d"
             % len(fields))
    mode, cameo, gold, body, opttext = fields
    e = Entry()
    e.where, e.type = where, ptype
    e.mode = "" if mode in ("", "-") else mode
    if e.mode and e.mode not in TYPES[ptype]:
        fail(where, "unknown mode %r for %s (known: %s)"
             % (e.mode, ptype, ", ".join(sorted(TYPES[ptype])) or "none"))
    if cameo not in CAMEO:
        fail(where, "unknown CAMEO code %r" % cameo)
    if cameo[:2] not in TYPE_ROOTS[ptype]:
        fail(where, "CAMEO %s (root %s) does not belong to %s" % (cameo, cameo[:2], ptype))
    e.cameo = cameo
    try:
        g = float(gold)
    except ValueError:
        fail(where, "Goldstein value %r is not a number" % gold)
    if not -10.0 <= g <= 10.0 or g != g:
        fail(where, "Goldstein value %s is outside [-10, 10]" % gold)
    if ptype in COOPERATIVE and g < 0 or ptype in CONFLICTUAL and g > 0:
        fail(where, "Goldstein value %s has the wrong sign for %s" % (gold, ptype))
    e.goldstein = g
    parts = split_template(body, where)
    if len(parts) < 2 or parts[0] not in POS:
        fail(where, "the entry must start with V, N or P and a form: %r" % body)
    e.pos = parts[0]
    opts = parse_options(opttext, where, set(EXTRA_KEYS) | GEN_KEYS)
    for k, allowed in EXTRA_KEYS.items():
        if k in opts and allowed is not None and opts[k] not in allowed:
            fail(where, "option %s=%s: expected one of %s" % (k, opts[k], ", ".join(sorted(allowed))))
    if "obj" in opts and opts["obj"] != "-":
        check_word(opts["obj"], where)
    if "with" in opts:
        check_word(opts["with"], where)
    e.figure = opts.get("figure", "")
    if e.figure and e.figure not in FIGURES:
        fail(where, "unknown figure type %r (known: %s)" % (e.figure, ", ".join(sorted(FIGURES))))
    if "figure_only" in opts and not e.figure:
        fail(where, "figure_only needs figure=TYPE")
    if opts.get("class", "auto") not in CLASSES:
        fail(where, "unknown verb class %r (known: %s)" % (opts["class"], ", ".join(sorted(CLASSES))))
    if e.pos != "V":
        for k in ("class", "jussive", "past+", "imperf+"):
            if k in opts:
                fail(where, "option %s applies to verbs (V) only" % k)
    e.extra = [(k, opts[k]) for k in ("obj", "with", "then", "figure_only", "passive", "also_negator", "gap", "roles", "needs",
                                  "genitive", "by_state", "definite")
               if k in opts]
    return e, parts[1:], opts


def expand_entry(e, parts, opts, macros):
    """Surface candidates of one entry: (phrase, pos, extra list, explicit)."""
    where = e.where
    cands = []
    skip = {fold(s) for s in opts.get("skip", "").split(",") if s}
    if e.pos == "V":
        head = parts[0]
        if "/" not in head:
            fail(where, "a verb is written past/imperfect (use - for a missing one): %r" % head)
        past, imperf = (x.strip() for x in head.split("/", 1))
        past = "" if past == "-" else past
        imperf = "" if imperf == "-" else imperf
        if not past and not imperf and "past+" not in opts and "imperf+" not in opts:
            fail(where, "a verb needs a past or an imperfect form")
        for w in (past, imperf):
            if w:
                check_word(w, where)
        if imperf and not bare(imperf).startswith(YA):
            fail(where, "the imperfect %r must be the 3rd person masculine (starting with ي)" % imperf)
        klass = opts.get("class", "auto")
        if klass == "auto":
            klass = verb_class(past or "", imperf)
        tails = expand_words(parts[1:], where, macros)
        forms = []   # (form, tense, passive, explicit)
        if past:
            for i, (f, pas) in enumerate(past_forms(past, klass)):
                forms.append((f, "past", pas, i == 0))
        if imperf:
            fi = imperf_forms(imperf, klass, "jussive" in opts)
            for i, (f, pas) in enumerate(fi):
                forms.append((f, "imperf", pas, i == 0))
        for tense in ("past", "imperf"):
            for f in opts.get(tense + "+", "").split(","):
                if f:
                    check_word(f, where)
                    forms.append((bare(f), tense, False, True))
        for f, tense, pas, explicit in forms:
            if fold(f) in skip:
                continue
            for tail in tails:
                extra = [("tense", tense)] + list(e.extra)
                if pas and ("passive", "1") not in extra:
                    extra.append(("passive", "1"))
                cands.append((" ".join([f] + tail), "V", extra, explicit))
    else:
        text = " ".join(parts)
        alts = [a.strip() for a in text.split("/")]
        inflect = opts.get("inflect", "1" if e.pos == "P" else "0")
        use_acc = opts.get("acc", "1") == "1"
        for a in alts:
            words = split_template(a, where)
            if not words:
                fail(where, "empty form in %r" % text)
            for ws in expand_words(words, where, macros):
                variants = [ws]
                if inflect == "1" and len(ws) == 1 and e.pos == "P" and not ws[0].endswith((TA_M, MAQSURA)):
                    b = bare(ws[0])
                    variants += [[b + s] for s in ("ة", "ون", "ين", "ات", "ان", "تان", "تين")]
                if use_acc and len(ws) == 1 and e.pos == "N":
                    acc = accusative(ws[0])
                    if acc:
                        variants.append([acc])
                if bare(ws[0]).endswith(TA_M):
                    # before a pronoun suffix ta marbuta is written ت (زيارته،
                    # مكالمته الهاتفية): the stem left once the suffix is split off
                    variants.append([bare(ws[0])[:-1] + "ت"] + ws[1:])
                for n, v in enumerate(variants):
                    if fold(v[0]) in skip:
                        continue
                    cands.append((" ".join(v), e.pos, list(e.extra), n == 0))
    return cands


def read_lines(path):
    with open(path, encoding="utf-8") as fh:
        for n, raw in enumerate(fh, 1):
            line = raw.rstrip("\n").rstrip("\r")
            if "\t" in line and os.path.basename(os.path.dirname(path)) == "triggers":
                fail("%s:%d" % (path, n), "tab character in a trigger line (fields are separated by |)")
            s = line.strip()
            if not s or s.startswith("#"):
                continue
            yield n, s


def build_triggers(data_dir):
    tdir = os.path.join(data_dir, "triggers")
    if not os.path.isdir(tdir):
        fail(tdir, "missing directory")
    names = sorted(f for f in os.listdir(tdir) if f.endswith(".txt") and f != "macros.txt")
    macros = read_macros(os.path.join(tdir, "macros.txt"))
    known = {t.lower(): t for t in TYPES}
    for f in names:
        if f[:-4] not in known:
            fail(os.path.join(tdir, f), "file name is not a PLOVER type (%s.txt …)" % "/".join(sorted(known)))
    missing = sorted(set(known) - {f[:-4] for f in names})
    if missing:
        fail(tdir, "no trigger file for: %s" % ", ".join(missing))
    order = [t.lower() + ".txt" for t in TYPES]
    entries = []
    cands = []   # (fold key, phrase, pos, extra, explicit, entry)
    for f in order:
        path = os.path.join(tdir, f)
        rel = os.path.join("data", "triggers", f)
        ptype = known[f[:-4]]
        for n, line in read_lines(path):
            where = "%s:%d" % (rel, n)
            e, parts, opts = parse_trigger_line(line, where, ptype)
            e.order = len(entries)
            entries.append(e)
            produced = expand_entry(e, parts, opts, macros)
            if not produced:
                fail(where, "the entry produced no phrase")
            for phrase, pos, extra, explicit in produced:
                cands.append((fold(phrase), phrase, pos, extra, explicit, e))
    # Resolve collisions: an explicitly written form beats a derived one;
    # two explicit forms with different senses are an error; otherwise the
    # earlier entry wins (list the preferred reading first).
    # A verb form spelled like a noun of the same sense (دعم: he supported /
    # support) keeps both rows, the verb first: the engine reads the noun
    # after a preposition or with a preposition or the article attached.
    # Two verbs spelled alike that differ in how they take their object (تحمّل
    # مسؤولية: bore it, with عن; تُحمّل X مسؤولية: holds X responsible, a
    # direct object) keep both rows too: the engine takes the direct-object
    # one when a subject stands before the verb and a name inside the phrase.
    def obj_of(ex):
        return dict(ex).get("obj")

    best = {}
    dropped = []
    homographs = {}
    for key, phrase, pos, extra, explicit, e in cands:
        prev = best.get(key)
        if prev is None:
            best[key] = (phrase, pos, extra, explicit, e)
            continue
        pe = prev[4]
        same_sense = (pe.type, pe.mode, pe.cameo, pe.figure) == (e.type, e.mode, e.cameo, e.figure)
        if pe is e:
            continue
        if same_sense and prev[1] == "V" and pos == "N" and key not in homographs:
            homographs[key] = (phrase, pos, extra, explicit, e)
            continue
        if (not same_sense and prev[1] == "V" and pos == "V" and key not in homographs and
                "gap" in dict(extra) and "gap" in dict(prev[2]) and
                (obj_of(extra) == "-") != (obj_of(prev[2]) == "-")):
            homographs[key] = (phrase, pos, extra, explicit, e)
            continue
        if explicit and prev[3] and not same_sense:
            fail(e.where, "%r is also written at %s with another sense (%s/%s %s vs %s/%s %s)"
                 % (phrase, pe.where, e.type, e.mode or "-", e.cameo, pe.type, pe.mode or "-", pe.cameo))
        if explicit and not prev[3]:
            best[key] = (phrase, pos, extra, explicit, e)
            if not same_sense:
                dropped.append((prev[0], pe.where, e.where))
        elif not same_sense:
            dropped.append((phrase, e.where, pe.where))
    out = ["# Generated by tools/gen_triggers.py from data/triggers/*.txt — do not edit.",
           "# phrase\ttype\tmode\tcameo\tgoldstein\tpos\tfigure\textra"]
    counts = {}
    rows = list(best.items()) + [(k, v) for k, v in homographs.items() if best[k][1] == "V"]
    for key, (phrase, pos, extra, explicit, e) in rows:
        counts[e.type] = counts.get(e.type, 0) + 1
        ex = ";".join("%s=%s" % kv for kv in extra)
        out.append("\t".join([phrase, e.type, e.mode, e.cameo, "%.1f" % e.goldstein, pos, e.figure, ex]))
    ecounts = {}
    for e in entries:
        ecounts[e.type] = ecounts.get(e.type, 0) + 1
    out.append("# entries and phrases per type: " + ", ".join(
        "%s %d/%d" % (t, ecounts.get(t, 0), counts.get(t, 0)) for t in TYPES))
    for phrase, lost, winner in dropped:
        out.append("# dropped derived form %s (%s): the same spelling comes from %s" % (phrase, lost, winner))
    return "\n".join(out) + "\n"


# MARK: grammar cues

# The engine reads data/grammar/<file>.txt as written (category<TAB>phrase;
# a third column is ignored there) and gen/attribution.tsv for the
# conjugated reporting verbs, so the cue lists are checked here and only
# the derived verb forms are generated.
CUE_FILES = {
    "modality": {"future", "hypothetical", "negated", "historical", "asserted"},
    "attribution": {"verb", "frame", "anonymous"},
    "figures": FIGURES | {"population", "split"},
}
CUE_KEYS = {"imperf", "past+", "imperf+", "class", "jussive", "code", "skip"}
VERB_FILES = {"attribution"}


def build_cues(data_dir):
    gdir = os.path.join(data_dir, "grammar")
    if not os.path.isdir(gdir):
        fail(gdir, "missing directory")
    for f in sorted(os.listdir(gdir)):
        if f.endswith(".txt") and f[:-4] not in CUE_FILES:
            fail(os.path.join(gdir, f), "unknown cue list (known: %s)" % ", ".join(sorted(CUE_FILES)))
    out = ["# Generated by tools/gen_triggers.py from data/grammar/attribution.txt — do not edit.",
           "# The conjugated forms of the reporting verbs listed there (the listed",
           "# forms themselves are read from the data file).",
           "# category\tphrase\textra"]
    for g in CUE_FILES:
        path = os.path.join(gdir, g + ".txt")
        if not os.path.exists(path):
            fail(path, "missing cue list")
        rel = os.path.join("data", "grammar", g + ".txt")
        written = {}     # folded phrase -> (category, where)
        derived = []     # (category, phrase, extra, where)
        with open(path, encoding="utf-8") as fh:
            for n, raw in enumerate(fh, 1):
                where = "%s:%d" % (rel, n)
                line = raw.rstrip("\r\n")
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                cols = line.split("\t")
                if len(cols) < 2 or len(cols) > 3:
                    fail(where, "expected category<TAB>phrase[<TAB>options]")
                cat, phrase = cols[0].strip(), cols[1].strip()
                if cat not in CUE_FILES[g]:
                    fail(where, "unknown category %r for %s (known: %s)"
                         % (cat, g, ", ".join(sorted(CUE_FILES[g]))))
                opts = parse_options(cols[2] if len(cols) == 3 else "", where, CUE_KEYS)
                words = phrase.split()
                if not words:
                    fail(where, "empty phrase")
                for w in words:
                    check_word(w, where)
                key = fold(phrase)
                if key in written:
                    fail(where, "%r is already listed at %s" % (phrase, written[key][1]))
                written[key] = (cat, where)
                if "code" in opts and not re.match("^[A-Z]{3}$", opts["code"]):
                    fail(where, "code must be 3 capital letters: %r" % opts["code"])
                verbal = [k for k in ("imperf", "past+", "imperf+", "class", "jussive", "skip") if k in opts]
                if verbal and g not in VERB_FILES:
                    fail(where, "verb options (%s) are expanded for attribution.txt only: list the forms"
                         % ", ".join(verbal))
                if not verbal:
                    continue
                imperf = opts.get("imperf", "")
                if imperf:
                    check_word(imperf, where)
                    if not bare(imperf).startswith(YA):
                        fail(where, "the imperfect %r must start with ي" % imperf)
                klass = opts.get("class", "auto")
                if klass not in CLASSES:
                    fail(where, "unknown verb class %r" % klass)
                if klass == "auto":
                    klass = verb_class(words[0], imperf)
                forms = [(f, "past", p) for f, p in past_forms(words[0], klass)]
                if imperf:
                    forms += [(f, "imperf", p) for f, p in imperf_forms(imperf, klass, "jussive" in opts)]
                for tense in ("past", "imperf"):
                    for f in opts.get(tense + "+", "").split(","):
                        if f:
                            check_word(f, where)
                            forms.append((bare(f), tense, False))
                skip = {fold(x) for x in opts.get("skip", "").split(",") if x}
                for f, tense, pas in forms:
                    if fold(f) in skip:
                        continue
                    ex = "tense=" + tense + (";passive=1" if pas else "")
                    derived.append((cat, " ".join([f] + words[1:]), ex, where))
        if g in VERB_FILES:
            seen = set(written)
            for cat, phrase, ex, where in derived:
                key = fold(phrase)
                if key in seen:
                    continue
                seen.add(key)
                out.append("\t".join([cat, phrase, ex]))
    return "\n".join(out) + "\n"


def generate(data_dir):
    return {"triggers.tsv": build_triggers(data_dir), "attribution.tsv": build_cues(data_dir)}


if __name__ == "__main__":
    import sys
    d = sys.argv[1] if len(sys.argv) > 1 else "data"
    for name, text in generate(d).items():
        sys.stdout.write("== %s: %d lines\n" % (name, text.count("\n")))
