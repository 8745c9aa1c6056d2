"""Output formats for problems: plain Korean lines, or GitHub workflow commands.

GitHub reads every line a step prints as a possible workflow command, so member data that
reaches an annotation is escaped exactly as the workflow-command syntax requires: `%`, CR and
LF in the message; those and `:` and `,` in properties (file names).
"""

from __future__ import annotations

import sys
from enum import StrEnum

from ..errors import Location, Problem


class Format(StrEnum):
    text = "text"
    github = "github"


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def workflow_command(kind: str, location: Location, message: str) -> str:
    props = [f"file={escape_property(location.path)}"]
    if location.line:
        props += [f"line={location.line}", f"col={location.col or 1}"]
    return f"::{kind} {','.join(props)}::{escape_data(message)}"


def emit(problems: list[Problem], fmt: Format) -> None:
    """Errors and warnings: annotations on stdout for GitHub, Korean lines on stderr otherwise."""
    for p in problems:
        if fmt is Format.github:
            subject = f"{p.field}: " if p.field else ""
            text = f"{subject}{p.message}" + (f" — {p.hint}" if p.hint else "")
            print(workflow_command("warning" if p.warning else "error", p.location, text))
        else:
            print(f"{'경고' if p.warning else '오류'} {p}", file=sys.stderr)
