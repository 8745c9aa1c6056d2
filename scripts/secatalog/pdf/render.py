"""Render chunks in parallel processes with a content-hash cache, then assemble the editions."""

from __future__ import annotations

import functools
import hashlib
import importlib
import os
import resource
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
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


def render_all(
    jobs: list[Job], cache_dir: Path, workers: int | None = None, timeout: float = 300, memory_mb: int = 4096
) -> tuple[dict[str, Path], int, list[str]]:
    """Render jobs not in the cache. Returns files by job name, how many rendered, refused URLs."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    files = {job.name: cache_dir / f"{job.key}.pdf" for job in jobs}
    # Longest first: with few workers, a big chunk started last would leave the others idle.
    todo = sorted((job for job in jobs if not files[job.name].exists()), key=lambda j: -j.expected_pages)
    refused: list[str] = []
    if not todo:
        return files, 0, refused
    importlib.import_module("weasyprint")  # once, before the workers fork, not once in each
    workers = min(workers or os.cpu_count() or 1, len(todo))
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_limit_memory, initargs=(memory_mb,))
    try:
        futures = {job.name: pool.submit(_render, job, str(files[job.name])) for job in todo}
        expected = {job.name: job.expected_pages for job in todo}
        for name, future in futures.items():
            try:
                _, pages, blocked = future.result(timeout=timeout)
            except FutureTimeout:
                raise PrintError(f"인쇄용 PDF의 '{name}' 부분이 {timeout:.0f}초 안에 끝나지 않았습니다") from None
            except (MemoryError, BrokenProcessPool):
                raise PrintError(
                    f"인쇄용 PDF의 '{name}' 부분을 만들다 멈췄습니다 (메모리 한도 {memory_mb}MB를 넘었을 수 있습니다)"
                ) from None
            refused += blocked
            if pages != expected[name]:
                raise PrintError(
                    f"인쇄 배치 오류: '{name}' 부분이 계획한 {expected[name]}쪽이 아니라 "
                    f"{pages}쪽입니다 (secatalog 버그로 보입니다)"
                )
    finally:
        for process in list(getattr(pool, "_processes", {}).values()):
            if process.is_alive():
                process.terminate()
        pool.shutdown(wait=True, cancel_futures=True)
    return files, len(todo), refused
