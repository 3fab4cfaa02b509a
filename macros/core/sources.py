"""Sources: bibliographic records, with what readers need to weigh them."""

from __future__ import annotations

from typing import Literal

from pydantic import model_validator

from .base import Model, Record
from .fields import ArchiveUrl, Lang, PartialDate, Prose, Text, Url
from .refs import CountryRef, SourceRef


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

    country: CountryRef | None = None
    type: AffiliationType


Genre = Literal["news", "opinion", "official", "dataset", "reference", "academic", "analysis"]
SourceOrigin = Literal["primary", "secondary", "mirror", "republication"]


class Source(Record):
    type: SourceType
    genre: Genre
    origin: SourceOrigin
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
    republishes: SourceRef | None = None

    @model_validator(mode="after")
    def _titled(self) -> Source:
        if not (self.title or self.title_note):
            raise ValueError("has neither 'title' nor 'title_note' (describe the item if it has no headline)")
        return self


# Sources load first: every other kind cites them.
