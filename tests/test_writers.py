"""Each download writer on the fixture data, read back the way its readers read it: JSON by
a JSON parser, CSV by a CSV reader, BibTeX by bibtexparser, iCalendar by the icalendar
package, Atom by an XML parser. The real site's downloads are checked in
test_downloads.py; the exact bytes are pinned in test_golden.py."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import bibtexparser
import icalendar
import pytest
from conftest import FIXTURE, TODAY

from macros.core.dataset import Dataset, build_dataset
from macros.core.fields import PartialDate
from macros.editions import calendar, citation, downloads, feed
from macros.editions.bibtex import bib_key, bibtex_name
from macros.editions.edition import Edition, edition_of_site
from macros.repository import Change

SITE = "https://briefing.example.org/"
EDITION = Edition("Three Brothers briefing", datetime(2026, 11, 25, 12, 0, tzinfo=UTC), "abc1234", SITE)
NO_URL = dataclasses.replace(EDITION, site_url=None)
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def data() -> Dataset:
    return build_dataset(FIXTURE, today=TODAY)


def forged(data: Dataset, kind: str, rid: str, /, **changes: object) -> Dataset:
    """The dataset with one record's fields replaced, skipping validation on purpose."""
    record = data.records[kind][rid]
    fake = type(record).model_construct(**{**record.__dict__, **changes})
    field = {"source": "sources", "claim": "claims", "meeting": "meetings", "person": "people"}[kind]
    return dataclasses.replace(data, **{field: {**data.records[kind], rid: fake}})


def _keys(value: Any) -> set[str]:
    """Every key of every object in a JSON document, at any depth."""
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


# -- dataset.json ------------------------------------------------------------------------


def test_dataset_json_has_every_record_in_data_order(data: Dataset) -> None:
    doc = json.loads(downloads.dataset_json(data, EDITION))
    assert doc["title"] == "Three Brothers briefing"
    assert list(doc["records"]) == list(data.records)
    for kind, records in data.records.items():
        assert [r["id"] for r in doc["records"][kind]] == list(records)
    journal = next(s for s in doc["records"]["source"] if s["id"] == "src-journal")
    assert journal["issued"] == "2003-04"  # dates keep their precision, as written in data/
    assert journal["author"][2] == {"literal": "Example Press Agency"}


def test_dataset_json_never_writes_the_editors_note(data: Dataset) -> None:
    assert data.sources["src-journal"].editor_note  # the fixture has one to leave out
    text = downloads.dataset_json(data, EDITION)
    assert "editor_note" not in _keys(json.loads(text))
    assert data.sources["src-journal"].editor_note not in text


def test_dataset_json_edition_record_reads_back_as_the_same_edition(data: Dataset, tmp_path: Path) -> None:
    doc = json.loads(downloads.dataset_json(data, EDITION))
    assert doc["edition"] == {
        "site_name": "Three Brothers briefing",
        "date": "2026-11-25T12:00:00+00:00",
        "version": "abc1234",
        "site_url": SITE,
    }
    # The PDF is printed from a built site and says which edition it is by reading this back.
    for edition in (EDITION, NO_URL):
        (tmp_path / "downloads").mkdir(exist_ok=True)
        (tmp_path / "downloads" / "dataset.json").write_text(
            downloads.dataset_json(data, edition), encoding="utf-8"
        )
        assert edition_of_site(tmp_path) == edition
    assert "site_url" not in json.loads(downloads.dataset_json(data, NO_URL))["edition"]


# -- CSV ---------------------------------------------------------------------------------

HEADERS = {
    "claims": "id,kind,text,asserted_by,asserted_by_names,disputed_by,disputed_by_names,about,about_names,"
    "verdict,audit_number,flags,superseded_by,superseded_on,sources",
    "meetings": "id,title,start,end,place,country,country_name,format,level,part_of,participants,"
    "participants_names,after_article,sources",
    "people": "id,name,native_names,aliases,country,country_name,born,offices",
    "events": "id,title,start,end,type,countries,countries_names,disputes,sources",
    "sources": "id,type,genre,origin,title,description,publisher,issued,url,copy_url,archive_url,affiliation,note",
}


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_tables_have_their_headers_and_a_row_per_record(data: Dataset) -> None:
    tables = downloads.csv_tables(data)
    assert set(tables) == set(HEADERS)
    for name, header in HEADERS.items():
        assert tables[name].splitlines()[0] == header, name
    kinds = {"claims": "claim", "meetings": "meeting", "people": "person", "events": "event"}
    for name, kind in kinds.items():
        assert [r["id"] for r in _rows(tables[name])] == list(data.records[kind]), name
    assert [r["id"] for r in _rows(tables["sources"])] == [s.id for s in data.bibliography()]


def test_csv_lists_are_joined_with_semicolons(data: Dataset) -> None:
    tables = downloads.csv_tables(data)
    claim = next(r for r in _rows(tables["claims"]) if r["id"] == "dana-statement")
    assert claim["about"] == "dana-ornek; river-dispute"
    assert (claim["asserted_by"], claim["disputed_by"], claim["flags"]) == (
        "dana-ornek",
        "alpha-land",
        "unverified",
    )
    old = next(r for r in _rows(tables["claims"]) if r["id"] == "supply-old")
    assert (old["superseded_by"], old["superseded_on"]) == ("supply-new", "2006-02")
    person = next(r for r in _rows(tables["people"]) if r["id"] == "dana-ornek")
    assert person["native_names"] == "Дана Эрнек; Dana Örnək"
    assert person["aliases"] == "Dana Ornek; D. Örnek"
    meeting = next(r for r in _rows(tables["meetings"]) if r["id"] == "talks-2001-03")
    assert meeting["participants"] == "dana-ornek; alpha-land"
    event = next(r for r in _rows(tables["events"]) if r["id"] == "clash-2005")
    assert event["countries"] == "alpha-land; gamma-land"
    source = next(r for r in _rows(tables["sources"]) if r["id"] == "src-journal")
    assert source["affiliation"] == "Gammish state media"
    assert source["title"] == data.sources["src-journal"].title  # commas and quotes survive


def test_csv_cells_that_would_be_formulas_are_neutralised(data: Dataset) -> None:
    """A value that reached the data without validation still opens as text."""
    evil = forged(data, "claim", "claim-1", text='=HYPERLINK("https://evil.example")', kind="fact")
    evil = forged(evil, "source", "src-1", title="@SUM(1+1)", publisher="+cmd|' /C calc'!A0")
    tables = downloads.csv_tables(evil)
    claim = next(r for r in _rows(tables["claims"]) if r["id"] == "claim-1")
    assert claim["text"] == '\'=HYPERLINK("https://evil.example")'
    source = next(r for r in _rows(tables["sources"]) if r["id"] == "src-1")
    assert (source["title"], source["publisher"]) == ("'@SUM(1+1)", "'+cmd|' /C calc'!A0")
    every_cell = [v for t in tables.values() for r in _rows(t) for v in r.values()]
    assert not [v for v in every_cell if v[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_a_kind_with_no_records_has_no_table(data: Dataset) -> None:
    assert "events" not in downloads.csv_tables(dataclasses.replace(data, events={}))


# -- CSL-JSON ----------------------------------------------------------------------------


def test_csl_json_items_in_bibliography_order_with_their_fields(data: Dataset) -> None:
    items = json.loads(downloads.csl_json(data))
    assert [i["id"] for i in items] == [s.id for s in data.bibliography()]
    journal = next(i for i in items if i["id"] == "src-journal")
    assert journal == {
        "id": "src-journal",
        "type": "article-journal",
        "title": data.sources["src-journal"].title,
        "container-title": "Journal of Examples",
        "author": [
            {"family": "Öztürk", "given": "Ayşe"},
            {"family": "Əliyeva"},
            {"literal": "Example Press Agency"},
        ],
        "issued": {"date-parts": [[2003, 4]]},
        "accessed": {"date-parts": [[2026, 1, 15]]},
        "URL": "https://example.org/journal/rivers",
        "archive_location": "https://web.archive.org/web/20240115000000/https://example.org/journal/rivers",
        "language": "tr",
        "note": "Gammish state media; A state-funded journal; read with care.",
    }


def test_csl_json_invents_nothing(data: Dataset) -> None:
    untitled = next(i for i in json.loads(downloads.csl_json(data)) if i["id"] == "src-untitled")
    # No title, author, date or address in the data: a described title and nothing else.
    assert untitled == {
        "id": "src-untitled",
        "type": "webpage",
        "title": "[Untitled statement page]",
        "note": "advocacy organisation",
    }
    assert "editor_note" not in downloads.csl_json(data)


def test_csl_dates_keep_precision_and_mark_approximate_ones() -> None:
    assert downloads.date_parts(PartialDate.parse("2024-07-03")) == {"date-parts": [[2024, 7, 3]]}
    assert downloads.date_parts(PartialDate.parse("2024-07")) == {"date-parts": [[2024, 7]]}
    assert downloads.date_parts(PartialDate.parse("2016~")) == {"date-parts": [[2016]], "circa": True}


# -- BibTeX ------------------------------------------------------------------------------


def _bib(text: str) -> dict[str, dict[str, str]]:
    parser = bibtexparser.bparser.BibTexParser(common_strings=True)
    return bibtexparser.loads(text, parser=parser).entries_dict


def _names(field: str) -> list[str]:
    """Split an author field on ' and ' at brace depth 0, as BibTeX does."""
    names, depth, start = [], 0, 0
    for i, ch in enumerate(field):
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth == 0 and field.startswith(" and ", i):
            names.append(field[start:i])
            start = i + 5
    return [*names, field[start:]]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Recep Tayyip Erdoğan", "recep-tayyip-erdogan"),
        ("Əliyev", "eliyev"),
        ("İstanbul", "istanbul"),
        ("Straße in Köln", "strasse-in-koln"),
        ("people/ilham-aliyev/", "people-ilham-aliyev"),
        ("شہباز", "item"),
    ],
)
def test_bib_key_is_ascii(text: str, key: str) -> None:
    assert bib_key(text) == key
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", bib_key(text))


def test_bibtex_reads_back_one_entry_per_source(data: Dataset) -> None:
    entries = _bib(downloads.bibtex(data))
    assert list(entries) == [s.id for s in data.bibliography()]
    journal = entries["src-journal"]
    assert journal["ENTRYTYPE"] == "article" and journal["journal"] == "Journal of Examples"
    assert (journal["year"], journal["month"]) == ("2003", "4")
    assert journal["title"] == (
        r"Arms \& rivers, 50\% of \$5, item \#1, snake\_case, \textasciitilde{} and "
        r"\textasciicircum{} and back\textbackslash{}slash"
    )
    assert journal["url"] == "https://example.org/journal/rivers"
    untitled = entries["src-untitled"]
    assert untitled["ENTRYTYPE"] == "misc"
    assert set(untitled) == {"ENTRYTYPE", "ID", "title", "note"}  # no empty year, url or author
    assert untitled["title"] == "[Untitled statement page]"


def test_bibtex_authors_split_where_bibtex_should_split(data: Dataset) -> None:
    field = _bib(downloads.bibtex(data))["src-journal"]["author"]
    names = _names(field)
    assert names == ["Öztürk, Ayşe", "Əliyeva", "{Example Press Agency}"]
    person = bibtexparser.customization.splitname(names[0])
    assert (person["last"], person["first"]) == (["Öztürk"], ["Ayşe"])
    organisation = bibtexparser.customization.splitname(names[2])
    assert (organisation["last"], organisation["first"]) == (["{Example Press Agency}"], [])


def test_bibtex_name_keeps_an_organisation_whole_even_with_and_in_it() -> None:
    entry = _bib(
        "@misc{k,\n  author = {"
        + " and ".join(
            [bibtex_name(None, None, "Smith and Sons, Ltd."), bibtex_name("Aliyev", "Ilham", None)]
        )
        + "}\n}\n"
    )["k"]
    assert _names(entry["author"]) == ["{Smith and Sons, Ltd.}", "Aliyev, Ilham"]
    assert bibtex_name("Erdoğan", None, None) == "Erdoğan"
    assert bibtex_name("O_Brien", "A & B", None) == r"O\_Brien, A \& B"


# -- iCalendar ---------------------------------------------------------------------------


def _events(text: str) -> dict[str, Any]:
    cal = icalendar.Calendar.from_ical(text)
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_calendar_has_each_meeting_known_to_the_day(data: Dataset) -> None:
    events = _events(calendar.meetings_calendar(data, EDITION))
    assert list(events) == ["summit-1999@briefing.example.org", "exercise-2002@briefing.example.org"]
    assert data.meetings["talks-2001-03"].start.day is None  # known only to the month: left out
    exercise = events["exercise-2002@briefing.example.org"]
    start, end = exercise.decoded("DTSTART"), exercise.decoded("DTEND")
    assert type(start) is date and type(end) is date  # all-day: VALUE=DATE, no invented time
    assert (start, end) == (date(2002, 9, 12), date(2002, 9, 21))  # DTEND is exclusive: 12–20 September
    summit = events["summit-1999@briefing.example.org"]
    assert (summit.decoded("DTSTART"), summit.decoded("DTEND")) == (date(1999, 6, 1), date(1999, 6, 2))
    assert str(exercise["SUMMARY"]) == "Joint exercise of 2002"
    assert str(exercise["LOCATION"]) == "Gamma Plains"
    assert str(exercise["DESCRIPTION"]) == "A week of drills. (12–20 September 2002)"
    assert str(exercise["URL"]) == SITE + "meetings/exercise-2002/"
    assert exercise.decoded("DTSTAMP") == EDITION.date


def test_calendar_leaves_out_a_meeting_whose_end_is_known_only_to_the_month(data: Dataset) -> None:
    vague_end = forged(data, "meeting", "exercise-2002", end=PartialDate.parse("2002-10"))
    assert "exercise-2002@briefing.example.org" not in _events(calendar.meetings_calendar(vague_end, EDITION))


def test_calendar_without_a_site_address_has_no_urls(data: Dataset) -> None:
    text = calendar.meetings_calendar(data, NO_URL)
    events = _events(text)
    assert list(events) == ["summit-1999@three-brothers-briefing", "exercise-2002@three-brothers-briefing"]
    assert all("URL" not in e for e in events.values())
    # The only address is the licence's, in the calendar's description.
    unfolded = text.replace("\r\n ", "")
    assert [line for line in unfolded.splitlines() if "http" in line] == [
        "X-WR-CALDESC:Three Brothers briefing, © the contributors. Content and data under CC BY 4.0 "
        "(https://creativecommons.org/licenses/by/4.0/); code under the MIT licence. Quotations from "
        "sources remain their authors'."
    ]


# -- Atom feed ---------------------------------------------------------------------------

CHANGES = [
    Change("b" * 40, datetime(2026, 11, 24, 9, 30, tzinfo=UTC), "Data: the river dispute & <its> parties"),
    Change("a" * 40, datetime(2026, 11, 20, 18, 0, 5, tzinfo=UTC), "Docs: methodology"),
]
TAG_URI = re.compile(r"tag:[a-z0-9.-]+,\d{4}(-\d{2}(-\d{2})?)?:[!-~]+")  # RFC 4151, ASCII specific part


def _feed(changes: list[Change], edition: Edition) -> ET.Element:
    return ET.fromstring(feed.changes_feed(changes, edition))


def test_feed_is_atom_with_tag_uris(data: Dataset) -> None:
    root = _feed(CHANGES, EDITION)
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}title") == "Three Brothers briefing: changes and corrections"
    assert root.findtext(f"{ATOM}id") == "tag:briefing.example.org,2026:three-brothers-briefing:changes"
    assert root.findtext(f"{ATOM}updated") == "2026-11-24T09:30:00Z"  # the newest change
    assert root.find(f"{ATOM}link").get("href") == SITE
    entries = root.findall(f"{ATOM}entry")
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert ids == [
        f"tag:briefing.example.org,2026:three-brothers-briefing:commit:{'b' * 40}",
        f"tag:briefing.example.org,2026:three-brothers-briefing:commit:{'a' * 40}",
    ]
    assert all(TAG_URI.fullmatch(i) for i in [*ids, root.findtext(f"{ATOM}id")])
    assert entries[0].findtext(f"{ATOM}title") == "Data: the river dispute & <its> parties"
    assert entries[0].findtext(f"{ATOM}summary") == "Data: the river dispute & <its> parties"
    assert entries[1].findtext(f"{ATOM}updated") == "2026-11-20T18:00:05Z"


def test_feed_carries_the_corrections_log_among_the_commits() -> None:
    from macros.core.corrections import Correction

    correction = Correction.model_validate(
        {
            "id": "river-date",
            "date": "2026-11-22",
            "type": "correction",
            "changed": "The date of the treaty was 2001; it is now 2000.",
            "reason": "The treaty text is dated 2000.",
            "records": ["treaty-2000"],
        }
    )
    root = ET.fromstring(feed.changes_feed(CHANGES, EDITION, [correction]))
    entries = root.findall(f"{ATOM}entry")
    tag = "tag:briefing.example.org,2026:three-brothers-briefing:"
    assert [e.findtext(f"{ATOM}id") for e in entries] == [
        f"{tag}commit:{'b' * 40}",
        f"{tag}correction:river-date",
        f"{tag}commit:{'a' * 40}",
    ]
    [entry] = [e for e in entries if e.findtext(f"{ATOM}id").endswith("river-date")]
    assert entry.findtext(f"{ATOM}title") == "Correction: treaty-2000"
    assert entry.findtext(f"{ATOM}updated") == "2026-11-22T00:00:00Z"
    assert entry.findtext(f"{ATOM}summary") == (
        "The date of the treaty was 2001; it is now 2000. Why: The treaty text is dated 2000."
    )
    assert entry.find(f"{ATOM}link").get("href") == SITE + "corrections/#correction-river-date"


def test_feed_without_a_site_address_mints_ids_under_a_reserved_name() -> None:
    root = _feed(CHANGES, NO_URL)
    assert (
        root.findtext(f"{ATOM}id")
        == "tag:three-brothers-briefing.invalid,2026:three-brothers-briefing:changes"
    )
    assert root.find(f".//{ATOM}link") is None
    assert all(TAG_URI.fullmatch(e.findtext(f"{ATOM}id") or "") for e in root.findall(f"{ATOM}entry"))


def test_feed_with_no_changes_is_dated_by_the_edition() -> None:
    root = _feed([], EDITION)
    assert root.findtext(f"{ATOM}updated") == "2026-11-25T12:00:00Z"
    assert root.findall(f"{ATOM}entry") == []


@pytest.mark.parametrize("odd", ["\x0b", "\x00", "\x0c", "\x1b", "\ufffe"])
def test_feed_subject_with_a_control_character_is_still_well_formed_xml(odd: str) -> None:
    change = Change("c" * 40, datetime(2026, 1, 1, tzinfo=UTC), f"Fix{odd}the feed")
    entry = _feed([change], EDITION).find(f"{ATOM}entry")
    assert entry is not None and entry.findtext(f"{ATOM}title") == "Fixthe feed"


# -- "Cite this page" --------------------------------------------------------------------


def test_page_citation_with_the_site_address() -> None:
    cite = citation.page_citation("Ilham Aliyev", "people/ilham-aliyev/", EDITION)
    url = SITE + "people/ilham-aliyev/"
    assert cite["text"] == (
        "Three Brothers briefing contributors. “Ilham Aliyev”. Three Brothers briefing, "
        f"edition of 25 November 2026. {url}"
    )
    entry = _bib(cite["bibtex"])["threebrothers-people-ilham-aliyev"]
    assert entry["url"] == url and entry["year"] == "2026" and entry["title"] == "Ilham Aliyev"
    assert _names(entry["author"]) == ["{Three Brothers briefing contributors}"]  # one author, whole
    csl = json.loads(cite["csl"])
    assert csl["URL"] == url and csl["issued"] == {"date-parts": [[2026, 11, 25]]}
    assert csl["author"] == [{"literal": "Three Brothers briefing contributors"}]


def test_page_citation_without_the_site_address_has_no_url_and_no_placeholder() -> None:
    cite = citation.page_citation("Ilham Aliyev", "people/ilham-aliyev/", NO_URL)
    assert cite["text"] == (
        "Three Brothers briefing contributors. “Ilham Aliyev”. Three Brothers briefing, "
        "edition of 25 November 2026."
    )
    entry = _bib(cite["bibtex"])["threebrothers-people-ilham-aliyev"]
    assert set(entry) == {"ENTRYTYPE", "ID", "author", "title", "howpublished", "year", "note"}
    assert "URL" not in json.loads(cite["csl"])
    for text in cite.values():
        for placeholder in ("http", "url =", "None", "SITE_URL", "example", "TODO", "{url}", "[URL]"):
            assert placeholder not in text, (placeholder, text)


def test_page_citation_of_the_home_page_has_a_key() -> None:
    cite = citation.page_citation("Home", "", EDITION)
    assert list(_bib(cite["bibtex"])) == ["threebrothers-home"]
    assert cite["text"].endswith(f" {SITE}")
