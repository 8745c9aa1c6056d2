"""Compare catalog/verified.yml with an official list's CSV export (e.g. the certified social
enterprises), columns named in catalog/verification.yml. Korean public-data downloads come in
UTF-8 (often with a BOM) or CP949; both are read. Nothing here writes anything."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..korean import josa, quoted
from ..model.fields import identity_key
from ..model.network import Registry, VerifiedFacts

MAX_CSV_BYTES = 50 * 1024 * 1024


class RegistryUnreadable(Exception):
    """The file is not a CSV with the configured columns: a usage problem, in Korean."""


@dataclass(frozen=True)
class Row:
    line: int
    name: str
    number: str
    expires: str
    business_number: str


@dataclass(frozen=True)
class Mismatch:
    slug: str
    line: int  # the list's line, 0 when the enterprise is not in it
    message: str


def decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM) first, then CP949 (the other encoding public lists use)."""
    for encoding in ("utf-8-sig", "cp949"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise RegistryUnreadable("파일을 UTF-8로도 CP949로도 읽을 수 없습니다 — 명단을 CSV(UTF-8)로 다시 저장하세요")


def read_rows(path: Path, registry: Registry) -> list[Row]:
    if path.stat().st_size > MAX_CSV_BYTES:
        raise RegistryUnreadable(f"파일이 {MAX_CSV_BYTES // 1024 // 1024}MB보다 큽니다")
    reader = csv.reader(io.StringIO(decode(path.read_bytes()), newline=""))
    header = [h.strip() for h in next(reader, [])]
    wanted: dict[str, str] = registry.columns.model_dump()  # name, number, expires, business_number
    missing = [c for c in wanted.values() if c and c not in header]
    if missing:
        raise RegistryUnreadable(
            f"열 {josa(', '.join(repr(c) for c in missing), '이')} 없습니다 (파일의 열: {', '.join(header)}) — "
            "catalog/verification.yml의 registries.columns를 명단의 첫 줄과 같게 고치세요"
        )
    index = {key: header.index(col) if col else None for key, col in wanted.items()}

    def cell(values: list[str], key: str) -> str:
        i = index[key]
        # one line per cell: a quoted newline in a downloaded list never starts a line of ours
        return " ".join(values[i].split()) if i is not None and i < len(values) else ""

    return [
        Row(reader.line_num, cell(v, "name"), cell(v, "number"), cell(v, "expires"), cell(v, "business_number"))
        for v in reader
        if any(x.strip() for x in v)
    ]


def _number_key(number: str) -> str:
    return re.sub(r"\s+", "", number).casefold()


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def parse_date(text: str) -> date | None:
    """2027-01-20, 2027.01.20, 2027/1/20 or 20270120; None when empty or unreadable."""
    found = re.fullmatch(r"(\d{4})[-./ ]?(\d{1,2})[-./ ]?(\d{1,2})\.?", text.strip())
    if not found:
        return None
    try:
        return date(*(int(g) for g in found.groups()))
    except ValueError:
        return None


def compare(rows: list[Row], registry: Registry, confirmed: dict[str, VerifiedFacts]) -> tuple[int, list[Mismatch]]:
    """Every confirmation with a certificate of the list's type against its row: (how many were
    compared, every mismatch of name, certificate number, business number and end date)."""
    by_number = {_number_key(r.number): r for r in rows}
    by_business = {_digits(r.business_number): r for r in rows if r.business_number}
    by_name = {identity_key(r.name): r for r in rows}
    compared, found = 0, []
    for slug, facts in sorted(confirmed.items()):
        for cert in (c for c in facts.certifications if c.type == registry.certification):
            compared += 1
            row = (
                by_number.get(_number_key(cert.number))
                or by_business.get(_digits(facts.business_number or "-"))
                or by_name.get(identity_key(facts.name))
            )
            if row is None:
                found.append(Mismatch(slug, 0, f"명단에 없습니다 ({facts.name}, 번호 '{cert.number}')"))
                continue
            found += _differences(slug, facts, cert.number, cert.expires, row, registry)
    return compared, found


def _differences(
    slug: str, facts: VerifiedFacts, number: str, expires: date | None, row: Row, registry: Registry
) -> list[Mismatch]:
    out = []

    def differ(label: str, ours: str, theirs: str) -> None:
        out.append(Mismatch(slug, row.line, f"{label}: 확인 기록 '{ours}', 명단 '{theirs}'"))

    if _number_key(row.number) != _number_key(number):
        differ("인증 번호", number, row.number)
    if identity_key(row.name) != identity_key(facts.name):
        differ("기업 이름", facts.name, row.name)
    if row.business_number and facts.business_number and _digits(row.business_number) != _digits(facts.business_number):
        differ("사업자등록번호", facts.business_number, row.business_number)
    if registry.columns.expires:
        theirs = parse_date(row.expires)
        if row.expires and theirs is None:
            out.append(
                Mismatch(
                    slug, row.line, f"명단의 유효기간 {josa(quoted(str(row.expires)), '을')} 날짜로 읽을 수 없습니다"
                )
            )
        elif theirs != expires:
            differ("유효기간 종료일", expires.isoformat() if expires else "없음", row.expires or "없음")
    return out
