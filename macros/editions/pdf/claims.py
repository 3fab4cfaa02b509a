"""Claims as the PDF lists them briefly: the summary page (the home page's sections of
claims: key facts, latest developments) and the index that replaces the "All claims"
chapter. Each line gives a claim's label and text and points to the chapter where the
claim is printed in full, with its sources; WeasyPrint prints that chapter's page number.

Read from the built pages (selectolax), in document order: headings and claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborNode

HOME = "index.html"
CLAIMS_PAGE = "claims/index.html"
_DROPPED = ".cites, a.cite, sup, .badge, .headerlink"


@dataclass(frozen=True)
class ClaimLine:
    id: str  # the claim's id (its element is `claim-<id>`)
    kind: str  # fact, statement, opinion, allegation
    label: str  # the badge's words: "Fact", "Statement" …
    text: str  # who says it (for a statement) and what, without citation markers
    superseded: bool = False


@dataclass
class Section:
    heading: str
    note: str = ""  # an "as of" line under the heading, if the page has one
    claims: list[ClaimLine] | None = None


def _text(node: LexborNode) -> str:
    text = re.sub(r"\s+", " ", node.text(deep=True)).strip()
    return re.sub(r"\s+([.,;:])", r"\1", text)


def _claim_id(node: LexborNode) -> str:
    """The id of a claim element: its own `claim-<id>`, or on the All claims page, where the
    claim's first line is its heading, that heading's."""
    heading = node.css_first(".claim__text")
    own = node.attributes.get("id") or (heading.attributes.get("id") if heading is not None else "") or ""
    return own.removeprefix("claim-") if own.startswith("claim-") else ""


def claim_line(node: LexborNode) -> ClaimLine | None:
    """A claim element (`div.claim#claim-<id>`, or `div.claim` headed by `.claim__text#claim-<id>`)
    as one line; its first line loses its markers and badge in the process, so call this on a
    tree that is not printed."""
    cid = _claim_id(node)
    first = node.css_first(".claim__text") or node.css_first("p")
    if not cid or first is None:
        return None
    classes = (node.attributes.get("class") or "").split()
    kind = next(
        (c.removeprefix("claim--") for c in classes if c.startswith("claim--") and c != "claim--superseded"),
        "",
    )
    badge = first.css_first(".badge")
    label = badge.text(strip=True) if badge else kind.capitalize()
    for marker in first.css(_DROPPED):
        marker.decompose()
    return ClaimLine(cid, kind, label, _text(first), "claim--superseded" in classes)


def claim_sections(article: LexborNode, *, levels: tuple[str, ...] = ("h2", "h3")) -> list[Section]:
    """The article's headings, each with the claims that follow it (sections without claims
    are left out); claims before the first heading go under an empty heading."""
    sections: list[Section] = [Section("", claims=[])]
    for node in article.iter(include_text=False):
        _collect(node, sections, levels)
    return [s for s in sections if s.claims]


def _collect(node: LexborNode, sections: list[Section], levels: tuple[str, ...]) -> None:
    classes = (node.attributes.get("class") or "").split()
    if node.tag in levels:
        for link in node.css("a.headerlink"):
            link.decompose()
        sections.append(Section(_text(node), claims=[]))
    elif "claim" in classes and _claim_id(node):
        line = claim_line(node)
        if line is not None and sections[-1].claims is not None:
            sections[-1].claims.append(line)
    elif "as-of" in classes and not sections[-1].note:
        sections[-1].note = _text(node)
    else:
        for child in node.iter(include_text=False):
            _collect(child, sections, levels)
