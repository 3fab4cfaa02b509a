"""Macro HTML kept out of Python-Markdown (macros/pages/stash.py, hooks/html_blocks.py):
the page comes out as before, its headings still in the table of contents and in search,
and no page can make a placeholder of its own."""

from __future__ import annotations

import json
import re
from pathlib import Path

import markdown
import pytest
from conftest import real_data
from selectolax.lexbor import LexborHTMLParser
from small_build import MACRO_PAGE, run, small_project, write

from macros.core.routes import page_of
from macros.pages.render import Renderer
from macros.pages.stash import HEADING, BlockStash, without_late_marks

DATA = real_data()
NONCE = "0123456789abcdef01234567"
EXTENSIONS = ["attr_list", "admonition", "footnotes", "toc"]  # as mkdocs.yml


def _link(rid: str) -> str:
    route = page_of(DATA.kind_of[rid], rid)
    assert route is not None, rid
    return route.src + (f"#{route.anchor}" if route.anchor else "")


def _convert(text: str) -> tuple[str, list[dict[str, object]]]:
    md = markdown.Markdown(extensions=EXTENSIONS)
    html = md.convert(text)
    return html, md.toc_tokens  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("kind", "rid"),
    [
        ("dispute", "nagorno-karabakh"),  # with a timeline and a graph inside the page's block
        ("country", "azerbaijan"),
        ("meeting", "lachin-2025-05-28"),
        ("person", "ilham-aliyev"),
    ],
)
def test_a_page_with_its_blocks_held_comes_out_as_markdown_made_it(kind: str, rid: str) -> None:
    plain = Renderer(DATA, _link)
    page = str(plain.entity_page(kind, rid)) + str(plain.references())
    stash = BlockStash(NONCE)
    held = Renderer(DATA, _link, stash=stash)
    text = str(held.entity_page(kind, rid)) + str(held.references())
    # Markdown sees headings and placeholders only
    placeholders = {stash.placeholder(n) for n in range(len(stash.blocks))}
    assert all(not line or line in placeholders or HEADING.match(line) for line in text.split("\n"))
    expected, expected_toc = _convert(page)
    converted, toc = _convert(text)
    html, problems = stash.put_back(converted)
    assert problems == []
    html = stash.put_back_late(html)  # the references, after search (a test below)
    assert toc == expected_toc and len(toc) == 1 and toc[0]["children"]
    # Markdown put a blank line between two HTML blocks; nothing else differs
    assert re.sub(r"\n+", "\n", html) == re.sub(r"\n+", "\n", expected)


def test_only_a_template_heading_is_left_to_markdown() -> None:
    stash = BlockStash(NONCE)
    text = stash.hold("<div>\n# not a heading\n## nor { this\n</div>\n\n## Kept { #kept }\n\n<p>after</p>\n")
    assert text.count(stash.placeholder(0)) == 1 and text.count(stash.placeholder(1)) == 1
    assert "## Kept { #kept }" in text and "# not a heading" not in text
    assert stash.blocks == ["<div>\n# not a heading\n## nor { this\n</div>", "<p>after</p>"]


def test_a_placeholder_out_of_place_twice_or_unknown_is_reported_and_left() -> None:
    stash = BlockStash(NONCE)
    stash.hold("<p>one</p>")
    token = stash.placeholder(0)
    for html in (
        f"<pre><code>{token}</code></pre>",
        f"<p>{token}</p><p>{token}</p>",
        f"<p>{stash.placeholder(1)}</p><p>{token}</p>",
    ):
        out, problems = stash.put_back(html)
        assert problems and "on a line of its own" in problems[0], html
        assert out.count("<p>one</p>") <= 1
    assert stash.put_back("<p>nothing here</p>")[1] == [
        "1 block(s) of macro output were lost in the Markdown conversion"
    ]
    other = f"<p>{BlockStash('f' * 24).placeholder(0)}</p>"
    assert stash.put_back(other + f"<p>{token}</p>") == (other + "<p>one</p>", [])


def test_a_late_block_waits_in_an_element_search_leaves_out_then_comes_back() -> None:
    stash = BlockStash(NONCE)
    text = stash.hold("<p>body</p>") + stash.hold('<ol class="references">…</ol>', late=True)
    html, problems = stash.put_back(_convert(text)[0])
    waiting = f"<div data-search-exclude>{stash.placeholder(1)}</div>"
    assert problems == [] and html == f"<p>body</p>\n{waiting}"
    assert stash.put_back_late(html) == '<p>body</p>\n<ol class="references">…</ol>'
    with pytest.raises(ValueError, match="lost"):
        stash.put_back_late("<p>body</p>")


def test_late_regions_nested_in_a_block_come_back_in_place_and_in_order() -> None:
    stash = BlockStash(NONCE)
    block = (
        "<p>lead</p>\n<!--late--><ul><li>a</li>"
        "<!--late--><div>a's details</div><!--/late--></ul><!--/late-->\n"
        "<p>middle</p>\n<!--late--><p>second</p><!--/late-->"
    )
    text = stash.hold(block)
    html, problems = stash.put_back(_convert(text)[0])
    assert problems == []
    # search reads the block with both regions as empty elements it leaves out
    assert "<li>" not in html and "second" not in html
    assert html.startswith("<p>lead</p>\n<div data-search-exclude>") and "<p>middle</p>" in html
    assert stash.put_back_late(html) == (
        "<p>lead</p>\n<ul><li>a</li><div>a's details</div></ul>\n<p>middle</p>\n<p>second</p>"
    )


def test_without_a_stash_a_late_region_is_its_html() -> None:
    assert without_late_marks("<p>a</p><!--late--><p>b<!--late-->c<!--/late--></p><!--/late-->") == (
        "<p>a</p><p>bc</p>"
    )


@pytest.mark.parametrize(
    ("html", "message"),
    [
        ("<p>a</p><!--late--><p>b</p>", "not closed"),
        ("<p>a</p><!--/late--><p>b</p>", "not opened"),
        ("<!--late--><!--late--><p>b</p><!--/late-->", "not closed"),
    ],
)
def test_an_unbalanced_late_marker_is_refused_with_or_without_a_stash(html: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        BlockStash(NONCE).hold(html)
    with pytest.raises(ValueError, match=message):
        without_late_marks(html)


def test_a_late_region_lost_or_repeated_by_the_page_is_reported() -> None:
    stash = BlockStash(NONCE)
    html, _ = stash.put_back(_convert(stash.hold("<p>x</p><!--late--><p>y</p><!--/late-->"))[0])
    with pytest.raises(ValueError, match="lost or repeated"):
        stash.put_back_late(html.replace("<div data-search-exclude>", "<div>"))
    waiting = html[html.index("<div data-search-exclude>") :]
    with pytest.raises(ValueError, match="lost or repeated"):
        stash.put_back_late(html + waiting)


def test_search_reads_a_generated_page_s_lead_and_not_its_lists(built_site: Path) -> None:
    """A meeting's page keeps its claims, but its search entries are its lead and its
    participants: each claim is found on All claims, on its own anchor."""
    page = _page(built_site, "meetings/lachin-2025-05-28")
    claim_ids = [d.attributes["id"] for d in page.css("#outcomes ~ .claim[id]")]
    assert claim_ids and all(page.css_first(f"#{c}") is not None for c in claim_ids)
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    entries = {d["location"]: d for d in index["docs"]}
    of_page = sorted(loc for loc in entries if loc.startswith("meetings/lachin-2025-05-28/"))
    assert of_page == ["meetings/lachin-2025-05-28/", "meetings/lachin-2025-05-28/#participants"]
    assert "Shehbaz Sharif" in entries["meetings/lachin-2025-05-28/#participants"]["text"]
    for cid in claim_ids:
        assert entries[f"claims/#{cid}"]["text"] == ""  # indexed by its heading, the claim's text
        assert entries[f"claims/#{cid}"]["title"]


def test_a_nonce_is_hex_only() -> None:
    with pytest.raises(ValueError):
        BlockStash("N0X<p>")


def _page(site: Path, path: str) -> LexborHTMLParser:
    return LexborHTMLParser((site / path / "index.html").read_text(encoding="utf-8"))


def test_in_a_build_headings_reach_the_toc_and_search_and_a_forged_placeholder_stays_text(
    tmp_path: Path,
) -> None:
    project = small_project(tmp_path)
    forged = BlockStash("ab" * 12).placeholder(0)
    write(project, "docs/forged.md", MACRO_PAGE + f'# Forged\n\n{forged}\n\n{{{{ claim("claim-1") }}}}\n')
    outcome = run(project)
    assert outcome.error is None, outcome.output
    page = _page(outcome.site, "forged")
    assert [p.text() for p in page.css("article p") if forged in p.text()] == [forged]
    assert len(page.css("#claim-claim-1")) == 1
    assert len(page.css("ol.references li")) == 1  # put back after search read the page
    claims = _page(outcome.site, "claims")
    headings = [
        h.attributes["id"]
        for h in claims.css("article h2[id], article h3[id]")
        if h.css_first("a.headerlink")
    ]
    # Material shows the table of contents twice (in the site nav and beside the page)
    toc = list(
        dict.fromkeys(a.attributes["href"] for a in claims.css("nav.md-nav--secondary a.md-nav__link"))
    )
    assert headings and toc == [f"#{h}" for h in headings]
    index = json.loads((outcome.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    located = {d["location"] for d in index["docs"]}
    assert {f"claims/#{h}" for h in headings} <= located
    for site_page in outcome.site.rglob("*.html"):
        assert "BRIEFINGBLOCK" not in site_page.read_text(encoding="utf-8").replace(forged, ""), site_page


def test_a_block_macro_inside_a_code_block_fails_the_build(tmp_path: Path) -> None:
    project = small_project(tmp_path)
    write(project, "docs/fenced.md", MACRO_PAGE + '# Fenced\n\n```\n{{ claim("claim-1") }}\n```\n')
    outcome = run(project)
    assert outcome.error is not None
    assert "docs/fenced.md: a block macro is called inside other markup" in outcome.output
