"""The whole build as one readable recipe: load -> validate -> photos -> render -> write -> swap.

Everything is read and checked before anything is written, and the new site is built in a
sibling folder that replaces the old one only when every step succeeded.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import ContentError, Location, Report
from ..images import ImageProblem
from ..korean import josa, quoted
from ..model.catalog import Catalog
from ..read import certfiles
from ..read.memo import EntryMemo
from ..read.photos import ProcessedPhoto, process, verify
from ..read.project import load_project
from ..settings import Settings
from . import fingerprint

log = logging.getLogger("secatalog")


@dataclass(frozen=True)
class Prepared:
    """A validated catalog with its photos processed: what every renderer works from."""

    catalog: Catalog
    photos: dict[Path, ProcessedPhoto]
    encoded: int
    certs: dict[Path, Path] = field(default_factory=dict)
    """Each certificate file's clean, publishable copy."""
    reused: bool = False
    """The output folder already held this build's result (nothing changed): it was kept."""


def prepare(settings: Settings, workers: int | None = None, memo: EntryMemo | None = None) -> Prepared:
    """Load and validate everything, then make sure every photo's derivatives are cached."""
    catalog = load_project(settings, memo=memo)
    settings = catalog.settings  # with the limits from catalog/catalog.yml
    known = memo.photos if memo is not None else None
    done = process([ref.path for ref in catalog.photos()], settings.photo_cache, settings.max_pixels, workers, known)
    raise_photo_problems(catalog, done.failed)
    if memo is not None:
        memo.photos = {p.key: p for p in done.photos.values()}
    certs = {}
    for ent in catalog.enterprises:
        for name, path in ent.cert_files:
            try:
                certs[path] = certfiles.publish(path, settings.cache_dir / "certs", settings.max_pixels)
            except Exception:  # check read it already; this only guards against a file changed since
                report = Report()
                report.error(
                    Location(ent.shown),
                    f"인증서 파일 {josa(quoted(name), '을')} 게시용으로 다시 저장하지 못했습니다",
                    "인증서를 다시 스캔하거나 PDF로 다시 저장해 올리세요",
                )
                raise ContentError(report) from None
    return Prepared(catalog, done.photos, done.encoded, certs)


def verify_photos(catalog: Catalog, workers: int | None = None) -> None:
    """Decode every photo a build would decode, writing nothing (for `check`)."""
    settings = catalog.settings
    raise_photo_problems(
        catalog,
        verify([ref.path for ref in catalog.photos()], settings.photo_cache, settings.max_pixels, workers),
    )


def raise_photo_problems(catalog: Catalog, problems: dict[Path, ImageProblem]) -> None:
    """Name every photo that cannot be decoded at the line of the entry that uses it."""
    if not problems:
        return
    report = Report()
    for ref in catalog.photos():
        if ref.path in problems:
            problem = problems[ref.path]
            report.error(ref.where, f"'{ref.path.name}': {problem.message}", problem.hint)
    raise ContentError(report)


def run(
    settings: Settings, out: Path, workers: int | None = None, with_print: bool = True, force: bool = False
) -> Prepared:
    """Validate and prepare, then build through mkdocs into a staging folder that replaces out
    only when every step succeeded (the same plugin path as `mkdocs build`). When no input
    changed since the last build into out, out is kept as it is (see fingerprint.py)."""
    prepared = prepare(settings, workers)
    out = out.resolve()
    inputs = fingerprint.fingerprint(settings, out, with_print)
    if not force and fingerprint.unchanged(settings, out, inputs):
        return replace(prepared, reused=True)
    staging = out.with_name(f".{out.name}.building-{os.getpid()}")
    _remove_stale(out)
    _remove(staging)
    fingerprint.forget(settings, out)
    try:
        _mkdocs_build(settings.root, staging, prepared, workers, with_print)
        _swap(staging, out, settings.cache_dir / "old-sites")
    finally:
        _remove(staging)
    fingerprint.remember(settings, out, inputs)
    return prepared


def _mkdocs_build(root: Path, site_dir: Path, prepared: Prepared, workers: int | None, with_print: bool) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir))
    plugin = config.plugins.get("secatalog")
    if plugin is None:
        report = Report()
        report.error(
            Location("mkdocs.yml"),
            "plugins 목록에 secatalog가 없습니다",
            "mkdocs.yml의 plugins: 아래에 '- secatalog'를 넣으세요",
        )
        raise ContentError(report)
    plugin.hand_over(prepared)
    plugin.config["print"] = with_print
    plugin.config["workers"] = workers
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()


def _swap(staging: Path, out: Path, trash: Path) -> None:
    """Put the new build in place with two renames; the old one is removed afterwards.

    Deleting thousands of old files is slow and no longer matters for safety once the new
    build is in place, so a detached process does it, in the cache folder (outside the project:
    a member saw a `.site.old-<pid>/` folder in hers and git offered to commit it). Where the
    cache is on another file system, the old build is removed before the command returns.
    """
    old = out.with_name(f".{out.name}.old-{os.getpid()}")
    if out.exists():
        out.rename(old)
    staging.rename(out)
    if not old.exists():
        return
    away = trash / f"{out.name}-{os.getpid()}-{time.time_ns()}"
    try:
        trash.mkdir(parents=True, exist_ok=True)
        old.rename(away)
    except OSError:
        _remove(old)  # another file system (or no cache folder): remove it now
        return
    import subprocess

    subprocess.Popen(
        ["rm", "-rf", "--", str(away)], start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def _remove_stale(out: Path) -> None:
    """Remove staging folders left by builds that were killed (their process is gone)."""
    for leftover in [*out.parent.glob(f".{out.name}.building-*"), *out.parent.glob(f".{out.name}.old-*")]:
        pid = leftover.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not _alive(int(pid)):
            _remove(leftover)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    return True


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()
