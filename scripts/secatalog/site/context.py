"""Per-page template context beyond the page's own data: links, labels, structured data."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ..casebook import ROUTES
from ..export import COLUMNS
from ..model import CONTRIBUTION_TYPES, SOCIAL_PURPOSES
from ..schema import form_patterns
from ..widget import BANNERS, snippets
from .head import enterprise_json_ld, item_json_ld
from .pages import GeneratedPage, quote_mail, recent_items
from .render import Renderer

RECENT_COUNT = 8
_MEANINGS = {
    "id": "기업 폴더 이름/제품 id. 사이트 주소 items/<id>/와 같습니다",
    "name": "제품·서비스 이름", "kind": "product(물품) 또는 service(용역)", "category": "분류",
    "subcategory": "하위 분류", "enterprise_name": "공급 기업 이름", "price": "가격(원). 비어 있으면 협의",
    "unit": "가격 단위", "min_order": "최소 주문", "lead_time": "납품 기간", "months": "판매 월 (비어 있으면 연중)",
    "delivery_area": "배송·서비스 지역", "certifications": "유효한 인증 id (만료된 인증은 빠짐)",
    "sole_source_eligible": "수의계약 가능 여부 (사무국이 확인한 사실로만 판정)",
    "sole_source_status": "eligible(가능), not-eligible(특례 해당 없음), pending(사무국 확인 중)",
    "verified_by_secretariat": "사무국이 조직 유형·인증을 공식 자료와 대조한 날",
    "gift_limit_ok": "청탁금지법 선물 가액 한도 이내", "url": "온라인 카탈로그 주소",
}
FORM_PATTERNS = form_patterns()
DICTIONARY = [(key, header, _MEANINGS[key]) for key, header, _ in COLUMNS]


def _code_block(key: str, code: str) -> Markup:
    ident = f"snippet-{key}"
    return Markup('<pre><code id="{0}">{1}</code></pre><p><button type="button" class="md-button" '
                  'data-sc-copy="{0}" hidden>코드 복사</button></p>').format(ident, code)


def page_context(page: GeneratedPage, renderer: Renderer, site_url: str) -> dict[str, Any]:
    """Everything a template needs besides the page's own records."""
    catalog = renderer.catalog
    book = catalog.casebook
    ctx: dict[str, Any] = dict(page.context)
    if page.kind == "home":
        counts = {cat.id: 0 for cat in catalog.taxonomy.categories}
        for item in catalog.items:
            counts[item.category.id] += 1
        ctx.update(
            categories=[(cat, counts[cat.id]) for cat in catalog.taxonomy.categories],
            eligible_count=sum(1 for i in catalog.items if i.eligibility.eligible),
            gift_count=sum(1 for i in catalog.items if i.gift_ok),
            recent=recent_items(catalog, RECENT_COUNT))
    elif page.kind == "item":
        item = page.context["item"]
        ctx.update(cases=book.cases_citing_item(item.uid) if book else [],
                   mail=quote_mail(item, catalog.network.name),
                   channel_names={c.id: c for c in catalog.procurement.channels},
                   jsonld=item_json_ld(item, renderer, site_url))
    elif page.kind == "enterprise":
        ctx.update(cases=book.cases_citing_enterprise(page.context["ent"].slug) if book else [],
                   purpose_names=SOCIAL_PURPOSES, contribution_names=CONTRIBUTION_TYPES,
                   jsonld=enterprise_json_ld(page.context["ent"], site_url))
    elif page.kind == "casebook":
        ctx.update(book=book.book, foreword=book.foreword, chapters=book.chapters,
                   by_agency=sorted(book.cases, key=lambda c: (c.front.agency, c.front.department, c.slug)))
    elif page.kind == "case":
        ctx.update(routes=ROUTES)
    elif page.kind == "how-to-buy":
        ctx.update(eligible=[i for i in catalog.items if i.eligibility.eligible])
    elif page.kind == "procurement":
        groups: dict[str, list] = {}
        for item in catalog.items:
            groups.setdefault(item.category.id, []).append(item)
        ctx.update(groups=[(c, groups[c.id]) for c in catalog.taxonomy.categories if c.id in groups],
                   eligible_count=sum(1 for i in catalog.items if i.eligibility.eligible))
    elif page.kind == "join":
        ctx.update(patterns=FORM_PATTERNS, purposes=SOCIAL_PURPOSES, repository=catalog.network.repository or "")
    elif page.kind == "open-data":
        ctx.update(dictionary=DICTIONARY)
    elif page.kind == "embed":
        found = snippets(catalog)
        ctx.update(snippets=found, banners=BANNERS, code=lambda key: _code_block(key, found[key]))
    elif page.kind == "bundle":
        bundle = page.context["bundle"]
        ctx.update(pairs=list(zip(bundle.record.items, bundle.items, strict=True)))
    return ctx
