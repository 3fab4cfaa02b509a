"""One generated page per person, meeting and dispute (event: on_files).

Each page is a short stub that calls the `entity_page` macro, so generated pages go
through the same sandboxed, strict macro rendering as written ones. They are created
not-in-nav (the nav must not grow with the data); index pages link to them.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from macros import adapter
from macros.core.routes import PAGE_FOLDERS, page_of

STUB = '---\nrender_macros: true\nentity: {kind}/{rid}\n---\n{{{{ entity_page("{kind}", "{rid}") }}}}\n'


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    data = adapter.dataset(config)
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
            files.append(File.generated(config, route.src, content=stub, inclusion=InclusionLevel.NOT_IN_NAV))
    return files
