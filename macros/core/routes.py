"""Which page, and which anchor on it, shows a record: one table for links and templates.

Paths are the Markdown source paths under docs/ (MkDocs turns them into URLs and checks
them); an anchor is the element id on that page.
"""

from __future__ import annotations

from dataclasses import dataclass

# Kinds with a generated page of their own, and the docs/ folder the pages live in.
PAGE_FOLDERS: dict[str, str] = {
    "person": "people",
    "meeting": "meetings",
    "dispute": "disputes",
    "country": "countries",
}
# Kinds shown as an entry on a shared page: (page, anchor prefix).
LISTED_ON: dict[str, tuple[str, str]] = {
    "source": ("sources.md", "source-"),
    "claim": ("claims.md", "claim-"),
    "correction": ("corrections.md", "correction-"),
}


@dataclass(frozen=True)
class Route:
    src: str  # Markdown source path under docs/, e.g. "people/ilham-aliyev.md"
    anchor: str = ""  # element id on that page, "" for the page itself


def page_of(kind: str, rid: str) -> Route | None:
    """The page (and anchor) that shows record `rid` of `kind`; None if no page shows it."""
    if kind in PAGE_FOLDERS:
        return Route(f"{PAGE_FOLDERS[kind]}/{rid}.md")
    if kind in LISTED_ON:
        page, prefix = LISTED_ON[kind]
        return Route(page, prefix + rid)
    return None
