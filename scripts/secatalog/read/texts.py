"""Texts a member left unfinished: the form's example wording, and emoji the print fonts lack.
One rule for enterprise files and case files alike."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from ..errors import Report
from ..korean import josa, quoted
from .documents import Document
from .scaffold import PLACEHOLDERS


def strings(value: Any, at: tuple = ()):
    """Every text in a record, with where it is."""
    if isinstance(value, str):
        yield at, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from strings(getattr(value, name), (*at, name))
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from strings(item, (*at, i))


def is_pictograph(ch: str) -> bool:
    code = ord(ch)
    return 0x1F000 <= code <= 0x1FAFF or 0x2600 <= code <= 0x27BF


def check_texts(doc: Document, record: BaseModel, report: Report) -> None:
    """Texts left as the form's examples are errors; emoji, which print as empty boxes, warnings."""
    for at, text in strings(record):
        if text.strip() in PLACEHOLDERS:
            placeholder(doc.locate(at), text, report)
        elif any(is_pictograph(ch) for ch in text):
            report.warn(
                doc.locate(at),
                "그림 문자(이모지)는 인쇄물의 글꼴에 없어 빈 네모로 인쇄됩니다",
                "인쇄물에도 실릴 글이면 그림 문자를 지우세요",
            )


def placeholder(location, text: str, report: Report) -> None:
    report.error(
        location,
        f"양식의 예시 문구 {josa(quoted(text.strip()), '이')} 그대로 있습니다",
        "실제 내용으로 바꾸거나, 필요 없는 항목이면 줄을 지우세요",
    )
