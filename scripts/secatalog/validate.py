"""VALIDATE: check parsed documents against the models, with Korean messages at file:line."""

from __future__ import annotations

import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import Location, Report
from .load import Document
from .mistakes import better_hint
from .model import suggest
from .slugs import SLUG_HINT, SLUG_PATTERN
from .values import RawFloat, RawInt

M = TypeVar("M", bound=BaseModel)

_MESSAGES: dict[str, tuple[str, str]] = {
    "missing": ("꼭 필요한 항목이 없습니다", "이 항목을 추가하세요"),
    "string_type": ("글자여야 합니다", '값을 따옴표로 감싸세요 (예: "값")'),
    "int_type": ("숫자여야 합니다", "쉼표·단위 없이 숫자만 쓰세요 (예: 12000)"),
    "int_parsing": ("숫자여야 합니다", "쉼표·단위 없이 숫자만 쓰세요 (예: 12000)"),
    "int_from_float": ("정수여야 합니다", "소수점 없이 쓰세요"),
    "float_type": ("숫자여야 합니다", "숫자만 쓰세요 (예: 0.3)"),
    "float_parsing": ("숫자여야 합니다", "숫자만 쓰세요 (예: 0.3)"),
    "bool_type": ("true 또는 false여야 합니다", "예/아니오, yes/no 대신 true 또는 false로 쓰세요"),
    "list_type": ("목록이어야 합니다", "각 줄을 '- '로 시작하는 목록으로 쓰세요"),
    "dict_type": ("'이름: 값' 묶음이어야 합니다", "예시 파일의 모양을 따라 쓰세요"),
    "model_type": ("'이름: 값' 묶음이어야 합니다", "예시 파일의 모양을 따라 쓰세요"),
    "model_attributes_type": ("'이름: 값' 묶음이어야 합니다", "예시 파일의 모양을 따라 쓰세요"),
    "literal_error": ("허용되지 않는 값입니다", "쓸 수 있는 값: {expected}"),
    "string_pattern_mismatch": ("형식이 맞지 않습니다", "{pattern_hint}"),
    "string_too_long": ("너무 깁니다 (최대 {max_length}자)", "내용을 줄이세요"),
    "string_too_short": ("너무 짧습니다 (최소 {min_length}자)", "내용을 더 쓰세요"),
    "too_short": ("항목이 부족합니다 (최소 {min_length}개)", "항목을 추가하세요"),
    "too_long": ("항목이 너무 많습니다 (최대 {max_length}개)", "항목을 줄이세요"),
    "greater_than_equal": ("{ge} 이상이어야 합니다", "값을 확인하세요"),
    "less_than_equal": ("{le} 이하여야 합니다", "값을 확인하세요"),
    "date_type": ("날짜여야 합니다", "YYYY-MM-DD 형식으로 쓰세요 (예: 2026-12-31)"),
    "date_parsing": ("날짜 형식이 아닙니다", "YYYY-MM-DD 형식으로 쓰세요 (예: 2026-12-31)"),
    "date_from_datetime_parsing": ("날짜 형식이 아닙니다", "YYYY-MM-DD 형식으로 쓰세요 (예: 2026-12-31)"),
    "date_from_datetime_inexact": ("날짜 형식이 아닙니다", "YYYY-MM-DD 형식으로 쓰세요"),
    "none_required": ("값이 없어야 합니다", "이 항목을 지우세요"),
}

_PATTERN_HINTS = {
    "^0[0-9]{1,2}-[0-9]{3,4}-[0-9]{4}$": "전화번호는 지역번호부터 02-000-0000처럼 하이픈을 넣어 쓰세요",
    "^[0-9]{5}$": '우편번호는 다섯 자리 숫자입니다 (예: "32000")',
    "^[0-9]{3}-[0-9]{2}-[0-9]{5}$": "사업자등록번호는 000-00-00000 형식입니다",
    SLUG_PATTERN: SLUG_HINT,
    "^[a-z0-9][a-z0-9-]{0,40}$": "영문 소문자, 숫자, 하이픈(-)만 쓰세요",
    "^[a-z0-9-]+/[a-z0-9-]+$": "'기업slug/제품id' 형식으로 쓰세요 (예: our-coop/lunch-box)",
    "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$": "GitHub 아이디만 쓰세요 (@ 없이)",
}


def check_document(
    doc: Document, model: type[M], report: Report, context: dict[str, Any] | None = None, at: tuple = ()
) -> M | None:
    """Validate a document (or a part of it) against a model; report every error."""
    data = doc.data
    for step in at:
        data = data[step]
    try:
        return model.model_validate(data, context=context)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            _report_one(doc, model, at + tuple(err["loc"]), err, report)
        return None


def check_markup(location: Location, text: str, report: Report, field: str = "") -> bool:
    """Render member Markdown once, as pages and PDFs will; report why it cannot be."""
    from .site.markup import MarkdownProblem, check_markdown

    try:
        check_markdown(text)
    except MarkdownProblem as exc:
        report.error(location, exc.message, exc.hint, field)
        return False
    return True


def _report_one(doc: Document, model: type[BaseModel], loc: tuple, err: dict, report: Report) -> None:
    kind = err["type"]
    on_key = bool(loc) and loc[-1] == "[key]"  # a refused mapping key: point at the key itself
    loc = loc[:-1] if on_key else loc
    field = field_label(doc.data, loc)
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, loc[:-1])
        name = str(loc[-1])
        hint = suggest(name, allowed).strip() or "철자를 확인하거나 이 항목을 지우세요"
        if err.get("input") is None and not name.isascii():
            hint = "{ } 안에서는 쉼표(,)가 항목을 나눕니다. 쉼표가 든 값은 큰따옴표로 감싸세요"
        report.error(
            doc.locate(loc, key=True), f"알 수 없는 항목 '{name}'입니다", hint, field_label(doc.data, loc[:-1])
        )
        return
    ctx = dict(err.get("ctx") or {})
    if kind in ("too_long", "too_short") and isinstance(err.get("input"), str):
        kind = f"string_{kind}"  # length limits after our validators arrive as generic ones
    if "expected" in ctx:
        ctx["expected"] = str(ctx["expected"]).replace(" or ", ", ")  # pydantic writes English
    if kind in _MESSAGES:
        message, hint = _MESSAGES[kind]
        ctx.setdefault("pattern_hint", _PATTERN_HINTS.get(str(ctx.get("pattern")), "형식을 확인하세요"))
        message, hint = message.format(**ctx), hint.format(**ctx)
    else:  # our own PydanticCustomError messages are already Korean
        message, hint = err["msg"], str(ctx.get("hint", ""))
    if kind == "missing":
        hint = _choices_hint(model, loc) or hint
    hint = better_hint(doc.data, loc, kind, err.get("input")) or hint
    received = _received(err.get("input"), kind)
    if received:
        message = f"{message}; 받은 값 {received}"
    report.error(doc.locate(loc, key=on_key), message, hint, field)


def _choices_hint(model: type[BaseModel], loc: tuple) -> str:
    """For a missing field with fixed choices, the choices themselves."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", {})
        if part not in fields:
            return ""
        current = _inner_model(fields[part].annotation)
    field = getattr(current, "model_fields", {}).get(loc[-1]) if current is not None else None
    if field is None:
        return ""
    choices = [a for a in getattr(field.annotation, "__args__", ()) if isinstance(a, str)]
    if typing.get_origin(field.annotation) is typing.Literal and choices:
        return f"이 항목을 추가하세요. 쓸 수 있는 값: {', '.join(choices)}"
    return ""


def _received(value: Any, kind: str) -> str:
    if kind in ("missing", "extra_forbidden", "unknown_ref") or isinstance(value, (dict, list)) or value is None:
        return ""
    if isinstance(value, (RawInt, RawFloat)):
        value = value.raw
    text = str(value)
    return f'"{text[:60]}…"' if len(text) > 60 else f'"{text}"'


def _dotted(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


# What members call the fields of a product (they count products from 1, by name).
PRODUCT_FIELDS = {
    "id": "id", "kind": "구분", "name": "이름", "category": "분류", "summary": "한 줄 소개", "description": "설명",
    "photos": "사진", "price": "가격", "unit": "가격 단위", "price_note": "가격 설명", "vat_included": "부가세 포함",
    "min_order": "최소 주문", "lead_time": "납품 기간", "months": "판매 시기", "season_note": "판매 시기 설명",
    "delivery_area": "배송·서비스 지역", "certifications": "인증", "check_point": "체크 포인트",
    "added": "등록일", "keywords": "검색어", "channels": "구매 경로",
}  # fmt: skip


def field_label(data: Any, loc: tuple) -> str:
    """'products[2].price' -> "3번째 제품 '로컬푸드 도시락'의 가격 (products[2].price)"; others as dotted."""
    dotted = _dotted(loc)
    if len(loc) < 2 or loc[0] != "products" or not isinstance(loc[1], int):
        return dotted
    products = data.get("products") if isinstance(data, dict) else None
    product = products[loc[1]] if isinstance(products, list) and loc[1] < len(products) else None
    name = product.get("name") if isinstance(product, dict) else None
    which = f"{loc[1] + 1}번째 제품" + (f" '{name}'" if isinstance(name, str) and name.strip() else "")
    if len(loc) == 2:
        return f"{which} ({dotted})"
    label = PRODUCT_FIELDS.get(str(loc[2]), str(loc[2]))
    return f"{which}의 {label} ({dotted})"


def _allowed_keys(model: type[BaseModel], loc: tuple) -> list[str]:
    """Walk the model along a location to list the keys allowed there."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if hasattr(current, "model_fields") else None
        if field is None:
            return []
        current = _inner_model(field.annotation)
        if current is None:
            return []
    return list(current.model_fields) if hasattr(current, "model_fields") else []


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None
