"""Reproducible editions: the same commit gives byte-identical site, offline zip and PDF.

The project is built twice with the same SOURCE_DATE_EPOCH (as `make` sets it from the last
commit) but different hash seeds and output folders, with a site URL so the sitemap carries
dates; the zip is written from each build, and the PDF printed twice from one build.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from conftest import PDF_EDITION, ROOT, run_build

EPOCH = "1751500800"  # any fixed moment: 3 July 2025, 00:00 UTC


def _digests(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    sites = []
    for seed in ("1", "2"):
        site = tmp_path_factory.mktemp(f"build-{seed}") / "site"
        env = {
            "SOURCE_DATE_EPOCH": EPOCH,
            "PYTHONHASHSEED": seed,
            "SITE_URL": "https://example.org/briefing/",
        }
        result = run_build(ROOT, site, **env)
        assert result.returncode == 0, result.stderr
        sites.append(site)
    return sites[0], sites[1]


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


def test_the_pdf_printed_twice_is_the_same(site_with_url: Path, pdf_edition: Path, tmp_path: Path) -> None:
    """Printing takes minutes, so the second print is of the site the PDF tests print."""
    from macros.editions.pdf import write_pdf

    write_pdf(site_with_url, tmp_path / "again.pdf", PDF_EDITION)
    assert (tmp_path / "again.pdf").read_bytes() == pdf_edition.read_bytes()
