"""Every download parses with a standard library or tool, and agrees with the data."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime
from pathlib import Path

import bibtexparser
import icalendar
import pytest
from conftest import real_data

from macros import worker
from macros.adapter import data_fingerprint
from macros.core.dataset import build_dataset
from macros.editions.download_files import download_files, download_paths
from macros.editions.edition import Edition
from macros.repository import Change
from macros.worker_data import DataRead, LaterDownloads, OtherData

DATA = real_data()


def _read(site: Path, name: str) -> str:
    return (site / "downloads" / name).read_text(encoding="utf-8")


def test_dataset_json(built_site: Path) -> None:
    doc = json.loads(_read(built_site, "dataset.json"))
    for kind, records in DATA.records.items():
        assert [r["id"] for r in doc["records"][kind]] == list(records)
    astana = next(m for m in doc["records"]["meeting"] if m["id"] == "astana-2024-07-03")
    assert astana["start"] == "2024-07-03"


def test_csv_tables(built_site: Path) -> None:
    claims = list(csv.DictReader(io.StringIO(_read(built_site, "claims.csv"))))
    assert len(claims) == len(DATA.claims)
    audit = [c for c in claims if c["audit_number"]]
    assert len(audit) == 39
    for name, kind in (
        ("meetings", "meeting"),
        ("people", "person"),
        ("events", "event"),
        ("sources", "source"),
    ):
        rows = list(csv.DictReader(io.StringIO(_read(built_site, f"{name}.csv"))))
        assert {r["id"] for r in rows} == set(DATA.records[kind])
    people = {r["id"]: r for r in csv.DictReader(io.StringIO(_read(built_site, "people.csv")))}
    assert "شہباز شریف" in people["shehbaz-sharif"]["native_names"]


def test_csl_json_bibliography(built_site: Path) -> None:
    items = json.loads(_read(built_site, "bibliography.json"))
    assert len(items) == len(DATA.sources)
    for item in items:
        assert {"id", "type", "title"} <= set(item)
        if "issued" in item:
            assert all(isinstance(p, int) for p in item["issued"]["date-parts"][0])
    seed = next(i for i in items if i["id"] == "blitz-article")
    assert "author" not in seed and "issued" not in seed and "URL" not in seed


def test_bibtex_bibliography(built_site: Path) -> None:
    parser = bibtexparser.bparser.BibTexParser(common_strings=True)
    db = bibtexparser.loads(_read(built_site, "bibliography.bib"), parser=parser)
    assert len(db.entries) == len(DATA.sources)
    entry = db.entries_dict["kyivindependent-caesar-2024-06-18"]
    assert entry["year"] == "2024" and entry["url"].startswith("https://")


def test_icalendar_meetings(built_site: Path) -> None:
    cal = icalendar.Calendar.from_ical(_read(built_site, "meetings.ics"))
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    day_known = {m.id for m in DATA.meetings.values() if m.start.day and (m.end is None or m.end.day)}
    assert {uid.split("@")[0] for uid in events} == day_known
    islamabad = events["islamabad-speakers-2025-10@three-brothers-briefing"]  # 12–14 October 2025
    assert (islamabad.decoded("DTSTART").isoformat(), islamabad.decoded("DTEND").isoformat()) == (
        "2025-10-12",
        "2025-10-15",
    )
    astana = events["astana-2024-07-03@three-brothers-briefing"]
    assert astana.decoded("DTSTART").isoformat() == "2024-07-03"
    exercise = events["three-brothers-2021-exercise@three-brothers-briefing"]
    assert exercise.decoded("DTEND").isoformat() == "2021-09-21"  # exclusive end of 12–20 September


def test_atom_feed(built_site: Path) -> None:
    ns = {"a": "http://www.w3.org/2005/Atom"}
    root = ET.fromstring(_read(built_site, "changes.atom"))
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    assert root.find("a:title", ns) is not None and root.find("a:updated", ns) is not None
    ids = [entry.find("a:id", ns).text for entry in root.findall("a:entry", ns)]
    tag = "tag:three-brothers-briefing.invalid,2026:three-brothers-briefing:"
    assert ids and all(i.startswith((tag + "commit:", tag + "correction:")) for i in ids)
    # the corrections log is in the feed, as newsrooms publish corrections
    assert tag + "correction:caesar-contract-date" in ids


def test_data_page_links_every_download(built_site: Path) -> None:
    html = (built_site / "data" / "index.html").read_text(encoding="utf-8")
    for path in sorted((built_site / "downloads").iterdir()):
        assert f'href="../downloads/{path.name}"' in html, path.name


def test_every_page_has_a_cite_box_that_parses(built_site: Path) -> None:
    html = (built_site / "people" / "ilham-aliyev" / "index.html").read_text(encoding="utf-8")
    assert '<details class="quote cite-box copy" data-search-exclude>' in html
    start = html.index("CSL-JSON</p>")
    code = html[html.index("<code>", start) + 6 : html.index("</code>", start)]
    csl = json.loads(code.replace("&#34;", '"').replace("&quot;", '"').replace("&amp;", "&"))
    assert csl["title"] == "Ilham Aliyev" and csl["type"] == "webpage"


def _later_args() -> tuple[Edition, list[Change]]:
    edition = Edition("Test", datetime(2026, 11, 25, tzinfo=UTC), "abc1234", "https://example.org/")
    return edition, [Change("abc1234", datetime(2026, 11, 24, tzinfo=UTC), "Data: a meeting")]


def test_downloads_made_beside_the_build_are_those_made_in_it(data_dir: Path) -> None:
    edition, changes = _later_args()
    here = download_files(build_dataset(data_dir, today=date(2026, 11, 25)), edition, changes, None)
    later = LaterDownloads(
        DataRead(data_dir, date(2026, 11, 25), data_fingerprint(data_dir)), edition, changes, None
    )
    assert later.future is not None  # the worker took the task
    later.future.result(timeout=120)  # made there (else the build would make them)
    texts = later.texts(same_data=True, made_here=lambda: pytest.fail("made in the build"))
    assert sorted(texts) == sorted(download_paths(build_dataset(data_dir, today=date(2026, 11, 25))))
    assert texts == here


@pytest.mark.parametrize("case", ["data changed", "worker failed", "other data", "no worker"])
def test_downloads_are_made_in_the_build_when_the_workers_cannot_be_taken(
    data_dir: Path, case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    edition, changes = _later_args()
    if case == "no worker":
        monkeypatch.setattr(worker, "_POOL", [])  # the session's worker is not the one given up
        monkeypatch.setattr(worker, "_pool", lambda: (_ for _ in ()).throw(RuntimeError("no worker")))
    missing = data_dir / "missing"  # the worker fails to read it
    fingerprint = data_fingerprint(data_dir) if case != "other data" else ()  # the build read other files
    read = DataRead(missing if case == "worker failed" else data_dir, date(2026, 11, 25), fingerprint)
    later = LaterDownloads(read, edition, changes, None)
    assert (later.future is None) == (case == "no worker")
    if later.future is not None:  # answered (or failed) in the worker, not withdrawn
        error = later.future.exception(timeout=120)
        assert (error is None) == (case == "data changed")
        assert isinstance(error, OtherData) == (case == "other data")
    made = {"downloads/dataset.json": "made in the build"}
    assert later.texts(same_data=case != "data changed", made_here=lambda: made) == made
