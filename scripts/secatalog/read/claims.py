"""What only the secretariat may say: a member's text may not claim sole-source eligibility or
the secretariat's confirmation. The catalog states both itself, from catalog/verified.yml.

A product named "무료 도시락 · 수의계약 가능 (사무국 확인)" would carry that claim into titles,
share tags, search, cards and open data; such phrases are refused in every member-written
field, however they are spaced, dotted or bracketed.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from ..errors import Report
from .documents import Document
from .texts import strings
from .validate import field_label

# Matched on the text with everything but letters and digits removed ("수의 계약·가능" -> "수의계약가능").
_CLAIMS = re.compile(
    r"수의계약(?:이|을|도|으로|의)?(?:가능|대상|할수있|체결가능|특례대상|적격)"
    r"|사무국(?:이|에서|의|으로부터)?(?:확인|검증|인증|승인)"
    r"|(?:확인|검증)(?:이)?완료"
)


# Spaces, dots, brackets and other separators. The phrases are Hangul syllables, which have no
# compatibility forms, and texts arrive in NFC (fields.py), so dropping these is all it takes.
_SEPARATORS = re.compile(r"[\W_]+")


def claim_in(text: str) -> str | None:
    """The phrase of the text that claims eligibility or confirmation, as written; else None."""
    found = _CLAIMS.search(_SEPARATORS.sub("", text))  # one C-speed pass: most texts end here
    if found is None:
        return None
    where = [i for i, ch in enumerate(text) if not _SEPARATORS.fullmatch(ch)]
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
