"""Process every photo once: content-hash cache, one worker process per core, progress bar."""

from __future__ import annotations

import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .images import RECIPE, Derivative, content_key, derive

CACHE_VERSION = 1


@dataclass(frozen=True)
class ProcessedPhoto:
    """A photo's cached derivatives, ready to be copied into the site."""

    key: str
    files: tuple[tuple[Derivative, Path], ...]

    def web(self, fmt: str) -> list[tuple[Derivative, Path]]:
        return [(d, p) for d, p in self.files if d.role == "web" and d.fmt == fmt]

    @property
    def print_file(self) -> tuple[Derivative, Path]:
        return next((d, p) for d, p in self.files if d.role == "print")

    @property
    def largest_web(self) -> Derivative:
        return max((d for d, _ in self.files if d.role == "web"), key=lambda d: d.width)


def _manifest(out_dir: Path) -> Path:
    return out_dir / "manifest.json"


def _read_cached(out_dir: Path) -> tuple[tuple[Derivative, Path], ...] | None:
    try:
        data = json.loads(_manifest(out_dir).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("version") != CACHE_VERSION:
        return None
    files = tuple((Derivative(**d), out_dir / name) for d, name in data["files"])
    return files if all(p.exists() for _, p in files) else None


def _work(job: tuple[str, str, int]) -> tuple[str, list]:
    src, out, max_pixels = job
    out_dir = Path(out)
    results = derive(Path(src), out_dir, max_pixels)
    entries = [[{"width": d.width, "height": d.height, "fmt": d.fmt, "role": d.role}, p.name]
               for d, p in results]
    tmp = _manifest(out_dir).with_suffix(f".tmp{os.getpid()}")
    tmp.write_text(json.dumps({"version": CACHE_VERSION, "files": entries}), "utf-8")
    tmp.replace(_manifest(out_dir))
    return src, entries


class KeyCache:
    """Remember each photo's content hash by (size, mtime, inode), so unchanged files are not re-read."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.known: dict[str, list] = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            self.known = {}
        self.changed = False

    def key(self, src: Path) -> str:
        stat = src.stat()
        stamp = [stat.st_size, stat.st_mtime_ns, stat.st_ino]
        hit = self.known.get(str(src))
        if hit and hit[:3] == stamp:
            return hit[3]
        key = content_key(src)
        self.known[str(src)] = [*stamp, key]
        self.changed = True
        return key

    def save(self) -> None:
        if self.changed:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(f".tmp{os.getpid()}")
            tmp.write_text(json.dumps(self.known), "utf-8")
            tmp.replace(self.path)


def process(sources: list[Path], cache_dir: Path, max_pixels: int,
            workers: int | None = None) -> tuple[dict[Path, ProcessedPhoto], int]:
    """Return processed photos by source path, and how many had to be encoded."""
    done: dict[Path, ProcessedPhoto] = {}
    todo: list[tuple[str, str, int]] = []
    keys: dict[str, tuple[Path, str]] = {}
    hashes = KeyCache(cache_dir / f"keys-{RECIPE}.json")
    for src in dict.fromkeys(sources):
        key = hashes.key(src)
        out_dir = cache_dir / key[:2] / key
        cached = _read_cached(out_dir)
        if cached is not None:
            done[src] = ProcessedPhoto(key, cached)
        else:
            todo.append((str(src), str(out_dir), max_pixels))
            keys[str(src)] = (src, key)
    hashes.save()
    if todo:
        for src, entries in _run(todo, workers):
            path, key = keys[src]
            out_dir = cache_dir / key[:2] / key
            files = tuple((Derivative(**d), out_dir / name) for d, name in entries)
            done[path] = ProcessedPhoto(key, files)
    return done, len(todo)


def _run(jobs: list[tuple[str, str, int]], workers: int | None):
    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(jobs) == 1:
        yield from _with_progress(map(_work, jobs), len(jobs))
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from _with_progress(pool.map(_work, jobs, chunksize=4), len(jobs))


def _with_progress(results, total: int):
    if not sys.stderr.isatty() or total < 8:
        yield from results
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task("사진 처리", total=total)
        for item in results:
            bar.advance(task)
            yield item
