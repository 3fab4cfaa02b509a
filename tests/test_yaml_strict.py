"""The strict YAML reader: YAML 1.1 surprises stay strings, positions are kept."""

from __future__ import annotations

import pytest

from macros.core.yaml_strict import MAX_DEPTH, YamlProblem, YList, YMap, parse


def test_implicit_types_are_only_bool_null_int_float() -> None:
    text = (
        b"- a: NO\n  b: 1.10\n  c: 12:30\n  d: 012\n  e: -0500\n  f: 2024-07-03\n"
        b"  g: yes\n  h: true\n  i: 5\n  j:\n  k: 1e3\n  l: ~\n  m: on\n"
    )
    record = parse(text)[0]
    assert record == {
        "a": "NO",
        "b": 1.1,
        "c": "12:30",
        "d": "012",
        "e": "-0500",
        "f": "2024-07-03",
        "g": "yes",
        "h": True,
        "i": 5,
        "j": None,
        "k": "1e3",
        "l": None,
        "m": "on",
    }


def test_positions_of_keys_values_and_items() -> None:
    tree = parse(b"- id: a\n  list:\n    - x\n    - y\n")
    assert isinstance(tree, YList) and tree.item_pos == [(1, 3)]
    record = tree[0]
    assert isinstance(record, YMap)
    assert record.key_pos == {"id": (1, 3), "list": (2, 3)}
    assert record.value_pos["id"] == (1, 7)
    assert record["list"].item_pos == [(3, 7), (4, 7)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (b"a: 1\na: 2\n", (2, 1, "duplicate key 'a'")),
        (b"x: &a 1\ny: *a\n", (1, 4, "anchor &a not allowed in data files")),
        (b"x: !custom 1\n", (1, 4, "tag '!custom' not allowed in data files")),
        (b"x: !!binary aGk=\n", (1, 4, "tag 'tag:yaml.org,2002:binary' not allowed in data files")),
        (b"? [a, b]\n: 1\n", (1, 3, "key ['a', 'b'] is not text")),
        (b"1: one\n", (1, 1, "key 1 is not text")),
        (b"x:\n  y: 1\n\tz: 2\n", (3, 1, "tab character")),
    ],
)
def test_rejected_constructs(text: bytes, expected: tuple[int, int, str]) -> None:
    with pytest.raises(YamlProblem) as info:
        parse(text)
    assert (info.value.line, info.value.col, info.value.message) == expected


def test_depth_limit_is_an_error_not_a_crash() -> None:
    with pytest.raises(YamlProblem) as info:
        parse(b"x: " + b"[" * 2000 + b"]" * 2000)
    assert info.value.message == f"YAML nesting deeper than {MAX_DEPTH} levels"


def test_depth_just_under_the_limit_is_fine() -> None:
    nested = b"[" * (MAX_DEPTH - 1) + b"]" * (MAX_DEPTH - 1)
    assert parse(b"x: " + nested) is not None


def test_empty_and_comment_only_files_give_none() -> None:
    assert parse(b"") is None
    assert parse(b"# only a comment\n") is None
