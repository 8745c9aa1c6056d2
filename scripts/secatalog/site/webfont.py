"""The site's Korean face, self-hosted: a subset of Noto Sans CJK KR (the print font) holding
the characters the built site uses, as WOFF2 in assets/secatalog/fonts/.

Without it every visitor saw whatever their system had (Malgun Gothic, Apple SD Gothic, a
Linux fallback), so the site looked different on each. A full CJK face is 16 MB; the sample
site's subset is a small fraction of that (measured in tests/test_site_text.py). The subset is
cached by its characters, so a rebuild that adds no new character costs nothing.
"""

from __future__ import annotations

import hashlib
import io
import logging
import shutil
import subprocess
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.secatalog")

FAMILY = "Noto Sans CJK KR"
WEIGHTS = (400, 700)
FOLDER = "assets/secatalog/fonts"
_FIRST_PRINTABLE, _LAST_ASCII = 0x20, 0x7E


def face(weight: int) -> tuple[Path, int] | None:
    """The system's face file and collection index for the family at weight (fontconfig)."""
    if not shutil.which("fc-match"):
        return None
    pattern = f"{FAMILY}:weight={'bold' if weight >= 700 else 'regular'}"
    found = subprocess.run(["fc-match", "-f", "%{file}\n%{index}\n%{family}", pattern], capture_output=True, text=True)
    lines = found.stdout.splitlines()
    if found.returncode or len(lines) < 3 or FAMILY not in lines[2]:
        return None
    return Path(lines[0]), int(lines[1] or 0)


def used_characters(site: Path) -> str:
    """Every character of the site's pages and search index beyond ASCII, with printable ASCII."""
    chars = {chr(c) for c in range(_FIRST_PRINTABLE, _LAST_ASCII + 1)}
    for path in [*site.rglob("*.html"), *(site / "search").glob("*.json")]:
        chars.update(ch for ch in path.read_text("utf-8", errors="ignore") if ord(ch) > _LAST_ASCII)
    return "".join(sorted(chars))


def subset(source: Path, index: int, text: str, target: Path) -> None:
    """The face cut down to text's characters, as WOFF2. HarfBuzz cuts (milliseconds; fontTools'
    subsetter took about two seconds a face, paid by every build that adds a character), with its
    default layout features; fontTools only wraps the result as WOFF2 (Brotli)."""
    import uharfbuzz as hb
    from fontTools.ttLib import TTFont

    plan = hb.SubsetInput()
    plan.unicode_set.update(ord(ch) for ch in text)
    plan.name_id_set.clear()
    plan.name_id_set.update((1, 2))  # family and style: no licence prose in every visitor's download
    # Desubroutinised CFF compresses better under Brotli (measured: 44 KB against 48 KB for the fixture).
    plan.flags = hb.SubsetFlags.DESUBROUTINIZE | hb.SubsetFlags.NOTDEF_OUTLINE
    cut = hb.subset(hb.Face(hb.Blob.from_file_path(str(source)), index), plan)
    # (recalcTimestamp would stamp the save time in the head table: two builds, two fonts)
    font = TTFont(io.BytesIO(bytes(cut.blob.data)), recalcTimestamp=False)
    font.flavor = "woff2"
    tmp = target.with_suffix(".tmp")
    font.save(tmp)
    tmp.replace(target)


def write(site: Path, cache_dir: Path) -> dict[int, int]:
    """Write assets/secatalog/fonts/ko-<weight>.woff2 for the site; returns their sizes in
    bytes. A machine without the face writes none and the stylesheet falls back."""
    text = used_characters(site)
    out = site / FOLDER
    sizes: dict[int, int] = {}
    for weight in WEIGHTS:
        found = face(weight)
        if found is None:
            log.info("웹 글꼴: %s를 찾지 못해 방문자 기기의 글꼴로 보입니다", FAMILY)
            return sizes
        source, index = found
        key = hashlib.sha256(f"hb\0{source}\0{source.stat().st_mtime_ns}\0{index}\0{text}".encode()).hexdigest()[:20]
        cached = cache_dir / "webfont" / f"{key}-{weight}.woff2"
        if not cached.exists():
            cached.parent.mkdir(parents=True, exist_ok=True)
            subset(source, index, text, cached)
        out.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, out / f"ko-{weight}.woff2")
        sizes[weight] = cached.stat().st_size
    return sizes
