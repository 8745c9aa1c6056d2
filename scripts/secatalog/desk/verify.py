"""The secretariat's desk: where every enterprise stands against catalog/verified.yml.

What needs doing is derived from the same rules the site uses (procurement.changed_facts,
certificates.state_of), so the list never says "확인됨" of an enterprise the site shows as
"확인 중". Nothing here writes a file: `verify draft --write` (cli/verify.py) only appends the
commented-out draft made here.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from ..model.catalog import Catalog, EnterpriseEntry
from ..model.certificates import state_of
from ..model.network import VerificationSettings, VerifiedFacts
from ..model.procurement import changed_facts, qualifying_certifications

Kind = Literal["changed", "expired", "expiring", "reverify", "unverified", "verified"]
# In the order the secretariat should deal with them.
LABELS: dict[Kind, str] = {
    "changed": "다름",
    "expired": "만료",
    "expiring": "만료 예정",
    "reverify": "재확인 필요",
    "unverified": "확인 필요",
    "verified": "확인됨",
}
ORDER = list(LABELS)


@dataclass(frozen=True)
class Finding:
    kind: Kind
    detail: str


@dataclass(frozen=True)
class Standing:
    """One enterprise on the secretariat's list: what is confirmed, and what needs doing."""

    slug: str
    name: str
    findings: tuple[Finding, ...]
    verified: VerifiedFacts | None

    @property
    def kind(self) -> Kind:
        return min((f.kind for f in self.findings), key=ORDER.index)

    @property
    def needs_action(self) -> bool:
        return self.kind != "verified"


def standing(entry: EnterpriseEntry, verified: VerifiedFacts | None, catalog: Catalog, interval_days: int) -> Standing:
    """Compare one entry with its confirmation today: changed facts, certificate ends, age."""
    record, facts, today = entry.record, catalog.procurement, catalog.settings.date
    if verified is None:
        finding = Finding("unverified", "사무국 확인 기록이 없습니다 (secatalog verify draft로 초안을 만드세요)")
        return Standing(entry.slug, record.name, (finding,), None)
    found = [
        Finding("changed", f"{c.field} {c.message}")
        for c in changed_facts(record, verified, qualifying_certifications(facts))
    ]
    names = {c.id: c.name for c in catalog.certifications.values()}
    for cert in verified.certifications:
        state = state_of(cert.expires, today, facts.expiry_warning_days)
        if state != "current" and cert.expires:
            label = f"{names.get(cert.type, cert.type)} {cert.number}"
            end = cert.expires.isoformat()
            found.append(
                Finding("expired", f"{label}: {end}에 만료")
                if state == "expired"
                else Finding("expiring", f"{label}: {end} 만료 예정")
            )
    due = verified.checked + timedelta(days=interval_days)
    if due <= today:
        found.append(
            Finding(
                "reverify",
                f"{verified.checked.isoformat()}에 확인한 뒤 {(today - verified.checked).days}일 지남 "
                f"(다시 확인하는 주기 {interval_days}일)",
            )
        )
    if not found:
        found.append(Finding("verified", confirmation(verified)))
    return Standing(entry.slug, record.name, tuple(found), verified)


def confirmation(verified: VerifiedFacts) -> str:
    return f"{verified.checked.isoformat()} · {verified.checked_by} · {verified.source}"


def standings(catalog: Catalog, confirmed: dict[str, VerifiedFacts], settings: VerificationSettings) -> list[Standing]:
    """Every enterprise, those needing action first (worst first), then by folder name."""
    found = [standing(e, confirmed.get(e.slug), catalog, settings.reverify_after_days) for e in catalog.enterprises]
    return sorted(found, key=lambda s: (ORDER.index(s.kind), s.slug))


def counts(found: list[Standing]) -> str:
    """'다름 1곳, 확인 필요 2곳, 확인됨 3곳' in the list's order."""
    tally = {kind: sum(1 for s in found if s.kind == kind) for kind in ORDER}
    return ", ".join(f"{LABELS[k]} {n}곳" for k, n in tally.items() if n)


def as_text(found: list[Standing], today: date) -> str:
    """The terminal list: one block per enterprise, its state and every finding."""
    lines = []
    for s in found:
        lines.append(f"[{LABELS[s.kind]}] {s.name} ({s.slug})")
        lines += [f"    {LABELS[f.kind]}: {f.detail}" for f in s.findings]
    action = sum(1 for s in found if s.needs_action)
    lines += ["", f"기준일 {today.isoformat()}: {counts(found)} — 사무국이 확인할 기업 {action}곳"]
    return "\n".join(lines) + "\n"


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def md(text: str) -> str:
    """Member text as inert Markdown: no HTML, links, emphasis, table breaks or @mentions."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))
    return escaped.replace("@", "&#64;").replace("\r", " ").replace("\n", " ")


# A GitHub issue body holds 65,536 characters: the table stops before, and says how many are left.
MAX_MARKDOWN = 60_000


def as_markdown(found: list[Standing], today: date, interval_days: int, budget: int = MAX_MARKDOWN) -> str:
    """The job summary and the body of the "사무국 확인 필요" issue (at most budget characters)."""
    todo = [s for s in found if s.needs_action]
    done = [s for s in found if not s.needs_action]
    head = [
        "## 사무국 확인 필요",
        "",
        f"기준일 {today.isoformat()} · 기업 {len(found)}곳: {counts(found)}. "
        f"확인한 지 {interval_days}일이 지나면 다시 확인합니다.",
        "",
    ]
    foot = [
        "",
        "목록은 `secatalog verify list --format markdown`이 만들었습니다. 확인한 내용은 "
        "`catalog/verified.yml`에 적고, 초안은 `secatalog verify draft 기업폴더`로 만드세요.",
    ]
    room = budget - len("\n".join(head + foot)) - 200  # the lines saying what was left out
    todo_rows, room = _rows(map(_todo_row, todo), room)
    table = ["| 상태 | 기업 | 확인할 내용 |", "|---|---|---|", *todo_rows]
    body = table if todo else ["모든 기업의 확인 기록이 최신입니다."]
    if len(todo_rows) < len(todo):
        body += ["", f"… 외 {len(todo) - len(todo_rows)}곳: `secatalog verify list`로 모두 보세요."]
    if done:
        done_rows, room = _rows(map(_done_row, done), room)
        body += ["", f"<details><summary>확인됨 {len(done)}곳</summary>", ""]
        body += ["| 기업 | 확인한 날 | 확인한 사람 | 대조한 자료 |", "|---|---|---|---|", *done_rows]
        if len(done_rows) < len(done):
            body += ["", f"… 외 {len(done) - len(done_rows)}곳"]
        body += ["", "</details>"]
    return "\n".join(head + body + foot) + "\n"


def _rows(rows, room: int) -> tuple[list[str], int]:
    """As many rows as fit in room characters, and the room left."""
    kept = []
    for row in rows:
        if len(row) + 1 > room:
            break
        kept.append(row)
        room -= len(row) + 1
    return kept, room


def _todo_row(s: Standing) -> str:
    details = "<br>".join(f"{LABELS[f.kind]}: {md(f.detail)}" for f in s.findings)
    return f"| {LABELS[s.kind]} | {md(s.name)} (`{s.slug}`) | {details} |"


def _done_row(s: Standing) -> str:
    v = s.verified
    assert v is not None  # a standing without a confirmation always needs action
    return f"| {md(s.name)} (`{s.slug}`) | {v.checked.isoformat()} | {md(v.checked_by)} | {md(v.source)} |"


# --- catalog/verified.yml checked like a member's file ------------------------------------------


def confirmation_schema(catalog: Catalog) -> dict:
    """The JSON Schema of verified.yml with this catalog's ids and enterprise folders."""
    from ..model.network import context_for
    from ..model.schema import verified_schema

    ctx = context_for(
        catalog.taxonomy, list(catalog.org_types.values()), list(catalog.certifications.values()), catalog.procurement
    )
    return verified_schema(ctx, [e.slug for e in catalog.enterprises])


# --- a draft confirmation, copied from the member's claims --------------------------------------


NO_SOURCES = "(catalog/verification.yml의 sources에 이 조직 유형의 공식 자료를 적어 두세요)"


def draft(entry: EnterpriseEntry, org_type_name: str, sources: list[str], today: date) -> str:
    """A commented-out verified.yml entry from the member's claims, every value marked for checking.

    Commented out, it confirms nothing: the enterprise stays '확인 중' until the secretariat has
    checked each value, removed the marks and uncommented it (checked_by is left empty on purpose,
    so an entry uncommented unchecked is refused by `secatalog check`)."""
    record = entry.record
    q = _quoted
    lines = [
        f"--- 초안: {entry.slug} ({today.isoformat()}, secatalog verify draft가 회원 항목에서 옮겨 적음) ---",
        "아직 확인 기록이 아닙니다. 주석(#)으로 남아 있는 동안 이 기업은 '수의계약 확인 중'입니다.",
        "값마다 공식 자료와 대조해 고치고 '# 확인:' 표시를 지운 뒤, 기업 폴더 이름 줄부터 끝까지 "
        "줄 맨 앞의 '# '를 지우세요.",
        f"대조할 곳 ({org_type_name}):",
        *([f"  - {s}" for s in sources] or [f"  - {NO_SOURCES}"]),
        f"  {entry.slug}:",
        f"    name: {q(record.name)}  # 확인: 공식 자료에 적힌 이름",
        f"    checked: {today.isoformat()}  # 확인: 실제로 대조한 날",
        '    checked_by: ""  # 확인: 확인한 사람 (직책)',
        f"    source: {q(', '.join(sources))}  # 확인: 실제로 대조한 자료만 남기세요",
        f"    org_type: {record.org_type}  # 확인: 조직 유형",
    ]
    if record.business_number:
        lines.append(f"    business_number: {q(record.business_number)}  # 확인: 사업자등록번호")
    if record.certifications:
        lines.append("    certifications:")
    for cert in record.certifications:
        until = f", expires: {cert.expires.isoformat()}" if cert.expires else ""
        lines.append(f"      - {{type: {cert.type}, number: {q(cert.number)}{until}}}  # 확인: 번호와 유효기간")
    if record.workers:
        w = record.workers
        lines.append(f"    workers: {{paid: {w.paid}, vulnerable: {w.vulnerable}}}  # 확인: 4대 보험 명부와 대조")
    return "".join(f"# {line}\n" for line in lines)


def _quoted(value: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is YAML's): member text stays inert."""
    return json.dumps(value, ensure_ascii=False)
