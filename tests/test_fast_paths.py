"""The fast paths of `macros check` give exactly what the plain ones give.

Reading and checking 10,000 records has to take under 2 s, so some steps have a fast
path next to the plain, complete one:

* YAML is read from libyaml's events (`yaml_fast.values`); whatever that does not take
  as plain data is read again by PyYAML's composer (`yaml_strict.exact`), whose messages
  are reported. The fast path must give the exact one's values and positions, or refuse,
  and refuse whatever the exact one refuses by a rule (anchors, tags, keys, depth,
  numbers, documents). Where the two parsers differ on syntax (libyaml reads
  `[a? b]` as a list of one text, PyYAML refuses it), the reader before this one
  (`yaml_reference.py`) did what libyaml does: the fast path is held to it as well.
* the rules read only the leaves of a record they need (references and dates) instead of
  every leaf;
* a file's bytes are tested for unprintable characters before the pattern that says
  which and where, and a text is tested with `isprintable()` before each of its
  characters is looked up;
* only the models with a shorthand (a bare id for a mapping) carry the validator that
  expands it, instead of every model.

Each test holds a fast path to the plain one, on the real data and on made-up inputs.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import ClassVar

import hostile
import pytest
import yaml
import yaml_reference
from conftest import FIXTURE, ROOT, edit, real_data, report

from macros.core.base import Model
from macros.core.fields import HIDDEN_CATEGORIES, PartialDate
from macros.core.models import KINDS
from macros.core.refs import Leaf, checked_leaves, iter_leaves
from macros.core.yaml_fast import Refused, values
from macros.core.yaml_strict import (
    _UNPRINTABLE,
    MAX_DEPTH,
    YamlProblem,
    YList,
    YMap,
    _may_be_unprintable,
    exact,
)

# A reviewed exception carries a date: `sample` leaves exceptions out, so it is added here.
EXCEPTION = {"rule": "unused-source", "reason": "Kept on purpose.", "reviewed": "2001-02-03"}


def _read_by_rules(leaves: list[Leaf]) -> list[Leaf]:
    """What the rules read among all the leaves: references and dates."""
    return [leaf for leaf in leaves if leaf[2] is not None or isinstance(leaf[1], PartialDate)]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_checked_leaves_of_a_record_with_every_field_filled(kind: str) -> None:
    ids = {k: [f"{k}-one", f"{k}-two"] for k in KINDS}
    record = KINDS[kind].model_validate({**hostile.sample(KINDS[kind], ids), "exceptions": [EXCEPTION]})
    expected = _read_by_rules(list(iter_leaves(record)))
    assert any(isinstance(value, PartialDate) for _, value, _ in expected)
    assert checked_leaves(record) == expected


def test_checked_leaves_of_the_real_data() -> None:
    records = [r for kind in real_data().records.values() for r in kind.values()]
    assert len(records) > 100
    for record in records:
        assert checked_leaves(record) == _read_by_rules(list(iter_leaves(record))), record.id


def _shape(value: object) -> object:
    """A value with every position in it, and the exact type of every scalar."""
    if isinstance(value, YMap):
        items = [(k, value.key_pos[k], value.value_pos[k], _shape(v)) for k, v in value.items()]
        return ("map", value.pos, items)
    if isinstance(value, YList):
        return ("list", value.pos, [(p, _shape(v)) for p, v in zip(value.item_pos, value, strict=True)])
    return (type(value).__name__, value)


def _read(read: Callable[[str], object], text: str) -> object:
    """The shape of what `read` gives, or "refused"; for `exact`, ("refused", rule)."""
    try:
        return _shape(read(text))
    except YamlProblem as problem:
        return ("refused", problem.rule) if read is exact else "refused"
    except (Refused, yaml.YAMLError):
        return "refused"


def _agree(text: str) -> object:
    """The fast path gives what the reader before it gave, and what the exact path gives
    unless it refuses: it refuses all that the exact path refuses by a rule. Returns
    what the exact path gives."""
    fast, expected = _read(values, text), _read(exact, text)
    assert fast == _read(yaml_reference.values, text)
    if expected == ("refused", "yaml-syntax"):
        return expected  # libyaml may read what PyYAML refuses (see the module's docstring)
    if expected[0] == "refused":  # type: ignore[index]
        assert fast == "refused"
    else:
        assert fast in (expected, "refused")
    return expected


def _nest(depth: int) -> str:
    return "x: " + "[" * (depth - 1) + "]" * (depth - 1)


PLAIN = [
    "",
    "# only a comment\n",
    "---\n",
    "- a\n...\n",
    "- a: NO\n  b: 1.10\n  c: 12:30\n  d: 012\n  e: -0500\n  f: 2024-07-03\n  g: yes\n",
    "- h: true\n  i: 5\n  j:\n  k: 1e3\n  l: ~\n  m: on\n  n: null\n  o: Null\n  p: -0\n  q: -1.5\n",
    "a: '1'\nb: \"true\"\nc: ''\nd: ! 12\ne: !  true\n",
    "- {a: b, c: [d, {e: f}]}\n- [1, 2.5, -3]\n- 'x'\n- |\n  lit\n  eral\n- >\n  fold\n  ed\n",
    "? a\n: b\n'null': c\n\"1\": d\n",
    "a: 123456789012345\nb: 12345678901234.5\n",
    'title: a plain scalar\n  over two lines\nnext: "x\\ty"\n',
    "- - - deep\n    - er\n  - x\n",
    _nest(MAX_DEPTH),
    "%YAML 1.1\n---\na: 1\n",
]
REFUSED = [
    "x: &a 1\ny: *a\n",
    "x: &a 1\n",
    "&a x: 1\n",
    "- &a [1]\n",
    "x: *a\n",
    "x: !custom 1\n",
    "x: !!str 1\n",
    "x: !!binary aGk=\n",
    "- !!map {a: 1}\n",
    "%TAG ! tag:example.org,2000:\n---\na: !x 1\n",
    "a: 1\na: 2\n",
    "{a: 1, a: 2}",
    "- a: 1\n  b:\n    c: 1\n    c: 2\n",
    "? [a, b]\n: 1\n",
    "? {a: b}\n: 1\n",
    "1: one\n",
    "~: none\n",
    "true: x\n",
    "1.5: x\n",
    "a: 1234567890123456\n",
    "a: 123456789012345.6\n",
    _nest(MAX_DEPTH + 1),
    "- " * (MAX_DEPTH + 1) + "x\n",
    "a: 1\n---\nb: 2\n",
    "a: 1\n---\n",
    "a: 'unterminated\n",
    "[1, 2\n",
    "a: b: c\n",
    "a:\n  - b\n - c\n",
    "- a\nb: c\n",
]


@pytest.mark.parametrize("text", PLAIN)
def test_plain_data_is_read_fast_exactly(text: str) -> None:
    expected = _read(exact, text)
    assert expected[0] != "refused"
    assert _read(values, text) == expected == _read(yaml_reference.values, text)


@pytest.mark.parametrize("text", REFUSED)
def test_what_the_exact_path_refuses_the_fast_one_refuses(text: str) -> None:
    assert _read(exact, text)[0] == "refused"
    assert _read(values, text) == "refused" == _read(yaml_reference.values, text)


def test_libyaml_reads_some_syntax_pyyaml_refuses_as_before() -> None:
    text = "a: [b? c]\n"
    assert _read(exact, text) == ("refused", "yaml-syntax")
    assert values(text) == {"a": ["b? c"]}
    assert _read(values, text) == _read(yaml_reference.values, text)


def test_every_data_file_is_read_fast_exactly() -> None:
    paths = sorted((ROOT / "data").glob("*/*.yml")) + sorted(FIXTURE.glob("*/*.yml"))
    assert len(paths) > 10
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert _read(values, text) == _read(exact, text) == _read(yaml_reference.values, text), path
        assert _read(values, text) != "refused", path


# What breaks YAML or makes it more than plain data, put into valid files.
TOKENS = [
    "&a ",
    "*a ",
    "!t ",
    "!!str ",
    "? ",
    "- ",
    ": ",
    "[",
    "]",
    "{",
    "}",
    "'",
    '"',
    "\n",
    "  ",
    "#",
    "---\n",
    "|",
    ">",
    ",",
    "%",
]


def _broken(text: str) -> Iterator[str]:
    """`text` broken at each line: the line written twice (a duplicate key, or bad
    indentation), the text cut after it, a token where its value starts and one where
    the line starts."""
    lines = text.splitlines(keepends=True)
    for n, line in enumerate(lines):
        before, after = "".join(lines[:n]), "".join(lines[n + 1 :])
        yield before + line + line + after
        yield before + line
        value = line.find(": ") + 2 if ": " in line else line.find("- ") + 2
        yield before + line[:value] + TOKENS[n % len(TOKENS)] + line[value:] + after
        yield before + TOKENS[(n + 7) % len(TOKENS)] + line + after


def test_broken_data_files_are_refused_or_read_exactly() -> None:
    """The fast path agrees with the reader before it and with the exact path (see
    `_agree`) on every breakage of every fixture file."""
    outcomes: Counter[object] = Counter()
    for path in sorted(FIXTURE.glob("*/*.yml")):
        for broken in _broken(path.read_text(encoding="utf-8")):
            expected = _agree(broken)
            outcomes[expected if expected[0] == "refused" else "read"] += 1  # type: ignore[index]
    assert outcomes["read"] > 100
    for rule in ("yaml-syntax", "yaml-anchor", "yaml-tag", "duplicate-key"):
        assert outcomes["refused", rule] > 10, outcomes


def test_mentions_index_holds_every_reference_of_every_record() -> None:
    """The Dataset's backlinks come from the checks' short walk: the same as from every leaf."""
    data = real_data()
    expected: dict[str, dict[str, None]] = {}
    for kind in data.records.values():
        for rid, record in kind.items():
            for _, value, ref in iter_leaves(record):
                if ref is not None:
                    expected.setdefault(value, {})[rid] = None
    assert len(expected) > 100
    assert dict(data.index.mentions) == {k: tuple(v) for k, v in expected.items()}


def _models(base: type[Model]) -> list[type[Model]]:
    """The project's models below `base` (not those a test defines)."""
    below = [m for sub in base.__subclasses__() for m in (sub, *_models(sub))]
    return [m for m in below if m.__module__.startswith("macros.")]


def test_every_model_with_a_shorthand_expands_a_bare_id() -> None:
    short = [m for m in _models(Model) if m.shorthand]
    assert {m.__name__ for m in short} >= {"Citation", "Actor", "Participant"}
    for model in short:
        assert getattr(model.model_validate("some-id"), model.shorthand or "") == "some-id"


def test_a_shorthand_on_a_model_that_cannot_expand_it_is_refused() -> None:
    with pytest.raises(TypeError, match="derive it from ShorthandModel"):

        class Loose(Model):
            shorthand: ClassVar[str | None] = "name"
            name: str


def test_empty_values_at_every_depth_are_found(data_dir: Path) -> None:
    """Records are first tested for an empty value at all (`_has_empty`), then walked for
    where: an empty value at the top of one record, and in a mapping, in a mapping in a
    list and as a bare `-` in another (which has none at its top), are each reported."""
    edit(data_dir, "meetings/more.yml", "  format: foreign-ministers\n", "  format:\n")
    edit(data_dir, "meetings/meetings.yml", "    name: Capital\n", "    name:\n")
    edit(data_dir, "meetings/meetings.yml", "    - person: bob-example\n", "    - person:\n    -\n")
    assert report(data_dir) == [
        "data/meetings/meetings.yml:5:10: error: meeting 'summit-1999' › place.name: is empty (fill it in) [fill-in]",
        "data/meetings/meetings.yml:11:14: error: meeting 'summit-1999' › participants[1].person: is empty (fill it in) [fill-in]",
        "data/meetings/meetings.yml:12:6: error: meeting 'summit-1999' › participants[2]: is empty (fill it in) [fill-in]",
        "data/meetings/more.yml:9:10: error: meeting 'talks-2001-03' › format: is empty (fill it in) [fill-in]",
    ]


# Every character, surrogates left out (UTF-8 cannot carry them).
ALL_CHARACTERS = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)


def test_the_quick_byte_test_misses_no_unprintable_character() -> None:
    """`_decode` runs its pattern only when `_may_be_unprintable` says so: it must say so
    for every character the pattern refuses, wherever it stands."""
    refused = set(_UNPRINTABLE.findall(ALL_CHARACTERS))
    assert "\x00" in refused and "\x85" not in refused and "\ufffe" in refused
    for ch in refused:
        assert _may_be_unprintable(f"ab {ch} cd".encode()), f"U+{ord(ch):04X}"
    assert not _may_be_unprintable("Erdoğan, Əliyev — “plain” text".encode())


def test_every_hidden_character_is_one_isprintable_refuses() -> None:
    """`check_text` looks for hidden characters only in a text `isprintable()` refuses."""
    hidden = [ch for ch in ALL_CHARACTERS if unicodedata.category(ch) in HIDDEN_CATEGORIES]
    assert len(hidden) > 1000
    assert not any(ch.isprintable() for ch in hidden)
