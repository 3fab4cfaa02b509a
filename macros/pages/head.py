"""What a page adds to its <head>: Open Graph tags and, on the page that audits an
article, one schema.org ClaimReview (JSON-LD) per audited claim.

JSON-LD is data, not script: it is written with `json.dumps`, and `<`, `>` and `&` are
escaped inside its strings, so no value can end the element or open a comment. The
address of a page (`og:url`, a review's `url`) is given only when the site's address is
known (SITE_URL); nothing is printed in its place otherwise.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from markupsafe import Markup

from ..core.claims import Claim
from ..core.dataset import Dataset
from ..core.sources import Source
from .labels import VERDICT_LABELS
from .templates import ENV


def json_ld(document: Mapping[str, Any]) -> Markup:
    """JSON that is safe as the content of a <script type="application/ld+json"> element."""
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def _work(source: Source) -> dict[str, Any]:
    """The audited article as a schema.org CreativeWork: only what the bibliography knows."""
    news = source.type == "article-newspaper"
    work: dict[str, Any] = {
        "@type": ("OpinionNewsArticle" if source.genre == "opinion" else "NewsArticle")
        if news
        else "CreativeWork"
    }
    if source.title:
        work["headline"] = source.title
    if source.publisher:
        work["publisher"] = {"@type": "Organization", "name": source.publisher}
    if source.issued:
        work["datePublished"] = source.issued.iso().rstrip("~")
    if source.url:
        work["url"] = source.url
    return work


def claim_review(data: Dataset, claim: Claim, *, reviewer: str, page_url: str | None) -> dict[str, Any]:
    """A ClaimReview of one audited claim (it must have `audit` and `verdict`)."""
    assert claim.audit is not None and claim.verdict is not None
    article = data.sources[claim.audit.article]
    item: dict[str, Any] = {"@type": "Claim", "appearance": _work(article)}
    if article.publisher:
        item["author"] = {"@type": "Organization", "name": article.publisher}
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": claim.text,
        "itemReviewed": item,
        "reviewRating": {"@type": "Rating", "alternateName": VERDICT_LABELS[claim.verdict]},
        "author": {"@type": "Organization", "name": reviewer},
    }
    if claim.reviewed:
        review["datePublished"] = claim.reviewed.on.iso().rstrip("~")
    if page_url:
        review["url"] = f"{page_url}#claim-{claim.id}"
    return review


def head_html(
    *,
    site_name: str,
    title: str,
    description: str | None,
    page_url: str | None,
    home: bool,
    reviews: Iterable[Mapping[str, Any]] = (),
) -> str:
    """Open Graph tags and JSON-LD blocks, as ready HTML for Material's `extrahead` block."""
    html = ENV.get_template("head.html").render(
        site_name=site_name,
        title=title,
        description=description,
        page_url=page_url,
        og_type="website" if home else "article",
        reviews=[json_ld(r) for r in reviews],
    )
    return str(html)
