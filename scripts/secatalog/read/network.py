"""READ catalog/: the network's own configuration, validated before any entry is read."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from ..errors import Location, Report, relpath
from ..model.network import (
    CatalogFile,
    CertType,
    CertTypesFile,
    Limits,
    Network,
    OrgType,
    OrgTypesFile,
    PrintSettings,
    Procurement,
    Taxonomy,
    VerificationSettings,
    VerifiedFile,
    context_for,
)
from ..settings import Settings
from .documents import load_yaml
from .trust import read_verified
from .validate import check_document


@dataclass(frozen=True)
class Configuration:
    """Everything in catalog/: what entries are checked against and what the site states."""

    network: Network
    limits: Limits
    taxonomy: Taxonomy
    org_types: dict[str, OrgType]
    certifications: dict[str, CertType]
    procurement: Procurement
    print_settings: PrintSettings
    verified: VerifiedFile
    verification: VerificationSettings = VerificationSettings()

    @functools.cached_property
    def validation(self) -> dict[str, Any]:
        """The context reference fields of entries are checked against."""
        return context_for(
            self.taxonomy, list(self.org_types.values()), list(self.certifications.values()), self.procurement
        )

    @functools.cached_property
    def cert_names(self) -> dict[str, str]:
        return {k: v.name for k, v in self.certifications.items()}


def load_configuration(settings: Settings, report: Report) -> Configuration | None:
    """Read and check catalog/*.yml; None (with every problem reported) when one is broken."""
    catalog_file = read_config(settings, "catalog.yml", CatalogFile, report)
    taxonomy = read_config(settings, "categories.yml", Taxonomy, report)
    org_file = read_config(settings, "org_types.yml", OrgTypesFile, report)
    cert_file = read_config(settings, "certifications.yml", CertTypesFile, report)
    facts = read_config(settings, "procurement.yml", Procurement, report)
    print_settings = PrintSettings()
    if (settings.catalog_dir / "print.yml").exists() and None not in (taxonomy, org_file, cert_file, facts):
        # editions name categories and org types: checked against the catalog's own
        ctx = context_for(taxonomy, org_file.org_types, cert_file.certifications, facts)
        print_settings = read_config(settings, "print.yml", PrintSettings, report, ctx)
    verified = read_verified(settings, taxonomy, org_file, cert_file, facts, report)
    verification = read_verification(settings, taxonomy, org_file, cert_file, facts, report)
    if None in (catalog_file, taxonomy, org_file, cert_file, facts, print_settings, verification):
        return None
    return Configuration(
        catalog_file.network,
        catalog_file.limits,
        taxonomy,
        {o.id: o for o in org_file.org_types},
        {c.id: c for c in cert_file.certifications},
        facts,
        print_settings,
        verified,
        verification,
    )


def read_verification(settings: Settings, taxonomy, org_file, cert_file, facts, report: Report) -> Any:
    """catalog/verification.yml, optional: follow-up settings of the secretariat's confirmations."""
    if not (settings.catalog_dir / "verification.yml").exists():
        return VerificationSettings()
    if None in (taxonomy, org_file, cert_file, facts):
        return VerificationSettings()
    ctx = context_for(taxonomy, org_file.org_types, cert_file.certifications, facts)
    return read_config(settings, "verification.yml", VerificationSettings, report, ctx)


def read_config(
    settings: Settings, name: str, model: type[BaseModel], report: Report, context: dict | None = None
) -> Any:
    path = settings.catalog_dir / name
    if not path.is_file():
        report.error(
            Location(relpath(path, settings.root)), "설정 파일이 없습니다", "저장소의 catalog/ 폴더를 다시 받으세요"
        )
        return None
    doc = load_yaml(path, settings.root, report, settings.max_yaml_bytes)
    return check_document(doc, model, report, context=context) if doc else None


@dataclass(frozen=True)
class ConfigSummary:
    """What scaffolds need from catalog/: the ids members may use."""

    org_type_ids: list[str]
    category_ids: list[str]
    first_category: str


def load_config_only(settings: Settings) -> ConfigSummary:
    """Read just catalog/ (for scaffolds), reporting its errors like a build would."""
    report = Report()
    taxonomy = read_config(settings, "categories.yml", Taxonomy, report)
    org_file = read_config(settings, "org_types.yml", OrgTypesFile, report)
    report.raise_if_errors()
    leaves = [c.id for cat in taxonomy.categories for c in cat.children] + [
        cat.id for cat in taxonomy.categories if not cat.children
    ]
    return ConfigSummary([o.id for o in org_file.org_types], leaves, leaves[0])
