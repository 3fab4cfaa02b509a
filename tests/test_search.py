"""Search finds people in every spelling, and the topics of 2025–2026 on the page a reader
wants: typed into the real search box in Chromium."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from browser import browser, search, serve
from material.plugins.search.plugin import SearchIndex
from mkdocs.structure.toc import get_toc

from macros import worker
from macros.pages.search_terms import fold
from macros.worker import PageForSearch, SearchSide

QUERIES = [
    ("Erdogan", "people/recep-tayyip-erdogan"),
    ("Erdoğan", "people/recep-tayyip-erdogan"),
    ("Aliyev", "people/ilham-aliyev"),
    ("Əliyev", "people/ilham-aliyev"),
    ("Aliev", "people/ilham-aliyev"),
    ("Sharif", "people/shehbaz-sharif"),
    ("Shehbaz", "people/shehbaz-sharif"),
    ("Shahbaz", "people/shehbaz-sharif"),
    ("شہباز شریف", "people/shehbaz-sharif"),
    ("Pashinyan", "people/nikol-pashinyan"),
    ("Փաշինյան", "people/nikol-pashinyan"),
    ("Путин", "people/vladimir-putin"),
    ("Sebastien Lecornu", "people/sebastien-lecornu"),
    # topics of 2025–2026
    ("Sindoor", "disputes/kashmir"),
    ("Erhürman", "people/tufan-erhurman"),
    ("Erhurman", "people/tufan-erhurman"),
    ("Minsk Group", "disputes/nagorno-karabakh"),
    ("Lachin", "meetings/lachin-2025-05-28"),
    ("Cyprus", "disputes/cyprus-dispute"),
    ("Türkiye Cumhuriyeti", "countries/turkiye"),
]


@pytest.fixture(scope="module")
def home(built_site: Path):
    """One page for every query: the search index is built once, as a reader's would be."""
    with serve(built_site) as url, browser() as b:
        page = b.new_page()
        page.goto(url)
        yield page


@pytest.mark.parametrize(("query", "target"), QUERIES, ids=[q for q, _ in QUERIES])
def test_query_puts_the_right_page_first(home, query: str, target: str) -> None:
    results = search(home, query)
    assert results, f"no results for {query!r}"
    assert results[0].split("?")[0].split("#")[0].rstrip("/").endswith(target), (query, results[:3])


def test_fold() -> None:
    assert fold("İlham Heydər oğlu Əliyev") == "Ilham Heyder oglu Eliyev"
    assert fold("Sébastien Çavuşoğlu") == "Sebastien Cavusoglu"
    assert fold("شہباز شریف") == "شہباز شریف"


def _page(url: str, content: str, **meta: object) -> PageForSearch:
    html = markdown.Markdown(extensions=["attr_list", "toc"])
    converted = html.convert(content)
    toc = get_toc(html.toc_tokens)  # type: ignore[attr-defined]
    return PageForSearch(url, "Title", converted, toc, dict(meta), "entity" in meta)


def test_the_worker_makes_the_entries_the_plugin_would_and_keeps_page_order() -> None:
    pages = [
        _page("a/", "# A\n\nLead of a.\n\n## One { #one }\n\nAzərbaycan text.\n"),
        _page("b/", "# B\n\n## Empty { #empty }\n\n## Full { #full }\n\nText.\n", entity="person/b"),
    ]
    side = SearchSide()
    for page in pages:
        side.add(page)
        assert side.sent(page.url, page.content)
    expected = []
    for page in pages:
        index = SearchIndex()
        index.add_entry_from_context(page)
        expected += index.entries
    side._flush()  # to the worker, and made there (else the build makes what it was not handed)
    assert all(future is not None and future.result(timeout=120) for _, future in side.pending)
    entries = side.entries()
    assert [e["location"] for e in entries] == ["a/", "a/#one", "b/", "b/#full"]
    plain = [{k: v for k, v in e.items() if k != "folded"} for e in entries]
    assert plain == [e for e in expected if e["location"] != "b/#empty"]
    assert entries[1]["folded"] == "azerbaycan"


def test_a_page_changed_after_it_was_sent_is_left_to_the_plugin() -> None:
    side = SearchSide()
    first, second = _page("a/", "# A\n\nText.\n"), _page("b/", "# B\n\nText.\n")
    side.add(first)
    side.add(second)
    assert side.sent("a/", first.content) and not side.sent("b/", second.content + "<p>more</p>")
    assert not side.sent("c/", "<p>never sent</p>")
    assert [e["location"] for e in side.entries()] == ["a/"]


def test_without_a_worker_the_entries_are_made_in_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    pages = [_page("a/", "# A\n\nLead.\n\n## One { #one }\n\nText.\n")]
    side = SearchSide()
    side.add(pages[0])
    expected = side.entries()

    def broken() -> None:
        raise RuntimeError("the worker cannot start")

    monkeypatch.setattr(worker, "_POOL", [])  # the session's worker is not the one given up
    monkeypatch.setattr(worker, "_pool", broken)
    side = SearchSide()
    side.add(pages[0])
    assert side.entries() == expected
