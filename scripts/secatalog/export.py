"""Open data exports: model -> JSON through small pure functions, written by build.py only."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .model import context_for
from .project import Catalog, EnterpriseEntry, Item
from .schema import SCHEMA_ID, dumps, enterprise_schema


def item_to_json(item: Item, site_url: str) -> dict[str, Any]:
    p = item.product
    return {
        "id": item.uid,
        "url": site_url.rstrip("/") + "/" + item.url,
        "name": p.name,
        "kind": p.kind,
        "category": item.category.name,
        "subcategory": item.sub.name if item.sub else None,
        "enterprise": item.enterprise.slug,
        "enterprise_name": item.enterprise.record.name,
        "price": p.price,
        "unit": p.unit,
        "min_order": p.min_order,
        "lead_time": p.lead_time,
        "months": list(p.months),
        "delivery_area": p.delivery_area,
        "certifications": [c.type for c in p.certifications],
        "sole_source_eligible": item.eligibility.eligible,
        "sole_source_reasons": list(item.eligibility.reasons),
        "gift_limit_ok": item.gift_ok,
        "keywords": list(p.keywords),
    }


def enterprise_to_json(ent: EnterpriseEntry, site_url: str) -> dict[str, Any]:
    e = ent.record
    return {
        "id": ent.slug,
        "url": site_url.rstrip("/") + "/" + ent.url,
        "name": e.name,
        "org_type": e.org_type,
        "mission": e.mission,
        "social_purpose": e.social_purpose,
        "founded": e.founded,
        "phone": e.phone,
        "email": e.email,
        "website": e.website,
        "certifications": [{"type": c.type, "number": c.number,
                            "expires": c.expires.isoformat() if c.expires else None}
                           for c in e.certifications],
        "workers": e.workers.model_dump() if e.workers else None,
        "sole_source_eligible": ent.eligibility.eligible,
        "products": [p.id for p in e.products],
    }


def _write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n", "utf-8")


def catalog_schema(catalog: Catalog) -> str:
    """The entry schema with this catalog's own categories, org types and certifications."""
    ctx = context_for(catalog.taxonomy, list(catalog.org_types.values()),
                      list(catalog.certifications.values()), catalog.procurement)
    return dumps(enterprise_schema(ctx))


def write_all(prepared, out: Path) -> None:
    """Write DIR/data/ (products.json, enterprises.json with stable slug IDs) and DIR/schema/."""
    catalog = prepared.catalog
    site_url = catalog.network.site_url
    meta = {"network": catalog.network.name, "licence": catalog.network.data_licence,
            "photo_licence": catalog.network.photo_licence}
    _write_json(out / "data" / "products.json",
                {**meta, "items": [item_to_json(i, site_url) for i in catalog.items]})
    _write_json(out / "data" / "enterprises.json",
                {**meta, "enterprises": [enterprise_to_json(e, site_url) for e in catalog.enterprises]})
    (out / "schema").mkdir(parents=True, exist_ok=True)
    (out / "schema" / SCHEMA_ID).write_text(catalog_schema(catalog), "utf-8")
