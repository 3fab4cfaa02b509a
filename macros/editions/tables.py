"""The CSV downloads: one table per kind of record that readers tabulate, each column
declared once with its meaning. The column lists drive both the files and the guide on
the Data page (`csv_guide`), so the two cannot drift apart.

Lists inside a cell are joined with '; '. Next to a column of ids stands a column of the
same records' names, in the same order, so a table reads without the others.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from ..core.claims import Claim
from ..core.dataset import Dataset
from ..core.entities import Event, Meeting, Person
from ..core.sources import Source
from ..pages.labels import affiliation_label

CSV_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
LIST = "; "

# table -> column -> what a cell holds (one line each, shown on the Data page)
COLUMNS: dict[str, dict[str, str]] = {
    "claims": {
        "id": "the claim's id (its anchor on the All claims page)",
        "kind": "fact, statement, opinion or allegation",
        "text": "the claim, as the site states it",
        "asserted_by": "ids of who makes the claim (a person, a country or a source)",
        "asserted_by_names": "their names, in the same order",
        "disputed_by": "ids of who disputes it",
        "disputed_by_names": "their names, in the same order",
        "about": "ids of the records the claim is about",
        "about_names": "their names or titles, in the same order",
        "verdict": "the audit's verdict, for a claim of the audited article",
        "audit_number": "the claim's number in the audited article",
        "flags": "cautions: unverified, better-source-needed, secondary-source …",
        "superseded_by": "id of the claim that replaced this one",
        "superseded_on": "the date from which it no longer held",
        "sources": "ids of the sources cited (rows of sources.csv)",
    },
    "meetings": {
        "id": "the meeting's id (its page is meetings/<id>/)",
        "title": "the meeting's title",
        "start": "first day, with the precision known (YYYY, YYYY-MM or YYYY-MM-DD; ~ if approximate)",
        "end": "last day, when it lasted more than one",
        "place": "where it took place",
        "country": "id of the country of the place",
        "country_name": "that country's name",
        "format": "leaders, foreign-ministers, speakers, summit …",
        "level": "heads of state or government, ministerial, parliamentary …",
        "part_of": "id of the larger occasion it was held at",
        "participants": "ids of the people (or countries) who took part",
        "participants_names": "their names, in the same order",
        "after_article": "true if held after the audited article was written",
        "sources": "ids of the sources cited",
    },
    "people": {
        "id": "the person's id (their page is people/<id>/)",
        "name": "the name used on the site",
        "native_names": "the name in the scripts of the person's languages",
        "aliases": "transliterations and other spellings",
        "country": "id of the person's country",
        "country_name": "that country's name",
        "born": "date of birth, with the precision known",
        "offices": "offices held, each with its years ('?' where the start is not known)",
    },
    "events": {
        "id": "the event's id",
        "title": "the event's title",
        "start": "first day, with the precision known",
        "end": "last day, where known",
        "type": "war, ceasefire, agreement, election …",
        "countries": "ids of the countries involved",
        "countries_names": "their names, in the same order",
        "disputes": "ids of the disputes it belongs to",
        "sources": "ids of the sources cited",
    },
    "sources": {
        "id": "the source's id (its anchor on the Sources page)",
        "type": "the CSL item type: article-newspaper, webpage, report …",
        "genre": "news, opinion, official, reference, academic or analysis",
        "origin": "primary, secondary, republication or mirror",
        "title": "the title, as published",
        "description": "what an untitled item is, in the editors' words",
        "publisher": "the outlet or body that published it",
        "issued": "publication date, with the precision known",
        "url": "where it was published",
        "copy_url": "the copy that was read, when not the original",
        "archive_url": "an archived copy",
        "affiliation": "whose side the source stands on, if any",
        "note": "a note for readers: what it is and what caution applies",
    },
}


def csv_cell(value: str) -> str:
    """A cell a spreadsheet shows as text: one that would start a formula (OWASP's list:
    = + - @ tab CR), also after leading spaces (which some importers trim), gets a leading
    apostrophe."""
    return "'" + value if value.lstrip(" ").startswith(CSV_TRIGGERS) else value


def _csv(columns: Iterable[str], rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    fields = list(columns)
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        if list(row) != fields:
            raise ValueError(f"CSV row columns {list(row)} differ from the declared {fields}")
        writer.writerow({k: csv_cell(v) for k, v in row.items()})
    return out.getvalue()


def _name(data: Dataset, rid: str) -> str:
    record = data.get(rid) if rid in data.kind_of else None
    return str(getattr(record, "name", None) or getattr(record, "title", None) or rid)


def _ids(values: Iterable[str]) -> str:
    return LIST.join(values)


def _names(data: Dataset, ids: Iterable[str]) -> str:
    return LIST.join(_name(data, i) for i in ids)


def _claim_row(data: Dataset, c: Claim) -> dict[str, str]:
    asserted, disputed = [a.entity for a in c.asserted_by], [d.entity for d in c.disputed_by]
    return {
        "id": c.id,
        "kind": c.kind,
        "text": c.text,
        "asserted_by": _ids(asserted),
        "asserted_by_names": _names(data, asserted),
        "disputed_by": _ids(disputed),
        "disputed_by_names": _names(data, disputed),
        "about": _ids(c.about),
        "about_names": _names(data, c.about),
        "verdict": c.verdict or "",
        "audit_number": str(c.audit.number) if c.audit else "",
        "flags": _ids(c.flags),
        "superseded_by": c.superseded.by if c.superseded else "",
        "superseded_on": str(c.superseded.on) if c.superseded else "",
        "sources": _ids(s.source for s in c.sources),
    }


def _meeting_row(data: Dataset, m: Meeting) -> dict[str, str]:
    participants = [p.person or p.country or "" for p in m.participants]
    return {
        "id": m.id,
        "title": m.title,
        "start": str(m.start),
        "end": str(m.end or ""),
        "place": m.place.name,
        "country": m.place.country,
        "country_name": _name(data, m.place.country),
        "format": m.format,
        "level": m.level,
        "part_of": m.part_of or "",
        "participants": _ids(participants),
        "participants_names": _names(data, participants),
        "after_article": str(m.after_article).lower(),
        "sources": _ids(s.source for s in m.sources),
    }


def _person_row(data: Dataset, p: Person) -> dict[str, str]:
    return {
        "id": p.id,
        "name": p.name,
        "native_names": _ids(n.text for n in p.names),
        "aliases": _ids((*p.transliterations, *p.aliases)),
        "country": p.country or "",
        "country_name": _name(data, p.country) if p.country else "",
        "born": str(p.born or ""),
        "offices": _ids(f"{o.title} ({o.start or '?'}–{o.end or ''})" for o in p.offices),
    }


def _event_row(data: Dataset, e: Event) -> dict[str, str]:
    return {
        "id": e.id,
        "title": e.title,
        "start": str(e.start),
        "end": str(e.end or ""),
        "type": e.type,
        "countries": _ids(e.countries),
        "countries_names": _names(data, e.countries),
        "disputes": _ids(e.disputes),
        "sources": _ids(s.source for s in e.sources),
    }


def _source_row(data: Dataset, s: Source) -> dict[str, str]:
    return {
        "id": s.id,
        "type": s.type,
        "genre": s.genre,
        "origin": s.origin,
        "title": s.title or "",
        "description": s.title_note or "",
        "publisher": s.publisher or "",
        "issued": str(s.issued or ""),
        "url": s.url or "",
        "copy_url": s.copy_url or "",
        "archive_url": s.archive_url or "",
        "affiliation": affiliation_label(data, s.affiliation),
        "note": s.note or "",
    }


def csv_tables(data: Dataset) -> dict[str, str]:
    """Each table's CSV text, by table name (claims, meetings, people, events, sources);
    a table with no rows is not written (`table_names`)."""
    tables = {
        "claims": [_claim_row(data, c) for c in data.claims.values()],
        "meetings": [_meeting_row(data, m) for m in data.meetings.values()],
        "people": [_person_row(data, p) for p in data.people.values()],
        "events": [_event_row(data, e) for e in data.events.values()],
        "sources": [_source_row(data, s) for s in data.bibliography()],
    }
    return {name: _csv(COLUMNS[name], rows) for name, rows in tables.items() if rows}


def table_names(data: Dataset) -> list[str]:
    """The tables `csv_tables` writes, in its order, without making them."""
    held = {"claims": data.claims, "meetings": data.meetings, "people": data.people, "events": data.events}
    return [name for name in COLUMNS if (held[name] if name in held else data.bibliography())]
