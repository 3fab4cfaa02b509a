"""Rules that span records: references resolve, dates are ordered and not in the future,
lists hold no repeats, and every source is cited somewhere.

Each rule is a function `(result, today) -> Iterator[DataError]`; `run_checks` runs them
all so that every problem is reported in one pass.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from datetime import date
from typing import cast

from .claims import Claim
from .entities import Dispute
from .errors import DataError, Severity
from .fields import PartialDate
from .loader import LoadResult
from .models import KINDS, Record
from .refs import FieldPath, format_path, iter_leaves

# (container path suffix, start field, end field): pairs whose order is checked.
DATE_PAIRS = (("start", "end"), ("date", "end"))
# In a list of mappings, these fields identify the item; naming the same id twice is an error.
IDENTITY_FIELDS = ("person", "source")


def run_checks(result: LoadResult, today: date) -> list[DataError]:
    errors: list[DataError] = []
    rules = (
        check_references,
        check_dates,
        check_repeats,
        check_reviews,
        check_positions,
        check_unused_sources,
    )
    for rule in rules:
        errors.extend(rule(result, today))
    return errors


def _records(result: LoadResult) -> Iterator[tuple[str, str, Record]]:
    for kind in KINDS:
        for rid, record in result.records[kind].items():
            yield kind, rid, record


def _error(
    result: LoadResult,
    kind: str,
    rid: str,
    path: FieldPath,
    problem: str,
    expected: str = "",
    severity: Severity = "error",
) -> DataError:
    line, col = result.locations[rid].locate(path)
    return DataError(
        result.locations[rid].path, line, col, problem, expected, kind, rid, format_path(path), severity
    )


def check_references(result: LoadResult, today: date) -> Iterator[DataError]:
    for kind, rid, record in _records(result):
        for path, value, ref in iter_leaves(record):
            if ref is None:
                continue
            target_kind = result.kind_of.get(value)
            if value in result.broken_ids:
                continue  # the target failed to load or its id is duplicated; reported already
            if target_kind in ref.kinds:
                if value == rid:
                    yield _error(result, kind, rid, path, "refers to the record itself")
                continue
            if target_kind is not None:
                yield _error(
                    result, kind, rid, path, f"'{value}' is a {target_kind}, not a {' or '.join(ref.kinds)}"
                )
                continue
            if result.unreadable_kinds & set(ref.kinds):
                continue  # a file of the target kind could not be read; reported already
            candidates = [i for i, k in result.kind_of.items() if k in ref.kinds]
            hint = difflib.get_close_matches(value, candidates, n=1, cutoff=0.5)
            expected = f"did you mean '{hint[0]}'?" if hint else f"an id of a {' or '.join(ref.kinds)}"
            yield _error(result, kind, rid, path, f"unknown {' or '.join(ref.kinds)} '{value}'", expected)


def check_dates(result: LoadResult, today: date) -> Iterator[DataError]:
    for kind, rid, record in _records(result):
        leaves = {path: value for path, value, _ in iter_leaves(record)}
        for path, value in leaves.items():
            if not isinstance(value, PartialDate):
                continue
            if value.earliest > today:
                yield _error(
                    result,
                    kind,
                    rid,
                    path,
                    f"date '{value}' is in the future",
                    f"on or before {today.isoformat()}",
                )
            name = path[-1]
            for first, second in DATE_PAIRS:
                if name != second:
                    continue
                start = leaves.get((*path[:-1], first))
                if isinstance(start, PartialDate) and value.latest < start.earliest:
                    yield _error(
                        result,
                        kind,
                        rid,
                        path,
                        f"ends ({value}) before it starts ({start})",
                        "end on or after start",
                    )


def check_repeats(result: LoadResult, today: date) -> Iterator[DataError]:
    """A list of ids, participants or citations that names the same id twice."""
    for kind, rid, record in _records(result):
        seen: dict[FieldPath, dict[str, tuple]] = {}
        for path, value, ref in iter_leaves(record):
            if (
                ref is None
                or not path
                or not (
                    isinstance(path[-1], int)
                    or (len(path) > 1 and isinstance(path[-2], int) and path[-1] in IDENTITY_FIELDS)
                )
            ):
                continue
            index = len(path) - 1 if isinstance(path[-1], int) else len(path) - 2
            group = (*path[:index], *path[index + 1 :])
            first = seen.setdefault(group, {}).get(value)
            if first is not None:
                yield _error(
                    result, kind, rid, path, f"'{value}' is listed twice", f"first at {format_path(first)}"
                )
            else:
                seen[group][value] = path


def check_unused_sources(result: LoadResult, today: date) -> Iterator[DataError]:
    if result.errors:
        return  # records that failed to load may cite sources; the warning would mislead
    cited = {
        value
        for _, _, record in _records(result)
        for _, value, ref in iter_leaves(record)
        if ref is not None and "source" in ref.kinds
    }
    for rid in result.records["source"]:
        if rid not in cited:
            yield _error(
                result,
                "source",
                rid,
                ("id",),
                "is not cited by any record",
                "cite it or remove it",
                severity="warning",
            )


def check_reviews(result: LoadResult, today: date) -> Iterator[DataError]:
    """A review names sources the claim actually cites (or gives as evidence)."""
    for rid, record in result.records["claim"].items():
        claim = cast(Claim, record)
        review = claim.reviewed
        if review is None:
            continue
        cited = {c.source for c in (*claim.sources, *claim.evidence)}
        for i, sid in enumerate(review.against):
            if sid not in cited:
                yield _error(
                    result,
                    "claim",
                    rid,
                    ("reviewed", "against", i),
                    f"'{sid}' is not among the claim's sources or evidence",
                    "a review checks the claim against what it cites",
                )


def check_positions(result: LoadResult, today: date) -> Iterator[DataError]:
    """Both sides: every party of a dispute has a position, sourced or explicitly not found."""
    for rid, record in result.records["dispute"].items():
        dispute = cast(Dispute, record)
        stated = {p.party for p in dispute.positions}
        for i, party in enumerate(dispute.parties):
            if party not in stated:
                yield _error(
                    result,
                    "dispute",
                    rid,
                    ("parties", i),
                    f"party '{party}' has no entry in 'positions'",
                    "a sourced position, or 'not_found: true' if no statement of it was found",
                )
