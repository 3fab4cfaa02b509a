"""The offline build (OFFLINE=true): no request may leave the machine (events: on_config,
on_files).

Material's offline plugin would load the iframe-worker shim, which lets search run from
file://, from a CDN. This hook registers a copy installed from npm (`npm ci`, pinned in
package-lock.json) as a polyfill first, so the plugin leaves it alone, and adds the file
to the site.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

SHIM = "assets/vendor/iframe-worker/shim.js"


def offline() -> bool:
    return os.environ.get("OFFLINE", "").lower() in ("1", "true", "yes")


@event_priority(50)  # before the offline plugin's on_config
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if offline():
        config.extra["polyfills"] = [*config.extra.get("polyfills", []), SHIM]
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    if not offline():
        return files
    source = Path(config.config_file_path).resolve().parent / "node_modules/iframe-worker/shim/index.js"
    if not source.is_file():
        raise PluginError(f"{source} is missing: run `npm ci` (make offline does) to install iframe-worker")
    files.append(File.generated(config, SHIM, abs_src_path=str(source)))
    return files
