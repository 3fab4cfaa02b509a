"""Rules that keep the data fresh: reviews older than the review age, announced meetings
whose date has passed. Their findings are warnings (`make check` prints them; a record
may carry a reviewed exception for one)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import cast

from .check_context import Context, error_at, records_of
from .claims import Claim
from .entities import Meeting
from .errors import DataError
from .sources import Source


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier (the last day of the month when it has fewer days)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def check_stale_reviews(ctx: Context) -> Iterator[DataError]:
    """Claims last reviewed, and sources last opened, longer ago than the review age."""
    ctx.ran.add("stale-review")
    cutoff = months_before(ctx.today, ctx.review_age_months)
    age = f"over {ctx.review_age_months} months ago"
    for entry, record in records_of(ctx, "claim"):
        review = cast(Claim, record).reviewed
        if review is not None and review.on.latest < cutoff:
            yield error_at(
                entry,
                ("reviewed", "on"),
                f"last reviewed {review.on}, {age}",
                "check it against its sources again",
                rule="stale-review",
                severity="warning",
            )
    for entry, record in records_of(ctx, "source"):
        accessed = cast(Source, record).accessed
        if accessed is not None and accessed.latest < cutoff:
            yield error_at(
                entry,
                ("accessed",),
                f"last opened {accessed}, {age}",
                "open it again and check what it is cited for",
                rule="stale-review",
                severity="warning",
            )


def check_planned_past(ctx: Context) -> Iterator[DataError]:
    ctx.ran.add("planned-past")
    for entry, record in records_of(ctx, "meeting"):
        meeting = cast(Meeting, record)
        last = meeting.end or meeting.start
        if meeting.status == "planned" and last.latest < ctx.today:
            yield error_at(
                entry,
                ("status",),
                f"planned, but its date {last} has passed",
                "mark it held, with sources, or correct the date",
                rule="planned-past",
                severity="warning",
            )
