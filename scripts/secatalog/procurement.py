"""Derive procurement facts (수의계약 eligibility, gift limit) from the model and configuration."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .model import Certification, EligibilityRule, Enterprise, Procurement


@dataclass(frozen=True)
class Eligibility:
    """Whether a sole-source contract is possible, why, and as of when."""

    eligible: bool
    reasons: tuple[str, ...]
    rule: EligibilityRule | None
    checked: date

    @property
    def limit_krw(self) -> int | None:
        return self.rule.limit_krw if self.rule else None


def valid_certificate(certs: list[Certification], cert_type: str, today: date) -> Certification | None:
    """Return the certification of a type that is in force today, if any."""
    for cert in certs:
        if cert.type == cert_type and (cert.expires is None or cert.expires >= today):
            return cert
    return None


def vulnerable_share(enterprise: Enterprise) -> float | None:
    workers = enterprise.workers
    if workers is None or workers.paid == 0:
        return None
    return workers.vulnerable / workers.paid


def _check_rule(rule: EligibilityRule, ent: Enterprise, today: date, cert_names: dict[str, str]
                ) -> tuple[bool, list[str]]:
    ok, reasons = True, []
    if rule.requires_certification:
        name = cert_names.get(rule.requires_certification, rule.requires_certification)
        cert = valid_certificate(ent.certifications, rule.requires_certification, today)
        if cert:
            until = f", {cert.expires.isoformat()}까지 유효" if cert.expires else ""
            number = f"인증번호 {cert.number}" if cert.number else "인증번호 미기재"
            reasons.append(f"{name} ({number}{until})")
        else:
            ok = False
            expired = [c for c in ent.certifications if c.type == rule.requires_certification]
            if expired:
                reasons.append(f"{name}의 유효기간이 지났습니다 ({expired[0].expires})")
            else:
                reasons.append(f"{name} 정보가 없습니다")
    if rule.min_vulnerable_share is not None:
        share = vulnerable_share(ent)
        need = round(rule.min_vulnerable_share * 100)
        if share is None:
            ok = False
            reasons.append(f"근로자 정보가 없어 취약계층 고용 비율을 알 수 없습니다 (기준 {need}% 이상)")
        else:
            have = round(share * 100)
            ok = ok and share >= rule.min_vulnerable_share
            reasons.append(f"취약계층 고용 비율 {have}% (기준 {need}% 이상)")
    return ok, reasons


def eligibility(ent: Enterprise, facts: Procurement, today: date,
                cert_names: dict[str, str]) -> Eligibility:
    """Apply the configured rules in order; the first rule that holds decides."""
    failed: list[str] = []
    for rule in facts.sole_source_rules:
        if ent.org_type not in rule.org_types:
            continue
        ok, reasons = _check_rule(rule, ent, today, cert_names)
        if ok:
            return Eligibility(True, (rule.label, *reasons), rule, facts.checked)
        failed.extend(reasons)
    if not failed:
        failed.append("이 조직 유형은 수의계약 특례 대상이 아닙니다")
    return Eligibility(False, tuple(failed), None, facts.checked)


def within_gift_limit(price: int | str, facts: Procurement) -> bool:
    """Items priced at or under the 청탁금지법 gift limit; negotiable prices never qualify."""
    return isinstance(price, int) and 0 < price <= facts.gift_limit_krw
