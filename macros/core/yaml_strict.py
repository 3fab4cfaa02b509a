"""Strict YAML: text -> plain Python values that remember where they came from.

PyYAML's SafeLoader follows YAML 1.1, which silently turns `NO` into False, `1:20` into
4800, `012` into 10 and `2024-07-03` into a date, lets a duplicated key overwrite the
first, and expands anchors into memory bombs. This reader keeps PyYAML's parser but
composes the node tree itself:

* implicit types are only `true`/`false`, `null`/`~`/empty, decimal integers without a
  leading zero and plain decimal floats; everything else stays a string;
* anchors, aliases, explicit tags, duplicate keys, non-text keys, tabs, a BOM, bytes that
  are not UTF-8, files over `MAX_BYTES` and nesting over `MAX_DEPTH` are errors;
* every mapping and list records the line and column of each key and item.

Problems are raised as `YamlProblem(line, col, message, expected)`.

`parse` reads a file with `yaml_fast.values` first (libyaml's events, plain data only,
the same values and positions); only what that refuses is read again with `exact`,
PyYAML's composer with the rules above, which says what is wrong and where.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Protocol

import yaml
from yaml.events import AliasEvent, MappingStartEvent, ScalarEvent, SequenceStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .yaml_fast import CParser, Refused, values
from .yaml_values import MAX_DEPTH, Pos, YamlProblem, YList, YMap, number

__all__ = ["MAX_BYTES", "MAX_DEPTH", "Pos", "YList", "YMap", "YamlProblem", "exact", "parse"]

MAX_BYTES = 1_000_000
# What PyYAML's reader refuses (NUL, other C0 and C1 controls, surrogates, U+FFFE/FFFF):
# checked first, so that the refusal has a line and column instead of a stream position.
# The bytes of UTF-8 text that are never part of an unprintable character: tab, newline,
# return, printable ASCII, and every byte of a multi-byte character (0x80-0xFF).
_PLAIN_BYTES = bytes([0x09, 0x0A, 0x0D, *range(0x20, 0x7F), *range(0x80, 0x100)])
_UNPRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class _Loader(yaml.SafeLoader):
    """PyYAML's parser with a reduced resolver and a composer that refuses anchors."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise _problem(
                event.start_mark,
                f"alias *{event.anchor} not allowed in data files",
                "write the value out in full",
                "yaml-anchor",
            )
        if getattr(event, "anchor", None) is not None:
            raise _problem(
                event.start_mark,
                f"anchor &{event.anchor} not allowed in data files",
                "write the value out in full",
                "yaml-anchor",
            )
        if isinstance(event, (ScalarEvent, SequenceStartEvent, MappingStartEvent)):
            tag = event.tag
            if tag is not None and tag != "!":
                raise _problem(
                    event.start_mark,
                    f"tag '{tag}' not allowed in data files",
                    "plain values only",
                    "yaml-tag",
                )
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _problem(
                event.start_mark,
                f"YAML nesting deeper than {MAX_DEPTH} levels",
                "flatten the record",
                "yaml-nesting",
            )
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _add(tag: str, pattern: str, first: str | list[str]) -> None:
    _Loader.add_implicit_resolver(tag, re.compile(pattern), list(first))


_Loader.yaml_implicit_resolvers = {}
_add("tag:yaml.org,2002:bool", r"^(?:true|false)$", "tf")
_add("tag:yaml.org,2002:null", r"^(?:~|null|)$", ["~", "n", ""])
_add("tag:yaml.org,2002:int", r"^(?:0|-?[1-9][0-9]*)$", "-0123456789")
_add("tag:yaml.org,2002:float", r"^-?(?:0|[1-9][0-9]*)\.[0-9]+$", "-0123456789")


class _Mark(Protocol):
    line: int
    column: int


def _problem(mark: _Mark | None, message: str, expected: str = "", rule: str = "yaml-syntax") -> YamlProblem:
    if mark is None:
        return YamlProblem(1, 1, message, expected, rule)
    return YamlProblem(mark.line + 1, mark.column + 1, message, expected, rule)


def _pos(node: Node) -> Pos:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _scalar(node: ScalarNode) -> object:
    tag, value = node.tag, node.value
    if tag.endswith(":bool"):
        return value == "true"
    if tag.endswith(":null"):
        return None
    if tag.endswith(":int") or tag.endswith(":float"):
        try:
            return number(value, int if tag.endswith(":int") else float)
        except YamlProblem as p:
            raise _problem(node.start_mark, p.message, p.expected, p.rule) from None
    return value


def _build(node: Node) -> object:
    if isinstance(node, ScalarNode):
        return _scalar(node)
    if isinstance(node, SequenceNode):
        items = YList()
        items.pos = _pos(node)
        for item in node.value:
            items.append(_build(item))
            items.item_pos.append(_pos(item))
        return items
    if isinstance(node, MappingNode):
        out = YMap()
        out.pos = _pos(node)
        for key_node, value_node in node.value:
            key = _build(key_node)
            if not isinstance(key, str):
                raise _problem(
                    key_node.start_mark, f"key {key!r} is not text", "keys are field names such as 'name'"
                )
            if key in out:
                first = out.key_pos[key]
                raise _problem(
                    key_node.start_mark,
                    f"duplicate key '{key}'",
                    f"each key once per mapping; first defined at line {first[0]}",
                    "duplicate-key",
                )
            out[key] = _build(value_node)
            out.key_pos[key] = _pos(key_node)
            out.value_pos[key] = _pos(value_node)
        return out
    raise _problem(node.start_mark, f"unsupported YAML node {type(node).__name__}")


def _decode(raw: bytes) -> str:
    if len(raw) > MAX_BYTES:
        raise YamlProblem(
            1,
            1,
            f"file is {len(raw)} bytes, limit is {MAX_BYTES}",
            "split it into several files",
            "file-size",
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        raise YamlProblem(1, 1, "UTF-8 byte-order mark (BOM)", "save without BOM", "encoding")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        raise YamlProblem(
            line, col, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})", "save as UTF-8", "encoding"
        ) from None
    tab = text.find("\t")
    if tab >= 0:
        raise YamlProblem(*_line_col(text, tab), "tab character", "indent and separate with spaces")
    bad = _UNPRINTABLE.search(text) if _may_be_unprintable(raw) else None
    if bad is not None:
        name = unicodedata.name(bad[0], "a control character")
        problem = f"character U+{ord(bad[0]):04X} ({name}) not allowed"
        raise YamlProblem(*_line_col(text, bad.start()), problem, "remove it", "encoding")
    return text


def _may_be_unprintable(raw: bytes) -> bool:
    """False if UTF-8 `raw` surely holds none of `_UNPRINTABLE`'s characters, found with two
    byte scans several times faster than the pattern's (the data is mostly ASCII): no ASCII
    control but tab, newline and return, and no lead bytes of the others (U+0080-U+009F
    start with 0xC2, U+FFFE and U+FFFF with 0xEF 0xBF; surrogates are not valid UTF-8)."""
    return bool(raw.translate(None, _PLAIN_BYTES)) or b"\xc2" in raw or b"\xef\xbf" in raw


def _line_col(text: str, at: int) -> Pos:
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


def parse(raw: bytes) -> object:
    """Parse one YAML document strictly. Returns None for a file with no content."""
    text = _decode(raw)
    if CParser is not None:
        try:
            return values(text)
        except (Refused, YamlProblem, yaml.YAMLError):
            pass  # read again the exact way, which says what is wrong
    return exact(text)


def exact(text: str) -> object:
    """`text` read by PyYAML's own composer with the rules above: slower than `values`,
    and the one whose messages are reported (line, column and what is wrong)."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        message = exc.problem or "invalid YAML"
        mark = exc.problem_mark or exc.context_mark
        if "another document" in message:
            raise _problem(mark, "a second YAML document ('---')", "one list of records per file") from None
        if "end of stream" in message and exc.context_mark is not None:
            mark = exc.context_mark  # where the unclosed quote or bracket opened
        if exc.context:
            message = f"{message} ({exc.context})"
        raise _problem(mark, f"YAML syntax: {message}") from None
    except yaml.YAMLError as exc:
        raise YamlProblem(1, 1, f"YAML syntax: {exc}") from None
    finally:
        loader.dispose()
    if node is None:
        return None
    return _build(node)
