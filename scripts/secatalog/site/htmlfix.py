"""Small, exact repairs to markup that mkdocs-material emits and the Nu HTML Checker rejects."""

from __future__ import annotations

import re

# <input type="checkbox" ... autocomplete="off">: autocomplete is not allowed on checkboxes.
_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
# <label ... tabindex="">: an empty tabindex is not an integer; the label is not focusable anyway.
_EMPTY_TABINDEX = re.compile(r'(<label\b[^>]*?)\s+tabindex=""')


def repair(html: str) -> str:
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    return _EMPTY_TABINDEX.sub(r"\1", html)
