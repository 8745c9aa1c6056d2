"""Where `secatalog build` writes: the project's site/, and nothing else in the project."""

from __future__ import annotations

import subprocess

import pytest

from helpers import ROOT, entry, replace_in, run_cli

pytestmark = pytest.mark.slow


def test_build_with_root_writes_into_the_project_and_leaves_no_old_site(network, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    first = run_cli("build", "--root", str(network), "--skip-print", cwd=elsewhere)
    assert first.returncode == 0, first.stderr
    assert (network / "site" / "index.html").is_file()
    assert not (elsewhere / "site").exists()
    assert f"완료: {network / 'site'}" in first.stderr

    replace_in(entry(network, "gaon-bakery"), "price: 6000", "price: 6500")
    second = run_cli("build", "--root", str(network), "--skip-print", cwd=elsewhere)
    assert second.returncode == 0, second.stderr
    assert "6,500원" in (network / "site/items/gaon-bakery/rice-bread/index.html").read_text("utf-8")
    # The replaced build is not left beside it, where git would offer to commit it.
    assert sorted(p.name for p in network.iterdir() if p.name.startswith(".site")) == []


def test_gitignore_ignores_build_folders(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / ".gitignore").write_text((ROOT / ".gitignore").read_text("utf-8"), "utf-8")
    for name in (".site.old-123", ".site.building-456", "site"):
        (repo / name).mkdir()
        (repo / name / "index.html").write_text("x", "utf-8")
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"], cwd=repo, capture_output=True, text=True, check=True
    )
    assert status.stdout.strip() == "?? .gitignore"
