"""Extra search terms, so that readers find a person however they spell the name.

Material's lunr search neither folds diacritics nor knows aliases: "Erdogan" does not
match "Erdoğan". For each person this module lists every name form in the data (native
script, transliterations, aliases) plus each form with diacritics folded away
("Əliyev" -> "Eliyev", "Erdoğan" -> "Erdogan"). `hooks/search_terms.py` adds them to
the page's tags, which the search weights most.
"""

from __future__ import annotations

import unicodedata

from ..core.dataset import Dataset

# Letters that Unicode decomposition does not fold to ASCII.
SPECIAL = str.maketrans(
    {
        "ı": "i",
        "İ": "I",
        "ə": "e",
        "Ə": "E",
        "ø": "o",
        "Ø": "O",
        "ß": "ss",
        "đ": "d",
        "Đ": "D",
        "ł": "l",
        "Ł": "L",
    }
)


def fold(text: str) -> str:
    """Remove diacritics: 'İlham Əliyev' -> 'Ilham Eliyev'. Other scripts pass unchanged."""
    decomposed = unicodedata.normalize("NFKD", text.translate(SPECIAL))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def person_terms(data: Dataset, person_id: str) -> list[str]:
    """Every way of writing the person's name, without repeats (case-insensitive)."""
    p = data.people[person_id]
    forms = [
        p.name,
        *(x for x in (p.family, p.given) if x),
        *p.transliterations,
        *p.aliases,
        *(n.text for n in p.names),
    ]
    forms += [fold(f) for f in forms]
    seen: set[str] = set()
    out = []
    for form in forms:
        if form.casefold() not in seen:
            seen.add(form.casefold())
            out.append(form)
    return out
