"""Repository conventions: the CI workflow runs what .ci/run runs with a read-only token,
pre-commit runs the project's own tools, the spell check passes, code has owners."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

from macros.core.yaml_strict import parse

WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"


def _yaml(path: Path) -> dict:
    # our strict reader: `on:` stays a key (YAML 1.1 would read it as true)
    doc = parse(path.read_bytes())
    assert isinstance(doc, dict)
    return doc


def test_the_workflow_runs_on_pull_requests_only_with_a_read_only_token() -> None:
    workflow = _yaml(WORKFLOW)
    assert set(workflow["on"]) == {"pull_request"}
    assert workflow["permissions"] == {"contents": "read"}
    [job] = workflow["jobs"].values()
    assert "permissions" not in job and "secrets" not in str(workflow)
    checkout = next(s for s in job["steps"] if str(s.get("uses", "")).startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False
    assert checkout["with"]["fetch-depth"] == 0  # the pages' last changes need the history


def test_the_workflow_runs_ci_run_and_keeps_the_site_offline_copy_and_pdf() -> None:
    [job] = _yaml(WORKFLOW)["jobs"].values()
    runs = [s.get("run", "") for s in job["steps"]]
    assert "bash .ci/run" in runs
    assert "make build offline pdf" in runs
    upload = next(s for s in job["steps"] if str(s.get("uses", "")).startswith("actions/upload-artifact@"))
    paths = upload["with"]["path"].split()
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert paths[0] == "site/"
    for artifact in paths[1:]:
        assert artifact in makefile, artifact  # the files `make offline` and `make pdf` write


def test_pre_commit_hooks_run_the_projects_pinned_tools() -> None:
    config = _yaml(ROOT / ".pre-commit-config.yaml")
    hooks = {h["id"]: h for repo in config["repos"] for h in repo["hooks"]}
    assert set(hooks) == {"ruff", "ruff-format", "data-check", "schema-drift", "codespell"}
    requirements = (ROOT / "requirements.txt").read_text(encoding="utf-8").lower().split()
    for hook in hooks.values():
        tool = hook["entry"].split()[0]
        assert tool.startswith(".venv/bin/"), hook["id"]
        name = Path(tool).name
        assert name == "python" or any(r.startswith(f"{name}==") for r in requirements), hook["id"]
    assert hooks["data-check"]["entry"].endswith("-m macros check")
    assert hooks["schema-drift"]["entry"].endswith("-m macros schema --check")


def _codespell(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "codespell_lib", *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def test_the_spell_check_passes_on_the_repository() -> None:
    result = _codespell()
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_spell_check_can_fail(tmp_path: Path) -> None:
    typo = tmp_path / "note.md"
    misspelt = "t" + "eh"  # spelt out here, this file would fail the check itself
    typo.write_text(f"The summit was held in {misspelt} capital.\n", encoding="utf-8")
    result = _codespell(str(typo))
    assert result.returncode != 0 and f"{misspelt} ==> the" in result.stdout


def test_code_and_configuration_have_owners() -> None:
    lines = [
        line.split()
        for line in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    owned = {parts[0] for parts in lines}
    for path in (
        "/macros/",
        "/hooks/",
        "/mkdocs.yml",
        "/Makefile",
        "/requirements.txt",
        "/.github/",
        "/.ci/",
    ):
        assert path in owned, path
    assert all(parts[1:] == ["@OWNER"] for parts in lines)  # the marked placeholder, no invented people
