"""Pack an offline build into a zip that works when unzipped anywhere and opened from file://."""

from __future__ import annotations

import zipfile
from pathlib import Path

TOP = "three-brothers-briefing"
# Material's 404 page uses root-absolute links by design; from file:// it is never shown.
LEFT_OUT = {"404.html"}


def make_zip(site: Path, out: Path) -> int:
    """Write `out` with every file of `site` under one top folder; return the file count.

    Entries are sorted and carry a fixed timestamp, so the same site gives the same zip."""
    out.parent.mkdir(parents=True, exist_ok=True)
    files = sorted(
        p for p in site.rglob("*") if p.is_file() and p.relative_to(site).as_posix() not in LEFT_OUT
    )
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in files:
            info = zipfile.ZipInfo(
                f"{TOP}/{path.relative_to(site).as_posix()}", date_time=(1980, 1, 1, 0, 0, 0)
            )
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, path.read_bytes())
    return len(files)
