"""Whether anything a build reads changed since the last build into the same folder.

`secatalog build` validates everything on every run, then compares a fingerprint of its inputs
with the one recorded by the last successful build into the same output folder. When nothing
changed, the folder already holds exactly what the build would write, so it is kept (as make and
ninja do): a national catalog's no-change rebuild costs its validation, not minutes.

The fingerprint covers, conservatively:
- every file of the project folder (name, size and modification time), hidden folders and the
  output itself excepted: entries, photos, configuration, theme, hand-written pages, hooks;
- the secatalog package's own files and the installed distributions' versions (new code or a
  new mkdocs-material rebuilds);
- the build date (expiry verdicts and "현재" dates), the git commit (the "최종 수정" dates) and
  whether print editions are made.
The record lives in the cache (outside the project), named after the output folder.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import subprocess
from importlib import metadata
from pathlib import Path

from ..settings import Settings

PACKAGE = Path(__file__).parents[1]
SKIPPED_DIRS = {"__pycache__", "node_modules"}


class _Digest:
    def __init__(self) -> None:
        self._hash = hashlib.blake2b(digest_size=20)

    def feed(self, *parts: object) -> None:
        self._hash.update("\0".join(map(str, parts)).encode("utf-8", "surrogateescape") + b"\n")

    def tree(self, label: str, folder: Path, skip: Path | None = None) -> None:
        for path, stat in _files(folder, skip):
            self.feed(label, path.relative_to(folder.resolve()).as_posix(), stat.st_size, stat.st_mtime_ns)

    def environment(self, settings: Settings) -> None:
        """What every build shares besides the project's files: the date, the commit, the code."""
        self.feed("date", settings.date.isoformat(), "commit", _commit(settings.root))
        self.tree("code", PACKAGE)
        for name, version in _distributions():
            self.feed("dist", name, version)

    def hexdigest(self) -> str:
        return self._hash.hexdigest()


def fingerprint(settings: Settings, out: Path, with_print: bool) -> str:
    digest = _Digest()
    digest.environment(settings)
    digest.feed("print", with_print)
    digest.tree("project", settings.root, skip=out)
    return digest.hexdigest()


def shared_inputs(settings: Settings, theme_dirs: list[Path]) -> str:
    """What every page of a preview shares: configuration, case book, bundles, hand-written
    pages, the theme, the code, the date and the commit; member entries are judged one by one
    (memo.py). `secatalog serve` renders everything again when this changes."""
    digest = _Digest()
    digest.environment(settings)
    root = settings.root.resolve()
    for folder in (settings.catalog_dir, root / "casebook", settings.content_dir, *theme_dirs):
        if folder.resolve().is_relative_to(root):  # material's own theme: covered by the versions below
            digest.tree(str(folder), folder, skip=settings.enterprises_dir)
    for path, stat in _files(root, None, depth=0):
        digest.feed("top", path.name, stat.st_size, stat.st_mtime_ns)  # mkdocs.yml and its neighbours
    return digest.hexdigest()


def unchanged(settings: Settings, out: Path, current: str) -> bool:
    """True when out holds the complete result of a build whose inputs had this fingerprint."""
    try:
        record = json.loads(_record(settings, out).read_text("utf-8"))
    except (OSError, ValueError):
        return False
    return record.get("fingerprint") == current and out.is_dir() and record.get("files") == _count(out)


def remember(settings: Settings, out: Path, current: str) -> None:
    path = _record(settings, out)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    temporary.write_text(json.dumps({"out": str(out), "fingerprint": current, "files": _count(out)}), "utf-8")
    temporary.replace(path)


def forget(settings: Settings, out: Path) -> None:
    """Before a build replaces out: a build that fails half-way must not be taken as current."""
    _record(settings, out).unlink(missing_ok=True)


def _record(settings: Settings, out: Path) -> Path:
    name = hashlib.blake2b(str(out.resolve()).encode("utf-8", "surrogateescape"), digest_size=12).hexdigest()
    return settings.cache_dir / "builds" / f"{name}.json"


def _files(folder: Path, skip: Path | None, depth: int | None = None):
    """Every file under folder, in a stable order, without hidden folders (git, the virtual
    environment, staging folders) or the folder skip; depth 0 is the folder's own files only."""
    folder = folder.resolve()
    skip = skip.resolve() if skip is not None else None
    for current, dirs, files in os.walk(folder):
        here = Path(current)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS and here / d != skip)
        if depth == 0:
            dirs[:] = []
        for name in sorted(files):
            path = here / name
            try:
                yield path, path.stat()
            except OSError:
                continue  # vanished or a dangling link: the build reports it if it matters


def _count(out: Path) -> int:
    return sum(len(files) for _, _, files in os.walk(out))


def _commit(root: Path) -> str:
    try:
        return subprocess.run(
            ["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True, timeout=30
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


@functools.cache
def _distributions() -> tuple[tuple[str, str], ...]:
    """Installed versions, read once per process (0.1 s; a preview asks on every save, and the
    running code does not change with what is installed after it started)."""
    return tuple(sorted((dist.metadata["Name"] or "", dist.version or "") for dist in metadata.distributions()))
