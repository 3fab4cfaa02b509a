"""References between records, and a walk over every value of a record.

A reference is an id typed as `Annotated[Id, RefTo(kinds)]`: the kinds it may name.
`checks.py` resolves them; the Dataset builds its backlinks from them. The named
aliases below are the only reference types the models use, so a type checker sees a
plain `str` and the JSON Schema sees an id.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from .fields import ID_RE, Id, PartialDate


@dataclass(frozen=True)
class RefTo:
    """Marks an id field as a reference to records of the given kinds."""

    kinds: tuple[str, ...]


ACTOR_KINDS = ("person", "country", "source")
ANY_KIND = ("country", "person", "meeting", "event", "dispute", "claim", "source")

SourceRef = Annotated[Id, RefTo(("source",))]
CountryRef = Annotated[Id, RefTo(("country",))]
PersonRef = Annotated[Id, RefTo(("person",))]
ClaimRef = Annotated[Id, RefTo(("claim",))]
DisputeRef = Annotated[Id, RefTo(("dispute",))]
PartyRef = Annotated[Id, RefTo(("country", "person"))]
OccasionRef = Annotated[Id, RefTo(("meeting", "event"))]
EventOrMeetingRef = Annotated[Id, RefTo(("event", "meeting"))]
ActorRef = Annotated[Id, RefTo(ACTOR_KINDS)]
AnyRef = Annotated[Id, RefTo(ANY_KIND)]

FieldPath = tuple[str | int, ...]
Leaf = tuple[FieldPath, Any, "RefTo | None"]


def unwrap(annotation: Any) -> tuple[Any, RefTo | None]:
    """Strip Optional/Annotated and return (base type, RefTo marker if any)."""
    ref = None
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            ref = next((m for m in get_args(annotation)[1:] if isinstance(m, RefTo)), ref)
            annotation = get_args(annotation)[0]
        elif origin in (Union, UnionType):
            annotation = next(a for a in get_args(annotation) if a is not type(None))
        else:
            return annotation, ref


@dataclass(frozen=True)
class _Field:
    name: str
    ref: RefTo | None  # the kinds the field's value may name
    item_ref: RefTo | None  # for a tuple field, the kinds each item may name


@functools.cache
def _plan(model: type[BaseModel]) -> tuple[_Field, ...]:
    """How to walk a model's fields, worked out once per model class."""
    fields = []
    for name, info in model.model_fields.items():
        marker = next((m for m in info.metadata if isinstance(m, RefTo)), None)
        base, inner = unwrap(info.annotation)
        item_ref = None
        if get_origin(base) is tuple and get_args(base):
            item_ref = unwrap(get_args(base)[0])[1]
        fields.append(_Field(name, inner or marker, item_ref))
    return tuple(fields)


def iter_leaves(record: BaseModel, path: FieldPath = ()) -> Iterator[Leaf]:
    """Every scalar inside a record with its field path and, for ids, the kinds it may name."""
    for field in _plan(type(record)):
        value = getattr(record, field.name)
        if value is None:
            continue
        here = (*path, field.name)
        if isinstance(value, BaseModel):
            yield from iter_leaves(value, here)
        elif isinstance(value, tuple):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from iter_leaves(item, (*here, i))
                elif item is not None:
                    yield (*here, i), item, field.item_ref
        else:
            yield here, value, field.ref


def _walk_raw(value: Any, annotation: Any, ref: RefTo | None, path: FieldPath) -> Iterator[Leaf]:
    if value is None:
        return
    base, inner_ref = unwrap(annotation)
    ref = inner_ref or ref
    if isinstance(base, type) and issubclass(base, BaseModel):
        yield from iter_raw_leaves(base, value, path)
    elif get_origin(base) is tuple:
        if isinstance(value, list):
            item_type = get_args(base)[0]
            for i, item in enumerate(value):
                yield from _walk_raw(item, item_type, None, (*path, i))
    elif ref is not None:
        if isinstance(value, str) and ID_RE.match(value):
            yield path, value, ref  # an id that is not even well-formed is reported by the model
    elif base is PartialDate:
        with suppress(ValueError):  # a date that does not parse is reported by the model
            yield path, PartialDate.parse(value), None
    else:
        yield path, value, None


def iter_raw_leaves(model: type[BaseModel], raw: Any, path: FieldPath = ()) -> Iterator[Leaf]:
    """The same walk over a raw mapping that failed validation: every scalar under a field
    the model knows, with its path and reference marker. References are kept only when they
    are well-formed ids and dates only when they parse (the model reports the others);
    other values are as written."""
    shorthand = getattr(model, "shorthand", None)
    if shorthand and isinstance(raw, str):
        raw = {shorthand: raw}
    if not isinstance(raw, dict):
        return
    for name, value in raw.items():
        info = model.model_fields.get(name)
        if info is None:
            continue
        ref = next((m for m in info.metadata if isinstance(m, RefTo)), None)
        yield from _walk_raw(value, info.annotation, ref, (*path, name))


@dataclass(frozen=True)
class _Checked:
    """A field that holds what the cross-record rules read: references and dates, or
    models with some inside."""

    name: str
    ref: RefTo | None  # the value (each item, if `many`) is an id naming these kinds
    model: type[BaseModel] | None  # the value (each item) is a model to walk into
    many: bool  # a tuple of such values


@functools.cache
def _checked_plan(model: type[BaseModel]) -> tuple[_Checked, ...]:
    """The fields of a model that can hold a reference or a date, at any depth; every
    other field (text, URLs, choices, numbers) is never visited. Worked out once per class."""
    plan = []
    for name, info in model.model_fields.items():
        marker = next((m for m in info.metadata if isinstance(m, RefTo)), None)
        base, ref = unwrap(info.annotation)
        many = get_origin(base) is tuple and bool(get_args(base))
        if many:
            base, ref = unwrap(get_args(base)[0])
        else:
            ref = ref or marker
        if isinstance(base, type) and issubclass(base, BaseModel):
            if _checked_plan(base):
                plan.append(_Checked(name, None, base, many))
        elif ref is not None or base is PartialDate:
            plan.append(_Checked(name, ref, None, many))
    return tuple(plan)


def checked_leaves(record: BaseModel) -> list[Leaf]:
    """The leaves of `iter_leaves` that the cross-record rules read, in the same order:
    every reference (with the kinds it may name) and every date. Done for every record on
    every check and build, so it visits only the fields `_checked_plan` keeps."""
    out: list[Leaf] = []
    _collect(record, (), out)
    return out


def _collect(record: BaseModel, path: FieldPath, out: list[Leaf]) -> None:
    for field in _checked_plan(type(record)):
        value = getattr(record, field.name)
        if value is None:
            continue
        here = (*path, field.name)
        if not field.many:
            if field.model is None:
                out.append((here, value, field.ref))
            else:
                _collect(value, here, out)
        elif field.model is None:
            out.extend(((*here, i), item, field.ref) for i, item in enumerate(value))
        else:
            for i, item in enumerate(value):
                _collect(item, (*here, i), out)


def checked_raw_leaves(model: type[BaseModel], raw: Any) -> list[Leaf]:
    """The leaves of `iter_raw_leaves` that the cross-record rules read: references and dates."""
    return [
        leaf
        for leaf in iter_raw_leaves(model, raw)
        if leaf[2] is not None or isinstance(leaf[1], PartialDate)
    ]


def format_path(path: FieldPath) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out
