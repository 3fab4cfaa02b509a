"""The site's footer: who holds the rights and under which licences, the repository when
its address is configured, and the pages that say who stands behind the site."""

from __future__ import annotations

from collections.abc import Mapping

from ..editions import licence
from .escape import safe_url
from .templates import ENV


def footer_html(*, site_name: str, links: Mapping[str, str], repository: str | None) -> str:
    """`links`: page title -> URL relative to the current page (About, Corrections policy,
    Data and downloads); `repository`: the repository's address, or None when not known."""
    return str(
        ENV.get_template("footer.html").render(
            site_name=site_name,
            holder=licence.HOLDER,
            content=licence.CONTENT,
            code=licence.CODE,
            links=links,
            repository=safe_url(repository) if repository else None,
        )
    )
