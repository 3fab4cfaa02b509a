"""Who stands behind the site and how to cite and reuse it (issue 11, items 1, 2, 5, 10):
licences in the footer and the downloads, the cite box with and without SITE_URL, the
sitemap, meta descriptions and Open Graph tags (escaped), ClaimReview JSON-LD, the Data
page's column guide, names beside ids in the CSVs, and the edition files' links."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import bibtexparser
import icalendar
import pytest
from conftest import ROOT, SITE_URL, TRICKY_PAGE, real_data
from selectolax.lexbor import LexborHTMLParser

from macros.editions import licence
from macros.editions.editions_files import FILES, place_editions
from macros.editions.tables import COLUMNS
from macros.pages.describe import entity_description
from macros.pages.labels import VERDICT_LABELS

DATA = real_data()
PERSON = "people/recep-tayyip-erdogan/index.html"
AUDITED = [c for c in DATA.audit_of("blitz-article") if c.verdict]


def _tree(site: Path, page: str) -> LexborHTMLParser:
    return LexborHTMLParser((site / page).read_text(encoding="utf-8"))


def _download(site: Path, name: str) -> str:
    return (site / "downloads" / name).read_text(encoding="utf-8")


# -- licences ------------------------------------------------------------------------------
def test_licence_files_name_both_licences() -> None:
    mit = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert mit.startswith("MIT License\n\nCopyright (c) 2026 the contributors")
    assert 'THE SOFTWARE IS PROVIDED "AS IS"' in mit
    content = (ROOT / "LICENSE-content").read_text(encoding="utf-8")
    assert licence.CONTENT_LEGAL_CODE in content and licence.CONTENT.name in content


def test_the_footer_states_the_licences_and_links_who_stands_behind_the_site(built_site: Path) -> None:
    for page in ("index.html", PERSON, "data/index.html"):
        footer = _tree(built_site, page).css_first("footer .briefing-footer")
        assert footer is not None, page
        licensed = footer.css_first('a[rel="license"]')
        assert licensed is not None and licensed.attributes["href"] == licence.CONTENT.url
        links = {a.text(strip=True): a.attributes["href"] for a in footer.css("a")}
        assert links["MIT licence"] == licence.CODE.url
        assert {"About", "Corrections policy", "Data and licence"} <= set(links), page
    person_links = {
        a.text(strip=True): a.attributes["href"] for a in _tree(built_site, PERSON).css("footer a")
    }
    assert person_links["About"] == "../../about/"
    # REPO_URL is not set in the test build: no repository link, and nothing in its place.
    assert "Source repository" not in _tree(built_site, "index.html").css_first("footer").text()


def test_every_download_that_can_carry_the_licence_does(built_site: Path) -> None:
    dataset = json.loads(_download(built_site, "dataset.json"))
    assert dataset["license"] == {
        "id": "CC-BY-4.0",
        "name": "Creative Commons Attribution 4.0 International",
        "url": "https://creativecommons.org/licenses/by/4.0/",
        "holder": "the contributors",
    }
    bib = _download(built_site, "bibliography.bib")
    assert bib.startswith(
        "@comment{Three Brothers briefing, © the contributors. Content and data under CC BY 4.0"
    )
    parsed = bibtexparser.loads(bib)
    assert len(parsed.entries) == len(DATA.bibliography())  # the comment is not an entry
    feed = ET.fromstring(_download(built_site, "changes.atom"))
    rights = feed.find("{http://www.w3.org/2005/Atom}rights")
    assert rights is not None and "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)" in (
        rights.text or ""
    )
    calendar = icalendar.Calendar.from_ical(_download(built_site, "meetings.ics"))
    assert "CC BY 4.0" in str(calendar["X-WR-CALDESC"])


# -- About, corrections policy ---------------------------------------------------------------
def test_about_page_outside_a_git_checkout_says_the_contributors_are_unknown(built_site: Path) -> None:
    # The test project is a copy without git history: the page says so instead of a list.
    article = _tree(built_site, "about/index.html").css_first("article")
    assert article.css_first("ul.contributors") is None
    assert "could not be read" in article.text()
    assert "funded is not known" in article.text()


def test_contributors_come_from_git_without_e_mail(tmp_path: Path) -> None:
    import subprocess

    from macros.repository import contributors

    def git(*args: str, name: str = "A", email: str = "a@example.org") -> None:
        env = {"GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email, "GIT_COMMITTER_NAME": name}
        env |= {"GIT_COMMITTER_EMAIL": email, "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
        subprocess.run(["git", *args], cwd=tmp_path, env=env, check=True, capture_output=True)

    git("init", "-q")
    git("commit", "-q", "--allow-empty", "-m", "one", name="Ada Lovelace", email="ada@example.org")
    git("commit", "-q", "--allow-empty", "-m", "two", name="Ada Lovelace", email="ada@example.org")
    git("commit", "-q", "--allow-empty", "-m", "three", name="Émile Zola", email="emile@example.org")
    assert contributors(tmp_path) == ("Ada Lovelace", "Émile Zola")
    assert contributors(tmp_path / "nowhere") == ()


# -- citations and SITE_URL ------------------------------------------------------------------
def _cite_box(site: Path, page: str) -> tuple[str, str, dict[str, object]]:
    box = _tree(site, page).css_first("details.cite-box")
    assert box is not None
    text = box.css_first(".cite-box__text").text()
    bib, csl = (code.text() for code in box.css("pre code"))
    return text, bib, json.loads(csl)


def test_cite_box_without_site_url_leaves_the_address_out(built_site: Path) -> None:
    text, bib, csl = _cite_box(built_site, PERSON)
    assert (
        text
        == "Three Brothers briefing contributors. “Recep Tayyip Erdoğan”. Three Brothers briefing, edition of "
        + text.split("edition of ")[1]
    )
    assert "http" not in text and "this site" not in text
    assert bib.startswith("@misc{threebrothers-people-recep-tayyip-erdogan,\n") and "url =" not in bib
    assert "URL" not in csl


def test_cite_box_is_a_quotation_with_copy_buttons(built_site: Path) -> None:
    box = _tree(built_site, PERSON).css_first("details.cite-box")
    # "quote": Material's quotation icon (a plain details box shows a pencil, read as "edit");
    # "copy": Material adds its copy button to each code block inside (no script of ours).
    assert {"quote", "copy"} <= set(box.attributes["class"].split())
    assert len(box.css("pre > code")) == 2


def test_cite_box_sitemap_and_canonical_carry_the_full_address(site_with_url: Path) -> None:
    text, bib, csl = _cite_box(site_with_url, PERSON)
    address = SITE_URL + "people/recep-tayyip-erdogan/"
    assert text.endswith(" " + address)
    assert f"url = {{{address}}}" in bib and csl["URL"] == address
    head = _tree(site_with_url, PERSON).css_first("head")
    assert head.css_first('link[rel="canonical"]').attributes["href"] == address
    assert head.css_first('meta[property="og:url"]').attributes["content"] == address
    sitemap = ET.fromstring((site_with_url / "sitemap.xml").read_text(encoding="utf-8"))
    locs = [e.text or "" for e in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert SITE_URL in locs and address in locs and all(loc.startswith(SITE_URL) for loc in locs)
    dataset = json.loads(_download(site_with_url, "dataset.json"))
    assert dataset["edition"]["site_url"] == SITE_URL


def test_without_site_url_no_placeholder_and_no_empty_sitemap(built_site: Path) -> None:
    assert not (built_site / "sitemap.xml").exists() and not (built_site / "sitemap.xml.gz").exists()
    for path in built_site.rglob("*"):
        if path.suffix in (".html", ".json", ".csv", ".bib", ".ics", ".atom", ".cff", ".xml"):
            text = path.read_text(encoding="utf-8")
            for placeholder in ("(this site)", "None/", "example.org", 'href="None"', 'content="None"'):
                assert placeholder not in text, (path, placeholder)
    head = _tree(built_site, PERSON).css_first("head")
    assert (
        head.css_first('link[rel="canonical"]') is None and head.css_first('meta[property="og:url"]') is None
    )


# -- CITATION.cff ------------------------------------------------------------------------------
CFF_KEYS = {
    "abstract", "authors", "cff-version", "commit", "contact", "date-released", "doi", "identifiers",
    "keywords", "license", "license-url", "message", "preferred-citation", "references", "repository",
    "repository-artifact", "repository-code", "title", "type", "url", "version",
}  # fmt: skip


def _check_cff(text: str) -> dict[str, object]:
    """The rules of CFF 1.2.0's schema that apply to our file: required and known keys,
    type, authors as entities with a name, SPDX licence ids, ISO dates, http(s) URLs."""
    import yaml

    doc = yaml.safe_load(text)
    assert {"cff-version", "message", "title", "authors"} <= set(doc) <= CFF_KEYS
    assert doc["cff-version"] == "1.2.0" and doc["type"] in ("dataset", "software")
    assert doc["authors"] and all(set(a) == {"name"} and a["name"].strip() for a in doc["authors"])
    assert "@" not in json.dumps(doc["authors"])  # no e-mail addresses
    assert doc["license"] == ["CC-BY-4.0", "MIT"]
    for key in ("url", "repository-code"):
        assert key not in doc or re.match(r"https?://", doc[key])
    if "date-released" in doc:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(doc["date-released"]))
    return doc


def test_repository_citation_cff_is_valid_and_names_the_git_contributors() -> None:
    from datetime import UTC, datetime

    from macros.editions.cff import citation_cff
    from macros.editions.edition import Edition
    from macros.repository import contributors

    text = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    doc = _check_cff(text)
    assert "version" not in doc and "date-released" not in doc
    names = contributors(ROOT)
    assert names, "the repository's history should name its contributors"
    edition = Edition("Three Brothers briefing", datetime(2026, 1, 1, tzinfo=UTC), "x", contributors=names)
    assert text == citation_cff(edition), "CITATION.cff is out of date: run `python -m macros cff`"


def test_the_editions_citation_cff_adds_version_date_and_address(site_with_url: Path) -> None:
    doc = _check_cff(_download(site_with_url, "CITATION.cff"))
    assert doc["url"] == SITE_URL and doc["version"] and doc["date-released"]
    assert "repository-code" not in doc  # REPO_URL is not set


# -- meta descriptions, Open Graph, JSON-LD ----------------------------------------------------
def test_every_page_has_a_description_and_open_graph_tags(built_site: Path) -> None:
    for path in built_site.rglob("*.html"):
        if path.name == "404.html":
            continue
        head = LexborHTMLParser(path.read_text(encoding="utf-8")).css_first("head")
        description = head.css_first('meta[name="description"]').attributes["content"] or ""
        og = {m.attributes["property"]: m.attributes["content"] for m in head.css("meta[property]")}
        assert len(description) >= 20 and og["og:description"] == description, path
        assert og["og:title"] and og["og:type"] in ("website", "article"), path


def test_generated_pages_are_described_from_their_record(built_site: Path) -> None:
    for kind, folder, rid in (
        ("person", "people", "recep-tayyip-erdogan"),
        ("meeting", "meetings", "astana-2024-07-03"),
        ("dispute", "disputes", "nagorno-karabakh"),
        ("country", "countries", "pakistan"),
    ):
        head = _tree(built_site, f"{folder}/{rid}/index.html").css_first("head")
        assert head.css_first('meta[name="description"]').attributes["content"] == entity_description(
            DATA, kind, rid
        )
    person = entity_description(DATA, "person", "recep-tayyip-erdogan") or ""
    assert person.startswith("Recep Tayyip Erdoğan (Türkiye): President of Türkiye (from 28 August 2014)")
    meeting = entity_description(DATA, "meeting", "astana-2024-07-03") or ""
    assert meeting.startswith("First leaders' trilateral meeting, Astana: 3 July 2024, in Kazakhstan.")


def test_a_description_with_quotes_and_angle_brackets_is_escaped(site_with_url: Path) -> None:
    raw = (site_with_url / "tricky" / "index.html").read_text(encoding="utf-8")
    head = LexborHTMLParser(raw).css_first("head")
    expected = TRICKY_PAGE.strip()
    assert head.css_first('meta[name="description"]').attributes["content"] == expected
    assert head.css_first('meta[property="og:description"]').attributes["content"] == expected
    assert raw.count("&lt;angle&gt;") >= 3 and '"quotes"' not in raw.split("</head>")[0]


def _reviews(site: Path) -> list[dict[str, object]]:
    head = _tree(site, "article-audit/index.html").css_first("head")
    return [json.loads(s.text()) for s in head.css('script[type="application/ld+json"]')]


def test_each_audited_claim_carries_a_claim_review(built_site: Path) -> None:
    reviews = _reviews(built_site)
    assert [r["claimReviewed"] for r in reviews] == [c.text for c in AUDITED]
    for review, claim in zip(reviews, AUDITED, strict=True):
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        assert review["reviewRating"] == {
            "@type": "Rating",
            "alternateName": VERDICT_LABELS[str(claim.verdict)],
        }
        assert review["author"] == {"@type": "Organization", "name": "Three Brothers briefing contributors"}
        item = review["itemReviewed"]
        assert isinstance(item, dict) and item["author"] == {"@type": "Organization", "name": "BLiTZ"}
        assert item["appearance"]["headline"] == "Turkey’s alliance with Azerbaijan and Pakistan"
        assert "url" not in item["appearance"] and "url" not in review  # neither address is known
        if claim.reviewed:
            assert review["datePublished"] == claim.reviewed.on.iso()
        else:
            assert "datePublished" not in review
    # JSON-LD only where claims are reviewed, and never inside the page's content.
    assert not _tree(built_site, PERSON).css('script[type="application/ld+json"]')
    assert not _tree(built_site, "article-audit/index.html").css("article script")


def test_claim_reviews_link_the_claim_when_the_address_is_known(site_with_url: Path) -> None:
    urls = [r["url"] for r in _reviews(site_with_url)]
    assert urls == [f"{SITE_URL}article-audit/#claim-{c.id}" for c in AUDITED]


def test_json_ld_cannot_end_its_element() -> None:
    from macros.pages.head import json_ld

    value = {"text": "</script><script>alert(1)</script><!-- & -->"}
    out = str(json_ld(value))
    assert "<" not in out and ">" not in out and "&" not in out
    assert json.loads(out) == value


# -- the Data page and the CSVs -------------------------------------------------------------
def test_data_page_guides_every_column_and_shows_no_markup_leftover(built_site: Path) -> None:
    article = _tree(built_site, "data/index.html").css_first("article")
    assert "{ .editorial }" not in article.text() and ".editorial" not in article.text()
    for table, columns in COLUMNS.items():
        header = next(csv.reader(io.StringIO(_download(built_site, f"{table}.csv"))))
        guide = article.css_first(f"#columns-{table} + table")
        assert guide is not None, table
        rows = [tr.css("td") for tr in guide.css("tbody tr")]
        assert [r[0].text() for r in rows] == header == list(columns)
        assert all(r[1].text().strip() for r in rows)


def test_csvs_give_names_beside_ids(built_site: Path) -> None:
    claims = {r["id"]: r for r in csv.DictReader(io.StringIO(_download(built_site, "claims.csv")))}
    statement = next(c for c in DATA.claims.values() if c.kind == "statement")
    row = claims[statement.id]
    ids, names = row["asserted_by"].split("; "), row["asserted_by_names"].split("; ")
    assert len(ids) == len(names) and ids == [a.entity for a in statement.asserted_by]
    for rid, name in zip(ids, names, strict=True):
        record = DATA.get(rid)
        assert name == (getattr(record, "name", None) or getattr(record, "title", None))
    meetings = {r["id"]: r for r in csv.DictReader(io.StringIO(_download(built_site, "meetings.csv")))}
    astana = meetings["astana-2024-07-03"]
    assert astana["country_name"] == "Kazakhstan"
    assert "Recep Tayyip Erdoğan" in astana["participants_names"].split("; ")
    people = {r["id"]: r for r in csv.DictReader(io.StringIO(_download(built_site, "people.csv")))}
    assert people["shehbaz-sharif"]["country_name"] == "Pakistan"


@pytest.mark.xdist_group("pdf")
def test_edition_files_are_placed_beside_the_site_so_their_links_hold(
    built_site: Path, offline_copy: Path, pdf_edition: Path, tmp_path: Path
) -> None:
    import shutil

    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    links = {
        a.text(strip=True): a.attributes["href"]
        for a in _tree(site, "data/index.html").css(".edition-downloads a")
    }
    assert links == {"PDF edition": f"../{FILES[0].path}", "Offline copy": f"../{FILES[1].path}"}
    assert place_editions(site, offline_copy, pdf_edition) == []
    assert (site / FILES[0].path).read_bytes() == pdf_edition.read_bytes()
    assert (site / FILES[1].path).stat().st_size > 100_000
    (site / FILES[1].path).unlink()
    from macros.editions.site_check import check_site

    assert any(
        "broken link '../downloads/three-brothers-briefing-offline.zip'" in p for p in check_site(site)
    )


def test_the_offline_copy_does_not_link_to_itself(offline_copy: Path) -> None:
    article = LexborHTMLParser((offline_copy / "data.html").read_text(encoding="utf-8")).css_first("article")
    assert article.css_first(".edition-downloads") is None
    assert "You are reading the offline copy" in article.text()
    assert not [a for a in article.css("a[href]") if (a.attributes["href"] or "").endswith((".pdf", ".zip"))]


@pytest.mark.parametrize("page", ["about/index.html", "corrections-policy/index.html"])
def test_about_and_corrections_pages_are_in_the_nav(built_site: Path, page: str) -> None:
    nav = _tree(built_site, "index.html").css("nav.md-nav--primary a.md-nav__link")
    assert page.removesuffix("index.html") in {a.attributes.get("href") for a in nav}
