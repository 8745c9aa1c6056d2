"""Small, exact repairs to markup that mkdocs-material emits and the Nu HTML Checker rejects,
and the indentation its templates leave in every page."""

from __future__ import annotations

import re

# <input type="checkbox" ... autocomplete="off">: autocomplete is not allowed on checkboxes.
_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
# <label ... tabindex="">: an empty tabindex is not an integer; the label is not focusable anyway.
_EMPTY_TABINDEX = re.compile(r'(<label\b[^>]*?)\s+tabindex=""')


def repair(html: str) -> str:
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    return _EMPTY_TABINDEX.sub(r"\1", html)


# Indentation after a line break is a fifth of a page's bytes (templates nest deeply); a line
# break alone renders the same. Preformatted text, form text and scripts keep theirs.
_INDENT_OR_KEPT = re.compile(r"<(pre|textarea|script)\b.*?</\1\s*>|\n\s+", re.S | re.I)


def compact(html: str) -> str:
    return _INDENT_OR_KEPT.sub(lambda m: m.group(0) if m.group(1) else "\n", html)
