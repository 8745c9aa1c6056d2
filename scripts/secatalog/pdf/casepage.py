"""A case's plan in the case book: one page or two, and what fills the room its story leaves.

Each case page has a story column and a side column (print.css .case-cols). The side holds the
case at a glance and, on the case's last page, what to buy and whom to call; the story column
ends with a photo (the case's second, else an item's) when there is room for it, so a short story
does not leave half a page empty. Measured before rendering (fit.py), as the profiles are (profile.py);
the heights follow print.css's .case rules.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ..markup import won
from ..model.casebook import ROUTES
from .fit import PT_MM, markdown_mm
from .fit import line_mm as _line
from .fit import lines_in as _lines
from .tables import PAGE_MM, SAFETY_MM

WIDTH_MM = 180.0
SIDE_MM = 58.0
MAIN_MM = WIDTH_MM - SIDE_MM - 7.0
"""The story column (.case-main) beside the side column and its gap."""
MAIN_PT, MAIN_LH = 10.5, 1.6
CHAPTER_HEAD_MM = 32.0
"""A chapter's band on its first case's page (.chapter-head with its margin; measured 32.3)."""
HEAD_COLLAPSE_MM = 6.0
"""The margins the title, headline and figures share (measured in WeasyPrint's layout)."""
PHOTO_MM = {False: 100.0, True: 71.0}
"""The case's photo with its margin (.case-photo), on a chapter's first page or not."""
PHOTO_MARGIN_MM = 5.0
ITEMS = 3
"""The most items a case lists to buy (the site lists all)."""
GLANCE_PT = 8.5
GLANCE_VALUE_MM = SIDE_MM - 7.0 - 15.0
"""A value's width in the at-a-glance box, right of its 15 mm label (.case-box dt, dd)."""
BOX_MM = 6.0 + 6.0 + 4.0
"""A side box's padding, heading and margin."""
BUY_ITEM_MM = 27.0
"""An item to buy in text: name, enterprise, price and verdict, phone (.buy-item)."""
BUY_PHOTO_MM = 31.5
"""The photo above an item to buy (.buy-item img and its margin)."""
QR_MM = 27.0
FIGURE_MM = (50.0, MAIN_MM * 0.75)
"""The story column's photo, across the column: no lower than the least (else left out: a lower
strip loses its subject), no taller than its own 4:3."""
CAPTION_MM = 6.0


@dataclass(frozen=True)
class CasePlan:
    pages: int
    """1 or 2."""
    side_photos: int = 0
    """How many of the items to buy show their photo in the side column."""
    figure_mm: float = 0.0
    """The height of the photos closing the story column on the case's last page; 0 for none."""
    figures: tuple[Any, ...] = ()
    """The photo there with its caption: ((PhotoRef, caption),), or () for none."""
    photo_mm: float = 0.0
    """The case's own photo on its first page of two, grown into the room the opening leaves
    (that page ends with the purchase); 0 for the stylesheet's height."""


def plan_case(case: Any, opens: bool = False) -> CasePlan:
    """How many pages a case takes, and how its last page's room is filled."""
    front = case.front
    head = _head(front) + (CHAPTER_HEAD_MM if opens else 0.0)
    room = PAGE_MM - SAFETY_MM
    glance = glance_mm(case)
    first = head + (PHOTO_MM[opens] if case.photos else 0.0)
    opening, closing = _opening(front), _closing(case)
    items = min(len(case.items) or len(case.enterprises), ITEMS)
    buy = BOX_MM + items * BUY_ITEM_MM + QR_MM
    one_page = (
        not case.photos
        and len(case.items) <= ITEMS
        and len(front.results) <= 3
        and first + opening + closing <= room
        and first + glance + buy <= room
    )
    if one_page:
        used = first + opening + closing
        return _fill(room - used, pictured(case), side_photos=0)
    # two pages: the second starts with a one-line kicker and holds what follows the purchase;
    # its story column closes with the case's second photo, else the items' photos, and the
    # items to buy show their photos only when the story column has no room for them
    second = _line(8) + 1.0
    photos = [(ref, front.title) for ref in case.photos[1:2]] or pictured(case)
    plan = _fill(room - second - closing - _results(front), photos, side_photos=0, pages=2)
    photo_mm = _grown(case, room - head - max(opening, glance), opens)
    if plan.figures and not case.photos[1:2]:
        return replace(plan, photo_mm=photo_mm)
    side_room = room - second - buy
    side_photos = min(items, int(max(side_room, 0) // BUY_PHOTO_MM)) if case.items else 0
    return CasePlan(2, side_photos, plan.figure_mm, plan.figures, photo_mm)


def _grown(case: Any, room: float, opens: bool) -> float:
    """The first page's photo as tall as the room left beside the opening allows, up to 4:3 and
    never below the stylesheet's height."""
    if not case.photos:
        return 0.0
    usual = PHOTO_MM[opens] - PHOTO_MARGIN_MM
    return round(max(usual, min(room - PHOTO_MARGIN_MM - 4.0, WIDTH_MM * 0.75)), 1)


def _fill(room: float, photos: list, side_photos: int, pages: int = 1) -> CasePlan:
    """The story column's closing photo, as tall as the room allows up to its own 4:3 (one photo:
    two side by side were cut to portrait strips that lost their subjects)."""
    height = min(room - CAPTION_MM - 4.0, FIGURE_MM[1])
    if not photos or height < FIGURE_MM[0]:
        return CasePlan(pages, side_photos)
    ref, what = photos[0]
    return CasePlan(pages, side_photos, round(height, 1), ((ref, _caption(what)),))


def pictured(case: Any) -> list[tuple[Any, Any]]:
    """(photo, item) for the case's items that have photos, in the case's order."""
    return [(item.photos[0], item) for item in case.items[:ITEMS] if item.photos]


def _caption(what: Any) -> str:
    if isinstance(what, str):
        return what
    return f"{what.product.name} — {what.enterprise.record.name}"


def _head(front: Any) -> float:
    """Kicker, title, headline and the row of figures."""
    title = _lines(front.title, WIDTH_MM, 16, 3) * _line(16, 1.25) + 2.0
    headline = _lines(front.headline, WIDTH_MM, 12, 2) * _line(12) + 2 * 12 * PT_MM
    shown = front.results[:3]  # side by side, each as wide as the row allows (.figures li)
    figures = 16.0 + max(_lines(r, WIDTH_MM / len(shown) - 8, 13, 4) * _line(14) for r in shown)
    return _line(8) + 1.0 + title + headline + figures - HEAD_COLLAPSE_MM


def _section(text: str, most_mm: float = 34.0) -> float:
    """A heading and its paragraph in the story column."""
    body = min(_lines(text, MAIN_MM, MAIN_PT) * _line(MAIN_PT, MAIN_LH), most_mm)
    return 4.0 + _line(11, 1.25) + MAIN_PT * PT_MM + body  # the margins between collapse


def _opening(front: Any) -> float:
    """The quote, the problem and the purchase."""
    quote = 0.0
    if front.quote:
        quote = min(_lines(f"“{front.quote.text}”", MAIN_MM - 13, 14) * _line(14) + _line(11) + 9.0, 45.0)
    purchase = f"{front.purchase.what} — {_bought(front)}"
    return quote + _section(front.problem) + _section(purchase)


def _bought(front: Any) -> str:
    """The route and amount as the templates write them (measured with the words printed)."""
    route = ROUTES[front.purchase.route]
    return f"{route}, {won(front.purchase.amount)}" if front.purchase.amount else route


def _results(front: Any) -> float:
    if len(front.results) <= 3:
        return 0.0
    return 4.0 + _line(11, 1.25) + 1.0 + len(front.results[3:6]) * _line(MAIN_PT, MAIN_LH) * 1.7


def _closing(case: Any) -> float:
    """Social value, collaboration and the story (its paragraphs, clamped at 70 mm)."""
    front = case.front
    out = _section(front.social_value) + (_section(front.collaboration) if front.collaboration else 0.0)
    story = markdown_mm(case.body, MAIN_MM, MAIN_PT, MAIN_LH)
    return out + min(story, 70.0) + MAIN_PT * PT_MM  # the last paragraph's margin


def glance_mm(case: Any) -> float:
    """The at-a-glance box: agency, year, route, amount, suppliers, programme."""
    f = case.front
    values = [
        f"{f.agency} {f.department}",
        f"{f.year}년",
        ROUTES[f.purchase.route],
        won(f.purchase.amount) if f.purchase.amount else "",
    ]
    values += [ent.record.name for ent in case.enterprises[:3]] + [f.programme]
    lines = sum(_lines(v, GLANCE_VALUE_MM, GLANCE_PT, 3) for v in values if v)
    return BOX_MM + lines * _line(GLANCE_PT) + len(values) * 1.2
