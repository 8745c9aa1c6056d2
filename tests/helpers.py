"""Helpers for tests: the projects they work on, the CLI run as a user would, shared builds."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
import traceback
from contextlib import contextmanager
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "small-network"
PHOTOS = {"gaon-bakery/bread.jpg": (200, 160, 90), "haneul-clean/clean.jpg": (90, 140, 200)}


def draw_photo(
    path: Path,
    color: tuple[int, int, int] = (120, 160, 120),
    size: tuple[int, int] = (1300, 975),
    fmt: str = "JPEG",
    **save,
) -> Path:
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
    from secatalog.errors import ContentError
    from secatalog.read.project import load_project
    from secatalog.settings import Settings

    try:
        load_project(Settings(root))
    except ContentError as exc:
        return [str(p) for p in exc.report.errors]
    return []


@contextmanager
def _working_dir(path: Path):
    before = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run `secatalog ARGS` in this process (fast), as a user would in folder cwd.

    An exception the CLI did not turn into a Korean message shows up as a traceback in stderr,
    exactly where a user would have seen it."""
    from typer.testing import CliRunner

    from secatalog.cli.app import app

    with _working_dir(cwd):
        result = CliRunner().invoke(app, list(args), prog_name="secatalog")
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += "Traceback (most recent call last):\n" + "".join(traceback.format_exception(result.exception))
    return subprocess.CompletedProcess(["secatalog", *args], result.exit_code, result.stdout, stderr)


def run_cli_process(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the CLI in its own Python process (the smoke tests of the real entry point)."""
    return subprocess.run(
        [sys.executable, "-m", "secatalog.cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def build_site(root: Path, out: Path, *options: str) -> Path:
    """Build a project with the CLI (as a user would) and insist that it succeeds; what it told
    the user is kept beside the site (build_log)."""
    result = run_cli("build", *options, "--out", str(out), cwd=root)
    assert result.returncode == 0, result.stderr
    out.with_name(f"{out.name}.log").write_text(result.stderr, "utf-8")
    return out


def build_log(site: Path) -> str:
    """What `secatalog build` printed while building site (with build_site)."""
    return site.with_name(f"{site.name}.log").read_text("utf-8")


def shared_build(name: str, make) -> Path:
    """Build once per test session, whichever xdist worker asks first; the others wait and reuse.

    make(folder) builds into folder/out and returns it; the session folder is shared by workers."""
    shared = Path(os.environ["SECATALOG_TEST_CACHE"]) / "sites" / name
    shared.mkdir(parents=True, exist_ok=True)
    with open(shared / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = shared / ".done"
        if not done.exists():
            make(shared)
            done.touch()
    return shared / "out"
