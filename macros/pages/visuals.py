"""Build-time SVG: timelines and the relationship graph. Pure; no MkDocs, no client JS.

Geometry is computed here; the markup is in `templates/*.svg.html`, autoescaped like
every other template. Each SVG has a <title> and <desc>, and each graph edge links to
the claim that backs it.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass

from ..core.claims import Claim, Relation

REL_LABELS = {
    "alliance": "alliance",
    "cooperation": "cooperation",
    "arms-supply": "arms supply",
    "recognition": "recognises",
    "non-recognition": "does not recognise",
    "support": "political support",
    "conflict": "armed conflict",
    "mediation": "mediation, peacekeeping",
    "military-presence": "military presence",
    "diplomatic-relations": "diplomatic relations",
}
DIRECTED = {"arms-supply", "recognition", "non-recognition", "support", "mediation", "military-presence"}
# Line style per type, so that the legend does not rely on colour alone.
DASHES = {
    "alliance": "",
    "cooperation": "6 3",
    "arms-supply": "",
    "recognition": "2 3",
    "non-recognition": "8 3 2 3",
    "support": "6 3",
    "conflict": "",
    "mediation": "2 3",
    "military-presence": "8 3 2 3",
    "diplomatic-relations": "2 3",
}
WIDTHS = {"alliance": 3, "conflict": 3}
# Stroke colour per type, written into the SVG as presentation attributes so that the SVG
# draws the same without the site's stylesheet (the PDF); the site's CSS may override it.
COLOURS = {
    "alliance": "#1b5e20",
    "cooperation": "#1b5e20",
    "arms-supply": "#b71c1c",
    "recognition": "#0d47a1",
    "non-recognition": "#6a1b9a",
    "support": "#0d47a1",
    "conflict": "#e65100",
    "mediation": "#555555",
    "military-presence": "#b71c1c",
    "diplomatic-relations": "#0d47a1",
}
INK = "#111111"  # text and node outlines
PAPER = "#ffffff"  # node fill


@dataclass(frozen=True)
class TimelineRow:
    y: int
    date: str
    lines: tuple[str, ...]
    href: str | None
    after: bool


TimelineItem = tuple[str, str, str | None, bool]  # (date text, label, href, after the article)


def timeline_rows(items: list[TimelineItem], width: int = 46) -> tuple[list[TimelineRow], int]:
    """(date text, label, href, after_article) -> rows with y positions and wrapped labels."""
    rows, y = [], 30
    for date_text, label, href, after in items:
        lines = tuple(textwrap.wrap(label, width)) or ("",)
        rows.append(TimelineRow(y, date_text, lines, href, after))
        y += 22 + 17 * len(lines)
    return rows, y + 10


@dataclass(frozen=True)
class Node:
    id: str
    name: str
    x: float
    y: float


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
    def dash(self) -> str:
        return DASHES[self.relation.type]

    @property
    def width(self) -> int:
        return WIDTHS.get(self.relation.type, 2)

    @property
    def colour(self) -> str:
        return COLOURS[self.relation.type]


def graph_layout(
    edges: list[tuple[Claim, Relation]], names: dict[str, str], size: int = 560, radius_node: int = 34
) -> tuple[list[Node], list[Edge]]:
    """Countries on a circle; each edge a gentle curve, bent further for parallel edges."""
    degree: dict[str, int] = {}
    for _, r in edges:
        degree[r.actor] = degree.get(r.actor, 0) + 1
        degree[r.target] = degree.get(r.target, 0) + 1
    ids = sorted(degree, key=lambda i: (-degree[i], names[i]))
    n = len(ids)
    # Step round the circle so that the busiest nodes are not neighbours.
    step = next((k for k in range(max(n // 2, 1), 0, -1) if math.gcd(k, n) == 1 and k <= max(n // 2, 1)), 1)
    if n > 4 and step == n // 2:
        step = next((k for k in range(n // 2 - 1, 0, -1) if math.gcd(k, n) == 1), 1)
    centre, ring = size / 2, size / 2 - 70
    nodes = {}
    for k, nid in enumerate(ids):
        slot = (k * step) % n
        angle = -math.pi / 2 + 2 * math.pi * slot / max(n, 1)
        nodes[nid] = Node(nid, names[nid], centre + ring * math.cos(angle), centre + ring * math.sin(angle))
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
        bend = 18 + 34 * n
        sign = 1 if a.id < b.id else -1  # parallel edges of either direction bend apart
        nx, ny = -uy * bend * sign, ux * bend * sign
        x1, y1 = a.x + ux * radius_node, a.y + uy * radius_node
        x2, y2 = b.x - ux * (radius_node + 4), b.y - uy * (radius_node + 4)
        cx, cy = (a.x + b.x) / 2 + nx, (a.y + b.y) / 2 + ny
        lx, ly = (x1 + 2 * cx + x2) / 4, (y1 + 2 * cy + y2) / 4
        out.append(Edge(claim, rel, x1, y1, x2, y2, cx, cy, lx, ly))
    return sorted(nodes.values(), key=lambda node: node.id), out


@dataclass(frozen=True)
class LegendKey:
    type: str
    label: str
    dash: str
    width: int
    colour: str
    directed: bool


def legend(types: list[str]) -> list[LegendKey]:
    """One key for each relation type present, in a fixed order."""
    return [
        LegendKey(t, REL_LABELS[t], DASHES[t], WIDTHS.get(t, 2), COLOURS[t], t in DIRECTED)
        for t in REL_LABELS
        if t in types
    ]
