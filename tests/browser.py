"""Helpers to drive the built site in Debian's Chromium with Playwright (no downloaded browser)."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


@contextmanager
def serve(root: Path) -> Iterator[str]:
    """Serve `root` on a free loopback port for the duration of the block."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))

    class Quiet(handler.func):  # type: ignore[name-defined, misc]
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"Chromium not found at {CHROMIUM}: install Debian's 'chromium' package"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield b
        finally:
            b.close()


# Material's search box shows this once results for the current query are in.
RESULTS_SHOWN = r"\d+ matching documents?|No matching documents"
SEARCH_TIMEOUT_MS = 90_000  # generous for a loaded machine (the index loads in a worker), but bounded


def search(page: object, query: str) -> list[str]:
    """Put `query` in the site's search box; return the result links, best first.

    The whole query is filled in, then one key is released: Material searches on `keyup`,
    so it runs this query alone, not each prefix as typing would. We wait until results are
    shown and every result link's highlight terms (`?h=`, the query terms the result
    matched) are terms of this query, so no earlier result list is ever read. The same page
    can search again: the box is cleared first."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    box = page.locator(".md-search__input")  # type: ignore[attr-defined]
    box.click()
    if box.input_value():  # clear the previous query first, and wait until its results are gone
        box.fill("")
        box.press("End")
        page.wait_for_function(  # type: ignore[attr-defined]
            "shown => !new RegExp('^(' + shown + ')$').test("
            "document.querySelector('.md-search-result__meta').textContent.trim())",
            arg=RESULTS_SHOWN,
            timeout=SEARCH_TIMEOUT_MS,
        )
    box.fill(query)
    box.press("End")
    try:
        page.wait_for_function(  # type: ignore[attr-defined]
            """([shown, terms]) => {
                const meta = document.querySelector('.md-search-result__meta');
                if (!meta || !new RegExp('^(' + shown + ')$').test(meta.textContent.trim())) return false;
                const links = [...document.querySelectorAll('.md-search-result__item > a')];
                return links.every(a => (new URL(a.href).searchParams.get('h') || '')
                    .split(' ').filter(Boolean).every(t => terms.includes(t)));
            }""",
            arg=[RESULTS_SHOWN, query.lower().split()],
            timeout=SEARCH_TIMEOUT_MS,
        )
    except PlaywrightTimeout:
        meta = page.locator(".md-search-result__meta").all_inner_texts()  # type: ignore[attr-defined]
        raise AssertionError(
            f"search for {query!r}: no results for this query after {SEARCH_TIMEOUT_MS / 1000:g} s "
            f"(the search box shows {meta!r})"
        ) from None
    return page.locator(".md-search-result__item > a").evaluate_all(  # type: ignore[attr-defined]
        "els => els.map(e => e.getAttribute('href'))"
    )
