"""A WeasyPrint URL fetcher that reads only our own files and never the network."""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import URLFetcher, URLFetcherResponse

log = logging.getLogger("secatalog.pdf")

ALLOWED_DATA = ("data:image/svg+xml", "data:image/png", "data:image/jpeg")


class RestrictedFetcher(URLFetcher):
    """Serve file:// URLs inside the allowed folders (no symlinks); refuse everything else.

    Refused URLs are remembered, so tests and the build can show what was blocked.
    """

    def __init__(self, allowed: list[Path], **kwargs) -> None:
        super().__init__(allowed_protocols=("file", "data"), allow_redirects=False, timeout=1, **kwargs)
        self.allowed = [p.resolve() for p in allowed]
        self.refused: list[str] = []

    def fetch(self, url: str, headers=None):
        if url.startswith("data:"):
            if url.lower().startswith(ALLOWED_DATA):
                return super().fetch(url, headers)
            return self._refuse(url)
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            return self._refuse(url)
        path = Path(unquote(parts.path))
        if not self._inside(path):
            return self._refuse(url)
        return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": _mime(path)})

    def _inside(self, path: Path) -> bool:
        if ".." in path.parts or not path.is_absolute():
            return False
        for root in self.allowed:
            if path.is_relative_to(root):
                # No link anywhere between the allowed folder and the file.
                probe = path
                while probe != root:
                    if probe.is_symlink():
                        return False
                    probe = probe.parent
                return path.is_file()
        return False

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
