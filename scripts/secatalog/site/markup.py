"""Turn member Markdown into sanitized HTML, and format values for display."""

from __future__ import annotations

import re

import markdown
import nh3
from markupsafe import Markup

from ..fields import NEGOTIABLE

_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "code", "h3", "h4"}
_ATTRS = {"a": {"href", "title"}}
_SCHEMES = {"http", "https", "mailto", "tel"}


_LIST_LINE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


def _loosen_lists(text: str) -> str:
    """Members start lists right under a sentence; Markdown needs a blank line there."""
    out: list[str] = []
    for line in text.splitlines():
        if _LIST_LINE.match(line) and out and out[-1].strip() and not _LIST_LINE.match(out[-1]):
            out.append("")
        out.append(line)
    return "\n".join(out)


_MARKDOWN = markdown.Markdown(extensions=["sane_lists"], output_format="html")


def render_markdown(text: str) -> Markup:
    """Markdown with a small allowlist: no raw HTML, no images, only safe link schemes."""
    if not text:
        return Markup("")
    html = _MARKDOWN.reset().convert(_loosen_lists(text))
    clean = nh3.clean(html, tags=_TAGS, attributes=_ATTRS, url_schemes=_SCHEMES,
                      link_rel="nofollow noopener noreferrer", strip_comments=True)
    return Markup(clean)


def won(value: int | str) -> str:
    """12000 -> '12,000원'; the negotiable marker stays as it is."""
    if value == NEGOTIABLE or not isinstance(value, int):
        return "가격 협의"
    return f"{value:,}원"


def months_text(months: list[int] | tuple[int, ...]) -> str:
    if not months or len(set(months)) == 12:
        return "연중"
    return ", ".join(f"{m}월" for m in sorted(set(months)))
