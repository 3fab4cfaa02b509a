"""Which claims a topic page shows, and in what groups, so that every claim has a place a
reader looks for it (a dispute, a country, a person, a meeting) besides "All claims".

Each claim appears at most once on a page (its anchor `claim-<id>` is unique there).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..core.claims import Claim
from ..core.dataset import Dataset
from ..core.entities import Dispute, Event, Meeting


@dataclass(frozen=True)
class ClaimGroup:
    title: str  # shown as a heading ("" for claims without a better group)
    anchor: str  # id of the heading
    claims: tuple[Claim, ...]
    event: Event | None = None  # the event the group is about, if any


def _take(claims: Iterable[Claim], seen: set[str]) -> tuple[Claim, ...]:
    out = []
    for claim in claims:
        if claim.id not in seen:
            seen.add(claim.id)
            out.append(claim)
    return tuple(out)


def dispute_groups(data: Dataset, dispute: Dispute) -> list[ClaimGroup]:
    """A dispute's claims: first each of its events in date order with the claims about
    it (what each side says of the 2020 war …), then its other claims."""
    seen: set[str] = set()
    groups = []
    for event in data.events_of_dispute(dispute.id):
        listed = [data.claims[c] for c in event.claims if c in data.claims]
        claims = _take([*listed, *data.claims_about(event.id)], seen)
        if claims:
            groups.append(ClaimGroup(event.title, f"event-{event.id}", claims, event))
    rest = [data.claims[c] for c in dispute.claims] + data.claims_about(dispute.id)
    others = _take(rest, seen)
    if others:
        groups.append(ClaimGroup("Other claims about this dispute", "other-claims", others))
    return groups


def country_groups(data: Dataset, country_id: str) -> list[ClaimGroup]:
    """Claims about a country, grouped by the dispute they concern, then by meeting, then
    the rest; in data order within a group."""
    claims = data.claims_about(country_id)
    disputes = {d.id: d for d in data.disputes.values()}
    by_dispute: dict[str, list[Claim]] = {}
    meetings, rest = [], []
    for claim in claims:
        dispute = next((a for a in claim.about if a in disputes), None)
        if dispute is None:
            dispute = next((d for a in claim.about for d in _disputes_of_event(data, a)), None)
        if dispute is not None:
            by_dispute.setdefault(dispute, []).append(claim)
        elif any(a in data.meetings for a in claim.about):
            meetings.append(claim)
        else:
            rest.append(claim)
    seen: set[str] = set()
    groups = [
        ClaimGroup(disputes[d].name, f"claims-{d}", _take(items, seen)) for d, items in by_dispute.items()
    ]
    if meetings:
        groups.append(ClaimGroup("Meetings of the format", "claims-meetings", _take(meetings, seen)))
    if rest:
        groups.append(ClaimGroup("Other claims", "claims-other", _take(rest, seen)))
    return groups


def _disputes_of_event(data: Dataset, rid: str) -> tuple[str, ...]:
    event = data.events.get(rid)
    return event.disputes if event is not None else ()


def meetings_of_country(data: Dataset, country_id: str) -> list[Meeting]:
    """Meetings the country took part in or hosted, in date order."""
    found = [
        m
        for m in data.meetings.values()
        if m.place.country == country_id or any(p.country == country_id for p in m.participants)
    ]
    return sorted(found, key=lambda m: m.start.earliest)
