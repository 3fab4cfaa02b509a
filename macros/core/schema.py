"""JSON Schemas of the data files, generated from the models, for editors.

One schema per kind: a data file is a list of records, so each schema is an array of the
kind's record schema. They are written to `data/schemas/<kind>.schema.json` by
`python -m macros schema` (committed; a test fails when they drift from the models) and
mapped to `data/<folder>/*.yml` in `.vscode/settings.json`, so that an editor with the
YAML language server underlines a misspelled field, a missing source or a malformed date
while the contributor types.

A schema sees one file: it cannot know whether an id exists or is used twice across the
data, nor every calendar rule; `python -m macros check` remains the judge.
"""

from __future__ import annotations

import json
from typing import Any

from .fields import DATE_RE
from .models import DATA_FOLDERS, KINDS, SCHEMA_FOLDER

DRAFT = "https://json-schema.org/draft/2020-12/schema"
# Months 01-12 and days 01-31: stricter than the check's own pattern, which leaves the
# calendar to Python (so an editor flags '2024-13-01' and the check flags '2023-02-29').
DATE_PATTERN = r"^[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?~?$"


def _clean(node: Any) -> Any:
    """Optional fields are left out, never written empty: drop the `null` branches and
    defaults pydantic adds, and use the calendar-aware date pattern."""
    if isinstance(node, list):
        return [_clean(item) for item in node]
    if not isinstance(node, dict):
        return node
    # "title" annotations repeat the field names; a property *named* title is a mapping.
    out = {k: _clean(v) for k, v in node.items() if not (k == "title" and isinstance(v, str))}
    branches = out.get("anyOf")
    if isinstance(branches, list) and {"type": "null"} in branches:
        rest = [b for b in branches if b != {"type": "null"}]
        del out["anyOf"]
        out = {**rest[0], **out} if len(rest) == 1 else {"anyOf": rest, **out}
    if out.get("default", 0) is None:
        del out["default"]
    if out.get("pattern") == DATE_RE.pattern:
        out["pattern"] = DATE_PATTERN
    return out


def kind_schema(kind: str) -> dict[str, Any]:
    """The schema of one data file of `kind`: a list of records."""
    record = _clean(KINDS[kind].model_json_schema(ref_template="#/$defs/{model}"))
    defs = record.pop("$defs", {})
    name = KINDS[kind].__name__
    defs[name] = record
    return {
        "$schema": DRAFT,
        "$id": f"{kind}.schema.json",
        "title": f"data/{DATA_FOLDERS[kind]}/*.yml: a list of {kind} records",
        "description": "Generated from the models by `python -m macros schema`; do not edit.",
        "type": "array",
        "items": {"$ref": f"#/$defs/{name}"},
        "$defs": dict(sorted(defs.items())),
    }


def schema_files() -> dict[str, str]:
    """File name under data/schemas/ -> its text, for every kind."""
    return {
        f"{kind}.schema.json": json.dumps(kind_schema(kind), indent=2, ensure_ascii=False) + "\n"
        for kind in KINDS
    }


def editor_settings(existing: dict[str, Any]) -> dict[str, Any]:
    """`.vscode/settings.json` with `yaml.schemas` mapping each folder to its schema."""
    mapping = {
        f"./data/{SCHEMA_FOLDER}/{kind}.schema.json": [f"data/{folder}/*.yml"]
        for kind, folder in DATA_FOLDERS.items()
    }
    return {**existing, "yaml.schemas": mapping}
