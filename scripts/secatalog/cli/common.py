"""What every command shares: the project folder option, settings from it (usage errors exit 2),
logging to stderr, and failing with a report of every problem (exit 1)."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import typer

from ..errors import ContentError, Report
from ..settings import Settings
from .annotations import Format, emit

ROOT_OPTION = typer.Option(Path("."), "--root", help="프로젝트 폴더 (mkdocs.yml이 있는 곳)")


class _Stderr(logging.StreamHandler):
    """Log to whatever sys.stderr is when a record is written (the CLI may run in-process)."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass


def log_to_stderr(level: int, fmt: str) -> None:
    handler = _Stderr()
    handler.setFormatter(logging.Formatter(fmt))
    logging.basicConfig(level=level, handlers=[handler], force=True)


def fail(report: Report, fmt: Format = Format.text) -> None:
    emit(report.errors + report.warnings, fmt)
    print(f"\n오류 {len(report.errors)}개를 고친 뒤 다시 실행하세요. 아무 파일도 바뀌지 않았습니다.", file=sys.stderr)
    raise typer.Exit(1)


def load(settings: Settings, fmt: Format = Format.text, only: list[Path] | None = None):
    """Load and validate, or print every problem and exit 1."""
    from ..read.project import load_project

    try:
        return load_project(settings, only=only)
    except ContentError as exc:
        fail(exc.report, fmt)


def settings_for(root: Path) -> Settings:
    root = root.resolve()
    if not (root / "catalog").is_dir():
        print(
            f"오류 {root}: catalog/ 폴더가 없습니다 — 프로젝트 폴더에서 실행하거나 --root로 알려 주세요",
            file=sys.stderr,
        )
        raise typer.Exit(2)
    settings = Settings(root)
    if settings.cache_dir.is_relative_to(root):
        print(
            f"오류 {settings.cache_dir}: 캐시 폴더가 프로젝트 안에 있습니다 — 저장소에 올라온 캐시를 믿지 않도록 "
            "SECATALOG_CACHE_DIR를 프로젝트 밖의 폴더로 정하세요",
            file=sys.stderr,
        )
        raise typer.Exit(2)
    return settings


FORMAT_OPTION = typer.Option(Format.text, "--format", help="text(터미널) 또는 github(PR 주석)")
