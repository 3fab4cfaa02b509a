"""The options of a list's filter: for each facet (kind, verdict, origin …) the values that
occur, with their labels and counts, in a fixed order. The filter itself is CSS
(`templates/filter.html`, `docs/assets/briefing.css`), so the values are closed sets."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..core.claims import Claim
from ..core.sources import Source
from .labels import KIND_LABELS, ORIGIN_LABELS, VERDICT_LABELS


@dataclass(frozen=True)
class Option:
    value: str  # the item's class suffix and the target's id suffix
    label: str
    count: int


@dataclass(frozen=True)
class Facet:
    name: str
    values: tuple[Option, ...]


def facet(name: str, labels: Mapping[str, str], found: Iterable[str]) -> Facet:
    """The values of `labels` that occur in `found`, in the order of `labels`."""
    counts = Counter(found)
    return Facet(
        name,
        tuple(
            Option(v, label[:1].upper() + label[1:], counts[v]) for v, label in labels.items() if counts[v]
        ),
    )


def claim_facets(claims: list[Claim]) -> list[Facet]:
    return [facet("kind", {k: f"{v}s" for k, v in KIND_LABELS.items()}, (c.kind for c in claims))]


def source_facets(sources: list[Source]) -> list[Facet]:
    sides = {"affiliated": "affiliated with a party", "unaffiliated": "no affiliation recorded"}
    return [
        facet("origin", ORIGIN_LABELS, (s.origin for s in sources)),
        facet("side", sides, ("affiliated" if s.affiliation else "unaffiliated" for s in sources)),
    ]


def verdict_facets(claims: list[Claim]) -> list[Facet]:
    """Verdicts, and separately the verdicts that are outdated (the claim was superseded)."""
    return [
        facet("verdict", VERDICT_LABELS, (c.verdict or "" for c in claims)),
        facet("status", {"outdated": "outdated"}, ("outdated" for c in claims if c.superseded)),
    ]
