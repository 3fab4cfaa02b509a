"""`make linkcheck`: is every cited address still there? Needs the network; never part of `make test`.

    python -m macros.linkcheck [--data data] [--out dist/linkcheck.json] [--probe URL]

Reads the sources with the same loader as the build and requests each address a source gives
(`url`, `copy_url`, `archive_url`) once, a few hosts at a time and one request at a time per
host. Each result records what was found and when (`checked_at`, UTC): a link's state is an
observation of one moment, so the report is written under dist/, never committed or
published, and nothing on the site claims a link is alive. For a dead address the report
suggests the Wayback Machine's lookup form, https://web.archive.org/web/2/<url>, which
redirects to the snapshot nearest to now: a suggestion for editors, who check it and then
set `archive_url` and `url_status: dead` in data/sources/ themselves.

When the network cannot be reached (a request to `--probe` fails), it says so and checks
nothing. Exit codes: 0 every address answered (some may refuse robots: "blocked", listed for a look
by hand); 1 some are dead, moved to another host or failing (listed); 2 wrong use or data
errors; 3 no network.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import requests

from .core.dataset import Dataset, build_dataset
from .core.errors import DataErrors

USER_AGENT = "three-brothers-briefing-linkcheck/1 (checks the sources a briefing cites)"
PROBE = "https://web.archive.org/"
TIMEOUT = 20.0
# What an answer means for an editor. Servers that refuse robots (401/403/429) are not dead.
BLOCKED = {401, 403, 429}
GONE = {404, 410}
NO_SUCH_HOST = "NameResolutionError"
# The causes urllib3 wraps in requests' ConnectionError, named in a report instead of its repr.
CAUSES = ("NameResolutionError", "NewConnectionError", "ConnectTimeoutError", "SSLError", "ReadTimeoutError")
PROBLEMS = ("dead", "moved", "failing")  # what makes the run fail; "blocked" only asks for a look
_local = threading.local()


@dataclass(frozen=True)
class Result:
    source: str
    field: str
    url: str
    status: str  # ok | moved | blocked | dead | failing
    code: int | None
    final_url: str | None
    checked_at: str
    note: str = ""
    suggestion: str | None = None


def targets(data: Dataset) -> list[tuple[str, str, str]]:
    """(source id, field, address) for every address a source gives."""
    found = []
    for sid, source in data.sources.items():
        for field in ("url", "copy_url", "archive_url"):
            url = getattr(source, field)
            if url:
                found.append((sid, field, url))
    return found


def classify(url: str, code: int | None, final_url: str | None, error: str | None) -> tuple[str, str]:
    """(status, note) for one answer."""
    if error is not None:
        return ("dead" if NO_SUCH_HOST in error else "failing"), error
    assert code is not None
    if code in GONE:
        return "dead", f"HTTP {code}"
    if code in BLOCKED:
        return "blocked", f"HTTP {code}: the server refuses automated requests; check by hand"
    if code >= 400:
        return "failing", f"HTTP {code}"
    if final_url and urlsplit(final_url).hostname != urlsplit(url).hostname:
        return "moved", f"redirects to another host: {final_url}"
    return "ok", ""


def _session() -> requests.Session:
    """One session per thread (a Session is not meant to be shared between threads)."""
    if not hasattr(_local, "session"):
        _local.session = requests.Session()
        _local.session.headers["User-Agent"] = USER_AGENT
    session: requests.Session = _local.session
    return session


def fetch(url: str) -> tuple[int | None, str | None, str | None]:
    """(HTTP status, final address, error) of a GET whose body is not read."""
    try:
        with _session().get(url, timeout=TIMEOUT, stream=True, allow_redirects=True) as answer:
            return answer.status_code, answer.url, None
    except requests.RequestException as exc:
        text = str(exc)
        cause = next((c for c in CAUSES if c in text), None)
        return (
            None,
            None,
            f"{type(exc).__name__} ({cause})" if cause else f"{type(exc).__name__}: {text[:160]}",
        )


def check(
    items: Iterable[tuple[str, str, str]],
    get: Callable[[str], tuple[int | None, str | None, str | None]],
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
    workers: int = 6,
) -> list[Result]:
    """Check every address: hosts in parallel, one request at a time per host."""
    by_host: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for item in items:
        by_host[urlsplit(item[2]).hostname or ""].append(item)

    def one_host(host_items: list[tuple[str, str, str]]) -> list[Result]:
        results = []
        for sid, field, url in host_items:
            code, final_url, error = get(url)
            status, note = classify(url, code, final_url, error)
            suggestion = (
                f"https://web.archive.org/web/2/{url}"
                if status == "dead" and field != "archive_url"
                else None
            )
            stamp = now().isoformat(timespec="seconds")
            results.append(Result(sid, field, url, status, code, final_url, stamp, note, suggestion))
        return results

    with ThreadPoolExecutor(max_workers=workers) as pool:
        groups = list(pool.map(one_host, by_host.values()))
    return sorted((r for group in groups for r in group), key=lambda r: (r.source, r.field))


def report(results: list[Result], out: Path, started: str) -> str:
    """Write the JSON report; return the lines to print (everything that is not ok)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    payload = {"checked_at": started, "results": [asdict(r) for r in results]}
    out.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    lines = [
        f"{r.status}: source '{r.source}' › {r.field}: {r.url} ({r.note})"
        + (f"; archived copy to check: {r.suggestion}" if r.suggestion else "")
        for r in results
        if r.status != "ok"
    ]
    counts: dict[str, int] = defaultdict(int)
    for r in results:
        counts[r.status] += 1
    summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    return "\n".join([*lines, f"{len(results)} addresses checked on {started}: {summary}; report: {out}"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.linkcheck", description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("data"))
    parser.add_argument("--out", type=Path, default=Path("dist/linkcheck.json"))
    parser.add_argument("--probe", default=PROBE, help="an address that answers whenever the network is up")
    args = parser.parse_args(argv)
    started = datetime.now(UTC)
    try:
        data = build_dataset(args.data, today=started.date())
    except DataErrors as exc:
        print(exc.report(), file=sys.stderr)
        return 2
    code, _, error = fetch(args.probe)
    if code is None:
        print(
            f"no network: {args.probe} cannot be reached ({error}), so no address was checked;"
            " run `make linkcheck` on a machine that reaches the web",
            file=sys.stderr,
        )
        return 3
    results = check(targets(data), fetch)
    print(report(results, args.out, started.isoformat(timespec="seconds")))
    return 1 if any(r.status in PROBLEMS for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
