"""Downloads built from the Dataset: JSON, CSV, CSL-JSON, BibTeX, iCalendar, Atom; and the
"cite this page" formats. Pure functions returning text; `hooks/exports.py` writes them.

Conventions: nothing is invented to fill a format. A meeting whose day is not known is
left out of the calendar (iCalendar needs a day); a source without a date has no
`issued`; authors are given only where the source names them.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from markupsafe import escape

from .dataset import Dataset
from .render import affiliation_label, bibliography_order, format_span
from .types import PartialDate

SITE_TITLE = "Three Brothers briefing"
# Fields kept in data/ for editors and never published, in pages or downloads.
UNPUBLISHED = {"editor_note"}
CSL_TYPES = {
    "entry-encyclopedia": "entry-encyclopedia",
    "article-newspaper": "article-newspaper",
    "article-journal": "article-journal",
    "webpage": "webpage",
}


def _git(root: Path, *args: str) -> str:
    try:
        out = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return ""
    return out.stdout if out.returncode == 0 else ""


def edition_of(root: Path) -> tuple[datetime, str]:
    """The edition's date (SOURCE_DATE_EPOCH, else now) and version (short commit id)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    return when, _git(root, "rev-parse", "--short", "HEAD").strip() or "unknown"


def changes_of(root: Path) -> list[tuple[str, datetime, str]]:
    """Recent commits that touched the data or the pages: (id, time, subject)."""
    out = _git(root, "log", "-n", "50", "--format=%H%x1f%cI%x1f%s", "--", "data", "docs")
    rows = []
    for line in out.splitlines():
        commit, when, subject = line.split("\x1f", 2)
        rows.append((commit, datetime.fromisoformat(when), subject))
    return rows


def _date_parts(value: PartialDate) -> dict:
    parts = [value.year] + ([value.month] if value.month else []) + ([value.day] if value.day else [])
    out: dict = {"date-parts": [parts]}
    if value.approximate:
        out["circa"] = True
    return out


def dataset_json(data: Dataset, edition: datetime) -> str:
    records = {
        kind: [r.model_dump(mode="json", exclude_defaults=True, exclude=UNPUBLISHED) for r in recs.values()]
        for kind, recs in data.records.items()
    }
    doc = {"title": SITE_TITLE, "edition": edition.date().isoformat(), "records": records}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def _csv(rows: list[dict[str, str]], fields: list[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _ids(values) -> str:
    return "; ".join(values)


def csv_tables(data: Dataset) -> dict[str, str]:
    """One CSV per kind of record that readers tabulate; lists are joined with '; '."""
    claims = [
        {
            "id": c.id,
            "kind": c.kind,
            "text": c.text,
            "asserted_by": _ids(a.entity for a in c.asserted_by),
            "disputed_by": _ids(d.entity for d in c.disputed_by),
            "about": _ids(c.about),
            "verdict": c.verdict or "",
            "audit_number": str(c.audit.number) if c.audit else "",
            "flags": _ids(c.flags),
            "sources": _ids(s.source for s in c.sources),
        }
        for c in data.claims.values()
    ]
    meetings = [
        {
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
        for m in data.meetings.values()
    ]
    people = [
        {
            "id": p.id,
            "name": p.name,
            "native_names": _ids(n.text for n in p.names),
            "aliases": _ids((*p.transliterations, *p.aliases)),
            "country": p.country or "",
            "born": str(p.born or ""),
            "offices": _ids(f"{o.title} ({o.start or '?'}–{o.end or ''})" for o in p.offices),
        }
        for p in data.people.values()
    ]
    events = [
        {
            "id": e.id,
            "title": e.title,
            "start": str(e.start),
            "end": str(e.end or ""),
            "type": e.type,
            "countries": _ids(e.countries),
            "disputes": _ids(e.disputes),
            "sources": _ids(s.source for s in e.sources),
        }
        for e in data.events.values()
    ]
    sources = [
        {
            "id": s.id,
            "type": s.type,
            "genre": s.genre,
            "origin": s.origin,
            "title": s.title or f"[{s.title_note}]",
            "publisher": s.publisher or "",
            "issued": str(s.issued or ""),
            "url": s.url or "",
            "archive_url": s.archive_url or "",
            "affiliation": affiliation_label(data, s.affiliation),
            "note": s.note or "",
        }
        for s in bibliography_order(data)
    ]
    return {
        name: _csv(rows, list(rows[0]))
        for name, rows in (
            ("claims", claims),
            ("meetings", meetings),
            ("people", people),
            ("events", events),
            ("sources", sources),
        )
        if rows
    }


def csl_item(data: Dataset, sid: str) -> dict:
    s = data.sources[sid]
    item: dict = {"id": s.id, "type": s.type, "title": s.title or f"[{s.title_note}]"}
    if s.publisher:
        item["container-title"] = s.publisher
    if s.author:
        item["author"] = [
            {"literal": a.literal} if a.literal else {"family": a.family, "given": a.given} for a in s.author
        ]
    if s.issued:
        item["issued"] = _date_parts(s.issued)
    if s.accessed:
        item["accessed"] = _date_parts(s.accessed)
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
    items = [csl_item(data, s.id) for s in bibliography_order(data)]
    return json.dumps(items, ensure_ascii=False, indent=1) + "\n"


def _bib_escape(text: str) -> str:
    text = text.replace("\\", "\\textbackslash{}")
    text = re.sub(r"([{}&%$#_])", r"\\\1", text)
    return text.replace("~", "\\textasciitilde{}").replace("^", "\\textasciicircum{}")


def bibtex_entry(key: str, kind: str, fields: dict[str, str]) -> str:
    body = ",\n".join(f"  {name} = {{{_bib_escape(value)}}}" for name, value in fields.items() if value)
    return f"@{kind}{{{key},\n{body}\n}}\n"


def bibtex(data: Dataset) -> str:
    entries = []
    for s in bibliography_order(data):
        kind = {"article-newspaper": "article", "article-journal": "article"}.get(s.type, "misc")
        fields = {
            "title": s.title or f"[{s.title_note}]",
            "author": " and ".join(a.literal or f"{a.family}, {a.given or ''}".strip(", ") for a in s.author),
            ("journal" if kind == "article" else "howpublished"): s.publisher or "",
            "year": str(s.issued.year) if s.issued else "",
            "month": str(s.issued.month) if s.issued and s.issued.month else "",
            "url": s.url or "",
            "note": affiliation_label(data, s.affiliation),
        }
        entries.append(bibtex_entry(s.id, kind, fields))
    return "\n".join(entries)


def _ics_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Fold an iCalendar content line at 75 octets (RFC 5545 §3.1)."""
    out, current = [], b""
    for ch in line:
        encoded = ch.encode("utf-8")
        if len(current) + len(encoded) > (75 if not out else 74):
            out.append(current.decode("utf-8"))
            current = b""
        current += encoded
    out.append(current.decode("utf-8"))
    return "\r\n ".join(out)


def icalendar(data: Dataset, edition: datetime) -> str:
    stamp = edition.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//{SITE_TITLE}//meetings//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{SITE_TITLE}: meetings",
    ]
    for m in sorted(data.meetings.values(), key=lambda m: m.start.earliest):
        if m.start.day is None or (m.end is not None and m.end.day is None):
            continue  # the day is not known; a calendar entry would invent one
        end = (m.end or m.start).earliest
        end_exclusive = datetime.fromordinal(end.toordinal() + 1).date()
        lines += [
            "BEGIN:VEVENT",
            f"UID:{m.id}@three-brothers-briefing",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{m.start.earliest:%Y%m%d}",
            f"DTEND;VALUE=DATE:{end_exclusive:%Y%m%d}",
            f"SUMMARY:{_ics_text(m.title)}",
            f"LOCATION:{_ics_text(m.place.name)}",
            f"DESCRIPTION:{_ics_text((m.summary or m.title) + ' (' + format_span(m.start, m.end) + ')')}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def atom(changes: list[tuple[str, datetime, str]], edition: datetime, base: str) -> str:
    """An Atom feed of changes: (commit id, time, subject), newest first."""

    def ts(t: datetime) -> str:
        return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    head = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"<title>{escape(SITE_TITLE)}: changes</title>",
        "<id>urn:three-brothers-briefing:changes</id>",
        f"<updated>{ts(changes[0][1] if changes else edition)}</updated>",
        f'<link rel="alternate" href="{escape(base)}"/>',
        f"<author><name>{escape(SITE_TITLE)} contributors</name></author>",
    ]
    entries = []
    for commit, when, subject in changes:
        entries += [
            "<entry>",
            f"<title>{escape(subject)}</title>",
            f"<id>urn:three-brothers-briefing:commit:{escape(commit)}</id>",
            f"<updated>{ts(when)}</updated>",
            f'<link rel="alternate" href="{escape(base)}"/>',
            f"<summary>{escape(subject)}</summary>",
            "</entry>",
        ]
    return "\n".join([*head, *entries, "</feed>"]) + "\n"


def page_citation(title: str, url: str, edition: datetime) -> dict[str, str]:
    """A formatted citation, BibTeX and CSL-JSON for one page of the site."""
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "page"
    date = edition.date()
    text = f"{SITE_TITLE} contributors. “{title}”. {SITE_TITLE}, edition of {date:%-d %B %Y}. {url}"
    bib = bibtex_entry(
        f"threebrothers-{slug}",
        "misc",
        {
            "title": title,
            "author": f"{{{SITE_TITLE} contributors}}",
            "howpublished": SITE_TITLE,
            "year": str(date.year),
            "url": url,
            "note": f"Edition of {date.isoformat()}",
        },
    )
    bib = bib.replace(_bib_escape(f"{{{SITE_TITLE} contributors}}"), f"{{{SITE_TITLE} contributors}}")
    csl = {
        "id": f"threebrothers-{slug}",
        "type": "webpage",
        "title": title,
        "container-title": SITE_TITLE,
        "author": [{"literal": f"{SITE_TITLE} contributors"}],
        "issued": {"date-parts": [[date.year, date.month, date.day]]},
        "URL": url,
    }
    return {"text": text, "bibtex": bib, "csl": json.dumps(csl, ensure_ascii=False, indent=1)}
