"""Card news (카드뉴스) for social media: square 1080 x 1080 images per category, bundle and case,
and each series' cover and closing card, drawn from HTML by WeasyPrint (the catalog's fonts) and
rasterised with pypdfium2 (no browser); each series is also one ZIP to upload as a carousel.

The cards are one document rendered through the same cached pool as the print documents; the
PNGs are kept next to the cached PDF, so unchanged cards are neither rendered nor rasterised again.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import zipfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from markupsafe import Markup

from ..data.card_news import SIZE, cards, closing_cards, series
from ..jinja import figure_spans
from .fit import balanced_lines, clause_lines, fit_size, line_count, width_em
from .html import PrintDocument, category_tab


class CardsDocument(PrintDocument):
    """All cards as one document, a 1080 x 1080 CSS-pixel page each: one render pays WeasyPrint's
    fixed cost (fonts) once instead of once per card; any changed card renders them all again."""

    path = "cards"
    asides = False  # each line is fitted to the card by measure (fit.clause_lines)

    def __init__(self, catalog, photos, created: str) -> None:
        from .plan import Chunk

        super().__init__(catalog, photos, created)
        single = cards(catalog)
        self.series = series(catalog, single)
        self.cards = single + closing_cards(self.series)
        self.title = "카드뉴스"
        self.chunks = [Chunk("cards", "card", "카드뉴스", 1, len(self.cards), {"cards": self.cards})]

    def photo_file(self, ref, edition) -> str:
        """The print derivative (1240 px): a case card draws its picture 1080 px wide, and the
        screen edition's 960 px photo scaled up read as blurred in a feed."""
        return self.photos[ref.path].print_file[1]

    def extra(self, chunk) -> dict:
        return {
            "fit": fit_size,
            "mark": mark_svg(),
            "hero_size": hero_size,
            "hero_runs": hero_runs,
            "band_plan": band_plan,
            "foot_plan": foot_plan,
            "tile_plan": tile_plan,
            "content_bottom": content_bottom,
            "width_em": width_em,
            "stat_parts": stat_parts,
            "layout": LAYOUT,
            # a category's card wears its category's colour, as its pages in the book do (23 cards
            # in the network's navy read as one card in a feed); bundles and cases keep the navy
            "band_colour": {
                f"category-{c.id}": category_tab(self.catalog, c)["tab_colour"]
                for c in self.catalog.taxonomy.categories
            },
        }


BAND_TOP, BAND_H = 72, 300
"""The band's text area in px: from 72 to 372 (the band is 400 px tall)."""
CASE_HEAD_H = 690
"""A case card opens with its picture across the card and its title on a panel of the network's
colour under it, down to this line (each family has its own layout: one template for 23 cards
read as a feed of the same card). Set on the picture's darkened foot, the title covered faces."""
CASE_PICTURE_H = 390
FOOT_BOTTOM = 56
"""The foot's distance from the card's bottom edge (48 px read as cramped beside 80 px sides)."""
COVER_BAND_H = 500
"""A series' cover: the network's colour down to this line, its title large in it; the set's
figures and four of its photos under it."""
LAYOUT = {
    "case_head_h": CASE_HEAD_H,
    "case_picture_h": CASE_PICTURE_H,
    "foot_bottom": FOOT_BOTTOM,
    "cover_band_h": COVER_BAND_H,
}
SMALLEST_PX = 28
"""No secondary line (a maker, a price, the address) below this: about 10 px in a feed."""


@dataclass(frozen=True)
class Band:
    """The band's text as set: its top, the title's size and lines, the lead's size and lines."""

    top: int
    title_px: int
    title: list[str]
    lead_px: int = 0
    lead: list[str] = field(default_factory=list)


def band_plan(
    kicker_px: int, title: str, lead: str, width: int, largest: int, bottom: int = 0, room: int = BAND_H
) -> Band:
    """The kicker, the title in even lines and the lead under it (when the band has room for it)
    in the band's middle: WeasyPrint ignored the table cell that was to centre them, so short
    titles sat at the band's top over an empty half. With bottom, they stand on that line instead
    (a case's title on its picture)."""
    height = kicker_px * 1.3 + 8 + 22  # the tag, its padding and margin
    size = int(fit_size(title, width, 3, largest, 36))
    lines = balanced_lines(title, width / size)
    clauses = clause_lines(title, width, size)
    if clauses and len(clauses[1]) <= len(lines):  # a line per clause reads as the sentence is built
        size, lines = int(clauses[0]), clauses[1]
    height += len(lines) * size * 1.15
    lead_px, lead_lines = 0, []
    if lead:
        px = int(fit_size(lead, width, 2, 34, 26))
        count = line_count(lead, width / px)
        more = 18 + count * px * 1.35
        if count <= 2 and height + more <= room:
            lead_px, lead_lines, height = px, balanced_lines(lead, width / px), height + more
    if bottom:
        return Band(int(bottom - height), size, lines, lead_px, lead_lines)
    return Band(BAND_TOP + max(0, int((BAND_H - height) / 2)), size, lines, lead_px, lead_lines)


@dataclass(frozen=True)
class Foot:
    """The foot as set: the address's size, whether it stands on the name's line, the foot's
    height, and the bottom of the note above it (the card's content ends above the note)."""

    address_px: int
    one_line: bool
    height: int
    note_bottom: int


MARK_PX = 64
"""The catalog's mark in its disc, at the foot's left; the name and address start beside it."""
NAME_PX = 30
FOOT_PAD_PX = 18
SAMPLE_TAG_PX = 112
"""The 예시 tag at the foot's right and the gap before it."""


def foot_plan(name: str, address: str, width: int, sample: bool = False) -> Foot:
    """The network's name and its site's address beside the mark, on one line where both fit, else
    the address under the name; never below SMALLEST_PX. The address is the site's, not the card's
    page: a picture in a feed links nowhere (the post's text carries each card's link), and the
    page's address on two lines made the foot a sixth of the card."""
    room = width - MARK_PX - 24 - (SAMPLE_TAG_PX if sample else 0)
    px = int(fit_size(address, room, 1, 28, SMALLEST_PX))
    one_line = width_em(name) * NAME_PX + 24 + width_em(address) * px <= room
    height = FOOT_PAD_PX + (MARK_PX if one_line else max(MARK_PX, round((NAME_PX + px) * 1.3)))
    return Foot(px, one_line, height, FOOT_BOTTOM + height + 20)


NOTE_PX = 67
"""The note's height (36 px type, its padding and border) and the gap kept above it."""
NOTE_GAP = 22


def content_bottom(foot: Foot) -> int:
    """Where a card's content must end: above its note."""
    return 1080 - foot.note_bottom - NOTE_PX - NOTE_GAP


@dataclass(frozen=True)
class Tiles:
    """A bundle's parts as tiles across the card: each a photo, its name and its maker."""

    left: int
    width: int
    photo_h: int
    name_px: int
    name_lines: int
    maker_px: int
    maker_lines: int
    texts: list[tuple[list[str], list[str]]] = field(default_factory=list)
    """Each tile's name and maker broken into even lines (set as given: WeasyPrint broke these
    absolutely placed lines at every space)."""


TILE_GAP, TILE_TOP = 40, 448


def tile_plan(lines: list[str], bottom: int) -> Tiles:
    """Tiles as wide as three fit in 920 px, centred; the names and makers at a size every tile
    shares (two lines at most each), the photos as tall as the room left allows (up to 3:4)."""
    width = (920 - 2 * TILE_GAP) // 3
    count = max(1, len(lines))
    parts = [line.rpartition(" · ") for line in lines]
    name_px = int(min(fit_size(p[0], width, 2, 36, SMALLEST_PX) for p in parts))
    maker_px = int(min(fit_size(p[2], width, 2, 30, SMALLEST_PX) for p in parts))
    name_lines = max(line_count(p[0], width / name_px) for p in parts)
    maker_lines = max(line_count(p[2], width / maker_px) for p in parts)
    text = 14 + name_lines * name_px * 1.25 + 6 + maker_lines * maker_px * 1.25
    photo_h = int(min(width * 3 / 4, bottom - TILE_TOP - text))
    total = count * width + (count - 1) * TILE_GAP
    texts = [(balanced_lines(p[0], width / name_px), balanced_lines(p[2], width / maker_px)) for p in parts]
    return Tiles(
        80 + (920 - total) // 2, width, photo_h, name_px, min(name_lines, 2), maker_px, min(maker_lines, 2), texts
    )


HERO_WORDS = 0.42
"""The words around a case's headline figures, as a share of the figures' size."""


def hero_runs(text: str) -> list[tuple[str, bool, bool]]:
    """A case's first result as (text, set large, is a figure) runs: its first figure is the
    headline number, or a change's result ("공연 12회에서 24회로" set 12 large and the result small),
    other figures keep the words' size in the figures' colour ("20학급 560명" set both large read
    as one number)."""
    spans = figure_spans(text)
    figures = [n for n, (_, figure) in enumerate(spans) if figure]
    # a change ("12회에서 24회로", "1,200통 → 840통") is told by its result: the figure after a
    # turn from an earlier figure ("학교에서 20학급 560명" keeps its first)
    turned = [
        n
        for n in figures
        if any(m < n and any(not f and CHANGE.search(run) for run, f in spans[m + 1 : n]) for m in figures)
    ]
    headline = (turned or figures or [-1])[0]
    return [(run, n == headline, figure) for n, (run, figure) in enumerate(spans)]


CHANGE = re.compile(r"에서|→")
"""Words that turn a before into an after: the headline figure is the after."""


def hero_size(text: str, width: float, largest: int = 120, smallest: int = 64) -> tuple[int, int, int]:
    """(figure size, words' size in px, lines) for a case's first result set as its headline: the
    first figure at the largest size at which the line keeps to one line, else to two lines."""
    runs = hero_runs(text)
    for lines, room in ((1, width), (2, width * 1.7)):  # greedy breaks waste part of a second line
        for size in range(largest, smallest - 1, -2):
            if sum(width_em(run) * size * (1 if big else HERO_WORDS) for run, big, _ in runs) <= room:
                return size, round(size * HERO_WORDS), lines
    return smallest, round(smallest * HERO_WORDS), 2


STAT = re.compile(r"^(.*?)\s*(\d[\d,.]*.*)$")


def stat_parts(line: str) -> tuple[str, str]:
    """'구매 금액 1억 8,990만원' -> ('구매 금액', '1억 8,990만원'): a cover's figure set large under
    its label."""
    match = STAT.match(line)
    return (match.group(1), match.group(2)) if match else ("", line)


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
    sets = [_zip(s, out) for s in doc.series]
    (out / "cards.json").write_text(
        json.dumps({"size": SIZE, "cards": index, "series": sets}, ensure_ascii=False, indent=1), "utf-8"
    )


ZIP_TIME = (2000, 1, 1, 0, 0, 0)
"""Every entry's time in a series' ZIP: the same cards make the same bytes (a build's output is
compared across runs, and a changed file is a changed card)."""


def _numbered(image: Path, n: int, total: int) -> bytes:
    """A series card with its place in the set ("2/10") in a white pill at its top right, as a
    carousel's cards carry it (the same image as the single card, nothing said it belonged to a set;
    the cover says "옆으로 넘겨 보세요" instead)."""
    import io

    from PIL import Image, ImageDraw

    from ..data.widget import bold_font

    with Image.open(image) as source:
        card = source.convert("RGB")
    unit = card.width / 1080
    font = bold_font(round(30 * unit))
    text = f"{n}/{total}"
    pen = ImageDraw.Draw(card, "RGBA")
    left, top, right, bottom = pen.textbbox((0, 0), text, font=font)
    pad_x, pad_y, edge = 18 * unit, 10 * unit, 28 * unit
    box = (card.width - edge - (right - left) - 2 * pad_x, edge, card.width - edge, edge + (bottom - top) + 2 * pad_y)
    # white with dark words: a dark pill vanished on a navy band ("10/10" on the closing card)
    pen.rounded_rectangle(
        box, radius=(box[3] - box[1]) / 2, fill=(255, 255, 255, 235), outline=(0, 0, 0, 60), width=round(2 * unit)
    )
    pen.text((box[0] + pad_x - left, box[1] + pad_y - top), text, font=font, fill=(26, 26, 26))
    out = io.BytesIO()
    card.save(out, "PNG", optimize=True)
    return out.getvalue()


def _zip(s, out: Path) -> dict:
    """out/series-<name>.zip: the series' images numbered in order, its post text and its images'
    descriptions."""
    path = out / f"series-{s.name}.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:  # PNGs are compressed already
        for n, card in enumerate(s.cards):
            entry = zipfile.ZipInfo(s.file(n, card), ZIP_TIME)
            image = out / f"{card.name}.png"
            archive.writestr(entry, _numbered(image, n + 1, len(s.cards)) if n else image.read_bytes())
        for name, text in (("게시글.txt", s.caption), ("이미지설명.txt", s.alts)):
            archive.writestr(zipfile.ZipInfo(name, ZIP_TIME), text.encode("utf-8"), zipfile.ZIP_DEFLATED)
    return {
        "name": s.name,
        "title": s.title,
        "zip": path.name,
        "files": [f"{card.name}.png" for card in s.cards],
        "caption": s.caption,
        "alts": s.alts,
    }
