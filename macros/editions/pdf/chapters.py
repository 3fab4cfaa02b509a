"""Built pages -> chapters of the PDF, by walking the HTML tree (selectolax, an HTML5
parser), never by regular expressions over Material's markup.

Each chapter's ids get the prefix `c<n>-` so that ids stay unique in one document; links
between pages become links within the PDF, or plain text where the target is not in it;
collapsed details are opened; the "cite this page" box and heading permalinks go. A page
with a `rel=attachment` link or stylesheet is refused: WeasyPrint would embed the file.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

ENTITY_INDEXES = ("people/index.html", "meetings/index.html", "disputes/index.html")


class PdfError(Exception):
    """Why the PDF edition was not written: one problem per line."""


DROPPED = "a.headerlink, details.cite-box, script, style"


@dataclass(frozen=True)
class Chapter:
    number: int
    page: str  # site-relative path of the built page
    level: int  # 1 for a page in the nav, 2 for a page listed by an index page
    title: str
    html: str


def page_file(href: str, base: str) -> str:
    """The built file a relative link from page `base` points at."""
    path = posixpath.normpath(posixpath.join(posixpath.dirname(base), href.split("#")[0] or "."))
    path = "" if path == "." else path
    return path if path.endswith(".html") else f"{path}/index.html".lstrip("/")


def _article(site: Path, page: str) -> LexborNode:
    tree = LexborHTMLParser((site / page).read_text(encoding="utf-8"))
    article = tree.css_first("article.md-content__inner")
    if article is None:
        raise ValueError(f"{page}: no article body found")
    return article


def chapter_order(site: Path) -> list[tuple[str, int]]:
    """(page file, level): the nav's pages, each entity index followed by its entity pages."""
    home = LexborHTMLParser((site / "index.html").read_text(encoding="utf-8"))
    order: dict[str, int] = {}
    for link in home.css("nav.md-nav--primary a.md-nav__link[href]"):
        page = page_file(link.attrs.get("href") or "", "index.html")
        if "#" in (link.attrs.get("href") or "") or page in order or not (site / page).is_file():
            continue
        order[page] = 1
        if page in ENTITY_INDEXES:
            for entity in _article(site, page).css("a[href]"):
                href = entity.attrs.get("href") or ""
                child = page_file(href, page)
                if href.count("/") == 1 and href.endswith("/") and child not in order:
                    order[child] = 2
    return list(order.items())


def _relink(node: LexborNode, n: int, page: str, numbers: dict[str, int]) -> None:
    href = node.attrs.get("href") or ""
    if href.startswith(("http:", "https:", "mailto:")):
        return
    if href.startswith("#"):
        node.attrs["href"] = f"#c{n}-{href[1:]}"
        return
    target = page_file(href, page)
    fragment = href.split("#", 1)[1] if "#" in href else "top"
    if target in numbers:
        node.attrs["href"] = f"#c{numbers[target]}-{fragment}"
    else:  # not in the PDF: keep the text, drop the link
        del node.attrs["href"]


def _rebase(article: LexborNode, page: str) -> None:
    """Resources (images, stylesheets) relative to `page` made relative to the site's root,
    which is the PDF's base; the URL fetcher then reads only what is inside the site."""
    for node, attr in [(n, "src") for n in article.css("[src]")] + [
        (n, "href") for n in article.css("link[href]")
    ]:
        url = node.attrs.get(attr) or ""
        if url and not url.startswith(("#", "/")) and ":" not in url.split("/")[0]:
            node.attrs[attr] = posixpath.normpath(posixpath.join(posixpath.dirname(page), url))


def _prefix_ids(article: LexborNode, n: int) -> None:
    for node in article.css("[id]"):
        node.attrs["id"] = f"c{n}-{node.attrs['id']}"
    for node in article.css("[aria-labelledby]"):
        tokens = (node.attrs.get("aria-labelledby") or "").split()
        node.attrs["aria-labelledby"] = " ".join(f"c{n}-{t}" for t in tokens)
    for attr in ("marker-end", "marker-start"):
        for node in article.css(f"[{attr}]"):
            value = node.attrs.get(attr) or ""
            if value.startswith("url(#"):
                node.attrs[attr] = f"url(#c{n}-{value[5:]}"


def read_chapter(site: Path, page: str, level: int, numbers: dict[str, int]) -> Chapter:
    n = numbers[page]
    article = _article(site, page)
    attachment = article.css_first('[rel~="attachment" i]')
    if attachment is not None:
        target = attachment.attrs.get("href") or ""
        raise PdfError(
            f"{page}: rel=attachment would embed {target[:100]!r} in the PDF; the PDF embeds no file"
        )
    for node in article.css(DROPPED):
        node.decompose()
    for node in article.css("details"):
        node.attrs["open"] = ""
    _rebase(article, page)
    _prefix_ids(article, n)
    for node in article.css("a[href]"):
        _relink(node, n, page, numbers)
    heading = article.css_first("h1")
    title = heading.text(strip=True) if heading else page
    return Chapter(n, page, level, title, article.inner_html or "")


def read_chapters(site: Path) -> list[Chapter]:
    order = chapter_order(site)
    numbers = {page: n for n, (page, _) in enumerate(order, start=1)}
    return [read_chapter(site, page, level, numbers) for page, level in order]
