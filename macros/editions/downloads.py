"""Downloads built from the Dataset: JSON, CSL-JSON and BibTeX (the CSV tables are in
`tables.py`). Pure functions returning text; `download_files.py` names every download
and makes them all, in the worker beside the build (hooks/exports.py).

Conventions: nothing is invented to fill a format. A source without a date has no
`issued`; authors are given only where the source names them. Editors' notes
(`UNPUBLISHED`) are never written out.
"""

from __future__ import annotations

import json
from typing import Any

from ..core.dataset import Dataset
from ..core.fields import PartialDate
from ..core.sources import Author, Source
from ..pages.labels import affiliation_label
from . import licence
from .bibtex import bibtex_entry, bibtex_name
from .edition import Edition, edition_record
from .tables import csv_cell as csv_cell  # the CSV downloads live in tables.py
from .tables import csv_tables as csv_tables

# Fields kept in data/ for editors and never published, in pages or downloads.
UNPUBLISHED = {"editor_note"}


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
    doc = {
        "title": edition.site_name,
        "license": licence.record(),
        "edition": edition_record(edition),
        "records": records,
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


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


def bibtex(data: Dataset, site_name: str | None = None) -> str:
    """The bibliography; with the site's name, headed by the licence in an @comment (which
    BibTeX skips)."""
    entries = [f"@comment{{{licence.notice(site_name)}}}\n"] if site_name else []
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
