"""Material's site navigation, rendered once for all the generated pages of a folder, and
its partials that are the same on every page, rendered once per build (event: on_env).

Material renders the whole navigation into every page: at 1,000 meetings, a tenth of a
build went into drawing the same sidebar for each meeting. A page that is not in the nav
(every generated page) gets a sidebar that depends only on the page's place (the relative
`base_url`) and on which nav entries are active (its folder's index page, see
hooks/entity_pages.py); so the sidebar is kept by that key and reused. A page in the nav
shows its own table of contents in the sidebar and is always rendered. The cache is new
for every build (on_env), so `mkdocs serve` never shows a sidebar of an earlier build.

The header's search box and palette toggles read nothing but the build's configuration
(`config`, the theme's `features`, the `lang` translations: tests/test_nav_cache.py holds
Material's templates to that), so they are rendered for the first page and reused. The
theme's configuration for its scripts (base.html's `config` block) reads the same and
the page's place (`base_url`, and site-root addresses made relative to the page, which
only its depth decides): it is rendered once per `base_url`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jinja2 import Environment
from jinja2.runtime import Context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

NAV = "partials/nav.html"  # as base.html includes it
BUILD_WIDE = ("partials/search.html", "partials/palette.html")  # as header.html includes them
BUILD_WIDE_NAMES = frozenset({"config", "features", "lang"})  # all they read
BASE, BY_PLACE = "base.html", "config"  # the block of base.html drawn once per base_url


def _entries(items: list[Any]) -> Iterator[Any]:
    for item in items:
        yield item
        yield from _entries(getattr(item, "children", None) or [])


def _key(context: Context) -> tuple[object, ...] | None:
    """What the sidebar of this page depends on, or None if it must be rendered."""
    page, nav = context.get("page"), context.get("nav")
    if page is None or not isinstance(nav, Navigation) or page in nav.pages:
        return None
    active = tuple(n for n, item in enumerate(_entries(nav.items)) if item.active)
    return (context.get("base_url"), active)


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    template = env.get_template(NAV)
    render = template.root_render_func
    kept: dict[tuple[object, ...], str] = {}

    def cached(context: Context) -> Iterator[str]:
        key = _key(context)
        if key is None:
            yield from render(context)
            return
        if key not in kept:
            kept[key] = "".join(render(context))
        yield kept[key]

    template.root_render_func = cached
    for name in BUILD_WIDE:
        _once(env, name)
    base = env.get_template(BASE)
    block = base.blocks[BY_PLACE]
    by_place: dict[object, str] = {}

    def placed(context: Context) -> Iterator[str]:
        key = context.get("base_url")
        if key not in by_place:
            by_place[key] = "".join(block(context))
        yield by_place[key]

    base.blocks[BY_PLACE] = placed
    return env


def _once(env: Environment, name: str) -> None:
    template = env.get_template(name)
    render = template.root_render_func
    made: list[str] = []

    def cached(context: Context) -> Iterator[str]:
        if not made:
            made.append("".join(render(context)))
        yield made[0]

    template.root_render_func = cached
