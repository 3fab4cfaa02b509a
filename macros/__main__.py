"""Command line for the data and the editions.

  python -m macros check [--data DIR] [--today YYYY-MM-DD] [--strict]
      validates the data exactly as the site build does, without importing MkDocs
  python -m macros pdf [--site site] [--out dist/….pdf]   print the PDF edition of a built site
  python -m macros zip --site DIR [--out dist/….zip]      pack an offline build

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
    pdf = sub.add_parser("pdf", help="print the PDF edition of a built site")
    pdf.add_argument("--site", type=Path, default=Path("site"))
    pdf.add_argument("--out", type=Path, default=Path("dist/three-brothers-briefing.pdf"))
    pack = sub.add_parser("zip", help="pack an offline build into a zip")
    pack.add_argument("--site", type=Path, required=True)
    pack.add_argument("--out", type=Path, default=Path("dist/three-brothers-briefing-offline.zip"))
    args = parser.parse_args(argv)
    if args.command == "pdf":
        from .exports import edition_of
        from .pdf import write_pdf

        edition, version = edition_of(Path.cwd())
        pages = write_pdf(args.site, args.out, edition, version)
        print(f"wrote {args.out}: {pages} pages, edition of {edition:%Y-%m-%d}, version {version}")
        return 0
    if args.command == "zip":
        from .offline import make_zip

        count = make_zip(args.site, args.out)
        print(f"wrote {args.out}: {count} files")
        return 0

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
