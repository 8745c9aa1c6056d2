"""Card news (카드뉴스) for social media: square 1080 x 1080 images per category, bundle and case,
drawn from HTML by WeasyPrint (the catalog's fonts) and rasterised with pypdfium2 (no browser).

A card is rendered through the same cached pool as the print documents; its PNG is kept next to
the cached PDF, so an unchanged card is neither rendered nor rasterised again.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

from ..catalog import Catalog
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
    if isinstance(product.price, int):
        return f"{product.price:,}원" + (f"/{product.unit}" if product.unit else "")
    return str(product.price)


class CardDocument(PrintDocument):
    """One card as a one-page document of 1080 x 1080 CSS pixels."""

    def __init__(self, catalog, photos, created: str, card: Card) -> None:
        from .plan import Chunk

        super().__init__(catalog, photos, created)
        self.card = card
        self.title = card.title
        self.chunks = [Chunk(card.name, "card", card.title, 1, 1, {"card": card})]


def rasterise(pdf: Path, png: Path) -> None:
    """The card's only page at exactly SIZE x SIZE pixels (rendered next to the cached PDF once)."""
    if png.exists():
        return
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    page = document[0]
    scale = SIZE / page.get_width()
    image = page.render(scale=scale).to_pil().convert("RGB").resize((SIZE, SIZE))
    tmp = png.with_suffix(".tmp.png")
    image.save(tmp, "PNG", optimize=True)
    tmp.replace(png)
    document.close()


def publish(docs: list[CardDocument], files: dict[str, Path], out: Path) -> None:
    """Write out/<name>.png for each card and out/cards.json (names, alt text, links, text)."""
    out.mkdir(parents=True, exist_ok=True)
    index = []
    for doc in docs:
        pdf = files[f"card:{doc.card.name}"]
        png = pdf.with_suffix(".png")
        rasterise(pdf, png)
        shutil.copyfile(png, out / f"{doc.card.name}.png")
        entry = asdict(doc.card)
        entry.pop("photo")
        index.append({**entry, "file": f"{doc.card.name}.png"})
    (out / "cards.json").write_text(json.dumps({"size": SIZE, "cards": index}, ensure_ascii=False, indent=1), "utf-8")
