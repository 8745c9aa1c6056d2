"""Write DIR/print/: the catalog's print and screen editions and one profile per enterprise."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .assemble import extract, merge
from .html import PRINT, SCREEN, PrintDocument
from .plan import PROFILE_PAGES
from .render import Job, render_all


@dataclass(frozen=True)
class PrintResult:
    pages: int
    rendered: int
    chunks: int
    refused: tuple[str, ...]


def write_all(prepared, out_dir: Path, workers: int | None = None) -> PrintResult:
    catalog = prepared.catalog
    settings = catalog.settings
    options = catalog.print_settings
    document = PrintDocument(catalog, prepared.photos, options.items_per_page, settings.date.isoformat())
    allowed = (str((settings.cache_dir / "photos").resolve()),)
    jobs = [Job(f"{edition.name}:{chunk.key}", document.html(chunk, edition), chunk.pages, allowed)
            for chunk in document.chunks for edition in (PRINT, SCREEN)]
    files, rendered, refused = render_all(jobs, settings.cache_dir / "pdf", workers,
                                          options.chunk_timeout_s, options.memory_limit_mb)
    net = catalog.network
    title = f"{net.name} 사회적경제 카탈로그 {net.edition}".strip()
    pages = 0
    for edition in (PRINT, SCREEN):
        parts = [files[f"{edition.name}:{chunk.key}"] for chunk in document.chunks]
        pages = merge(parts, out_dir / f"catalog-{edition.name}.pdf", title, net.name, settings.date)
    screen = out_dir / "catalog-screen.pdf"
    for ent in catalog.enterprises:
        first = document.profile_pages[ent.slug] - 1
        extract(screen, range(first, first + PROFILE_PAGES), out_dir / "enterprises" / f"{ent.slug}.pdf",
                f"{ent.record.name} 소개", net.name, settings.date)
    return PrintResult(pages, rendered, len(jobs), tuple(refused))
