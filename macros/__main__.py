"""Command line for the data and the editions.

  python -m macros check [--data DIR] [--today YYYY-MM-DD] [--strict]
      validates the data exactly as the site build does, without importing MkDocs
  python -m macros pdf [--site site] [--out dist/….pdf]   print the PDF edition of a built site
  python -m macros zip --site DIR [--out dist/….zip]      pack an offline build
  python -m macros cff [--out CITATION.cff]                 write the repository's CITATION.cff from git
  python -m macros publish --site DIR --offline DIR [--pdf FILE]
      put the PDF edition and the offline copy into the site's downloads/, then check the site

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

from .core.dataset import build_dataset
from .core.errors import DataErrors


def _parser() -> argparse.ArgumentParser:
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
        help="treat this date as today (for 'in the future')",
    )
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    pdf = sub.add_parser("pdf", help="print the PDF edition of a built site")
    pdf.add_argument("--site", type=Path, default=Path("site"))
    pdf.add_argument("--out", type=Path, default=Path("dist/three-brothers-briefing.pdf"))
    pack = sub.add_parser("zip", help="pack an offline build into a zip")
    pack.add_argument("--site", type=Path, required=True)
    pack.add_argument("--out", type=Path, default=Path("dist/three-brothers-briefing-offline.zip"))
    cff = sub.add_parser("cff", help="write CITATION.cff, its authors from git")
    cff.add_argument("--out", type=Path, default=Path("CITATION.cff"))
    cff.add_argument("--title", default="Three Brothers briefing", help="the site's name (mkdocs.yml)")
    publish = sub.add_parser("publish", help="place the PDF and the offline copy in a built site")
    publish.add_argument("--site", type=Path, required=True)
    publish.add_argument("--offline", type=Path, required=True, help="an OFFLINE=true build")
    publish.add_argument("--pdf", type=Path, default=None, help="a PDF already printed from --site")
    return parser


def _check(args: argparse.Namespace) -> int:
    try:
        dataset = build_dataset(args.data, today=args.today or date.today())
    except DataErrors as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    for warning in dataset.warnings:
        print(warning.format(), file=sys.stderr)
    summary = ", ".join(f"{len(recs)} {kind}" for kind, recs in dataset.records.items())
    print(f"data ok: {summary} in {len(dataset.files)} files; {len(dataset.warnings)} warnings")
    return 1 if (args.strict and dataset.warnings) else 0


def _pdf(args: argparse.Namespace) -> int:
    from .editions.edition import edition_of_site
    from .editions.pdf import PdfError, write_pdf

    edition = edition_of_site(args.site)
    try:
        pages = write_pdf(args.site, args.out, edition)
    except PdfError as exc:
        print("\n".join(f"pdf: error: {line}" for line in str(exc).splitlines()), file=sys.stderr)
        print(f"pdf: {args.out} not written", file=sys.stderr)
        return 1
    print(f"wrote {args.out}: {pages} pages, edition of {edition.date:%Y-%m-%d}, version {edition.commit}")
    return 0


def _zip(args: argparse.Namespace) -> int:
    from .editions.offline import make_zip

    count = make_zip(args.site, args.out)
    print(f"wrote {args.out}: {count} files")
    return 0


def _cff(args: argparse.Namespace) -> int:
    from .editions.cff import citation_cff
    from .editions.edition import Edition
    from .repository import contributors, edition_date

    root = Path.cwd()
    edition = Edition(args.title, edition_date(), "unknown", contributors=contributors(root))
    args.out.write_text(citation_cff(edition), encoding="utf-8")
    print(f"wrote {args.out}: {len(edition.contributors)} authors")
    return 0


def _publish(args: argparse.Namespace) -> int:
    from .editions.editions_files import FILES, place_editions

    problems = place_editions(args.site, args.offline, args.pdf)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"site check failed: {len(problems)} problems", file=sys.stderr)
        return 1
    print("placed " + ", ".join(str(args.site / f.path) for f in FILES))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    commands = {"check": _check, "pdf": _pdf, "zip": _zip, "cff": _cff, "publish": _publish}
    return commands[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
