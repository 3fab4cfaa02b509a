"""Strict YAML read fast: values built straight from libyaml's events.

`yaml_strict.parse` tries this first. It takes only plain data and gives exactly what
`yaml_strict`'s own composer gives (values and positions); for anything else it raises
`Refused` and `parse` reads the file again the exact way, whose messages editors read.
"""

from __future__ import annotations

import re
from importlib import import_module
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from .yaml_values import MAX_DEPTH, YList, YMap, number

# libyaml's parser, when PyYAML was built with it (else only the exact path runs).
CParser: Any = getattr(import_module("yaml.cyaml"), "CParser", None) if yaml.__with_libyaml__ else None

# The implicit types of `yaml_strict`'s resolver, in one pattern: true/false, null, int, float.
_IMPLICIT = re.compile(r"(true|false)|(~|null|)|(0|-?[1-9][0-9]*)|(-?(?:0|[1-9][0-9]*)\.[0-9]+)")
_IMPLICIT_START = frozenset("tfn~-0123456789")  # a plain scalar starting otherwise is text


class Refused(Exception):
    """Something `values` leaves to `yaml_strict.exact` (which says exactly what)."""


_UNSET: Any = object()  # no document (yet)


def _implicit(text: str) -> object:
    """A plain scalar's value under the resolver of `yaml_strict`: bool, null, int, float or text."""
    found = _IMPLICIT.fullmatch(text)
    if found is None:
        return text
    kind = found.lastindex
    if kind == 1:
        return text == "true"
    if kind == 2:
        return None
    return number(text, int if kind == 3 else float)


def values(text: str) -> object:
    """The value of `text` (None if it has no document) built straight from libyaml's
    events, exactly as `yaml_strict.exact` builds it.

    Reading YAML is the largest part of `macros check`, so this is one flat loop over the
    events (hence its length): no call per event, no look-ahead. Anything it does not take
    as plain data (an alias, anchor, tag, nesting past MAX_DEPTH, a key that is not text
    or comes twice, a number too long, a second document, a syntax error) raises, and
    `parse` reads the file again with `exact`, whose messages editors read."""
    open_: list[Any] = []  # the lists and mappings being filled, innermost last
    keys: list[Any] = []  # for each, the key waiting for its value (None: a key comes next)
    root = _UNSET
    for event in iter(CParser(text).get_event, None):
        kind = type(event)
        if kind is ScalarEvent:
            value = event.value
            if (not value or value[0] in _IMPLICIT_START) and event.implicit[0] and not event.style:
                value = _implicit(value)
        elif kind is MappingStartEvent:
            value = YMap()
        elif kind is SequenceStartEvent:
            value = YList()
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            open_.pop()
            keys.pop()
            continue
        elif kind is AliasEvent:
            raise Refused
        else:
            continue  # the stream's and the document's start and end
        if event.anchor is not None or event.tag not in (None, "!") or len(open_) >= MAX_DEPTH:
            raise Refused
        mark = event.start_mark
        pos = (mark.line + 1, mark.column + 1)
        if not open_:
            if root is not _UNSET:
                raise Refused  # a second document
            root = value
        elif type(parent := open_[-1]) is YList:
            parent.append(value)
            parent.item_pos.append(pos)
        elif (key := keys[-1]) is None:
            if type(value) is not str or value in parent:
                raise Refused
            parent.key_pos[value] = pos
            keys[-1] = value
        else:
            parent[key] = value
            parent.value_pos[key] = pos
            keys[-1] = None
        if kind is not ScalarEvent:
            value.pos = pos
            open_.append(value)
            keys.append(None)
    return None if root is _UNSET else root
