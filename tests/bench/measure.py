"""What `make bench` measures of one build: wall time and peak memory of the process (each
build runs in a child process, read with os.wait4), and the size of what it wrote."""

from __future__ import annotations

import gzip
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
ENTITY_FOLDERS = ("people", "meetings", "disputes", "countries")


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float  # the child's maximum resident set size
    cpu: float = 0.0  # seconds of CPU, the child's and its own children's (our build's worker)


def run(command: list[str], cwd: Path, *, quiet: bool = False) -> Run:
    """Run `command` in a child process; its wall time and its own peak memory."""
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL if quiet else None)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"bench: {' '.join(command)} failed in {cwd} (exit {child.returncode})")
    return Run(seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime)  # maxrss: KiB


def build(project_dir: Path, site: Path) -> Run:
    """A strict, quiet MkDocs build of `project_dir` into `site`."""
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"]
    return run([*mkdocs, "-f", str(project_dir / "mkdocs.yml"), "-d", str(site)], project_dir)


def check(project_dir: Path) -> Run:
    """`python -m macros check` on the project's data (a process of its own, as users run it)."""
    return run([sys.executable, "-m", "macros", "check", "--data", "data"], project_dir, quiet=True)


def rebuild(project_dir: Path, site: Path) -> float:
    """Seconds to rebuild after a one-file data edit, as `mkdocs serve` does (same process,
    config loaded again, the Dataset cache of the first build in place): tests/bench/rebuild.py."""
    out = subprocess.run(
        [sys.executable, "-m", "tests.bench.rebuild", str(project_dir), str(site)],
        cwd=ROOT,
        env=ENV,
        check=True,
        capture_output=True,
        text=True,
    )
    return float(out.stdout.split()[-1])


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


@dataclass(frozen=True)
class SiteSizes:
    pages: int
    median_page: tuple[int, int]  # (bytes, gzipped)
    largest_page: tuple[int, int, str]  # (bytes, gzipped, path)
    largest_entity: tuple[int, int, str]  # the largest generated entity page, gzipped
    search: tuple[int, int]  # search/search_index.json (bytes, gzipped)


def site_sizes(site: Path) -> SiteSizes:
    """Page and search index sizes of a built site."""
    sizes: list[tuple[int, int, str]] = []
    entity: tuple[int, int, str] = (0, 0, "")
    for path in sorted(site.rglob("*.html")):
        raw = path.read_bytes()
        rel = path.relative_to(site).as_posix()
        item = (len(raw), _gz(raw), rel)
        sizes.append(item)
        folder, _, rest = rel.partition("/")
        if folder in ENTITY_FOLDERS and rest != "index.html" and item[1] > entity[1]:
            entity = item
    index = (site / "search" / "search_index.json").read_bytes()
    median = sorted(sizes)[len(sizes) // 2]
    return SiteSizes(
        pages=len(sizes),
        median_page=(median[0], median[1]),
        largest_page=max(sizes),
        largest_entity=entity,
        search=(len(index), _gz(index)),
    )


def median(values: list[float]) -> float:
    return statistics.median(values)


@dataclass(frozen=True)
class FirstResult:
    loaded: float  # seconds from opening the home page until it has loaded
    results: float  # seconds from opening it until the first results of `query` are shown
    query: str


def first_result(site: Path, query: str = "Sharif") -> FirstResult | None:
    """How long a reader waits for search on a fresh visit, in headless Chromium over
    loopback HTTP: the page loads, Material's search worker fetches and builds the index,
    then the query's results appear. None without Playwright or Chromium."""
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        from browser import CHROMIUM, browser, search, serve

        if not Path(CHROMIUM).exists():
            return None
        with serve(site) as url, browser() as b:
            page = b.new_page()  # type: ignore[attr-defined]
            start = time.perf_counter()
            page.goto(url, wait_until="load")
            loaded = time.perf_counter() - start
            search(page, query)
            return FirstResult(loaded, time.perf_counter() - start, query)
    except ImportError:
        return None
    finally:
        sys.path.remove(str(ROOT / "tests"))
