"""Run page templates in Jinja's sandbox (event: on_config, after mkdocs-macros).

mkdocs-macros renders pages with a plain `jinja2.Environment`, in which
`{{ cycler.__init__.__globals__.os.popen('id').read() }}` runs a shell command. This
hook swaps the plugin's environment for an `ImmutableSandboxedEnvironment` with the
same loader, delimiters, undefined behaviour, globals and filters, so such a page
fails the build with a SecurityError. `_env` is private API of mkdocs-macros 1.5.0
(pinned); tests/test_build.py keeps the payload as a regression test.
"""

from __future__ import annotations

from jinja2.sandbox import ImmutableSandboxedEnvironment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

_COPIED = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "undefined",
    "loader",
    "extensions",
)


@event_priority(-100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    plugin = config.plugins.get("macros")
    old = getattr(plugin, "_env", None)
    if plugin is None or old is None:
        raise PluginError("sandbox hook: the macros plugin has no Jinja environment to replace")
    settings = {name: getattr(old, name) for name in _COPIED if name != "extensions"}
    sandbox = ImmutableSandboxedEnvironment(**settings, extensions=list(old.extensions))
    sandbox.globals.update(old.globals)
    sandbox.filters.update(old.filters)
    sandbox.tests.update(old.tests)
    plugin._env = sandbox
    return config
