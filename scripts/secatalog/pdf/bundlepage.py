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


def bundle_photo_mm(bundle: Any) -> float:
    """The photo's height on a bundle's page: the least, plus the room the page's text leaves."""
    record = bundle.record
    head = _line(8) + 1.0 + _lines(record.name, WIDTH_MM, 20) * _line(20, 1.25) + 4.0
    summary = f"{record.summary} · {priced(record)} · 판매 시기: {months_text(record.months)} · 선물 한도 이내"
    head += _lines(summary, WIDTH_MM, 9.5) * _line(9.5) + 9.5 * PT_MM
    rows = sum(
        max(_lines(i.product.name, NAME_MM, 9), _lines(i.enterprise.record.name, MAKER_MM, 9)) * _line(9) + 2.8
        for i in bundle.items
    )
    table = _line(13, 1.25) + 2.0 + _line(9) + 2.8 + rows + 4.0
    recipe = (_line(13, 1.25) + 2.0 + markdown_mm(record.recipe, WIDTH_MM, 9.5)) if record.recipe else 0.0
    makers = {i.enterprise.slug for i in bundle.items}
    order = 5.0 + 6.0 + _line(11, 1.25) + 1.5 + 3 * _line(9) + 2.0 + len(makers) * (_line(9) * 2 + 1.6)
    spare = PAGE_MM - head - 6.0 - table - recipe - order - MARGIN_MM - PHOTO_MM[0]
    return round(min(PHOTO_MM[1], PHOTO_MM[0] + max(0.0, spare)), 1)
