"""Command line: `python -m macros check [--data DIR] [--today YYYY-MM-DD] [--strict]`.

Validates the data exactly as the site build does, without importing MkDocs.

Exit codes:
  0  no errors (warnings may be printed)
  1  data errors (or, with --strict, warnings), each printed as one line
  2  the command itself was used wrongly
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from .dataset import build_dataset
from .errors import DataErrors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m macros", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate data/ and report every problem")
    check.add_argument("--data", type=Path, default=Path("data"), help="data folder (default: data)")
    check.add_argument(
        "--today",
        type=date.fromisoformat,
        default=None,
        help="treat this date as today (for the 'in the future' rule)",
    )
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    args = parser.parse_args(argv)

    try:
        dataset = build_dataset(args.data, today=args.today)
    except DataErrors as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    for warning in dataset.warnings:
        print(warning.format(), file=sys.stderr)
    counts = {kind: len(recs) for kind, recs in dataset.records.items()}
    summary = ", ".join(f"{n} {kind}" for kind, n in counts.items())
    print(f"data ok: {summary} in {len(dataset.files)} files; {len(dataset.warnings)} warnings")
    return 1 if (args.strict and dataset.warnings) else 0


if __name__ == "__main__":
    sys.exit(main())
