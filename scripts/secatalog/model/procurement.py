"""Derive procurement facts (수의계약 eligibility, gift limit) from the model and configuration.

Eligibility is derived from what the secretariat confirmed (catalog/verified.yml), never from
what a member typed: an entry without a confirmation, or whose claims changed since it, is
"확인 중" and never "수의계약 가능".
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Literal

from ..korean import josa, quoted
from .certificates import state_of
from .entries import Bundle, Enterprise, Product
from .fields import identity_key
from .network import EligibilityRule, Procurement, VerifiedCertification, VerifiedFacts

Status = Literal["eligible", "not-eligible", "pending"]
LABELS = {"eligible": "수의계약 가능", "not-eligible": "수의계약 해당 없음", "pending": "수의계약 확인 중"}
"""One wording on every badge, card and page ('수의계약 특례 해당 없음' on some pages and
'수의계약 해당 없음' on others read as two verdicts); the item page gives the reasons."""
WORDS = {"eligible": "가능", "not-eligible": "해당 없음", "pending": "확인 중"}
GIFT_OK = "선물 한도 이내"
"""What an item or bundle a business sells as a gift shows when its price is within the gift limit."""


@dataclass(frozen=True)
class Eligibility:
    """Whether a sole-source contract is possible, why, as of when, and confirmed by whom."""

    status: Status
    reasons: tuple[str, ...]
    rule: EligibilityRule | None
    checked: date
    verified: VerifiedFacts | None = None
    basis_expires: date | None = None
    expiring: bool = False

    @property
    def eligible(self) -> bool:
        return self.status == "eligible"

    @property
    def label(self) -> str:
        return LABELS[self.status]

    @property
    def word(self) -> str:
        """The verdict in a column headed 수의계약: never empty, so a blank is never read as 'not checked'."""
        return WORDS[self.status]

    @property
    def limit_krw(self) -> int | None:
        return self.rule.limit_krw if self.rule else None

    @property
    def expiry_notice(self) -> str:
        """The buyer's warning when the basis of an eligible verdict ends soon."""
        if self.eligible and self.expiring and self.basis_expires:
            return f"{self.basis_expires.isoformat()} 만료 예정 — 계약 전 갱신 여부를 확인하세요"
        return ""


@dataclass(frozen=True)
class FactChange:
    """A fact driving eligibility that the member writes differently from what the secretariat
    confirmed: which line, which fact, the member's value and the confirmed one."""

    at: tuple
    field: str
    written: str
    confirmed: str

    @property
    def message(self) -> str:
        """Both values side by side, as the secretariat's list shows them."""
        return f"{self.written} (확인한 값 {self.confirmed})"

    def for_buyers(self, checked: date) -> str:
        """The reason a buyer reads: what is true, not a story of something that changed."""
        return f"{josa(self.field, '은')} 회원이 적은 값과 사무국이 {checked.isoformat()}에 확인한 값이 다릅니다"


def percent(share: float) -> str:
    """29.99% reads 29.9%, never a rounded-up 30% that would seem to meet a 30% threshold."""
    value = math.floor(share * 1000 + 1e-9) / 10
    return f"{value:g}%"


def qualifying_certifications(facts: Procurement) -> set[str]:
    """Certificate types some sole-source rule requires: the ones whose numbers must be confirmed."""
    return {r.requires_certification for r in facts.sole_source_rules if r.requires_certification}


def _workers(paid: int, vulnerable: int) -> str:
    return f"유급 {paid}명·취약계층 {vulnerable}명"


def changed_facts(ent: Enterprise, verified: VerifiedFacts, qualifying: set[str]) -> list[FactChange]:
    """Facts the member writes differently from the confirmation (org type, numbers, workers)."""
    found = []
    if identity_key(ent.name) != identity_key(verified.name):
        found.append(FactChange(("name",), "기업 이름", quoted(ent.name), quoted(verified.name)))
    if ent.org_type != verified.org_type:
        found.append(FactChange(("org_type",), "조직 유형", quoted(ent.org_type), quoted(verified.org_type)))
    if verified.business_number and ent.business_number != verified.business_number:
        found.append(
            FactChange(
                ("business_number",),
                "사업자등록번호",
                quoted(ent.business_number or ""),
                quoted(verified.business_number),
            )
        )
    confirmed = {(c.type, c.number) for c in verified.certifications}
    expiry = {(c.type, c.number): c.expires for c in verified.certifications}
    for i, cert in enumerate(ent.certifications):
        key = (cert.type, cert.number)
        if cert.type in qualifying and key not in confirmed:
            numbers = [quoted(c.number) for c in verified.certifications if c.type == cert.type]
            found.append(
                FactChange(
                    ("certifications", i, "number"),
                    "인증 번호",
                    f"{cert.type} {quoted(cert.number)}",
                    f"{cert.type} {', '.join(numbers)}" if numbers else "없음",
                )
            )
        elif key in expiry and cert.expires != expiry[key]:
            found.append(
                FactChange(
                    ("certifications", i, "expires"),
                    "인증 유효기간",
                    str(cert.expires or "없음"),
                    str(expiry[key] or "없음"),
                )
            )
    if (
        verified.workers
        and ent.workers
        and (ent.workers.paid, ent.workers.vulnerable) != (verified.workers.paid, verified.workers.vulnerable)
    ):
        found.append(
            FactChange(
                ("workers",),
                "근로자 수",
                _workers(ent.workers.paid, ent.workers.vulnerable),
                _workers(verified.workers.paid, verified.workers.vulnerable),
            )
        )
    return found


def valid_certificate(certs: list[VerifiedCertification], cert_type: str, today: date) -> VerifiedCertification | None:
    """Return the confirmed certification of a type that is in force today, if any."""
    for cert in certs:
        if cert.type == cert_type and (cert.expires is None or cert.expires >= today):
            return cert
    return None


@dataclass(frozen=True)
class _RuleResult:
    ok: bool
    reasons: list[str]
    unconfirmed: bool = False
    expires: date | None = None


def _check_rule(rule: EligibilityRule, verified: VerifiedFacts, today: date, cert_names: dict[str, str]) -> _RuleResult:
    ok, reasons, unconfirmed, expires = True, [], False, None
    if rule.requires_certification:
        name = cert_names.get(rule.requires_certification, rule.requires_certification)
        cert = valid_certificate(verified.certifications, rule.requires_certification, today)
        if cert:
            expires = cert.expires
            until = f", {cert.expires.isoformat()}까지 유효" if cert.expires else ""
            reasons.append(f"{name} (인증번호 {cert.number}{until})")
        else:
            ok = False
            lapsed = [c for c in verified.certifications if c.type == rule.requires_certification]
            if lapsed:
                reasons.append(f"{name}의 유효기간이 지났습니다 (만료 {lapsed[0].expires})")
            else:
                reasons.append(f"사무국이 확인한 {name} 정보가 없습니다")
    if rule.min_vulnerable_share is not None:
        need = percent(rule.min_vulnerable_share)
        workers = verified.workers
        if workers is None or workers.paid == 0:
            ok, unconfirmed = False, True
            reasons.append(f"사무국이 취약계층 고용 비율을 아직 확인하지 않았습니다 (기준 {need} 이상)")
        else:
            share = workers.vulnerable / workers.paid
            ok = ok and share >= rule.min_vulnerable_share
            reasons.append(f"취약계층 고용 비율 {percent(share)} (기준 {need} 이상)")
    return _RuleResult(ok, reasons, unconfirmed, expires)


def eligibility(
    ent: Enterprise, verified: VerifiedFacts | None, facts: Procurement, today: date, cert_names: dict[str, str]
) -> Eligibility:
    """Apply the configured rules, in order, to the confirmed facts; the first that holds decides."""
    rules = [r for r in facts.sole_source_rules if ent.org_type in r.org_types]
    if not rules:
        return Eligibility(
            "not-eligible", ("이 조직 유형은 수의계약 특례 대상이 아닙니다",), None, facts.checked, verified
        )
    if verified is None:
        return Eligibility(
            "pending", ("사무국이 조직 유형과 인증을 공식 자료와 아직 대조하지 않았습니다",), None, facts.checked
        )
    changes = changed_facts(ent, verified, qualifying_certifications(facts))
    if changes:
        return Eligibility(
            "pending",
            tuple(c.for_buyers(verified.checked) for c in changes),
            None,
            facts.checked,
            verified,
        )
    failed: list[str] = []
    unconfirmed = False
    for rule in rules:
        result = _check_rule(rule, verified, today, cert_names)
        if result.ok:
            expiring = state_of(result.expires, today, facts.expiry_warning_days) == "expiring"
            return Eligibility(
                "eligible", (rule.label, *result.reasons), rule, facts.checked, verified, result.expires, expiring
            )
        failed.extend(result.reasons)
        unconfirmed = unconfirmed or result.unconfirmed
    return Eligibility("pending" if unconfirmed else "not-eligible", tuple(failed), None, facts.checked, verified)


def within_gift_limit(product: Product | Bundle, facts: Procurement) -> bool:
    """Goods the member sells as gifts, priced per gift at or under the 청탁금지법 limit.
    A service, a per-㎡ price or a negotiable price is never a gift by its price alone."""
    price = product.price
    return product.gift and isinstance(price, int) and 0 < price <= facts.gift_limit_krw


def not_badged(subject: str, facts: Procurement) -> str:
    """Why something sold as a gift goes without the GIFT_OK badge (a warning for its member)."""
    limit = f"{facts.gift_limit_krw:,}원"
    return f"{subject} 가격이 선물 가액 한도({limit})를 넘거나 정해지지 않아 '{GIFT_OK}'로 표시하지 않습니다"
