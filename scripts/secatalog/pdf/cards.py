"""Card news (카드뉴스) for social media: square 1080 x 1080 images per category, bundle and case,
drawn from HTML by WeasyPrint (the catalog's fonts) and rasterised with pypdfium2 (no browser).

The cards are one document rendered through the same cached pool as the print documents; the
PNGs are kept next to the cached PDF, so unchanged cards are neither rendered nor rasterised again.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from dataclasses import asdict
from pathlib import Path

from markupsafe import Markup

from ..data.card_news import SIZE, cards
from ..jinja import figure_spans
from .fit import fit_size, width_em
from .html import PrintDocument


class CardsDocument(PrintDocument):
    """All cards as one document, a 1080 x 1080 CSS-pixel page each: one render pays WeasyPrint's
    fixed cost (fonts) once instead of once per card; any changed card renders them all again."""

    path = "cards"

    def __init__(self, catalog, photos, created: str) -> None:
        from .plan import Chunk

        super().__init__(catalog, photos, created)
        self.cards = cards(catalog)
        self.title = "카드뉴스"
        self.chunks = [Chunk("cards", "card", "카드뉴스", 1, len(self.cards), {"cards": self.cards})]

    def extra(self, chunk) -> dict:
        return {"fit": fit_size, "mark": mark_svg(), "hero_size": hero_size, "spans": figure_spans}


HERO_WORDS = 0.42
"""The words around a case's headline figures, as a share of the figures' size."""


def hero_size(text: str, width: float, largest: int = 120, smallest: int = 64) -> tuple[int, int, int]:
    """(figure size, words' size in px, lines) for a case's first result set as its headline: the
    figures at the largest size at which the line keeps to one line, else to two lines."""
    runs = figure_spans(text)
    for lines, room in ((1, width), (2, width * 1.7)):  # greedy breaks waste part of a second line
        for size in range(largest, smallest - 1, -2):
            if sum(width_em(run) * size * (1 if figure else HERO_WORDS) for run, figure in runs) <= room:
                return size, round(size * HERO_WORDS), lines
    return smallest, round(smallest * HERO_WORDS), 2


def mark_svg() -> Markup:
    """The site's logo (assets/logo.svg, white), to draw inline in a card's foot."""
    svg = (Path(__file__).resolve().parent.parent / "assets" / "logo.svg").read_text("utf-8")
    return Markup(re.sub(r"<!--.*?-->", "", svg, flags=re.S))


def rasterise(pdf: Path, index: int, png: Path) -> None:
    """Page `index` of the cards' PDF at exactly SIZE x SIZE pixels."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    page = document[index]
    image = page.render(scale=SIZE / page.get_width()).to_pil().convert("RGB").resize((SIZE, SIZE))
    tmp = png.with_suffix(f".{os.getpid()}.tmp.png")  # two builds sharing the cache never share one
    image.save(tmp, "PNG", optimize=True)
    tmp.replace(png)
    document.close()


def publish(doc: CardsDocument, pdf: Path | None, out: Path) -> None:
    """Write out/<name>.png for each card and out/cards.json (names, alt text, links, text).
    The PNGs are kept beside the cached PDF, so unchanged cards are not rasterised again."""
    out.mkdir(parents=True, exist_ok=True)
    index = []
    for n, card in enumerate(doc.cards):
        png = pdf.with_name(f"{pdf.stem}-{n}.png")
        if not png.exists():
            rasterise(pdf, n, png)
        shutil.copyfile(png, out / f"{card.name}.png")
        entry = asdict(card)
        entry.pop("photo")
        entry.pop("thumbs")
        index.append({**entry, "file": f"{card.name}.png"})
    (out / "cards.json").write_text(json.dumps({"size": SIZE, "cards": index}, ensure_ascii=False, indent=1), "utf-8")
