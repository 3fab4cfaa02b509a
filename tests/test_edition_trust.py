"""Editions carry no formula and no character XML forbids (issue 10, item 3).

CSV cells that a spreadsheet would read as a formula are neutralised as OWASP says; the
Atom feed reads commit messages from a real git repository made here, with the
characters that once crashed every build (a vertical tab, a form feed) and others.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

import pytest

from macros import repository
from macros.editions.downloads import csv_cell, csv_tables
from macros.editions.edition import Edition
from macros.editions.feed import changes_feed


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("https://evil.example")', '\'=HYPERLINK("https://evil.example")'),
        ("+1+1", "'+1+1"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(1)", "'@SUM(1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("  =1+1", "'  =1+1"),
        ("Erdoğan = president", "Erdoğan = president"),
        ("", ""),
    ],
)
def test_csv_cell(value: str, cell: str) -> None:
    assert csv_cell(value) == cell


def test_a_formula_in_data_reaches_the_csv_as_text(data_dir: Path) -> None:
    from conftest import TODAY, edit

    from macros.core.dataset import build_dataset

    edit(data_dir, "claims/claims.yml", "text: The summit took place.", 'text: "=1+cmd|calc"')
    rows = list(csv.reader(io.StringIO(csv_tables(build_dataset(data_dir, today=TODAY))["claims"])))
    texts = [row[rows[0].index("text")] for row in rows[1:]]
    assert "'=1+cmd|calc" in texts and "=1+cmd|calc" not in texts


def _git(repo: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "A", "GIT_AUTHOR_EMAIL": "a@example.org"}
    env |= {
        "GIT_COMMITTER_NAME": "A",
        "GIT_COMMITTER_EMAIL": "a@example.org",
        "GIT_CONFIG_GLOBAL": os.devnull,
    }
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def test_feed_of_commit_messages_with_odd_characters(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "data").mkdir(parents=True)
    _git(repo, "init", "-q")
    messages = [
        "Vertical\x0btab and form\x0cfeed\n\nbody",
        "Escape \x1b[31m, record separator \x1e and bell \x07 stay out",
        "Line\u2028separator and é stay\rin one subject",
        "Markup <b>&amp;</b> is text\nsecond line",
    ]
    for n, message in enumerate(messages):
        (repo / "data" / f"f{n}.yml").write_text(f"- id: x{n}\n", encoding="utf-8")
        _git(repo, "add", "-A")
        _git(repo, "commit", "-q", "-m", message)
    changes = repository.changes(repo)
    assert [c.subject for c in changes] == [
        "Markup <b>&amp;</b> is text",
        "Line\u2028separator and é stay\rin one subject",
        "Escape \x1b[31m, record separator \x1e and bell \x07 stay out",
        "Vertical\x0btab and form\x0cfeed",
    ]
    edition = Edition("Test", datetime(2026, 11, 25, tzinfo=UTC), "abc1234", "https://example.org/")
    feed = changes_feed(changes, edition)
    root = ET.fromstring(feed)  # parses: no character XML forbids is left
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [e.findtext("a:title", namespaces=ns) for e in root.findall("a:entry", ns)]
    assert titles == [
        "Markup <b>&amp;</b> is text",
        "Line\u2028separator and é stay\nin one subject",  # XML reads a CR as a line end
        "Escape [31m, record separator  and bell  stay out",
        "Verticaltab and formfeed",
    ]
    assert "a@example.org" not in feed  # committers' addresses are not published
