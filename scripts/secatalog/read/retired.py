"""Retired slugs: enterprises the secretariat removed from the catalog (catalog/retired.yml).

A removed enterprise's printed QR codes and shared links keep pointing at its old addresses,
so its folder name is retired: no other entry may take it (a buyer scanning an old booklet
would land on somebody else), and its old pages say that it is no longer listed. Only the
secretariat changes catalog/ (ownership check); taking the name back means deleting it there.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import Location, Report, relpath
from ..korean import josa, quoted
from ..model.network import RetiredEntry, RetiredFile
from ..settings import Settings
from .documents import load_yaml
from .validate import check_document

RETIRED_FILE = "retired.yml"


def load_retired(settings: Settings, report: Report) -> tuple[RetiredEntry, ...]:
    """The retired slugs; none when the file does not exist (nothing was ever removed)."""
    path = settings.catalog_dir / RETIRED_FILE
    if not path.is_file():
        return ()
    doc = load_yaml(path, settings.root, report, settings.max_yaml_bytes)
    found = check_document(doc, RetiredFile, report) if doc else None
    return tuple(found.retired) if found else ()


def check_retired(settings: Settings, retired: tuple[RetiredEntry, ...], folders: list[Path], report: Report) -> None:
    """An entry folder may not take the name of a removed enterprise."""
    gone = {r.slug: r for r in retired}
    for folder in folders:
        entry = gone.get(folder.name)
        if entry is None:
            continue
        report.error(
            Location(relpath(folder, settings.root)),
            f"폴더 이름 {josa(quoted(folder.name), '은')} 목록에서 내린 기업 '{entry.name}'의 이름이라 "
            "다른 항목이 쓸 수 없습니다 (인쇄물의 QR 코드가 아직 이 주소를 가리킵니다)",
            "다른 폴더 이름을 쓰세요. 같은 기업이 다시 올라오는 경우라면 사무국이 "
            f"catalog/{RETIRED_FILE}에서 이 이름을 지웁니다",
        )
