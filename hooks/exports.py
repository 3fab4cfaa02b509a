"""Downloads and "cite this page" (events: on_files, on_page_content).

Adds the dataset (JSON, CSV), the bibliography (CSL-JSON, BibTeX), the meetings
(iCalendar) and an Atom feed of changes under downloads/, as generated files so that
links to them are validated; and appends a citation box to every page.
"""

from __future__ import annotations

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from macros import adapter, repository
from macros.editions import calendar, cff, citation, downloads, feed
from macros.pages.cite_box import cite_box


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    data, edition = adapter.dataset(config), adapter.edition(config)
    outputs = {
        "downloads/dataset.json": downloads.dataset_json(data, edition),
        "downloads/bibliography.json": downloads.csl_json(data),
        "downloads/bibliography.bib": downloads.bibtex(data, edition.site_name),
        "downloads/meetings.ics": calendar.meetings_calendar(data, edition),
        "downloads/CITATION.cff": cff.citation_cff(
            edition, repository=config.extra.get("repository"), release=True
        ),
        "downloads/changes.atom": feed.changes_feed(
            repository.changes(adapter.project_root(config)), edition, data.corrections.values()
        ),
    }
    outputs.update({f"downloads/{name}.csv": text for name, text in downloads.csv_tables(data).items()})
    for path, text in outputs.items():
        files.append(File.generated(config, path, content=text))
    return files


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri == "404.md":
        return html
    # MkDocs gives a page's title as HTML (from its first heading, or escaped from the front
    # matter by hooks/page_lint.py); the citation wants the text, which its template escapes.
    title = Markup(str(page.title or config.site_name)).striptags()
    path = adapter.public_path(page.file.src_uri)
    return html + "\n" + cite_box(citation.page_citation(title, path, adapter.edition(config)))
