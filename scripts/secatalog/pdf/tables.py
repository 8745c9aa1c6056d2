"""The printed tables whose rows wrap: the catalog's index (찾아보기) and the members' trade list.

A row is as tall as its tallest cell, measured before rendering (fit.py), and pages are filled
up to a height, so a long enterprise name takes two lines instead of being cut at the cell's
edge. The cells' texts are made here once; the templates only lay them out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from ..jinja import with_org
from ..korean import initial
from ..markup import priced
from .fit import PT_MM, line_count, line_mm

PAGE_MM = 258.0
"""The height of a .page (print.css): the A4 text area."""
SAFETY_MM = 6.0
"""Room left at each page's foot for rounding in the measures."""


TEL_GUTTER_MM = 2.5
"""More room before a phone number after a right-aligned price (.trade-table .tel's left padding
in print.css): the price ran into it ("28,000원/5kg 041-000-0103")."""


@dataclass(frozen=True)
class Column:
    title: str
    width: float
    """mm, padding included (the stylesheet's table-layout: fixed honours it)."""
    cls: str = ""
    """price, mark, num (right or centred) or tel (never broken)."""


@dataclass(frozen=True)
class Table:
    """A table's columns and type: what a row's height follows from."""

    columns: tuple[Column, ...]
    font_pt: float
    pad_x: float = 1.5
    pad_y: float = 1.0
    line_height: float = 1.45
    tel_gutter: float = 0.0
    """More room before the phone where a right-aligned price stands beside it (TEL_GUTTER_MM)."""
    group_pt: float = 0.0
    """A heading row's own type size (0: the table's): the index's consonants stand out at 11 pt,
    their row no taller than an item's (a larger one took the book's last notes page)."""

    @property
    def line_mm(self) -> float:
        return line_mm(self.font_pt, self.line_height)

    def row_height(self, cells: tuple[str, ...]) -> float:
        em = self.font_pt * PT_MM
        gutter = {"tel": self.tel_gutter}
        widths = [(col.width - 2 * self.pad_x - gutter.get(col.cls, 0.0)) / em for col in self.columns]
        return self.lines_height(max(line_count(text, width) for width, text in zip(widths, cells, strict=True)))

    @property
    def group_height(self) -> float:
        """A heading row: one line at its own size (1.2 leading), or at a row's."""
        if not self.group_pt:
            return self.lines_height(1)
        return line_mm(self.group_pt, 1.2) + 2 * self.pad_y + 0.2

    def lines_height(self, lines: int) -> float:
        """A row of that many lines of text, padding and rule included."""
        return lines * self.line_mm + 2 * self.pad_y + 0.2


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]
    height: float
    kind: str = "item"
    """item, or a heading row across the table: category, or sub (a subcategory under it)."""


def group_row(table: Table, name: str, kind: str = "category") -> Row:
    """A heading row across the table, one line (it never wraps: a category name is short)."""
    return Row((name,), table.group_height, kind)


def paginate(rows: list[Row], first_room: float, room: float) -> list[list[Row]]:
    """Rows cut into pages of at most first_room (then room) mm; a heading never ends a page (it
    would stand alone): it goes with the headings under it and the first item row. A page that
    begins inside a category repeats its heading (and its subcategory's), marked (계속), so no
    page starts with rows whose category the reader cannot see."""
    pages: list[list[Row]] = [[]]
    left = first_room
    heads: dict[str, Row] = {}  # the category and subcategory the rows are under
    for n, row in enumerate(rows):
        need = row.height
        if row.kind != "item" and (n == 0 or rows[n - 1].kind == "item"):
            following = n + 1
            while following < len(rows) and rows[following].kind != "item":
                following += 1
            need = sum(r.height for r in rows[n : following + 1])
        if pages[-1] and need > left:
            carried = [_continued(heads[kind]) for kind in _CARRIED[row.kind] if kind in heads]
            pages.append(carried)
            left = room - sum(r.height for r in carried)
        if row.kind == "category":
            heads = {}
        if row.kind != "item":
            heads[row.kind] = row
        pages[-1].append(row)
        left -= row.height
    return pages


_CARRIED = {"category": (), "sub": ("category",), "item": ("category", "sub")}
"""The headings a page repeats when it begins with a row of this kind."""


def _continued(heading: Row) -> Row:
    return Row((f"{heading.cells[0]} (계속)",), heading.height, heading.kind)


INDEX = Table(
    (
        # The category is a heading row above its items (as in the trade list), not a column: the
        # width goes to the price, which then keeps its unit on one line ("27,000원/1상자 (2,500매)").
        Column("품목", 43),
        Column("기업", 41),
        Column("가격", 42, "price"),
        Column("수의계약", 16, "mark"),
        Column("전화", 27, "tel"),  # "010-1234-5678" at 9 pt (at 24 mm even 041-000-0006 was measured on two lines)
        Column("쪽", 11, "num"),  # four digits at 9 pt: the count of pages is measured with 9999
    ),
    font_pt=9,  # the body's tables' size (8.5 pt read as fine print beside them)
    group_pt=11,
)
INDEX_TITLE_MM = 14.0  # the first page's heading (h1, 20 pt, and its margin)
INDEX_KICKER_MM = 6.0  # the following pages' kicker line


def price_cell(product: Any) -> str:
    """A price for a narrow cell: no spaces around the unit's slash, and a note in parentheses
    never broken ("(3분 내외)" read "(3분/내외)" on two lines)."""
    return re.sub(r"\([^()]*\)", lambda m: m[0].replace(" ", "\u00a0"), priced(product, "/"))


def bundle_key(bundle: Any) -> str:
    """A bundle's key among the item pages (plan.item_page_numbers): its page in the index."""
    return f"bundle:{bundle.slug}"


def index_row(item: Any, page: int) -> Row:
    p, rec = item.product, item.enterprise.record
    cells = (
        p.name,
        rec.name,
        price_cell(p),
        item.eligibility.word,
        rec.contact.phone or rec.phone or "없음",
        str(page),
    )
    return Row(cells, INDEX.row_height(cells))


def bundle_row(bundle: Any, page: int) -> Row:
    """A bundle in the index: its makers counted, its price, whether its items may be bought
    directly (all, some or none)."""
    makers = len({item.enterprise.slug for item in bundle.items})
    direct = sum(1 for item in bundle.items if item.eligibility.eligible)
    name = bundle.record.name
    cells = (
        name if name.endswith("꾸러미") else f"{name} (꾸러미)",  # never "초록 사무실 꾸러미 (꾸러미)"
        f"기업 {makers}곳",
        price_cell(bundle.record),
        "가능" if direct == len(bundle.items) else "일부 가능" if direct else "해당 없음",
        "사무국 문의",  # its parts' makers are several: the secretariat takes the order
        str(page),
    )
    return Row(cells, INDEX.row_height(cells))


def index_pages(items: list[Any], bundles: list[Any], pages: dict[str, int]) -> list[list[Row]]:
    """The index's rows by page: every item and bundle in 가나다 order under its first consonant
    (the contents already list them by category). Page numbers are as wide whatever they are, so
    the rows can be measured before the numbers are known (pages may be {} to count the pages)."""
    entries = [((i.product.name, i.enterprise.record.name), index_row(i, pages.get(i.uid, 9999))) for i in items]
    entries += [((b.record.name, ""), bundle_row(b, pages.get(bundle_key(b), 9999))) for b in bundles]
    rows: list[Row] = []
    heading = None
    # Hangul first in 가나다 order (code point order), then names beginning otherwise
    for (name, _), row in sorted(entries, key=lambda entry: (not initial(entry[0][0]), entry[0])):
        letter = initial(name) or "기타"
        if letter != heading:
            heading = letter
            rows.append(group_row(INDEX, letter))
        rows.append(row)
    header = INDEX.row_height(tuple(c.title for c in INDEX.columns))
    room = PAGE_MM - header - SAFETY_MM
    return paginate(rows, room - INDEX_TITLE_MM, room - INDEX_KICKER_MM) if rows else [[]]


TRADE = Table(
    (
        Column("제품·서비스", 35),
        Column("기업 (조직 유형)", 39.5),  # "바다빛여행 마을기업 (예시) · 사회적기업" on two lines at most
        Column("가격", 32, "price"),  # "250,000원/아동 1명 월 이용료" on two lines, not three
        Column("전화", 29.5, "tel"),  # a mobile number on one line after its gutter
        Column("이메일", 44),  # order@barun.example.org on one line (at 40 mm it was measured on two,
        # and the first page ended a quarter empty)
    ),
    font_pt=9,
    tel_gutter=TEL_GUTTER_MM,
)
TRADE_TITLE_MM = 26.0  # the first page's heading and note
TRADE_SIZES = (9.0, 8.5, 8.0)
"""The trade list's type, largest first: a smaller one only where it saves a last, nearly empty page."""
NEARLY_EMPTY = 0.3
"""A last page filled less than this share is worth a smaller type, if that saves it."""


def trade_rows(categories: list[tuple[Any, list[Any]]], org_types: dict, table: Table = TRADE) -> list[Row]:
    rows = []
    for category, items in categories:
        if items:
            rows.append(group_row(table, category.name))
        for item in items:
            p, rec = item.product, item.enterprise.record
            cells = (
                p.name,
                with_org(rec.name, org_types[rec.org_type].short),
                price_cell(p),
                rec.contact.phone or rec.phone or "없음",
                rec.contact.email or rec.email or "없음",
            )
            rows.append(Row(cells, table.row_height(cells)))
    return rows


def trade_pages(categories: list[tuple[Any, list[Any]]], org_types: dict) -> tuple[list[list[Row]], Table]:
    """The trade list's rows by page and the table they were measured for: its usual type, or a
    slightly smaller one when that saves a last page that would hold only a few rows."""
    first = None
    for pt in TRADE_SIZES:
        table = replace(TRADE, font_pt=pt)
        header = table.row_height(tuple(c.title for c in table.columns))
        room = PAGE_MM - header - SAFETY_MM
        pages = paginate(trade_rows(categories, org_types, table), room - TRADE_TITLE_MM, room)  # (no kicker after)
        if first is None:  # the usual type, kept unless its last page is nearly empty
            first = (pages, table)
            if len(pages) == 1 or sum(r.height for r in pages[-1]) >= NEARLY_EMPTY * room:
                return first
        elif len(pages) < len(first[0]):
            return pages, table
    assert first is not None
    return first
