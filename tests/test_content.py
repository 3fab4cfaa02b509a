"""The content rules of the briefing, checked on the real data and the built site."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import article_quotes
import pytest
from conftest import ROOT, real_data
from selectolax.lexbor import LexborHTMLParser

from macros.core.dataset import Dataset


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return real_data()


def test_a_clean_checkout_prints_no_warning(dataset: Dataset) -> None:
    # The one source kept uncited on purpose carries a reviewed exception in the data.
    # Review-age warnings depend on the day the check runs: they are what `make check`
    # is for, so they are the only ones allowed here.
    assert [w.format() for w in dataset.warnings if w.rule != "stale-review"] == []


def test_every_claim_cites_an_existing_source(dataset: Dataset) -> None:
    for claim in dataset.claims.values():
        assert claim.sources, claim.id
        for citation in (*claim.sources, *claim.evidence):
            assert citation.source in dataset.sources, (claim.id, citation.source)


def test_claims_other_than_facts_name_who_asserts_them(dataset: Dataset) -> None:
    for claim in dataset.claims.values():
        if claim.kind != "fact":
            assert claim.asserted_by, claim.id


def test_audit_covers_all_39_claims_of_the_article(dataset: Dataset) -> None:
    audited = dataset.audit_of("blitz-article")
    assert [c.audit.number for c in audited] == list(range(1, 40))
    assert all(c.verdict for c in audited)


def test_quotes_from_the_article_are_the_ones_verified_against_its_text(dataset: Dataset) -> None:
    """The article is not in the repository: tests/fixtures/article-quotes.json records the
    hash of each quote that `python -m tests.article_quotes` found verbatim in its text."""
    record = json.loads((ROOT / "tests" / "fixtures" / "article-quotes.json").read_text(encoding="utf-8"))
    assert record["article"]["source"] == "blitz-article" and record["article"]["verified_on"]
    quoted = {c.id: c.audit.quote for c in dataset.audit_of("blitz-article") if c.audit and c.audit.quote}
    assert len(quoted) >= 30
    unverified = sorted(
        cid for cid, quote in quoted.items() if record["quotes"].get(cid) != article_quotes.sha256(quote)
    )
    assert unverified == [], "quotes not verified against the article (run python -m tests.article_quotes)"
    assert sorted(record["quotes"]) == sorted(quoted), "verified quotes no longer in data/"


def test_unknowns_stay_unknown(dataset: Dataset) -> None:
    seed = dataset.sources["blitz-article"]
    assert (seed.author, seed.issued, seed.url) == ((), None, None)
    assert not [s for s in dataset.sources if s.startswith("sipri-")]  # no invented primary SIPRI entry
    sharif_first_term = [
        o for o in dataset.people["shehbaz-sharif"].offices if o.start and o.start.year == 2022
    ]
    assert [str(o.end) for o in sharif_first_term] == ["2023-08"]
    assert "azertac-original-not-found" in dataset.claims


def test_post_article_meetings_are_marked(dataset: Dataset) -> None:
    """The article is about the Astana meeting of 3 July 2024: every later meeting, and only
    those, is marked as after the article."""
    astana = dataset.meetings["astana-2024-07-03"]
    for m in dataset.meetings.values():
        assert m.after_article == (m.start.earliest > astana.start.latest), m.id
    assert any(m.after_article for m in dataset.meetings.values())
    assert astana.part_of == "sco-summit-astana-2024"


class _Content(HTMLParser):
    """Collects, inside the article body, ids, citation links and bare paragraphs."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.cite_targets: list[str] = []
        self.bare_paragraphs: list[str] = []
        self._stack: list[tuple[str, dict[str, str]]] = []
        self._text: list[str] = []
        self._cited = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "cite" in a.get("class", "").split():
            self.cite_targets.append(a["href"])
            self._cited = True
        if tag == "p":
            self._text, self._cited = [], False
        self._stack.append((tag, a))

    def handle_endtag(self, tag: str) -> None:
        while self._stack:
            open_tag, attrs = self._stack.pop()
            if open_tag == tag:
                break
        if tag == "p":
            classes = attrs.get("class", "").split()
            in_block = any(
                t in ("div", "section", "li", "blockquote", "nav", "footer", "header", "details")
                for t, _ in self._stack
            )
            text = " ".join("".join(self._text).split())
            if text and not in_block and not self._cited and "editorial" not in classes:
                self.bare_paragraphs.append(text[:80])

    def handle_data(self, data: str) -> None:
        self._text.append(data)


def _article(html: str) -> str:
    match = re.search(r'<article class="md-content__inner[^"]*">(.*)</article>', html, re.S)
    assert match
    return match.group(1)


PROSE_PAGES = [
    "index.html",
    "format/index.html",
    "astana-2024/index.html",
    "arms/index.html",
    "article-audit/index.html",
    "methodology/index.html",
    "people/index.html",
    "meetings/index.html",
    "disputes/index.html",
    "sources/index.html",
    "about/index.html",
    "corrections-policy/index.html",
    "data/index.html",
    "corrections/index.html",
]


@pytest.mark.parametrize("page", PROSE_PAGES)
def test_prose_pages_have_no_uncited_factual_paragraph(built_site: Path, page: str) -> None:
    """A paragraph written in a page must cite a source, or be marked `{ .editorial }`
    (framing and navigation text that states no fact)."""
    parser = _Content()
    parser.feed(_article((built_site / page).read_text(encoding="utf-8")))
    assert parser.bare_paragraphs == []


def test_every_citation_on_the_site_resolves(built_site: Path) -> None:
    """Markers point at the page's own references; each reference exists in the bibliography."""
    sources_page = _Content()
    sources_page.feed((built_site / "sources" / "index.html").read_text(encoding="utf-8"))
    cited: set[str] = set()
    for html in built_site.rglob("*.html"):
        parser = _Content()
        parser.feed(html.read_text(encoding="utf-8"))
        for target in parser.cite_targets:
            assert target.startswith("#ref-"), (html, target)
            assert target[1:] in parser.ids, (html, target)
            cited.add(target.removeprefix("#ref-"))
    assert len(cited) > 100
    assert {f"source-{sid}" for sid in cited} <= sources_page.ids


def test_pages_end_with_their_references(built_site: Path) -> None:
    html = (built_site / "astana-2024" / "index.html").read_text(encoding="utf-8")
    refs = html.index('id="references"')
    assert html.index('class="cite"') < refs
    assert re.search(r'<li id="ref-[a-z0-9-]+" value="1">', html)
    assert 'href="../sources/#source-' in html[refs:]


def test_sources_page_lists_every_source_with_labels(built_site: Path, dataset: Dataset) -> None:
    tree = LexborHTMLParser((built_site / "sources" / "index.html").read_text(encoding="utf-8"))
    for sid, source in dataset.sources.items():
        heading = tree.css_first(f"h4#source-{sid}")
        assert heading is not None, sid
        entry = heading.parent
        assert entry is not None and "source" in (entry.attributes.get("class") or "").split(), sid
        assert entry.css_first('.label[title="Genre"]').text() == source.genre  # type: ignore[union-attr]
        assert entry.css_first(f".label.label--origin-{source.origin}") is not None, sid
    assert len(dataset.sources) >= 120


@pytest.mark.parametrize(
    ("person", "native"),
    [
        ("recep-tayyip-erdogan", "Recep Tayyip Erdoğan"),
        ("ilham-aliyev", "İlham Heydər oğlu Əliyev"),
        ("shehbaz-sharif", "شہباز شریف"),
    ],
)
def test_leader_pages_show_native_names_and_meetings(built_site: Path, person: str, native: str) -> None:
    html = (built_site / "people" / person / "index.html").read_text(encoding="utf-8")
    assert f'dir="auto">{native}</dd>' in html
    assert 'href="../../meetings/astana-2024-07-03/"' in html


def test_audit_page_shows_39_verdicts(built_site: Path) -> None:
    html = (built_site / "article-audit" / "index.html").read_text(encoding="utf-8")
    assert len(re.findall(r'<section class="audit__item [^"]*" id="claim-article-\d\d-', html)) == 39
    assert len(re.findall(r'id="audit-\d+"', html)) == 39


def test_dispute_pages_have_cited_positions(built_site: Path, dataset: Dataset) -> None:
    for did, dispute in dataset.disputes.items():
        html = (built_site / "disputes" / did / "index.html").read_text(encoding="utf-8")
        assert "Status as of" in html
        if not dispute.context:
            assert 'id="positions"' in html and len(dispute.positions) >= 2, did


def test_dispute_pages_have_titled_timeline_and_graph(built_site: Path, dataset: Dataset) -> None:
    for did, dispute in dataset.disputes.items():
        html = (built_site / "disputes" / did / "index.html").read_text(encoding="utf-8")
        timeline = re.search(r'<figure class="timeline-figure".*?</figure>', html, re.S)
        graph = re.search(r'<svg class="graph-svg".*?</svg>', html, re.S)
        assert timeline and graph, did
        assert f"<figcaption>Timeline: {dispute.name}</figcaption>" in timeline.group(0)
        assert len(re.findall("<li ", timeline.group(0))) == len(dispute.key_dates)
        assert "<desc" in graph.group(0)
        # A group, not an image: its links stay reachable (links inside role="img" are not).
        assert 'role="group"' in graph.group(0)
        # every edge of the graph links to the claim that backs it, and is named by its <title>
        edges = re.findall(r'<a href="([^"]+)"><title>[^<]+</title><g class="g-edge', graph.group(0))
        assert edges and all("claims/#claim-" in e for e in edges), did


def test_every_relation_is_backed_by_a_cited_claim(dataset: Dataset) -> None:
    relations = [(c, r) for c in dataset.claims.values() for r in c.relations]
    assert len(relations) >= 15
    assert all(c.sources for c, _ in relations)


def test_backlinks(built_site: Path) -> None:
    aliyev = (built_site / "people" / "ilham-aliyev" / "index.html").read_text(encoding="utf-8")
    for section in ('id="meetings"', 'id="events"', 'id="claims"'):
        assert section in aliyev
    assert "claim-peace-talks-80-percent" in aliyev  # a claim he asserts
    sources = (built_site / "sources" / "index.html").read_text(encoding="utf-8")
    entry = sources[sources.index('id="source-turkicworld-mod-2024-06-18"') :]
    entry = entry[: entry.index("</li>")]
    assert 'href="../claims/#claim-az-mod-caesar-statement"' in entry
