"""The "cite this page" box, from `editions.citation.page_citation`."""

from __future__ import annotations

from .templates import ENV


def cite_box(citation: dict[str, str]) -> str:
    """Ready HTML as a plain str: adding a Markup to the page's str would escape the page."""
    return str(ENV.get_template("cite_box.html").render(cite=citation))
