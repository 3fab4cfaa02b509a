"""Rendering escapes everything from data, even values that bypassed validation."""

from __future__ import annotations

import dataclasses
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from conftest import TODAY

from macros.core.dataset import Dataset, build_dataset
from macros.core.fields import PartialDate
from macros.pages.dates import format_date, format_span
from macros.pages.escape import MacroError, md_text
from macros.pages.render import Renderer

HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(2)>',
    "[click](javascript:alert(3))",
    'Bob { onclick="alert(4)" }',
    "{{ 7*7 }} {% if true %}X{% endif %}",
    "*emph* _u_ `code` &lt;b&gt;",
]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend((k, v or "") for k, v in attrs)


def _html(md_text_: str) -> _Tags:
    html = markdown.markdown(md_text_, extensions=["attr_list", "toc", "footnotes", "admonition"])
    parser = _Tags()
    parser.feed(html)
    return parser


def _with(dataset: Dataset, kind: str, rid: str, **changes: object) -> Dataset:
    """The dataset with one record's fields replaced, skipping validation on purpose."""
    record = dataset.records[kind][rid]
    forged = type(record).model_construct(**{**record.__dict__, **changes})
    field = {"source": "sources", "country": "countries", "person": "people", "meeting": "meetings"}
    field |= {"event": "events", "dispute": "disputes", "claim": "claims"}
    return dataclasses.replace(dataset, **{field[kind]: {**dataset.records[kind], rid: forged}})


def _link(rid: str) -> str:
    return f"../{rid}/"


@pytest.fixture
def dataset(data_dir: Path) -> Dataset:
    return build_dataset(data_dir, today=TODAY)


def _same_markup(clean: object, forged: object, *, ordered: bool = True) -> None:
    """The forged render has exactly the tags and attribute names of the clean one (in the
    same order, or as the same multiset when rows may be sorted differently)."""
    a, b = _html(str(clean)), _html(str(forged))
    if ordered:
        assert a.tags == b.tags
        assert [k for k, _ in a.attrs] == [k for k, _ in b.attrs]
    else:
        assert sorted(a.tags) == sorted(b.tags)
        assert sorted(k for k, _ in a.attrs) == sorted(k for k, _ in b.attrs)
    assert not [v for k, v in b.attrs if k == "href" and "javascript" in v]


@pytest.mark.parametrize("evil", HOSTILE)
def test_hostile_person_name_never_becomes_markup(dataset: Dataset, evil: str) -> None:
    forged = _with(dataset, "person", "alice-example", name=evil)
    clean_r, forged_r = Renderer(dataset, _link), Renderer(forged, _link)
    _same_markup(
        clean_r.entity_page("person", "alice-example"), forged_r.entity_page("person", "alice-example")
    )
    # The index sorts people by name, so a forged name may move its row: compare the rows
    # as a set, each with exactly the tags and attribute names of a clean row.
    _same_markup(clean_r.people_index(), forged_r.people_index(), ordered=False)
    _same_markup(
        clean_r.entity_page("meeting", "summit-1999"), forged_r.entity_page("meeting", "summit-1999")
    )
    assert "49" not in str(forged_r.entity_page("person", "alice-example"))  # data is never re-templated


@pytest.mark.parametrize("evil", HOSTILE)
def test_hostile_claim_and_source_text_is_escaped(dataset: Dataset, evil: str) -> None:
    forged = _with(dataset, "claim", "claim-1", text=evil)
    forged = _with(forged, "source", "src-1", title=evil, publisher=evil)
    clean_r, forged_r = Renderer(dataset, _link), Renderer(forged, _link)
    _same_markup(clean_r.claim("claim-1"), forged_r.claim("claim-1"))
    _same_markup(clean_r.sources_list(), forged_r.sources_list())


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "data:text/html,<script>x</script>", ' https://example.org/" onmouseover="x'],
)
def test_bad_url_that_bypassed_validation_is_refused_at_render(dataset: Dataset, url: str) -> None:
    forged = _with(dataset, "source", "src-1", url=url)
    with pytest.raises(MacroError, match="refusing to link"):
        Renderer(forged, _link).sources_list()


def test_unknown_ids_name_the_call(dataset: Dataset) -> None:
    renderer = Renderer(dataset, _link)
    with pytest.raises(
        MacroError, match=r"claim\('claim-2'\): unknown claim 'claim-2' \(did you mean 'claim-1'\?\)"
    ):
        renderer.claim("claim-2")
    with pytest.raises(MacroError, match=r"cite\('nope'\): unknown source 'nope'"):
        renderer.cite("nope")
    with pytest.raises(MacroError, match=r"entity_page\('person', 'summit-1999'\): unknown person"):
        renderer.entity_page("person", "summit-1999")


def test_entity_page_heading_carries_the_data_id(dataset: Dataset) -> None:
    page = str(Renderer(dataset, _link).entity_page("person", "alice-example"))
    assert page.startswith("# Alice Example { #alice-example }\n")
    html = markdown.markdown(page, extensions=["attr_list"])
    assert '<h1 id="alice-example">Alice Example</h1>' in html


def test_md_text_escapes_markdown_and_html() -> None:
    assert md_text("a*b_[c](d) <e> & f") == r"a\*b\_\[c\]\(d\) &lt;e&gt; &amp; f"


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        ("2021-09-12", "2021-09-20", "12–20 September 2021"),
        ("2020-09-27", "2020-11-10", "27 September – 10 November 2020"),
        ("2024-04", "2024-06", "April–June 2024"),
        ("2016", "2023", "2016–2023"),
        ("2019-12-30", "2020-01-02", "30 December 2019 – 2 January 2020"),
        ("2024-07-03", None, "3 July 2024"),
        ("2024-07", None, "July 2024"),
        ("2016~", None, "c. 2016"),
        ("2024", None, "2024"),
        ("2024-07-03", "2024-07-04", "3–4 July 2024"),
    ],
)
def test_dates_keep_their_precision(start: str, end: str | None, text: str) -> None:
    end_date = PartialDate.parse(end) if end else None
    assert format_span(PartialDate.parse(start), end_date) == text
    assert format_date(None) == "date unknown"
