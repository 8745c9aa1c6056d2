"""VALIDATE: check parsed documents against the models, with Korean messages at file:line."""

from __future__ import annotations

import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..errors import Location, Report
from ..model import fieldinfo
from ..model.entries import Product, suggest
from ..model.values import RawFloat, RawInt
from .documents import Document
from .mistakes import better_hint

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
    "string_pattern_mismatch": ("형식이 맞지 않습니다", "형식을 확인하세요"),
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
    from ..markup import MarkdownProblem, check_markdown

    try:
        check_markdown(text)
    except MarkdownProblem as exc:
        report.error(location, exc.message, exc.hint, field)
        return False
    return True


def _report_one(doc: Document, model: type[BaseModel], loc: tuple, err: ErrorDetails, report: Report) -> None:
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
        message, hint = message.format(**ctx), hint.format(**ctx)
        if kind != "missing":  # how to write this field, as the field (or its type) says
            hint = fieldinfo.hint(model, loc) or hint
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
    field = fieldinfo.field_at(model, loc)
    if field is None:
        return ""
    choices = [a for a in typing.get_args(field.annotation) if isinstance(a, str)]
    if typing.get_origin(field.annotation) is typing.Literal and choices:
        return f"이 항목을 추가하세요. 쓸 수 있는 값: {', '.join(choices)}"
    return ""


def _received(value: Any, kind: str) -> str:
    if (
        kind in ("missing", "extra_forbidden", "unknown_ref", "focus")
        or isinstance(value, (dict, list))
        or value is None
    ):
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
    label = fieldinfo.label(Product, str(loc[2]))
    return f"{which}의 {label} ({dotted})"


def _allowed_keys(model: type[BaseModel], loc: tuple) -> list[str]:
    """The keys allowed at a location: the fields of the record it points into."""
    if not loc:
        return list(model.model_fields)
    field = fieldinfo.field_at(model, loc)
    current = fieldinfo.inner_model(field.annotation) if field is not None else None
    return list(current.model_fields) if current is not None else []
