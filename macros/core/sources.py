"""Sources: bibliographic records, with what readers need to weigh them."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .base import Model, Record, rule_error
from .fields import ArchiveUrl, Lang, PartialDate, Prose, Text, Url
from .refs import CountryRef, SourceRef


class Author(Model):
    family: Text | None = Field(None, description="family name")
    given: Text | None = Field(None, description="given name(s)")
    literal: Text | None = Field(None, description="a name that does not split, e.g. an agency")

    @model_validator(mode="after")
    def _named(self) -> Author:
        if not (self.family or self.literal):
            raise rule_error("names-no-one", "names no one (give 'family' or 'literal')")
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

    country: CountryRef | None = Field(None, description="id of the country whose side it is")
    type: AffiliationType = Field(description="what kind of affiliation")


Genre = Literal["news", "opinion", "official", "dataset", "reference", "academic", "analysis"]
SourceOrigin = Literal["primary", "secondary", "mirror", "republication"]


class Source(Record):
    type: SourceType = Field(description="what the item is (CSL types)")
    genre: Genre = Field(description="what kind of writing it is")
    origin: SourceOrigin = Field(description="primary, or a report, mirror or republication of another")
    title: Text | None = Field(None, description="the headline or title, exactly as published")
    title_note: Text | None = Field(None, description="a description, for an item without a title")
    container_title: Text | None = Field(None, description="the newspaper, journal or site it appeared in")
    publisher: Text | None = Field(None, description="who published it")
    author: tuple[Author, ...] = Field((), description="authors, only as the source names them")
    issued: PartialDate | None = Field(None, description="publication date, as precise as the item gives it")
    url: Url | None = Field(None, description="the address of the original")
    archive_url: ArchiveUrl | None = Field(None, description="a Wayback Machine snapshot of it")
    copy_url: Url | None = Field(
        None, description="a mirror or copy that was read, where 'url' is the original"
    )
    url_status: Literal["live", "dead", "unfit", "usurped", "unknown"] = Field(
        "unknown", description="whether 'url' still shows the item"
    )
    accessed: PartialDate | None = Field(
        None, description="when an editor last opened it and checked what it is cited for (its review)"
    )
    language: Lang | None = Field(None, description="language tag of the item: tr, az, ur, hy, ru, en …")
    affiliation: Affiliation | None = Field(None, description="whose side the source stands on")
    note: Prose | None = Field(
        None, description="for readers: what the source is, whose side, what caution applies"
    )
    editor_note: Prose | None = Field(None, description="for editors only; never published")
    republishes: SourceRef | None = Field(None, description="id of the source this one republishes")

    @model_validator(mode="after")
    def _titled(self) -> Source:
        if not (self.title or self.title_note):
            raise rule_error(
                "needs-title",
                "has neither 'title' nor 'title_note' (describe the item if it has no headline)",
            )
        return self


# Sources load first: every other kind cites them.
