"""BibTeX that BibTeX reads as meant: escaped values, keys in ASCII, and names that are
split where they should be ("family, given") and kept whole where they should not be
(an organisation: "{Reuters}")."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

# Each LaTeX special and what stands for it, replaced in one pass so that a replacement is
# never escaped again. Braces become commands, not `\{`: BibTeX counts every brace in a
# value, escaped or not, so a lone `\{` leaves the entry unbalanced and it is lost.
_LATEX = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    **{ch: "\\" + ch for ch in "&%$#_"},
}
_SPECIAL = re.compile("|".join(map(re.escape, _LATEX)))
# Letters Unicode decomposition does not fold to ASCII.
_FOLD = str.maketrans({"ı": "i", "İ": "I", "ə": "e", "Ə": "E", "ø": "o", "Ø": "O", "ß": "ss", "ł": "l"})


def bib_escape(text: str) -> str:
    """A value placed inside `{…}`: LaTeX's special characters made literal."""
    return _SPECIAL.sub(lambda m: _LATEX[m[0]], text)


def bib_key(text: str) -> str:
    """An ASCII citation key: 'Recep Tayyip Erdoğan' -> 'recep-tayyip-erdogan'."""
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "item"


def bibtex_name(family: str | None, given: str | None, literal: str | None) -> str:
    """One author: 'Family, Given', or a literal name in braces so that BibTeX keeps it whole."""
    if literal:
        return "{" + bib_escape(literal) + "}"
    return bib_escape(f"{family}, {given}" if given else (family or ""))


def bibtex_entry(key: str, kind: str, fields: dict[str, str], *, authors: Sequence[str] = ()) -> str:
    """An entry; `authors` are already formatted by `bibtex_name` and joined with 'and'."""
    body = []
    if authors:
        body.append(f"  author = {{{' and '.join(authors)}}}")
    body += [f"  {name} = {{{bib_escape(value)}}}" for name, value in fields.items() if value]
    return f"@{kind}{{{bib_key(key)},\n" + ",\n".join(body) + "\n}\n"
