"""Shared fixtures: a small valid data set to break one way at a time, golden files, and
builds of the real project."""

from __future__ import annotations

import difflib
import functools
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from filelock import FileLock

from macros.core.dataset import Dataset, build_dataset
from macros.core.errors import DataErrors
from macros.editions.edition import Edition

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "valid" / "data"
GOLDEN = Path(__file__).parent / "golden"
TODAY = date(2026, 11, 25)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that need the PDF edition first, in one pytest-xdist group (`make test` runs
    `--dist loadgroup`): printing the real site is the longest step of the run, so one worker
    prints it while the others take everything else."""
    items.sort(key=lambda item: item.get_closest_marker("xdist_group") is None)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="write tests/golden/ from the current output instead of comparing (then read the diff)",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """`golden(name, text)`: `text` must equal tests/golden/<name> byte for byte (line
    endings included). With `pytest --update-golden` the file is written instead."""
    update = bool(request.config.getoption("--update-golden"))

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text.encode("utf-8"))
            return
        assert path.is_file(), f"tests/golden/{name} is missing: run `pytest --update-golden`, then read it"
        expected = path.read_bytes().decode("utf-8")
        if text != expected:
            diff = difflib.unified_diff(
                expected.splitlines(keepends=True),
                text.splitlines(keepends=True),
                f"tests/golden/{name}",
                "rendered now",
            )
            pytest.fail(
                f"{name} differs from its golden file. If the change is meant, run "
                f"`pytest --update-golden` and review `git diff tests/golden`.\n" + "".join(diff),
                pytrace=False,
            )

    return check


@functools.cache
def real_data() -> Dataset:
    """The project's own data, loaded once per test session."""
    return build_dataset(ROOT / "data", today=date.today())


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A fresh copy of the valid fixture data, as `<tmp>/data`."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE, target)
    return target


def edit(data_dir: Path, rel: str, old: str, new: str) -> None:
    """Replace `old` (which must occur exactly once) with `new` in data/<rel>."""
    path = data_dir / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {rel}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def report(data_dir: Path) -> list[str]:
    """Every line the checker prints for `data_dir`: errors if any, else warnings."""
    try:
        dataset = build_dataset(data_dir, today=TODAY)
    except DataErrors as exc:
        return [e.format() for e in exc.errors]
    return [w.format() for w in dataset.warnings]


def make_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project)
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copytree(ROOT / "data", project / "data")
    for name in ("macros", "hooks"):
        (project / name).symlink_to(ROOT / name)
    return project


def run_build(project: Path, site: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of `project`'s mkdocs.yml into `site` (default project/site)."""
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "-f",
        str(project / "mkdocs.yml"),
        "-d",
        str(site or project / "site"),
    ]
    return subprocess.run(
        command,
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
    )


def shared(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], Path]) -> Path:
    """`make(folder)` once per test run, whatever the number of pytest-xdist workers: the
    first worker to need it makes it under a lock in the run's common temporary folder; the
    others wait and reuse it. A make that fails leaves no mark, so each worker reports it."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # pytest-xdist gives each worker a folder inside the run's own
    folder = base / f"shared-{name}"
    with FileLock(f"{folder}.lock"):
        done = folder / ".made"
        if not done.is_file():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            result = make(folder)
            done.write_text(str(result), encoding="utf-8")
        return Path(done.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project, built once per test run with `mkdocs build --strict`."""

    def make(folder: Path) -> Path:
        project = make_project(folder)
        result = run_build(project)
        assert result.returncode == 0, result.stderr
        return project / "site"

    return shared(tmp_path_factory, "real", make)


SITE_URL = "https://example.org/briefing/"
# The edition the pdf_edition fixture prints (test_reproducible.py prints it again).
PDF_EDITION = Edition(
    "Three Brothers briefing",
    datetime(2026, 11, 25, tzinfo=UTC),
    "test",
    site_url=SITE_URL,
    contributors=("First Contributor", "Second Contributor"),
)
# A written page whose first paragraph becomes its description: quotes, < > and & in it.
TRICKY_PAGE = 'Tricky "quotes" & <angle> brackets: this page exists to test escaping in the head.\n'


@pytest.fixture(scope="session")
def site_with_url(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project built with SITE_URL set, plus one written page whose description
    carries quotes, < > and &."""

    def make(folder: Path) -> Path:
        project = make_project(folder)
        (project / "docs" / "tricky.md").write_text(
            "# Tricky\n\n" + TRICKY_PAGE.replace("<", "&lt;"), encoding="utf-8"
        )
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        config.write_text(text.replace("\nnav:\n", "\nnav:\n  - Tricky: tricky.md\n", 1), encoding="utf-8")
        result = run_build(project, SITE_URL=SITE_URL)
        assert result.returncode == 0, result.stderr
        return project / "site"

    return shared(tmp_path_factory, "with-url", make)


@pytest.fixture(scope="session")
def offline_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`make offline`'s steps: an OFFLINE=true strict build, zipped, then unzipped elsewhere."""
    import zipfile

    from macros.editions.offline import make_zip

    def make(work: Path) -> Path:
        result = run_build(ROOT, work / "site", OFFLINE="true")
        assert result.returncode == 0, result.stderr
        archive = work / "dist" / "offline.zip"
        make_zip(work / "site", archive)
        with zipfile.ZipFile(archive) as zf:
            zf.extractall(work / "unzipped")
        return work / "unzipped" / "three-brothers-briefing"

    return shared(tmp_path_factory, "offline", make)


@pytest.fixture(scope="session")
def pdf_edition(site_with_url: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The PDF edition, printed from the build with SITE_URL (so its address is printed)."""
    from macros.editions.pdf import write_pdf

    def make(folder: Path) -> Path:
        write_pdf(site_with_url, folder / "briefing.pdf", PDF_EDITION)
        return folder / "briefing.pdf"

    return shared(tmp_path_factory, "pdf", make)
