"""Field types shared by the models: ids, plain text, URLs, partial dates.

Each type validates once, at the boundary, and fails with a message an editor can act
on. Text that will reach HTML may not carry markup: the renderer escapes it anyway, but
rejecting it here means a bad value never gets as far as a page.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LANG_RE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
QID_RE = re.compile(r"^Q[1-9][0-9]*$")
ISO2_RE = re.compile(r"^[A-Z]{2}$")
WAYBACK_RE = re.compile(r"^https://web\.archive\.org/web/[0-9]{14}/https?://\S+$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(~)?$")
ENTITY_RE = re.compile(r"&(?:#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
MARKUP = ("<", ">", "{", "}", "`", "](")
# Unicode categories no plain text needs and that hide or reorder what a reader sees:
# controls (Cc), format characters (Cf: bidi overrides, zero-width characters, soft
# hyphens …), line and paragraph separators (Zl, Zp), private-use (Co), unassigned and
# non-characters (Cn), surrogates (Cs).
HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Co", "Cn", "Cs"})
# Printable ASCII (space to tilde) is in none of them: only the other characters of a text
# need their category looked up.
_NOT_PLAIN_ASCII = re.compile(r"[^\x20-\x7e]")
_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):")
# What a URL may not contain: ASCII controls, space, quotes, angle brackets, backslash, backtick.
_URL_FORBIDDEN = re.compile(r"[\x00-\x20\"'<>\\`]")


def _fail(kind: str, message: str) -> PydanticCustomError:
    return PydanticCustomError(kind, message)


def _type_name(value: object) -> str:
    return {bool: "boolean", int: "number", float: "number", type(None): "nothing"}.get(
        type(value), type(value).__name__
    )


def _hidden(ch: str) -> bool:
    return unicodedata.category(ch) in HIDDEN_CATEGORIES


def _need_str(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise _fail("type", f"must be {what}, got {_type_name(value)} {value!r} (quote it)")
    return value


def check_text(value: object, *, multiline: bool = False) -> str:
    """Plain text: NFC, visible characters, no markup, no surrounding spaces."""
    text = _need_str(value, "text")
    stripped = text.strip()
    if not stripped:
        raise _fail("text", "is empty (write the text, or leave the field out)")
    if text != stripped:
        raise _fail("text", "has spaces at the start or end (remove them)")
    # Every hidden character is one that isprintable() refuses, so most texts need no more;
    # else each character once, in the order of first use, but only those outside
    # printable ASCII (none of which is hidden): this check runs on every text.
    if not text.isprintable():
        for ch in dict.fromkeys(_NOT_PLAIN_ASCII.findall(text)):
            if _hidden(ch) and not (ch == "\n" and multiline):
                raise _fail("text", f"contains invisible/control character U+{ord(ch):04X} (remove it)")
    for bad in MARKUP:
        if bad in text:
            raise _fail("text", f"contains markup syntax '{bad}' (plain text only)")
    if "&" in text and ENTITY_RE.search(text):
        raise _fail("text", "contains an HTML entity (write the character itself)")
    if text[0] in "#>" or text.startswith("- "):
        raise _fail("text", f"starts with Markdown syntax '{text[0]}' (plain text only)")
    if not unicodedata.is_normalized("NFC", text):
        raise _fail("text", "is not NFC-normalised (re-type the accented letters)")
    return text


def check_id(value: object) -> str:
    if type(value) is str and len(value) <= 80 and ID_RE.fullmatch(value):
        return value  # the common case, at once: the checks below only say what is wrong
    text = _need_str(value, "an id")
    plain = text.isascii() and text.isprintable()
    odd = None if plain else next(c for c in text if not (c.isascii() and c.isprintable()))
    if odd is not None:
        raise _fail("id", f"id {text!r} contains U+{ord(odd):04X} (ids use only a-z, 0-9 and hyphens)")
    if not ID_RE.match(text) or len(text) > 80:
        raise _fail("id", f"id {text!r} is not kebab-case (lower-case a-z, 0-9 and single hyphens)")
    return text


def check_url(value: object) -> str:
    text = _need_str(value, "a URL")
    scheme = _SCHEME.match(text)
    if scheme is None or scheme[1].lower() not in ("http", "https"):
        name = scheme[1] if scheme else "none"
        raise _fail("url", f"scheme '{name}' not allowed (an absolute http(s) URL)")
    hidden = not text.isprintable() and any(_hidden(c) for c in _NOT_PLAIN_ASCII.findall(text))
    if _URL_FORBIDDEN.search(text) or hidden:
        raise _fail("url", "contains whitespace, quotes or control characters (an absolute http(s) URL)")
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError as exc:
        raise _fail("url", f"is not a valid URL: {exc} (an absolute http(s) URL)") from None
    if not host:
        raise _fail("url", "has no host (an absolute http(s) URL)")
    if "@" in parts.netloc:
        raise _fail("url", "carries a user name or password before '@' (remove it)")
    mixed = _mixed_scripts(host)
    if mixed:
        raise _fail("url", f"host mixes letters of several scripts in {mixed!r} (a look-alike domain?)")
    return text


def _script(ch: str) -> str:
    """The script of a letter, from its Unicode name: 'LATIN', 'CYRILLIC', 'GREEK' …"""
    name = unicodedata.name(ch, "")
    return "CJK" if name.startswith(("CJK", "HIRAGANA", "KATAKANA")) else name.split(" ")[0]


def _mixed_scripts(host: str) -> str:
    """The first label of `host` (punycode decoded) whose letters come from more than one
    script, as Latin with Cyrillic look-alikes in 'аpple.com'; '' if there is none."""
    for label in host.split("."):
        try:
            shown = label.encode("ascii").decode("idna") if label.startswith("xn--") else label
        except UnicodeError:
            raise _fail(
                "url", f"host label {label!r} is not valid punycode (an absolute http(s) URL)"
            ) from None
        if not shown.isascii() and len({_script(c) for c in shown if c.isalpha()}) > 1:
            return shown
    return ""


def check_archive_url(value: object) -> str:
    text = check_url(value)
    if not WAYBACK_RE.match(text):
        raise _fail("url", "is not a Wayback snapshot (https://web.archive.org/web/<14 digits>/<url>)")
    return text


def _pattern(regex: re.Pattern[str], what: str, hint: str = "") -> Any:
    def check(value: object) -> str:
        text = _need_str(value, what)
        if not regex.match(text):
            extra = f"; {hint}" if hint else ""
            raise _fail("pattern", f"{text!r} is not {what}{extra}")
        return text

    return check


def _check_iso2(value: object) -> str:
    text = _need_str(value, "an ISO 3166-1 alpha-2 code")
    if not ISO2_RE.match(text):
        raise _fail("pattern", f"{text!r} is not an ISO 3166-1 alpha-2 code (two capitals; quote NO as 'NO')")
    return text


@dataclass(frozen=True)
class FieldType:
    """A field type: one validation function (its messages are the ones editors read) and
    the JSON Schema an editor uses to underline a bad value while typing."""

    check: Callable[[object], str]
    schema: tuple[tuple[str, Any], ...]

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> Any:
        return core_schema.no_info_plain_validator_function(self.check)

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return dict(self.schema)


def _field(check: Callable[[object], str], description: str, **schema: Any) -> FieldType:
    return FieldType(check, (("type", "string"), ("description", description), *schema.items()))


def _prose(value: object) -> str:
    return check_text(value, multiline=True)


TEXT_SCHEMA = r"^(?![#>]|- )(?!.*[<>{}`])(?!.*\]\()\S(?:.*\S)?$"
Id = Annotated[
    str, _field(check_id, "kebab-case id: a-z, 0-9, single hyphens", pattern=ID_RE.pattern, maxLength=80)
]
Text = Annotated[str, _field(check_text, "plain text on one line, no markup", pattern=TEXT_SCHEMA)]
Prose = Annotated[str, _field(_prose, "plain text, no markup; may run over several lines", minLength=1)]
URL_SCHEMA = r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s\"'<>\\`]+$"
Url = Annotated[str, _field(check_url, "an absolute http(s) URL", pattern=URL_SCHEMA)]
ArchiveUrl = Annotated[
    str, _field(check_archive_url, "a Wayback Machine snapshot URL", pattern=WAYBACK_RE.pattern)
]
Lang = Annotated[
    str,
    _field(
        _pattern(LANG_RE, "a language tag", "e.g. 'tr', 'az', 'ur', 'hy', 'ru'"),
        "a language tag such as tr, az, ur, hy, ru",
        pattern=LANG_RE.pattern,
    ),
]
Qid = Annotated[
    str, _field(_pattern(QID_RE, "a Wikidata id", "e.g. 'Q39259'"), "a Wikidata id", pattern=QID_RE.pattern)
]
Iso2 = Annotated[str, _field(_check_iso2, "an ISO 3166-1 alpha-2 code", pattern=ISO2_RE.pattern)]


@dataclass(frozen=True, order=False)
class PartialDate:
    """A date known to the year, month or day, optionally approximate (EDTF `~`)."""

    year: int
    month: int | None = None
    day: int | None = None
    approximate: bool = False

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, int) and not isinstance(value, bool):
            raise _fail("date", f"must be a quoted date, got number {value} (write '{value}')")
        text = _need_str(value, "a date")
        m = DATE_RE.match(text)
        if not m:
            raise _fail(
                "date", f"must be 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', optionally ending in '~', got {text!r}"
            )
        year = int(m[1])
        month = int(m[2]) if m[2] else None
        day = int(m[3]) if m[3] else None
        try:
            date(year, 1 if month is None else month, 1 if day is None else day)
        except ValueError as exc:
            raise _fail("date", f"'{text}' is not a real date ({exc})") from None
        return cls(year, month, day, bool(m[4]))

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def earliest(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> date:
        if self.day:
            return self.earliest
        if self.month:
            nxt = date(self.year + (self.month == 12), self.month % 12 + 1, 1)
            return date.fromordinal(nxt.toordinal() - 1)
        return date(self.year, 12, 31)

    def iso(self) -> str:
        out = f"{self.year:04d}"
        if self.month:
            out += f"-{self.month:02d}"
        if self.day:
            out += f"-{self.day:02d}"
        return out + ("~" if self.approximate else "")

    def __str__(self) -> str:
        return self.iso()

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> Any:
        return core_schema.no_info_plain_validator_function(
            cls.parse, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "type": "string",
            "description": "a date: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', optionally ending in '~'",
            "pattern": DATE_RE.pattern,
        }
