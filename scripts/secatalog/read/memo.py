"""Entries an earlier build of this process loaded, reused while nothing they were made from
changed: what lets `secatalog serve` preview one edit in a national catalog in seconds.

An entry is reused when its folder's files (names, sizes, modification times) and the
catalog's configuration are as they were; its warnings are reported again and its identity
(name, business number) is checked against the others again, so a preview reports exactly
what a full load would. Entries with errors are never kept: they are read again every time.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Problem, Report
from ..model.catalog import EnterpriseEntry
from .photos import ProcessedPhoto
from .trust import identity_keys


def stamp(folder: Path) -> tuple:
    """Every file under folder with its size and modification time (empty if it is missing)."""
    found = []
    pending = [str(folder)]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as entries:
                for item in sorted(entries, key=lambda e: e.name):
                    if item.is_dir(follow_symlinks=False):
                        pending.append(item.path)
                    else:
                        st = item.stat(follow_symlinks=False)
                        found.append((item.path, st.st_size, st.st_mtime_ns))
        except OSError:
            continue
    return tuple(found)


@dataclass
class EntryMemo:
    context: object = None
    """What every entry was checked against (configuration stamp, build date, limits)."""
    entries: dict[Path, tuple[tuple, EnterpriseEntry, tuple[Problem, ...]]] = field(default_factory=dict)
    reread: set[str] = field(default_factory=set)
    """Slugs of the entries the last load read again (new, edited, or with problems)."""
    photos: dict[str, ProcessedPhoto] = field(default_factory=dict)
    """Photos the last build found in the cache, by content key (not looked up again)."""

    def start(self, context: object) -> None:
        """Begin a load; a changed configuration or date makes every kept entry stale."""
        if context != self.context:
            self.entries.clear()
            self.context = context
        self.reread = set()

    def reuse(self, folder: Path, now: tuple, seen: dict[str, str], report: Report) -> EnterpriseEntry | None:
        """The kept entry of folder if its stamp is still now and it claims no identity already seen."""
        kept = self.entries.get(folder)
        if kept is None or kept[0] != now:
            return None
        _, entry, problems = kept
        keys = [key for key, _, _ in identity_keys(entry.record)]
        if any(key in seen for key in keys):
            return None  # read it again: the full check names the clash at its line
        for key in keys:
            seen[key] = entry.shown
        for problem in problems:
            report.add(problem)
        return entry

    def keep(self, folder: Path, before: tuple, entry: EnterpriseEntry | None, report: Report) -> None:
        """Remember an entry read afresh; before is its folder's stamp from before the reading."""
        self.reread.add(folder.name)
        if entry is None or report.errors:
            self.entries.pop(folder, None)
        else:
            self.entries[folder] = (before, entry, tuple(report.problems))
