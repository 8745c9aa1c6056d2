"""Members' common mistakes, recognised: each answered with the one thing to write instead.

The loader and the validator report what is wrong; this module knows what a member most likely
meant (a quote left open, a colon inside a value, a full-width space as indentation, a price
written as a sentence, a file saved by Notepad as enterprise.yml.txt, an example value left in
place) and says it with the corrected line. Every function returns None when it does not
recognise the mistake, so the general message stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..errors import Report
from ..images import HEIC_HINT
from ..korean import josa, quoted
from ..model.values import RawFloat, RawInt
from .documents import Document
from .texts import strings

FULL_WIDTH_SPACE = "\u3000"


@dataclass(frozen=True)
class YamlMistake:
    line: int  # 1-based
    column: int
    message: str
    hint: str


# --- YAML syntax ------------------------------------------------------------------------------

_KEY_LINE = re.compile(r"^(?P<indent>[ ]*)(?P<dash>- +)?(?P<key>[^\s:#\"'{}\[\]][^:#{}\[\]]*?):(?:[ ]+(?P<value>.*))?$")


def diagnose_yaml(text: str, error_line: int) -> YamlMistake | None:
    """What most likely broke a YAML file whose parser stopped at error_line (0-based): looked
    for on the lines up to it (and the next), first the mistakes that shift every later line."""
    lines = text.split("\n")
    upto = lines[: error_line + 2]
    return (
        _full_width_indent(upto)
        or _open_quote(upto[: error_line + 1])
        or _odd_indent(upto, error_line)
        or _colon(lines, error_line)
    )


def _full_width_indent(lines: list[str]) -> YamlMistake | None:
    for number, line in enumerate(lines, 1):
        lead = line[: len(line) - len(line.lstrip(" \u3000"))]
        if FULL_WIDTH_SPACE in lead:
            fixed = lead.replace(FULL_WIDTH_SPACE, "  ") + line[len(lead) :]
            return YamlMistake(
                number,
                lead.index(FULL_WIDTH_SPACE) + 1,
                "줄 앞의 들여쓰기에 전각 공백(한글 입력기의 넓은 띄어쓰기 '　')이 있습니다",
                f"넓은 공백을 지우고 보통 스페이스로 들여 쓰세요. 이렇게 고치세요: {_shown(fixed)} "
                "(한/영 키를 영문으로 바꾸고 스페이스를 누르면 보통 스페이스가 들어갑니다)",
            )
    return None


def _shown(line: str) -> str:
    """A corrected line as a member can copy it: its indentation said in words (invisible otherwise)."""
    text = line.rstrip()
    indent = len(text) - len(text.lstrip(" "))
    return f"(앞에 스페이스 {indent}칸) {text.lstrip(' ')}" if indent else text


def _open_quote(lines: list[str]) -> YamlMistake | None:
    """A quote opened and not closed on its line (YAML reads on to the next quote, many lines
    down, and reports a puzzling error there), or a quoted value that goes on after its quote."""
    for number, line in _outside_block_scalars(lines):
        match = _KEY_LINE.match(line) or re.match(r"^(?P<indent>[ ]*)(?P<dash>- +)(?P<value>.*)$", line)
        value = (match.group("value") or "").rstrip() if match else ""
        column = len(line) - len(line.lstrip(" ")) + 1
        if value and value[0] in "\"'":
            column = len(line.rstrip()) - len(value) + 1
            quote, rest = value[0], value[1:]
            closed = re.search(r'(?<!\\)"', rest) if quote == '"' else re.search(r"'(?!')", rest.replace("''", "__"))
            if closed is None:
                return YamlMistake(
                    number,
                    column,
                    f"이 줄에서 연 따옴표({quote})를 닫지 않았습니다",
                    f"값 끝에 {quote}를 붙이세요. 이렇게 고치세요: {_shown(line.rstrip() + quote)}",
                )
            after = rest[closed.end() :].strip()
            if after and not after.startswith("#"):
                whole = '"' + value.replace('"', "'") + '"' if quote == "'" else "'" + value.replace("'", "''") + "'"
                fixed = line.rstrip()[: len(line.rstrip()) - len(value)] + whole
                return YamlMistake(
                    number,
                    column,
                    f"따옴표({quote})로 시작한 값이 닫는 따옴표 뒤에도 이어집니다",
                    f"값 전체를 다른 따옴표로 감싸세요. 이렇게 고치세요: {_shown(fixed)}",
                )
        elif len(re.findall(r'(?<!\\)"', line.split(" #")[0])) % 2:
            return YamlMistake(
                number,
                line.index('"') + 1,
                '이 줄의 큰따옴표(")가 짝이 맞지 않습니다',
                "여는 따옴표와 닫는 따옴표가 한 줄 안에서 짝을 이루게 고치세요",
            )
    return None


def _outside_block_scalars(lines: list[str]):
    """(number, line) of the lines that are YAML, not the text of a `|` or `>` block."""
    inside_above: int | None = None  # the indentation of the key that opened a block
    for number, line in enumerate(lines, 1):
        indent = len(line) - len(line.lstrip(" "))
        if inside_above is not None and (not line.strip() or indent > inside_above):
            continue
        inside_above = None
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _KEY_LINE.match(line)
        if match and re.fullmatch(r"[|>][+-]?\d*\s*(#.*)?", (match.group("value") or "").strip()):
            inside_above = indent
        yield number, line


def _odd_indent(lines: list[str], error_line: int) -> YamlMistake | None:
    """A line indented by a number of spaces its neighbours do not use (3 instead of 4), where
    the parser stopped (a file indented by odd numbers throughout is not wrong)."""
    levels: list[int] = [0]  # indentations of the keys seen so far
    for number, line in _outside_block_scalars(lines):
        match = _KEY_LINE.match(line)
        indent = len(line) - len(line.lstrip(" "))
        if indent not in levels and indent % 2 and abs(number - 1 - error_line) <= 1:
            near = min(levels, key=lambda level: (abs(level - indent), -level))
            if match and match.group("dash") is None and abs(near - indent) == 1:
                fixed = " " * near + line.lstrip(" ")
                return YamlMistake(
                    number,
                    1,
                    f"이 줄의 들여쓰기가 스페이스 {indent}칸이라 위아래 항목과 맞지 않습니다",
                    f"같은 묶음의 다른 줄처럼 {near}칸으로 고치세요: {_shown(fixed)}",
                )
        if match:
            key_at = indent + len(match.group("dash") or "")
            levels = [level for level in levels if level < key_at] + [key_at]
    return None


def _colon(lines: list[str], error_line: int) -> YamlMistake | None:
    """`description: 영업시간: 오전 9시`: a ': ' inside a value reads as a second key."""
    for number in (error_line, error_line - 1):
        if not 0 <= number < len(lines):
            continue
        match = _KEY_LINE.match(lines[number])
        value = (match.group("value") or "").rstrip() if match else ""
        if value and value[0] not in "\"'[{|>" and (": " in value or value.endswith(":")):
            start = len(lines[number]) - len(lines[number].lstrip(" "))
            prefix = lines[number][: len(lines[number]) - len(match.group("value"))]
            fixed = prefix + '"' + value.replace('"', "'") + '"'
            return YamlMistake(
                number + 1,
                start + 1,
                "값 안에 ':'(콜론과 띄어쓰기)가 있어 새 항목 이름으로 읽혔습니다",
                f"값 전체를 큰따옴표로 감싸세요. 이렇게 고치세요: {_shown(fixed)}",
            )
    return None


# --- values -----------------------------------------------------------------------------------

_PER = re.compile(r"(?:^|\s)(\d*)\s*([가-힣A-Za-z㎡㎏]+)\s*당|/\s*(\d*)\s*([가-힣A-Za-z㎡㎏]+)")
_AMOUNT = re.compile(r"\d[\d,]*\d|\d")
_GROUPED = re.compile(r"\d{1,3}(,\d{3})*|\d+")


def _mistyped(text: str, number: re.Match) -> bool:
    """A number that is not one: bad thousands grouping, or run into Latin letters."""
    after = text[number.end() : number.end() + 1]
    before = text[number.start() - 1 : number.start()] if number.start() else ""
    return not _GROUPED.fullmatch(number.group()) or (after + before).isascii() and (after + before).isalpha()


def price_hint(value: Any) -> str | None:
    """'시간당 25,000원', '25,000원/kg', '5,000원': the number alone, the rest into unit."""
    if not isinstance(value, str):
        return None
    per = _PER.search(value)
    rest = value[: per.start()] + " " + value[per.end() :] if per else value  # '1인당': not a price
    found = list(_AMOUNT.finditer(rest))
    if not found or any(_mistyped(rest, m) for m in found):
        return None  # '6,5OO원' (a letter O for a zero): no number to suggest
    amounts = [m.group().replace(",", "") for m in found]
    unit = ""
    if per:
        count, word = (per.group(1), per.group(2)) if per.group(2) else (per.group(3), per.group(4))
        unit = f"{count or 1}{word}"
    parts = [f"price: {amounts[0]}"]
    if unit:
        parts.append(f'unit: "{unit}"')
    if len(amounts) > 1:
        parts.append(f'price_note: "{value.strip()}"')
    lines = " 그리고 다음 줄에 ".join(parts)
    return f"가격은 쉼표·'원'·'당' 없이 숫자만 씁니다. 이렇게 쓰세요: {lines}"


_MONTH = re.compile(r"(\d{1,2})\s*월?")


def months_hint(value: Any) -> str | None:
    """'11월~2월', '3월, 4월', '연중': the list of month numbers to write."""
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        return None
    text = str(value.raw if isinstance(value, (RawInt, RawFloat)) else value).strip()
    if text in ("연중", "사계절", "상시", "연중무휴"):
        return "연중 파는 것이면 months 줄을 지우세요 (비워 두면 '연중'으로 표시됩니다)"
    numbers = [int(n) for n in _MONTH.findall(text)]
    if not numbers or any(not 1 <= n <= 12 for n in numbers):
        return None
    if len(numbers) == 2 and re.search(r"[~\-–부터]", text):
        first, last = numbers
        span = [(first - 1 + i) % 12 + 1 for i in range((last - first) % 12 + 1)]
    else:
        span = numbers
    return f"판매 시기는 달의 숫자를 대괄호 목록으로 씁니다. 이렇게 쓰세요: months: [{', '.join(map(str, span))}]"


def alt_hint(data: Any, loc: tuple) -> str | None:
    photo = data
    for step in loc[:-1]:
        try:
            photo = photo[step]
        except (KeyError, IndexError, TypeError):
            return None
    name = photo.get("file") if isinstance(photo, dict) else None
    if not isinstance(name, str):
        return None
    return (
        f"사진마다 무엇이 보이는지 한 문장으로 적어야 합니다 (화면 낭독기가 읽어 줍니다). "
        f"{{file: {name}, alt: ...}}처럼 파일 이름 뒤에 ', alt: '와 그 문장을 적으세요"
    )


def better_hint(data: Any, loc: tuple, kind: str, value: Any) -> str | None:
    """A more exact hint for a validation error of this field, when the mistake is a known one."""
    name = loc[-1] if loc else ""
    if name == "price":
        return price_hint(value)
    if name == "months" or (len(loc) > 1 and loc[-2] == "months"):
        return months_hint(value)
    if name == "alt" and kind == "missing":
        return alt_hint(data, loc)
    return None


# --- files ------------------------------------------------------------------------------------


def missing_entry(folder: Path, entry_name: str) -> tuple[str, str] | None:
    """An entry file saved under another name: Notepad's 'enterprise.yml.txt', '.yaml', capitals."""
    if not folder.is_dir():
        return None
    stem = entry_name.rsplit(".", 1)[0]
    for found in sorted(folder.iterdir()):
        name = found.name
        lowered = name.casefold()
        if not found.is_file() or not lowered.startswith(stem):
            continue
        if lowered.endswith(".txt"):
            why = "메모장이 저장할 때 '.txt'를 덧붙였습니다"
        elif lowered in (f"{stem}.yaml", entry_name.casefold()):
            why = "이름이 조금 다릅니다"
        else:
            continue
        return (
            f"{entry_name} 대신 '{name}' 파일이 있습니다 ({why})",
            f"파일 이름을 정확히 {josa(entry_name, '으로')} 바꾸세요. 윈도 탐색기에서는 [보기] > [표시] > "
            "'파일 확장명'을 켠 뒤 이름을 바꾸고, 메모장에서는 [다른 이름으로 저장]에서 파일 형식을 "
            f"'모든 파일'로 고른 뒤 {josa(entry_name, '으로')} 저장하세요",
        )
    return None


SUFFIX_HINTS = {".heic": HEIC_HINT, ".heif": HEIC_HINT}


def too_big_hint(limit_mb: int) -> str:
    return (
        f"사진을 {limit_mb}MB 이하로 줄여 다시 올리세요. 긴 변 3000픽셀이면 인쇄에도 충분합니다: 윈도 사진 앱에서 "
        "사진을 열고 [...] > [이미지 크기 조정]으로 줄여 저장하세요"
    )


# --- example values left in place ---------------------------------------------------------------

PLACEHOLDER_IDS = frozenset({"first-item"})
"""Product ids earlier scaffolds wrote (`new enterprise` now asks for the id) and entries kept."""
_PLACEHOLDER_NUMBER = re.compile(r"^0{1,3}-0{2,4}-0{4,5}$|^0\d{0,2}-0{3,4}-0{4}$")
"""02-000-0000, 000-000-0000 (the form's and scaffold's phone), 000-00-00000 (business number)."""


def _example_addresses() -> frozenset[str]:
    """The e-mail and web addresses the scaffold shows, and the schema's e-mail example (what an
    editor offers while typing): read from them, so a new example is refused too."""
    from .scaffold import ENTERPRISE

    found = re.findall(r"[\w.+-]+@example\.org|https?://example\.org", ENTERPRISE)
    return frozenset({*found, "office@example.org"})


EXAMPLE_ADDRESSES = _example_addresses()


def check_examples(doc: Document, record: BaseModel, report: Report) -> None:
    """Example values of the scaffolds and the join form left in an entry (texts: texts.py)."""
    for at, value in strings(record):
        name = at[-1]
        if name in ("email", "website", "url") and value.rstrip("/") in EXAMPLE_ADDRESSES:
            report.error(
                doc.locate(at),
                f"예시 주소 {josa(quoted(value), '이')} 그대로 있습니다",
                "우리 기업의 실제 주소로 바꾸거나, 없으면 이 줄을 지우세요",
            )
        if name in ("phone", "fax", "business_number") and _PLACEHOLDER_NUMBER.match(value):
            report.error(
                doc.locate(at),
                f"예시 번호 {josa(quoted(value), '이')} 그대로 있습니다",
                "실제 번호로 바꾸거나, 없으면 이 줄을 지우세요",
            )
    for i, product in enumerate(getattr(record, "products", ())):
        if product.id in PLACEHOLDER_IDS:
            report.error(
                doc.locate(("products", i, "id")),
                f"제품 id {josa(quoted(product.id), '은')} 양식이 넣은 예시입니다",
                "제품을 나타내는 영문 소문자 id로 바꾸세요 (예: 식빵이면 bread, 청소 용역이면 office-cleaning)",
            )
        if isinstance(product.price, int) and "unit" in _raw(doc, ("products", i)) and not product.unit:
            report.error(
                doc.locate(("products", i, "unit")),
                f"가격 {product.price:,}원의 단위(unit)가 비어 있습니다",
                '무엇 하나의 가격인지 적으세요 (예: unit: "1개", "1인분", "1회", "1㎡")',
            )


def _raw(doc: Document, at: tuple) -> Any:
    data = doc.data
    for step in at:
        data = data[step]
    return data if isinstance(data, dict) else {}
