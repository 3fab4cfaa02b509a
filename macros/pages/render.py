"""Macro bodies: (dataset, link, args) -> HTML blocks for a page. No MkDocs import.

This module picks records and hands them to `templates/`. Links to other pages come
from `link(id)`, which the adapter computes from MkDocs' file list relative to the
current page, so a link to a page that does not exist fails the build instead of being
published. One Renderer serves one page: citation numbers are per page.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from markupsafe import Markup

from ..core.claims import Claim
from ..core.dataset import Dataset
from ..core.routes import PAGE_FOLDERS
from ..core.sources import Affiliation
from ..editions.edition import Edition
from . import facets, figures, topics
from .escape import MacroError, md_text
from .labels import affiliation_label, source_line
from .prose_blocks import ProseBlocks
from .repo_links import RepoLinks
from .stash import BlockStash, without_late_marks
from .templates import ENV

Link = Callable[[str], str]
# Written pages about a record, by record id: (href relative to the current page, title).
Written = Mapping[str, Sequence[tuple[str, str]]]


class PageNumbers(dict[str, int]):
    """Citation numbers for one page: a source gets the next number when first cited."""

    def __missing__(self, key: str) -> int:
        self[key] = len(self) + 1
        return self[key]


class Renderer(ProseBlocks):
    """Renders blocks for one page. `link(id)` gives the URL of an id's page or anchor."""

    def __init__(
        self,
        dataset: Dataset,
        link: Link,
        written: Written | None = None,
        *,
        edition: Edition | None = None,
        url_to: Link = str,
        repo: RepoLinks | None = None,
        stash: BlockStash | None = None,
        shared: dict[str, tuple[Markup, Markup]] | None = None,
    ) -> None:
        self.data = dataset
        self.link = link
        self.written = written or {}
        self.edition = edition
        self.url_to = url_to  # site-relative path of a file -> URL relative to this page
        self.repo = repo  # links into the repository, when its address is configured
        # "today" for the maintainers' page: the edition's date (SOURCE_DATE_EPOCH) in a build
        self.today = edition.date.date() if edition else date.today()
        self.number = PageNumbers()
        self.markers: dict[str, list[str]] = {}
        self._svg_count = 0
        self.reviewed: list[str] = []  # ids of the audited claims this page shows, with a verdict
        # In a build, a block's HTML waits here while Markdown converts the page (stash.py).
        self.stash = stash
        self._depth = 0  # blocks being rendered (a figure inside a page's block is part of it)
        # a source's entry in a reference list, the same on every page: made once per build
        self.shared_refs = {} if shared is None else shared

    def marker(self, source_id: str) -> str:
        """The id of a new citation marker of `source_id`, so that its reference can link back."""
        ids = self.markers.setdefault(source_id, [])
        ids.append(f"cite-{source_id}-{len(ids) + 1}")
        return ids[-1]

    def get(self, call: str, rid: object, kind: str | None) -> Any:
        if not isinstance(rid, str):
            raise MacroError(f"{call}: expected an id in quotes, got {rid!r}")
        try:
            return self.data.get(rid, kind)
        except KeyError as exc:
            raise MacroError(f"{call}: {exc.args[0]}") from None

    def block(self, template: str, **context: object) -> Markup:
        """A template's HTML for the page's Markdown: as it is, or, with a stash, its
        headings and a placeholder for each run of HTML between them."""
        return self._block(template, context)

    def _block(self, template: str, context: dict[str, object], *, unsearched: bool = False) -> Markup:
        """`block`; `unsearched`: HTML that search leaves out, put back only after search
        has read the page (stash.py)."""
        self._depth += 1
        try:
            html = self._render(template, context)
        finally:
            self._depth -= 1
        if self.stash is not None and self._depth == 0:
            return Markup(self.stash.hold(html, late=unsearched))
        # Blank lines around keep the HTML one raw block for Markdown.
        return Markup("\n" + without_late_marks(html).strip() + "\n")

    def _render(self, template: str, context: dict[str, object]) -> str:
        return ENV.get_template(template).render(
            data=self.data,
            link=self.link,
            name_of=self.name_of,
            number=self.number,
            global_number=self.data.index.bibliography_number,
            timeline_svg=self.timeline_svg,
            graph_svg=self.graph_svg,
            page_kinds=PAGE_FOLDERS,
            affiliation=self.affiliation,
            report_url=self.report_url,
            record_url=self.record_url,
            marker=self.marker,
            markers=self.markers,
            source_line=source_line,
            source_ref=self.source_ref,
            **context,
        )

    def report_url(self, claim: Any) -> str:
        """A pre-filled "Report a correction" issue for a claim ('' without a repository)."""
        return self.repo.report(claim, self.data.locations[claim.id]) if self.repo else ""

    def record_url(self, rid: str) -> str:
        """The YAML source line of a record in the repository ('' without a repository)."""
        return self.repo.record(self.data.locations[rid]) if self.repo else ""

    def affiliation(self, value: Affiliation | None) -> str:
        return affiliation_label(self.data, value)

    def name_of(self, rid: str) -> str:
        """How a record is named in running text; a source is named by its publisher."""
        record = self.data.get(rid)
        if rid in self.data.sources:
            source = self.data.sources[rid]
            return source.publisher or source.title or source.title_note or rid
        return str(getattr(record, "name", None) or getattr(record, "title", None) or rid)

    # -- pages of one entity --------------------------------------------------------
    def entity_page(self, kind: str, rid: str) -> Markup:
        """The body of a generated person, meeting or dispute page."""
        if kind not in PAGE_FOLDERS:
            raise MacroError(f"entity_page({kind!r}, {rid!r}): no pages for kind '{kind}'")
        record = self.get(f"entity_page({kind!r}, {rid!r})", rid, kind)
        heading = md_text(self.name_of(rid))
        written = self.written.get(rid, ())
        body = self.block(
            f"{kind}.html", record=record, kind=kind, written=written, **self._page_context(kind, rid)
        )
        return Markup(f"# {heading} {{ #{rid} }}\n") + body

    def _page_context(self, kind: str, rid: str) -> dict[str, object]:
        """What an entity page shows besides the record itself."""
        if kind == "dispute":
            return {"groups": topics.dispute_groups(self.data, self.data.disputes[rid])}
        if kind == "country":
            return {
                "groups": topics.country_groups(self.data, rid),
                "meetings": topics.meetings_of_country(self.data, rid),
                "affiliated": [
                    s for s in self.data.bibliography() if s.affiliation and s.affiliation.country == rid
                ],
            }
        return {}

    def sources_list(self) -> Markup:
        """The bibliography: every source, with the anchor `source-<id>`, grouped by type
        and by side, with a filter."""
        sources = self.data.bibliography()
        return self.block(
            "sources.html",
            sections=topics.source_sections(self.data),
            facets=facets.source_facets(sources),
            total=len(sources),
        )

    def claim(self, rid: str) -> Markup:
        """One claim with its kind badge, who asserts and disputes it, and citations."""
        record = self.get(f"claim({rid!r})", rid, "claim")
        return self.block("claims.html", claims=[record])

    def developments(self, *ids: str) -> Markup:
        """Claims as latest developments, newest first, headed by the date they are current to:
        `{{ developments("id-1", "id-2") }}`."""
        call = f"developments({', '.join(map(repr, ids))})"
        records = [self.get(call, rid, "claim") for rid in ids]
        undated = [c.id for c in records if c.date is None]
        if undated:
            raise MacroError(f"{call}: a development needs a date; these have none: {', '.join(undated)}")
        records.sort(key=lambda c: c.date.latest, reverse=True)
        return self.block("developments.html", claims=records, as_of=records[0].date if records else None)

    def claims(self, *ids: str) -> Markup:
        """Several claims, in the order given: `{{ claims("id-1", "id-2") }}`."""
        call = f"claims({', '.join(map(repr, ids))})"
        records = [self.get(call, rid, "claim") for rid in ids]
        return self.block("claims.html", claims=records)

    def all_claims(self) -> Markup:
        """Every claim in the data, each with its permanent anchor `claim-<id>`, grouped by
        topic (disputes, meetings, countries, others), with a filter by kind."""
        claims = list(self.data.claims.values())
        return self.block(
            "all_claims.html",
            sections=topics.claim_sections(self.data),
            facets=facets.claim_facets(claims),
            total=len(claims),
        )

    def claims_about(self, rid: str) -> Markup:
        """Every claim whose `about` names this person, meeting, event, dispute or country."""
        self.get(f"claims_about({rid!r})", rid, None)
        return self.block("claims.html", claims=self.data.claims_about(rid))

    def article_audit(self, article_id: str) -> Markup:
        """The audit of an article: each of its claims with verdict, reasoning and evidence."""
        article = self.get(f"article_audit({article_id!r})", article_id, "source")
        claims = self._audited(f"article_audit({article_id!r})", article_id)
        self.reviewed += [c.id for c in claims if c.verdict and c.id not in self.reviewed]
        return self.block("audit.html", article=article, claims=claims, facets=facets.verdict_facets(claims))

    def audit_scorecard(self, article_id: str) -> Markup:
        """How many of an article's claims got each verdict, each count a link to the
        audit filtered to those claims (on the same page as `article_audit`)."""
        claims = self._audited(f"audit_scorecard({article_id!r})", article_id)
        return self.block(
            "audit_scorecard.html",
            facets=facets.verdict_facets(claims),
            total=len(claims),
            outdated=any(c.superseded for c in claims),
        )

    def _audited(self, call: str, article_id: str) -> list[Claim]:
        self.get(call, article_id, "source")
        claims = self.data.audit_of(article_id)
        if not claims:
            raise MacroError(f"{call}: no claims are audited against this source")
        return claims

    def uid(self, stem: str) -> str:
        """A page-unique id for a figure."""
        self._svg_count += 1
        return f"{stem}-{self._svg_count}"

    def timeline_svg(self, subject: str = "format") -> Markup:
        """A timeline of the format's meetings, or of a dispute's key dates (give its id),
        spaced by the time between them."""
        return figures.timeline(self, subject)

    def graph_svg(self, subject: str = "all") -> Markup:
        """The SVG relationship graph: all relations, or those involving a dispute's parties."""
        return figures.graph(self, subject)

    def cite(self, *ids: str) -> Markup:
        """Inline citation markers linking to the page's references, e.g. `{{ cite("src-id") }}`."""
        if not ids:
            raise MacroError("cite(): name at least one source id")
        call = f"cite({', '.join(map(repr, ids))})"
        sources = [self.get(call, rid, "source") for rid in ids]
        html = ENV.get_template("cite_inline.html").render(
            sources=sources, link=self.link, number=self.number, marker=self.marker, source_line=source_line
        )
        return Markup(html.strip())

    def source_ref(self, source: Any) -> tuple[Markup, Markup]:
        """A source's one-line reference and the rest of its entry in a reference list
        (authors, where to read it, labels): the same on every page, so rendered once."""
        parts = self.shared_refs.get(source.id)
        if parts is None:
            line, _, more = self._render("source_ref.html", {"s": source}).partition("<!--more-->")
            parts = self.shared_refs[source.id] = (Markup(line.strip()), Markup(more.strip()))
        return parts

    def references(self) -> Markup:
        """The page's own reference list, in the order of first citation ('' if none)."""
        if not self.number:
            return Markup("")
        sources = [self.data.sources[sid] for sid in self.number]
        return Markup("\n## References { #references }\n") + self._block(
            "references.html", {"sources": sources}, unsearched=True
        )
