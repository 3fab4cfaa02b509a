"""Page templates run in `macros.pages.sandbox.PageSandbox` (events: on_config,
on_page_markdown).

mkdocs-macros renders pages with a plain `jinja2.Environment` and hands them `config`,
the plugins and hooks, `environment` and `git`, from which `{{ … }}` reaches `os` and
`subprocess`. on_config, after mkdocs-macros built its environment, replaces it with a
PageSandbox that sees the site's macros, `range` and the page's own front matter, nothing
else. on_page_markdown, after mkdocs-macros rendered a page, records the page's template
error (line in the file, one line) so that the build fails once every page has been read.
`_env` is private API of mkdocs-macros 1.5.0 (pinned); tests/test_page_trust.py keeps
the payloads as regression tests.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from macros import MACROS, adapter
from macros.pages.sandbox import PageSandbox, plain

_DELIMITERS = (
    *("block_start_string", "block_end_string", "variable_start_string"),
    *("variable_end_string", "comment_start_string", "comment_end_string"),
)


def _page_variables(variables: dict[str, Any]) -> dict[str, Any]:
    """What a page template sees of mkdocs-macros' variables: its own front matter."""
    page = variables.get("page")
    meta = plain(getattr(page, "meta", None) or {})
    assert isinstance(meta, dict)
    view = {
        "title": plain(getattr(page, "title", None)),
        "url": plain(getattr(page, "url", "")),
        "meta": meta,
    }
    return {**meta, "page": view}


@event_priority(-100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    plugin = config.plugins.get("macros")
    old = getattr(plugin, "_env", None)
    missing = [name for name in MACROS if old is None or name not in old.globals]
    if plugin is None or old is None or missing:
        raise PluginError(f"sandbox hook: mkdocs-macros has no environment with the macros {missing}")
    macros = {name: old.globals[name] for name in MACROS}
    plugin._env = PageSandbox(macros, _page_variables, **{d: getattr(old, d) for d in _DELIMITERS})
    return config


@event_priority(-100)  # after mkdocs-macros rendered the page
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    env = getattr(config.plugins.get("macros"), "_env", None)
    problem = env.take_problem() if isinstance(env, PageSandbox) else None
    if problem is not None:
        line, message = problem
        raw, body = page.file.content_string, page.markdown or ""
        offset = raw.count("\n", 0, len(raw) - len(body)) if body and raw.endswith(body) else 0
        where = adapter.page_source(config, page.file) + (f":{offset + line}" if line else "")
        adapter.page_problem(config, f"{where}: {message}")
    return markdown
