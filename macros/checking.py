"""The site check, run beside the build: each page is read in a worker process as soon as
MkDocs has made it, while the build goes on with the next pages on the other core.

`EarlyCheck` (hooks/site_check.py, on_env: the list of files is final) opens the worker;
`page_made` (on_post_page) sends it, in batches, the pages that MkDocs has written (the
worker reads the files: no page's text crosses between the processes); `reports`
(on_post_build) collects what it read, for `check_site(checked=…)`, which reads again only a page whose
file changed after it was sent (or with a problem, or a script that the site's final list
of files must vouch for) and every file made after the pages (404.html, sitemap …). The
outcome is the same as reading every file after the build; only the waiting is shorter.

One worker, forked once per process, at the first page of the first build (before
`mkdocs serve` starts its server's threads; "spawn" would import the program's main
module again in the worker, and run it where it has no `__main__` guard), and kept for
the rebuilds of `mkdocs serve`. It runs its tasks
one at a time in the order they were sent, so a build's rules (the theme's scripts and
the list of files: large, and the same for every page) are sent once, first, and kept.
If the worker fails, the build goes on and the final check reads every page itself.
"""

from __future__ import annotations

import atexit
import multiprocessing
import re
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

from .editions.site_check import PageReport, Rules, read_files_early

BATCH = 50  # pages per task: fewer, larger messages between the build and the worker
_POOL: list[ProcessPoolExecutor] = []
_RULES: dict[int, Rules] = {}  # in the worker: the rules of the current build


def _set_rules(build: int, rules: Rules) -> None:
    _RULES.clear()
    _RULES[build] = rules


def _read(build: int, site: Path, paths: list[str]) -> list[PageReport]:
    return read_files_early(site, paths, _RULES[build])


def _pool() -> ProcessPoolExecutor:
    if not _POOL:
        _POOL.append(ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")))
        atexit.register(_POOL[0].shutdown, cancel_futures=True)
    return _POOL[0]


class EarlyCheck:
    """The pages of one build read by the worker, by site-relative path."""

    def __init__(self, site: Path, theme: tuple[re.Pattern[str], ...], files: frozenset[str]) -> None:
        self.site = site
        self.rules = Rules(theme, files)
        self.made: list[str] = []  # pages made, not yet sent; the last may not be written yet
        self.pending: list[Future[list[PageReport]]] = []
        self.build = id(self)
        self.working = self._send(_set_rules, self.build, self.rules) is not None

    def _send(self, task: Callable[..., object], *args: object) -> Future[Any] | None:
        try:
            return _pool().submit(task, *args)
        except Exception:  # a broken worker: read every page at the end, as without one
            if _POOL:
                _POOL.pop().shutdown(wait=False, cancel_futures=True)
            return None

    def page_made(self, path: str) -> None:
        """A page is about to be written (MkDocs writes it after on_post_page): the pages
        made before it are on disk, and go to the worker in batches."""
        self.made.append(path)
        if len(self.made) > BATCH:
            self._flush(self.made[:-1])
            self.made = self.made[-1:]

    def _flush(self, paths: list[str]) -> None:
        if self.working and paths and (future := self._send(_read, self.build, self.site, paths)):
            self.pending.append(future)
        elif paths:
            self.working = False

    def reports(self) -> dict[str, PageReport]:
        """Once the pages are written: what the worker read. A page it could not read is
        left to the final check."""
        self._flush(self.made)
        self.made = []
        done: dict[str, PageReport] = {}
        for future in self.pending:
            try:
                done.update((r.path, r) for r in future.result())
            except Exception:  # the final check reads those files itself
                continue
        self.pending.clear()
        return done

    def cancel(self) -> None:
        for future in self.pending:
            future.cancel()
        self.pending.clear()
        self.made = []
