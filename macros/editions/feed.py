"""The Atom feed of changes to the data and pages, from a template.

Ids are `tag:` URIs (RFC 4151) minted under the site's host, or under a reserved
`.invalid` name when the site's address is not known, dated with the year the project
began. Characters that XML 1.0 forbids are dropped from text.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

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


def changes_feed(changes: list[Change], edition: Edition) -> str:
    """Newest first. `changes` come from `repository.changes`."""
    clean = [Change(c.commit, c.time, xml_text(c.subject)) for c in changes]
    tag = f"tag:{edition.host or FALLBACK_HOST},{TAG_YEAR}:three-brothers-briefing"
    updated: datetime = clean[0].time if clean else edition.date
    return _ENV.get_template("feed.atom.xml").render(
        edition=edition,
        changes=clean,
        tag=tag,
        feed_id=f"{tag}:changes",
        updated=_ENV.filters["timestamp"](updated),
        site=edition.site_url,
        rights=licence.notice(edition.site_name),
    )
