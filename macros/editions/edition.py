"""What every edition carries: the site's name, the edition's date, the commit and the
address the site is published at. The adapter (or the CLI) fills it in from the MkDocs
config, SOURCE_DATE_EPOCH and git; nothing under editions/ reads them itself."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Edition:
    site_name: str
    date: datetime  # timezone-aware; SOURCE_DATE_EPOCH when set, so builds are reproducible
    commit: str  # short commit id, or "unknown"
    site_url: str | None = None  # absolute, ending in "/", or None when not known
    contributors: tuple[str, ...] = ()  # names from the repository's history, no e-mails
    offline: bool = False  # the offline copy (file URLs), which does not link to itself

    @property
    def authors(self) -> str:
        """Who the edition is by, as a title page or a citation names them."""
        return f"{self.site_name} contributors"

    def url(self, path: str) -> str | None:
        """The absolute address of a page or file of the site, or None if the site's is unknown."""
        return self.site_url + path.lstrip("/") if self.site_url else None

    @property
    def host(self) -> str | None:
        return urlsplit(self.site_url).hostname if self.site_url else None


def edition_of_site(site: Path) -> Edition:
    """The edition a built site was made as, read back from its dataset download, so that
    the PDF printed from it says exactly what the site says."""
    about = json.loads((site / "downloads" / "dataset.json").read_text(encoding="utf-8"))["edition"]
    return Edition(
        site_name=about["site_name"],
        date=datetime.fromisoformat(about["date"]),
        commit=about["version"],
        site_url=about.get("site_url"),
        contributors=tuple(about.get("contributors", ())),
    )


def edition_record(edition: Edition) -> dict[str, object]:
    """The edition as written into dataset.json."""
    record: dict[str, object] = {
        "site_name": edition.site_name,
        "date": edition.date.isoformat(),
        "version": edition.commit,
    }
    if edition.site_url:
        record["site_url"] = edition.site_url
    if edition.contributors:
        record["contributors"] = list(edition.contributors)
    return record
