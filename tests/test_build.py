"""Full MkDocs builds: the real project passes strictly; each kind of breakage fails it.

Each test copies mkdocs.yml, docs/ and data/ into a temporary project (macros/ and
hooks/ are linked, not copied), breaks one thing, and runs `mkdocs build --strict`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT, make_project, run_build

from macros.editions.site_check import check_site


def test_real_project_builds_strictly_and_passes_the_site_check(built_site: Path) -> None:
    assert check_site(built_site) == []


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


def _write(project: Path, rel: str, text: str) -> None:
    path = project / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _fails(project: Path, *needles: str) -> str:
    result = run_build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    for needle in needles:
        assert needle in output, output
    return output


def test_broken_data_fails_the_build_with_formatted_lines(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    path = project / "data" / "people" / "leaders.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("  family: Aliyev\n", "  family: Aliyev\n  family: Aliev\n"), encoding="utf-8"
    )
    line = text.splitlines().index("  family: Aliyev") + 2
    output = _fails(
        project,
        f"data/people/leaders.yml:{line}:3: error: duplicate key 'family'",
        "data check failed: 1 error",
    )
    assert "Traceback" not in output
    assert not (project / "site" / "people").exists()


def test_script_in_data_never_reaches_the_site(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    path = project / "data" / "people" / "leaders.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "name: Ilham Aliyev", "name: Ilham <script>alert(1)</script>"
        ),
        encoding="utf-8",
    )
    _fails(project, "person 'ilham-aliyev' › name: contains markup syntax '<' (plain text only)")
    site = project / "site"
    assert not site.exists() or not any(
        "<script>alert(1)" in p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*.html")
    )


def test_sandbox_blocks_code_execution_from_a_page(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    marker = tmp_path / "PWNED"
    _write(
        project,
        "docs/evil.md",
        "---\nrender_macros: true\n---\n# Evil\n\n"
        f"{{{{ cycler.__init__.__globals__.os.popen('touch {marker}').read() }}}}\n",
    )
    _fails(project, "SecurityError", "evil.md")
    assert not marker.exists()


MACRO_PAGE = "---\nrender_macros: true\n---\n# Page\n\n"
# (file written into the project, its text, what the failing build must print)
BROKEN_PAGES = [
    ("docs/typo.md", MACRO_PAGE + "{{ leadrs }}\n", ["'leadrs' is undefined", "typo.md"]),
    (
        "docs/bad.md",
        MACRO_PAGE + '{{ claim("no-such-claim") }}\n',
        ["bad.md", "claim('no-such-claim'): unknown claim 'no-such-claim'"],
    ),
    (
        "docs/x.md",
        MACRO_PAGE + "## Title {#x}\n",
        ["docs/x.md: line 3 of the body: '{#' starts a Jinja comment"],
    ),
    (
        "docs/fm.md",
        "---\ntitle: [unclosed\nauthor: x\n---\n# FM\n",
        ["docs/fm.md:3: front matter is not valid YAML"],
    ),
    (
        "docs/a.md",
        "# A\n\n[x](methodology.md#no-such-anchor)\n",
        ["does not contain an anchor '#no-such-anchor'"],
    ),
    (
        "docs/raw.md",
        "# Raw\n\nHello {{ name }}\n",
        ["raw/index.html", "macro leftover '{{'"],
    ),  # no render_macros
    (
        "docs/raw.md",
        '# Raw\n\n<p><a href="../nope/">nope</a></p>\n',
        ["raw/index.html", "broken link '../nope/'"],
    ),
    (
        "docs/people/ilham-aliyev.md",
        "# Not generated\n",
        ["docs/people/ilham-aliyev.md exists, but that page is generated"],
    ),
]


@pytest.mark.parametrize(
    ("path", "text", "needles"),
    BROKEN_PAGES,
    ids=[
        "undefined",
        "unknown-id",
        "jinja-comment",
        "front-matter",
        "anchor",
        "raw-template",
        "raw-link",
        "shadowing",
    ],
)
def test_broken_page_fails_the_build_with_a_clear_message(
    tmp_path: Path, path: str, text: str, needles: list[str]
) -> None:
    project = make_project(tmp_path)
    _write(project, path, text)
    output = _fails(project, *needles)
    assert "Macro Rendering Error" not in output.split("ERROR")[0]


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
