"""The base of every record model, citations (every kind cites sources) and the reviewed
exceptions a record may carry for a warning.

Every model forbids unknown keys and is frozen; validation happens once, when a record
is read. A model may name a `shorthand` field: a bare id string stands for a mapping with
only that field (`- some-source-id` for `- source: some-source-id`); the loader, the
cross-record checks and the JSON Schema all honour it. Pure: no I/O, no MkDocs.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, GetJsonSchemaHandler, model_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from .fields import ID_RE, Id, PartialDate, Prose, Text
from .refs import SourceRef


def rule_error(rule: str, message: str) -> PydanticCustomError:
    """A record-level problem whose error type is its rule id (see rules.py)."""
    return PydanticCustomError(rule, message)


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)
    # A bare string stands for a mapping with only this field (None: no shorthand). A
    # model that has one derives from `ShorthandModel`, which expands it.
    shorthand: ClassVar[str | None] = None

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        if cls.shorthand and not issubclass(cls, ShorthandModel):
            raise TypeError(f"{cls.__name__} has a shorthand: derive it from ShorthandModel")

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        if cls.shorthand:
            target = handler.resolve_ref_schema(json_schema)
            mapping = dict(target)
            target.clear()
            target["anyOf"] = [
                {
                    "type": "string",
                    "pattern": ID_RE.pattern,
                    "description": f"short for {{{cls.shorthand}: …}}",
                },
                mapping,
            ]
        return json_schema


class ShorthandModel(Model):
    """A model a bare id may stand for (see `Model.shorthand`). Only these carry the
    validator that expands it: a Python call for every model read, 38,000 of them at
    10,000 records, where three kinds of model have a shorthand."""

    @model_validator(mode="before")
    @classmethod
    def _expand_shorthand(cls, value: Any) -> Any:
        return {cls.shorthand: value} if cls.shorthand and isinstance(value, str) else value


# Rules whose findings are warnings, and so may carry a reviewed exception on a record.
ExceptedRule = Literal["unused-source", "stale-review", "planned-past"]


class RuleException(Model):
    """A warning that editors looked at and decided to keep: which rule, why, and when."""

    rule: ExceptedRule = Field(description="the rule id of the warning this record is excused from")
    reason: Prose = Field(description="why the record is kept as it is; readers of the pull request judge it")
    reviewed: PartialDate = Field(description="when an editor last confirmed the reason still holds")


class Record(Model):
    """A record of one of the kinds in `data/`: it has an id, unique across all data."""

    id: Id = Field(description="the record's id: kebab-case, unique across all of data/; never change it")
    exceptions: tuple[RuleException, ...] = Field(
        (), description="reviewed exceptions to warnings (see the rule ids in data/README.md)"
    )


class Citation(ShorthandModel):
    """A pointer to a source, with an optional page/section and exact short quote."""

    shorthand: ClassVar[str | None] = "source"

    source: SourceRef = Field(description="id of a source in data/sources/")
    locator: Text | None = Field(None, description="where in the source: page, section, minute")
    quote: Prose | None = Field(None, description="a short, exact quotation from the source")


Citations = tuple[Citation, ...]
Sourced = Annotated[Citations, Field(min_length=1)]
