"""Accessibility: axe-core over every type of page, in both palettes, in Debian's Chromium.

axe-core comes from npm (pinned in package.json, installed by `make test`) and is injected
into each page served from the built site. A serious or critical violation of WCAG 2.1 A/AA
fails, with the rule, the number of elements and the first few of them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import browser, search, serve
from conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# One page of each type a reader meets: (what it is, its path in the site).
PAGES = [
    ("home", ""),
    ("written page with claims", "astana-2024/"),
    ("page with timeline and graph", "format/"),
    ("dispute", "disputes/nagorno-karabakh/"),
    ("person", "people/shehbaz-sharif/"),
    ("meeting", "meetings/astana-2024-07-03/"),
    ("country", "countries/turkiye/"),
    ("index of people", "people/"),
    ("sources", "sources/"),
    ("all claims", "claims/"),
    ("audit", "article-audit/"),
    ("data", "data/"),
    ("search results open", "?search=Aliyev"),
]
# Material's palettes follow the reader's colour-scheme preference (mkdocs.yml `palette`).
PALETTES = {"light": "default", "dark": "slate"}


@pytest.fixture(scope="module")
def site(built_site: Path) -> Iterator[tuple[Any, str]]:
    assert AXE.is_file(), f"{AXE} is missing: run `npm ci --ignore-scripts` (make test does)"
    with serve(built_site) as url, browser() as b:
        yield b, url


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Serious and critical WCAG 2.1 A/AA violations on the page as it is now."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        TAGS,
    )
    return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]


def describe(violations: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"  [{v['impact']}] {v['id']} on {len(v['nodes'])} elements: {v['help']}; "
        + "; ".join(" ".join(n["target"]) for n in v["nodes"][:3])
        for v in violations
    )


@pytest.mark.parametrize("palette", PALETTES)
@pytest.mark.parametrize(("kind", "path"), PAGES, ids=[k for k, _ in PAGES])
def test_no_serious_accessibility_violation(
    site: tuple[Any, str], kind: str, path: str, palette: str
) -> None:
    b, url = site
    context = b.new_context(color_scheme=palette)
    try:
        page = context.new_page()
        query = path.removeprefix("?search=") if path.startswith("?search=") else None
        page.goto(url if query else url + path)
        assert page.locator("body").get_attribute("data-md-color-scheme") == PALETTES[palette]
        if query:
            assert search(page, query), f"no results for {query!r}"
            assert page.locator(".md-search-result__item").first.is_visible()
        violations = axe_violations(page)
    finally:
        context.close()
    assert not violations, f"{kind} ({path or '/'}, {palette}):\n" + describe(violations)
