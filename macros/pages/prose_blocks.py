"""Blocks for written pages: the indexes of people, meetings, countries and disputes, and
the pages about the publication itself (contributors, downloads, corrections, upkeep).
A part of `Renderer` (render.py), kept here so that each module stays readable."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from markupsafe import Markup

from ..core.dataset import Dataset
from ..editions import editions_files
from ..editions.edition import Edition
from ..editions.tables import COLUMNS
from .maintainers import maintenance
from .repo_links import RepoLinks
from .search_terms import fold


class ProseBlocks:
    """What these blocks need of the Renderer they are part of."""

    data: Dataset
    edition: Edition | None
    repo: RepoLinks | None
    today: date
    url_to: Callable[[str], str]  # a site file's URL relative to the page

    def block(self, template: str, **context: object) -> Markup:
        raise NotImplementedError  # Renderer.block

    # -- blocks used in prose pages ---------------------------------------------------
    def people_index(self) -> Markup:
        """A table of every person, linking to their pages."""
        people = sorted(self.data.people.values(), key=lambda p: fold(p.family or p.name).casefold())
        return self.block("people_index.html", people=people)

    def meetings_index(self) -> Markup:
        """A table of every meeting in date order, linking to their pages."""
        meetings = sorted(self.data.meetings.values(), key=lambda m: m.start.earliest)
        return self.block("meetings_index.html", meetings=meetings)

    def countries_index(self) -> Markup:
        """A list of every country and party, linking to their pages."""
        countries = sorted(self.data.countries.values(), key=lambda c: fold(c.name).casefold())
        return self.block("countries_index.html", countries=countries)

    def disputes_index(self) -> Markup:
        """A list of every dispute with its status date, linking to their pages."""
        return self.block("disputes_index.html", disputes=list(self.data.disputes.values()))

    # -- the publication ------------------------------------------------------------
    def contributors(self) -> Markup:
        """The contributors of the repository, as its history names them (no e-mail addresses)."""
        names = self.edition.contributors if self.edition else ()
        return self.block("contributors.html", names=names)

    def csv_guide(self) -> Markup:
        """What every column of each CSV download holds, from the lists that write the files."""
        return self.block("csv_guide.html", tables=COLUMNS)

    def edition_downloads(self) -> Markup:
        """Links to the PDF edition and the offline copy, which `make build` places beside the
        site; the offline copy, which holds neither, points to the website instead."""
        edition = self.edition
        return self.block(
            "edition_downloads.html",
            files=[(self.url_to(f.path), f) for f in editions_files.FILES],
            offline=bool(edition and edition.offline),
            site_url=edition.url("data/") if edition else None,
        )

    def corrections_log(self) -> Markup:
        """The corrections log, newest first: what changed in published records, and why."""
        logged = enumerate(self.data.corrections.values())  # oldest first, as the log is written
        entries = [c for _, c in sorted(logged, key=lambda p: (p[1].date.earliest, p[0]), reverse=True)]
        return self.block("corrections.html", corrections=entries, repo=self.repo)

    def maintainers_page(self) -> Markup:
        """For maintainers: records due for review, superseded or flagged, with links to edit."""
        return self.block("maintainers.html", **maintenance(self.data, self.today))
