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
