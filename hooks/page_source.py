"""Where each page comes from (event: on_page_content).

"Edit this page" (Material's edit button) points at the exact source: the Markdown file
of a written page, or the YAML file and line of the record a generated page shows. A line
at the end of the page gives the source's last change from git. Both need the repository's
address (REPO_URL) for links; without it there is no edit button and the commit is named,
not linked.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from macros import adapter
from macros.pages.page_meta import page_meta


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    page.edit_url = adapter.edit_url(config, page)
    if page.file.src_uri == "404.md":
        return html
    return html + "\n" + page_meta(adapter.last_change(config, page), adapter.repo_links(config))
