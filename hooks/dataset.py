"""Load and check data/ once per build, before anything else runs (event: on_config).

Every macro and hook of the build then uses this Dataset (macros.adapter.dataset); a data
error fails the build here, once, with every problem listed.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from macros import adapter


@event_priority(100)  # before mkdocs-macros builds its environment
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    adapter.load(config)
    return config
