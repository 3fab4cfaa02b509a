"""Catch page mistakes that MkDocs would otherwise publish (events: on_files,
on_page_markdown, on_env).

on_files records every file of docs/ that `macros.pages.docs_files` refuses (a link out
of docs/, a script). on_page_markdown runs before mkdocs-macros. Each problem of `macros.pages.front_matter.page_problems`
(front matter that is not valid YAML or has unknown keys, a title or description that is
not plain text, `{#` in a page that renders macros) is recorded with its file and line;
title and description are then handed on escaped. on_env, once every page has been read,
fails the build listing every page problem (these, and those of hooks/sandbox.py).
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from macros import adapter
from macros.pages.docs_files import docs_file_problem
from macros.pages.front_matter import escaped, page_problems


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    for file in files:
        if file.src_dir == config.docs_dir and file.abs_src_path and not file.generated_by:
            problem = docs_file_problem(file.src_uri, file.abs_src_path, config.docs_dir)
            if problem:
                adapter.page_problem(config, f"{adapter.page_source(config, file)}: {problem}")
    return files


@event_priority(100)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    src = adapter.page_source(config, page.file)
    raw = page.file.content_string if page.file.abs_src_path else markdown
    for line, message in page_problems(raw, markdown, page.meta):
        adapter.page_problem(config, f"{src}:{line}: {message}")
    page.meta.update(escaped(page.meta))
    return markdown


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    adapter.fail_on_page_problems(config)
    return env
