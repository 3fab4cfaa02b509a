"""What an element of a built page may be: the rules the site check applies to each one.

Raw HTML in a page is held to the standard data is held to: nothing in it may run
script, load anything from another host, or change where the page's links go. The rules
are written against the tree an HTML5 parser builds (so comments, CDATA, `<textarea>`
and entity tricks are seen as a browser sees them); what a parser without script would
read differently from a browser (`<noscript>`), or hides from the tree (`<template>`),
is refused outright. Material's own scripts are told apart from a page's by what they
are, not where they stand: a `src` must name a script file of the site under `assets/`
(docs/ cannot publish a .js file, see macros/pages/docs_files.py), an inline script must
be one of the theme's own (`theme_scripts`, read from its templates), and the data
blocks are Material's `__config` JSON and schema.org JSON-LD (ClaimReview, in <head>).
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable, Iterable
from pathlib import Path

SAFE_SCHEMES = {"http", "https", "mailto"}
# Attributes whose value is a URL (fetched, followed or submitted to).
URL_ATTRS = {"href", "xlink:href", "src", "poster", "data", "background", "cite", "longdesc", "icon"}
URL_ATTRS |= {"manifest", "codebase", "archive", "classid", "usemap", "lowsrc", "dynsrc", "profile"}
SRCSETS = {"srcset", "imagesrcset"}
# Attributes no page of this site has a use for, whatever their value.
REFUSED_ATTRS = {
    "srcdoc": "carries a whole page of its own",
    "action": "would submit a form",
    "formaction": "would submit a form",
    "ping": "reports clicks to an address",
}
REFUSED_TAGS = {
    "base": "changes where every link of the page points",
    "iframe": "embeds another page",
    "frame": "embeds another page",
    "frameset": "embeds other pages",
    "object": "embeds an object that can run code",
    "embed": "embeds an object that can run code",
    "applet": "embeds an object that can run code",
    "portal": "embeds another page",
    "fencedframe": "embeds another page",
    "noscript": "is read differently by a browser that runs script than by this check",
    "noembed": "is read differently by browsers",
    "noframes": "is read differently by browsers",
    "xmp": "is read differently by browsers",
    "plaintext": "is read differently by browsers",
    "template": "holds markup hidden from this check",
    "style": "styles (and loads) from the page itself; stylesheets belong in docs/assets/",
}
THEME_FORMS = {"md-search__form", "md-header__option"}  # they submit nowhere: no action, no method
ANIMATIONS = {"animate", "set", "animatemotion", "animatetransform", "animatecolor"}
NAVIGATES = {"a", "area", "base"}  # elements whose href is followed (or refused), not loaded
PAGE_LINKS = {"canonical", "alternate", "next", "prev"}
STYLE_LOADS = re.compile(
    r"(?i)url\s*\(|image-set\s*\(|image\s*\(|@import|expression\s*\(|-moz-binding|behavior\s*:"
)
STYLE_HIDES = re.compile(r"\\|/\*")  # CSS escapes and comments can hide the words above
# SVG presentation attributes whose CSS value may name a resource, url(…): only a place on
# the page itself (our graphs' arrowheads: marker-end="url(#…)") is allowed.
PAINT_ATTRS = {"fill", "stroke", "clip-path", "mask", "filter", "cursor"}
PAINT_ATTRS |= {"marker", "marker-start", "marker-mid", "marker-end"}
_PAGE_PLACE = re.compile(r"url\(#[\w.:-]*\)")
_CONTROL = re.compile(r"[\x00-\x20]")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_EXTERNAL = re.compile(r"(?i)^\s*(?:[a-z][a-z0-9+.-]*:)?//")
_HOLE = re.compile(r"\{\{.*?\}\}")
ScriptFile = Callable[[str], bool]  # whether a script src names a script file of the site


def scheme(value: str) -> str:
    """The scheme a browser would read (it ignores spaces and controls, and case)."""
    match = _SCHEME.match(_CONTROL.sub("", value))
    return match[1].lower() if match else ""


def material_templates() -> list[Path]:
    """The template folder of the installed Material theme (found, not imported)."""
    spec = importlib.util.find_spec("material")
    return [Path(spec.origin).parent / "templates"] if spec and spec.origin else []


def theme_scripts(template_dirs: Iterable[Path]) -> tuple[re.Pattern[str], ...]:
    """The inline scripts of the theme's `partials/javascripts/*.html`, as patterns: each
    `{{ … }}` (a URL inside a string literal) may be any text without quotes,
    backslashes or angle brackets."""
    patterns = []
    for folder in template_dirs:
        for partial in sorted((folder / "partials" / "javascripts").glob("*.html")):
            text = partial.read_text(encoding="utf-8")
            for body in re.findall(r"<script>(.*?)</script>", text, re.S):
                parts = [re.escape(part) for part in _HOLE.split(body)]
                patterns.append(re.compile(r'[^"\'\\<>]*'.join(parts)))
    return tuple(patterns)


def _schema_org_json(text: str) -> bool:
    """JSON-LD as `pages.head.json_ld` writes it: a schema.org object, `<` `>` `&` escaped."""
    import json

    try:
        value = json.loads(text)
    except ValueError:
        return False
    return (
        isinstance(value, dict)
        and value.get("@context") == "https://schema.org"
        and not set(text) & set("<>&")
    )


def _script_problem(
    attrs: dict[str, str], text: str, patterns: tuple[re.Pattern[str], ...], script_file: ScriptFile
) -> str:
    kind = attrs.get("type", "").strip().lower()
    if "src" in attrs:
        src = attrs["src"]
        return (
            "" if script_file(src) else f"<script> loads {src[:80]!r}, which is not a script file of the site"
        )
    if kind == "application/json" and attrs.get("id") == "__config":
        return ""  # Material's configuration: a data block, never run
    if kind == "application/ld+json":  # schema.org data (hooks/publication.py), never run
        return (
            "" if _schema_org_json(text) else "<script type=application/ld+json> that is not schema.org JSON"
        )
    if any(p.fullmatch(text) for p in patterns):
        return ""
    return "<script> that is not one of the theme's own"


def _url_problems(tag: str, attrs: dict[str, str]) -> list[tuple[str, str]]:
    problems = []
    loads = tag not in NAVIGATES and not (
        tag == "link" and set(attrs.get("rel", "").lower().split()) & PAGE_LINKS
    )
    for name, value in attrs.items():
        urls = [c.split()[0] for c in value.split(",") if c.strip()] if name in SRCSETS else [value]
        if name not in URL_ATTRS and name not in SRCSETS:
            continue
        for url in urls:
            found = scheme(url)
            if found and found not in SAFE_SCHEMES:
                problems.append((f"{name}=", f"<{tag}> {name} has scheme '{found}': {url[:80]!r}"))
            elif loads and name != "cite" and _EXTERNAL.match(url):
                problems.append((f"{name}=", f"<{tag}> loads an external resource: {url[:80]!r}"))
    return problems


def element_problems(
    tag: str,
    attrs: dict[str, str],
    text: str,
    *,
    theme: tuple[re.Pattern[str], ...] = (),
    script_file: ScriptFile = lambda src: False,
) -> list[tuple[str, str]]:
    """(text to find the line by, problem) for each rule element `tag` breaks; `text` is
    its own text (for a script)."""
    problems: list[tuple[str, str]] = []
    if tag in REFUSED_TAGS:
        problems.append((f"<{tag}", f"<{tag}> {REFUSED_TAGS[tag]}"))
    if tag == "script":
        problem = _script_problem(attrs, text, theme, script_file)
        if problem:
            problems.append(("<script", problem))
    if tag == "meta" and "http-equiv" in attrs:
        problems.append(
            ("http-equiv", f"<meta http-equiv={attrs['http-equiv'][:40]!r}> acts as a response header")
        )
    if tag == "form" and (
        not THEME_FORMS & set(attrs.get("class", "").split()) or attrs.keys() & {"method", "target"}
    ):
        problems.append(("<form", "<form> that is not one of the theme's (search, palette)"))
    if tag in ANIMATIONS:
        problems += _animation_problems(tag, attrs)
    if "attachment" in attrs.get("rel", "").lower().split():
        problems.append(("attachment", f"<{tag} rel=attachment> would embed the file it names in the PDF"))
    return problems + _attribute_problems(tag, attrs) + _url_problems(tag, attrs)


def _animation_problems(tag: str, attrs: dict[str, str]) -> list[tuple[str, str]]:
    """An SVG animation of a link, a handler, or to a URL with another scheme."""
    target = attrs.get("attributename", attrs.get("attributeName", "")).strip().lower()
    values = ";".join(attrs.get(k, "") for k in ("from", "to", "by", "values")).split(";")
    if (
        target in URL_ATTRS
        or target.startswith("on")
        or any(scheme(v) not in ("", *SAFE_SCHEMES) for v in values)
    ):
        return [(f"<{tag}", f"<{tag}> animates '{target}' (links and handlers cannot be animated)")]
    return []


def _attribute_problems(tag: str, attrs: dict[str, str]) -> list[tuple[str, str]]:
    """Event handlers, refused attributes, and styles (or SVG paint) that load or hide."""
    problems: list[tuple[str, str]] = []
    for name, value in attrs.items():
        if name.startswith("on"):
            problems.append((f"{name}=", f"<{tag}> has event handler {name}="))
        elif name in REFUSED_ATTRS:
            problems.append((f"{name}=", f"<{tag}> {name}= {REFUSED_ATTRS[name]}"))
        elif name == "style" and (STYLE_LOADS.search(value) or STYLE_HIDES.search(value)):
            problems.append(("style=", f"<{tag}> style may not load anything or hide words: {value[:80]!r}"))
        elif name in PAINT_ATTRS and (
            STYLE_LOADS.search(rest := _PAGE_PLACE.sub("", value)) or STYLE_HIDES.search(rest)
        ):
            problems.append(
                (f"{name}=", f"<{tag}> {name} may refer only to a place on the page: {value[:80]!r}")
            )
    return problems
