"""Which files docs/ may publish.

MkDocs copies every file under docs/ into the site, following symbolic links, so a link
in a pull request can publish /etc/passwd or a file from the build machine. And a script
or a document that runs script when opened (.js, .svg, .html …) would be served from the
site's own origin, where the site check cannot tell it from the theme's. So a file of
docs/ must lie inside docs/ once links are resolved, and must not be of an active type:
pages are Markdown, the rest is stylesheets and images. Pure: no MkDocs.
"""

from __future__ import annotations

import os
from pathlib import PurePosixPath

ACTIVE = frozenset({".js", ".mjs", ".cjs", ".wasm", ".swf", ".html", ".htm", ".xhtml", ".xht"})
ACTIVE |= {".svg", ".svgz", ".xml", ".xsl", ".xslt", ".php"}


def docs_file_problem(src_uri: str, abs_path: str, docs_dir: str) -> str | None:
    """Why the file `src_uri` (at `abs_path`) of `docs_dir` may not be published, if so."""
    root = os.path.realpath(docs_dir)
    real = os.path.realpath(abs_path)
    if os.path.commonpath([root, real]) != root:
        return (
            "is a symbolic link (or inside one) that leads outside docs/; docs/ publishes only its own files"
        )
    suffix = PurePosixPath(src_uri).suffix.lower()
    if suffix in ACTIVE:
        return f"a '{suffix}' file could run script from the site's origin; pages are Markdown (.md)"
    return None
