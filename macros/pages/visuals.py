"""Build-time visuals: timelines and the relationship graph. Pure; no MkDocs, no client JS.

Geometry is computed here; the markup is in `templates/timeline.html` and
`templates/graph.svg.html`, autoescaped like every other template.

* A timeline is an ordered list whose items are spaced by the time between them (in
  steps of a unit chosen per timeline), so that it reads at a glance, wraps its text at
  any width and is the same list for every reader.
* The graph draws relation types in at most five line styles (STYLES), each named in the
  legend by the types it covers. Its coordinates are sized so that a label is at least
  12 px tall when the figure is 358 px wide (a 390-px phone): FONT / SIZE * 358 >= 12.
  Each edge links to the claim that backs it.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from datetime import date

from ..core.claims import Claim, Relation

REL_LABELS = {
    "alliance": "alliance",
    "cooperation": "cooperation",
    "diplomatic-relations": "diplomatic relations",
    "arms-supply": "arms supply",
    "military-presence": "military presence",
    "recognition": "recognises",
    "support": "political support",
    "mediation": "mediation, peacekeeping",
    "non-recognition": "does not recognise",
    "conflict": "armed conflict",
}
DIRECTED = {"arms-supply", "recognition", "non-recognition", "support", "mediation", "military-presence"}


@dataclass(frozen=True)
class LineStyle:
    """One of the graph's line styles: told apart by dash and width, not by colour alone.
    `colour` is the light palette's, written into the SVG (the PDF has no site CSS); the
    site's CSS sets the colour of each style per palette (class `g-style--<name>`)."""

    name: str
    dash: str
    width: float
    colour: str
    types: tuple[str, ...]

    def label(self, present: set[str]) -> str:
        """The types of this style that the graph shows: 'Alliance, cooperation or …'."""
        words = [REL_LABELS[t] for t in self.types if t in present]
        text = ", ".join(words[:-1]) + (" or " if len(words) > 1 else "") + words[-1]
        return text[:1].upper() + text[1:]


STYLES = (
    LineStyle("ties", "", 3, "#1b5e20", ("alliance", "cooperation", "diplomatic-relations")),
    LineStyle("military", "10 4", 2.5, "#b71c1c", ("arms-supply", "military-presence")),
    LineStyle("support", "2 4", 3, "#0d47a1", ("recognition", "support", "mediation")),
    LineStyle("refusal", "9 3 2 3", 2.5, "#6a1b9a", ("non-recognition",)),
    LineStyle("conflict", "16 3", 5, "#bf360c", ("conflict",)),
)
STYLE_OF = {t: s for s in STYLES for t in s.types}

SIZE = 420  # the graph's viewBox is SIZE x SIZE
FONT = 14.5  # node and edge label size in viewBox units: 12.4 px at 358 px wide
PILL_H = 26


# -- timelines ----------------------------------------------------------------------------
MAX_STEPS = 10  # the largest gap between two items, in steps
STEPS_PER_SPAN = 24  # a timeline's whole span is at least this many steps, where it can be


def timeline_spacing(starts: list[date]) -> list[int]:
    """The space before each item (dates in order), in steps of one unit of time: the gap
    since the previous item divided by the unit, rounded, so that items on close dates sit
    at the minimum gap (0). The unit is 30 days at least, and large enough that the whole
    span takes at most STEPS_PER_SPAN steps and the longest gap at most MAX_STEPS: one
    scale for the whole timeline, so that equal gaps look equal."""
    if not starts:
        return []
    gaps = [max((b - a).days, 0) for a, b in itertools.pairwise(starts)]
    span = (starts[-1] - starts[0]).days
    unit = max(30.0, span / STEPS_PER_SPAN, max(gaps, default=0) / MAX_STEPS)
    return [0, *(round(g / unit) for g in gaps)]


# -- the relationship graph -----------------------------------------------------------------
@dataclass(frozen=True)
class Node:
    id: str
    lines: tuple[str, ...]  # the name, on one or two lines
    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class Edge:
    claim: Claim
    relation: Relation
    x1: float
    y1: float
    x2: float
    y2: float
    cx: float
    cy: float
    lx: float
    ly: float

    @property
    def label(self) -> str:
        return REL_LABELS[self.relation.type]

    @property
    def directed(self) -> bool:
        return self.relation.type in DIRECTED

    @property
    def style(self) -> LineStyle:
        return STYLE_OF[self.relation.type]


def _name_lines(name: str) -> tuple[str, ...]:
    """A node's name on one line, or two if it is long and has a space near its middle."""
    if len(name) <= 12 or " " not in name:
        return (name,)
    cut = min((i for i, ch in enumerate(name) if ch == " "), key=lambda i: abs(i - len(name) / 2))
    return (name[:cut], name[cut + 1 :])


def _pill(nid: str, name: str, x: float, y: float) -> Node:
    lines = _name_lines(name)
    width = max(len(line) for line in lines) * FONT * 0.6 + 14
    return Node(nid, lines, x, y, width, PILL_H + (len(lines) - 1) * FONT * 1.15)


def _border(node: Node, ux: float, uy: float, gap: float) -> tuple[float, float]:
    """Where a line leaving the node's centre in direction (ux, uy) crosses its border."""
    tx = (node.w / 2 + gap) / abs(ux) if ux else math.inf
    ty = (node.h / 2 + gap) / abs(uy) if uy else math.inf
    t = min(tx, ty)
    return node.x + ux * t, node.y + uy * t


def _ring(ids: list[str], names: dict[str, str]) -> dict[str, Node]:
    """Nodes on an ellipse, stepping round it so that the busiest are not neighbours."""
    n = len(ids)
    half = max(n // 2, 1)
    step = next((k for k in range(half, 0, -1) if math.gcd(k, n) == 1), 1)
    if n > 4 and step == n // 2:
        step = next((k for k in range(n // 2 - 1, 0, -1) if math.gcd(k, n) == 1), 1)
    centre, rx, ry = SIZE / 2, SIZE / 2 - 62, SIZE / 2 - 30
    nodes = {}
    for k, nid in enumerate(ids):
        angle = -math.pi / 2 + 2 * math.pi * ((k * step) % n) / max(n, 1)
        nodes[nid] = _pill(nid, names[nid], centre + rx * math.cos(angle), centre + ry * math.sin(angle))
    return nodes


def graph_layout(edges: list[tuple[Claim, Relation]], names: dict[str, str]) -> tuple[list[Node], list[Edge]]:
    """Countries on a ring; each edge a gentle curve, bent further for parallel edges."""
    degree: dict[str, int] = {}
    for _, r in edges:
        degree[r.actor] = degree.get(r.actor, 0) + 1
        degree[r.target] = degree.get(r.target, 0) + 1
    nodes = _ring(sorted(degree, key=lambda i: (-degree[i], names[i])), names)
    seen: dict[frozenset[str], int] = {}
    out = []
    for claim, rel in edges:
        a, b = nodes[rel.actor], nodes[rel.target]
        pair = frozenset((a.id, b.id))
        n = seen.get(pair, 0)
        seen[pair] = n + 1
        dx, dy = b.x - a.x, b.y - a.y
        length = math.hypot(dx, dy) or 1
        ux, uy = dx / length, dy / length
        # bent less between near neighbours: a bend wider than the gap draws a loop
        bend = (14 + 24 * n) * min(1.0, length / 240)
        sign = 1 if a.id < b.id else -1  # parallel edges of either direction bend apart
        cx, cy = (a.x + b.x) / 2 - uy * bend * sign, (a.y + b.y) / 2 + ux * bend * sign
        x1, y1 = _border(a, ux, uy, 2)
        x2, y2 = _border(b, -ux, -uy, 5)
        lx, ly = (x1 + 2 * cx + x2) / 4, (y1 + 2 * cy + y2) / 4
        out.append(Edge(claim, rel, x1, y1, x2, y2, cx, cy, lx, ly))
    return sorted(nodes.values(), key=lambda node: node.id), out


@dataclass(frozen=True)
class LegendKey:
    style: LineStyle
    label: str
    directed: bool


def legend(types: list[str]) -> list[LegendKey]:
    """The line styles the graph uses, in a fixed order, each named by the types it shows."""
    present = set(types)
    return [
        LegendKey(s, s.label(present), bool(present & DIRECTED & set(s.types)))
        for s in STYLES
        if present & set(s.types)
    ]
