"""Command line: arguments -> settings -> check/build/scaffold, and Korean messages with exit codes.

Usage errors exit 2, content errors exit 1 with every problem listed, never a traceback."""

from __future__ import annotations

import logging
import signal
import sys
import time
from pathlib import Path

import typer

from .. import GENERATOR
from ..errors import ContentError, PrintError
from ..site.material import end_of_life_notice
from .annotations import Format, emit
from .common import FORMAT_OPTION, ROOT_OPTION, fail, load, log_to_stderr, settings_for
from .init import init
from .new import new_app
from .text import use_korean
from .verify import verify_app

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    help="사회적경제 카탈로그를 검사하고 만듭니다.",
)


def _print_version(value: bool) -> None:
    if value:
        print(GENERATOR)
        raise typer.Exit()


@app.callback()
def _options(
    version: bool = typer.Option(
        False, "--version", callback=_print_version, is_eager=True, help="secatalog 버전을 보여 주고 끝냅니다."
    ),
) -> None:
    """사회적경제 카탈로그를 검사하고 만듭니다."""


@app.command()
def check(
    paths: list[Path] = typer.Argument(None, metavar="경로", help="검사할 기업 폴더나 파일 (없으면 전체)"),
    root: Path = ROOT_OPTION,
    fmt: Format = FORMAT_OPTION,
) -> None:
    """내용만 검사합니다. 아무것도 쓰지 않습니다."""
    from ..build import recipe

    settings = settings_for(root)
    only = [p.resolve() for p in paths] if paths else None
    for path in paths or []:
        if not path.exists():
            print(
                f"오류 {path}: 없는 경로입니다 — 기업 폴더(content/enterprises/<기업>)나 그 안의 파일을 적으세요",
                file=sys.stderr,
            )
            raise typer.Exit(2)
    catalog = load(settings, fmt, only)
    if only is not None and not catalog.enterprises:
        print(
            "오류 적은 경로에서 검사할 기업 항목을 찾지 못했습니다 — content/enterprises/<기업> 폴더를 적으세요",
            file=sys.stderr,
        )
        raise typer.Exit(2)
    try:
        recipe.verify_photos(catalog)
    except ContentError as exc:
        exc.report.extend(catalog.report)
        fail(exc.report, fmt)
    emit(catalog.report.warnings, fmt)
    print(
        f"검사 통과: 기업 {len(catalog.enterprises)}곳, 제품·서비스 {len(catalog.items)}개, "
        f"경고 {len(catalog.report.warnings)}개",
        file=sys.stderr,
    )


@app.command()
def build(
    out: Path | None = typer.Option(None, "--out", help="결과를 쓸 폴더 (기본: 프로젝트 폴더의 site/)"),
    root: Path = ROOT_OPTION,
    workers: int | None = typer.Option(None, help="사진 처리 프로세스 수 (기본: CPU 수)"),
    skip_print: bool = typer.Option(False, "--skip-print", help="인쇄용 PDF를 만들지 않습니다 (빠른 미리보기)"),
    force: bool = typer.Option(False, "--force", help="바뀐 것이 없어도 처음부터 다시 만듭니다"),
) -> None:
    """검사한 뒤 사이트, 인쇄용 PDF, 공개 데이터를 만듭니다."""
    from ..build import recipe

    settings = settings_for(root)
    log_to_stderr(logging.WARNING, "%(levelname)s %(message)s")
    started = time.perf_counter()
    # Without --out, the project's own site/ (not the current folder's): `--root DIR` run from
    # elsewhere put a site where nobody looked for it.
    out = settings.root / "site" if out is None else out if out.is_absolute() else Path.cwd() / out

    try:
        prepared = recipe.run(settings, out, workers, with_print=not skip_print, force=force)
    except ContentError as exc:
        fail(exc.report)
    except PrintError as exc:
        print(f"오류 {exc} — 이전 결과는 그대로 두었습니다", file=sys.stderr)
        raise typer.Exit(1) from None
    emit(prepared.catalog.report.warnings, Format.text)
    notice = end_of_life_notice(settings.date)
    if notice:
        print(notice, file=sys.stderr)
    kept = ", 바뀐 것이 없어 이전 결과를 그대로 두었습니다 (다시 만들려면 --force)" if prepared.reused else ""
    print(
        f"완료: {out} (기업 {len(prepared.catalog.enterprises)}곳, 제품·서비스 "
        f"{len(prepared.catalog.items)}개, 새로 처리한 사진 {prepared.encoded}장{kept}, "
        f"{time.perf_counter() - started:.1f}초)",
        file=sys.stderr,
    )


app.add_typer(new_app, name="new")
app.command()(init)
app.add_typer(verify_app, name="verify")


@app.command()
def owners(
    base: str = typer.Option(..., help="기준 리비전 (PR의 base 커밋)"),
    author: str = typer.Option(..., help="풀 리퀘스트를 올린 GitHub 아이디"),
    root: Path = ROOT_OPTION,
    fmt: Format = FORMAT_OPTION,
) -> None:
    """풀 리퀘스트가 자기 기업 항목만 바꾸었는지 git 기록으로 확인합니다 (PR 체크아웃 안에서 실행)."""
    from ..desk.owners import STATUS_KO, BaseUnreadable, printable, review_pull_request
    from ..errors import Location
    from .annotations import workflow_command

    settings = settings_for(root)
    try:
        found = review_pull_request(base, author, str(settings.root))
    except BaseUnreadable as exc:
        if fmt is Format.github:
            print(workflow_command("error", Location("catalog/catalog.yml"), str(exc)))
        print(f"오류 {exc}", file=sys.stderr)
        raise typer.Exit(2) from None
    for v in found:
        if fmt is Format.github and not v.accepted:
            print(workflow_command("error", Location(v.change.path), v.reason))
        verdict = "수락" if v.accepted else "거절"
        status = STATUS_KO.get(v.change.status, v.change.status)
        print(f"{verdict} [{status}] {printable(v.change.path)}: {v.reason}", file=sys.stderr)
    refusals = [v for v in found if not v.accepted]
    if refusals:
        print(
            f"\n소유권 확인 실패: 바뀐 파일 {len(found)}개 가운데 {len(refusals)}개는 이 PR에서 바꿀 수 없습니다.",
            file=sys.stderr,
        )
        raise typer.Exit(1)
    print(f"소유권 확인 통과: 바뀐 파일 {len(found)}개", file=sys.stderr)


@app.command()
def codeowners(root: Path = ROOT_OPTION) -> None:
    """.github/CODEOWNERS를 기업 항목의 maintainers로 다시 씁니다."""
    from ..desk.owners import codeowners as render

    settings = settings_for(root)
    catalog = load(settings)
    entries = {e.slug: list(e.record.maintainers) for e in catalog.enterprises}
    target = settings.root / ".github" / "CODEOWNERS"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render(entries, list(catalog.network.secretariat)), "utf-8")
    print(f"썼습니다: {target.relative_to(settings.root)}", file=sys.stderr)


@app.command()
def schema(root: Path = ROOT_OPTION) -> None:
    """편집기 자동 완성용 JSON Schema와 항목 설명(FIELDS.md)을 content/schema/에 다시 씁니다."""
    from ..data.export import entry_schema
    from ..desk.verify import confirmation_schema
    from ..model.schema import FIELDS_DOC, SCHEMA_ID, VERIFIED_SCHEMA_ID, dumps, fields_doc

    settings = settings_for(root)
    catalog = load(settings)
    folder = settings.content_dir / "schema"
    folder.mkdir(parents=True, exist_ok=True)
    schema, verified = entry_schema(catalog), confirmation_schema(catalog)
    files = (SCHEMA_ID, schema), (VERIFIED_SCHEMA_ID, verified)
    for name, content in (*((n, dumps(d)) for n, d in files), (FIELDS_DOC, fields_doc(schema, verified))):
        (folder / name).write_text(content, "utf-8")
        print(f"썼습니다: {(folder / name).relative_to(settings.root)}", file=sys.stderr)


@app.command()
def serve(
    root: Path = ROOT_OPTION,
    addr: str = typer.Option("127.0.0.1:8000", help="주소:포트"),
    full: bool = typer.Option(False, "--full", help="저장할 때마다 모든 쪽을 다시 만듭니다 (느림)"),
) -> None:
    """편집하면서 바로 보는 미리보기 서버 (mkdocs serve). 저장하면 바뀐 쪽만 다시 만듭니다."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    settings = settings_for(root)
    log_to_stderr(logging.INFO, "%(message)s")
    # A dirty serve: the plugin renders again only pages whose entries or shared inputs changed
    # (preview.py), so mkdocs' warning about dirty builds' stale navigation does not apply.
    build_type = None if full else "dirty"
    logging.getLogger("mkdocs.commands.build").addFilter(
        lambda record: not record.getMessage().startswith("A 'dirty' build is being performed")
    )
    mkdocs_serve(str(settings.root / "mkdocs.yml"), dev_addr=addr, livereload=True, build_type=build_type)


use_korean(app, new_app, verify_app)


def main() -> None:
    signal.signal(signal.SIGTERM, _terminated)
    app()


def _terminated(signum, frame) -> None:
    """A stopped build (CI cancelled, `kill`) unwinds like Ctrl-C: its render workers are stopped
    and its staging folder removed, and the site it would have replaced is left as it was."""
    raise SystemExit(128 + signum)
