"""Rules that span records: references resolve, dates are ordered and not in the future,
lists hold no repeats, reviews are fresh, and every source is cited somewhere.

Each rule is a function `(ctx) -> Iterator[DataError]`; `run_checks` runs them all so that
every problem is reported in one pass. References, dates and repeats are checked on every
record read, including those that failed validation (from their raw mapping), so that one
run reports every problem. Warnings that a record excuses with a reviewed exception
(`exceptions:`) are dropped; an exception that excuses nothing is an error.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from datetime import date
from typing import cast

from .check_context import REVIEW_AGE_MONTHS, Context, Views, error_at, records_of, views_of
from .claims import Claim
from .entities import Dispute, Meeting
from .errors import DataError
from .fields import PartialDate
from .freshness import check_planned_past, check_stale_reviews
from .loader import Entry, LoadResult
from .refs import FieldPath, format_path
from .rules import WARNING_RULES

# (start field, end field): pairs whose order is checked.
DATE_PAIRS = (("start", "end"), ("date", "end"))
# In a list of mappings, these fields identify the item; naming the same id twice is an error.
IDENTITY_FIELDS = ("person", "source")


def run_checks(
    result: LoadResult,
    today: date,
    *,
    review_age_months: int = REVIEW_AGE_MONTHS,
    views: Views | None = None,
) -> list[DataError]:
    """Every problem the rules find; `views` is `views_of(result)` if the caller has it."""
    ctx = Context(result, today, review_age_months, views_of(result) if views is None else views)
    problems: list[DataError] = []
    rules = (
        check_references,
        check_dates,
        check_repeats,
        check_reviews,
        check_positions,
        check_unused_sources,
        check_stale_reviews,
        check_planned_past,
    )
    for rule in rules:
        problems.extend(rule(ctx))
    return apply_exceptions(ctx, problems)


def check_references(ctx: Context) -> Iterator[DataError]:
    result = ctx.result
    for entry, leaves in ctx.views:
        for path, value, ref in leaves:
            if ref is None or value in result.duplicate_ids:
                continue  # a duplicated id is ambiguous; the duplicate is reported already
            kinds = " or ".join(ref.kinds)
            target_kind = result.kind_named(value)
            if target_kind in ref.kinds:
                if value == entry.id:
                    yield error_at(entry, path, "refers to the record itself", rule="self-ref")
                continue
            if target_kind is not None:
                yield error_at(
                    entry, path, f"'{value}' is a {target_kind}, not a {kinds}", rule="wrong-kind-ref"
                )
                continue
            if result.unreadable_kinds & set(ref.kinds):
                continue  # a file of the target kind could not be read; reported already
            candidates = [i for i, e in result.seen.items() if e.kind in ref.kinds]
            hint = difflib.get_close_matches(value, candidates, n=1, cutoff=0.5)
            expected = f"did you mean '{hint[0]}'?" if hint else f"an id of a {kinds}"
            yield error_at(entry, path, f"unknown {kinds} '{value}'", expected, rule="unknown-ref")


def _planned(entry: Entry) -> bool:
    if entry.kind != "meeting":
        return False
    if entry.record is not None:
        return cast(Meeting, entry.record).status == "planned"
    return entry.where.raw.get("status") == "planned"


def check_dates(ctx: Context) -> Iterator[DataError]:
    for entry, leaf_list in ctx.views:
        leaves = {path: value for path, value, _ in leaf_list}
        announced = _planned(entry)
        for path, value in leaves.items():
            if not isinstance(value, PartialDate):
                continue
            if value.earliest > ctx.today and not (announced and path in (("start",), ("end",))):
                expected = f"on or before {ctx.today.isoformat()}"
                if entry.kind == "meeting":
                    expected += "; an announced meeting has 'status: planned'"
                yield error_at(entry, path, f"date '{value}' is in the future", expected, rule="future-date")
            for first, second in DATE_PAIRS:
                if path[-1] != second:
                    continue
                start = leaves.get((*path[:-1], first))
                if isinstance(start, PartialDate) and value.latest < start.earliest:
                    yield error_at(
                        entry,
                        path,
                        f"ends ({value}) before it starts ({start})",
                        "end on or after start",
                        rule="date-order",
                    )


def _identity_group(path: FieldPath) -> FieldPath | None:
    """For an id in a list (`about[2]`, `participants[1].person`), the list it belongs to."""
    if not path:
        return None
    if isinstance(path[-1], int):
        return path[:-1]
    if len(path) > 1 and isinstance(path[-2], int) and path[-1] in IDENTITY_FIELDS:
        return (*path[:-2], path[-1])
    return None


def check_repeats(ctx: Context) -> Iterator[DataError]:
    """A list of ids, participants or citations that names the same id twice."""
    for entry, leaves in ctx.views:
        seen: dict[FieldPath, dict[str, FieldPath]] = {}
        for path, value, ref in leaves:
            group = _identity_group(path) if ref is not None else None
            if group is None:
                continue
            first = seen.setdefault(group, {}).get(value)
            if first is not None:
                yield error_at(
                    entry,
                    path,
                    f"'{value}' is listed twice",
                    f"first at {format_path(first)}",
                    rule="repeated",
                )
            else:
                seen[group][value] = path


def check_reviews(ctx: Context) -> Iterator[DataError]:
    """A review names sources the claim actually cites (or gives as evidence)."""
    for entry, record in records_of(ctx, "claim"):
        claim = cast(Claim, record)
        if claim.reviewed is None:
            continue
        cited = {c.source for c in (*claim.sources, *claim.evidence)}
        for i, sid in enumerate(claim.reviewed.against):
            if sid not in cited:
                yield error_at(
                    entry,
                    ("reviewed", "against", i),
                    f"'{sid}' is not among the claim's sources or evidence",
                    "a review checks the claim against what it cites",
                    rule="review-against",
                )


def check_positions(ctx: Context) -> Iterator[DataError]:
    """Both sides: every party of a dispute has a position, sourced or explicitly not found."""
    for entry, record in records_of(ctx, "dispute"):
        dispute = cast(Dispute, record)
        stated = {p.party for p in dispute.positions}
        for i, party in enumerate(dispute.parties):
            if party not in stated:
                yield error_at(
                    entry,
                    ("parties", i),
                    f"party '{party}' has no entry in 'positions'",
                    "a sourced position, or 'not_found: true' if no statement of it was found",
                    rule="party-position",
                )


def check_unused_sources(ctx: Context) -> Iterator[DataError]:
    if ctx.result.unreadable_kinds:
        return  # a file that could not be read may cite sources; the warning would mislead
    ctx.ran.add("unused-source")
    cited = {value for _, leaves in ctx.views for _, value, ref in leaves if ref and "source" in ref.kinds}
    for entry, _ in records_of(ctx, "source"):
        if entry.id not in cited:
            yield error_at(
                entry,
                ("id",),
                "is not cited by any record",
                "cite it or remove it",
                rule="unused-source",
                severity="warning",
            )


def apply_exceptions(ctx: Context, problems: list[DataError]) -> list[DataError]:
    """Drop the warnings a record excuses; report exceptions that excuse nothing."""
    excused: dict[tuple[str, str], int] = {}
    for entry in ctx.result.entries:
        if entry.record is not None and entry.id in ctx.result.kind_of:
            for i, exc in enumerate(entry.record.exceptions):
                excused.setdefault((entry.id, exc.rule), i)
    kept, used = [], set()
    for p in problems:
        key = (p.id, p.rule)
        if p.severity == "warning" and p.rule in WARNING_RULES and key in excused:
            used.add(key)
        else:
            kept.append(p)
    for (rid, rule), i in excused.items():
        if (rid, rule) not in used and rule in ctx.ran:
            entry = ctx.result.seen[rid]
            kept.append(
                error_at(
                    entry,
                    ("exceptions", i),
                    f"no '{rule}' warning to excuse",
                    "remove the exception",
                    rule="exception",
                )
            )
    return kept
