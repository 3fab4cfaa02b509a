"""What a written page may say before its body, and how its strings reach HTML.

MkDocs publishes broken front matter as page text, and Material prints `title` and
`description` into `<head>` and the nav without escaping them (`<meta name="description"
content="{{ page.meta.description }}">`). So, before a page is rendered:

* the front matter must be a closed, valid YAML mapping of known keys (`FrontMatter`,
  unknown keys are refused: `template`, `icon` or `location` would change what Material
  prints); `title` and `description` are plain text, as data text fields are;
* `{#` may not appear in a page that renders macros (it opens a Jinja comment);
* `escaped(meta)` gives `title` and `description` as HTML, the form MkDocs gives a
  title taken from the first heading, so every template prints them safely.

Problems come back as (line in the file, message). Pure: no MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Literal

import yaml
from markupsafe import Markup, escape
from pydantic import StrictBool, ValidationError

from ..core.base import Model
from ..core.fields import Id, Text

FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*\n", re.S)
JINJA_COMMENT = re.compile(r"\{#(?!\s)")
ESCAPED_KEYS = ("title", "description")


class Search(Model):
    exclude: StrictBool = False


class FrontMatter(Model):
    """The keys a page's front matter may carry."""

    render_macros: StrictBool = False
    title: Text | None = None
    description: Text | None = None
    search: Search | None = None
    hide: tuple[Literal["navigation", "toc", "footer", "path", "tags", "feedback"], ...] = ()
    entity: str | None = None  # set by hooks/entity_pages.py on the pages it generates
    covers: tuple[Id, ...] = ()  # records the page is about: their generated pages point to it


def _key_line(front: str, key: str) -> int:
    match = re.search(rf"^{re.escape(key)}\s*:", front, re.M)
    return front.count("\n", 0, match.start()) + 2 if match else 2


def _meta_problems(front: str, meta: Mapping[str, Any]) -> list[tuple[int, str]]:
    try:
        FrontMatter.model_validate(meta)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            key = ".".join(str(part) for part in err["loc"])
            if err["type"] == "extra_forbidden":
                allowed = ", ".join(FrontMatter.model_fields)
                message = f"unknown front matter key '{key}' (allowed: {allowed})"
            else:
                message = f"front matter › {key}: " + str(err["msg"]).removeprefix("Value error, ")
            problems.append((_key_line(front, str(err["loc"][0])), message))
        return problems
    return []


def page_problems(raw: str, body: str, meta: Mapping[str, Any]) -> list[tuple[int, str]]:
    """Every problem of a page: `raw` is its file, `body` what follows the front matter,
    `meta` the front matter as MkDocs read it."""
    match = FRONT.match(raw)
    if raw.startswith("---") and match is None:
        return [(1, "front matter is not closed with '---'")]
    problems: list[tuple[int, str]] = []
    if match:
        try:
            parsed = yaml.safe_load(match.group(1))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 2 if mark else 1
            return [(line, f"front matter is not valid YAML: {getattr(exc, 'problem', exc)}")]
        if not isinstance(parsed, dict):
            return [(2, "front matter must be 'key: value' lines")]
        problems += _meta_problems(match.group(1), meta)
    if meta.get("render_macros") is True:
        offset = raw.count("\n", 0, len(raw) - len(body)) if body and raw.endswith(body) else 0
        for number, line in enumerate(body.splitlines(), start=1):
            if JINJA_COMMENT.search(line):
                problems.append(
                    (
                        offset + number,
                        "'{#' starts a Jinja comment; write attribute lists with a space: '{ #id }'",
                    )
                )
    return problems


def escaped(meta: Mapping[str, Any]) -> dict[str, Markup]:
    """`title` and `description` as HTML (checked plain text, so only & and quotes change)."""
    return {key: escape(meta[key]) for key in ESCAPED_KEYS if isinstance(meta.get(key), str)}
