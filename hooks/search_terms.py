"""Every spelling of a person's name as search terms of their page (event:
on_page_markdown), through the search plugin's own contract: the page's `tags` metadata,
which Material's search indexes and weights most. The page's URL is the plugin's own,
so the offline copy (file URLs) finds people by their other spellings too.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from macros import adapter
from macros.pages.search_terms import person_terms


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    kind, _, rid = str(page.meta.get("entity", "")).partition("/")
    data = adapter.dataset(config)
    if kind == "person" and rid in data.people:
        page.meta["tags"] = [*page.meta.get("tags", []), *person_terms(data, rid)]
    return markdown
