"""What a page carries besides its body (events: on_page_content, on_page_context,
on_post_build).

* A description for every page (`<meta name="description">`, Open Graph): the front
  matter's, else a sentence built from the record a generated page shows, else the page's
  first paragraph. It is stored escaped, because Material prints it into <head> as is.
* Open Graph tags, and on the audit page one ClaimReview (JSON-LD) per audited claim, for
  the `extrahead` block of macros/pages/theme/main.html; addresses only when SITE_URL is set.
* The footer (macros/pages/theme/partials/copyright.html): licences, About, Corrections policy, the
  Data page and the repository when REPO_URL is set.
* Without SITE_URL MkDocs writes a sitemap with no entries; it is not published.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from macros import adapter
from macros.pages.describe import entity_description, first_paragraph
from macros.pages.footer import footer_html
from macros.pages.head import claim_review, head_html

FOOTER_PAGES = {
    "about.md": "About",
    "corrections-policy.md": "Corrections policy",
    "data.md": "Data and licence",
}


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    description = page.meta.get("description")
    if not isinstance(description, str) or not description:
        kind, _, rid = str(page.meta.get("entity", "")).partition("/")
        description = entity_description(adapter.dataset(config), kind, rid) if rid else None
        description = description or first_paragraph(html)
    if description:
        page.meta["description"] = description if isinstance(description, Markup) else escape(description)
    return html


def on_page_context(
    context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    data, edition = adapter.dataset(config), adapter.edition(config)
    page_url = edition.url(adapter.public_path(page.file.src_uri))
    reviews = [
        claim_review(data, data.claims[cid], reviewer=edition.authors, page_url=page_url)
        for cid in adapter.claim_reviews_on(config, page.file.src_uri)
    ]
    context["briefing_head"] = head_html(
        site_name=config.site_name,
        title=Markup(str(page.title or config.site_name)).striptags(),
        description=page.meta.get("description"),
        page_url=page_url,
        home=page.is_homepage,
        reviews=reviews,
    )
    in_nav = {target.file.src_uri: target.file for target in nav.pages}
    links = {
        title: in_nav[src].url_relative_to(page.file) for src, title in FOOTER_PAGES.items() if src in in_nav
    }
    context["briefing_footer"] = footer_html(
        site_name=config.site_name, links=links, repository=config.extra.get("repository")
    )
    return context


def on_post_build(*, config: MkDocsConfig) -> None:
    if not config.site_url:
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            (Path(config.site_dir) / name).unlink(missing_ok=True)
