"""Material's sidebar, drawn once per folder of generated pages (hooks/nav_cache.py), is
the sidebar every page would have had: the site is the same with and without the cache."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from conftest import ROOT
from small_build import run, small_project, write

HOOKS = yaml.safe_load(re.search(r"^hooks:\n(?:  - .*\n)+", (ROOT / "mkdocs.yml").read_text(), re.M)[0])[
    "hooks"
]


def _pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}


def test_the_site_is_the_same_without_the_sidebar_cache(tmp_path: Path) -> None:
    assert "hooks/nav_cache.py" in HOOKS
    cached, uncached = small_project(tmp_path / "a"), small_project(tmp_path / "b")
    # a written page deeper in a folder of generated pages, in the nav
    for project in (cached, uncached):
        write(project, "docs/people/index.md", "# Leaders\n\nThe people.\n")
    others = [h for h in HOOKS if h != "hooks/nav_cache.py"]
    text = (uncached / "mkdocs.yml").read_text(encoding="utf-8")
    (uncached / "mkdocs.yml").write_text(text + "hooks:\n" + "".join(f"  - {h}\n" for h in others))
    with_cache, without = run(cached), run(uncached)
    assert with_cache.error is None and without.error is None, with_cache.output + without.output
    pages, expected = _pages(with_cache.site), _pages(without.site)
    generated = [p for p in pages if p.startswith(("people/", "meetings/")) and p.count("/") == 2]
    assert len(generated) >= 4 and pages.keys() == expected.keys()
    for page in sorted(pages):
        assert pages[page] == expected[page], page


def test_the_partials_drawn_once_read_only_the_builds_configuration() -> None:
    """A partial drawn once per build must read nothing of a page: its free variables
    (the names its includes are made of among them) are the build's own, and what it
    includes is one of the theme's icons."""
    from jinja2 import meta
    from mkdocs.config import load_config

    from hooks.nav_cache import BUILD_WIDE, BUILD_WIDE_NAMES

    env = load_config(str(ROOT / "mkdocs.yml")).theme.get_env()
    for name in BUILD_WIDE:
        assert env.loader is not None
        source = env.loader.get_source(env, name)[0]
        tree = env.parse(source)
        assert meta.find_undeclared_variables(tree) <= BUILD_WIDE_NAMES, name
        # includes made of a name: the theme's icons, named by the configuration
        assert all(t is None or t.startswith(".icons/") for t in meta.find_referenced_templates(tree)), name


def test_the_block_drawn_once_per_place_reads_only_the_configuration_and_the_place() -> None:
    """base.html's `config` block, drawn once per `base_url`: it reads the build's
    configuration and `base_url`, and makes relative only constant site-root addresses
    (which the page's depth alone decides, as `base_url` does)."""
    from jinja2 import meta, nodes
    from mkdocs.config import load_config

    from hooks.nav_cache import BASE, BUILD_WIDE_NAMES, BY_PLACE

    env = load_config(str(ROOT / "mkdocs.yml")).theme.get_env()
    assert env.loader is not None
    tree = env.parse(env.loader.get_source(env, BASE)[0])
    [block] = [b for b in tree.find_all(nodes.Block) if b.name == BY_PLACE]
    body = nodes.Template(block.body).set_environment(env)
    # `mike`: set in the block from config.plugins, under a condition Jinja does not follow
    assert meta.find_undeclared_variables(body) <= BUILD_WIDE_NAMES | {"base_url", "mike"}
    urls = [f for f in block.find_all(nodes.Filter) if f.name == "url"]
    assert urls and all(
        isinstance(f.node, nodes.Const) and not f.node.value.startswith(("/", ".")) for f in urls
    )
