"""Claims: what is said, by whom, with what sources, and how it stands today."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, StrictInt, model_validator

from .base import Citations, Model, Record, Sourced
from .fields import PartialDate, Prose, Text
from .refs import ActorRef, AnyRef, ClaimRef, CountryRef, SourceRef

ClaimKind = Literal["fact", "statement", "opinion", "allegation"]
Verdict = Literal["supported", "partly-supported", "contested", "opinion", "not-found"]
Flag = Literal[
    "unverified", "better-source-needed", "secondary-source", "translation-variant", "citation-needed"
]


class Actor(Model):
    """Who says something: a person, a country (with the body that spoke) or a source's author."""

    entity: ActorRef
    body: Text | None = None


class Counter(Model):
    """A party that disputes a claim, with what it says and where it said it."""

    entity: ActorRef
    body: Text | None = None
    text: Prose
    sources: Sourced


class Audit(Model):
    """Places a claim in the audit of an article: which article, and its number there."""

    article: SourceRef
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
    "diplomatic-relations",
]


class Relation(Model):
    """An edge of the relationship graph, backed by the claim that carries it."""

    actor: CountryRef
    target: CountryRef
    type: RelationType


class Supersession(Model):
    """A later claim replaced this one: it stays, shown as true until `on`."""

    by: ClaimRef
    on: PartialDate
    note: Prose | None = None


class Review(Model):
    """A check of a claim against its sources: when, against which of them, and what was found."""

    on: PartialDate
    against: tuple[SourceRef, ...] = Field(min_length=1)
    note: Prose | None = None


class Claim(Record):
    text: Prose
    kind: ClaimKind
    asserted_by: tuple[Actor, ...] = ()
    disputed_by: tuple[Counter, ...] = ()
    about: tuple[AnyRef, ...] = ()
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
