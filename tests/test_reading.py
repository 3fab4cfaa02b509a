"""What readers get from the blocks (issue 11): compact references, grouped lists with a
filter, headings in the table of contents, an audit with a scorecard, figures that read at
a glance, and search terms in every spelling. Rendered from the real data, without MkDocs;
the browser checks of the same things are in test_reading_browser.py."""

from __future__ import annotations

import itertools
import re
from datetime import date
from pathlib import Path
from typing import get_args

import markdown
import pytest
from conftest import ROOT, real_data
from selectolax.lexbor import LexborHTMLParser

from macros.core.claims import Relation
from macros.core.routes import page_of
from macros.pages import topics
from macros.pages.render import Renderer
from macros.pages.search_terms import folded_words, person_terms
from macros.pages.transliterate import has_cyrillic, to_cyrillic
from macros.pages.visuals import MAX_STEPS, STYLE_OF, STYLES, legend, timeline_spacing

DATA = real_data()


def _link(rid: str) -> str:
    route = page_of(DATA.kind_of[rid], rid)
    assert route is not None, rid
    return route.src + (f"#{route.anchor}" if route.anchor else "")


def _tree(html: object) -> LexborHTMLParser:
    return LexborHTMLParser(markdown.markdown(str(html), extensions=["attr_list", "toc"]))


def _toc_ids(page: object) -> list[str]:
    md = markdown.Markdown(extensions=["attr_list", "toc"])
    md.convert(str(page))

    def walk(tokens: list[dict[str, object]]) -> list[str]:
        return [i for t in tokens for i in [str(t["id"]), *walk(t["children"])]]  # type: ignore[arg-type]

    return walk(md.toc_tokens)  # type: ignore[attr-defined]


# -- references -----------------------------------------------------------------------------
def test_a_pages_references_are_one_line_each_with_details_on_demand() -> None:
    r = Renderer(DATA, _link)
    r.claim("astana-meeting-held")
    r.cite("newsaz-astana-readout-2024-07-03")
    tree = _tree(r.references())
    items = tree.css("ol.references > li")
    assert [i.attributes["id"] for i in items] == [f"ref-{sid}" for sid in r.number]
    for item in items:
        sid = item.attributes["id"].removeprefix("ref-")  # type: ignore[union-attr]
        source = DATA.sources[sid]
        details = item.css("details.ref")
        assert len(details) == 1 and "open" not in details[0].attributes, sid
        line = details[0].css_first("summary").text()
        assert (source.title or source.title_note or "") in line, sid
        assert item.css_first(".ref__num").text() == f"[{r.number[sid]}]"
        # the way back: to the first marker of this source on the page
        assert item.css_first("a.ref__back").attributes["href"] == f"#{r.markers[sid][0]}"
        text = item.text()
        assert "Access date not recorded" not in text
        if source.note:  # the note is said once, on the Sources page
            assert source.note not in text, sid


def test_each_citation_marker_has_an_id_its_reference_links_back_to() -> None:
    r = Renderer(DATA, _link)
    html = str(r.claims("astana-meeting-held", "astana-first-leaders-meeting")) + str(
        r.cite("trt-astana-2024-07-03")
    )
    markers = _tree(html).css("a.cite")
    ids = [m.attributes["id"] for m in markers]
    assert len(ids) == len(set(ids)) and all(ids)
    backs = _tree(r.references()).css("a.ref__back, a.ref__at")
    assert {b.attributes["href"] for b in backs} == {f"#{i}" for i in ids}


def test_the_sources_page_says_which_claims_cite_a_source_by_their_text() -> None:
    tree = _tree(Renderer(DATA, _link).sources_list())
    source = "turkicworld-mod-2024-06-18"
    claims = DATA.claims_citing(source)
    entry = tree.css_first(f"#source-{source}").parent
    links = entry.css("details.cited-by a")  # type: ignore[union-attr]
    assert [a.attributes["href"] for a in links] == [_link(c.id) for c in claims]
    for link, claim in zip(links, claims, strict=True):
        shown = link.text().strip("“”")
        assert shown.rstrip(".") and claim.text.startswith(shown.removesuffix("...").rstrip()), shown


# -- grouped lists with a filter ------------------------------------------------------------
def test_all_claims_are_grouped_by_topic_each_once_under_a_heading_of_its_own() -> None:
    sections = topics.claim_sections(DATA)
    assert [s.anchor for s in sections] == [
        "claims-disputes",
        "claims-meetings",
        "claims-countries",
        "claims-other",
    ]
    placed = [c.id for s in sections for g in s.groups for c in g.claims]
    assert sorted(placed) == sorted(DATA.claims)
    # a claim about the war of 2020 sits under its dispute
    nk = next(g for g in sections[0].groups if g.anchor == "about-nagorno-karabakh")
    assert "turkey-tb2-support" in {c.id for c in nk.claims}
    tree = _tree(Renderer(DATA, _link).all_claims())
    for cid in DATA.claims:
        heading = tree.css(f"#claim-{cid}")
        assert len(heading) == 1 and heading[0].tag in ("h3", "h4"), cid
        assert DATA.claims[cid].text in heading[0].text(), cid


def test_sources_are_grouped_by_type_then_side_each_once() -> None:
    sections = topics.source_sections(DATA)
    placed = [s.id for sec in sections for g in sec.groups for s in g.sources]
    assert sorted(placed) == sorted(DATA.sources)
    for section in sections:
        for group in section.groups:
            genres = {s.genre for s in group.sources}
            sides = {s.affiliation.country if s.affiliation else None for s in group.sources}
            assert len(genres) == 1 and f"genre-{genres.pop()}" == section.anchor
            assert len(sides) == 1, group.anchor


def test_filters_offer_each_value_that_occurs_with_its_count() -> None:
    tree = _tree(Renderer(DATA, _link).all_claims())
    options = {a.attributes["href"]: a.text() for a in tree.css("nav.filter a.filter__option")}
    kinds = [c.kind for c in DATA.claims.values()]
    assert options.pop("#claims-filter") == f"all {len(kinds)} claims"
    for kind in sorted(set(kinds)):
        assert re.search(rf"\b{kinds.count(kind)}$", options[f"#show-kind-{kind}"]), kind
        assert tree.css_first(f"div.filter-target#show-kind-{kind}") is not None
        items = tree.css(f".f-item.f-kind-{kind}")
        assert len(items) == kinds.count(kind)


# -- navigation -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("kind", "rid", "expected"),
    [
        ("person", "ilham-aliyev", ["offices", "meetings", "events", "claims"]),
        ("meeting", "astana-2024-07-03", ["participants", "outcomes", "sources"]),
        ("country", "turkiye", ["disputes", "meetings", "claims"]),
        (
            "dispute",
            "nagorno-karabakh",
            [
                "status",
                "positions",
                "position-armenia",
                "position-azerbaijan",
                "key-dates",
                "relations",
                "claims",
            ],
        ),
    ],
)
def test_headings_made_by_macros_reach_the_table_of_contents(
    kind: str, rid: str, expected: list[str]
) -> None:
    ids = _toc_ids(Renderer(DATA, _link).entity_page(kind, rid))
    assert ids[0] == rid
    assert [i for i in ids if i in expected] == expected
    if kind == "dispute":
        assert "event-nk-war-2020" in ids


@pytest.mark.parametrize(
    ("kind", "rid"), [("person", "ilham-aliyev"), ("meeting", "astana-2024-07-03"), ("dispute", "kashmir")]
)
def test_each_markdown_heading_stands_apart_from_the_html_around_it(kind: str, rid: str) -> None:
    """A heading line right after an HTML line could be read as part of the HTML block."""
    lines = str(Renderer(DATA, _link).entity_page(kind, rid)).split("\n")
    glued = [line for before, line in itertools.pairwise(lines) if line.startswith("#") and before.strip()]
    assert glued == []


def test_a_generated_page_points_to_the_written_page_about_it() -> None:
    written = {"astana-2024-07-03": [("../../astana-2024/", "The Astana meeting of 3 July 2024")]}
    tree = _tree(Renderer(DATA, _link, written).entity_page("meeting", "astana-2024-07-03"))
    link = tree.css_first(".see-also a")
    assert link is not None and link.attributes["href"] == "../../astana-2024/"
    assert link.text() == "The Astana meeting of 3 July 2024"
    assert (
        _tree(Renderer(DATA, _link).entity_page("meeting", "astana-2024-07-03")).css_first(".see-also")
        is None
    )
    page = (ROOT / "docs" / "astana-2024.md").read_text(encoding="utf-8")
    assert "covers: [astana-2024-07-03]" in page and "(meetings/astana-2024-07-03.md)" in page


# -- the audit ------------------------------------------------------------------------------
def test_the_audit_opens_with_a_scorecard_whose_counts_link_to_filtered_views() -> None:
    r = Renderer(DATA, _link)
    card = _tree(r.audit_scorecard("blitz-article"))
    audit = _tree(r.article_audit("blitz-article"))
    claims = DATA.audit_of("blitz-article")
    counts = {
        a.attributes["href"]: int(a.css_first(".scorecard__count").text()) for a in card.css(".scorecard a")
    }
    verdicts = [c.verdict for c in claims]
    for verdict in sorted({v for v in verdicts if v}):
        assert counts[f"#show-verdict-{verdict}"] == verdicts.count(verdict), verdict
    assert counts["#show-status-outdated"] == sum(1 for c in claims if c.superseded) == 1
    for href in counts:
        target = audit.css_first(href)
        assert target is not None and "filter-target" in (target.attributes.get("class") or ""), href
    outdated = audit.css_first("#claim-article-21-pakistan-only-non-recognition")
    assert "f-status-outdated" in (outdated.attributes.get("class") or "")  # type: ignore[union-attr]


# -- figures --------------------------------------------------------------------------------
def test_timelines_are_spaced_by_time_on_one_scale() -> None:
    starts = [date(2020, 1, 1), date(2020, 1, 5), date(2021, 1, 1), date(2030, 1, 1)]
    # the longest gap, 3287 days, sets the unit (328.7 days): 4 days -> 0, 362 -> 1, 3287 -> 10
    assert timeline_spacing(starts) == [0, 0, 1, MAX_STEPS]
    # a short timeline: a unit of at least 30 days, so a week apart is no gap, 54 days is 2
    assert timeline_spacing([date(2025, 5, 1), date(2025, 5, 8), date(2025, 7, 1)]) == [0, 0, 2]
    # even gaps: the span sets the unit (1096 / 24 = 45.7 days), each year is 8 steps
    assert timeline_spacing([date(2020, 1, 1), date(2021, 1, 1), date(2022, 1, 1), date(2023, 1, 1)]) == [
        0,
        8,
        8,
        8,
    ]


def test_the_graph_has_at_most_five_line_styles_naming_the_types_they_cover() -> None:
    types = get_args(Relation.model_fields["type"].annotation)
    assert len(STYLES) <= 5
    assert sorted(STYLE_OF) == sorted(types)  # every type has exactly one style
    assert len({(s.dash, s.width) for s in STYLES}) == len(STYLES)  # told apart without colour
    keys = legend(["alliance", "arms-supply", "cooperation"])
    assert [(k.style.name, k.label, k.directed) for k in keys] == [
        ("ties", "Alliance or cooperation", False),
        ("military", "Arms supply", True),
    ]


def test_the_graphs_figure_list_is_behind_a_disclosure_not_printed_twice() -> None:
    tree = _tree(Renderer(DATA, _link).graph_svg("all"))
    assert tree.css_first("figure ul.graph-legend") is not None
    listing = tree.css_first("details.figure-list ul.graph-edges")
    assert listing is not None and "open" not in listing.parent.attributes  # type: ignore[union-attr]
    edges = tree.css("svg a")
    assert len(edges) == len(listing.css("li"))
    assert len({p.attributes["class"] for p in tree.css("svg .g-edge")}) <= 5


# -- search in every spelling ---------------------------------------------------------------
LEADERS = ["recep-tayyip-erdogan", "ilham-aliyev", "shehbaz-sharif", "nikol-pashinyan", "emmanuel-macron"]


@pytest.mark.parametrize("person", [*LEADERS, "vladimir-putin"])
def test_every_leader_has_a_russian_form_in_the_data(person: str) -> None:
    p = DATA.people[person]
    assert any(has_cyrillic(f) for f in (*p.aliases, *p.transliterations, *(n.text for n in p.names)))


@pytest.mark.parametrize(
    ("text", "lang", "cyrillic"),
    [
        ("Jeyhun Bayramov", "en", "джейхун байрамов"),
        ("Mevlüt Çavuşoğlu", "tr", "мевлют чавушоглу"),
        ("Recep Tayyip Erdoğan", "tr", "реджеп тайип эрдоган"),
        ("İlham Əliyev", "az", "илхам алиев"),
        ("Nikol Pashinyan", "en", "никол пашинян"),
        ("Sébastien Lecornu", "en", "себастиен лекорну"),
    ],
)
def test_a_cyrillic_spelling_for_search_is_made_by_rule(text: str, lang: str, cyrillic: str) -> None:
    assert to_cyrillic(text, lang) == cyrillic


def test_people_without_a_russian_form_get_one_for_search_only() -> None:
    assert "джейхун байрамов" in person_terms(DATA, "jeyhun-bayramov")
    assert "мевлют чавушоглу" in person_terms(DATA, "mevlut-cavusoglu")
    sharif = person_terms(DATA, "shehbaz-sharif")
    assert "Шариф" in sharif and not [t for t in sharif if t.islower() and has_cyrillic(t)]  # the data's own


def test_folded_words_are_the_words_that_lose_a_diacritic() -> None:
    html = "<p>Azərbaycan Xarici İşlər naziri, Türkiye-Azerbaijan “Çavuşoğlu” Путин</p>"
    assert folded_words("Ilham Əliyev", html) == "eliyev azerbaycan isler turkiye cavusoglu"


def test_the_search_index_has_an_entry_per_claim_and_source_and_folded_words(built_site: Path) -> None:
    import json

    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["fields"]["folded"] == {"boost": 1.0}
    docs = {d["location"]: d for d in index["docs"]}
    for cid, claim in DATA.claims.items():
        entry = docs[f"claims/#claim-{cid}"]
        assert claim.text in entry["title"] and entry["text"] == "", cid
    for sid in DATA.sources:
        assert docs[f"sources/#source-{sid}"]["text"] == "", sid
    entry = docs["sources/#source-gpb-1tv-az-fm-dismissed-2020-07"]
    assert set(entry["folded"].split()) >= {"azerbaycan", "vezifesinden"}


def test_a_written_page_covering_a_record_is_pointed_to_and_an_unknown_record_fails(tmp_path: Path) -> None:
    from small_build import run, small_project, write

    project = small_project(tmp_path)
    write(
        project,
        "docs/river.md",
        "---\ncovers: [river-dispute]\n---\n# About the river\n\nText.\n{ .editorial }\n",
    )
    outcome = run(project)
    assert outcome.error is None, outcome.output
    page = LexborHTMLParser(
        (outcome.site / "disputes" / "river-dispute" / "index.html").read_text(encoding="utf-8")
    )
    link = page.css_first("article .see-also a")
    assert link is not None and link.attributes["href"] == "../../river/" and link.text() == "About the river"
    write(project, "docs/wrong.md", "---\ncovers: [no-such-record]\n---\n# Wrong\n")
    outcome = run(project)
    assert outcome.error is not None
    assert "ERROR - docs/wrong.md: covers: unknown record 'no-such-record'" in outcome.output.splitlines()
