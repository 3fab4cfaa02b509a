"""Search terms for generated pages (event: on_page_markdown): every spelling of a name,
and for a dispute the names of its events in each side's words, given through the search
plugin's own contract: the page's `tags` metadata, which Material's search indexes and
weights most. The page's URL is the plugin's own, so the offline copy (file URLs) finds
them too.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from macros import adapter
from macros.pages.search_terms import page_boost, page_terms


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
