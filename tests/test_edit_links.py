"""On every page: where it comes from and how to correct it. "Edit this page" points at the
Markdown file or the record's YAML line; each claim has a pre-filled "Report a correction"
issue; the source's last change comes from git. Without a configured repository
(REPO_URL) none of these links exist. Also: announced meetings, the corrections log and
the maintainers' page."""

from __future__ import annotations

import re
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest
from conftest import ROOT, TODAY, edit, make_project, run_build, shared
from selectolax.lexbor import LexborHTMLParser
from test_contributing import fill_meeting

from macros.__main__ import main
from macros.core.dataset import Dataset, build_dataset
from macros.editions.calendar import meetings_calendar
from macros.editions.edition import Edition
from macros.pages.page_meta import page_meta
from macros.pages.render import Renderer
from macros.pages.repo_links import RepoLinks
from macros.repository import Change, last_changes

REPO = "https://github.com/example-org/three-brothers-briefing"
SITE = "https://briefing.example.org/"


def _page(site: Path, path: str) -> LexborHTMLParser:
    return LexborHTMLParser((site / path).read_text(encoding="utf-8"))


def _edit_link(tree: LexborHTMLParser) -> str | None:
    node = tree.css_first('a.md-content__button[rel="edit"]')
    return node.attributes.get("href") if node else None


def test_without_a_repository_there_are_no_edit_or_report_links(built_site: Path) -> None:
    for path in ("format/index.html", "meetings/astana-2024-07-03/index.html", "claims/index.html"):
        tree = _page(built_site, path)
        assert _edit_link(tree) is None, path
        assert tree.css("p.claim__report") == [], path
    assert not any("github.com" in p.read_text(encoding="utf-8") for p in built_site.rglob("*.html"))


@pytest.fixture(scope="module")
def contributed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The issue's contributor: `new meeting`, fill in what it asks, check, build (with the
    repository and the site's address configured)."""

    def make(folder: Path) -> Path:
        project = make_project(folder)
        data = project / "data"
        assert main(["new", "meeting", "ankara-2026-02-10", "--data", str(data)]) == 0
        path = data / "meetings" / "ankara-2026-02-10.yml"
        path.write_text(
            fill_meeting(
                path.read_text(encoding="utf-8"),
                person="ilham-aliyev",
                source="anews-aa-astana-2024-07-03",
                country="turkiye",
            ),
            encoding="utf-8",
        )
        assert main(["check", "--data", str(data)]) == 0
        result = run_build(project, REPO_URL=REPO, SITE_URL=SITE)
        assert result.returncode == 0, result.stderr
        return project / "site"

    return shared(tmp_path_factory, "contributed", make)


def test_a_new_meeting_gets_a_page_whose_edit_link_is_its_record(contributed_site: Path) -> None:
    tree = _page(contributed_site, "meetings/ankara-2026-02-10/index.html")
    assert tree.css_first("h1").text().removesuffix("¶").strip() == "Trilateral meeting, Ankara"
    assert _edit_link(tree) == f"{REPO}/blob/main/data/meetings/ankara-2026-02-10.yml#L1"
    index = _page(contributed_site, "meetings/index.html")
    assert [a.attributes["href"] for a in index.css('a[href="ankara-2026-02-10/"]')] == ["ankara-2026-02-10/"]


def test_a_record_in_a_shared_file_links_to_its_line(contributed_site: Path) -> None:
    lines = (ROOT / "data" / "meetings" / "leaders.yml").read_text(encoding="utf-8").splitlines()
    line = lines.index("- id: lachin-2025-05-28") + 1
    tree = _page(contributed_site, "meetings/lachin-2025-05-28/index.html")
    assert _edit_link(tree) == f"{REPO}/blob/main/data/meetings/leaders.yml#L{line}"


def test_a_written_page_edits_its_markdown(contributed_site: Path) -> None:
    assert _edit_link(_page(contributed_site, "format/index.html")) == f"{REPO}/edit/main/docs/format.md"


def test_each_claim_reports_a_correction_with_a_prefilled_issue(contributed_site: Path) -> None:
    data = build_dataset(ROOT / "data", today=datetime.now(UTC).date())
    tree = _page(contributed_site, "claims/index.html")
    claims = tree.css("div.claim")
    assert len(claims) == len(data.claims)
    for node in claims:
        # on All claims, a claim's anchor is on its heading (search lands on it)
        anchor = node.attributes.get("id") or node.css_first(".claim__text").attributes["id"]
        rid = (anchor or "").removeprefix("claim-")
        [link] = node.css("p.claim__report a")
        url = urlsplit(link.attributes["href"])
        assert f"{url.scheme}://{url.netloc}{url.path}" == f"{REPO}/issues/new"
        query = parse_qs(url.query)
        assert query["title"] == [f"Correction: {rid}"]
        body = query["body"][0]
        where = data.locations[rid]
        assert body.startswith(
            f"Claim: `{rid}`\nPage: {SITE}claims/#claim-{rid}\nSource: {where.path}, line {where.pos[0]}\n"
        )
        assert "> " + data.claims[rid].text.splitlines()[0] in body


def test_the_audit_reports_corrections_too(contributed_site: Path) -> None:
    tree = _page(contributed_site, "article-audit/index.html")
    assert len(tree.css("section.audit__item p.claim__report a")) == 39


def test_repository_address_must_be_a_url() -> None:
    assert RepoLinks.of(None) is None and RepoLinks.of("  ") is None
    assert RepoLinks.of(REPO + "/").repo_url == REPO
    with pytest.raises(ValueError):
        RepoLinks.of("javascript:alert(1)")


# -- the source's last change, from git ----------------------------------------------------


def _git(repo: Path, *args: str, when: str = "") -> str:
    env = {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when} if when else {}
    out = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(repo), **env},
    )
    return out.stdout.strip()


def test_last_changes_gives_each_file_its_newest_commit(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "data").mkdir()
    _git(tmp_path, "init", "-q")
    (tmp_path / "docs" / "a.md").write_text("a\n")
    (tmp_path / "data" / "x.yml").write_text("- id: x\n")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "first", when="2026-01-02T03:04:05+00:00")
    first = _git(tmp_path, "rev-parse", "HEAD")
    (tmp_path / "docs" / "a.md").write_text("b\n")
    _git(tmp_path, "commit", "-qam", "second\n\nbody", when="2026-02-03T00:00:00+00:00")
    second = _git(tmp_path, "rev-parse", "HEAD")
    changes = last_changes(tmp_path)
    assert changes == {
        "docs/a.md": Change(second, datetime(2026, 2, 3, tzinfo=UTC), "second"),
        "data/x.yml": Change(first, datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC), "first"),
    }
    assert last_changes(tmp_path / "docs") == {}  # not the top of a checkout: no data/ or docs/ there


def test_page_meta_names_the_commit_and_links_it_only_with_a_repository() -> None:
    change = Change("0123456789abcdef0123456789abcdef01234567", datetime(2026, 2, 3, tzinfo=UTC), "x")
    assert page_meta(change, None) == (
        '<div class="page-meta"><p>The source of this page last changed on 3 February 2026 '
        "(commit <code>0123456</code>).</p></div>"
    )
    linked = page_meta(change, RepoLinks.of(REPO))
    assert f'<a href="{REPO}/commit/{change.commit}">commit <code>0123456</code></a>' in linked
    assert page_meta(None, RepoLinks.of(REPO)) == ""


def test_built_pages_show_their_last_change(offline_copy: Path) -> None:
    """The offline copy is built from the checkout itself (a git repository)."""
    sha = subprocess.run(
        ["git", "log", "-1", "--format=%H", "--", "data/meetings/leaders.yml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not sha:
        pytest.fail("the checkout has no history for data/meetings/leaders.yml")
    tree = _page(offline_copy, "meetings/astana-2024-07-03.html")
    [meta] = tree.css("div.page-meta p")
    assert f"commit {sha[:7]}" in meta.text()


# -- announced meetings ---------------------------------------------------------------------


@pytest.fixture
def planned(data_dir: Path) -> Dataset:
    edit(data_dir, "meetings/meetings.yml", 'start: "1999-06-01"', 'start: "2027-03-01"\n  status: planned')
    return build_dataset(data_dir, today=TODAY)


def test_a_planned_meeting_is_shown_as_upcoming(planned: Dataset) -> None:
    renderer = Renderer(planned, lambda rid: f"../{rid}/")
    page = LexborHTMLParser(str(renderer.entity_page("meeting", "summit-1999")))
    assert page.css_first("p.note--upcoming").text() == (
        "Upcoming: this meeting has been announced and has not taken place yet."
    )
    index = LexborHTMLParser(str(renderer.meetings_index()))
    assert [f.text() for f in index.css("tr td .flag--upcoming")] == ["upcoming"]


def test_a_planned_meeting_is_tentative_in_the_calendar(planned: Dataset) -> None:
    edition = Edition("Briefing", datetime(2026, 11, 25, tzinfo=UTC), "test")
    events = icalendar.Calendar.from_ical(meetings_calendar(planned, edition)).walk("VEVENT")
    status = {str(e["UID"]).split("@")[0]: str(e["STATUS"]) for e in events}
    assert status["summit-1999"] == "TENTATIVE"
    others = [v for k, v in status.items() if k != "summit-1999"]
    assert others and all(v == "CONFIRMED" for v in others)


# -- the corrections log and the maintainers' page ----------------------------------------


def test_corrections_page_lists_the_log_newest_first_with_its_commits(contributed_site: Path) -> None:
    data = build_dataset(ROOT / "data", today=datetime.now(UTC).date())
    tree = _page(contributed_site, "corrections/index.html")
    items = tree.css("li.correction")
    assert [i.attributes["id"].removeprefix("correction-") for i in items] == list(
        reversed(list(data.corrections))
    )
    for item in items:
        correction = data.corrections[item.attributes["id"].removeprefix("correction-")]
        assert (
            item.css_first("a[href*='/commit/']").attributes["href"] == f"{REPO}/commit/{correction.commit}"
        )


def test_maintainers_page_is_generated_out_of_the_nav(contributed_site: Path) -> None:
    tree = _page(contributed_site, "maintainers/index.html")
    rows = {h.attributes["id"]: h for h in tree.css("h2")}
    assert set(rows) >= {"due", "never-reviewed", "superseded", "flagged", "exceptions", "planned"}
    data = build_dataset(ROOT / "data", today=datetime.now(UTC).date())
    superseded = tree.css("h2#superseded + table tbody tr")
    assert len(superseded) == sum(1 for c in data.claims.values() if c.superseded) > 0
    first = superseded[0].css("td")
    assert re.fullmatch(
        rf"{REPO}/blob/main/data/claims/[a-z0-9-]+\.yml#L\d+", first[3].css_first("a").attributes["href"]
    )
    excepted = tree.css("h2#exceptions + table tbody tr td")
    assert excepted[0].text().startswith("newsaz-astana-analysis-2024-07-05")
    home = (contributed_site / "index.html").read_text(encoding="utf-8")
    assert "maintainers/" not in home
