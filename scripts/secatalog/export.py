"""Open data exports: model -> JSON through small pure functions, written by build.py only."""

from __future__ import annotations

import csv
import json
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

from . import GENERATOR
from .catalog import Catalog, EnterpriseEntry, Item
from .certificates import claimed_types, current_types
from .config_model import context_for
from .fields import invisible
from .schema import SCHEMA_ID, dumps, enterprise_schema
from .stats import Statistics, statistics


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def item_to_json(item: Item, site_url: str) -> dict[str, Any]:
    p = item.product
    return {
        "id": item.uid,
        "url": site_url + item.url,
        "name": p.name,
        "kind": p.kind,
        "category": item.category.name,
        "subcategory": item.sub.name if item.sub else None,
        "enterprise": item.enterprise.slug,
        "enterprise_name": item.enterprise.record.name,
        "price": p.price,
        "unit": p.unit,
        "vat_included": p.vat_included,
        "price_note": p.price_note,
        "min_order": p.min_order,
        "lead_time": p.lead_time,
        "months": list(p.months),
        "season_note": p.season_note,
        "delivery_area": p.delivery_area,
        "certifications": sorted(current_types(item.certs)),
        "certifications_unconfirmed": sorted(claimed_types(item.certs)),
        "certifications_detail": [c.as_data() for c in item.certs],
        "sole_source_eligible": item.eligibility.eligible,
        "sole_source_status": item.eligibility.status,
        "sole_source_reasons": list(item.eligibility.reasons),
        "sole_source_basis_expires": _iso(item.eligibility.basis_expires),
        "verified_by_secretariat": _iso(item.eligibility.verified.checked if item.eligibility.verified else None),
        "gift_limit_ok": item.gift_ok,
        "keywords": list(p.keywords),
    }


def enterprise_to_json(ent: EnterpriseEntry, site_url: str) -> dict[str, Any]:
    e = ent.record
    return {
        "id": ent.slug,
        "url": site_url + ent.url,
        "name": e.name,
        "org_type": e.org_type,
        "mission": e.mission,
        "social_purpose": e.social_purpose,
        "founded": e.founded,
        "phone": e.phone,
        "email": e.email,
        "website": e.website,
        "certifications": [c.as_data() for c in ent.certs],
        "workers": e.workers.model_dump() if e.workers else None,
        "sole_source_eligible": ent.eligibility.eligible,
        "sole_source_status": ent.eligibility.status,
        "verified_by_secretariat": _iso(ent.eligibility.verified.checked if ent.eligibility.verified else None),
        "products": [p.id for p in e.products],
    }


# Columns of products.csv / products.xlsx: (key in item_to_json, Korean header, Excel width).
COLUMNS = [
    ("id", "ID", 30),
    ("name", "상품명", 28),
    ("kind", "구분", 8),
    ("category", "분류", 14),
    ("subcategory", "하위 분류", 14),
    ("enterprise_name", "기업", 24),
    ("price", "가격(원)", 11),
    ("unit", "단위", 12),
    ("vat_included", "부가세 포함", 10),
    ("price_note", "가격 설명", 20),
    ("min_order", "최소 주문", 12),
    ("lead_time", "납품 기간", 14),
    ("months", "판매 월", 12),
    ("season_note", "판매 시기 설명", 16),
    ("delivery_area", "지역", 16),
    ("certifications", "인증 (사무국 확인)", 20),
    ("certifications_unconfirmed", "인증 (회원 신고 · 사무국 미확인)", 20),
    ("sole_source_eligible", "수의계약 가능", 12),
    ("sole_source_status", "수의계약 상태", 14),
    ("verified_by_secretariat", "사무국 확인일", 12),
    ("gift_limit_ok", "선물 한도 이내", 12),
    ("url", "주소", 50),
]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """Keep spreadsheet cells from being read as formulas (CSV/formula injection), also when the
    formula sign is full-width (＝, ＋, －, ＠, which spreadsheets may fold) or behind spaces,
    a BOM or a zero-width space."""
    if not isinstance(value, str):
        return value
    start = value
    while start and (start[0].isspace() or invisible(start[0])):
        start = start[1:]
    if value.startswith(_FORMULA_START) or unicodedata.normalize("NFKC", start[:1]).startswith(_FORMULA_START):
        return "'" + value
    return value


KIND_LABELS = {"product": "물품", "service": "서비스(용역)"}


def code_labels(catalog: Catalog) -> dict[str, dict[str, str]]:
    """Korean names for the codes some columns hold, shown beside them in spreadsheets
    ("수의계약 확인 중 (pending)"): a reader of products.csv should not need the dictionary."""
    from .procurement import LABELS

    names = {c.id: c.name for c in catalog.certifications.values()}
    return {
        "kind": KIND_LABELS,
        "certifications": names,
        "certifications_unconfirmed": names,
        "sole_source_status": LABELS,
    }


def _labelled(value: Any, labels: dict[str, str] | None) -> Any:
    if labels is None:
        return value
    if isinstance(value, list):
        return [_labelled(v, labels) for v in value]
    return f"{labels[value]} ({value})" if isinstance(value, str) and value in labels else value


def row_values(item: dict[str, Any], labels: dict[str, dict[str, str]] | None = None) -> list[Any]:
    """One spreadsheet row: codes with their Korean names, lists joined, booleans in Korean,
    text neutralised."""
    out = []
    for key, _, _ in COLUMNS:
        value = _labelled(item[key], (labels or {}).get(key))
        if isinstance(value, bool):
            value = "예" if value else "아니오"
        elif isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        elif value is None:
            value = ""
        out.append(neutralise(value))
    return out


def write_csv(items: list[dict[str, Any]], path: Path, labels: dict[str, dict[str, str]] | None = None) -> None:
    """UTF-8 with BOM, so Excel opens Korean text correctly."""
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([header for _, header, _ in COLUMNS])
        writer.writerows(row_values(item, labels) for item in items)


def write_purchases_csv(stats: Statistics, path: Path) -> None:
    """Every procurement record with where the statistics counted it (for the secretariat's tally)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["연도", "구매 기관", "적힌 구매처", "산 것", "금액(원)", "기업", "조직 유형", "분류"])
        for p in stats.purchases:
            text = (p.agency, p.buyer, p.item, p.enterprise.record.name, p.org_type, p.category)
            agency, buyer, item, name, org, category = map(neutralise, text)
            writer.writerow([p.year, agency, buyer, item, "" if p.amount is None else p.amount, name, org, category])


def write_xlsx(
    items: list[dict[str, Any]], path: Path, title: str, labels: dict[str, dict[str, str]] | None = None
) -> None:
    """Header row, filters, column widths and a frozen header; every text cell stays text.
    Written row by row (openpyxl's write-only mode): a sheet held whole was 17 MB at 2,500 items."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet("제품·서비스")
    for n, (_, _, width) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(n)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{len(items) + 1}"

    def text(value: str, font: Font | None = None) -> WriteOnlyCell:
        """A cell that is text whatever it starts with (never a formula)."""
        cell = WriteOnlyCell(sheet, value)
        cell.data_type = "s"
        if font is not None:
            cell.font = font
        return cell

    bold = Font(bold=True)
    sheet.append([text(header, bold) for _, header, _ in COLUMNS])
    for item in items:
        sheet.append([text(v) if isinstance(v, str) else v for v in row_values(item, labels)])
    book.properties.title = title
    book.properties.creator = "secatalog"
    book.properties.created = book.properties.modified = _fixed_time()
    book.save(path)
    _fix_zip_times(path)


def _fix_zip_times(path: Path) -> None:
    """Rewrite the archive with fixed entry times, so the same content gives the same bytes."""
    import re
    import zipfile

    stamp = _fixed_time().strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    # openpyxl stamps the save time into docProps/core.xml whatever we set.
    entries = [
        (
            info,
            re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, data)
            if info.filename == "docProps/core.xml"
            else data,
        )
        for info, data in entries
    ]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, data)


def _fixed_time():
    from datetime import datetime

    from .config import build_date

    return datetime.combine(build_date(), datetime.min.time())


def _write_json(path: Path, data: Any) -> None:
    """Stream the file: at 10,000 items the whole text and its bytes were the build's peak memory."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as target:
        json.dump(data, target, ensure_ascii=False, indent=1, sort_keys=False)
        target.write("\n")


def catalog_schema(catalog: Catalog) -> str:
    return dumps(entry_schema(catalog))


def entry_schema(catalog: Catalog) -> dict:
    """The entry schema with this catalog's own categories, org types and certifications."""
    ctx = context_for(
        catalog.taxonomy, list(catalog.org_types.values()), list(catalog.certifications.values()), catalog.procurement
    )
    return enterprise_schema(ctx)


def write_all(prepared, out: Path) -> None:
    """Write DIR/data/ (products.json, enterprises.json with stable slug IDs) and DIR/schema/."""
    catalog = prepared.catalog
    site_url = catalog.network.site_url
    meta = {
        "generator": GENERATOR,
        "network": catalog.network.name,
        "licence": catalog.network.data_licence,
        "photo_licence": catalog.network.photo_licence,
    }
    items = [item_to_json(i, site_url) for i in catalog.items]
    _write_json(out / "data" / "products.json", {**meta, "items": items})
    labels = code_labels(catalog)
    write_csv(items, out / "data" / "products.csv", labels)
    write_xlsx(items, out / "data" / "products.xlsx", f"{catalog.network.name} 제품·서비스", labels)
    _write_json(
        out / "data" / "enterprises.json",
        {**meta, "enterprises": [enterprise_to_json(e, site_url) for e in catalog.enterprises]},
    )
    write_purchases_csv(statistics(catalog), out / "stats" / "purchases.csv")
    (out / "schema").mkdir(parents=True, exist_ok=True)
    (out / "schema" / SCHEMA_ID).write_text(catalog_schema(catalog), "utf-8")
