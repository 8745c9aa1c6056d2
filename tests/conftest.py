"""Fixtures: the sample and fixture sites built once per session, a fresh fixture network per test."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from browser import browser
from helpers import ROOT, build_site, make_network, shared_build

# Fixtures that build a whole site: a test using one is slow, whatever else it does.
SITE_FIXTURES = {"sample_site", "fixture_site", "trust_site", "hostile_site", "previous"}
# Builds the sample site in a process of its own (see pytest_collection_modifyitems).
_EARLY_BUILD = (
    "import sys; sys.path.insert(0, sys.argv[1]); from helpers import ROOT, build_site, shared_build; "
    "shared_build('sample', lambda folder: build_site(ROOT, folder / 'out'))"
)


def pytest_configure(config):
    """One fresh build cache per test session, shared by the xdist workers (they inherit it),
    and one build date for the whole session, so that any two builds of a project must match."""
    if not hasattr(config, "workerinput"):
        midnight = datetime.combine(date.today(), time(), tzinfo=UTC)
        os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(midnight.timestamp())))
    if not hasattr(config, "workerinput") and "SECATALOG_TEST_CACHE" not in os.environ:
        os.environ["SECATALOG_TEST_CACHE"] = os.environ["SECATALOG_CACHE_DIR"] = tempfile.mkdtemp(
            prefix="secatalog-test-cache-"
        )
        config.secatalog_owns_cache = True


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """A test that uses a built site is slow, whatever else it does (before -m selects).

    Tests that read the sample site run last: the workers do everything else while a third
    process builds the sample (the longest build), instead of waiting for it together."""
    for item in items:
        if _sites(item) & SITE_FIXTURES:
            item.add_marker(pytest.mark.slow)
    items.sort(key=lambda item: "sample_site" in _sites(item))


def _sites(item) -> set[str]:
    """The fixtures a test uses, and the names it takes by parameter (request.getfixturevalue)."""
    params = getattr(getattr(item, "callspec", None), "params", {})
    return set(getattr(item, "fixturenames", ())) | {v for v in params.values() if isinstance(v, str)}


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session):
    """When a selected test reads the sample site, build it at once in a third process, so no
    worker sits idle waiting for it (whoever needs it first waits on its lock; built once)."""
    if any("sample_site" in _sites(item) for item in session.items):
        _start_early_build(session.config)


def _start_early_build(config) -> None:
    started = Path(os.environ["SECATALOG_TEST_CACHE"]) / "sample-build-started"
    started.parent.mkdir(parents=True, exist_ok=True)  # a cache named in the environment may not exist yet
    try:
        os.close(os.open(started, os.O_CREAT | os.O_EXCL))
    except FileExistsError:
        return  # another worker started it
    config.secatalog_early_build = subprocess.Popen(
        [sys.executable, "-c", _EARLY_BUILD, str(Path(__file__).parent)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def pytest_unconfigure(config):
    early = getattr(config, "secatalog_early_build", None)
    if early is not None:
        early.wait()  # a worker that started it waits for it: the other may still need the site
    if getattr(config, "secatalog_owns_cache", False):
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


@pytest.fixture(scope="session")
def chromium():
    """One browser per worker for every test that needs one: a launch costs about a CPU-second."""
    with browser() as instance:
        yield instance


@pytest.fixture(scope="session")
def _worker_tab(chromium):
    page = chromium.new_page()
    yield page
    page.close()


@pytest.fixture
def tab(_worker_tab):
    """tab(width, height): the worker's one browser tab at that viewport. A new tab costs a renderer
    started cold (measured: 0.85 CPU-s a page load in a new tab, 0.26 in a used one), so tests that
    only load pages and look share it; a test that adds routes, listeners or print media opens its own.
    Each test finds it blank, its storage cleared."""

    def at(width: int = 1280, height: int = 900):
        _worker_tab.set_viewport_size({"width": width, "height": height})
        return _worker_tab

    yield at
    if _worker_tab.url.startswith("http"):
        _worker_tab.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
    _worker_tab.goto("about:blank")


@pytest.fixture
def new_tab(chromium):
    """new_tab(**options): a tab of its own (own context: options such as viewport or
    java_script_enabled), closed after the test."""
    opened = []

    def make(**options):
        context = chromium.new_context(**options)
        opened.append(context)
        return context.new_page()

    yield make
    for context in opened:
        context.close()
