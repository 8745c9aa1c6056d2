"""Open data exports: model -> JSON through small pure functions, written by build/recipe.py only."""

from __future__ import annotations

import csv
import json
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

from .. import GENERATOR
from ..model.catalog import Catalog, EnterpriseEntry, Item
from ..model.certificates import claimed_types, current_types
from ..model.entries import Product
from ..model.fieldinfo import Column, columns
from ..model.fields import invisible
from ..model.network import context_for
from ..model.procurement import GIFT_OK, LABELS
from ..model.schema import SCHEMA_ID, dumps, enterprise_schema
from .stats import Statistics, statistics


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _plain(value: Any) -> Any:
    """A field's value as JSON holds it."""
    if isinstance(value, date):
        return value.isoformat()
    return list(value) if isinstance(value, (list, tuple)) else value


def item_to_json(item: Item, site_url: str) -> dict[str, Any]:
    p = item.product
    own = {column.key: _plain(getattr(p, column.key)) for column in PRODUCT_COLUMNS}
    return {
        "id": item.uid,
        "url": site_url + item.url,
        **{key: own.pop(key) for key in _IDENTITY},
        "category": item.category.name,
        "subcategory": item.sub.name if item.sub else None,
        "enterprise": item.enterprise.slug,
        "enterprise_name": item.enterprise.record.name,
        **own,
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


# Columns of products.csv / products.xlsx and the data dictionary: the item and where it sits in
# the catalog, the product's own fields (those model/entries.py marks with Export, in the model's order:
# a new one lands here by itself), then what the catalog derives from the facts.
PRODUCT_COLUMNS = columns(Product)
_IDENTITY = ("name", "kind")
_OWN = {column.key: column for column in PRODUCT_COLUMNS}
COLUMNS = [
    Column("id", "ID", 30, "기업 폴더 이름/제품 id. 사이트 주소 items/<id>/와 같습니다"),
    *(_OWN[key] for key in _IDENTITY),
    Column("category", "분류", 14, "분류"),
    Column("subcategory", "하위 분류", 14, "하위 분류"),
    Column("enterprise_name", "기업", 24, "공급 기업 이름"),
    *(column for column in PRODUCT_COLUMNS if column.key not in _IDENTITY),
    Column(
        "certifications",
        "인증 (사무국 확인)",
        20,
        "사무국이 확인한 유효한 인증의 이름과 id, 예: 사회적기업 (social-enterprise). 만료된 인증은 빠짐",
    ),
    Column(
        "certifications_unconfirmed",
        "인증 (회원 신고 · 사무국 미확인)",
        20,
        "회원이 적었으나 사무국이 확인하지 않은 유효한 인증 id (회원 신고 · 사무국 미확인)",
    ),
    Column("sole_source_eligible", LABELS["eligible"], 12, "수의계약 가능 여부 (사무국이 확인한 사실로만 판정)"),
    Column("sole_source_status", "수의계약 상태", 14, ", ".join(f"{name} ({code})" for code, name in LABELS.items())),
    Column("verified_by_secretariat", "사무국 확인일", 12, "사무국이 조직 유형·인증을 공식 자료와 대조한 날"),
    Column(
        "gift_limit_ok",
        GIFT_OK,
        12,
        "기업이 선물로 파는 물품이고, 한 개(한 세트) 가격이 청탁금지법 선물 가액 한도 이내",
    ),
    Column("url", "주소", 50, "온라인 카탈로그 주소"),
]
DICTIONARY = [(column.key, column.header, column.meaning) for column in COLUMNS]
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
    for key in (column.key for column in COLUMNS):
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
        writer.writerow([column.header for column in COLUMNS])
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
    for n, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(n)].width = column.width
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
    sheet.append([text(column.header, bold) for column in COLUMNS])
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

    from ..settings import build_date

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
