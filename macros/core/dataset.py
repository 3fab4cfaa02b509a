"""The frozen Dataset: every validated record, indexed by id, with the lookups pages need.

`build_dataset` is the one path from `data/` to records: the loader, then the checks,
then either a Dataset or `DataErrors` with everything that is wrong. The MkDocs build
(through the adapter, once per build), the `python -m macros check` command and the
tests all call it. Every index a page needs is built here, once, in one pass over the
records, so that rendering a page never scans the whole dataset.
"""

from __future__ import annotations

import difflib
import gc
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar, cast

from .check_context import Views, views_of
from .checks import REVIEW_AGE_MONTHS, run_checks
from .claims import Claim, Relation
from .corrections import Correction
from .entities import Country, Dispute, Event, Meeting, Person
from .errors import DataError, DataErrors
from .loader import RecordLocation, load
from .models import Model
from .sources import Source

R = TypeVar("R", bound=Model)
Dated = TypeVar("Dated", Meeting, Event)


@dataclass(frozen=True)
class Indexes:
    """Lookups computed once: who refers to whom, and the orders pages list things in."""

    mentions: Mapping[str, tuple[str, ...]]  # id -> ids of the records that refer to it
    claims_about: Mapping[str, tuple[str, ...]]  # id -> claims whose `about` names it
    claims_citing: Mapping[str, tuple[str, ...]]  # source id -> claims citing it
    meetings_of: Mapping[str, tuple[str, ...]]  # person id -> meetings, by date
    events_of: Mapping[str, tuple[str, ...]]  # dispute id -> events, by date
    audits: Mapping[str, tuple[str, ...]]  # article id -> audited claims, by number
    superseding: Mapping[str, tuple[str, ...]]  # claim id -> claims it supersedes
    bibliography: tuple[str, ...]  # source ids in bibliography order
    bibliography_number: Mapping[str, int]  # source id -> its number in the bibliography
    relations: tuple[tuple[str, int], ...]  # (claim id, index of the relation), data order


@dataclass(frozen=True)
class Dataset:
    sources: Mapping[str, Source]
    countries: Mapping[str, Country]
    people: Mapping[str, Person]
    meetings: Mapping[str, Meeting]
    events: Mapping[str, Event]
    disputes: Mapping[str, Dispute]
    claims: Mapping[str, Claim]
    kind_of: Mapping[str, str]
    locations: Mapping[str, RecordLocation]
    index: Indexes
    warnings: tuple[DataError, ...] = ()
    files: tuple[str, ...] = ()
    corrections: Mapping[str, Correction] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def records(self) -> Mapping[str, Mapping[str, Model]]:
        """Every kind's records, in the loader's kind order."""
        return {
            "source": self.sources,
            "country": self.countries,
            "person": self.people,
            "meeting": self.meetings,
            "event": self.events,
            "dispute": self.disputes,
            "claim": self.claims,
            "correction": self.corrections,
        }

    def get(self, rid: str, kind: str | None = None) -> Model:
        """The record with this id; KeyError naming the id (and a near miss) if there is none."""
        found = self.kind_of.get(rid)
        if found is None or (kind is not None and found != kind):
            pool = [i for i, k in self.kind_of.items() if kind is None or k == kind]
            hint = difflib.get_close_matches(rid, pool, n=1, cutoff=0.5)
            tip = f" (did you mean '{hint[0]}'?)" if hint else ""
            raise KeyError(f"unknown {kind or 'record'} '{rid}'{tip}")
        return self.records[found][rid]

    # -- lookups (each reads an index; none scans the data) -------------------------
    def mentioned_by(self, rid: str) -> tuple[str, ...]:
        """Ids of the records that refer to `rid` (backlinks), in data order."""
        return self.index.mentions.get(rid, ())

    def backlinks(self, rid: str, kind: str) -> list[Model]:
        """Records of `kind` that refer to `rid` anywhere in their fields."""
        records = self.records[kind]
        return [records[i] for i in self.mentioned_by(rid) if i in records]

    def meetings_of(self, person_id: str) -> list[Meeting]:
        return [self.meetings[i] for i in self.index.meetings_of.get(person_id, ())]

    def claims_about(self, rid: str) -> list[Claim]:
        """Claims whose `about` names `rid`, in data order."""
        return [self.claims[i] for i in self.index.claims_about.get(rid, ())]

    def claims_citing(self, source_id: str) -> list[Claim]:
        return [self.claims[i] for i in self.index.claims_citing.get(source_id, ())]

    def audit_of(self, article_id: str) -> list[Claim]:
        """The audited claims of an article, by their number in it."""
        return [self.claims[i] for i in self.index.audits.get(article_id, ())]

    def events_of_dispute(self, dispute_id: str) -> list[Event]:
        return [self.events[i] for i in self.index.events_of.get(dispute_id, ())]

    def supersedes(self, claim_id: str) -> list[Claim]:
        """The earlier claims that this claim replaced."""
        return [self.claims[i] for i in self.index.superseding.get(claim_id, ())]

    def bibliography(self) -> list[Source]:
        """Sources as the bibliography lists them: by publisher, then id."""
        return [self.sources[i] for i in self.index.bibliography]

    def relations(self) -> list[tuple[Claim, Relation]]:
        """Every relation edge with the claim that carries it, in data order."""
        return [(self.claims[cid], self.claims[cid].relations[n]) for cid, n in self.index.relations]


def _frozen(groups: Mapping[str, list[str]]) -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType({k: tuple(v) for k, v in groups.items()})


def _audit_number(claim: Claim) -> int:
    return claim.audit.number if claim.audit else 0


def _mentions(records: Mapping[str, Mapping[str, Model]], views: Views) -> dict[str, list[str]]:
    """id -> the records that refer to it, in data order, from the references the checks
    read (`views`) of the records that reached the Dataset."""
    found: dict[str, dict[str, None]] = defaultdict(dict)  # an ordered set per id
    for entry, leaves in views:
        if entry.record is not None and records[entry.kind].get(entry.id) is entry.record:
            for _, value, ref in leaves:
                if ref is not None:
                    found[value][entry.id] = None
    return {k: list(v) for k, v in found.items()}


def _claim_indexes(claims: Mapping[str, Claim]) -> dict[str, dict[str, list[str]]]:
    out: dict[str, dict[str, list[str]]] = {
        name: defaultdict(list) for name in ("about", "citing", "audits", "superseding")
    }
    for cid, claim in claims.items():
        for rid in dict.fromkeys(claim.about):
            out["about"][rid].append(cid)
        for sid in dict.fromkeys(c.source for c in claim.sources):
            out["citing"][sid].append(cid)
        if claim.audit:
            out["audits"][claim.audit.article].append(cid)
        if claim.superseded:
            out["superseding"][claim.superseded.by].append(cid)
    for article in out["audits"].values():
        article.sort(key=lambda cid: _audit_number(claims[cid]))
    return out


def _by_date(records: Mapping[str, Dated], keys: Callable[[Dated], Iterable[str]]) -> dict[str, list[str]]:
    """id -> ids of the records (in date order) whose `keys` name it."""
    out: dict[str, list[str]] = defaultdict(list)
    for rid in sorted(records, key=lambda r: records[r].start.earliest):
        for key in dict.fromkeys(keys(records[rid])):
            out[key].append(rid)
    return out


def build_indexes(records: Mapping[str, Mapping[str, Model]], views: Views) -> Indexes:
    """Every lookup the pages use, in one pass over the records (plus a few sorts);
    `views`: every record read with its references and dates (`views_of`)."""
    claims = cast(Mapping[str, Claim], records["claim"])
    sources = cast(Mapping[str, Source], records["source"])
    by_claim = _claim_indexes(claims)
    meetings_of = _by_date(
        cast(Mapping[str, Meeting], records["meeting"]),
        lambda m: (p.person for p in m.participants if p.person),
    )
    events_of = _by_date(cast(Mapping[str, Event], records["event"]), lambda e: e.disputes)
    order = sorted(sources, key=lambda s: ((sources[s].publisher or "").casefold(), s))
    return Indexes(
        mentions=_frozen(_mentions(records, views)),
        claims_about=_frozen(by_claim["about"]),
        claims_citing=_frozen(by_claim["citing"]),
        meetings_of=_frozen(meetings_of),
        events_of=_frozen(events_of),
        audits=_frozen(by_claim["audits"]),
        superseding=_frozen(by_claim["superseding"]),
        bibliography=tuple(order),
        bibliography_number=MappingProxyType({sid: n for n, sid in enumerate(order, start=1)}),
        relations=tuple((cid, n) for cid, c in claims.items() for n in range(len(c.relations))),
    )


def _typed(records: Mapping[str, Model], model: type[R]) -> Mapping[str, R]:
    return MappingProxyType(cast(dict[str, R], dict(records)))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused, then restored as it was. Reading the data
    makes about a million objects that all live on (maps, lists, models) and no cyclic
    garbage; every collection the allocations trigger walks all of them again, which was
    40% of `macros check` (2 of 5 s CPU at 10,000 records) for nothing freed. Reference
    counting still frees everything else at once."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def build_dataset(data_dir: Path, *, today: date, review_age_months: int = REVIEW_AGE_MONTHS) -> Dataset:
    """Load, validate and check `data_dir`. Raises DataErrors listing every error found."""
    with _collector_paused():
        return _build(data_dir, today, review_age_months)


def _build(data_dir: Path, today: date, review_age_months: int) -> Dataset:
    result = load(data_dir)
    views = views_of(result)
    problems = result.errors + run_checks(result, today, review_age_months=review_age_months, views=views)
    if any(p.severity == "error" for p in problems):
        raise DataErrors(problems)
    recs = result.records
    return Dataset(
        sources=_typed(recs["source"], Source),
        countries=_typed(recs["country"], Country),
        people=_typed(recs["person"], Person),
        meetings=_typed(recs["meeting"], Meeting),
        events=_typed(recs["event"], Event),
        disputes=_typed(recs["dispute"], Dispute),
        claims=_typed(recs["claim"], Claim),
        kind_of=MappingProxyType(dict(result.kind_of)),
        locations=MappingProxyType(dict(result.locations)),
        index=build_indexes(recs, views),
        warnings=tuple(sorted(problems)),
        files=tuple(result.files),
        corrections=_typed(recs["correction"], Correction),
    )
