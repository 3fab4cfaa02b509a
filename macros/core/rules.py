"""Every rule the data check applies, by id: what it means and an example of its line.

Each problem the check reports ends with its rule id in brackets (`[unknown-ref]`). This
table is the one list of them: data/README.md and CONTRIBUTING.md are generated from it
(`python -m macros schema`), and a test fails if a problem is reported under an id that is
not here. Warnings (and only warnings) may be excused on a record with a reviewed
exception (`exceptions:`, see base.RuleException).
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import Severity


@dataclass(frozen=True)
class Rule:
    severity: Severity
    meaning: str
    example: str  # the line `make check` prints, as a contributor sees it


R = Rule
RULES: dict[str, Rule] = {
    # -- the file itself ---------------------------------------------------------------
    "layout": R(
        "error",
        "a folder or file is not where data lives: records go in data/<kind folder>/*.yml",
        "data/peeple/:0:0: error: unknown data folder 'peeple' (did you mean 'people'?) [layout]",
    ),
    "encoding": R(
        "error",
        "the file is not plain UTF-8 text (a byte-order mark, another encoding, a NUL or other control character)",
        "data/people/leaders.yml:1:1: error: UTF-8 byte-order mark (BOM) (save without BOM) [encoding]",
    ),
    "file-size": R(
        "error",
        "the file is over 1 MB: split it into several files",
        "data/claims/big.yml:0:0: error: file is 1100021 bytes, limit is 1000000 "
        "(split it into several files) [file-size]",
    ),
    "file": R(
        "error",
        "a data file that cannot be read as one: a symbolic link, a pipe, a device, or no permission",
        "data/people/extra.yml:0:0: error: is a symbolic link (data files are regular .yml files inside "
        "data/) [file]",
    ),
    "yaml-syntax": R(
        "error",
        "the YAML cannot be read: an unclosed quote, a tab, bad indentation, a second document",
        "data/people/leaders.yml:11:9: error: YAML syntax: found unexpected end of stream "
        "(while scanning a quoted scalar) [yaml-syntax]",
    ),
    "yaml-anchor": R(
        "error",
        "anchors (&a) and aliases (*a) are not allowed: write each value out",
        "data/people/leaders.yml:11:9: error: anchor &n not allowed in data files "
        "(write the value out in full) [yaml-anchor]",
    ),
    "yaml-tag": R(
        "error",
        "explicit tags (!!python/…, !!str) are not allowed: plain values only",
        "data/claims/claims.yml:1:3: error: tag 'tag:yaml.org,2002:python/object/apply:os.system' "
        "not allowed in data files (plain values only) [yaml-tag]",
    ),
    "yaml-nesting": R(
        "error",
        "values nested more than 20 levels deep",
        "data/claims/claims.yml:2:27: error: YAML nesting deeper than 20 levels (flatten the record) [yaml-nesting]",
    ),
    "number": R(
        "error",
        "a number with more than 15 digits: quote it if it is text",
        "data/claims/claims.yml:2:19: error: number with 5000 digits (at most 15) (quote it if it is text) [number]",
    ),
    "duplicate-key": R(
        "error",
        "the same key twice in one mapping (YAML would silently keep only the last)",
        "data/people/leaders.yml:12:3: error: duplicate key 'name' "
        "(each key once per mapping; first defined at line 11) [duplicate-key]",
    ),
    "empty-file": R(
        "error",
        "a data file with no records",
        "data/claims/claims.yml:1:1: error: file is empty (a list of records) [empty-file]",
    ),
    "not-a-list": R(
        "error",
        "the file must be a list of records, each starting with '- id: …'",
        "data/claims/claims.yml:1:1: error: top level must be a list of records, got mapping "
        "(start each record with '- id: ...') [not-a-list]",
    ),
    "not-a-record": R(
        "error",
        "an item of the list is not a mapping of fields",
        "data/claims/claims.yml:4:3: error: claim: record 2 is not a mapping (fields such as 'id: ...') [not-a-record]",
    ),
    # -- one record -------------------------------------------------------------------
    "fill-in": R(
        "error",
        "a field is left empty (as `python -m macros new` writes it): fill it in, or delete "
        "the line if the field is optional",
        "data/meetings/ankara-2026.yml:3:9: error: meeting 'ankara-2026' › title: is empty "
        "(fill it in) [fill-in]",
    ),
    "unknown-field": R(
        "error",
        "a field the kind does not have (often a typo)",
        "data/people/leaders.yml:11:3: error: person 'bob-example': unknown field 'nmae' "
        "(did you mean 'name'?) [unknown-field]",
    ),
    "missing-field": R(
        "error",
        "a required field is missing",
        "data/people/leaders.yml:10:3: error: person 'bob-example' › name: missing required field [missing-field]",
    ),
    "no-source": R(
        "error",
        "a claim, meeting, event or office cites no source: every statement cites at least one",
        "data/claims/claims.yml:5:12: error: claim 'claim-1' › sources: is empty "
        "(cite at least one source) [no-source]",
    ),
    "empty-list": R(
        "error",
        "a list that needs at least one item is empty",
        "data/meetings/m.yml:9:17: error: meeting 'm' › participants: is empty (at least one item) [empty-list]",
    ),
    "not-allowed": R(
        "error",
        "a value outside the field's closed list",
        "data/claims/claims.yml:3:9: error: claim 'claim-1' › kind: 'rumour' is not allowed "
        "(one of 'fact', 'statement', 'opinion', 'allegation') [not-allowed]",
    ),
    "wrong-type": R(
        "error",
        "a value of the wrong shape: a number for text, a list for a mapping …",
        "data/claims/claims.yml:5:18: error: claim 'c' › asserted_by[0]: expected an id, or a mapping "
        "with 'entity' (and optionally 'body'), got number 5 [wrong-type]",
    ),
    "id-format": R(
        "error",
        "an id that is not kebab-case (a-z, 0-9 and single hyphens)",
        "data/people/leaders.yml:10:7: error: person 'Bob Example' › id: id 'Bob Example' is not "
        "kebab-case (lower-case a-z, 0-9 and single hyphens) [id-format]",
    ),
    "plain-text": R(
        "error",
        "text with markup, invisible characters, stray spaces or decomposed accents",
        "data/people/leaders.yml:11:9: error: person 'bob-example' › name: contains markup syntax '<' "
        "(plain text only) [plain-text]",
    ),
    "url": R(
        "error",
        "a URL that is not an absolute http(s) address",
        "data/sources/sources.yml:15:8: error: source 'src-2' › url: scheme 'javascript' not allowed "
        "(an absolute http(s) URL) [url]",
    ),
    "format": R(
        "error",
        "a code that does not have its format: language tag, Wikidata id, ISO country code",
        "data/countries/countries.yml:7:9: error: country 'beta-land' › iso2: 'no' is not an ISO 3166-1 "
        "alpha-2 code (two capitals; quote NO as 'NO') [format]",
    ),
    "date-format": R(
        "error",
        "a date that is not 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (quoted), or that does not exist",
        "data/people/leaders.yml:4:9: error: person 'alice-example' › born: '2024-13-01' is not a real "
        "date (month must be in 1..12) [date-format]",
    ),
    "invalid": R(
        "error",
        "a value the field does not accept (the message says why)",
        "data/claims/claims.yml:8:13: error: claim 'c' › audit.number: Input should be greater than "
        "or equal to 1 [invalid]",
    ),
    "needs-asserted-by": R(
        "error",
        "a statement, opinion or allegation must say who makes it",
        "data/claims/claims.yml:1:3: error: claim 'claim-1': a opinion needs 'asserted_by' (who says it) "
        "[needs-asserted-by]",
    ),
    "verdict-note": R(
        "error",
        "a verdict note without a verdict",
        "data/claims/a.yml:1:3: error: claim 'c': 'verdict_note' without a 'verdict' [verdict-note]",
    ),
    "verdict-evidence": R(
        "error",
        "a verdict of supported, partly supported or contested must give its evidence",
        "data/claims/a.yml:1:3: error: claim 'c': verdict 'supported' needs 'evidence' "
        "(the sources that show it) [verdict-evidence]",
    ),
    "self-relation": R(
        "error",
        "a relation from a country to itself",
        "data/claims/a.yml:1:3: error: claim 'c': a relation links a country to itself [self-relation]",
    ),
    "names-no-one": R(
        "error",
        "a participant or author with neither a person, a country nor a name",
        "data/meetings/m.yml:12:7: error: meeting 'm' › participants[1]: names no one "
        "(give 'person', 'country' or both) [names-no-one]",
    ),
    "position-stated": R(
        "error",
        "a dispute party's position needs a summary with sources, or `not_found: true`",
        "data/disputes/d.yml:9:7: error: dispute 'd' › positions[0]: needs 'summary' and 'sources' "
        "(or 'not_found: true' with a 'note') [position-stated]",
    ),
    "summary-sources": R(
        "error",
        "a summary needs its sources (a person's sources, a dispute's summary_sources)",
        "data/disputes/d.yml:1:3: error: dispute 'd': 'summary' needs 'summary_sources' "
        "(every factual sentence cites a source) [summary-sources]",
    ),
    "needs-title": R(
        "error",
        "a source needs a title, or a title_note describing an untitled item",
        "data/sources/s.yml:1:3: error: source 's': has neither 'title' nor 'title_note' "
        "(describe the item if it has no headline) [needs-title]",
    ),
    # -- across records ---------------------------------------------------------------
    "duplicate-id": R(
        "error",
        "two records with the same id (ids are unique across all of data/)",
        "data/claims/claims.yml:1:7: error: claim 'src-1' › id: duplicate id 'src-1' "
        "(ids are unique across all data; first used at data/sources/sources.yml:1) [duplicate-id]",
    ),
    "unknown-ref": R(
        "error",
        "an id that names no record (often a typo: the message suggests the nearest id)",
        "data/meetings/meetings.yml:11:15: error: meeting 'summit-1999' › participants[1].person: unknown "
        "person 'carol-example' (did you mean 'alice-example'?) [unknown-ref]",
    ),
    "wrong-kind-ref": R(
        "error",
        "an id of a record of the wrong kind (a meeting where a person is expected …)",
        "data/claims/claims.yml:5:26: error: claim 'claim-1' › asserted_by[0].entity: 'summit-1999' is a "
        "meeting, not a person or country or source [wrong-kind-ref]",
    ),
    "self-ref": R(
        "error",
        "a record that refers to itself",
        "data/claims/a.yml:4:10: error: claim 'c' › about[0]: refers to the record itself [self-ref]",
    ),
    "repeated": R(
        "error",
        "the same id twice in one list",
        "data/meetings/meetings.yml:11:15: error: meeting 'summit-1999' › participants[1].person: "
        "'alice-example' is listed twice (first at participants[0].person) [repeated]",
    ),
    "future-date": R(
        "error",
        "a date after today (only a meeting with `status: planned` may lie in the future)",
        "data/meetings/meetings.yml:3:10: error: meeting 'summit-1999' › start: date '2099-01' is in the "
        "future (on or before 2026-11-25; an announced meeting has 'status: planned') [future-date]",
    ),
    "date-order": R(
        "error",
        "an end date before its start",
        "data/people/leaders.yml:8:12: error: person 'alice-example' › offices[0].end: ends (2001-04) "
        "before it starts (2001-05-01) (end on or after start) [date-order]",
    ),
    "review-against": R(
        "error",
        "a claim's review names a source the claim does not cite",
        "data/claims/a.yml:9:17: error: claim 'c' › reviewed.against[0]: 'x' is not among the claim's "
        "sources or evidence (a review checks the claim against what it cites) [review-against]",
    ),
    "party-position": R(
        "error",
        "every party of a dispute has an entry in its positions (sourced, or not_found)",
        "data/disputes/d.yml:3:20: error: dispute 'd' › parties[1]: party 'beta-land' has no entry in "
        "'positions' (a sourced position, or 'not_found: true' if no statement of it was found) [party-position]",
    ),
    "exception": R(
        "error",
        "a reviewed exception names a rule the record does not break, or one that is an error",
        "data/sources/s.yml:12:11: error: source 's' › exceptions[0]: no 'unused-source' warning to "
        "excuse (remove the exception) [exception]",
    ),
    # -- warnings ---------------------------------------------------------------------
    "unused-source": R(
        "warning",
        "a source no record cites (cite it, remove it, or give a reviewed exception)",
        "data/sources/sources.yml:10:7: warning: source 'src-2' › id: is not cited by any record "
        "(cite it or remove it) [unused-source]",
    ),
    "stale-review": R(
        "warning",
        "a claim last reviewed (reviewed.on), or a source last opened (accessed), over 12 months "
        "ago (`--review-age MONTHS`)",
        "data/claims/a.yml:20:9: warning: claim 'c' › reviewed.on: last reviewed 2025-06-01, over 12 "
        "months ago (check it against its sources again) [stale-review]",
    ),
    "planned-past": R(
        "warning",
        "a meeting still marked `status: planned` whose dates have passed",
        "data/meetings/m.yml:4:10: warning: meeting 'm' › status: planned, but its date 2026-03-01 has "
        "passed (mark it held, with sources, or correct the date) [planned-past]",
    ),
}
WARNING_RULES = frozenset(rid for rid, rule in RULES.items() if rule.severity == "warning")
