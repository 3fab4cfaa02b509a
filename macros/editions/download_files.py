"""Every file of the site's downloads/ folder, by site-relative path, from the data.

The build names them early (`download_paths`, so that MkDocs knows them and checks links
to them) and makes their text later (`download_files`), in the worker beside the build
when it can (macros/worker.py): the texts do not depend on the pages.
"""

from __future__ import annotations

from ..core.dataset import Dataset
from ..repository import Change
from . import calendar, cff, downloads, feed
from .edition import Edition
from .tables import csv_tables, table_names

FIXED = (
    "downloads/dataset.json",
    "downloads/bibliography.json",
    "downloads/bibliography.bib",
    "downloads/meetings.ics",
    "downloads/CITATION.cff",
    "downloads/changes.atom",
)


def download_paths(data: Dataset) -> list[str]:
    return [*FIXED, *(f"downloads/{name}.csv" for name in table_names(data))]


def download_files(
    data: Dataset, edition: Edition, changes: list[Change], repository: str | None
) -> dict[str, str]:
    """The text of each path of `download_paths(data)`. `changes`: `repository.changes`;
    `repository`: the repository's address (mkdocs.yml extra.repository), or None."""
    texts = dict(
        zip(
            FIXED,
            (
                downloads.dataset_json(data, edition),
                downloads.csl_json(data),
                downloads.bibtex(data, edition.site_name),
                calendar.meetings_calendar(data, edition),
                cff.citation_cff(edition, repository=repository, release=True),
                feed.changes_feed(changes, edition, data.corrections.values()),
            ),
            strict=True,
        )
    )
    texts.update({f"downloads/{name}.csv": text for name, text in csv_tables(data).items()})
    return texts
