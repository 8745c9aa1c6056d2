"""The case book: chapters by sector and one Markdown case per file with checked front matter.

casebook/book.yml      title, foreword file, ordered chapters
casebook/cases/*.md    '---' YAML front matter '---' then the story in Markdown
References to enterprises and items are checked against the catalog, at file:line.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import Location, Report, relpath
from ..korean import josa, quoted
from ..model.casebook import Book, Case, Casebook, CaseFront
from ..model.catalog import Catalog
from ..model.entries import suggest
from ..model.slugs import slug_problem
from ..settings import Settings
from .documents import Document, load_yaml, parse_yaml, read_text
from .files import check_tree, photo_refs
from .scaffold import PLACEHOLDERS
from .texts import check_texts, placeholder
from .validate import check_document, check_markup


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """Return (front matter, body, line where the front matter starts) or None."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None
    for n, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return "\n".join(lines[1:n]), "\n".join(lines[n + 1 :]), 2
    return None


def _parse_case(path: Path, settings: Settings, report: Report) -> tuple[Document, str] | None:
    shown = relpath(path, settings.root)
    text = read_text(path, shown, report, settings.max_yaml_bytes)
    if text is None:
        return None
    parts = split_front_matter(text)
    if parts is None:
        report.error(
            Location(shown, 1, 1),
            "파일 맨 위에 '---'로 둘러싼 머리 정보가 없습니다",
            "secatalog new case로 만든 양식처럼 '---' 줄 사이에 title 등을 적으세요",
        )
        return None
    front, body, offset = parts
    # Blank lines keep line numbers equal to the file's own.
    doc = parse_yaml("\n" * (offset - 1) + front, path, shown, report)
    body_line = offset + front.count("\n") + 2
    if doc is None or not check_markup(Location(shown, body_line, 1), body, report, "본문"):
        return None
    if body.strip() in PLACEHOLDERS:
        placeholder(Location(shown, body_line, 1), body, report)
    return doc, body


def load_casebook(settings: Settings, catalog: Catalog, report: Report) -> Casebook | None:
    """Read casebook/ if it exists; report every problem; return None when there is none."""
    folder = settings.root / "casebook"
    book_path = folder / "book.yml"
    if not book_path.exists():
        return None
    book_doc = load_yaml(book_path, settings.root, report, settings.max_yaml_bytes)
    book = check_document(book_doc, Book, report) if book_doc else None
    if book is None:
        return None
    foreword_path = folder / book.foreword
    foreword = ""
    if foreword_path.is_file() and not foreword_path.is_symlink():
        shown = relpath(foreword_path, settings.root)
        foreword = read_text(foreword_path, shown, report, settings.max_yaml_bytes) or ""
        if not check_markup(Location(shown, 1, 1), foreword, report):
            foreword = ""
    else:
        report.error(
            book_doc.locate(("foreword",)),
            f"머리말 파일 {josa(quoted(book.foreword), '이')} 없습니다",
            "casebook/ 폴더에 파일을 만들거나 이름을 고치세요",
        )
    check_tree(settings.root, folder, report)
    chapters = {c.id: c for c in book.chapters}
    ents = {e.slug: e for e in catalog.enterprises}
    items = {i.uid: i for i in catalog.items}
    folders = settings.enterprises_dir
    broken = {p.name for p in folders.iterdir() if p.is_dir()} - set(ents) if folders.is_dir() else set()
    cases: list[Case] = []
    for path in sorted((folder / "cases").glob("*.md")):
        case = _load_case(path, settings, chapters, ents, items, broken, report)
        if case:
            cases.append(case)
    grouped = tuple((ch, tuple(c for c in cases if c.chapter.id == ch.id)) for ch in book.chapters)
    ordered = tuple(c for _, group in grouped for c in group)
    return Casebook(book, foreword, grouped, ordered)


def _load_case(
    path: Path, settings: Settings, chapters: dict, ents: dict, items: dict, broken: set[str], report: Report
) -> Case | None:
    slug = path.stem
    problem = slug_problem(slug)
    if problem:
        report.error(Location(relpath(path, settings.root)), f"파일 이름 {problem[0]}", problem[1])
        return None
    parsed = _parse_case(path, settings, report)
    if parsed is None:
        return None
    doc, body = parsed
    front = check_document(doc, CaseFront, report)
    if front is None:
        return None
    check_texts(doc, front, report)
    ok = True
    if front.chapter not in chapters:
        ok = False
        report.error(
            doc.locate(("chapter",)),
            f"알 수 없는 장 '{front.chapter}'입니다.{suggest(front.chapter, chapters)}",
            "casebook/book.yml의 chapters에 있는 id를 쓰세요",
            "chapter",
        )
    for n, slug_ref in enumerate(front.enterprises):
        if slug_ref in broken:
            ok = False  # that entry's own errors are already reported
        elif slug_ref not in ents:
            ok = False
            report.error(
                doc.locate(("enterprises", n)),
                f"기업 {josa(quoted(slug_ref), '을')} 찾을 수 없습니다.{suggest(slug_ref, ents)}",
                "content/enterprises/의 폴더 이름을 쓰세요",
                f"enterprises[{n}]",
            )
    for n, uid in enumerate(front.items):
        if uid.split("/")[0] in broken:
            ok = False
        elif uid not in items:
            ok = False
            report.error(
                doc.locate(("items", n)),
                f"제품 {josa(quoted(uid), '을')} 찾을 수 없습니다.{suggest(uid, items)}",
                "'기업 폴더/제품 id' 형식으로 쓰세요",
                f"items[{n}]",
            )
    photos = photo_refs(doc, path.parent, front.photos, ("photos",), settings, report)
    if not ok:
        return None
    return Case(
        slug,
        doc.shown,
        front,
        body,
        chapters[front.chapter],
        tuple(ents[s] for s in front.enterprises),
        tuple(items[u] for u in front.items),
        photos,
    )
