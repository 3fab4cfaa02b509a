"""The site's own script (event: on_files): `macros/pages/scripts/references.js`, which
opens a citation marker's reference in place, published as `assets/references.js` and
loaded through `extra_javascript`. It is code of the project, not of docs/, which may not
publish a script (macros/pages/docs_files.py); the site check accepts a script only if it
is a file of the site under assets/.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

import macros.pages

SCRIPTS = Path(macros.pages.__file__).parent / "scripts"


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    for script in sorted(SCRIPTS.glob("*.js")):
        files.append(File.generated(config, f"assets/{script.name}", abs_src_path=str(script)))
    return files
