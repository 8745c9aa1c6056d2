"""Static assets the plugin adds to every site (CSS and the filter script)."""

from __future__ import annotations

from pathlib import Path

ASSETS = Path(__file__).parents[1] / "assets"


def asset_files() -> list[tuple[str, Path]]:
    """(site path, file) for each packaged asset."""
    return [(f"assets/secatalog/{p.name}", p) for p in sorted(ASSETS.iterdir()) if p.is_file()]
