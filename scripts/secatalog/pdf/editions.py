"""Write DIR/print/: the catalog's print and screen editions and one profile per enterprise."""

from __future__ import annotations

from pathlib import Path

from .assemble import extract, merge
from .html import PRINT, SCREEN, CasebookDocument, CatalogDocument
from .plan import PROFILE_PAGES
from .render import Job, render_all


def write_all(prepared, out_dir: Path, workers: int | None = None) -> None:
    """Render every chunk of every book in one pool, then join each book's two editions."""
    catalog = prepared.catalog
    settings = catalog.settings
    options = catalog.print_settings
    created = settings.date.isoformat()
    books = {"catalog": CatalogDocument(catalog, prepared.photos, options.items_per_page, created)}
    if catalog.casebook is not None:
        books["casebook"] = CasebookDocument(catalog, prepared.photos, created)
    photos = str(settings.photo_cache)
    jobs = [
        Job(f"{name}:{edition.name}:{chunk.key}", doc.html(chunk, edition), chunk.pages, photos)
        for name, doc in books.items()
        for chunk in doc.chunks
        for edition in (PRINT, SCREEN)
    ]
    files, _, _ = render_all(
        jobs, settings.cache_dir / "pdf", workers, options.chunk_timeout_s, options.memory_limit_mb
    )
    net = catalog.network
    for name, doc in books.items():
        for edition in (PRINT, SCREEN):
            parts = [files[f"{name}:{edition.name}:{chunk.key}"] for chunk in doc.chunks]
            pad_to = 1 if edition.screen else 4  # the printer folds sheets into fours
            merge(parts, out_dir / f"{name}-{edition.name}.pdf", doc.title, net.name, settings.date, pad_to)
    document = books["catalog"]
    screen = out_dir / "catalog-screen.pdf"
    for ent in catalog.enterprises:
        first = document.profile_pages[ent.slug] - 1
        extract(
            screen,
            range(first, first + PROFILE_PAGES),
            out_dir / "enterprises" / f"{ent.slug}.pdf",
            f"{ent.record.name} 소개",
            net.name,
            settings.date,
        )
