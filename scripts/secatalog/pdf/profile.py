"""An enterprise profile's plan: one page when everything fits, two when it does not, and how tall
its product photos may be. Measured before rendering (fit.py), as the catalog's pages are planned
before WeasyPrint runs; the heights below follow print.css's .profile rules.

A small enterprise's profile was two pages, each about half empty: the facts on one, a short
product table on the other. It now takes one page unless its lists need two.

The catalog prints every product's photo on its item card, so its profiles show none again (a
grid read as the same pictures twice; small ones in the table, where room allowed, made some
profiles differ from the rest), only the card's page. Lists that would push a profile onto a
second page stand side by side instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .fit import line_mm as _line
from .fit import lines_in as _lines
from .tables import PAGE_MM, SAFETY_MM

WIDTH_MM = 180.0
"""The text area's width (A4 less print.css's 15 mm margins)."""
PHOTO_W_MM = 80.0
"""The enterprise's photo beside its facts (.profile-top img)."""
GAP_MM = 5.0
FACTS_TH_MM = 30.0
HEAD_QR_MM = 28.0
"""The page's code and its caption at the head's right (.profile-head: its padding)."""
HEAD_MIN_MM = 27.0 + 3.4
"""The head at least as tall as the code and its caption, and its margin."""
PRODUCTS = 14
"""The most products, history lines, records and contributions a profile prints (the site has all)."""
LISTS = {"history": 6, "procurement_record": 6, "social_contribution": 5}
PHOTO_GRIDS = ((2, 4, 50.0, 66.0), (3, 3, 40.0, 57.0))
"""Product photos, the largest first: columns, most photos, least and most height in mm (a photo no
smaller than the least is left out; the most is square in three columns, 4:3 in two)."""
PHOTO_GAP_MM = 4.0
COLUMN_GAP_MM = 8.0
COLUMN_MM = (WIDTH_MM - COLUMN_GAP_MM) / 2
"""A list's width when the lists stand in two columns (.profile-lists)."""
THUMBS = ((36.0, 27.0), (28.0, 21.0), (20.0, 15.0))
"""A product's photo in its table row (width, height in mm), the largest the page holds, when a
one-page profile has no room for a grid of photos (or is in the catalog, which has shown them)."""
PAGE_COL_MM = 14.0
"""The catalog's column of the page each product's card is on."""


def _heading(pt: float = 13.0, below: float = 2.0, above: float = 0.0) -> float:
    return above + _line(pt, 1.25) + below


BODY_PT = 9.5


@dataclass(frozen=True)
class ProfilePlan:
    pages: int
    """1 or 2."""
    photo_mm: float = 0.0
    """The product photos' height; 0 when they are left out."""
    photo_w: float = 0.0
    photos: int = 0
    """How many product photos are shown, in rows of WIDTH_MM // photo_w."""
    thumbs: tuple[float, float] | tuple[()] = ()
    """Each product's photo in its table row instead, this wide and tall (THUMBS); () for none."""
    in_catalog: bool = False
    """The products table says on which of the catalog's pages each card is."""
    table_first: bool = True
    """On two pages: the product table on the first (with the facts) when it fits there."""
    lists_first: int = 0
    """On two pages: how many of the lists (history, record, contributions, in that order) follow
    the table on the first page, which would otherwise end a third empty."""
    beside: tuple[str, ...] = ()
    """The facts beside the enterprise's photo (FACTS keys, in order)."""
    below: tuple[str, ...] = ()
    """The long facts under the photo at full width, when that is shorter than a narrow column."""
    columns: int = 0
    """The lists side by side: how many of them fill the left column (0: one under another)."""
    cases: tuple[Any, ...] = ()
    """The case book's cases this enterprise supplied, as many as the page's room holds (each
    links to its page on the site)."""
    memo: bool = False
    """Ruled lines for the buyer's notes on this enterprise fill the rest of the page (the
    catalog's one-page profiles ended a fifth empty under their lists). Not measured here: the
    measures above are cautious by design, and lines they counted left the gap they leave; the
    template writes more lines than any page holds and the page keeps those that fit."""


def plan_profile(
    ent: Any,
    category_names: dict[str, str],
    site_url: str,
    in_catalog: bool = False,
    cases: tuple = (),
    band: float = 0.0,
) -> ProfilePlan:
    """How many pages ent's profile takes and how tall its product photos are. site_url: the
    site's address, printed with the page's at the head. in_catalog: the product photos are
    printed on the item cards, so none are shown again. cases: the case book's cases
    the enterprise supplied, shown under the lists where a one-page profile has room. band: the
    height of the section's band over the first profile (fit.band_mm), 0 for the others."""
    record = ent.record
    beside, below = split_facts(ent)
    top = band + title(ent, site_url + ent.url, kicker=not in_catalog)
    first = top + head(ent, beside, below) + verdict(ent.eligibility)
    table = products(record, category_names, in_catalog=in_catalog)
    keys: dict[str, Any] = {"beside": beside, "below": below, "in_catalog": in_catalog}
    pictured = [p.name for p in record.products if ent.product_photos.get(p.id)] if not in_catalog else []
    room = PAGE_MM - SAFETY_MM
    heights = list_heights(record)
    columns, more = 0, sum(heights)
    split = _columns(record)
    if split and first + table + split[1] <= room:
        # side by side wherever two lists fit so: every profile reads alike (one under another on
        # some pages and side by side on others read as pages from different books), and the
        # lists keep a long profile to one page
        columns, more = split
    rest = table + more
    if first + rest > room:  # two pages, the second as full as the first allows
        table_first = first + table <= room
        ahead = 0
        if table_first:
            spare = room - first - table
            while ahead < len(heights) and heights[ahead] <= spare:
                spare -= heights[ahead]
                ahead += 1
            # the second page keeps a list: alone, its photos repeated the catalog's pictures
            ahead = min(ahead, max(n for n, h in enumerate(heights) if h) if any(heights) else 0)
        second = sum(heights[ahead:]) if table_first else table + sum(heights)
        tall, wide, shown = photo_grid(room - second, pictured)
        return ProfilePlan(2, tall, wide, shown, table_first=table_first, lists_first=ahead, **keys)
    spare = room - first - rest
    told = _cases_shown(cases, spare)
    spare -= cases_mm(told)
    tall, wide, shown = photo_grid(spare, pictured)
    if shown:
        return ProfilePlan(1, tall, wide, shown, columns=columns, cases=told, **keys)
    # the catalog's profiles show no photos of products at all: their cards did, and small ones
    # in the table where room allowed (8 of 14 profiles) read as an inconsistent section
    ids = {p.id for p in record.products if ent.product_photos.get(p.id)} if not in_catalog else set()
    fits = [t for t in THUMBS if ids and first + products(record, category_names, ids, t, in_catalog) + more <= room]
    return ProfilePlan(1, thumbs=fits[0] if fits else (), columns=columns, cases=told, memo=in_catalog, **keys)


CASES = 3
"""The most cases a profile lists."""


def _cases_shown(cases: tuple, room: float) -> tuple:
    """As many of the cases (up to CASES) as the room holds."""
    shown = tuple(cases[:CASES])
    while shown and cases_mm(shown) > room:
        shown = shown[:-1]
    return shown


def case_line(case: Any) -> str:
    """A case as the profile lists it (the template writes the same words)."""
    return f"{case.front.title} — {case.front.headline} ({case.front.agency}, {case.front.year})"


def cases_mm(cases: tuple) -> float:
    """The cases' list under its heading: each case two lines at most, then its address."""
    if not cases:
        return 0.0
    lines = sum(_lines(case_line(c), WIDTH_MM - 4.5, BODY_PT, 2) + 1 for c in cases)
    return _heading(above=2.0) + 2.0 + lines * _line(BODY_PT)


def _columns(record: Any) -> tuple[int, float] | None:
    """The lists in two columns: how many fill the left one and the taller column's height, the
    split that makes it shortest; None when fewer than two lists are printed."""
    heights = list_heights(record, COLUMN_MM)
    if sum(1 for h in heights if h) < 2:
        return None
    return min(((n, max(sum(heights[:n]), sum(heights[n:]))) for n in range(1, 3)), key=lambda s: s[1])


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


def title(ent: Any, url: str, kicker: bool = True) -> float:
    """Kicker (a profile printed on its own: in the catalog the running head and the tab name the
    section), name, badges and the page's address, beside its code."""
    width = WIDTH_MM - HEAD_QR_MM
    name = _lines(ent.record.name, width, 20, 3) * _line(20, 1.25) + 4.0
    link = _lines(f"최신 정보와 제품별 품목 확인서: {url}", width, 8) * _line(8)
    return max((_line(8) + 1.0 if kicker else 0.0) + name + _line(7.5) + 1.0 + 1.5 + link + 3.4, HEAD_MIN_MM)


def head(ent: Any, beside: tuple[str, ...], below: tuple[str, ...] = ()) -> float:
    """The mission and the facts beside the photo, then any facts under it at full width."""
    record = ent.record
    width = WIDTH_MM - PHOTO_W_MM - GAP_MM if ent.photos else WIDTH_MM
    about = _lines(record.mission, width, BODY_PT) * _line(BODY_PT) + 3.0 + _facts_mm(ent, beside, width)
    under = _facts_mm(ent, below, WIDTH_MM) + 3.0 if below else 0.0
    return max(about, PHOTO_W_MM * 0.75 if ent.photos else 0.0) + 3.0 + under


def _facts_mm(ent: Any, keys: tuple[str, ...], width: float) -> float:
    cells = facts(ent)
    return sum(_lines(cells[key], width - FACTS_TH_MM - 4.0, BODY_PT, 5) * _line(BODY_PT) + 2.8 for key in keys)


def split_facts(ent: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Which facts sit beside the photo and which under it: the long ones (workers, certificates)
    go under it at full width when that makes the head shorter (four lines became one or two)."""
    keys = tuple(facts(ent))
    best: tuple[tuple[str, ...], tuple[str, ...]] = (keys, ())
    if not ent.photos:
        return best
    for n in range(len(keys) - 1, 0, -1):
        if keys[n] not in LONG_FACTS:
            break
        split = (keys[:n], keys[n:])
        if head(ent, *split) < head(ent, *best):
            best = split
    return best


def buyer_contact(record: Any) -> str:
    """Whom a buyer calls, when not the main line: '사무장 · 041-000-0101 · order@…' (the site's
    call button used it, the printed profile did not)."""
    c = record.contact
    if not (c.phone or c.email):
        return ""
    return " · ".join(str(part) for part in (c.role, c.phone, c.email) if part)


LONG_FACTS = ("workers", "certs")


def facts(ent: Any) -> dict[str, str]:
    """The facts table's cells by key, in print order, the empty left out (for their measure: the
    template writes them)."""
    e = ent.record
    cells = {
        "founded": e.founded,
        "representative": e.representative,
        "address": e.address,
        "phone": e.phone,
        "buyer": buyer_contact(e),
        "email": e.email,
        "business_number": e.business_number,
    }
    out = {key: str(c) for key, c in cells.items() if c}
    if e.workers:
        groups = ", ".join(e.workers.vulnerable_groups)
        out["workers"] = f"유급 {e.workers.paid}명 (취약계층 {e.workers.vulnerable}명: {groups})"
    if ent.certs:
        out["certs"] = ", ".join(f"{c.name} {c.number or ''} ({c.validity or ''}) · {c.source}" for c in ent.certs)
    return out


VERDICT_MM = 62.0  # .verdict's max-height


def verdict(el: Any) -> float:
    width = WIDTH_MM - 8.0 - 2.0  # padding and the thick left rule
    kicker = "0000년 기준 · 규정 확인일 0000-00-00"
    if el.verified:
        kicker += f" · 사무국 확인 0000-00-00 ({el.verified.source})"
    lines = [_line(8) * _lines(kicker, width, 8)]
    # an eligible verdict prints its first reason, the route's name, in bold with the rule below
    texts = list(el.reasons[1:] if el.eligible else el.reasons) + ([el.expiry_notice] if el.expiry_notice else [])
    if el.eligible:
        texts.append(f"{el.rule.label} — 추정 가격 {el.limit_krw:,}원 이하 계약. 근거: {el.rule.basis}")
    if el.status == "pending":
        texts.append("사무국이 공식 자료와 대조하는 중입니다. 확인이 끝나기 전에는 수의계약 근거로 쓰지 마세요.")
    lines += [_lines(t, width - 4.5, BODY_PT) * _line(BODY_PT) for t in texts]
    inner = _heading(below=1.0) + sum(lines) + 4 * 1.0
    return min(VERDICT_MM, inner + 4.0 + 0.7) + 4.0


def products(
    record: Any,
    category_names: dict[str, str],
    pictured: set[str] | frozenset = frozenset(),
    thumb: tuple[float, float] = (0.0, 0.0),
    in_catalog: bool = False,
) -> float:
    """The products table under its heading: rows of at most two lines (print.css clamps them),
    or as tall as the photo in them (pictured: the products shown so, thumb: its size)."""
    others = 46.0 + (thumb[0] + 3.0 if pictured else 0.0) + (PAGE_COL_MM if in_catalog else 0.0)
    name_w = (WIDTH_MM - others) / 2 - 4.0  # the price column, padded
    rows = _line(9) + 2.4
    for p in record.products[:PRODUCTS]:
        cells = (p.name, category_names.get(p.category, p.category))
        text = max(_lines(text, name_w, 9, 2) for text in cells) * _line(9)
        rows += max(text, thumb[1] if p.id in pictured else 0.0) + 2.4
    return _heading(above=2.0) + rows + 4.0


def list_heights(record: Any, width: float = WIDTH_MM) -> list[float]:
    """Each list's height under its heading, in print order; 0 for an empty one."""
    out = []
    for texts in list_texts(record):
        lines = sum(_lines(t, width - 4.5, BODY_PT, 2) for t in texts)
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
