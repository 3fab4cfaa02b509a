"""Countries, people, meetings, events and disputes: the records a reader meets by name."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field, StrictBool, model_validator

from .base import Citations, Model, Record, ShorthandModel, Sourced, rule_error
from .fields import Iso2, Lang, PartialDate, Prose, Qid, Text
from .refs import ClaimRef, CountryRef, DisputeRef, EventOrMeetingRef, OccasionRef, PartyRef, PersonRef


class NativeName(Model):
    lang: Lang = Field(description="language tag of the name: tr, az, ur, hy, ru …")
    text: Text = Field(description="the name as written in that language and script")
    note: Text | None = Field(None, description="a short note on this spelling")


class Country(Record):
    name: Text = Field(description="the name the site uses in English")
    short_name: Text | None = Field(None, description="a shorter name for tight spaces such as graph nodes")
    adjective: Text | None = Field(None, description="'Turkish', 'Armenian': used in affiliation labels")
    official_name: Text | None = Field(None, description="the official long name")
    names: tuple[NativeName, ...] = Field((), description="the name in the country's own languages")
    aliases: tuple[Text, ...] = Field((), description="other names readers may search for")
    iso2: Iso2 | None = Field(None, description="ISO 3166-1 alpha-2 code; quote NO as 'NO'")
    wikidata: Qid | None = Field(None, description="Wikidata id, e.g. Q43")
    note: Prose | None = Field(None, description="a note for readers")
    sources: Citations = Field((), description="sources for what the record states")


class Office(Model):
    title: Text = Field(description="the office, e.g. President, Foreign Minister")
    country: CountryRef | None = Field(None, description="id of the country whose office it is")
    start: PartialDate | None = Field(None, description="when the person took office")
    end: PartialDate | None = Field(
        None, description="when the person left office; leave out while in office"
    )
    as_of: PartialDate | None = Field(
        None, description="a date on which the person is known to hold the office (when start is unknown)"
    )
    acting: StrictBool = Field(False, description="true for an acting or interim office-holder")
    note: Prose | None = Field(None, description="a note for readers")
    sources: Sourced = Field(description="sources showing the person held the office")


class Person(Record):
    name: Text = Field(description="the name the site uses in English")
    family: Text | None = Field(None, description="family name, for sorting")
    given: Text | None = Field(None, description="given name(s)")
    names: tuple[NativeName, ...] = Field((), description="the name in the person's own languages")
    transliterations: tuple[Text, ...] = Field((), description="other Latin spellings found in sources")
    aliases: tuple[Text, ...] = Field((), description="other names readers may search for")
    country: CountryRef | None = Field(None, description="id of the person's country")
    born: PartialDate | None = Field(None, description="date of birth, as precise as the sources give it")
    offices: tuple[Office, ...] = Field((), description="offices held, each with its sources")
    wikidata: Qid | None = Field(None, description="Wikidata id, e.g. Q12345")
    summary: Prose | None = Field(None, description="one or two sentences for readers")
    sources: Citations = Field((), description="sources for what the record states")

    @model_validator(mode="after")
    def _summary_cited(self) -> Person:
        if self.summary and not self.sources:
            raise rule_error(
                "summary-sources", "'summary' needs 'sources' (every factual sentence cites a source)"
            )
        return self


class Place(Model):
    name: Text = Field(description="the city or venue")
    country: CountryRef = Field(description="id of the country it is in")


class Participant(ShorthandModel):
    """Who took part: a person, a country, or both. A bare id is short for `person: <id>`."""

    shorthand: ClassVar[str | None] = "person"

    person: PersonRef | None = Field(None, description="id of a person in data/people/")
    country: CountryRef | None = Field(None, description="id of the country they represented")
    role: Literal["host", "participant", "chair", "observer", "delegation-member"] = Field(
        "participant", description="their part in the meeting"
    )
    note: Text | None = Field(None, description="a short note, e.g. 'by video link'")

    @model_validator(mode="after")
    def _someone(self) -> Participant:
        if self.person is None and self.country is None:
            raise rule_error("names-no-one", "names no one (give 'person', 'country' or both)")
        return self


MeetingFormat = Literal[
    "leaders", "foreign-ministers", "speakers", "military-exercise", "summit", "defence", "bilateral", "other"
]
MeetingLevel = Literal[
    "heads-of-state-or-government", "ministerial", "parliamentary", "military", "multilateral"
]


class Meeting(Record):
    title: Text = Field(description="what the meeting is called, e.g. 'Trilateral summit in Lachin'")
    status: Literal["held", "planned"] = Field(
        "held", description="'planned' for an announced meeting: only then may its dates lie in the future"
    )
    start: PartialDate = Field(description="first day, as precise as the sources give it")
    end: PartialDate | None = Field(None, description="last day, for a meeting over several days")
    place: Place = Field(description="where it took place")
    format: MeetingFormat = Field(description="what kind of meeting")
    level: MeetingLevel = Field(description="at what level")
    part_of: OccasionRef | None = Field(None, description="id of the summit or event it was held during")
    participants: tuple[Participant, ...] = Field(min_length=1, description="who took part")
    outcomes: tuple[ClaimRef, ...] = Field((), description="ids of claims stating what came of it")
    summary: Prose | None = Field(None, description="one or two sentences for readers, backed by 'sources'")
    after_article: StrictBool = Field(False, description="true if it took place after the audited article")
    sources: Sourced = Field(description="sources reporting the meeting")


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

    party: PartyRef = Field(description="id of the country or person using the term")
    term: Text = Field(description="the term, in its own words")
    sources: Sourced = Field(description="sources showing the party uses it")


class Event(Record):
    title: Text = Field(description="a neutral name for the event")
    start: PartialDate = Field(description="when it began, as precise as the sources give it")
    end: PartialDate | None = Field(None, description="when it ended")
    type: EventType = Field(description="what kind of event")
    summary: Prose | None = Field(None, description="one or two sentences for readers, backed by 'sources'")
    countries: tuple[CountryRef, ...] = Field((), description="ids of the countries involved")
    people: tuple[PersonRef, ...] = Field((), description="ids of the people involved")
    disputes: tuple[DisputeRef, ...] = Field((), description="ids of the disputes it belongs to")
    claims: tuple[ClaimRef, ...] = Field((), description="ids of claims about it")
    part_of: EventOrMeetingRef | None = Field(None, description="id of a larger event or meeting")
    terms: tuple[PartyTerm, ...] = Field((), description="what each party calls it, with sources")
    after_article: StrictBool = Field(False, description="true if it happened after the audited article")
    sources: Sourced = Field(description="sources reporting the event")


class Status(Model):
    as_of: PartialDate = Field(description="the date the status describes")
    text: Prose = Field(description="the state of the dispute on that date")
    sources: Sourced = Field(description="sources for the status")


class KeyDate(Model):
    date: PartialDate = Field(description="when it happened")
    end: PartialDate | None = Field(None, description="when it ended, for a period")
    text: Prose = Field(description="what happened, in one sentence")
    event: EventOrMeetingRef | None = Field(None, description="id of the event or meeting it refers to")
    sources: Sourced = Field(description="sources for the date and the sentence")


class Position(Model):
    """A party's position in its own terms; or, with `not_found: true`, the plain statement
    that no sourced statement of its position was found (then `note` may say what was sought)."""

    party: PartyRef = Field(description="id of the country or person whose position it is")
    body: Text | None = Field(None, description="the body that stated it, e.g. 'Ministry of Foreign Affairs'")
    summary: Prose | None = Field(None, description="the position in the party's own terms")
    not_found: StrictBool = Field(False, description="true if no sourced statement of the position was found")
    note: Prose | None = Field(None, description="with not_found: what was looked for")
    sources: Citations = Field((), description="sources for the position")

    @model_validator(mode="after")
    def _stated(self) -> Position:
        if self.not_found:
            if self.summary or self.sources:
                raise rule_error(
                    "position-stated", "'not_found: true' cannot also give a 'summary' or 'sources'"
                )
        elif not self.summary or not self.sources:
            raise rule_error(
                "position-stated", "needs 'summary' and 'sources' (or 'not_found: true' with a 'note')"
            )
        return self


class Dispute(Record):
    name: Text = Field(description="a neutral name for the dispute")
    parties: tuple[CountryRef, ...] = Field(min_length=1, description="ids of the countries in dispute")
    summary: Prose | None = Field(None, description="a neutral summary, backed by 'summary_sources'")
    summary_sources: Citations = Field((), description="sources for the summary")
    status: Status = Field(description="where the dispute stands, as of a date")
    key_dates: tuple[KeyDate, ...] = Field((), description="the dates of its timeline")
    positions: tuple[Position, ...] = Field((), description="each party's position, or that none was found")
    claims: tuple[ClaimRef, ...] = Field((), description="ids of claims shown on the dispute's page")
    context: StrictBool = Field(False, description="true for background disputes outside the format")

    @model_validator(mode="after")
    def _summary_cited(self) -> Dispute:
        if self.summary and not self.summary_sources:
            raise rule_error(
                "summary-sources", "'summary' needs 'summary_sources' (every factual sentence cites a source)"
            )
        return self
