"""Known Arabic words for clitic segmentation, from Debian's hunspell-ar
dictionary (/usr/share/hunspell/ar.dic) plus data/text/words.txt.

Each dictionary entry's word (before its affix flags) is folded the way the
engine folds text for matching (diacritics and tatweel dropped, alef forms to
bare alef, alef maqsura to ya, ta marbuta to ha) and written once, sorted.
"""
import os
import re

DIC = "/usr/share/hunspell/ar.dic"
_DIAC = re.compile("[\u064B-\u065F\u0670\u0640\u06D6-\u06ED]")
_FOLD = str.maketrans({"\u0622": "\u0627", "\u0623": "\u0627", "\u0625": "\u0627", "\u0671": "\u0627",
                       "\u0649": "\u064A", "\u0629": "\u0647", "\u06CC": "\u064A", "\u06A9": "\u0643"})


def fold(w):
    return _DIAC.sub("", w).translate(_FOLD)


def generate(data_dir):
    if not os.path.exists(DIC):
        raise SystemExit("gen_words: %s is missing: install the Debian package hunspell-ar "
                         "(scripts/install-deps.sh does)" % DIC)
    words = set()
    with open(DIC, encoding="utf-8", errors="replace") as fh:
        next(fh, None)  # entry count
        for line in fh:
            w = line.split("/", 1)[0].strip()
            if not w or w.startswith(":") or not re.match("^[\u0621-\u064A\u0671\u0640\u064B-\u0652]+$", w):
                continue
            words.add(fold(w))
    return {"words.txt": "".join(w + "\n" for w in sorted(words))}
