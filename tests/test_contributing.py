"""What a contributor uses without reading the code: the generated guides and schemas
(and that they match the models), `python -m macros new`, and `check --format json`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT, TODAY, edit, report

from macros.__main__ import main
from macros.authoring import generated_files, stale_files
from macros.core.dataset import build_dataset
from macros.core.models import DATA_FOLDERS, KINDS
from macros.core.schema import kind_schema
from macros.core.yaml_strict import parse


def test_generated_guides_schemas_and_editor_settings_match_the_models() -> None:
    """data/README.md, data/schemas/, CONTRIBUTING.md's rule table, .vscode/settings.json:
    run `python -m macros schema` after changing a model or a rule."""
    assert stale_files(ROOT) == []


def test_the_drift_check_sees_a_changed_model(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    for path, text in generated_files(ROOT).items():
        target = tmp_path / path.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    assert stale_files(tmp_path) == []
    schema = tmp_path / "data" / "schemas" / "meeting.schema.json"
    schema.write_text(
        schema.read_text(encoding="utf-8").replace('"planned"', '"announced"'), encoding="utf-8"
    )
    assert stale_files(tmp_path) == [schema]
    assert main(["schema", "--check", "--root", str(tmp_path)]) == 1


def _validator(kind: str) -> jsonschema.protocols.Validator:
    schema = kind_schema(kind)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize("kind", list(KINDS))
def test_the_schemas_accept_every_file_in_data(kind: str) -> None:
    validator = _validator(kind)
    files = sorted((ROOT / "data" / DATA_FOLDERS[kind]).glob("*.yml"))
    assert files or kind == "correction"
    for path in files:
        errors = [
            f"{path.name}: {e.json_path}: {e.message}"
            for e in validator.iter_errors(parse(path.read_bytes()))
        ]
        assert errors == []


MEETING = ROOT / "tests" / "fixtures" / "valid" / "data" / "meetings" / "meetings.yml"
CLAIM = ROOT / "tests" / "fixtures" / "valid" / "data" / "claims" / "claims.yml"


def _schema_errors(kind: str, text: str) -> list[str]:
    return sorted(e.json_path for e in _validator(kind).iter_errors(parse(text.encode("utf-8"))))


@pytest.mark.parametrize(
    ("kind", "old", "new", "where"),
    [
        ("meeting", "  format: leaders", "  fromat: leaders", ["$[0]", "$[0]"]),  # misspelled + missing
        ("claim", "  sources: [src-1]\n", "", ["$[0]"]),  # a claim without a source
        ("claim", "  sources: [src-1]", "  sources: []", ["$[0].sources"]),  # … or with an empty list
        ("meeting", 'start: "1999-06-01"', 'start: "1999-13-01"', ["$[0].start"]),  # impossible date
        ("meeting", 'start: "1999-06-01"', "start: 1999-06-01", []),  # unquoted: YAML gives a string too
        ("claim", "kind: fact", "kind: rumour", ["$[0].kind"]),  # not one of the allowed values
        ("meeting", "- id: summit-1999", "- id: Summit 1999", ["$[0].id"]),  # id not kebab-case
        ("meeting", "    - person: bob-example", "    - person:", ["$[0].participants[1]"]),  # left empty
    ],
    ids=[
        "misspelled-field",
        "no-sources",
        "empty-sources",
        "impossible-date",
        "unquoted-date",
        "kind",
        "id",
        "empty",
    ],
)
def test_the_schemas_reject_the_mistakes_a_schema_can_see(
    kind: str, old: str, new: str, where: list[str]
) -> None:
    text = (MEETING if kind == "meeting" else CLAIM).read_text(encoding="utf-8")
    assert _schema_errors(kind, text) == []
    assert text.count(old) == 1
    assert _schema_errors(kind, text.replace(old, new)) == where


def test_what_only_the_check_sees() -> None:
    """An unknown id, or an id used twice, needs the whole data set: the schema lets them
    through and `make check` reports them (tests/test_checks.py)."""
    text = MEETING.read_text(encoding="utf-8").replace("person: bob-example", "person: carol-example")
    assert _schema_errors("meeting", text) == []


# -- python -m macros new ---------------------------------------------------------------


def test_new_meeting_writes_a_skeleton_that_check_asks_to_fill_in(data_dir: Path) -> None:
    assert main(["new", "meeting", "ankara-2026", "--data", str(data_dir)]) == 0
    path = data_dir / "meetings" / "ankara-2026.yml"
    lines = report(data_dir)
    assert lines == [
        f"data/meetings/ankara-2026.yml:{n}:{c}: error: meeting 'ankara-2026' › {field}: is empty "
        "(fill it in) [fill-in]"
        for n, c, field in [
            (2, 9, "title"),
            (3, 9, "start"),
            (5, 10, "place.name"),
            (6, 13, "place.country"),
            (7, 10, "format"),
            (8, 9, "level"),
            (10, 6, "participants[0]"),
            (12, 6, "sources[0]"),
        ]
    ], path.read_text(encoding="utf-8")


def test_new_refuses_an_id_in_use_and_a_malformed_one(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "person", "alice-example", "--data", str(data_dir)]) == 1
    assert (
        "id 'alice-example' is already used by a person at data/people/leaders.yml:1"
        in capsys.readouterr().err
    )
    assert main(["new", "claim", "src-1", "--data", str(data_dir)]) == 1
    assert main(["new", "claim", "Not Kebab", "--data", str(data_dir)]) == 1
    assert sorted(p.name for p in (data_dir / "claims").iterdir()) == ["claims.yml", "more.yml"]


def test_new_into_an_existing_file_appends_the_record(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = data_dir / "people" / "leaders.yml"
    before = target.read_text(encoding="utf-8")
    assert main(["new", "person", "carol-example", "--data", str(data_dir), "--into", str(target)]) == 0
    start = before.count("\n") + 2  # after a blank line
    assert f"leaders.yml:{start}: person 'carol-example'" in capsys.readouterr().out
    assert target.read_text(encoding="utf-8").splitlines()[start - 1] == "- id: carol-example"
    assert report(data_dir) == [
        f"data/people/leaders.yml:{start + 1}:8: error: person 'carol-example' › name: is empty (fill it in) [fill-in]"
    ]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_skeleton_fails_only_with_fill_in_lines(data_dir: Path, kind: str) -> None:
    assert main(["new", kind, f"new-{kind}", "--data", str(data_dir)]) == 0
    lines = report(data_dir)
    assert lines and all(line.endswith("[fill-in]") for line in lines), lines


# -- check --format json ----------------------------------------------------------------


def test_check_json_output_for_tools(data_dir: Path) -> None:
    edit(data_dir, "claims/claims.yml", "kind: fact", "kind: rumour")
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "macros",
            "check",
            "--data",
            str(data_dir),
            "--today",
            "2026-11-25",
            "--format",
            "json",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 1 and out.stderr == ""
    doc = json.loads(out.stdout)
    assert (doc["ok"], doc["errors"], doc["warnings"]) == (False, 1, 0)
    [problem] = doc["problems"]
    assert {k: problem[k] for k in ("path", "line", "col", "rule", "kind", "id", "field", "severity")} == {
        "path": "data/claims/claims.yml",
        "line": 3,
        "col": 9,
        "rule": "not-allowed",
        "kind": "claim",
        "id": "claim-1",
        "field": "kind",
        "severity": "error",
    }
    assert problem["message"] == report(data_dir)[0]


def test_a_filled_in_skeleton_passes(data_dir: Path) -> None:
    main(["new", "meeting", "ankara-2026", "--data", str(data_dir)])
    path = data_dir / "meetings" / "ankara-2026.yml"
    path.write_text(fill_meeting(path.read_text(encoding="utf-8"), person="alice-example", source="src-1"))
    assert report(data_dir) == []
    assert build_dataset(data_dir, today=TODAY).meetings["ankara-2026"].place.name == "Ankara"


def fill_meeting(text: str, *, person: str, source: str, country: str = "alpha-land") -> str:
    """What a contributor types into the skeleton `new meeting` writes."""
    values = {
        "  title:": '  title: "Trilateral meeting, Ankara"',
        "  start:": '  start: "2026-02-10"',
        "    name:": "    name: Ankara",
        "    country:": f"    country: {country}",
        "  format:": "  format: leaders",
        "  level:": "  level: heads-of-state-or-government",
        "    -  # id of a person": f"    - {person}",
        "    -  # id of a source": f"    - {source}",
    }
    out = []
    for line in text.splitlines():
        key = next((k for k in values if line.startswith(k)), None)
        out.append(values[key] if key else line)
    return "\n".join(out) + "\n"
