"""Facts about the checkout the site is built from: the commit, the recent changes and the
edition date. This is the one place (with the adapter) that runs git or reads the
environment; it hands plain values to the core, the pages and the editions."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path


@dataclass(frozen=True)
class Change:
    commit: str
    time: datetime
    subject: str  # the first line of the commit message


def _git(root: Path, *args: str) -> str:
    try:
        out = subprocess.run(["git", *args], cwd=root, capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return ""
    return out.stdout.decode("utf-8", errors="replace") if out.returncode == 0 else ""


def commit_id(root: Path) -> str:
    return _git(root, "rev-parse", "--short", "HEAD").strip() or "unknown"


def contributors(root: Path) -> tuple[str, ...]:
    """The names of everyone with a commit in the checkout's history, most commits first
    (`git shortlog`); e-mail addresses are never read. Empty outside a git checkout."""
    out = _git(root, "shortlog", "--summary", "--numbered", "HEAD")
    names = (line.split("\t", 1)[1].strip() for line in out.splitlines() if "\t" in line)
    return tuple(name for name in names if name)


def edition_date(environ: Mapping[str, str] = os.environ) -> datetime:
    """SOURCE_DATE_EPOCH (set by the Makefile from the last commit) or now, in UTC."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC)
    return datetime.now(UTC)


def changes(root: Path, limit: int = 50) -> list[Change]:
    """Recent commits that touched the data or the pages, newest first.

    Commits are separated by NUL (`git log -z`), which a commit message cannot contain,
    so a message with any other character in it (a vertical tab, a form feed, the record
    separator) stays whole; its first line (split on newlines, nothing else) is kept."""
    out = _git(root, "log", "-z", "-n", str(limit), "--format=%H%n%cI%n%B", "--", "data", "docs")
    rows = []
    for record in out.split("\x00"):
        commit, _, rest = record.lstrip("\n").partition("\n")
        when, _, message = rest.partition("\n")
        if not commit or not when:
            continue
        subject = message.split("\n", 1)[0].strip()
        rows.append(Change(commit, datetime.fromisoformat(when), subject))
    return rows


def last_changes(root: Path) -> dict[str, Change]:
    """The newest commit that touched each file under data/ and docs/, by path relative to
    `root` ('docs/format.md'). One `git log` for the whole build; empty outside a git
    checkout (a tarball, a copy), so pages then simply show no date."""
    out = _git(root, "log", "--relative", "--name-only", "--format=%x1e%H%x00%cI%x00%s", "--", "data", "docs")
    found: dict[str, Change] = {}
    for record in out.split("\x1e"):
        head, _, names = record.partition("\n")
        parts = head.split("\x00")
        if len(parts) != 3:
            continue
        change = Change(parts[0], datetime.fromisoformat(parts[1]), parts[2].strip())
        for name in names.splitlines():
            if name.strip():
                found.setdefault(name.strip(), change)
    return found
