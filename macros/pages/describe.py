"""A page's description, as search engines and link previews show it: a sentence built
from the record a generated page shows, or the opening paragraph of a written page.

Plain text out; whoever prints it into HTML escapes it (hooks/publication.py does).
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from ..core.dataset import Dataset
from ..core.entities import Dispute, Meeting, Person
from .dates import format_date, format_span

MAX_CHARS = 300  # search engines show about 160; previews cut longer ones themselves


def _names(data: Dataset, ids: tuple[str, ...]) -> str:
    names = [data.countries[i].name if i in data.countries else i for i in ids]
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)


def _person(data: Dataset, p: Person) -> str:
    country = f" ({data.countries[p.country].name})" if p.country and p.country in data.countries else ""
    offices = "; ".join(
        f"{o.title} ({format_span(o.start, o.end) if o.end else 'from ' + format_date(o.start)})"
        if o.start
        else o.title
        for o in p.offices
    )
    return (
        f"{p.name}{country}" + (f": {offices}." if offices else ".") + " Meetings and claims, with sources."
    )


def _meeting(data: Dataset, m: Meeting) -> str:
    country = data.countries[m.place.country].name
    place = country if m.place.name in m.title else f"{m.place.name}, {country}"
    return f"{m.title}: {format_span(m.start, m.end)}, in {place}. Participants and outcomes, with sources."


def _dispute(data: Dataset, d: Dispute) -> str:
    return (
        f"{d.name}: the positions of {_names(data, d.parties)}, key dates and claims, with sources; "
        f"status as of {format_date(d.status.as_of)}."
    )


def entity_description(data: Dataset, kind: str, rid: str) -> str | None:
    """The description of the generated page of record `rid`, or None if it has none."""
    record = data.records.get(kind, {}).get(rid)
    if isinstance(record, Person):
        text = _person(data, record)
    elif isinstance(record, Meeting):
        text = _meeting(data, record)
    elif isinstance(record, Dispute):
        text = _dispute(data, record)
    elif kind == "country" and rid in data.countries:
        text = f"{data.countries[rid].name}: its relations, disputes, meetings and the claims about it, with sources."
    else:
        return None
    return shorten(text)


def first_paragraph(html: str) -> str | None:
    """The text of the first paragraph of a page body that has any, shortened."""
    tree = LexborHTMLParser(html)
    for marker in tree.css(".cites, a.cite, sup, .headerlink"):
        marker.decompose()  # citation markers are not words of the sentence
    for node in tree.css("p"):
        text = re.sub(r"\s+", " ", node.text(deep=True)).strip()
        text = re.sub(r"\s+([.,;:])", r"\1", text)
        if len(text) >= 20:
            return shorten(text)
    return None


def shorten(text: str, limit: int = MAX_CHARS) -> str:
    """Cut at a word boundary, with an ellipsis, if longer than `limit`."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–—- ")
    return cut + "…"
