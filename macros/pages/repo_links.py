"""Links into the repository the site is built from: "Edit this page", the source line of
a record, a commit, and "Report a correction" (a pre-filled new issue).

The repository's address is configuration (`REPO_URL`, read by the adapter); when it is
not known there are no such links at all (`RepoLinks` is None), rather than invented ones.
Pure: values in, URLs out.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from ..core.claims import Claim
from ..core.fields import check_url
from ..core.loader import RecordLocation

BRANCH = "main"  # the integration branch pull requests target


@dataclass(frozen=True)
class RepoLinks:
    repo_url: str  # e.g. https://github.com/owner/name, without a trailing slash
    site_url: str | None = None  # the published site, ending in '/', when known
    branch: str = BRANCH

    @classmethod
    def of(cls, repo_url: str | None, site_url: str | None = None) -> RepoLinks | None:
        """None when the repository is not configured; ValueError when it is not a URL."""
        if not repo_url or not repo_url.strip():
            return None
        return cls(check_url(repo_url.strip()).rstrip("/"), site_url)

    def edit_page(self, docs_path: str) -> str:
        """The editor of a written page (`docs_path` under docs/, e.g. 'format.md')."""
        return f"{self.repo_url}/edit/{self.branch}/docs/{quote(docs_path)}"

    def record(self, where: RecordLocation) -> str:
        """The YAML file of a record, at its first line (GitHub's view has an edit button)."""
        return f"{self.repo_url}/blob/{self.branch}/{quote(where.path)}#L{where.pos[0]}"

    def commit(self, sha: str) -> str:
        return f"{self.repo_url}/commit/{quote(sha)}"

    def report(self, claim: Claim, where: RecordLocation) -> str:
        """A new issue with the claim's id, address and current text already filled in."""
        permalink = f"{self.site_url}claims/#claim-{claim.id}" if self.site_url else None
        body = [f"Claim: `{claim.id}`"]
        if permalink:
            body.append(f"Page: {permalink}")
        body += [
            f"Source: {where.path}, line {where.pos[0]}",
            "",
            "Current text:",
            "",
            *(f"> {line}" for line in claim.text.splitlines()),
            "",
            "What is wrong, and which source shows it:",
            "",
        ]
        query = urlencode({"title": f"Correction: {claim.id}", "body": "\n".join(body)}, quote_via=quote)
        return f"{self.repo_url}/issues/new?{query}"
