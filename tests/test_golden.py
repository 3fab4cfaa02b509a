"""Golden files: rendered blocks and every download, from the fixture data, compared
byte for byte with tests/golden/. After a deliberate change, run
`pytest --update-golden` and read `git diff tests/golden` before committing."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from conftest import FIXTURE, GOLDEN, TODAY

from macros.core.dataset import Dataset, build_dataset
from macros.core.routes import page_of
from macros.editions import calendar, downloads, feed
from macros.editions.edition import Edition
from macros.pages.render import Renderer
from macros.repository import Change

Golden = Callable[[str, str], None]
EDITION = Edition(
    "Three Brothers briefing",
    datetime(2026, 11, 25, 12, 0, tzinfo=UTC),
    "abc1234",
    "https://briefing.example.org/",
)
CHANGES = [
    Change(
        "0f6c1d2e3a4b5c6d7e8f90a1b2c3d4e5f6a7b8c9",
        datetime(2026, 11, 24, 9, 30, tzinfo=UTC),
        "Data: the river dispute & <its> parties\x0b",
    ),
    Change(
        "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d",
        datetime(2026, 11, 20, 18, 0, 5, tzinfo=UTC),
        "Docs: methodology",
    ),
]


@pytest.fixture(scope="module")
def data() -> Dataset:
    return build_dataset(FIXTURE, today=TODAY)


def renderer(data: Dataset) -> Renderer:
    """A page's renderer whose links are the Markdown source paths (and anchors) MkDocs
    would resolve: `people/dana-ornek.md`, `claims.md#claim-supply-new`."""

    def link(rid: str) -> str:
        route = page_of(data.kind_of[rid], rid)
        assert route is not None, rid
        return route.src + (f"#{route.anchor}" if route.anchor else "")

    return Renderer(data, link)


BLOCKS: dict[str, Callable[[Renderer], object]] = {
    "blocks/claim-disputed.html": lambda r: r.claim("dana-statement"),
    "blocks/claim-superseded.html": lambda r: r.claim("supply-old"),
    "blocks/dispute-page.md": lambda r: r.entity_page("dispute", "river-dispute"),
    "blocks/person-page.md": lambda r: r.entity_page("person", "dana-ornek"),
    "blocks/graph.svg.html": lambda r: r.graph_svg("all"),
    "blocks/timeline.html": lambda r: r.timeline_svg("format"),
}
DOWNLOADS: dict[str, Callable[[Dataset], str]] = {
    "downloads/dataset.json": lambda d: downloads.dataset_json(d, EDITION),
    **{
        f"downloads/{name}.csv": (lambda d, name=name: downloads.csv_tables(d)[name])
        for name in ("claims", "meetings", "people", "events", "sources")
    },
    "downloads/bibliography.json": downloads.csl_json,
    "downloads/bibliography.bib": downloads.bibtex,
    "downloads/meetings.ics": lambda d: calendar.meetings_calendar(d, EDITION),
    "downloads/changes.atom": lambda d: feed.changes_feed(CHANGES, EDITION),
}
SOURCE_ENTRY = "blocks/source-entry.html"


@pytest.mark.parametrize("name", BLOCKS)
def test_rendered_block(data: Dataset, golden: Golden, name: str) -> None:
    golden(name, str(BLOCKS[name](renderer(data))))


def test_sources_list_entry_of_one_source(data: Dataset, golden: Golden) -> None:
    html = str(renderer(data).sources_list())
    entry = re.search(
        r'<div class="source [^"]*">\n<h4 class="source__title" id="source-src-journal">.*?\n</div>\n</div>\n',
        html,
        re.S,
    )
    assert entry, html
    golden(SOURCE_ENTRY, entry.group(0))


@pytest.mark.parametrize("name", DOWNLOADS)
def test_download(data: Dataset, golden: Golden, name: str) -> None:
    golden(name, DOWNLOADS[name](data))


def test_no_stale_golden_files() -> None:
    """Every file under tests/golden/ belongs to a test above (a renamed block leaves none behind)."""
    on_disk = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file()}
    assert on_disk - {".gitattributes"} == {*BLOCKS, SOURCE_ENTRY, *DOWNLOADS}
