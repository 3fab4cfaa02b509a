"""The record `python -m macros new <kind> <id>` writes: its required fields, left empty,
each with a short comment saying what goes there.

An empty field is an error (`fill-in`), so `make check` lists exactly what is left to
fill in, with file and line, until the record is complete.
"""

from __future__ import annotations

import types
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .fields import PartialDate
from .models import KINDS
from .refs import RefTo

# Optional fields most records of a kind have: written too, to be filled in or deleted.
ALSO = {"source": ("title", "publisher", "issued", "url"), "claim": ("about",)}
# What to say about a field beyond its description (kind-specific hints).
HINTS = {
    ("source", "title"): "for an untitled item, replace with title_note: a description",
    ("claim", "kind"): "a statement, opinion or allegation also needs asserted_by: [who-says-it]",
    ("meeting", "start"): "for an announced meeting, add status: planned",
}


def _base(annotation: Any) -> Any:
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            annotation = next(a for a in get_args(annotation) if a is not type(None))
        else:
            return annotation


def _ref(info: FieldInfo | None, annotation: Any) -> RefTo | None:
    markers = list(info.metadata) if info else []
    while get_origin(annotation) in (Annotated, tuple, Union, types.UnionType):
        markers += get_args(annotation)[1:] if get_origin(annotation) is Annotated else []
        annotation = get_args(annotation)[0]
    return next((m for m in markers if isinstance(m, RefTo)), None)


def _comment(kind: str, name: str, info: FieldInfo) -> str:
    base = _base(info.annotation)
    parts = [info.description or ""]
    if get_origin(base) is Literal:
        parts.append("one of: " + ", ".join(map(str, get_args(base))))
    elif base is PartialDate:
        parts.append('a quoted date: "YYYY-MM-DD", "YYYY-MM" or "YYYY"')
    if (kind, name) in HINTS:
        parts.append(HINTS[(kind, name)])
    return _comment_optional("  # " + "; ".join(p for p in parts if p), info)


def _comment_optional(comment: str, info: FieldInfo) -> str:
    return comment if info.is_required() else comment + " (delete the line if not known)"


def _model_lines(kind: str, model: type[BaseModel], indent: str, also: tuple[str, ...] = ()) -> list[str]:
    lines = []
    for name, info in model.model_fields.items():
        if not (info.is_required() or name in also) or name == "id":
            continue
        base = _base(info.annotation)
        if isinstance(base, type) and issubclass(base, BaseModel):
            lines.append(f"{indent}{name}:{_comment(kind, name, info)}")
            lines += _model_lines(kind, base, indent + "  ")
        elif get_origin(base) is tuple:
            item = _base(get_args(base)[0])
            lines.append(f"{indent}{name}:{_comment(kind, name, info)}")
            lines += _item_lines(kind, item, _ref(info, get_args(base)[0]), indent + "  ")
        else:
            lines.append(f"{indent}{name}:{_comment(kind, name, info)}")
    return lines


def _item_lines(kind: str, item: Any, ref: RefTo | None, indent: str) -> list[str]:
    """One empty item of a list: a bare id where the item is (or may be) an id."""
    if isinstance(item, type) and issubclass(item, BaseModel):
        short = getattr(item, "shorthand", None)
        if short:
            info = item.model_fields[short]
            return [f"{indent}-  # {info.description} (or a mapping: {', '.join(item.model_fields)})"]
        inner = _model_lines(kind, item, indent + "  ")
        return [f"{indent}- " + inner[0].lstrip(), *inner[1:]] if inner else [f"{indent}- {{}}"]
    what = " or ".join(ref.kinds) if ref else "value"
    return [f"{indent}-  # id of a {what}"]


def skeleton(kind: str, rid: str) -> str:
    """The YAML text of a new record of `kind` with id `rid` (one list item)."""
    model = KINDS[kind]
    also = ALSO.get(kind, ())
    optional = [
        n for n, f in model.model_fields.items() if not f.is_required() and n not in (*also, "exceptions")
    ]
    lines = [f"- id: {rid}", *_model_lines(kind, model, "  ", also)]
    lines.append(f"  # optional: {', '.join(optional)} (data/README.md says what each holds)")
    return "\n".join(lines) + "\n"
