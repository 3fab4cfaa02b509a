"""The frozen Dataset: every validated record, indexed by id, with the queries pages need.

`build_dataset` is the one path from `data/` to records: the loader, then the checks,
then either a Dataset or `DataErrors` with everything that is wrong. The MkDocs build
(macros and hooks), the `python -m macros check` command and the tests all call it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType

from .checks import run_checks
from .errors import DataError, DataErrors
from .loader import Origin, load
from .models import Claim, Country, Dispute, Event, Meeting, Model, Person, Source, iter_leaves


@dataclass(frozen=True)
class Dataset:
    records: Mapping[str, Mapping[str, Model]]
    kind_of: Mapping[str, str]
    origins: Mapping[str, Origin]
    warnings: tuple[DataError, ...] = ()
    files: tuple[str, ...] = ()
    _mentions: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    # -- lookups -------------------------------------------------------------------
    def get(self, rid: str, kind: str | None = None) -> Model:
        """The record with this id; KeyError naming the id (and a near miss) if there is none."""
        found = self.kind_of.get(rid)
        if found is None or (kind is not None and found != kind):
            import difflib

            pool = [i for i, k in self.kind_of.items() if kind is None or k == kind]
            hint = difflib.get_close_matches(rid, pool, n=1, cutoff=0.5)
            what = kind or "record"
            tip = f" (did you mean '{hint[0]}'?)" if hint else ""
            raise KeyError(f"unknown {what} '{rid}'{tip}")
        return self.records[found][rid]

    @property
    def countries(self) -> Mapping[str, Country]:
        return self.records["country"]  # type: ignore[return-value]

    @property
    def people(self) -> Mapping[str, Person]:
        return self.records["person"]  # type: ignore[return-value]

    @property
    def meetings(self) -> Mapping[str, Meeting]:
        return self.records["meeting"]  # type: ignore[return-value]

    @property
    def events(self) -> Mapping[str, Event]:
        return self.records["event"]  # type: ignore[return-value]

    @property
    def disputes(self) -> Mapping[str, Dispute]:
        return self.records["dispute"]  # type: ignore[return-value]

    @property
    def claims(self) -> Mapping[str, Claim]:
        return self.records["claim"]  # type: ignore[return-value]

    @property
    def sources(self) -> Mapping[str, Source]:
        return self.records["source"]  # type: ignore[return-value]

    # -- queries ---------------------------------------------------------------------
    def mentioned_by(self, rid: str) -> tuple[str, ...]:
        """Ids of the records that refer to `rid` (backlinks), in data order."""
        return self._mentions.get(rid, ())

    def backlinks(self, rid: str, kind: str) -> list[Model]:
        """Records of `kind` that refer to `rid` anywhere in their fields."""
        return [self.records[kind][i] for i in self.mentioned_by(rid) if self.kind_of.get(i) == kind]

    def meetings_of(self, person_id: str) -> list[Meeting]:
        found = [m for m in self.meetings.values() if any(p.person == person_id for p in m.participants)]
        return sorted(found, key=lambda m: m.start.earliest)

    def claims_about(self, rid: str) -> list[Claim]:
        """Claims whose `about` names `rid`, in data order."""
        return [c for c in self.claims.values() if rid in c.about]

    def audit_of(self, article_id: str) -> list[Claim]:
        """The audited claims of an article, by their number in it."""
        found = [c for c in self.claims.values() if c.audit and c.audit.article == article_id]
        return sorted(found, key=lambda c: c.audit.number)  # type: ignore[union-attr]

    def events_of_dispute(self, dispute_id: str) -> list[Event]:
        return sorted(
            (e for e in self.events.values() if dispute_id in e.disputes), key=lambda e: e.start.earliest
        )

    def claims_citing(self, source_id: str) -> list[Claim]:
        return [c for c in self.claims.values() if any(s.source == source_id for s in c.sources)]


def _mentions(records: Mapping[str, Mapping[str, Model]]) -> dict[str, tuple[str, ...]]:
    back: dict[str, list[str]] = {}
    for kind_records in records.values():
        for rid, record in kind_records.items():
            for _, value, ref in iter_leaves(record):
                if ref is not None and rid not in back.setdefault(value, []):
                    back[value].append(rid)
    return {k: tuple(v) for k, v in back.items()}


def build_dataset(data_dir: Path, *, today: date | None = None) -> Dataset:
    """Load, validate and check `data_dir`. Raises DataErrors listing every error found."""
    result = load(data_dir)
    problems = result.errors + run_checks(result, today or date.today())
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise DataErrors(problems)
    records = {k: MappingProxyType(dict(v)) for k, v in result.records.items()}
    return Dataset(
        records=MappingProxyType(records),
        kind_of=MappingProxyType(dict(result.kind_of)),
        origins=MappingProxyType(dict(result.origins)),
        warnings=tuple(sorted(problems)),
        files=tuple(result.files),
        _mentions=MappingProxyType(_mentions(records)),
    )


_CACHE: dict[Path, tuple[tuple, Dataset | DataErrors]] = {}


def _fingerprint(data_dir: Path) -> tuple:
    stats = []
    for path in sorted(data_dir.rglob("*")):
        st = path.stat()
        stats.append((str(path), st.st_mtime_ns, st.st_size))
    return (tuple(stats), date.today())


def cached_dataset(data_dir: Path) -> Dataset:
    """`build_dataset`, computed once per state of `data_dir` (the macros and the hooks
    of one build share it; `mkdocs serve` reloads when a file changes)."""
    key = data_dir.resolve()
    fingerprint = _fingerprint(key) if key.is_dir() else ((), date.today())
    hit = _CACHE.get(key)
    if hit is None or hit[0] != fingerprint:
        try:
            value: Dataset | DataErrors = build_dataset(key)
        except DataErrors as exc:
            value = exc
        _CACHE[key] = (fingerprint, value)
        hit = _CACHE[key]
    if isinstance(hit[1], DataErrors):
        raise hit[1]
    return hit[1]


def data_dir_for(config_file: str | os.PathLike[str]) -> Path:
    return Path(config_file).resolve().parent / "data"
