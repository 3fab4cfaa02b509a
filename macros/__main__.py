"""Command line for the data and the editions.

  python -m macros check [--data DIR] [--today YYYY-MM-DD] [--review-age MONTHS] [--strict]
                         [--format text|json]
      validates the data exactly as the site build does, without importing MkDocs
  python -m macros new KIND ID [--data DIR] [--into FILE]
      starts a record: its required fields, empty, with comments; `check` lists what is left
  python -m macros schema [--check]
      writes the files generated from the models (data/schemas/*.schema.json, data/README.md,
      the rule table of CONTRIBUTING.md, .vscode/settings.json); --check only compares
  python -m macros pdf [--site site] [--out dist/….pdf]   print the PDF edition of a built site
  python -m macros zip --site DIR [--out dist/….zip]      pack an offline build
  python -m macros cff [--out CITATION.cff]                 write the repository's CITATION.cff from git
  python -m macros publish --site DIR --offline DIR [--pdf FILE]
      put the PDF edition and the offline copy into the site's downloads/, then check the site

Exit codes:
  0  no errors (warnings may be printed)
  1  data errors (or, with --strict, warnings), each printed as one line; a refused `new`;
     generated files out of date (`schema --check`)
  2  the command itself was used wrongly
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
from datetime import date
from pathlib import Path

from .core.checks import REVIEW_AGE_MONTHS
from .core.dataset import build_dataset
from .core.errors import DataError, DataErrors
from .core.models import KINDS


def _parser() -> argparse.ArgumentParser:
    """The command line: one flat declaration per subcommand and option, long but read top
    to bottom (splitting it would only scatter the --help text)."""
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
        help="treat this date as today (for 'in the future' and review age)",
    )
    check.add_argument(
        "--review-age",
        type=int,
        default=REVIEW_AGE_MONTHS,
        metavar="MONTHS",
        help=f"warn about reviews older than this (default: {REVIEW_AGE_MONTHS})",
    )
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.add_argument(
        "--format", choices=("text", "json"), default="text", help="json: one object for tools"
    )
    new = sub.add_parser("new", help="start a record with its required fields")
    new.add_argument("kind", choices=sorted(KINDS))
    new.add_argument("id", help="the new record's id (kebab-case, unused)")
    new.add_argument("--data", type=Path, default=Path("data"))
    new.add_argument(
        "--into", type=Path, default=None, help="append to this file instead of data/<folder>/<id>.yml"
    )
    schema = sub.add_parser("schema", help="write the schemas and guides generated from the models")
    schema.add_argument("--root", type=Path, default=Path("."), help=argparse.SUPPRESS)
    schema.add_argument("--check", action="store_true", help="only report files that are out of date")
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


def _json_report(problems: list[DataError], counts: dict[str, int] | None) -> str:
    errors = sum(1 for p in problems if p.severity == "error")
    doc = {
        "ok": errors == 0,
        "errors": errors,
        "warnings": len(problems) - errors,
        "problems": [p.as_json() for p in problems],
        "records": counts,
    }
    return json.dumps(doc, ensure_ascii=False, indent=1)


def _check(args: argparse.Namespace) -> int:
    # A one-shot command: build_dataset pauses the cyclic collector while it reads, and
    # re-enabled here it would walk every record once more before exit (0.3 s of CPU at
    # 10,000 records) with nothing to free.
    gc.disable()
    try:
        dataset = build_dataset(
            args.data, today=args.today or date.today(), review_age_months=args.review_age
        )
    except DataErrors as exc:
        if args.format == "json":
            print(_json_report(exc.errors, None))
        else:
            print(exc.report(), file=sys.stderr)
        return 1
    counts = {kind: len(recs) for kind, recs in dataset.records.items()}
    if args.format == "json":
        print(_json_report(list(dataset.warnings), counts))
    else:
        for warning in dataset.warnings:
            print(warning.format(), file=sys.stderr)
        summary = ", ".join(f"{n} {kind}" for kind, n in counts.items())
        print(f"data ok: {summary} in {len(dataset.files)} files; {len(dataset.warnings)} warnings")
    return 1 if (args.strict and dataset.warnings) else 0


def _new(args: argparse.Namespace) -> int:
    from .authoring import AuthoringError, new_record

    try:
        path, line = new_record(args.data, args.kind, args.id, args.into)
    except AuthoringError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {path}:{line}: {args.kind} '{args.id}'; fill in the empty fields, then run `make check`")
    return 0


def _schema(args: argparse.Namespace) -> int:
    from .authoring import stale_files, write_generated

    if args.check:
        stale = stale_files(args.root)
        for path in stale:
            print(f"{path}: out of date with the models (run `python -m macros schema`)", file=sys.stderr)
        return 1 if stale else 0
    for path in write_generated(args.root):
        print(f"wrote {path}")
    return 0


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
    commands = {
        "check": _check,
        "new": _new,
        "schema": _schema,
        "pdf": _pdf,
        "zip": _zip,
        "cff": _cff,
        "publish": _publish,
    }
    return commands[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
