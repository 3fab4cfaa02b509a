"""Latin-script names written in Cyrillic the way Russian texts usually write them, for
search only: a reader who types "Байрамов" finds Jeyhun Bayramov. These forms are guesses
from spelling rules, so they are never shown as a name; where the data gives a Russian
form (a person's `aliases` or `transliterations`), that is used instead.

Turkish and Azerbaijani spellings follow their own letters (c = дж, ş = ш, ğ = г,
ə = а); other names are read as English romanisations (sh = ш, kh = х, ya = я, …).
"""

from __future__ import annotations

import re
import unicodedata

Rules = tuple[tuple[str, str], ...]
# Longest first: tried in this order at each position.
ENGLISH: Rules = (
    ("shch", "щ"),
    ("iye", "ие"),
    ("kh", "х"),
    ("zh", "ж"),
    ("ch", "ч"),
    ("sh", "ш"),
    ("ts", "ц"),
    ("ya", "я"),
    ("yu", "ю"),
    ("yo", "йо"),
    ("ye", "е"),
    ("ck", "к"),
    ("ph", "ф"),
    ("j", "дж"),
    ("q", "к"),
    ("w", "у"),
    ("x", "кс"),
    ("c", "к"),
)
TURKIC: Rules = (
    ("yy", "й"),
    ("iye", "ие"),
    ("ya", "я"),
    ("yu", "ю"),
    ("ye", "е"),
    ("c", "дж"),
    ("ç", "ч"),
    ("ş", "ш"),
    ("ğ", "г"),
    ("ı", "ы"),
    ("ö", "ё"),
    ("ü", "ю"),
    ("ə", "а"),
    ("x", "х"),
    ("j", "ж"),
    ("q", "г"),
)
LETTERS = dict(zip("abdefghiklmnoprstuvz", "абдефгхиклмнопрстувз", strict=True))
VOWELS = set("aeiouəıöü")
_WORD = re.compile(r"[^\W\d_]+")


def _word(word: str, rules: Rules) -> str:
    out, i = [], 0
    while i < len(word):
        if i == 0 and word[0] == "e":
            out.append("э")
            i += 1
            continue
        for latin, cyrillic in rules:
            if word.startswith(latin, i):
                out.append(cyrillic)
                i += len(latin)
                break
        else:
            ch = word[i]
            if ch == "y":
                out.append("й" if i and word[i - 1] in VOWELS else "и")
            else:
                out.append(LETTERS.get(ch, ch))
            i += 1
    return "".join(out)


def to_cyrillic(text: str, lang: str = "en") -> str:
    """'Jeyhun Bayramov' -> 'джейхун байрамов'; 'Mevlüt Çavuşoğlu' (tr) -> 'мевлют чавушоглу'.
    Lower case: search is case-blind."""
    if lang in ("tr", "az"):
        text, rules = text.replace("İ", "i").replace("I", "ı"), TURKIC
    else:
        bare = unicodedata.normalize("NFKD", text)
        text, rules = "".join(ch for ch in bare if not unicodedata.combining(ch)), ENGLISH
    return _WORD.sub(lambda m: _word(m[0], rules), text.lower())


def has_cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)
