"""Records' pages made in the worker (macros/record_bodies.py) are the pages the build makes,
and work shared with the worker (worker.share_out) is done once, none of it lost."""

from __future__ import annotations

import hashlib
import pickle
import threading
from concurrent.futures import Future
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import markdown
import pytest
import small_build
from conftest import FIXTURE, ROOT, TODAY, edit
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files

from macros import page_adapter, record_bodies, worker, worker_data
from macros.adapter import data_fingerprint
from macros.core.dataset import build_dataset
from macros.core.errors import DataErrors
from macros.editions.edition import Edition
from macros.page_adapter import Converted, convert
from macros.pages.stash import BlockStash
from macros.record_bodies import RecordBodies, Site
from macros.worker_data import DataRead

NONCE = "0123456789abcdef"
CONFIG = load_config(str(ROOT / "mkdocs.yml"))


def _digests(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def _build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str) -> tuple[dict[str, str], list[object]]:
    """The small site built with the records' pages made by the build alone ("build"), all
    by the worker ("worker"), or the first half by the build and the rest by the worker
    ("split"), in batches of three: its files' digests, and what the build did itself."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1751500800")
    monkeypatch.setattr(record_bodies, "BATCH", 3)
    seen: list[object] = []  # the RecordBodies, then each record page the build converted
    original, convert = RecordBodies.__init__, page_adapter.convert

    def patient(self: RecordBodies, site: Site, pages: list[tuple[str, str, str, str]]) -> None:
        batches = [pages[i : i + record_bodies.BATCH] for i in range(0, len(pages), record_bodies.BATCH)]
        first.update(src for batch in batches[: len(batches) // 2] for src, *_ in batch)
        original(self, site, pages)
        for future in self.futures:  # made before the build comes to them
            if future is not None:
                future.result(timeout=120)
        seen.append(self)

    sent, first = record_bodies.send, set[str]()

    def some(task: Any, *args: Any) -> Any:  # "split": the first half of the batches not sent
        if task is record_bodies._bodies and args[1][0][0] in first:
            return None
        return sent(task, *args)

    def counted(md: Any, file: File, *args: Any) -> Converted:
        seen.append(file.src_uri)
        return convert(md, file, *args)

    with monkeypatch.context() as patch:
        if case == "build":
            patch.setattr(record_bodies, "send", lambda *args: None)
        if case == "split":
            patch.setattr(record_bodies, "send", some)
        patch.setattr(RecordBodies, "__init__", patient)
        patch.setattr(page_adapter, "convert", counted)
        outcome = small_build.run(small_build.small_project(tmp_path / case))
    assert outcome.error is None, outcome.output
    return _digests(outcome.site), seen


def test_the_workers_record_pages_are_the_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file of the site is the same whoever made the records' pages; the build
    takes the worker's pages, conversion included, for the batches the worker made."""
    expected, alone = _build(tmp_path, monkeypatch, "build")
    bodies = alone[0]
    assert isinstance(bodies, RecordBodies) and bodies.taken == 0
    pages = [src for batch in bodies.batches for src, *_ in batch]
    assert len(bodies.batches) > 2 and sorted(alone[1:]) == sorted(pages)  # all converted here
    for case in ("worker", "split"):
        site, seen = _build(tmp_path, monkeypatch, case)
        assert sorted(site) == sorted(expected)
        assert [path for path in site if site[path] != expected[path]] == [], case
        bodies, converted = seen[0], seen[1:]
        assert isinstance(bodies, RecordBodies)
        first_half = [src for batch in bodies.batches[: len(bodies.batches) // 2] for src, *_ in batch]
        here = first_half if case == "split" else []
        assert bodies.taken == len(pages) - len(here) and sorted(converted) == sorted(here), case


def _site(**changes: Any) -> Site:
    data = build_dataset(FIXTURE, today=TODAY)
    fields: dict[str, Any] = {
        "read": DataRead(FIXTURE, TODAY, data_fingerprint(FIXTURE)),
        "edition": Edition("Test", datetime(2026, 11, 25, tzinfo=UTC), "abc1234", "https://example.org/"),
        "repo": None,
        "nonce": NONCE,
        "targets": {rid: (f"pages/{rid}/", "") for rid in data.kind_of},
        "written": {"alice-example": [("notes/alice/", "Notes on Alice")]},
        "extensions": CONFIG["markdown_extensions"],
        "extension_configs": CONFIG["mdx_configs"],
        "use_directory_urls": True,
    }
    return Site(**(fields | changes))


def test_the_worker_renders_a_page_as_the_build_does() -> None:
    site = _site()
    assert record_bodies._set_site("build-1", site)
    pages = [
        ("people/alice-example.md", "person", "alice-example", "pages/alice-example/"),
        ("meetings/summit-1999.md", "meeting", "summit-1999", "pages/summit-1999/"),
    ]
    made = record_bodies._bodies("build-1", pages)
    for (src, _, rid, _), body in zip(pages, made, strict=True):
        assert body is not None
        markdown, stash, _, converted = body
        assert markdown.startswith("# ") and f"{{ #{rid} }}" in markdown and stash.blocks
        assert converted is not None and _parts(converted) == _parts(_converted_here(src, markdown))
    alice = made[0]
    assert alice is not None and "../../notes/alice/" in str(alice[1].blocks)  # the written page, relative


def test_a_page_the_worker_cannot_render_is_left_to_the_build() -> None:
    """A link to a record without a page (the build reports it), a page of another build,
    or data/ that is not what the build read: None, and the build renders the page."""
    page = [("people/alice-example.md", "person", "alice-example", "pages/alice-example/")]
    targets = dict(_site().targets)
    del targets["summit-1999"]  # Alice's page links to the summit
    assert record_bodies._set_site("build-2", _site(targets=targets))
    assert record_bodies._bodies("build-2", page) == [None]
    assert record_bodies._bodies("build-1", page) == [None]  # the worker holds build-2's site
    assert not record_bodies._set_site("build-3", _site(read=DataRead(FIXTURE, TODAY, ())))
    assert record_bodies._bodies("build-3", page) == [None]


def _converted_here(src: str, text: str) -> Converted:
    file = File(src, None, "", True)
    return convert(
        markdown.Markdown(extensions=CONFIG["markdown_extensions"], extension_configs=CONFIG["mdx_configs"]),
        file,
        Files([file]),
        CONFIG,
        text,
    )


def _parts(converted: Converted) -> tuple[object, ...]:
    links = {file.src_uri: found for file, found in converted.links_to_anchors.items()}
    return converted.content, str(converted.toc), converted.title, converted.anchor_ids, links


OWN_LINKS = (
    "# Title { #top }\n\nA [place here](#part), [another site](https://example.org/x).\n\n## Part { #part }\n"
)


@pytest.mark.parametrize(
    ("text", "by_worker"),
    [
        (OWN_LINKS, True),
        (OWN_LINKS + "\n[A page](other.md)\n", False),
        (OWN_LINKS + "\n![A picture](pic.png)\n", False),
        (OWN_LINKS + "\n[The root](/index.md)\n", False),
        (OWN_LINKS + "\n<editors@example.org>\n", True),  # an e-mail address, as MkDocs leaves it
    ],
)
def test_the_worker_converts_a_page_that_links_only_to_itself_and_other_sites(
    text: str, by_worker: bool
) -> None:
    """The worker's conversion is MkDocs' own, but without the site's files: a page that
    links to a file of the site is converted by the build, which checks the link."""
    assert record_bodies._set_site("build-4", _site())
    converted = record_bodies._convert(_site(), "people/x.md", text)
    assert (converted is not None) == by_worker
    if converted is not None:
        assert _parts(converted) == _parts(_converted_here("people/x.md", text))
        # the link to #part, and each heading's permalink
        assert _parts(converted)[4] == {"people/x.md": {"top": "#top", "part": "#part"}}


class _Sends:
    """Stands in for worker.send: each task's future, held by the test."""

    def __init__(self) -> None:
        self.futures: list[Future[Any]] = []
        self.tasks: list[tuple[Any, ...]] = []

    def __call__(self, task: Any, *args: Any) -> Future[Any]:
        self.tasks.append((task, *args))
        self.futures.append(Future())
        return self.futures[-1]


def test_the_build_takes_what_the_worker_made_and_makes_what_it_did_not_start(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sends = _Sends()
    monkeypatch.setattr(record_bodies, "send", sends)
    monkeypatch.setattr(record_bodies, "BATCH", 2)
    pages = [(f"p{n}.md", "person", f"r{n}", f"p{n}/") for n in range(7)]
    bodies = RecordBodies(_site(), pages)
    # the site first, then the batches from the last: [p6], [p4 p5], [p2 p3], [p0 p1]
    assert [task[0] for task in sends.tasks] == [record_bodies._set_site] + [record_bodies._bodies] * 4
    assert [[rid for _, _, rid, _ in task[2]] for task in sends.tasks[1:]] == [
        ["r6"],
        ["r4", "r5"],
        ["r2", "r3"],
        ["r0", "r1"],
    ]
    last, third, second, first = sends.futures[1:]
    stash = BlockStash(NONCE)
    last.set_running_or_notify_cancel()
    last.set_result([("six", stash, (), None)])
    third.set_running_or_notify_cancel()
    third.set_exception(RuntimeError("the worker failed"))
    second.set_running_or_notify_cancel()  # being made: the build waits for it
    threading.Timer(0.05, second.set_result, [[("two", stash, ("claim-1",), None), None]]).start()

    assert bodies.take("p0.md") is None and first.cancelled()  # not started: made here
    assert bodies.take("p1.md") is None
    assert bodies.take("p2.md") == ("two", stash, ("claim-1",), None)
    assert bodies.take("p3.md") is None  # the worker could not make it
    assert bodies.take("p4.md") is None and bodies.take("p5.md") is None  # failed there
    assert bodies.take("p6.md") == ("six", stash, (), None)
    assert bodies.take("p6.md") is None and bodies.take("other.md") is None  # taken once; not a record
    assert bodies.taken == 2


def test_without_a_worker_the_build_makes_every_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(record_bodies, "send", lambda *args: None)
    bodies = RecordBodies(_site(), [("p.md", "person", "alice-example", "p/")])
    assert bodies.futures == [None] and bodies.take("p.md") is None


def _done(value: Any) -> Future[Any]:
    future: Future[Any] = Future()
    future.set_running_or_notify_cancel()
    future.set_result(value)
    return future


def test_work_shared_out_is_done_once_in_order() -> None:
    """Tasks 0-1 done by the worker, 2 being done there, 3-5 not started: the build does
    5, 4, 3 (from the last), takes the worker's answers for the rest; a task never sent
    or failed there is done here. The answers come in the order the tasks were sent."""
    running: Future[str] = Future()
    running.set_running_or_notify_cancel()
    waiting = [Future[str]() for _ in range(3)]
    failed: Future[str] = Future()
    failed.set_running_or_notify_cancel()
    failed.set_exception(RuntimeError("lost"))
    futures: list[Future[str] | None] = [_done("w0"), failed, running, *waiting]
    done_here: list[int] = []

    def here(n: int) -> str:
        done_here.append(n)
        if n == 3:  # the worker finishes its task meanwhile
            running.set_result("w2")
        return f"h{n}"

    assert worker.share_out(futures, here) == ["w0", "h1", "w2", "h3", "h4", "h5"]
    assert done_here == [5, 4, 3, 1] and all(f.cancelled() for f in waiting)
    assert worker.share_out([None, _done("w1")], lambda n: f"h{n}") == ["h0", "w1"]
    assert worker.share_out([], lambda n: "never") == []


def test_a_data_error_read_in_the_worker_comes_back_whole_and_leaves_the_worker_running(
    data_dir: Path,
) -> None:
    """The worker reads data/ before the build checks it (read_ahead): bad data must not
    stop it. An exception that cannot be rebuilt from its pickle would: the executor
    could not hand it back, and gives the worker up."""
    edit(data_dir, "countries/countries.yml", "iso2: BE", "iso2: BE\n  no_such_field: 1")
    with pytest.raises(DataErrors) as caught:
        build_dataset(data_dir, today=TODAY)
    again = pickle.loads(pickle.dumps(caught.value))
    assert again.errors == caught.value.errors and str(again) == str(caught.value)
    ahead = worker.send(worker_data._read_ahead, data_dir, TODAY)
    assert ahead is not None and ahead.result(timeout=120) is None
    failed = worker.send(worker_data.worker_dataset, data_dir, TODAY)
    assert failed is not None and isinstance(failed.exception(timeout=120), DataErrors)
    assert not record_bodies._set_site(
        "build-5", _site(read=DataRead(data_dir, TODAY, data_fingerprint(data_dir)))
    )
    alive = worker.send(data_fingerprint, data_dir)
    assert alive is not None and alive.result(timeout=120) == data_fingerprint(data_dir)


def test_a_rebuild_after_a_data_edit_takes_the_workers_pages_of_the_new_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As `mkdocs serve` rebuilds: the same process, the same worker, data/ edited between
    two builds. The second build's records' pages come from the worker, and show the edit."""
    taken: list[RecordBodies] = []
    original = RecordBodies.__init__

    def patient(self: RecordBodies, site: Site, pages: list[tuple[str, str, str, str]]) -> None:
        original(self, site, pages)
        for future in self.futures:
            assert future is not None
            future.result(timeout=120)
        taken.append(self)

    monkeypatch.setattr(RecordBodies, "__init__", patient)
    project = small_build.small_project(tmp_path)
    page = project / "site" / "meetings" / "summit-1999" / "index.html"
    for title in ("Summit of 1999", "Summit of the year 1999"):
        if title != "Summit of 1999":
            edit(project / "data", "meetings/meetings.yml", "title: Summit of 1999", f"title: {title}")
        outcome = small_build.run(project)
        assert outcome.error is None, outcome.output
        assert f'<h1 id="summit-1999">{title}' in page.read_text(encoding="utf-8")
    assert len(taken) == 2 and all(bodies.taken == sum(map(len, bodies.batches)) for bodies in taken)
