"""Who may change what in a pull request: members their own entry, the secretariat the rest.

Maintainers are read from the base revision, so a pull request cannot grant itself rights
by adding its author to someone else's entry. A new entry belongs to whoever it names.
"""

from __future__ import annotations

import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import PurePosixPath

import yaml

ENTRIES = ("content", "enterprises")
OUTSIDE = "기업 폴더(content/enterprises/<기업>/) 밖의 파일은 사무국만 바꿀 수 있습니다"


@dataclass(frozen=True)
class Refusal:
    path: str
    message: str


def entry_slug(path: str) -> str | None:
    """'content/enterprises/<slug>/...' -> slug; None for anything else."""
    parts = PurePosixPath(path).parts
    if len(parts) >= 4 and parts[:2] == ENTRIES:
        return parts[2]
    return None


def check_changes(paths: list[str], author: str, maintainers_at_base: dict[str, list[str]],
                  maintainers_proposed: dict[str, list[str]], secretariat: list[str]) -> list[Refusal]:
    """Decide every changed path; an empty list means the pull request may be merged."""
    author_key = author.casefold()
    staff = {s.casefold() for s in secretariat}
    if author_key in staff:
        return []
    refusals = []
    for path in paths:
        problem = _path_problem(path)
        if problem:
            refusals.append(Refusal(path, problem))
            continue
        slug = entry_slug(path)
        if slug is None:
            refusals.append(Refusal(path, OUTSIDE))
            continue
        owners = maintainers_at_base.get(slug)
        if owners is None:  # a new entry: it must name its author
            owners = maintainers_proposed.get(slug, [])
        if author_key not in {o.casefold() for o in owners}:
            names = ", ".join(owners) or "지정된 관리자 없음"
            refusals.append(Refusal(path, f"'{slug}' 항목은 관리자({names})만 바꿀 수 있습니다. "
                                          "우리 기업 폴더만 고치거나, 사무국에 요청하세요"))
    return refusals


def _path_problem(path: str) -> str:
    if "\x00" in path or path.startswith("/") or ".." in PurePosixPath(path).parts:
        return "파일 경로가 올바르지 않습니다"
    if path != unicodedata.normalize("NFC", path):
        return "파일 이름이 NFD(맥 방식) 한글입니다. 영문 소문자로 바꾸세요"
    return ""


def maintainers_in(text: str) -> list[str]:
    """Read the maintainers list of an enterprise.yml leniently (it is validated elsewhere)."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return []
    value = data.get("maintainers") if isinstance(data, dict) else None
    return [str(v) for v in value] if isinstance(value, list) else []


def maintainers_at(revision: str, slugs: set[str], cwd: str = ".") -> dict[str, list[str]]:
    """Maintainers of entries as they are at a git revision; entries missing there are left out."""
    found = {}
    for slug in sorted(slugs):
        result = subprocess.run(["git", "show", f"{revision}:content/enterprises/{slug}/enterprise.yml"],
                                cwd=cwd, capture_output=True, text=True)
        if result.returncode == 0:
            found[slug] = maintainers_in(result.stdout)
    return found


def codeowners(entries: dict[str, list[str]], secretariat: list[str]) -> str:
    """A CODEOWNERS file: the secretariat owns everything, each member its entry."""
    staff = " ".join(f"@{s}" for s in secretariat)
    lines = ["# 자동 생성: secatalog codeowners. 직접 고치지 마세요.", f"* {staff}".rstrip()]
    for slug, handles in sorted(entries.items()):
        owners = " ".join(f"@{h}" for h in handles)
        lines.append(f"/content/enterprises/{slug}/ {owners} {staff}".rstrip())
    return "\n".join(lines) + "\n"
