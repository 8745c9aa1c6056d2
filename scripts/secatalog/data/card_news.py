"""What each card news image says (카드뉴스): one per category with items, bundle and case.

The model side only, without WeasyPrint, so the site's cards page is made without loading the
print stack; pdf/cards.py draws these cards.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..korean import josa
from ..markup import priced, share
from ..model.casebook import ROUTES
from ..model.catalog import Catalog

SIZE = 1080  # pixels: Instagram's square, also fine on Facebook and X
SHOWN = 3
"""Rows a card lists (a category's items, a bundle's parts): three, large enough to read in a
feed (four were about 10 px tall at a feed's 360 px)."""


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
    note: str = ""
    """What a buyer asks first, set apart at the card's foot: how many may be bought directly
    (수의계약), or how the agency bought."""
    note_ok: bool = True
    """The note is good news (drawn as a green stamp); "0개 수의계약 가능" is not, and is not said."""
    thumbs: tuple = ()
    """A photo (or None) beside each line: a category's items are shown as a product list."""
    hero: str = ""
    """A case's first result, set with its figures as the card's headline number."""
    more: int = 0
    """How many more items or parts than the card lists ("외 2개")."""
    lead: str = ""
    """A line under the title in the band: what a category holds, what a bundle costs."""
    tag: str = ""
    """A second tag beside the kicker: how a case's agency bought (수의계약), on its panel, so its
    picture can be taller than a note above the foot would leave room for."""
    action: str = ""
    """What the address at the foot leads to ("사례 전문 보기"): a bare address is no call to act."""

    @property
    def family(self) -> str:
        """category, bundle or case: each family has its own accent colour."""
        return self.name.split("-", 1)[0]


def cards(catalog: Catalog) -> list[Card]:
    site = catalog.network.site_url
    out = []
    for category, items in catalog.by_category:
        if not items:
            continue
        eligible = sum(1 for i in items if i.eligibility.eligible)
        # the items a buyer may buy directly first (the card says how many there are)
        shown = sorted(items, key=lambda i: not i.eligibility.eligible)[:SHOWN]
        lines = tuple(f"{i.product.name} · {priced(i.product, '/')}" for i in shown)
        # the band shows one of the "그 밖에" items, so no photo is on the card twice; only a
        # category the list shows whole repeats one, and then not the first row's
        rest = [i for i in items if i not in shown]
        band = [i.photos[0] for i in (*rest, *shown[1:], *shown[:1]) if i.photos]
        out.append(
            Card(
                f"category-{category.id}",
                "사회적경제 제품·서비스",
                category.name,
                lines,
                f"{site}categories/{category.id}/",
                _sentences(
                    f"{category.name}: 품목 {len(items)}개 중 수의계약 가능 {eligible}개"
                    if eligible
                    else f"{category.name}: 품목 {len(items)}개, 수의계약 해당 없음",
                    *lines,
                ),
                band[0] if band else None,
                f"품목 {share(len(items), eligible, '개')} 수의계약 가능"
                if eligible
                else f"제품·서비스 {len(items)}개",
                bool(eligible),
                _thumbs(shown),
                more=len(items) - len(shown),
                lead=category.description,
                action="품목 모두 보기",
            )
        )
    for bundle in catalog.bundles:
        record = bundle.record
        # What a buyer asks of a bundle: what it costs (under its name, in the band) and what is
        # in it, each part with its photo as a category's items are shown
        parts = [f"{i.product.name} · {i.enterprise.record.name}" for i in bundle.items]
        price = f"꾸러미 가격 {priced(record)}" if isinstance(record.price, int) else "꾸러미 가격 협의"
        lines = tuple(parts[:SHOWN])
        occasions = ", ".join(record.occasions[:3])
        direct = bundle.direct
        out.append(
            Card(
                f"bundle-{bundle.slug}",
                f"꾸러미 · {occasions}" if occasions else "꾸러미",
                record.name,
                lines,
                f"{site}{bundle.url}",
                _sentences(f"꾸러미 {record.name}", record.summary, price, *lines),
                bundle.photo,
                f"구성 {share(len(bundle.items), direct, '가지')} 수의계약 가능"
                if direct
                else f"구성 {len(bundle.items)}가지",
                bool(direct),
                _thumbs(bundle.items[:SHOWN]),
                more=max(0, len(parts) - SHOWN),
                lead=price,
                action="꾸러미 주문 안내",
            )
        )
    if catalog.casebook is not None:
        for case in catalog.casebook.cases:
            front = case.front
            out.append(
                Card(
                    f"case-{case.slug}",
                    f"공공구매 사례 · {front.agency}",  # one size on every card (the department made it shrink)
                    front.title,
                    tuple(front.results[1:2]),  # under the headline figure, as room allows
                    f"{site}{case.url}",
                    _sentences(
                        f"{front.agency} 사례: {front.title}",
                        *front.results[:3],
                        f"{josa(ROUTES[front.purchase.route], '으로')} 구매: {_bought(case)}",
                    ),
                    case.picture,  # what was bought when it has no photo, so every case card looks alike
                    hero=front.results[0],
                    lead=_bought(case),  # on the picture, under the title
                    tag=ROUTES[front.purchase.route],
                    action="사례 전문 보기",
                )
            )
    return out


def _thumbs(items) -> tuple:
    """Each listed item's first photo (None for one without), or () when none has a photo."""
    photos = tuple(i.photos[0] if i.photos else None for i in items)
    return photos if any(photos) else ()


def _sentences(*parts: str) -> str:
    """The alt text as sentences: facts run together ("배달 지연 0건 만족도 조사 4.6점") read
    as one to a screen reader."""
    return " ".join(part if part.endswith((".", "?", "!")) else f"{part}." for part in parts if part)


def _bought(case) -> str:
    """Whom the agency bought from: the case's first item and its enterprise, or its enterprises."""
    if case.items:
        item = case.items[0]
        return f"{item.product.name} · {item.enterprise.record.name}"
    return "함께한 기업 · " + ", ".join(e.record.name for e in case.enterprises)
