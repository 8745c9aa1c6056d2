"""MODEL: validated, immutable records for catalog configuration and member entries.

These pydantic models are the single source of truth for the entry format: validation,
the published JSON Schema (with Korean descriptions) and the scaffolds all come from them.
Nothing here knows about Jinja, mkdocs or WeasyPrint.
"""

from __future__ import annotations

import difflib
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo
from pydantic_core import PydanticCustomError

from .fields import (
    BusinessNumber,
    Code,
    Count,
    Email,
    Flag,
    GithubHandle,
    Line,
    Month,
    Name,
    Paragraph,
    Phone,
    PostalCode,
    Price,
    RelFile,
    Slug,
    Text,
    Url,
    Won,
    Year,
)


class Record(BaseModel):
    """Base for every record: immutable, unknown keys refused."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False)


# --- references checked against the catalog's own taxonomy (validation context) ---------

def suggest(value: str, choices: list[str] | set[str]) -> str:
    """Return a Korean 'did you mean' phrase, or an empty string."""
    close = difflib.get_close_matches(str(value), sorted(choices), n=1, cutoff=0.6)
    return f" 혹시 '{close[0]}'인가요?" if close else ""


def _known(kind: str, label: str):
    def check(value: str, info: ValidationInfo) -> str:
        known = (info.context or {}).get(kind)
        if known is not None and value not in known:
            listing = ", ".join(sorted(known)[:12])
            raise PydanticCustomError(
                "unknown_ref", "알 수 없는 {label} '{value}'입니다.{suggestion}",
                {"label": label, "value": value, "suggestion": suggest(value, known),
                 "hint": f"쓸 수 있는 값: {listing}"})
        return value
    return AfterValidator(check)


CategoryRef = Annotated[Code, _known("categories", "분류"),
                        Field(description="catalog/categories.yml의 분류 id (하위 분류)")]
OrgTypeRef = Annotated[Code, _known("org_types", "조직 유형"),
                       Field(description="catalog/org_types.yml의 조직 유형 id")]
CertRef = Annotated[Code, _known("certifications", "인증"),
                    Field(description="catalog/certifications.yml의 인증 id")]
ChannelRef = Annotated[Code, _known("channels", "구매 경로"),
                       Field(description="catalog/procurement.yml의 구매 경로 id")]


# --- catalog configuration (catalog/*.yml) -------------------------------------------------

class Subcategory(Record):
    id: Slug
    name: Name
    keywords: list[Line] = []


class Category(Record):
    id: Slug
    name: Name = Field(description="분류 이름 (한국어)")
    icon: Text = Field("", description="mkdocs-material 아이콘 이름 (예: material/food-apple)")
    description: Line = ""
    children: list[Subcategory] = []


class Taxonomy(Record):
    categories: list[Category]


class OrgType(Record):
    id: Slug
    name: Name
    short: Name = Field(description="배지에 쓰는 짧은 이름")
    description: Line = ""


class CertType(Record):
    id: Slug
    name: Name
    applies_to: Literal["enterprise", "product", "both"] = "both"
    description: Line = ""
    url: Url | None = None


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


class Contact(Record):
    role: Line = Field("", description="담당자 직책 (예: 사무국장)")
    phone: Phone | None = None
    email: Email | None = None


class Network(Record):
    name: Name = Field(description="네트워크 이름")
    city: Name = Field(description="도시 이름")
    region: Line = ""
    edition: Line = Field("", description="판 이름 (예: 2026년판)")
    site_url: Url = Field(description="공개 사이트 주소 (QR·공유 링크에 쓰임)")
    description: Line = ""
    sample_notice: Line = Field("", description="예시 자료 안내 문구 (비우면 표시하지 않음)")
    contact: Contact = Contact()
    secretariat: list[GithubHandle] = Field([], description="사무국 GitHub 아이디 (모든 파일 관리)")
    repository: Url | None = Field(None, description="GitHub 저장소 주소 (참여하기 양식의 'GitHub에서 올리기'에 쓰임)")
    data_licence: Line = Field("공공누리 제1유형", description="공개 데이터 이용 조건")
    photo_licence: Line = Field("사진 저작권은 각 기업에 있습니다", description="사진 이용 조건")


# --- member entries (content/enterprises/<slug>/enterprise.yml) -------------------------

class Photo(Record):
    file: RelFile = Field(description="같은 폴더에 있는 사진 파일 이름 (JPEG, PNG, WebP)")
    alt: Annotated[Line, Field(min_length=2)] = Field(
        description="사진 설명 (화면낭독기용 대체 텍스트, 필수)")


class Certification(Record):
    type: CertRef
    number: Line = Field("", description="인증 번호")
    issued: date | None = Field(None, description="인증일 (YYYY-MM-DD)")
    expires: date | None = Field(None, description="유효기간 종료일 (YYYY-MM-DD)")
    file: RelFile | None = Field(None, description="인증서 파일 (PDF 또는 이미지, 같은 폴더)")


class CheckPoint(Record):
    difference: Paragraph = Field("", description="기존 업체와 다른 점, 강점")
    social_value: Paragraph = Field("", description="이 제품을 사면 생기는 사회적 가치")


class SalesChannel(Record):
    type: ChannelRef
    url: Url | None = None
    note: Line = ""


class Product(Record):
    id: Slug = Field(description="제품 id: 영문 소문자·숫자·하이픈 (주소에 쓰임)")
    kind: Literal["product", "service"] = Field("product", description="product(물품) 또는 service(용역)")
    name: Name = Field(description="제품·서비스 이름")
    category: CategoryRef
    summary: Line = Field("", description="한 줄 소개")
    description: Paragraph = Field("", description="자세한 설명 (마크다운 일부 사용 가능)")
    photos: list[Photo] = []
    price: Price = Field(description='가격(원, 숫자만) 또는 "협의"')
    unit: Line = Field("", description="가격 단위 (예: 1개, 1인분, 1회)")
    price_note: Line = ""
    vat_included: Flag = True
    min_order: Line = Field("", description="최소 주문 (예: 20개)")
    lead_time: Line = Field("", description="납품 기간 (예: 주문 후 3일)")
    months: list[Month] = Field([], description="판매 시기 (월 목록, 비우면 연중)")
    season_note: Line = ""
    delivery_area: Line = Field("", description="배송·서비스 지역")
    certifications: list[Certification] = []
    check_point: CheckPoint = CheckPoint()
    added: date | None = Field(None, description="등록일 (YYYY-MM-DD): 첫 화면의 '새로 올라온 제품'에 쓰임")
    keywords: list[Annotated[Line, Field(max_length=40)]] = Field(
        [], description="검색어·다른 이름 (예: 회의 도시락)")
    channels: list[SalesChannel] = []


class HistoryItem(Record):
    year: Year
    text: Line


class WorkerInfo(Record):
    paid: Count = Field(description="유급 근로자 수")
    vulnerable: Count = Field(0, description="취약계층 근로자 수")
    vulnerable_groups: list[Line] = Field([], description="취약계층 유형 (예: 고령자, 장애인)")


class ProcurementRecord(Record):
    year: Year
    buyer: Line
    item: Line
    amount: Won | None = None


class Contribution(Record):
    type: Literal["social-service", "innovation", "community", "local-jobs", "equipment",
                  "service-quality"] = Field(description="사회공헌 유형")
    text: Line
    beneficiaries: list[Line] = []


SOCIAL_PURPOSES = {"jobs": "일자리제공형", "services": "사회서비스제공형", "community": "지역사회공헌형",
                   "mixed": "혼합형", "innovation": "창의혁신형"}
CONTRIBUTION_TYPES = {"social-service": "사회서비스", "innovation": "창의혁신", "community": "지역공헌",
                      "local-jobs": "지역일자리", "equipment": "전문장비", "service-quality": "서비스품질"}


class Enterprise(Record):
    name: Name = Field(description="기업 이름")
    org_type: OrgTypeRef
    mission: Line = Field(description="한 줄 미션")
    social_purpose: Literal["jobs", "services", "community", "mixed", "innovation"] = Field(
        description="사회적 목적 유형: jobs(일자리제공), services(사회서비스제공), "
                    "community(지역사회공헌), mixed(혼합), innovation(창의혁신)")
    founded: Year | None = None
    business_number: BusinessNumber | None = None
    representative: Line = Field("", description="대표자 (예시 자료에는 가명)")
    address: Line = ""
    postal_code: PostalCode | None = None
    phone: Phone | None = None
    email: Email | None = None
    website: Url | None = None
    contact: Contact = Contact()
    certifications: list[Certification] = []
    workers: WorkerInfo | None = None
    history: list[HistoryItem] = []
    procurement_record: list[ProcurementRecord] = []
    social_contribution: list[Contribution] = []
    channels: list[SalesChannel] = []
    photos: list[Photo] = []
    maintainers: list[GithubHandle] = Field([], description="이 항목을 관리하는 GitHub 아이디")
    products: list[Product] = Field(min_length=1, description="제품·서비스 목록")


class BundleItem(Record):
    product: Annotated[Text, Field(pattern=r"^[a-z0-9-]+/[a-z0-9-]+$",
                                   description="기업 slug/제품 id")]
    quantity: Line = ""


class Bundle(Record):
    name: Name
    summary: Line = ""
    description: Paragraph = ""
    occasions: list[Line] = []
    price: Price
    unit: Line = ""
    items: list[BundleItem] = Field(min_length=1)
    photo: Photo | None = None
    recipe: Paragraph = ""


class PrintSettings(Record):
    """catalog/print.yml: how the printed catalog is laid out and what rendering may cost."""

    items_per_page: Literal[1, 2] = Field(2, description="한 쪽에 싣는 품목 수 (1 또는 2)")
    chunk_timeout_s: Annotated[int, Field(ge=10, le=3600)] = Field(
        300, description="PDF 한 부분을 만드는 데 허용하는 최대 시간(초)")
    memory_limit_mb: Annotated[int, Field(ge=512, le=65536)] = Field(
        4096, description="PDF를 만드는 프로세스 하나의 메모리 한도(MB)")


class Limits(Record):
    """What a member's upload may weigh; everything larger is refused with a Korean message."""

    max_photo_mb: Annotated[int, Field(ge=1, le=200)] = Field(20, description="사진·인증서 파일 한 개의 최대 크기(MB)")
    max_megapixels: Annotated[int, Field(ge=1, le=150)] = Field(40, description="사진 한 장의 최대 화소 수(백만)")


class VerifiedCertification(Record):
    type: CertRef
    number: Annotated[Line, Field(min_length=1)] = Field(description="공식 명단에서 확인한 인증·지정 번호")
    expires: date | None = Field(None, description="공식 명단의 유효기간 종료일 (없으면 비움)")


class VerifiedWorkers(Record):
    paid: Count = Field(description="확인한 유급 근로자 수")
    vulnerable: Count = Field(description="확인한 취약계층 근로자 수")


class VerifiedFacts(Record):
    """What the secretariat confirmed for one enterprise, against which source, by whom, when."""

    checked: date = Field(description="확인한 날 (YYYY-MM-DD)")
    checked_by: Name = Field(description="확인한 사람 (직책)")
    source: Annotated[Line, Field(min_length=2)] = Field(
        description="대조한 공식 자료 (예: 한국사회적기업진흥원 인증기업 조회)")
    org_type: OrgTypeRef
    business_number: BusinessNumber | None = None
    certifications: list[VerifiedCertification] = []
    workers: VerifiedWorkers | None = None


class VerifiedFile(Record):
    """catalog/verified.yml: only the secretariat changes it; eligibility is derived from it alone."""

    enterprises: dict[Slug, VerifiedFacts] = {}


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


def context_for(taxonomy: Taxonomy, org_types: list[OrgType], certs: list[CertType],
                procurement: Procurement) -> dict[str, Any]:
    """Build the validation context that reference fields are checked against."""
    subcats = {c.id for cat in taxonomy.categories for c in cat.children}
    leaf_tops = {cat.id for cat in taxonomy.categories if not cat.children}
    return {
        "categories": subcats | leaf_tops,
        "org_types": {o.id for o in org_types},
        "certifications": {c.id for c in certs},
        "channels": {c.id for c in procurement.channels},
    }
