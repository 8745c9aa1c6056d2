"""What an entry may claim: one enterprise per entry, and the facts the secretariat confirmed.

catalog/verified.yml is the secretariat's file (members cannot change it in a pull request);
eligibility is derived from it. Here it is read, and entries are compared with it and with
each other, so the secretariat sees which confirmed facts an entry now states differently.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..errors import Location, Report, relpath
from ..korean import josa, quoted
from ..model.catalog import EnterpriseEntry
from ..model.entries import Certification, Enterprise, suggest
from ..model.fields import identity_key
from ..model.network import Procurement, VerifiedFacts, VerifiedFile, context_for
from ..model.procurement import changed_facts, qualifying_certifications
from ..settings import Settings
from .documents import Document, load_yaml
from .validate import check_document

VERIFIED_FILE = "verified.yml"
# The secretariat's own file (no pull request of a member may change it) holds one record per
# enterprise: ~450 bytes each, so an entry's 512 KB limit would stop at ~1,100 enterprises.
VERIFIED_MAX_BYTES = 16 * 1024 * 1024


def identity_keys(record: Enterprise):
    """What only one enterprise can hold: its name (as read, whatever invisible letters or
    compatibility forms it carries), its business number, and its certificate numbers."""
    yield f"name:{identity_key(record.name)}", ("name",), f"기업 이름 '{record.name}'"
    if record.business_number:
        number = identity_key(str(record.business_number))
        yield f"bn:{number}", ("business_number",), f"사업자등록번호 '{record.business_number}'"
    for i, cert in enumerate(record.certifications):
        if identity_key(cert.number):
            key = f"cert:{cert.type}:{identity_key(cert.number)}"
            yield key, ("certifications", i, "number"), f"인증 번호 '{cert.number}'"


def check_unique(doc: Document, record: Enterprise, seen: dict[str, str], report: Report) -> None:
    """Two entries may not claim one enterprise: same name, business number or certificate number
    (one entry may list its own certificate twice)."""
    for key, at, label in identity_keys(record):
        if key in seen and seen[key] != doc.shown:
            report.error(
                doc.locate(at),
                f"{josa(label, '이')} {josa(seen[key], '과')} 같습니다",
                "다른 기업의 항목을 흉내 낼 수 없습니다. 같은 기업이라면 한 폴더로 합치고, "
                "다른 기업이라면 이름과 번호를 바로 쓰세요",
            )
        else:
            seen[key] = doc.shown


def confirmed_holders(verified: VerifiedFile) -> dict[str, str]:
    """Identity key -> the slug whose name, business number or certificate the secretariat confirmed."""
    holders: dict[str, str] = {}
    for slug, facts in verified.enterprises.items():
        record = Enterprise.model_construct(
            name=facts.name,
            business_number=facts.business_number,
            certifications=[Certification.model_construct(type=c.type, number=c.number) for c in facts.certifications],
        )
        for key, _, _ in identity_keys(record):
            holders.setdefault(key, slug)
    return holders


def check_confirmed_elsewhere(doc: Document, slug: str, record: Enterprise, holders: dict[str, str], report: Report):
    """A name or number the secretariat confirmed for another enterprise: a clone, even when the
    original's entry is not loaded (checking one folder) or was removed."""
    for key, at, label in identity_keys(record):
        holder = holders.get(key)
        if holder is not None and holder != slug:
            report.error(
                doc.locate(at),
                f"{josa(label, '이')} 사무국이 다른 기업 '{holder}'의 것으로 확인한 값과 같습니다",
                "다른 기업의 항목을 흉내 낼 수 없습니다. 같은 기업이라면 사무국에 알려 확인 기록을 옮기세요",
            )


def check_verified(
    doc: Document, record: Enterprise, verified: VerifiedFacts, facts: Procurement, report: Report
) -> None:
    """Tell the member which line states a fact differently from what the secretariat confirmed."""
    for change in changed_facts(record, verified, qualifying_certifications(facts)):
        report.warn(
            doc.locate(change.at),
            f"회원이 적은 값과 사무국이 확인한 값이 다릅니다: {change.field} — 적은 값 {change.written}, "
            f"사무국이 {verified.checked.isoformat()}에 확인한 값 {change.confirmed}",
            f"이 줄의 {josa(change.field, '을')} 사무국이 확인한 값으로 고치세요. 실제로 바뀐 값이면 "
            "증빙 자료를 사무국에 보내 다시 확인을 요청하세요. 그때까지 이 기업은 '수의계약 확인 중'으로 표시됩니다",
        )


def read_verified(settings: Settings, taxonomy, org_file, cert_file, facts, report: Report) -> VerifiedFile:
    """catalog/verified.yml, checked against the catalog's own ids; absent means nothing confirmed."""
    path = settings.catalog_dir / VERIFIED_FILE
    if not path.exists():
        report.warn(
            Location(relpath(path, settings.root)),
            "사무국 확인 파일이 없어 모든 기업이 '수의계약 확인 중'으로 표시됩니다",
            "사무국이 조직 유형·인증을 공식 자료와 대조한 뒤 catalog/verified.yml에 적으세요",
        )
        return VerifiedFile()
    if None in (taxonomy, org_file, cert_file, facts):
        return VerifiedFile()
    doc = load_yaml(path, settings.root, report, VERIFIED_MAX_BYTES)
    ctx = context_for(taxonomy, org_file.org_types, cert_file.certifications, facts)
    return (check_document(doc, VerifiedFile, report, context=ctx) if doc else None) or VerifiedFile()


def identities_elsewhere(settings: Settings, folders: list[Path], loaded: list[Path]) -> dict[str, str]:
    """Names and business numbers of the entries not being checked, read leniently."""
    skip = {f.resolve() for f in loaded}
    seen: dict[str, str] = {}
    for folder in folders:
        path = folder / "enterprise.yml"
        if folder.resolve() in skip or not path.is_file() or path.is_symlink():
            continue
        try:
            data = yaml.safe_load(path.read_text("utf-8")[: settings.max_yaml_bytes])
            certs = [
                Certification.model_construct(type=str(c.get("type")), number=str(c.get("number") or ""))
                for c in data.get("certifications") or []
            ]
            record = Enterprise.model_construct(
                name=str(data.get("name") or ""), business_number=data.get("business_number"), certifications=certs
            )
        except (yaml.YAMLError, UnicodeDecodeError, AttributeError, OSError, TypeError):
            continue
        for key, _, _ in identity_keys(record):
            seen.setdefault(key, relpath(path, settings.root))
    return seen


def check_confirmations(
    settings: Settings, verified: VerifiedFile, entries: list[EnterpriseEntry], folders: set[str], report: Report
) -> None:
    """Errors at line:col for a confirmation that cannot be what the secretariat meant: a folder
    that does not exist, a date not yet come, a certificate number the member never stated."""
    path = settings.catalog_dir / VERIFIED_FILE
    doc = load_yaml(path, settings.root, Report(), VERIFIED_MAX_BYTES) if verified.enterprises else None
    if doc is None:
        return
    records = {e.slug: e.record for e in entries}
    today = settings.date
    for slug, facts in verified.enterprises.items():
        at = ("enterprises", slug)
        if slug not in folders:
            report.error(
                doc.locate(at, key=True),
                f"확인 기록 '{slug}'에 해당하는 기업 폴더가 없습니다.{suggest(slug, folders)}",
                "폴더 이름이 바뀌었다면 확인 기록의 이름도 고치고, 목록에서 내린 기업이면 catalog/retired.yml에 "
                "적으세요(기록은 남겨 두어도 됩니다)",
            )
            continue
        if facts.checked > today:
            report.error(
                doc.locate((*at, "checked")),
                f"확인한 날 {josa(facts.checked.isoformat(), '이')} 오늘({today.isoformat()})보다 뒤입니다",
                "실제로 공식 자료와 대조한 날을 적으세요",
                f"enterprises.{slug}.checked",
            )
        if slug in records:
            _check_numbers(doc, slug, facts, records[slug], report)


def _check_numbers(doc: Document, slug: str, facts: VerifiedFacts, record: Enterprise, report: Report) -> None:
    stated = [c.number for c in record.certifications]
    for i, cert in enumerate(facts.certifications):
        if cert.number in stated:
            continue
        same_type = [c.number for c in record.certifications if c.type == cert.type]
        listing = ", ".join(f"'{n}'" for n in same_type)
        report.error(
            doc.locate(("enterprises", slug, "certifications", i, "number")),
            f"인증 번호 {josa(quoted(cert.number), '이')} 회원 항목의 어느 인증 번호와도 맞지 않습니다."
            + (suggest(cert.number, same_type) or (f" 회원이 적은 번호: {listing}" if listing else "")),
            "공식 자료와 대조해 번호를 고치세요. 회원 항목에 이 인증이 없다면 회원에게 추가를 요청하세요"
            if not same_type
            else "오타라면 고치고, 회원이 번호를 바꾸었다면 공식 자료와 다시 대조한 뒤 고치세요",
            f"enterprises.{slug}.certifications[{i}].number",
        )
