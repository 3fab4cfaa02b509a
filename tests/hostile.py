"""The hostile corpus for data fields, and the records that carry it (used by test_hostile_corpus.py).

`free_fields(model)` finds every free-text and URL field of a model by walking its type
annotations, nested models and lists included, so a field added to `macros/core` is in the
corpus the day it is added. `sample(model)` makes a valid record of that model with every
optional field filled, so every field path exists to put a hostile value in.
"""

from __future__ import annotations

import types
from collections.abc import Iterator
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from macros.core import fields
from macros.core.corrections import Commit
from macros.core.fields import FieldType, PartialDate
from macros.core.refs import FieldPath, RefTo

# The field types that carry free text or a URL, by their one validating FieldType.
FREE: dict[FieldType, str] = {
    get_args(fields.Text)[1]: "text",
    get_args(fields.Prose)[1]: "prose",
    get_args(fields.Url)[1]: "url",
    get_args(fields.ArchiveUrl)[1]: "archive-url",
}
# A harmless valid value for every field type (free text and the constrained ones).
SAMPLES: dict[FieldType, str] = {
    get_args(fields.Text)[1]: "Plain words",
    get_args(fields.Prose)[1]: "Plain words.",
    get_args(fields.Url)[1]: "https://example.org/page",
    get_args(fields.ArchiveUrl)[1]: "https://web.archive.org/web/20240101000000/https://example.org/page",
    get_args(fields.Lang)[1]: "en",
    get_args(fields.Qid)[1]: "Q1",
    get_args(fields.Iso2)[1]: "ZZ",
    get_args(Commit)[1]: "abc1234",
}

MARKUP = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "' onmouseover='alert(1)' x='",
    '" onmouseover="alert(1)" x="',
    "</textarea><script>alert(1)</script>",
    "<!-- x --> <![CDATA[ x ]]>",
    "]]> --> */ </style>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#106;avascript:alert(1)",
    "AT&T and Procter & Gamble",
]
SCHEMES = [
    "javascript:alert(1)",
    "JaVa\tScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "mailto:someone@example.org",
]
TEMPLATES = ["{{ config }}", "{{ 7*7 }}", "{% raw %}", "{# open comment", "${7*7} #{7*7} %(x)s %n"]
MARKDOWN = [
    "[click](javascript:alert(1))",
    "![x](https://evil.example/x.png)",
    "<https://evil.example/>",
    "[x]: https://evil.example/",
    "# Heading",
    "> quoted",
    "- item",
    "*emphasis*",
    "__strong__",
    "_under_ and x_y_z",
    "~~strike~~",
    "`code`",
    "[link] and [x][y]",
    "1. numbered",
    "+ plus item",
    "Setext heading\n===",
    "hard  \nbreak",
    "https://autolink.example/ www.example.org",
    "footnote[^1]",
    "| a | b |",
    "Title { #id .class onclick=alert(1) }",
    "Ends with a backslash \\",
]
SPREADSHEET = ['=HYPERLINK("https://evil.example")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]
INVISIBLE = [
    "\u202eevil\u202c",
    "zero\u200bwidth",
    "soft\u00adhyphen",
    "\ufeffbom",
    "tag\U000e0041",
    "line\u2028separator",
    "paragraph\u2029separator",
    "nul\x00byte",
    "bell\x07",
    "escape\x1b[31m",
    "del\x7f",
    "c1\x85",
    "private\ue000use",
]
SHAPES = [
    " leading space",
    "trailing space ",
    "two\nlines",
    "two\n\nparagraphs",
    "crlf\r\nline",
    "e\u0301 (not NFC)",
    "شہباز شریف",
    "İlham Əliyev",
    "😀 emoji",
    "x" * 20_000,
    "word " * 2_000,
    "",
    "../../etc/passwd",
    "C:\\Windows\\System32",
    "BEGIN:VEVENT\nSUMMARY:injected",
    "@misc{injected, title={x}}",
    "' OR 1=1 --",
]
TEXT_VALUES = MARKUP + SCHEMES + TEMPLATES + MARKDOWN + SPREADSHEET + INVISIBLE + SHAPES
URL_VALUES = [
    *SCHEMES,
    " javascript:alert(1)",
    "//evil.example/x",
    "/relative/path",
    "example.org",
    "https://",
    "http:///path",
    'https://example.org/"onmouseover="alert(1)',
    "https://example.org/'onmouseover='alert(1)",
    "https://example.org/<script>",
    'https://example.org/#"><svg/onload=alert(1)>',
    "https://example.org/a b",
    "https://example.org/\nx",
    "https://example.org/\u202e",
    "https://ex\u200bample.org/",
    "https://user:pass@example.org/",
    "https://exаmple.org/",  # Cyrillic 'а' in the host
    "https://example.org/?q=javascript:alert(1)&x=<",
    "https://example.org/%0d%0aSet-Cookie:x=1",
    "https://example.org/=HYPERLINK(1)",
    "https://example.org:99999/",
    "https://[::1]/",
    "http://127.0.0.1:8000/",
    "HTTPS://EXAMPLE.ORG/PATH",
    "https://example.org/" + "a" * 20_000,
    "https://web.archive.org/web/2/https://example.org/",
    "https://web.archive.org/web/20240101000000/javascript:alert(1)",
    'https://web.archive.org/web/20240101000000/https://example.org/"x',
]


def corpus(field_type: str) -> list[str]:
    return URL_VALUES if field_type in ("url", "archive-url") else TEXT_VALUES


def _args(annotation: Any) -> tuple[Any, ...]:
    return get_args(annotation)


# A record's `exceptions` excuse a warning the record raises; in a sample, which raises none,
# any exception is an error ("no warning to excuse"), so samples carry none.
NOT_SAMPLED = {"exceptions"}


def free_fields(
    annotation: Any, metadata: tuple[Any, ...] = (), path: FieldPath = ()
) -> Iterator[tuple[FieldPath, str]]:
    """(field path, field type) of every free-text and URL field under `annotation`; list
    items appear as index 0."""
    for marker in metadata:
        if isinstance(marker, FieldType) and marker in FREE:
            yield path, FREE[marker]
            return
    origin = get_origin(annotation)
    if origin is Annotated:
        yield from free_fields(_args(annotation)[0], _args(annotation)[1:], path)
    elif origin in (Union, types.UnionType):
        for arm in _args(annotation):
            if arm is not type(None):
                yield from free_fields(arm, (), path)
    elif origin is tuple:
        yield from free_fields(_args(annotation)[0], (), (*path, 0))
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        for name, info in annotation.model_fields.items():
            if name in NOT_SAMPLED:
                continue
            yield from free_fields(info.annotation, tuple(info.metadata), (*path, name))


def sample(annotation: Any, ids: dict[str, list[str]], metadata: tuple[Any, ...] = (), name: str = "") -> Any:
    """A valid value for `annotation`, every optional field filled; references name the
    first record of their kind in `ids` (the second for a relation's `target`)."""
    ref = next((m for m in metadata if isinstance(m, RefTo)), None)
    if ref is not None:
        return ids[ref.kinds[0]][1 if name == "target" else 0]
    field_type = next((m for m in metadata if isinstance(m, FieldType)), None)
    if field_type is not None:
        return SAMPLES.get(field_type, "sample-id")  # the only other one is a record's own id
    origin = get_origin(annotation)
    if origin is Annotated:
        return sample(_args(annotation)[0], ids, _args(annotation)[1:], name)
    if origin in (Union, types.UnionType):
        return sample(next(a for a in _args(annotation) if a is not type(None)), ids, (), name)
    if origin is tuple:
        return [sample(_args(annotation)[0], ids, (), name)]
    if origin is Literal:
        return _args(annotation)[0]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {
            field: sample(info.annotation, ids, tuple(info.metadata), field)
            for field, info in annotation.model_fields.items()
            if field not in NOT_SAMPLED
        }
    if annotation is PartialDate:
        return "2000-01-01"
    if annotation is bool:
        return False
    if annotation is int:
        return 1
    raise TypeError(f"no sample for {annotation!r} ({name})")


def put(record: dict[str, Any], path: FieldPath, value: Any) -> None:
    node: Any = record
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
