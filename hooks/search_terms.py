"""Search in every spelling, and a search index made beside the build (events:
on_pre_build, on_page_markdown, on_page_content last, on_page_context before the search
plugin, on_post_page, on_post_build before the plugin, on_build_error).

* Generated pages: every spelling of a name, and for a dispute the names of its events
  in each side's words, given through the search plugin's own contract: the page's `tags`
  metadata, which Material's search indexes and weights most. The page's URL is the
  plugin's own, so the offline copy (file URLs) finds them too.
* Every page's entries are made in the worker process (macros/worker.py) by the plugin's
  own `SearchIndex`, from the page as it is once converted (on_page_content, last: while
  the build converts the next pages), each with a `folded` field (the diacritic-free forms of its words,
  "Azərbaycan" -> azerbaycan, searched like the text: mkdocs.yml, search › fields), and
  without a generated page's empty sections (search_terms.lean_entries). The plugin is
  told to skip the page (its `search: exclude` metadata, until on_post_page) and is
  handed the entries before it writes the index. This reads and fills the plugin's list
  of entries (`search_index.entries`, Material 9.8, pinned); tests/test_search.py checks
  the index readers search.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from macros import adapter
from macros.pages.search_terms import page_boost, page_terms
from macros.worker import PageForSearch, SearchSide

_SIDE: dict[str, SearchSide] = {}
_UNSET = object()


def _entries(config: MkDocsConfig) -> list[dict[str, Any]] | None:
    search = config.plugins.get("material/search")
    entries = getattr(getattr(search, "search_index", None), "entries", None)
    return entries if isinstance(entries, list) else None


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    kind, _, rid = str(page.meta.get("entity", "")).partition("/")
    if not rid:
        return markdown
    data = adapter.dataset(config)
    if terms := page_terms(data, kind, rid):
        page.meta["tags"] = [*page.meta.get("tags", []), *terms]
    if (boost := page_boost(data, kind, rid)) is not None:
        page.meta["search"] = {**page.meta.get("search", {}), "boost": boost}
    return markdown


def on_pre_build(*, config: MkDocsConfig) -> None:
    if _entries(config) is not None:
        _SIDE[config.site_dir] = SearchSide()


@event_priority(-100)  # the page's content as the search plugin will read it
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    side = _SIDE.get(config.site_dir)
    search = page.meta.get("search")
    if side is not None and not (isinstance(search, dict) and search.get("exclude")):
        side.add(
            PageForSearch(page.url, str(page.title), html, page.toc, dict(page.meta), "entity" in page.meta)
        )
    return html


@event_priority(50)  # before the search plugin (0)
def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    """The plugin skips a page whose entries the worker makes; one whose content changed
    since it was sent is left to the plugin, and the worker's entries for it dropped."""
    side = _SIDE.get(config.site_dir)
    if side is None or not side.sent(page.url, page.content or ""):
        return context
    search = page.meta.get("search", _UNSET)
    side.restore[page.url] = search
    page.meta["search"] = {**(search if isinstance(search, dict) else {}), "exclude": True}
    return context


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """The page's own `search` metadata back, once the plugin has skipped the page."""
    side = _SIDE.get(config.site_dir)
    if side is not None and page.url in side.restore:
        search = side.restore.pop(page.url)
        if search is _UNSET:
            page.meta.pop("search", None)
        else:
            page.meta["search"] = search
    return output


@event_priority(50)  # before the search plugin writes the index
def on_post_build(*, config: MkDocsConfig) -> None:
    side, entries = _SIDE.pop(config.site_dir, None), _entries(config)
    if side is not None and entries is not None:
        entries += side.entries()


def on_build_error(*, error: Exception) -> None:
    for side in _SIDE.values():  # the worker's entries are not waited for, nor made
        side.cancel()
    _SIDE.clear()
