"""The Atom feed of changes to the data and pages, from a template: the commits that
touched them and the entries of the corrections log (as newsrooms publish corrections).

Ids are `tag:` URIs (RFC 4151) minted under the site's host, or under a reserved
`.invalid` name when the site's address is not known, dated with the year the project
began. Characters that XML 1.0 forbids are dropped from text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..core.corrections import Correction
from ..repository import Change
from . import licence
from .edition import Edition

_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
FALLBACK_HOST = "three-brothers-briefing.invalid"
TAG_YEAR = 2026  # the year the project began: tag URIs must not change as history grows

_ENV = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_ENV.filters["timestamp"] = lambda t: t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def xml_text(text: str) -> str:
    """Text with the characters XML 1.0 cannot carry removed (a vertical tab, a NUL …)."""
    return _XML_FORBIDDEN.sub("", text)


@dataclass(frozen=True)
class Entry:
    id: str
    time: datetime
    title: str
    summary: str
    link: str | None


def _correction_entry(c: Correction, tag: str, edition: Edition) -> Entry:
    when = datetime(c.date.year, c.date.month or 1, c.date.day or 1, tzinfo=UTC)
    return Entry(
        f"{tag}:correction:{c.id}",
        when,
        xml_text(f"{c.type.capitalize()}: {', '.join(c.records)}"),
        xml_text(f"{c.changed} Why: {c.reason}"),
        edition.url(f"corrections/#correction-{c.id}") or edition.site_url,
    )


def changes_feed(changes: list[Change], edition: Edition, corrections: Iterable[Correction] = ()) -> str:
    """Newest first. `changes` come from `repository.changes`; `corrections` from the data."""
    tag = f"tag:{edition.host or FALLBACK_HOST},{TAG_YEAR}:three-brothers-briefing"
    entries = [
        Entry(f"{tag}:commit:{c.commit}", c.time, xml_text(c.subject), xml_text(c.subject), edition.site_url)
        for c in changes
    ]
    # the log is written oldest first; ties keep git's order, then the log's newest first
    entries += reversed([_correction_entry(c, tag, edition) for c in corrections])
    entries.sort(key=lambda e: e.time, reverse=True)
    updated: datetime = entries[0].time if entries else edition.date
    return _ENV.get_template("feed.atom.xml").render(
        edition=edition,
        entries=entries,
        feed_id=f"{tag}:changes",
        updated=_ENV.filters["timestamp"](updated),
        site=edition.site_url,
        rights=licence.notice(edition.site_name),
    )
