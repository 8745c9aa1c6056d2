"""Render chunks in parallel processes with a content-hash cache."""

from __future__ import annotations

import functools
import hashlib
import json
import multiprocessing
import os
import resource
import select
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import astuple, dataclass
from importlib.metadata import version
from pathlib import Path
from typing import NamedTuple

from ..errors import PrintError
from .overflow import Clipped, clipped_text

# WeasyPrint takes over a second to import: only a build with chunks to render pays for it.
WEASYPRINT_VERSION = version("weasyprint")
PART_FORMAT = 3
"""What a cached part holds; 2: its font faces are recorded beside it (fonts.py); 3: and the
text its layout cuts (overflow.py), so a build from the cache reports it too."""
CLIPPED = ".clipped.json"


@dataclass(frozen=True)
class Job:
    """One chunk of one edition, ready to render."""

    name: str
    html: str
    expected_pages: int
    photos: str
    """The folder photo: URLs are read from (the photo cache)."""
    tagged: bool = False
    """Write a structure tree (headings, paragraphs, tables, alt text) for screen readers."""
    stylesheet: str = ""
    """The CSS every chunk of a build shares: parsed once per worker, not once per chunk (it was a
    fifth of a small chunk's cost). It cascades below the document's own styles (user origin)."""

    @property
    def key(self) -> str:
        digest = hashlib.sha256(f"{PART_FORMAT}\0{WEASYPRINT_VERSION}\0{self.expected_pages}\0{self.tagged}\0".encode())
        digest.update(self.html.encode("utf-8"))
        digest.update(b"\0" + self.stylesheet.encode("utf-8"))
        return digest.hexdigest()


def _start_worker(megabytes: int, build: int) -> None:
    _limit_memory(megabytes)
    _end_with(build)


def _limit_memory(megabytes: int) -> None:
    """Cap what one chunk may add to the address space its worker starts with: a worker forked
    from a large build process would otherwise start above a fixed cap and fail at random."""
    if megabytes:
        limit = _address_space() + megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _end_with(build: int) -> None:
    """Exit as soon as the build process is gone. A build that is killed (SIGKILL, or a CI job
    cancelled) cannot stop its workers, and a worker holds its own queue's pipes open, so it would
    wait for work forever, and keep the fork server and resource tracker alive with it."""
    if not hasattr(os, "pidfd_open"):  # (Linux only; elsewhere a killed build leaves them)
        return
    try:
        watched = os.pidfd_open(build)
    except ProcessLookupError:
        os._exit(1)

    def wait_for_exit() -> None:
        select.select([watched], [], [])  # readable once the process has ended
        os._exit(1)

    threading.Thread(target=wait_for_exit, name="end-with-build", daemon=True).start()


def _address_space() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


@functools.cache
def _fonts():
    """One font configuration per worker: our documents name system fonts only (no @font-face),
    and loading them again for every small document (a sheet, a profile) was a third of its cost."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


@functools.lru_cache(maxsize=4)
def _stylesheet(css: str, photos: str):
    import weasyprint

    from .fetcher import RestrictedFetcher

    return weasyprint.CSS(string=css, url_fetcher=RestrictedFetcher(Path(photos)), font_config=_fonts())


def _render(job: Job, target: str) -> tuple[str, int, list[str], list[Clipped]]:
    import weasyprint

    from . import fonts
    from .fetcher import RestrictedFetcher

    fetcher = RestrictedFetcher(Path(job.photos))
    shared = [_stylesheet(job.stylesheet, job.photos)] if job.stylesheet else []
    document = weasyprint.HTML(string=job.html, url_fetcher=fetcher).render(font_config=_fonts(), stylesheets=shared)
    pages = len(document.pages)
    clipped: list[Clipped] = []
    if pages == job.expected_pages:  # (otherwise the build stops: nothing to report)
        clipped = clipped_text(document)
        tmp = f"{target}.tmp{os.getpid()}"
        document.write_pdf(tmp, pdf_tags=job.tagged)
        fonts.record(document, Path(target).parent, target)  # (before the part itself appears)
        _write_clipped(target, clipped)
        os.replace(tmp, target)
    return job.name, pages, fetcher.refused, clipped


def _write_clipped(target: str, clipped: list[Clipped]) -> None:
    tmp = f"{target}{CLIPPED}.tmp{os.getpid()}"
    Path(tmp).write_text(json.dumps([astuple(c) for c in clipped], ensure_ascii=False), "utf-8")
    os.replace(tmp, f"{target}{CLIPPED}")


def _read_clipped(target: Path) -> list[Clipped]:
    try:
        return [Clipped(*row) for row in json.loads(Path(f"{target}{CLIPPED}").read_text("utf-8"))]
    except (OSError, ValueError, TypeError):
        return []  # (a part cached before the check; PART_FORMAT keeps those apart)


@dataclass(frozen=True)
class Task:
    """A job not made yet: its HTML is written when the pool has room for it, so a build holds the
    HTML of the chunks being rendered, never of every chunk of every book at once."""

    name: str
    make: Callable[[], Job]


def _made(task: Job | Task) -> Job:
    return task if isinstance(task, Job) else task.make()


@functools.cache
def _context():
    """Workers fork from a small server process that has imported WeasyPrint once, not from the
    build: a worker forked from a build holding a national catalog would carry all of it."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["weasyprint", __name__])
    return context


class Rendered(NamedTuple):
    files: dict[str, Path]
    """Each job's PDF, by job name."""
    count: int
    """How many jobs were rendered (the others came from the cache)."""
    refused: list[str]
    """Addresses the documents asked for and did not get (fetcher.py)."""
    clipped: dict[str, list[Clipped]]
    """Text each job's layout cuts, by job name (only jobs with any)."""


def render_all(
    tasks: Iterable[Job | Task],
    cache_dir: Path,
    workers: int | None = None,
    timeout: float = 300,
    memory_mb: int = 4096,
    done: Callable[[str, Path], None] | None = None,
) -> Rendered:
    """Render jobs not in the cache, in the order given: book order, so each book's join can follow
    its parts as they finish (chunks are at most plan.CHUNK_PAGES pages: none straggles). One job
    waits beyond the running ones, so no worker idles while the next HTML is made or a part is
    joined. done(name, file) is called as each job's file is ready, at once for one in the cache."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    tasks = list(tasks)
    workers = max(1, min(workers or os.cpu_count() or 1, len(tasks)))
    ready = done or (lambda name, path: None)
    files: dict[str, Path] = {}
    running = _Running(workers, timeout, memory_mb)
    rendered = 0
    pool = None
    try:
        for task in tasks:
            job = _made(task)
            files[job.name] = target = cache_dir / f"{job.key}.pdf"
            if target.exists():
                running.note_clipped(job.name, _read_clipped(target))
                ready(job.name, target)
                continue
            if pool is None:
                pool = ProcessPoolExecutor(
                    workers, _context(), initializer=_start_worker, initargs=(memory_mb, os.getpid())
                )
            while running.full():
                ready(*running.finish_one())
            running.add(pool.submit(_render, job, str(target)), job, target)
            rendered += 1
        while running.jobs:
            ready(*running.finish_one())
    finally:
        if pool is not None:
            for process in list(getattr(pool, "_processes", {}).values()):
                if process.is_alive():
                    process.terminate()
            pool.shutdown(wait=True, cancel_futures=True)
    return Rendered(files, rendered, running.refused, running.clipped)


@dataclass
class _InPool:
    job: Job
    target: Path
    started: float | None
    """None while the job waits for a worker: its time limit counts from when one is free."""


class _Running:
    """The jobs in the pool, in the order they were given to it."""

    def __init__(self, workers: int, timeout: float, memory_mb: int) -> None:
        self.workers, self.timeout, self.memory_mb = workers, timeout, memory_mb
        self.jobs: dict[Future, _InPool] = {}
        self.refused: list[str] = []
        self.clipped: dict[str, list[Clipped]] = {}

    def note_clipped(self, name: str, clipped: list[Clipped]) -> None:
        if clipped:
            self.clipped[name] = clipped

    def full(self) -> bool:
        return len(self.jobs) > self.workers

    def add(self, future: Future, job: Job, target: Path) -> None:
        started = time.monotonic() if len(self.jobs) < self.workers else None
        self.jobs[future] = _InPool(job, target, started)

    def finish_one(self) -> tuple[str, Path]:
        """Wait for one job to end and check its pages; returns its name and file."""
        oldest = next(entry for entry in self.jobs.values() if entry.started is not None)  # started in order
        left = max(0.0, oldest.started + self.timeout - time.monotonic())
        finished, _ = wait(self.jobs, timeout=left, return_when=FIRST_COMPLETED)
        if not finished:
            raise PrintError(f"인쇄용 PDF의 '{oldest.job.name}' 부분이 {self.timeout:.0f}초 안에 끝나지 않았습니다")
        future = finished.pop()
        entry = self.jobs.pop(future)
        job, target = entry.job, entry.target
        waiting = next((entry for entry in self.jobs.values() if entry.started is None), None)
        if waiting is not None:  # a worker is free: the job that waited starts now
            waiting.started = time.monotonic()
        try:
            _, pages, refused, clipped = future.result()
        except (MemoryError, BrokenProcessPool):
            raise PrintError(
                f"인쇄용 PDF의 '{job.name}' 부분을 만들다 멈췄습니다 "
                f"(메모리 한도 {self.memory_mb}MB를 넘었을 수 있습니다)"
            ) from None
        if pages != job.expected_pages:
            raise PrintError(
                f"인쇄 배치 오류: '{job.name}' 부분이 계획한 {job.expected_pages}쪽이 아니라 "
                f"{pages}쪽입니다 (secatalog 버그로 보입니다)"
            )
        self.refused += refused
        self.note_clipped(job.name, clipped)
        return job.name, target
