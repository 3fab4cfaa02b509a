"""Escape helpers: the places where a value from data turns into markup.

Templates autoescape HTML; these cover what autoescaping does not: text placed in
Markdown (a heading), and URLs placed in an `href`.
"""

from __future__ import annotations

import re

from pydantic_core import PydanticCustomError

from ..core.fields import check_url

MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>&])")
_MD_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


class MacroError(Exception):
    """A macro was called wrongly (unknown id, wrong kind). The message names the call."""


def md_text(text: str) -> str:
    """Plain text made safe to place in Markdown (a heading): no markup survives."""
    return MD_SPECIAL.sub(lambda m: _MD_ENTITIES.get(m[1], "\\" + m[1]), text)


def safe_url(value: str) -> str:
    """Re-check a URL at the point it becomes an href (the models checked it already)."""
    try:
        return check_url(value)
    except PydanticCustomError as exc:
        raise MacroError(f"refusing to link {value!r}: {exc.message()}") from None
