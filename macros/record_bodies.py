"""Records' pages written in the worker (macros/worker.py) while the build converts the
pages before them: the Markdown of a record's page, its HTML blocks and its references.

A record's page comes from the data alone (`Renderer.entity_page`, then `references`);
what it needs of the build is the same for every page: the URL of each record's page,
the written pages that cover each record, the edition, the repository's links and the
placeholders' nonce. `RecordBodies` (hooks/entity_pages.py, on_files) sends those once
(`Site`), then the record pages in batches, the last batch first. The build takes the pages
in its own order, from the first: when it comes to a page whose batch the worker has
made, it takes the worker's Markdown (waiting if the batch is being made, or handed to
the worker to be made next); if not, the build withdraws the batch and renders its pages
itself. So the build and the worker meet where their speeds take them, and no page is
rendered twice.

The answer is the one the build would make: the same Renderer and templates, links
resolved from the same URLs, the same nonce. The worker reads data/ itself, and its pages
are taken only if it read the same files (path, modification time, size) as the build.
A page the worker could not render (any error) is rendered by the build, which reports
the error as it would have without the worker.
"""

from __future__ import annotations

import secrets
import xml.etree.ElementTree as etree
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any, cast
from urllib.parse import urlsplit

import markdown
from markdown.util import AMP_SUBSTITUTE
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import _RelativePathTreeprocessor
from mkdocs.utils import get_relative_url

from .adapter import data_read, state
from .core.dataset import Dataset
from .editions.edition import Edition
from .page_adapter import Converted, convert, record_target, relative_urls
from .pages.render import Renderer
from .pages.repo_links import RepoLinks
from .pages.stash import BlockStash
from .worker import answer, send
from .worker_data import DataRead

BATCH = 20  # pages per task: small enough that the build rarely waits for one

# What the worker makes of a page: its Markdown, its HTML blocks, the audited claims it
# shows, and the Markdown converted (None: it links to other files, the build converts it)
Body = tuple[str, BlockStash, tuple[str, ...], Converted | None]


@dataclass(frozen=True)
class Site:
    """What every record's page needs of the build."""

    read: DataRead  # the data the build read
    edition: Edition
    repo: RepoLinks | None
    nonce: str
    targets: dict[str, tuple[str, str]]  # record id -> URL of the page showing it, "#anchor" or ""
    written: dict[str, list[tuple[str, str]]]  # record id -> (URL, title) of each written page on it
    extensions: list[str]  # Markdown's, as configured in mkdocs.yml
    extension_configs: dict[str, Any]
    use_directory_urls: bool


@dataclass
class _Held:
    """In the worker: the site of the current build, its data, and the reference list
    entries made so far (the same on every page, as the build's `source_refs`)."""

    token: str = ""  # the build the site is of
    site: Site | None = None
    data: Dataset | None = None
    refs: dict[str, tuple[Markup, Markup]] = field(default_factory=dict)
    relative: dict[tuple[str, str], str] = field(default_factory=dict)  # as BuildState.relative_urls
    converter: markdown.Markdown | None = None


class _Elsewhere(Exception):
    pass


class _OwnLinksOnly(_RelativePathTreeprocessor):
    """MkDocs' processor of a page's links, for a page converted without the site's files
    and settings: a link it would look up in them (a path, or an absolute link) stops the
    conversion, and the build converts the page. Links to a place on the page itself and
    to other sites are taken as MkDocs takes them."""

    def run(self, root: etree.Element) -> etree.Element:
        for element in root.iter():
            url = element.get({"a": "href", "img": "src"}.get(element.tag, ""))
            if url is None:
                continue
            scheme, netloc, path, _, _ = urlsplit(url)
            if not (scheme or netloc) and (
                url.startswith(("/", "\\")) or (path and AMP_SUBSTITUTE not in url)
            ):
                raise _Elsewhere
        return super().run(root)


_HELD = _Held()


def _set_site(token: str, site: Site) -> bool:
    """In the worker: keep the site of a new build; False if data/ is not what the build read."""
    _HELD.token, _HELD.site, _HELD.data, _HELD.refs, _HELD.relative = token, None, None, {}, {}
    _HELD.converter = markdown.Markdown(extensions=site.extensions, extension_configs=site.extension_configs)
    try:
        data = site.read.dataset()
    except Exception:  # other data, or a data error (the build reports it)
        return False
    _HELD.site, _HELD.data = site, data
    return True


def _render(site: Site, data: Dataset, src: str, kind: str, rid: str, url: str) -> Body:
    """As page_adapter.renderer and hooks/entity_pages.py's on_page_markdown render it."""
    relative = relative_urls(_HELD.relative, url)

    def link(target: str) -> str:
        page, anchor = site.targets[target]  # an unknown record: the build reports it
        return relative(page) + anchor

    renderer = Renderer(
        data,
        link,
        {
            rid: [(get_relative_url(u, url), title) for u, title in pages]
            for rid, pages in site.written.items()
        },
        edition=site.edition,
        url_to=lambda path: get_relative_url(path, url),
        repo=site.repo,
        stash=(stash := BlockStash(site.nonce)),
        shared=_HELD.refs,
    )
    body = str(renderer.entity_page(kind, rid))
    text = body + "\n\n" + str(renderer.references())
    return text, stash, tuple(renderer.reviewed), _convert(site, src, text)


def _convert(site: Site, src: str, text: str) -> Converted | None:
    """The page converted as the build would, or None if it links to a file of the site.
    Without the site's files and settings: `_OwnLinksOnly` stops before MkDocs would read
    them (the file list and the configuration given are never read)."""
    assert _HELD.converter is not None
    file = File(src, None, "", site.use_directory_urls)
    try:
        return convert(_HELD.converter, file, Files([file]), cast(MkDocsConfig, None), text, _OwnLinksOnly)
    except _Elsewhere:
        return None


def _bodies(token: str, pages: list[tuple[str, str, str, str]]) -> list[Body | None]:
    """In the worker: each page (source path, kind, id, URL) rendered, or None (the build
    renders it)."""
    site, data = (_HELD.site, _HELD.data) if _HELD.token == token else (None, None)
    made: list[Body | None] = []
    for src, kind, rid, url in pages:
        try:
            made.append(_render(site, data, src, kind, rid, url) if site and data else None)
        except Exception:  # the build renders the page, and reports what is wrong with it
            made.append(None)
    return made


def record_site(config: MkDocsConfig, files: Files) -> Site:
    """What the worker needs to render records' pages as page_adapter.renderer would:
    the URL of every record's page or anchor that exists (a link to any other is rendered
    here, where it fails as it should), and the written pages covering each record."""
    build = state(config)
    targets: dict[str, tuple[str, str]] = {}
    for rid in build.dataset.kind_of:
        try:
            file, anchor = record_target(build.dataset, files, rid)
        except PluginError:
            continue
        targets[rid] = (file.url, anchor)
    data_dir, today = data_read(config)
    return Site(
        read=DataRead(data_dir, today, build.fingerprint),
        edition=build.edition,
        repo=build.repo,
        nonce=build.nonce,
        targets=targets,
        written={rid: [(file.url, title) for file, title in pages] for rid, pages in build.written.items()},
        extensions=config["markdown_extensions"],
        extension_configs=config["mdx_configs"] or {},
        use_directory_urls=config.use_directory_urls,
    )


class RecordBodies:
    """The record pages of one build, made by the worker unless the build gets there first."""

    def __init__(self, site: Site, pages: list[tuple[str, str, str, str]]) -> None:
        """`pages`: (source path, kind, id, URL) of each record's page, in the build's order."""
        self.batches = [pages[i : i + BATCH] for i in range(0, len(pages), BATCH)]
        self.batch_of = {src: n for n, batch in enumerate(self.batches) for src, *_ in batch}
        self.futures: list[Future[list[Body | None]] | None] = [None] * len(self.batches)
        self.answers: dict[int, dict[str, Body | None]] = {}
        self.taken = 0  # pages the build took from the worker
        token = secrets.token_hex(8)
        if pages and send(_set_site, token, site) is not None:
            for n in reversed(range(len(self.batches))):
                self.futures[n] = send(_bodies, token, self.batches[n])

    def take(self, src: str) -> Body | None:
        """The worker's page for source path `src`, or None: the build renders it."""
        n = self.batch_of.get(src)
        if n is None:
            return None
        if n not in self.answers:
            future, self.futures[n] = self.futures[n], None
            if future is None or (not future.done() and future.cancel()):
                self.answers[n] = {}
            else:
                try:
                    made = answer(future)
                except Exception:  # a failed or stopped worker: the build renders the pages
                    made = []
                self.answers[n] = {
                    path: body for (path, *_), body in zip(self.batches[n], made, strict=False)
                }
        found = self.answers[n].pop(src, None)
        self.taken += found is not None
        return found

    def cancel(self) -> None:
        for future in self.futures:
            if future is not None:
                future.cancel()
        self.futures = [None] * len(self.batches)
