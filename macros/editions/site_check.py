"""Checks on the built site, the last line of defence before anything is published.

Python-Markdown does not sanitise and MkDocs checks only Markdown links, so this reads
every page of the built site, `<head>` included, with an HTML5 parser (Lexbor, through
selectolax: the page is read as a browser would read it) and reports:
* every element `html_rules` refuses: script in any form that is not the theme's own,
  event handlers, URLs whose scheme is not http(s) or mailto (`href`, `xlink:href`,
  `src`, `srcset`, animated values …), `<base>`, `<meta http-equiv>`, frames, objects,
  forms, `<style>` and style attributes that load, SVG paint (fill, stroke, markers,
  filters …) that names anything but a place on the page, resources from other hosts;
* internal links to files or `#anchors` that do not exist, and duplicate element ids;
* with `offline=True`, links to folders (file:// shows a directory listing, not a page);
* leftovers in page text: "Macro Rendering Error", `{{`, `{%`, and attribute lists
  that did not attach (`{ .editorial }` left as text under a table);
* stylesheets of the site that `@import` or load from another host.

Each page is parsed once; links are resolved against the list of built files, so the
check is linear in the size of the site. Lines are those of the built file. A build may
read its pages as it writes them (`read_files_early`, in another process: see
macros/worker.py) and hand the reports in (`checked`): a page is read again only if the
file on disk is not what was read.
"""

from __future__ import annotations

import bisect
import hashlib
import posixpath
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser

from .html_rules import element_problems, material_templates, scheme, theme_scripts

LEFTOVERS = ("Macro Rendering Error", "Macro Syntax Error", "{{", "{%")
ATTR_LIST = re.compile(r"\{:?[ \t]*(?:[.#][\w-]+|[\w-]+=)[^{}\n]*\}")
CODE = "code, pre, script, style"
_SAME_PAGE = re.compile(r"#[^%\t\r\n]*\Z")  # what urlsplit would take apart or unquote
# A link `_resolver` may answer from another page's: nothing urlsplit strips, drops or
# unquotes, no scheme, query or leading space; anything else is worked out on its own.
_PLAIN_LINK = re.compile(r"(?:\.\./)*[\w.~/-]+(?:#[^%\s]*)?\Z", re.ASCII)
CSS_LOAD = re.compile(r"(?i)@import|url\(\s*['\"]?\s*([^'\")\s]*)")


@dataclass
class PageReport:
    path: str  # site-relative, e.g. "people/ilham-aliyev/index.html"
    raw: str
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)  # hrefs, in page order
    problems: list[str] = field(default_factory=list)
    newlines: list[int] | None = None  # offsets of the line breaks, once a line is asked for
    digest: bytes = b""  # of the page's UTF-8 bytes, when read before the build ended
    scripts: list[str] = field(default_factory=list)  # script files it loads, found in the site

    def line(self, needle: str, start: int = 0) -> int:
        """The line of the first occurrence of `needle` (1 if it cannot be found). Only for
        a problem: searching the page from its start for every link or id would make the
        check quadratic in the size of a page."""
        if self.newlines is None:
            self.newlines = [m.start() for m in re.finditer("\n", self.raw)]
        at = self.raw.find(needle, start)
        return bisect.bisect_left(self.newlines, at) + 1 if at >= 0 else 1

    def add(self, needle: str, problem: str) -> None:
        self.problems.append(f"{self.path}:{self.line(needle)}: {problem}")


@dataclass(frozen=True)
class Rules:
    """What a page is checked against: the theme's inline scripts and the site's files."""

    theme: tuple[re.Pattern[str], ...] = ()
    files: frozenset[str] = frozenset()

    def script_file(self, page: str) -> Callable[[str], bool]:
        def check(src: str) -> bool:
            root_absolute = src.startswith("/") and not src.startswith("//")  # 404.html's
            target = src.lstrip("/") if root_absolute else _target(set(), page, src)[0]
            if root_absolute and target and "/assets/" in f"/{target}":
                # Under SITE_URL with a path (/briefing/), 404.html's addresses start with it.
                target = target[f"/{target}".index("/assets/") :]
            return (
                bool(target)
                and target in self.files
                and target.startswith("assets/")
                and target.endswith(".js")
            )

        return check


def digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=20).digest()


def read_files_early(site: Path, rels: list[str], rules: Rules) -> list[PageReport]:
    """The reports of pages a build has just written, without their text and with the
    digest of their bytes, for `check_site(checked=…)`. A page that cannot be read here is
    left out: the final check reads it and says what is wrong."""
    reports = []
    for rel in rels:
        try:
            data = (site / rel).read_bytes()
            page = read_page(rel, data.decode("utf-8"), rules)
        except (OSError, UnicodeDecodeError):
            continue
        page.raw, page.newlines, page.digest = "", None, digest(data)
        reports.append(page)
    return reports


def read_page(path: str, raw: str, rules: Rules | None = None) -> PageReport:
    rules = rules or Rules()
    page = PageReport(path, raw)
    tree = LexborHTMLParser(raw)
    site_file = rules.script_file(path)

    def script_file(src: str) -> bool:
        page.scripts.append(src)
        return site_file(src)

    for node in tree.root.traverse() if tree.root is not None else ():
        tag, attrs = node.tag or "", {k: (v or "") for k, v in node.attributes.items()}
        text = node.text(deep=True) if tag == "script" else ""
        for needle, problem in element_problems(tag, attrs, text, theme=rules.theme, script_file=script_file):
            page.add(needle, problem)
        if "href" in attrs and not scheme(attrs["href"]):
            page.links.append(attrs["href"])
        ident = attrs.get("id")
        if ident is None:
            continue
        if ident in page.ids:
            needle = f'id="{ident}"'
            first, again = page.line(needle), page.line(needle, raw.find(needle) + 1)
            page.problems.append(f"{path}:{again}: duplicate id '{ident}' (first at line {first})")
        else:
            page.ids.add(ident)
    _leftovers(page, tree)
    return page


def _leftovers(page: PageReport, tree: LexborHTMLParser) -> None:
    article = tree.css_first("article")
    if article is None:
        return
    for node in article.css(CODE):
        node.decompose()
    text = article.text(deep=True)
    found = sorted((text.find(marker), marker) for marker in LEFTOVERS if marker in text)
    for _, marker in found:
        page.add(marker, f"macro leftover {marker!r}")
    for match in ATTR_LIST.finditer(text):
        page.add(
            match[0],
            f"attribute list {match[0]!r} left as text (it did not attach: write it on the line "
            "right after the paragraph or heading it marks, or remove it)",
        )


def check_stylesheet(path: str, text: str) -> list[str]:
    """Problems of a stylesheet of the site: `@import`, or a `url()` on another host or
    with a scheme other than data: (Material's icons are data: SVGs)."""
    problems = []
    for match in CSS_LOAD.finditer(text):
        url = match[1] or ""
        found = scheme(url)
        if match[0].lower() == "@import" or url.startswith("//") or found not in ("", "data"):
            line = text.count("\n", 0, match.start()) + 1
            problems.append(f"{path}:{line}: stylesheet loads {match[0][:80]!r} (only files of the site)")
    return problems


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


def _resolver(files: set[str]) -> Callable[[str], Callable[[str], tuple[str | None, str]]]:
    """`_target` for one check, each link worked out once: `_resolver(files)(page)(href)`.
    Pages at the same depth share most of their links ('../../claims/#claim-x'), and a link
    that climbs k folders from page/folder resolves as the rest of it does from k folders
    up: that is the key. A link to a place on the same page needs no work at all."""
    seen: dict[tuple[str, str], tuple[str | None, str]] = {}

    def for_page(page: str) -> Callable[[str], tuple[str | None, str]]:
        folders = page.split("/")[:-1]
        ancestors = ["/".join(folders[: len(folders) - k]) for k in range(len(folders) + 1)]

        def resolve(href: str) -> tuple[str | None, str]:
            if _SAME_PAGE.match(href):
                return page, href[1:]
            if not _PLAIN_LINK.match(href):
                return _target(files, page, href)
            rest, climbs = href, 0
            while rest.startswith("../"):
                rest, climbs = rest[3:], climbs + 1
            if climbs >= len(ancestors) or not rest or rest[0] in "#/":
                return _target(files, page, href)
            key = (ancestors[climbs], rest)
            found = seen.get(key)
            if found is None:
                found = seen[key] = _target(files, f"{key[0]}/_" if key[0] else "_", rest)
            return found

        return resolve

    return for_page


def _read(site: Path, rel: str, rules: Rules, checked: Mapping[str, PageReport]) -> PageReport:
    """A page's report without its text, which `_reread` reads again for a link's problem:
    the site check then holds the ids and links of every page, not every page. A report
    read during the build is taken if the file is still byte for byte what it read."""
    data = (site / rel).read_bytes()
    early = checked.get(rel)
    if (
        early is not None
        and early.digest == digest(data)
        and not early.problems  # read again with the site's final list of files
        and all(map(rules.script_file(rel), early.scripts))
    ):
        return early
    page = read_page(rel, data.decode("utf-8"), rules)
    page.raw, page.newlines = "", None
    return page


def _reread(site: Path, rel: str) -> PageReport:
    return PageReport(rel, (site / rel).read_text(encoding="utf-8"))


def _link_problems(site: Path, pages: dict[str, PageReport], files: set[str], *, offline: bool) -> list[str]:
    """Broken links and anchors of every page (and, offline, links to folders)."""
    problems: list[str] = []
    resolver = _resolver(files)
    for rel, page in pages.items():
        if posixpath.basename(rel) == "404.html":
            continue  # Material's 404 page uses root-absolute links by design
        resolve = resolver(rel)
        for href in page.links:
            target, fragment = resolve(href)
            if target is None:
                continue
            found = []
            if offline and urlsplit(href).path.endswith("/"):
                found.append(f"link {href!r} is a folder (offline copies need file links)")
            if target not in files:
                found.append(f"broken link {href!r}")
            elif fragment and target in pages and fragment not in pages[target].ids:
                found.append(f"link {href!r}: no element with id '{fragment}'")
            if found:
                line = _reread(site, rel).line(f'href="{href}"')
                problems += [f"{rel}:{line}: {text}" for text in found]
    return problems


def check_site(
    site: Path,
    *,
    offline: bool = False,
    theme: tuple[re.Pattern[str], ...] | None = None,
    placed_later: Iterable[str] = (),
    checked: Mapping[str, PageReport] | None = None,
) -> list[str]:
    """Every problem found in `site`, one line each, as `path:line: problem`. `theme`:
    the theme's inline scripts (`html_rules.theme_scripts`; by default the installed
    Material's); any other inline script is a problem. `placed_later`: site-relative files
    added after the build and counted as present (the PDF edition and the offline copy,
    see editions_files.py). `checked`: reports of pages read while they were written
    (`read_files_early`), by site-relative path; taken for files that did not change since."""
    if theme is None:
        theme = theme_scripts(material_templates())
    site = site.resolve()
    files = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()} | set(placed_later)
    rules = Rules(theme, frozenset(files))
    early = checked or {}
    pages = {rel: _read(site, rel, rules, early) for rel in sorted(f for f in files if f.endswith(".html"))}
    problems = [p for page in pages.values() for p in page.problems]
    for rel in sorted(f for f in files if f.endswith(".css")):
        problems += check_stylesheet(rel, (site / rel).read_text(encoding="utf-8"))
    problems += _link_problems(site, pages, files, offline=offline)
    return problems
