"""Fixtures: the sample and fixture sites built once per session, a fresh fixture network per test."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from helpers import ROOT, build_site, make_network, shared_build

# Builds the sample site in the background while the first tests run (see pytest_configure).
_EARLY_BUILD = (
    "import sys; sys.path.insert(0, sys.argv[1]); from helpers import ROOT, build_site, shared_build; "
    "shared_build('sample', lambda folder: build_site(ROOT, folder / 'out'))"
)


def pytest_configure(config):
    """One fresh build cache per test session, shared by the xdist workers (they inherit it).

    In a parallel run the sample site, which many tests read, is built by a third process from
    the start, so no worker sits idle waiting for it; whoever needs it first waits on its lock."""
    if hasattr(config, "workerinput") or "SECATALOG_TEST_CACHE" in os.environ:
        return
    os.environ["SECATALOG_TEST_CACHE"] = os.environ["SECATALOG_CACHE_DIR"] = tempfile.mkdtemp(
        prefix="secatalog-test-cache-"
    )
    if getattr(config.option, "numprocesses", None):
        config.secatalog_early_build = subprocess.Popen(
            [sys.executable, "-c", _EARLY_BUILD, str(Path(__file__).parent)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )


def pytest_unconfigure(config):
    if hasattr(config, "workerinput") or "SECATALOG_TEST_CACHE" not in os.environ:
        return
    early = getattr(config, "secatalog_early_build", None)
    if early is not None:
        early.kill()
        early.wait()
    shutil.rmtree(os.environ.pop("SECATALOG_TEST_CACHE"), ignore_errors=True)


@pytest.fixture
def network(tmp_path: Path) -> Path:
    return make_network(tmp_path / "net")


@pytest.fixture(scope="session")
def fixture_site() -> Path:
    return shared_build("fixture", lambda folder: build_site(make_network(folder / "net"), folder / "out"))


@pytest.fixture(scope="session")
def sample_site() -> Path:
    return shared_build("sample", lambda folder: build_site(ROOT, folder / "out"))
