"""Command line: arguments -> settings -> build/check. No logic of its own."""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

import typer

from .config import Settings
from .errors import ContentError, Problem, Report

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_show_locals=False,
                  help="사회적경제 카탈로그를 검사하고 만듭니다.")

ROOT_OPTION = typer.Option(Path("."), "--root", help="프로젝트 폴더 (mkdocs.yml이 있는 곳)")


def _emit(problems: list[Problem], fmt: str) -> None:
    for p in problems:
        if fmt == "github":
            kind = "warning" if p.warning else "error"
            loc = p.location
            text = str(p).split(": ", 1)[-1].replace("%", "%25").replace("\n", "%0A")
            print(f"::{kind} file={loc.path},line={loc.line or 1},col={loc.col or 1}::{text}")
        else:
            label = "경고" if p.warning else "오류"
            print(f"{label} {p}", file=sys.stderr)


def _fail(report: Report, fmt: str) -> None:
    _emit(report.errors + report.warnings, fmt)
    print(f"\n오류 {len(report.errors)}개를 고친 뒤 다시 실행하세요. 아무 파일도 바뀌지 않았습니다.",
          file=sys.stderr)
    raise typer.Exit(1)


def _settings(root: Path) -> Settings:
    root = root.resolve()
    if not (root / "catalog").is_dir():
        print(f"오류 {root}: catalog/ 폴더가 없습니다 — 프로젝트 폴더에서 실행하거나 --root로 알려 주세요",
              file=sys.stderr)
        raise typer.Exit(2)
    return Settings(root)


@app.command()
def check(paths: list[Path] = typer.Argument(None, help="검사할 기업 폴더나 파일 (없으면 전체)"),
          root: Path = ROOT_OPTION,
          fmt: str = typer.Option("text", "--format", help="text 또는 github (PR 주석)")) -> None:
    """내용만 검사합니다. 아무것도 쓰지 않습니다."""
    from .project import load_project

    settings = _settings(root)
    only = [p.resolve() for p in paths] if paths else None
    try:
        catalog = load_project(settings, only=only)
    except ContentError as exc:
        _fail(exc.report, fmt)
    _emit(catalog.report.warnings, fmt)
    print(f"검사 통과: 기업 {len(catalog.enterprises)}곳, 제품·서비스 {len(catalog.items)}개, "
          f"경고 {len(catalog.report.warnings)}개", file=sys.stderr)


@app.command()
def build(out: Path = typer.Option(Path("site"), "--out", help="결과를 쓸 폴더"),
          root: Path = ROOT_OPTION,
          workers: int | None = typer.Option(None, help="사진 처리 프로세스 수 (기본: CPU 수)")) -> None:
    """검사한 뒤 사이트, 인쇄용 PDF, 공개 데이터를 만듭니다."""
    from . import build as recipe

    settings = _settings(root)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    started = time.perf_counter()
    try:
        prepared = recipe.run(settings, out if out.is_absolute() else Path.cwd() / out, workers)
    except ContentError as exc:
        _fail(exc.report, "text")
    _emit(prepared.catalog.report.warnings, "text")
    print(f"완료: {out} (기업 {len(prepared.catalog.enterprises)}곳, 제품·서비스 "
          f"{len(prepared.catalog.items)}개, 새로 처리한 사진 {prepared.encoded}장, "
          f"{time.perf_counter() - started:.1f}초)", file=sys.stderr)


@app.command()
def serve(root: Path = ROOT_OPTION, addr: str = typer.Option("127.0.0.1:8000", help="주소:포트")) -> None:
    """편집하면서 바로 보는 미리보기 서버 (mkdocs serve)."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    settings = _settings(root)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    mkdocs_serve(str(settings.root / "mkdocs.yml"), dev_addr=addr, livereload=True)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
