"""`python -m tests.bench.rebuild PROJECT SITE`: build, edit one data file, build again in
the same process, as `mkdocs serve` does on a change (it loads the config again and runs a
full build; the adapter reuses nothing of the Dataset once a data file changed). Prints the
seconds of the second build. Edits the copy in PROJECT (a benchmark's), never data/."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config


def _build(project: Path, site: Path) -> float:
    start = time.perf_counter()
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site), strict=True)
    build(config)
    return time.perf_counter() - start


def main() -> None:
    project, site = Path(sys.argv[1]), Path(sys.argv[2])
    _build(project, site)
    edited = project / "data" / "meetings" / "bench-000.yml"
    text = edited.read_text(encoding="utf-8")
    edited.write_text(
        text.replace("Synthetic meeting 0,", "Synthetic meeting 0 (edited),", 1), encoding="utf-8"
    )
    print(f"rebuild {_build(project, site):.3f}")


if __name__ == "__main__":
    main()
