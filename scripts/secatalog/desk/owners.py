"""Who may change what in a pull request: members their own entry, the secretariat the rest.

The change list comes from git itself (every change type, both sides of a rename, paths read
NUL-separated so Korean names arrive unescaped), and who owns what is read from the base
revision: a pull request cannot grant itself rights, and when the base cannot be read the
answer is no (fail closed). This module must run from trusted code, never the PR's own.
"""

from __future__ import annotations

import shlex
import subprocess
import unicodedata
from dataclasses import dataclass, field
from pathlib import PurePosixPath

import yaml

from ..korean import josa, quoted

ENTRIES = ("content", "enterprises")
ENTRY_FILE = "enterprise.yml"
CATALOG_FILE = "catalog/catalog.yml"
VERIFIED_FILE = "catalog/verified.yml"
# Paths a build makes: never part of a pull request, whoever sends it.
GENERATED_TOP = {".cache", "site", "preview", ".venv", "node_modules"}
GENERATED_ANY = {".cache", "__pycache__"}
SYMLINK_MODE, SUBMODULE_MODE = "120000", "160000"
MAX_ENTRY_BYTES = 512 * 1024
MAX_VERIFIED_BYTES = 16 * 1024 * 1024  # one record per enterprise (trust.VERIFIED_MAX_BYTES)

OUTSIDE = "기업 폴더(content/enterprises/<기업>/) 밖의 파일은 사무국만 바꿀 수 있습니다"
DELETED_ENTRY = "기업 항목을 지우거나 폴더 이름을 바꾸는 일은 사무국만 할 수 있습니다 — 사무국에 요청하세요"
GENERATED = "빌드가 만드는 파일(캐시·결과물)은 저장소에 올릴 수 없습니다 — 이 파일을 빼고 다시 올리세요"
NOT_A_FILE = "심볼릭 링크나 하위 모듈은 올릴 수 없습니다 — 실제 파일을 올리세요"
BAD_PATH = "파일 경로가 올바르지 않습니다"
NFD_NAME = "파일 이름이 NFD(맥 방식) 한글입니다 — 파일 이름을 다시 입력해 저장하거나 영문 소문자로 바꾸세요"
NOT_UTF8 = "파일 이름이 UTF-8이 아닙니다 — 파일 이름을 다시 입력해 저장하세요"


class BaseUnreadable(Exception):
    """The base revision (or the secretariat list in it) cannot be read: refuse everything."""


@dataclass(frozen=True)
class Change:
    """One side of one change in the pull request, as git reports it."""

    status: str  # A added, C copied, M modified, D deleted, T type changed (renames come as D + A)
    path: str
    mode: str  # the new mode; "000000" for a deletion

    @property
    def deleted(self) -> bool:
        return self.status == "D"


@dataclass(frozen=True)
class Refusal:
    path: str
    message: str


@dataclass(frozen=True)
class Facts:
    """What the base revision says, and what the PR proposes for entries new at the base."""

    secretariat: frozenset[str]
    maintainers_at_base: dict[str, list[str]]  # entries that exist at the base
    folders_at_base: frozenset[str]  # every slug with any file at the base
    maintainers_proposed: dict[str, list[str]]  # new entries, as the PR writes them
    confirmed_at_base: frozenset[str] = frozenset()  # slugs with a record in catalog/verified.yml
    names_at_base: dict[str, str] = field(default_factory=dict)  # entries' names, for messages
    base: str = ""  # the base revision, for how to undo a change


def entry_slug(path: str) -> str | None:
    """'content/enterprises/<slug>/...' -> slug; None for anything else."""
    parts = PurePosixPath(path).parts
    if len(parts) >= 4 and parts[:2] == ENTRIES:
        return parts[2]
    return None


# --- the rule (pure) ------------------------------------------------------------------------


def decide(changes: list[Change], author: str, facts: Facts) -> list[Refusal]:
    """Decide every change; an empty list means the pull request may be merged."""
    who = author.casefold()
    staff = who in facts.secretariat
    refusals = []
    for change in changes:
        message = _path_problem(change) or ("" if staff else _member_problem(change, who, facts))
        if message:
            refusals.append(Refusal(change.path, message))
    return refusals


def _path_problem(change: Change) -> str:
    """Problems of the path itself, refused whoever sends them."""
    path = change.path
    parts = PurePosixPath(path).parts
    if "\ufffd" in path:
        return NOT_UTF8
    if not parts or "\x00" in path or path.startswith("/") or ".." in parts:
        return BAD_PATH
    if path != unicodedata.normalize("NFC", path):
        return NFD_NAME
    if not change.deleted and (parts[0] in GENERATED_TOP or GENERATED_ANY & set(parts)):
        return GENERATED
    return ""


def _member_problem(change: Change, who: str, facts: Facts) -> str:
    slug = entry_slug(change.path)
    parts = PurePosixPath(change.path).parts
    if slug is None or any(p.startswith(".") for p in parts):
        return OUTSIDE
    if change.mode in (SYMLINK_MODE, SUBMODULE_MODE):
        return NOT_A_FILE
    owners = facts.maintainers_at_base.get(slug)
    if owners is not None:
        if who not in {o.casefold() for o in owners}:
            return _not_yours(change, slug, owners, facts)
        if change.deleted and parts[3:] == (ENTRY_FILE,):
            return DELETED_ENTRY
        return ""
    if change.deleted or slug in facts.folders_at_base:
        # Files of a folder without an entry at the base: nobody's, so the secretariat's.
        return OUTSIDE
    if slug in facts.confirmed_at_base:
        return (
            f"'{slug}'에는 사무국 확인 기록이 남아 있어 사무국만 이 이름으로 항목을 만들 수 있습니다 — "
            "다른 폴더 이름을 쓰거나 사무국에 요청하세요"
        )
    proposed = facts.maintainers_proposed.get(slug, [])
    if who not in {o.casefold() for o in proposed}:
        return (
            f"새 항목 '{slug}'의 maintainers에 올린 사람({who})이 없습니다 — "
            f"{'/'.join(ENTRIES)}/{slug}/{ENTRY_FILE}의 maintainers에 자기 GitHub 아이디를 넣으세요"
        )
    return ""


def _not_yours(change: Change, slug: str, owners: list[str], facts: Facts) -> str:
    """Another enterprise's file, mostly changed by mistake: whose it is and how to undo it."""
    names = ", ".join(owners) or "지정된 관리자 없음"
    whose = facts.names_at_base.get(slug)
    base = facts.base or "origin/main"
    return (
        f"'{slug}' 항목은 관리자({names})만 바꿀 수 있습니다 — "
        + (f"'{whose}'의 파일입니다. " if whose else "다른 기업의 파일입니다. ")
        # The path as one inert, quoted word: a forged name cannot break the line or the command.
        + f"실수로 바꿨다면 되돌리세요: git checkout {base} -- {shlex.quote(printable(change.path))} "
        "를 실행해 커밋하거나, "
        "GitHub 웹에서 고쳤다면 이 PR을 닫고(Close pull request) 우리 기업 폴더만 고쳐 새로 올리세요. "
        "일부러 고친 것이면 사무국에 요청하세요"
    )


def name_in(text: str) -> str:
    """An enterprise.yml's name, read leniently (for messages only)."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return ""
    value = data.get("name") if isinstance(data, dict) else None
    return str(value) if isinstance(value, (str, int)) else ""


# --- reading git (fail closed) ----------------------------------------------------------------


def _git(cwd: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd=cwd, capture_output=True)


def resolve(revision: str, cwd: str) -> str:
    found = _git(cwd, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}")
    if found.returncode != 0 or not revision:
        raise BaseUnreadable(
            f"기준 리비전 {josa(quoted(revision), '을')} 찾을 수 없어 확인할 수 없습니다 — "
            "저장소를 전체 기록과 함께 받았는지(fetch-depth: 0), --base 값이 맞는지 확인하세요"
        )
    return found.stdout.decode().strip()


def changes_since(base: str, cwd: str) -> list[Change]:
    """Every change from the merge base of base and HEAD to HEAD; renames split into D + A."""
    diff = _git(cwd, "diff", "--raw", "-z", "--no-renames", "--no-ext-diff", "--no-textconv", f"{base}...HEAD", "--")
    if diff.returncode != 0:
        raise BaseUnreadable("바뀐 파일 목록을 만들 수 없습니다: " + diff.stderr.decode("utf-8", "replace").strip())
    fields = diff.stdout.split(b"\x00")
    out = []
    for meta, raw in zip(fields[0::2], fields[1::2], strict=False):
        if not meta.startswith(b":"):
            continue
        _, new_mode, _, _, status = meta[1:].decode().split(" ")
        out.append(Change(status[0], raw.decode("utf-8", "replace"), new_mode))
    return out


def show_blob(revision: str, path: str, cwd: str) -> str | None:
    """A file's text at a revision; None when absent or larger than such a file may be."""
    shown = _git(cwd, "cat-file", "blob", f"{revision}:{path}")
    limit = MAX_VERIFIED_BYTES if path == VERIFIED_FILE else MAX_ENTRY_BYTES
    if shown.returncode != 0 or len(shown.stdout) > limit:
        return None
    return shown.stdout.decode("utf-8", "replace")


def maintainers_in(text: str) -> list[str]:
    """Read the maintainers list of an enterprise.yml leniently (it is validated elsewhere)."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return []
    value = data.get("maintainers") if isinstance(data, dict) else None
    return [str(v) for v in value] if isinstance(value, list) else []


def secretariat_in(text: str | None) -> frozenset[str]:
    try:
        data = yaml.safe_load(text or "")
        handles = data["network"].get("secretariat") or []
        return frozenset(str(h).casefold() for h in handles)
    except (yaml.YAMLError, TypeError, KeyError, AttributeError):
        raise BaseUnreadable(
            f"기준 리비전의 {CATALOG_FILE}에서 사무국 명단을 읽을 수 없어 확인할 수 없습니다 — 사무국에 알려 주세요"
        ) from None


def confirmed_in(text: str | None) -> frozenset[str]:
    """Slugs the secretariat's confirmation file names (leniently: it is validated by check)."""
    try:
        data = yaml.safe_load(text or "") or {}
        return frozenset(str(slug) for slug in (data.get("enterprises") or {}))
    except (yaml.YAMLError, AttributeError, TypeError):
        return frozenset()


def gather(base: str, changes: list[Change], cwd: str) -> Facts:
    """Read ownership facts: maintainers and secretariat from the base, new entries from HEAD."""
    secretariat = secretariat_in(show_blob(base, CATALOG_FILE, cwd))
    slugs = {s for s in (entry_slug(c.path) for c in changes) if s}
    at_base, folders, proposed, names = {}, set(), {}, {}
    for slug in sorted(slugs):
        folder = "/".join((*ENTRIES, slug))
        text = show_blob(base, f"{folder}/{ENTRY_FILE}", cwd)
        if text is not None:
            at_base[slug] = maintainers_in(text)
            names[slug] = name_in(text)
        if _git(cwd, "ls-tree", "--name-only", base, f"{folder}/").stdout.strip():
            folders.add(slug)
        new = show_blob("HEAD", f"{folder}/{ENTRY_FILE}", cwd)
        if new is not None:
            proposed[slug] = maintainers_in(new)
    confirmed = confirmed_in(show_blob(base, VERIFIED_FILE, cwd))
    return Facts(secretariat, at_base, frozenset(folders), proposed, confirmed, names, base)


@dataclass(frozen=True)
class Verdict:
    """One changed file, accepted or refused, and why: what the reviewer reads."""

    change: Change
    accepted: bool
    reason: str


STATUS_KO = {"A": "추가", "C": "복사", "M": "수정", "D": "삭제", "T": "종류 바뀜"}


def verdicts(changes: list[Change], author: str, facts: Facts) -> list[Verdict]:
    """Every change with its verdict: decide() on each, and for the accepted the right used."""
    who = author.casefold()
    out = []
    for change in changes:
        refusal = decide([change], author, facts)
        if refusal:
            out.append(Verdict(change, False, refusal[0].message))
            continue
        slug = entry_slug(change.path)
        if who in facts.secretariat:
            reason = "사무국이 바꾼 파일"
        elif slug in facts.maintainers_at_base:
            reason = f"'{slug}' 항목의 관리자({author})가 바꾼 파일"
        else:
            reason = f"새 항목 '{slug}': maintainers에 올린 사람({author})이 있습니다"
        out.append(Verdict(change, True, reason))
    return out


def review_pull_request(base: str, author: str, cwd: str) -> list[Verdict]:
    """Every changed file of the PR checked out in cwd with its verdict; raises BaseUnreadable."""
    resolved = resolve(base, cwd)
    changes = changes_since(resolved, cwd)
    return verdicts(changes, author, gather(resolved, changes, cwd))


def printable(path: str) -> str:
    """A path as one inert line: control characters (a forged newline) written as escapes."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in path)


def codeowners(entries: dict[str, list[str]], secretariat: list[str]) -> str:
    """A CODEOWNERS file: the secretariat owns everything, each member its entry."""
    staff = " ".join(f"@{s}" for s in secretariat)
    lines = ["# 자동 생성: secatalog codeowners. 직접 고치지 마세요.", f"* {staff}".rstrip()]
    for slug, handles in sorted(entries.items()):
        owners = " ".join(f"@{h}" for h in handles)
        lines.append(f"/content/enterprises/{slug}/ {owners} {staff}".rstrip())
    return "\n".join(lines) + "\n"
