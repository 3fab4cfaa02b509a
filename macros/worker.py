"""Work done beside the build, in a worker process on the other core, while the build
goes on with the next pages: most records' pages, the files of downloads/, the search
index entries of each page, and the site check of each written page. The worker runs its
tasks in the order they were sent. When the build needs the answers (on_post_build), it
does itself the tasks not yet handed to the worker, from the last, while the worker goes
on with the first (`share_out`): neither core waits for the other for long, and no task
is done twice. (The executor hands the worker a task, and marks it running, when the
worker is about to be free: the build may wait for one or two tasks that the worker has
not begun.)

Records' pages (macros/record_bodies.py) and the files of downloads/
(macros/worker_data.py) are made from the worker's own reading of data/, started first
thing (`read_ahead`, on_config).

Search: Material's search plugin parses every page's HTML (a seventh of a build). Here
`SearchSide.add` (hooks/search_terms.py, once the page is converted) sends the page's
content, table of contents, address and metadata (the plugin then skips the page), and
the worker makes its entries with the plugin's own `SearchIndex`, then leaves out what
`search_terms.lean_entries` leaves out; `entries` (on_post_build, before the plugin
writes the index) gives them back in page order. The index is the one the plugin would
have written.

Site check:
`EarlyCheck` (hooks/site_check.py, on_env: the list of files is final) opens the worker;
`page_made` (on_post_page) sends it, in batches, the pages that MkDocs has written (the
worker reads the files: no page's text crosses between the processes); `reports`
(on_post_build) collects what it read (the batches it has not started are read here),
for `check_site(checked=…)`, which reads again only a page whose file changed after it
was sent (or with a problem, or a script that the site's final list
of files must vouch for) and every file made after the pages (404.html, sitemap …). The
outcome is the same as reading every file after the build; only the waiting is shorter.

One worker per process, kept for the rebuilds of `mkdocs serve`. It is a fresh
interpreter ("spawn"): forking the build could copy a lock held by one of its threads (a
browser driver in the tests, `mkdocs serve`'s server) and hang the worker. As with any
"spawn", the worker imports the program's main module: a program that builds the site
in-process must keep its work under `if __name__ == "__main__":` (mkdocs, pytest and
tests/bench do). It runs its tasks
one at a time in the order they were sent, so a build's rules (the theme's scripts and
the list of files: large, and the same for every page) are sent once, first, and kept.
If the worker fails, the build goes on and does every task itself.
"""

from __future__ import annotations

import atexit
import multiprocessing
import re
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from .editions.site_check import PageReport, Rules, read_files_early
from .pages.search_terms import lean_entries

BATCH = 50  # pages per task: fewer, larger messages between the build and the worker
WAIT = 300  # seconds for an answer of the worker (a batch takes well under one)
T = TypeVar("T")
_POOL: list[ProcessPoolExecutor] = []
_RULES: dict[int, Rules] = {}  # in the worker: the rules of the current build


def _set_rules(build: int, rules: Rules) -> None:
    _RULES.clear()
    _RULES[build] = rules


def _read(build: int, site: Path, paths: list[str]) -> list[PageReport]:
    return read_files_early(site, paths, _RULES[build])


@dataclass
class PageForSearch:
    """What Material's `SearchIndex.add_entry_from_context` reads of a page."""

    url: str
    title: str
    content: str
    toc: Any
    meta: dict[str, Any]
    generated: bool  # a record's page: see search_terms.lean_entries


def index_pages(pages: list[PageForSearch]) -> list[dict[str, Any]]:
    """The search entries of `pages`, in order, as the plugin makes them, made lean."""
    from material.plugins.search.plugin import SearchIndex

    entries: list[dict[str, Any]] = []
    for page in pages:
        index = SearchIndex()
        index.add_entry_from_context(page)
        entries += lean_entries(index.entries, generated=page.generated)
    return entries


class SearchSide:
    """The pages of one build sent to the worker for their search entries."""

    def __init__(self) -> None:
        # page URL -> its `search` metadata, while the plugin is told to skip the page
        self.restore: dict[str, object] = {}
        self.waiting: list[PageForSearch] = []
        self.contents: dict[str, str] = {}  # page URL -> the content sent
        self.dropped: set[str] = set()  # pages whose content changed after it was sent
        # each batch with the worker's answer to come (None: made here, when it is asked)
        self.pending: list[tuple[list[PageForSearch], Future[list[dict[str, Any]]] | None]] = []

    def add(self, page: PageForSearch) -> None:
        self.contents[page.url] = page.content
        self.waiting.append(page)
        if len(self.waiting) >= BATCH:
            self._flush()

    def sent(self, url: str, content: str) -> bool:
        """Whether the entries of the page at `url` come from the worker: it was sent, and
        its content did not change since (else they are dropped, and the plugin indexes it)."""
        known = self.contents.pop(url, None)
        if known is None:
            return False
        if known is content or known == content:
            return True
        self.dropped.add(url)
        return False

    def _flush(self) -> None:
        if not self.waiting:
            return
        self.pending.append((self.waiting, send(index_pages, self.waiting)))
        self.waiting = []

    def entries(self) -> list[dict[str, Any]]:
        """Every page's entries, in the order the pages were added."""
        self._flush()
        batches = [pages for pages, _ in self.pending]
        # without an answer from the worker, the entries are made here, as the plugin would
        made = share_out([future for _, future in self.pending], lambda n: index_pages(batches[n]))
        entries = [entry for batch in made for entry in batch]
        self.pending = []
        if self.dropped:
            entries = [e for e in entries if str(e.get("location", "")).split("#")[0] not in self.dropped]
        return entries

    def cancel(self) -> None:
        for _, future in self.pending:
            if future is not None:
                future.cancel()
        self.pending, self.waiting = [], []


def share_out(futures: list[Future[T] | None], here: Callable[[int], T]) -> list[T]:
    """The answers of tasks sent to the worker, in the order they were sent. The tasks not
    yet handed to it are done here, from the last, while it works on the first, until the
    two meet (they are handed over in order: once one is, every one before it is). A task
    not sent (no worker) or that failed there is done here too."""
    made: dict[int, T] = {}
    for n in reversed(range(len(futures))):
        future = futures[n]
        if future is not None and not future.cancel():
            break
        made[n] = here(n)
    for n, future in enumerate(futures):
        if n not in made:
            try:
                made[n] = answer(future) if future is not None else here(n)
            except Exception:
                made[n] = here(n)
    return [made[n] for n in range(len(futures))]


def send(task: Callable[..., Any], *args: object) -> Future[Any] | None:
    try:
        return _pool().submit(task, *args)
    except Exception:  # a broken worker: the caller does the work itself
        _drop_pool()
        return None


def answer(future: Future[Any]) -> Any:
    """The worker's answer, or the exception the caller falls back on: what the task
    raised, a broken worker, or no answer within `WAIT` seconds (the worker is stopped)."""
    try:
        return future.result(timeout=WAIT)
    except TimeoutError:
        _drop_pool()
        raise


def _drop_pool() -> None:
    if _POOL:
        pool = _POOL.pop()
        for process in list(getattr(pool, "_processes", {}).values()):  # a hung worker too
            process.terminate()
        pool.shutdown(wait=False, cancel_futures=True)


def _pool() -> ProcessPoolExecutor:
    if not _POOL:
        context = multiprocessing.get_context("spawn")  # see above: not "fork"
        _POOL.append(ProcessPoolExecutor(max_workers=1, mp_context=context))
        atexit.register(_POOL[0].shutdown, cancel_futures=True)
    return _POOL[0]


class EarlyCheck:
    """The pages of one build read by the worker, by site-relative path."""

    def __init__(self, site: Path, theme: tuple[re.Pattern[str], ...], files: frozenset[str]) -> None:
        self.site = site
        self.rules = Rules(theme, files)
        self.made: list[str] = []  # pages made, not yet sent; the last may not be written yet
        self.pending: list[tuple[list[str], Future[list[PageReport]]]] = []
        self.build = id(self)
        # without a worker, the final check reads every page itself
        self.working = send(_set_rules, self.build, self.rules) is not None

    def page_made(self, path: str) -> None:
        """A page is about to be written (MkDocs writes it after on_post_page): the pages
        made before it are on disk, and go to the worker in batches."""
        self.made.append(path)
        if len(self.made) > BATCH:
            self._flush(self.made[:-1])
            self.made = self.made[-1:]

    def _flush(self, paths: list[str]) -> None:
        if self.working and paths and (future := send(_read, self.build, self.site, paths)):
            self.pending.append((paths, future))
        elif paths:
            self.working = False

    def reports(self) -> dict[str, PageReport]:
        """Once the pages are written: what the worker read. A page it could not read is
        left to the final check."""
        self._flush(self.made)
        self.made = []
        batches = [paths for paths, _ in self.pending]
        made = share_out(
            [future for _, future in self.pending],
            lambda n: read_files_early(self.site, batches[n], self.rules),
        )
        self.pending.clear()
        return {report.path: report for reports in made for report in reports}

    def cancel(self) -> None:
        for _, future in self.pending:
            future.cancel()
        self.pending.clear()
        self.made = []
