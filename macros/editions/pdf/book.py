"""Lay out the PDF edition from templates and print it with WeasyPrint.

Nothing broken is published, and nothing leaks into the PDF:
* WeasyPrint may read only files inside the built site: its URL fetcher refuses
  anything else (another host, a local file outside the site, `data:` …), and a file it
  cannot read stops the printing (`fail_on_errors`) instead of printing without it;
* attachments are refused (`rel=attachment` would embed the file it names: see
  chapters.py), and none are passed;
* every warning or error WeasyPrint logs (a glyph no font has, printed as an empty box;
  an image or stylesheet not loaded; CSS it ignores) stops the edition, except those in
  IGNORED, each explained;
* the PDF is written next to `out` and moved there only when nothing went wrong.

The document carries its metadata (title, authors, subject, language, date) and is a
tagged PDF (structure tags for headings, lists, tables, links), which screen readers and
reflowing viewers need.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..edition import Edition
from .chapters import Book, PdfError, read_book
from .claims import CLAIMS_PAGE

TEMPLATES = Path(__file__).parent / "templates"
_ENV = Environment(
    loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined, trim_blocks=True
)
# WeasyPrint messages that do not change what is printed, as (pattern, why). None today:
# add one only with the reason it cannot matter to a reader.
IGNORED: tuple[tuple[re.Pattern[str], str], ...] = ()
_NOTDEF = re.compile(
    r'^\.notdef glyph rendered for Unicode string unsupported by fonts: "(.*)" \((U\+[0-9A-F]+)\)$', re.S
)


SUBJECT = (
    "A sourced briefing on the Türkiye–Azerbaijan–Pakistan alignment: its leaders, their "
    "meetings and the disputes around them."
)
KEYWORDS = ["Türkiye", "Azerbaijan", "Pakistan", "Three Brothers", "briefing"]


def _bodies(book: Book) -> list[Markup]:
    titles = {c.number: c.title for c in book.chapters}
    bodies = []
    for c in book.chapters:
        if c.page == CLAIMS_PAGE:
            index = _ENV.get_template("claims_index.html").render(
                number=c.number, title=c.title, sections=book.index, printed_in=book.printed_in, titles=titles
            )
            bodies.append(Markup(index))
        else:
            bodies.append(Markup(c.html))  # built pages: already checked HTML
    return bodies


def book_html(site: Path, edition: Edition) -> str:
    book = read_book(site)
    return _ENV.get_template("book.html").render(
        edition=edition,
        chapters=book.chapters,
        bodies=_bodies(book),
        summary=book.summary,
        printed_in=book.printed_in,
        css=Markup((TEMPLATES / "pdf.css").read_text(encoding="utf-8")),
    )


def _metadata(document: Any, edition: Edition) -> None:
    meta = document.metadata
    meta.title = f"The {edition.site_name}"
    meta.authors = [edition.authors]
    meta.description = SUBJECT
    meta.keywords = KEYWORDS
    meta.lang = "en"
    meta.created = meta.modified = edition.date.strftime("%Y-%m-%dT%H:%M:%SZ")


def _fetcher(site: Path) -> Any:
    """A WeasyPrint URL fetcher that reads files of the built site and nothing else."""
    from weasyprint.urls import URLFetcher

    root = site.resolve().as_uri().rstrip("/") + "/"

    class SiteOnly(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            if not url.startswith(root):
                raise PdfError(f"the PDF may load only files of the built site, not {url[:100]!r}")
            try:
                return super().fetch(url, headers)
            except OSError as exc:  # urllib's URLError is one
                reason = getattr(exc, "reason", None) or exc
                raise PdfError(f"the PDF could not load {url[len(root) :][:100]!r}: {reason}") from None

    return SiteOnly(allowed_protocols={"file"}, fail_on_errors=True)


class _Problems(logging.Handler):
    """Collects what WeasyPrint warns about, as the lines the edition fails with."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if any(pattern.search(message) for pattern, _ in IGNORED):
            return
        glyph = _NOTDEF.match(message)
        if glyph:
            line = f"no font has {glyph[1]!r} ({glyph[2]}): it would print as an empty box"
        else:
            line = f"WeasyPrint: {' '.join(message.split())}"
        if line not in self.lines:
            self.lines.append(line)


@contextmanager
def _strict_weasyprint() -> Iterator[_Problems]:
    logger = logging.getLogger("weasyprint")
    handler, level = _Problems(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def write_pdf(site: Path, out: Path, edition: Edition) -> int:
    """Print the PDF edition of `site` to `out`; return its page count. Raises PdfError,
    one problem per line, and leaves `out` as it was, if anything went wrong."""
    from weasyprint import HTML
    from weasyprint.urls import FatalURLFetchingError

    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".part")
    with _strict_weasyprint() as problems:
        try:
            html = HTML(
                string=book_html(site, edition),
                base_url=site.resolve().as_uri() + "/",
                url_fetcher=_fetcher(site),
            )
            document = html.render(pdf_tags=True)
            _metadata(document, edition)
            if not problems.lines:
                document.write_pdf(partial, pdf_tags=True)
        except FatalURLFetchingError as exc:  # raised by WeasyPrint around the fetcher's error
            problems.lines.insert(0, str(exc.__cause__ or exc))
    if problems.lines:
        partial.unlink(missing_ok=True)
        raise PdfError("\n".join(problems.lines))
    partial.replace(out)
    return len(document.pages)
