"""Shared fixtures: the sample project, a copy of the small fixture network, built sites."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "small-network"
PHOTOS = {"gaon-bakery/bread.jpg": (200, 160, 90), "haneul-clean/clean.jpg": (90, 140, 200)}


def pytest_configure(config):
    """One fresh build cache per test session, shared by the xdist workers (they inherit it)."""
    if not hasattr(config, "workerinput") and "SECATALOG_TEST_CACHE" not in os.environ:
        os.environ["SECATALOG_TEST_CACHE"] = os.environ["SECATALOG_CACHE_DIR"] = tempfile.mkdtemp(
            prefix="secatalog-test-cache-")


def pytest_unconfigure(config):
    if not hasattr(config, "workerinput") and "SECATALOG_TEST_CACHE" in os.environ:
        shutil.rmtree(os.environ.pop("SECATALOG_TEST_CACHE"), ignore_errors=True)


def draw_photo(path: Path, color: tuple[int, int, int] = (120, 160, 120),
               size: tuple[int, int] = (1300, 975), fmt: str = "JPEG", **save) -> Path:
    im = Image.new("RGB", size, color)
    ImageDraw.Draw(im).rectangle((0, 0, size[0] // 2, size[1] // 3), fill=(250, 250, 250))
    im.save(path, fmt, **save)
    return path


def make_network(dest: Path) -> Path:
    """A fresh, valid copy of the fixture network with its photos drawn."""
    shutil.copytree(FIXTURE, dest)
    for rel, color in PHOTOS.items():
        draw_photo(dest / "content" / "enterprises" / rel, color)
    return dest


def entry(root: Path, slug: str) -> Path:
    return root / "content" / "enterprises" / slug / "enterprise.yml"


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def content_errors(root: Path) -> list[str]:
    """Every content error of a project, as the CLI would print them (empty when valid)."""
    from secatalog.config import Settings
    from secatalog.errors import ContentError
    from secatalog.project import load_project

    try:
        load_project(Settings(root))
    except ContentError as exc:
        return [str(p) for p in exc.report.errors]
    return []


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "secatalog.cli", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=600)


def build_site(root: Path, out: Path, *options: str) -> Path:
    """Build a project with the CLI (as a user would) and insist that it succeeds."""
    result = run_cli("build", *options, "--out", str(out), cwd=root)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture
def network(tmp_path: Path) -> Path:
    return make_network(tmp_path / "net")


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("fixture-site")
    return build_site(make_network(base / "net"), base / "out")


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sample-site") / "out"
    result = run_cli("build", "--out", str(out), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return out
