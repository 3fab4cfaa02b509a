"""Every free-text and URL field of every kind of record, against a corpus of hostile values.

For each field (found by walking the models in macros/core, see hostile.py), one record per
hostile value is added to the valid fixture and the whole set is checked at once. Each value
must be either rejected, with one clean line naming its file, record and field, or accepted
and inert: every page block (through Markdown, as MkDocs renders it) and every download has
the same elements, attributes, fields and rows as with a harmless value of the same shape
in its place. The page-level payloads (templates in pages, raw HTML, front matter) are
tested with the sandbox and the site check.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import bibtexparser
import hostile
import markdown
import pytest
import yaml
from conftest import FIXTURE, TODAY
from icalendar import Calendar
from selectolax.lexbor import LexborHTMLParser

from macros.core.dataset import Dataset, build_dataset
from macros.core.errors import DataError, DataErrors
from macros.core.models import DATA_FOLDERS, KINDS
from macros.core.refs import FieldPath, format_path
from macros.editions.calendar import meetings_calendar
from macros.editions.downloads import bibtex, csl_json, csv_tables, dataset_json
from macros.editions.edition import Edition
from macros.pages.render import Renderer

FIELDS = [(kind, path, ftype) for kind, model in KINDS.items() for path, ftype in hostile.free_fields(model)]
EDITION = Edition("Briefing", datetime(2026, 11, 25, tzinfo=UTC), "abc1234", "https://example.org/")
MARKDOWN = markdown.Markdown(extensions=["attr_list", "admonition", "footnotes", "toc"])  # as mkdocs.yml
ACTIVE = {"script", "iframe", "object", "embed", "form", "base", "meta", "style", "link", "frame"}
URL_ATTRIBUTES = {"href", "src", "xlink:href", "action", "formaction", "srcdoc", "data"}


@pytest.fixture(scope="module")
def fixture_ids() -> dict[str, list[str]]:
    return {kind: list(records) for kind, records in build_dataset(FIXTURE, today=TODAY).records.items()}


def _write(tmp: Path, kind: str, path: FieldPath, values: dict[str, str], ids: dict[str, list[str]]) -> Path:
    """The fixture, a record of every kind with every field filled (so every block has
    something to show), and one record of `kind` for each (id, value) with the value at `path`."""
    data = tmp / "data"
    shutil.copytree(FIXTURE, data)
    for other, model in KINDS.items():
        sample = {**hostile.sample(model, ids), "id": f"sample-{other}"}
        text = yaml.dump([sample], Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False)
        (data / DATA_FOLDERS[other]).mkdir(exist_ok=True)  # a kind the fixture may not have (corrections)
        (data / DATA_FOLDERS[other] / "zz-sample.yml").write_text(text, encoding="utf-8")
    records = []
    for n, (rid, value) in enumerate(values.items()):
        record = hostile.sample(KINDS[kind], ids)
        record = json.loads(json.dumps(record).replace("example.org/page", f"example.org/page-{n}"))
        record["id"] = rid
        hostile.put(record, path, value)
        records.append(record)
    text = yaml.dump(records, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=1_000_000)
    (data / DATA_FOLDERS[kind] / "zz-hostile.yml").write_text(text, encoding="utf-8")
    return data


def _load(data: Path) -> tuple[Dataset | None, list[DataError]]:
    try:
        return build_dataset(data, today=TODAY), []
    except DataErrors as exc:
        return None, [e for e in exc.errors if e.severity == "error"]


def _benign(value: str, ftype: str, n: int) -> str:
    """A harmless value of the same shape: the same spaces and line breaks, letters elsewhere."""
    if ftype in ("url", "archive-url"):
        return f"https://web.archive.org/web/20240101000000/https://example.org/benign-{n}"
    return "".join(c if c in " \n" else "x" for c in value)


def _pages(data: Dataset) -> dict[str, str]:
    """Every block a page can show, through Markdown as MkDocs renders it."""
    r = Renderer(data, lambda rid: f"../{rid}/")
    blocks: dict[str, Callable[[], Any]] = {
        "people_index": r.people_index,
        "meetings_index": r.meetings_index,
        "disputes_index": r.disputes_index,
        "sources_list": r.sources_list,
        "all_claims": r.all_claims,
        "timeline_svg": r.timeline_svg,
        "graph_svg": r.graph_svg,
        "cite every source": lambda: r.cite(*data.sources),
    }
    for kind in ("person", "meeting", "dispute"):
        for rid in data.records[kind]:
            blocks[f"entity_page {rid}"] = lambda kind=kind, rid=rid: r.entity_page(kind, rid)
    for kind in KINDS:
        for rid in data.records[kind]:
            blocks[f"claims_about {rid}"] = lambda rid=rid: r.claims_about(rid)
            if data.audit_of(rid):
                blocks[f"article_audit {rid}"] = lambda rid=rid: r.article_audit(rid)
    for rid in data.disputes:
        blocks[f"timeline_svg {rid}"] = lambda rid=rid: r.timeline_svg(rid)
        blocks[f"graph_svg {rid}"] = lambda rid=rid: r.graph_svg(rid)
    out = {name: MARKDOWN.reset().convert(str(block())) for name, block in blocks.items()}
    out["references"] = str(r.references())
    return out


def _html_shape(html: str) -> Counter[tuple[str, tuple[str, ...]]]:
    root = LexborHTMLParser(html).root
    assert root is not None
    return Counter((node.tag, tuple(sorted(node.attributes))) for node in root.traverse())


def _active(html: str) -> list[str]:
    """Anything in the HTML that could run or load: never written by our templates."""
    found = []
    root = LexborHTMLParser(html).root
    assert root is not None
    for node in root.traverse():
        for name, value in node.attributes.items():
            squashed = "".join((value or "").split()).lower()
            if name.startswith("on") or (
                name in URL_ATTRIBUTES and squashed.startswith(("javascript:", "data:", "vbscript:", "file:"))
            ):
                found.append(f"<{node.tag} {name}={value!r}>")
        if node.tag in ACTIVE:
            found.append(f"<{node.tag}>")
    return found


def _json_shape(value: Any) -> Any:
    """Keys and value types; lists in any order (records sort by their text)."""
    if isinstance(value, dict):
        return {k: _json_shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return sorted((_json_shape(v) for v in value), key=lambda s: json.dumps(s, sort_keys=True))
    return type(value).__name__


def _downloads(data: Dataset) -> dict[str, Any]:
    """The shape of every download: JSON structure, CSV rows, BibTeX entries, calendar events."""
    shapes: dict[str, Any] = {
        "dataset.json": _json_shape(json.loads(dataset_json(data, EDITION))),
        "sources.csl.json": _json_shape(json.loads(csl_json(data))),
        "sources.bib": sorted(
            (e["ENTRYTYPE"], tuple(sorted(e))) for e in bibtexparser.loads(bibtex(data)).entries
        ),
        "meetings.ics": sorted(
            (c.name, tuple(sorted(c))) for c in Calendar.from_ical(meetings_calendar(data, EDITION)).walk()
        ),
    }
    for name, table in csv_tables(data).items():
        shapes[name] = sorted(len(row) for row in csv.reader(io.StringIO(table, newline="")))
    return shapes


def _spurious_empty_list(error: DataError, path: FieldPath) -> bool:
    """KNOWN LOADER BUG, tolerated here and nowhere else: when an item of a list that must not
    be empty (`sources`, `participants`) is rejected, pydantic also reports the list as too
    short, and macros/core/loader.py prints that as a second line, "<list>: is empty", which is
    not true. Remove this once the loader drops such a line when an item of that list failed."""
    lists = {format_path(path[:i]) for i in range(1, len(path)) if isinstance(path[i], int)}
    return error.problem == "is empty" and error.field in lists


def _rejections(errors: list[DataError], kind: str, path: FieldPath, values: dict[str, str]) -> set[str]:
    """The records whose value was rejected; every error must be one clean line about one of
    them and the field under test."""
    file = f"data/{DATA_FOLDERS[kind]}/zz-hostile.yml:"
    for error in errors:
        line = error.format()
        assert line.isprintable() and len(line) < 600, f"not one clean line: {line!r}"
        assert line.startswith(file) and error.line > 0, line
        assert error.id in values, line
        assert error.field == format_path(path) or _spurious_empty_list(error, path), line
    named = Counter(e.id for e in errors if e.field == format_path(path))
    assert all(n == 1 for n in named.values()), f"more than one line for one value: {named}"
    return set(named)


@pytest.mark.parametrize(
    ("kind", "path", "ftype"), FIELDS, ids=[f"{kind}.{format_path(path)}" for kind, path, _ in FIELDS]
)
def test_hostile_values_are_rejected_cleanly_or_rendered_inert(
    tmp_path: Path, fixture_ids: dict[str, list[str]], kind: str, path: FieldPath, ftype: str
) -> None:
    values = {f"hostile-{n}": value for n, value in enumerate(hostile.corpus(ftype))}
    data, errors = _load(_write(tmp_path / "all", kind, path, values, fixture_ids))
    accepted = {rid: v for rid, v in values.items() if rid not in _rejections(errors, kind, path, values)}
    if not accepted:
        return
    if errors:  # check again with the accepted values only
        data, errors = _load(_write(tmp_path / "accepted", kind, path, accepted, fixture_ids))
    assert data is not None, [e.format() for e in errors]
    twins = {rid: _benign(v, ftype, n) for n, (rid, v) in enumerate(accepted.items())}
    benign, errors = _load(_write(tmp_path / "benign", kind, path, twins, fixture_ids))
    assert benign is not None, [e.format() for e in errors]

    pages, benign_pages = _pages(data), _pages(benign)
    for name, html in pages.items():
        assert _active(html) == [], f"{kind}.{format_path(path)} in {name}"
        assert _html_shape(html) == _html_shape(benign_pages[name]), f"{kind}.{format_path(path)} in {name}"
    downloads, benign_downloads = _downloads(data), _downloads(benign)
    for name, shape in downloads.items():
        assert shape == benign_downloads[name], f"{kind}.{format_path(path)} in {name}"
