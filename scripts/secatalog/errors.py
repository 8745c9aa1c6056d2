"""Content problems with their location, collected before anything is written."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Location:
    """Where a problem is: a file, and a 1-based line and column when known."""

    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.col or 1}"
        return self.path


@dataclass(frozen=True, order=True)
class Problem:
    """One error or warning, phrased for a non-technical member, in Korean."""

    location: Location
    message: str
    hint: str = ""
    field: str = ""
    warning: bool = False

    def __str__(self) -> str:
        subject = f"{self.field}: " if self.field else ""
        text = f"{self.location}: {subject}{self.message}"
        return f"{text} — {self.hint}" if self.hint else text


@dataclass
class Report:
    """Collects problems from every stage so that all of them are shown in one run."""

    problems: list[Problem] = field(default_factory=list)
    _seen: set[Problem] = field(default_factory=set, repr=False, compare=False)
    """What problems holds, for the duplicate check (a list scan made 10,000 warnings quadratic)."""

    def error(self, location: Location, message: str, hint: str = "", field: str = "") -> None:
        self.add(Problem(location, message, hint, field))

    def warn(self, location: Location, message: str, hint: str = "", field: str = "") -> None:
        self.add(Problem(location, message, hint, field, warning=True))

    def add(self, problem: Problem) -> None:
        if problem not in self._seen:  # two checks may notice the same thing
            self._seen.add(problem)
            self.problems.append(problem)

    def extend(self, other: Report) -> None:
        for problem in other.problems:
            self.add(problem)

    @property
    def errors(self) -> list[Problem]:
        return sorted(p for p in self.problems if not p.warning)

    @property
    def warnings(self) -> list[Problem]:
        return sorted(p for p in self.problems if p.warning)

    def raise_if_errors(self) -> None:
        if self.errors:
            raise ContentError(self)


class ContentError(Exception):
    """Raised once, after every input was read, when content has errors."""

    def __init__(self, report: Report) -> None:
        self.report = report
        super().__init__(f"{len(report.errors)}개의 오류")


class PrintError(Exception):
    """A print edition that could not be made (a chunk that failed or timed out, a font that could
    not be subset), named so the secretariat knows where to look. What was built before stays."""


def relpath(path: Path, root: Path) -> str:
    """Show paths relative to the project, as members see them; links are not followed."""
    try:
        return Path(os.path.abspath(path)).relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
