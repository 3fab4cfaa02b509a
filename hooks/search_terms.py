"""Search in every spelling (events: on_page_markdown, on_page_context).

* Generated pages: every spelling of a name, and for a dispute the names of its events
  in each side's words, given through the search plugin's own contract: the page's `tags`
  metadata, which Material's search indexes and weights most. The page's URL is the
  plugin's own, so the offline copy (file URLs) finds them too.
* Every page: after Material's search has indexed the page, each of its entries gets a
  `folded` field with the diacritic-free forms of its words ("Azərbaycan" -> azerbaycan),
  searched like the text (mkdocs.yml: search › fields). This reads the plugin's list of
  entries (`search_index.entries`, Material 9.8, pinned); tests/test_search.py checks it.
* Generated pages: a section whose list search left out (`<!--late-->` in the templates:
  the claims, meetings and sources that have entries of their own on All claims, on their
  own pages and on Sources) would be an entry with a heading and no text; it is dropped.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from macros import adapter
from macros.pages.search_terms import folded_words, page_boost, page_terms


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


@event_priority(-50)  # after the search plugin has added this page's entries
def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    search = config.plugins.get("material/search")
    entries = getattr(getattr(search, "search_index", None), "entries", None)
    if entries is None:
        return context
    prefix = page.url
    generated = bool(page.meta.get("entity"))
    start = len(entries)
    while start and entries[start - 1].get("location", "").split("#")[0] == prefix:
        start -= 1
    kept = []
    for entry in entries[start:]:
        if generated and "#" in entry.get("location", "") and not entry.get("text"):
            continue  # a section whose list is searched where its items have pages of their own
        if folded := folded_words(entry.get("title", ""), entry.get("text", "")):
            entry["folded"] = folded
        kept.append(entry)
    entries[start:] = kept
    return context
