"""MODEL, derived: the validated catalog every renderer works from (entries in context).

Records (model/entries.py) say what a member wrote; these dataclasses add what the catalog derives
from it: eligibility, certificate states, photos with their facts, items in their category.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .. import images
from ..errors import Location, Report
from ..settings import Settings
from .certificates import CertState
from .entries import FOCUS_POSITION, Bundle, Enterprise, Product
from .network import (
    Category,
    CertType,
    Network,
    OrgType,
    PrintEdition,
    PrintSettings,
    Procurement,
    Subcategory,
    Taxonomy,
)
from .procurement import Eligibility

if TYPE_CHECKING:
    from .casebook import Casebook
    from .network import RetiredEntry


@dataclass(frozen=True)
class PhotoRef:
    """A photo used by an entry: its file, its alt text and its header facts."""

    path: Path
    shown: str
    alt: str
    info: images.ImageInfo
    where: Location = field(compare=False)
    """The line that names the photo, for problems found after loading (decoding)."""
    focus: str = "center"
    """The part a crop keeps (the entry's `focus:`)."""

    @property
    def position(self) -> str:
        """The CSS object-position that keeps the focus in a crop (object-fit: cover)."""
        return FOCUS_POSITION.get(self.focus, self.focus)  # a point is its own position


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


@dataclass(frozen=True)
class BundleEntry:
    slug: str
    record: Bundle
    items: tuple[Item, ...]
    photo: PhotoRef | None
    gift_ok: bool = False
    """Sold as a gift and priced within the gift limit (procurement.within_gift_limit)."""

    @property
    def url(self) -> str:
        return f"bundles/{self.slug}/"

    @property
    def direct(self) -> int:
        """How many of its items may be bought by sole-source contract (a bundle is bought item by item)."""
        return sum(1 for i in self.items if i.eligibility.eligible)


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
    casebook: Casebook | None = field(default=None, compare=False)  # when casebook/ exists
    retired: tuple[RetiredEntry, ...] = field(default=(), compare=False)  # removed slugs, catalog/retired.yml

    @functools.cached_property
    def by_category(self) -> tuple[tuple[Category, tuple[Item, ...]], ...]:
        """Every top-level category in taxonomy order, with its items (possibly none)."""
        groups: dict[str, list[Item]] = {c.id: [] for c in self.taxonomy.categories}
        for item in self.items:
            groups[item.category.id].append(item)
        return tuple((c, tuple(groups[c.id])) for c in self.taxonomy.categories)

    @functools.cached_property
    def search_words(self) -> tuple[str, ...]:
        """Words to suggest in a search box: the last word of the first item's name in each of the
        three fullest categories (words this network's search finds; a fixed example named the
        sample's products on every network)."""
        fullest = sorted((items for _, items in self.by_category if items), key=len, reverse=True)[:3]
        return tuple(dict.fromkeys(items[0].product.name.split()[-1] for items in fullest))

    @property
    def search_examples(self) -> str:
        """'예: 도시락, 청소' (a search box's placeholder): two words, which a phone's box and the
        widget's show whole (three were cut, '선물세|')."""
        return "예: " + ", ".join(self.search_words[:2]) if self.search_words else "제품·서비스 이름"

    @functools.cached_property
    def by_enterprise(self) -> dict[str, tuple[Item, ...]]:
        """Each enterprise's items in catalog order, by its slug."""
        groups: dict[str, list[Item]] = {e.slug: [] for e in self.enterprises}
        for item in self.items:
            groups.setdefault(item.enterprise.slug, []).append(item)
        return {slug: tuple(items) for slug, items in groups.items()}

    @functools.cached_property
    def eligible_items(self) -> tuple[Item, ...]:
        """Items a buyer may order by sole-source contract today, in catalog order."""
        return tuple(i for i in self.items if i.eligibility.eligible)

    def part(self, categories=(), org_types=(), regions=()) -> Catalog:
        """The catalog of one print edition: items of these categories (top-level or sub), these
        org types and enterprises whose address names one of these regions; empty means any."""

        def wanted(item: Item) -> bool:
            ent = item.enterprise.record
            return (
                (
                    not categories
                    or item.category.id in categories
                    or (item.sub is not None and item.sub.id in categories)
                )
                and (not org_types or ent.org_type in org_types)
                and (not regions or any(region in ent.address for region in regions))
            )

        items = tuple(i for i in self.items if wanted(i))
        uids, slugs = {i.uid for i in items}, {i.enterprise.slug for i in items}
        return replace(
            self,
            enterprises=tuple(e for e in self.enterprises if e.slug in slugs),
            items=items,
            bundles=tuple(b for b in self.bundles if b.items and all(i.uid in uids for i in b.items)),
        )

    def print_editions(self) -> list[tuple[PrintEdition, Catalog]]:
        """The print editions of catalog/print.yml that have items (only those are printed)."""
        parts = [(e, self.part(e.categories, e.org_types, e.regions)) for e in self.print_settings.editions]
        return [(edition, part) for edition, part in parts if part.items]

    def photos(self) -> list[PhotoRef]:
        refs = [p for e in self.enterprises for p in e.photos]
        refs += [p for i in self.items for p in i.photos]
        refs += [b.photo for b in self.bundles if b.photo]
        if self.casebook is not None:
            refs += [p for case in self.casebook.cases for p in case.photos]
        return refs
