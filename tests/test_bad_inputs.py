"""Every bad data input of research/pitfalls.md §11, with the exact lines it must print.

Each case breaks the valid fixture in one way. The expected lines were read and checked
by hand against the fixture files (line and column of the offending key or value).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import edit, report

L = "people/leaders.yml"
C = "claims/claims.yml"
M = "meetings/meetings.yml"
S = "sources/sources.yml"


def w(d: Path, rel: str, text: str) -> None:
    (d / rel).write_text(text, encoding="utf-8")


def wb(d: Path, rel: str, raw: bytes) -> None:
    (d / rel).write_bytes(raw)


CASES = [
    (
        1,
        lambda d: edit(d, L, "  name: Bob Example\n", "  name: Bob Example\n  name: Bobby\n"),
        [
            "data/people/leaders.yml:12:3: error: duplicate key 'name' (each key once per mapping; first defined at line 11) [duplicate-key]"
        ],
    ),
    (
        2,
        lambda d: edit(d, L, "- id: bob-example", "- id: alice-example"),
        [
            "data/meetings/meetings.yml:11:15: error: meeting 'summit-1999' › participants[1].person: unknown person 'bob-example' (did you mean 'alice-example'?) [unknown-ref]",
            "data/people/leaders.yml:10:7: error: person 'alice-example' › id: duplicate id 'alice-example' (ids are unique across all data; first used at data/people/leaders.yml:1) [duplicate-id]",
        ],
    ),
    (
        3,
        lambda d: edit(d, C, "- id: claim-1", "- id: src-1"),
        [
            "data/claims/claims.yml:1:7: error: claim 'src-1' › id: duplicate id 'src-1' (ids are unique across all data; first used at data/sources/sources.yml:1) [duplicate-id]"
        ],
    ),
    (
        4,
        lambda d: edit(d, M, "    - person: bob-example", "    - person: carol-example"),
        [
            "data/meetings/meetings.yml:11:15: error: meeting 'summit-1999' › participants[1].person: unknown person 'carol-example' (did you mean 'alice-example'?) [unknown-ref]"
        ],
    ),
    (
        5,
        lambda d: edit(d, M, "    - person: bob-example", "    - person: alice-example"),
        [
            "data/meetings/meetings.yml:11:15: error: meeting 'summit-1999' › participants[1].person: 'alice-example' is listed twice (first at participants[0].person) [repeated]"
        ],
    ),
    (
        6,
        lambda d: edit(d, C, "  sources: [src-1]", "  sources: []"),
        [
            "data/claims/claims.yml:5:12: error: claim 'claim-1' › sources: is empty (cite at least one source) [no-source]"
        ],
    ),
    (
        7,
        lambda d: edit(d, C, "  sources: [src-1]\n", ""),
        ["data/claims/claims.yml:1:3: error: claim 'claim-1' › sources: missing required field [no-source]"],
    ),
    (
        8,
        lambda d: edit(d, L, 'born: "1950-02-01"', 'born: "2024-13-01"'),
        [
            "data/people/leaders.yml:4:9: error: person 'alice-example' › born: '2024-13-01' is not a real date (month must be in 1..12) [date-format]"
        ],
    ),
    (
        9,
        lambda d: edit(d, L, 'born: "1950-02-01"', "born: 1950-02-30"),
        [
            "data/people/leaders.yml:4:9: error: person 'alice-example' › born: '1950-02-30' is not a real date (day is out of range for month) [date-format]"
        ],
    ),
    (
        10,
        lambda d: edit(d, L, 'born: "1950-02-01"', 'born: "03/02/1950"'),
        [
            "data/people/leaders.yml:4:9: error: person 'alice-example' › born: must be 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', optionally ending in '~', got '03/02/1950' [date-format]"
        ],
    ),
    (
        11,
        lambda d: edit(d, M, 'start: "1999-06-01"', 'start: "2099-01"'),
        [
            "data/meetings/meetings.yml:3:10: error: meeting 'summit-1999' › start: date '2099-01' is in the future "
            "(on or before 2026-11-25; an announced meeting has 'status: planned') [future-date]"
        ],
    ),
    (12, lambda d: edit(d, "countries/countries.yml", "iso2: BE", "iso2: NO"), []),
    (
        13,
        lambda d: edit(d, "countries/countries.yml", "iso2: BE", "iso2: no"),
        [
            "data/countries/countries.yml:7:9: error: country 'beta-land' › iso2: 'no' is not an ISO 3166-1 alpha-2 code (two capitals; quote NO as 'NO') [format]"
        ],
    ),
    (
        14,
        lambda d: edit(d, L, "name: Bob Example", "name: Bob <img src=x onerror=alert(1)>"),
        [
            "data/people/leaders.yml:11:9: error: person 'bob-example' › name: contains markup syntax '<' (plain text only) [plain-text]"
        ],
    ),
    (
        15,
        lambda d: edit(d, L, "name: Bob Example", 'name: "[Bob](javascript:alert(1))"'),
        [
            "data/people/leaders.yml:11:9: error: person 'bob-example' › name: contains markup syntax '](' (plain text only) [plain-text]"
        ],
    ),
    (
        16,
        lambda d: edit(d, S, "title: Treaty text", 'title: "{{ config.extra }}"'),
        [
            "data/sources/sources.yml:14:10: error: source 'src-2' › title: contains markup syntax '{' (plain text only) [plain-text]"
        ],
    ),
    (
        17,
        lambda d: edit(d, L, "name: Bob Example", 'name: Bob { onclick="alert(1)" }'),
        [
            "data/people/leaders.yml:11:9: error: person 'bob-example' › name: contains markup syntax '{' (plain text only) [plain-text]"
        ],
    ),
    (
        18,
        lambda d: edit(d, S, 'url: "https://example.org/treaty"', 'url: "javascript:alert(1)"'),
        [
            "data/sources/sources.yml:15:8: error: source 'src-2' › url: scheme 'javascript' not allowed (an absolute http(s) URL) [url]"
        ],
    ),
    (
        19,
        lambda d: edit(
            d, S, 'url: "https://example.org/treaty"', 'url: "data:text/html,<script>alert(1)</script>"'
        ),
        [
            "data/sources/sources.yml:15:8: error: source 'src-2' › url: scheme 'data' not allowed (an absolute http(s) URL) [url]"
        ],
    ),
    (
        20,
        lambda d: edit(d, S, 'url: "https://example.org/treaty"', "url: 'https://example.org/a b\"x'"),
        [
            "data/sources/sources.yml:15:8: error: source 'src-2' › url: contains whitespace, quotes or control characters (an absolute http(s) URL) [url]"
        ],
    ),
    (
        21,
        lambda d: edit(
            d,
            S,
            'url: "https://example.org/treaty"',
            'url: "https://example.org/treaty"\n  archive_url: "https://web.archive.org/web/2005/https://example.org/treaty"',
        ),
        [
            "data/sources/sources.yml:16:16: error: source 'src-2' › archive_url: is not a Wayback snapshot (https://web.archive.org/web/<14 digits>/<url>) [url]"
        ],
    ),
    (
        22,
        lambda d: edit(d, S, "title: Treaty text", "title: 1.10"),
        [
            "data/sources/sources.yml:14:10: error: source 'src-2' › title: must be text, got number 1.1 (quote it) [wrong-type]"
        ],
    ),
    (
        23,
        lambda d: edit(d, L, "name: Bob Example", "nmae: Bob Example"),
        [
            # one mistake, one line: not also "name: missing required field"
            "data/people/leaders.yml:11:3: error: person 'bob-example': unknown field 'nmae' (did you mean 'name'?) [unknown-field]",
        ],
    ),
    (
        24,
        lambda d: edit(d, L, "  name: Bob Example\n", ""),
        [
            "data/people/leaders.yml:10:3: error: person 'bob-example' › name: missing required field [missing-field]"
        ],
    ),
    (
        25,
        lambda d: edit(d, L, "- id: bob-example", "- id: Bob Example"),
        [
            "data/meetings/meetings.yml:11:15: error: meeting 'summit-1999' › participants[1].person: unknown person 'bob-example' (did you mean 'alice-example'?) [unknown-ref]",
            "data/people/leaders.yml:10:7: error: person 'Bob Example' › id: id 'Bob Example' is not kebab-case (lower-case a-z, 0-9 and single hyphens) [id-format]",
        ],
    ),
    (
        26,
        lambda d: edit(d, L, "- id: bob-example", '- id: "bob-example\u200b"'),
        [
            "data/meetings/meetings.yml:11:15: error: meeting 'summit-1999' › participants[1].person: unknown person 'bob-example' (did you mean 'alice-example'?) [unknown-ref]",
            "data/people/leaders.yml:10:7: error: person 'bob-example\\u200b' › id: id 'bob-example\\u200b' contains U+200B (ids use only a-z, 0-9 and hyphens) [id-format]",
        ],
    ),
    (
        27,
        lambda d: edit(d, L, "- id: bob-example", "- id: b\u043eb-example"),
        [
            "data/meetings/meetings.yml:11:15: error: meeting 'summit-1999' › participants[1].person: unknown person 'bob-example' (did you mean 'alice-example'?) [unknown-ref]",
            "data/people/leaders.yml:10:7: error: person 'bоb-example' › id: id 'bоb-example' contains U+043E (ids use only a-z, 0-9 and hyphens) [id-format]",
        ],
    ),
    (
        28,
        lambda d: edit(d, C, "text: The summit took place.", 'text: "The summit \u202etook place."'),
        [
            "data/claims/claims.yml:2:9: error: claim 'claim-1' › text: contains invisible/control character U+202E (remove it) [plain-text]"
        ],
    ),
    (
        29,
        lambda d: edit(d, L, "name: Bob Example", 'name: "Jose\u0301 Example"'),
        [
            "data/people/leaders.yml:11:9: error: person 'bob-example' › name: is not NFC-normalised (re-type the accented letters) [plain-text]"
        ],
    ),
    (
        30,
        lambda d: edit(d, L, "  country: beta-land", "\tcountry: beta-land"),
        [
            "data/people/leaders.yml:12:1: error: tab character (indent and separate with spaces) [yaml-syntax]"
        ],
    ),
    (
        31,
        lambda d: wb(d, L, b"\xef\xbb\xbf" + (d / L).read_bytes()),
        ["data/people/leaders.yml:1:1: error: UTF-8 byte-order mark (BOM) (save without BOM) [encoding]"],
    ),
    (
        32,
        lambda d: wb(d, L, (d / L).read_bytes().replace(b"Bob Example", "Böb Example".encode("latin-1"))),
        ["data/people/leaders.yml:11:10: error: not valid UTF-8 (byte 0xf6) (save as UTF-8) [encoding]"],
    ),
    (
        33,
        lambda d: w(d, C, ""),
        ["data/claims/claims.yml:1:1: error: file is empty (a list of records) [empty-file]"],
    ),
    (
        34,
        lambda d: w(d, C, "# nothing here yet\n"),
        [
            "data/claims/claims.yml:1:1: error: file contains no records (only comments?) (a list of records) [empty-file]"
        ],
    ),
    (
        35,
        lambda d: w(d, C, "id: claim-1\ntext: x\n"),
        [
            "data/claims/claims.yml:1:1: error: top level must be a list of records, got mapping (start each record with '- id: ...') [not-a-list]"
        ],
    ),
    (
        36,
        lambda d: w(d, C, (d / C).read_text() + "---\n- id: claim-2\n"),
        [
            "data/claims/claims.yml:6:1: error: a second YAML document ('---') (one list of records per file) [yaml-syntax]"
        ],
    ),
    (
        37,
        lambda d: edit(
            d, L, "- id: bob-example\n  name: Bob Example", "- id: bob-example\n  name: &n Bob Example"
        ),
        [
            "data/people/leaders.yml:11:9: error: anchor &n not allowed in data files (write the value out in full) [yaml-anchor]"
        ],
    ),
    (
        38,
        lambda d: w(d, C, 'a: &a ["x","x"]\nb: &b [*a,*a]\n'),
        [
            "data/claims/claims.yml:1:4: error: anchor &a not allowed in data files (write the value out in full) [yaml-anchor]"
        ],
    ),
    (
        39,
        lambda d: w(d, C, '- !!python/object/apply:os.system ["echo pwned"]\n'),
        [
            "data/claims/claims.yml:1:3: error: tag 'tag:yaml.org,2002:python/object/apply:os.system' not allowed in data files (plain values only) [yaml-tag]"
        ],
    ),
    (
        40,
        lambda d: w(d, C, "- id: deep\n  text: " + "[" * 600 + "]" * 600 + "\n"),
        [
            "data/claims/claims.yml:2:27: error: YAML nesting deeper than 20 levels (flatten the record) [yaml-nesting]"
        ],
    ),
    (
        41,
        lambda d: w(d, C, '- id: big\n  text: "' + "x" * 1100000 + '"\n'),
        [
            "data/claims/claims.yml:0:0: error: file is 1100021 bytes, limit is 1000000 (split it into several files) [file-size]"
        ],
    ),
    (
        42,
        lambda d: shutil.rmtree(d / "disputes"),
        [
            "data/disputes/:0:0: error: required data folder is missing or has no .yml file (records of kind 'dispute') [layout]"
        ],
    ),
    (
        43,
        lambda d: edit(d, L, "name: Bob Example", 'name: "Bob Example'),
        [
            "data/people/leaders.yml:11:9: error: YAML syntax: found unexpected end of stream (while scanning a quoted scalar) [yaml-syntax]"
        ],
    ),
]


@pytest.mark.parametrize(("number", "breakage", "expected"), CASES, ids=[f"s11-{c[0]}" for c in CASES])
def test_bad_input_reports_exact_lines(data_dir: Path, number: int, breakage, expected: list[str]) -> None:
    breakage(data_dir)
    assert report(data_dir) == expected


def test_norway_stays_a_string(data_dir: Path) -> None:
    """§11 #12: unquoted NO is the country code, not false."""
    from conftest import TODAY

    from macros.core.dataset import build_dataset

    edit(data_dir, "countries/countries.yml", "iso2: BE", "iso2: NO")
    dataset = build_dataset(data_dir, today=TODAY)
    assert dataset.countries["beta-land"].iso2 == "NO"


def test_every_section_11_case_is_covered() -> None:
    assert sorted(c[0] for c in CASES) == list(range(1, 44))
