"""One generated page per person, meeting and dispute (event: on_files).

Each page is a two-line stub that calls the `entity_page` macro, so generated pages go
through the same sandboxed, strict macro rendering as written ones. The pages are not
in the nav (see `not_in_nav` in mkdocs.yml); index pages link to them.
"""

from __future__ import annotations

from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from macros.dataset import cached_dataset, data_dir_for
from macros.errors import DataErrors
from macros.render import PAGE_FOLDERS

STUB = '---\nrender_macros: true\n---\n{{{{ entity_page("{kind}", "{rid}") }}}}\n'


def on_files(files: Files, *, config: Any) -> Files:
    try:
        dataset = cached_dataset(data_dir_for(config.config_file_path))
    except DataErrors as exc:
        raise PluginError(exc.report()) from None
    for kind, folder in PAGE_FOLDERS.items():
        for rid in dataset.records[kind]:
            src = f"{folder}/{rid}.md"
            if files.get_file_from_path(src) is not None:
                raise PluginError(
                    f"docs/{src} exists, but that page is generated from "
                    f"data/{folder}/ ({kind} '{rid}'); remove or rename it"
                )
            files.append(File.generated(config, src, content=STUB.format(kind=kind, rid=rid)))
    return files
