"""Check the built site before it counts as built (event: on_post_build).

Runs `macros.editions.site_check` over the output folder and fails the build, listing every
problem, if a page carries markup it should not, a bad URL, a broken link or anchor,
a duplicate id or a macro leftover.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from macros.editions.site_check import check_site


def on_post_build(*, config: MkDocsConfig) -> None:
    problems = check_site(Path(config.site_dir), offline=not config.use_directory_urls)
    if problems:
        listing = "\n".join(problems[:200])
        more = f"\n… and {len(problems) - 200} more" if len(problems) > 200 else ""
        raise PluginError(f"built site failed its checks ({len(problems)} problems):\n{listing}{more}")
