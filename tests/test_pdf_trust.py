"""The PDF edition leaks nothing and publishes nothing broken (issue 10, items 3 and 5).

Each case prints a two-page site written here (a home page whose nav lists one page),
with one problem in the page; the edition must fail with one clear line, and leave no
PDF behind. The real edition (tests/test_pdf.py) prints with no warning at all.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import ROOT

from macros.editions.edition import Edition
from macros.editions.pdf import PdfError, write_pdf

EDITION = Edition("Test briefing", datetime(2026, 11, 25, tzinfo=UTC), "test")
HOME = (
    '<html lang="en"><body><nav class="md-nav md-nav--primary"><a class="md-nav__link" href="page/">Page</a></nav>'
    '<article class="md-content__inner"><h1 id="home">Home</h1><p>Welcome.</p></article></body></html>'
)
PAGE = '<html lang="en"><body><article class="md-content__inner"><h1 id="page">Page</h1>{}</article></body></html>'


def _site(tmp_path: Path, body: str) -> Path:
    site = tmp_path / "site"
    (site / "page").mkdir(parents=True)
    (site / "index.html").write_text(HOME, encoding="utf-8")
    (site / "page" / "index.html").write_text(PAGE.format(body), encoding="utf-8")
    (tmp_path / "secret.txt").write_text("not for the PDF", encoding="utf-8")
    (tmp_path / "secret.png").write_bytes(b"\x89PNG\r\n")
    return site


def test_a_clean_site_prints(tmp_path: Path) -> None:
    out = tmp_path / "dist" / "b.pdf"
    assert write_pdf(_site(tmp_path, "<p>Plain text, Erdoğan, Əliyev.</p>"), out, EDITION) >= 2
    assert out.read_bytes().startswith(b"%PDF") and not (tmp_path / "dist" / "b.pdf.part").exists()


CASES = [
    (
        "local-file-outside-the-site",
        '<p><img alt="x" src="../../secret.png"></p>',
        "the PDF may load only files of the built site, not 'file://{tmp}/secret.png'",
    ),
    (
        "http-url",
        '<p><img alt="x" src="http://127.0.0.1:9/tracker.png"></p>',
        "the PDF may load only files of the built site, not 'http://127.0.0.1:9/tracker.png'",
    ),
    (
        "stylesheet-outside-the-site",
        '<link rel="stylesheet" href="https://cdn.example/x.css">',
        "the PDF may load only files of the built site, not 'https://cdn.example/x.css'",
    ),
    (
        "attachment-link",
        '<p><a rel="attachment" href="../../secret.txt">notes</a></p>',
        "page/index.html: rel=attachment would embed '../../secret.txt' in the PDF; the PDF embeds no file",
    ),
    (
        "attachment-of-a-site-file",
        '<link rel="Attachment" href="../index.html">',
        "page/index.html: rel=attachment would embed '../index.html' in the PDF; the PDF embeds no file",
    ),
    (
        "missing-image",
        '<p><img alt="x" src="missing.png"></p>',
        "the PDF could not load 'page/missing.png': [Errno 2] No such file or directory: '{tmp}/site/page/missing.png'",
    ),
    (
        "missing-stylesheet",
        '<link rel="stylesheet" href="missing.css">',
        "the PDF could not load 'page/missing.css': [Errno 2] No such file or directory: '{tmp}/site/page/missing.css'",
    ),
    (
        "missing-glyph",
        "<p>A private-use character: \ue000.</p>",
        "no font has '\\ue000' (U+E000): it would print as an empty box",
    ),
    (
        "ignored-css",
        '<p style="colour: red; break-inside: sideways">x</p>',
        "WeasyPrint: Ignored `colour: red` at 1:1, unknown property.",
    ),
]


@pytest.mark.parametrize(("body", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_problem_stops_the_edition_with_one_line(tmp_path: Path, body: str, expected: str) -> None:
    site, out = _site(tmp_path, body), tmp_path / "dist" / "b.pdf"
    with pytest.raises(PdfError) as info:
        write_pdf(site, out, EDITION)
    first = str(info.value).splitlines()[0]
    assert first == expected.format(tmp=tmp_path.resolve())
    assert not out.exists() and not (tmp_path / "dist" / "b.pdf.part").exists()


def test_make_pdf_prints_the_lines_and_no_traceback(tmp_path: Path) -> None:
    site = _site(tmp_path, "<p><img alt='x' src='missing.png'></p>")
    (site / "downloads").mkdir()
    about = {"site_name": "Test briefing", "date": "2026-11-25T00:00:00+00:00", "version": "test"}
    (site / "downloads" / "dataset.json").write_text(json.dumps({"edition": about}), encoding="utf-8")
    out = tmp_path / "b.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "macros", "pdf", "--site", str(site), "--out", str(out)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    missing = site.resolve() / "page" / "missing.png"
    assert result.stderr.splitlines() == [
        f"pdf: error: the PDF could not load 'page/missing.png': [Errno 2] No such file or directory: '{missing}'",
        f"pdf: {out} not written",
    ]
    assert not out.exists()
