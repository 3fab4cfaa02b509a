"""Extra search terms, so that readers find a page however they spell what they look for.

Material's lunr search neither folds diacritics nor knows aliases: "Erdogan" does not
match "Erdoğan". For each person this module lists every name form in the data (native
script, transliterations, aliases) plus each form with diacritics folded away
("Əliyev" -> "Eliyev", "Erdoğan" -> "Erdogan"), and, where the data has no Russian
form, a Cyrillic spelling made by rule (`transliterate`), for search only.
`hooks/search_terms.py` adds them to the page's tags, which the search weights most.

For every page, `folded_words` gives the diacritic-free forms of the words of each search
entry ("Azərbaycan" -> "azerbaycan"), which the hook puts in a field of its own.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from ..core.dataset import Dataset
from .transliterate import has_cyrillic, to_cyrillic

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


def _unique(forms: list[str]) -> list[str]:
    """The forms and their diacritic-free spellings, without repeats (case-insensitive)."""
    seen: set[str] = set()
    out = []
    for form in [*forms, *(fold(f) for f in forms)]:
        if form.casefold() not in seen:
            seen.add(form.casefold())
            out.append(form)
    return out


def person_terms(data: Dataset, person_id: str) -> list[str]:
    """Every way of writing the person's name, and a Cyrillic spelling if the data has none."""
    p = data.people[person_id]
    forms = [p.name, *(x for x in (p.family, p.given) if x), *p.transliterations, *p.aliases]
    forms += [n.text for n in p.names]
    if not any(has_cyrillic(f) for f in forms):
        latin = next((n for n in p.names if n.lang in ("tr", "az")), None)
        forms.append(to_cyrillic(latin.text, latin.lang) if latin else to_cyrillic(p.name))
    return _unique(forms)


def country_terms(data: Dataset, country_id: str) -> list[str]:
    """Every name of a country or party: short, official, other and native names."""
    c = data.countries[country_id]
    forms = [c.name, *(x for x in (c.short_name, c.official_name) if x), *c.aliases]
    return _unique([*forms, *(n.text for n in c.names)])


def dispute_terms(data: Dataset, dispute_id: str) -> list[str]:
    """A dispute's name, the events it lists, and each side's own names for them
    ("Operation Sindoor", "44-day Patriotic War"): what readers search for."""
    events = data.events_of_dispute(dispute_id)
    forms = [data.disputes[dispute_id].name, *(e.title for e in events)]
    return _unique([*forms, *(t.term for e in events for t in e.terms)])


def meeting_terms(data: Dataset, meeting_id: str) -> list[str]:
    """A meeting's place (its title is indexed as the page title already), unless it is part
    of a larger meeting there: a reader who types "Lachin" wants the summit first."""
    m = data.meetings[meeting_id]
    parent = data.meetings.get(m.part_of or "")
    inside = parent is not None and parent.place.name == m.place.name
    return [] if inside else _unique([m.place.name])


TERMS = {"person": person_terms, "country": country_terms, "dispute": dispute_terms, "meeting": meeting_terms}


def page_terms(data: Dataset, kind: str, rid: str) -> list[str]:
    """The search terms of the generated page of record `rid` of `kind`."""
    return TERMS[kind](data, rid) if kind in TERMS else []


def page_boost(data: Dataset, kind: str, rid: str) -> float | None:
    """A weight for the search: a meeting held as part of a larger one ranks below it."""
    if kind == "meeting" and data.meetings[rid].part_of in data.meetings:
        return 0.5
    return None


_TAG = re.compile(r"<[^>]*>")
_SEPARATOR = re.compile(r"[\s\-]+")  # the search's own separator (search_index.json config)


def folded_words(*texts: str) -> str:
    """The words of `texts` (HTML allowed) that lose a diacritic when folded, folded and
    lower-cased, once each: what a reader who types without accents would type."""
    seen: dict[str, None] = {}
    for text in texts:
        for word in _SEPARATOR.split(_TAG.sub(" ", text)):
            word = word.strip(".,;:!?()[]«»“”‘’\"'").casefold()
            if word and not word.isascii():
                plain = fold(word)
                if plain != word:
                    seen.setdefault(plain, None)
    return " ".join(seen)


def lean_entries(entries: list[dict[str, Any]], *, generated: bool) -> list[dict[str, Any]]:
    """A page's search entries as the index keeps them: each with a `folded` field (the
    diacritic-free forms of its words, when any differs), and, on a record's generated
    page, without the sections whose list search left out (`<!--late-->` in the
    templates: the claims, meetings and sources found on All claims, on their own pages
    and on Sources), which would be a heading with no text."""
    kept = []
    for entry in entries:
        if generated and "#" in entry.get("location", "") and not entry.get("text"):
            continue
        if folded := folded_words(entry.get("title", ""), entry.get("text", "")):
            entry["folded"] = folded
        kept.append(entry)
    return kept
