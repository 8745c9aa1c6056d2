"""A WeasyPrint URL fetcher that reads only processed photos and never the network."""

from __future__ import annotations

import functools
import io
import logging
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote

import segno
from weasyprint.urls import URLFetcher, URLFetcherResponse

log = logging.getLogger("secatalog.pdf")

ALLOWED_DATA = ("data:image/svg+xml", "data:image/png", "data:image/jpeg")


PHOTO_SCHEME = "photo:"
"""Print HTML names photos as photo:<path inside the photo cache>: no machine path reaches the
PDF (WeasyPrint names each image after its URL), so any two builds give the same bytes."""


def photo_url(path: Path, root: Path) -> str:
    return PHOTO_SCHEME + quote(path.resolve().relative_to(root.resolve()).as_posix())


QR_SCHEME = "qr:"
"""Print HTML names a QR code as qr:<the text it holds>, and the fetcher draws it when WeasyPrint
asks, in the render worker: as an SVG path each code cost WeasyPrint 19 ms to draw and the build
process 10 ms to make, 12,500 codes in a national catalog."""
QR_MAX = 1000
"""The longest text a QR code holds here (a web address); longer is refused, not drawn."""


def qr_url(text: str) -> str:
    return QR_SCHEME + quote(text, safe="")


@functools.lru_cache(maxsize=256)
def qr_png(text: str) -> bytes:
    """A one-bit PNG of one pixel per module; printed sharp (CSS image-rendering: pixelated
    turns off the PDF's smoothing), at any size, like the vector code it replaces."""
    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=1, border=2)
    return buffer.getvalue()


class RestrictedFetcher(URLFetcher):
    """Serve photo: URLs from files inside one folder (no symlinks, no ..) and qr: codes; refuse
    everything else: file://, the network, and data: URLs other than images.

    Refused URLs are remembered, so tests and the build can show what was blocked.
    """

    def __init__(self, root: Path, **kwargs) -> None:
        super().__init__(allowed_protocols=("data",), allow_redirects=False, timeout=1, **kwargs)
        self.root = root.resolve()
        self.refused: list[str] = []

    def fetch(self, url: str, headers=None):
        if url.startswith("data:"):
            if url.lower().startswith(ALLOWED_DATA):
                return super().fetch(url, headers)
            return self._refuse(url)
        if url.startswith(QR_SCHEME):
            text = unquote(url.removeprefix(QR_SCHEME))
            if len(text) > QR_MAX:
                return self._refuse(url)
            return URLFetcherResponse(url, body=qr_png(text), headers={"Content-Type": "image/png"})
        if not url.startswith(PHOTO_SCHEME):
            return self._refuse(url)
        relative = PurePosixPath(unquote(url.removeprefix(PHOTO_SCHEME)))
        if relative.is_absolute() or not relative.parts or ".." in relative.parts:
            return self._refuse(url)
        path = self.root.joinpath(*relative.parts)
        if not self._inside(path):
            return self._refuse(url)
        return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": _mime(path)})

    def _inside(self, path: Path) -> bool:
        probe = path  # no link anywhere between the folder and the file
        while probe != self.root:
            if probe.is_symlink():
                return False
            probe = probe.parent
        return path.is_file()

    def _refuse(self, url: str):
        self.refused.append(url)
        log.warning("PDF: 허용되지 않은 주소를 읽지 않았습니다: %s", url[:120])
        raise ValueError(f"refused: {url[:120]}")


def _mime(path: Path) -> str:
    return {
        ".jpg": "image/jpeg",
        ".jpeg": "image/jpeg",
        ".png": "image/png",
        ".webp": "image/webp",
        ".css": "text/css",
        ".svg": "image/svg+xml",
    }.get(path.suffix.lower(), "application/octet-stream")
