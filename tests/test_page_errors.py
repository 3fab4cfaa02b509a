"""Each kind of breakage fails the build with a message that says where and what.

Small in-process builds (tests/small_build.py): the fixture data, a few pages and the
real mkdocs.yml, with one thing broken per test. A failed build ends as the `mkdocs`
command would end it: with SystemExit (MkDocs' Abort for an error, mkdocs-macros' exit
100 for a macro error), never with another exception (which the command would print as
a traceback).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from small_build import MACRO_PAGE, Outcome, run, small_project, write

from macros.editions.site_check import check_site


def _fails(outcome: Outcome, *needles: str) -> str:
    assert outcome.error is not None, f"the build passed:\n{outcome.log}"
    assert isinstance(outcome.error, SystemExit) and outcome.error.code not in (0, None), outcome.output
    for needle in needles:
        assert needle in outcome.output, outcome.output
    return outcome.output


def test_small_project_builds_and_passes_the_site_check(tmp_path: Path) -> None:
    """The control: unbroken, the small project builds, so each failure below is its break."""
    outcome = run(small_project(tmp_path))
    assert outcome.error is None, outcome.output
    assert outcome.log == ""
    assert check_site(outcome.site) == []
    for page in (
        "people/dana-ornek",
        "meetings/exercise-2002",
        "disputes/river-dispute",
        "sources",
        "claims",
    ):
        assert (outcome.site / page / "index.html").is_file(), page


def test_broken_data_fails_the_build_with_formatted_lines(tmp_path: Path) -> None:
    project = small_project(tmp_path)
    path = project / "data" / "people" / "leaders.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("  name: Bob Example\n", "  name: Bob Example\n  name: Bob\n"), encoding="utf-8"
    )
    line = text.splitlines().index("  name: Bob Example") + 2
    outcome = run(project)
    output = _fails(
        outcome,
        f"data/people/leaders.yml:{line}:3: error: duplicate key 'name'",
        "data check failed: 1 error",
    )
    assert "Traceback" not in output
    assert type(outcome.error).__name__ == "Abort"  # the command prints its message, not a traceback
    assert not (project / "site" / "people").exists()


def test_script_in_data_never_reaches_the_site(tmp_path: Path) -> None:
    project = small_project(tmp_path)
    path = project / "data" / "people" / "leaders.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("name: Bob Example", "name: Bob <script>alert(1)</script>"),
        encoding="utf-8",
    )
    _fails(run(project), "person 'bob-example' › name: contains markup syntax '<' (plain text only)")
    site = project / "site"
    assert not site.exists() or not any(
        "<script>alert(1)" in p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*.html")
    )


def test_sandbox_blocks_code_execution_from_a_page(tmp_path: Path) -> None:
    project = small_project(tmp_path)
    marker = tmp_path / "PWNED"
    write(
        project,
        "docs/evil.md",
        MACRO_PAGE + f"# Evil\n\n{{{{ cycler.__init__.__globals__.os.popen('touch {marker}').read() }}}}\n",
    )
    # the sandbox does not know `cycler` (tests/test_page_trust.py has every other route)
    _fails(run(project), "docs/evil.md:6: 'cycler' is undefined")
    assert not marker.exists()


# (file written into the project, its text, what the failing build must print)
BROKEN_PAGES = [
    ("docs/typo.md", MACRO_PAGE + "# Page\n\n{{ leadrs }}\n", ["'leadrs' is undefined", "typo.md"]),
    (
        "docs/bad.md",
        MACRO_PAGE + '# Page\n\n{{ claim("no-such-claim") }}\n',
        ["bad.md", "claim('no-such-claim'): unknown claim 'no-such-claim'"],
    ),
    (
        "docs/x.md",
        MACRO_PAGE + "# Page\n\n## Title {#x}\n",
        ["docs/x.md:6: '{#' starts a Jinja comment; write attribute lists with a space: '{ #id }'"],
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
        "docs/raw.md",
        '# Raw\n\n<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>\n',
        ["raw/index.html", "<a> xlink:href has scheme 'javascript': 'javascript:alert(1)'"],
    ),
    (
        "docs/people/alice-example.md",
        "# Not generated\n",
        ["docs/people/alice-example.md exists, but that page is generated"],
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
        "raw-script",
        "shadowing",
    ],
)
def test_broken_page_fails_the_build_with_a_clear_message(
    tmp_path: Path, path: str, text: str, needles: list[str]
) -> None:
    project = small_project(tmp_path)
    write(project, path, text)
    output = _fails(run(project), *needles)
    assert "Macro Rendering Error" not in output.split("ERROR")[0]
