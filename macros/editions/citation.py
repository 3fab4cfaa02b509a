"""How to cite one page of the site: a sentence, BibTeX and CSL-JSON.

Without the site's address (SITE_URL) the citation leaves the URL out rather than print
a placeholder.
"""

from __future__ import annotations

import json

from .bibtex import bib_key, bibtex_entry
from .edition import Edition


def page_citation(title: str, path: str, edition: Edition) -> dict[str, str]:
    """`path` is the page's URL relative to the site root ('people/ilham-aliyev/')."""
    site = edition.site_name
    day = edition.date.date()
    url = edition.url(path)
    key = "threebrothers-" + (bib_key(path) if path.strip("/") else "home")
    text = f"{site} contributors. “{title}”. {site}, edition of {day:%-d %B %Y}."
    if url:
        text += f" {url}"
    fields = {"title": title, "howpublished": site, "year": str(day.year), "url": url or ""}
    fields["note"] = f"Edition of {day.isoformat()}"
    bib = bibtex_entry(key, "misc", fields, authors=["{" + f"{site} contributors" + "}"])
    csl: dict[str, object] = {
        "id": key,
        "type": "webpage",
        "title": title,
        "container-title": site,
        "author": [{"literal": f"{site} contributors"}],
        "issued": {"date-parts": [[day.year, day.month, day.day]]},
    }
    if url:
        csl["URL"] = url
    # One key a line, each value compact: short enough to read in the box, and valid JSON.
    lines = (f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in csl.items())
    return {"text": text, "bibtex": bib, "csl": "{\n" + ",\n".join(lines) + "\n}"}
