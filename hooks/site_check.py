"""Check the built site before it counts as built (event: on_post_build).

Runs `macros.editions.site_check` over the output folder and fails the build, listing every
problem, if a page carries markup it should not (script that is not the theme's, whose
inline scripts are read from the theme's templates), a bad URL, a broken link or anchor,
a duplicate id or a leftover.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from macros.editions.editions_files import FILES
from macros.editions.html_rules import theme_scripts
from macros.editions.site_check import check_site


def on_post_build(*, config: MkDocsConfig) -> None:
    theme = theme_scripts(Path(d) for d in config.theme.dirs)
    offline = not config.use_directory_urls
    # The PDF and the offline copy are placed in the site after this build (make build).
    later = () if offline else [f.path for f in FILES]
    problems = check_site(Path(config.site_dir), offline=offline, theme=theme, placed_later=later)
    if problems:
        listing = "\n".join(problems[:200])
        more = f"\n… and {len(problems) - 200} more" if len(problems) > 200 else ""
        raise PluginError(f"built site failed its checks ({len(problems)} problems):\n{listing}{more}")
