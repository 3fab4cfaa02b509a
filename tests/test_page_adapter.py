"""Links from one page to another, remembered across the pages of a build."""

from __future__ import annotations

import itertools

import pytest
from mkdocs.utils import get_relative_url

from macros.page_adapter import _relative_urls

PAGES = ["", "index.html", "data/", "meetings/", "meetings/x/", "meetings/xy/", "meetings/z/",
         "people/x/", "a/b/c/", "a/b/d/", "meetings/x.html", "people/y.html"]  # fmt: skip
TARGETS = ["", "meetings/", "meetings/x/", "meetings/xy/", "meetings/x/sub/", "people/x/", "a/b/",
           "a/b/c/", "a/b/c/d/", "claims/", "downloads/dataset.json", "people/y.html"]  # fmt: skip


@pytest.mark.parametrize("order", [PAGES, PAGES[::-1]])
def test_a_remembered_relative_url_is_the_one_mkdocs_gives_from_each_page(order: list[str]) -> None:
    seen: dict[tuple[str, str], str] = {}
    for page, target in itertools.product(order, TARGETS):
        assert _relative_urls(seen, page)(target) == get_relative_url(target, page), (page, target)
    assert seen  # pages of one folder shared their answers
