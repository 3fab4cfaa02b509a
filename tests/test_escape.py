"""Escape helpers, one by one: where a value from data turns into Markdown, an href, a
spreadsheet cell, BibTeX or XML, what a reader (or the tool reading the file) gets back."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from xml.sax.saxutils import escape as xml_escape

import bibtexparser
import markdown
import pytest

from macros.editions.bibtex import bib_escape, bibtex_entry
from macros.editions.downloads import csv_cell
from macros.editions.feed import xml_text
from macros.pages.escape import MacroError, md_text, safe_url

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


# -- Markdown (a generated page's heading) -----------------------------------------------

# MkDocs always adds toc, tables and fenced_code; mkdocs.yml adds the rest.
EXTENSIONS = ["toc", "tables", "fenced_code", "attr_list", "admonition", "footnotes"]


class _Heading(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text += data


@pytest.mark.parametrize(
    "text",
    [
        *r"\`*_{}[]()#+-.!|<>&",
        "a*b_[c](d) <e> & f",
        "[click](javascript:alert(1))",
        "<script>alert(1)</script>",
        "Bob { onclick=x } {#id}",
        "1. not a list",
        "- not a list",
        "# not a heading",
        "> not a quote",
        "|a|b|",
        "`code` **bold** __under__",
        "&amp; &lt;b&gt; &#60;",
        "Erdoğan’s \\ backslash",
    ],
)
def test_md_text_heading_shows_the_text_and_nothing_else(text: str) -> None:
    html = markdown.markdown(f"# {md_text(text)} {{ #x }}", extensions=EXTENSIONS)
    parser = _Heading()
    parser.feed(html)
    assert parser.tags == [("h1", {"id": "x"})], html
    assert parser.text == text, html


def test_md_text_escapes_every_special_character() -> None:
    assert md_text(r"\`*_{}[]()#+-.!|") == "".join("\\" + c for c in r"\`*_{}[]()#+-.!|")
    assert md_text("<>&") == "&lt;&gt;&amp;"
    assert md_text("Plain text, 2024") == "Plain text, 2024"


# -- URLs placed in an href --------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/",
        "http://example.org/path?a=1&b=2#frag",
        "https://web.archive.org/web/20240101000000/https://example.org/x",
        "https://example.org/Erdoğan",
    ],
)
def test_safe_url_passes_http_urls_unchanged(url: str) -> None:
    assert safe_url(url) == url


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "ftp://example.org/file",
        "//example.org/no-scheme",
        "/relative/path",
        "https://",
        "https://example.org/a b",
        'https://example.org/" onmouseover="alert(1)',
        "https://example.org/'x",
        "https://example.org/<x>",
        "https://example.org/\\x",
        "https://example.org/\x00",
        "https://example.org/\x85",
    ],
)
def test_safe_url_refuses_anything_else(url: str) -> None:
    with pytest.raises(MacroError, match="refusing to link") as info:
        safe_url(url)
    assert repr(url) in str(info.value)  # the message names the value


# -- Spreadsheet cells -------------------------------------------------------------------


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "=HYPERLINK(x)"])
def test_csv_cell_makes_a_would_be_formula_text(value: str) -> None:
    """OWASP's list: a cell starting with = + - @ tab or CR gets a leading apostrophe."""
    assert csv_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["", "a=b", "1", "Ankara", "'=1", " plain", "2024-07-03", "–", "「=」"])
def test_csv_cell_leaves_other_values_alone(value: str) -> None:
    assert csv_cell(value) == value


# -- XML text (the Atom feed) ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        ("Fix\x0bthe\x0cfeed", "Fixthefeed"),
        ("nul\x00here", "nulhere"),
        ("esc\x1b[0m", "esc[0m"),
        ("not\ufffea\uffffchar", "notachar"),
        ("lone \ud800 surrogate", "lone  surrogate"),
        ("tab\tnew\nline\rok", "tab\tnew\nline\rok"),
        ("Erdoğan & <Əliyev> “quoted”", "Erdoğan & <Əliyev> “quoted”"),
    ],
)
def test_xml_text_drops_only_what_xml_cannot_carry(text: str, clean: str) -> None:
    assert xml_text(text) == clean
    element = ET.fromstring(f"<t>{xml_escape(xml_text(text))}</t>")
    assert element.text == clean.replace("\r", "\n")  # XML parsers normalise CR to LF
