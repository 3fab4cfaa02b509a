"""Catch page mistakes that MkDocs would otherwise publish (event: on_page_markdown).

Runs before mkdocs-macros. Fails the build on:
* front matter that is not valid YAML (MkDocs silently renders it as page text);
* `{#id}` in a page that renders macros: `{#` opens a Jinja comment (write `{ #id }`).
"""

from __future__ import annotations

import re

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*\n", re.S)
JINJA_COMMENT = re.compile(r"\{#(?!\s)")


@event_priority(100)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    src = f"{config.docs_dir.rstrip('/').split('/')[-1]}/{page.file.src_uri}"
    if page.file.abs_src_path:
        with open(page.file.abs_src_path, encoding="utf-8-sig") as fh:
            raw = fh.read()
        match = FRONT.match(raw)
        if raw.startswith("---") and match is None:
            raise PluginError(f"{src}:1: front matter is not closed with '---'")
        if match:
            try:
                meta = yaml.safe_load(match.group(1))
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                line = mark.line + 2 if mark else 1
                raise PluginError(
                    f"{src}:{line}: front matter is not valid YAML: {getattr(exc, 'problem', exc)}"
                ) from None
            if not isinstance(meta, dict):
                raise PluginError(f"{src}:2: front matter must be 'key: value' lines")
    if page.meta.get("render_macros"):
        for number, line in enumerate(markdown.splitlines(), start=1):
            if JINJA_COMMENT.search(line):
                raise PluginError(
                    f"{src}: line {number} of the body: '{{#' starts a Jinja "
                    f"comment; write attribute lists with a space: '{{ #id }}'"
                )
    return markdown
