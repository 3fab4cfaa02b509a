"""Field types: partial dates keep their precision; text and URLs refuse markup."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic_core import PydanticCustomError

from macros.core.fields import PartialDate, check_archive_url, check_id, check_text, check_url


@pytest.mark.parametrize(
    ("text", "precision", "earliest", "latest", "approximate"),
    [
        ("2024", "year", date(2024, 1, 1), date(2024, 12, 31), False),
        ("2024-02", "month", date(2024, 2, 1), date(2024, 2, 29), False),
        ("2023-12", "month", date(2023, 12, 1), date(2023, 12, 31), False),
        ("2024-07-03", "day", date(2024, 7, 3), date(2024, 7, 3), False),
        ("2016~", "year", date(2016, 1, 1), date(2016, 12, 31), True),
    ],
)
def test_partial_dates(text: str, precision: str, earliest: date, latest: date, approximate: bool) -> None:
    value = PartialDate.parse(text)
    assert (value.precision, value.earliest, value.latest, value.approximate) == (
        precision,
        earliest,
        latest,
        approximate,
    )
    assert str(value) == text


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (2024, "must be a quoted date, got number 2024 (write '2024')"),
        ("2024-7-3", "must be 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', optionally ending in '~', got '2024-7-3'"),
        ("2023-02-29", "'2023-02-29' is not a real date (day is out of range for month)"),
        ("2024-00", "'2024-00' is not a real date (month must be in 1..12)"),
    ],
)
def test_bad_dates(value: object, message: str) -> None:
    with pytest.raises(PydanticCustomError) as info:
        PartialDate.parse(value)
    assert info.value.message() == message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Bob <b>", "contains markup syntax '<' (plain text only)"),
        ("a `code` b", "contains markup syntax '`' (plain text only)"),
        ("Tom &amp; Jerry", "contains an HTML entity (write the character itself)"),
        ("# Heading", "starts with Markdown syntax '#' (plain text only)"),
        ("> quote", "contains markup syntax '>' (plain text only)"),
        ("- item", "starts with Markdown syntax '-' (plain text only)"),
        (" padded", "has spaces at the start or end (remove them)"),
        ("two\nlines", "contains invisible/control character U+000A (remove it)"),
        ("soft\u00adhyphen", "contains invisible/control character U+00AD (remove it)"),
        ("", "is empty (write the text, or leave the field out)"),
        # Only characters outside printable ASCII are looked up: DEL is the one control in ASCII's top.
        ("Erdoğan\x7f", "contains invisible/control character U+007F (remove it)"),
        # The first hidden character in the text is named, whatever comes before or after it.
        ("Əliyev\u200b and\u00ad", "contains invisible/control character U+200B (remove it)"),
        ("é\u00ad and\u200b", "contains invisible/control character U+00AD (remove it)"),
        ("one\u2028two", "contains invisible/control character U+2028 (remove it)"),
        ("Erdog\u0306an", "is not NFC-normalised (re-type the accented letters)"),
    ],
)
def test_text_rejections(text: str, message: str) -> None:
    with pytest.raises(PydanticCustomError) as info:
        check_text(text)
    assert info.value.message() == message


def test_text_accepts_real_names_and_punctuation() -> None:
    for name in (
        "Recep Tayyip Erdoğan",
        "İlham Heydər oğlu Əliyev",
        "شہباز شریف",
        "Նիկոլ Փաշինյան",
        "Владимир Путин",
        "Jammu & Kashmir",
        "“historic significance”",
    ):
        assert check_text(name) == name
    assert check_text("line one\nline two", multiline=True) == "line one\nline two"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("javascript:alert(1)", "scheme 'javascript' not allowed (an absolute http(s) URL)"),
        (" JaVaScRiPt:alert(1)", "scheme 'JaVaScRiPt' not allowed (an absolute http(s) URL)"),
        ("ftp://example.org/x", "scheme 'ftp' not allowed (an absolute http(s) URL)"),
        ("//example.org/x", "scheme 'none' not allowed (an absolute http(s) URL)"),
        (
            'https://example.org/x?a="2"',
            "contains whitespace, quotes or control characters (an absolute http(s) URL)",
        ),
        ("https:///path", "has no host (an absolute http(s) URL)"),
        (
            "https://ex\x7fample.org/",
            "contains whitespace, quotes or control characters (an absolute http(s) URL)",
        ),
        (
            "https://ex\u200bample.org/",
            "contains whitespace, quotes or control characters (an absolute http(s) URL)",
        ),
        (
            "https://example.org/a\\b",
            "contains whitespace, quotes or control characters (an absolute http(s) URL)",
        ),
        (
            "https://ex\u0430mple.org/",
            "host mixes letters of several scripts in 'ex\u0430mple' (a look-alike domain?)",
        ),
    ],
)
def test_url_rejections(url: str, message: str) -> None:
    with pytest.raises(PydanticCustomError) as info:
        check_url(url)
    assert info.value.message() == message


def test_urls_with_hosts_in_one_script_each() -> None:
    for url in ("https://straße.example/", "https://xn--e1afmkfd.xn--p1ai/", "https://example.org/ö?q=ü"):
        assert check_url(url) == url


def test_archive_url_needs_a_full_wayback_timestamp() -> None:
    good = "https://web.archive.org/web/20240703120000/https://example.org/a"
    assert check_archive_url(good) == good
    with pytest.raises(PydanticCustomError):
        check_archive_url("https://web.archive.org/web/2024/https://example.org/a")


@pytest.mark.parametrize("bad", ["Bob", "bob--x", "-bob", "bob-", "bob_x", "b" * 81])
def test_ids_are_kebab_case(bad: str) -> None:
    with pytest.raises(PydanticCustomError):
        check_id(bad)
    assert check_id("shehbaz-sharif") == "shehbaz-sharif"
    assert check_id("b" * 80) == "b" * 80


def test_an_id_with_a_newline_at_its_end_is_refused() -> None:
    with pytest.raises(PydanticCustomError) as info:
        check_id("bob\n")
    assert info.value.message() == "id 'bob\\n' contains U+000A (ids use only a-z, 0-9 and hyphens)"
