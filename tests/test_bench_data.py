"""The benchmark's synthetic data passes the checks, so `make bench` measures real builds."""

from __future__ import annotations

import shutil
from pathlib import Path

from bench.synthetic import data_files
from conftest import TODAY

from macros.core.dataset import build_dataset


def test_synthetic_records_pass_every_check(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(Path(__file__).parent / "fixtures" / "valid" / "data", data)
    (data / "countries" / "turkiye.yml").write_text(
        "- id: turkiye\n  name: Türkiye\n  adjective: Turkish\n", encoding="utf-8"
    )
    for rel, text in data_files(40).items():
        (data / rel).write_text(text + "\n", encoding="utf-8")
    dataset = build_dataset(data, today=TODAY)
    bench = [m for m in dataset.meetings if m.startswith("bench-")]
    assert len(bench) == 40 and sum(c.startswith("bench-") for c in dataset.claims) == 120
    assert sum(p.startswith("bench-") for p in dataset.people) == 20
