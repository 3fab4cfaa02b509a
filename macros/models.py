"""Typed records for everything in `data/`. Pure: no I/O, no MkDocs.

Every model forbids unknown keys and is frozen. References to other records are ids
typed with `Ref(...)`, which names the kinds they may point at; `checks.py` resolves
them. Closed sets are Literals so that a typo is an error, not a new category.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from types import UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, model_validator

from .types import ArchiveUrl, Id, Iso2, Lang, PartialDate, Prose, Qid, Text, Url


@dataclass(frozen=True)
class RefTo:
    """Marks an id field as a reference to records of the given kinds."""

    kinds: tuple[str, ...]


def Ref(*kinds: str) -> Any:
    return Annotated[Id, RefTo(kinds)]


FieldPath = tuple[str | int, ...]
Leaf = tuple[FieldPath, Any, "RefTo | None"]

ACTOR_KINDS = ("person", "country", "source")
ANY_KIND = ("country", "person", "meeting", "event", "dispute", "claim", "source")


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


class Citation(Model):
    """A pointer to a source, with an optional page/section and exact short quote."""

    source: Ref("source")  # type: ignore[valid-type]
    locator: Text | None = None
    quote: Prose | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        # `- some-source-id` is short for `- source: some-source-id`.
        return {"source": value} if isinstance(value, str) else value


Citations = tuple[Citation, ...]
Sourced = Annotated[Citations, Field(min_length=1)]


class NativeName(Model):
    lang: Lang
    text: Text
    note: Text | None = None


class Country(Model):
    id: Id
    name: Text
    short_name: Text | None = None  # for tight spaces such as graph nodes
    adjective: Text | None = None  # "Turkish", "Armenian": used in affiliation labels
    official_name: Text | None = None
    names: tuple[NativeName, ...] = ()
    aliases: tuple[Text, ...] = ()
    iso2: Iso2 | None = None
    wikidata: Qid | None = None
    note: Prose | None = None
    sources: Citations = ()


class Office(Model):
    title: Text
    country: Ref("country") | None = None  # type: ignore[valid-type]
    start: PartialDate | None = None
    end: PartialDate | None = None
    as_of: PartialDate | None = None  # known to hold the office on this date (when start is unknown)
    acting: StrictBool = False
    note: Prose | None = None
    sources: Sourced


class Person(Model):
    id: Id
    name: Text
    family: Text | None = None
    given: Text | None = None
    names: tuple[NativeName, ...] = ()
    transliterations: tuple[Text, ...] = ()
    aliases: tuple[Text, ...] = ()
    country: Ref("country") | None = None  # type: ignore[valid-type]
    born: PartialDate | None = None
    offices: tuple[Office, ...] = ()
    wikidata: Qid | None = None
    summary: Prose | None = None
    sources: Citations = ()


class Place(Model):
    name: Text
    country: Ref("country")  # type: ignore[valid-type]


class Participant(Model):
    person: Ref("person") | None = None  # type: ignore[valid-type]
    country: Ref("country") | None = None  # type: ignore[valid-type]
    role: Literal["host", "participant", "chair", "observer", "delegation-member"] = "participant"
    note: Text | None = None

    @model_validator(mode="after")
    def _someone(self) -> Participant:
        if self.person is None and self.country is None:
            raise ValueError("names no one (give 'person', 'country' or both)")
        return self


MeetingFormat = Literal[
    "leaders", "foreign-ministers", "speakers", "military-exercise", "summit", "defence", "bilateral", "other"
]
MeetingLevel = Literal[
    "heads-of-state-or-government", "ministerial", "parliamentary", "military", "multilateral"
]


class Meeting(Model):
    id: Id
    title: Text
    start: PartialDate
    end: PartialDate | None = None
    place: Place
    format: MeetingFormat
    level: MeetingLevel
    part_of: Ref("meeting", "event") | None = None  # type: ignore[valid-type]
    participants: tuple[Participant, ...] = Field(min_length=1)
    outcomes: tuple[Ref("claim"), ...] = ()  # type: ignore[valid-type]
    summary: Prose | None = None
    after_article: StrictBool = False
    sources: Sourced


EventType = Literal[
    "war",
    "ceasefire",
    "clashes",
    "offensive",
    "displacement",
    "withdrawal",
    "arms-deal",
    "arms-transfer",
    "statement",
    "agreement",
    "recognition",
    "election",
    "military-spending",
    "other",
]


class PartyTerm(Model):
    """What one party calls an event, in its own words ("Cyprus Peace Operation", "invasion")."""

    party: Ref("country", "person")  # type: ignore[valid-type]
    term: Text
    sources: Sourced


class Event(Model):
    id: Id
    title: Text
    start: PartialDate
    end: PartialDate | None = None
    type: EventType
    summary: Prose | None = None
    countries: tuple[Ref("country"), ...] = ()  # type: ignore[valid-type]
    people: tuple[Ref("person"), ...] = ()  # type: ignore[valid-type]
    disputes: tuple[Ref("dispute"), ...] = ()  # type: ignore[valid-type]
    claims: tuple[Ref("claim"), ...] = ()  # type: ignore[valid-type]
    part_of: Ref("event", "meeting") | None = None  # type: ignore[valid-type]
    terms: tuple[PartyTerm, ...] = ()
    after_article: StrictBool = False
    sources: Sourced


class Status(Model):
    as_of: PartialDate
    text: Prose
    sources: Sourced


class KeyDate(Model):
    date: PartialDate
    end: PartialDate | None = None
    text: Prose
    event: Ref("event", "meeting") | None = None  # type: ignore[valid-type]
    sources: Sourced


class Position(Model):
    """A party's position in its own terms; or, with `not_found: true`, the plain statement
    that no sourced statement of its position was found (then `note` may say what was sought)."""

    party: Ref("country", "person")  # type: ignore[valid-type]
    body: Text | None = None
    summary: Prose | None = None
    not_found: StrictBool = False
    note: Prose | None = None
    sources: Citations = ()

    @model_validator(mode="after")
    def _stated(self) -> Position:
        if self.not_found:
            if self.summary or self.sources:
                raise ValueError("'not_found: true' cannot also give a 'summary' or 'sources'")
        elif not self.summary or not self.sources:
            raise ValueError("needs 'summary' and 'sources' (or 'not_found: true' with a 'note')")
        return self


class Dispute(Model):
    id: Id
    name: Text
    parties: tuple[Ref("country"), ...] = Field(min_length=1)  # type: ignore[valid-type]
    summary: Prose | None = None
    summary_sources: Citations = ()
    status: Status
    key_dates: tuple[KeyDate, ...] = ()
    positions: tuple[Position, ...] = ()
    claims: tuple[Ref("claim"), ...] = ()  # type: ignore[valid-type]
    context: StrictBool = False

    @model_validator(mode="after")
    def _summary_cited(self) -> Dispute:
        if self.summary and not self.summary_sources:
            raise ValueError("'summary' needs 'summary_sources' (every factual sentence cites a source)")
        return self


ClaimKind = Literal["fact", "statement", "opinion", "allegation"]
Verdict = Literal["supported", "partly-supported", "contested", "opinion", "not-found"]
Flag = Literal[
    "unverified", "better-source-needed", "secondary-source", "translation-variant", "citation-needed"
]


class Actor(Model):
    """Who says something: a person, a country (with the body that spoke) or a source's author."""

    entity: Ref(*ACTOR_KINDS)  # type: ignore[valid-type]
    body: Text | None = None


class Counter(Model):
    """A party that disputes a claim, with what it says and where it said it."""

    entity: Ref(*ACTOR_KINDS)  # type: ignore[valid-type]
    body: Text | None = None
    text: Prose
    sources: Sourced


class Audit(Model):
    """Places a claim in the audit of an article: which article, and its number there."""

    article: Ref("source")  # type: ignore[valid-type]
    number: StrictInt = Field(ge=1)
    quote: Prose | None = None


RelationType = Literal[
    "alliance",
    "cooperation",
    "arms-supply",
    "recognition",
    "non-recognition",
    "support",
    "conflict",
    "mediation",
    "military-presence",
]


class Relation(Model):
    """An edge of the relationship graph, backed by the claim that carries it."""

    actor: Ref("country")  # type: ignore[valid-type]
    target: Ref("country")  # type: ignore[valid-type]
    type: RelationType


class Supersession(Model):
    """A later claim replaced this one: it stays, shown as true until `on`."""

    by: Ref("claim")  # type: ignore[valid-type]
    on: PartialDate
    note: Prose | None = None


class Review(Model):
    """A check of a claim against its sources: when, against which of them, and what was found."""

    on: PartialDate
    against: tuple[Ref("source"), ...] = Field(min_length=1)  # type: ignore[valid-type]
    note: Prose | None = None


class Claim(Model):
    id: Id
    text: Prose
    kind: ClaimKind
    asserted_by: tuple[Actor, ...] = ()
    disputed_by: tuple[Counter, ...] = ()
    about: tuple[Ref(*ANY_KIND), ...] = ()  # type: ignore[valid-type]
    date: PartialDate | None = None
    verdict: Verdict | None = None
    verdict_note: Prose | None = None
    evidence: Citations = ()
    audit: Audit | None = None
    relations: tuple[Relation, ...] = ()
    flags: tuple[Flag, ...] = ()
    superseded: Supersession | None = None
    reviewed: Review | None = None
    sources: Sourced

    @model_validator(mode="after")
    def _attributed(self) -> Claim:
        if self.kind != "fact" and not self.asserted_by:
            raise ValueError(f"a {self.kind} needs 'asserted_by' (who says it)")
        if self.verdict_note and not self.verdict:
            raise ValueError("'verdict_note' without a 'verdict'")
        if any(r.actor == r.target for r in self.relations):
            raise ValueError("a relation links a country to itself")
        if self.verdict in ("supported", "partly-supported", "contested") and not self.evidence:
            raise ValueError(f"verdict '{self.verdict}' needs 'evidence' (the sources that show it)")
        return self


class Author(Model):
    family: Text | None = None
    given: Text | None = None
    literal: Text | None = None

    @model_validator(mode="after")
    def _named(self) -> Author:
        if not (self.family or self.literal):
            raise ValueError("names no one (give 'family' or 'literal')")
        return self


SourceType = Literal[
    "article-newspaper",
    "article-magazine",
    "article-journal",
    "webpage",
    "report",
    "entry-encyclopedia",
    "legislation",
    "treaty",
    "speech",
    "interview",
    "dataset",
    "post",
    "broadcast",
    "document",
]
AffiliationType = Literal[
    "government",
    "state-media",
    "state-or-pro-government-media",
    "media",
    "diaspora-media",
    "advocacy",
    "partisan-outlet",
]


class Affiliation(Model):
    """Whose side a source stands on: a party's government or media, or a kind of outlet."""

    country: Ref("country") | None = None  # type: ignore[valid-type]
    type: AffiliationType


Genre = Literal["news", "opinion", "official", "dataset", "reference", "academic", "analysis"]
Origin = Literal["primary", "secondary", "mirror", "republication"]


class Source(Model):
    id: Id
    type: SourceType
    genre: Genre
    origin: Origin
    title: Text | None = None
    title_note: Text | None = None
    container_title: Text | None = None
    publisher: Text | None = None
    author: tuple[Author, ...] = ()
    issued: PartialDate | None = None
    url: Url | None = None
    archive_url: ArchiveUrl | None = None
    copy_url: Url | None = None  # a mirror or copy that was read, where `url` is the original
    url_status: Literal["live", "dead", "unfit", "usurped", "unknown"] = "unknown"
    accessed: PartialDate | None = None
    language: Lang | None = None
    affiliation: Affiliation | None = None
    note: Prose | None = None  # for readers: what the source is, whose side, what caution applies
    editor_note: Prose | None = None  # for editors only; never published
    republishes: Ref("source") | None = None  # type: ignore[valid-type]

    @model_validator(mode="after")
    def _titled(self) -> Source:
        if not (self.title or self.title_note):
            raise ValueError("has neither 'title' nor 'title_note' (describe the item if it has no headline)")
        return self


# Sources load first: every other kind cites them.
KINDS: dict[str, type[Model]] = {
    "source": Source,
    "country": Country,
    "person": Person,
    "meeting": Meeting,
    "event": Event,
    "dispute": Dispute,
    "claim": Claim,
}
# Folder under data/ for each kind.
FOLDERS: dict[str, str] = {
    "source": "sources",
    "country": "countries",
    "person": "people",
    "meeting": "meetings",
    "event": "events",
    "dispute": "disputes",
    "claim": "claims",
}


def _unwrap(annotation: Any) -> tuple[Any, RefTo | None]:
    """Strip Optional/Annotated and return (base type, RefTo marker if any)."""
    ref = None
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            ref = next((m for m in get_args(annotation)[1:] if isinstance(m, RefTo)), ref)
            annotation = get_args(annotation)[0]
        elif origin in (Union, UnionType):
            annotation = next(a for a in get_args(annotation) if a is not type(None))
        else:
            return annotation, ref


def _walk(value: Any, annotation: Any, ref: RefTo | None, path: FieldPath) -> Iterator[Leaf]:
    if value is None:
        return
    base, inner_ref = _unwrap(annotation)
    ref = inner_ref or ref
    if isinstance(value, BaseModel):
        yield from iter_leaves(value, path)
    elif isinstance(value, tuple):
        item_type = get_args(base)[0] if get_args(base) else Any
        for i, item in enumerate(value):
            yield from _walk(item, item_type, None, (*path, i))
    else:
        yield path, value, ref


def iter_leaves(record: BaseModel, path: FieldPath = ()) -> Iterator[Leaf]:
    """Every scalar inside a record with its field path and, for ids, the kinds it may name."""
    for name, info in type(record).model_fields.items():
        ref = next((m for m in info.metadata if isinstance(m, RefTo)), None)
        yield from _walk(getattr(record, name), info.annotation, ref, (*path, name))


def format_path(path: FieldPath) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out
