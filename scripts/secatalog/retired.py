"""Retired slugs: enterprises the secretariat removed from the catalog (catalog/retired.yml).

A removed enterprise's printed QR codes and shared links keep pointing at its old addresses,
so its folder name is retired: no other entry may take it (a buyer scanning an old booklet
would land on somebody else), and its old pages say that it is no longer listed. Only the
secretariat changes catalog/ (ownership check); taking the name back means deleting it there.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pydantic import Field, model_validator

from .config import Settings
from .config_model import once_each
from .errors import Location, Report, relpath
from .fields import Line, Name, Slug
from .korean import josa, quoted
from .load import load_yaml
from .model import Record
from .validate import check_document

RETIRED_FILE = "retired.yml"


class RetiredEntry(Record):
    slug: Slug = Field(description="목록에서 내린 기업의 폴더 이름 (옛 주소 enterprises/<slug>/)")
    name: Name = Field(description="내릴 때의 기업 이름 (옛 주소의 안내 페이지에 보임)")
    removed: date = Field(description="목록에서 내린 날 (YYYY-MM-DD)")
    note: Line = Field("", description="안내 페이지에 덧붙이는 말 (예: 폐업, 다른 네트워크로 옮김)")
    products: list[Slug] = Field(
        [], description="그 기업의 옛 제품 id: 옛 제품 주소 items/<slug>/<id>/도 안내 페이지가 됩니다"
    )


class RetiredFile(Record):
    """catalog/retired.yml"""

    retired: list[RetiredEntry] = []

    @model_validator(mode="after")
    def _each_once(self) -> RetiredFile:
        once_each([r.slug for r in self.retired], "폴더 이름", "한 기업은 한 번만 적으세요")
        return self


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
