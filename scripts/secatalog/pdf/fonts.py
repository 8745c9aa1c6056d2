"""One font subset per joined PDF instead of one per chunk.

WeasyPrint embeds in every chunk a subset of each font face it used. Its subsets keep the face's
glyph numbers, so the join can draw every chunk's text with one subset of the union of the glyphs:
a book of 16 chunks carried 16 copies of the Korean fonts (70% of the sample catalog's bytes).

The render worker records, next to each chunk, which face file each PDF font name came from
(`record`), and keeps a copy of each face in the cache by its content hash. The join then counts
the glyphs each part's fonts use (the widths array lists them) and writes one subset per face
(`subset`), made the way WeasyPrint makes its own."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

from ..errors import PrintError

SIDECAR = ".fonts.json"
# What WeasyPrint drops from its subsets (weasyprint/pdf/fonts.py): tables a PDF does not use.
DROP_TABLES = ("BASE", "DSIG", "EBDT", "EBLC", "EBSC", "GPOS", "GSUB", "JSTF", "LTSH", "PCLT", "SVG ")

_hashes: dict[tuple[bytes, int], str] = {}
"""A face's content hash by its PDF font name (which names its description) and index, worked out
once per worker: a Korean face file is about 20 MB."""


def sidecar(pdf: Path | str) -> Path:
    return Path(f"{pdf}{SIDECAR}")


def record(document, cache_dir: Path, pdf: str) -> None:
    """Write which face file each of a rendered document's PDF fonts comes from, keeping a copy
    of each face in cache_dir/fonts/ (written once: its name is its content hash)."""
    faces = {}
    for font in document.fonts.values():
        if font.bitmap:
            continue
        digest = _hashes.get((font.name, font.index)) or _keep(font, cache_dir)
        faces[font.name.decode("latin-1").removeprefix("/")] = {"face": digest, "index": font.index}
    tmp = f"{sidecar(pdf)}.tmp{os.getpid()}"
    Path(tmp).write_text(json.dumps(faces, sort_keys=True), "utf-8")
    os.replace(tmp, sidecar(pdf))


def _keep(font, cache_dir: Path) -> str:
    """Store the whole face file a font comes from (its font.file_content is now the subset)."""
    from weasyprint.text.fonts import get_hb_object_data

    data = get_hb_object_data(font.hb_face)
    digest = _hashes[(font.name, font.index)] = hashlib.sha256(data).hexdigest()
    stored = cache_dir / "fonts" / digest
    if not stored.exists():
        stored.parent.mkdir(parents=True, exist_ok=True)
        tmp = stored.with_name(f"{digest}.tmp{os.getpid()}")
        tmp.write_bytes(data)
        os.replace(tmp, stored)
    return digest


def faces_of(part: Path, cache_dir: Path) -> dict[str, tuple[Path, int]]:
    """The faces a rendered part's fonts come from, by PDF font name; empty when not recorded
    (that part's fonts are then copied as they are)."""
    try:
        faces = json.loads(sidecar(part).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    found = {}
    for name, face in faces.items():
        path = cache_dir / "fonts" / str(face.get("face", ""))
        if path.is_file() and path.parent == cache_dir / "fonts":
            found[name] = (path, int(face.get("index", 0)))
    return found


def glyphs_in(widths) -> set[int]:
    """The glyph numbers a CID font's /W array gives widths for: `c [w1 w2 ...]` or `c1 c2 w`."""
    found: set[int] = set()
    items = list(widths)
    i = 0
    while i + 1 < len(items):
        first = int(items[i])
        if isinstance(items[i + 1], list):
            found.update(range(first, first + len(items[i + 1])))
            i += 2
        else:
            found.update(range(first, int(items[i + 1]) + 1))
            i += 3
    return found


def subset(face_file: Path, index: int, glyphs: Iterable[int]) -> bytes:
    """A subset of a face with these glyphs at their own numbers, as WeasyPrint makes it: glyph
    numbers kept, then the empty numbers after the last glyph dropped, without hinting."""
    import uharfbuzz as hb

    glyphs = {0, *glyphs}  # .notdef, drawn for a character the face lacks
    try:
        face = hb.Face(hb.Blob(face_file.read_bytes()), index)
    except OSError as exc:
        raise PrintError(f"캐시의 글꼴 파일을 읽을 수 없습니다 ({face_file}: {exc.strerror})") from None
    plan = hb.SubsetInput()
    plan.glyph_set.update(glyphs)
    for tag in DROP_TABLES:
        plan.drop_table_tag_set.add(int.from_bytes(tag.encode("ascii"), "big"))
    keep = hb.SubsetFlags.PASSTHROUGH_UNRECOGNIZED | hb.SubsetFlags.DESUBROUTINIZE | hb.SubsetFlags.NOTDEF_OUTLINE
    plan.flags = keep | hb.SubsetFlags.RETAIN_GIDS
    trim = hb.SubsetInput()
    trim.glyph_set.update(range(max(glyphs) + 1))
    trim.flags = keep | hb.SubsetFlags.NO_HINTING
    try:
        return hb.subset(hb.subset(face, plan), trim).blob.data
    except RuntimeError:
        raise PrintError(
            f"글꼴 '{face_file.name}'의 부분집합을 만들 수 없습니다 (캐시 폴더를 지우고 다시 빌드하세요)"
        ) from None
