"""Search finds people in every spelling: typed into the real search box in Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import browser, search, serve

from macros.pages.search_terms import fold

QUERIES = [
    ("Erdogan", "recep-tayyip-erdogan"),
    ("Erdoğan", "recep-tayyip-erdogan"),
    ("Aliyev", "ilham-aliyev"),
    ("Əliyev", "ilham-aliyev"),
    ("Aliev", "ilham-aliyev"),
    ("Sharif", "shehbaz-sharif"),
    ("Shehbaz", "shehbaz-sharif"),
    ("Shahbaz", "shehbaz-sharif"),
    ("شہباز شریف", "shehbaz-sharif"),
    ("Pashinyan", "nikol-pashinyan"),
    ("Փաշինյան", "nikol-pashinyan"),
    ("Путин", "vladimir-putin"),
    ("Sebastien Lecornu", "sebastien-lecornu"),
]


@pytest.fixture(scope="module")
def home(built_site: Path):
    """One page for every query: the search index is built once, as a reader's would be."""
    with serve(built_site) as url, browser() as b:
        page = b.new_page()
        page.goto(url)
        yield page


@pytest.mark.parametrize(("query", "person"), QUERIES, ids=[q for q, _ in QUERIES])
def test_query_puts_the_person_first(home, query: str, person: str) -> None:
    results = search(home, query)
    assert results, f"no results for {query!r}"
    assert results[0].split("?")[0].rstrip("/").endswith(f"people/{person}"), (query, results[:3])


def test_fold() -> None:
    assert fold("İlham Heydər oğlu Əliyev") == "Ilham Heyder oglu Eliyev"
    assert fold("Sébastien Çavuşoğlu") == "Sebastien Cavusoglu"
    assert fold("شہباز شریف") == "شہباز شریف"
