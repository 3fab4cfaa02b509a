"""The values strict YAML gives (see `yaml_strict`): mappings and lists that remember where
each key and item stands, the one problem type, and the limits both ways of reading share."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

MAX_DEPTH = 20
MAX_DIGITS = 15  # integers up to 10**15: every count, year or number data needs, exact in JSON

Pos = tuple[int, int]


@dataclass(frozen=True)
class YamlProblem(Exception):
    line: int
    col: int
    message: str
    expected: str = ""
    rule: str = "yaml-syntax"  # the rule id of the line (see rules.py)


class YMap(dict):
    """A mapping that knows where it and each of its keys and values stand."""

    # No __dict__ (one fewer object per mapping read), and no call to dict.__init__, which
    # would do nothing: this runs for every mapping of every file.
    __slots__ = ("key_pos", "pos", "value_pos")

    def __init__(self) -> None:
        self.pos: Pos = (1, 1)
        self.key_pos: dict[str, Pos] = {}
        self.value_pos: dict[str, Pos] = {}


class YList(list):
    """A list that knows where it and each of its items stand."""

    __slots__ = ("item_pos", "pos")  # as YMap's

    def __init__(self) -> None:
        self.pos: Pos = (1, 1)
        self.item_pos: list[Pos] = []


def number(value: str, convert: Callable[[str], object]) -> object:
    """An int or float from its digits, refusing sizes Python would choke on (int()
    fails past 4300 digits) or that no record needs (a float past 1e308 is inf)."""
    digits = sum(c.isdigit() for c in value)
    if digits > MAX_DIGITS:
        raise YamlProblem(
            0, 0, f"number with {digits} digits (at most {MAX_DIGITS})", "quote it if it is text", "number"
        )
    return convert(value)
