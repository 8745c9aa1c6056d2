"""Render chunks in parallel processes with a content-hash cache."""

from __future__ import annotations

import functools
import hashlib
import multiprocessing
import os
import resource
import time
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

# WeasyPrint takes over a second to import: only a build with chunks to render pays for it.
WEASYPRINT_VERSION = version("weasyprint")


class PrintError(Exception):
    """A chunk that could not be rendered, named so the secretariat knows where to look."""


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

    @property
    def key(self) -> str:
        digest = hashlib.sha256(f"{WEASYPRINT_VERSION}\0{self.expected_pages}\0{self.tagged}\0".encode())
        digest.update(self.html.encode("utf-8"))
        return digest.hexdigest()


def _limit_memory(megabytes: int) -> None:
    """Cap what one chunk may add to the address space its worker starts with: a worker forked
    from a large build process would otherwise start above a fixed cap and fail at random."""
    if megabytes:
        limit = _address_space() + megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _address_space() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


@functools.cache
def _fonts():
    """One font configuration per worker: our documents name system fonts only (no @font-face),
    and loading them again for every small document (a sheet, a profile) was a third of its cost."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def _render(job: Job, target: str) -> tuple[str, int, list[str]]:
    import weasyprint

    from .fetcher import RestrictedFetcher

    fetcher = RestrictedFetcher(Path(job.photos))
    document = weasyprint.HTML(string=job.html, url_fetcher=fetcher).render(font_config=_fonts())
    pages = len(document.pages)
    if pages == job.expected_pages:
        tmp = f"{target}.tmp{os.getpid()}"
        document.write_pdf(tmp, pdf_tags=job.tagged)
        os.replace(tmp, target)
    return job.name, pages, fetcher.refused


@dataclass(frozen=True)
class Task:
    """A job not made yet: its HTML is written when the pool has room for it, so a build holds the
    HTML of the chunks being rendered, never of every chunk of every book at once."""

    name: str
    pages: int
    make: Callable[[], Job]


def _made(task: Job | Task) -> Job:
    return task if isinstance(task, Job) else task.make()


def _pages(task: Job | Task) -> int:
    return task.expected_pages if isinstance(task, Job) else task.pages


@functools.cache
def _context():
    """Workers fork from a small server process that has imported WeasyPrint once, not from the
    build: a worker forked from a build holding a national catalog would carry all of it."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["weasyprint", __name__])
    return context


def render_all(
    tasks: Iterable[Job | Task],
    cache_dir: Path,
    workers: int | None = None,
    timeout: float = 300,
    memory_mb: int = 4096,
) -> tuple[dict[str, Path], int, list[str]]:
    """Render jobs not in the cache, longest first (with few workers, a big chunk started last
    would leave the others idle). Returns files by job name, how many rendered, refused URLs."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    tasks = sorted(tasks, key=lambda task: -_pages(task))
    workers = max(1, min(workers or os.cpu_count() or 1, len(tasks)))
    files: dict[str, Path] = {}
    running: dict[Future, tuple[Job, float]] = {}
    refused: list[str] = []
    rendered = 0
    pool = None
    try:
        for task in tasks:
            job = _made(task)
            files[job.name] = target = cache_dir / f"{job.key}.pdf"
            if target.exists():
                continue
            if pool is None:
                pool = ProcessPoolExecutor(workers, _context(), initializer=_limit_memory, initargs=(memory_mb,))
            while len(running) >= workers:
                refused += _finish_one(running, timeout, memory_mb)
            running[pool.submit(_render, job, str(target))] = (job, time.monotonic())
            rendered += 1
        while running:
            refused += _finish_one(running, timeout, memory_mb)
    finally:
        if pool is not None:
            for process in list(getattr(pool, "_processes", {}).values()):
                if process.is_alive():
                    process.terminate()
            pool.shutdown(wait=True, cancel_futures=True)
    return files, rendered, refused


def _finish_one(running: dict[Future, tuple[Job, float]], timeout: float, memory_mb: int) -> list[str]:
    """Wait for one running job to end; check its pages. Returns the URLs it refused."""
    oldest = min(started for _, started in running.values())
    done, _ = wait(running, timeout=max(0.0, oldest + timeout - time.monotonic()), return_when=FIRST_COMPLETED)
    if not done:
        late = min(running.values(), key=lambda entry: entry[1])[0]
        raise PrintError(f"인쇄용 PDF의 '{late.name}' 부분이 {timeout:.0f}초 안에 끝나지 않았습니다")
    future = done.pop()
    job, _ = running.pop(future)
    try:
        _, pages, refused = future.result()
    except (MemoryError, BrokenProcessPool):
        raise PrintError(
            f"인쇄용 PDF의 '{job.name}' 부분을 만들다 멈췄습니다 (메모리 한도 {memory_mb}MB를 넘었을 수 있습니다)"
        ) from None
    if pages != job.expected_pages:
        raise PrintError(
            f"인쇄 배치 오류: '{job.name}' 부분이 계획한 {job.expected_pages}쪽이 아니라 "
            f"{pages}쪽입니다 (secatalog 버그로 보입니다)"
        )
    return refused
