"""`secatalog new enterprise|product|case`: a valid, commented entry to fill in."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from ..errors import ContentError, Report
from ..korean import josa, quoted
from ..settings import Settings
from .common import ROOT_OPTION, fail, settings_for

new_app = typer.Typer(help="새 항목의 양식을 만듭니다.", no_args_is_help=True)


def _catalog_config(settings: Settings):
    from ..read.network import load_config_only

    try:
        return load_config_only(settings)
    except ContentError as exc:
        fail(exc.report)


@new_app.command("enterprise")
def new_enterprise(
    slug: str = typer.Option(..., prompt="기업 폴더 이름 (영문 소문자·하이픈, 예: our-coop)"),
    name: str = typer.Option(..., prompt="기업 이름"),
    org_type: str = typer.Option(..., prompt="조직 유형 id (예: social-enterprise, cooperative)"),
    mission: str = typer.Option(..., prompt="한 줄 미션 (우리 기업이 하는 일과 목적)"),
    product_name: str = typer.Option(..., prompt="첫 제품·서비스 이름"),
    product_id: str = typer.Option(
        ..., "--product-id", prompt="첫 제품 id (영문 소문자·숫자·하이픈, 주소에 쓰임. 예: white-bread)"
    ),
    maintainer: str = typer.Option("", help="GitHub 아이디 (@ 없이)"),
    root: Path = ROOT_OPTION,
) -> None:
    """기업 폴더와 주석이 달린 enterprise.yml을 만듭니다."""
    from ..model.slugs import slug_problem
    from ..read.scaffold import enterprise_file, product_block

    settings = settings_for(root)
    config = _catalog_config(settings)
    if problem := slug_problem(slug):
        print(f"오류 {problem[0]} — {problem[1]}", file=sys.stderr)
        raise typer.Exit(2)
    if org_type not in config.org_type_ids:
        print(
            f"오류 알 수 없는 조직 유형 '{org_type}' — 쓸 수 있는 값: {', '.join(config.org_type_ids)}", file=sys.stderr
        )
        raise typer.Exit(2)
    # An id the member chose: a scaffold's 'first-item' was a placeholder members kept.
    if problem := slug_problem(product_id):
        print(f"오류 제품 id {problem[0]} — {problem[1]}", file=sys.stderr)
        raise typer.Exit(2)
    folder = settings.enterprises_dir / slug
    if folder.exists():
        print(f"오류 {folder.relative_to(settings.root)}: 이미 있습니다 — 다른 이름을 쓰세요", file=sys.stderr)
        raise typer.Exit(2)
    product = product_block(product_id, product_name, config.first_category, "product", settings.date)
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
    from ..read.scaffold import product_block

    settings = settings_for(root)
    config = _catalog_config(settings)
    target = settings.enterprises_dir / enterprise / "enterprise.yml"
    problems = []
    if not target.is_file():
        problems.append(f"{target.relative_to(settings.root)}: 파일이 없습니다 — 먼저 secatalog new enterprise")
    if category not in config.category_ids:
        problems.append(f"알 수 없는 분류 '{category}' — catalog/categories.yml의 id를 쓰세요")
    if kind not in ("product", "service"):
        problems.append("kind는 product 또는 service입니다")
    if target.is_file() and product_id in _product_ids(target, settings):
        problems.append(
            f"{target.relative_to(settings.root)}: 제품 id {josa(quoted(product_id), '은')} 이미 있습니다 — "
            f"다른 id를 쓰세요 (예: {product_id}-2)"
        )
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
    from ..model.casebook import Book
    from ..model.slugs import slug_problem
    from ..read.documents import load_yaml
    from ..read.scaffold import case_file
    from ..read.validate import check_document

    settings = settings_for(root)
    book_path = settings.root / "casebook" / "book.yml"
    chapters: list[str] = []
    if book_path.is_file():
        report = Report()
        doc = load_yaml(book_path, settings.root, report, settings.max_yaml_bytes)
        book = check_document(doc, Book, report) if doc else None
        if book is None:
            fail(report)
            return  # (fail exits)
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
        problems.append(f"기업 폴더 {josa(quoted(enterprise), '이')} 없습니다")
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


def _product_ids(target: Path, settings) -> set[str]:
    """The product ids an entry file already has (none when it cannot be read: check reports why)."""
    from ..read.documents import load_yaml

    doc = load_yaml(target, settings.root, Report(), settings.max_yaml_bytes)
    products = doc.data.get("products") if doc is not None else None
    return {str(p.get("id")) for p in products if isinstance(p, dict)} if isinstance(products, list) else set()
