"""Record which quotes from the audited article were checked against its text.

The article is not part of the repository (it is someone else's opinion piece; we quote
short passages only). This script reads it from beside the checkout, checks that every
quote of the audit (`audit.quote` of the claims audited against it) occurs in it verbatim,
and only then writes `tests/fixtures/article-quotes.json`: the SHA-256 of the article's
text and of each quote, with the date. `tests/test_content.py` then checks, without the
article, that every quote in `data/` is one that was verified: an edited quote fails.

    .venv/bin/python -m tests.article_quotes [--article PATH]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from macros.core.dataset import build_dataset

ROOT = Path(__file__).resolve().parent.parent
ARTICLE_ID = "blitz-article"
ARTICLE = Path("shared/seed/000_35117d9e50ee6c68.txt")  # relative to the checkout's parent
RECORD = ROOT / "tests" / "fixtures" / "article-quotes.json"


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def audited_quotes(data_dir: Path = ROOT / "data") -> dict[str, str]:
    """Claim id -> quote, for every claim audited against the article that quotes it."""
    dataset = build_dataset(data_dir, today=datetime.now(UTC).date())
    return {c.id: c.audit.quote for c in dataset.audit_of(ARTICLE_ID) if c.audit and c.audit.quote}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--article", type=Path, default=ROOT.parent / ARTICLE)
    args = parser.parse_args(argv)
    if not args.article.is_file():
        print(f"error: the article is not at {args.article} (give --article PATH)", file=sys.stderr)
        return 2
    text = args.article.read_text(encoding="utf-8")
    quotes = audited_quotes()
    missing = sorted(cid for cid, quote in quotes.items() if quote not in text)
    for cid in missing:
        print(f"error: claim '{cid}' › audit.quote: not found verbatim in {args.article}", file=sys.stderr)
    if missing:
        return 1
    record = {
        "article": {
            "source": ARTICLE_ID,
            "file": f"../{ARTICLE.as_posix()} (beside the checkout, not in the repository)",
            "sha256": sha256(text),
            "verified_on": datetime.now(UTC).date().isoformat(),
        },
        "how": "python -m tests.article_quotes: each quote was found verbatim in the article's text",
        "quotes": {cid: sha256(quote) for cid, quote in sorted(quotes.items())},
    }
    RECORD.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(quotes)} quotes verified against {args.article}; wrote {RECORD.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
