"""Turn member Markdown into sanitized HTML, and format values for display."""

from __future__ import annotations

import functools
import re

import markdown
import nh3
from markupsafe import Markup

NEGOTIABLE = "협의"
"""A price a member leaves to agree on with the buyer."""


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


# Limits that keep Python-Markdown fast and its recursion shallow: link parsing is quadratic in
# the number of '[' (5,000 of them take 9 s), and each nested block is a level of recursion.
MAX_BRACKETS = 300
MAX_NESTING = 10
_BLOCK_PREFIX = re.compile(r"(?:[-*+]|\d{1,9}[.)]|>)[ \t]+|>")


class MarkdownProblem(ValueError):
    """Member Markdown that cannot be rendered, with a Korean message and fix."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def _nesting(line: str) -> int:
    stripped = line.lstrip(" \t")
    depth = (len(line) - len(stripped)) // 4
    pos = 0
    while match := _BLOCK_PREFIX.match(stripped, pos):
        depth, pos = depth + 1, match.end()
    return depth


def _new_markdown() -> markdown.Markdown:
    return markdown.Markdown(extensions=["sane_lists"], output_format="html")


_MARKDOWN = _new_markdown()


def check_markdown(text: str) -> None:
    """Raise MarkdownProblem for text that would be slow or too deep to render, or fails to."""
    if text.count("[") > MAX_BRACKETS:
        raise MarkdownProblem(
            f"대괄호([)가 너무 많습니다 ({text.count('[')}개, 최대 {MAX_BRACKETS}개)",
            "링크 몇 개만 남기고 나머지 대괄호를 지우세요",
        )
    deepest = max((_nesting(line) for line in text.splitlines()), default=0)
    if deepest > MAX_NESTING:
        raise MarkdownProblem(
            f"목록이나 인용이 너무 깊게 겹쳐 있습니다 ({deepest}단계, 최대 {MAX_NESTING}단계)",
            "줄 앞의 '-', '>', 들여쓰기를 줄여 목록을 단순하게 쓰세요",
        )
    render_markdown(text)


@functools.lru_cache(maxsize=65536)
def render_markdown(text: str) -> Markup:
    """Markdown with a small allowlist: no raw HTML, no images, only safe link schemes.

    Results are remembered: validation renders every text once, and pages and PDFs reuse it.
    """
    global _MARKDOWN
    if not text:
        return Markup("")
    try:
        html = _MARKDOWN.reset().convert(_loosen_lists(text))
    except Exception as exc:  # never leave a half-reset parser for the next page (serve)
        _MARKDOWN = _new_markdown()
        raise MarkdownProblem(
            "마크다운으로 읽을 수 없는 글입니다", "특수 문자와 목록 기호를 줄여 평범한 문장으로 쓰세요"
        ) from exc
    clean = nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRS,
        url_schemes=_SCHEMES,
        link_rel="nofollow noopener noreferrer",
        strip_comments=True,
    )
    return Markup(clean)


def won(value: int | str) -> str:
    """12000 -> '12,000원'; the negotiable marker stays as it is."""
    if value == NEGOTIABLE or not isinstance(value, int):
        return "가격 협의"
    return f"{value:,}원"


def won_short(value: int) -> str:
    """189900000 -> '1억 8,990만원': a sum told as one says it (a card's or a headline's figure);
    below 10,000 won as it is."""
    if value < 10_000:
        return won(value)
    eok, man = divmod(value // 10_000, 10_000)
    parts = ([f"{eok:,}억"] if eok else []) + ([f"{man:,}만"] if man else [])
    return " ".join(parts) + "원"


def priced(thing, sep: str = " / ") -> str:
    """A product's or bundle's price with its unit ("28,000원 / 5kg"), the one rule every page,
    book, card and export follows: a unit only beside an amount ("가격 협의", never "가격 협의 / 1개").
    sep is "/" where a narrow cell must keep price and unit on one line."""
    unit = f"{sep}{thing.unit}" if thing.unit and isinstance(thing.price, int) else ""
    return won(thing.price) + unit


def share(total: int, part: int, counter: str) -> str:
    """'3가지 모두' or '3가지 중 2가지': how many of a whole are meant ('3가지 중 3가지' read oddly)."""
    return f"{total}{counter} 모두" if part == total else f"{total}{counter} 중 {part}{counter}"


def months_text(months: list[int] | tuple[int, ...]) -> str:
    """[12, 1, 2, 3] -> '12월~3월'; [3, 4, 5, 9] -> '3월~5월, 9월': runs read around the new year."""
    chosen = set(months)
    if not chosen or len(chosen) == 12:
        return "연중"
    # In calendar order, except that a season across the new year (…12월~1월…) is one run.
    start = 1
    if 1 in chosen and 12 in chosen:
        start = 12
        while start - 1 in chosen:
            start -= 1
    order = [(start - 1 + i) % 12 + 1 for i in range(12)]
    runs: list[list[int]] = []
    for month in order:
        if month in chosen and runs and runs[-1][-1] == (month - 2) % 12 + 1:
            runs[-1].append(month)
        elif month in chosen:
            runs.append([month])
    return ", ".join(f"{r[0]}월" if len(r) == 1 else f"{r[0]}월~{r[-1]}월" for r in runs)


def season_text(product) -> str:
    """When a product sells: its months and the member's note on them. A note that names the
    months itself stands alone, and a note with brackets of its own is not put in brackets:
    "11월~2월 (김장철(11월~2월)에만 판매)" said the months twice, brackets in brackets."""
    months = months_text(product.months)
    note = (product.season_note or "").strip()
    if not note:
        return months
    if months in note:
        return note
    return f"{months} · {note}" if "(" in note else f"{months} ({note})"


SHORT_ASIDE = re.compile(r"\((?=[^()<>\n]{1,12}\))[^()<>\n]*[\s\u3300-\u33ff][^()<>\n]*\)")
"""A short aside in brackets with a space or a unit sign in it, "(330㎡ 기준)" or "(기준 30% 이상)":
one piece, never "(330" and "㎡ 기준)" or "30%" and "이상)" (a no-break space kept the words but not
the unit sign, which may start a line). "(예시)" breaks nowhere anyway and is left as it is."""


def keep_asides(text: str) -> str:
    """Text (no tags in it) with its short asides as unbreakable spans (.sc-nowrap, on the site and
    in print)."""
    return SHORT_ASIDE.sub(lambda m: f'<span class="sc-nowrap">{m.group(0)}</span>', text)
