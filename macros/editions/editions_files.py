"""The PDF edition and the offline copy as downloads of the site.

Both are made from a finished build (the PDF is printed from the built pages, the offline
copy is a second build), so MkDocs cannot know them when it checks links. `make build`
places them in the site's downloads/ folder with `place_editions` and then checks the
whole site again, so the links on the Data page never point at nothing. The site check
run inside each MkDocs build counts them as present (`FILES`); nothing else does.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from .edition import edition_of_site
from .offline import make_zip
from .site_check import check_site


@dataclass(frozen=True)
class EditionFile:
    path: str  # site-relative
    title: str
    what: str


PDF = EditionFile(
    "downloads/three-brothers-briefing.pdf",
    "PDF edition",
    "every page as a printed document, with contents, page numbers, references and bibliography",
)
OFFLINE = EditionFile(
    "downloads/three-brothers-briefing-offline.zip",
    "Offline copy",
    "the whole site in a zip: unzip it anywhere and open index.html; search works with no network",
)
FILES = (PDF, OFFLINE)


def place_editions(site: Path, offline_site: Path, pdf: Path | None = None) -> list[str]:
    """Print the PDF of `site` (or copy `pdf`, already printed from it), zip `offline_site`,
    put both in `site`'s downloads/, and return the problems the site check then finds."""
    from .pdf import write_pdf

    target = site / PDF.path
    target.parent.mkdir(parents=True, exist_ok=True)
    if pdf is None:
        write_pdf(site, target, edition_of_site(site))
    else:
        shutil.copyfile(pdf, target)
    make_zip(offline_site, site / OFFLINE.path)
    return check_site(site)
