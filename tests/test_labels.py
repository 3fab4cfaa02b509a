"""Every label table covers exactly the values its model allows.

A value the model accepts but no table names would fail a build with a KeyError (or show
a raw id to readers); a key no model allows is dead. The allowed values are read from the
models' Literal annotations, so adding a value to a model fails here until it has a label.
"""

from __future__ import annotations

import typing
from typing import Any, Literal

import pytest
from conftest import FIXTURE, TODAY

from macros.core.claims import Claim, Relation
from macros.core.dataset import build_dataset
from macros.core.models import Model
from macros.core.sources import Affiliation, Source
from macros.pages import labels, visuals


def allowed(model: type[Model], field: str) -> set[str]:
    """The values a field's Literal allows, through Optional and tuple[...]."""
    found: set[str] = set()

    def walk(annotation: Any) -> None:
        if typing.get_origin(annotation) is Literal:
            found.update(typing.get_args(annotation))
        for arg in typing.get_args(annotation):
            if arg is not Ellipsis and not isinstance(arg, str):
                walk(arg)

    walk(model.model_fields[field].annotation)
    assert found, f"{model.__name__}.{field} has no Literal values"
    return found


# (table name, table, the model field whose values it labels)
TABLES: list[tuple[str, dict[str, Any], type[Model], str]] = [
    ("labels.KIND_LABELS", labels.KIND_LABELS, Claim, "kind"),
    ("labels.KIND_HELP", labels.KIND_HELP, Claim, "kind"),
    ("labels.VERDICT_LABELS", labels.VERDICT_LABELS, Claim, "verdict"),
    ("labels.FLAG_LABELS", labels.FLAG_LABELS, Claim, "flags"),
    ("labels.ORIGIN_LABELS", labels.ORIGIN_LABELS, Source, "origin"),
    ("labels.AFFILIATION_LABELS", labels.AFFILIATION_LABELS, Affiliation, "type"),
    ("labels.GENRE_LABELS", labels.GENRE_LABELS, Source, "genre"),
    ("visuals.REL_LABELS", visuals.REL_LABELS, Relation, "type"),
    ("visuals.STYLE_OF", visuals.STYLE_OF, Relation, "type"),  # the line style of each type
]
# Tables that are not keyed by a Literal: language tags are a pattern, not a closed set
# (a code without a name is shown as the code).
NOT_CLOSED = {"labels.LANG_NAMES"}
# Tables that deliberately name only some values (the rest take a default or are absent).
SUBSETS: list[tuple[str, Any, type[Model], str]] = [
    ("visuals.DIRECTED", visuals.DIRECTED, Relation, "type"),
]


@pytest.mark.parametrize(("name", "table", "model", "field"), TABLES, ids=[t[0] for t in TABLES])
def test_table_covers_every_allowed_value_and_nothing_else(
    name: str, table: dict[str, Any], model: type[Model], field: str
) -> None:
    values = allowed(model, field)
    assert sorted(values - set(table)) == [], f"{name} has no entry for these {model.__name__}.{field} values"
    assert sorted(set(table) - values) == [], f"{name} has keys that {model.__name__}.{field} does not allow"
    assert all(isinstance(v, str | visuals.LineStyle) and v for v in table.values()), name


@pytest.mark.parametrize(("name", "table", "model", "field"), SUBSETS, ids=[t[0] for t in SUBSETS])
def test_partial_table_names_only_allowed_values(
    name: str, table: Any, model: type[Model], field: str
) -> None:
    assert set(table) <= allowed(model, field), name


def test_every_table_in_the_label_modules_is_checked() -> None:
    """A new table must join TABLES, SUBSETS or NOT_CLOSED, or this fails."""
    checked = {t[0] for t in TABLES} | {t[0] for t in SUBSETS} | NOT_CLOSED
    for module in (labels, visuals):
        for attr, value in vars(module).items():
            if attr.isupper() and isinstance(value, dict | set | frozenset):
                assert f"{module.__name__.rsplit('.', 1)[1]}.{attr}" in checked, attr


def test_affiliation_labels_read_with_and_without_a_country() -> None:
    data = build_dataset(FIXTURE, today=TODAY)
    for kind in allowed(Affiliation, "type"):
        with_country = labels.affiliation_label(data, Affiliation(country="gamma-land", type=kind))
        without = labels.affiliation_label(data, Affiliation(type=kind))
        assert with_country.startswith("Gammish ") and "{" not in with_country, kind
        assert without and "{" not in without and not without.startswith(" "), kind
    assert (
        labels.affiliation_label(data, Affiliation(country="alpha-land", type="media")) == "Alpha Land media"
    )
    assert labels.affiliation_label(data, None) == ""
