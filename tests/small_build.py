"""Small MkDocs builds run in-process, the way MkDocs' own tests build a site
(mkdocs/tests/base.py and build_tests.py: `load_config`, then `build`).

A small project has the fixture data, four pages and the real mkdocs.yml (inherited with
`INHERIT`, so every hook, plugin and strict setting is the real one); only the nav is left
to MkDocs, so that a page added by a test is not also reported as missing from the nav.
A build takes about a second instead of a full build of the real site.

Each project lives in its own temporary directory, so its mkdocs.yml path is its own: the
adapter keeps one Dataset per config file path (macros/adapter.py) and MkDocs caches hook
modules per path, so two builds never share state. mkdocs-macros puts the project on
sys.path when it imports `macros`; the path is restored after each build.
"""

from __future__ import annotations

import logging
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from conftest import FIXTURE, ROOT
from mkdocs.commands.build import build
from mkdocs.config import load_config

MACRO_PAGE = "---\nrender_macros: true\n---\n"
PAGES = {
    "index.md": "# Home\n\nA small site built from the test fixture.\n",
    "sources.md": MACRO_PAGE + "# Sources\n\n{{ sources_list() }}\n",
    "claims.md": MACRO_PAGE + "# All claims\n\n{{ all_claims() }}\n",
    "methodology.md": "# Methodology\n\n## How sources are chosen\n\nBy hand.\n",
}


def small_project(tmp_path: Path) -> Path:
    """A project with the fixture data and a few pages, whose mkdocs.yml inherits the real one."""
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / "mkdocs.yml").write_text(f"INHERIT: {ROOT / 'mkdocs.yml'}\nnav: null\n", encoding="utf-8")
    for rel, text in PAGES.items():
        (project / "docs" / rel).write_text(text, encoding="utf-8")
    shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets")
    shutil.copytree(FIXTURE, project / "data")
    for name in ("macros", "hooks"):
        (project / name).symlink_to(ROOT / name)
    return project


def write(project: Path, rel: str, text: str) -> None:
    path = project / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


class _Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname} - {record.getMessage()}")


@dataclass(frozen=True)
class Outcome:
    error: BaseException | None  # None: the build passed
    log: str  # every warning and error MkDocs, a plugin or a hook logged, one per line
    site: Path

    @property
    def output(self) -> str:
        """What `mkdocs build` would have printed: the log, then the exception that ended it."""
        ending = f"{type(self.error).__name__}: {self.error}" if self.error else ""
        return f"{self.log}\n{ending}"


def run(project: Path) -> Outcome:
    """`mkdocs build` (strict, as mkdocs.yml says) of `project` into project/site, in-process."""
    handler = _Lines()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    saved_path = sys.path[:]
    error: BaseException | None = None
    try:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
        build(config)
    except (Exception, SystemExit) as exc:  # mkdocs-macros ends a failed render with exit(100)
        error = exc
    finally:
        logger.removeHandler(handler)
        sys.path[:] = saved_path
    return Outcome(error, "\n".join(handler.lines), project / "site")
