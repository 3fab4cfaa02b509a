"""One generated page per person, meeting, dispute and country, and the maintainers'
page (events: on_files, on_pre_page, on_page_markdown, on_env, on_build_error).

A record's page is rendered here, straight from the data (on_page_markdown): the same
`Renderer.entity_page` and autoescaped templates as the `entity_page` macro, and the page's
references after it, as `macros.on_post_page_macros` adds them, without compiling a page
template per page through mkdocs-macros (a cost that grew with the number of records). The
maintainers' page is a stub calling its macro, like a written page. Pages are created
not-in-nav (the nav must not grow with the data); index pages link to them, and each is
placed under its index page so that readers see where they are. Written pages that cover
a record (front matter `covers:`) are noted here, for the record's page to point to.

The worker renders most records' pages while the build converts the pages before them
(macros/record_bodies.py); the build renders the pages it comes to first.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from macros import adapter, page_adapter
from macros.core.routes import PAGE_FOLDERS, page_of
from macros.pages.escape import MacroError
from macros.record_bodies import RecordBodies, record_site

_BODIES: dict[str, RecordBodies] = {}  # site folder -> the record pages the worker makes

MAINTAINERS = (
    "---\nrender_macros: true\nsearch:\n  exclude: true\n---\n# For maintainers\n\n"
    "What to review next, and what is superseded, flagged or excused.\n{ .editorial }\n\n"
    "{{ maintainers_page() }}\n"
)
STUB = "---\nentity: {kind}/{rid}\n---\n"


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    data = adapter.dataset(config)
    pages: list[tuple[str, str, str, str]] = []
    for kind, folder in PAGE_FOLDERS.items():
        for rid in data.records[kind]:
            route = page_of(kind, rid)
            assert route is not None
            if files.get_file_from_path(route.src) is not None:
                raise PluginError(
                    f"docs/{route.src} exists, but that page is generated from "
                    f"data/{folder}/ ({kind} '{rid}'); remove or rename it"
                )
            stub = STUB.format(kind=kind, rid=rid)
            file = File.generated(config, route.src, content=stub, inclusion=InclusionLevel.NOT_IN_NAV)
            page_adapter.RecordPage(None, file, config)  # MkDocs takes the page a file has
            files.append(file)
            pages.append((file.src_uri, kind, rid, file.url))
    files.append(
        File.generated(config, "maintainers.md", content=MAINTAINERS, inclusion=InclusionLevel.NOT_IN_NAV)
    )
    page_adapter.note_written_pages(config, files)
    _BODIES[config.site_dir] = RecordBodies(record_site(config, files), pages)
    return files


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Every page is converted: the worker's pages not asked for are withdrawn."""
    bodies = _BODIES.pop(config.site_dir, None)
    if bodies is not None:
        bodies.cancel()
    return env


def on_build_error(*, error: Exception) -> None:
    for bodies in _BODIES.values():
        bodies.cancel()
    _BODIES.clear()


def on_pre_page(page: Page, *, config: MkDocsConfig, files: Files) -> Page:
    """A generated page sits under its folder's index page (people/index.md …): MkDocs marks
    a page's parents active with it, so the nav highlights that section, and Material's
    breadcrumbs (navigation.path) show it."""
    folder, _, name = page.file.src_uri.partition("/")
    if page.file.generated_by is not None and folder in PAGE_FOLDERS.values() and name != "index.md":
        index = files.get_file_from_path(f"{folder}/index.md")
        if index is not None and index.page is not None:
            page.parent = index.page  # type: ignore[assignment]  # a Page, not a Section: see above
    return page


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The body of a record's page and its references (see the module docstring)."""
    kind, _, rid = str(page.meta.get("entity", "")).partition("/")
    if not rid or page.file.generated_by is None or kind not in PAGE_FOLDERS:
        return markdown
    bodies = _BODIES.get(config.site_dir)
    made = bodies.take(page.file.src_uri) if bodies is not None else None
    if made is not None:  # the worker's (macros/record_bodies.py)
        markdown, stash, reviewed, converted = made
        if isinstance(page, page_adapter.RecordPage):
            page.converted = converted
        adapter.state(config).stashes[page.file.src_uri] = stash
        adapter.note_claim_reviews(config, page.file.src_uri, reviewed)
        return markdown
    renderer = page_adapter.renderer(config, files, page.file)
    try:
        body = str(renderer.entity_page(kind, rid))
    except MacroError as exc:
        adapter.page_problem(config, f"{adapter.page_source(config, page.file)}: {exc}")
        return markdown
    adapter.note_claim_reviews(config, page.file.src_uri, tuple(renderer.reviewed))
    return body + "\n\n" + str(renderer.references())
