"""The fast YAML reader as it was before it became one flat loop (commit 414b38b), kept
only as the reference the new one is held to (test_fast_paths.py): on any input both
refuse, or both give the same values and positions. Not used by the project."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import yaml
from yaml.cyaml import CParser
from yaml.events import AliasEvent, ScalarEvent, SequenceStartEvent

from macros.core.yaml_strict import MAX_DEPTH, YamlProblem, YList, YMap

MAX_DIGITS = 15


def _number(value: str, convert: Callable[[str], object]) -> object:
    digits = sum(c.isdigit() for c in value)
    if digits > MAX_DIGITS:
        raise YamlProblem(0, 0, "number too long")
    return convert(value)


_IMPLICIT = (
    (re.compile(r"^(?:true|false)$"), lambda v: v == "true"),
    (re.compile(r"^(?:~|null|)$"), lambda v: None),
    (re.compile(r"^(?:0|-?[1-9][0-9]*)$"), lambda v: _number(v, int)),
    (re.compile(r"^-?(?:0|[1-9][0-9]*)\.[0-9]+$"), lambda v: _number(v, float)),
)
_IMPLICIT_START = frozenset("tfn~-0123456789")


class _Fast:
    def __init__(self, text: str) -> None:
        self.parser: Any = CParser(text)

    def document(self) -> object:
        get: Callable[[], Any] = self.parser.get_event
        get()  # stream start
        if isinstance(self.parser.peek_event(), yaml.StreamEndEvent):
            return None
        get()  # document start
        value = self.value(0)
        get()  # document end
        if not isinstance(get(), yaml.StreamEndEvent):
            raise YamlProblem(1, 1, "a second YAML document")
        return value

    def value(self, depth: int) -> object:
        event: Any = self.parser.get_event()
        if depth >= MAX_DEPTH or isinstance(event, AliasEvent) or getattr(event, "anchor", None):
            raise YamlProblem(1, 1, "not plain data")
        if getattr(event, "tag", None) not in (None, "!"):
            raise YamlProblem(1, 1, "tagged")
        if isinstance(event, ScalarEvent):
            text = event.value
            if event.implicit[0] and not event.style and (not text or text[0] in _IMPLICIT_START):
                for pattern, convert in _IMPLICIT:
                    if pattern.match(text):
                        return convert(text)
            return text
        pos = (event.start_mark.line + 1, event.start_mark.column + 1)
        if isinstance(event, SequenceStartEvent):
            items = YList()
            items.pos = pos
            while not isinstance(self.parser.peek_event(), yaml.SequenceEndEvent):
                start = self.parser.peek_event().start_mark
                items.append(self.value(depth + 1))
                items.item_pos.append((start.line + 1, start.column + 1))
            self.parser.get_event()
            return items
        out = YMap()
        out.pos = pos
        while not isinstance(self.parser.peek_event(), yaml.MappingEndEvent):
            key_mark = self.parser.peek_event().start_mark
            key = self.value(depth + 1)
            if not isinstance(key, str) or key in out:
                raise YamlProblem(1, 1, "bad key")
            value_mark = self.parser.peek_event().start_mark
            out[key] = self.value(depth + 1)
            out.key_pos[key] = (key_mark.line + 1, key_mark.column + 1)
            out.value_pos[key] = (value_mark.line + 1, value_mark.column + 1)
        self.parser.get_event()
        return out


def values(text: str) -> object:
    """What the old fast path gave for `text` (it raised for anything else)."""
    return _Fast(text).document()
