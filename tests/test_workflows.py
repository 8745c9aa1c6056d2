"""The GitHub workflows, as this repository runs them and as `secatalog init` writes them for a network:
the verdict on a pull request comes from the base revision, never from the pull request itself."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import ROOT
from secatalog.cli.app import app

SHIPPED = ROOT / "scripts/secatalog/templates/init/dot-github/workflows"
WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml")) + sorted(SHIPPED.glob("*.yml"))
CHECK_JSONSCHEMA = str(Path(sys.executable).with_name("check-jsonschema"))


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text("utf-8"))
    data["on"] = data.pop(True)  # YAML 1.1 reads the key `on` as true
    return data


def steps(data: dict) -> list[dict]:
    return [step for job in data["jobs"].values() for step in job.get("steps", [])]


def test_this_repository_runs_the_workflows_every_network_gets():
    mine = {p.name: p.read_text("utf-8") for p in (ROOT / ".github/workflows").glob("*.yml")}
    assert mine == {p.name: p.read_text("utf-8") for p in SHIPPED.glob("*.yml")}
    assert set(mine) == {"check.yml", "deploy.yml", "verify.yml"}


def test_workflows_validate_against_the_github_schema():
    result = subprocess.run(
        [CHECK_JSONSCHEMA, "--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOWS)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_workflows_are_safe(workflow):
    text = workflow.read_text("utf-8")
    data = load(workflow)
    assert data["permissions"] == {"contents": "read"}, "read-only unless a job needs one thing more"
    uses = re.findall(r"uses:\s*(\S+)", text)
    assert uses and all(re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", u) for u in uses), uses
    for step in steps(data):
        assert "${{" not in step.get("run", ""), f"expressions reach shells only through env: {step}"
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False
    assert "secrets." not in text


def test_pr_check_runs_the_base_revisions_workflow_and_tool_and_reads_the_pr_as_data():
    data = load(SHIPPED / "check.yml")
    assert data["on"] == {"pull_request_target": {"types": ["opened", "synchronize", "reopened"]}}, "every PR"
    [job] = data["jobs"].values()
    assert "permissions" not in job, "the job keeps the read-only token"
    checkouts = [s["with"] for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@")]
    assert checkouts[0] == {
        "ref": "${{ github.event.pull_request.base.sha }}",
        "path": "trusted",
        "persist-credentials": False,
    }
    assert checkouts[1]["ref"] == "${{ github.event.pull_request.head.sha }}" and checkouts[1]["path"] == "pr"
    runs = [s["run"] for s in job["steps"] if "run" in s]
    assert runs[0] == "bash trusted/scripts/setup.sh", "the tool is installed from the base revision's lock"
    for run in runs[1:]:
        words = shlex.split(run.split(">>")[0])
        assert words[0] == "trusted/.venv/bin/secatalog", f"only the base revision's tool runs: {run}"
        assert words[words.index("--root") + 1] == "pr", f"the PR is what it reads: {run}"
        assert "working-directory" not in str(job), "nothing runs inside the PR's folder"
    owners = next(s for s in job["steps"] if " owners " in s.get("run", ""))
    assert owners["if"].startswith("always()"), "the ownership rule runs even when the content check fails"
    assert "actions/cache" not in str(data), "a PR check never reads or writes a cache"


def test_only_the_trusted_branch_keeps_a_cache():
    data = load(SHIPPED / "deploy.yml")
    assert data["on"] == {"push": {"branches": ["main"]}, "workflow_dispatch": None}
    cache = next(s for s in steps(data) if s.get("uses", "").startswith("actions/cache@"))
    build = next(s for s in steps(data) if "secatalog build" in s.get("run", ""))
    assert build["env"]["SECATALOG_CACHE_DIR"] == cache["with"]["path"]


def test_weekly_verification_may_only_write_issues():
    data = load(SHIPPED / "verify.yml")
    assert data["on"]["schedule"] == [{"cron": "0 0 * * 1"}]
    [job] = data["jobs"].values()
    assert job["permissions"] == {"contents": "read", "issues": "write"}
    assert any("gh issue create" in s.get("run", "") for s in job["steps"])


def _commands(run: str) -> list[list[str]]:
    found = []
    for line in run.splitlines():
        words = shlex.split(line.split(">")[0], comments=True) if "secatalog " in line else []
        if words and words[0].endswith("/secatalog"):
            found.append([w for w in words[1:3] if not w.startswith("-")])
    return found


def test_every_command_a_workflow_runs_exists():
    import typer.main

    cli = typer.main.get_command(app)
    used = [cmd for path in WORKFLOWS for step in steps(load(path)) for cmd in _commands(step.get("run", ""))]
    assert len(used) >= 5
    for words in used:
        command = cli.commands.get(words[0])
        assert command is not None, f"secatalog {words[0]}"
        if hasattr(command, "commands") and len(words) > 1:
            assert words[1] in command.commands, f"secatalog {' '.join(words)}"
