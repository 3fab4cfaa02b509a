"""The offline copy works from file:// with the network blocked: search and navigation."""

from __future__ import annotations

from pathlib import Path

from browser import browser, search

from macros.editions.site_check import check_site


def test_offline_copy_passes_the_offline_site_check(offline_copy: Path) -> None:
    assert check_site(offline_copy, offline=True) == []
    assert not (offline_copy / "404.html").exists()
    assert (offline_copy / "assets/vendor/iframe-worker/shim.js").is_file()
    assert (offline_copy / "search" / "search_index.js").is_file()


def test_no_page_refers_to_another_host_for_resources(offline_copy: Path) -> None:
    for html in offline_copy.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "unpkg.com" not in text and "fonts.googleapis.com" not in text, html


def test_search_and_navigate_from_file_url_with_network_blocked(offline_copy: Path) -> None:
    left_machine: list[str] = []
    failed: list[str] = []
    with browser() as b:
        context = b.new_context()

        def guard(route) -> None:
            if route.request.url.startswith("file://"):
                route.continue_()
            else:
                left_machine.append(route.request.url)
                route.abort()

        context.route("**/*", guard)
        page = context.new_page()
        page.on("requestfailed", lambda r: failed.append(f"{r.url} {r.failure}"))
        page.goto((offline_copy / "index.html").as_uri())

        # a spelling that is not in the page's title: Russian
        results = search(page, "Шариф")
        assert results and results[0].split("?")[0].endswith("people/shehbaz-sharif.html"), results[:3]
        results = search(page, "Sharif")
        assert results and results[0].split("?")[0].endswith("people/shehbaz-sharif.html"), results[:3]
        page.locator(".md-search-result__item > a").first.click()
        page.wait_for_load_state()
        assert page.url.split("?")[0].endswith("people/shehbaz-sharif.html")
        assert page.locator("h1").first.inner_text().startswith("Shehbaz Sharif")

        page.locator("article a[href$='meetings/astana-2024-07-03.html']").first.click()
        page.wait_for_load_state()
        assert page.url.endswith("meetings/astana-2024-07-03.html")
        assert "3 July 2024" in page.locator("article").inner_text()
        assert page.locator("svg, .md-search__icon").count() > 0  # icons are inline SVG

    assert left_machine == []
    assert failed == []
