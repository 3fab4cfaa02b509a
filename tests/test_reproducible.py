"""Reproducible editions: the same commit gives byte-identical site, offline zip and PDF.

The project is built twice with the same SOURCE_DATE_EPOCH (as `make` sets it from the last
commit) but different hash seeds and output folders, with a site URL so the sitemap carries
dates; the zip is written from each build, and the PDF printed twice from one build.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import pytest
import small_build
from conftest import PDF_EDITION, ROOT, run_build, shared

EPOCH = "1751500800"  # any fixed moment: 3 July 2025, 00:00 UTC


def _digests(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    def make(seed: str) -> Callable[[Path], Path]:
        def build(folder: Path) -> Path:
            env = {
                "SOURCE_DATE_EPOCH": EPOCH,
                "PYTHONHASHSEED": seed,
                "SITE_URL": "https://example.org/briefing/",
            }
            result = run_build(ROOT, folder / "site", **env)
            assert result.returncode == 0, result.stderr
            return folder / "site"

        return build

    return shared(tmp_path_factory, "seed-1", make("1")), shared(tmp_path_factory, "seed-2", make("2"))


def test_two_builds_give_the_same_bytes(two_builds: tuple[Path, Path]) -> None:
    first, second = two_builds
    a, b = _digests(first), _digests(second)
    assert len(a) > 50 and "sitemap.xml.gz" in a
    assert "<lastmod>2025-07-03</lastmod>" in (first / "sitemap.xml").read_text(encoding="utf-8")
    assert sorted(p for p in a.keys() | b.keys() if a.get(p) != b.get(p)) == []


def test_the_zip_is_the_same_whatever_the_file_times(two_builds: tuple[Path, Path], tmp_path: Path) -> None:
    from macros.editions.offline import make_zip

    first, second = two_builds
    for path in second.rglob("*"):
        os.utime(path, (1_000_000_000, 1_000_000_000))
    make_zip(first, tmp_path / "a.zip")
    make_zip(second, tmp_path / "b.zip")
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()


def test_the_pdf_printed_twice_is_the_same(tmp_path: Path) -> None:
    """The PDF printed twice from one build is the same, byte for byte. Printed from a small
    build of the test fixture (every kind of record, non-Latin names, references, the index
    of claims) through the same code as the real edition: printing the real site takes minutes
    and is done once, by the PDF tests."""
    from macros.editions.pdf import write_pdf

    outcome = small_build.run(small_build.small_project(tmp_path))
    assert outcome.error is None, outcome.output
    assert write_pdf(outcome.site, tmp_path / "a.pdf", PDF_EDITION) > 2
    write_pdf(outcome.site, tmp_path / "b.pdf", PDF_EDITION)
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()
