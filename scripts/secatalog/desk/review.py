"""The pull-request job summary for the secretariat: every changed file with its verdict, every
changed entry field by field (before and after), and where to get the preview.

It reads the PR checkout as data through git (owners.py), like the ownership check, and must
run from trusted code: YAML is parsed with the strict loader (no aliases, duplicate keys
refused), and every value reaches the Markdown escaped."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import Report
from ..model.entries import Enterprise, Product
from ..model.fieldinfo import label as field_title
from ..read.documents import parse_yaml
from .owners import ENTRIES, ENTRY_FILE, STATUS_KO, VERIFIED_FILE, Verdict, entry_slug, show_blob
from .verify import md

CONFIRMED = ("name", "org_type", "business_number", "certifications", "workers")
MAX_VALUE = 200


@dataclass(frozen=True)
class FieldChange:
    path: str
    label: str
    before: str
    after: str


def read_entry(revision: str, path: str, cwd: str) -> dict[str, Any]:
    """An entry at a revision as plain data; {} when absent or unreadable (check reports why)."""
    text = show_blob(revision, path, cwd)
    doc = parse_yaml(text, Path(path), path, Report()) if text else None
    return doc.data if doc is not None and isinstance(doc.data, dict) else {}


def flatten(data: Any, prefix: str = "") -> dict[str, str]:
    """Leaves by dotted path; list items with an id are named by it, so an insertion shifts nothing."""
    out: dict[str, str] = {}
    if isinstance(data, dict):
        for key, value in data.items():
            out.update(flatten(value, f"{prefix}.{key}" if prefix else str(key)))
    elif isinstance(data, list) and data and all(isinstance(v, dict) and "id" in v for v in data):
        for value in data:
            out.update(flatten(value, f"{prefix}[{value['id']}]"))
    elif isinstance(data, list) and any(isinstance(v, dict | list) for v in data):
        for i, value in enumerate(data):
            out.update(flatten(value, f"{prefix}[{i + 1}]"))
    else:
        text = ", ".join(map(str, data)) if isinstance(data, list) else "" if data is None else str(data)
        out[prefix] = text if len(text) <= MAX_VALUE else text[:MAX_VALUE] + "…"
    return out


_TOP = {name: (f.description or name).split(" (")[0] for name, f in Enterprise.model_fields.items()}


def label(path: str) -> str:
    """A Korean name for a field path: 'products[bread].price' -> "제품 'bread'의 가격"."""
    product = re.match(r"products\[([^\]]+)\]\.?([a-z_]*)", path)
    if product:
        field = field_title(Product, product.group(2)) if product.group(2) else "제품 전체"
        return f"제품 '{product.group(1)}'의 {field}"
    return _TOP.get(re.split(r"[.\[]", path)[0], "")


def field_changes(before: dict[str, Any], after: dict[str, Any]) -> list[FieldChange]:
    old, new = flatten(before), flatten(after)
    return [
        FieldChange(path, label(path), old.get(path, ""), new.get(path, ""))
        for path in sorted(old.keys() | new.keys())
        if old.get(path) != new.get(path)
    ]


def summary(verdicts: list[Verdict], base: str, cwd: str, preview: str) -> str:
    """The Korean Markdown job summary of one pull request."""
    refused = [v for v in verdicts if not v.accepted]
    out = ["## 풀 리퀘스트 검토 (사무국)", ""]
    out.append(
        f"미리보기: [이 실행의 미리보기 사이트 받기]({preview}) — 압축을 풀고 `index.html`을 여세요."
        if preview
        else "미리보기: 이 실행의 Artifacts에서 미리보기 사이트를 받으세요."
    )
    verdict = f"거절 {len(refused)}개" if refused else "모두 수락"
    out += ["", f"### 바뀐 파일 {len(verdicts)}개 ({verdict})", ""]
    out += ["| 판정 | 파일 | 바뀜 | 이유 |", "|---|---|---|---|"]
    for v in verdicts:
        status = STATUS_KO.get(v.change.status, v.change.status)
        out.append(f"| {'수락' if v.accepted else '거절'} | {md(v.change.path)} | {status} | {md(v.reason)} |")
    verified_before = read_entry(base, VERIFIED_FILE, cwd).get("enterprises") or {}
    verified_after = read_entry("HEAD", VERIFIED_FILE, cwd).get("enterprises") or {}
    for slug in sorted({s for s in (entry_slug(v.change.path) for v in verdicts) if s}):
        path = "/".join((*ENTRIES, slug, ENTRY_FILE))
        before, after = read_entry(base, path, cwd), read_entry("HEAD", path, cwd)
        out += _entry_section(slug, before, after, isinstance(verified_after, dict) and slug in verified_after)
    if any(v.change.path == VERIFIED_FILE for v in verdicts):
        out += ["", "### 사무국 확인 기록 (catalog/verified.yml)", ""]
        out += _table(field_changes(_as_dict(verified_before), _as_dict(verified_after)), with_label=False)
    return "\n".join(out) + "\n"


def _as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _entry_section(slug: str, before: dict[str, Any], after: dict[str, Any], confirmed: bool) -> list[str]:
    name = str(after.get("name") or before.get("name") or slug)
    kind = "새 항목" if not before else "항목 삭제" if not after else "항목 수정"
    changes = field_changes(before, after)
    out = ["", f"### {md(name)} ({md(slug)}) — {kind}", ""]
    touched = sorted({c.path.split(".")[0].split("[")[0] for c in changes} & set(CONFIRMED))
    if confirmed and touched:
        out += [
            f"**사무국 확인 기록이 있는 사실이 바뀌었습니다 ({', '.join(touched)})**: 공식 자료와 대조해 "
            "catalog/verified.yml을 고친 뒤 병합하세요. 그때까지 이 기업은 '수의계약 확인 중'입니다.",
            "",
        ]
    return out + (_table(changes) if changes else ["바뀐 항목이 없습니다 (사진 등 다른 파일만 바뀜)."])


def _table(changes: list[FieldChange], with_label: bool = True) -> list[str]:
    head = ["| 항목 | 뜻 | 전 | 후 |", "|---|---|---|---|"] if with_label else ["| 항목 | 전 | 후 |", "|---|---|---|"]
    rows = []
    for c in changes:
        cells = [md(c.path), *([md(c.label)] if with_label else []), md(c.before) or "(없음)", md(c.after) or "(없음)"]
        rows.append("| " + " | ".join(cells) + " |")
    return head + rows
