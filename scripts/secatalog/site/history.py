"""When each source file last changed, from git: every page made from a member's file says
"최종 수정 YYYY-MM-DD", so a civil servant sees how fresh a fact is. One git call per build."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path


def last_changed(root: Path, folders: tuple[str, ...] = ("content", "casebook")) -> dict[str, date]:
    """Project-relative path -> date of the last commit that touched it (empty outside git)."""
    try:
        log = subprocess.run(
            ["git", "-C", str(root), "log", "--format=%x00%cs", "--name-only", "--no-renames", "--", *folders],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    prefix = _prefix(root)
    changed: dict[str, date] = {}
    when: date | None = None
    for line in log.splitlines():
        if line.startswith("\0"):
            when = date.fromisoformat(line[1:])
        elif line and when is not None and line.startswith(prefix):
            changed.setdefault(line.removeprefix(prefix), when)  # newest first: keep the first
    return changed


def _prefix(root: Path) -> str:
    """Where the project sits inside its repository ("" at the top), as git prints paths."""
    try:
        top = subprocess.run(
            ["git", "-C", str(root), "rev-parse", "--show-prefix"], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""
    return top
