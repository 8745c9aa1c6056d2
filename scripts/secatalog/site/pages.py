"""The list of generated pages: what each page is, its URL, title, and how to render it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..markup import months_text, priced, won
from ..model.catalog import Catalog, EnterpriseEntry, Item, PhotoRef
from ..model.network import Subcategory
from ..model.procurement import LABELS
from . import kinds
from .context import recent_items
from .kinds import PageKind


@dataclass(frozen=True)
class GeneratedPage:
    """A page that exists only in the build: rendered from the catalog, never from Markdown."""

    src_uri: str
    title: str
    description: str
    kind: PageKind
    context: dict[str, Any] = field(default_factory=dict)
    image: PhotoRef | None = None
    search_terms: str = ""
    search_teaser: str = ""
    """Shown first under the page's title in search results (an item's enterprise, price, badge)."""
    source: str = ""
    """The member's file the page is made from (project-relative), which dates the page."""
    inputs: frozenset[str] | None = None
    """The member files whose content the page shows; None when it shows the whole catalog.
    `secatalog serve` renders a page again only when one of them, or anything shared, changed."""

    @property
    def url(self) -> str:
        stem = self.src_uri.removesuffix(".md")
        if stem == "index":
            return ""
        return stem.removesuffix("/index") + "/"


def _item_teaser(item: Item) -> str:
    product = item.product
    price = priced(product)
    badge = LABELS[item.eligibility.status] if item.eligibility.status != "not-eligible" else ""
    # not the name: the result's title says it, over this line (our worker shows it whole)
    return " · ".join(part for part in (item.enterprise.record.name, price, badge) if part)


def _item_description(item: Item) -> str:
    p = item.product
    parts = [p.summary or item.category.name, won(p.price)]
    if item.eligibility.eligible:
        parts.append(LABELS["eligible"])
    return " · ".join(x for x in parts if x)


def build_pages(catalog: Catalog) -> list[GeneratedPage]:
    """Every catalog page, in a stable order."""
    net = catalog.network
    recent = recent_items(catalog)
    first_photo = recent[0].photos[0] if recent and recent[0].photos else None
    pages = [
        GeneratedPage(
            "index.md", net.name, net.description or f"{net.city} 사회적경제 카탈로그", kinds.HOME, image=first_photo
        )
    ]
    for cat, items in catalog.by_category:
        groups: list[tuple[Subcategory | None, list[Item]]] = [
            (sub, [i for i in items if i.sub and i.sub.id == sub.id]) for sub in cat.children
        ]
        if not cat.children:
            groups = [(None, list(items))]
        pages.append(
            GeneratedPage(
                f"categories/{cat.id}.md",
                cat.name,
                cat.description or f"{cat.name} 분류의 제품과 서비스",
                kinds.CATEGORY,
                {"category": cat, "groups": groups, "items": items},
                image=next((i.photos[0] for i in items if i.photos), None),
                search_terms=" ".join([cat.name] + [k for s in cat.children for k in (s.name, *s.keywords)]),
                inputs=frozenset(i.enterprise.shown for i in items),
            )
        )
    for item in catalog.items:
        pages.append(
            GeneratedPage(
                f"items/{item.enterprise.slug}/{item.product.id}.md",
                item.product.name,
                _item_description(item),
                kinds.ITEM,
                {"item": item},
                image=item.photos[0] if item.photos else None,
                search_teaser=_item_teaser(item),
                source=item.enterprise.shown,
                inputs=frozenset({item.enterprise.shown}),
                search_terms=" ".join(
                    [
                        *item.product.keywords,
                        item.category.name,
                        item.sub.name if item.sub else "",
                        item.enterprise.record.name,
                        months_text(item.product.months),
                    ]
                ),
            )
        )
    items_by_ent: dict[str, list[Item]] = {}
    for item in catalog.items:
        items_by_ent.setdefault(item.enterprise.slug, []).append(item)
    pages.append(
        GeneratedPage(
            "enterprises/index.md",
            "기업 찾기",
            "조직 유형별 사회적경제 기업 목록",
            kinds.ENTERPRISES,
            {"groups": _org_groups(catalog)},
        )
    )
    for ent in catalog.enterprises:
        pages.append(
            GeneratedPage(
                f"enterprises/{ent.slug}.md",
                ent.record.name,
                ent.record.mission,
                kinds.ENTERPRISE,
                {"ent": ent, "items": items_by_ent.get(ent.slug, [])},
                image=ent.photos[0] if ent.photos else None,
                search_terms=catalog.org_types[ent.record.org_type].name,
                source=ent.shown,
                inputs=frozenset({ent.shown}),
            )
        )
    pages += _retired_pages(catalog)
    if catalog.casebook is not None:
        book = catalog.casebook
        pages.append(GeneratedPage("casebook/index.md", book.book.title, book.book.subtitle, kinds.CASEBOOK))
        pages.append(
            GeneratedPage(
                "casebook/how-to-buy.md",
                "공공구매 이렇게 하세요",
                "우선구매와 수의계약 기준, 구매 순서, 점검표",
                kinds.HOW_TO_BUY,
            )
        )
        for case in book.cases:
            pages.append(
                GeneratedPage(
                    f"casebook/{case.slug}.md",
                    case.front.title,
                    case.front.headline,
                    kinds.CASE,
                    {"case": case},
                    image=case.lead_photo,
                    search_terms=" ".join([case.front.agency, case.front.department, case.chapter.name]),
                    source=case.shown,
                )
            )
    pages.append(
        GeneratedPage(
            "procurement.md",
            "공공구매 바로찾기",
            "품목별 수의계약 가능 여부와 이유, 인증, 가격, 연락처",
            kinds.PROCUREMENT,
        )
    )
    pages.append(
        GeneratedPage(
            "stats.md", "공공구매 실적", "회원 기업이 적은 공공구매 실적: 연도·기관·분류·조직 유형별 합계", kinds.STATS
        )
    )
    pages.append(
        GeneratedPage("cards/index.md", "카드뉴스", "누리집·SNS에 올리는 분류·꾸러미·사례 카드 이미지", kinds.CARDS)
    )
    pages.append(GeneratedPage("open-data.md", "공개 데이터", "제품·기업 자료 내려받기와 자료 사전", kinds.OPEN_DATA))
    pages.append(GeneratedPage("join.md", "참여하기", "회원 기업이 카탈로그에 올릴 파일을 만드는 양식", kinds.JOIN))
    pages.append(GeneratedPage("embed.md", "홈페이지에 넣기", "시청 누리집에 붙이는 링크, 배너, 위젯", kinds.EMBED))
    if catalog.bundles:
        pages.append(
            GeneratedPage("bundles/index.md", "꾸러미", "여러 기업의 제품을 묶은 선물·행사 꾸러미", kinds.BUNDLES)
        )
        for bundle in catalog.bundles:
            pages.append(
                GeneratedPage(
                    f"bundles/{bundle.slug}.md",
                    bundle.record.name,
                    bundle.record.summary,
                    kinds.BUNDLE,
                    {"bundle": bundle},
                    image=bundle.photo,
                    search_terms=" ".join(bundle.record.occasions),
                )
            )
    return pages


def _retired_pages(catalog: Catalog) -> list[GeneratedPage]:
    """The old addresses of removed enterprises (printed QR codes, shared links): each says the
    enterprise is no longer listed, instead of a 'page not found'."""
    pages = []
    for gone in catalog.retired:
        title = f"{gone.name} (카탈로그에서 내려감)"
        about = f"{gone.removed.isoformat()}부터 카탈로그에 실려 있지 않습니다"
        addresses = [f"enterprises/{gone.slug}.md", *(f"items/{gone.slug}/{p}.md" for p in gone.products)]
        pages += [GeneratedPage(uri, title, about, kinds.RETIRED, {"gone": gone}) for uri in addresses]
    return pages


def _org_groups(catalog: Catalog) -> list[tuple[Any, list[EnterpriseEntry]]]:
    groups = []
    for org in catalog.org_types.values():
        members = sorted((e for e in catalog.enterprises if e.record.org_type == org.id), key=lambda e: e.record.name)
        groups.append((org, members))
    return groups
