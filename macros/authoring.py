"""What the CLI does for contributors: start a record, and write (or compare) the files
generated from the models: data/schemas/*.schema.json, data/README.md, the rule table of
CONTRIBUTING.md and the schema mapping of .vscode/settings.json.

Plain file I/O over the pure generators of macros/core (schema, guide, skeleton).
"""

from __future__ import annotations

import json
from pathlib import Path

from .core.fields import ID_RE
from .core.guide import data_readme, with_rules
from .core.loader import load
from .core.models import DATA_FOLDERS, SCHEMA_FOLDER
from .core.schema import editor_settings, schema_files
from .core.skeleton import skeleton


class AuthoringError(Exception):
    """A request the CLI refuses, with the one line that says why."""


def new_record(data_dir: Path, kind: str, rid: str, into: Path | None = None) -> tuple[Path, int]:
    """Write the skeleton of a new record; returns the file and the line it starts on.

    By default each new record gets a file of its own, `data/<folder>/<id>.yml`: a pull
    request then adds one file, two contributors never edit the same file at once, and the
    file can be moved into a group later. `into` appends to an existing file of the kind.
    """
    if not ID_RE.match(rid) or len(rid) > 80:
        raise AuthoringError(f"id '{rid}' is not kebab-case (lower-case a-z, 0-9 and single hyphens)")
    existing = load(data_dir).seen.get(rid)
    if existing is not None:
        where = existing.where
        raise AuthoringError(
            f"id '{rid}' is already used by a {existing.kind} at {where.path}:{where.pos[0]}"
        )
    folder = data_dir / DATA_FOLDERS[kind]
    text = skeleton(kind, rid)
    if into is None:
        target = folder / f"{rid}.yml"
        if target.exists():
            raise AuthoringError(f"{target} exists; choose another id, or add the record with --into")
        folder.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        return target, 1
    if into.resolve().parent != folder.resolve() or into.suffix != ".yml" or not into.is_file():
        raise AuthoringError(f"--into must be an existing .yml file in {folder}")
    before = into.read_text(encoding="utf-8")
    separator = "" if not before else ("\n" if before.endswith("\n") else "\n\n")
    into.write_text(before + separator + text, encoding="utf-8")
    return into, (before + separator).count("\n") + 1


def generated_files(root: Path) -> dict[Path, str]:
    """Every file generated from the models, with the text it should have."""
    data = root / "data"
    out = {data / SCHEMA_FOLDER / name: text for name, text in schema_files().items()}
    out[data / "README.md"] = data_readme()
    contributing = root / "CONTRIBUTING.md"
    if contributing.is_file():
        out[contributing] = with_rules(contributing.read_text(encoding="utf-8"))
    settings = root / ".vscode" / "settings.json"
    current = json.loads(settings.read_text(encoding="utf-8")) if settings.is_file() else {}
    out[settings] = json.dumps(editor_settings(current), indent=2) + "\n"
    return out


def stale_files(root: Path) -> list[Path]:
    """Generated files whose content differs from what the models give (or that are missing)."""
    return [
        path
        for path, text in generated_files(root).items()
        if not path.is_file() or path.read_text(encoding="utf-8") != text
    ]


def write_generated(root: Path) -> list[Path]:
    written = []
    for path in stale_files(root):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(generated_files(root)[path], encoding="utf-8")
        written.append(path)
    return written
