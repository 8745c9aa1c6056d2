"""Certifications as a buyer may read them today: current, ending soon, or expired.

Every output (pages, filters, print, profiles, open data, widget) shows certifications through
these states, so an expired certificate is never displayed as current and never matches a filter.
Where the secretariat confirmed a certificate, its confirmed number and expiry are what is shown.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from .entries import Certification
from .network import VerifiedFacts

State = Literal["current", "expiring", "expired"]
UNCONFIRMED = "회원 신고 · 사무국 미확인"
CLAIMED = "claimed:"  # filter token of a certificate in force that the secretariat did not confirm


@dataclass(frozen=True)
class CertState:
    type: str
    name: str
    number: str
    expires: date | None
    state: State
    verified: date | None = None  # the day the secretariat confirmed it, when it did

    @property
    def current(self) -> bool:
        return self.state != "expired"

    @property
    def confirmed(self) -> bool:
        """The secretariat confirmed this type and number in catalog/verified.yml."""
        return self.verified is not None

    @property
    def source(self) -> str:
        """Who says so, shown next to every certificate: '사무국 확인 2026-10-20' or
        '회원 신고 · 사무국 미확인', so a member's own claim never reads like a confirmed one."""
        return f"사무국 확인 {self.verified.isoformat()}" if self.verified else UNCONFIRMED

    @property
    def validity(self) -> str:
        """'2025-01-01 만료', '2027-01-20 만료 예정', '2027-12-31까지' or '' (no brackets: it is
        often shown in brackets itself)."""
        if self.expires is None:
            return ""
        when = self.expires.isoformat()
        return {"expired": f"{when} 만료", "expiring": f"{when} 만료 예정", "current": f"{when}까지"}[self.state]

    def as_data(self) -> dict:
        """The open-data form: the state is explicit, so no reader takes an expired one as valid."""
        return {
            "type": self.type,
            "name": self.name,
            "number": self.number,
            "expires": self.expires.isoformat() if self.expires else None,
            "status": self.state,
            "verified": self.verified.isoformat() if self.verified else None,
            "confirmed": self.confirmed,
            "source": self.source,
        }


def state_of(expires: date | None, today: date, window_days: int) -> State:
    """The one rule for dates: past the end is expired; within the window, ending soon."""
    if expires is not None and expires < today:
        return "expired"
    if expires is not None and expires <= today + timedelta(days=window_days):
        return "expiring"
    return "current"


def cert_states(
    certs: Iterable[Certification], names: dict[str, str], verified: VerifiedFacts | None, today: date, window_days: int
) -> tuple[CertState, ...]:
    """States of the given certifications, confirmed facts first, each (type, number) once."""
    confirmed = {(c.type, c.number): c for c in verified.certifications} if verified else {}
    copies: dict[tuple[str, str], list[date | None]] = {}
    for cert in certs:
        copies.setdefault((cert.type, cert.number), []).append(cert.expires)
    out = []
    for (kind, number), ends in copies.items():
        found = confirmed.get((kind, number))
        # Where copies (product, enterprise, confirmation) disagree, the earliest end date is the honest one.
        known = [d for d in (*ends, found.expires if found else None) if d is not None]
        expires = min(known) if known else None
        out.append(
            CertState(
                kind,
                names.get(kind, kind),
                number,
                expires,
                state_of(expires, today, window_days),
                verified.checked if found and verified else None,
            )
        )
    return tuple(out)


def current_types(states: Iterable[CertState]) -> set[str]:
    """Certification types a filter counts: in force and confirmed by the secretariat."""
    return {c.type for c in states if c.current and c.confirmed}


def claimed_types(states: Iterable[CertState]) -> set[str]:
    """Types in force that only the member declares: shown apart, never counted as confirmed."""
    return {c.type for c in states if c.current and not c.confirmed}


def filter_tokens(states: Iterable[CertState]) -> str:
    """What a card's certificate filter matches: 'haccp' when confirmed, 'claimed:haccp' when not."""
    states = tuple(states)
    tokens = sorted(current_types(states)) + sorted(CLAIMED + t for t in claimed_types(states))
    return " ".join(tokens)
