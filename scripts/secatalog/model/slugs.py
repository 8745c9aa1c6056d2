"""Slugs: the one pattern for folder and file names that become addresses, and the names the
site itself uses, which no entry, bundle or case may take."""

from __future__ import annotations

import re

from ..korean import josa, quoted

_SLUG = r"[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?"
SLUG_PATTERN = f"^{_SLUG}$"
SLUG = re.compile(SLUG_PATTERN)
SLUG_CHARS = "영문 소문자, 숫자, 하이픈(-)만 쓰세요"
SLUG_HINT = f"{SLUG_CHARS} (예: our-coop)"
# An item named by its enterprise's folder and its product id: our-coop/lunch-box.
ITEM_REF_PATTERN = f"^{_SLUG}/{_SLUG}$"
ITEM_REF_HINT = "'기업slug/제품id' 형식으로 쓰세요 (예: our-coop/lunch-box)"

# Every top-level path the site generates, and the index pages inside its sections: an entry
# named like one of them would replace that page (tests compare this with a built site).
RESERVED = frozenset(
    {
        "index",
        "404",
        "sitemap",
        "assets",
        "search",
        "data",
        "print",
        "widget",
        "schema",
        "items",
        "enterprises",
        "categories",
        "bundles",
        "casebook",
        "embed",
        "join",
        "open-data",
        "procurement",
        "how-to-buy",
        "stylesheets",
        "javascripts",
        "stats",
        "cards",
        "calendar",
    }
)


def slug_problem(slug: str) -> tuple[str, str] | None:
    """(message, hint) when a name cannot be used as an address, else None."""
    if not SLUG.fullmatch(slug):
        return f"{josa(quoted(slug), '은')} 주소로 쓸 수 없습니다", SLUG_HINT
    if slug in RESERVED:
        return (
            f"{josa(quoted(slug), '은')} 사이트가 이미 쓰는 이름이라 쓸 수 없습니다",
            f"다른 이름을 쓰세요. 쓸 수 없는 이름: {', '.join(sorted(RESERVED))}",
        )
    return None
