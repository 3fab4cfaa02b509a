"""The one error value of the data layer and its one-line format.

Every problem found in `data/` (by the YAML reader, the models or the cross-entity
checks) becomes a `DataError`. They are collected, sorted, and printed as

    path:line:col: error: <kind> '<id>' › <field>: <problem> (<expected>) [<rule>]

so that an editor, a CI log and a contributor all read the same line. The rule id names
the check (CONTRIBUTING.md and data/README.md say what each means); a record can carry a
reviewed exception for a warning by its rule id (`exceptions:` on the record).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

Severity = Literal["error", "warning"]


def _visible(text: str) -> str:
    """Show invisible and control characters as \\uXXXX so a line never hides them."""
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)


@dataclass(frozen=True, order=True)
class DataError:
    """One problem at one place. Fields left empty are left out of the line."""

    path: str
    line: int
    col: int
    problem: str
    expected: str = ""
    kind: str = ""
    id: str = ""
    field: str = ""
    severity: Severity = "error"
    rule: str = ""

    def format(self) -> str:
        where = f"{self.path}:{self.line}:{self.col}: {self.severity}: "
        subject = ""
        if self.kind:
            subject = f"{self.kind} '{_visible(self.id)}'" if self.id else self.kind
        if self.field:
            subject = f"{subject} › {self.field}" if subject else self.field
        text = f"{subject}: {self.problem}" if subject else self.problem
        if self.expected:
            text += f" ({self.expected})"
        if self.rule:
            text += f" [{self.rule}]"
        return where + text

    def as_json(self) -> dict[str, Any]:
        """The fields of the line, for tools (`python -m macros check --format json`)."""
        return {**asdict(self), "message": self.format()}


class DataErrors(Exception):
    """Raised once, after every file and check has run, with all errors found."""

    def __init__(self, errors: list[DataError]) -> None:
        self.errors = sorted(errors)
        super().__init__(self.report())

    def __reduce__(self) -> tuple[type[DataErrors], tuple[list[DataError]]]:
        """Pickled by its errors (an exception is pickled by its arguments, here the report:
        the worker's data errors must come back whole, macros/worker.py)."""
        return (DataErrors, (self.errors,))

    def report(self) -> str:
        lines = [e.format() for e in self.errors]
        n = sum(1 for e in self.errors if e.severity == "error")
        lines.append(f"data check failed: {n} error{'s' if n != 1 else ''}")
        return "\n".join(lines)
