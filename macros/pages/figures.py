"""The bodies of the figure macros (`timeline_svg`, `graph_svg`): which records a figure
shows and in what order; the geometry is in `visuals`, the markup in the templates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from markupsafe import Markup

from ..core.base import Citations
from ..core.entities import Event
from .dates import format_span
from .escape import MacroError
from .visuals import FONT, REL_LABELS, SIZE, graph_layout, legend, timeline_spacing

if TYPE_CHECKING:
    from .render import Renderer


@dataclass(frozen=True)
class TimelineItem:
    start: date
    date: str
    text: str
    href: str | None = None
    after: bool = False
    sources: Citations = ()
    event: Event | None = None


def timeline(r: Renderer, subject: str) -> Markup:
    """The format's meetings, or a dispute's key dates in date order, with their spacing."""
    if subject == "format":
        meetings = sorted(r.data.meetings.values(), key=lambda m: m.start.earliest)
        items = [
            TimelineItem(
                m.start.earliest, format_span(m.start, m.end), m.title, r.link(m.id), m.after_article
            )
            for m in meetings
        ]
        title = "Timeline of the trilateral format"
    else:
        dispute = r.get(f"timeline_svg({subject!r})", subject, "dispute")
        items = [
            TimelineItem(
                k.date.earliest,
                format_span(k.date, k.end),
                k.text,
                sources=k.sources,
                event=r.data.events.get(k.event or ""),
            )
            for k in sorted(dispute.key_dates, key=lambda k: k.date.earliest)
        ]
        title = f"Timeline: {dispute.name}"
    spacing = timeline_spacing([i.start for i in items])
    return r.block(
        "timeline.html",
        items=list(zip(items, spacing, strict=True)),
        title=title,
        uid=r.uid("timeline"),
    )


def graph(r: Renderer, subject: str) -> Markup:
    """Every current relation, or those involving a dispute's parties."""
    # Relations as they stand: a superseded claim's relation is history, shown with the claim.
    pairs = [(c, r) for c, r in r.data.relations() if c.superseded is None]
    title = "Relations between the states in the briefing"
    if subject != "all":
        dispute = r.get(f"graph_svg({subject!r})", subject, "dispute")
        parties = set(dispute.parties)
        pairs = [(c, r) for c, r in pairs if {r.actor, r.target} & parties]
        title = f"Relations involving the parties: {dispute.name}"
    if not pairs:
        raise MacroError(f"graph_svg({subject!r}): no claim carries a relation for this graph")
    names = {cid: c.short_name or c.name for cid, c in r.data.countries.items()}
    nodes, edges = graph_layout(pairs, names)
    desc = "; ".join(f"{names[r.actor]} to {names[r.target]}: {REL_LABELS[r.type]}" for _, r in pairs)
    return r.block(
        "graph.svg.html",
        nodes=nodes,
        edges=edges,
        size=SIZE,
        font=FONT,
        title=title,
        desc=desc,
        uid=r.uid("graph"),
        legend=legend(sorted({r.type for _, r in pairs})),
        show_labels=len(edges) <= 8,
    )
