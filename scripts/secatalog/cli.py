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


def _load(settings: Settings, fmt: str = "text", only: list[Path] | None = None):
    """Load and validate, or print every problem and exit 1."""
    from .project import load_project

    try:
        return load_project(settings, only=only)
    except ContentError as exc:
        _fail(exc.report, fmt)


def _settings(root: Path) -> Settings:
    root = root.resolve()
    if not (root / "catalog").is_dir():
        print(f"오류 {root}: catalog/ 폴더가 없습니다 — 프로젝트 폴더에서 실행하거나 --root로 알려 주세요",
              file=sys.stderr)
        raise typer.Exit(2)
    return Settings(root)


def _changed(listing: Path | None) -> list[str]:
    if listing is None:
        return []
    return [line.strip() for line in listing.read_text("utf-8").splitlines() if line.strip()]


@app.command()
def check(paths: list[Path] = typer.Argument(None, help="검사할 기업 폴더나 파일 (없으면 전체)"),
          root: Path = ROOT_OPTION,
          fmt: str = typer.Option("text", "--format", help="text 또는 github (PR 주석)"),
          changed_from: Path | None = typer.Option(None, help="바뀐 파일 목록 (한 줄에 하나): 그 항목만 검사")) -> None:
    """내용만 검사합니다. 아무것도 쓰지 않습니다."""
    from .owners import entry_slug

    settings = _settings(root)
    only = [p.resolve() for p in paths] if paths else None
    changed = _changed(changed_from)
    if changed and all(entry_slug(c) for c in changed):
        # Only entries changed: check just those (removed entries need no check).
        folders = {settings.enterprises_dir / str(entry_slug(c)) for c in changed}
        only = [f.resolve() for f in folders if f.exists()] or None
        if only is None:
            print("검사할 항목이 없습니다 (삭제만 있음)", file=sys.stderr)
            return
    catalog = _load(settings, fmt, only)
    _emit(catalog.report.warnings, fmt)
    print(f"검사 통과: 기업 {len(catalog.enterprises)}곳, 제품·서비스 {len(catalog.items)}개, "
          f"경고 {len(catalog.report.warnings)}개", file=sys.stderr)


@app.command()
def build(out: Path = typer.Option(Path("site"), "--out", help="결과를 쓸 폴더"),
          root: Path = ROOT_OPTION,
          workers: int | None = typer.Option(None, help="사진 처리 프로세스 수 (기본: CPU 수)"),
          skip_print: bool = typer.Option(False, "--skip-print", help="인쇄용 PDF를 만들지 않습니다 (빠른 미리보기)"),
          ) -> None:
    """검사한 뒤 사이트, 인쇄용 PDF, 공개 데이터를 만듭니다."""
    from . import build as recipe

    settings = _settings(root)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    started = time.perf_counter()
    from .pdf.render import PrintError

    try:
        prepared = recipe.run(settings, out if out.is_absolute() else Path.cwd() / out, workers,
                              with_print=not skip_print)
    except ContentError as exc:
        _fail(exc.report, "text")
    except PrintError as exc:
        print(f"오류 {exc} — 이전 결과는 그대로 두었습니다", file=sys.stderr)
        raise typer.Exit(1) from None
    _emit(prepared.catalog.report.warnings, "text")
    print(f"완료: {out} (기업 {len(prepared.catalog.enterprises)}곳, 제품·서비스 "
          f"{len(prepared.catalog.items)}개, 새로 처리한 사진 {prepared.encoded}장, "
          f"{time.perf_counter() - started:.1f}초)", file=sys.stderr)


new_app = typer.Typer(help="새 항목의 양식을 만듭니다.", no_args_is_help=True)
app.add_typer(new_app, name="new")


def _catalog_config(settings: Settings):
    from .project import load_config_only

    try:
        return load_config_only(settings)
    except ContentError as exc:
        _fail(exc.report, "text")


@new_app.command("enterprise")
def new_enterprise(
        slug: str = typer.Option(..., prompt="기업 폴더 이름 (영문 소문자·하이픈, 예: barun-bapsang)"),
        name: str = typer.Option(..., prompt="기업 이름"),
        org_type: str = typer.Option(..., prompt="조직 유형 id (예: social-enterprise, cooperative)"),
        mission: str = typer.Option("우리 기업의 미션을 한 줄로 적어 주세요", help="한 줄 미션"),
        maintainer: str = typer.Option("", help="GitHub 아이디"),
        root: Path = ROOT_OPTION) -> None:
    """기업 폴더와 주석이 달린 enterprise.yml을 만듭니다."""
    from .project import SLUG
    from .scaffold import enterprise_file, product_block

    settings = _settings(root)
    config = _catalog_config(settings)
    if not SLUG.fullmatch(slug):
        print(f"오류 '{slug}': 영문 소문자, 숫자, 하이픈(-)만 쓰세요 (예: barun-bapsang)", file=sys.stderr)
        raise typer.Exit(2)
    if org_type not in config.org_type_ids:
        print(f"오류 알 수 없는 조직 유형 '{org_type}' — 쓸 수 있는 값: {', '.join(config.org_type_ids)}",
              file=sys.stderr)
        raise typer.Exit(2)
    folder = settings.enterprises_dir / slug
    if folder.exists():
        print(f"오류 {folder.relative_to(settings.root)}: 이미 있습니다 — 다른 이름을 쓰세요", file=sys.stderr)
        raise typer.Exit(2)
    product = product_block("first-item", "첫 제품 이름", config.first_category, "product", settings.date)
    folder.mkdir(parents=True)
    target = folder / "enterprise.yml"
    target.write_text(enterprise_file(name, org_type, config.org_type_ids, mission, maintainer, product),
                      "utf-8")
    print(f"만들었습니다: {target.relative_to(settings.root)} — 내용을 채운 뒤 secatalog check로 검사하세요",
          file=sys.stderr)


@new_app.command("product")
def new_product(enterprise: str = typer.Option(..., prompt="기업 폴더 이름"),
                product_id: str = typer.Option(..., "--id", prompt="제품 id (영문 소문자·하이픈)"),
                name: str = typer.Option(..., prompt="제품·서비스 이름"),
                category: str = typer.Option(..., prompt="분류 id (catalog/categories.yml)"),
                kind: str = typer.Option("product", help="product(물품) 또는 service(용역)"),
                root: Path = ROOT_OPTION) -> None:
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
        print(f"오류 {target.relative_to(settings.root)}: products 목록이 파일 맨 끝에 있어야 덧붙일 수 있습니다 "
              "— 직접 products 아래에 추가하세요", file=sys.stderr)
        raise typer.Exit(2)
    block = product_block(product_id, name, category, kind, settings.date)
    target.write_text(text.rstrip("\n") + "\n" + block, "utf-8")
    print(f"덧붙였습니다: {target.relative_to(settings.root)} — secatalog check로 검사하세요", file=sys.stderr)


@new_app.command("case")
def new_case(slug: str = typer.Option(..., prompt="사례 파일 이름 (영문 소문자·하이픈, 예: meeting-lunchbox)"),
             title: str = typer.Option(..., prompt="사례 제목"),
             enterprise: str = typer.Option(..., prompt="기업 폴더 이름"),
             agency: str = typer.Option("예시시청", help="구매 기관"),
             chapter: str = typer.Option("", help="장 id (기본: 첫 장)"),
             root: Path = ROOT_OPTION) -> None:
    """casebook/cases/에 주석이 달린 사례 양식을 만듭니다."""
    from .casebook import Book
    from .errors import Report
    from .load import load_yaml
    from .project import SLUG
    from .scaffold import case_file
    from .validate import check_document

    settings = _settings(root)
    book_path = settings.root / "casebook" / "book.yml"
    chapters: list[str] = []
    if book_path.is_file():
        report = Report()
        doc = load_yaml(book_path, settings.root, report)
        book = check_document(doc, Book, report) if doc else None
        if book is None:
            _fail(report, "text")
        chapters = [c.id for c in book.chapters]
    target = settings.root / "casebook" / "cases" / f"{slug}.md"
    problems = []
    if not chapters:
        problems.append("casebook/book.yml이 없거나 장(chapters)이 없습니다")
    if not SLUG.fullmatch(slug):
        problems.append(f"'{slug}': 영문 소문자, 숫자, 하이픈(-)만 쓰세요")
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
    target.write_text(case_file(title, agency, settings.date.year, chapter or chapters[0], chapters, enterprise),
                      "utf-8")
    print(f"만들었습니다: {target.relative_to(settings.root)} — 내용을 채운 뒤 secatalog check로 검사하세요",
          file=sys.stderr)


@app.command()
def owners(author: str = typer.Option(..., help="풀 리퀘스트를 올린 GitHub 아이디"),
           changed_from: Path = typer.Option(..., help="바뀐 파일 목록 (한 줄에 하나)"),
           base: str = typer.Option("", help="기준 리비전 (기본: GITHUB_BASE_REF의 origin 브랜치)"),
           root: Path = ROOT_OPTION,
           fmt: str = typer.Option("text", "--format", help="text 또는 github")) -> None:
    """풀 리퀘스트가 자기 기업 항목만 바꾸었는지 확인합니다."""
    import os

    from .owners import check_changes, entry_slug, maintainers_at, maintainers_in

    settings = _settings(root)
    paths = _changed(changed_from)
    revision = base or f"origin/{os.environ.get('GITHUB_BASE_REF', 'main')}"
    slugs = {s for s in (entry_slug(p) for p in paths) if s}
    at_base = maintainers_at(revision, slugs, str(settings.root))
    proposed = {}
    for slug in slugs:
        current = settings.enterprises_dir / slug / "enterprise.yml"
        if current.is_file() and not current.is_symlink():
            proposed[slug] = maintainers_in(current.read_text("utf-8", errors="replace"))
    secretariat = _secretariat(settings, revision)
    refusals = check_changes(paths, author, at_base, proposed, secretariat)
    for r in refusals:
        if fmt == "github":
            print(f"::error file={r.path}::{r.message}")
        else:
            print(f"오류 {r.path}: {r.message}", file=sys.stderr)
    if refusals:
        raise typer.Exit(1)
    print(f"소유권 확인 통과: 바뀐 파일 {len(paths)}개", file=sys.stderr)


def _secretariat(settings: Settings, revision: str) -> list[str]:
    """Secretariat handles as the base revision says (a PR cannot add itself)."""
    import subprocess

    import yaml

    shown = subprocess.run(["git", "show", f"{revision}:catalog/catalog.yml"], cwd=settings.root,
                           capture_output=True, text=True)
    text = shown.stdout if shown.returncode == 0 else (settings.catalog_dir / "catalog.yml").read_text("utf-8")
    try:
        data = yaml.safe_load(text) or {}
        return [str(h) for h in data.get("network", {}).get("secretariat", [])]
    except (yaml.YAMLError, AttributeError, TypeError):
        return []


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
    """편집기 자동 완성용 JSON Schema를 content/schema/에 다시 씁니다."""
    from .export import catalog_schema
    from .schema import SCHEMA_ID

    settings = _settings(root)
    catalog = _load(settings)
    target = settings.content_dir / "schema" / SCHEMA_ID
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(catalog_schema(catalog), "utf-8")
    print(f"썼습니다: {target.relative_to(settings.root)}", file=sys.stderr)


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
