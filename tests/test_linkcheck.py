"""`make linkcheck`, tried against a server on this machine (the real check needs the network
and is never part of `make test`)."""

from __future__ import annotations

import http.server
import json
import socket
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import FIXTURE

from macros import linkcheck

ANSWERS = {"/ok": 200, "/gone": 404, "/blocked": 403, "/error": 500}


class Handler(http.server.BaseHTTPRequestHandler):
    elsewhere = ""  # the address of a second server: another host for a redirect

    def do_GET(self) -> None:
        if self.path == "/elsewhere":
            self.send_response(301)
            self.send_header("Location", f"{self.elsewhere}/ok")
        elif self.path == "/same":
            self.send_response(302)
            self.send_header("Location", "/ok")
        else:
            self.send_response(ANSWERS.get(self.path, 404))
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """A server on 127.0.0.1, and one on 127.0.0.2 (another host, still this machine's
    loopback, named without a lookup) for redirects."""
    servers = [http.server.ThreadingHTTPServer((host, 0), Handler) for host in ("127.0.0.1", "127.0.0.2")]
    for httpd in servers:
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
    Handler.elsewhere = f"http://127.0.0.2:{servers[1].server_address[1]}"
    yield f"http://127.0.0.1:{servers[0].server_address[1]}"
    for httpd in servers:
        httpd.shutdown()
        httpd.server_close()


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_each_answer_is_classified_per_source_and_dated(server: str) -> None:
    closed = f"http://127.0.0.1:{_closed_port()}/"
    paths = ["ok", "same", "elsewhere", "gone", "blocked", "error"]
    items = [(f"src-{p}", "url", f"{server}/{p}") for p in paths] + [("src-closed", "url", closed)]
    when = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
    results = {r.source: r for r in linkcheck.check(items, linkcheck.fetch, now=lambda: when)}
    assert {s: r.status for s, r in results.items()} == {
        "src-ok": "ok",
        "src-same": "ok",
        "src-elsewhere": "moved",
        "src-gone": "dead",
        "src-blocked": "blocked",
        "src-error": "failing",
        "src-closed": "failing",
    }
    assert results["src-gone"].suggestion == f"https://web.archive.org/web/2/{server}/gone"
    assert [s for s, r in results.items() if r.suggestion] == ["src-gone"]
    assert results["src-closed"].note == "ConnectionError (NewConnectionError)"
    assert all(r.checked_at == "2026-11-26T12:00:00+00:00" for r in results.values())


def test_a_host_that_no_longer_exists_is_dead() -> None:
    status, _ = linkcheck.classify(
        "https://gone.example/", None, None, "ConnectionError (NameResolutionError)"
    )
    assert status == "dead"


def test_the_report_is_written_with_its_date_and_lists_what_needs_an_editor(
    server: str, tmp_path: Path
) -> None:
    items = [("src-a", "url", f"{server}/ok"), ("src-b", "url", f"{server}/gone")]
    results = linkcheck.check(items, linkcheck.fetch)
    printed = linkcheck.report(results, tmp_path / "linkcheck.json", "2026-11-26T12:00:00+00:00")
    saved = json.loads((tmp_path / "linkcheck.json").read_text(encoding="utf-8"))
    assert saved["checked_at"] == "2026-11-26T12:00:00+00:00"
    assert [(r["source"], r["status"]) for r in saved["results"]] == [("src-a", "ok"), ("src-b", "dead")]
    assert printed.splitlines()[0] == (
        f"dead: source 'src-b' › url: {server}/gone (HTTP 404); "
        f"archived copy to check: https://web.archive.org/web/2/{server}/gone"
    )
    assert printed.splitlines()[-1].startswith(
        "2 addresses checked on 2026-11-26T12:00:00+00:00: 1 dead, 1 ok"
    )


def test_without_a_network_it_says_so_and_checks_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    probe = f"http://127.0.0.1:{_closed_port()}/"
    out = tmp_path / "linkcheck.json"
    code = linkcheck.main(["--data", str(FIXTURE), "--out", str(out), "--probe", probe])
    assert code == 3
    assert capsys.readouterr().err.startswith(f"no network: {probe} cannot be reached")
    assert not out.exists()


def test_every_address_a_source_gives_is_a_target() -> None:
    from conftest import real_data

    data = real_data()
    found = linkcheck.targets(data)
    expected = sum(
        bool(getattr(s, f)) for s in data.sources.values() for f in ("url", "copy_url", "archive_url")
    )
    assert len(found) == expected > 100
    assert all(url.startswith(("http://", "https://")) for _, _, url in found)
