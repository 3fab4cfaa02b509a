"""Every page type as a reader sees it, in Chromium at 390 px (a phone, touch) and 1280 px,
in both palettes: nothing runs off the side, no word is broken inside a table cell, a
generated page has a table of contents and keeps its place in the navigation, markers and
labels are tap targets of 24 x 24 px, a marker opens its reference in place, filters
filter, and the graph's labels and lines can be read."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import browser, search, serve

PAGES = {
    "home": "",
    "written": "astana-2024/",
    "dispute": "disputes/nagorno-karabakh/",
    "person": "people/shehbaz-sharif/",
    "meeting": "meetings/astana-2024-07-03/",
    "country": "countries/turkiye/",
    "sources": "sources/",
    "audit": "article-audit/",
    "claims": "claims/",
    "people": "people/",
    "meetings": "meetings/",
}
GENERATED = {"dispute", "person", "meeting", "country"}
VIEWS = [(390, "default"), (390, "slate"), (1280, "default"), (1280, "slate")]

# Words broken across lines inside a table cell: a word whose text spans two line boxes.
BROKEN_WORDS = """() => {
  const broken = [];
  for (const cell of document.querySelectorAll('article td, article th')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const re = /\\S+/g; let m;
      while ((m = re.exec(node.data))) {
        const range = document.createRange();
        range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (tops.size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
}"""
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('article *')].filter(el => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.right > width + 1 && !el.closest('details:not([open])');
  });
  return [document.documentElement.scrollWidth - width, wide.slice(0, 3).map(e => e.outerHTML.slice(0, 80))];
}"""
SMALL_TARGETS = """() => [...document.querySelectorAll('article a.cite, article .badge[title], article .label[title]')]
  .filter(el => el.offsetParent !== null)
  .map(el => [el.textContent, el.getBoundingClientRect()])
  .filter(([, r]) => r.width < 24 || r.height < 24)
  .map(([t, r]) => `${t} ${Math.round(r.width)}x${Math.round(r.height)}`)"""


@pytest.fixture(scope="module")
def site(built_site: Path) -> Iterator[tuple[Any, str]]:
    with serve(built_site) as url, browser() as b:
        yield b, url


def _open(site: tuple[Any, str], path: str, width: int, scheme: str = "default") -> Any:
    b, url = site
    context = b.new_context(
        viewport={"width": width, "height": 900},
        has_touch=width < 600,
        is_mobile=width < 600,
        color_scheme="dark" if scheme == "slate" else "light",
    )
    page = context.new_page()
    page.goto(url + path)
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    return page


@pytest.mark.parametrize(("width", "scheme"), VIEWS, ids=[f"{w}-{s}" for w, s in VIEWS])
@pytest.mark.parametrize("kind", PAGES)
def test_page_reads_at_this_width(site: tuple[Any, str], kind: str, width: int, scheme: str) -> None:
    page = _open(site, PAGES[kind], width, scheme)
    try:
        excess, wide = page.evaluate(OVERFLOW)
        assert excess <= 0 and not wide, (kind, excess, wide)
        assert page.evaluate(BROKEN_WORDS) == [], kind
        if kind in GENERATED:
            toc = page.locator("nav.md-nav--secondary a.md-nav__link").all_text_contents()
            assert len(toc) >= 3 and "References" in [t.strip() for t in toc], (kind, toc)
        if width == 390:
            assert page.evaluate(SMALL_TARGETS) == [], kind
    finally:
        page.context.close()


@pytest.mark.parametrize(
    ("kind", "section"), [("person", "Leaders"), ("meeting", "Meetings"), ("dispute", "Disputes")]
)
def test_a_generated_page_keeps_its_section_highlighted_and_shows_where_it_is(
    site: tuple[Any, str], kind: str, section: str
) -> None:
    page = _open(site, PAGES[kind], 1280)
    try:
        active = page.locator(
            "nav.md-nav--primary .md-nav__item--active > a.md-nav__link"
        ).all_text_contents()
        assert [a.strip() for a in active] == [section]
        assert [p.strip() for p in page.locator("nav.md-path a").all_text_contents()] == ["Home", section]
    finally:
        page.context.close()


def test_a_marker_opens_its_reference_in_place_on_touch_with_a_way_back(site: tuple[Any, str]) -> None:
    page = _open(site, "astana-2024/", 390)
    try:
        marker = page.locator("article a.cite").first
        href = marker.get_attribute("href")
        before = page.evaluate("scrollY")
        marker.tap()
        pop = page.locator(".cite-pop")
        pop.wait_for()
        box, mark = pop.bounding_box(), marker.bounding_box()
        assert page.evaluate("scrollY") == before and page.evaluate("location.hash") == ""
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390  # within the screen, below the marker
        assert mark["y"] + mark["height"] <= box["y"] <= mark["y"] + mark["height"] + 10
        entry = page.locator(f"{href} summary").text_content()
        assert entry and entry.strip()[:30] in pop.text_content()
        assert pop.locator(f'a[href="{href}"]').count() == 1  # to the full list
        page.keyboard.press("Escape")
        assert pop.count() == 0
        assert page.evaluate("document.activeElement.classList.contains('cite')")
    finally:
        page.context.close()


def test_a_marker_shows_its_reference_on_hover(site: tuple[Any, str]) -> None:
    page = _open(site, "astana-2024/", 1280)
    try:
        marker = page.locator("article a.cite").first
        title = page.locator(f"{marker.get_attribute('href')} summary").text_content() or ""
        marker.hover()
        tip = page.locator(".md-tooltip2--active")
        tip.wait_for()
        assert title.strip()[:40] in (tip.text_content() or "")
    finally:
        page.context.close()


def test_without_the_script_a_reference_links_back_to_its_marker(site: tuple[Any, str]) -> None:
    page = _open(site, "astana-2024/", 390)
    try:
        first = page.locator("article a.cite").first
        back = page.locator(f"{first.get_attribute('href')} a.ref__back")
        assert back.get_attribute("href") == f"#{first.get_attribute('id')}"
        box = back.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24
    finally:
        page.context.close()


@pytest.mark.parametrize(
    ("path", "option", "shown"),
    [
        ("article-audit/", "#show-verdict-contested", ".audit__item.f-verdict-contested"),
        ("article-audit/", "#show-status-outdated", ".audit__item.f-status-outdated"),
        ("claims/", "#show-kind-allegation", ".claim.f-kind-allegation"),
        ("sources/", "#show-origin-mirror", ".source.f-origin-mirror"),
    ],
)
def test_a_filter_shows_only_the_matching_items(
    site: tuple[Any, str], path: str, option: str, shown: str
) -> None:
    page = _open(site, path, 1280)
    try:
        everything = page.locator(".f-item:visible").count()
        page.locator(f'nav.filter a[href="{option}"]').click()
        visible = page.locator(".f-item:visible")
        assert 0 < visible.count() == page.locator(shown).count() < everything
        assert visible.count() == page.locator(f"{shown}:visible").count()
        page.locator("nav.filter a.filter__option--all").click()
        assert page.locator(".f-item:visible").count() == everything
    finally:
        page.context.close()


def test_graph_labels_are_12px_or_more_on_a_phone(site: tuple[Any, str]) -> None:
    page = _open(site, "disputes/nagorno-karabakh/", 390)
    try:
        sizes = page.evaluate(
            """() => [...document.querySelectorAll('svg.graph-svg')].flatMap(svg => {
              const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
              return [...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
            })"""
        )
        assert sizes and min(sizes) >= 12, min(sizes)
        legend = page.evaluate(
            "[...document.querySelectorAll('ul.graph-legend li')].map(li => parseFloat(getComputedStyle(li).fontSize))"
        )
        assert legend and min(legend) >= 12
    finally:
        page.context.close()


CONTRAST = """() => {
  const lum = c => { const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(v => {
      v = v / 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const bg = getComputedStyle(document.querySelector('.md-main')).backgroundColor;
  const paper = bg === 'rgba(0, 0, 0, 0)' ? getComputedStyle(document.body).backgroundColor : bg;
  return [...document.querySelectorAll('svg.graph-svg .g-edge path')].map(p => ratio(getComputedStyle(p).stroke, paper));
}"""


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_graph_lines_keep_3_to_1_contrast_in_either_palette(site: tuple[Any, str], scheme: str) -> None:
    page = _open(site, "format/", 1280, scheme)
    try:
        ratios = page.evaluate(CONTRAST)
        assert ratios and min(ratios) >= 3, (scheme, min(ratios))
    finally:
        page.context.close()


SPELLINGS = [
    ("Шариф", "people/shehbaz-sharif"),
    ("Эрдоган", "people/recep-tayyip-erdogan"),
    ("Şehbaz", "people/shehbaz-sharif"),
    ("Алиев", "people/ilham-aliyev"),
    ("Пашинян", "people/nikol-pashinyan"),
    ("Макрон", "people/emmanuel-macron"),
    ("Байрамов", "people/jeyhun-bayramov"),  # made by rule: the data has no Russian form
    ("Чавушоглу", "people/mevlut-cavusoglu"),
    ("vezifesinden", "sources/#source-gpb-1tv-az-fm-dismissed-2020-07"),  # accents folded on any page
]


@pytest.mark.parametrize(("query", "target"), SPELLINGS, ids=[q for q, _ in SPELLINGS])
def test_search_finds_every_spelling(site: tuple[Any, str], query: str, target: str) -> None:
    page = _open(site, "", 1280)
    try:
        results = [r.replace("?h=" + query, "").split("?")[0] for r in search(page, query)]
        assert results, query
        if "#" in target:  # found on its own anchor
            assert any(r.endswith(target) for r in results), (query, results)
        else:  # the person's page first
            assert results[0].rstrip("/").endswith(target), (query, results[:3])
    finally:
        page.context.close()
