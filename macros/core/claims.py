"""Claims: what is said, by whom, with what sources, and how it stands today."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field, StrictInt, model_validator

from .base import Citations, Model, Record, ShorthandModel, Sourced, rule_error
from .fields import PartialDate, Prose, Text
from .refs import ActorRef, AnyRef, ClaimRef, CountryRef, SourceRef

ClaimKind = Literal["fact", "statement", "opinion", "allegation"]
Verdict = Literal["supported", "partly-supported", "contested", "opinion", "not-found"]
Flag = Literal[
    "unverified", "better-source-needed", "secondary-source", "translation-variant", "citation-needed"
]


class Actor(ShorthandModel):
    """Who says something: a person, a country (with the body that spoke) or a source's author.
    A bare id is short for `entity: <id>`."""

    shorthand: ClassVar[str | None] = "entity"

    entity: ActorRef = Field(description="id of the person, country or source that says it")
    body: Text | None = Field(None, description="the body that spoke, e.g. 'Ministry of Foreign Affairs'")


class Counter(Model):
    """A party that disputes a claim, with what it says and where it said it."""

    entity: ActorRef = Field(description="id of the person, country or source that disputes it")
    body: Text | None = Field(None, description="the body that spoke")
    text: Prose = Field(description="what they say instead, attributed to them")
    sources: Sourced = Field(description="where they said it")


class Audit(Model):
    """Places a claim in the audit of an article: which article, and its number there."""

    article: SourceRef = Field(description="id of the audited article (a source)")
    number: StrictInt = Field(ge=1, description="the claim's number in the audit")
    quote: Prose | None = Field(None, description="the article's exact words for the claim")


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

    actor: CountryRef = Field(description="id of the country the relation goes from")
    target: CountryRef = Field(description="id of the country it goes to")
    type: RelationType = Field(description="what kind of relation")


class Supersession(Model):
    """A later claim replaced this one: it stays, shown as true until `on`."""

    by: ClaimRef = Field(description="id of the claim that replaced this one")
    on: PartialDate = Field(description="the date from which this claim no longer holds")
    note: Prose | None = Field(None, description="what changed, for readers")


class Review(Model):
    """A check of a claim against its sources: when, against which of them, and what was found."""

    on: PartialDate = Field(description="when the claim was last checked against its sources")
    against: tuple[SourceRef, ...] = Field(
        min_length=1, description="ids of the sources it was checked against"
    )
    note: Prose | None = Field(None, description="what the check found")


class Claim(Record):
    text: Prose = Field(description="the claim as the site states it; attributed wording for non-facts")
    kind: ClaimKind = Field(description="fact (the site's own voice), statement, opinion or allegation")
    asserted_by: tuple[Actor, ...] = Field(
        (), description="who says it (required unless kind is fact); a bare id is short for {entity: id}"
    )
    disputed_by: tuple[Counter, ...] = Field((), description="who disputes it, with what and where")
    about: tuple[AnyRef, ...] = Field((), description="ids of the records the claim is about")
    date: PartialDate | None = Field(None, description="when it was said or happened")
    verdict: Verdict | None = Field(None, description="for audited claims: what the evidence shows")
    verdict_note: Prose | None = Field(None, description="the reasoning behind the verdict")
    evidence: Citations = Field((), description="sources that support or contest the claim (for a verdict)")
    audit: Audit | None = Field(None, description="its place in the audit of an article")
    relations: tuple[Relation, ...] = Field((), description="edges of the relationship graph it backs")
    flags: tuple[Flag, ...] = Field((), description="cautions shown to readers")
    superseded: Supersession | None = Field(None, description="a later claim that replaced this one")
    reviewed: Review | None = Field(None, description="the last check of the claim against its sources")
    sources: Sourced = Field(description="sources for the claim: at least one")

    @model_validator(mode="after")
    def _attributed(self) -> Claim:
        if self.kind != "fact" and not self.asserted_by:
            raise rule_error("needs-asserted-by", f"a {self.kind} needs 'asserted_by' (who says it)")
        if self.verdict_note and not self.verdict:
            raise rule_error("verdict-note", "'verdict_note' without a 'verdict'")
        if any(r.actor == r.target for r in self.relations):
            raise rule_error("self-relation", "a relation links a country to itself")
        if self.verdict in ("supported", "partly-supported", "contested") and not self.evidence:
            raise rule_error(
                "verdict-evidence", f"verdict '{self.verdict}' needs 'evidence' (the sources that show it)"
            )
        return self
