"""Escape helpers, one by one: where a value from data turns into Markdown, an href, a
spreadsheet cell, BibTeX or XML, what a reader (or the tool reading the file) gets back."""

from __future__ import annotations

import bibtexparser
import pytest

from macros.editions.bibtex import bib_escape, bibtex_entry

# -- BibTeX ------------------------------------------------------------------------------

# Each LaTeX special character and the text-mode command or escape that prints it.
LATEX = [
    ("&", r"\&"),
    ("%", r"\%"),
    ("$", r"\$"),
    ("#", r"\#"),
    ("_", r"\_"),
    ("{", r"\textbraceleft{}"),
    ("}", r"\textbraceright{}"),
    ("~", r"\textasciitilde{}"),
    ("^", r"\textasciicircum{}"),
    ("\\", r"\textbackslash{}"),
]


def _bib(text: str) -> list[dict[str, str]]:
    parser = bibtexparser.bparser.BibTexParser(common_strings=True)
    return bibtexparser.loads(text, parser=parser).entries


@pytest.mark.parametrize(("char", "latex"), LATEX, ids=[c for c, _ in LATEX])
def test_bib_escape_makes_each_latex_special_literal(char: str, latex: str) -> None:
    assert bib_escape(f"a{char}b") == f"a{latex}b"
    # The entry survives a BibTeX parser with the value exactly as written (a lone `\{`
    # would unbalance the braces and the entry would be dropped).
    entries = _bib(bibtex_entry("k", "misc", {"title": f"a{char}b"}))
    assert [e["title"] for e in entries] == [f"a{latex}b"]


def test_bib_escape_replaces_once_and_leaves_other_text_alone() -> None:
    specials = "".join(c for c, _ in LATEX)
    assert bib_escape(specials) == "".join(latex for _, latex in LATEX)
    assert bib_escape("Erdoğan’s “Three Brothers” – 50 km") == "Erdoğan’s “Three Brothers” – 50 km"
