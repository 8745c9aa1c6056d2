"""Small, exact repairs to markup that mkdocs-material emits and the Nu HTML Checker rejects,
and the bytes its templates repeat in every page (indentation, ASCII-escaped config)."""

from __future__ import annotations

import json
import re

from ..markup import keep_asides
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


# Text a phone must not break: a separator between list items (" · ") never starts a line (a cell
# read "(회원 신고" and then "· 사무국 미확인"), so a no-break space goes before it; a date or a phone
# number is never split at its hyphens ("(2027-03-" / "01까지)"), so it is marked as one (.sc-date,
# .sc-tel: white-space: nowrap); a short aside in brackets keeps together. Only text in the body is
# changed: tags (and so attribute values), the head, scripts, styles, form text and option labels
# are kept as they are.
_KEPT = re.compile(r"<(script|style|textarea|pre|title|option|svg)\b.*?</\1\s*>|<[^>]*>|([^<]+)", re.S | re.I)
_IN_TEXT = re.compile(r"(?<![\d-])(\d{4}-\d{2}-\d{2}|0\d{1,3}-\d{3,4}-\d{4})(?![\d-])|\s+·(?=\s)")


def _in_text(match: re.Match) -> str:
    if match.group(1) is None:
        return "\u00a0·"
    kind = "sc-tel" if match.group(1).startswith("0") else "sc-date"
    return f'<span class="{kind}">{match.group(1)}</span>'


def _text(match: re.Match) -> str:
    text = match.group(2)
    return keep_asides(_IN_TEXT.sub(_in_text, text)) if text is not None else match.group(0)


def unbreakable(html: str) -> str:
    """The page's body text with separators, dates and phone numbers kept whole (see above)."""
    start = html.find("<body")
    start = html.find(">", start) + 1 if start >= 0 else 0
    return html[:start] + _KEPT.sub(_text, html[start:]) if start else html
