"""Benchmarks (`make bench`): how long the data check and the build take, now and at scale.

Not a test: it prints timings and asserts nothing. The scaled run copies the real data
and adds N synthetic claims citing real sources, to see how checking grows with size.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from macros.core.dataset import build_dataset

ROOT = Path(__file__).resolve().parent.parent


def _time(label: str, fn) -> float:
    start = time.perf_counter()
    fn()
    took = time.perf_counter() - start
    print(f"{label:<45} {took:8.2f} s")
    return took


def scaled_data(n: int, target: Path) -> Path:
    shutil.copytree(ROOT / "data", target)
    sources = sorted(p.stem for p in (ROOT / "data" / "sources").glob("*.yml"))
    assert sources
    lines = []
    for i in range(n):
        lines += [
            f"- id: bench-claim-{i}",
            f"  text: Synthetic claim number {i} for timing.",
            "  kind: fact",
            "  sources: [seed-blitz-article]",
            "",
        ]
    (target / "claims" / "bench.yml").write_text("\n".join(lines), encoding="utf-8")
    return target


def main() -> int:
    _time("data check, real data", lambda: build_dataset(ROOT / "data", today=date.today()))
    for n in (1000, 5000):
        with tempfile.TemporaryDirectory() as tmp:
            data = scaled_data(n, Path(tmp) / "data")
            _time(f"data check, real data + {n} claims", lambda d=data: build_dataset(d, today=date.today()))
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        _time(
            "mkdocs build --strict, real project",
            lambda: subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", tmp],
                cwd=ROOT,
                env=env,
                check=True,
            ),
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
