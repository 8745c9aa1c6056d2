"""Head tags for sharing and search engines: Open Graph, Twitter card, schema.org JSON-LD."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urljoin

from markupsafe import Markup, escape

from ..markup import NEGOTIABLE
from ..model.catalog import EnterpriseEntry, Item
from .render import Renderer, json_ld, root_for

if TYPE_CHECKING:
    from .pages import GeneratedPage


def absolute(site_url: str, path: str) -> str:
    return urljoin(site_url, path)


def head_tags(page: GeneratedPage, renderer: Renderer, site_url: str) -> Markup:
    """OG tags and the Twitter card kind (its title and description fall back to the OG ones);
    every value escaped for an attribute."""
    net = renderer.catalog.network
    tags = {
        "og:type": page.kind.og_type,
        "og:site_name": net.name,
        "og:locale": "ko_KR",
        "og:title": page.title,
        "og:description": page.description,
        "og:url": absolute(site_url, page.url),
    }
    if page.image is not None:
        tags["og:image"] = absolute(site_url, renderer.photo_url(page.image))
        tags["og:image:alt"] = page.image.alt
    out = [f'<meta property="{k}" content="{escape(v)}">' for k, v in tags.items()]
    out.append(
        '<meta name="twitter:card" content="{}">'.format("summary_large_image" if page.image is not None else "summary")
    )
    if page.image is not None and page.kind.hero_sizes:
        out.append(renderer.preload(page.image, root_for(page.url), page.kind.hero_sizes))
    return Markup("\n".join(out))


def _organization(ent: EnterpriseEntry, site_url: str) -> dict:
    """The enterprise as schema.org names it; its full record is on its own page (enterprise_json_ld)."""
    url = absolute(site_url, ent.url)
    return {"@type": "Organization", "@id": url, "name": ent.record.name, "url": url}


def _organization_record(ent: EnterpriseEntry, site_url: str) -> dict:
    e = ent.record
    data: dict = {**_organization(ent, site_url), "description": e.mission}
    if e.phone:
        data["telephone"] = e.phone
    if e.email:
        data["email"] = e.email
    if e.address:
        data["address"] = {"@type": "PostalAddress", "streetAddress": e.address, "addressCountry": "KR"}
    if e.founded:
        data["foundingDate"] = str(e.founded)
    return data


def item_json_ld(item: Item, renderer: Renderer, site_url: str) -> Markup:
    p = item.product
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Service" if p.kind == "service" else "Product",
        "name": p.name,
        "description": p.summary or p.name,
        "category": item.sub.name if item.sub else item.category.name,
        "url": absolute(site_url, item.url),
    }
    if item.photos:
        data["image"] = [absolute(site_url, renderer.photo_url(ref)) for ref in item.photos]
    org = _organization(item.enterprise, site_url)
    data["provider" if p.kind == "service" else "brand"] = org
    if p.price != NEGOTIABLE:
        data["offers"] = {
            "@type": "Offer",
            "price": p.price,
            "priceCurrency": "KRW",
            "url": absolute(site_url, item.url),
            "seller": {"@id": org["@id"]},  # the brand above, by reference
        }
    return json_ld(data)


def enterprise_json_ld(ent: EnterpriseEntry, site_url: str) -> Markup:
    return json_ld({"@context": "https://schema.org", **_organization_record(ent, site_url)})
