"""Checks on the built HTML, the last line of defence before anything is published.

Python-Markdown does not sanitise and MkDocs checks only Markdown links, so this reads
every page of the built site and reports:
* inline event handlers (`onclick=` …) and `<script>` inside page content;
* link or resource URLs whose scheme is not http(s), mailto or relative;
* internal links to files or `#anchors` that do not exist;
* duplicate element ids;
* resources loaded from other hosts (scripts, stylesheets, images, frames);
* with `offline=True`, links to folders (file:// shows a directory listing, not a page);
* macro leftovers: "Macro Rendering Error", "Macro Syntax Error", `{{` or `{%` outside code.
Pure stdlib; `hooks/site_check.py` runs it after every build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

URL_ATTRS = {"href", "src", "action", "formaction", "poster", "data"}
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


@dataclass
class _Page(HTMLParser):
    path: str = ""
    ids: dict[str, int] = field(default_factory=dict)
    links: list[tuple[int, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    depth_code: int = 0
    depth_article: int = 0

    def __post_init__(self) -> None:
        HTMLParser.__init__(self, convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        if tag in ("code", "pre", "script", "style"):
            self.depth_code += 1
        if tag == "article":
            self.depth_article += 1
        if tag == "script" and self.depth_article:
            self.problems.append(f"{self.path}:{line}: <script> inside page content")
        attr_map = {k: v or "" for k, v in attrs}
        resource = attr_map.get(RESOURCE_TAGS.get(tag, ""), "")
        is_page_link = tag == "link" and attr_map.get("rel", "") in ("canonical", "alternate")
        if re.match(r"(?i)\s*(https?:)?//", resource) and not is_page_link:
            self.problems.append(f"{self.path}:{line}: <{tag}> loads an external resource: {resource[:80]!r}")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problems.append(f"{self.path}:{line}: <{tag}> has event handler {name}=")
            if name == "id":
                if value in self.ids:
                    self.problems.append(
                        f"{self.path}:{line}: duplicate id '{value}' (first at line {self.ids[value]})"
                    )
                self.ids.setdefault(value, line)
            if name in URL_ATTRS:
                cleaned = re.sub(r"[\x00-\x20]", "", value)
                scheme = urlsplit(cleaned).scheme.lower()
                if scheme and scheme not in SAFE_SCHEMES:
                    self.problems.append(
                        f"{self.path}:{line}: <{tag}> {name} has scheme '{scheme}': {value[:80]!r}"
                    )
                elif not scheme and name == "href":
                    self.links.append((line, value))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("code", "pre", "script", "style") and self.depth_code:
            self.depth_code -= 1
        if tag == "article" and self.depth_article:
            self.depth_article -= 1

    def handle_data(self, data: str) -> None:
        if self.depth_code or not self.depth_article:
            return
        for marker in LEFTOVERS:
            if marker in data:
                self.problems.append(f"{self.path}:{self.getpos()[0]}: macro leftover {marker!r}")


def _target(site: Path, page: Path, href: str) -> tuple[Path | None, str]:
    parts = urlsplit(href)
    if parts.netloc or href.startswith("//"):
        return None, ""
    path = unquote(parts.path)
    if not path:
        return page, parts.fragment
    if path.startswith("/"):
        return site / "/__absolute__", parts.fragment
    target = (page.parent / path).resolve()
    if target.is_dir() or path.endswith("/"):
        target = target / "index.html"
    return target, unquote(parts.fragment)


def check_site(site: Path, *, offline: bool = False) -> list[str]:
    """Every problem found in `site`, one line each, as `path:line: problem`."""
    site = site.resolve()
    pages: dict[Path, _Page] = {}
    for html in sorted(site.rglob("*.html")):
        parser = _Page(path=html.relative_to(site).as_posix())
        parser.feed(html.read_text(encoding="utf-8"))
        pages[html] = parser
    problems = [p for page in pages.values() for p in page.problems]
    for html, page in pages.items():
        if html.name == "404.html":
            continue  # Material's 404 page uses root-absolute links by design
        for line, href in page.links:
            target, fragment = _target(site, html, href)
            if target is None:
                continue
            if offline and urlsplit(href).path.endswith("/"):
                problems.append(
                    f"{page.path}:{line}: link {href!r} is a folder (offline copies need file links)"
                )
            if not target.exists():
                problems.append(f"{page.path}:{line}: broken link {href!r}")
            elif fragment and target in pages and fragment not in pages[target].ids:
                problems.append(f"{page.path}:{line}: link {href!r}: no element with id '{fragment}'")
    return problems
