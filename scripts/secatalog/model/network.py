"""MODEL of catalog/: the network's configuration files (taxonomy, org types, certifications,
procurement rules, print settings, upload limits, the secretariat's confirmations).

Only the secretariat changes these files; member entries (model/entries.py) are checked against them.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from ..images import DEFAULT_MAX_FILE_MB, DEFAULT_MAX_MEGAPIXELS
from ..korean import josa, quoted
from .entries import CertRef, Contact, OrgTypeRef, Record, SectionRef
from .fields import (
    BusinessNumber,
    Colour,
    Count,
    GithubHandle,
    Line,
    Name,
    Paragraph,
    SiteUrl,
    Slug,
    Text,
    Url,
    Won,
    Year,
)


def once_each(ids: list[str], label: str, hint: str) -> None:
    """Refuse an id listed twice in one file, naming the first such id."""
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise PydanticCustomError(
            "listed_twice",
            "{label} {ident} 두 번 나옵니다",
            {"label": label, "ident": josa(quoted(twice[0]), "이"), "hint": hint},
        )


class Subcategory(Record):
    id: Slug
    name: Name
    description: Line = Field("", description="하위 분류 설명 (분류 페이지에 보임)")
    keywords: list[Line] = []


class Category(Record):
    id: Slug
    name: Name = Field(description="분류 이름 (한국어)")
    icon: Text = Field("", description="mkdocs-material 아이콘 이름 (예: material/food-apple)")
    description: Line = ""
    colour: Colour | None = Field(
        None, description="인쇄본 분류 색 (#RRGGBB, 흰 글자와 대비 4.5:1 이상). 비우면 기본 색 중 하나"
    )
    children: list[Subcategory] = []


class Taxonomy(Record):
    categories: list[Category]


class OrgType(Record):
    id: Slug
    name: Name
    short: Name = Field(description="배지에 쓰는 짧은 이름")
    description: Line = ""


# A certificate number when the catalog names no format: letters, digits and - / . ( ), no spaces,
# so nothing like "· 사무국 확인 2026-10-20" can be passed off as a number.
DEFAULT_NUMBER_PATTERN = r"^[0-9A-Za-z가-힣](?:[0-9A-Za-z가-힣()/.-]{0,38}[0-9A-Za-z가-힣)])?$"


class CertType(Record):
    id: Slug
    name: Name
    applies_to: Literal["enterprise", "product", "both"] = "both"
    description: Line = ""
    url: Url | None = None
    number_pattern: Text = Field(
        DEFAULT_NUMBER_PATTERN,
        description="인증 번호 형식 (정규식, 번호 전체와 맞아야 함). 비우면 글자·숫자·하이픈 등 공백 없는 40자 이내",
    )
    number_example: Line = Field("", description="번호의 예 (형식이 맞지 않을 때 회원에게 보여 줌)")

    @model_validator(mode="after")
    def _pattern_compiles(self) -> CertType:
        try:
            re.compile(self.number_pattern)
        except re.error as exc:
            raise PydanticCustomError(
                "number_pattern",
                "인증 번호 형식(number_pattern)이 올바른 정규식이 아닙니다: {error}",
                {"error": str(exc), "hint": "예: '^[0-9]{4}-[0-9]{3}$' (따옴표로 감싸세요)"},
            ) from None
        return self

    def number_fits(self, number: str) -> bool:
        return re.fullmatch(self.number_pattern, number) is not None


class Channel(Record):
    id: Slug
    name: Name
    description: Line = ""


class EligibilityRule(Record):
    """One route to a sole-source contract (수의계약), with its legal basis."""

    id: Slug
    label: Name
    org_types: list[Slug] = Field(min_length=1)
    requires_certification: Slug | None = None
    min_vulnerable_share: float | None = Field(None, ge=0, le=1)
    limit_krw: Won
    basis: Line


class Procurement(Record):
    as_of_year: Year = Field(description="기준 연도")
    checked: date = Field(description="확인일: 규정을 마지막으로 확인한 날")
    note: Line = ""
    priority_purchase: Paragraph = Field("", description="우선구매 제도 설명")
    gift_limit_krw: Won = Field(description="청탁금지법 선물 가액 한도(원)")
    expiry_warning_days: Count = 60
    sole_source_rules: list[EligibilityRule]
    channels: list[Channel]


class Network(Record):
    name: Name = Field(description="네트워크 이름")
    city: Name = Field(description="도시 이름")
    region: Line = ""
    edition: Line = Field("", description="판 이름 (예: 2026년판)")
    site_url: SiteUrl = Field(description="공개 사이트 주소 (QR·공유 링크에 쓰임)")
    description: Line = ""
    sample_notice: Line = Field("", description="예시 자료 안내 문구 (비우면 표시하지 않음)")
    colour: Colour = Field(
        "#283593", description="대표 색 (#RRGGBB): 배너와 위젯의 바탕·글자 색. 흰 글자와 대비 4.5:1 이상인 진한 색"
    )
    contact: Contact = Contact()
    secretariat: list[GithubHandle] = Field([], description="사무국 GitHub 아이디 (모든 파일 관리)")
    repository: Url | None = Field(None, description="GitHub 저장소 주소 (참여하기 양식의 'GitHub에서 올리기'에 쓰임)")
    data_licence: Line = Field("공공누리 제1유형", description="공개 데이터 이용 조건")
    photo_licence: Line = Field("사진 저작권은 각 기업에 있습니다", description="사진 이용 조건")


class CalendarSettings(Record):
    """The desk calendar for civil servants (print/calendar.pdf)."""

    year: Year | None = Field(None, description="달력 연도 (비우면 만드는 날의 다음 해)")
    tips: list[Line] = Field(
        [], max_length=12, description="달마다 한 줄 공공구매 도움말, 1월부터 차례로 (비운 달은 도움말 없음)"
    )


class PrintEdition(Record):
    """A printed catalog of part of the network: its own contents, index and page numbers
    (print/editions/<id>-print.pdf and -screen.pdf). A national catalog is printed this way."""

    id: Slug = Field(description="파일 이름이 될 영문 id (예: food, chungnam)")
    title: Name = Field(description="표지와 책갈피에 쓰는 제목 (예: 먹을거리 카탈로그)")
    categories: list[SectionRef] = Field([], description="싣는 분류 id (비우면 모든 분류)")
    org_types: list[OrgTypeRef] = Field([], description="싣는 조직 유형 id (비우면 모든 유형)")
    regions: list[Annotated[Line, Field(min_length=1)]] = Field(
        [], description="주소에 이 낱말이 들어간 기업만 싣습니다 (예: 논산시). 비우면 모든 지역"
    )


class PrintSettings(Record):
    """catalog/print.yml: how the printed catalog is laid out and what rendering may cost."""

    items_per_page: Literal[1, 2] = Field(2, description="한 쪽에 싣는 품목 수 (1 또는 2)")
    chunk_timeout_s: Annotated[int, Field(ge=10, le=3600)] = Field(
        300, description="PDF 한 부분을 만드는 데 허용하는 최대 시간(초)"
    )
    memory_limit_mb: Annotated[int, Field(ge=512, le=65536)] = Field(
        4096, description="PDF 한 부분을 만들 때 더 쓸 수 있는 메모리 한도(MB)"
    )
    calendar: CalendarSettings = CalendarSettings()
    editions: list[PrintEdition] = Field(
        [], max_length=200, description="분류별·지역별·조직 유형별 인쇄판 (전체 카탈로그 말고 더 만들 책)"
    )

    @model_validator(mode="after")
    def _distinct_editions(self) -> PrintSettings:
        once_each([e.id for e in self.editions], "인쇄판 id", "인쇄판마다 다른 id를 쓰세요 (파일 이름이 됩니다)")
        return self


class Limits(Record):
    """What a member's upload may weigh; everything larger is refused with a Korean message."""

    max_photo_mb: Annotated[int, Field(ge=1, le=200)] = Field(
        DEFAULT_MAX_FILE_MB, description="사진·인증서 파일 한 개의 최대 크기(MB)"
    )
    max_megapixels: Annotated[int, Field(ge=1, le=150)] = Field(
        DEFAULT_MAX_MEGAPIXELS, description="사진 한 장의 최대 화소 수(백만)"
    )


class VerifiedCertification(Record):
    type: CertRef
    number: Annotated[Line, Field(min_length=1)] = Field(description="공식 명단에서 확인한 인증·지정 번호")
    expires: date | None = Field(None, description="공식 명단의 유효기간 종료일 (없으면 비움)")


class VerifiedWorkers(Record):
    paid: Count = Field(description="확인한 유급 근로자 수")
    vulnerable: Count = Field(description="확인한 취약계층 근로자 수")


class VerifiedFacts(Record):
    """What the secretariat confirmed for one enterprise, against which source, by whom, when."""

    name: Name = Field(description="공식 자료에 적힌 기업 이름 (항목의 이름이 바뀌면 다시 확인)")
    checked: date = Field(description="확인한 날 (YYYY-MM-DD)")
    checked_by: Name = Field(description="확인한 사람 (직책)")
    source: Annotated[Line, Field(min_length=2)] = Field(
        description="대조한 공식 자료 (예: 한국사회적기업진흥원 인증기업 조회)"
    )
    org_type: OrgTypeRef
    business_number: BusinessNumber | None = Field(None, description="확인한 사업자등록번호 (적으면 항목과 대조)")
    certifications: list[VerifiedCertification] = Field(
        [], description="확인한 인증·지정: 번호는 회원 항목의 번호 가운데 하나여야 합니다"
    )
    workers: VerifiedWorkers | None = Field(None, description="확인한 근로자 수 (취약계층 고용 비율 요건이 있을 때)")


class VerifiedFile(Record):
    """catalog/verified.yml: only the secretariat changes it; eligibility is derived from it alone."""

    enterprises: dict[Slug, VerifiedFacts] = {}


class RegistryColumns(Record):
    """Which column of an official list's CSV export holds which fact (the header, as written)."""

    name: Annotated[Line, Field(min_length=1)] = Field(description="기업 이름 열 (예: 기업명)")
    number: Annotated[Line, Field(min_length=1)] = Field(description="인증·지정 번호 열 (예: 인증번호)")
    expires: Line = Field("", description="유효기간 종료일 열 (명단에 없으면 비움)")
    business_number: Line = Field("", description="사업자등록번호 열 (명단에 없으면 비움)")


class Registry(Record):
    """An official list the secretariat can download and compare verified.yml with."""

    id: Slug = Field(description="명단 id (verify against --registry에 씀)")
    name: Name = Field(description="명단 이름 (예: 한국사회적기업진흥원 인증기업 명단)")
    certification: CertRef = Field(description="이 명단이 확인하는 인증 id (catalog/certifications.yml)")
    columns: RegistryColumns


class VerificationSettings(Record):
    """catalog/verification.yml (optional): how the secretariat's confirmations are followed up."""

    reverify_after_days: Annotated[int, Field(ge=30, le=3650)] = Field(
        365, description="확인한 지 며칠이 지나면 다시 확인할지 (기본 365일)"
    )
    sources: dict[OrgTypeRef, list[Annotated[Line, Field(min_length=2)]]] = Field(
        {}, description="조직 유형 id마다 대조할 공식 자료 (verify draft가 초안에 적음)"
    )
    registries: list[Registry] = Field([], description="verify against로 대조할 공식 명단과 그 CSV 열 이름")


class CatalogFile(Record):
    """catalog/catalog.yml"""

    network: Network
    limits: Limits = Limits()


class OrgTypesFile(Record):
    """catalog/org_types.yml"""

    org_types: list[OrgType] = Field(min_length=1)


class CertTypesFile(Record):
    """catalog/certifications.yml"""

    certifications: list[CertType] = Field(min_length=1)


def context_for(
    taxonomy: Taxonomy, org_types: list[OrgType], certs: list[CertType], procurement: Procurement
) -> dict[str, Any]:
    """Build the validation context that reference fields are checked against."""
    leaves: list[Category | Subcategory] = []
    for cat in taxonomy.categories:  # a category without subcategories is its own leaf
        leaves += cat.children or [cat]
    return {
        "categories": {c.id for c in leaves},
        "sections": {c.id for c in leaves} | {c.id for c in taxonomy.categories},
        "org_types": {o.id for o in org_types},
        "certifications": {c.id for c in certs},
        "channels": {c.id for c in procurement.channels},
        # Korean names -> ids, for members who type what they read on the site
        "categories:names": {c.name: c.id for c in leaves},
        "org_types:names": {**{o.short: o.id for o in org_types}, **{o.name: o.id for o in org_types}},
        "certifications:names": {c.name: c.id for c in certs},
        "channels:names": {c.name: c.id for c in procurement.channels},
    }


class RetiredEntry(Record):
    slug: Slug = Field(description="목록에서 내린 기업의 폴더 이름 (옛 주소 enterprises/<slug>/)")
    name: Name = Field(description="내릴 때의 기업 이름 (옛 주소의 안내 페이지에 보임)")
    removed: date = Field(description="목록에서 내린 날 (YYYY-MM-DD)")
    note: Line = Field("", description="안내 페이지에 덧붙이는 말 (예: 폐업, 다른 네트워크로 옮김)")
    products: list[Slug] = Field(
        [], description="그 기업의 옛 제품 id: 옛 제품 주소 items/<slug>/<id>/도 안내 페이지가 됩니다"
    )


class RetiredFile(Record):
    """catalog/retired.yml"""

    retired: list[RetiredEntry] = []

    @model_validator(mode="after")
    def _each_once(self) -> RetiredFile:
        once_each([r.slug for r in self.retired], "폴더 이름", "한 기업은 한 번만 적으세요")
        return self
