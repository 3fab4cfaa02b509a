"""`python -m macros check` on file-system and value oddities: one exact line each, never
a traceback, never a hang (issue 10, item 4).

Each case breaks a copy of the valid fixture in one way and runs the real command in a
subprocess. The expected lines were read and checked by hand against the fixture files.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT, edit

L = "people/leaders.yml"
S = "sources/sources.yml"
C = "claims/claims.yml"


def _check(data_dir: Path, *prefix: str) -> subprocess.CompletedProcess[str]:
    command = [*prefix, sys.executable, "-m", "macros", "check", "--data", str(data_dir)]
    return subprocess.run(
        [*command, "--today", "2026-11-25"],
        cwd=data_dir.parent,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,  # a hang (a FIFO read) fails the test instead of blocking the suite
    )


def _lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stderr.splitlines()
    assert lines[-1].startswith("data check failed: ")
    return lines[:-1]


def _symlink(target: str) -> Callable[[Path], None]:
    return lambda d: (d / "people" / "extra.yml").symlink_to(target)


def _append(rel: str, text: str) -> Callable[[Path], None]:
    def change(d: Path) -> None:
        with (d / rel).open("a", encoding="utf-8") as fh:
            fh.write(text)

    return change


EXTRA = "data/people/extra.yml:0:0: error: "
REGULAR = " (data files are regular .yml files inside data/) [file]"
CASES: list[tuple[str, Callable[[Path], None], list[str]]] = [
    ("folder", lambda d: (d / "people" / "extra.yml").mkdir(), [EXTRA + "is a folder" + REGULAR]),
    ("dangling-link", _symlink("no-such-file.yml"), [EXTRA + "is a symbolic link" + REGULAR]),
    ("looping-link", _symlink("extra.yml"), [EXTRA + "is a symbolic link" + REGULAR]),
    ("link-to-dev-zero", _symlink("/dev/zero"), [EXTRA + "is a symbolic link" + REGULAR]),
    ("link-to-etc-passwd", _symlink("/etc/passwd"), [EXTRA + "is a symbolic link" + REGULAR]),
    ("fifo", lambda d: os.mkfifo(d / "people" / "extra.yml"), [EXTRA + "is a FIFO (named pipe)" + REGULAR]),
    (
        "linked-kind-folder",
        lambda d: (d / "people").symlink_to((d / "people").rename(d.parent / "elsewhere")),
        [
            "data/people/:0:0: error: is a symbolic link (data files and folders are not links, pipes or devices) "
            "[layout]",
        ],
    ),
    (
        "nul-byte",
        lambda d: edit(d, L, "name: Bob Example", "name: Bob\x00Example"),
        [
            "data/people/leaders.yml:11:12: error: character U+0000 (a control character) not allowed (remove it) [encoding]"
        ],
    ),
    (
        "5000-digit-number",
        lambda d: edit(d, C, "- id: claim-1\n", "- id: claim-1\n  audit: {number: " + "9" * 5000 + "}\n"),
        [
            "data/claims/claims.yml:2:19: error: number with 5000 digits (at most 15) (quote it if it is text) "
            "[number]",
        ],
    ),
    (
        "control-characters-in-file-name",
        lambda d: (d / "people" / "a\nb\x1b[31m\u202e.yml").write_text("", encoding="utf-8"),
        [
            "data/people/a\\u000ab\\u001b[31m\\u202e.yml:1:1: error: file is empty (a list of records) [empty-file]"
        ],
    ),
    (
        "format-character-in-text",
        lambda d: edit(d, L, "name: Bob Example", "name: Bob\u2066Example"),
        [
            "data/people/leaders.yml:11:9: error: person 'bob-example' › name: contains invisible/control character U+2066 (remove it) [plain-text]"
        ],
    ),
    (
        "line-separator-in-text",
        # YAML reads a raw U+2028 as a line break; its escape gives the character itself
        lambda d: edit(d, L, "name: Bob Example", 'name: "Bob\\u2028Example"'),
        [
            "data/people/leaders.yml:11:9: error: person 'bob-example' › name: contains invisible/control character U+2028 (remove it) [plain-text]"
        ],
    ),
    (
        "url-with-credentials",
        lambda d: edit(d, S, "https://example.org/summit", "https://editor:secret@example.org/summit"),
        [
            "data/sources/sources.yml:8:8: error: source 'src-1' › url: carries a user name or password before '@' (remove it) [url]"
        ],
    ),
    (
        "url-host-mixing-scripts",
        lambda d: edit(d, S, "https://example.org/summit", "https://ex\u0430mple.org/summit"),
        [
            "data/sources/sources.yml:8:8: error: source 'src-1' › url: host mixes letters of several scripts in 'exаmple' (a look-alike domain?) [url]"
        ],
    ),
    (
        "url-host-mixing-scripts-in-punycode",
        lambda d: edit(d, S, "https://example.org/summit", "https://xn--exmple-4nf.org/summit"),
        [
            "data/sources/sources.yml:8:8: error: source 'src-1' › url: host mixes letters of several scripts in 'exаmple' (a look-alike domain?) [url]"
        ],
    ),
]


@pytest.mark.parametrize(("breakage", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_oddity_gives_one_exact_line(
    data_dir: Path, breakage: Callable[[Path], None], expected: list[str]
) -> None:
    breakage(data_dir)
    assert _lines(_check(data_dir)) == expected


def test_a_device_is_not_read(data_dir: Path) -> None:
    if os.geteuid() != 0:  # only root may create a device node; a FIFO covers the rest
        os.mkfifo(data_dir / "people" / "extra.yml")
        expected = EXTRA + "is a FIFO (named pipe)" + REGULAR
    else:
        os.mknod(data_dir / "people" / "extra.yml", 0o600 | 0o020000, os.makedev(1, 5))  # /dev/zero
        expected = EXTRA + "is a device" + REGULAR
    assert _lines(_check(data_dir)) == [expected]


def test_an_unreadable_file(data_dir: Path) -> None:
    """Root reads anything; the command then runs without the capability that allows it."""
    (data_dir / "people" / "leaders.yml").chmod(0)
    drop = ("dac_override", "dac_read_search")
    prefix: tuple[str, ...] = ()
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        assert setpriv, "setpriv (util-linux) is needed to test an unreadable file as root"
        caps = ",".join(f"-{c}" for c in drop)
        prefix = (setpriv, f"--inh-caps={caps}", f"--bounding-set={caps}", "--")
    lines = _lines(_check(data_dir, *prefix))
    assert (
        "data/people/leaders.yml:0:0: error: cannot be read: Permission denied (a readable file) [file]"
        in lines
    )
    (data_dir / "people" / "leaders.yml").chmod(0o644)


def test_an_unlistable_data_folder(data_dir: Path) -> None:
    data_dir.chmod(0)
    try:
        prefix: tuple[str, ...] = ()
        if os.geteuid() == 0:
            caps = "-dac_override,-dac_read_search"
            prefix = ("setpriv", f"--inh-caps={caps}", f"--bounding-set={caps}", "--")
        lines = _lines(_check(data_dir, *prefix))
    finally:
        data_dir.chmod(0o755)
    assert lines == ["data:0:0: error: data folder cannot be listed: Permission denied [layout]"]
