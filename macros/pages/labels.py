"""What readers see for each closed value in the data: kinds, verdicts, flags, origins,
languages and affiliations. One table per Literal of the models; a test checks that each
table covers every value its model allows."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .dates import format_date

if TYPE_CHECKING:
    from ..core.dataset import Dataset
    from ..core.sources import Affiliation, Source

KIND_LABELS = {"fact": "Fact", "statement": "Statement", "opinion": "Opinion", "allegation": "Allegation"}
KIND_HELP = {
    "fact": "Stated in the site's own voice, with sources",
    "statement": "What a named party said, attributed to it",
    "opinion": "An author's interpretation or judgement",
    "allegation": "An accusation by a named party, with any denial",
}
LANG_NAMES = {
    "tr": "Turkish",
    "az": "Azerbaijani",
    "ur": "Urdu",
    "hy": "Armenian",
    "ru": "Russian",
    "fr": "French",
    "kk": "Kazakh",
    "el": "Greek",
    "he": "Hebrew",
    "hi": "Hindi",
    "ar": "Arabic",
    "en": "English",
}
ORIGIN_LABELS = {
    "primary": "primary",
    "secondary": "secondary report",
    "mirror": "mirror of another site",
    "republication": "republication",
}
FLAG_LABELS = {
    "unverified": "Unverified",
    "better-source-needed": "Better source needed",
    "secondary-source": "Secondary source",
    "translation-variant": "Translation variant",
    "citation-needed": "Citation needed",
}
VERDICT_LABELS = {
    "supported": "Supported",
    "partly-supported": "Partly supported",
    "contested": "Contested",
    "opinion": "Opinion",
    "not-found": "Not found",
}
GENRE_LABELS = {
    "news": "News reports",
    "official": "Official documents and statements",
    "reference": "Reference works",
    "opinion": "Opinion",
    "analysis": "Analysis",
    "academic": "Academic work",
    "dataset": "Data sets",
}
AFFILIATION_LABELS = {
    "government": "{adj} government",
    "state-media": "{adj} state media",
    "state-or-pro-government-media": "{adj} state or pro-government media",
    "media": "{adj} media",
    "diaspora-media": "{adj} diaspora media",
    "advocacy": "{adj} advocacy organisation",
    "partisan-outlet": "{adj} partisan opinion outlet",
}


def affiliation_label(data: Dataset, affiliation: Affiliation | None) -> str:
    """'Armenian diaspora media', 'Turkish state or pro-government media', 'advocacy organisation'."""
    if affiliation is None:
        return ""
    template = AFFILIATION_LABELS[affiliation.type]
    if affiliation.country is None:
        return template.replace("{adj} ", "")
    country = data.countries[affiliation.country]
    return template.format(adj=country.adjective or country.name)


def words(value: str) -> str:
    """A closed value as words: 'heads-of-state-or-government' -> 'heads of state or government'."""
    return value.replace("-", " ")


def source_line(source: Source) -> str:
    """A source in one line of plain text, for a tooltip: 'Reuters, 12 December 2012: “Title”'."""
    head = ", ".join(
        x for x in (source.publisher, format_date(source.issued) if source.issued else None) if x
    )
    title = f"“{source.title}”" if source.title else f"untitled item ({source.title_note})"
    return f"{head}: {title}" if head else title
