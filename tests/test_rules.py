"""Rule ids, reviewed exceptions, announced meetings, review age, empty fields and the
shorthands: each line checked by hand against the fixture files."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from conftest import ROOT, TODAY, edit, report

from macros.core.dataset import build_dataset
from macros.core.errors import DataErrors
from macros.core.freshness import months_before
from macros.core.rules import RULES

UNUSED_SRC_2 = (
    "data/sources/sources.yml:10:7: warning: source 'src-2' › id: is not cited by any record "
    "(cite it or remove it) [unused-source]"
)


def _uncite_src_2(data_dir: Path) -> None:
    edit(data_dir, "events/events.yml", "sources: [src-2]", "sources: [src-1]")
    edit(data_dir, "disputes/disputes.yml", "sources: [src-2]", "sources: [src-1]")


EXCEPTION = (
    '  exceptions:\n    - rule: unused-source\n      reason: "Kept for the bibliography."\n'
    '      reviewed: "2026-11-01"\n'
)


def test_a_reviewed_exception_silences_the_warning_it_names(data_dir: Path) -> None:
    _uncite_src_2(data_dir)
    assert report(data_dir) == [UNUSED_SRC_2]
    edit(
        data_dir,
        "sources/sources.yml",
        '  url: "https://example.org/treaty"\n',
        '  url: "https://example.org/treaty"\n' + EXCEPTION,
    )
    assert report(data_dir) == []


def test_an_exception_that_excuses_nothing_is_an_error(data_dir: Path) -> None:
    edit(
        data_dir,
        "sources/sources.yml",
        '  url: "https://example.org/treaty"\n',
        '  url: "https://example.org/treaty"\n' + EXCEPTION,
    )
    assert report(data_dir) == [
        "data/sources/sources.yml:17:7: error: source 'src-2' › exceptions[0]: no 'unused-source' warning "
        "to excuse (remove the exception) [exception]"
    ]


def test_errors_cannot_be_excused(data_dir: Path) -> None:
    edit(
        data_dir,
        "sources/sources.yml",
        '  url: "https://example.org/treaty"\n',
        '  url: "https://example.org/treaty"\n' + EXCEPTION.replace("unused-source", "unknown-ref"),
    )
    [line] = report(data_dir)
    assert line.startswith(
        "data/sources/sources.yml:17:13: error: source 'src-2' › exceptions[0].rule: 'unknown-ref' is not allowed"
    )
    assert line.endswith("[not-allowed]")


PLANNED = 'start: "2027-03-01"\n  status: planned'


def test_a_planned_meeting_may_lie_in_the_future(data_dir: Path) -> None:
    edit(data_dir, "meetings/meetings.yml", 'start: "1999-06-01"', PLANNED)
    assert report(data_dir) == []
    data = build_dataset(data_dir, today=TODAY)
    assert data.meetings["summit-1999"].status == "planned"


def test_only_the_dates_of_a_planned_meeting_may_lie_in_the_future(data_dir: Path) -> None:
    edit(data_dir, "events/events.yml", 'start: "2000"', 'start: "2027"')
    edit(data_dir, "meetings/meetings.yml", 'start: "1999-06-01"', 'start: "2027-03-01"\n  status: held')
    assert report(data_dir) == [
        "data/events/events.yml:3:10: error: event 'treaty-2000' › start: date '2027' is in the future "
        "(on or before 2026-11-25) [future-date]",
        "data/meetings/meetings.yml:3:10: error: meeting 'summit-1999' › start: date '2027-03-01' is in the "
        "future (on or before 2026-11-25; an announced meeting has 'status: planned') [future-date]",
    ]


def test_a_planned_meeting_whose_date_has_passed_is_a_warning(data_dir: Path) -> None:
    edit(data_dir, "meetings/meetings.yml", 'start: "1999-06-01"', 'start: "2026-03-01"\n  status: planned')
    assert report(data_dir) == [
        "data/meetings/meetings.yml:4:11: warning: meeting 'summit-1999' › status: planned, but its date "
        "2026-03-01 has passed (mark it held, with sources, or correct the date) [planned-past]"
    ]


REVIEW = '  reviewed:\n    on: "2025-06-01"\n    against: [src-1]\n'


def test_claims_and_sources_reviewed_too_long_ago_are_warnings(data_dir: Path) -> None:
    edit(data_dir, "claims/claims.yml", "  sources: [src-1]\n", "  sources: [src-1]\n" + REVIEW)
    edit(
        data_dir, "sources/sources.yml", 'issued: "1999-06-02"', 'issued: "1999-06-02"\n  accessed: "2025-10"'
    )
    assert report(data_dir) == [
        "data/claims/claims.yml:7:9: warning: claim 'claim-1' › reviewed.on: last reviewed 2025-06-01, over "
        "12 months ago (check it against its sources again) [stale-review]",
        "data/sources/sources.yml:8:13: warning: source 'src-1' › accessed: last opened 2025-10, over 12 "
        "months ago (open it again and check what it is cited for) [stale-review]",
    ]
    # a longer review age (the `--review-age` of the CLI) keeps them fresh
    assert build_dataset(data_dir, today=TODAY, review_age_months=24).warnings == ()


def test_months_before_clamps_to_the_end_of_the_month() -> None:
    assert months_before(date(2026, 11, 25), 12) == date(2025, 11, 25)
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert months_before(date(2026, 1, 15), 13) == date(2024, 12, 15)


def test_empty_fields_ask_to_be_filled_in(data_dir: Path) -> None:
    edit(data_dir, "meetings/meetings.yml", "  title: Summit of 1999\n", "  title:\n")
    edit(data_dir, "meetings/meetings.yml", "    - person: bob-example", "    - person:")
    edit(data_dir, "claims/claims.yml", "sources: [src-1]", "sources:\n    -")
    assert report(data_dir) == [
        "data/claims/claims.yml:6:6: error: claim 'claim-1' › sources[0]: is empty (fill it in) [fill-in]",
        "data/meetings/meetings.yml:2:9: error: meeting 'summit-1999' › title: is empty (fill it in) [fill-in]",
        "data/meetings/meetings.yml:11:14: error: meeting 'summit-1999' › participants[1].person: is empty "
        "(fill it in) [fill-in]",
    ]


def test_shorthands_for_people_and_speakers(data_dir: Path) -> None:
    edit(data_dir, "meetings/meetings.yml", "    - person: bob-example", "    - bob-example")
    edit(data_dir, "claims/claims.yml", "kind: fact", "kind: statement\n  asserted_by: [alice-example]")
    data = build_dataset(data_dir, today=TODAY)
    assert data.meetings["summit-1999"].participants[1].person == "bob-example"
    assert data.claims["claim-1"].asserted_by[0].entity == "alice-example"
    edit(data_dir, "claims/claims.yml", "asserted_by: [alice-example]", "asserted_by: [carol-example]")
    assert report(data_dir) == [
        "data/claims/claims.yml:4:17: error: claim 'claim-1' › asserted_by[0].entity: unknown person or "
        "country or source 'carol-example' (did you mean 'alice-example'?) [unknown-ref]"
    ]


def test_a_mapping_of_the_wrong_shape_names_the_fields_it_expects(data_dir: Path) -> None:
    edit(data_dir, "claims/claims.yml", "kind: fact", "kind: statement\n  asserted_by: [5]")
    assert report(data_dir) == [
        "data/claims/claims.yml:4:17: error: claim 'claim-1' › asserted_by[0]: expected an id, or a mapping "
        "with 'entity' (and optionally 'body'), got number 5 [wrong-type]"
    ]


def test_every_reported_rule_is_documented() -> None:
    """Each rule id that appears in the code is in rules.RULES (and so in the guides)."""
    used: set[str] = set()
    for path in (ROOT / "macros" / "core").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'rule(?:_error\(|=)\s*"([a-z-]+)"', text))
        used |= set(re.findall(r'(?<!\w)_problem\([^)]*?"([a-z]+-[a-z-]+)"\s*,?\s*\)', text, re.S))
    assert used, "the search for rule ids found none"
    assert used <= set(RULES), used - set(RULES)


@pytest.mark.parametrize("rule", sorted(RULES))
def test_every_rule_example_is_one_line_ending_in_its_id(rule: str) -> None:
    example = RULES[rule].example
    assert "\n" not in example and example.endswith(f"[{rule}]")
    assert f": {RULES[rule].severity}: " in example


def test_an_unreadable_folder_stops_no_other_report(data_dir: Path) -> None:
    (data_dir / "people" / "leaders.yml").write_text("- id: [\n", encoding="utf-8")
    edit(data_dir, "claims/claims.yml", "kind: fact", "kind: rumour")
    with pytest.raises(DataErrors) as info:
        build_dataset(data_dir, today=TODAY)
    assert [e.rule for e in info.value.errors] == ["not-allowed", "yaml-syntax"]
