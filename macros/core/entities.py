"""Countries, people, meetings, events and disputes: the records a reader meets by name."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, StrictBool, model_validator

from .base import Citations, Model, Record, Sourced
from .fields import Iso2, Lang, PartialDate, Prose, Qid, Text
from .refs import ClaimRef, CountryRef, DisputeRef, EventOrMeetingRef, OccasionRef, PartyRef, PersonRef


class NativeName(Model):
    lang: Lang
    text: Text
    note: Text | None = None


class Country(Record):
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
    country: CountryRef | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    as_of: PartialDate | None = None  # known to hold the office on this date (when start is unknown)
    acting: StrictBool = False
    note: Prose | None = None
    sources: Sourced


class Person(Record):
    name: Text
    family: Text | None = None
    given: Text | None = None
    names: tuple[NativeName, ...] = ()
    transliterations: tuple[Text, ...] = ()
    aliases: tuple[Text, ...] = ()
    country: CountryRef | None = None
    born: PartialDate | None = None
    offices: tuple[Office, ...] = ()
    wikidata: Qid | None = None
    summary: Prose | None = None
    sources: Citations = ()

    @model_validator(mode="after")
    def _summary_cited(self) -> Person:
        if self.summary and not self.sources:
            raise ValueError("'summary' needs 'sources' (every factual sentence cites a source)")
        return self


class Place(Model):
    name: Text
    country: CountryRef


class Participant(Model):
    person: PersonRef | None = None
    country: CountryRef | None = None
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


class Meeting(Record):
    title: Text
    start: PartialDate
    end: PartialDate | None = None
    place: Place
    format: MeetingFormat
    level: MeetingLevel
    part_of: OccasionRef | None = None
    participants: tuple[Participant, ...] = Field(min_length=1)
    outcomes: tuple[ClaimRef, ...] = ()
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

    party: PartyRef
    term: Text
    sources: Sourced


class Event(Record):
    title: Text
    start: PartialDate
    end: PartialDate | None = None
    type: EventType
    summary: Prose | None = None
    countries: tuple[CountryRef, ...] = ()
    people: tuple[PersonRef, ...] = ()
    disputes: tuple[DisputeRef, ...] = ()
    claims: tuple[ClaimRef, ...] = ()
    part_of: EventOrMeetingRef | None = None
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
    event: EventOrMeetingRef | None = None
    sources: Sourced


class Position(Model):
    """A party's position in its own terms; or, with `not_found: true`, the plain statement
    that no sourced statement of its position was found (then `note` may say what was sought)."""

    party: PartyRef
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


class Dispute(Record):
    name: Text
    parties: tuple[CountryRef, ...] = Field(min_length=1)
    summary: Prose | None = None
    summary_sources: Citations = ()
    status: Status
    key_dates: tuple[KeyDate, ...] = ()
    positions: tuple[Position, ...] = ()
    claims: tuple[ClaimRef, ...] = ()
    context: StrictBool = False

    @model_validator(mode="after")
    def _summary_cited(self) -> Dispute:
        if self.summary and not self.summary_sources:
            raise ValueError("'summary' needs 'summary_sources' (every factual sentence cites a source)")
        return self
