"""Facts read from git and the environment, on a throwaway repository."""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from macros import repository

# No user or system git configuration: the throwaway repository is the same everywhere.
GIT_ENV = {
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
}


def _git(root: Path, *args: str, date: str | None = None) -> None:
    env = {**os.environ, **GIT_ENV}
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def _commit(root: Path, rel: str, message: str, date: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{path.read_text() if path.exists() else ''}{message!r}\n", encoding="utf-8")
    (root / "message.txt").write_bytes(message.encode("utf-8"))
    _git(root, "add", rel)
    # verbatim: git keeps the message byte for byte (no whitespace clean-up)
    _git(root, "commit", "-q", "--cleanup=verbatim", "-F", "message.txt", date=date)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    _git(tmp_path, "init", "-q", "-b", "main")
    _commit(tmp_path, "data/people/a.yml", "First data\n\nWith a body.\n", "2026-01-01T10:00:00+00:00")
    _commit(tmp_path, "README.md", "Readme only: not a change to the site\n", "2026-01-02T10:00:00+00:00")
    _commit(
        tmp_path,
        "docs/index.md",
        "Docs:\vvertical tab\fand form feed\u2028kept\nsecond line\n",
        "2026-01-03T11:30:00+03:00",
    )
    return tmp_path


def test_changes_newest_first_data_and_docs_only(repo: Path) -> None:
    changes = repository.changes(repo)
    assert [c.subject for c in changes] == [
        "Docs:\vvertical tab\fand form feed\u2028kept",
        "First data",
    ]
    assert changes[0].time == datetime(2026, 1, 3, 8, 30, tzinfo=UTC)
    assert changes[0].time.utcoffset() is not None  # aware, so the feed can write UTC
    assert all(len(c.commit) == 40 for c in changes)


def test_changes_subject_is_the_first_line_split_on_newlines_only(repo: Path) -> None:
    """A vertical tab, form feed or line separator inside the first line does not end it
    (str.splitlines would cut there) and does not break the parsing of the log."""
    subject = repository.changes(repo)[0].subject
    assert subject == "Docs:\vvertical tab\fand form feed\u2028kept"
    assert "second line" not in subject


def test_changes_limit_and_outside_a_repository(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    assert [c.subject for c in repository.changes(repo, limit=1)] == [
        "Docs:\vvertical tab\fand form feed\u2028kept"
    ]
    elsewhere = tmp_path_factory.mktemp("not-a-repo")
    assert repository.changes(elsewhere) == []
    assert repository.commit_id(elsewhere) == "unknown"


def test_commit_id_is_the_short_head(repo: Path) -> None:
    short = repository.commit_id(repo)
    full = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert len(short) >= 7 and full.startswith(short)


def test_edition_date_follows_source_date_epoch() -> None:
    assert repository.edition_date({"SOURCE_DATE_EPOCH": "1700000000"}) == datetime(
        2023, 11, 14, 22, 13, 20, tzinfo=UTC
    )
    before = datetime.now(UTC)
    for environ in ({}, {"SOURCE_DATE_EPOCH": ""}, {"SOURCE_DATE_EPOCH": "soon"}):
        assert repository.edition_date(environ) >= before  # unset or not a number: now
