"""Check the built site before it counts as built (events: on_env, on_post_page last,
on_post_build, on_build_error).

Runs `macros.editions.site_check` over the output folder and fails the build, listing every
problem, if a page carries markup it should not (script that is not the theme's, whose
inline scripts are read from the theme's templates), a bad URL, a broken link or anchor,
a duplicate id or a leftover. Pages are read as they are written, beside the build
(macros/worker.py); the check at the end takes those reports for files that did not
change since and reads the rest.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from macros.editions.editions_files import FILES
from macros.editions.html_rules import theme_scripts
from macros.editions.site_check import check_site
from macros.worker import EarlyCheck

_EARLY: dict[str, EarlyCheck] = {}


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    theme = theme_scripts(Path(d) for d in config.theme.dirs)
    _EARLY[config.site_dir] = EarlyCheck(Path(config.site_dir), theme, frozenset(f.dest_uri for f in files))
    return env


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    if early := _EARLY.get(config.site_dir):
        early.page_made(page.file.dest_uri)
    return output


def on_post_build(*, config: MkDocsConfig) -> None:
    early = _EARLY.pop(config.site_dir, None)
    theme = early.rules.theme if early else theme_scripts(Path(d) for d in config.theme.dirs)
    offline = not config.use_directory_urls
    # The PDF and the offline copy are placed in the site after this build (make build).
    later = () if offline else [f.path for f in FILES]
    checked = early.reports() if early else {}
    problems = check_site(
        Path(config.site_dir), offline=offline, theme=theme, placed_later=later, checked=checked
    )
    if problems:
        listing = "\n".join(problems[:200])
        more = f"\n… and {len(problems) - 200} more" if len(problems) > 200 else ""
        raise PluginError(f"built site failed its checks ({len(problems)} problems):\n{listing}{more}")


def on_build_error(*, error: Exception) -> None:
    for early in _EARLY.values():
        early.cancel()
    _EARLY.clear()
