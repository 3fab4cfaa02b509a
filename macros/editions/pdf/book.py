"""Lay out the PDF edition from templates and print it with WeasyPrint.

WeasyPrint may read only files inside the built site: its URL fetcher refuses anything
else (another host, a local file outside the site, `data:` …), and attachments are off.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..edition import Edition
from .chapters import read_chapters

TEMPLATES = Path(__file__).parent / "templates"
_ENV = Environment(
    loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined, trim_blocks=True
)


def book_html(site: Path, edition: Edition) -> str:
    chapters = read_chapters(site)
    return _ENV.get_template("book.html").render(
        edition=edition,
        chapters=chapters,
        bodies=[Markup(c.html) for c in chapters],  # built pages: already checked HTML
        css=Markup((TEMPLATES / "pdf.css").read_text(encoding="utf-8")),
    )


def _fetcher(site: Path) -> Any:
    """A WeasyPrint URL fetcher that reads files of the built site and nothing else; any
    failure to load stops the printing (fail_on_errors) instead of printing without it."""
    from weasyprint.urls import URLFetcher

    root = site.resolve().as_uri().rstrip("/") + "/"

    class SiteOnly(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            if not url.startswith(root):
                raise ValueError(f"the PDF may only load files of the built site, not {url[:80]!r}")
            return super().fetch(url, headers)

    return SiteOnly(allowed_protocols={"file"}, fail_on_errors=True)


def write_pdf(site: Path, out: Path, edition: Edition) -> int:
    """Print the PDF edition of `site` to `out`; return its page count."""
    from weasyprint import HTML

    out.parent.mkdir(parents=True, exist_ok=True)
    html = HTML(
        string=book_html(site, edition),
        base_url=site.resolve().as_uri() + "/",
        url_fetcher=_fetcher(site),
    )
    document = html.render()
    document.metadata.title = edition.site_name
    document.write_pdf(out)
    return len(document.pages)
