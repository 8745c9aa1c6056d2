"""Command line: arguments -> settings -> check/build/scaffold, and Korean messages with exit codes.

Usage errors exit 2, content errors exit 1 with every problem listed, never a traceback."""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

import typer

from .annotations import Format, emit
from .cli_text import use_korean
from .config import Settings
from .errors import ContentError, Report

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    help="사회적경제 카탈로그를 검사하고 만듭니다.",
)

ROOT_OPTION = typer.Option(Path("."), "--root", help="프로젝트 폴더 (mkdocs.yml이 있는 곳)")


class _Stderr(logging.StreamHandler):
    """Log to whatever sys.stderr is when a record is written (the CLI may run in-process)."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass


def _log_to_stderr(level: int, fmt: str) -> None:
    handler = _Stderr()
    handler.setFormatter(logging.Formatter(fmt))
    logging.basicConfig(level=level, handlers=[handler], force=True)


def _fail(report: Report, fmt: Format = Format.text) -> None:
    emit(report.errors + report.warnings, fmt)
    print(f"\n오류 {len(report.errors)}개를 고친 뒤 다시 실행하세요. 아무 파일도 바뀌지 않았습니다.", file=sys.stderr)
    raise typer.Exit(1)


def _load(settings: Settings, fmt: Format = Format.text, only: list[Path] | None = None):
    """Load and validate, or print every problem and exit 1."""
    from .project import load_project

    try:
        return load_project(settings, only=only)
    except ContentError as exc:
        _fail(exc.report, fmt)


def _settings(root: Path) -> Settings:
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


@app.command()
def check(
    paths: list[Path] = typer.Argument(None, metavar="경로", help="검사할 기업 폴더나 파일 (없으면 전체)"),
    root: Path = ROOT_OPTION,
    fmt: Format = FORMAT_OPTION,
) -> None:
    """내용만 검사합니다. 아무것도 쓰지 않습니다."""
    from . import build

    settings = _settings(root)
    only = [p.resolve() for p in paths] if paths else None
    for path in paths or []:
        if not path.exists():
            print(
                f"오류 {path}: 없는 경로입니다 — 기업 폴더(content/enterprises/<기업>)나 그 안의 파일을 적으세요",
                file=sys.stderr,
            )
            raise typer.Exit(2)
    catalog = _load(settings, fmt, only)
    if only is not None and not catalog.enterprises:
        print(
            "오류 적은 경로에서 검사할 기업 항목을 찾지 못했습니다 — content/enterprises/<기업> 폴더를 적으세요",
            file=sys.stderr,
        )
        raise typer.Exit(2)
    try:
        build.verify_photos(catalog)
    except ContentError as exc:
        exc.report.extend(catalog.report)
        _fail(exc.report, fmt)
    emit(catalog.report.warnings, fmt)
    print(
        f"검사 통과: 기업 {len(catalog.enterprises)}곳, 제품·서비스 {len(catalog.items)}개, "
        f"경고 {len(catalog.report.warnings)}개",
        file=sys.stderr,
    )


@app.command()
def build(
    out: Path = typer.Option(Path("site"), "--out", help="결과를 쓸 폴더"),
    root: Path = ROOT_OPTION,
    workers: int | None = typer.Option(None, help="사진 처리 프로세스 수 (기본: CPU 수)"),
    skip_print: bool = typer.Option(False, "--skip-print", help="인쇄용 PDF를 만들지 않습니다 (빠른 미리보기)"),
    force: bool = typer.Option(False, "--force", help="바뀐 것이 없어도 처음부터 다시 만듭니다"),
) -> None:
    """검사한 뒤 사이트, 인쇄용 PDF, 공개 데이터를 만듭니다."""
    from . import build as recipe

    settings = _settings(root)
    _log_to_stderr(logging.WARNING, "%(levelname)s %(message)s")
    started = time.perf_counter()
    from .pdf.render import PrintError

    try:
        prepared = recipe.run(
            settings, out if out.is_absolute() else Path.cwd() / out, workers, with_print=not skip_print, force=force
        )
    except ContentError as exc:
        _fail(exc.report)
    except PrintError as exc:
        print(f"오류 {exc} — 이전 결과는 그대로 두었습니다", file=sys.stderr)
        raise typer.Exit(1) from None
    emit(prepared.catalog.report.warnings, Format.text)
    kept = ", 바뀐 것이 없어 이전 결과를 그대로 두었습니다 (다시 만들려면 --force)" if prepared.reused else ""
    print(
        f"완료: {out} (기업 {len(prepared.catalog.enterprises)}곳, 제품·서비스 "
        f"{len(prepared.catalog.items)}개, 새로 처리한 사진 {prepared.encoded}장{kept}, "
        f"{time.perf_counter() - started:.1f}초)",
        file=sys.stderr,
    )


new_app = typer.Typer(help="새 항목의 양식을 만듭니다.", no_args_is_help=True)
app.add_typer(new_app, name="new")


def _catalog_config(settings: Settings):
    from .configuration import load_config_only

    try:
        return load_config_only(settings)
    except ContentError as exc:
        _fail(exc.report)


@new_app.command("enterprise")
def new_enterprise(
    slug: str = typer.Option(..., prompt="기업 폴더 이름 (영문 소문자·하이픈, 예: our-coop)"),
    name: str = typer.Option(..., prompt="기업 이름"),
    org_type: str = typer.Option(..., prompt="조직 유형 id (예: social-enterprise, cooperative)"),
    mission: str = typer.Option(..., prompt="한 줄 미션 (우리 기업이 하는 일과 목적)"),
    product_name: str = typer.Option(..., prompt="첫 제품·서비스 이름"),
    maintainer: str = typer.Option("", help="GitHub 아이디 (@ 없이)"),
    root: Path = ROOT_OPTION,
) -> None:
    """기업 폴더와 주석이 달린 enterprise.yml을 만듭니다."""
    from .scaffold import enterprise_file, product_block
    from .slugs import slug_problem

    settings = _settings(root)
    config = _catalog_config(settings)
    if problem := slug_problem(slug):
        print(f"오류 {problem[0]} — {problem[1]}", file=sys.stderr)
        raise typer.Exit(2)
    if org_type not in config.org_type_ids:
        print(
            f"오류 알 수 없는 조직 유형 '{org_type}' — 쓸 수 있는 값: {', '.join(config.org_type_ids)}", file=sys.stderr
        )
        raise typer.Exit(2)
    folder = settings.enterprises_dir / slug
    if folder.exists():
        print(f"오류 {folder.relative_to(settings.root)}: 이미 있습니다 — 다른 이름을 쓰세요", file=sys.stderr)
        raise typer.Exit(2)
    product = product_block("first-item", product_name, config.first_category, "product", settings.date)
    folder.mkdir(parents=True)
    target = folder / "enterprise.yml"
    handle = maintainer.strip().removeprefix("@")  # members copy their handle as @name
    target.write_text(enterprise_file(name, org_type, config.org_type_ids, mission, handle, product), "utf-8")
    print(
        f"만들었습니다: {target.relative_to(settings.root)} — 내용을 채운 뒤 secatalog check로 검사하세요",
        file=sys.stderr,
    )


@new_app.command("product")
def new_product(
    enterprise: str = typer.Option(..., prompt="기업 폴더 이름"),
    product_id: str = typer.Option(..., "--id", prompt="제품 id (영문 소문자·하이픈)"),
    name: str = typer.Option(..., prompt="제품·서비스 이름"),
    category: str = typer.Option(..., prompt="분류 id (catalog/categories.yml)"),
    kind: str = typer.Option("product", help="product(물품) 또는 service(용역)"),
    root: Path = ROOT_OPTION,
) -> None:
    """기존 기업 파일의 products 목록 끝에 제품 양식을 덧붙입니다."""
    from .scaffold import product_block

    settings = _settings(root)
    config = _catalog_config(settings)
    target = settings.enterprises_dir / enterprise / "enterprise.yml"
    problems = []
    if not target.is_file():
        problems.append(f"{target.relative_to(settings.root)}: 파일이 없습니다 — 먼저 secatalog new enterprise")
    if category not in config.category_ids:
        problems.append(f"알 수 없는 분류 '{category}' — catalog/categories.yml의 id를 쓰세요")
    if kind not in ("product", "service"):
        problems.append("kind는 product 또는 service입니다")
    if problems:
        print("\n".join(f"오류 {p}" for p in problems), file=sys.stderr)
        raise typer.Exit(2)
    text = target.read_text("utf-8")
    last_key = [line for line in text.splitlines() if line and not line[0].isspace() and line[0] != "#"]
    if not last_key or not last_key[-1].startswith("products:"):
        print(
            f"오류 {target.relative_to(settings.root)}: products 목록이 파일 맨 끝에 있어야 덧붙일 수 있습니다 "
            "— 직접 products 아래에 추가하세요",
            file=sys.stderr,
        )
        raise typer.Exit(2)
    block = product_block(product_id, name, category, kind, settings.date)
    target.write_text(text.rstrip("\n") + "\n" + block, "utf-8")
    print(f"덧붙였습니다: {target.relative_to(settings.root)} — secatalog check로 검사하세요", file=sys.stderr)


@new_app.command("case")
def new_case(
    slug: str = typer.Option(..., prompt="사례 파일 이름 (영문 소문자·하이픈, 예: meeting-lunchbox)"),
    title: str = typer.Option(..., prompt="사례 제목"),
    enterprise: str = typer.Option(..., prompt="기업 폴더 이름"),
    agency: str = typer.Option(..., prompt="구매 기관 (예: OO시청 총무과)"),
    chapter: str = typer.Option("", help="장 id (기본: 첫 장)"),
    root: Path = ROOT_OPTION,
) -> None:
    """casebook/cases/에 주석이 달린 사례 양식을 만듭니다."""
    from .casebook import Book
    from .errors import Report
    from .load import load_yaml
    from .scaffold import case_file
    from .slugs import slug_problem
    from .validate import check_document

    settings = _settings(root)
    book_path = settings.root / "casebook" / "book.yml"
    chapters: list[str] = []
    if book_path.is_file():
        report = Report()
        doc = load_yaml(book_path, settings.root, report, settings.max_yaml_bytes)
        book = check_document(doc, Book, report) if doc else None
        if book is None:
            _fail(report)
        chapters = [c.id for c in book.chapters]
    target = settings.root / "casebook" / "cases" / f"{slug}.md"
    problems = []
    if not chapters:
        problems.append("casebook/book.yml이 없거나 장(chapters)이 없습니다")
    if problem := slug_problem(slug):
        problems.append(f"{problem[0]} — {problem[1]}")
    if target.exists():
        problems.append(f"{target.relative_to(settings.root)}: 이미 있습니다")
    if not (settings.enterprises_dir / enterprise / "enterprise.yml").is_file():
        problems.append(f"기업 폴더 '{enterprise}'이(가) 없습니다")
    if chapter and chapter not in chapters:
        problems.append(f"알 수 없는 장 '{chapter}' — 쓸 수 있는 값: {', '.join(chapters)}")
    if problems:
        print("\n".join(f"오류 {p}" for p in problems), file=sys.stderr)
        raise typer.Exit(2)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        case_file(title, agency, settings.date.year, chapter or chapters[0], chapters, enterprise), "utf-8"
    )
    print(
        f"만들었습니다: {target.relative_to(settings.root)} — 내용을 채운 뒤 secatalog check로 검사하세요",
        file=sys.stderr,
    )


@app.command()
def owners(
    base: str = typer.Option(..., help="기준 리비전 (PR의 base 커밋)"),
    author: str = typer.Option(..., help="풀 리퀘스트를 올린 GitHub 아이디"),
    root: Path = ROOT_OPTION,
    fmt: Format = FORMAT_OPTION,
) -> None:
    """풀 리퀘스트가 자기 기업 항목만 바꾸었는지 git 기록으로 확인합니다 (PR 체크아웃 안에서 실행)."""
    from .annotations import workflow_command
    from .errors import Location
    from .owners import BaseUnreadable, check_pull_request

    settings = _settings(root)
    try:
        changes, refusals = check_pull_request(base, author, str(settings.root))
    except BaseUnreadable as exc:
        if fmt is Format.github:
            print(workflow_command("error", Location("catalog/catalog.yml"), str(exc)))
        print(f"오류 {exc}", file=sys.stderr)
        raise typer.Exit(2) from None
    for r in refusals:
        if fmt is Format.github:
            print(workflow_command("error", Location(r.path), r.message))
        else:
            print(f"오류 {r.path}: {r.message}", file=sys.stderr)
    if refusals:
        print(
            f"\n소유권 확인 실패: 바뀐 파일 {len(changes)}개 가운데 {len(refusals)}개는 이 PR에서 바꿀 수 없습니다.",
            file=sys.stderr,
        )
        raise typer.Exit(1)
    print(f"소유권 확인 통과: 바뀐 파일 {len(changes)}개", file=sys.stderr)


@app.command()
def codeowners(root: Path = ROOT_OPTION) -> None:
    """.github/CODEOWNERS를 기업 항목의 maintainers로 다시 씁니다."""
    from .owners import codeowners as render

    settings = _settings(root)
    catalog = _load(settings)
    entries = {e.slug: list(e.record.maintainers) for e in catalog.enterprises}
    target = settings.root / ".github" / "CODEOWNERS"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render(entries, list(catalog.network.secretariat)), "utf-8")
    print(f"썼습니다: {target.relative_to(settings.root)}", file=sys.stderr)


@app.command()
def schema(root: Path = ROOT_OPTION) -> None:
    """편집기 자동 완성용 JSON Schema와 항목 설명(FIELDS.md)을 content/schema/에 다시 씁니다."""
    from .export import entry_schema
    from .schema import FIELDS_DOC, SCHEMA_ID, dumps, field_reference

    settings = _settings(root)
    catalog = _load(settings)
    folder = settings.content_dir / "schema"
    folder.mkdir(parents=True, exist_ok=True)
    schema = entry_schema(catalog)
    for name, content in ((SCHEMA_ID, dumps(schema)), (FIELDS_DOC, field_reference(schema))):
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

    settings = _settings(root)
    _log_to_stderr(logging.INFO, "%(message)s")
    # A dirty serve: the plugin renders again only pages whose entries or shared inputs changed
    # (preview.py), so mkdocs' warning about dirty builds' stale navigation does not apply.
    build_type = None if full else "dirty"
    logging.getLogger("mkdocs.commands.build").addFilter(
        lambda record: not record.getMessage().startswith("A 'dirty' build is being performed")
    )
    mkdocs_serve(str(settings.root / "mkdocs.yml"), dev_addr=addr, livereload=True, build_type=build_type)


use_korean(app, new_app)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
