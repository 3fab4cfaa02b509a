"""HTML blocks kept out of Python-Markdown, and put back after it (no MkDocs import).

A block macro gives HTML with Markdown headings between its parts: the headings go
through Markdown, which gives them their anchors, permalinks and places in the page's
table of contents. The HTML itself needs nothing from Markdown, which would only read it
again with its raw-HTML parser (a sixth of a build at 300 meetings) and hand it back
unchanged. So `hold` keeps each run of HTML here and gives Markdown a placeholder
paragraph in its place, and `put_back` replaces each placeholder paragraph of the
converted page with its HTML (hooks/html_blocks.py, before anything reads the page's HTML:
the description, the search index).

A placeholder is letters and digits, which Markdown leaves as they are, with a nonce that
the adapter draws at random for each build: no page, front matter or data can write one
(text that looks like one stays text). Only a placeholder that is a paragraph of its own
is replaced; one found anywhere else (a block macro called inside other markup) is left
in place and reported by `put_back`, and the build fails.

A line is kept as a Markdown heading only in the form our templates write one: `#`s, a
space, its text, and an attribute list `{ #anchor … }` closing the line. Text from data
can never hold a brace (core/fields.check_text refuses them), and data in a heading goes
through the `md` filter, which escapes braces: no value from data makes such a line.
"""

from __future__ import annotations

import re

HEADING = re.compile(r"^#{1,6} [^\n]*\{ ?#[^{}\n]*\}[ \t]*$", re.M)
NONCE = re.compile(r"[0-9a-f]{16,64}")
# A region of a template's HTML that search leaves out: the lists of claims, meetings and
# sources that have their own entries elsewhere (All claims, Sources, each meeting's page).
LATE_START, LATE_END = "<!--late-->", "<!--/late-->"
LATE_MARK = re.compile(r"<!--(/?)late-->")
LATE_MARK_OR_LINE = re.compile(r"^<!--/?late-->\n|<!--/?late-->", re.M)  # a marker's own line goes too


def late_regions(html: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of the outermost late regions of `html`, markers included.
    Regions may nest (a claim's details inside a page's list of claims); an unbalanced
    marker is a template's mistake."""
    regions: list[tuple[int, int]] = []
    depth, start = 0, 0
    for mark in LATE_MARK.finditer(html):
        if not mark[1]:
            start = mark.start() if depth == 0 else start
            depth += 1
        elif depth == 0:
            raise ValueError("a late region closes that was not opened (<!--/late-->)")
        else:
            depth -= 1
            if depth == 0:
                regions.append((start, mark.end()))
    if depth:
        raise ValueError("a late region is not closed (<!--late--> without <!--/late-->)")
    return regions


def without_late_marks(html: str) -> str:
    """A template's HTML with its late markers removed (rendered without a stash)."""
    late_regions(html)  # the same mistakes are refused with or without a stash
    return LATE_MARK_OR_LINE.sub("", html)


class BlockStash:
    """The HTML blocks of one page, by number, behind placeholders with this build's nonce."""

    def __init__(self, nonce: str) -> None:
        if not NONCE.fullmatch(nonce):
            raise ValueError(f"a nonce is 16 to 64 lowercase hex digits, got {nonce!r}")
        self.blocks: list[str] = []
        self.late: set[int] = set()  # blocks left out of search: put back after it (`put_back_late`)
        self.inner: set[int] = set()  # late regions inside a block: no placeholder paragraph of their own
        self._prefix = f"BRIEFINGBLOCK{nonce}N"
        self._token = re.compile(rf"(<p>)?{self._prefix}(\d+)X(</p>)?")

    def placeholder(self, number: int) -> str:
        return f"{self._prefix}{number}X"

    def hold(self, html: str, *, late: bool = False) -> str:
        """Markdown for a block: its heading lines as they are, each run of HTML between
        them as a placeholder paragraph, blank lines around each. A `late` block is one
        that search leaves out (data-search-exclude): see `put_back_late`."""
        parts: list[str] = []
        start = 0
        for heading in HEADING.finditer(html):
            parts += [self._hold(html[start : heading.start()], late), heading[0]]
            start = heading.end()
        parts.append(self._hold(html[start:], late))
        return "\n\n" + "\n\n".join(p for p in parts if p) + "\n\n"

    def _hold(self, html: str, late: bool) -> str:
        html = self._hold_regions(html.strip())
        if not html:
            return ""
        self.blocks.append(html)
        if late:
            self.late.add(len(self.blocks) - 1)
        return self.placeholder(len(self.blocks) - 1)

    def _hold_regions(self, html: str) -> str:
        """`html` with each outermost late region (`<!--late-->…<!--/late-->`) held as a
        late block of its own: in its place, the empty element that search leaves out."""
        parts: list[str] = []
        end = 0
        for start, stop in late_regions(html):
            self.blocks.append(LATE_MARK_OR_LINE.sub("", html[start:stop]).strip())
            number = len(self.blocks) - 1
            self.late.add(number)
            self.inner.add(number)
            parts += [html[end:start], self._excluded(number)]
            end = stop
        return "".join(parts) + html[end:] if parts else html

    def put_back(self, html: str) -> tuple[str, list[str]]:
        """The page's HTML with each placeholder paragraph replaced by its block, and what
        went wrong: placeholders found elsewhere than in a paragraph of their own, blocks
        whose placeholder is missing."""
        found: set[int] = set()
        misplaced: list[str] = []

        def block(match: re.Match[str]) -> str:
            number = int(match[2])
            if number >= len(self.blocks) or number in found or not (match[1] and match[3]):
                misplaced.append(match[0])
                return match[0]
            found.add(number)
            return self._excluded(number) if number in self.late else self.blocks[number]

        html = self._token.sub(block, html)
        problems = (
            [
                "a block macro is called inside other markup (a list, a table, a quote, an HTML "
                "tag, a code span): call it on a line of its own"
            ]
            if misplaced
            else []
        )
        lost = len(self.blocks) - len(self.inner) - len(found)
        if lost and not misplaced:
            problems.append(f"{lost} block(s) of macro output were lost in the Markdown conversion")
        return html, problems

    def _excluded(self, number: int) -> str:
        return f"<div data-search-exclude>{self.placeholder(number)}</div>"

    def put_back_late(self, html: str) -> str:
        """The page with its late blocks in place. Material's search plugin parses every
        page's HTML, a quarter of a build; a page's references, which it leaves out, were a
        third of what it read. So `put_back` gives each late block as an empty element that
        search leaves out, and this puts the block there once search has read the page."""
        wrapper = re.compile(rf"<div data-search-exclude>{self._prefix}(\d+)X</div>")
        seen: dict[int, int] = {}

        def block(match: re.Match[str]) -> str:
            number = int(match[1])
            if number not in self.late:
                return match[0]
            seen[number] = seen.get(number, 0) + 1
            return self.blocks[number]

        # One pass per level of nesting (a page's list of claims, then each claim's details):
        # linear in the page, however many blocks it holds.
        while len(seen) < len(self.late):
            before = len(seen)
            html = wrapper.sub(block, html)
            if len(seen) == before:
                break
        wrong = [n for n in self.late if seen.get(n) != 1]
        if wrong:
            raise ValueError(f"a block left out of search was lost or repeated ({len(wrong)} blocks)")
        return html
