"""The kinds of generated page, each carrying its own behaviour (as mkdocs-material's blog
plugin has Post, View and Archive): its template, whether it is in the navigation and in the
search index, how its first photo is sized, and what its template needs beyond its records."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import context as builders

PHONE_FIRST = "(max-width: 900px) 100vw, "


@dataclass(frozen=True)
class PageKind:
    name: str
    template: str
    in_nav: bool = False
    """Listed in the site navigation (the rest are reached through links)."""
    indexed: bool = True
    """In the search index: pages that only list what item pages say would answer twice."""
    search_boost: float = 1
    """Weight in search ranking: a product word should find the product before a story about it."""
    search_whole: bool = False
    """One search result for the whole page, not one per section (an item is one thing)."""
    toc: bool = False
    sidebar: bool | None = None
    """The section's menu at the left on a desktop: by default on the pages the menu lists (the
    header's tabs lead to each section). A product, an enterprise or a case is read across the
    page, as a shop's product page is; the home page has no section to list."""
    og_type: str = "website"

    @property
    def has_sidebar(self) -> bool:
        return self.in_nav if self.sidebar is None else self.sidebar

    hero_sizes: str = ""
    """The sizes attribute of the above-the-fold photo, preloaded in the head ("" = none)."""
    extra: Callable[..., dict[str, Any]] = builders.nothing


HOME = PageKind(
    "home",
    "home.html",
    in_nav=True,
    indexed=False,
    toc=False,  # as wide as every other page (its table of contents took 250 px of a desktop)
    sidebar=False,
    hero_sizes="(max-width: 600px) 100vw, 320px",
    extra=builders.home,
)
CATEGORY = PageKind("category", "category.html", in_nav=True, indexed=False)
ITEM = PageKind(
    "item",
    "item.html",
    search_boost=4,
    search_whole=True,
    og_type="product",
    hero_sizes=PHONE_FIRST + "480px",
    extra=builders.item,
)
ENTERPRISES = PageKind("enterprises", "enterprises.html", in_nav=True, indexed=False)
# An enterprise whose work is the word ("청소" in "공공시설 청소 전문 기업") ranks above an item
# whose name only begins with it (청소년 진로 체험): at 1 its page fell below that title.
ENTERPRISE = PageKind(
    "enterprise",
    "enterprise.html",
    search_boost=2,
    search_whole=True,
    hero_sizes=PHONE_FIRST + "720px",
    extra=builders.enterprise,
)
# Pages a buyer finds as one thing are one search document, their text taken tag by tag with a
# space between (material's own indexer runs table cells together: "도시락으로2025예시시청").
CASEBOOK = PageKind(
    "casebook", "casebook_index.html", in_nav=True, search_boost=0.5, search_whole=True, extra=builders.casebook
)
HOW_TO_BUY = PageKind(
    "how-to-buy", "how_to_buy.html", in_nav=True, search_boost=0.5, search_whole=True, extra=builders.how_to_buy
)
CASE = PageKind(
    "case", "case.html", search_boost=0.5, search_whole=True, hero_sizes=PHONE_FIRST + "720px", extra=builders.case
)
# the quick finder's table across the whole width: beside the menu its cells wrapped to three lines
PROCUREMENT = PageKind(
    "procurement", "procurement.html", in_nav=True, indexed=False, sidebar=False, extra=builders.procurement
)
CARDS = PageKind("cards", "cards.html", in_nav=True, indexed=False, extra=builders.card_news)
STATS = PageKind("stats", "stats.html", in_nav=True, indexed=False, extra=builders.stats)
OPEN_DATA = PageKind("open-data", "open_data.html", in_nav=True, indexed=False, extra=builders.open_data)
JOIN = PageKind("join", "join.html", in_nav=True, indexed=False, extra=builders.join)
EMBED = PageKind("embed", "embed.html", in_nav=True, indexed=False, extra=builders.embed)
BUNDLES = PageKind("bundles", "bundles.html", in_nav=True, indexed=False)
RETIRED = PageKind("retired", "retired.html", indexed=False)
BUNDLE = PageKind("bundle", "bundle.html", search_whole=True, hero_sizes=PHONE_FIRST + "720px", extra=builders.bundle)
