"""Photo arithmetic (pure) and the small Pillow I/O functions that use it."""

from __future__ import annotations

import hashlib
import os
import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageFile, ImageOps

from .korean import josa

# Bump when the derivative recipe changes, so caches are rebuilt.
RECIPE = "2"
ALLOWED_FORMATS = ("JPEG", "PNG", "WEBP")
EXTENSIONS = {"JPEG": (".jpg", ".jpeg"), "PNG": (".png",), "WEBP": (".webp",)}
WEB_WIDTHS = (480, 960)
PRINT_WIDTH = 1240  # about 300 dpi at the 105 mm a half-page card prints a photo
DEFAULT_MAX_MEGAPIXELS = 100  # phones take 48-50 MP photos (8064x6048); JPEGs are decoded at reduced scale
# A bomb is a huge picture in a tiny file: past this size, more pixels per byte than any photo has is refused.
BOMB_FROM_PIXELS = 20_000_000
BOMB_PIXELS_PER_BYTE = 500
DEFAULT_MAX_PIXELS = DEFAULT_MAX_MEGAPIXELS * 1_000_000
DEFAULT_MAX_FILE_MB = 20


class ImageProblem(Exception):
    """A photo that cannot be used, with a Korean message and fix."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __reduce__(self):  # problems come back from worker processes: keep both parts
        return type(self), (self.message, self.hint)


@dataclass(frozen=True)
class ImageInfo:
    format: str
    width: int
    height: int


@dataclass(frozen=True)
class Derivative:
    """One output file of a photo: its width, height, format and name in the site."""

    width: int
    height: int
    fmt: str
    role: str = "web"

    @property
    def ext(self) -> str:
        return {"WEBP": "webp", "JPEG": "jpg"}[self.fmt]

    @property
    def stem(self) -> str:
        return "print" if self.role == "print" else str(self.width)

    def name(self, key: str) -> str:
        return f"{key[:16]}-{self.stem}.{self.ext}"


# --- pure arithmetic ---------------------------------------------------------------------


def scaled(width: int, height: int, target: int) -> tuple[int, int]:
    """Scale to a target width without ever upsampling; keep the aspect ratio."""
    if width <= target:
        return width, height
    return target, max(1, round(height * target / width))


def plan(width: int, height: int) -> list[Derivative]:
    """List the derivatives of a photo of the given (upright) size, smallest first."""
    out: list[Derivative] = []
    seen: set[int] = set()
    for target in WEB_WIDTHS:
        w, h = scaled(width, height, target)
        if w in seen:
            continue
        seen.add(w)
        out += [Derivative(w, h, "WEBP"), Derivative(w, h, "JPEG")]
    w, h = scaled(width, height, PRINT_WIDTH)
    out.append(Derivative(w, h, "JPEG", "print"))
    return out


# --- I/O -----------------------------------------------------------------------------------


def sniff(head: bytes) -> str | None:
    """Name formats we refuse, from their first bytes, to give a useful message."""
    if head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftyphevc", b"ftypavif"):
        return "HEIC"
    stripped = head.lstrip()
    if stripped.startswith((b"<svg", b"<?xml", b"<!DOCTYPE svg")):
        return "SVG"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "GIF"
    if head.startswith(b"%PDF"):
        return "PDF"
    return None


HEIC_HINT = (
    "아이폰 사진(HEIC)입니다. JPEG로 바꿔 올리세요. 아이폰: 설정 > 카메라 > 포맷 > "
    "'높은 호환성'을 고른 뒤 다시 찍거나, 사진 앱에서 사진을 '파일에 저장'할 때 옵션 > '가장 호환성 높음'을 "
    "고르세요. 윈도: 사진 앱으로 열고 [...] > [다른 이름으로 저장]에서 형식을 .jpg로 고르세요"
)
"""An iPhone photo (named .heic, or renamed .jpg): how to make it a JPEG on an iPhone and on Windows."""

_REFUSED_HINTS = {
    "HEIC": HEIC_HINT,
    "SVG": "SVG 그림은 쓸 수 없습니다. PNG나 JPEG로 저장해 올리세요",
    "GIF": "GIF는 쓸 수 없습니다. PNG나 JPEG로 저장해 올리세요",
    "PDF": "PDF는 사진 자리에 쓸 수 없습니다. 인증서라면 certifications의 file에 넣으세요",
}


def inspect(path: Path, max_pixels: int = DEFAULT_MAX_PIXELS) -> ImageInfo:
    """Read only the header: format, size; refuse bombs and wrong formats before decoding."""
    with path.open("rb") as fh:
        head = fh.read(64)
    refused = sniff(head)
    if refused:
        raise ImageProblem(f"지원하지 않는 형식({refused})입니다", _REFUSED_HINTS[refused])
    too_big = ImageProblem(
        f"그림의 화소 수가 너무 많습니다 (최대 {max_pixels:,}화소)", "사진을 긴 변 4000픽셀 이하로 줄여 저장하세요"
    )
    try:
        with warnings.catch_warnings(), pixel_limit(max_pixels):
            # Pillow only warns between 1x and 2x its limit: our cap is a refusal in Korean.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path, formats=ALLOWED_FORMATS) as im:
                info = ImageInfo(im.format or "", im.width, im.height)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_big from None
    except Exception:
        raise ImageProblem(
            "사진 파일로 읽을 수 없습니다 (깨졌거나 사진이 아닙니다)", "JPEG, PNG, WebP 사진으로 다시 저장하세요"
        ) from None
    pixels = info.width * info.height
    if pixels > max_pixels:
        raise too_big
    if pixels > BOMB_FROM_PIXELS and pixels > BOMB_PIXELS_PER_BYTE * path.stat().st_size:
        raise ImageProblem(
            f"파일 크기에 비해 화소 수가 비정상적으로 많습니다 ({info.width}x{info.height})",
            "사진 앱에서 사진을 다시 저장하거나 긴 변 4000픽셀 이하로 줄여 올리세요",
        )
    if path.suffix.lower() not in EXTENSIONS.get(info.format, ()):
        raise ImageProblem(
            f"파일 확장자({path.suffix})와 실제 형식({info.format})이 다릅니다",
            f"파일 이름을 {josa(EXTENSIONS[info.format][0], '으로')} 바꾸세요",
        )
    return info


UNREADABLE = (
    "사진 파일을 끝까지 읽을 수 없습니다 (파일이 잘렸거나 깨졌습니다)",
    "휴대폰이나 사진 앱에서 사진을 다시 내보내 올리세요",
)


def decode_problem(path: Path, max_pixels: int = DEFAULT_MAX_PIXELS) -> ImageProblem | None:
    """Decode a photo the way derive() will; the problem that would stop the build, if any."""
    try:
        _upright_rgb(path, PRINT_WIDTH, max_pixels).close()
    except Exception as exc:
        return problem_of(exc)
    return None


def problem_of(exc: Exception) -> ImageProblem:
    """What a failed decode means to a member: our own refusal, or else one answer for truncated
    data, corrupt streams and bombs past the header."""
    return exc if isinstance(exc, ImageProblem) else ImageProblem(*UNREADABLE)


def content_key(path: Path) -> str:
    digest = hashlib.sha256(RECIPE.encode())
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@contextmanager
def pixel_limit(max_pixels: int):
    """Pillow's bomb limit and truncation rule are process-wide: set ours, then put theirs back
    (builds run inside `serve` and tests, next to other users of Pillow)."""
    before = Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES
    # Importing WeasyPrint turns truncated loading on for the whole process; a cut-off photo must fail.
    Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES = max_pixels, False
    try:
        yield
    finally:
        Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES = before


def _upright_rgb(path: Path, biggest: int, max_pixels: int) -> Image.Image:
    with pixel_limit(max_pixels):
        im = Image.open(path, formats=ALLOWED_FORMATS)
        if im.format == "JPEG":
            # Decode at a reduced scale when the photo is far larger than any output.
            im.draft("RGB", (biggest, biggest))
        im.seek(0)
        im.load()
    im = ImageOps.exif_transpose(im)
    if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
        im = im.convert("RGBA")
        flat = Image.new("RGB", im.size, (255, 255, 255))
        flat.paste(im, mask=im.getchannel("A"))
        return flat
    if im.mode in ("I;16", "I;16B", "I;16L", "I"):
        im = im.point(lambda v: v / 256).convert("L")
    return im.convert("RGB")


def derive(path: Path, out_dir: Path, max_pixels: int = DEFAULT_MAX_PIXELS) -> list[tuple[Derivative, Path]]:
    """Decode a photo once and write every derivative, without any metadata, into out_dir."""
    im = _upright_rgb(path, PRINT_WIDTH, max_pixels)
    results = []
    out_dir.mkdir(parents=True, exist_ok=True)
    current = im
    for d in sorted(plan(im.width, im.height), key=lambda d: -d.width):
        if current.width != d.width:
            current = current.resize((d.width, d.height), Image.Resampling.LANCZOS, reducing_gap=3.0)
        target = out_dir / f"{d.stem}.{d.ext}"
        tmp = target.with_suffix(f".tmp{os.getpid()}")
        # No exif/icc arguments: the outputs carry no GPS or other metadata.
        if d.fmt == "WEBP":
            current.save(tmp, "WEBP", quality=78, method=4)
        else:
            current.save(tmp, "JPEG", quality=82, optimize=True, progressive=True)
        tmp.replace(target)
        results.append((d, target))
    return results
