"""Downloads and "cite this page" (events: on_files, on_post_build, on_page_content,
on_build_error).

Adds the dataset (JSON, CSV), the bibliography (CSL-JSON, BibTeX), the meetings
(iCalendar) and an Atom feed of changes under downloads/, as generated files so that
links to them are validated; their text is made beside the build (macros/worker.py) and
written before the site check reads the site. Appends a citation box to every page.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from macros import adapter, repository
from macros.editions import citation
from macros.editions.download_files import download_files, download_paths
from macros.pages.cite_box import cite_box
from macros.worker_data import DataRead, LaterDownloads

_LATER: dict[str, LaterDownloads] = {}


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    data_dir, today = adapter.data_read(config)
    read = DataRead(data_dir, today, adapter.state(config).fingerprint)
    changes = repository.changes(adapter.project_root(config))
    _LATER[config.site_dir] = LaterDownloads(
        read, adapter.edition(config), changes, config.extra.get("repository")
    )
    for path in download_paths(adapter.dataset(config)):
        files.append(File.generated(config, path, content=""))  # its text: on_post_build
    return files


@event_priority(100)  # before the site check (and the search index) read the site
def on_post_build(*, config: MkDocsConfig) -> None:
    later = _LATER.pop(config.site_dir, None)
    if later is None:
        raise PluginError("downloads: their files were not named at on_files (hooks/exports.py)")
    texts = later.texts(
        same_data=adapter.data_unchanged(config),
        made_here=lambda: download_files(adapter.dataset(config), *later.args),
    )
    named = download_paths(adapter.dataset(config))
    if sorted(texts) != sorted(named):  # a file named but not made would be published empty
        raise PluginError(f"downloads: made {sorted(texts)}, named {sorted(named)}")
    for path, text in texts.items():
        (Path(config.site_dir) / path).write_text(text, encoding="utf-8")


def on_build_error(*, error: Exception) -> None:
    for later in _LATER.values():  # the worker's answer is not waited for, nor made
        later.cancel()
    _LATER.clear()


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri == "404.md":
        return html
    # MkDocs gives a page's title as HTML (from its first heading, or escaped from the front
    # matter by hooks/page_lint.py); the citation wants the text, which its template escapes.
    title = Markup(str(page.title or config.site_name)).striptags()
    path = adapter.public_path(page.file.src_uri)
    return html + "\n" + cite_box(citation.page_citation(title, path, adapter.edition(config)))
