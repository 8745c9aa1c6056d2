"""Text measured before it is drawn, so no printed box cuts a word.

Pages are planned before WeasyPrint runs (plan.py), so a table whose rows may wrap needs each
row's height in advance, and a card's title needs a font size at which its longest word fits.
Widths are the advances of Noto Sans CJK KR (the print font), rounded up, in em; a line breaks
only between words (keep_words joins Hangul syllables), and a word wider than its box breaks
inside (overflow-wrap: break-word), which counts as extra lines here.
"""

from __future__ import annotations

import math
import re

PT_MM = 25.4 / 72
SAFETY = 1.04
"""Bold faces and kerning differ a little from the regular advances below: measure wide."""

_NARROW = {" ": 0.23, ",": 0.28, ".": 0.28, ":": 0.28, ";": 0.28, "'": 0.23, '"': 0.4, "!": 0.3, "|": 0.25}
_NARROW.update({"\u00a0": 0.23, "(": 0.34, ")": 0.34, "[": 0.34, "]": 0.34, "/": 0.4, "-": 0.35, "·": 0.57, "~": 0.56})
_WIDE = {"@": 0.95, "%": 0.9}
_LETTERS = dict(
    zip(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
        (
            608, 657, 638, 688, 589, 552, 689, 728, 293, 535, 646, 543, 812, 723, 742, 633, 742, 635, 596,
            599, 721, 575, 878, 573, 531, 603,
            563, 618, 510, 620, 554, 325, 564, 607, 275, 275, 552, 284, 926, 610, 606, 620, 620, 388, 468,
            377, 607, 521, 802, 498, 521, 475,
        ),
        strict=True,
    )
)  # fmt: skip
"""Latin letters' advances in 1/1000 em: Noto Sans CJK KR regular's (bold's are about 5 % wider:
SAFETY and the build's clipping check cover the few bold Latin words fitted). One
width for every lowercase letter (0.57) measured an e-mail address a fifth wider than it printed,
so table rows were counted on two lines and pages ended short."""


def advance(ch: str) -> float:
    """The width of one character in em."""
    if ch in _NARROW:
        return _NARROW[ch]
    if ch in _LETTERS:
        return _LETTERS[ch] / 1000
    if ch in _WIDE:
        return _WIDE[ch]
    if ch.isascii():
        return 0.57
    if "가" <= ch <= "힣":
        return 0.92
    return 1.0  # CJK, symbols such as ㎡


def width_em(text: str) -> float:
    return sum(advance(ch) for ch in text) * SAFETY


_SPACES = re.compile(r"[ \t\r\n]+")
"""Where a line may break: a no-break space (U+00A0) joins what it stands between."""


def pieces(text: str) -> list[tuple[float, str]]:
    """The unbreakable pieces of text with the gap before each: words, and the parts of a name
    such as 조경·인테리어·집수리, which may break after its dots (see jinja.unbroken_words)."""
    out = []
    for word in _SPACES.split(str(text).strip()):
        for n, part in enumerate(re.findall(r"[^·]+·?|·", word)):
            out.append((0.0 if n else advance(" ") * SAFETY, part))
    return out


def line_count(text: str, width: float) -> int:
    """Lines text takes in a box width em wide, broken between pieces (greedy, as browsers do)."""
    if width <= 0:
        return 1_000_000
    lines, used = 0, 0.0
    for gap, piece in pieces(text):
        w = width_em(piece)
        if lines and used + gap + w <= width:
            used += gap + w
            continue
        whole = max(1, math.ceil(w / width))  # a piece wider than the box breaks inside it
        lines += whole
        used = w - (whole - 1) * width
    return max(lines, 1)


def line_mm(pt: float, height: float = 1.45) -> float:
    """One line's height in mm at pt points and a line height (print.css sets 1.45)."""
    return pt * height * PT_MM


def lines_in(text: str, width_mm: float, pt: float, most: int = 1_000) -> int:
    """Lines text takes in a box width_mm wide at pt points, at most `most` (a clamped box)."""
    return min(most, line_count(text, width_mm / (pt * PT_MM)))


_MARKUP = re.compile(r"[*_`#>\[\]]|\(https?://[^)]*\)")
"""Markdown's marks and link targets: not printed, so not measured."""


def markdown_mm(text: str, width_mm: float, pt: float, height: float = 1.45) -> float:
    """The height of Markdown paragraphs in a box width_mm wide at pt points, each with a
    paragraph's margin (one line of the type's size) below it."""
    paragraphs = [p for p in _MARKUP.sub("", text).split("\n\n") if p.strip()]
    return sum(lines_in(p, width_mm, pt) * line_mm(pt, height) + pt * PT_MM for p in paragraphs)


BAND_WIDTH_MM = 180.0
"""A section band's lead runs the text area's width (print.css .section-band)."""


def band_mm(lead: str) -> float:
    """The height of a section's band on its first page (print.css .section-band): the title on
    the network's colour, and the lead under it."""
    return 16.0 + line_mm(26, 1.25) + 6.0 + 3.0 + lines_in(lead, BAND_WIDTH_MM, 10) * line_mm(10) + 5.0


def fit_size(text: str, width: float, lines: int, largest: float, smallest: float) -> float:
    """The largest font size (in the unit of width, in steps of 1) at which text takes at most
    `lines` lines of a box `width` wide with no word broken; `smallest` if none does."""
    size = math.floor(largest)
    while size > smallest:
        widest = max((width_em(p) for _, p in pieces(text)), default=0.0)
        if widest * size <= width and line_count(text, width / size) <= lines:
            return size
        size -= 1
    return smallest


_BOUND = re.compile(r"(?:(?<=^)|(?<=\s))([가-힣]) ")
"""A one-syllable word (한, 더, 잘, 각) and the word after it: '한 번에' is one phrase."""


def _bind(text: str) -> str:
    """text with each one-syllable word joined to the next by a no-break space (_BOUND)."""
    return _BOUND.sub("\\1\u00a0", str(text).strip())


def balanced_lines(text: str, width: float) -> list[str]:
    """text broken into as few lines as greedy breaking gives in a box `width` em wide, but with
    the lines as even as they can be (CSS's text-wrap: balance): a title never ends with one word
    alone on its last line when a narrower measure spreads the words evenly."""
    text = _bind(text)
    count = line_count(text, width)
    if count <= 1:
        return [text]
    narrow, wide = width / count, width  # the narrowest measure that still takes `count` lines
    for _ in range(20):
        middle = (narrow + wide) / 2
        if line_count(text, middle) <= count:
            wide = middle
        else:
            narrow = middle
    return _greedy(text, wide)


def _greedy(text: str, width: float) -> list[str]:
    """The lines greedy breaking makes (as line_count counts them; a piece wider than the box
    stands on a line of its own)."""
    lines: list[str] = []
    used = 0.0
    for gap, piece in pieces(text):
        w = width_em(piece)
        if lines and used + gap + w <= width:
            lines[-1] += (" " if gap else "") + piece
            used += gap + w
        else:
            lines.append(piece)
            used = w
    return lines


def clause_lines(text: str, width: float, size: float, most: int = 3) -> tuple[float, list[str]] | None:
    """A title of clauses ("중학교 진로 체험, 마을 협동조합이 맡다") set a clause a line, at the
    largest size down to 85% of `size` at which each clause keeps to one line of a box `width`
    wide (in the unit of size); None when it has one clause, more than `most`, or none fits."""
    clauses = [c.strip() for c in re.split(r"(?<=,) ", _bind(text))]
    if not 1 < len(clauses) <= most:
        return None
    smaller = math.floor(size)
    while smaller >= size * 0.85:
        if all(line_count(c, width / smaller) == 1 for c in clauses):
            return smaller, clauses
        smaller -= 1
    return None
