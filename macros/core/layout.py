"""The layout of data/: one folder per kind, `*.yml` files in it, nothing else; and how
a path is shown in a message. Problems are appended to `errors`, all of them."""

from __future__ import annotations

import difflib
import os
from pathlib import Path

from .errors import DataError
from .files import FileProblem, entry_kind, list_folder, visible
from .models import DATA_FOLDERS, SCHEMA_FOLDER


def shown_path(path: Path, root: Path) -> str:
    """The path as printed: relative to the project, links not followed, characters
    that could hide or forge part of the line escaped."""
    absolute, base = os.path.abspath(path), os.path.abspath(root)
    shown = os.path.relpath(absolute, base) if absolute.startswith(base + os.sep) else str(path)
    return visible(Path(shown).as_posix())


def file_problem(shown: str, p: FileProblem, rule: str = "layout") -> DataError:
    """A file or folder that cannot be used; an oversized file is its own rule."""
    return DataError(
        shown, 0, 0, p.message, p.expected, rule="file-size" if "limit is" in p.message else rule
    )


def data_files(folder: Path, root: Path, errors: list[DataError]) -> list[Path] | None:
    """The .yml entries of a kind folder (each is checked to be a regular file when read),
    or None if the folder itself is unusable (which is reported here)."""
    if not os.path.lexists(folder):
        return []
    try:
        entries = list_folder(folder)
    except FileProblem as p:
        errors.append(file_problem(f"{shown_path(folder, root)}/", p))
        return None
    for entry in entries:
        if entry.suffix not in (".yml", ".md") and not entry.name.startswith("."):
            errors.append(
                DataError(
                    shown_path(entry, root), 0, 0, "not a data file", "data files end in .yml", rule="layout"
                )
            )
    return [e for e in entries if e.suffix == ".yml"]


def check_layout(entries: list[Path], root: Path, errors: list[DataError]) -> None:
    known = set(DATA_FOLDERS.values())
    for entry in entries:
        shown = shown_path(entry, root)
        if entry.name.startswith(".") or entry.suffix == ".md" or entry.name in (*known, SCHEMA_FOLDER):
            continue  # kind folders are checked when their files are listed; data/schemas is generated
        try:
            kind = entry_kind(entry)
        except FileProblem as p:
            errors.append(file_problem(shown, p))
            continue
        if kind == "folder":
            hint = difflib.get_close_matches(entry.name, sorted(known), n=1)
            expected = f"did you mean '{hint[0]}'?" if hint else "one of " + ", ".join(sorted(known))
            errors.append(
                DataError(
                    f"{shown}/", 0, 0, f"unknown data folder '{visible(entry.name)}'", expected, rule="layout"
                )
            )
        else:
            errors.append(
                DataError(
                    shown,
                    0,
                    0,
                    "file outside a kind folder",
                    "put records in data/<kind>/*.yml",
                    rule="layout",
                )
            )
