"""What each kind of page needs beyond its own records: counts, links, labels, structured data.

One builder per page kind (see kinds.py); each takes the page, the renderer and the site URL.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain, islice
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from markupsafe import Markup

from ..data.card_news import SIZE, cards, series
from ..data.export import DICTIONARY
from ..data.stats import MIN_TO_COMPARE, statistics
from ..data.widget import BANNERS, snippets
from ..korean import josa, quoted
from ..model.casebook import ROUTES
from ..model.catalog import Catalog, Item
from ..model.entries import CONTRIBUTION_TYPES, SOCIAL_PURPOSES
from ..model.schema import form_limits, form_patterns
from .head import enterprise_json_ld, item_json_ld
from .render import Renderer, root_for

if TYPE_CHECKING:
    from .pages import GeneratedPage

RECENT_COUNT = 8
FORM_PATTERNS = form_patterns()
FORM_LIMITS = form_limits()


def _code_block(key: str, code: str, fold: bool = False) -> Markup:
    """A snippet to paste, with its copy button; folded under "코드 보기" where several stand side
    by side (three banners' code blocks made the page a column of code)."""
    ident = f"snippet-{key}"
    block = Markup('<pre class="sc-snippet"><code id="{0}">{1}</code></pre>').format(ident, code)
    button = Markup(
        '<p class="sc-snippet__copy"><button type="button" class="md-button md-button--primary" '
        'data-sc-copy="{0}" hidden>코드 복사</button></p>'
    ).format(ident)
    if fold:
        return button + Markup('<details class="sc-snippet__fold"><summary>코드 보기</summary>{0}</details>').format(
            block
        )
    return block + button


def recent_items(catalog: Catalog, count: int = RECENT_COUNT) -> list[Item]:
    """Newest items by their 'added' date, those with a photo first (the first one is preloaded)."""
    dated = sorted((i for i in catalog.items if i.product.added), key=lambda i: (i.product.added, i.uid), reverse=True)
    return ([i for i in dated if i.photos] + [i for i in dated if not i.photos])[:count]


def quote_mail(item: Item, network_name: str) -> str:
    """A mailto link with a prefilled Korean subject and body for a quote request."""
    ent = item.enterprise.record
    email = ent.contact.email or ent.email
    if not email:
        return ""
    p = item.product
    subject = f"[견적 요청] {p.name} ({network_name} 카탈로그)"
    body = (
        f"{ent.name} 담당자님께,\n\n{network_name} 공공구매 카탈로그에서 {josa(quoted(p.name), '을')} 보고 "
        f"견적을 요청드립니다.\n\n- 기관·부서: \n- 담당자·연락처: \n- 수량: ({p.unit or '단위'} 기준)\n"
        f"- 납품 희망일: \n- 납품 장소: \n- 계약 방법: 수의계약 / 종합쇼핑몰 / 견적\n\n감사합니다."
    )
    return mail_link(email, subject, body)


def enterprise_mail(ent, network_name: str) -> str:
    """A mailto link to an enterprise with a prefilled subject and body for a question."""
    record = ent.record
    email = record.contact.email or record.email
    if not email:
        return ""
    subject = f"[구매 문의] {record.name} ({network_name} 카탈로그)"
    body = (
        f"{record.name} 담당자님께,\n\n{network_name} 공공구매 카탈로그를 보고 연락드립니다.\n\n"
        "- 기관·부서: \n- 담당자·연락처: \n- 관심 있는 제품·서비스: \n- 문의 내용: \n\n감사합니다."
    )
    return mail_link(email, subject, body)


def bundle_mail(bundle, network) -> str:
    """A mailto link to the secretariat for a bundle: its parts come from several enterprises,
    and the secretariat puts one order together with them."""
    email = network.contact.email
    if not email:
        return ""
    record = bundle.record
    parts = "\n".join(f"  · {i.product.name} ({i.enterprise.record.name})" for i in bundle.items)
    subject = f"[꾸러미 문의] {record.name} ({network.name} 카탈로그)"
    body = (
        f"{network.name} 사무국 담당자님께,\n\n카탈로그의 꾸러미 {quoted(record.name)} 주문을 문의드립니다.\n\n"
        f"- 구성:\n{parts}\n- 기관·부서: \n- 담당자·연락처: \n- 수량: \n- 납품 희망일·장소: \n\n감사합니다."
    )
    return mail_link(email, subject, body)


def mail_link(email: str, subject: str, body: str) -> str:
    return f"mailto:{quote(email, safe='@')}?subject={_mail_field(subject)}&body={_mail_field(body)}"


_MAIL_ENCODED = re.compile(
    "[^0-9A-Za-z_.~\\-\u00a1-\U0010ffff]|[\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e"
    "\u2060-\u206f\ufdd0-\ufdef\ufeff\ufff0-\uffff]"
)


def _mail_field(text: str) -> str:
    """A mailto field with Korean left as it is: the browser encodes it when the link is followed,
    and encoded here it took a third of an item page. ASCII other than letters and digits, and
    invisible or non-characters (format controls, line separators, BOM, U+FDD0.., U+FFF0..), are encoded."""
    return _MAIL_ENCODED.sub(lambda m: quote(m.group(0), safe=""), text)


def nothing(page: GeneratedPage, renderer: Renderer, site_url: str) -> dict[str, Any]:
    return {}


HOME_CASES = 3
"""The home's row of cases: three and a tile to the case book (a row of four cards)."""


def home(page: GeneratedPage, renderer: Renderer, site_url: str) -> dict[str, Any]:
    catalog = renderer.catalog
    return {
        "categories": [(cat, len(items)) for cat, items in catalog.by_category],
        "eligible_count": len(catalog.eligible_items),
        "gift_count": sum(1 for i in catalog.items if i.gift_ok),
        "recent": recent_items(catalog),
        # the hero's pictures on a desktop: the first photo of the first categories' first items
        # (a text-only blue box read as a documentation site's banner)
        "hero_photos": [items[0].photos[0] for _, items in catalog.by_category if items and items[0].photos][:3],
        # what each edition holds, so "먹을거리 카탈로그 · 품목 10개" does not contradict the
        # category's own count when the edition also takes another category
        "editions": [
            (edition, len(part.items), ", ".join(c.name for c, items in part.by_category if items))
            for edition, part in catalog.print_editions()
        ],
        "purchases": sum(len(ent.record.procurement_record) for ent in catalog.enterprises),
        # the newest of the case book's stories, as the bundles' row shows its bundles: a buyer
        # trusts a colleague's purchase before a catalog's claims
        "cases": sorted(catalog.casebook.cases, key=lambda c: -c.front.year)[:HOME_CASES] if catalog.casebook else [],
        "routes": ROUTES,
    }


RELATED = 4
"""An item page's cards of other items: one row on a desktop."""


def related(catalog: Catalog, it: Item) -> tuple[str, list[Item]]:
    """(heading, items): its maker's other items, as a shop shows them (a buyer often orders two
    things at once), topped up to a row with its category's other items, its sub-category's
    first (two cards in a row of four left half of it empty)."""
    own = [i for i in catalog.by_enterprise[it.enterprise.slug] if i.uid != it.uid][:RELATED]
    category = next((items for c, items in catalog.by_category if c.id == it.category.id), ())

    def others(same_sub: bool) -> Iterator[Item]:
        return (i for i in category if i.enterprise.slug != it.enterprise.slug and (i.sub == it.sub) == same_sub)

    # read only as far as the row needs (every item page sorted a copy of its whole category)
    peers = list(islice(chain(others(True), others(False)), RELATED - len(own)))
    kinds = [name for name, items in (("같은 기업", own), ("같은 분류", peers)) if items]
    return ("·".join(kinds) + "의 다른 제품·서비스" if kinds else "", own + peers)


def item(page: GeneratedPage, renderer: Renderer, site_url: str) -> dict[str, Any]:
    catalog, it = renderer.catalog, page.context["item"]
    book = catalog.casebook
    return {
        "cases": book.cases_citing_item(it.uid) if book else [],
        "routes": ROUTES,
        "related": related(catalog, it),
        "mail": quote_mail(it, catalog.network.name),
        "channel_names": {c.id: c for c in catalog.procurement.channels},
        "jsonld": item_json_ld(it, renderer, site_url),
    }


def enterprise(page: GeneratedPage, renderer: Renderer, site_url: str) -> dict[str, Any]:
    book, ent = renderer.catalog.casebook, page.context["ent"]
    return {
        "cases": book.cases_citing_enterprise(ent.slug) if book else [],
        "routes": ROUTES,
        "mail": enterprise_mail(ent, renderer.catalog.network.name),
        "purpose_names": SOCIAL_PURPOSES,
        "contribution_names": CONTRIBUTION_TYPES,
        "jsonld": enterprise_json_ld(ent, site_url),
    }


def casebook(page: GeneratedPage, renderer: Renderer, site_url: str) -> dict[str, Any]:
    book = renderer.catalog.casebook
    assert book is not None  # the case book's pages are made only when there is one (pages.py)
    return {
        "book": book.book,
        "foreword": book.foreword,
        "chapters": book.chapters,
        "by_agency": sorted(book.cases, key=lambda c: (c.front.agency, c.front.department, c.slug)),
        "routes": ROUTES,
    }


def case(page: GeneratedPage, renderer: Renderer, site_url: str) -> dict[str, Any]:
    return {"routes": ROUTES}


def how_to_buy(page: GeneratedPage, renderer: Renderer, site_url: str) -> dict[str, Any]:
    return {"eligible": renderer.catalog.eligible_items}


def procurement(page: GeneratedPage, renderer: Renderer, site_url: str) -> dict[str, Any]:
    catalog = renderer.catalog
    return {
        "groups": [(c, items) for c, items in catalog.by_category if items],
        "eligible_count": len(catalog.eligible_items),
    }


def join(page: GeneratedPage, renderer: Renderer, site_url: str) -> dict[str, Any]:
    catalog = renderer.catalog
    return {
        "patterns": FORM_PATTERNS,
        "limits": FORM_LIMITS,
        "enterprise_certs": [c for c in catalog.certifications.values() if c.applies_to != "product"],
        "purposes": SOCIAL_PURPOSES,
        "repository": renderer.catalog.network.repository or "",
    }


def card_news(page: GeneratedPage, renderer: Renderer, site_url: str) -> dict[str, Any]:
    single = cards(renderer.catalog)
    return {"cards": single, "series": series(renderer.catalog, single), "size": SIZE}


def stats(page: GeneratedPage, renderer: Renderer, site_url: str) -> dict[str, Any]:
    return {"stats": statistics(renderer.catalog), "min_to_compare": MIN_TO_COMPARE}


def open_data(page: GeneratedPage, renderer: Renderer, site_url: str) -> dict[str, Any]:
    return {"dictionary": DICTIONARY}


def embed(page: GeneratedPage, renderer: Renderer, site_url: str) -> dict[str, Any]:
    found = snippets(renderer.catalog)
    preview = snippets(renderer.catalog, site=root_for(page.url))
    return {
        "snippets": preview,
        "banners": BANNERS,
        "code": lambda key, fold=False: _code_block(key, found[key], fold),
    }


def bundle(page: GeneratedPage, renderer: Renderer, site_url: str) -> dict[str, Any]:
    b = page.context["bundle"]
    return {"pairs": list(zip(b.record.items, b.items, strict=True)), "mail": bundle_mail(b, renderer.catalog.network)}


def page_context(page: GeneratedPage, renderer: Renderer, site_url: str) -> dict[str, Any]:
    """The page's own records plus what its kind adds."""
    return {**page.context, **page.kind.extra(page, renderer, site_url)}
