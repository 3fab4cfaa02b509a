"""Load and check data/ once per build, before anything else runs (event: on_config), and
keep Python's cyclic garbage collector off what lives through the build (on_nav).

Every macro and hook of the build then uses this Dataset (macros.adapter.dataset); a data
error fails the build here, once, with every problem listed. The worker (macros/worker.py)
is started first, to read data/ for its own tasks at the same time.

The Dataset, MkDocs' files and navigation are about a million objects that live until the
build ends and hold no garbage; each collection the build's allocations trigger walked
them all again (with the pause while the data is read, a seventh of a build's CPU at
1,000 meetings). Once the data is read, and again once the navigation is made, they are
frozen (`gc.freeze`: left out of collections, still freed by reference counting),
and the next build (`mkdocs serve`, or the tests' many builds in one process) first puts
them back, so that what it no longer uses can be collected.
"""

from __future__ import annotations

import gc

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from macros import adapter, worker_data


@event_priority(100)  # before mkdocs-macros builds its environment
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    gc.unfreeze()
    worker_data.read_ahead(adapter.project_root(config) / "data", adapter.data_day(config))
    adapter.load(config)  # with the collector paused while it reads (core/dataset.py)
    gc.freeze()
    return config


@event_priority(-100)  # once every plugin has made its part of the navigation
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    gc.freeze()
    return nav
