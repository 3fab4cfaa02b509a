"""data/ -> typed records, keeping file:line:col for every record and field.

Layout: one folder per kind (`data/people/`, `data/sources/` …, see `models.DATA_FOLDERS`);
every `*.yml` file in a folder is a list of records of that kind. Files may group
records however helps review. This module reads and validates records one by one; rules
that span records (references, dates, usage) live in `checks.py`.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import DataError
from .files import FileProblem, entry_kind, list_folder, read_regular, visible
from .models import DATA_FOLDERS, KINDS, Record
from .refs import FieldPath, format_path, unwrap
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


@dataclass
class LoadResult:
    records: dict[str, dict[str, Record]] = field(default_factory=lambda: {k: {} for k in KINDS})
    locations: dict[str, RecordLocation] = field(default_factory=dict)
    kind_of: dict[str, str] = field(default_factory=dict)
    errors: list[DataError] = field(default_factory=list)
    unreadable_kinds: set[str] = field(default_factory=set)
    broken_ids: set[str] = field(default_factory=set)
    files: list[str] = field(default_factory=list)


def load(data_dir: Path, display_root: Path | None = None) -> LoadResult:
    """Read every data file; never stops at the first problem."""
    root = display_root or data_dir.parent
    result = LoadResult()
    try:
        entries = list_folder(data_dir)
    except FileProblem as p:
        message = "data folder is missing" if not os.path.lexists(data_dir) else f"data folder {p.message}"
        result.errors.append(DataError(_show(data_dir, root), 0, 0, message, p.expected))
        return result
    _check_layout(entries, root, result)
    for kind, folder in DATA_FOLDERS.items():
        files = _data_files(data_dir / folder, root, result)
        if files is None:
            result.unreadable_kinds.add(kind)
            continue
        if not files:
            result.unreadable_kinds.add(kind)
            result.errors.append(
                DataError(
                    f"{_show(data_dir / folder, root)}/",
                    0,
                    0,
                    "required data folder is missing or has no .yml file",
                    f"records of kind '{kind}'",
                )
            )
        for path in files:
            _load_file(kind, path, _show(path, root), result)
    return result


def _show(path: Path, root: Path) -> str:
    """The path as printed: relative to the project, links not followed, characters
    that could hide or forge part of the line escaped."""
    absolute, base = os.path.abspath(path), os.path.abspath(root)
    shown = os.path.relpath(absolute, base) if absolute.startswith(base + os.sep) else str(path)
    return visible(Path(shown).as_posix())


def _problem(shown: str, p: FileProblem) -> DataError:
    return DataError(shown, 0, 0, p.message, p.expected)


def _data_files(folder: Path, root: Path, result: LoadResult) -> list[Path] | None:
    """The .yml entries of a kind folder (each is checked to be a regular file when read),
    or None if the folder itself is unusable (which is reported here)."""
    if not os.path.lexists(folder):
        return []
    try:
        entries = list_folder(folder)
    except FileProblem as p:
        result.errors.append(_problem(f"{_show(folder, root)}/", p))
        return None
    for entry in entries:
        if entry.suffix not in (".yml", ".md") and not entry.name.startswith("."):
            result.errors.append(
                DataError(_show(entry, root), 0, 0, "not a data file", "data files end in .yml")
            )
    return [e for e in entries if e.suffix == ".yml"]


def _check_layout(entries: list[Path], root: Path, result: LoadResult) -> None:
    known = set(DATA_FOLDERS.values())
    for entry in entries:
        shown = _show(entry, root)
        if entry.name.startswith(".") or entry.suffix == ".md" or entry.name in known:
            continue  # kind folders are checked when their files are listed
        try:
            kind = entry_kind(entry)
        except FileProblem as p:
            result.errors.append(_problem(shown, p))
            continue
        if kind == "folder":
            hint = difflib.get_close_matches(entry.name, sorted(known), n=1)
            expected = f"did you mean '{hint[0]}'?" if hint else "one of " + ", ".join(sorted(known))
            result.errors.append(
                DataError(f"{shown}/", 0, 0, f"unknown data folder '{visible(entry.name)}'", expected)
            )
        else:
            result.errors.append(
                DataError(shown, 0, 0, "file outside a kind folder", "put records in data/<kind>/*.yml")
            )


def _load_file(kind: str, path: Path, shown: str, result: LoadResult) -> None:
    result.files.append(shown)
    try:
        raw = read_regular(path, MAX_BYTES)
    except FileProblem as p:
        result.unreadable_kinds.add(kind)
        result.errors.append(_problem(shown, p))
        return
    try:
        tree = parse(raw)
    except YamlProblem as p:
        result.unreadable_kinds.add(kind)
        result.errors.append(DataError(shown, p.line, p.col, p.message, p.expected))
        return
    if tree is None:
        problem = "file contains no records (only comments?)" if raw.strip() else "file is empty"
        result.errors.append(DataError(shown, 1, 1, problem, "a list of records"))
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
                )
            )
            continue
        _load_record(kind, raw_record, RecordLocation(shown, raw_record), result)


def _load_record(kind: str, raw: YMap, where: RecordLocation, result: LoadResult) -> None:
    raw_id = raw.get("id")
    rid = raw_id if isinstance(raw_id, str) else ""
    try:
        record = KINDS[kind].model_validate(dict(raw))
    except ValidationError as exc:
        if rid:
            result.broken_ids.add(rid)
        for err in exc.errors():
            result.errors.append(_pydantic_error(kind, rid, KINDS[kind], err, where))
        return
    rid = record.id
    if rid in result.locations:
        first = result.locations[rid]
        result.broken_ids.add(rid)  # references to it are ambiguous; do not report them too
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
            )
        )
        return
    result.records[kind][rid] = record
    result.locations[rid] = where
    result.kind_of[rid] = kind


def _model_at(model: type[BaseModel], loc: FieldPath) -> type[BaseModel] | None:
    current: Any = model
    for part in loc:
        base, _ = unwrap(current)
        if isinstance(part, int):
            args = getattr(base, "__args__", ())
            current = args[0] if args else None
        elif isinstance(base, type) and issubclass(base, BaseModel) and part in base.model_fields:
            current = base.model_fields[part].annotation
        else:
            return None
    base, _ = unwrap(current)
    return base if isinstance(base, type) and issubclass(base, BaseModel) else None


def _pydantic_error(
    kind: str, rid: str, model: type[BaseModel], err: Any, where: RecordLocation
) -> DataError:
    loc: FieldPath = tuple(err["loc"])
    etype = err["type"]
    expected = ""
    if etype == "extra_forbidden":
        parent = _model_at(model, loc[:-1])
        fields = sorted(parent.model_fields) if parent else []
        hint = difflib.get_close_matches(str(loc[-1]), fields, n=1)
        problem = f"unknown field '{loc[-1]}'"
        expected = f"did you mean '{hint[0]}'?" if hint else "allowed: " + ", ".join(fields)
        line, col = where.locate(loc, key=True)
        return DataError(where.path, line, col, problem, expected, kind, rid, format_path(loc[:-1]))
    line, col = where.locate(loc)
    if etype == "missing":
        problem, expected = "missing required field", ""
    elif etype == "literal_error":
        problem = f"{err['input']!r} is not allowed"
        expected = "one of " + err["ctx"]["expected"].replace(" or ", ", ")
    elif etype == "too_short":
        problem = "is empty"
        expected = "cite at least one source" if loc and loc[-1] == "sources" else "at least one item"
    elif etype in ("model_type", "dict_type", "model_attributes_type"):
        problem = f"must be a mapping of fields, got {type(err['input']).__name__}"
    elif etype in ("tuple_type", "list_type"):
        problem = f"must be a list, got {type(err['input']).__name__}"
    elif etype == "bool_type" or etype == "bool_parsing":
        problem, expected = f"must be true or false, got {err['input']!r}", ""
    else:
        problem = str(err["msg"]).removeprefix("Value error, ")
        if problem.endswith(")") and " (" in problem:
            problem, expected = problem[: problem.rindex(" (")], problem[problem.rindex(" (") + 2 : -1]
    return DataError(where.path, line, col, problem, expected, kind, rid, format_path(loc))
