"""READ content/enterprises/: each entry validated into an EnterpriseEntry, then its items."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Location, Report, relpath
from ..korean import josa, quoted
from ..model.catalog import EnterpriseEntry, Item
from ..model.certificates import cert_states, state_of
from ..model.entries import Enterprise
from ..model.fields import identity_key
from ..model.network import DEFAULT_NUMBER_PATTERN, Category, CertType, Subcategory
from ..model.procurement import eligibility, not_badged, within_gift_limit
from ..model.slugs import slug_problem
from ..settings import Settings
from . import certfiles
from .claims import check_claims
from .documents import Document, load_yaml
from .files import entry_file, photo_refs
from .mistakes import check_examples, missing_entry
from .network import Configuration
from .texts import check_texts
from .trust import check_confirmed_elsewhere, check_unique, check_verified, confirmed_holders
from .validate import check_document, check_markup, field_label

ENTRY_FILE = "enterprise.yml"


@dataclass
class LoadContext:
    """What every entry is checked against while the project loads."""

    settings: Settings
    config: Configuration
    seen: dict[str, str] = field(default_factory=dict)  # identity key -> file that has it
    holders: dict[str, str] = field(init=False)  # identity key -> slug the secretariat confirmed it for

    def __post_init__(self) -> None:
        self.holders = confirmed_holders(self.config.verified)


def load_enterprise(folder: Path, ctx: LoadContext, report: Report) -> EnterpriseEntry | None:
    slug, settings = folder.name, ctx.settings
    shown_folder = relpath(folder, settings.root)
    problem = slug_problem(slug)
    if problem:
        report.error(Location(shown_folder), f"폴더 이름 {problem[0]}", problem[1])
        return None
    path = folder / ENTRY_FILE
    if not path.is_file():
        message, hint = missing_entry(folder, ENTRY_FILE) or (
            f"{ENTRY_FILE} 파일이 없습니다",
            "secatalog new enterprise 명령으로 만드세요",
        )
        report.error(Location(shown_folder), message, hint)
        return None
    doc = load_yaml(path, settings.root, report, settings.max_yaml_bytes)
    if doc is None:
        return None
    record = check_document(doc, Enterprise, report, context=ctx.config.validation)
    if record is None:
        return None
    _check_product_ids(doc, record, report)
    check_texts(doc, record, report)
    check_claims(doc, record, report)
    check_examples(doc, record, report)
    _check_gifts(doc, record, ctx.config.procurement, report)
    for i, product in enumerate(record.products):
        at = ("products", i, "description")
        check_markup(doc.locate(at), product.description, report, field_label(doc.data, at))
    check_markup(doc.locate(("introduction",)), record.introduction, report, "introduction")
    check_unique(doc, record, ctx.seen, report)
    check_confirmed_elsewhere(doc, slug, record, ctx.holders, report)
    today, facts, certs = settings.date, ctx.config.procurement, ctx.config.certifications
    for at, cert in _all_certs(record):
        _check_expiry(doc, at, cert, facts, certs, today, report)
        _check_applies_to(doc, at, cert.type, certs, report)
        _check_number(doc, at, cert, certs, report)
    verified = ctx.config.verified.enterprises.get(slug)
    if verified is not None:
        check_verified(doc, record, verified, facts, report)
    cert_files = []
    for at, cert in _all_certs(record):
        if cert.file:
            loc = doc.locate(at + ("file",))
            found = entry_file(folder, cert.file, loc, settings, report, certfiles.SUFFIXES)
            problem = certfiles.problem(found, settings.max_pixels) if found else None
            if problem:
                report.error(loc, f"인증서 파일 '{cert.file}': {problem.message}", problem.hint)
            elif found:
                cert_files.append((cert.file, found))
    names = ctx.config.cert_names
    product_photos = {
        product.id: photo_refs(doc, folder, product.photos, ("products", i, "photos"), settings, report)
        for i, product in enumerate(record.products)
    }
    return EnterpriseEntry(
        slug,
        folder,
        doc.shown,
        record,
        eligibility(record, verified, facts, today, names),
        photo_refs(doc, folder, record.photos, ("photos",), settings, report),
        tuple(cert_files),
        product_photos,
        cert_states(record.certifications, names, verified, today, facts.expiry_warning_days),
    )


def _all_certs(record: Enterprise):
    for i, cert in enumerate(record.certifications):
        yield ("certifications", i), cert
    for p, product in enumerate(record.products):
        for i, cert in enumerate(product.certifications):
            yield ("products", p, "certifications", i), cert


def _check_applies_to(doc: Document, at: tuple, cert_type: str, certs: dict[str, CertType], report: Report) -> None:
    """An organisation's status is not a product's, and a product mark is not the organisation's."""
    kind = certs[cert_type].applies_to if cert_type in certs else "both"
    on_product = at[0] == "products"
    if kind == "enterprise" and on_product:
        report.error(
            doc.locate(at + ("type",)),
            f"{josa(quoted(certs[cert_type].name), '은')} 기업 인증이라 제품에 쓸 수 없습니다",
            "기업의 certifications(맨 바깥 목록)로 옮기세요",
        )
    elif kind == "product" and not on_product:
        report.error(
            doc.locate(at + ("type",)),
            f"{josa(quoted(certs[cert_type].name), '은')} 제품 인증이라 기업에 쓸 수 없습니다",
            "인증받은 제품의 certifications로 옮기세요",
        )


def _check_number(doc: Document, at: tuple, cert, certs: dict[str, CertType], report: Report) -> None:
    """A certificate number in the format catalog/certifications.yml gives for its type."""
    kind = certs.get(cert.type)
    if kind is None or not cert.number or kind.number_fits(cert.number):
        return
    example = f" (예: {kind.number_example})" if kind.number_example else ""
    if kind.number_pattern == DEFAULT_NUMBER_PATTERN:
        example += " — 글자·숫자·하이픈(-)만, 공백 없이 40자까지"
    report.error(
        doc.locate(at + ("number",)),
        f"{kind.name} 번호의 형식이 아닙니다; 받은 값 {quoted(cert.number)}",
        f"인증서에 적힌 번호만 그대로 쓰세요{example}. 날짜나 설명은 번호 칸에 쓸 수 없습니다",
        field_label(doc.data, at + ("number",)),
    )


def _check_expiry(doc, at, cert, facts, certs, today, report) -> None:
    state = state_of(cert.expires, today, facts.expiry_warning_days)
    name = certs[cert.type].name if cert.type in certs else cert.type
    if state == "expired":
        report.warn(
            doc.locate(at + ("expires",)),
            f"{name}의 유효기간이 지났습니다 ({cert.expires})",
            "갱신한 인증서의 번호와 날짜로 고치세요",
        )
    elif state == "expiring":
        report.warn(
            doc.locate(at + ("expires",)), f"{name}의 유효기간이 곧 끝납니다 ({cert.expires})", "갱신 일정을 확인하세요"
        )


def _check_product_ids(doc: Document, record: Enterprise, report: Report) -> None:
    """Each product once: by its id (its address) and by its name (what buyers read)."""
    ids: dict[str, int] = {}
    names: dict[str, int] = {}
    for i, product in enumerate(record.products):
        if product.id in ids:
            report.error(
                doc.locate(("products", i, "id")),
                f"제품 id {josa(quoted(product.id), '이')} {ids[product.id] + 1}번째 제품과 같습니다",
                "제품마다 다른 id를 쓰세요",
            )
        key = identity_key(product.name)
        if key in names:
            report.error(
                doc.locate(("products", i, "name")),
                f"제품 이름 {josa(quoted(product.name), '이')} {names[key] + 1}번째 제품과 같습니다",
                "같은 제품이면 하나로 합치고, 다른 제품이면 이름으로 구별되게 쓰세요 (예: 도시락 (소), 도시락 (대))",
            )
        ids.setdefault(product.id, i)
        names.setdefault(key, i)


def _check_gifts(doc: Document, record: Enterprise, facts, report: Report) -> None:
    """A gift the catalog will not badge: say why, before the member wonders."""
    limit = f"{facts.gift_limit_krw:,}원"
    for i, product in enumerate(record.products):
        if product.gift and not within_gift_limit(product, facts):
            report.warn(
                doc.locate(("products", i, "gift")),
                not_badged(josa(quoted(product.name), "은"), facts),
                f"한 개(한 세트) 가격이 {limit} 이하인 선물 상품만 gift: true로 두세요",
            )


def enterprise_folders(settings: Settings, only: list[Path] | None) -> list[Path]:
    top = settings.enterprises_dir
    if not top.is_dir():
        return []
    folders = sorted(p for p in top.iterdir() if p.is_dir() and not p.is_symlink())
    if only is None:
        return folders
    wanted = {p.resolve() for p in only}
    return [
        f
        for f in folders
        if any(w == f.resolve() or w.is_relative_to(f.resolve()) or f.resolve().is_relative_to(w) for w in wanted)
    ]


def make_items(enterprises: list[EnterpriseEntry], ctx: LoadContext) -> list[Item]:
    """Every product and service in its category, with what a buyer derives from it."""
    taxonomy, facts, verified = ctx.config.taxonomy, ctx.config.procurement, ctx.config.verified.enterprises
    where: dict[str, tuple[Category, Subcategory | None, int]] = {}
    order = 0
    for cat in taxonomy.categories:
        if not cat.children:
            where[cat.id] = (cat, None, order)
            order += 1
        for sub in cat.children:
            where[sub.id] = (cat, sub, order)
            order += 1
    items = []
    for ent in enterprises:
        for product in ent.record.products:
            cat, sub, pos = where[product.category]
            certs = cert_states(
                [*product.certifications, *ent.record.certifications],
                ctx.config.cert_names,
                verified.get(ent.slug),
                ctx.settings.date,
                facts.expiry_warning_days,
            )
            items.append(
                Item(
                    f"{ent.slug}/{product.id}",
                    ent,
                    product,
                    cat,
                    sub,
                    within_gift_limit(product, facts),
                    ent.product_photos.get(product.id, ()),
                    pos,
                    certs,
                )
            )
    # Documented order: taxonomy order, then item name (Korean collation by code point), then id.
    items.sort(key=lambda i: (i.order, i.product.name, i.uid))
    return items
