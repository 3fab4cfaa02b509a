"""Links from one page to another, remembered across the pages of a build."""

from __future__ import annotations

import hashlib
import inspect
import itertools
import re
from pathlib import Path

import pytest
from conftest import ROOT
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page, _RelativePathTreeprocessor
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from macros.page_adapter import Converted, RecordPage, convert, relative_urls

PAGES = ["", "index.html", "data/", "meetings/", "meetings/x/", "meetings/xy/", "meetings/z/",
         "people/x/", "a/b/c/", "a/b/d/", "meetings/x.html", "people/y.html"]  # fmt: skip
TARGETS = ["", "meetings/", "meetings/x/", "meetings/xy/", "meetings/x/sub/", "people/x/", "a/b/",
           "a/b/c/", "a/b/c/d/", "claims/", "downloads/dataset.json", "people/y.html"]  # fmt: skip


@pytest.mark.parametrize("order", [PAGES, PAGES[::-1]])
def test_a_remembered_relative_url_is_the_one_mkdocs_gives_from_each_page(order: list[str]) -> None:
    seen: dict[tuple[str, str], str] = {}
    for page, target in itertools.product(order, TARGETS):
        assert relative_urls(seen, page)(target) == get_relative_url(target, page), (page, target)
    assert seen  # pages of one folder shared their answers


MARKDOWN = [
    "# One\n\nText[^a] with a [link](two.md#b).\n\n[^a]: A note.\n\n## Part { #part }\n\n"
    '<div id="raw">HTML</div>\n\n!!! note\n    An admonition.\n',
    "# Two\n\n## B { #b }\n\nNo note here; a [link back](one.md#part).\n\n### Deeper\n\nText.\n",
]


def test_a_record_page_converts_as_mkdocs_converts_a_page(tmp_path: Path) -> None:
    """One converter for every record page gives what a new converter per page gives:
    content, table of contents, title and anchors; nothing of one page is left in the next."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    for name, text in zip(("one", "two"), MARKDOWN, strict=True):
        (tmp_path / f"{name}.md").write_text(text, encoding="utf-8")
    made = []
    for kind in (Page, RecordPage):
        files = Files(
            [File(f"{name}.md", str(tmp_path), str(tmp_path / "site"), True) for name in ("one", "two")]
        )
        pages = [kind(None, file, config) for file in files]
        for page in pages * 2:  # the second round after the other page
            page.read_source(config)
            page.render(config, files)
            made.append((page.content, str(page.toc), page.title, page.present_anchor_ids))
    assert made[:4] == made[4:]
    assert made[0] == made[2] and made[1] != made[0]
    assert "fn:a" in str(made[0][0]) and "fn:" not in str(made[1][0])


def test_a_record_page_takes_the_workers_conversion_only_of_its_own_markdown(tmp_path: Path) -> None:
    """The worker's conversion (record_bodies.py) stands for the page's only if it is of
    the Markdown the page has now; its links to its own anchors become the page's."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    (tmp_path / "one.md").write_text(MARKDOWN[0], encoding="utf-8")
    files = Files([File("one.md", str(tmp_path), str(tmp_path / "site"), True)])
    page = RecordPage(None, files.documentation_pages()[0], config)
    page.read_source(config)
    worker_file = File("one.md", None, "", True)
    for text, taken in ((page.markdown, True), ("# Another text\n", False)):
        assert text is not None
        page.converted = Converted(
            text, "<p>the worker's</p>", get_toc([]), "Theirs", {"x"}, {worker_file: {"x": "#x"}}
        )
        page.render(config, files)
        assert (page.content == "<p>the worker's</p>") is taken and page.converted is None
        if taken:
            assert (page.title, page.present_anchor_ids) == ("Theirs", {"x"})
            assert page.links_to_anchors == {page.file: {"x": "#x"}}
        else:
            assert page.content is not None and "fn:a" in page.content


# MkDocs 1.6.1's Page.render (pinned in requirements.txt), read line by line against
# RecordPage.render: the first 16 hex digits of the SHA-256 of its source.
PAGE_RENDER_READ = "320529348f7a8af1"


def test_mkdocs_renders_a_page_with_the_steps_record_pages_copy() -> None:
    """RecordPage.render (with `convert`) repeats MkDocs' Page.render with a shared converter: if an
    upgrade of MkDocs changes Page.render at all, RecordPage must be read against it again."""
    theirs = inspect.getsource(Page.render)
    ours = inspect.getsource(convert) + inspect.getsource(RecordPage.render)
    assert hashlib.sha256(theirs.encode()).hexdigest()[:16] == PAGE_RENDER_READ, (
        "MkDocs' Page.render changed: compare it with RecordPage.render, then update PAGE_RENDER_READ"
    )
    steps = re.compile(r"\b(_\w+)\(|(\w+)\._register\(md\)|self\.(\w+) = ")
    assert theirs.count("._register(md)") == ours.count("._register(md)") == 4
    named = [m for m in steps.findall(theirs) if m[0] or m[2]]
    assert all(name in ours for step in named for name in step if name), named


# MkDocs 1.6.1's link processor (run and path_to_url), read against record_bodies._OwnLinksOnly,
# which lets through only the links path_to_url answers without the site's files or settings.
LINKS_READ = "6fc2f1927f61340a"


def test_mkdocs_resolves_links_as_the_workers_conversion_was_read_against() -> None:
    theirs = inspect.getsource(_RelativePathTreeprocessor.run) + inspect.getsource(
        _RelativePathTreeprocessor.path_to_url
    )
    assert hashlib.sha256(theirs.encode()).hexdigest()[:16] == LINKS_READ, (
        "MkDocs' link processor changed: compare it with record_bodies._OwnLinksOnly, then update LINKS_READ"
    )
