"""The corrections log: every published statement that was changed, when, how and why,
as newsrooms keep one. Shown on the Corrections page and in the Atom feed."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import Field
from pydantic_core import PydanticCustomError

from .base import Citations, Record
from .fields import FieldType, PartialDate, Prose
from .refs import AnyRef

COMMIT_RE = re.compile(r"^[0-9a-f]{7,40}$")


def _check_commit(value: object) -> str:
    if not isinstance(value, str) or not COMMIT_RE.match(value):
        raise PydanticCustomError(
            "pattern", f"{value!r} is not a git commit id (7 to 40 lower-case hex digits)"
        )
    return value


Commit = Annotated[
    str,
    FieldType(
        _check_commit,
        (("type", "string"), ("description", "a git commit id"), ("pattern", COMMIT_RE.pattern)),
    ),
]


class Correction(Record):
    """An entry in the corrections log: what a published record said that was changed, and why."""

    date: PartialDate = Field(description="when the change was published")
    type: Literal["correction", "clarification", "update"] = Field(
        description="correction: it was wrong; clarification: it was unclear; update: events moved on"
    )
    changed: Prose = Field(description="what the record said before, and what it says now")
    reason: Prose = Field(description="why it changed")
    records: tuple[AnyRef, ...] = Field(
        min_length=1, description="ids of the claims (or other records) changed"
    )
    commit: Commit | None = Field(None, description="the commit that made the change")
    sources: Citations = Field((), description="sources that show the corrected version")
