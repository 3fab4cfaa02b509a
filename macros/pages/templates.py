"""The Jinja environment of the page blocks: autoescaping, strict, with the label tables.

Markup lives in `templates/`; Python hands over records. Autoescaping is on for every
template, so a value from data can never become markup.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from . import labels
from .dates import format_date, format_span
from .escape import md_text, safe_url

TEMPLATES = Path(__file__).parent / "templates"


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # templates do not change during a build; no stat per use
    )
    env.filters["date"] = format_date
    env.filters["url"] = safe_url
    env.filters["span"] = format_span
    env.filters["words"] = labels.words
    # Text placed in a Markdown heading: escaped for Markdown as well as for HTML.
    env.filters["md"] = lambda text: Markup(md_text(str(text)))
    env.globals.update(
        KIND_LABELS=labels.KIND_LABELS,
        VERDICT_LABELS=labels.VERDICT_LABELS,
        KIND_HELP=labels.KIND_HELP,
        ORIGIN_LABELS=labels.ORIGIN_LABELS,
        FLAG_LABELS=labels.FLAG_LABELS,
        LANG_NAMES=labels.LANG_NAMES,
    )
    return env


ENV = _environment()
