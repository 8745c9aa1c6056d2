"""What only the secretariat may say: a member's text may not claim sole-source eligibility or
the secretariat's confirmation. The catalog states both itself, from catalog/verified.yml.

A product named "무료 도시락 · 수의계약 가능 (사무국 확인)" would carry that claim into titles,
share tags, search, cards and open data; such phrases are refused in every member-written
field, however they are spaced, dotted or disguised with compatibility forms.
"""

from __future__ import annotations

import re
import unicodedata

from pydantic import BaseModel

from .errors import Report
from .load import Document
from .texts import strings
from .validate import field_label

# Matched on the text with everything but letters and digits removed ("수의 계약·가능" -> "수의계약가능").
_CLAIMS = re.compile(
    r"수의계약(?:이|을|도|으로|의)?(?:가능|대상|할수있|체결가능|특례대상|적격)"
    r"|사무국(?:이|에서|의|으로부터)?(?:확인|검증|인증|승인)"
    r"|(?:확인|검증)(?:이)?완료"
)


def _compact(text: str) -> tuple[str, list[int]]:
    """Letters and digits only, after NFKC, with where each came from in the text."""
    kept, where = [], []
    for i, ch in enumerate(text):
        for part in unicodedata.normalize("NFKC", ch):
            if part.isalnum():
                kept.append(part)
                where.append(i)
    return "".join(kept), where


def claim_in(text: str) -> str | None:
    """The phrase of the text that claims eligibility or confirmation, as written; else None."""
    compact, where = _compact(text)
    found = _CLAIMS.search(compact)
    if found is None:
        return None
    return text[where[found.start()] : where[found.end() - 1] + 1]


def check_claims(doc: Document, record: BaseModel, report: Report) -> None:
    """Refuse, in every text of a member's entry, the claims only the secretariat may make."""
    for at, text in strings(record):
        phrase = claim_in(text)
        if phrase:
            report.error(
                doc.locate(at),
                f"'{phrase}'처럼 수의계약 가능 여부나 사무국 확인을 말하는 문구는 회원이 쓸 수 없습니다",
                "이 문구를 지우세요. 수의계약 가능 여부와 사무국 확인 표시는 사무국이 공식 자료와 대조한 "
                "기록(catalog/verified.yml)으로 카탈로그가 직접 붙입니다",
                field_label(doc.data, at),
            )
