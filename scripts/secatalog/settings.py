"""Typed settings for one build: where things are and the limits untrusted input must obey."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from .images import DEFAULT_MAX_FILE_MB, DEFAULT_MAX_PIXELS

MAX_YAML_BYTES = 512 * 1024


def build_date() -> date:
    """The date the build speaks of: SOURCE_DATE_EPOCH when set, so builds are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()


def cache_root() -> Path:
    """Where photos and PDF chunks are cached: outside every project, so a checkout (or a pull
    request) can never plant a cached file. Entries are named by content hash, so projects can
    share it. SECATALOG_CACHE_DIR overrides it (tests use a fresh folder)."""
    configured = os.environ.get("SECATALOG_CACHE_DIR")
    if configured:
        return Path(configured).expanduser().resolve()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base).resolve() / "secatalog"


@dataclass(frozen=True)
class Settings:
    """Paths and limits. Every limit guards against a careless or hostile pull request."""

    root: Path
    """The project folder (holds mkdocs.yml, content/, catalog/, casebook/)."""
    max_pixels: int = DEFAULT_MAX_PIXELS
    """Largest photo, in pixels, decoded at all; bigger ones are refused before decoding."""
    max_photo_bytes: int = DEFAULT_MAX_FILE_MB * 1024 * 1024
    """Largest photo or certificate file accepted, in bytes."""
    max_yaml_bytes: int = MAX_YAML_BYTES
    """Largest YAML or Markdown entry file accepted, in bytes."""
    today: date | None = None
    """The date used for expiry checks; defaults to build_date()."""

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def enterprises_dir(self) -> Path:
        return self.content_dir / "enterprises"

    @property
    def bundles_dir(self) -> Path:
        return self.content_dir / "bundles"

    @property
    def catalog_dir(self) -> Path:
        return self.root / "catalog"

    @property
    def cache_dir(self) -> Path:
        return cache_root()

    @property
    def photo_cache(self) -> Path:
        """Processed photos: the site copies them, the print editions read them (nothing else)."""
        return self.cache_dir / "photos"

    @property
    def date(self) -> date:
        return self.today or build_date()
