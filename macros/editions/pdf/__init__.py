"""The PDF edition: every page of a built site, in nav order, as one printed document.

`chapters.py` reads the built pages with an HTML parser and turns each article body into
a chapter; `templates/book.html` lays out the cover, the contents and the chapters;
WeasyPrint prints it with `templates/pdf.css` (CSS paged media: running headers, page
numbers, contents with page numbers). It may read only files of the built site.
"""

from __future__ import annotations

from .book import book_html, write_pdf
from .chapters import PdfError

__all__ = ["PdfError", "book_html", "write_pdf"]
