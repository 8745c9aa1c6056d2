"""Write DIR/print/: the catalog's and the case book's print and screen editions, one profile
per enterprise, one 품목 확인서 per item, the members' trade list and the desk calendar."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from .assemble import Joins
from .cards import CardsDocument, publish
from .html import (
    PRINT,
    SCREEN,
    CalendarDocument,
    CasebookDocument,
    CatalogDocument,
    ProfileDocument,
    SheetDocument,
    TradeDocument,
)
from .overflow import Clipped
from .render import Task, render_all

# Under mkdocs' logger, so `mkdocs build --strict` fails on it as on any content warning.
log = logging.getLogger("mkdocs.plugins.secatalog.print")


@dataclass
class Documents:
    """Everything a build prints, and the render jobs for it by group."""

    books: dict[str, object]
    singles: list
    """Stand-alone screen-edition documents (links, tags, no bleed) that also print on an office
    printer: profiles, 품목 확인서, the trade list. One job each, so an edited item renders its
    own sheet again and no other."""
    desk: CalendarDocument
    news: CardsDocument
    photos: str

    def jobs(self) -> dict[str, list[Task]]:
        photos = self.photos
        return {
            "books": [
                chunk_task(part_name(name, ed, chunk), doc, chunk, ed, photos, ed.screen)
                for name, doc in self.books.items()
                for chunk in doc.chunks
                for ed in (PRINT, SCREEN)
                if in_edition(chunk, ed)
            ],
            "singles": [_whole(doc, SCREEN, photos) for doc in self.singles],
            "promotion": [  # the calendar for the printer (bleed, crop marks); cards to rasterise
                _whole(self.desk, PRINT, photos),
                # a catalog without items or cases has no cards (and an empty document is one blank page)
                *([_whole(self.news, SCREEN, photos, tagged=False)] if self.news.cards else []),
            ],
        }


def _whole(doc, edition, photos: str, tagged: bool | None = None) -> Task:
    """The job for a document of one chunk, named by the file it becomes. Screen documents are
    tagged for screen readers, unless nobody reads the PDF itself (the cards become images)."""
    return chunk_task(doc.path, doc, doc.chunks[0], edition, photos, edition.screen if tagged is None else tagged)


def in_edition(chunk, edition) -> bool:
    """Notes pages make up the printer's fold; a screen reader has no use for them."""
    return not (edition.screen and chunk.kind == "notes")


def part_name(book: str, edition, chunk) -> str:
    """A book chunk's job name in one edition: what the render pool and the book's join both use."""
    return f"{book}:{edition.name}:{chunk.key}"


def chunk_task(name: str, doc, chunk, edition, photos: str, tagged: bool) -> Task:
    """A chunk's job, its HTML written only when the render pool takes it."""
    return Task(name, lambda: doc.job(name, chunk, edition, photos, tagged))


def documents(prepared) -> Documents:
    catalog = prepared.catalog
    created = catalog.settings.date.isoformat()
    photos = prepared.photos
    per_page = catalog.print_settings.items_per_page
    books = {"catalog": CatalogDocument(catalog, photos, per_page, created)}
    if catalog.casebook is not None:
        books["casebook"] = CasebookDocument(catalog, photos, created)
    for edition, part in catalog.print_editions():  # each its own book: contents, index, pages
        books[f"editions/{edition.id}"] = CatalogDocument(part, photos, per_page, created, edition.title)
    singles = [ProfileDocument(catalog, photos, created, ent) for ent in catalog.enterprises]
    singles += [SheetDocument(catalog, photos, created, item) for item in catalog.items]
    singles.append(TradeDocument(catalog, photos, created))
    news = CardsDocument(catalog, photos, created)
    return Documents(
        books, singles, CalendarDocument(catalog, photos, created), news, str(catalog.settings.photo_cache)
    )


def write_all(prepared, site: Path, workers: int | None = None) -> None:
    """Render every chunk of every book, sheet and card in one pool, joining each book's editions
    into site/print/ as their parts finish; rasterise the cards into site/cards/."""
    out_dir = site / "print"
    catalog = prepared.catalog
    settings = catalog.settings
    options = catalog.print_settings
    docs = documents(prepared)
    tasks = [task for group in docs.jobs().values() for task in group]
    by = (catalog.network.name, settings.date)
    with Joins() as joins:
        printed = {}
        for name, doc in docs.books.items():
            for edition in (PRINT, SCREEN):
                parts = [part_name(name, edition, chunk) for chunk in doc.chunks if in_edition(chunk, edition)]
                pad_to = 1 if edition.screen else 4  # the printer folds sheets into fours
                join = joins.book(out_dir / f"{name}-{edition.name}.pdf", parts, doc.title, *by, pad_to)
                if not edition.screen:
                    printed[f"{name}-{edition.name}.pdf"] = (doc.title, join)
        for doc in docs.singles:
            joins.book(out_dir / doc.path, [doc.path], doc.title, *by)
        desk = docs.desk
        calendar = joins.book(out_dir / desk.path, [desk.path], desk.title, *by)
        printed[desk.path] = (f"{desk.title} (재단 220 x 150 mm 가로, 도련 3.5 mm, 재단선; 표지 1쪽 + 12달)", calendar)
        rendered = render_all(
            tasks, settings.cache_dir / "pdf", workers, options.chunk_timeout_s, options.memory_limit_mb, joins.ready
        )
    report_clipped(rendered.clipped)
    files = rendered.files
    notes = {path: (title, join.pages) for path, (title, join) in printed.items()}
    (out_dir / "README.txt").write_text(printer_notes(notes, catalog), "utf-8")
    publish(docs.news, files.get(docs.news.path), site / "cards")


def report_clipped(clipped: dict[str, list[Clipped]]) -> None:
    """Warn of every text a printed page cuts (the PDF's text layer would still read it whole).
    A long name or figure in one cell should not stop a network's publication, so it is a
    warning: `secatalog build` lists it, `mkdocs build --strict` fails on it."""
    for name, cuts in clipped.items():
        for cut in cuts:
            log.warning(
                "인쇄물 '%s' %d쪽에서 글자가 칸 밖으로 잘립니다 (%s): '%s' — 그 글을 줄여 쓰거나, "
                "줄일 수 없으면 사무국이 secatalog 이슈로 알려 주세요",
                name,
                cut.page,
                cut.box,
                cut.text[:60],
            )


def printer_notes(printed: dict[str, tuple[str, int]], catalog) -> str:
    """What a print shop needs to know about the files, in the words it uses."""
    files = "\n".join(f"- {name}: {title}, {pages}쪽" for name, (title, pages) in printed.items())
    contact = catalog.network.contact
    ask = " ".join(str(v) for v in (contact.role, contact.phone, contact.email) if v)
    return f"""인쇄소 안내 ({catalog.network.name}, {catalog.settings.date.isoformat()} 만듦)

인쇄용 파일
{files}

- 판형: 카탈로그·사례집은 A4 (210 x 297 mm) 재단 크기, 사방 도련 3.5 mm (그림은 재단선 밖 4 mm까지)
- 재단선: 도련 밖 흰 여백에 표시 (용지는 재단 크기보다 사방 10 mm 큼, 230 x 317 mm)
- PDF 상자: TrimBox = A4, BleedBox = 도련 포함 크기 (217 x 304 mm), MediaBox = 용지 크기
- 쪽수: 카탈로그·사례집은 4의 배수 (중철 제본용; 모자라는 쪽은 뒤표지 앞에 메모 쪽으로 채움), 마지막 쪽이 뒤표지
- 색: RGB (sRGB). 인쇄소의 색 관리로 CMYK 변환하세요.
- 글꼴: Noto Sans CJK KR, 쓰인 글자만 PDF 안에 모두 들어 있음 (글꼴 설치 필요 없음)
- 사진: 인쇄 크기에서 약 300 dpi

화면용 파일(*-screen.pdf, enterprises/, items/)은 링크와 책갈피가 있는 열람용이며 인쇄용이 아닙니다.
문의: {ask or catalog.network.name}
"""
