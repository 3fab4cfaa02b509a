"""mkdocs-macros entry point: register the macros pages may call. No logic here.

Pages opt in with `render_macros: true` in their front matter. Each macro calls the
method of the same name on `pages.render.Renderer` (one Renderer per page, so citation
numbers are per page), whose docstring is the macro's documentation. Errors name the
page (mkdocs-macros adds it) and the call, and fail the build (`on_error_fail: true`).
The Dataset is the one the adapter loaded for this build.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

# The macros a page may call, by name (methods of pages.render.Renderer).
MACROS = (
    "entity_page",
    "people_index",
    "meetings_index",
    "disputes_index",
    "countries_index",
    "sources_list",
    "claim",
    "claims",
    "developments",
    "all_claims",
    "claims_about",
    "article_audit",
    "audit_scorecard",
    "timeline_svg",
    "graph_svg",
    "cite",
    "contributors",
    "csv_guide",
    "edition_downloads",
    "corrections_log",
    "maintainers_page",
)


def define_env(env: Any) -> None:
    # Imported here, not at the top: `python -m macros check` imports this package and must
    # not import MkDocs (the adapter does).
    from . import page_adapter
    from .pages.render import Renderer

    pages: dict[str, Renderer] = {}

    def renderer() -> Renderer:
        key = env.page.file.src_uri
        if key not in pages:
            pages.clear()
            pages[key] = page_adapter.renderer(env.conf, env.variables["files"], env.page.file)
        return pages[key]

    def bind(name: str) -> Callable[..., str]:
        @functools.wraps(getattr(Renderer, name))
        def call(*args: Any) -> str:
            return str(getattr(renderer(), name)(*args))

        return call

    for name in MACROS:
        env.macro(bind(name), name)
    env.variables["_briefing_renderers"] = pages


def on_post_page_macros(env: Any) -> None:
    """Append the page's references after its macros have run (mkdocs-macros hook)."""
    from . import adapter

    current = env.variables.get("_briefing_renderers", {}).get(env.page.file.src_uri)
    if current is not None:
        env.markdown = env.markdown + "\n\n" + str(current.references())
        adapter.note_claim_reviews(env.conf, env.page.file.src_uri, tuple(current.reviewed))
