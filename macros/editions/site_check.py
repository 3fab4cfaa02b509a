"""Checks on the built HTML, the last line of defence before anything is published.

Python-Markdown does not sanitise and MkDocs checks only Markdown links, so this reads
every page of the built site with an HTML5 parser (Lexbor, through selectolax: the page
is read as a browser would read it) and reports:
* inline event handlers (`onclick=` …) and `<script>` inside page content;
* link or resource URLs whose scheme is not http(s), mailto or relative;
* internal links to files or `#anchors` that do not exist;
* duplicate element ids;
* resources loaded from other hosts (scripts, stylesheets, images, frames);
* with `offline=True`, links to folders (file:// shows a directory listing, not a page);
* macro leftovers: "Macro Rendering Error", "Macro Syntax Error", `{{` or `{%` outside code.

Each page is parsed once; links are resolved against the list of built files, so the
check is linear in the size of the site. Lines are those of the built file.
"""

from __future__ import annotations

import bisect
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

URL_ATTRS = ("href", "src", "action", "formaction", "poster", "data")
RESOURCE_TAGS = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "audio": "src",
    "video": "src",
    "link": "href",
}
SAFE_SCHEMES = {"http", "https", "mailto"}
LEFTOVERS = ("Macro Rendering Error", "Macro Syntax Error", "{{", "{%")
CODE = "code, pre, script, style"
_CONTROL = re.compile(r"[\x00-\x20]")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


@dataclass
class PageReport:
    path: str  # site-relative, e.g. "people/ilham-aliyev/index.html"
    raw: str
    ids: set[str] = field(default_factory=set)
    links: list[tuple[int, str]] = field(default_factory=list)  # (line, href)
    problems: list[str] = field(default_factory=list)
    newlines: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.newlines = [m.start() for m in re.finditer("\n", self.raw)]

    def line(self, needle: str, start: int = 0) -> int:
        """The line of the first occurrence of `needle` (1 if it cannot be found)."""
        at = self.raw.find(needle, start)
        return bisect.bisect_left(self.newlines, at) + 1 if at >= 0 else 1

    def add(self, needle: str, problem: str) -> None:
        self.problems.append(f"{self.path}:{self.line(needle)}: {problem}")


def _scheme(value: str) -> str:
    match = _SCHEME.match(_CONTROL.sub("", value))
    return match[1].lower() if match else ""


def _check_element(page: PageReport, node: LexborNode, in_article: bool) -> None:
    tag = node.tag or ""
    attrs = {k: (v or "") for k, v in node.attributes.items()}
    if tag == "script" and in_article:
        page.add("<script", "<script> inside page content")
    resource = attrs.get(RESOURCE_TAGS.get(tag, ""), "")
    is_page_link = tag == "link" and attrs.get("rel", "") in ("canonical", "alternate")
    if re.match(r"(?i)\s*(https?:)?//", resource) and not is_page_link:
        page.add(resource, f"<{tag}> loads an external resource: {resource[:80]!r}")
    for name, value in attrs.items():
        if name.startswith("on"):
            page.add(f"{name}=", f"<{tag}> has event handler {name}=")
        if name not in URL_ATTRS:
            continue
        scheme = _scheme(value)
        if scheme and scheme not in SAFE_SCHEMES:
            page.add(f"{name}=", f"<{tag}> {name} has scheme '{scheme}': {value[:80]!r}")
        elif not scheme and name == "href":
            page.links.append((page.line(f'href="{value}"'), value))


def read_page(path: str, raw: str) -> PageReport:
    page = PageReport(path, raw)
    tree = LexborHTMLParser(raw)
    article = tree.css_first("article")
    inside = {n.mem_id for n in article.traverse()} if article is not None else set()
    seen_at: dict[str, int] = {}
    for node in tree.root.traverse() if tree.root is not None else ():
        _check_element(page, node, node.mem_id in inside)
        ident = node.attributes.get("id")
        if ident is None:
            continue
        if ident in page.ids:
            first = seen_at[ident]
            again = page.line(f'id="{ident}"', raw.find(f'id="{ident}"') + 1)
            page.problems.append(f"{path}:{again}: duplicate id '{ident}' (first at line {first})")
        else:
            page.ids.add(ident)
            seen_at[ident] = page.line(f'id="{ident}"')
    if article is not None:
        for node in article.css(CODE):
            node.decompose()
        text = article.text(deep=True)
        found = sorted((text.find(marker), marker) for marker in LEFTOVERS if marker in text)
        for _, marker in found:
            page.add(marker, f"macro leftover {marker!r}")
    return page


def _target(files: set[str], page: str, href: str) -> tuple[str | None, str]:
    """The built file (site-relative) a relative link points at, and its fragment."""
    parts = urlsplit(href)
    if parts.netloc or href.startswith("//"):
        return None, ""
    path = unquote(parts.path)
    if not path:
        return page, unquote(parts.fragment)
    if path.startswith("/"):
        return "/__absolute__", parts.fragment
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    folder = "" if target == "." else f"{target}/"
    if path.endswith("/") or target == "." or f"{folder}index.html" in files:
        target = f"{folder}index.html"
    return target, unquote(parts.fragment)


def check_site(site: Path, *, offline: bool = False) -> list[str]:
    """Every problem found in `site`, one line each, as `path:line: problem`."""
    site = site.resolve()
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    pages = {
        rel: read_page(rel, (site / rel).read_text(encoding="utf-8"))
        for rel in sorted(f for f in files if f.endswith(".html"))
    }
    problems = [p for page in pages.values() for p in page.problems]
    for rel, page in pages.items():
        if posixpath.basename(rel) == "404.html":
            continue  # Material's 404 page uses root-absolute links by design
        for line, href in page.links:
            target, fragment = _target(files, rel, href)
            if target is None:
                continue
            if offline and urlsplit(href).path.endswith("/"):
                problems.append(f"{rel}:{line}: link {href!r} is a folder (offline copies need file links)")
            if target not in files:
                problems.append(f"{rel}:{line}: broken link {href!r}")
            elif fragment and target in pages and fragment not in pages[target].ids:
                problems.append(f"{rel}:{line}: link {href!r}: no element with id '{fragment}'")
    return problems
