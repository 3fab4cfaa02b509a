"""Cross-record checks, error collection and the one-line format."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT, edit, report

from macros.core.errors import DataError


def test_valid_fixture_has_no_problems(data_dir: Path) -> None:
    assert report(data_dir) == []


def test_error_line_format() -> None:
    error = DataError(
        "data/meetings/m.yml",
        14,
        7,
        "unknown person 'sharif'",
        "did you mean 'shehbaz-sharif'?",
        "meeting",
        "astana",
        "participants[1].person",
    )
    assert error.format() == (
        "data/meetings/m.yml:14:7: error: meeting 'astana' › participants[1].person: "
        "unknown person 'sharif' (did you mean 'shehbaz-sharif'?)"
    )
    ruled = DataError("data/m.yml", 1, 3, "is empty", "fill it in", "meeting", "m", "title", rule="fill-in")
    assert ruled.format() == "data/m.yml:1:3: error: meeting 'm' › title: is empty (fill it in) [fill-in]"


def test_five_mistakes_in_five_files_are_all_reported(data_dir: Path) -> None:
    edit(data_dir, "people/leaders.yml", "  name: Bob Example\n", "  name: Bob Example\n  name: Bob\n")
    edit(data_dir, "meetings/meetings.yml", 'start: "1999-06-01"', 'start: "1999-13-01"')
    edit(data_dir, "claims/claims.yml", "kind: fact", "kind: rumour")
    edit(data_dir, "sources/sources.yml", '"https://example.org/treaty"', '"javascript:alert(1)"')
    edit(data_dir, "disputes/disputes.yml", 'as_of: "2020-01"', 'as_of: "2031-01"')
    assert report(data_dir) == [
        "data/claims/claims.yml:3:9: error: claim 'claim-1' › kind: 'rumour' is not allowed "
        "(one of 'fact', 'statement', 'opinion', 'allegation') [not-allowed]",
        "data/disputes/disputes.yml:5:12: error: dispute 'border-dispute' › status.as_of: "
        "date '2031-01' is in the future (on or before 2026-11-25) [future-date]",
        "data/meetings/meetings.yml:3:10: error: meeting 'summit-1999' › start: '1999-13-01' is not a real "
        "date (month must be in 1..12) [date-format]",
        "data/people/leaders.yml:12:3: error: duplicate key 'name' (each key once per mapping; "
        "first defined at line 11) [duplicate-key]",
        "data/sources/sources.yml:15:8: error: source 'src-2' › url: scheme 'javascript' not allowed "
        "(an absolute http(s) URL) [url]",
    ]


def test_five_independent_mistakes_in_five_records_give_five_lines_in_one_run(data_dir: Path) -> None:
    """The issue's contributor: unknown person, impossible date, claim without a source,
    duplicate id, misspelled field, one in each of five records, all in the first run."""
    edit(data_dir, "meetings/meetings.yml", "    - person: bob-example", "    - person: carol-example")
    edit(data_dir, "people/leaders.yml", 'born: "1950-02-01"', 'born: "1950-02-30"')
    edit(data_dir, "claims/claims.yml", "  sources: [src-1]\n", "")
    edit(data_dir, "events/events.yml", "- id: treaty-2000", "- id: border-dispute")
    edit(data_dir, "sources/sources.yml", "title: Treaty text", "titel: Treaty text")
    assert report(data_dir) == [
        "data/claims/claims.yml:1:3: error: claim 'claim-1' › sources: missing required field [no-source]",
        "data/disputes/disputes.yml:1:7: error: dispute 'border-dispute' › id: duplicate id 'border-dispute' "
        "(ids are unique across all data; first used at data/events/events.yml:1) [duplicate-id]",
        "data/meetings/meetings.yml:11:15: error: meeting 'summit-1999' › participants[1].person: unknown "
        "person 'carol-example' (did you mean 'alice-example'?) [unknown-ref]",
        "data/people/leaders.yml:4:9: error: person 'alice-example' › born: '1950-02-30' is not a real date "
        "(day is out of range for month) [date-format]",
        "data/sources/sources.yml:14:3: error: source 'src-2': unknown field 'titel' (did you mean 'title'?) "
        "[unknown-field]",
    ]


def test_a_misspelt_required_field_is_one_line(data_dir: Path) -> None:
    """`fromat:` for `format:` is one mistake: the unknown field names the one meant, and the
    required field is not also reported missing."""
    edit(data_dir, "meetings/meetings.yml", "  format: leaders", "  fromat: leaders")
    assert [line for line in report(data_dir) if "summit-1999" in line] == [
        "data/meetings/meetings.yml:7:3: error: meeting 'summit-1999': unknown field 'fromat' "
        "(did you mean 'format'?) [unknown-field]"
    ]


def test_a_record_that_fails_validation_still_has_its_references_and_dates_checked(data_dir: Path) -> None:
    edit(data_dir, "meetings/meetings.yml", "    - person: bob-example", "    - person: carol-example")
    edit(data_dir, "meetings/meetings.yml", "  format: leaders", "  fromat: leaders")
    edit(data_dir, "meetings/meetings.yml", 'start: "1999-06-01"', 'start: "2099-06-01"')
    # and a record that names the broken meeting with the wrong kind of reference
    edit(
        data_dir,
        "claims/claims.yml",
        "about: [summit-1999]",
        "about: [summit-1999]\n  asserted_by: [summit-1999]",
    )
    assert report(data_dir) == [
        "data/claims/claims.yml:5:17: error: claim 'claim-1' › asserted_by[0].entity: 'summit-1999' is a "
        "meeting, not a person or country or source [wrong-kind-ref]",
        "data/meetings/meetings.yml:3:10: error: meeting 'summit-1999' › start: date '2099-06-01' is in the "
        "future (on or before 2026-11-25; an announced meeting has 'status: planned') [future-date]",
        "data/meetings/meetings.yml:7:3: error: meeting 'summit-1999': unknown field 'fromat' "
        "(did you mean 'format'?) [unknown-field]",
        "data/meetings/meetings.yml:11:15: error: meeting 'summit-1999' › participants[1].person: unknown "
        "person 'carol-example' (did you mean 'alice-example'?) [unknown-ref]",
    ]


def test_unused_source_warnings_wait_until_every_record_loads(data_dir: Path) -> None:
    # Dropping the only record that cites src-1 must not make src-1 look unused.
    edit(data_dir, "meetings/meetings.yml", 'start: "1999-06-01"', 'start: "1999-13-01"')
    edit(data_dir, "people/leaders.yml", "      sources: [src-1]", "      sources: [src-1]\n      nope: 1")
    edit(data_dir, "claims/claims.yml", "kind: fact", "kind: rumour")
    assert not [line for line in report(data_dir) if "warning" in line]


def test_reference_into_an_unreadable_file_is_not_reported_twice(data_dir: Path) -> None:
    edit(data_dir, "people/leaders.yml", "  name: Bob Example\n", "  name: Bob Example\n  name: Bob\n")
    # The meeting's participants point into the broken file; only the file error shows.
    lines = report(data_dir)
    assert len(lines) == 1 and "duplicate key 'name'" in lines[0]


def test_end_before_start(data_dir: Path) -> None:
    edit(
        data_dir,
        "people/leaders.yml",
        '      start: "2001-05-01"\n',
        '      start: "2001-05-01"\n      end: "2001-04"\n',
    )
    assert report(data_dir) == [
        "data/people/leaders.yml:8:12: error: person 'alice-example' › offices[0].end: "
        "ends (2001-04) before it starts (2001-05-01) (end on or after start) [date-order]"
    ]


def test_partial_end_in_the_same_month_is_in_order(data_dir: Path) -> None:
    edit(
        data_dir,
        "people/leaders.yml",
        '      start: "2001-05-01"\n',
        '      start: "2001-05-01"\n      end: "2001-05"\n',
    )
    assert report(data_dir) == []


def test_wrong_kind_of_reference(data_dir: Path) -> None:
    edit(
        data_dir,
        "claims/claims.yml",
        "about: [summit-1999]",
        "about: [summit-1999]\n  asserted_by: [{entity: summit-1999}]",
    )
    assert report(data_dir) == [
        "data/claims/claims.yml:5:26: error: claim 'claim-1' › asserted_by[0].entity: "
        "'summit-1999' is a meeting, not a person or country or source [wrong-kind-ref]"
    ]


def test_non_fact_claim_needs_someone_asserting_it(data_dir: Path) -> None:
    edit(data_dir, "claims/claims.yml", "kind: fact", "kind: opinion")
    assert report(data_dir) == [
        "data/claims/claims.yml:1:3: error: claim 'claim-1': a opinion needs 'asserted_by' (who says it) "
        "[needs-asserted-by]"
    ]


def test_unused_source_is_a_warning_not_an_error(data_dir: Path) -> None:
    edit(data_dir, "events/events.yml", "sources: [src-2]", "sources: [src-1]")
    edit(data_dir, "disputes/disputes.yml", "sources: [src-2]", "sources: [src-1]")
    assert report(data_dir) == [
        "data/sources/sources.yml:10:7: warning: source 'src-2' › id: is not cited by any record "
        "(cite it or remove it) [unused-source]"
    ]


def test_unknown_folder_gets_a_did_you_mean(data_dir: Path) -> None:
    (data_dir / "leaders").mkdir()
    (data_dir / "peeple").mkdir()
    assert report(data_dir) == [
        "data/leaders/:0:0: error: unknown data folder 'leaders' "
        "(one of claims, corrections, countries, disputes, events, meetings, people, sources) [layout]",
        "data/peeple/:0:0: error: unknown data folder 'peeple' (did you mean 'people'?) [layout]",
    ]


def test_yaml_extension_is_refused_not_ignored(data_dir: Path) -> None:
    (data_dir / "people" / "more.yaml").write_text("- id: x\n", encoding="utf-8")
    assert report(data_dir) == [
        "data/people/more.yaml:0:0: error: not a data file (data files end in .yml) [layout]"
    ]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "macros", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_cli_exit_codes(data_dir: Path) -> None:
    ok = _cli("check", "--data", str(data_dir), "--today", "2026-11-25")
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.startswith("data ok: 4 source, 3 country, 3 person")

    edit(data_dir, "people/leaders.yml", "  name: Bob Example\n", "  name: Bob Example\n  name: Bob\n")
    bad = _cli("check", "--data", str(data_dir))
    assert bad.returncode == 1
    assert bad.stderr.splitlines() == [
        "data/people/leaders.yml:12:3: error: duplicate key 'name' (each key once per mapping; "
        "first defined at line 11) [duplicate-key]",
        "data check failed: 1 error",
    ]
    assert "Traceback" not in bad.stderr

    assert _cli("check", "--today", "yesterday").returncode == 2
    assert _cli().returncode == 2


def test_cli_strict_fails_on_warnings(data_dir: Path) -> None:
    edit(data_dir, "events/events.yml", "sources: [src-2]", "sources: [src-1]")
    edit(data_dir, "disputes/disputes.yml", "sources: [src-2]", "sources: [src-1]")
    assert _cli("check", "--data", str(data_dir)).returncode == 0
    assert _cli("check", "--data", str(data_dir), "--strict").returncode == 1


def test_the_cli_does_not_import_mkdocs() -> None:
    code = "import sys, macros.__main__ as m; m.main(['check']); print('mkdocs' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.stdout.strip().endswith("False")
