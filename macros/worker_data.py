"""The worker's own reading of data/ (macros/worker.py), and the files of downloads/ it
makes from it.

`read_ahead` (hooks/dataset.py, on_config) starts the worker and has it read data/ while
the build reads it too; its later tasks of the same build (records' pages, the downloads)
then find the data read. `worker_dataset` keeps the last data read while data/ does not
change, with the fingerprint of the files it was read from: a task takes it only if that
is the fingerprint of the build's own reading (else the build does the task itself).

Downloads: `LaterDownloads` (hooks/exports.py, on_files) asks the worker to make every
file of downloads/ (editions/download_files.py); the build writes them at on_post_build,
before the site check. If the worker read other data than the build, if data/ changed
since the build read it, or if the worker has not started the task or does not answer,
the build makes them from its own data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .adapter import Fingerprint, data_fingerprint
from .core.dataset import Dataset, build_dataset
from .editions.download_files import download_files
from .editions.edition import Edition
from .repository import Change
from .worker import answer, send

_DATA: dict[tuple[str, date, Fingerprint], Dataset] = {}  # in the worker: the last data read


def worker_dataset(data_dir: Path, today: date) -> tuple[Fingerprint | None, Dataset]:
    """In the worker: the data of `data_dir`, read once for all the tasks of a build (and
    kept while data/ does not change), with the fingerprint of the files it was read from
    (None if they changed while they were read). A data error is raised as it is."""
    before = data_fingerprint(data_dir)
    key = (str(data_dir), today, before)
    if key not in _DATA:
        data = build_dataset(data_dir, today=today)
        if data_fingerprint(data_dir) != before:
            return None, data
        _DATA.clear()
        _DATA[key] = data
    return before, _DATA[key]


def _read_ahead(data_dir: Path, today: date) -> None:
    try:
        worker_dataset(data_dir, today)
    except Exception:  # a data error: the build reports it, and no task takes this data
        _DATA.clear()


def read_ahead(data_dir: Path, today: date) -> None:
    """Start the worker and have it read data/ (for the day the build checks it against)."""
    send(_read_ahead, data_dir, today)


class OtherData(Exception):
    """The worker did not read the data the build read."""


@dataclass(frozen=True)
class DataRead:
    """The data a build read: its folder, the day it was checked against, and the
    fingerprint of its files then."""

    data_dir: Path
    today: date
    fingerprint: Fingerprint

    def dataset(self) -> Dataset:
        """In the worker: its own reading of the same files, or OtherData (or the data
        error, if they do not pass)."""
        found, data = worker_dataset(self.data_dir, self.today)
        if found != self.fingerprint:
            raise OtherData(self.data_dir)
        return data


def _downloads(
    read: DataRead, edition: Edition, changes: list[Change], repository: str | None
) -> dict[str, str]:
    return download_files(read.dataset(), edition, changes, repository)


class LaterDownloads:
    """The files of downloads/ of one build, made by the worker from its own reading of
    data/ while the build makes the pages; `made_here` makes them from the build's data."""

    def __init__(
        self, read: DataRead, edition: Edition, changes: list[Change], repository: str | None
    ) -> None:
        self.args = (edition, changes, repository)
        self.future = send(_downloads, read, *self.args)

    def texts(self, *, same_data: bool, made_here: Callable[[], Any]) -> dict[str, str]:
        """By site-relative path. `same_data`: data/ is still what the build read (else
        the worker may have read another state of it, and its answer is not taken)."""
        # not handed to the worker yet (it is behind): made here, while it goes on
        if self.future is not None and same_data and not self.future.cancel():
            try:
                return dict(answer(self.future))
            except Exception:  # the files are made here
                pass
        self.cancel()
        return dict(made_here())

    def cancel(self) -> None:
        if self.future is not None:
            self.future.cancel()
