"""Reading data/ from the file system without trusting it.

A pull request can put anything under data/: a folder named `x.yml`, a symbolic link
(dangling, looping, or pointing at /etc/passwd or /dev/zero), a FIFO that blocks the
first reader forever, a file nobody may read, a file name with a newline in it. This
module is the only code that lists or opens anything under data/, and turns every such
case into a `FileProblem` (one message, no traceback):

* only regular files are read, never through a symbolic link: `lstat` first, then the
  file is opened with O_NOFOLLOW | O_NONBLOCK (so a file swapped for a FIFO or a link
  in between cannot block or redirect the read) and checked again with `fstat`;
* the size is checked before reading, and at most `limit + 1` bytes are read;
* file names are shown with control, format and undecodable characters escaped.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from pathlib import Path

# Characters a file name may carry that would hide or forge part of a message line:
# control characters (newline, escape …), format characters (bidi overrides),
# separators, and the surrogates that stand for bytes that are not UTF-8.
_HIDDEN = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
_OPEN_FLAGS |= getattr(os, "O_CLOEXEC", 0)


class FileProblem(Exception):
    """A file or folder under data/ that cannot be used, and why."""

    def __init__(self, message: str, expected: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.expected = expected


def visible(name: str) -> str:
    """`name` with every character that could hide or forge text shown as an escape."""
    out = []
    for ch in name:
        if unicodedata.category(ch) not in _HIDDEN:
            out.append(ch)
        elif 0xDC80 <= ord(ch) <= 0xDCFF:  # a byte that is not UTF-8 (surrogateescape)
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        else:
            out.append(f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}")
    return "".join(out)


def _kind(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "is a symbolic link"
    if stat.S_ISDIR(mode):
        return "is a folder"
    if stat.S_ISFIFO(mode):
        return "is a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "is a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device"
    return "is not a regular file"


def _unreadable(exc: OSError) -> FileProblem:
    return FileProblem(f"cannot be read: {exc.strerror or type(exc).__name__}", "a readable file")


def entry_kind(path: Path) -> str:
    """'file', 'folder', or a `FileProblem` message for anything else (never followed)."""
    try:
        mode = os.lstat(path).st_mode
    except OSError as exc:
        raise _unreadable(exc) from None
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "folder"
    raise FileProblem(_kind(mode), "data files and folders are not links, pipes or devices")


def list_folder(path: Path) -> list[Path]:
    """The entries of a folder (not followed if it is a link), sorted by name."""
    kind = entry_kind(path)
    if kind != "folder":
        raise FileProblem("is a file, not a folder", "a folder of .yml files")
    try:
        with os.scandir(path) as entries:
            return sorted(path / entry.name for entry in entries)
    except OSError as exc:
        raise FileProblem(f"cannot be listed: {exc.strerror or type(exc).__name__}") from None


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, or a `FileProblem`."""
    try:
        before = os.lstat(path)
    except OSError as exc:
        raise _unreadable(exc) from None
    if not stat.S_ISREG(before.st_mode):
        raise FileProblem(_kind(before.st_mode), "data files are regular .yml files inside data/")
    if before.st_size > limit:
        raise _too_big(before.st_size, limit)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise _unreadable(exc) from None
    with os.fdopen(fd, "rb") as fh:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):  # replaced between lstat and open
            raise FileProblem(_kind(mode), "data files are regular .yml files inside data/")
        try:
            raw = fh.read(limit + 1)
        except OSError as exc:
            raise _unreadable(exc) from None
    if len(raw) > limit:
        raise _too_big(len(raw), limit)
    return raw


def _too_big(size: int, limit: int) -> FileProblem:
    return FileProblem(f"file is {size} bytes, limit is {limit}", "split it into several files")
