"""`secatalog verify ...`: the secretariat's desk (list, draft, compare with an official list).

Arguments -> settings -> verify.py / registry.py; usage errors exit 2, "something needs the
secretariat" exits 1, so a scheduled job can act on the exit code."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer

from .cli_common import ROOT_OPTION, load, settings_for

verify_app = typer.Typer(
    no_args_is_help=True,
    help="사무국 확인: 확인할 기업 목록, 확인 기록 초안, 공식 명단과 대조.",
)


class ListFormat(StrEnum):
    text = "text"
    markdown = "markdown"


def _load(root: Path):
    """The validated catalog and the secretariat's configuration (exit 1 on content errors)."""
    from .configuration import load_configuration
    from .errors import Report

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
    from .verify import as_markdown, as_text, standings

    catalog, config = _load(root)
    found = standings(catalog, config.verified.enterprises, config.verification)
    today = catalog.settings.date
    if fmt is ListFormat.markdown:
        sys.stdout.write(as_markdown(found, today, config.verification.reverify_after_days))
    else:
        sys.stdout.write(as_text(found, today))
    if any(s.needs_action for s in found):
        raise typer.Exit(1)
