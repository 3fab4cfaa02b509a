"""Pydantic's validation errors, rewritten as the one-line messages contributors read.

Each error gets a rule id (rules.py): the field types of fields.py raise errors whose
type names what failed (`text`, `url`, `date` …), the models' own checks raise errors
typed with their rule id (`base.rule_error`), and pydantic's built-in errors are mapped
here. A message about a mapping names the fields it expects.
"""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel

from .errors import DataError
from .refs import FieldPath, format_path, unwrap
from .rules import RULES

# Error types raised by the field types of fields.py -> rule ids.
FIELD_RULES = {
    "type": "wrong-type",
    "text": "plain-text",
    "id": "id-format",
    "url": "url",
    "pattern": "format",
    "date": "date-format",
}
TYPE_RULES = {
    "extra_forbidden": "unknown-field",
    "missing": "missing-field",
    "literal_error": "not-allowed",
    "too_short": "empty-list",
    "model_type": "wrong-type",
    "dict_type": "wrong-type",
    "model_attributes_type": "wrong-type",
    "tuple_type": "wrong-type",
    "list_type": "wrong-type",
    "bool_type": "wrong-type",
    "bool_parsing": "wrong-type",
    "int_type": "wrong-type",
}


def type_name(value: object) -> str:
    """'number 5', 'text 'x'', 'list', 'mapping': what a contributor wrote, in their terms."""
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, int | float):
        return f"number {value}"
    if isinstance(value, str):
        return f"text {value!r}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    return "nothing" if value is None else type(value).__name__


def model_at(model: type[BaseModel], loc: FieldPath) -> type[BaseModel] | None:
    """The model that describes the value at `loc` inside `model` (None if not a model)."""
    current: Any = model
    for part in loc:
        base, _ = unwrap(current)
        if isinstance(part, int):
            args = getattr(base, "__args__", ())
            current = args[0] if args else None
        elif isinstance(base, type) and issubclass(base, BaseModel) and part in base.model_fields:
            current = base.model_fields[part].annotation
        else:
            return None
    base, _ = unwrap(current)
    return base if isinstance(base, type) and issubclass(base, BaseModel) else None


def expected_mapping(model: type[BaseModel]) -> str:
    """ "an id, or a mapping with 'entity' (and optionally 'body')"."""
    required = [n for n, f in model.model_fields.items() if f.is_required()]
    optional = [n for n, f in model.model_fields.items() if not f.is_required()]
    text = "a mapping with " + ", ".join(f"'{n}'" for n in required) if required else "a mapping of fields"
    if optional:
        more = ", ".join(f"'{n}'" for n in optional[:3]) + (", …" if len(optional) > 3 else "")
        text += f" (and optionally {more})" if required else f" ({more})"
    shorthand = getattr(model, "shorthand", None)
    return f"an id, or {text}" if shorthand else text


def _rule(etype: str, loc: FieldPath) -> str:
    if etype in RULES:
        return etype  # a model's own check, typed with its rule id
    if etype in ("missing", "too_short") and loc and loc[-1] == "sources":
        return "no-source"
    return TYPE_RULES.get(etype) or FIELD_RULES.get(etype) or "invalid"


def _problem(model: type[BaseModel], err: Any, loc: FieldPath) -> tuple[str, str]:
    etype, value = err["type"], err.get("input")
    if etype == "missing":
        return "missing required field", ""
    if etype == "literal_error":
        return f"{value!r} is not allowed", "one of " + err["ctx"]["expected"].replace(" or ", ", ")
    if etype == "too_short":
        return "is empty", "cite at least one source" if loc and loc[-1] == "sources" else "at least one item"
    if etype in ("model_type", "dict_type", "model_attributes_type"):
        inner = model_at(model, loc)
        expected = expected_mapping(inner) if inner else "a mapping of fields"
        return f"expected {expected}, got {type_name(value)}", ""
    if etype in ("tuple_type", "list_type"):
        return f"expected a list, got {type_name(value)}", "write one item per line, each starting with '- '"
    if etype in ("bool_type", "bool_parsing"):
        return f"must be true or false, got {value!r}", ""
    problem = str(err["msg"]).removeprefix("Value error, ")
    if problem.endswith(")") and " (" in problem:
        return problem[: problem.rindex(" (")], problem[problem.rindex(" (") + 2 : -1]
    return problem, ""


def misspelt(model: type[BaseModel], errors: list[Any]) -> list[Any]:
    """The errors without a required field's "missing" when an unknown field beside it is
    that field misspelt (`nmae:` for `name:`): the "did you mean" line says it all."""
    meant: set[FieldPath] = set()
    for err in errors:
        loc = tuple(err["loc"])
        if err["type"] == "extra_forbidden":
            parent = model_at(model, loc[:-1])
            hint = difflib.get_close_matches(str(loc[-1]), sorted(parent.model_fields) if parent else [], n=1)
            meant.update((*loc[:-1], h) for h in hint)
    return [e for e in errors if not (e["type"] == "missing" and tuple(e["loc"]) in meant)]


def pydantic_error(kind: str, rid: str, model: type[BaseModel], err: Any, where: Any) -> DataError:
    """One DataError for one pydantic error; `where` is the record's RecordLocation."""
    loc: FieldPath = tuple(err["loc"])
    etype = err["type"]
    rule = _rule(etype, loc)
    if etype == "extra_forbidden":
        parent = model_at(model, loc[:-1])
        fields = sorted(parent.model_fields) if parent else []
        hint = difflib.get_close_matches(str(loc[-1]), fields, n=1)
        expected = f"did you mean '{hint[0]}'?" if hint else "allowed: " + ", ".join(fields)
        line, col = where.locate(loc, key=True)
        return DataError(
            where.path,
            line,
            col,
            f"unknown field '{loc[-1]}'",
            expected,
            kind,
            rid,
            format_path(loc[:-1]),
            rule=rule,
        )
    line, col = where.locate(loc)
    problem, expected = _problem(model, err, loc)
    return DataError(where.path, line, col, problem, expected, kind, rid, format_path(loc), rule=rule)
