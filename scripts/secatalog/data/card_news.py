"""What each card news image says (카드뉴스): one per category with items, bundle and case, and
the series a network posts as one carousel (a cover, the cards, how to buy).

The model side only, without WeasyPrint, so the site's cards page is made without loading the
print stack; pdf/cards.py draws these cards.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..korean import josa
from ..markup import priced, share, won_short
from ..model.casebook import ROUTES
from ..model.catalog import Catalog

SIZE = 1080  # pixels: Instagram's square, also fine on Facebook and X
SHOWN = 3
SERIES_BODY = 8
"""Cards between a series' cover and its closing card: ten images in all, what a reader swipes
through (Instagram takes twenty, a Facebook album more; a longer set loses its readers)."""
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

    @property
    def family(self) -> str:
        """category, bundle, case, cover or howto: each family has its own layout and accent."""
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


@dataclass(frozen=True)
class Series:
    """Cards posted together as one carousel: a cover that says what the set holds, the cards, and
    how to buy at the end (single cards in a feed read as ads; a set with a cover reads as news)."""

    name: str
    """products or cases: the ZIP is series-<name>.zip."""
    title: str
    cards: tuple[Card, ...]
    caption: str
    """The post's text, written as a post: a hook, three short lines, where to read on, hashtags."""
    alts: str
    """Each image's description by its number, for the platform's alt-text field of each image (in
    the caption they read as a data dump under the post)."""

    def file(self, n: int, card: Card) -> str:
        """The n-th image's name in the ZIP, numbered so an upload keeps the order."""
        return f"{n + 1:02d}-{card.name}.png"


def series(catalog: Catalog, made: list[Card]) -> list[Series]:
    """The products series (its categories, most direct purchases first) and the cases series,
    each with its cover and the shared closing card; a series with no cards is not made."""
    network = catalog.network
    by_name = {c.name: c for c in made}
    howto = _howto(catalog)
    out = []
    categories = sorted(
        ((c, items) for c, items in catalog.by_category if items),
        key=lambda pair: -sum(1 for i in pair[1] if i.eligibility.eligible),
    )
    body = tuple(by_name[f"category-{c.id}"] for c, _ in categories[:SERIES_BODY])
    if body:
        items = catalog.items
        eligible = len(catalog.eligible_items)
        cover = _cover(
            "products",
            f"{network.city} 공공구매 카드뉴스",
            "공공기관이 바로 살 수 있는 사회적경제 제품·서비스" if eligible else "사회적경제 제품·서비스",
            (
                f"품목 {len(items)}개",
                f"수의계약 가능 {eligible}개",
                f"참여 기업 {len({i.enterprise.slug for i in items})}곳",
            ),
            network.site_url,
            # what this set holds: a cover promising twelve fields over eight cards contradicted
            # itself, and "(전체 12개 분야는 카탈로그에)" read as an apology
            f"수의계약 품목이 많은 {len(body)}개 분야를 골랐습니다"
            if len(body) < len(categories)
            else f"{len(body)}개 분야를 모두 소개합니다",
            body,
        )
        hook = f"{network.city} 공공기관 구매 담당자라면 저장해 두세요"
        out.append(
            Series("products", "제품·서비스 소개", (cover, *body, howto), *_post(catalog, hook, cover, body, howto))
        )
    book = catalog.casebook
    body = tuple(by_name[f"case-{c.slug}"] for c in book.cases[:SERIES_BODY]) if book else ()
    if book and body:
        amount = sum(c.front.purchase.amount or 0 for c in book.cases)
        stats = (f"사례 {len(book.cases)}건", f"구매 기관 {len({c.front.agency for c in book.cases})}곳")
        cover = _cover(
            "cases",
            "공공구매 사례집",
            "공공기관이 사회적경제 기업에서 산 이야기",
            stats + ((f"구매 금액 {_rounded(amount)}",) if amount else ()),
            f"{network.site_url}casebook/",
            "담당 공무원이 직접 전한 구매 이야기",
            body,
        )
        hook = "같은 고민을 먼저 푼 동료 공무원들의 구매 이야기"
        out.append(Series("cases", "공공구매 사례", (cover, *body, howto), *_post(catalog, hook, cover, body, howto)))
    return out


def _cover(name: str, kicker: str, title: str, stats: tuple[str, ...], url: str, lead: str, body) -> Card:
    """A series' cover: what it holds in figures (lines), four of its cards' photos, where to read
    on (url)."""
    return Card(
        f"cover-{name}",
        kicker,
        title,
        stats,
        url,
        _sentences(title, lead, *stats),
        thumbs=tuple(c.photo for c in body if c.photo)[:4],
        lead=lead,
    )


def _rounded(amount: int) -> str:
    """A sum as a cover's figure: '1.9억원' (at '1억 8,990만원' it was set smaller than its neighbours)."""
    if amount < 100_000_000:
        return won_short(amount)
    return f"{amount / 100_000_000:.1f}".removesuffix(".0") + "억원"


def closing_cards(sets: list[Series]) -> list[Card]:
    """The cards the series add to the single cards: their covers and the closing card, once."""
    extra: dict[str, Card] = {}
    for s in sets:
        extra.update({c.name: c for c in (s.cards[0], s.cards[-1])})
    return list(extra.values())


def _howto(catalog: Catalog) -> Card:
    """The closing card: how a buyer goes from this set to a contract, in three steps, and whom to
    ask. The limit is the rules' own (one figure when they agree)."""
    network = catalog.network
    limits = {rule.limit_krw for rule in catalog.procurement.sole_source_rules}
    limit = f"추정가격 {won_short(limits.pop())} 이하" if len(limits) == 1 else "규정별 한도 안에서"
    steps = (
        "카탈로그에서 찾기 · 분야별로, 수의계약 가능 여부로",
        "기업에 견적 요청 · 품목 쪽의 전화·메일로",
        f"수의계약으로 구매 · {limit}",
    )
    phone = network.contact.phone
    return Card(
        "howto",
        "구매 안내",
        "이렇게 구매하세요",
        steps,
        network.site_url,
        _sentences(
            "이렇게 구매하세요",
            *(f"{n}. {step}" for n, step in enumerate(steps, 1)),
            *([f"문의 {network.name} 사무국 {phone}"] if phone else []),
        ),
        note=f"문의 사무국 {phone}" if phone else "",
        note_ok=False,
        lead="품목 쪽의 품목 확인서(PDF)는 품의서에 첨부할 수 있습니다",
    )


def _post(catalog: Catalog, hook: str, cover: Card, body: tuple[Card, ...], howto: Card) -> tuple[str, str]:
    """(caption, alts). The caption as a city's SNS team writes one: a hook, three short lines
    (what the set is, its figures, how to buy), where to read on (a feed's links do not click, so
    the profile's link first, the address for blogs), hashtags from the network's own city. The
    images' descriptions go in their own text, one per image by its number."""
    network = catalog.network
    city = "".join(network.city.split())
    tags = " ".join(f"#{t}" for t in (city, "사회적경제", "공공구매", f"{city}사회적경제"))
    alts = "\n".join(f"{n}. {card.alt}" for n, card in enumerate((cover, *body, howto), 1))
    lines = (
        f"{cover.lead}.",
        f"한눈에: {' · '.join(cover.lines)}.",
        f"마지막 장에 구매 방법을 담았습니다. {howto.note}".strip(),
    )
    caption = (
        f"{hook}\n\n" + "\n".join(lines) + f"\n\n카탈로그는 프로필 링크에서 (누리집·블로그: {cover.url})\n\n{tags}\n"
    )
    return caption, f"[이미지 설명]\n{alts}\n"
