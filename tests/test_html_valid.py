"""Every built page is valid HTML for the Nu HTML checker (vnu-jar from npm, the system's Java).

Only Material's own markup is excused, each case below with the reason; anything our
templates, pages or data produce must pass as it is.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# (message, the markup it was found in, why it is Material's and not ours)
MATERIAL = [
    (
        r"Attribute “autocomplete” is only allowed when the input type is ",
        r'<input class="md-(toggle|option)"[^>]* type="(checkbox|radio)"',
        # Material's base.html and palette.html put autocomplete="off" on the hidden checkboxes
        # and radio buttons that hold the drawer, search and palette state, so that browsers do
        # not restore them on reload; HTML allows the attribute on text-like inputs only.
    ),
    (
        r"The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control\.",
        r'<label class="md-nav__title" for="__toc">',
        # Material's nav item partial writes the table of contents' label on every page, but the
        # `__toc` checkbox it points at only for pages in the nav; person, meeting and dispute
        # pages are kept out of the nav on purpose (the nav must not grow with the data).
    ),
]


def _excused(message: dict[str, str]) -> int | None:
    for i, (text, markup) in enumerate(MATERIAL):
        if re.match(text, message["message"]) and re.search(markup, message.get("extract", "")):
            return i
    return None


def _where(message: dict[str, str]) -> str:
    page = message.get("url", "").split("/site/", 1)[-1]
    return f"{page}:{message.get('lastLine', '?')}: {message['message']} in {message.get('extract', '')!r}"


def test_every_page_is_valid_html(built_site: Path) -> None:
    java = shutil.which("java")
    assert java, "Java is missing: `make test` installs default-jre-headless (.ci/system-packages test)"
    assert VNU.is_file(), f"{VNU} is missing: run `npm ci --ignore-scripts` (make test does)"
    run = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--stdout", "--skip-non-html", str(built_site)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert run.returncode in (0, 1) and run.stdout, run.stderr  # 1: it found errors
    messages = json.loads(run.stdout)["messages"]
    problems = [m for m in messages if m["type"] != "info" or m.get("subType") == "warning"]
    excused = {_excused(m) for m in problems}
    assert [_where(m) for m in problems if _excused(m) is None] == []
    # Each excuse is still needed (which also shows that the checker read the pages).
    unused = [MATERIAL[i][0] for i in range(len(MATERIAL)) if i not in excused]
    assert unused == [], "excuses that no longer match anything: remove them"
