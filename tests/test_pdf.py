"""The PDF edition: cover, numbered contents, every claim and every cited URL, non-Latin names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import real_data
from pypdf import PdfReader

from macros.core.refs import iter_leaves

DATA = real_data()
# Printing the real site takes minutes: one worker prints it, first (see conftest.py).
pytestmark = pytest.mark.xdist_group("pdf")


@pytest.fixture(scope="module")
def pdf(pdf_edition: Path) -> tuple[list[str], PdfReader]:
    reader = PdfReader(pdf_edition)
    return [p.extract_text() for p in reader.pages], reader


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).replace("\u00ad", "")


def test_cover_and_contents(pdf: tuple[list[str], PdfReader]) -> None:
    pages, _ = pdf
    assert "The Three Brothers briefing" in pages[0] and "Edition of 25 November 2026" in pages[0]
    assert "Version test" in pages[0]
    assert "Summary" in pages[1]
    assert any("Contents" in p for p in pages[2:4])  # after the summary
    # The contents run over as many pages as they need, each headed "Contents".
    contents = "".join(p for p in pages[1:10] if p.count("Contents") >= 1 and "....." in p)
    entries = re.findall(r"([A-Z][^\n.]+?)\s*\.{3,}\s*(\d+)", contents)
    titles = {t.strip(): int(n) for t, n in entries}
    assert titles["The trilateral format"] > 2 and titles["Methodology"] > titles["Sources"]
    assert len(entries) >= 30


def test_pages_are_numbered_with_running_headers(pdf: tuple[list[str], PdfReader]) -> None:
    pages, _ = pdf
    total = len(pages)
    for number, text in enumerate(pages[1:], start=2):
        assert f"Page {number} of {total}" in text, number
        assert "The Three Brothers briefing" in text


def test_every_claim_and_every_cited_url_is_printed(pdf: tuple[list[str], PdfReader]) -> None:
    pages, _ = pdf
    text = _squash("".join(pages))
    for claim in DATA.claims.values():
        assert _squash(claim.text) in text, claim.id
    cited = {
        value
        for kind in DATA.records.values()
        for record in kind.values()
        for _, value, ref in iter_leaves(record)
        if ref is not None and "source" in ref.kinds
    }
    cited &= set(DATA.sources)
    for sid in cited:
        url = DATA.sources[sid].url
        if url:
            assert _squash(url) in text, sid


def test_kind_labels_and_chapters(pdf: tuple[list[str], PdfReader]) -> None:
    pages, _ = pdf
    text = "".join(pages)
    for label in ("FACT", "STATEMENT", "ALLEGATION", "OPINION", "DISPUTED"):
        assert label in text
    for chapter in (
        "The article, audited",
        "Sources",
        "Methodology",
        "Armenia–Azerbaijan and Nagorno-Karabakh",
    ):
        assert chapter in text


def test_non_latin_names_are_set_in_fonts_that_have_them(pdf: tuple[list[str], PdfReader]) -> None:
    pages, reader = pdf
    fonts = set()
    for page in reader.pages:
        for font in (page.get("/Resources", {}).get("/Font", {}) or {}).values():
            fonts.add(str(font.get_object().get("/BaseFont")))
    joined = " ".join(fonts)
    assert "Armenian" in joined and ("Nastaliq" in joined or "Naskh" in joined)
    text = "".join(pages)
    assert "Путин" in text and "Erdoğan" in text and "Əliyev" in text
    assert "Փաշինյան" in text


def _page_of(pages: list[str], needle: str, start: int = 0) -> int:
    """1-based number of the first page from `start` whose text contains `needle` (squashed)."""
    squashed = _squash(needle)
    return next(n for n, text in enumerate(pages[start:], start=start + 1) if squashed in _squash(text))


def test_document_metadata_and_tags(pdf: tuple[list[str], PdfReader]) -> None:
    _, reader = pdf
    info = reader.metadata
    assert info is not None
    assert info.title == "The Three Brothers briefing"
    assert info.author == "Three Brothers briefing contributors"
    assert info.subject and info.subject.startswith(
        "A sourced briefing on the Türkiye–Azerbaijan–Pakistan alignment"
    )
    assert info["/CreationDate"].startswith("D:20261125")
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root  # a tagged PDF


def test_cover_prints_the_sites_address_and_licence(pdf: tuple[list[str], PdfReader]) -> None:
    pages, _ = pdf
    assert "https://example.org/briefing/" in pages[0]
    assert "CC BY 4.0" in pages[0] and "Three Brothers briefing contributors" in pages[0]


def test_summary_page_follows_the_cover(pdf: tuple[list[str], PdfReader]) -> None:
    pages, _ = pdf
    summary = pages[1]
    assert summary.startswith("Summary") or "\nSummary\n" in summary[:200]
    assert "The briefing as of 25 November 2026" in summary
    assert "Key facts" in summary and "Latest developments" in summary
    # Each line points to the chapter and the page that prints the claim in full.
    refs = re.findall(r"— ([^,—]+?),\s*p\.\s*(\d+)", summary)
    assert len(refs) >= 5
    claim = DATA.claims["astana-meeting-held"]
    assert _squash(claim.text[:60]) in _squash(summary)


def test_all_claims_is_an_index_with_page_numbers(pdf: tuple[list[str], PdfReader]) -> None:
    pages, _ = pdf
    first = _page_of(pages, "Every claim of the briefing, by its label and its text")
    # The index's pages run until the next chapter: their running header says "All claims".
    last = first
    while last < len(pages) and "The Three Brothers briefing All claims\nPage" in pages[last]:
        last += 1
    index = "\n".join(pages[first - 1 : last])
    entries = re.findall(r",\s*p\.\s*(\d+)", index)  # each line ends "— <chapter>, p. <n>"
    assert len(entries) == len(DATA.claims)  # every claim is printed on a topic chapter
    assert last - first + 1 <= 12  # a few pages, not one page per few claims
    # A reference leads to a page that prints the claim in full.
    claim = DATA.claims["astana-meeting-held"]
    where = re.search(
        re.escape(claim.text[:40]).replace(r"\ ", r"\s*") + r".*?— [^,—]+?,\s*p\.\s*(\d+)", index, re.S
    )
    assert where is not None
    assert _squash(claim.text[:60]) in _squash(pages[int(where[1]) - 1])


def test_references_keep_full_urls(pdf: tuple[list[str], PdfReader]) -> None:
    pages, _ = pdf
    text = _squash("".join(pages))
    source = DATA.sources["blitz-article"]
    assert _squash(source.title or "") in text
