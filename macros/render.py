"""Macro bodies: (dataset, link, args) -> Markdown/HTML for a page. No MkDocs import.

All markup lives in `templates/`; this module picks records and hands them over. The
template environment autoescapes, so a value from data can never become markup, and
every URL that reaches an `href` has been validated as http(s) by the models.
Links to other pages come from `link(id)`, which the adapter computes from MkDocs'
file list relative to the current page, so a link to a page that does not exist fails
the build instead of being published.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape
from pydantic_core import PydanticCustomError

from .dataset import Dataset
from .types import PartialDate, check_url

Link = Callable[[str], str]

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# Kinds that have a page of their own, and where it lives in docs/.
PAGE_FOLDERS = {"person": "people", "meeting": "meetings", "dispute": "disputes"}
KIND_LABELS = {"fact": "Fact", "statement": "Statement", "opinion": "Opinion", "allegation": "Allegation"}
KIND_HELP = {
    "fact": "Stated in the site's own voice, with sources",
    "statement": "What a named party said, attributed to it",
    "opinion": "An author's interpretation or judgement",
    "allegation": "An accusation by a named party, with any denial",
}
LANG_NAMES = {
    "tr": "Turkish",
    "az": "Azerbaijani",
    "ur": "Urdu",
    "hy": "Armenian",
    "ru": "Russian",
    "fr": "French",
    "kk": "Kazakh",
    "el": "Greek",
    "he": "Hebrew",
    "hi": "Hindi",
    "ar": "Arabic",
    "en": "English",
}
FLAG_LABELS = {
    "unverified": "Unverified",
    "better-source-needed": "Better source needed",
    "secondary-source": "Secondary source",
    "translation-variant": "Translation variant",
}
VERDICT_LABELS = {
    "supported": "Supported",
    "partly-supported": "Partly supported",
    "contested": "Contested",
    "opinion": "Opinion",
    "not-found": "Not found",
}
MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>&])")


def bibliography_order(dataset: Dataset) -> list:
    """Sources as the bibliography lists them: by publisher, then id. Citation numbers follow it."""
    return sorted(dataset.sources.values(), key=lambda s: ((s.publisher or "").casefold(), s.id))


class MacroError(Exception):
    """A macro was called wrongly (unknown id, wrong kind). The message names the call."""


def format_date(value: PartialDate | None) -> str:
    """'3 July 2024', 'July 2024', '2024', with 'c. ' for approximate dates."""
    if value is None:
        return "date unknown"
    text = str(value.year)
    if value.month:
        text = f"{MONTHS[value.month - 1]} {text}"
    if value.day:
        text = f"{value.day} {text}"
    return f"c. {text}" if value.approximate else text


def format_span(start: PartialDate | None, end: PartialDate | None) -> str:
    if end is None or end == start:
        return format_date(start)
    return f"{format_date(start)} – {format_date(end)}"


def md_text(text: str) -> str:
    """Plain text made safe to place in Markdown (a heading): no markup survives."""
    return MD_SPECIAL.sub(
        lambda m: (
            "&amp;" if m[1] == "&" else "&lt;" if m[1] == "<" else "&gt;" if m[1] == ">" else "\\" + m[1]
        ),
        text,
    )


def safe_url(value: str) -> str:
    """Re-check a URL at the point it becomes an href (the models checked it already)."""
    try:
        return check_url(value)
    except PydanticCustomError as exc:
        raise MacroError(f"refusing to link {value!r}: {exc.message()}") from None


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["date"] = format_date
    env.filters["url"] = safe_url
    env.filters["span"] = format_span
    env.globals.update(
        KIND_LABELS=KIND_LABELS,
        VERDICT_LABELS=VERDICT_LABELS,
        KIND_HELP=KIND_HELP,
        FLAG_LABELS=FLAG_LABELS,
        LANG_NAMES=LANG_NAMES,
    )
    return env


_ENV = _environment()


class Renderer:
    """Renders blocks for one page. `link(id)` gives the URL of an id's page or anchor."""

    def __init__(self, dataset: Dataset, link: Link) -> None:
        self.data = dataset
        self.link = link
        self.number = {s.id: n for n, s in enumerate(bibliography_order(dataset), start=1)}

    def _get(self, call: str, rid: object, kind: str | None):
        if not isinstance(rid, str):
            raise MacroError(f"{call}: expected an id in quotes, got {rid!r}")
        try:
            return self.data.get(rid, kind)
        except KeyError as exc:
            raise MacroError(f"{call}: {exc.args[0]}") from None

    def _block(self, template: str, **context: object) -> Markup:
        html = _ENV.get_template(template).render(
            data=self.data,
            link=self.link,
            name_of=self.name_of,
            number=self.number,
            page_kinds=PAGE_FOLDERS,
            **context,
        )
        # Blank lines around keep the HTML one raw block for Markdown.
        return Markup("\n" + html.strip() + "\n")

    def name_of(self, rid: str) -> str:
        """How a record is named in running text; a source is named by its publisher."""
        record = self.data.get(rid)
        if self.data.kind_of[rid] == "source":
            return record.publisher or record.title or record.title_note  # type: ignore[attr-defined]
        return getattr(record, "name", None) or getattr(record, "title", None) or rid

    # -- pages of one entity --------------------------------------------------------
    def entity_page(self, kind: str, rid: str) -> Markup:
        if kind not in PAGE_FOLDERS:
            raise MacroError(f"entity_page({kind!r}, {rid!r}): no pages for kind '{kind}'")
        record = self._get(f"entity_page({kind!r}, {rid!r})", rid, kind)
        heading = md_text(self.name_of(rid))
        body = self._block(f"{kind}.html", record=record)
        return Markup(f"# {heading} {{ #{rid} }}\n") + body

    # -- blocks used in prose pages ---------------------------------------------------
    def people_index(self) -> Markup:
        people = sorted(self.data.people.values(), key=lambda p: p.family or p.name)
        return self._block("people_index.html", people=people)

    def meetings_index(self) -> Markup:
        meetings = sorted(self.data.meetings.values(), key=lambda m: m.start.earliest)
        return self._block("meetings_index.html", meetings=meetings)

    def disputes_index(self) -> Markup:
        return self._block("disputes_index.html", disputes=list(self.data.disputes.values()))

    def sources_list(self) -> Markup:
        return self._block("sources.html", sources=bibliography_order(self.data))

    def claims(self, *ids: str) -> Markup:
        call = f"claims({', '.join(map(repr, ids))})"
        records = [self._get(call, rid, "claim") for rid in ids]
        return self._block("claims.html", claims=records)

    def claims_about(self, rid: str) -> Markup:
        self._get(f"claims_about({rid!r})", rid, None)
        return self._block("claims.html", claims=self.data.claims_about(rid))

    def article_audit(self, article_id: str) -> Markup:
        article = self._get(f"article_audit({article_id!r})", article_id, "source")
        claims = self.data.audit_of(article_id)
        if not claims:
            raise MacroError(f"article_audit({article_id!r}): no claims are audited against this source")
        return self._block("audit.html", article=article, claims=claims)

    def timeline(self, *kinds: str) -> Markup:
        kinds = kinds or ("meeting",)
        if not set(kinds) <= {"meeting", "event"}:
            raise MacroError(f"timeline({', '.join(map(repr, kinds))}): kinds are 'meeting' and 'event'")
        items = [r for k in kinds for r in self.data.records[k].values()]
        items.sort(key=lambda r: r.start.earliest)
        return self._block("timeline.html", items=items)

    def claim(self, rid: str) -> Markup:
        record = self._get(f"claim({rid!r})", rid, "claim")
        return self._block("claim.html", claim=record)

    def cite(self, *ids: str) -> Markup:
        if not ids:
            raise MacroError("cite(): name at least one source id")
        for rid in ids:
            self._get(f"cite({', '.join(map(repr, ids))})", rid, "source")
        citations = [self.data.get(rid) for rid in ids]
        return Markup(
            _ENV.get_template("cite_inline.html")
            .render(sources=citations, link=self.link, number=self.number)
            .strip()
        )


__all__ = ["MacroError", "Renderer", "escape", "format_date", "format_span", "md_text"]
