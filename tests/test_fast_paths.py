"""The fast paths of `macros check` give exactly what the plain ones give.

Reading and checking 10,000 records has to take under 2 s, so some steps have a fast
path next to the plain, complete one: the rules read only the leaves of a record they
need (references and dates) instead of every leaf. Each test here holds the fast path
to the plain one on the real data and on records with every field filled.
"""

from __future__ import annotations

import hostile
import pytest
from conftest import real_data

from macros.core.fields import PartialDate
from macros.core.models import KINDS
from macros.core.refs import Leaf, checked_leaves, iter_leaves

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
