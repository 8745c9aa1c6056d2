"""Process every photo once: content-hash cache, one worker process per core, progress bar."""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .. import images
from ..images import RECIPE, Derivative, content_key, derive

CACHE_VERSION = 1
# Every name a manifest may list: derivatives are written as "<width>.<ext>" or "print.jpg".
_DERIVED_NAME = re.compile(r"^(?:[0-9]{1,5}|print)\.(?:webp|jpg)$")


@dataclass(frozen=True)
class ProcessedPhoto:
    """A photo's cached derivatives, ready to be copied into the site."""

    key: str
    files: tuple[tuple[Derivative, str], ...]
    """Each derivative and its cached file; paths as text: 40,000 Path objects were a tenth of
    a 10,000-item build's memory."""

    def web(self, fmt: str) -> list[tuple[Derivative, str]]:
        return [(d, p) for d, p in self.files if d.role == "web" and d.fmt == fmt]

    @property
    def print_file(self) -> tuple[Derivative, str]:
        return next((d, p) for d, p in self.files if d.role == "print")

    @property
    def largest_web(self) -> Derivative:
        return max((d for d, _ in self.files if d.role == "web"), key=lambda d: d.width)

    def web_files(self):
        """(site file name, cached file) of each web derivative."""
        for derivative, path in self.files:
            if derivative.role == "web":
                yield derivative.name(self.key), path


def publish(photos, folder: Path) -> None:
    """Copy every photo's web derivatives into the site's photo folder. Files are named by
    content, so one already there is this very file (a preview's earlier build). Done here
    rather than as mkdocs files: 40,000 of those held memory to the end."""
    folder.mkdir(parents=True, exist_ok=True)
    present = {entry.name for entry in os.scandir(folder)}
    for processed in photos:
        for name, path in processed.web_files():
            if name not in present:
                shutil.copyfile(path, folder / name)
                present.add(name)


def _manifest(out_dir: Path) -> Path:
    return out_dir / "manifest.json"


def _read_cached(out_dir: Path) -> tuple[tuple[Derivative, str], ...] | None:
    try:
        data = json.loads(_manifest(out_dir).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    try:
        if data.get("version") != CACHE_VERSION:
            return None
        files = tuple((_derivative(d), str(_derived_file(out_dir, name))) for d, name in data["files"])
    except (AttributeError, KeyError, TypeError, ValueError):
        return None  # not what we write: derive again
    return files if files and all(os.path.isfile(p) and not os.path.islink(p) for _, p in files) else None


def _derivative(d: dict) -> Derivative:
    width, height, fmt, role = d["width"], d["height"], d["fmt"], d["role"]
    if not (type(width) is int and type(height) is int and fmt in ("WEBP", "JPEG") and role in ("web", "print")):
        raise ValueError("unexpected derivative")
    return _shared_derivative(width, height, fmt, role)


@functools.lru_cache(maxsize=4096)
def _shared_derivative(width: int, height: int, fmt: str, role: str) -> Derivative:
    """One object per size and format: most photos share them, and each manifest read would
    otherwise keep its own copies of the same four values (a tenth of a photo's memory)."""
    return Derivative(width, height, sys.intern(fmt), sys.intern(role))


def _derived_file(out_dir: Path, name: object) -> Path:
    """A manifest names files in its own folder only, by the pattern derive() writes."""
    if not isinstance(name, str) or not _DERIVED_NAME.fullmatch(name):
        raise ValueError(f"unexpected file name in photo cache: {name!r}")
    return out_dir / name


def _work(job: tuple[str, str, int]) -> tuple[str, list | images.ImageProblem]:
    """Derive one photo; its problem instead of derivatives when it cannot be decoded."""
    src, out, max_pixels = job
    out_dir = Path(out)
    try:
        results = derive(Path(src), out_dir, max_pixels)
    except Exception as exc:
        return src, images.problem_of(exc)
    entries = [[{"width": d.width, "height": d.height, "fmt": d.fmt, "role": d.role}, p.name] for d, p in results]
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


@dataclass
class Processed:
    """Photos ready for the site, how many were encoded now, and those that cannot be decoded."""

    photos: dict[Path, ProcessedPhoto]
    encoded: int
    failed: dict[Path, images.ImageProblem]


def _uncached(
    sources: list[Path], cache_dir: Path, save_keys: bool, known: dict[str, ProcessedPhoto] | None = None
) -> tuple[dict[Path, ProcessedPhoto], dict[Path, str]]:
    """Split sources into cached photos and the rest (with their content keys); known holds
    photos this process already found in the cache (a preview's earlier builds), by key."""
    done: dict[Path, ProcessedPhoto] = {}
    todo: dict[Path, str] = {}
    known = known or {}
    hashes = KeyCache(cache_dir / f"keys-{RECIPE}.json")
    for src in dict.fromkeys(sources):
        key = hashes.key(src)
        cached = known[key].files if key in known else _read_cached(cache_dir / key[:2] / key)
        if cached is not None:
            done[src] = ProcessedPhoto(key, cached)
        else:
            todo[src] = key
    if save_keys:
        hashes.save()
    return done, todo


def process(
    sources: list[Path],
    cache_dir: Path,
    max_pixels: int,
    workers: int | None = None,
    known: dict[str, ProcessedPhoto] | None = None,
) -> Processed:
    """Derive every photo not in the cache; report the ones that cannot be decoded."""
    done, todo = _uncached(sources, cache_dir, save_keys=True, known=known)
    jobs = [(str(src), str(cache_dir / key[:2] / key), max_pixels) for src, key in todo.items()]
    failed = {}
    for src, entries in _run(_work, jobs, workers):
        path = Path(src)
        if isinstance(entries, images.ImageProblem):
            failed[path] = entries
            continue
        out_dir = cache_dir / todo[path][:2] / todo[path]
        files = tuple((_shared_derivative(**d), str(out_dir / name)) for d, name in entries)
        done[path] = ProcessedPhoto(todo[path], files)
    return Processed(done, len(jobs), failed)


def _verify_one(job: tuple[str, int]) -> tuple[str, images.ImageProblem | None]:
    return job[0], images.decode_problem(Path(job[0]), job[1])


def verify(
    sources: list[Path], cache_dir: Path, max_pixels: int, workers: int | None = None
) -> dict[Path, images.ImageProblem]:
    """Decode every photo the cache has not seen, writing nothing: what `check` runs."""
    _, todo = _uncached(sources, cache_dir, save_keys=False)
    jobs = [(str(src), max_pixels) for src in todo]
    return {Path(src): problem for src, problem in _run(_verify_one, jobs, workers) if problem}


def _run(work, jobs: list, workers: int | None):
    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(jobs) <= 1:
        yield from _with_progress(map(work, jobs), len(jobs))
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from _with_progress(pool.map(work, jobs, chunksize=4), len(jobs))


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
