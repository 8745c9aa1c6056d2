"""Public purchases from the members' own procurement records: totals by year (with the change on
the year before), by buying agency, by category and by org type.

The records are what each member wrote in its file (self-reported); nothing here audits them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..model.catalog import Catalog, EnterpriseEntry, Item

# Words that end a department's name: '예시시청 총무과' was bought by 예시시청.
_DEPARTMENT_ENDINGS = ("과", "팀", "실", "계", "담당관", "사업소")
# A local government and its hall are one buyer: '예시시청' is counted with '예시시'.
_HALLS = ("시청", "군청", "구청", "도청")
OTHER = "기타"
MIN_TO_COMPARE = 5
"""Records a year needs before its change on the year before is shown: +463% from a handful of
records says nothing."""


@dataclass(frozen=True)
class Purchase:
    """One line of an enterprise's procurement_record, placed in the catalog."""

    year: int
    buyer: str
    agency: str
    item: str
    amount: int | None
    enterprise: EnterpriseEntry
    category: str
    org_type: str


@dataclass(frozen=True)
class Row:
    label: str
    amount: int
    count: int
    share: float
    """Part of the grand total, 0..1 (bar length in the charts)."""
    change: float | None = None
    """Per cent against the row before (years only); None for the first year, from zero, or
    when either year has fewer than MIN_TO_COMPARE records."""


@dataclass(frozen=True)
class Statistics:
    purchases: tuple[Purchase, ...]
    total: int
    unpriced: int
    """Records without an amount: counted, not summed."""
    by_year: tuple[Row, ...]
    by_agency: tuple[Row, ...]
    by_category: tuple[Row, ...]
    by_org_type: tuple[Row, ...]
    checked: str
    """The latest day the secretariat confirmed an enterprise's facts ('' if never)."""


def agency_of(buyer: str) -> str:
    """The buying institution without its department, a hall as its government:
    '예시시청 총무과' -> '예시시', like '예시시 보건소' stays itself."""
    words = buyer.split()
    if len(words) > 1 and words[-1].endswith(_DEPARTMENT_ENDINGS):
        words = words[:-1]
    if len(words) == 1 and words[0].endswith(_HALLS) and len(words[0]) > 2:
        words = [words[0][:-1]]
    return " ".join(words) or buyer


def _category_of(item: str, own: list[Item]) -> str:
    """The category of the product the record names (or contains), else of the enterprise's
    first product (`own`, its items): records name what was bought in the buyer's words."""
    for it in own:
        name = it.product.name
        if name == item or name in item or item in name:
            return it.category.name
    return own[0].category.name if own else OTHER


def statistics(catalog: Catalog) -> Statistics:
    org_names = {key: org.name for key, org in catalog.org_types.items()}
    items_of: dict[str, list[Item]] = defaultdict(list)
    for it in catalog.items:
        items_of[it.enterprise.slug].append(it)
    purchases = tuple(
        Purchase(
            year=rec.year,
            buyer=rec.buyer,
            agency=agency_of(rec.buyer),
            item=rec.item,
            amount=rec.amount,
            enterprise=ent,
            category=_category_of(rec.item, items_of[ent.slug]),
            org_type=org_names.get(ent.record.org_type, ent.record.org_type),
        )
        for ent in catalog.enterprises
        for rec in ent.record.procurement_record
    )
    total = sum(p.amount or 0 for p in purchases)
    checked = max((e.eligibility.verified.checked for e in catalog.enterprises if e.eligibility.verified), default=None)
    return Statistics(
        purchases=purchases,
        total=total,
        unpriced=sum(1 for p in purchases if p.amount is None),
        by_year=_with_change(_rows(purchases, lambda p: str(p.year), total, by_label=True)),
        by_agency=_rows(purchases, lambda p: p.agency, total),
        by_category=_rows(purchases, lambda p: p.category, total),
        by_org_type=_rows(purchases, lambda p: p.org_type, total),
        checked=checked.isoformat() if checked else "",
    )


def _rows(purchases, key, total: int, by_label: bool = False) -> tuple[Row, ...]:
    amounts: dict[str, int] = defaultdict(int)
    counts: dict[str, int] = defaultdict(int)
    for p in purchases:
        amounts[key(p)] += p.amount or 0
        counts[key(p)] += 1
    order = sorted(amounts) if by_label else sorted(amounts, key=lambda k: (-amounts[k], k))
    return tuple(Row(k, amounts[k], counts[k], amounts[k] / total if total else 0) for k in order)


def _with_change(rows: tuple[Row, ...]) -> tuple[Row, ...]:
    out: list[Row] = []
    before: Row | None = None
    for row in rows:
        change = None
        if before is not None and before.amount and min(before.count, row.count) >= MIN_TO_COMPARE:
            change = (row.amount - before.amount) / before.amount * 100
        out.append(Row(row.label, row.amount, row.count, row.share, change))
        before = row
    return tuple(out)
