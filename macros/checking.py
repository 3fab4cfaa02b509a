"""The site check, run beside the build: each page is read in a worker process as soon as
MkDocs has made it, while the build goes on with the next pages on the other core.

`start` (hooks/site_check.py, on_env: the list of files is final) opens the worker;
`page_written` (on_post_page, last) sends it each page's HTML; `reports` (on_post_build)
collects what it read, for `check_site(checked=…)`, which reads again only a page whose
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
from typing import Any

from .editions.site_check import PageReport, Rules, read_page_early

_POOL: list[ProcessPoolExecutor] = []
_RULES: dict[int, Rules] = {}  # in the worker: the rules of the current build


def _set_rules(build: int, rules: Rules) -> None:
    _RULES.clear()
    _RULES[build] = rules


def _read(build: int, path: str, html: str) -> PageReport:
    return read_page_early(path, html, _RULES[build])


def _pool() -> ProcessPoolExecutor:
    if not _POOL:
        _POOL.append(ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")))
        atexit.register(_POOL[0].shutdown, cancel_futures=True)
    return _POOL[0]


class EarlyCheck:
    """The pages of one build sent to the worker, by site-relative path."""

    def __init__(self, theme: tuple[re.Pattern[str], ...], files: frozenset[str]) -> None:
        self.rules = Rules(theme, files)
        self.pending: dict[str, Future[PageReport]] = {}
        self.build = id(self)
        self.working = self._send(_set_rules, self.build, self.rules) is not None

    def _send(self, task: Callable[..., object], *args: object) -> Future[Any] | None:
        try:
            return _pool().submit(task, *args)
        except Exception:  # a broken worker: read every page at the end, as without one
            if _POOL:
                _POOL.pop().shutdown(wait=False, cancel_futures=True)
            return None

    def page_written(self, path: str, html: str) -> None:
        if self.working and (future := self._send(_read, self.build, path, html)):
            self.pending[path] = future
        else:
            self.working = False

    def reports(self) -> dict[str, PageReport]:
        """What the worker read; a page it could not read is left to the final check."""
        done: dict[str, PageReport] = {}
        for path, future in self.pending.items():
            try:
                done[path] = future.result()
            except Exception:  # the final check reads the file itself
                continue
        self.pending.clear()
        return done

    def cancel(self) -> None:
        for future in self.pending.values():
            future.cancel()
        self.pending.clear()
