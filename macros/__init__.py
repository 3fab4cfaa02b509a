"""mkdocs-macros entry point: register the macros pages may call. No logic here.

Pages opt in with `render_macros: true` in their front matter. Each macro is a thin
wrapper over `pages.render.Renderer` (one per page, so citation numbers are per page);
errors name the page (mkdocs-macros adds it) and the call, and fail the build
(`on_error_fail: true`). The Dataset is the one loaded for this build by the adapter.
"""

from __future__ import annotations

from typing import Any


def define_env(env: Any) -> None:
    # Imported here, not at the top: `python -m macros check` imports this package and must
    # not import MkDocs (the adapter does).
    from . import adapter
    from .pages.render import Renderer

    data = adapter.dataset(env.conf)
    pages: dict[str, Any] = {}

    def renderer() -> Any:
        key = env.page.file.src_uri
        if key not in pages:
            pages.clear()
            files, page = env.variables["files"], env.page.file
            pages[key] = Renderer(data, lambda rid: adapter.link(data, files, page, rid))
        return pages[key]

    env.variables["_briefing_renderers"] = pages

    @env.macro
    def entity_page(kind: str, rid: str) -> str:
        """The body of a generated person, meeting or dispute page."""
        return renderer().entity_page(kind, rid)

    @env.macro
    def people_index() -> str:
        """A table of every person, linking to their pages."""
        return renderer().people_index()

    @env.macro
    def meetings_index() -> str:
        """A table of every meeting in date order, linking to their pages."""
        return renderer().meetings_index()

    @env.macro
    def disputes_index() -> str:
        """A list of every dispute with its status date, linking to their pages."""
        return renderer().disputes_index()

    @env.macro
    def sources_list() -> str:
        """The bibliography: every source, with the anchor `source-<id>`."""
        return renderer().sources_list()

    @env.macro
    def claim(rid: str) -> str:
        """One claim with its kind badge, who asserts and disputes it, and citations."""
        return renderer().claim(rid)

    @env.macro
    def claims(*ids: str) -> str:
        """Several claims, in the order given: `{{ claims("id-1", "id-2") }}`."""
        return renderer().claims(*ids)

    @env.macro
    def all_claims() -> str:
        """Every claim in the data, each with its permanent anchor `claim-<id>`."""
        return renderer().all_claims()

    @env.macro
    def claims_about(rid: str) -> str:
        """Every claim whose `about` names this person, meeting, event, dispute or country."""
        return renderer().claims_about(rid)

    @env.macro
    def article_audit(article_id: str) -> str:
        """The audit of an article: each of its claims with verdict, reasoning and evidence."""
        return renderer().article_audit(article_id)

    @env.macro
    def timeline_svg(subject: str = "format") -> str:
        """An SVG timeline of the format's meetings, or of a dispute's key dates (give its id)."""
        return renderer().timeline_svg(subject)

    @env.macro
    def graph_svg(subject: str = "all") -> str:
        """The SVG relationship graph: all relations, or those involving a dispute's parties."""
        return renderer().graph_svg(subject)

    @env.macro
    def cite(*ids: str) -> str:
        """Inline citation markers linking to the bibliography, e.g. `{{ cite("src-id") }}`."""
        return renderer().cite(*ids)


def on_post_page_macros(env: Any) -> None:
    """Append the page's references after its macros have run (mkdocs-macros hook)."""
    current = env.variables.get("_briefing_renderers", {}).get(env.page.file.src_uri)
    if current is not None:
        env.markdown = env.markdown + "\n\n" + str(current.references())
