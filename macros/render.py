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
from .models import Affiliation
from .types import PartialDate, check_url
from .visuals import REL_LABELS, graph_layout, legend, timeline_rows

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
ORIGIN_LABELS = {
    "primary": "primary",
    "secondary": "secondary report",
    "mirror": "mirror of another site",
    "republication": "republication",
}
FLAG_LABELS = {
    "unverified": "Unverified",
    "better-source-needed": "Better source needed",
    "secondary-source": "Secondary source",
    "translation-variant": "Translation variant",
    "citation-needed": "Citation needed",
}
VERDICT_LABELS = {
    "supported": "Supported",
    "partly-supported": "Partly supported",
    "contested": "Contested",
    "opinion": "Opinion",
    "not-found": "Not found",
}
AFFILIATION_LABELS = {
    "government": "{adj} government",
    "state-media": "{adj} state media",
    "state-or-pro-government-media": "{adj} state or pro-government media",
    "media": "{adj} media",
    "diaspora-media": "{adj} diaspora media",
    "advocacy": "{adj} advocacy organisation",
    "partisan-outlet": "{adj} partisan opinion outlet",
}
MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>&])")


def bibliography_order(dataset: Dataset) -> list:
    """Sources as the bibliography lists them: by publisher, then id. Citation numbers follow it."""
    return sorted(dataset.sources.values(), key=lambda s: ((s.publisher or "").casefold(), s.id))


def affiliation_label(data: Dataset, affiliation: Affiliation | None) -> str:
    """'Armenian diaspora media', 'Turkish state or pro-government media', 'advocacy organisation'."""
    if affiliation is None:
        return ""
    template = AFFILIATION_LABELS[affiliation.type]
    if affiliation.country is None:
        return template.replace("{adj} ", "")
    country = data.countries[affiliation.country]
    return template.format(adj=country.adjective or country.name)


class PageNumbers(dict):
    """Citation numbers for one page: a source gets the next number when first cited."""

    def __missing__(self, key: str) -> int:
        self[key] = len(self) + 1
        return self[key]


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
    """A date range written once where it can be: '3–4 July 2024', '12–20 September 2021',
    '27 September – 10 November 2020', 'April–June 2024', '2016–2023'."""
    if start is None or end is None or end == start:
        return format_date(start)
    if start.approximate or end.approximate or (start.day is None) != (end.day is None):
        return f"{format_date(start)} – {format_date(end)}"
    if start.year == end.year and start.month and start.month == end.month and start.day and end.day:
        return f"{start.day}–{end.day} {MONTHS[start.month - 1]} {start.year}"
    if start.year == end.year and start.month and end.month:
        head = format_date(start).rsplit(" ", 1)[0]
        sep = " – " if start.day else "–"
        return f"{head}{sep}{format_date(end)}"
    return (
        f"{format_date(start)}–{format_date(end)}"
        if start.month is None and end.month is None
        else f"{format_date(start)} – {format_date(end)}"
    )


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
        ORIGIN_LABELS=ORIGIN_LABELS,
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
        self.number = PageNumbers()
        self.global_number = {s.id: n for n, s in enumerate(bibliography_order(dataset), start=1)}

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
            global_number=self.global_number,
            timeline_svg=self.timeline_svg,
            graph_svg=self.graph_svg,
            page_kinds=PAGE_FOLDERS,
            affiliation=lambda a: affiliation_label(self.data, a),
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

    def all_claims(self) -> Markup:
        """Every claim, grouped by kind."""
        return self._block("claims.html", claims=list(self.data.claims.values()))

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

    def _uid(self, stem: str) -> str:
        self._svg_count = getattr(self, "_svg_count", 0) + 1
        return f"{stem}-{self._svg_count}"

    def timeline_svg(self, subject: str = "format") -> Markup:
        """An SVG timeline: of the format's meetings, or of a dispute's key dates."""
        if subject == "format":
            meetings = sorted(self.data.meetings.values(), key=lambda m: m.start.earliest)
            items = [
                (format_span(m.start, m.end), m.title, self.link(m.id), m.after_article) for m in meetings
            ]
            title = "Timeline of the trilateral format"
        else:
            dispute = self._get(f"timeline_svg({subject!r})", subject, "dispute")
            items = [(format_span(k.date, k.end), k.text, None, False) for k in dispute.key_dates]
            title = f"Timeline: {dispute.name}"
        rows, height = timeline_rows(items)
        desc = "; ".join(f"{d}: {label}" for d, label, _, _ in items)
        return self._block(
            "timeline.svg.html", rows=rows, height=height, title=title, desc=desc, uid=self._uid("timeline")
        )

    def graph_svg(self, subject: str = "all") -> Markup:
        """The relationship graph; for a dispute, the relations that involve its parties."""
        pairs = [(c, r) for c in self.data.claims.values() for r in c.relations]
        title = "Relations between the states in the briefing"
        if subject != "all":
            dispute = self._get(f"graph_svg({subject!r})", subject, "dispute")
            parties = set(dispute.parties)
            pairs = [(c, r) for c, r in pairs if {r.actor, r.target} & parties]
            title = f"Relations involving the parties: {dispute.name}"
        if not pairs:
            raise MacroError(f"graph_svg({subject!r}): no claim carries a relation for this graph")
        names = {cid: c.short_name or c.name for cid, c in self.data.countries.items()}
        nodes, edges = graph_layout(pairs, names)
        desc = "; ".join(f"{names[r.actor]} to {names[r.target]}: {REL_LABELS[r.type]}" for _, r in pairs)
        keys = legend(sorted({r.type for _, r in pairs}))
        return self._block(
            "graph.svg.html",
            nodes=nodes,
            edges=edges,
            size=560,
            title=title,
            desc=desc,
            uid=self._uid("graph"),
            legend=keys,
            show_labels=len(edges) <= 8,
            height=560 + 22 * len(keys) + 20,
        )

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

    def references(self) -> Markup:
        """The page's own reference list, in the order of first citation ('' if none)."""
        if not self.number:
            return Markup("")
        sources = [self.data.sources[sid] for sid in self.number]
        return Markup("\n## References { #references }\n") + self._block("references.html", sources=sources)


__all__ = ["MacroError", "Renderer", "escape", "format_date", "format_span", "md_text"]


def cite_box(citation: dict[str, str]) -> str:
    """The "cite this page" box, from `exports.page_citation`, as a plain str (ready HTML):
    adding a Markup to the page's str would escape the whole page."""
    return str(_ENV.get_template("cite_box.html").render(cite=citation))
