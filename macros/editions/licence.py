"""The licences the project publishes under, in one place: content and data under
CC BY 4.0, code under MIT, held by the contributors. The footer, the Data page, the
downloads, the PDF and CITATION.cff all say what this module says."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Licence:
    spdx: str  # the SPDX identifier, as CITATION.cff and package metadata expect it
    name: str
    short: str  # how a reader sees it named: "CC BY 4.0"
    url: str  # the human-readable deed or text


CONTENT = Licence(
    spdx="CC-BY-4.0",
    name="Creative Commons Attribution 4.0 International",
    short="CC BY 4.0",
    url="https://creativecommons.org/licenses/by/4.0/",
)
CONTENT_LEGAL_CODE = "https://creativecommons.org/licenses/by/4.0/legalcode"
CODE = Licence(spdx="MIT", name="MIT License", short="MIT", url="https://opensource.org/license/mit")
HOLDER = "the contributors"


def notice(site_name: str) -> str:
    """One line for a file that allows a comment: who holds the rights and under what terms."""
    return (
        f"{site_name}, © {HOLDER}. Content and data under {CONTENT.short} ({CONTENT.url}); "
        f"code under the {CODE.short} licence. Quotations from sources remain their authors'."
    )


def record() -> dict[str, str]:
    """The licence as a field of dataset.json."""
    return {"id": CONTENT.spdx, "name": CONTENT.name, "url": CONTENT.url, "holder": HOLDER}
