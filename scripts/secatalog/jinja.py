"""The one way templates are loaded: autoescaped, strict about missing values, with the
catalog's formatting filters (prices, months, member Markdown)."""

from __future__ import annotations

import re
from urllib.parse import quote

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from . import GENERATOR
from .markup import months_text, priced, render_markdown, season_text, share, won
from .model.entries import Product
from .model.fieldinfo import labels
from .model.procurement import GIFT_OK, LABELS
from .settings import cache_root


def environment(folder: str) -> Environment:
    """Templates of secatalog/templates/<folder>/ (site, print or widget)."""
    env = Environment(
        loader=PackageLoader("secatalog", f"templates/{folder}"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=bytecode_cache(),
    )
    env.globals["generator"] = GENERATOR  # "secatalog X.Y.Z" in every output's metadata
    env.globals["label"] = label
    env.globals["share"] = share
    env.filters.update(
        won=won,
        priced=priced,
        months=months_text,
        season=season_text,
        markdown=render_markdown,
        urlquote=quote,
        words=unbroken_words,
        no_orphan=no_orphan,
        figures=figures,
        joints=break_at_joints,
        codes=unbroken_codes,
        gift_status=gift_status,
        with_org=with_org,
        with_role=with_role,
        distinct=distinct_names,
        crop=crop_style,
    )
    return env


STRIP_POSITION = "50% 30%"
"""Where a wide strip cut from a photo sits when its member set no focus: its upper part, where
people's heads are (a centred strip cut them at the brow: case cards, the calendar's items)."""


def crop_style(ref, strip: bool = False) -> str:
    """'object-position: …; ' for a photo whose crop keeps a part other than its centre (its
    `focus:`), for a style attribute; '' for the centre, where a crop keeps it anyway. A strip
    (crop(True)) without a focus keeps STRIP_POSITION."""
    if ref.focus == "center":
        return f"object-position: {STRIP_POSITION}; " if strip else ""
    return f"object-position: {ref.position}; "


# What readers call each product field (model/entries.py) and each derived fact (procurement.py).
_LABELS = {**labels(Product), "gift_ok": GIFT_OK, **LABELS}


def label(key: str) -> str:
    """A label for templates, from where it is declared: label('min_order'), label('gift_ok')."""
    return _LABELS[key]


def gift_status(item, limit_krw: int) -> str:
    """Whether an item is within the 청탁금지법 gift limit, and if not, why (item page and sheet)."""
    limit = f"{limit_krw:,}원"
    if item.gift_ok:
        return f"선물 한도({limit}) 이내"  # GIFT_OK with the limit inside
    if item.product.kind == "service":
        return "해당 없음 (용역)"
    if item.product.gift:
        return f"선물 한도({limit})를 넘거나 가격이 정해지지 않음"
    return "선물용으로 등록되지 않음"


def unbroken_words(text: str) -> Markup:
    """Each word in a span the stylesheet keeps on one line: Korean headings break between
    words, never inside one (WeasyPrint has no word-break: keep-all). A name joined with dots
    (조경·인테리어·집수리) may also break after a dot, so a narrow box need not cut it."""
    return Markup(" ").join(
        Markup("").join(Markup('<span class="word">{}</span>').format(part) for part in re.findall(r"[^·]+·?|·", word))
        for word in str(text).split(" ")
        if word
    )


def no_orphan(text: str) -> str:
    """A title's short last word kept with the one before it ("우수사례집 (예시)", "1박 (4인실)"),
    so a cover or card never ends a line of text with "(예시)" alone on its line."""
    words = str(text).split(" ")
    last = words[-1]
    if len(words) >= 3 and (len(last) <= 4 or (last.startswith("(") and len(last) <= 7)):
        words[-2:] = [f"{words[-2]}\u00a0{words[-1]}"]
    return " ".join(words)


def distinct_names(certs, shown=()) -> list:
    """Certificates with each name once, the first kept, and none already in `shown`: an item's
    and its enterprise's 직접생산확인 are two certificates, but a list of names read
    "직접생산확인, 직접생산확인"."""
    seen = {c.name for c in shown}
    out = []
    for cert in certs:
        if cert.name not in seen:
            seen.add(cert.name)
            out.append(cert)
    return out


def with_org(name: str, org: str) -> str:
    """'꿈터사무 (예시) · 사회적기업', but '두레농장 마을기업 (예시)' alone: a name that already
    says its organisation type does not get it twice."""
    return name if org in name else f"{name} · {org}"


def with_role(name: str, role: str) -> str:
    """'예시사회적경제네트워크 사무국' for the network's name and the role '네트워크 사무국':
    the role's first word is dropped when the name already ends with it."""
    words = role.split()
    if words and name.endswith(words[0]):
        words = words[1:]
    return " ".join([name, *words])


def break_at_joints(text: str) -> Markup:
    """A line may break after '·' or '/' in a name such as 조경·인테리어·집수리: keep-all makes
    the whole name one word, which a narrow box would otherwise cut anywhere (집수/리)."""
    return Markup("").join(
        Markup("{}<wbr>").format(part) if part in "·/" else escape(part) for part in re.split(r"([·/])", str(text))
    )


# A certificate, registration or phone number: 예시-2013-0002, 041-000-0103, 2027-01-20.
CODE = re.compile(r"(?:[\w.]+-)*[\w.]*\d[\w.]*(?:-[\w.]+)+")


def unbroken_codes(text: str) -> Markup:
    """Numbers joined by hyphens kept on one line: browsers break after a hyphen, and a reason
    read "(인증번호 예시-2013-" on one line of a phone and "0002)" on the next."""
    text = str(text)
    out, last = [], 0
    for match in CODE.finditer(text):
        out += [escape(text[last : match.start()]), Markup('<span class="sc-nowrap">{}</span>').format(match.group())]
        last = match.end()
    return Markup("").join([*out, escape(text[last:])])


# A number with its unit or counter word: 1,380개, 0건, 4.6점, 18%, 12,400,000원, 3년; before a
# particle too, which stays outside it: "12회에서 24회로" is 12회 and 24회 (it read "24회로", and 12).
PARTICLE = "(?:에서|으로|로|에|을|를|의|이|가|은|는|과|와|도|만)"
FIGURE = re.compile(rf"\d[\d,.]*\s?(?:%|[가-힣]{{1,2}}?(?={PARTICLE}?(?:[\s,.)]|$)))?")


def figure_spans(text: str) -> list[tuple[str, bool]]:
    """A line of results cut into (text, is_figure) runs; a figure in parentheses is an aside
    ("4.6점 (5점 만점)") and stays plain."""
    text = str(text)
    parts: list[tuple[str, bool]] = []
    last = 0
    for match in FIGURE.finditer(text):
        before = text[: match.start()]
        if before.count("(") > before.count(")"):
            continue
        parts += [(text[last : match.start()], False), (match.group(), True)]
        last = match.end()
    return [part for part in [*parts, (text[last:], False)] if part[0]]


def figures(text: str) -> Markup:
    """Each figure in a line of results set apart, so key numbers stand out in print."""
    return Markup("").join(
        Markup('<span class="figure">{}</span>').format(run) if figure else escape(run)
        for run, figure in figure_spans(text)
    )


def bytecode_cache() -> FileSystemBytecodeCache:
    """Compiled templates kept between builds (compiling them was a third of a small build).
    Entries are keyed by each template's source, so an edited template is compiled afresh."""
    folder = cache_root() / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))
