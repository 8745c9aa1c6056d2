"""The streaming join of rendered parts, on small PDFs made with pypdf (no WeasyPrint)."""

from __future__ import annotations

import gc
import weakref
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Link

from secatalog.pdf import assemble


def _part(path: Path, pages: int, links: list[str] = (), bookmark: str = "") -> Path:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    for n, uri in enumerate(links):
        writer.add_annotation(0, Link(rect=(0, 20 * n, 100, 20 * n + 10), url=uri))
    if bookmark:
        writer.add_outline_item(title=bookmark, page_number=pages - 1)
    writer.write(path)
    return path


def _page_index(reader: PdfReader, ref) -> int:
    return [page.indirect_reference.idnum for page in reader.pages].index(ref.idnum)


def test_links_jump_ahead_across_parts_and_bookmarks_follow_their_pages(tmp_path):
    parts = [
        _part(tmp_path / "a.pdf", 3, ["secatalog-page:5", "secatalog-page:99", "https://example.org/"], "첫째"),
        _part(tmp_path / "b.pdf", 3, bookmark="둘째"),
    ]
    out = tmp_path / "out.pdf"
    assert assemble.merge(parts, out, "제목", "만든 곳", date(2026, 11, 25), pad_to=4) == 8
    reader = PdfReader(out)
    assert len(reader.pages) == 8 and reader.trailer["/Root"]["/Lang"] == "ko"
    actions = [a.get_object()["/A"] for a in reader.pages[0]["/Annots"]]
    assert actions[0]["/S"] == "/GoTo" and _page_index(reader, actions[0]["/D"][0]) == 4  # page 5, in b.pdf
    assert actions[1]["/URI"] == "secatalog-page:99"  # no such page: left as it was
    assert actions[2]["/URI"] == "https://example.org/"
    marks = [(m.title, reader.get_destination_page_number(m)) for m in reader.outline]
    assert marks == [("첫째", 2), ("둘째", 5)]
    assert reader.metadata.title == "제목" and reader.metadata.creation_date.date() == date(2026, 11, 25)
    again = tmp_path / "again.pdf"
    assemble.merge(parts, again, "제목", "만든 곳", date(2026, 11, 25), pad_to=4)
    assert again.read_bytes() == out.read_bytes()  # reproducible: no clock, no random ID


def test_the_join_holds_one_part_at_a_time(tmp_path, monkeypatch):
    """The point of streaming: nothing kept from a part refers to its reader once the next one
    is read, so a book of any length joins in the memory of its largest part."""
    live: weakref.WeakSet = weakref.WeakSet()
    most = []

    class CountedReader(PdfReader):
        def __init__(self, *args, **kwargs):
            gc.collect()
            most.append(len(live))
            super().__init__(*args, **kwargs)
            live.add(self)

    monkeypatch.setattr(assemble, "PdfReader", CountedReader)
    parts = [_part(tmp_path / f"{n}.pdf", 2, ["secatalog-page:7"], f"부분 {n}") for n in range(6)]
    assert assemble.merge(parts, tmp_path / "out.pdf", "제목", "만든 곳", date(2026, 11, 25)) == 12
    assert most == [0] * 6


def test_parts_finishing_in_any_order_join_as_they_come(tmp_path):
    """A build joins each book while its other parts still render: a part waits only for the
    parts before it. The result is the same file as joining them in order at the end."""
    parts = [_part(tmp_path / f"{n}.pdf", 1 + n % 2, ["secatalog-page:1"], f"부분 {n}") for n in range(5)]
    names = [f"book:{n}" for n in range(5)]
    whole = tmp_path / "whole.pdf"
    pages = assemble.merge(parts, whole, "제목", "만든 곳", date(2026, 11, 25), pad_to=4)
    out = tmp_path / "joined.pdf"
    with assemble.Joins() as joins:
        join = joins.book(out, names, "제목", "만든 곳", date(2026, 11, 25), pad_to=4)
        joins.book(tmp_path / "single.pdf", ["single"], "한 장", "만든 곳", date(2026, 11, 25))
        for n in (3, 1, 4):
            joins.ready(names[n], parts[n])
        assert join.added == 0 and not out.exists()  # the first part has not come
        joins.ready(names[0], parts[0])
        assert join.added == 2  # the first and the one waiting for it; the third waits for the second
        joins.ready("single", parts[0])
        joins.ready(names[2], parts[2])
    assert join.pages == pages and out.read_bytes() == whole.read_bytes()
    assert len(PdfReader(tmp_path / "single.pdf").pages) == 1


def test_a_join_left_unfinished_by_a_failed_build_leaves_no_file(tmp_path):
    parts = [_part(tmp_path / f"{n}.pdf", 1) for n in range(3)]
    out = tmp_path / "book.pdf"
    with pytest.raises(RuntimeError), assemble.Joins() as joins:
        joins.book(out, ["a", "b", "c"], "제목", "만든 곳", date(2026, 11, 25))
        joins.ready("a", parts[0])
        assert out.exists()
        raise RuntimeError("a chunk failed")
    assert not out.exists()


def test_glyphs_are_read_from_both_forms_of_a_widths_array():
    from pypdf.generic import ArrayObject, NumberObject

    from secatalog.pdf.fonts import glyphs_in

    widths = ArrayObject(
        [
            NumberObject(3),
            ArrayObject([NumberObject(500), NumberObject(600)]),
            NumberObject(10),
            NumberObject(12),
            NumberObject(1000),
        ]
    )
    assert glyphs_in(widths) == {3, 4, 10, 11, 12}


def test_a_font_missing_from_the_cache_stops_the_join_with_a_message(tmp_path):
    from secatalog.errors import PrintError
    from secatalog.pdf.fonts import subset

    with pytest.raises(PrintError, match="글꼴 파일을 읽을 수 없습니다"):
        subset(tmp_path / "fonts" / "gone", 0, {1, 2})
    (tmp_path / "not-a-font").write_bytes(b"not a font")
    with pytest.raises(PrintError, match="부분집합을 만들 수 없습니다"):
        subset(tmp_path / "not-a-font", 0, {1, 2})
