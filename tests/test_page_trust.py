"""A page cannot run code (issue 10, item 1): page templates see the site's macros, `range`
and their own front matter, nothing else, within bounded sizes.

The unit tests drive `PageSandbox` directly, as mkdocs-macros does (`from_string`, then
`render` with its variables). The build tests put every class of payload into pages of
one small project (tests/small_build.py: the real mkdocs.yml, hooks and plugins, built
in-process) and check that the build fails with one line naming each page, writes no
site, and that nothing the payloads ask for (a marker file) was executed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from small_build import run, small_project

from macros.pages.sandbox import MAX_LOOPS, MAX_OUTPUT, MAX_TEXT, PageSandbox, plain

HINT = "(a page may call the site's macros and range(), and read its own front matter)"


def _sandbox() -> PageSandbox:
    def cite(*ids: str) -> str:
        return "[" + ", ".join(ids) + "]"

    def context(variables: dict[str, object]) -> dict[str, object]:
        meta = {"render_macros": True, "title": "A page"}
        return {**meta, "page": {"title": "A page", "url": "a/", "meta": meta}}

    return PageSandbox({"cite": cite}, context)


def _render(source: str) -> tuple[str, tuple[int, str] | None]:
    env = _sandbox()
    # mkdocs-macros passes every variable it has; the sandbox must ignore them all
    variables = {"config": object(), "environment": {"system": "Linux"}, "git": {"author_email": "x@y"}}
    return env.from_string(source).render(**variables), env.take_problem()


def test_a_page_calls_macros_reads_its_front_matter_and_loops() -> None:
    source = "{{ cite('a', 'b') }} {{ page.title }} {{ title|upper }} {% for i in range(3) %}{{ loop.index }}{% endfor %}"
    assert _render(source) == ("[a, b] A page A PAGE 123", None)


PAYLOADS = [
    ("config", "{{ config.hooks }}", (1, f"'config' is undefined {HINT}")),
    ("plugins", "x\n{{ config.plugins['macros'].env }}", (2, f"'config' is undefined {HINT}")),
    ("environment", "{{ environment.system }}", (1, f"'environment' is undefined {HINT}")),
    ("git-e-mail", "{{ git.author_email }}", (1, f"'git' is undefined {HINT}")),
    ("plugin-config", "{{ plugin }}", (1, f"'plugin' is undefined {HINT}")),
    ("mkdocs-macros-helpers", "{{ context() }}", (1, f"'context' is undefined {HINT}")),
    (
        "cycler",
        "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
        (1, f"'cycler' is undefined {HINT}"),
    ),
    ("joiner", "{{ joiner.__init__.__globals__ }}", (1, f"'joiner' is undefined {HINT}")),
    ("namespace", "{% set ns = namespace(a=1) %}", (1, f"'namespace' is undefined {HINT}")),
    (
        "dunder",
        "{{ cite.__globals__ }}",
        (1, "access to attribute '__globals__' of 'function' object is unsafe."),
    ),
    ("method", "{{ 'x'.center(10**9) }}", (1, "access to attribute 'center' of 'str' object is unsafe.")),
    ("format", "{{ '%999999999d' % 1 }}", (1, "'%' formatting of text is not allowed in a page")),
    (
        "range",
        "{{ range(10**9) }}",
        (1, "Range too big. The sandbox blocks ranges larger than MAX_RANGE (100000)."),
    ),
    (
        "multiply",
        "{{ 'x' * 10**9 }}",
        (1, "a value of 1000000000 characters or items (a page may make at most 1000000)"),
    ),
    (
        "concat",
        "{{ 'x' * 1000000 ~ 'y' }}",
        (1, "a value of 1000001 characters or items (a page may make at most 1000000)"),
    ),
    ("power", "{{ 10 ** 10 ** 10 }}", (1, "a value of 330 bits (a page may make at most 128)")),
    (
        "loops",
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        (1, f"more than {MAX_LOOPS} loop iterations in one page"),
    ),
    (
        "recursion",
        "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
        (1, f"{{% macro %}} is not allowed in a page {HINT}"),
    ),
    (
        "recursive-loop",
        "{% for x in [1] recursive %}{{ loop([1]) }}{% endfor %}",
        (1, f"a recursive {{% for %}} is not allowed {HINT}"),
    ),
    ("include", "{% include '../mkdocs.yml' %}", (1, f"{{% include %}} is not allowed in a page {HINT}")),
    (
        "block-set",
        "{% set x %}{{ x }}{% endset %}",
        (1, f"{{% set … endset %}} is not allowed in a page {HINT}"),
    ),
    ("filter", "{{ 'x'|pretty }}", (1, "No filter named 'pretty'.")),
    ("undefined", "a\n\n{{ leadrs }}", (3, f"'leadrs' is undefined {HINT}")),
]


@pytest.mark.parametrize(("source", "problem"), [p[1:] for p in PAYLOADS], ids=[p[0] for p in PAYLOADS])
def test_payload_renders_nothing_and_is_reported_with_its_line(source: str, problem: tuple[int, str]) -> None:
    assert _render(source) == ("", problem)


def test_output_is_bounded() -> None:
    times = MAX_OUTPUT // MAX_TEXT + 1
    output, problem = _render(f"{{% for i in range({times}) %}}{{{{ 'x' * {MAX_TEXT} }}}}{{% endfor %}}")
    assert (output, problem) == ("", (0, f"the page's output is over {MAX_OUTPUT} characters"))


def test_only_plain_values_of_the_front_matter_reach_a_page() -> None:
    from datetime import date

    meta = {"title": "T", "when": date(2024, 7, 3), "tags": ["a", 1], "obj": object(), "n": {"x": [None]}}
    assert plain(meta) == {
        "title": "T",
        "when": "2024-07-03",
        "tags": ["a", 1],
        "obj": None,
        "n": {"x": [None]},
    }


# -- real builds ----------------------------------------------------------------------------
MARKER = "PAYLOAD-RAN"
PAGE = "---\nrender_macros: true\n---\n# Payload\n\n{}\n"
# (page, body, the line the build must print). Before this sandbox, the first four wrote
# MARKER through os.system, subprocess.run and Path.write_text of hook modules.
BUILD_PAYLOADS = [
    ("hooks", "{{ config.hooks }}", f"docs/hooks.md:6: 'config' is undefined {HINT}"),
    (
        "hook-module-os",
        "{{ config.plugins['hooks/offline.py'].os.system('touch MARKER') }}",
        f"docs/hook-module-os.md:6: 'config' is undefined {HINT}",
    ),
    (
        "subprocess",
        "{{ config.plugins['hooks/exports.py'].repository.subprocess.run(['touch', 'MARKER']) }}",
        f"docs/subprocess.md:6: 'config' is undefined {HINT}",
    ),
    (
        "open",
        "{{ config.plugins['hooks/offline.py'].Path('MARKER').write_text('x') }}",
        f"docs/open.md:6: 'config' is undefined {HINT}",
    ),
    (
        "cycler",
        "{{ cycler.__init__.__globals__.os.popen('touch MARKER').read() }}",
        f"docs/cycler.md:6: 'cycler' is undefined {HINT}",
    ),
    (
        "namespace",
        "{{ namespace.__init__.__globals__.os }}",
        f"docs/namespace.md:6: 'namespace' is undefined {HINT}",
    ),
    ("git", "{{ git.author_email }}", f"docs/git.md:6: 'git' is undefined {HINT}"),
    (
        "range",
        "{{ range(10**9) }}",
        "docs/range.md:6: Range too big. The sandbox blocks ranges larger than MAX_RANGE (100000).",
    ),
    (
        "multiply",
        "{{ 'x' * 10**9 }}",
        "docs/multiply.md:6: a value of 1000000000 characters or items (a page may make at most 1000000)",
    ),
    (
        "recursion",
        "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
        f"docs/recursion.md:6: {{% macro %}} is not allowed in a page {HINT}",
    ),
]


# Files written into docs/ besides the payload pages, and the line each must give.
OTHER_FILES = [
    ("fm-title.md", "---\ntitle: 'Home </title><script>alert(1)</script>'\n---\n# T\n", None),
    ("fm-template.md", "---\ntemplate: redirect.html\nlocation: 'javascript:alert(1)'\n---\n# T\n", None),
    ("evil.js", "alert(1)\n", None),
    ("passwd.txt", None, "/etc/passwd"),  # a symbolic link out of docs/
    ("linked", None, "OUTSIDE"),  # a linked folder out of docs/, holding page.md
]
OTHER_LINES = [
    "docs/fm-title.md:2: front matter › title: contains markup syntax '<' (plain text only)",
    "docs/fm-template.md:2: unknown front matter key 'template' (allowed: render_macros, title, description, search, hide, entity, covers)",
    "docs/fm-template.md:3: unknown front matter key 'location' (allowed: render_macros, title, description, search, hide, entity, covers)",
    "docs/evil.js: a '.js' file could run script from the site's origin; pages are Markdown (.md)",
    "docs/passwd.txt: is a symbolic link (or inside one) that leads outside docs/; docs/ publishes only its own files",
    "docs/linked/page.md: is a symbolic link (or inside one) that leads outside docs/; docs/ publishes only its own files",
]


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, bool]:
    work = tmp_path_factory.mktemp("hostile")
    project = small_project(work)
    marker = project / MARKER
    for name, body, _ in BUILD_PAYLOADS:
        (project / "docs" / f"{name}.md").write_text(
            PAGE.format(body.replace("MARKER", str(marker))), encoding="utf-8"
        )
    (work / "outside").mkdir()
    (work / "outside" / "page.md").write_text("# Outside\n", encoding="utf-8")
    for name, text, target in OTHER_FILES:
        path = project / "docs" / name
        if text is not None:
            path.write_text(text, encoding="utf-8")
        else:
            path.symlink_to(work / "outside" if target == "OUTSIDE" else Path(str(target)))
    outcome = run(project)
    return (
        project,
        outcome.output,
        isinstance(outcome.error, SystemExit) and outcome.error.code not in (0, None),
    )


@pytest.mark.parametrize(
    "expected",
    [p[2] for p in BUILD_PAYLOADS] + OTHER_LINES,
    ids=[p[0] for p in BUILD_PAYLOADS] + [f"file-{n}" for n in range(len(OTHER_LINES))],
)
def test_hostile_page_fails_the_build_with_one_line(
    hostile_build: tuple[Path, str, bool], expected: str
) -> None:
    _, output, failed = hostile_build
    assert failed
    lines = [line.removeprefix("ERROR - ") for line in output.splitlines()]
    assert expected in lines, output


def test_hostile_build_runs_nothing_and_publishes_nothing(hostile_build: tuple[Path, str, bool]) -> None:
    project, output, failed = hostile_build
    assert failed
    assert not (project / MARKER).exists()
    assert not (project / "site").exists()
    assert "Traceback" not in output and "Macro Rendering Error" not in output
    assert f"page check failed: {len(BUILD_PAYLOADS) + len(OTHER_LINES)} errors" in output


# -- front matter and files of docs/ (unit) -------------------------------------------------
FRONT_CASES = [
    ("unclosed", "---\ntitle: x\n# Body\n", {}, [(1, "front matter is not closed with '---'")]),
    (
        "not-yaml",
        "---\ntitle: [x\n---\nbody\n",
        {},
        [(3, "front matter is not valid YAML: expected ',' or ']', but got '<stream end>'")],
    ),
    (
        "entity-in-description",
        "---\ndescription: Tom &amp; Jerry\n---\nbody\n",
        {"description": "Tom &amp; Jerry"},
        [(2, "front matter › description: contains an HTML entity (write the character itself)")],
    ),
    (
        "bidi-in-title",
        "---\ntitle: x\n---\nbody\n",
        {"title": "x\u202ey"},
        [(2, "front matter › title: contains invisible/control character U+202E (remove it)")],
    ),
    (
        "jinja-comment",
        "---\nrender_macros: true\n---\n# T\n\n## A {#a}\n",
        {"render_macros": True},
        [(6, "'{#' starts a Jinja comment; write attribute lists with a space: '{ #id }'")],
    ),
    (
        "plain",
        "---\ntitle: Tom & “Jerry”\nhide: [toc]\n---\n# T\n",
        {"title": "Tom & “Jerry”", "hide": ["toc"]},
        [],
    ),
]


@pytest.mark.parametrize(
    ("raw", "meta", "expected"), [c[1:] for c in FRONT_CASES], ids=[c[0] for c in FRONT_CASES]
)
def test_front_matter_problems(raw: str, meta: dict[str, object], expected: list[tuple[int, str]]) -> None:
    from macros.pages.front_matter import FRONT, page_problems

    match = FRONT.match(raw)
    body = raw[match.end() :] if match else raw
    assert page_problems(raw, body, meta) == expected


def test_title_and_description_are_handed_on_as_html() -> None:
    from macros.pages.front_matter import escaped

    meta = {"title": 'Tom & "Jerry"', "description": "a <b>", "render_macros": True}
    assert escaped(meta) == {"title": "Tom &amp; &#34;Jerry&#34;", "description": "a &lt;b&gt;"}
    assert escaped({**meta, **escaped(meta)}) == escaped(meta)  # escaping twice changes nothing


def test_files_of_docs_must_stay_inside_and_not_run_script(tmp_path: Path) -> None:
    from macros.pages.docs_files import docs_file_problem

    docs, outside = tmp_path / "docs", tmp_path / "outside.txt"
    docs.mkdir()
    outside.write_text("secret", encoding="utf-8")
    (docs / "page.md").write_text("# P", encoding="utf-8")
    (docs / "inside.md").symlink_to(docs / "page.md")
    (docs / "out.txt").symlink_to(outside)
    problem = docs_file_problem("out.txt", str(docs / "out.txt"), str(docs))
    assert problem and problem.startswith("is a symbolic link (or inside one) that leads outside docs/")
    assert docs_file_problem("inside.md", str(docs / "inside.md"), str(docs)) is None
    assert docs_file_problem("page.md", str(docs / "page.md"), str(docs)) is None
    for name in ("x.js", "img/x.SVG", "x.html"):
        assert "could run script from the site's origin" in (
            docs_file_problem(name, str(docs / name), str(docs)) or ""
        )


# -- "&" is escaped once --------------------------------------------------------------------
@pytest.fixture(scope="module")
def ampersand_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small project with a name and a front matter carrying '&' and quotes."""
    project = small_project(tmp_path_factory.mktemp("ampersand"))
    leaders = project / "data" / "people" / "leaders.yml"
    text = leaders.read_text(encoding="utf-8")
    assert text.count("  name: Bob Example\n") == 1
    leaders.write_text(text.replace("  name: Bob Example\n", "  name: Bob AT&T Example\n"), encoding="utf-8")
    page = project / "docs" / "methodology.md"
    front = "---\ntitle: 'Method & \"madness\"'\ndescription: 'How we \"work\" & why'\n---\n"
    page.write_text(front + page.read_text(encoding="utf-8"), encoding="utf-8")
    outcome = run(project)
    assert outcome.error is None, outcome.output
    return outcome.site


def _texts(site: Path, page: str, selector: str) -> list[str]:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser((site / page).read_text(encoding="utf-8"))
    return [" ".join(node.text(deep=True).split()) for node in tree.css(selector)]


def test_an_ampersand_in_a_name_reads_as_one_ampersand(ampersand_site: Path) -> None:
    page = "people/bob-example/index.html"
    assert _texts(ampersand_site, page, "h1") == ["Bob AT&T Example¶"]  # ¶: the permalink
    assert _texts(ampersand_site, page, "title") == ["Bob AT&T Example - Three Brothers briefing"]
    assert _texts(ampersand_site, page, "[data-md-component=header-topic]") == ["Bob AT&T Example"]
    cite = _texts(ampersand_site, page, ".cite-box__text")
    assert cite == [
        "Three Brothers briefing contributors. “Bob AT&T Example”. Three Brothers briefing, edition of "
        + cite[0].rsplit("edition of ", 1)[1]
    ]
    assert '"title": "Bob AT&T Example",' in _texts(ampersand_site, page, ".cite-box__code")[1]
    assert "&amp;amp;" not in (ampersand_site / page).read_text(encoding="utf-8")


def test_front_matter_strings_reach_the_head_escaped(ampersand_site: Path) -> None:
    from selectolax.lexbor import LexborHTMLParser

    page = "methodology/index.html"
    assert _texts(ampersand_site, page, "title") == ['Method & "madness" - Three Brothers briefing']
    assert _texts(ampersand_site, page, "[data-md-component=header-topic]") == ['Method & "madness"']
    tree = LexborHTMLParser((ampersand_site / page).read_text(encoding="utf-8"))
    metas = tree.css('meta[name="description"]')
    assert [m.attributes.get("content") for m in metas] == ['How we "work" & why']
    assert [m.attributes for m in metas] == [{"name": "description", "content": 'How we "work" & why'}]
