"""The post-build HTML check finds what MkDocs does not."""

from __future__ import annotations

from pathlib import Path

from macros.editions.site_check import check_site

PAGE = '<html><body><nav><a href="https://example.org/">out</a></nav><article class="md-content__inner">{}</article></body></html>'


def _site(tmp_path: Path, pages: dict[str, str]) -> Path:
    for rel, body in pages.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PAGE.format(body), encoding="utf-8")
    return tmp_path


def test_clean_site_passes(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "index.html": '<h1 id="a">A</h1><a href="b/#x">b</a><a href="https://e.org">e</a>',
            "b/index.html": '<p id="x">x</p><a href="../#a">a</a><code>{{ raw }}</code>',
        },
    )
    assert check_site(site) == []


def test_each_kind_of_problem_is_reported(tmp_path: Path) -> None:
    body = (
        '<p id="d">1</p><p id="d">2</p>'
        '<img src=x onerror="alert(1)">'
        '<a href="javascript:alert(1)">j</a>'
        '<a href=" JaVa&#x09;Script:alert(2)">k</a>'
        '<a href="missing/">m</a>'
        '<a href="#nowhere">n</a>'
        "<script>alert(3)</script>"
        "<p>{{ leadrs }}</p><p>Macro Rendering Error</p>"
    )
    site = _site(tmp_path, {"index.html": body})
    assert check_site(site) == [
        "index.html:1: duplicate id 'd' (first at line 1)",
        "index.html:1: <img> has event handler onerror=",
        "index.html:1: <a> href has scheme 'javascript': 'javascript:alert(1)'",
        "index.html:1: <a> href has scheme 'javascript': ' JaVa\\tScript:alert(2)'",
        "index.html:1: <script> inside page content",
        "index.html:1: macro leftover '{{'",
        "index.html:1: macro leftover 'Macro Rendering Error'",
        "index.html:1: broken link 'missing/'",
        "index.html:1: link '#nowhere': no element with id 'nowhere'",
    ]
