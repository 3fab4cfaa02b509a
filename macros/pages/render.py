"""Macro bodies: (dataset, link, args) -> HTML blocks for a page. No MkDocs import.

This module picks records and hands them to `templates/`. Links to other pages come
from `link(id)`, which the adapter computes from MkDocs' file list relative to the
current page, so a link to a page that does not exist fails the build instead of being
published. One Renderer serves one page: citation numbers are per page.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from markupsafe import Markup

from ..core.dataset import Dataset
from ..core.routes import PAGE_FOLDERS
from ..core.sources import Affiliation
from ..editions import editions_files
from ..editions.edition import Edition
from ..editions.tables import COLUMNS
from . import topics
from .dates import format_span
from .escape import MacroError, md_text
from .labels import affiliation_label
from .maintainers import maintenance
from .repo_links import RepoLinks
from .search_terms import fold
from .templates import ENV
from .visuals import REL_LABELS, TimelineItem, graph_layout, legend, timeline_rows

Link = Callable[[str], str]


class PageNumbers(dict[str, int]):
    """Citation numbers for one page: a source gets the next number when first cited."""

    def __missing__(self, key: str) -> int:
        self[key] = len(self) + 1
        return self[key]


class Renderer:
    """Renders blocks for one page. `link(id)` gives the URL of an id's page or anchor."""

    def __init__(
        self,
        dataset: Dataset,
        link: Link,
        *,
        edition: Edition | None = None,
        url_to: Link = str,
        repo: RepoLinks | None = None,
    ) -> None:
        self.data = dataset
        self.link = link
        self.edition = edition
        self.url_to = url_to  # site-relative path of a file -> URL relative to this page
        self.repo = repo  # links into the repository, when its address is configured
        # "today" for the maintainers' page: the edition's date (SOURCE_DATE_EPOCH) in a build
        self.today = edition.date.date() if edition else date.today()
        self.number = PageNumbers()
        self._svg_count = 0
        self.reviewed: list[str] = []  # ids of the audited claims this page shows, with a verdict

    def _get(self, call: str, rid: object, kind: str | None) -> Any:
        if not isinstance(rid, str):
            raise MacroError(f"{call}: expected an id in quotes, got {rid!r}")
        try:
            return self.data.get(rid, kind)
        except KeyError as exc:
            raise MacroError(f"{call}: {exc.args[0]}") from None

    def _block(self, template: str, **context: object) -> Markup:
        html = ENV.get_template(template).render(
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
            **context,
        )
        # Blank lines around keep the HTML one raw block for Markdown.
        return Markup("\n" + html.strip() + "\n")

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
        record = self._get(f"entity_page({kind!r}, {rid!r})", rid, kind)
        heading = md_text(self.name_of(rid))
        body = self._block(f"{kind}.html", record=record, **self._page_context(kind, rid))
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

    # -- blocks used in prose pages ---------------------------------------------------
    def people_index(self) -> Markup:
        """A table of every person, linking to their pages."""
        people = sorted(self.data.people.values(), key=lambda p: fold(p.family or p.name).casefold())
        return self._block("people_index.html", people=people)

    def meetings_index(self) -> Markup:
        """A table of every meeting in date order, linking to their pages."""
        meetings = sorted(self.data.meetings.values(), key=lambda m: m.start.earliest)
        return self._block("meetings_index.html", meetings=meetings)

    def countries_index(self) -> Markup:
        """A list of every country and party, linking to their pages."""
        countries = sorted(self.data.countries.values(), key=lambda c: fold(c.name).casefold())
        return self._block("countries_index.html", countries=countries)

    def disputes_index(self) -> Markup:
        """A list of every dispute with its status date, linking to their pages."""
        return self._block("disputes_index.html", disputes=list(self.data.disputes.values()))

    def sources_list(self) -> Markup:
        """The bibliography: every source, with the anchor `source-<id>`."""
        return self._block("sources.html", sources=self.data.bibliography())

    def claim(self, rid: str) -> Markup:
        """One claim with its kind badge, who asserts and disputes it, and citations."""
        record = self._get(f"claim({rid!r})", rid, "claim")
        return self._block("claim.html", claim=record)

    def developments(self, *ids: str) -> Markup:
        """Claims as latest developments, newest first, headed by the date they are current to:
        `{{ developments("id-1", "id-2") }}`."""
        call = f"developments({', '.join(map(repr, ids))})"
        records = [self._get(call, rid, "claim") for rid in ids]
        undated = [c.id for c in records if c.date is None]
        if undated:
            raise MacroError(f"{call}: a development needs a date; these have none: {', '.join(undated)}")
        records.sort(key=lambda c: c.date.latest, reverse=True)
        return self._block("developments.html", claims=records, as_of=records[0].date if records else None)

    def claims(self, *ids: str) -> Markup:
        """Several claims, in the order given: `{{ claims("id-1", "id-2") }}`."""
        call = f"claims({', '.join(map(repr, ids))})"
        records = [self._get(call, rid, "claim") for rid in ids]
        return self._block("claims.html", claims=records)

    def all_claims(self) -> Markup:
        """Every claim in the data, each with its permanent anchor `claim-<id>`."""
        return self._block("claims.html", claims=list(self.data.claims.values()))

    def claims_about(self, rid: str) -> Markup:
        """Every claim whose `about` names this person, meeting, event, dispute or country."""
        self._get(f"claims_about({rid!r})", rid, None)
        return self._block("claims.html", claims=self.data.claims_about(rid))

    def article_audit(self, article_id: str) -> Markup:
        """The audit of an article: each of its claims with verdict, reasoning and evidence."""
        article = self._get(f"article_audit({article_id!r})", article_id, "source")
        claims = self.data.audit_of(article_id)
        if not claims:
            raise MacroError(f"article_audit({article_id!r}): no claims are audited against this source")
        self.reviewed += [c.id for c in claims if c.verdict and c.id not in self.reviewed]
        return self._block("audit.html", article=article, claims=claims)

    # -- the publication ------------------------------------------------------------
    def contributors(self) -> Markup:
        """The contributors of the repository, as its history names them (no e-mail addresses)."""
        names = self.edition.contributors if self.edition else ()
        return self._block("contributors.html", names=names)

    def csv_guide(self) -> Markup:
        """What every column of each CSV download holds, from the lists that write the files."""
        return self._block("csv_guide.html", tables=COLUMNS)

    def edition_downloads(self) -> Markup:
        """Links to the PDF edition and the offline copy, which `make build` places beside the
        site; the offline copy, which holds neither, points to the website instead."""
        edition = self.edition
        return self._block(
            "edition_downloads.html",
            files=[(self.url_to(f.path), f) for f in editions_files.FILES],
            offline=bool(edition and edition.offline),
            site_url=edition.url("data/") if edition else None,
        )

    def _uid(self, stem: str) -> str:
        self._svg_count += 1
        return f"{stem}-{self._svg_count}"

    def timeline_svg(self, subject: str = "format") -> Markup:
        """An SVG timeline of the format's meetings, or of a dispute's key dates (give its id)."""
        if subject == "format":
            meetings = sorted(self.data.meetings.values(), key=lambda m: m.start.earliest)
            items: list[TimelineItem] = [
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
        """The SVG relationship graph: all relations, or those involving a dispute's parties."""
        # Relations as they stand: a superseded claim's relation is history, shown with the claim.
        pairs = [(c, r) for c, r in self.data.relations() if c.superseded is None]
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

    def corrections_log(self) -> Markup:
        """The corrections log, newest first: what changed in published records, and why."""
        logged = enumerate(self.data.corrections.values())  # oldest first, as the log is written
        entries = [c for _, c in sorted(logged, key=lambda p: (p[1].date.earliest, p[0]), reverse=True)]
        return self._block("corrections.html", corrections=entries, repo=self.repo)

    def maintainers_page(self) -> Markup:
        """For maintainers: records due for review, superseded or flagged, with links to edit."""
        return self._block("maintainers.html", **maintenance(self.data, self.today))

    def cite(self, *ids: str) -> Markup:
        """Inline citation markers linking to the page's references, e.g. `{{ cite("src-id") }}`."""
        if not ids:
            raise MacroError("cite(): name at least one source id")
        call = f"cite({', '.join(map(repr, ids))})"
        sources = [self._get(call, rid, "source") for rid in ids]
        html = ENV.get_template("cite_inline.html").render(
            sources=sources, link=self.link, number=self.number
        )
        return Markup(html.strip())

    def references(self) -> Markup:
        """The page's own reference list, in the order of first citation ('' if none)."""
        if not self.number:
            return Markup("")
        sources = [self.data.sources[sid] for sid in self.number]
        return Markup("\n## References { #references }\n") + self._block("references.html", sources=sources)
