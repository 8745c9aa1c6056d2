"""A case's plan in the case book: always a spread of two pages, laid out the same way.

The first page (a left-hand page: the front matter is three pages and every case two) opens the
case: its title and headline, its picture as large as the page allows, its figures and the case at
a glance. The second opens with the quote across the page, then holds the story in a column of
reading width beside what to buy and whom to call. One template for every case: a reader finds
the photo, the numbers and the phone numbers in the same place each time (cases of one page or
two, with the photo at the top, the foot or nowhere, read as a pile of different documents).

Measured before rendering (fit.py), as the profiles are (profile.py); the heights follow
print.css's .case rules.
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

PAGES = 2
WIDTH_MM = 180.0
SIDE_MM = 58.0
MAIN_MM = WIDTH_MM - SIDE_MM - 7.0
"""The story column (.case-main) beside the side column and its gap."""
MAIN_PT, MAIN_LH = 10.5, 1.6
CHAPTER_HEAD_MM = 32.0
"""A chapter's band on its first case's page (.chapter-head with its margin; measured 32.3)."""
HEAD_COLLAPSE_MM = 6.0
"""The margins the title, headline and figures share (measured in WeasyPrint's layout)."""
PHOTO_MM = 160.0
"""The opening's picture across the page (.case-photo) at most: a taller crop of a 4:3 photo loses
too much of its sides."""
PHOTO_MARGIN_MM = 5.0
ITEMS = 3
"""The most items a case lists to buy (the site lists all)."""
GLANCE_PT = 9.0
GLANCE_VALUE_MM = WIDTH_MM / 2 - 7.0 - 19.0
"""A value's width in the at-a-glance box: two pairs a row, each a 19 mm label (.case-glance)."""
BOX_MM = 6.0 + 6.0 + 4.0
"""A box's padding, heading and margin."""
BUY_ITEM_MM = 27.0
"""An item to buy in text: name, enterprise, price and verdict, phone (.buy-item)."""
BUY_PHOTO_MM = 31.5
"""The photo above an item to buy (.buy-item img and its margin)."""
QR_MM = 27.0
FIGURE_MM = (45.0, MAIN_MM * 0.75)
"""The story column's closing photo: no lower than the least (a lower strip loses its subject),
no taller than its own 4:3."""
CAPTION_MM = 6.0
SUPPLIER_MM = 36.0
"""A supplier under the story (.case-supplier): its photo (31.5 mm) beside its lines, and the gap."""
SUPPLIER_TEXT_MM = 22.0
"""A supplier's lines alone (its photo drawn large as the story's figure): name, facts, mission."""
SUPPLIERS = 2
SUPPLIER_HEAD_MM = 4.0 + 11 * 1.25 * PT_MM + 1.0
STEP_PT, STEP_LH = 10.0, 1.55
STEP_TEXT_MM = MAIN_MM - 27.0 - 3.0
"""A step's sentence beside its label (.case-steps: a 27 mm label and a 3 mm gap)."""
STEP_PAD_MM = 4.0 + 0.5
"""A step's padding and rule."""
STEPS_MARGIN_MM = 5.0
STORY_MM = 70.0
"""The story's paragraphs at most (.case .story): the rest is on the case's web page."""
KICKER_GAP_MM = 4.0
"""Space between the story page's kicker and its first heading when no quote stands there."""
OTHERS = 3
"""The most of the suppliers' other items the side column lists ("이 기업의 다른 제품")."""
OTHER_ITEM_MM = 21.0
"""An other item in text: name, price and verdict (.buy-item without the phone)."""
SIDE_SLACK_MM = 8.0
"""Room the side column keeps free under its last box: its boxes' measures run short by a few
millimetres, and the page clips what runs past its foot (a verdict stamp was cut in half)."""


@dataclass(frozen=True)
class CasePlan:
    photo: Any = None
    """The opening's picture: the case's own, else what it bought; None for none."""
    photo_mm: float = 0.0
    """Its height, grown into the room the opening leaves."""
    side_photos: tuple[str, ...] = ()
    """The items to buy that show their photo (uids): none repeats the opening's picture."""
    figure_mm: float = 0.0
    """The height of the photo closing the story column; 0 for none."""
    figures: tuple[Any, ...] = ()
    """That photo with its caption: ((PhotoRef, caption),), or () for none."""
    suppliers: int = 0
    """How many of the case's enterprises the story column introduces under the story (who they
    are: a buyer asks that before a first order), as many as its room allows."""
    others: tuple[str, ...] = ()
    """The suppliers' other items the side column lists under what to buy (uids): a buyer who
    came for one service finds what else the same people sell, instead of an empty column."""
    other_photos: tuple[str, ...] = ()
    """Those of them shown with their photo, as the room allows."""

    @property
    def figure_refs(self) -> tuple[Any, ...]:
        return tuple(ref for ref, _ in self.figures)

    @property
    def pages(self) -> int:
        return PAGES


def plan_case(case: Any, opens: bool = False, others: tuple[Any, ...] = ()) -> CasePlan:
    """Where a case's pictures go and how large, so both pages of its spread are full.
    others: the suppliers' items the case did not buy, to list beside the story."""
    front = case.front
    room = PAGE_MM - SAFETY_MM
    photo = case.picture
    fixed = (CHAPTER_HEAD_MM if opens else 0.0) + _head(front) + glance_mm(case) + PHOTO_MARGIN_MM
    photo_mm = round(min(room - fixed, PHOTO_MM), 1) if photo else 0.0

    # the second page: the side column lists what to buy, with the photos that fit and have
    # not been shown; the story column ends with a photo of its own when it has room for one
    second = room - _line(8) - 1.0 - (_quote(front) or KICKER_GAP_MM)
    items = case.items[:ITEMS]
    unseen = [i for i in items if i.photos and i.photos[0] != photo]
    side_room = second - BOX_MM - max(len(items) or len(case.enterprises[:ITEMS]), 1) * BUY_ITEM_MM - QR_MM
    shown = unseen[: max(0, int(side_room // BUY_PHOTO_MM))]
    side_room -= len(shown) * BUY_PHOTO_MM
    story = _story_mm(case)
    suppliers = min(len(case.enterprises), SUPPLIERS, max(0, int((second - story - SUPPLIER_HEAD_MM) // SUPPLIER_MM)))
    story += (SUPPLIER_HEAD_MM + suppliers * SUPPLIER_MM) if suppliers else 0.0
    plan = CasePlan(photo, photo_mm, tuple(i.uid for i in shown), suppliers=suppliers)
    figure = _figure(case, photo, [i for i in unseen if i not in shown], suppliers, second - story)
    if figure:
        plan = replace(plan, figure_mm=figure[0], figures=(figure[1:],))
    return _with_others(plan, others, side_room)


def _figure(case: Any, photo: Any, unshown: list[Any], suppliers: int, room: float) -> tuple | None:
    """(height, photo, caption) closing the story column: the case's second photo, else an item's
    photo the page does not show, else its supplier's own photo (the people behind the service,
    drawn large instead of beside the supplier's lines, which frees their photo's room); the first
    with room for it, None where none has."""
    candidates = [(ref, case.front.title, 0.0) for ref in case.photos[1:2]]
    candidates += [(item.photos[0], _caption(item), 0.0) for item in unshown[:1]]
    for ent in case.enterprises[:suppliers]:
        if ent.photos and ent.photos[0] != photo:
            ref = ent.photos[0]
            caption = ref.alt if ref.alt and _lines(ref.alt, MAIN_MM, 8) == 1 else ent.record.name
            candidates.append((ref, caption, SUPPLIER_MM - SUPPLIER_TEXT_MM))
    for ref, caption, freed in candidates:
        height = min(room + freed - CAPTION_MM - 4.0, FIGURE_MM[1])
        if height >= FIGURE_MM[0]:
            return round(height, 1), ref, caption
    return None


def _with_others(plan: CasePlan, others: tuple[Any, ...], room: float) -> CasePlan:
    """The suppliers' other items in a box under what to buy: as many as the side column holds,
    then their photos (none the spread already shows) while room is left."""
    room -= BOX_MM + SIDE_SLACK_MM
    listed = list(others[: min(OTHERS, max(0, int(room // OTHER_ITEM_MM)))])
    if not listed:
        return plan
    room -= len(listed) * OTHER_ITEM_MM
    seen = {plan.photo, *plan.figure_refs}
    pictured = []
    for item in listed:
        if room >= BUY_PHOTO_MM and item.photos and item.photos[0] not in seen:
            pictured.append(item.uid)
            room -= BUY_PHOTO_MM
    return replace(plan, others=tuple(i.uid for i in listed), other_photos=tuple(pictured))


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


def _quote(front: Any) -> float:
    """The quote across the story page (.case-story blockquote.pull)."""
    if not front.quote:
        return 0.0
    return min(_lines(front.quote.text, WIDTH_MM - 12, 16) * _line(16) + _line(11) + 9.0, 45.0)


def _results(front: Any) -> float:
    if len(front.results) <= 3:
        return 0.0
    return 4.0 + _line(11, 1.25) + 1.0 + len(front.results[3:6]) * _line(MAIN_PT, MAIN_LH) * 1.7


def _story_mm(case: Any) -> float:
    """The story column: the case's steps (problem, purchase, social value, collaboration),
    further results, and the story under its heading (its paragraphs, clamped)."""
    steps = sum(
        min(_lines(text, STEP_TEXT_MM, STEP_PT) * _line(STEP_PT, STEP_LH), 34.0) + STEP_PAD_MM
        for *_, text in case.steps
    )
    story = markdown_mm(case.body, MAIN_MM, MAIN_PT, MAIN_LH)
    heading = _line(11, 1.25) + 1.0  # the story's heading (its top margin collapses into the steps')
    return steps + STEPS_MARGIN_MM + _results(case.front) + heading + min(story, STORY_MM) + MAIN_PT * PT_MM


def glance(case: Any) -> list[list[tuple[str, list[str]]]]:
    """The case at a glance as the opening prints it (.case-glance): rows of two (label, lines)
    pairs, the pairs a case leaves empty left out."""
    f = case.front
    suppliers = [ent.record.name for ent in case.enterprises[:3]]
    if len(case.enterprises) > 3:
        suppliers[-1] += f" 외 {len(case.enterprises) - 3}곳"
    pairs = [
        ("구매 기관", [f"{f.agency} {f.department}".strip()]),
        ("연도", [f"{f.year}년"]),
        ("계약 방법", [ROUTES[f.purchase.route]]),
        ("계약 금액", [won(f.purchase.amount)] if f.purchase.amount else []),
        ("공급 기업", suppliers),
        ("공모 선정", [f.programme] if f.programme else []),
    ]
    shown = [(label, lines) for label, lines in pairs if lines]
    return [shown[n : n + 2] for n in range(0, len(shown), 2)]


def glance_mm(case: Any) -> float:
    """The at-a-glance box's height: each row as tall as its taller value."""
    rows = glance(case)
    lines = sum(max(sum(_lines(v, GLANCE_VALUE_MM, GLANCE_PT, 3) for v in lines) for _, lines in row) for row in rows)
    return BOX_MM + lines * _line(GLANCE_PT) + len(rows) * 1.5
