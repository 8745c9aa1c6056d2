"""Certificate files members upload: judged by their bytes, published without metadata.

A certificate image is decoded with the photo limits and re-encoded without EXIF or GPS; a
certificate PDF must start with the PDF signature and parse, and carries no scripts, forms or
attachments; its pages are copied into a new file without the document's metadata. Anything
else is refused with a Korean message, whatever its name says.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
from pathlib import Path

from PIL import Image, ImageOps

from .. import images

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")
SUFFIXES = (".pdf", *IMAGE_SUFFIXES)
RECIPE = "1"
_ACTIVE_KEYS = ("/JavaScript", "/JS", "/OpenAction", "/AA", "/EmbeddedFiles", "/AcroForm", "/Launch", "/RichMedia")
NOT_PDF = ("PDF 파일이 아닙니다 (이름만 .pdf입니다)", "인증서를 PDF로 저장하거나 스캔한 사진(JPEG, PNG)으로 올리세요")
BROKEN_PDF = ("PDF를 읽을 수 없습니다 (깨졌거나 암호가 걸려 있습니다)", "암호 없이 다시 저장한 PDF를 올리세요")
ACTIVE_PDF = (
    "PDF에 스크립트·입력 양식·첨부 파일이 들어 있어 쓸 수 없습니다",
    "인증서를 'PDF로 인쇄'해 새로 저장하거나 스캔한 사진으로 올리세요",
)


def problem(path: Path, max_pixels: int) -> images.ImageProblem | None:
    """Why a certificate file cannot be published, or None."""
    if path.suffix.lower() == ".pdf":
        return _pdf_problem(path)
    try:
        images.inspect(path, max_pixels)
    except images.ImageProblem as exc:
        return exc
    return images.decode_problem(path, max_pixels)


def _pdf_problem(path: Path) -> images.ImageProblem | None:
    with path.open("rb") as fh:
        if not fh.read(1024).lstrip(b"\x00\t\n\r ").startswith(b"%PDF-"):
            return images.ImageProblem(*NOT_PDF)
    try:
        reader = _reader(path)
        if reader.is_encrypted or not reader.pages:
            return images.ImageProblem(*BROKEN_PDF)
        if _active(reader):
            return images.ImageProblem(*ACTIVE_PDF)
        _copy_pages(reader, io.BytesIO())  # exactly what publishing does: every object is read
    except Exception:
        return images.ImageProblem(*BROKEN_PDF)
    return None


def _reader(path: Path):
    from pypdf import PdfReader

    # pypdf logs what it repairs in English; our verdict is the Korean message.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    return PdfReader(io.BytesIO(path.read_bytes()), strict=False)


def _has_action(obj) -> bool:
    return any(key in obj for key in ("/A", "/AA", "/JS", "/JavaScript"))


def _active(reader) -> bool:
    """Scripts, actions, forms or attachments anywhere in the catalog or on a page."""
    root = reader.trailer["/Root"]
    names = root.get("/Names")
    if any(k in root for k in _ACTIVE_KEYS) or (names is not None and any(k in names for k in _ACTIVE_KEYS)):
        return True
    for page in reader.pages:
        if any(k in page for k in _ACTIVE_KEYS):
            return True
        for annot in page.get("/Annots") or []:
            obj = annot.get_object()
            if obj.get("/Subtype") in _ACTIVE_ANNOTS or _has_action(obj):
                return True
    return False


# What a published page keeps: its drawing and its boxes. Annotations, metadata, thumbnails,
# application data and actions are left behind.
_PAGE_KEYS = {
    "/Type",
    "/Parent",
    "/Contents",
    "/Resources",
    "/MediaBox",
    "/CropBox",
    "/BleedBox",
    "/TrimBox",
    "/ArtBox",
    "/Rotate",
    "/UserUnit",
}
_ACTIVE_ANNOTS = ("/FileAttachment", "/Widget", "/RichMedia", "/Movie", "/Sound", "/Screen", "/3D")


def publish(path: Path, cache_dir: Path, max_pixels: int) -> Path:
    """A clean copy of a checked certificate file, cached by content."""
    digest = hashlib.sha256(RECIPE.encode())
    digest.update(path.read_bytes())
    target = cache_dir / f"{digest.hexdigest()}{path.suffix.lower()}"
    if target.is_file() and not target.is_symlink():
        return target
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f"{target.name}.tmp{os.getpid()}")
    if path.suffix.lower() == ".pdf":
        with tmp.open("wb") as fh:
            _copy_pages(_reader(path), fh)
    else:
        _reencode(path, tmp, max_pixels)
    tmp.replace(target)
    return target


def _copy_pages(reader, out) -> None:
    from pypdf import PdfWriter
    from pypdf.generic import NameObject

    writer = PdfWriter()
    for page in reader.pages:
        # Dropped before copying, so nothing they point at is carried into the new file.
        for key in [k for k in page if k not in _PAGE_KEYS]:
            del page[NameObject(key)]
        writer.add_page(page)
    writer.write(out)


def _reencode(path: Path, target: Path, max_pixels: int) -> None:
    with images.pixel_limit(max_pixels), Image.open(path, formats=images.ALLOWED_FORMATS) as im:
        fmt = im.format
        upright = ImageOps.exif_transpose(im)
        if fmt == "JPEG" or upright.mode not in ("RGB", "RGBA", "L", "LA"):
            upright = upright.convert("RGBA" if "A" in upright.mode and fmt != "JPEG" else "RGB")
        # Rebuilt from pixels alone: no EXIF, GPS, XMP, ICC or text chunks survive.
        clean = Image.frombytes(upright.mode, upright.size, upright.tobytes())
        clean.save(target, fmt, **({"quality": 90} if fmt in ("JPEG", "WEBP") else {}))
