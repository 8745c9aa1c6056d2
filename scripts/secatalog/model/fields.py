"""Reusable field types for entry models: each checks one thing and explains it in Korean."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, JsonValue, Strict
from pydantic_core import PydanticCustomError

from ..markup import NEGOTIABLE
from .fieldinfo import Hint
from .slugs import ITEM_REF_HINT, ITEM_REF_PATTERN, SLUG_CHARS, SLUG_HINT, SLUG_PATTERN
from .values import FULL_WIDTH_DIGITS, RawFloat, RawInt

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SAFE_SCHEMES = ("http://", "https://")


# Characters a reader cannot see: every format character (Unicode category Cf: soft hyphen,
# zero-width space and joiners U+200B-200F, bidirectional controls U+202A-202E and U+2066-2069,
# word joiner U+2060, BOM U+FEFF, tags...), and the Hangul fillers, which Unicode counts as
# letters (U+3164 looks like a space; U+115F, U+1160, U+FFA0 pad a syllable). One regex, so
# every text of a national catalog is scanned at C speed (tests compare it with unicodedata).
INVISIBLE = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
    "\u115f\u1160\u3164\uffa0]"
)


def invisible(ch: str) -> bool:
    return INVISIBLE.match(ch) is not None


def identity_key(name: str) -> str:
    """A name as it identifies an enterprise: compatibility forms folded, case and spaces ignored,
    invisible characters (zero-width space, joiners, BOM, Hangul fillers) removed."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    return "".join(INVISIBLE.sub("", folded).split())


def _no_invisible(value: str) -> str:
    hit = INVISIBLE.search(value)
    if hit is not None:
        found, where = hit.group(), hit.start() + 1
        raise PydanticCustomError(
            "invisible",
            "보이지 않는 문자(폭 없는 공백 등)가 들어 있습니다: {code}, {where}번째 글자",
            {
                "code": f"U+{ord(found):04X}",
                "where": where,
                "hint": "이 칸의 글을 지우고 직접 다시 입력하세요 (다른 곳에서 복사해 붙인 글에 숨어 있기 쉽습니다)",
            },
        )
    return value


def _as_text(value: Any) -> Any:
    """Keep numbers typed without quotes exactly as written (``01234``, ``1.10``)."""
    if isinstance(value, (RawInt, RawFloat)):
        return value.raw
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


def _clean_text(value: str) -> str:
    if _CONTROL.search(value):
        raise PydanticCustomError("control_char", "보이지 않는 제어 문자가 들어 있습니다")
    return _no_invisible(unicodedata.normalize("NFC", value.strip()))


def _one_line(value: str) -> str:
    if "\n" in value or "\r" in value:
        raise PydanticCustomError("one_line", "줄바꿈이 들어 있습니다", {"hint": "이 항목은 한 줄로 쓰세요"})
    return value


def _unify_newlines(value: str) -> str:
    return value.replace("\r\n", "\n").replace("\r", "\n")


def _not_blank(value: str) -> str:
    if not value:
        raise PydanticCustomError("blank", "비어 있습니다")
    return value


def _url(value: str) -> str:
    lowered = value.lower()
    if not lowered.startswith(_SAFE_SCHEMES) or any(c in value for c in " \"'<>\\`"):
        raise PydanticCustomError(
            "url_scheme", "웹 주소 형식이 아닙니다", {"hint": "http:// 또는 https://로 시작하는 주소만 쓸 수 있습니다"}
        )
    return value


def _relative_file(value: str) -> str:
    parts = value.split("/")
    if (
        value.startswith(("/", "~"))
        or "\\" in value
        or ".." in parts
        or ":" in value
        or any(p in ("", ".") for p in parts)
    ):
        raise PydanticCustomError(
            "file_path",
            "같은 폴더 안의 파일 이름만 쓸 수 있습니다",
            {"hint": "'../'나 '/'로 시작하는 경로 없이 파일 이름만 쓰세요 (예: photo.jpg)"},
        )
    return value


MAX_PRICE = 10**11  # 1,000억 원: far above any item, far below what spreadsheets round


def _price(value: Any) -> Any:
    if isinstance(value, bool):
        raise PydanticCustomError("price", '숫자(원) 또는 "협의"여야 합니다')
    if isinstance(value, (RawInt, RawFloat)):
        value = value.raw
    if isinstance(value, str):
        value = value.translate(FULL_WIDTH_DIGITS)
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        value = int(value.strip())  # "6000" in quotes means 6000: members are told quotes are safe
    if isinstance(value, int):
        if value < 0:
            raise PydanticCustomError("price", "가격은 0원 이상이어야 합니다")
        if value > MAX_PRICE:
            raise PydanticCustomError(
                "price", "가격이 너무 큽니다", {"hint": f"{MAX_PRICE:,}원 이하로, 원 단위 숫자만 쓰세요"}
            )
        return int(value)
    if isinstance(value, str) and value.strip() == NEGOTIABLE:
        return NEGOTIABLE
    raise PydanticCustomError("price", '숫자(원) 또는 "협의"여야 합니다', {"hint": '쉼표와 "원" 없이 12000처럼 쓰세요'})


def contrast_with_white(colour: str) -> float:
    """WCAG contrast ratio of white text on a #RRGGBB colour."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


def delta_e(a: str, b: str) -> float:
    """How far apart two #RRGGBB colours look: their distance in CIELAB (D65)."""

    def lab(colour: str) -> tuple[float, float, float]:
        rgb = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b_ = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb)
        x = (0.4124 * r + 0.3576 * g + 0.1805 * b_) / 0.95047
        y = 0.2126 * r + 0.7152 * g + 0.0722 * b_
        z = (0.0193 * r + 0.1192 * g + 0.9505 * b_) / 1.08883

        def f(t: float) -> float:
            return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

        return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))

    return sum((p - q) ** 2 for p, q in zip(lab(a), lab(b), strict=True)) ** 0.5


def _readable(colour: str) -> str:
    ratio = contrast_with_white(colour)
    if ratio < 4.5:
        raise PydanticCustomError(
            "pale_colour",
            "흰 글자가 잘 보이지 않는 밝은 색입니다 (대비 {ratio}:1, 4.5:1 이상 필요)",
            {"ratio": f"{ratio:.1f}", "hint": "더 진한 색을 쓰세요 (예: #283593)"},
        )
    return colour


def _pattern(regex: str, example: str = "", max_length: int | None = None) -> Any:
    """A pattern that also reaches the JSON Schema (constraints after our validators would not),
    with an example a member reads instead of the pattern."""
    extra: dict[str, JsonValue] = {"pattern": regex}
    if example:
        extra["examples"] = [example]
    if max_length is not None:
        extra["maxLength"] = max_length
    return Field(pattern=regex, json_schema_extra=extra, max_length=max_length)


def _limit(max_length: int):
    return Field(max_length=max_length, json_schema_extra={"maxLength": max_length})


Text = Annotated[str, BeforeValidator(_as_text), Strict(), AfterValidator(_clean_text)]
Name = Annotated[Text, AfterValidator(_not_blank), AfterValidator(_one_line), _limit(80)]
Line = Annotated[Text, AfterValidator(_one_line), _limit(300)]
Paragraph = Annotated[Text, AfterValidator(_unify_newlines), _limit(5000)]
Url = Annotated[Text, AfterValidator(_url), _limit(500)]
# The site's own address always ends in '/', so every page address is site_url + its path.
SiteUrl = Annotated[Url, AfterValidator(lambda value: value if value.endswith("/") else value + "/")]
Email = Annotated[Text, _pattern(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[A-Za-z]{2,}$", "office@example.org", max_length=200)]
Phone = Annotated[
    Text,
    _pattern(r"^0[0-9]{1,2}-[0-9]{3,4}-[0-9]{4}$", "02-000-0000"),
    Hint("전화번호는 지역번호부터 02-000-0000처럼 하이픈을 넣어 쓰세요"),
]
PostalCode = Annotated[Text, _pattern(r"^[0-9]{5}$", "32900"), Hint('우편번호는 다섯 자리 숫자입니다 (예: "32000")')]
BusinessNumber = Annotated[
    Text, _pattern(r"^[0-9]{3}-[0-9]{2}-[0-9]{5}$", "000-00-00000"), Hint("사업자등록번호는 000-00-00000 형식입니다")
]
Slug = Annotated[Text, _pattern(SLUG_PATTERN, "rice-bread"), Hint(SLUG_HINT)]
ItemRef = Annotated[Text, _pattern(ITEM_REF_PATTERN, "our-coop/lunch-box"), Hint(ITEM_REF_HINT)]
# An id the catalog's own lists define (category, org type...): a slug, with no example to copy.
Code = Annotated[Text, _pattern(SLUG_PATTERN), Hint(SLUG_CHARS)]
Colour = Annotated[Text, _pattern(r"^#[0-9A-Fa-f]{6}$", "#283593"), AfterValidator(_readable)]
GithubHandle = Annotated[
    Text, _pattern(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$", "my-github-id"), Hint("GitHub 아이디만 쓰세요 (@ 없이)")
]
RelFile = Annotated[Text, AfterValidator(_relative_file), _limit(200)]
Count = Annotated[int, Strict(), Field(ge=0, le=100000)]
Won = Annotated[int, Strict(), Field(ge=0, le=10**12)]
Year = Annotated[int, Strict(), Field(ge=1900, le=2100)]
Month = Annotated[int, Strict(), Field(ge=1, le=12)]
Flag = Annotated[bool, Strict()]
Price = Annotated[int | str, BeforeValidator(_price)]
