"""The MkDocs side of rendering one page: links resolved from MkDocs' file list, the
Renderer of a page, and its macros' HTML blocks put back once Markdown has converted it.
With macros/adapter.py (and record_bodies.py, which converts records' pages in the
worker with `convert`), the only code that knows MkDocs' pages and files."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import (
    Page,
    _ExtractAnchorsTreeprocessor,
    _ExtractTitleTreeprocessor,
    _RawHTMLPreprocessor,
    _RelativePathTreeprocessor,
)
from mkdocs.structure.toc import TableOfContents, get_toc
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data

from .adapter import BuildState, dataset, edition, page_problem, page_source, repo_links, state
from .core.dataset import Dataset
from .core.routes import page_of
from .pages.render import Renderer
from .pages.stash import BlockStash


def url_to(page: File, path: str) -> str:
    """URL of a file of the built site (site-relative `path`) relative to `page`."""
    return get_relative_url(path, page.url)


def record_target(data: Dataset, files: Files, rid: str) -> tuple[File, str]:
    """The page (in `files`) that shows `rid`, and "#anchor" on it or nothing."""
    kind = data.kind_of.get(rid)
    route = page_of(kind, rid) if kind else None
    if route is None:
        raise PluginError(f"no page to link to for {kind or 'unknown id'} '{rid}'")
    target = files.get_file_from_path(route.src)
    if target is None:
        raise PluginError(f"link to '{rid}': page '{route.src}' does not exist")
    return target, f"#{route.anchor}" if route.anchor else ""


def _linker(build: BuildState, files: Files, page: File) -> Callable[[str], str]:
    """`link` for one page, remembering each target for the build's file list (finding a
    file by its path is most of a link's cost, and a page links to the same records often)."""
    if build.targets[0] is not files:
        build.targets = (files, {})
    targets = build.targets[1]
    urls: dict[str, str] = {}
    relative = relative_urls(build.relative_urls, page.url)

    def link_to(rid: str) -> str:
        url = urls.get(rid)
        if url is None:
            found = targets.get(rid)
            if found is None:
                found = targets[rid] = record_target(build.dataset, files, rid)
            url = urls[rid] = relative(found[0].url) + found[1]
        return url

    return link_to


def relative_urls(seen: dict[tuple[str, str], str], page_url: str) -> Callable[[str], str]:
    """`get_relative_url(url, page_url)`, remembered across pages: seen from a folder's
    page (folder/name/), a URL outside that page's own folder is the same from every page
    of the folder, one '../' further ('../../people/x/' from any meeting)."""
    if not page_url.endswith("/") or page_url.count("/") < 2:  # file URLs, top-level pages
        return lambda url: get_relative_url(url, page_url)
    folder = page_url[: page_url.rindex("/", 0, -1) + 1]

    def relative(url: str) -> str:
        if url.startswith(page_url):  # the page itself, or below it
            return get_relative_url(url, page_url)
        found = seen.get((folder, url))
        if found is None:
            found = seen[(folder, url)] = get_relative_url(url, page_url)
        return found

    return relative


_H1 = re.compile(r"^# +(.+?)(?: +\{[^}]*\})?[ \t]*$", re.M)


def note_written_pages(config: MkDocsConfig, files: Files) -> None:
    """Find the written pages that cover a record (front matter `covers: [id, …]`), so
    that the record's generated page can point back to them (see `written_links`)."""
    build = state(config)
    found: dict[str, list[tuple[File, str]]] = {}
    for file in files.documentation_pages():
        if file.generated_by is not None:
            continue
        _, meta = get_data(file.content_string)
        covers = meta.get("covers", [])
        ids = covers if isinstance(covers, list) else [covers]
        heading = _H1.search(file.content_string)
        for rid in ids:
            if not isinstance(rid, str) or rid not in build.dataset.kind_of:
                page_problem(config, f"{page_source(config, file)}: covers: unknown record {rid!r}")
                continue
            found.setdefault(rid, []).append((file, heading[1] if heading else file.src_uri))
    build.written = found


def written_links(config: MkDocsConfig, page: File) -> dict[str, list[tuple[str, str]]]:
    """For each record, the written pages covering it: (URL relative to `page`, title)."""
    return {
        rid: [(file.url_relative_to(page), title) for file, title in pages]
        for rid, pages in state(config).written.items()
    }


def renderer(config: MkDocsConfig, files: Files, page: File) -> Renderer:
    """The Renderer of one page: its links resolved from MkDocs' file list, relative to it."""
    data, build = dataset(config), state(config)
    stash = build.stashes[page.src_uri] = BlockStash(build.nonce)
    return Renderer(
        data,
        _linker(build, files, page),
        edition=edition(config),
        url_to=lambda path: url_to(page, path),
        repo=repo_links(config),
        written=written_links(config, page),
        stash=stash,
        shared=build.source_refs,
    )


def put_back_blocks(config: MkDocsConfig, page: File, html: str) -> str:
    """A converted page with its macros' HTML blocks in place of their placeholders; a
    placeholder out of place is a page problem (unless the page has one already)."""
    build = state(config)
    stash = build.stashes.pop(page.src_uri, None)
    if stash is None:
        return html
    html, problems = stash.put_back(html)
    if stash.late:
        build.late[page.src_uri] = stash
    source = page_source(config, page)
    if problems and not any(p.startswith(source + ":") for p in build.page_problems):
        build.page_problems += [f"{source}: {problem}" for problem in problems]
    return html


def put_back_late_blocks(config: MkDocsConfig, page: File, html: str) -> str:
    """The page with the blocks that search leaves out in place, once search has read it."""
    stash = state(config).late.pop(page.src_uri, None)
    if stash is None:
        return html
    try:
        return stash.put_back_late(html)
    except ValueError as exc:
        raise PluginError(f"{page_source(config, page)}: {exc}") from None


@dataclass
class Converted:
    """A page's Markdown converted as `Page.render` converts it."""

    markdown: str  # what was converted
    content: str
    toc: TableOfContents
    title: str | None  # of its first heading
    anchor_ids: set[str]
    links_to_anchors: dict[File, dict[str, str]]


def convert(
    md: markdown.Markdown,
    file: File,
    files: Files,
    config: MkDocsConfig,
    text: str,
    links: type[_RelativePathTreeprocessor] = _RelativePathTreeprocessor,
) -> Converted:
    """`Page.render` as MkDocs 1.6 has it, with a converter made once (`_converter`): the
    same private steps, so that anchors, links and the title are found the same way
    (tests/test_page_adapter.py fails if MkDocs changes them). `links`: the processor of
    the page's links (record_bodies.py gives one that needs no file list)."""
    md.reset()
    raw_html = _RawHTMLPreprocessor()
    raw_html._register(md)
    anchors = _ExtractAnchorsTreeprocessor(file, files, config)
    anchors._register(md)
    relative = links(file, files, config)
    relative._register(md)
    title = _ExtractTitleTreeprocessor()
    title._register(md)
    content = md.convert(text)
    return Converted(
        text,
        content,
        get_toc(getattr(md, "toc_tokens", [])),
        title.title,
        anchors.present_anchor_ids | raw_html.present_anchor_ids,
        relative.links_to_anchors,
    )


class RecordPage(Page):
    """A record's generated page, converted by one Markdown converter per build: MkDocs
    makes a new converter, loading every extension, for each page, which is a fifth of
    converting a record's short page. `converted`: the page as the worker converted it
    (record_bodies.py), taken if the page's Markdown is still what it converted."""

    converted: Converted | None = None

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        done = self.converted
        if done is not None and done.markdown == self.markdown:
            own = next(iter(done.links_to_anchors.values()), None)  # the worker's links to its own anchors
            links = {self.file: own} if own else {}
        else:
            done = convert(_converter(config), self.file, files, config, self.markdown)
            links = done.links_to_anchors
        self.converted = None
        self.content, self.toc, self._title_from_render = done.content, done.toc, done.title
        self.present_anchor_ids = done.anchor_ids
        if logging.getLogger("mkdocs.structure.pages").getEffectiveLevel() > logging.DEBUG:
            self.links_to_anchors = links


_CONVERTER: list[tuple[MkDocsConfig, markdown.Markdown]] = []


def _converter(config: MkDocsConfig) -> markdown.Markdown:
    if not _CONVERTER or _CONVERTER[0][0] is not config:
        _CONVERTER[:] = [
            (
                config,
                markdown.Markdown(
                    extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"] or {}
                ),
            )
        ]
    return _CONVERTER[0][1]
