"""Macro output put back into the converted page (events: on_page_content, first;
on_page_context, last).

Block macros and generated pages hand Markdown their headings and a placeholder for each
run of HTML (macros/pages/stash.py), so that Python-Markdown does not parse that HTML
again; here each placeholder is replaced by its HTML, before any other hook or plugin
reads the page's HTML (its description, the search index, the site check). A page's
references, which search leaves out, are put back only once Material's search plugin has
read the page (on_page_context), so that it does not parse them (stash.py, `put_back_late`).
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from macros import page_adapter


@event_priority(100)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return page_adapter.put_back_blocks(config, page.file, html)


@event_priority(-100)  # after Material's search plugin (0) and hooks/search_terms.py (-50)
def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    page.content = page_adapter.put_back_late_blocks(config, page.file, page.content or "")
    return context
