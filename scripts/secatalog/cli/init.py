"""`secatalog init DIR`: asks (or takes options) for the network's facts, then writes its repository."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from ..errors import ContentError
from ..settings import Settings
from .common import fail


def _ask(value: str | None, option: str, question: str, default: str | None = None) -> str:
    """An option's value, or the answer to a Korean question when someone is at the keyboard."""
    if value is not None:
        return value
    if sys.stdin.isatty():
        return typer.prompt(question, default=default, show_default=default is not None)
    if default is not None:
        return default
    print(f"오류 {option}를 적으세요 ({question}) — 예: secatalog init 폴더 {option} ...", file=sys.stderr)
    raise typer.Exit(2)


def init(
    target: Path = typer.Argument(..., metavar="폴더", help="새 네트워크 저장소를 만들 폴더 (없거나 비어 있어야 함)"),
    name: str | None = typer.Option(None, "--name", help="네트워크 이름 (예: ○○사회적경제네트워크)"),
    city: str | None = typer.Option(None, "--city", help="도시 이름 (예: ○○시)"),
    region: str | None = typer.Option(None, "--region", help="광역 지역 (예: 충청남도)"),
    site_url: str | None = typer.Option(None, "--site-url", help="공개 사이트 주소 (https://...)"),
    secretariat: str | None = typer.Option(None, "--secretariat", help="사무국 GitHub 아이디 (여럿이면 쉼표로)"),
    phone: str | None = typer.Option(None, "--phone", help="사무국 전화번호"),
    email: str | None = typer.Option(None, "--email", help="사무국 이메일"),
    colour: str | None = typer.Option(None, "--colour", help="대표 색 #RRGGBB (흰 글자와 대비 4.5:1 이상)"),
    repository: str | None = typer.Option(None, "--repository", help="GitHub 저장소 주소"),
    tool_source: str | None = typer.Option(
        None, "--tool-source", help="secatalog를 받을 곳: git 주소, 휠 파일·폴더 (기본: 이 버전의 저장소 태그)"
    ),
    no_lock: bool = typer.Option(False, "--no-lock", help="uv.lock을 만들지 않습니다 (나중에 `uv lock`)"),
) -> None:
    """새 네트워크의 저장소를 만듭니다: 설정, 빈 기업 폴더, 사례집 뼈대, 안내문, 검사·게시 작업."""
    from ..desk import init as maker
    from ..read.project import load_project

    answers = maker.Answers(
        name=_ask(name, "--name", "네트워크 이름"),
        city=_ask(city, "--city", "도시 이름"),
        region=_ask(region, "--region", "광역 지역", default=""),
        site_url=_ask(site_url, "--site-url", "공개 사이트 주소 (https://...)"),
        secretariat=tuple(
            s.strip().lstrip("@")
            for s in _ask(secretariat, "--secretariat", "사무국 GitHub 아이디 (여럿이면 쉼표로)").split(",")
            if s.strip()
        ),
        phone=_ask(phone, "--phone", "사무국 전화번호", default=""),
        email=_ask(email, "--email", "사무국 이메일", default=""),
        colour=_ask(colour, "--colour", "대표 색 (#RRGGBB)", default="#283593"),
        repository=repository,
    )
    target = target.resolve()

    def check(staged: Path) -> None:
        try:
            load_project(Settings(staged))
        except ContentError as exc:  # a bad answer (colour, address...): say which, write nothing
            fail(exc.report)

    try:
        files = maker.render(answers, Settings(target).date, maker.tool_source(tool_source), maker.project_name(target))
        maker.create(target, files, check)
    except maker.InitError as exc:
        print(f"오류 {exc}", file=sys.stderr)
        raise typer.Exit(2) from None
    print(f"만들었습니다: {target} (파일 {len(files)}개)", file=sys.stderr)
    problem = None if no_lock else maker.lock(target)
    if no_lock or problem:
        reason = f" ({problem})" if problem else ""
        print(
            f"주의 uv.lock을 만들지 못했습니다{reason} — 인터넷이 되는 곳에서 그 폴더에서 `uv lock`을 실행하고 "
            "uv.lock을 함께 커밋하세요. 잠금 파일이 없으면 설치·검사·게시가 멈춥니다.",
            file=sys.stderr,
        )
    print(
        "다음 차례: 그 폴더에서 `git init -b main`, `bash scripts/setup.sh`, `.venv/bin/secatalog new enterprise`, "
        "README.md의 '처음 할 일'과 '사무국이 켜야 하는 설정'을 따라 하세요.",
        file=sys.stderr,
    )
