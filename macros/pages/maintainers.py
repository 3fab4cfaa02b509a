"""What maintainers keep fresh: claims and sources due for review, claims superseded or
flagged, reviewed exceptions and announced meetings, each with the file and line to edit.

Shown on a generated page that is not in the nav (maintainers.md). "Today" is the
edition's date, so the page is the same for the same commit (SOURCE_DATE_EPOCH).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import cast

from ..core.check_context import REVIEW_AGE_MONTHS
from ..core.dataset import Dataset
from ..core.fields import PartialDate
from ..core.freshness import months_before
from ..core.models import Record


@dataclass(frozen=True)
class Item:
    rid: str
    kind: str
    what: str  # one line saying why the record is listed
    date: PartialDate | None = None


def _due(data: Dataset, cutoff: date) -> list[Item]:
    items = [
        Item(c.id, "claim", "last checked against its sources", c.reviewed.on)
        for c in data.claims.values()
        if c.reviewed and c.reviewed.on.latest < cutoff
    ]
    items += [
        Item(s.id, "source", "last opened by an editor", s.accessed)
        for s in data.sources.values()
        if s.accessed and s.accessed.latest < cutoff
    ]
    return sorted(items, key=lambda i: (i.date.earliest if i.date else date.min, i.rid))


def maintenance(data: Dataset, today: date, review_age_months: int = REVIEW_AGE_MONTHS) -> dict[str, object]:
    """The lists of the maintainers' page, as template context."""
    cutoff = months_before(today, review_age_months)
    claims = data.claims.values()
    return {
        "today": today,
        "review_age": review_age_months,
        "due": _due(data, cutoff),
        "never_reviewed": [
            Item(c.id, "claim", "never checked against its sources") for c in claims if not c.reviewed
        ],
        "superseded": [
            Item(c.id, "claim", f"superseded by {c.superseded.by}", c.superseded.on)
            for c in claims
            if c.superseded
        ],
        "flagged": [Item(c.id, "claim", ", ".join(c.flags)) for c in claims if c.flags],
        "excepted": [
            Item(rid, kind, f"{e.rule}: {e.reason}", e.reviewed)
            for kind, records in data.records.items()
            for rid, record in records.items()
            for e in cast(Record, record).exceptions
        ],
        "planned": [
            Item(m.id, "meeting", "announced, not yet held", m.start)
            for m in sorted(data.meetings.values(), key=lambda m: m.start.earliest)
            if m.status == "planned"
        ],
        "unaccessed": sum(1 for s in data.sources.values() if s.accessed is None),
    }
