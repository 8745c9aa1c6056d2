"""Small, exact repairs to markup that mkdocs-material emits and the Nu HTML Checker rejects,
and the bytes its templates repeat in every page (indentation, ASCII-escaped config)."""

from __future__ import annotations

import json
import re

from . import material

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


# material writes its page config as ASCII JSON: each Korean letter of its translations is six bytes.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def script_json(data) -> str:
    """Compact UTF-8 JSON for a <script> block: '<', '>' and '&' escaped so text can never close
    the element or open a comment."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_SAFE)


def _config(match: re.Match) -> str:
    return match.group(1) + script_json(json.loads(match.group(2))) + match.group(3)


def compact(html: str) -> str:
    html = material.CONFIG_SCRIPT.sub(_config, html, count=1)
    return _INDENT_OR_KEPT.sub(lambda m: m.group(0) if m.group(1) else "\n", html)
