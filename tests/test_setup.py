"""The checkout runs its own code: the venv's `macros` is this checkout's, wherever it is."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

import macros


def test_tests_import_this_checkouts_macros() -> None:
    assert Path(macros.__file__).resolve() == ROOT / "macros" / "__init__.py"


def test_the_venv_points_at_this_checkout(tmp_path: Path) -> None:
    """From outside the checkout, the venv's Python finds `macros` through the project's
    install only. A venv copied or moved with its checkout must not find the old copy: `make`
    re-points it (see the Makefile's setup), or this test says what to run."""
    found = subprocess.run(
        [sys.executable, "-c", "import macros; print(macros.__file__)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert found.returncode == 0, found.stderr
    assert Path(found.stdout.strip()).resolve() == ROOT / "macros" / "__init__.py", (
        f"the venv runs {found.stdout.strip()}, not this checkout's code: run `make setup`"
    )


def test_every_dependency_installs_on_debian_12s_python() -> None:
    """`make test` must work with the Python of a fresh Debian 12 (3.11.2): no pinned
    package may ask for a later one (pymdown-extensions 13 asks for 3.11.5)."""
    from importlib.metadata import distributions

    from packaging.requirements import Requirement
    from packaging.specifiers import SpecifierSet

    pinned = {
        Requirement(line).name.lower().replace("_", "-")
        for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    too_new = sorted(
        f"{d.metadata['Name']} {d.version} (Requires-Python {d.metadata['Requires-Python']})"
        for d in distributions()
        if d.metadata["Name"].lower().replace("_", "-") in pinned
        and d.metadata["Requires-Python"]
        and "3.11.2" not in SpecifierSet(d.metadata["Requires-Python"])
    )
    assert len(pinned) > 50 and too_new == []
