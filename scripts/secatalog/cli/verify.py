"""`secatalog verify ...`: the secretariat's desk (list, draft, compare with an official list, PR summary).

Arguments -> settings -> verify.py / registry.py; usage errors exit 2, "something needs the
secretariat" exits 1, so a scheduled job can act on the exit code."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer

from ..korean import josa
from .common import ROOT_OPTION, load, settings_for

verify_app = typer.Typer(
    no_args_is_help=True,
    help="사무국 확인: 확인할 기업 목록, 확인 기록 초안, 공식 명단과 대조, PR 작업 요약.",
)


class ListFormat(StrEnum):
    text = "text"
    markdown = "markdown"


def _load(root: Path):
    """The validated catalog and the secretariat's configuration (exit 1 on content errors)."""
    from ..errors import Report
    from ..read.network import load_configuration

    settings = settings_for(root)
    catalog = load(settings)
    config = load_configuration(settings, Report())
    assert config is not None  # load() above exits on every reason for None
    return catalog, config


@verify_app.command("list")
def list_(
    root: Path = ROOT_OPTION,
    fmt: ListFormat = typer.Option(ListFormat.text, "--format", help="text(터미널) 또는 markdown(작업 요약·이슈 본문)"),
) -> None:
    """모든 기업의 확인 상태를 보여 줍니다. 사무국이 할 일이 있으면 종료 코드 1."""
    from ..desk.verify import as_markdown, as_text, standings

    catalog, config = _load(root)
    found = standings(catalog, config.verified.enterprises, config.verification)
    today = catalog.settings.date
    if fmt is ListFormat.markdown:
        sys.stdout.write(as_markdown(found, today, config.verification.reverify_after_days))
    else:
        sys.stdout.write(as_text(found, today))
    if any(s.needs_action for s in found):
        raise typer.Exit(1)


@verify_app.command("draft")
def draft(
    slug: str = typer.Argument(..., metavar="기업폴더", help="content/enterprises/ 아래 기업 폴더 이름"),
    write: bool = typer.Option(False, "--write", help="catalog/verified.yml 끝에 주석으로 덧붙입니다"),
    root: Path = ROOT_OPTION,
) -> None:
    """회원 항목에서 확인 기록 초안을 만듭니다. 스스로 확인됨으로 표시하지 않습니다."""
    from ..desk.verify import draft as make_draft
    from ..model.entries import suggest
    from ..read.trust import VERIFIED_FILE

    catalog, config = _load(root)
    entries = {e.slug: e for e in catalog.enterprises}
    if slug not in entries:
        print(f"오류 '{slug}': 그런 기업 폴더가 없습니다.{suggest(slug, set(entries))}", file=sys.stderr)
        raise typer.Exit(2)
    entry = entries[slug]
    org_type = catalog.org_types[entry.record.org_type]
    text = make_draft(entry, org_type.name, config.verification.sources.get(org_type.id, []), catalog.settings.date)
    target = catalog.settings.catalog_dir / VERIFIED_FILE
    if not write:
        sys.stdout.write(text)
        return
    if slug in config.verified.enterprises:
        print(
            f"오류 catalog/{VERIFIED_FILE}에 '{slug}'의 확인 기록이 이미 있습니다 — 다시 확인한다면 그 기록을 "
            "직접 고치세요 (초안만 보려면 --write 없이 실행)",
            file=sys.stderr,
        )
        raise typer.Exit(2)
    if not target.is_file():
        print(
            f"오류 {josa(f'catalog/{VERIFIED_FILE}', '이')} 없습니다 — 'enterprises:' 한 줄로 먼저 만드세요",
            file=sys.stderr,
        )
        raise typer.Exit(2)
    existing = target.read_text("utf-8")
    with target.open("a", encoding="utf-8") as out:
        out.write(("" if existing.endswith("\n") or not existing else "\n") + text)
    print(
        f"catalog/{VERIFIED_FILE} 끝에 '{slug}'의 초안을 주석으로 덧붙였습니다. 확인한 뒤 주석을 푸세요.",
        file=sys.stderr,
    )


@verify_app.command("against")
def against(
    csv_file: Path = typer.Argument(..., metavar="명단.csv", help="공식 명단에서 내려받은 CSV (UTF-8 또는 CP949)"),
    registry_id: str = typer.Option("", "--registry", help="catalog/verification.yml의 registries id (하나면 생략)"),
    root: Path = ROOT_OPTION,
) -> None:
    """확인 기록을 공식 명단(CSV)과 대조해 이름·인증 번호·날짜가 다른 곳을 모두 보여 줍니다. 다르면 종료 코드 1."""
    from ..desk.registry import RegistryUnreadable, compare, read_rows

    catalog, config = _load(root)
    registries = {r.id: r for r in config.verification.registries}
    registry = registries.get(registry_id) or (
        next(iter(registries.values())) if len(registries) == 1 and not registry_id else None
    )
    if registry is None:
        known = ", ".join(registries) or "없음"
        print(
            f"오류 --registry '{registry_id}': 대조할 명단을 정하세요 (catalog/verification.yml의 registries: {known})",
            file=sys.stderr,
        )
        raise typer.Exit(2)
    try:
        rows = read_rows(csv_file, registry)
    except (RegistryUnreadable, OSError) as exc:
        print(f"오류 {csv_file}: {exc}", file=sys.stderr)
        raise typer.Exit(2) from None
    compared, found = compare(rows, registry, config.verified.enterprises)
    for m in found:
        where = f"{csv_file}:{m.line}" if m.line else str(csv_file)
        print(f"다름 catalog/verified.yml '{m.slug}' ↔ {where}: {m.message}")
    slugs = len({m.slug for m in found})
    print(
        f"{josa(registry.name, '과')} 대조: 확인 기록 {compared}건 가운데 {slugs}곳이 다릅니다 (명단 {len(rows)}줄)",
        file=sys.stderr,
    )
    if found:
        raise typer.Exit(1)


@verify_app.command("pr")
def pull_request(
    base: str = typer.Option(..., help="기준 리비전 (PR의 base 커밋)"),
    author: str = typer.Option(..., help="풀 리퀘스트를 올린 GitHub 아이디"),
    preview: str = typer.Option("", "--preview", help="미리보기 사이트 artifact의 주소 (https://...)"),
    root: Path = ROOT_OPTION,
) -> None:
    """PR 작업 요약(Markdown)을 씁니다: 바뀐 파일의 판정과 이유, 바뀐 항목의 값(전·후), 미리보기 링크."""
    import re

    from ..desk.owners import BaseUnreadable, review_pull_request
    from ..desk.review import summary

    if preview and not re.fullmatch(r"https://[A-Za-z0-9._~:/?#@!$&*+,;=%-]+", preview):
        print(f"오류 --preview '{preview}': https://로 시작하는 주소를 적으세요", file=sys.stderr)
        raise typer.Exit(2)
    settings = settings_for(root)
    try:
        found = review_pull_request(base, author, str(settings.root))
    except BaseUnreadable as exc:
        print(f"오류 {exc}", file=sys.stderr)
        raise typer.Exit(2) from None
    sys.stdout.write(summary(found, base, str(settings.root), preview))
