"""Card news (카드뉴스) for social media: square 1080 x 1080 images per category, bundle and case,
drawn from HTML by WeasyPrint (the catalog's fonts) and rasterised with pypdfium2 (no browser).

The cards are one document rendered through the same cached pool as the print documents; the
PNGs are kept next to the cached PDF, so unchanged cards are neither rendered nor rasterised again.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

from ..catalog import Catalog
from ..site.markup import won
from .html import PrintDocument

SIZE = 1080  # pixels: Instagram's square, also fine on Facebook and X


@dataclass(frozen=True)
class Card:
    name: str
    """File name without extension: category-food, bundle-holiday-local, case-meeting-lunchbox."""
    kicker: str
    title: str
    lines: tuple[str, ...]
    url: str
    alt: str
    """Text to paste as the image description when posting."""
    photo: object = None


def cards(catalog: Catalog) -> list[Card]:
    site = catalog.network.site_url
    out = []
    for category, items in catalog.by_category:
        if not items:
            continue
        eligible = sum(1 for i in items if i.eligibility.eligible)
        lines = tuple(f"{i.product.name} · {_price(i.product)}" for i in items[:4])
        out.append(
            Card(
                f"category-{category.id}",
                "사회적경제 제품·서비스",
                category.name,
                lines,
                f"{site}categories/{category.id}/",
                f"{category.name}: 품목 {len(items)}개 중 수의계약 가능 {eligible}개. " + ", ".join(lines),
                next((i.photos[0] for i in items if i.photos), None),
            )
        )
    for bundle in catalog.bundles:
        lines = tuple(bundle.record.occasions[:3]) or (bundle.record.summary,)
        out.append(
            Card(
                f"bundle-{bundle.slug}",
                "꾸러미",
                bundle.record.name,
                (bundle.record.summary, *lines)[:4],
                f"{site}{bundle.url}",
                f"꾸러미 {bundle.record.name}: {bundle.record.summary}",
                bundle.photo,
            )
        )
    if catalog.casebook is not None:
        for case in catalog.casebook.cases:
            front = case.front
            out.append(
                Card(
                    f"case-{case.slug}",
                    f"공공구매 사례 · {front.agency} {front.department}".strip(),
                    front.title,
                    tuple(front.results[:3]),
                    f"{site}{case.url}",
                    f"{front.agency} 사례: {front.title}. " + " ".join(front.results[:3]),
                    case.photos[0] if case.photos else None,
                )
            )
    return out


def _price(product) -> str:
    """'28,000원/5kg' or '가격 협의', as the catalog writes prices everywhere."""
    unit = f"/{product.unit}" if product.unit and isinstance(product.price, int) else ""
    return won(product.price) + unit


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


def rasterise(pdf: Path, index: int, png: Path) -> None:
    """Page `index` of the cards' PDF at exactly SIZE x SIZE pixels."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    page = document[index]
    image = page.render(scale=SIZE / page.get_width()).to_pil().convert("RGB").resize((SIZE, SIZE))
    tmp = png.with_suffix(".tmp.png")
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
        index.append({**entry, "file": f"{card.name}.png"})
    (out / "cards.json").write_text(json.dumps({"size": SIZE, "cards": index}, ensure_ascii=False, indent=1), "utf-8")
