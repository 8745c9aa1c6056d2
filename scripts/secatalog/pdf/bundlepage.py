"""A bundle's page in the catalog: its photo grows into the room its text leaves.

Measured before rendering (fit.py), as the case spreads are (casepage.py); the heights follow
print.css's .bundle rules. Under a short list of parts a quarter of the page stood empty.
"""

from __future__ import annotations

from typing import Any

from ..markup import months_text, priced
from .fit import PT_MM, markdown_mm
from .fit import line_mm as _line
from .fit import lines_in as _lines
from .tables import PAGE_MM

WIDTH_MM = 180.0
PHOTO_MM = (108.0, 150.0)
"""The photo's height (.bundle img): its least, and at most (a taller crop of a 4:3 photo loses
its sides)."""
MARGIN_MM = 12.0
"""Room kept free for what the estimate misses (paragraph margins, table borders)."""
NAME_MM, MAKER_MM = WIDTH_MM - 42 - 18 - 12 - 60, 60.0
"""The parts table's name and maker columns, about (.bundle-items)."""


ORDER_MM = WIDTH_MM - 31.0
"""The order box's text (.bundle-order: the width less its padding and rule)."""
CONTACT_MM = (50.0, ORDER_MM - 52.0 - 28.0 - 1.5)
"""Its table's maker and products columns (.bundle-contacts), less their padding."""


def order_note(makers: int) -> str:
    """How an order of a bundle goes, over its makers' phones (the box that says it is measured)."""
    if makers == 1:  # not "1개 기업의 제품 … 기업마다 따로 계약"
        return "꾸러미의 구성품은 모두 한 기업의 제품입니다. 견적 한 번, 계약 한 번으로 주문할 수 있습니다."
    return (
        f"꾸러미는 {makers}개 기업의 제품을 묶은 것입니다. 기업마다 견적을 받아 따로 계약하고, "
        "같은 날 같은 곳으로 납품해 달라고 하면 한 번에 받을 수 있습니다."
    )


def bundle_photo_mm(bundle: Any, band: float = 0.0) -> float:
    """The photo's height on a bundle's page: the least, plus the room the page's text leaves.
    band: the section's band over the first bundle (fit.band_mm)."""
    record = bundle.record
    head = band + _lines(record.name, WIDTH_MM, 20) * _line(20, 1.25) + 4.0
    summary = f"{record.summary} · {priced(record)} · 판매 시기: {months_text(record.months)} · 선물 한도 이내"
    head += _lines(summary, WIDTH_MM, 9.5) * _line(9.5) + 9.5 * PT_MM
    rows = sum(
        max(_lines(i.product.name, NAME_MM, 9), _lines(i.enterprise.record.name, MAKER_MM, 9)) * _line(9) + 2.8
        for i in bundle.items
    )
    table = _line(13, 1.25) + 2.0 + _line(9) + 2.8 + rows + 4.0
    recipe = (_line(13, 1.25) + 2.0 + markdown_mm(record.recipe, WIDTH_MM, 9.5)) if record.recipe else 0.0
    makers: dict[str, list[Any]] = {}
    for i in bundle.items:
        makers.setdefault(i.enterprise.slug, []).append(i)
    contacts = sum(
        max(
            _lines(its[0].enterprise.record.name, CONTACT_MM[0], 9),
            _lines(", ".join(i.product.name for i in its), CONTACT_MM[1], 9),
        )
        * _line(9)
        + 1.8
        for its in makers.values()
    )
    note = _lines(order_note(len(makers)), ORDER_MM, 9) * _line(9)
    order = 5.0 + 6.0 + _line(11, 1.25) + 1.5 + note + 2.0 + contacts
    spare = PAGE_MM - head - 6.0 - table - recipe - order - MARGIN_MM - PHOTO_MM[0]
    # under the band the photo may give up the band's height (108 mm is the least without it)
    return round(min(PHOTO_MM[1], PHOTO_MM[0] + max(-band, spare)), 1)
