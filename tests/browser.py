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


def search(page: object, query: str) -> list[str]:
    """Type `query` into the site's search box; return result links, best first."""
    box = page.locator(".md-search__input")  # type: ignore[attr-defined]
    box.click()
    box.fill("")
    box.type(query, delay=20)
    page.wait_for_function(  # type: ignore[attr-defined]
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return m && !/Initializing|Type to start/.test(m.textContent); }",
        timeout=15000,
    )
    page.wait_for_timeout(300)  # type: ignore[attr-defined]
    return page.locator(".md-search-result__item > a").evaluate_all(  # type: ignore[attr-defined]
        "els => els.map(e => e.getAttribute('href'))"
    )
