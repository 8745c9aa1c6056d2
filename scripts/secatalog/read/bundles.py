"""READ content/bundles/: gift bundles that list items of several enterprises."""

from __future__ import annotations

from ..errors import Location, Report, relpath
from ..korean import josa, quoted
from ..model.catalog import BundleEntry, Item
from ..model.entries import Bundle, suggest
from ..model.network import Procurement
from ..model.procurement import not_badged, within_gift_limit
from ..model.slugs import slug_problem
from ..settings import Settings
from .documents import load_yaml
from .files import photo_refs
from .validate import check_document, check_markup


def load_bundles(
    settings: Settings, items: list[Item], broken: set[str], report: Report, facts: Procurement | None = None
) -> list[BundleEntry]:
    top = settings.bundles_dir
    if not top.is_dir():
        return []
    by_uid = {i.uid: i for i in items}
    out = []
    for path in sorted(top.glob("*.yml")):
        slug = path.stem
        problem = slug_problem(slug)
        if problem:
            report.error(Location(relpath(path, settings.root)), f"파일 이름 {problem[0]}", problem[1])
            continue
        doc = load_yaml(path, settings.root, report, settings.max_yaml_bytes)
        record = check_document(doc, Bundle, report) if doc else None
        if record is None:
            continue
        for name in ("description", "recipe"):
            check_markup(doc.locate((name,)), getattr(record, name), report, name)
        members = []
        for i, member in enumerate(record.items):
            item = by_uid.get(member.product)
            if item is None and member.product.split("/")[0] in broken:
                continue  # that entry's own errors are already reported
            if item is None:
                report.error(
                    doc.locate(("items", i, "product")),
                    f"'{member.product}' 제품을 찾을 수 없습니다.{suggest(member.product, by_uid)}",
                    "기업 폴더 이름/제품 id를 확인하세요",
                )
            else:
                members.append(item)
        photo = None
        if record.photo:
            refs = photo_refs(doc, path.parent, [record.photo], ("photo",), settings, report)
            photo = refs[0] if refs else None
        gift_ok = facts is not None and within_gift_limit(record, facts)
        if record.gift and facts is not None and not gift_ok:
            limit = f"{facts.gift_limit_krw:,}원"
            report.warn(
                doc.locate(("gift",)),
                not_badged(f"꾸러미 {josa(quoted(record.name), '은')}", facts),
                f"가격이 {limit} 이하인 선물 꾸러미만 gift: true로 두세요",
            )
        out.append(BundleEntry(slug, record, tuple(members), photo, gift_ok))
    return out
