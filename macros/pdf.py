"""The PDF edition: every page of a built site, in nav order, as one printed document.

The chapters are the built pages' article bodies, so the PDF says exactly what the
website says. Ids are prefixed per chapter, links between pages become links within
the PDF (or plain text where the target is not in it), and collapsed details are
opened. WeasyPrint prints it with CSS paged media: a cover with the edition date and
version, a table of contents with page numbers, running headers and page numbers. Each
chapter ends with its references, URLs printed in full; the bibliography is a chapter.
"""

from __future__ import annotations

import posixpath
import re
from datetime import datetime
from html import escape
from pathlib import Path

ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(.*?)</article>', re.S)
PRIMARY_NAV = re.compile(
    r'<nav class="md-nav md-nav--primary".*?(?=<div class="md-sidebar md-sidebar--secondary")', re.S
)
H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
ENTITY_INDEXES = ("people/index.html", "meetings/index.html", "disputes/index.html")
CSS = Path(__file__).parent / "templates" / "pdf.css"


def _page_file(href: str, base: str) -> str:
    path = posixpath.normpath(posixpath.join(posixpath.dirname(base), href.split("#")[0] or "."))
    path = "" if path == "." else path
    return f"{path}/index.html".lstrip("/") if not path.endswith(".html") else path


def chapter_order(site: Path) -> list[tuple[str, int]]:
    """(page file, level): the nav's pages, each index followed by its entity pages."""
    home = (site / "index.html").read_text(encoding="utf-8")
    nav = PRIMARY_NAV.search(home)
    assert nav, "no primary navigation found in index.html"
    order: list[tuple[str, int]] = []
    for href in re.findall(r'<a href="([^"#]*)"[^>]*class="md-nav__link', nav.group(0)):
        page = _page_file(href, "index.html")
        if (site / page).is_file() and page not in [p for p, _ in order]:
            order.append((page, 1))
            if page in ENTITY_INDEXES:
                body = ARTICLE.search((site / page).read_text(encoding="utf-8")).group(1)
                for entity in re.findall(r'<a href="([a-z0-9-]+/)"', body):
                    child = _page_file(entity, page)
                    if child not in [p for p, _ in order]:
                        order.append((child, 2))
    return order


def _chapter(site: Path, page: str, n: int, numbers: dict[str, int]) -> tuple[str, str]:
    html = ARTICLE.search((site / page).read_text(encoding="utf-8")).group(1)
    html = re.sub(r'<a class="headerlink"[^>]*>.*?</a>', "", html, flags=re.S)
    html = re.sub(r'<details class="cite-box">.*?</details>', "", html, flags=re.S)
    html = re.sub(r"<details(?![^>]*\bopen\b)", "<details open", html)
    html = re.sub(r'\sid="([^"]+)"', lambda m: f' id="c{n}-{m[1]}"', html)
    html = re.sub(
        r'aria-labelledby="([^"]+)"',
        lambda m: 'aria-labelledby="' + " ".join(f"c{n}-{t}" for t in m[1].split()) + '"',
        html,
    )
    html = re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#c{n}-{m[1]})", html)

    def relink(m: re.Match[str]) -> str:
        href = m[1]
        if re.match(r"(?i)(https?:|mailto:)", href):
            return m[0]
        if href.startswith("#"):
            return f'href="#c{n}-{href[1:]}"'
        target = _page_file(href, page)
        fragment = href.split("#", 1)[1] if "#" in href else ""
        if target in numbers:
            return f'href="#c{numbers[target]}-{fragment or "top"}"'
        return f'data-online-href="{href}"'  # not in the PDF: keep the text, drop the link

    html = re.sub(r'href="([^"]*)"', relink, html)
    title = H1.search(html)
    plain = re.sub(r"<[^>]+>", "", title.group(1)).strip() if title else page
    return html, plain


def combined_html(site: Path, edition: datetime, version: str) -> str:
    order = chapter_order(site)
    numbers = {page: n for n, (page, _) in enumerate(order, start=1)}
    chapters, toc = [], []
    for page, level in order:
        n = numbers[page]
        body, title = _chapter(site, page, n, numbers)
        chapters.append(f'<section class="chapter level-{level}" id="c{n}-top">{body}</section>')
        toc.append(f'<li class="toc-{level}"><a href="#c{n}-top">{title}</a></li>')
    cover = (
        '<section class="cover"><p class="cover-kicker">A sourced briefing</p>'
        '<h1 class="cover-title">The Three Brothers briefing</h1>'
        '<p class="cover-subtitle">Türkiye, Azerbaijan and Pakistan: leaders, meetings and disputes</p>'
        f'<p class="cover-edition">Edition of {edition:%-d %B %Y}<br>Version {escape(version)}</p>'
        '<p class="cover-note">Printed from the same data and pages as the website. Every claim carries '
        "its label (fact, statement, allegation, opinion) and numbered references; each chapter ends "
        "with its references, with addresses printed in full, and the bibliography is the chapter "
        "Sources.</p></section>"
    )
    contents = f'<section class="toc"><h2 class="toc-title">Contents</h2><ol>{"".join(toc)}</ol></section>'
    css = CSS.read_text(encoding="utf-8")
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>The Three Brothers briefing'
        f"</title><style>{css}</style></head><body>{cover}{contents}{''.join(chapters)}</body></html>"
    )


def write_pdf(site: Path, out: Path, edition: datetime, version: str) -> int:
    """Print the PDF edition of `site` to `out`; return its page count."""
    from weasyprint import HTML

    out.parent.mkdir(parents=True, exist_ok=True)
    document = HTML(string=combined_html(site, edition, version), base_url=str(site)).render()
    document.metadata.title = "The Three Brothers briefing"
    document.write_pdf(out)
    return len(document.pages)
