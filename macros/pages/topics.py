"""Which claims a topic page shows, and in what groups, so that every claim has a place a
reader looks for it (a dispute, a country, a person, a meeting) besides "All claims"; and
the groups of the All claims and Sources pages themselves.

Each claim appears at most once on a page (its anchor `claim-<id>` is unique there).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..core.claims import Claim
from ..core.dataset import Dataset
from ..core.entities import Dispute, Event, Meeting
from ..core.sources import Source
from .labels import GENRE_LABELS
from .search_terms import fold


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


@dataclass(frozen=True)
class TopicSection:
    title: str
    anchor: str
    groups: tuple[ClaimGroup, ...]


def claim_sections(data: Dataset) -> list[TopicSection]:
    """Every claim once, by topic, for the All claims page: under the dispute it concerns,
    else the meeting, else the first country it is about, else with the other claims."""
    seen: set[str] = set()
    disputes = [
        ClaimGroup(
            d.name, f"about-{d.id}", _take([c for g in dispute_groups(data, d) for c in g.claims], seen)
        )
        for d in data.disputes.values()
    ]
    meetings = [
        ClaimGroup(
            m.title,
            f"about-{m.id}",
            _take([*(data.claims[c] for c in m.outcomes), *data.claims_about(m.id)], seen),
        )
        for m in sorted(data.meetings.values(), key=lambda m: m.start.earliest)
    ]
    countries = [
        ClaimGroup(c.name, f"about-{c.id}", _take(data.claims_about(c.id), seen))
        for c in sorted(data.countries.values(), key=lambda c: fold(c.name).casefold())
    ]
    others = [ClaimGroup("", "about-other", _take(data.claims.values(), seen))]
    sections = [
        TopicSection("Disputes", "claims-disputes", tuple(g for g in disputes if g.claims)),
        TopicSection("Meetings of the format", "claims-meetings", tuple(g for g in meetings if g.claims)),
        TopicSection("Countries and parties", "claims-countries", tuple(g for g in countries if g.claims)),
        TopicSection("Other claims", "claims-other", tuple(g for g in others if g.claims)),
    ]
    return [s for s in sections if s.groups]


@dataclass(frozen=True)
class SourceGroup:
    title: str
    anchor: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class SourceSection:
    title: str
    anchor: str
    groups: tuple[SourceGroup, ...]


def _side(data: Dataset, source: Source) -> tuple[str, str]:
    """(anchor part, heading) of the side a source stands on."""
    if source.affiliation is None:
        return "no-affiliation", "No affiliation recorded"
    if source.affiliation.country is None:
        return "no-country", "Partisan or advocacy outlets"
    country = data.countries[source.affiliation.country]
    return country.id, f"Affiliated with {country.short_name or country.name}"


def source_sections(data: Dataset) -> list[SourceSection]:
    """The bibliography by type (genre), then by side (affiliation): sources without an
    affiliation first, then each party's; in bibliography order within a group."""
    by_genre: dict[str, dict[tuple[str, str], list[Source]]] = {g: {} for g in GENRE_LABELS}
    for source in data.bibliography():
        by_genre[source.genre].setdefault(_side(data, source), []).append(source)
    sections = []
    for genre, sides in by_genre.items():
        order = sorted(
            sides, key=lambda side: (side[0] != "no-affiliation", side[0] == "no-country", fold(side[1]))
        )
        groups = tuple(
            SourceGroup(title, f"genre-{genre}-{key}", tuple(sides[(key, title)])) for key, title in order
        )
        if groups:
            sections.append(SourceSection(GENRE_LABELS[genre], f"genre-{genre}", groups))
    return sections
