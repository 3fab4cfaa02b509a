"""Benchmarks (`make bench [SIZES=100,1000] [REPEAT=3]`): the build of the real project plus
N synthetic meetings, side by side with the same pages in plain MkDocs + Material.

Not a test: it prints a table and asserts nothing. Builds of ours and of the baseline
are interleaved (ours, baseline, ours, baseline …) so that machine noise hits both; each
time is the median of REPEAT runs, each build a child process of its own whose peak memory
(maximum resident set) is read when it ends. Per size it prints:

* build: ours and the baseline (s), their ratio, ms per record (every record of the data,
  the real ones included) and ms per synthetic meeting; the ratio of each interleaved
  pair and their median (the machine's speed drifts from minute to minute: a pair is
  built in the same minute), and the CPU seconds of each build (ours uses a second core);
* peak memory of our build (MB, the largest of the runs);
* the median and the largest page, the largest generated entity page (bytes / gzipped);
* the search index (bytes / gzipped), ours and the baseline's;
* `python -m macros check` on the same data (s, median of REPEAT), and the time of a
  rebuild after a one-file data edit, as `mkdocs serve` does it (`--no-rebuild` skips it);
* the time from opening the home page to the first search results, in headless Chromium
  (when Playwright and Chromium are there).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

from macros.core.dataset import build_dataset

from .measure import build, check, first_result, median, rebuild, site_sizes
from .synthetic import baseline, project


def _kb(n: int) -> str:
    return f"{n / 1024:.0f}K" if n < 1024 * 1024 else f"{n / 1024 / 1024:.1f}M"


def measure(n: int, repeat: int, work: Path, with_rebuild: bool) -> list[str]:
    """The report's lines for `n` meetings."""
    ours, plain = project(n, work / f"ours-{n}"), baseline(n, work / f"plain-{n}")
    times: dict[str, list[float]] = {"ours": [], "plain": []}
    cpu: dict[str, list[float]] = {"ours": [], "plain": []}
    peak = 0.0
    for k in range(repeat):
        for name, source in (("ours", ours), ("plain", plain)):
            result = build(source, work / f"site-{name}-{n}-{k}")
            times[name].append(result.seconds)
            cpu[name].append(result.cpu)
            peak = max(peak, result.peak_mb) if name == "ours" else peak
    checks = [check(ours).seconds for _ in range(repeat)]
    records = sum(len(r) for r in build_dataset(ours / "data", today=date.today()).records.values())
    ours_s, plain_s = median(times["ours"]), median(times["plain"])
    pairs = [a / b for a, b in zip(times["ours"], times["plain"], strict=True)]
    sizes, plain_sizes = site_sizes(work / f"site-ours-{n}-0"), site_sizes(work / f"site-plain-{n}-0")
    lines = [
        f"## {n} meetings, {records} records ({sizes.pages} pages; baseline {plain_sizes.pages})",
        f"build            ours {ours_s:.1f} s, plain {plain_s:.1f} s, ratio {ours_s / plain_s:.2f}"
        f"  (runs: {', '.join(f'{t:.1f}' for t in times['ours'])} / "
        f"{', '.join(f'{t:.1f}' for t in times['plain'])})",
        f"paired ratio     {median(pairs):.2f}  (pairs: {', '.join(f'{r:.2f}' for r in pairs)})",
        f"CPU              ours {median(cpu['ours']):.1f} s, plain {median(cpu['plain']):.1f} s",
        f"per entity       {1000 * ours_s / records:.2f} ms/record, {1000 * ours_s / n:.1f} ms/meeting",
        f"peak memory      {peak:.0f} MB",
        f"median page      {_kb(sizes.median_page[0])} / {_kb(sizes.median_page[1])} gz",
        f"largest page     {_kb(sizes.largest_page[0])} / {_kb(sizes.largest_page[1])} gz"
        f"  {sizes.largest_page[2]}",
        f"largest entity   {_kb(sizes.largest_entity[0])} / {_kb(sizes.largest_entity[1])} gz"
        f"  {sizes.largest_entity[2]}",
        f"search index     {_kb(sizes.search[0])} / {_kb(sizes.search[1])} gz"
        f"  (baseline {_kb(plain_sizes.search[0])} / {_kb(plain_sizes.search[1])} gz)",
        f"macros check     {median(checks):.2f} s for {records} records",
    ]
    if (found := first_result(work / f"site-ours-{n}-0")) is not None:
        lines.append(
            f"first search     results for {found.query!r} {found.results:.1f} s after opening the home "
            f"page (loaded in {found.loaded:.1f} s), headless Chromium, loopback HTTP"
        )
    if with_rebuild:
        seconds = rebuild(ours, work / f"site-rebuild-{n}")
        lines.append(f"rebuild (serve)  {seconds:.1f} s after a one-file data edit")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make bench")
    parser.add_argument("--sizes", default=os.environ.get("SIZES", "100,1000"))
    parser.add_argument("--repeat", type=int, default=int(os.environ.get("REPEAT", "3")))
    parser.add_argument("--no-rebuild", action="store_true", help="skip the rebuild measurement")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    print(f"# make bench: sizes {sizes}, {args.repeat} run(s) each, medians", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            print("\n".join(measure(n, args.repeat, Path(tmp), not args.no_rebuild)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
