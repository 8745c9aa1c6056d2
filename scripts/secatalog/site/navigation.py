"""The site's menu as a shop's: what to find first (categories, with how many items each), then
how to buy, the case book, and taking part. mkdocs-material draws it; this decides its shape."""

from __future__ import annotations

from markupsafe import Markup, escape

from ..model.catalog import Catalog
from . import kinds

BUYING = "구매 안내"
TAKING_PART = "참여·알림"


def catalog_nav(catalog: Catalog, configured: list | None) -> list:
    """Catalog sections first; the pages mkdocs.yml lists join the last group."""
    buying: list = [
        {"기업 찾기": "enterprises/index.md"},
        {"공공구매 바로찾기": "procurement.md"},
        {"공공구매 실적": "stats.md"},
    ]
    if catalog.bundles:
        buying.append({"꾸러미": "bundles/index.md"})
    nav: list = [
        {"처음": "index.md"},
        {"분류별 찾기": [{str(escape(c.name)): f"categories/{c.id}.md"} for c in catalog.taxonomy.categories]},
        {BUYING: buying},
    ]
    if catalog.casebook is not None:  # "모든 사례", not "사례집 차례": it read "사례집 / 사례집 차례"
        cases = [{"모든 사례": "casebook/index.md"}, {"공공구매 이렇게 하세요": "casebook/how-to-buy.md"}]
        nav.append({"사례집": cases})
    taking_part = [
        {"참여하기": "join.md"},
        {"카드뉴스": "cards/index.md"},
        {"홈페이지에 넣기": "embed.md"},
        {"공개 데이터": "open-data.md"},
    ]
    return nav + [{TAKING_PART: taking_part + list(configured or [])}]


def counted_title(name: str, count: int) -> dict[str, Markup]:
    """A category's menu entry with its number of items beside the name (the page's own title
    stays the name). Material draws a nav page's `typeset` title in place of its title, as its
    typeset plugin sets it."""
    return {"title": Markup('{} <span class="sc-nav-count">{}<span class="sc-sr">개</span></span>').format(name, count)}


def add_counts(nav_pages, generated: dict) -> None:
    """Give each category page of the menu its count (nav_pages: mkdocs' Navigation.pages)."""
    for page in nav_pages:
        found = generated.get(page.file.src_uri)
        if found is not None and found.kind is kinds.CATEGORY:
            page.typeset = counted_title(found.title, len(found.context["items"]))
