"""data/ -> typed records, keeping file:line:col for every record and field.

Layout: one folder per kind (`data/people/`, `data/sources/` …, see `models.DATA_FOLDERS`);
every `*.yml` file in a folder is a list of records of that kind. Files may group
records however helps review. This module reads and validates records one by one; rules
that span records (references, dates, usage) live in `checks.py`.

A record that fails validation is not dropped from the checks: it is kept as an `Entry`
with its raw mapping, so that its references and dates are still checked (and records
that name it still find it) in the same run. Only records that validate reach the
Dataset. Every problem carries its rule id (rules.py).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .errors import DataError
from .fields import ID_RE
from .files import FileProblem, list_folder, read_regular
from .layout import check_layout, data_files, file_problem, shown_path
from .messages import misspelt, pydantic_error
from .models import DATA_FOLDERS, KINDS, OPTIONAL_KINDS, Record
from .refs import FieldPath, format_path
from .yaml_strict import MAX_BYTES, Pos, YamlProblem, YList, YMap, parse


@dataclass(frozen=True)
class RecordLocation:
    """Where a record was written: its file and its raw mapping (for field positions)."""

    path: str
    raw: YMap

    @property
    def pos(self) -> Pos:
        return self.raw.pos

    def locate(self, path: FieldPath, *, key: bool = False) -> Pos:
        """Line and column of a field (its value, or its key if `key`), else the nearest parent."""
        node: Any = self.raw
        pos = self.raw.pos
        for i, part in enumerate(path):
            last = i == len(path) - 1
            if isinstance(node, YMap) and isinstance(part, str) and part in node:
                pos = node.key_pos[part] if (last and key) else node.value_pos[part]
                node = node[part]
            elif isinstance(node, YList) and isinstance(part, int) and part < len(node):
                pos = node.item_pos[part]
                node = node[part]
            else:
                break
        return pos


@dataclass(frozen=True)
class Entry:
    """A record as read: its kind, id (as written), place, and the model if it validated."""

    kind: str
    id: str
    where: RecordLocation
    record: Record | None = None


@dataclass
class LoadResult:
    records: dict[str, dict[str, Record]] = field(default_factory=lambda: {k: {} for k in KINDS})
    locations: dict[str, RecordLocation] = field(default_factory=dict)
    kind_of: dict[str, str] = field(default_factory=dict)
    errors: list[DataError] = field(default_factory=list)
    unreadable_kinds: set[str] = field(default_factory=set)
    entries: list[Entry] = field(default_factory=list)  # every record read, valid or not
    seen: dict[str, Entry] = field(default_factory=dict)  # id as written -> its first record
    duplicate_ids: set[str] = field(default_factory=set)
    files: list[str] = field(default_factory=list)

    def kind_named(self, rid: str) -> str | None:
        """The kind of the record with this id, whether or not it validated."""
        entry = self.seen.get(rid)
        return entry.kind if entry else None


def load(data_dir: Path, display_root: Path | None = None) -> LoadResult:
    """Read every data file; never stops at the first problem."""
    root = display_root or data_dir.parent
    result = LoadResult()
    try:
        entries = list_folder(data_dir)
    except FileProblem as p:
        message = "data folder is missing" if not os.path.lexists(data_dir) else f"data folder {p.message}"
        result.errors.append(DataError(shown_path(data_dir, root), 0, 0, message, p.expected, rule="layout"))
        return result
    check_layout(entries, root, result.errors)
    for kind, folder in DATA_FOLDERS.items():
        files = data_files(data_dir / folder, root, result.errors)
        if files is None:
            result.unreadable_kinds.add(kind)
            continue
        if not files and kind not in OPTIONAL_KINDS:
            result.unreadable_kinds.add(kind)
            result.errors.append(
                DataError(
                    f"{shown_path(data_dir / folder, root)}/",
                    0,
                    0,
                    "required data folder is missing or has no .yml file",
                    f"records of kind '{kind}'",
                    rule="layout",
                )
            )
        for path in files:
            _load_file(kind, path, shown_path(path, root), result)
    return result


def _load_file(kind: str, path: Path, shown: str, result: LoadResult) -> None:
    """Read, parse and load one data file's records into `result`. Long only because each of
    its five ways to fail is one DataError spelled out; each returns at once."""
    result.files.append(shown)
    try:
        raw = read_regular(path, MAX_BYTES)
    except FileProblem as p:
        result.unreadable_kinds.add(kind)
        result.errors.append(file_problem(shown, p, "file"))
        return
    try:
        tree = parse(raw)
    except YamlProblem as p:
        result.unreadable_kinds.add(kind)
        result.errors.append(DataError(shown, p.line, p.col, p.message, p.expected, rule=p.rule))
        return
    if tree is None:
        problem = "file contains no records (only comments?)" if raw.strip() else "file is empty"
        result.errors.append(DataError(shown, 1, 1, problem, "a list of records", rule="empty-file"))
        return
    if not isinstance(tree, YList):
        got = "mapping" if isinstance(tree, YMap) else type(tree).__name__
        result.unreadable_kinds.add(kind)
        result.errors.append(
            DataError(
                shown,
                1,
                1,
                f"top level must be a list of records, got {got}",
                "start each record with '- id: ...'",
                rule="not-a-list",
            )
        )
        return
    for index, raw_record in enumerate(tree):
        line, col = tree.item_pos[index]
        if not isinstance(raw_record, YMap):
            result.errors.append(
                DataError(
                    shown,
                    line,
                    col,
                    f"record {index + 1} is not a mapping",
                    "fields such as 'id: ...'",
                    kind=kind,
                    rule="not-a-record",
                )
            )
            continue
        _load_record(kind, raw_record, RecordLocation(shown, raw_record), result)


def _null_paths(node: Any, path: FieldPath = ()) -> Iterator[FieldPath]:
    """Where a value was left empty (`title:` with nothing after it, or a bare `-`)."""
    if node is None:
        yield path
        return
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        if value is None:
            yield (*path, key)
        elif isinstance(value, dict | list):  # a scalar below costs no call
            yield from _null_paths(value, (*path, key))


def _has_empty(node: dict[str, Any] | list[Any]) -> bool:
    """Whether any value under `node` was left empty: the quick test done on every record
    (nearly all have none) before `_null_paths` says where."""
    values = node.values() if isinstance(node, dict) else node
    if None in values:
        return True
    return any(isinstance(value, dict | list) and _has_empty(value) for value in values)


def _under(loc: FieldPath, nulls: list[FieldPath], etype: str) -> bool:
    """An error caused by an empty value: at or below it, or a model's own check above it."""
    return any(
        loc[: len(n)] == n or (n[: len(loc)] == loc and etype not in ("missing", "extra_forbidden"))
        for n in nulls
    )


def _fill_in(kind: str, rid: str, where: RecordLocation, path: FieldPath) -> DataError:
    line, col = where.locate(path)
    return DataError(
        where.path, line, col, "is empty", "fill it in", kind, rid, format_path(path), rule="fill-in"
    )


def _load_record(kind: str, raw: YMap, where: RecordLocation, result: LoadResult) -> None:
    raw_id = raw.get("id")
    rid = raw_id if isinstance(raw_id, str) else ""
    if rid in result.seen:
        first = result.seen[rid].where
        result.duplicate_ids.add(rid)  # references to it are ambiguous; do not report them too
        line, col = where.locate(("id",))
        result.errors.append(
            DataError(
                where.path,
                line,
                col,
                f"duplicate id '{rid}'",
                f"ids are unique across all data; first used at {first.path}:{first.pos[0]}",
                kind=kind,
                id=rid,
                field="id",
                rule="duplicate-id",
            )
        )
    nulls = list(_null_paths(raw)) if _has_empty(raw) else []
    result.errors.extend(_fill_in(kind, rid, where, path) for path in nulls)
    record: Record | None = None
    try:
        record = KINDS[kind].model_validate(dict(raw))
    except ValidationError as exc:
        for err in misspelt(KINDS[kind], exc.errors()):
            if not _under(tuple(err["loc"]), nulls, err["type"]):
                result.errors.append(pydantic_error(kind, rid, KINDS[kind], err, where))
    entry = Entry(kind, rid, where, record)
    result.entries.append(entry)
    if ID_RE.match(rid) and rid not in result.seen:  # a malformed id can be no reference's target
        result.seen[rid] = entry
        if record is not None and not nulls:
            result.records[kind][rid] = record
            result.locations[rid] = where
            result.kind_of[rid] = kind
