#!/usr/bin/env python3
"""How many name-like subjects does the actor lexicon leave unresolved?

    coverage_actors.py [--bin build/marsad] [--words build/gen/words.txt]
                       [--top 50] [--json] CORPUS...

Runs `marsad extract` over the corpus (files or directories, any input format
marsad reads) and looks at the words in subject position:

- the word right after a common verb of saying or acting (قال, أعلنت,
  وأكد, شنت…; one time word such as اليوم or أمس may come between), and
- the first word of the title and of every sentence.

Such a word is *name-like* when it is a capitalised Latin word (CNN, Trump)
or an Arabic word of at least three letters that, without its proclitics
(و ف ب ل ك and the article) and with or without a common inflectional
affix (-ت, -ات, -ون, -ها, ي-…), is not in the hunspell word list the build
uses (build/gen/words.txt). The test is rough on purpose: it misses names
that are also everyday words (عون, الأسد) and lets through some rare words. It is *resolved* when it lies inside one of the
document's actors[]. The report gives the share left unresolved and the most
frequent unresolved names (a name-like word with the name-like words that
follow it, up to three), which is the list to add data entries from.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys

_DIAC = re.compile("[\u064B-\u065F\u0670\u0640]")
_FOLD = str.maketrans({"\u0622": "\u0627", "\u0623": "\u0627", "\u0625": "\u0627", "\u0671": "\u0627",
                       "\u0649": "\u064A", "\u0629": "\u0647"})
_TOKEN = re.compile(r"[\u0621-\u064A\u0640\u064B-\u0652\u0670\u0671]+|[A-Za-z][A-Za-z\-']*|\d+|[^\s]")
_SENT_END = set(".!?؟:\n")

# Verbs after which the subject comes (VSO), past and present, m. and f.
VERBS = """
قال قالت قالوا يقول تقول أعلن أعلنت أعلنوا أكد أكدت أكدوا أضاف أضافت ذكر ذكرت أفاد أفادت أوضح أوضحت
أشار أشارت صرح صرحت اعتبر اعتبرت دعا دعت طالب طالبت نفى نفت رفض رفضت اتهم اتهمت هدد هددت حذر حذرت
شن شنت أطلق أطلقت التقى التقت استقبل استقبلت بحث بحثت زار زارت وقع وقعت أجرى أجرت أدان أدانت رحب رحبت
قرر قررت طلب طلبت أبلغ أبلغت كشف كشفت نقل نقلت أصدر أصدرت تبنى تبنت وصف وصفت عبر عبرت اعترف اعترفت
أمر أمرت وافق وافقت أعرب أعربت شدد شددت لفت لفتت نشر نشرت هاجم هاجمت قصف قصفت اعتقل اعتقلت يرى ترى
أجاب أجابت تعهد تعهدت وعد وعدت أبدى أبدت بعث بعثت أرسل أرسلت فرض فرضت عقد عقدت سيطر سيطرت تسلم تسلمت
ترأس ترأست غادر غادرت وصل وصلت توجه توجهت شارك شاركت أعلنت أكدت يعتزم تعتزم اتفق اتفقت ندد نددت
استنكر استنكرت حمل حملت أوقف أوقفت أفرج أفرجت سلم سلمت انتقد انتقدت أمهل هنأ هنأت أجرى أشاد أشادت
يؤكد تؤكد يرفض ترفض يسعى تسعى يواجه تواجه قتل قتلت أصيب أصيبت
"""


def fold(w):
    return _DIAC.sub("", w).translate(_FOLD)


VERB_SET = {fold(v) for v in VERBS.split()}
TIME_WORDS = {fold(w) for w in "اليوم أمس الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت مساء صباح".split()}


def strip_clitics(w):
    """Drop و/ف, then ب/ل/ك, then the article; returns the rest."""
    if len(w) > 3 and w[0] in "وف":
        w = w[1:]
    if len(w) > 3 and w[0] in "بلك":
        if w.startswith("لل") and len(w) > 4:
            return w[2:]
        w = w[1:]
    if w.startswith("ال") and len(w) > 4:
        w = w[2:]
    return w


def is_verb(w):
    w = fold(w)
    return w in VERB_SET or (len(w) > 3 and w[0] in "وف" and w[1:] in VERB_SET)


def load_words(path):
    with open(path, encoding="utf-8") as fh:
        return {line.strip() for line in fh if line.strip()}


SUFFIXES = ("تين", "تان", "هما", "ات", "ون", "ين", "ان", "ها", "هم", "هن", "وا", "نا", "كم", "ه", "ت", "ا", "ي", "ك", "ن")
PREFIXES = ("است", "ي", "ت", "ن", "ا", "س", "م")


def known(f, words):
    """Is the folded word, or a light stem of it, an everyday word?"""
    cands = {f, strip_clitics(f)}
    for c in list(cands):
        if c.startswith("ال") and len(c) >= 4:
            cands.add(c[2:])
    for c in list(cands):
        for suf in SUFFIXES:
            if c.endswith(suf) and len(c) - len(suf) >= 2:
                stem = c[:-len(suf)]
                cands.add(stem)
                cands.add(stem + "\u0647")
                if stem.endswith("ت"):
                    cands.add(stem[:-1] + "\u0647")  # صفحته: صفحة + ه
    for c in list(cands):
        for pre in PREFIXES:
            if c.startswith(pre) and len(c) - len(pre) >= 2:
                cands.add(c[len(pre):])
    return any(c in words for c in cands)


def name_like(tok, words):
    if re.match(r"^[A-Z][A-Za-z\-']+$", tok):
        return True
    if not re.match("^[\u0621-\u064A\u0640\u064B-\u0652\u0670\u0671]+$", tok):
        return False
    f = fold(tok)
    bare = f[1:] if len(f) >= 3 and f[0] in "وف" else f
    if is_verb(tok) or len(strip_clitics(f)) < 3 or len(bare) < 3:
        return False
    return not known(f, words)


def tokens(text):
    """(token, byte start, byte end) for the text."""
    out, byte = [], 0
    pos = 0
    for m in _TOKEN.finditer(text):
        byte += len(text[pos:m.start()].encode())
        b = len(m.group().encode())
        out.append((m.group(), byte, byte + b))
        byte += b
        pos = m.end()
    return out


def doc_text(d):
    """The text actor spans point into: title, newline, body."""
    title, body = d.get("title") or "", d.get("body") or ""
    if not title:
        return body
    for sep in ("\n", "\n\n"):
        t = title + sep + body
        tb = t.encode()
        if all(tb[a["span"][0]:a["span"][1]].decode("utf-8", "replace") == a["entity_text"]
               for a in d.get("actors", [])[:20]):
            return t
    return title + "\n" + body


def subjects(toks):
    """Indices of tokens in subject position."""
    out = []
    start = True
    for i, (w, _, _) in enumerate(toks):
        if w in _SENT_END or w == "\u060C" and False:
            start = True
            continue
        if start and not re.match(r"^[\W\d_]+$", w):
            out.append(i)
            start = False
        if is_verb(w):
            j = i + 1
            if j < len(toks) and fold(toks[j][0]) in TIME_WORDS:
                j += 1
            if j < len(toks):
                out.append(j)
    return sorted(set(out))


def analyse(docs, words, top):
    total = unresolved = 0
    by_kind = collections.Counter()
    names = collections.Counter()
    examples = {}
    for d in docs:
        text = doc_text(d)
        spans = sorted((a["span"][0], a["span"][1]) for a in d.get("actors", []))
        toks = tokens(text)
        for i in subjects(toks):
            w, s, e = toks[i]
            if not name_like(w, words):
                continue
            kind = "latin" if re.match("^[A-Za-z]", w) else "arabic"
            total += 1
            by_kind[kind, "all"] += 1
            if any(a <= s and e <= b for a, b in spans):
                continue
            unresolved += 1
            by_kind[kind, "unresolved"] += 1
            phrase = [w]
            for k in range(i + 1, min(i + 3, len(toks))):
                if name_like(toks[k][0], words):
                    phrase.append(toks[k][0])
                else:
                    break
            key = " ".join(phrase)
            names[key] += 1
            examples.setdefault(key, d.get("id"))
    return {
        "documents": len(docs),
        "subjects_name_like": total,
        "unresolved": unresolved,
        "unresolved_share": round(unresolved / total, 4) if total else 0.0,
        "latin": {"all": by_kind["latin", "all"], "unresolved": by_kind["latin", "unresolved"]},
        "arabic": {"all": by_kind["arabic", "all"], "unresolved": by_kind["arabic", "unresolved"]},
        "top": [{"name": k, "count": c, "example": examples[k]} for k, c in names.most_common(top)],
    }


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=os.path.join(root, "build", "marsad"))
    ap.add_argument("--words", default=os.path.join(root, "build", "gen", "words.txt"))
    ap.add_argument("--top", type=int, default=50)
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    ap.add_argument("corpus", nargs="+")
    a = ap.parse_args()
    p = subprocess.run([a.bin, "extract"] + a.corpus, capture_output=True)
    if p.returncode not in (0, 1):
        sys.exit("coverage_actors: marsad extract failed: %s" % p.stderr.decode("utf-8", "replace")[-500:])
    docs = [json.loads(line) for line in p.stdout.decode("utf-8").splitlines() if line.strip()]
    r = analyse(docs, load_words(a.words), a.top)
    if a.json:
        print(json.dumps(r, ensure_ascii=False, indent=1))
        return
    print("documents: %d" % r["documents"])
    print("name-like subjects: %d, unresolved: %d (%.1f%%)" % (r["subjects_name_like"], r["unresolved"],
                                                               100 * r["unresolved_share"]))
    for k in ("arabic", "latin"):
        v = r[k]
        print("  %-6s %6d, unresolved %6d (%.1f%%)" % (k, v["all"], v["unresolved"],
                                                       100 * v["unresolved"] / v["all"] if v["all"] else 0))
    print("most frequent unresolved:")
    for i, t in enumerate(r["top"], 1):
        print("%3d. %5d  %s  (%s)" % (i, t["count"], t["name"], t["example"]))


if __name__ == "__main__":
    main()
