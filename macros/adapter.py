"""What a build knows, for the hooks: the Dataset and the Edition of a build, its page
problems, and data errors turned into MkDocs' PluginError. With page_adapter.py (links
between pages, a page's Renderer), worker.py and record_bodies.py (work beside the
build), the only MkDocs-aware code.

`load(config)` runs once per build, first thing (hooks/dataset.py, on_config): it reads
and checks `data/` only when a file in it changed since the last build of the same
config (so `mkdocs serve` reloads after a data edit and not otherwise). Everything else
asks `dataset(config)` / `edition(config)`, which only look up what `load` stored.
"""

from __future__ import annotations

import os
import posixpath
import secrets
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from . import repository
from .core.dataset import Dataset, build_dataset
from .core.errors import DataErrors
from .editions.edition import Edition
from .pages.repo_links import RepoLinks
from .pages.stash import BlockStash

Fingerprint = tuple[tuple[str, int, int], ...]


@dataclass
class BuildState:
    fingerprint: Fingerprint
    today: date  # the day the data was checked against
    dataset: Dataset
    edition: Edition
    repo: RepoLinks | None = None
    changed: dict[str, repository.Change] | None = None  # path -> its last commit
    page_problems: list[str] = field(default_factory=list)
    # page source path -> ids of the claims whose review the page shows (article_audit)
    reviews: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # record id -> written pages that say they cover it: (page's file, its title)
    written: dict[str, list[tuple[File, str]]] = field(default_factory=dict)
    # page source path -> the HTML blocks its macros gave, until its Markdown is converted
    stashes: dict[str, BlockStash] = field(default_factory=dict)
    # page source path -> its blocks left out of search, until search has read the page
    late: dict[str, BlockStash] = field(default_factory=dict)
    # source id -> its entry in a reference list, the same on every page (Renderer.source_ref)
    source_refs: dict[str, tuple[Markup, Markup]] = field(default_factory=dict)
    # record id -> the page that shows it and "#anchor", for one file list (`link`)
    targets: tuple[Files | None, dict[str, tuple[File, str]]] = (None, {})
    # (a page's folder, a URL) -> the URL relative to the folder's pages (page_adapter.py)
    relative_urls: dict[tuple[str, str], str] = field(default_factory=dict)
    # the placeholders' nonce: new for every build, so that no page can write one (stash.py)
    nonce: str = field(default_factory=lambda: secrets.token_hex(12))


_BUILDS: dict[str, BuildState] = {}


def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def data_fingerprint(data_dir: Path) -> Fingerprint:
    """Path, mtime and size of every file under data/: one walk per build (() if there
    is no such folder)."""
    if not data_dir.is_dir():
        return ()
    stats = []
    for path in sorted(data_dir.rglob("*")):
        try:
            st = path.stat()
        except OSError:
            continue
        stats.append((path.as_posix(), st.st_mtime_ns, st.st_size))
    return tuple(stats)


def _site_url(config: MkDocsConfig) -> str | None:
    url = (config.site_url or "").strip()
    return (url if url.endswith("/") else url + "/") if url else None


def load(config: MkDocsConfig) -> Dataset:
    """Read and check data/ for this build (or reuse the last result if nothing changed)."""
    root = project_root(config)
    data_dir = root / "data"
    fingerprint = data_fingerprint(data_dir)
    key = str(config.config_file_path)
    previous = _BUILDS.get(key)
    if previous is not None and previous.fingerprint == fingerprint and fingerprint:
        dataset, today = previous.dataset, previous.today
    else:
        try:
            today = date.today()
            dataset = build_dataset(data_dir, today=today)
        except DataErrors as exc:
            _BUILDS.pop(key, None)
            raise PluginError(exc.report()) from None
    edition = Edition(
        site_name=config.site_name,
        date=repository.edition_date(os.environ),
        commit=repository.commit_id(root),
        site_url=_site_url(config),
        contributors=repository.contributors(root),
        offline=os.environ.get("OFFLINE", "").strip().lower() in ("1", "true", "yes"),
    )
    _BUILDS[key] = BuildState(
        fingerprint, today, dataset, edition, _repo(config), repository.last_changes(root)
    )
    return dataset


def _repo(config: MkDocsConfig) -> RepoLinks | None:
    """The repository's address from `extra.repository` (REPO_URL), or None when unset.

    Not MkDocs' own `repo_url`: with it, Material shows a repository widget that asks the
    GitHub API for star counts from every reader's browser (and fails offline)."""
    try:
        return RepoLinks.of(config.extra.get("repository"), _site_url(config))
    except ValueError as exc:
        raise PluginError(
            f"mkdocs.yml extra.repository (REPO_URL) is not a repository address: {exc}"
        ) from None


def data_day(config: MkDocsConfig) -> date:
    """The day `load` will check data/ against: the last build's, if data/ did not change
    since (its Dataset is kept), else today."""
    previous = _BUILDS.get(str(config.config_file_path))
    data_dir = project_root(config) / "data"
    if previous is not None and previous.fingerprint and previous.fingerprint == data_fingerprint(data_dir):
        return previous.today
    return date.today()


def state(config: MkDocsConfig) -> BuildState:
    found = _BUILDS.get(str(config.config_file_path))
    if found is None:
        raise PluginError("the dataset was not loaded for this build (is hooks/dataset.py in mkdocs.yml?)")
    return found


def dataset(config: MkDocsConfig) -> Dataset:
    return state(config).dataset


def data_read(config: MkDocsConfig) -> tuple[Path, date]:
    """The data folder of this build and the day its data was checked against."""
    return project_root(config) / "data", state(config).today


def data_unchanged(config: MkDocsConfig) -> bool:
    """Whether data/ is still what this build read (one walk of the folder)."""
    build, data_dir = state(config), project_root(config) / "data"
    return build.fingerprint == data_fingerprint(data_dir)


def repo_links(config: MkDocsConfig) -> RepoLinks | None:
    return state(config).repo


def made_from(config: MkDocsConfig, page: Page) -> tuple[str, int] | None:
    """The file (and line) a page is made from: its Markdown, or for a page generated from
    a record, the record's YAML file and first line. None for other generated pages."""
    rid = str(page.meta.get("entity", "")).partition("/")[2]
    where = dataset(config).locations.get(rid) if rid else None
    if where is not None:
        return where.path, where.pos[0]
    if page.file.generated_by is None:
        return f"{Path(config.docs_dir).name}/{page.file.src_uri}", 0
    return None


def edit_url(config: MkDocsConfig, page: Page) -> str | None:
    """ "Edit this page": the Markdown in the editor, or the record's line in its file."""
    repo, source = repo_links(config), made_from(config, page)
    if repo is None or source is None:
        return None
    rid = str(page.meta.get("entity", "")).partition("/")[2]
    if rid:
        return repo.record(dataset(config).locations[rid])
    return repo.edit_page(page.file.src_uri)


def last_change(config: MkDocsConfig, page: Page) -> repository.Change | None:
    """The newest commit that changed the page's source file (None outside git)."""
    source = made_from(config, page)
    return (state(config).changed or {}).get(source[0]) if source else None


def edition(config: MkDocsConfig) -> Edition:
    return state(config).edition


def page_source(config: MkDocsConfig, file: File) -> str:
    """How a page is named in messages: its path from the project root, e.g. docs/arms.md."""
    return f"{Path(config.docs_dir).name}/{file.src_uri}"


def page_problem(config: MkDocsConfig, line: str) -> None:
    """Record a problem with a page (one line naming it); the build fails at on_env, once
    every page has been read, with all of them (`fail_on_page_problems`)."""
    state(config).page_problems.append(line)


def fail_on_page_problems(config: MkDocsConfig) -> None:
    problems = state(config).page_problems
    if problems:
        n = len(problems)
        raise PluginError("\n".join([*problems, f"page check failed: {n} error{'s' if n != 1 else ''}"]))


def note_claim_reviews(config: MkDocsConfig, page_src: str, claim_ids: tuple[str, ...]) -> None:
    """Record which audited claims a page shows (macros/__init__.py, after its macros ran)."""
    state(config).reviews[page_src] = claim_ids


def claim_reviews_on(config: MkDocsConfig, page_src: str) -> tuple[str, ...]:
    return state(config).reviews.get(page_src, ())


def public_path(src_uri: str) -> str:
    """A page's address on the published site, relative to its root ('people/ilham-aliyev/'),
    whatever the URL style of this build: the offline copy (file URLs) cites the same
    address as the site."""
    stem = posixpath.splitext(src_uri)[0]
    if stem == "index":
        return ""
    return (stem[: -len("/index")] if stem.endswith("/index") else stem) + "/"
