"""Find text a rendered document cuts: a line that runs past a box that hides its overflow,
or a word wider than its block (which runs over whatever stands beside it).

A PDF keeps clipped text in its text layer (pdftotext still reads "(예시)" whole while the
page shows "(예시"), so clipping is found in WeasyPrint's layout instead: every text fragment
is compared with the padding box of each ancestor whose overflow is not visible.
"""

from __future__ import annotations

from dataclasses import dataclass

TOLERANCE_PX = 0.75  # antialiasing and rounding: a quarter of a millimetre


@dataclass(frozen=True)
class Clipped:
    page: int
    """1-based, within the rendered document."""
    text: str
    box: str
    """The clipping element's tag and classes, e.g. 'td.ent'."""


def _name(box) -> str:
    tag = getattr(box, "element_tag", "") or type(box).__name__
    element = getattr(box, "element", None)
    classes = element.get("class", "").split() if element is not None else []
    return ".".join([tag, *classes])


def clipped_text(document) -> list[Clipped]:
    """Every text fragment of a rendered WeasyPrint document that a hidden-overflow box cuts."""
    from weasyprint.formatting_structure.boxes import BlockContainerBox, LineBox, ParentBox, TextBox

    found: list[Clipped] = []

    def walk(box, clips, page: int, line=None, block=None) -> None:
        box = getattr(box, "_box", box)  # an absolutely positioned box sits in a placeholder
        if isinstance(box, LineBox):
            line = box
        elif isinstance(box, BlockContainerBox):
            block = box
        if isinstance(box, TextBox):
            if not box.text.strip() or box.style["visibility"] != "visible":
                return
            # Across, the glyphs; down, the line they sit on (a face's ascent and descent reach
            # past a tight line-height without any glyph being cut).
            x0, x1 = box.position_x, box.position_x + box.width
            y0, y1 = (line.position_y, line.position_y + line.height) if line else (box.position_y, box.height)
            if block is not None:  # a word wider than its block runs over whatever is beside it
                left = block.content_box_x()
                if x0 < left - TOLERANCE_PX or x1 > left + block.width + TOLERANCE_PX:
                    found.append(Clipped(page, box.text, _name(block)))
                    return
            for cx0, cy0, cx1, cy1, name in clips:
                t = TOLERANCE_PX
                if x0 < cx0 - t or y0 < cy0 - t or x1 > cx1 + t or y1 > cy1 + t:
                    found.append(Clipped(page, box.text, name))
                    break
            return
        if box.style["overflow"] != "visible":
            x, y = box.padding_box_x(), box.padding_box_y()
            clips = [*clips, (x, y, x + box.padding_width(), y + box.padding_height(), _name(box))]
        if isinstance(box, ParentBox):
            for child in box.children:
                walk(child, clips, page, line, block)

    for n, page in enumerate(document.pages, 1):
        walk(page._page_box, [], n)
    return found
