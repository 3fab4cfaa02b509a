"""Issue 8's rules, on the real data and the built site: every claim where readers look,
both sides of every dispute, history kept and marked, editors' notes never published,
reviews that say what was checked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import real_data
from selectolax.lexbor import LexborHTMLParser, LexborNode

from macros.core.dataset import Dataset

# Working notes of the research and the editors: none may reach a page.
EDITOR_PHRASES = (
    "stored corpus",
    "kiwix snapshot",
    "verify before publishing",
    "do not cite it",
    "headline not in excerpt",
    "url slug",
    "archived copy seen",
    "search excerpt",
    "the seed",
    "seed article",
    "general knowledge, unverified",
)


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return real_data()


def _pages(site: Path) -> dict[str, LexborHTMLParser]:
    return {
        p.relative_to(site).as_posix(): LexborHTMLParser(p.read_text(encoding="utf-8"))
        for p in site.rglob("*.html")
    }


@pytest.fixture(scope="module")
def pages(built_site: Path) -> dict[str, LexborHTMLParser]:
    return _pages(built_site)


def _claim_box(tree: LexborHTMLParser, claim_id: str) -> LexborNode | None:
    """The box of a claim: the element with its anchor, or (where the anchor is the claim's
    heading, on the All claims page) the box around that heading."""
    node = tree.css_first(f"#claim-{claim_id}")
    return node.parent if node is not None and node.tag != "div" else node


def _claim_ids(tree: LexborHTMLParser) -> set[str]:
    return {n.attributes["id"][6:] for n in tree.css("article [id^='claim-']") if n.attributes.get("id")}


def test_every_claim_is_shown_on_a_topic_page(pages: dict[str, LexborHTMLParser], dataset: Dataset) -> None:
    shown: set[str] = set()
    for path, tree in pages.items():
        if path != "claims/index.html":
            shown |= _claim_ids(tree) & set(dataset.claims)
    missing = sorted(set(dataset.claims) - shown)
    assert missing == [], f"{len(missing)} claims only on All claims: {missing[:10]}"


def test_every_dispute_party_has_a_position_or_a_not_found_line(
    pages: dict[str, LexborHTMLParser], dataset: Dataset
) -> None:
    for dispute in dataset.disputes.values():
        tree = pages[f"disputes/{dispute.id}/index.html"]
        for party in dispute.parties:
            heading = tree.css_first(f"h3#position-{party}")
            assert heading is not None, (dispute.id, party)
            box = heading.next
            while box is not None and box.tag != "div":
                box = box.next
            assert box is not None and "position" in (box.attributes.get("class") or ""), (dispute.id, party)
            text = box.text(separator=" ")
            stated = next(p for p in dispute.positions if p.party == party)
            if stated.not_found:
                assert "No sourced statement of this party's position was found" in text, (dispute.id, party)
            else:
                assert box.css_first("a.cite") is not None, (dispute.id, party)


def test_the_2020_war_shows_turkiyes_and_pakistans_roles(pages: dict[str, LexborHTMLParser]) -> None:
    tree = pages["disputes/nagorno-karabakh/index.html"]
    heading = tree.css_first("#event-nk-war-2020")
    assert heading is not None
    claims = []
    node = heading.next
    while node is not None and node.tag != "h3":
        if node.tag == "div" and "claim" in (node.attributes.get("class") or ""):
            claims.append(node.text(separator=" "))
        node = node.next
    joined = " ".join(claims)
    assert "Türkiye" in joined and "Pakistan" in joined


def test_a_superseded_claim_stays_marked_and_links_its_successor(
    pages: dict[str, LexborHTMLParser], dataset: Dataset
) -> None:
    superseded = [c for c in dataset.claims.values() if c.superseded]
    assert superseded
    tree = pages["claims/index.html"]
    for claim in superseded:
        box = _claim_box(tree, claim.id)
        assert box is not None, claim.id
        note = box.css_first(".claim__superseded")
        assert note is not None and "True until" in note.text(), claim.id
        link = note.css_first("a")
        assert link is not None and link.attributes["href"].endswith(f"#claim-{claim.superseded.by}"), (
            claim.id
        )
    home = pages["index.html"]
    old = home.css_first("#claim-pakistan-no-recognition .claim__superseded")
    assert old is not None and "31 August 2025" in old.text()


def test_the_audit_says_when_a_verdict_is_outdated(pages: dict[str, LexborHTMLParser]) -> None:
    item = pages["article-audit/index.html"].css_first("#claim-article-21-pakistan-only-non-recognition")
    outdated = item.css_first(".audit__outdated")
    assert outdated is not None and "31 August 2025" in outdated.text()


def test_no_editor_phrase_reaches_a_page(built_site: Path) -> None:
    for path in built_site.rglob("*"):
        if path.suffix not in (".html", ".json", ".csv", ".bib", ".ics", ".atom"):
            continue
        text = path.read_text(encoding="utf-8").casefold()
        for phrase in EDITOR_PHRASES:
            assert phrase not in text, (path.relative_to(built_site).as_posix(), phrase)


def test_no_editor_note_is_published(built_site: Path, dataset: Dataset) -> None:
    notes = [s.editor_note for s in dataset.sources.values() if s.editor_note and len(s.editor_note) > 40]
    assert notes
    texts = [
        p.read_text(encoding="utf-8") for p in built_site.rglob("*") if p.suffix in (".html", ".json", ".csv")
    ]
    for note in notes:
        assert not any(note[:40] in t for t in texts), note[:40]


def test_untitled_sources_show_as_untitled_items(
    pages: dict[str, LexborHTMLParser], dataset: Dataset
) -> None:
    untitled = [s for s in dataset.sources.values() if not s.title]
    assert untitled
    tree = pages["sources/index.html"]
    for source in untitled:
        entry = tree.css_first(f"#source-{source.id}")
        assert entry.css_first(".untitled").text() == "Untitled item", source.id
        assert "[" not in entry.text().split("Untitled item", 1)[1].split(")", 1)[0], source.id


def test_reviews_name_what_was_checked_and_are_shown_in_details(
    pages: dict[str, LexborHTMLParser], dataset: Dataset
) -> None:
    reviewed = [c for c in dataset.claims.values() if c.reviewed]
    assert reviewed and len(reviewed) < len(dataset.claims)  # set where checked, not blanket
    tree = pages["claims/index.html"]
    for claim in reviewed:
        assert claim.reviewed is not None
        cited = {c.source for c in (*claim.sources, *claim.evidence)}
        assert set(claim.reviewed.against) <= cited, claim.id
        box = _claim_box(tree, claim.id)
        details = box.css_first("details.claim__details") if box is not None else None
        assert details is not None and details.attributes.get("open") is None, claim.id
    # No visible review line on claims: it is in the collapsed details only.
    assert not tree.css("p .reviewed")


def test_a_bare_review_date_is_not_accepted(data_dir: Path) -> None:
    from conftest import edit, report

    edit(data_dir, "claims/claims.yml", "  kind: fact\n", '  kind: fact\n  reviewed: "2026-11-25"\n')
    lines = report(data_dir)
    assert lines == [
        "data/claims/claims.yml:4:13: error: claim 'claim-1' › reviewed: expected a mapping with 'on', "
        "'against' (and optionally 'note'), got text '2026-11-25' [wrong-type]"
    ]


def test_each_dispute_status_and_the_home_page_say_as_of(
    pages: dict[str, LexborHTMLParser], dataset: Dataset
) -> None:
    for dispute in dataset.disputes.values():
        heading = pages[f"disputes/{dispute.id}/index.html"].css_first("h2#status")
        assert heading is not None and re.match(r"Status as of \S", heading.text()), dispute.id
    as_of = pages["index.html"].css_first("p.as-of")
    assert as_of is not None and re.match(r"As of \d{1,2} \w+ 20\d\d", as_of.text())


def test_contested_names_are_attributed_to_each_side(
    pages: dict[str, LexborHTMLParser], dataset: Dataset
) -> None:
    termed = [e for e in dataset.events.values() if e.terms]
    assert termed
    tree = pages["disputes/nagorno-karabakh/index.html"]
    text = tree.css_first("article").text(separator=" ")
    war = dataset.events["nk-war-2020"]
    for term in war.terms:
        assert f"“{term.term}”" in text
