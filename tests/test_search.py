"""Search finds people in every spelling, and the topics of 2025–2026 on the page a reader
wants: typed into the real search box in Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import browser, search, serve

from macros.pages.search_terms import fold

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
