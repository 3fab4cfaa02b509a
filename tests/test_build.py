"""The real project, built once per session with `mkdocs build --strict` (the `built_site`
fixture copies mkdocs.yml, docs/ and data/ into a temporary project and links macros/ and
hooks/), passes and shows what it should. Each kind of breakage is checked on a small
in-process build instead (test_page_errors.py).
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT

from macros.editions.editions_files import FILES
from macros.editions.site_check import check_site


def test_real_project_builds_strictly_and_passes_the_site_check(built_site: Path) -> None:
    # The PDF and the offline copy are placed beside the site later (make build): only they
    # may be missing (tests/test_publication.py places them and checks again).
    later = [f.path for f in FILES]
    assert check_site(built_site, placed_later=later) == []
    assert {p.split(": ")[-1] for p in check_site(built_site)} == {
        f"broken link '../{path}'" for path in later
    }


def test_every_person_meeting_and_dispute_has_a_page_reached_from_its_index(built_site: Path) -> None:
    import yaml  # plain safe_load is fine for reading ids back out of our own data in a test

    for folder in ("people", "meetings", "disputes"):
        index = (built_site / folder / "index.html").read_text(encoding="utf-8")
        ids = [
            r["id"]
            for f in sorted((ROOT / "data" / folder).glob("*.yml"))
            for r in yaml.safe_load(f.read_text(encoding="utf-8"))
        ]
        assert ids
        for rid in ids:
            page = built_site / folder / rid / "index.html"
            assert page.is_file(), page
            assert f'id="{rid}"' in page.read_text(encoding="utf-8")
            assert f'href="{rid}/"' in index


def test_entity_pages_are_not_in_the_nav(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "people/shehbaz-sharif/" not in home
    assert "people/" in home  # the Leaders index is


def test_astana_page_states_the_date_links_the_leaders_and_cites(built_site: Path) -> None:
    html = (built_site / "meetings" / "astana-2024-07-03" / "index.html").read_text(encoding="utf-8")
    assert "3 July 2024" in html
    for person in ("recep-tayyip-erdogan", "ilham-aliyev", "shehbaz-sharif"):
        assert f'href="../../people/{person}/"' in html
    assert re.search(r'href="../../sources/#source-newsaz-astana-readout-2024-07-03"', html)


def test_leader_page_shows_native_script_and_links_the_meeting(built_site: Path) -> None:
    html = (built_site / "people" / "shehbaz-sharif" / "index.html").read_text(encoding="utf-8")
    assert '<dd lang="ur" dir="auto">شہباز شریف</dd>' in html
    assert 'href="../../meetings/astana-2024-07-03/"' in html
    assert "August 2023" in html  # the end date keeps its month precision


def test_builds_are_always_strict_and_never_verbose() -> None:
    """`-v` silently turns off anchor validation in MkDocs 1.6 (mkdocs#3991)."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    commands = [
        line for line in makefile.splitlines() if "$(MKDOCS) build" in line or "$(MKDOCS) serve" in line
    ]
    assert commands and all("--strict" in c for c in commands)
    assert not any(re.search(r"\s(-v|--verbose)\b", c) for c in commands)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "strict: true" in config and "on_error_fail: true" in config and "on_undefined: strict" in config
