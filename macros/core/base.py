"""The base of every record model, and citations (every kind cites sources).

Every model forbids unknown keys and is frozen; validation happens once, when a record
is read. Pure: no I/O, no MkDocs.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .fields import Id, Prose, Text
from .refs import SourceRef


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


class Record(Model):
    """A record of one of the kinds in `data/`: it has an id, unique across all data."""

    id: Id


class Citation(Model):
    """A pointer to a source, with an optional page/section and exact short quote."""

    source: SourceRef
    locator: Text | None = None
    quote: Prose | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        # `- some-source-id` is short for `- source: some-source-id`.
        return {"source": value} if isinstance(value, str) else value


Citations = tuple[Citation, ...]
Sourced = Annotated[Citations, Field(min_length=1)]
