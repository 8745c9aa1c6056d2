"""Commented, valid starting files for members: `secatalog new enterprise|product`.

A comment that says what a field is, {about[...]}, is the field's description in model/entries.py;
comments with advice beyond it (how to write a phone number) are the scaffold's own."""

from __future__ import annotations

import json
from datetime import date

from pydantic import BaseModel

from ..model.entries import Enterprise, Product

ENTERPRISE = """\
# yaml-language-server: $schema=../../schema/enterprise.schema.json
# 기업 정보 파일입니다. '#' 뒤는 설명이라 지워도 됩니다.
# 값에 쉼표(,)나 콜론(:)이 있으면 큰따옴표로 감싸세요. 전화번호·우편번호도 따옴표가 안전합니다.
name: {name}                     # {about[name]}
org_type: {org_type}             # 조직 유형: {org_types}
mission: {mission}               # {about[mission]}
social_purpose: jobs             # jobs(일자리) services(사회서비스) community(지역공헌)
#                                mixed(혼합) innovation(창의혁신)
# founded: 2020                  # {about[founded]}
# phone: "02-000-0000"           # 대표 전화 (하이픈 포함)
# email: hello@example.org
# website: https://example.org
# contact: {{role: 사무국장, phone: "02-000-0000", email: order@example.org}}
# certifications:                # 인증: type은 catalog/certifications.yml의 id
#   - {{type: social-enterprise, number: "인증번호", issued: 2020-01-01, expires: 2027-12-31}}
# workers: {{paid: 10, vulnerable: 4, vulnerable_groups: [고령자]}}   # 수의계약 판정에 쓰입니다
# photos:                        # 같은 폴더의 사진과 설명(대체 텍스트, 필수)
#   - {{file: workplace.jpg, alt: "작업장 모습"}}
maintainers: [{maintainer}]      # 이 파일을 고칠 수 있는 GitHub 아이디
products:
{product}"""

PRODUCT = """\
  - id: {id}                     # {about[id]}
    kind: {kind}                 # {about[kind]}
    name: {name}
    category: {category}         # {about[category]}
    # summary: "한 줄 소개를 적으세요"
    price: 협의                  # 숫자(원, 쉼표 없이) 또는 협의
    unit: ""                     # {about[unit]}
    # gift: true                   # 선물로 파는 물품이면 (한 개 가격이 선물 한도 이내일 때 표시)
    added: {added}
    # photos:
    #   - {{file: product.jpg, alt: "제품 사진 설명"}}
    #     # 카드·표지에 잘라 넣을 때 꼭 남길 부분이 가장자리에 있으면: focus: top (bottom, left, right)
    # min_order: "20개"
    # lead_time: "주문 후 3일"
    # months: [9, 10, 11]        # {about[months]}
    # keywords: [다른 이름, 검색어]
"""


# Example texts of the scaffolds and the join form: an entry still holding one is not finished.
PLACEHOLDERS = frozenset(
    {
        "우리 기업의 미션을 한 줄로 적어 주세요",
        "첫 제품 이름",
        "한 줄 소개를 적으세요",
        "인증번호",
        "제품 사진 설명",
        "작업장 모습",
        # the join form (assets/join.js)
        "무엇이 보이는지 한 문장으로",
        # the case form
        "신문 제목처럼 한 줄로 (예: 회의 도시락 전량을 협동조합 도시락으로)",
        "어떤 문제가 있었나요?",
        "무엇을 샀나요?",
        "결과를 숫자로 (예: 배달 지연 0건)",
        "어떤 사회적 가치가 생겼나요?",
        "여기에 사례 이야기를 씁니다.",
        "인용할 말",
        "직책",
        "사진 설명",
        "다른 부서와 함께한 일 (칸막이 행정 극복)",
        "도·국가 공모 사업 선정",
    }
)


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _about(model: type[BaseModel]) -> dict[str, str]:
    return {name: field.description or "" for name, field in model.model_fields.items()}


def product_block(product_id: str, name: str, category: str, kind: str, today: date) -> str:
    return PRODUCT.format(
        id=product_id, kind=kind, name=_q(name), category=category, added=today.isoformat(), about=_about(Product)
    )


def enterprise_file(name: str, org_type: str, org_types: list[str], mission: str, maintainer: str, product: str) -> str:
    return ENTERPRISE.format(
        name=_q(name),
        org_type=org_type,
        org_types=", ".join(org_types),
        mission=_q(mission),
        maintainer=_q(maintainer) if maintainer else "",
        product=product,
        about=_about(Enterprise),
    )


CASE = """\
---
# 사례집 사례입니다. '---' 두 줄 사이는 머리 정보, 그 아래는 본문(마크다운)입니다.
title: {title}
headline: "신문 제목처럼 한 줄로 (예: 회의 도시락 전량을 협동조합 도시락으로)"
agency: {agency}                 # 구매 기관 (예: OO시청 총무과)
department: ""                   # 구매 부서 (예: 총무과, 모르면 비워 둠)
year: {year}
chapter: {chapter}               # casebook/book.yml의 장 id: {chapters}
enterprises: [{enterprise}]      # content/enterprises/의 기업 폴더 이름
items: []                        # 쓰인 제품: [기업폴더/제품id]
problem: "어떤 문제가 있었나요?"
purchase: {{what: "무엇을 샀나요?", route: sole-source, amount: 0}}   # route: sole-source mall bid quote value-market
results:
  - "결과를 숫자로 (예: 배달 지연 0건)"
social_value: "어떤 사회적 가치가 생겼나요?"
# collaboration: "다른 부서와 함께한 일 (칸막이 행정 극복)"
# programme: "도·국가 공모 사업 선정"
# quote: {{text: "인용할 말", by: "직책"}}
# photos:
#   - {{file: case.jpg, alt: "사진 설명"}}
---
여기에 사례 이야기를 씁니다.
"""


def case_file(title: str, agency: str, year: int, chapter: str, chapters: list[str], enterprise: str) -> str:
    return CASE.format(
        title=_q(title),
        agency=_q(agency),
        year=year,
        chapter=chapter,
        chapters=", ".join(chapters),
        enterprise=enterprise,
    )
