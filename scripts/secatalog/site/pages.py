"""The list of generated pages: what each page is, its URL, title, and how to render it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from ..project import Catalog, EnterpriseEntry, Item, PhotoRef
from .markup import months_text, won


@dataclass(frozen=True)
class GeneratedPage:
    """A page that exists only in the build: rendered from the catalog, never from Markdown."""

    src_uri: str
    title: str
    description: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    image: PhotoRef | None = None
    search_terms: str = ""
    kind: str = "page"

    @property
    def url(self) -> str:
        stem = self.src_uri.removesuffix(".md")
        if stem == "index":
            return ""
        return stem.removesuffix("/index") + "/"


def recent_items(catalog: Catalog, count: int = 8) -> list[Item]:
    """Newest items by their 'added' date, those with a photo first (the first one is preloaded)."""
    dated = sorted((i for i in catalog.items if i.product.added), key=lambda i: (i.product.added, i.uid),
                   reverse=True)
    return ([i for i in dated if i.photos] + [i for i in dated if not i.photos])[:count]


def quote_mail(item: Item, network_name: str) -> str:
    """A mailto link with a prefilled Korean subject and body for a quote request."""
    ent = item.enterprise.record
    email = ent.contact.email or ent.email
    if not email:
        return ""
    p = item.product
    subject = f"[견적 요청] {p.name} ({network_name} 카탈로그)"
    body = (f"{ent.name} 담당자님께,\n\n{network_name} 공공구매 카탈로그에서 '{p.name}'을(를) 보고 "
            f"견적을 요청드립니다.\n\n- 기관·부서: \n- 담당자·연락처: \n- 수량: ({p.unit or '단위'} 기준)\n"
            f"- 납품 희망일: \n- 납품 장소: \n- 계약 방법: 수의계약 / 종합쇼핑몰 / 견적\n\n감사합니다.")
    return f"mailto:{quote(email, safe='@')}?subject={quote(subject)}&body={quote(body)}"


def _item_description(item: Item) -> str:
    p = item.product
    parts = [p.summary or item.category.name, won(p.price)]
    if item.eligibility.eligible:
        parts.append("수의계약 가능")
    return " · ".join(x for x in parts if x)


def build_pages(catalog: Catalog) -> list[GeneratedPage]:
    """Every catalog page, in a stable order."""
    net = catalog.network
    recent = recent_items(catalog)
    first_photo = recent[0].photos[0] if recent and recent[0].photos else None
    pages = [GeneratedPage("index.md", net.name, net.description or f"{net.city} 사회적경제 카탈로그",
                           "home.html", image=first_photo, kind="home")]
    by_category: dict[str, list[Item]] = {}
    for item in catalog.items:
        by_category.setdefault(item.category.id, []).append(item)
    for cat in catalog.taxonomy.categories:
        items = by_category.get(cat.id, [])
        groups = [(sub, [i for i in items if i.sub and i.sub.id == sub.id]) for sub in cat.children]
        if not cat.children:
            groups = [(None, items)]
        pages.append(GeneratedPage(
            f"categories/{cat.id}.md", cat.name, cat.description or f"{cat.name} 분류의 제품과 서비스",
            "category.html", {"category": cat, "groups": groups, "items": items},
            image=next((i.photos[0] for i in items if i.photos), None),
            search_terms=" ".join([cat.name] + [k for s in cat.children for k in (s.name, *s.keywords)]),
            kind="category"))
    for item in catalog.items:
        pages.append(GeneratedPage(
            f"items/{item.enterprise.slug}/{item.product.id}.md", item.product.name,
            _item_description(item), "item.html", {"item": item},
            image=item.photos[0] if item.photos else None,
            search_terms=" ".join([*item.product.keywords, item.category.name,
                                   item.sub.name if item.sub else "", item.enterprise.record.name,
                                   months_text(item.product.months)]),
            kind="item"))
    items_by_ent: dict[str, list[Item]] = {}
    for item in catalog.items:
        items_by_ent.setdefault(item.enterprise.slug, []).append(item)
    pages.append(GeneratedPage("enterprises/index.md", "기업 찾기", "조직 유형별 사회적경제 기업 목록",
                               "enterprises.html", {"groups": _org_groups(catalog)}, kind="list"))
    for ent in catalog.enterprises:
        pages.append(GeneratedPage(
            f"enterprises/{ent.slug}.md", ent.record.name, ent.record.mission, "enterprise.html",
            {"ent": ent, "items": items_by_ent.get(ent.slug, [])},
            image=ent.photos[0] if ent.photos else None,
            search_terms=catalog.org_types[ent.record.org_type].name, kind="enterprise"))
    if catalog.casebook is not None:
        book = catalog.casebook
        pages.append(GeneratedPage("casebook/index.md", book.book.title, book.book.subtitle,
                                   "casebook_index.html", kind="casebook"))
        pages.append(GeneratedPage("casebook/how-to-buy.md", "공공구매 이렇게 하세요",
                                   "우선구매와 수의계약 기준, 구매 순서, 점검표", "how_to_buy.html", kind="how-to-buy"))
        for case in book.cases:
            pages.append(GeneratedPage(
                f"casebook/{case.slug}.md", case.front.title, case.front.headline, "case.html", {"case": case},
                image=case.photos[0] if case.photos else None,
                search_terms=" ".join([case.front.agency, case.front.department, case.chapter.name]), kind="case"))
    pages.append(GeneratedPage("procurement.md", "공공구매 바로찾기",
                               "품목별 수의계약 가능 여부와 이유, 인증, 가격, 연락처", "procurement.html",
                               kind="procurement"))
    pages.append(GeneratedPage("open-data.md", "공개 데이터", "제품·기업 자료 내려받기와 자료 사전",
                               "open_data.html", kind="open-data"))
    pages.append(GeneratedPage("join.md", "참여하기", "회원 기업이 카탈로그에 올릴 파일을 만드는 양식",
                               "join.html", kind="join"))
    pages.append(GeneratedPage("embed.md", "홈페이지에 넣기", "시청 누리집에 붙이는 링크, 배너, 위젯",
                               "embed.html", kind="embed"))
    if catalog.bundles:
        pages.append(GeneratedPage("bundles/index.md", "꾸러미", "여러 기업의 제품을 묶은 선물·행사 꾸러미",
                                   "bundles.html", kind="list"))
        for bundle in catalog.bundles:
            pages.append(GeneratedPage(
                f"bundles/{bundle.slug}.md", bundle.record.name, bundle.record.summary, "bundle.html",
                {"bundle": bundle}, image=bundle.photo, search_terms=" ".join(bundle.record.occasions),
                kind="bundle"))
    return pages


def _org_groups(catalog: Catalog) -> list[tuple[Any, list[EnterpriseEntry]]]:
    groups = []
    for org in catalog.org_types.values():
        members = sorted((e for e in catalog.enterprises if e.record.org_type == org.id),
                         key=lambda e: e.record.name)
        groups.append((org, members))
    return groups
