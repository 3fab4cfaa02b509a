"""What every cross-record rule works on: the loaded data, today's date, and each record
read (valid or not) with the values it holds. Also the one way a rule makes an error."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from .errors import DataError, Severity
from .loader import Entry, LoadResult
from .models import KINDS
from .refs import FieldPath, Leaf, checked_leaves, checked_raw_leaves, format_path

REVIEW_AGE_MONTHS = 12
# Every record read, each with its references and dates (`views_of`).
Views = list[tuple[Entry, list[Leaf]]]


@dataclass
class Context:
    result: LoadResult
    today: date
    review_age_months: int = REVIEW_AGE_MONTHS
    views: Views = field(default_factory=list)
    ran: set[str] = field(default_factory=set)  # warning rules that ran on the whole data


def leaves_of(entry: Entry) -> list[Leaf]:
    """The references and dates of a record (all that the rules read): from the model if
    it validated, else from its raw mapping."""
    if entry.record is not None:
        return checked_leaves(entry.record)
    return checked_raw_leaves(KINDS[entry.kind], entry.where.raw)


def views_of(result: LoadResult) -> Views:
    """Every record read, with its references and dates: what the rules go through, and
    the Dataset's index of who mentions whom after them."""
    return [(entry, leaves_of(entry)) for entry in result.entries]


def records_of(ctx: Context, kind: str) -> Iterator[tuple[Entry, object]]:
    """The records of a kind that reached the Dataset, each with its entry."""
    loaded = ctx.result.records[kind]
    for entry in ctx.result.entries:
        if entry.kind == kind and entry.record is not None and loaded.get(entry.id) is entry.record:
            yield entry, entry.record


def error_at(
    entry: Entry,
    path: FieldPath,
    problem: str,
    expected: str = "",
    *,
    rule: str,
    severity: Severity = "error",
) -> DataError:
    line, col = entry.where.locate(path)
    return DataError(
        entry.where.path,
        line,
        col,
        problem,
        expected,
        entry.kind,
        entry.id,
        format_path(path),
        severity,
        rule,
    )
