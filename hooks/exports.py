"""Downloads and "cite this page" (events: on_config, on_files, on_page_content).

Adds the dataset (JSON, CSV), bibliography (CSL-JSON, BibTeX), meetings (iCalendar) and an
Atom feed of changes to the site under downloads/, as generated files so that links to
them are validated; and appends a citation box to every page. The edition date is
SOURCE_DATE_EPOCH (set by the Makefile from the last commit) so builds are reproducible.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

from macros import exports
from macros.dataset import cached_dataset, data_dir_for
from macros.render import cite_box

EDITION: dict[str, Any] = {}


def on_config(config: Any) -> Any:
    root = Path(config.config_file_path).resolve().parent
    EDITION["date"], EDITION["commit"] = exports.edition_of(root)
    EDITION["root"] = root
    return config


def on_files(files: Files, *, config: Any) -> Files:
    data = cached_dataset(data_dir_for(config.config_file_path))
    edition = EDITION["date"]
    base = config.site_url or "./"
    outputs = {
        "downloads/dataset.json": exports.dataset_json(data, edition),
        "downloads/bibliography.json": exports.csl_json(data),
        "downloads/bibliography.bib": exports.bibtex(data),
        "downloads/meetings.ics": exports.icalendar(data, edition),
        "downloads/changes.atom": exports.atom(exports.changes_of(EDITION["root"]), edition, base),
    }
    outputs.update({f"downloads/{name}.csv": text for name, text in exports.csv_tables(data).items()})
    for path, text in outputs.items():
        files.append(File.generated(config, path, content=text))
    return files


def on_page_content(html: str, *, page: Any, config: Any, files: Files) -> str:
    if page.file.src_uri in ("404.md",):
        return html
    url = (config.site_url or "") + page.url if config.site_url else f"(this site) /{page.url}"
    title = page.title or config.site_name
    return html + "\n" + cite_box(exports.page_citation(str(title), url, EDITION["date"]))
