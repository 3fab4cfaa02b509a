"""Downloads built from the Dataset: JSON, CSV, CSL-JSON and BibTeX. Pure functions
returning text; the adapter's hook adds them to the site.

Conventions: nothing is invented to fill a format. A source without a date has no
`issued`; authors are given only where the source names them. Editors' notes
(`UNPUBLISHED`) are never written out.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from ..core.claims import Claim
from ..core.dataset import Dataset
from ..core.entities import Event, Meeting, Person
from ..core.fields import PartialDate
from ..core.sources import Author, Source
from ..pages.labels import affiliation_label
from .bibtex import bibtex_entry, bibtex_name
from .edition import Edition, edition_record

# Fields kept in data/ for editors and never published, in pages or downloads.
UNPUBLISHED = {"editor_note"}
CSV_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def date_parts(value: PartialDate) -> dict[str, Any]:
    parts = [value.year] + ([value.month] if value.month else []) + ([value.day] if value.day else [])
    out: dict[str, Any] = {"date-parts": [parts]}
    if value.approximate:
        out["circa"] = True
    return out


def dataset_json(data: Dataset, edition: Edition) -> str:
    records = {
        kind: [r.model_dump(mode="json", exclude_defaults=True, exclude=UNPUBLISHED) for r in recs.values()]
        for kind, recs in data.records.items()
    }
    doc = {"title": edition.site_name, "edition": edition_record(edition), "records": records}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def csv_cell(value: str) -> str:
    """A cell a spreadsheet shows as text: one that would start a formula (OWASP's list:
    = + - @ tab CR), also after leading spaces (which some importers trim), gets a leading
    apostrophe."""
    return "'" + value if value.lstrip(" ").startswith(CSV_TRIGGERS) else value


def _csv(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in rows)
    return out.getvalue()


def _ids(values: Iterable[str]) -> str:
    return "; ".join(values)


def _claim_row(c: Claim) -> dict[str, str]:
    return {
        "id": c.id,
        "kind": c.kind,
        "text": c.text,
        "asserted_by": _ids(a.entity for a in c.asserted_by),
        "disputed_by": _ids(d.entity for d in c.disputed_by),
        "about": _ids(c.about),
        "verdict": c.verdict or "",
        "audit_number": str(c.audit.number) if c.audit else "",
        "flags": _ids(c.flags),
        "superseded_by": c.superseded.by if c.superseded else "",
        "superseded_on": str(c.superseded.on) if c.superseded else "",
        "sources": _ids(s.source for s in c.sources),
    }


def _meeting_row(m: Meeting) -> dict[str, str]:
    return {
        "id": m.id,
        "title": m.title,
        "start": str(m.start),
        "end": str(m.end or ""),
        "place": m.place.name,
        "country": m.place.country,
        "format": m.format,
        "level": m.level,
        "part_of": m.part_of or "",
        "participants": _ids(p.person or p.country or "" for p in m.participants),
        "after_article": str(m.after_article).lower(),
        "sources": _ids(s.source for s in m.sources),
    }


def _person_row(p: Person) -> dict[str, str]:
    return {
        "id": p.id,
        "name": p.name,
        "native_names": _ids(n.text for n in p.names),
        "aliases": _ids((*p.transliterations, *p.aliases)),
        "country": p.country or "",
        "born": str(p.born or ""),
        "offices": _ids(f"{o.title} ({o.start or '?'}–{o.end or ''})" for o in p.offices),
    }


def _event_row(e: Event) -> dict[str, str]:
    return {
        "id": e.id,
        "title": e.title,
        "start": str(e.start),
        "end": str(e.end or ""),
        "type": e.type,
        "countries": _ids(e.countries),
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
    """One CSV per kind of record that readers tabulate; lists are joined with '; '."""
    tables = {
        "claims": [_claim_row(c) for c in data.claims.values()],
        "meetings": [_meeting_row(m) for m in data.meetings.values()],
        "people": [_person_row(p) for p in data.people.values()],
        "events": [_event_row(e) for e in data.events.values()],
        "sources": [_source_row(data, s) for s in data.bibliography()],
    }
    return {name: _csv(rows) for name, rows in tables.items() if rows}


def _csl_name(a: Author) -> dict[str, str]:
    if a.literal:
        return {"literal": a.literal}
    return {"family": a.family or "", **({"given": a.given} if a.given else {})}


def csl_item(data: Dataset, s: Source) -> dict[str, Any]:
    item: dict[str, Any] = {"id": s.id, "type": s.type, "title": s.title or f"[{s.title_note}]"}
    if s.publisher:
        item["container-title"] = s.publisher
    if s.author:
        item["author"] = [_csl_name(a) for a in s.author]
    if s.issued:
        item["issued"] = date_parts(s.issued)
    if s.accessed:
        item["accessed"] = date_parts(s.accessed)
    if s.url:
        item["URL"] = s.url
    if s.archive_url:
        item["archive_location"] = s.archive_url
    if s.language:
        item["language"] = s.language
    note = "; ".join(x for x in (affiliation_label(data, s.affiliation), s.note) if x)
    if note:
        item["note"] = note
    return item


def csl_json(data: Dataset) -> str:
    items = [csl_item(data, s) for s in data.bibliography()]
    return json.dumps(items, ensure_ascii=False, indent=1) + "\n"


def bibtex(data: Dataset) -> str:
    entries = []
    for s in data.bibliography():
        kind = {"article-newspaper": "article", "article-journal": "article"}.get(s.type, "misc")
        fields = {
            "title": s.title or f"[{s.title_note}]",
            "journal" if kind == "article" else "howpublished": s.publisher or "",
            "year": str(s.issued.year) if s.issued else "",
            "month": str(s.issued.month) if s.issued and s.issued.month else "",
            "url": s.url or "",
            "note": affiliation_label(data, s.affiliation),
        }
        names = [bibtex_name(a.family, a.given, a.literal) for a in s.author]
        entries.append(bibtex_entry(s.id, kind, fields, authors=names))
    return "\n".join(entries)
