"""An enterprise profile's plan: one page when everything fits, two when it does not, and how tall
its product photos may be. Measured before rendering (fit.py), as the catalog's pages are planned
before WeasyPrint runs; the heights below follow print.css's .profile rules.

A small enterprise's profile was two pages, each about half empty: the facts on one, a short
product table on the other. It now takes one page unless its lists need two.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .fit import PT_MM
from .fit import line_mm as _line
from .fit import lines_in as _lines
from .tables import PAGE_MM, SAFETY_MM

WIDTH_MM = 180.0
"""The text area's width (A4 less print.css's 15 mm margins)."""
PHOTO_W_MM = 80.0
"""The enterprise's photo beside its facts (.profile-top img)."""
GAP_MM = 5.0
FACTS_TH_MM = 30.0
FOOT_MM = 28.0
"""The footer with the page's URL and QR (.profile-foot: 24 mm, its padding and rule)."""
PRODUCTS = 14
"""The most products, history lines, records and contributions a profile prints (the site has all)."""
LISTS = {"history": 6, "procurement_record": 6, "social_contribution": 5}
PHOTO_GRIDS = ((2, 4, 50.0, 66.0), (3, 3, 40.0, 57.0))
"""Product photos, the largest first: columns, most photos, least and most height in mm (a photo no
smaller than the least is left out; the most is square in three columns, 4:3 in two)."""
PHOTO_GAP_MM = 4.0
THUMB_MM = (20.0, 15.0)
"""A product's photo in its row of the table, when a one-page profile has no room for the row of photos."""


def _heading(pt: float = 13.0, below: float = 2.0, above: float = 0.0) -> float:
    return above + _line(pt, 1.25) + below


BODY_PT = 9.5
P_MARGIN = BODY_PT * PT_MM  # a paragraph's 1em margin


@dataclass(frozen=True)
class ProfilePlan:
    pages: int
    """1 or 2."""
    photo_mm: float = 0.0
    """The product photos' height; 0 when they are left out."""
    photo_w: float = 0.0
    photos: int = 0
    """How many product photos are shown, in rows of WIDTH_MM // photo_w."""
    thumbs: bool = False
    """Each product's photo in its table row instead (a one-page profile with a little room left)."""
    table_first: bool = True
    """On two pages: the product table on the first (with the facts) when it fits there."""
    lists_first: int = 0
    """On two pages: how many of the lists (history, record, contributions, in that order) follow
    the table on the first page, which would otherwise end a third empty."""


def plan_profile(ent: Any, category_names: dict[str, str]) -> ProfilePlan:
    """How many pages ent's profile takes and how tall its product photos are."""
    record = ent.record
    first, table, more = head(ent) + verdict(ent.eligibility), products(record, category_names), lists(record)
    pictured = [p.name for p in record.products if ent.product_photos.get(p.id)]
    room = PAGE_MM - SAFETY_MM - FOOT_MM
    rest = table + more
    if first + rest > room:  # two pages, the second as full as the first allows
        table_first = first + table <= room
        heights, ahead = list_heights(record), 0
        if table_first:  # the first page has no foot (the link and code close the profile)
            spare = PAGE_MM - SAFETY_MM - first - table
            while ahead < len(heights) and heights[ahead] <= spare:
                spare -= heights[ahead]
                ahead += 1
            # the second page keeps a list: alone, its photos repeated the catalog's pictures
            ahead = min(ahead, max(n for n, h in enumerate(heights) if h) if any(heights) else 0)
        second = sum(heights[ahead:]) if table_first else rest
        tall, wide, shown = photo_grid(room - second, pictured)
        return ProfilePlan(2, tall, wide, shown, table_first=table_first, lists_first=ahead)
    tall, wide, shown = photo_grid(room - first - rest, pictured)
    if shown:
        return ProfilePlan(1, tall, wide, shown)
    ids = {p.id for p in record.products if ent.product_photos.get(p.id)}
    with_thumbs = products(record, category_names, ids) + lists(record)
    return ProfilePlan(1, thumbs=bool(ids) and first + with_thumbs <= room)


def photo_grid(room: float, captions: list[str]) -> tuple[float, float, int]:
    """The product photos' height, width and count: the largest grid the room holds, with its
    heading and each row's captions; no photos when not even a row of the smallest fits."""
    for cols, most, least, tallest in PHOTO_GRIDS:
        shown = captions[:most]
        if len(shown) < min(cols, 2):  # one photo alone in a grid of two reads as a gap
            continue
        width = (WIDTH_MM - (cols - 1) * PHOTO_GAP_MM) / cols
        rows = [shown[i : i + cols] for i in range(0, len(shown), cols)]
        chrome = _heading(above=2.0) + 2.0
        for row in rows:
            chrome += 1.0 + max(_lines(c, width, 8.5) for c in row) * _line(8.5) + PHOTO_GAP_MM
        tall = min((room - chrome) / len(rows), tallest)
        if tall >= least:
            return round(tall, 1), round(width, 1), len(shown)
    return 0.0, 0.0, 0


def head(ent: Any) -> float:
    """Kicker, name, badges, then the mission and the facts table beside the photo."""
    record = ent.record
    top = _line(8) + 1.0 + _lines(record.name, WIDTH_MM, 20, 3) * _line(20, 1.25) + 4.0 + _line(7.5) + 1.0 + P_MARGIN
    beside = WIDTH_MM - PHOTO_W_MM - GAP_MM if ent.photos else WIDTH_MM
    about = _lines(record.mission, beside, BODY_PT) * _line(BODY_PT) + 3.0
    cell = beside - FACTS_TH_MM - 4.0
    for text in facts(ent):
        about += _lines(text, cell, BODY_PT, 5) * _line(BODY_PT) + 2.4 + 0.4
    return top + max(about, PHOTO_W_MM * 0.75 if ent.photos else 0.0) + 3.0


def buyer_contact(record: Any) -> str:
    """Whom a buyer calls, when not the main line: '사무장 · 041-000-0101 · order@…' (the site's
    call button used it, the printed profile did not)."""
    c = record.contact
    if not (c.phone or c.email):
        return ""
    return " · ".join(str(part) for part in (c.role, c.phone, c.email) if part)


def facts(ent: Any) -> list[str]:
    """The facts table's cells (for their measure: the template writes them)."""
    e = ent.record
    cells = [e.founded, e.representative, e.address, e.phone, buyer_contact(e), e.email, e.business_number]
    out = [str(c) for c in cells if c]
    if e.workers:
        groups = ", ".join(e.workers.vulnerable_groups)
        out.append(f"유급 {e.workers.paid}명 (취약계층 {e.workers.vulnerable}명: {groups})")
    if ent.certs:
        out.append(", ".join(f"{c.name} {c.number or ''} ({c.validity or ''}) · {c.source}" for c in ent.certs))
    return out


VERDICT_MM = 62.0  # .verdict's max-height


def verdict(el: Any) -> float:
    width = WIDTH_MM - 8.0 - 2.0  # padding and the thick left rule
    kicker = "0000년 기준 · 규정 확인일 0000-00-00"
    if el.verified:
        kicker += f" · 사무국 확인 0000-00-00 ({el.verified.source})"
    lines = [_line(8) * _lines(kicker, width, 8)]
    texts = list(el.reasons) + ([el.expiry_notice] if el.expiry_notice else [])
    if el.eligible:
        texts.append(f"{el.rule.label} — 추정 가격 {el.limit_krw:,}원 이하 계약. 근거: {el.rule.basis}")
    if el.status == "pending":
        texts.append("사무국이 공식 자료와 대조하는 중입니다. 확인이 끝나기 전에는 수의계약 근거로 쓰지 마세요.")
    lines += [_lines(t, width - 4.5, BODY_PT) * _line(BODY_PT) for t in texts]
    inner = _heading(below=1.0) + sum(lines) + 4 * 1.0
    return min(VERDICT_MM, inner + 4.0 + 0.7) + 4.0


def products(record: Any, category_names: dict[str, str], thumbs: set[str] | frozenset = frozenset()) -> float:
    """The products table under its heading: rows of at most two lines (print.css clamps them),
    or as tall as the photo in them (thumbs: the products shown so)."""
    name_w = (WIDTH_MM - 46.0 - (THUMB_MM[0] + 3.0 if thumbs else 0.0)) / 2 - 4.0  # the price column, padded
    rows = _line(9) + 2.4
    for p in record.products[:PRODUCTS]:
        cells = (p.name, category_names.get(p.category, p.category))
        text = max(_lines(text, name_w, 9, 2) for text in cells) * _line(9)
        rows += max(text, THUMB_MM[1] if p.id in thumbs else 0.0) + 2.4
    return _heading(above=2.0) + rows + 4.0


def lists(record: Any) -> float:
    """History, procurement record and contributions: items of at most two lines (clamped)."""
    return sum(list_heights(record))


def list_heights(record: Any) -> list[float]:
    """Each list's height under its heading, in print order; 0 for an empty one."""
    out = []
    for texts in list_texts(record):
        lines = sum(_lines(t, WIDTH_MM - 4.5, BODY_PT, 2) for t in texts)
        out.append(_heading(above=2.0) + 2.0 + lines * _line(BODY_PT) if texts else 0.0)
    return out


def list_texts(record: Any) -> list[list[str]]:
    """The three lists' lines as printed (for their measure: the template writes them)."""
    return [
        [f"{h.year}년 {h.text}" for h in record.history[: LISTS["history"]]],
        [
            f"{r.year} {r.buyer} — {r.item}" + (f" ({r.amount:,}원)" if r.amount else "")
            for r in record.procurement_record[: LISTS["procurement_record"]]
        ],
        [c.text for c in record.social_contribution[: LISTS["social_contribution"]]],
    ]
