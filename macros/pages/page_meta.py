"""The line at the end of a page saying when its source last changed (from git)."""

from __future__ import annotations

from ..repository import Change
from .repo_links import RepoLinks
from .templates import ENV


def page_meta(change: Change | None, repo: RepoLinks | None) -> str:
    """Ready HTML as a plain str ('' when the date is not known, outside a git checkout)."""
    if change is None:
        return ""
    commit_url = repo.commit(change.commit) if repo else None
    return str(ENV.get_template("page_meta.html").render(change=change, commit_url=commit_url)).strip()
