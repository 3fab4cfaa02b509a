"""Macro output put back into the converted page (event: on_page_content, first).

Block macros and generated pages hand Markdown their headings and a placeholder for each
run of HTML (macros/pages/stash.py), so that Python-Markdown does not parse that HTML
again; here each placeholder is replaced by its HTML, before any other hook or plugin
reads the page's HTML (its description, the search index, the site check).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from macros import adapter


@event_priority(100)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return adapter.put_back_blocks(config, page.file, html)
