"""Built pages -> chapters of the PDF, by walking the HTML tree (selectolax, an HTML5
parser), never by regular expressions over Material's markup.

Each chapter's ids get the prefix `c<n>-` so that ids stay unique in one document; links
between pages become links within the PDF, or plain text where the target is not in it;
collapsed details are opened; the "cite this page" box, heading permalinks, filters and
the reference lists' back links go. A page with a `rel=attachment` link or stylesheet is
refused: WeasyPrint would embed the file.

The home page is not a chapter: its sections of claims become the summary after the
cover. The "All claims" page becomes an index (claims.py): each claim is printed in full
once, in the first topic chapter that shows it, and links to a claim lead there.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .claims import CLAIMS_PAGE, HOME, Section, claim_sections

ENTITY_INDEXES = (
    "people/index.html",
    "meetings/index.html",
    "disputes/index.html",
    "countries/index.html",
)


class PdfError(Exception):
    """Why the PDF edition was not written: one problem per line."""


# Screen-only parts: permalinks, the cite box, a list's filter, and in reference lists the
# way back to a marker and the number the printed list already gives.
DROPPED = "a.headerlink, details.cite-box, script, style, nav.filter, .ref__num, a.ref__back, .ref__cited-at"


@dataclass(frozen=True)
class Chapter:
    number: int
    page: str  # site-relative path of the built page
    level: int  # 1 for a page in the nav, 2 for a page listed by an index page
    title: str
    html: str


@dataclass(frozen=True)
class Book:
    chapters: list[Chapter]
    summary: list[Section]  # the home page's sections of claims
    printed_in: dict[str, int]  # claim id -> number of the chapter that prints it in full
    index: list[Section]  # the All claims page's headings and claims, for its index


def page_file(href: str, base: str) -> str:
    """The built file a relative link from page `base` points at."""
    path = posixpath.normpath(posixpath.join(posixpath.dirname(base), href.split("#")[0] or "."))
    path = "" if path == "." else path
    return path if path.endswith(".html") else f"{path}/index.html".lstrip("/")


def _article_of(tree: LexborHTMLParser, page: str) -> LexborNode:
    article = tree.css_first("article.md-content__inner")
    if article is None:
        raise ValueError(f"{page}: no article body found")
    return article


def _article(site: Path, page: str) -> LexborNode:
    return _article_of(LexborHTMLParser((site / page).read_text(encoding="utf-8")), page)


def chapter_order(site: Path) -> list[tuple[str, int]]:
    """(page file, level): the nav's pages, each entity index followed by its entity pages."""
    home = LexborHTMLParser((site / "index.html").read_text(encoding="utf-8"))
    order: dict[str, int] = {}
    for link in home.css("nav.md-nav--primary a.md-nav__link[href]"):
        page = page_file(link.attrs.get("href") or "", "index.html")
        if "#" in (link.attrs.get("href") or "") or page in order or not (site / page).is_file():
            continue
        if page == HOME:
            continue  # the summary takes its place
        order[page] = 1
        if page in ENTITY_INDEXES:
            for entity in _article(site, page).css("a[href]"):
                href = entity.attrs.get("href") or ""
                child = page_file(href, page)
                if href.count("/") == 1 and href.endswith("/") and child not in order:
                    order[child] = 2
    return list(order.items())


def _relink(node: LexborNode, n: int, page: str, numbers: dict[str, int], printed_in: dict[str, int]) -> None:
    href = node.attrs.get("href") or ""
    if href.startswith(("http:", "https:", "mailto:")):
        return
    target = page if href.startswith("#") else page_file(href, page)
    fragment = href.split("#", 1)[1] if "#" in href else "top"
    claim = fragment.removeprefix("claim-") if fragment.startswith("claim-") else None
    if target == CLAIMS_PAGE and claim in printed_in:  # to where the claim is printed in full
        node.attrs["href"] = f"#c{printed_in[claim]}-{fragment}"
    elif href.startswith("#"):
        node.attrs["href"] = f"#c{n}-{fragment}"
    elif target in numbers:
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


def _clean(article: LexborNode, n: int, page: str) -> None:
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


def _printed_in(articles: dict[str, LexborNode], numbers: dict[str, int]) -> dict[str, int]:
    """Claim id -> the first chapter, other than the index, that prints the claim."""
    found: dict[str, int] = {}
    for page, article in articles.items():
        if page == CLAIMS_PAGE:
            continue
        prefix = f"c{numbers[page]}-claim-"
        for node in article.css(f'[id^="{prefix}"]'):
            found.setdefault((node.attrs.get("id") or "").removeprefix(prefix), numbers[page])
    return found


def read_book(site: Path) -> Book:
    order = chapter_order(site)
    numbers = {page: n for n, (page, _) in enumerate(order, start=1)}
    trees = {page: LexborHTMLParser((site / page).read_text(encoding="utf-8")) for page, _ in order}
    articles = {page: _article_of(tree, page) for page, tree in trees.items()}
    index = claim_sections(articles[CLAIMS_PAGE]) if CLAIMS_PAGE in articles else []
    summary = claim_sections(_article(site, HOME), levels=("h2",))
    for page, article in articles.items():
        _clean(article, numbers[page], page)
    printed_in = _printed_in(articles, numbers)
    chapters = []
    for page, level in order:
        article, n = articles[page], numbers[page]
        for node in article.css("a[href]"):
            _relink(node, n, page, numbers, printed_in)
        heading = article.css_first("h1")
        title = heading.text(strip=True) if heading else page
        chapters.append(Chapter(n, page, level, title, article.inner_html or ""))
    return Book(chapters, summary, printed_in, index)
