"""Benchmarks (`make bench [SIZES=100,1000]`): the build of the real project plus N
synthetic meetings, side by side with the same pages in plain MkDocs + Material.

Not a test: it prints a table and asserts nothing. Builds of ours and of the baseline
are interleaved (ours, baseline, ours, baseline …) so that machine noise hits both; each
figure is the median of REPEAT runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from macros.core.dataset import build_dataset

from .synthetic import ROOT, baseline, project


def _seconds(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _build(project_dir: Path, site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "-q",
        "-f",
        str(project_dir / "mkdocs.yml"),
    ]
    subprocess.run([*command, "-d", str(site)], cwd=project_dir, env=env, check=True)


def measure(n: int, repeat: int, work: Path) -> dict[str, float]:
    ours, plain = project(n, work / f"ours-{n}"), baseline(n, work / f"plain-{n}")
    times: dict[str, list[float]] = {"ours": [], "plain": []}
    for k in range(repeat):
        for name, source in (("ours", ours), ("plain", plain)):
            site = work / f"site-{name}-{n}-{k}"
            times[name].append(_seconds(lambda p=source, s=site: _build(p, s)))
    check = _seconds(lambda: build_dataset(ours / "data", today=date.today()))
    entities = sum(1 for _ in (ours / "data").rglob("*.yml"))  # files, for the record only
    records = build_dataset(ours / "data", today=date.today())
    count = sum(len(r) for r in records.records.values())
    ours_s, plain_s = statistics.median(times["ours"]), statistics.median(times["plain"])
    return {
        "meetings": n,
        "records": count,
        "files": entities,
        "ours": ours_s,
        "plain": plain_s,
        "ratio": ours_s / plain_s,
        "ms_per_record": 1000 * ours_s / count,
        "check": check,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make bench")
    parser.add_argument("--sizes", default=os.environ.get("SIZES", "100,1000"))
    parser.add_argument("--repeat", type=int, default=int(os.environ.get("REPEAT", "3")))
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    print(
        f"{'meetings':>8} {'records':>8} {'ours s':>8} {'plain s':>8} {'ratio':>6} {'ms/record':>9} {'check s':>8}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            r = measure(n, args.repeat, Path(tmp))
            print(
                f"{r['meetings']:>8} {r['records']:>8} {r['ours']:>8.1f} {r['plain']:>8.1f} "
                f"{r['ratio']:>6.2f} {r['ms_per_record']:>9.2f} {r['check']:>8.2f}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
