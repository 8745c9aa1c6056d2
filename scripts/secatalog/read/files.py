"""READ, safely: which files an entry may use (no links, no escapes, no lookalike names)."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

from .. import images
from ..errors import Location, Report, relpath
from ..korean import josa, quoted
from ..model.catalog import PhotoRef
from ..model.entries import Photo, suggest
from ..settings import Settings
from .documents import Document
from .mistakes import SUFFIX_HINTS, too_big_hint


def check_tree(root: Path, top: Path, report: Report) -> None:
    """Refuse symlinks and names that collide after Unicode normalization or case folding.

    Walked with os.scandir, whose entries know whether they are links without another system
    call: a national catalog has tens of thousands of files, checked on every build."""
    if not top.exists():
        return
    pending = [top]
    while pending:
        folder = pending.pop()
        with os.scandir(folder) as found:
            entries = sorted(found, key=lambda e: e.name)
        seen: dict[str, str] = {}
        for item in entries:
            name = item.name
            if item.is_symlink():
                report.error(_shown(item, root), "심볼릭 링크는 쓸 수 없습니다", "링크 대신 실제 파일을 올리세요")
            elif item.is_dir():
                pending.append(Path(item.path))
            nfc = unicodedata.normalize("NFC", name)
            folded = nfc.casefold()
            if folded in seen:
                report.error(
                    _shown(item, root),
                    f"{josa(quoted(seen[folded]), '과')} 이름이 사실상 같습니다 (대소문자나 한글 조합 방식만 다름)",
                    "둘 중 하나의 이름을 바꾸세요",
                )
            seen[folded] = name
            if name != nfc:
                report.error(
                    _shown(item, root),
                    "파일 이름이 NFD(맥 방식) 한글입니다",
                    "파일 이름을 영문 소문자로 바꾸고 (예: photo1.jpg), enterprise.yml에 적은 이름도 똑같이 고치세요",
                )


def _shown(item: os.DirEntry, root: Path) -> Location:
    return Location(relpath(Path(item.path), root))


def entry_file(
    folder: Path, name: str, shown_loc: Location, settings: Settings, report: Report, suffixes: tuple[str, ...]
) -> Path | None:
    path = folder / name
    if not path.exists() and not path.is_symlink():
        siblings = sorted(p.name for p in folder.iterdir() if p.is_file())
        nfd = [s for s in siblings if s != name and unicodedata.normalize("NFC", s) == name]
        if nfd:
            report.error(
                shown_loc,
                f"파일 '{name}'의 이름이 맥(macOS) 방식 한글(NFD)로 저장되어 있어 찾지 못했습니다",
                "파일 이름을 영문 소문자로 바꾸고 (예: photo1.jpg), 이 줄에 적은 이름도 똑같이 고치세요",
            )
            return None
        same_but_case = [s for s in siblings if s.casefold() == name.casefold()]
        if same_but_case:
            report.error(
                shown_loc,
                f"파일 {josa(quoted(name), '이')} 없습니다. "
                f"올린 파일 {josa(quoted(same_but_case[0]), '과')} 대소문자만 다릅니다",
                f"파일 이름의 대소문자까지 똑같이 {josa(quoted(same_but_case[0]), '으로')} 적으세요",
            )
            return None
        report.error(
            shown_loc,
            f"파일 {josa(quoted(name), '이')} 없습니다.{suggest(name, siblings)}",
            f"{relpath(folder, settings.root)}/ 폴더에 파일을 올리거나 이름을 고치세요",
        )
        return None
    if path.is_symlink() or not path.resolve().is_relative_to(folder.resolve()):
        report.error(shown_loc, f"{josa(quoted(name), '은')} 폴더 밖을 가리킵니다", "같은 폴더의 실제 파일만 쓰세요")
        return None
    if not path.is_file():
        report.error(
            shown_loc,
            f"{josa(quoted(name), '은')} 파일이 아니라 폴더입니다",
            "폴더 안의 파일을 꺼내 기업 폴더에 바로 올리고, 그 파일 이름을 적으세요",
        )
        return None
    if path.suffix.lower() not in suffixes:
        report.error(
            shown_loc,
            f"'{name}'의 형식({path.suffix or '확장자 없음'})은 쓸 수 없습니다",
            SUFFIX_HINTS.get(path.suffix.lower(), f"{', '.join(suffixes)} 파일만 쓸 수 있습니다"),
        )
        return None
    size = path.stat().st_size
    if size > settings.max_photo_bytes:
        report.error(
            shown_loc,
            f"'{name}' 파일이 너무 큽니다 ({size / 1048576:.1f}MB)",
            too_big_hint(settings.max_photo_bytes // 1048576),
        )
        return None
    return path


def photo_refs(
    doc: Document, folder: Path, photos: list[Photo], at: tuple, settings: Settings, report: Report
) -> tuple[PhotoRef, ...]:
    refs = []
    for i, photo in enumerate(photos):
        loc = doc.locate(at + (i, "file"))
        path = entry_file(folder, photo.file, loc, settings, report, (".jpg", ".jpeg", ".png", ".webp"))
        if path is None:
            continue
        try:
            info = images.inspect(path, settings.max_pixels)
        except images.ImageProblem as exc:
            report.error(loc, f"'{photo.file}': {exc.message}", exc.hint)
            continue
        if info.width < images.PRINT_WIDTH:
            report.warn(
                loc,
                f"'{photo.file}'의 해상도가 인쇄에 부족합니다 ({info.width}픽셀, 권장 {images.PRINT_WIDTH}픽셀 이상)",
                "더 큰 원본 사진을 올리면 인쇄물이 선명해집니다",
            )
        refs.append(PhotoRef(path, relpath(path, settings.root), photo.alt, info, loc, photo.focus))
    return tuple(refs)


def refuse_cache_in_project(settings: Settings, report: Report) -> None:
    """A build cache inside the project may have come with a pull request: never read, refused."""
    stale = settings.root / ".cache" / "secatalog"
    if stale.exists() or stale.is_symlink():
        report.error(
            Location(relpath(stale, settings.root)),
            "프로젝트 안에 빌드 캐시 폴더가 있습니다. 저장소로 들어온 캐시는 믿을 수 없어 쓰지 않습니다",
            f"이 폴더를 지우세요. 캐시는 이제 프로젝트 밖({settings.cache_dir})에 둡니다",
        )
