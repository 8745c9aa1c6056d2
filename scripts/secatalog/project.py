"""Load and validate a whole project into one immutable Catalog, collecting every problem.

Data flows one way: files -> documents (load) -> records (model) -> Catalog (derived facts).
Nothing is written here.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import timedelta
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from . import certfiles, images
from .certificates import CertState, cert_states
from .config import Settings
from .errors import Location, Report, relpath
from .load import Document, load_yaml
from .model import (
    Bundle,
    CatalogFile,
    Category,
    CertType,
    CertTypesFile,
    Enterprise,
    Network,
    OrgType,
    OrgTypesFile,
    Photo,
    PrintSettings,
    Procurement,
    Product,
    Subcategory,
    Taxonomy,
    VerifiedFacts,
    context_for,
    suggest,
)
from .procurement import Eligibility, eligibility, within_gift_limit
from .slugs import slug_problem
from .trust import check_unique, check_verified, check_verified_slugs, identities_elsewhere, read_verified
from .validate import check_document, check_markup

ENTRY_FILE = "enterprise.yml"


@dataclass(frozen=True)
class PhotoRef:
    """A photo used by an entry: its file, its alt text and its header facts."""

    path: Path
    shown: str
    alt: str
    info: images.ImageInfo
    where: Location = field(default=Location(""), compare=False)
    """The line that names the photo, for problems found after loading (decoding)."""


@dataclass(frozen=True)
class EnterpriseEntry:
    slug: str
    folder: Path
    shown: str
    record: Enterprise
    eligibility: Eligibility
    photos: tuple[PhotoRef, ...]
    cert_files: tuple[tuple[str, Path], ...]
    product_photos: dict[str, tuple[PhotoRef, ...]] = field(compare=False, hash=False)
    certs: tuple[CertState, ...] = ()
    """The enterprise's certifications as a buyer may read them today."""

    @property
    def url(self) -> str:
        return f"enterprises/{self.slug}/"


@dataclass(frozen=True)
class Item:
    """A product or service in its catalog context, with everything a buyer derives from it."""

    uid: str
    enterprise: EnterpriseEntry
    product: Product
    category: Category
    sub: Subcategory | None
    gift_ok: bool
    photos: tuple[PhotoRef, ...]
    order: int
    certs: tuple[CertState, ...] = ()
    """The product's and its enterprise's certifications, each once, with their state today."""

    @property
    def url(self) -> str:
        return f"items/{self.enterprise.slug}/{self.product.id}/"

    @property
    def eligibility(self) -> Eligibility:
        return self.enterprise.eligibility

    @property
    def category_id(self) -> str:
        return self.sub.id if self.sub else self.category.id


@dataclass(frozen=True)
class BundleEntry:
    slug: str
    record: Bundle
    items: tuple[Item, ...]
    photo: PhotoRef | None

    @property
    def url(self) -> str:
        return f"bundles/{self.slug}/"


@dataclass(frozen=True)
class Catalog:
    settings: Settings
    network: Network
    taxonomy: Taxonomy
    org_types: dict[str, OrgType]
    certifications: dict[str, CertType]
    procurement: Procurement
    enterprises: tuple[EnterpriseEntry, ...]
    items: tuple[Item, ...]
    bundles: tuple[BundleEntry, ...]
    report: Report = field(compare=False)
    print_settings: PrintSettings = field(default_factory=PrintSettings, compare=False)
    casebook: Any = field(default=None, compare=False)  # casebook.Casebook, when casebook/ exists

    def photos(self) -> list[PhotoRef]:
        refs = [p for e in self.enterprises for p in e.photos]
        refs += [p for i in self.items for p in i.photos]
        refs += [b.photo for b in self.bundles if b.photo]
        if self.casebook is not None:
            refs += [p for case in self.casebook.cases for p in case.photos]
        return refs


# --- reading the catalog/ configuration -----------------------------------------------------

def _read_config(settings: Settings, name: str, model: type[BaseModel], report: Report) -> Any:
    path = settings.catalog_dir / name
    if not path.is_file():
        report.error(Location(relpath(path, settings.root)), "설정 파일이 없습니다",
                     "저장소의 catalog/ 폴더를 다시 받으세요")
        return None
    doc = load_yaml(path, settings.root, report)
    return check_document(doc, model, report) if doc else None


@dataclass(frozen=True)
class ConfigSummary:
    """What scaffolds need from catalog/: the ids members may use."""

    org_type_ids: list[str]
    category_ids: list[str]
    first_category: str


def load_config_only(settings: Settings) -> ConfigSummary:
    """Read just catalog/ (for scaffolds), reporting its errors like a build would."""
    report = Report()
    taxonomy = _read_config(settings, "categories.yml", Taxonomy, report)
    org_file = _read_config(settings, "org_types.yml", OrgTypesFile, report)
    report.raise_if_errors()
    leaves = [c.id for cat in taxonomy.categories for c in cat.children] + \
        [cat.id for cat in taxonomy.categories if not cat.children]
    return ConfigSummary([o.id for o in org_file.org_types], leaves, leaves[0])


# --- file safety -------------------------------------------------------------------------------

def check_tree(root: Path, top: Path, report: Report) -> None:
    """Refuse symlinks and names that collide after Unicode normalization or case folding."""
    if not top.exists():
        return
    for folder, dirs, files in _walk(top):
        seen: dict[str, str] = {}
        for name in sorted(dirs + files):
            path = folder / name
            shown = relpath(path, root)
            if path.is_symlink():
                report.error(Location(shown), "심볼릭 링크는 쓸 수 없습니다",
                             "링크 대신 실제 파일을 올리세요")
            folded = unicodedata.normalize("NFC", name).casefold()
            if folded in seen:
                report.error(Location(shown), f"'{seen[folded]}'와(과) 이름이 사실상 같습니다 "
                             "(대소문자나 한글 조합 방식만 다름)", "둘 중 하나의 이름을 바꾸세요")
            seen[folded] = name
            if name != unicodedata.normalize("NFC", name):
                report.error(Location(shown), "파일 이름이 NFD(맥 방식) 한글입니다",
                             "파일 이름을 영문 소문자로 바꾸세요 (예: lunchbox.jpg)")
        dirs[:] = [d for d in dirs if not (folder / d).is_symlink()]


def _walk(top: Path) -> Iterable[tuple[Path, list[str], list[str]]]:
    import os

    for folder, dirs, files in os.walk(top):
        yield Path(folder), dirs, files


def _entry_file(folder: Path, name: str, shown_loc: Location, settings: Settings,
                report: Report, suffixes: tuple[str, ...]) -> Path | None:
    path = folder / name
    if not path.exists() and not path.is_symlink():
        siblings = sorted(p.name for p in folder.iterdir() if p.is_file())
        report.error(shown_loc, f"파일 '{name}'이(가) 없습니다.{suggest(name, siblings)}",
                     f"{relpath(folder, settings.root)}/ 폴더에 파일을 올리거나 이름을 고치세요")
        return None
    if path.is_symlink() or not path.resolve().is_relative_to(folder.resolve()):
        report.error(shown_loc, f"'{name}'은(는) 폴더 밖을 가리킵니다", "같은 폴더의 실제 파일만 쓰세요")
        return None
    if path.suffix.lower() not in suffixes:
        report.error(shown_loc, f"'{name}'의 형식({path.suffix or '확장자 없음'})은 쓸 수 없습니다",
                     f"{', '.join(suffixes)} 파일만 쓸 수 있습니다")
        return None
    size = path.stat().st_size
    if size > settings.max_photo_bytes:
        report.error(shown_loc, f"'{name}' 파일이 너무 큽니다 ({size / 1048576:.1f}MB)",
                     f"{settings.max_photo_bytes // 1048576}MB 이하로 줄이세요")
        return None
    return path


def photo_refs(doc: Document, folder: Path, photos: list[Photo], at: tuple,
                settings: Settings, report: Report) -> tuple[PhotoRef, ...]:
    refs = []
    for i, photo in enumerate(photos):
        loc = doc.locate(at + (i, "file"))
        path = _entry_file(folder, photo.file, loc, settings, report, (".jpg", ".jpeg", ".png", ".webp"))
        if path is None:
            continue
        try:
            info = images.inspect(path, settings.max_pixels)
        except images.ImageProblem as exc:
            report.error(loc, f"'{photo.file}': {exc.message}", exc.hint)
            continue
        if info.width < images.PRINT_WIDTH:
            report.warn(loc, f"'{photo.file}'의 해상도가 인쇄에 부족합니다 ({info.width}픽셀, "
                        f"권장 {images.PRINT_WIDTH}픽셀 이상)", "더 큰 원본 사진을 올리면 인쇄물이 선명해집니다")
        refs.append(PhotoRef(path, relpath(path, settings.root), photo.alt, info, loc))
    return tuple(refs)


# --- enterprises ----------------------------------------------------------------------------

@dataclass
class _Context:
    """What every entry is checked against while the project loads."""

    settings: Settings
    validation: dict
    facts: Procurement
    certs: dict[str, CertType]
    verified: dict[str, VerifiedFacts]
    seen: dict[str, str] = field(default_factory=dict)  # identity key -> file that has it

    @property
    def cert_names(self) -> dict[str, str]:
        return {k: v.name for k, v in self.certs.items()}


def _load_enterprise(folder: Path, ctx: _Context, report: Report) -> EnterpriseEntry | None:
    slug, settings = folder.name, ctx.settings
    shown_folder = relpath(folder, settings.root)
    problem = slug_problem(slug)
    if problem:
        report.error(Location(shown_folder), f"폴더 이름 {problem[0]}", problem[1])
        return None
    path = folder / ENTRY_FILE
    if not path.is_file():
        report.error(Location(shown_folder), f"{ENTRY_FILE} 파일이 없습니다",
                     "secatalog new enterprise 명령으로 만드세요")
        return None
    doc = load_yaml(path, settings.root, report)
    if doc is None:
        return None
    record = check_document(doc, Enterprise, report, context=ctx.validation)
    if record is None:
        return None
    _check_product_ids(doc, record, report)
    for i, product in enumerate(record.products):
        check_markup(doc.locate(("products", i, "description")), product.description, report,
                     f"products[{i}].description")
    check_unique(doc, record, ctx.seen, report)
    today, facts, certs = settings.date, ctx.facts, ctx.certs
    for at, cert in _all_certs(record):
        _check_expiry(doc, at, cert, facts, certs, today, report)
    verified = ctx.verified.get(slug)
    if verified is not None:
        check_verified(doc, record, verified, facts, report)
    cert_files = []
    for at, cert in _all_certs(record):
        if cert.file:
            loc = doc.locate(at + ("file",))
            found = _entry_file(folder, cert.file, loc, settings, report, certfiles.SUFFIXES)
            problem = certfiles.problem(found, settings.max_pixels) if found else None
            if problem:
                report.error(loc, f"인증서 파일 '{cert.file}': {problem.message}", problem.hint)
            elif found:
                cert_files.append((cert.file, found))
    names = ctx.cert_names
    product_photos = {
        product.id: photo_refs(doc, folder, product.photos, ("products", i, "photos"), settings, report)
        for i, product in enumerate(record.products)}
    return EnterpriseEntry(
        slug, folder, doc.shown, record, eligibility(record, verified, facts, today, names),
        photo_refs(doc, folder, record.photos, ("photos",), settings, report), tuple(cert_files),
        product_photos, cert_states(record.certifications, names, verified, today, facts.expiry_warning_days))


def _all_certs(record: Enterprise):
    for i, cert in enumerate(record.certifications):
        yield ("certifications", i), cert
    for p, product in enumerate(record.products):
        for i, cert in enumerate(product.certifications):
            yield ("products", p, "certifications", i), cert


def _check_expiry(doc, at, cert, facts, certs, today, report) -> None:
    if cert.expires is None:
        return
    name = certs[cert.type].name if cert.type in certs else cert.type
    if cert.expires < today:
        report.warn(doc.locate(at + ("expires",)), f"{name}의 유효기간이 지났습니다 ({cert.expires})",
                    "갱신한 인증서의 번호와 날짜로 고치세요")
    elif cert.expires <= today + timedelta(days=facts.expiry_warning_days):
        report.warn(doc.locate(at + ("expires",)), f"{name}의 유효기간이 곧 끝납니다 ({cert.expires})",
                    "갱신 일정을 확인하세요")


def _check_product_ids(doc: Document, record: Enterprise, report: Report) -> None:
    seen: dict[str, int] = {}
    for i, product in enumerate(record.products):
        if product.id in seen:
            report.error(doc.locate(("products", i, "id")),
                         f"제품 id '{product.id}'가 {seen[product.id] + 1}번째 제품과 같습니다",
                         "제품마다 다른 id를 쓰세요")
        seen.setdefault(product.id, i)


# --- the whole project --------------------------------------------------------------------------

def load_project(settings: Settings, only: list[Path] | None = None) -> Catalog:
    """Read and validate everything (or only some entry folders); raise ContentError at the end."""
    report = Report()
    catalog_file = _read_config(settings, "catalog.yml", CatalogFile, report)
    taxonomy = _read_config(settings, "categories.yml", Taxonomy, report)
    org_file = _read_config(settings, "org_types.yml", OrgTypesFile, report)
    cert_file = _read_config(settings, "certifications.yml", CertTypesFile, report)
    facts = _read_config(settings, "procurement.yml", Procurement, report)
    print_settings = PrintSettings()
    if (settings.catalog_dir / "print.yml").exists():
        print_settings = _read_config(settings, "print.yml", PrintSettings, report)
    verified = read_verified(settings, taxonomy, org_file, cert_file, facts, report)
    report.raise_if_errors()
    network, org_types, certs = catalog_file.network, org_file.org_types, cert_file.certifications
    limits = catalog_file.limits
    settings = replace(settings, max_photo_bytes=limits.max_photo_mb * 1024 * 1024,
                       max_pixels=limits.max_megapixels * 1_000_000)
    cert_map = {c.id: c for c in certs}
    ctx = _Context(settings, context_for(taxonomy, org_types, certs, facts), facts, cert_map,
                   verified.enterprises)

    check_tree(settings.root, settings.content_dir, report)
    _refuse_cache_in_project(settings, report)
    folders = _enterprise_folders(settings, only)
    if only is not None:
        ctx.seen.update(identities_elsewhere(settings, _enterprise_folders(settings, None), folders))
    enterprises: list[EnterpriseEntry] = []
    for folder in folders:
        loaded = _load_enterprise(folder, ctx, report)
        if loaded:
            enterprises.append(loaded)
    if only is None:
        check_verified_slugs(settings, verified, {f.name for f in folders}, report)
    items = _items(enterprises, taxonomy, facts, ctx)
    broken = {f.name for f in folders} - {e.slug for e in enterprises}
    bundles = _bundles(settings, items, broken, report) if only is None else []
    catalog = Catalog(settings, network, taxonomy, {o.id: o for o in org_types}, cert_map, facts,
                      tuple(enterprises), tuple(items), tuple(bundles), report, print_settings)
    if only is None:
        from .casebook import load_casebook  # the case book refers to the catalog it belongs to

        catalog = replace(catalog, casebook=load_casebook(settings, catalog, report))
    report.raise_if_errors()
    return catalog


def _refuse_cache_in_project(settings: Settings, report: Report) -> None:
    """A build cache inside the project may have come with a pull request: never read, refused."""
    stale = settings.root / ".cache" / "secatalog"
    if stale.exists() or stale.is_symlink():
        report.error(Location(relpath(stale, settings.root)),
                     "프로젝트 안에 빌드 캐시 폴더가 있습니다. 저장소로 들어온 캐시는 믿을 수 없어 쓰지 않습니다",
                     f"이 폴더를 지우세요. 캐시는 이제 프로젝트 밖({settings.cache_dir})에 둡니다")


def _enterprise_folders(settings: Settings, only: list[Path] | None) -> list[Path]:
    top = settings.enterprises_dir
    if not top.is_dir():
        return []
    folders = sorted(p for p in top.iterdir() if p.is_dir() and not p.is_symlink())
    if only is None:
        return folders
    wanted = {p.resolve() for p in only}
    return [f for f in folders
            if any(w == f.resolve() or w.is_relative_to(f.resolve()) or f.resolve().is_relative_to(w)
                   for w in wanted)]


def _items(enterprises: list[EnterpriseEntry], taxonomy: Taxonomy, facts: Procurement,
           ctx: _Context) -> list[Item]:
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
            certs = cert_states([*product.certifications, *ent.record.certifications], ctx.cert_names,
                                ctx.verified.get(ent.slug), ctx.settings.date, facts.expiry_warning_days)
            items.append(Item(f"{ent.slug}/{product.id}", ent, product, cat, sub,
                              within_gift_limit(product.price, facts),
                              ent.product_photos.get(product.id, ()), pos, certs))
    # Documented order: taxonomy order, then item name (Korean collation by code point), then id.
    items.sort(key=lambda i: (i.order, i.product.name, i.uid))
    return items


def _bundles(settings: Settings, items: list[Item], broken: set[str],
             report: Report) -> list[BundleEntry]:
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
        doc = load_yaml(path, settings.root, report)
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
                        report.error(doc.locate(("items", i, "product")),
                             f"'{member.product}' 제품을 찾을 수 없습니다.{suggest(member.product, by_uid)}",
                             "기업 폴더 이름/제품 id를 확인하세요")
            else:
                members.append(item)
        photo = None
        if record.photo:
            refs = photo_refs(doc, path.parent, [record.photo], ("photo",), settings, report)
            photo = refs[0] if refs else None
        out.append(BundleEntry(slug, record, tuple(members), photo))
    return out
