"""A synthetic project for benchmarks: the real project plus N meetings with people,
claims and sources in proportion, and the same pages as plain Markdown for a plain
MkDocs + Material baseline.

Per meeting: one new source, three claims (about the meeting and its people, citing two
sources), three participants from a pool of N/2 synthetic people; text lengths are like
the real data's. Every record passes the checks. Nothing is written inside data/.
"""

from __future__ import annotations

import random
import shutil
from datetime import date
from pathlib import Path

from macros.core.dataset import build_dataset
from macros.core.routes import PAGE_FOLDERS, page_of

ROOT = Path(__file__).resolve().parents[2]
WORDS = [
    "the",
    "ministers",
    "said",
    "cooperation",
    "between",
    "the",
    "three",
    "countries",
    "would",
    "grow",
    "in",
    "trade",
    "energy",
    "defence",
    "and",
    "transport",
    "and",
    "that",
    "the",
    "meeting",
    "confirmed",
    "their",
    "support",
    "for",
    "each",
    "other",
    "on",
    "questions",
    "of",
    "sovereignty",
    "and",
    "territorial",
    "integrity",
    "according",
    "to",
    "the",
    "official",
    "readout",
]


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _date(i: int) -> str:
    return f"{2000 + (i // 300) % 24}-{1 + (i // 25) % 12:02d}-{1 + i % 25:02d}"


def _chunks(lines: list[str], size: int = 2000) -> list[list[str]]:
    """Lines cut into files of about `size` lines, between records (data files are capped
    at 1 MB each)."""
    chunks: list[list[str]] = [[]]
    for line in lines:
        if len(chunks[-1]) >= size and line.startswith("- id: "):
            chunks.append([])
        chunks[-1].append(line)
    return chunks


def data_files(n: int, seed: int = 7) -> dict[str, str]:
    """The synthetic records as YAML text, by path under data/."""
    rng = random.Random(seed)
    people_n = max(3, n // 2)
    sources, people, meetings, claims = [], [], [], []
    for p in range(people_n):
        people += [
            f"- id: bench-person-{p}",
            f"  name: Benchperson Number{p}",
            f"  family: Number{p}",
            "  given: Benchperson",
            "  country: turkiye",
            f"  summary: {_sentence(rng, 25)}",
            f"  sources: [bench-source-{p % n}]",
            "",
        ]
    for i in range(n):
        day = _date(i)
        sources += [
            f"- id: bench-source-{i}",
            "  type: article-newspaper",
            "  genre: news",
            "  origin: primary",
            f"  title: {_sentence(rng, 10)[:-1]}",
            f"  publisher: Bench Outlet {i % 40}",
            f'  issued: "{day}"',
            f'  url: "https://example.org/news/{i}"',
            f"  note: {_sentence(rng, 18)}",
            "",
        ]
        who = [f"bench-person-{(i + k * 7) % people_n}" for k in range(3)]
        meetings += [
            f"- id: bench-meeting-{i}",
            f"  title: Synthetic meeting {i}, Ankara",
            f'  start: "{day}"',
            "  place:",
            "    name: Ankara",
            "    country: turkiye",
            "  format: foreign-ministers",
            "  level: ministerial",
            "  participants:",
            *(f"    - person: {w}" for w in who),
            f"  summary: {_sentence(rng, 40)}",
            f"  sources: [bench-source-{i}]",
            "",
        ]
        for c in range(3):
            claims += [
                f"- id: bench-claim-{i}-{c}",
                f"  text: {_sentence(rng, 35)}",
                "  kind: statement",
                "  asserted_by:",
                f"    - entity: {who[c]}",
                f"  about: [bench-meeting-{i}, {who[c]}]",
                f'  date: "{day}"',
                f"  sources: [bench-source-{i}, bench-source-{(i + 1 + c) % n}]",
                "",
            ]
    files: dict[str, str] = {}
    for folder, lines in (
        ("sources", sources),
        ("people", people),
        ("meetings", meetings),
        ("claims", claims),
    ):
        for k, chunk in enumerate(_chunks(lines)):
            files[f"{folder}/bench-{k:03d}.yml"] = "\n".join(chunk)
    return files


def project(n: int, target: Path) -> Path:
    """A copy of the real project (config, pages, data) plus `n` synthetic meetings."""
    target.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", target)
    shutil.copytree(ROOT / "docs", target / "docs")
    shutil.copytree(ROOT / "data", target / "data")
    for name in ("macros", "hooks", "node_modules"):
        if (ROOT / name).exists():
            (target / name).symlink_to(ROOT / name)
    for rel, text in data_files(n).items():
        (target / "data" / rel).write_text(text + "\n", encoding="utf-8")
    return target


BASELINE_CONFIG = """site_name: Baseline
use_directory_urls: true
not_in_nav: |
  /people/*.md
  /meetings/*.md
  /countries/*.md
  /disputes/*.md
plugins: [search]
"""
# Taken from our mkdocs.yml as they are, so that the baseline draws the same navigation,
# header and palettes on every page (what Material costs per page grows with them).
SHARED_SECTIONS = ("nav", "theme", "markdown_extensions")


def _config_sections(text: str, keys: tuple[str, ...]) -> str:
    """The top-level sections `keys` of a YAML config, verbatim but for our theme folder."""
    out, keep = [], False
    for line in text.splitlines():
        if line and not line[0].isspace() and not line.startswith("#"):
            keep = line.split(":")[0] in keys
        if keep and "custom_dir:" not in line:
            out.append(line)
    return "\n".join(out) + "\n"


def _written_pages(docs: Path) -> None:
    """Our written pages as plain Markdown: the same text with the macro calls left out
    (the baseline makes its own index pages, All claims and Sources)."""
    own = {"meetings/index.md", "people/index.md", "claims.md", "sources.md"}
    for page in sorted((ROOT / "docs").rglob("*.md")):
        rel = page.relative_to(ROOT / "docs").as_posix()
        if rel in own:
            continue
        lines = page.read_text(encoding="utf-8").splitlines()
        text = "\n".join(x for x in lines if "{{" not in x and "{%" not in x)
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_text(text + "\n", encoding="utf-8")


def _real_record_pages(docs: Path) -> None:
    """A plain page for each person, meeting, country and dispute of the real data, as
    ours has: its name and its summary."""
    data = build_dataset(ROOT / "data", today=date.today())
    for kind in PAGE_FOLDERS:
        for rid, record in data.records[kind].items():
            route = page_of(kind, rid)
            assert route is not None
            name = getattr(record, "name", None) or getattr(record, "title", rid)
            summary = getattr(record, "summary", None) or ""
            (docs / route.src).parent.mkdir(parents=True, exist_ok=True)
            (docs / route.src).write_text(f"# {name}\n\n{summary}\n", encoding="utf-8")


def baseline(n: int, target: Path) -> Path:
    """The same pages as plain Markdown, for plain MkDocs + Material with our nav, theme
    features and palettes: a page per synthetic meeting and person and per record of the
    real data (not in the nav), our written pages without their macros, index pages, a
    claims page and a sources page."""
    rng = random.Random(7)
    docs = target / "docs"
    ours = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    docs.mkdir(parents=True)
    (target / "mkdocs.yml").write_text(
        BASELINE_CONFIG + _config_sections(ours, SHARED_SECTIONS), encoding="utf-8"
    )
    _written_pages(docs)
    _real_record_pages(docs)
    people_n = max(3, n // 2)
    (docs / "index.md").write_text("# Baseline\n\n" + _sentence(rng, 60) + "\n", encoding="utf-8")
    rows, claims, refs = [], [], []
    for i in range(n):
        who = [f"bench-person-{(i + k * 7) % people_n}" for k in range(3)]
        said = [_sentence(rng, 35) for _ in range(3)]
        body = [f"# Synthetic meeting {i}, Ankara\n", f"**Date**: {_date(i)}\n", _sentence(rng, 40), ""]
        body += ["## Participants\n", *(f"- [{w}](../people/{w}.md)" for w in who), ""]
        body += ["## Outcomes and statements\n", *(f"{s} [^1]\n" for s in said)]
        body += [
            "## References\n",
            f"[^1]: Bench Outlet {i % 40}, {_sentence(rng, 10)} https://example.org/news/{i}",
        ]
        (docs / "meetings" / f"bench-meeting-{i}.md").write_text("\n".join(body) + "\n", encoding="utf-8")
        rows.append(f"| {_date(i)} | [Synthetic meeting {i}](bench-meeting-{i}.md) | Ankara |")
        claims += [f"{s}\n" for s in said]
        refs.append(f"1. Bench Outlet {i % 40}. {_sentence(rng, 10)} https://example.org/news/{i}")
    for p in range(people_n):
        text = f"# Benchperson Number{p}\n\n{_sentence(rng, 25)}\n\n## Meetings\n\n- a meeting\n"
        (docs / "people" / f"bench-person-{p}.md").write_text(text, encoding="utf-8")
    people_rows = [f"| [Benchperson Number{p}](bench-person-{p}.md) | Türkiye |" for p in range(people_n)]
    (docs / "meetings" / "index.md").write_text(
        "# Meetings\n\n| Date | Meeting | Place |\n|---|---|---|\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )
    (docs / "people" / "index.md").write_text(
        "# Leaders\n\n| Name | Country |\n|---|---|\n" + "\n".join(people_rows) + "\n", encoding="utf-8"
    )
    (docs / "claims.md").write_text("# All claims\n\n" + "\n".join(claims), encoding="utf-8")
    (docs / "sources.md").write_text("# Sources\n\n" + "\n".join(refs) + "\n", encoding="utf-8")
    return target
