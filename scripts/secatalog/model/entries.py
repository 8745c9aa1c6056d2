"""MODEL: validated, immutable records of member entries (enterprise.yml, bundles).

These pydantic models are the single source of truth for the entry format: validation and
the published JSON Schema (with Korean descriptions) come from them; the scaffolds in
scaffold.py are checked against them by the tests. catalog/ files are in model/network.py.
Nothing here knows about Jinja, mkdocs or WeasyPrint.
"""

from __future__ import annotations

import difflib
import re
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, model_validator
from pydantic_core import PydanticCustomError

from ..korean import josa, quoted
from .fieldinfo import Export
from .fields import (
    BusinessNumber,
    Code,
    Count,
    Email,
    Flag,
    GithubHandle,
    ItemRef,
    Line,
    Month,
    Name,
    Paragraph,
    Phone,
    PostalCode,
    Price,
    RelFile,
    Slug,
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
                "unknown_ref",
                "알 수 없는 {label} '{value}'입니다.{suggestion}",
                {
                    "label": label,
                    "value": value,
                    "suggestion": suggest(value, known),
                    "hint": f"쓸 수 있는 값: {listing}",
                },
            )
        return value

    return AfterValidator(check)


def topic(word: str) -> str:
    """The word with its topic particle: 분류는, 조직 유형은 (after a final consonant, 은)."""
    return josa(word, "은")


def _by_name(kind: str, label: str):
    """Members type the Korean name they see ('가공식품'); tell them the id it has, or list them all."""

    def check(value: object, info: ValidationInfo) -> object:
        names: dict[str, str] = (info.context or {}).get(f"{kind}:names") or {}
        if not isinstance(value, str) or not names or value.isascii():
            return value
        listing = ", ".join(f"{ident}({name})" for name, ident in names.items())
        if value.strip() in names:
            ident = names[value.strip()]
            raise PydanticCustomError(
                "unknown_ref",
                "{topic} 영문 id로 씁니다: '{value}'의 id는 '{ident}'입니다",
                {
                    "topic": topic(label),
                    "label": label,
                    "value": value,
                    "ident": ident,
                    "hint": f"{josa(quoted(ident), '으로')} 고치세요",
                },
            )
        raise PydanticCustomError(
            "unknown_ref",
            "알 수 없는 {label} '{value}'입니다. {topic} 영문 id로 씁니다",
            {"topic": topic(label), "label": label, "value": value, "hint": f"쓸 수 있는 값: {listing}"},
        )

    return BeforeValidator(check)


def _reference(kind: str, label: str, description: str) -> Any:
    """An id field checked against the catalog's own list of that kind (the validation context)."""
    return Annotated[Code, _known(kind, label), _by_name(kind, label), Field(description=description)]


if TYPE_CHECKING:  # to a type checker each reference is the id it holds
    CategoryRef = str
    SectionRef = str
    OrgTypeRef = str
    CertRef = str
    ChannelRef = str
else:
    CategoryRef = _reference("categories", "분류", "catalog/categories.yml의 분류 id (하위 분류)")
    SectionRef = _reference("sections", "분류", "catalog/categories.yml의 분류 id (큰 분류 또는 하위 분류)")
    OrgTypeRef = _reference("org_types", "조직 유형", "catalog/org_types.yml의 조직 유형 id")
    CertRef = _reference("certifications", "인증", "catalog/certifications.yml의 인증 id")
    ChannelRef = _reference("channels", "구매 경로", "catalog/procurement.yml의 구매 경로 id")


class Contact(Record):
    role: Line = Field("", description="담당자 직책 (예: 사무국장)")
    phone: Phone | None = Field(None, description="담당자 전화")
    email: Email | None = Field(None, description="담당자 이메일")
    fax: Phone | None = Field(None, description="팩스 번호")
    address: Line = Field("", description="찾아오는 주소")
    hours: Line = Field("", description="업무 시간 (예: 평일 9:00~18:00)")


# --- member entries (content/enterprises/<slug>/enterprise.yml) -------------------------


FOCUS_POSITION = {
    "center": "50% 50%",
    "top": "50% 0%",
    "bottom": "50% 100%",
    "left": "0% 50%",
    "right": "100% 50%",
    "top-left": "0% 0%",
    "top-right": "100% 0%",
    "bottom-left": "0% 100%",
    "bottom-right": "100% 100%",
}
"""Where each focus sits in the photo, as object-position: a crop keeps that edge or corner."""
FOCUS_WORDS = tuple(FOCUS_POSITION)
_FOCUS_SHARE = re.compile(r"(\d{1,3})% (\d{1,3})%")


def _focus(value: str) -> str:
    """A named part (top) or a point as shares across and down ('50% 70%': a crop keeps the
    tents and the people under them, where 'bottom' cut the tents and 'center' the people)."""
    point = _FOCUS_SHARE.fullmatch(value.strip())
    if value in FOCUS_WORDS or (point and all(int(n) <= 100 for n in point.groups())):
        return value.strip()
    raise PydanticCustomError(
        "focus",
        "알 수 없는 남길 부분 '{value}'입니다",
        {"value": value, "hint": f"쓸 수 있는 값: {', '.join(FOCUS_WORDS)}, 또는 가로·세로 위치 (예: 50% 70%)"},
    )


Focus = Annotated[str, AfterValidator(_focus)]
"""The part of a photo a crop keeps (FOCUS_POSITION), or its point in shares."""


class Photo(Record):
    file: RelFile = Field(description="같은 폴더에 있는 사진 파일 이름 (JPEG, PNG, WebP)")
    alt: Annotated[Line, Field(min_length=2)] = Field(description="사진 설명 (화면낭독기용 대체 텍스트, 필수)")
    focus: Focus = Field(
        "center",
        title="남길 부분",
        description="카드·표지처럼 사진을 잘라 넣을 때 꼭 남길 부분: center(가운데, 기본), top(위), bottom(아래), "
        "left(왼쪽), right(오른쪽), top-left(왼쪽 위), top-right, bottom-left, bottom-right, "
        "또는 가로·세로 위치 (예: 50% 70%는 가운데에서 아래쪽으로 70%)",
    )


class Certification(Record):
    type: CertRef
    number: Line = Field("", description="인증 번호")
    issued: date | None = Field(None, description="인증일 (YYYY-MM-DD)")
    expires: date | None = Field(None, description="유효기간 종료일 (YYYY-MM-DD)")
    file: RelFile | None = Field(None, description="인증서 파일 (PDF 또는 이미지, 같은 폴더)")

    @model_validator(mode="after")
    def _dates_in_order(self) -> Certification:
        if self.issued and self.expires and self.issued > self.expires:
            raise PydanticCustomError(
                "cert_dates",
                "인증일(issued {issued})이 유효기간 종료일(expires {expires})보다 늦습니다",
                {
                    "issued": str(self.issued),
                    "expires": str(self.expires),
                    "hint": "인증서의 두 날짜를 다시 확인하세요",
                },
            )
        return self


class CheckPoint(Record):
    difference: Paragraph = Field("", description="기존 업체와 다른 점, 강점")
    social_value: Paragraph = Field("", description="이 제품을 사면 생기는 사회적 가치")


class SalesChannel(Record):
    type: ChannelRef
    url: Url | None = Field(None, description="이 곳의 상품 주소")
    note: Line = Field("", description="덧붙이는 말")


# A product or service. Each field's title is what members and buyers call it (error messages,
# the item page: label() in templates); an Export marker makes it a column of products.csv/xlsx
# and the data dictionary. (A comment, not a docstring: a docstring would reach the JSON Schema.)
class Product(Record):
    id: Slug = Field(title="id", description="제품 id: 영문 소문자·숫자·하이픈 (주소에 쓰임)")
    kind: Annotated[
        Literal["product", "service"],
        Export(8, "물품 (product) 또는 서비스(용역) (service): 표에는 이름과 코드를 함께 씁니다"),
    ] = Field("product", title="구분", description="product(물품) 또는 service(용역)")
    name: Annotated[Name, Export(28, "제품·서비스 이름", header="상품명")] = Field(
        title="이름", description="제품·서비스 이름"
    )
    category: CategoryRef = Field(title="분류")
    summary: Line = Field("", title="한 줄 소개", description="한 줄 소개")
    description: Paragraph = Field("", title="설명", description="자세한 설명 (마크다운 일부 사용 가능)")
    photos: list[Photo] = Field([], title="사진", description="제품 사진 (첫 사진이 대표)")
    price: Annotated[Price, Export(11, "가격(원). '협의'면 현장 확인 후 견적", header="가격(원)")] = Field(
        title="가격", description='가격(원, 숫자만) 또는 "협의"'
    )
    unit: Annotated[Line, Export(12, header="단위")] = Field(
        "", title="가격 단위", description="가격 단위 (예: 1개, 1인분, 1회)"
    )
    vat_included: Annotated[Flag, Export(10, "가격에 부가세가 포함되었는지 (TRUE/FALSE)")] = Field(
        True, title="부가세 포함", description="가격에 부가세가 들어 있으면 true, 별도면 false"
    )
    price_note: Annotated[Line, Export(20, "가격에 대한 설명")] = Field(
        "", title="가격 설명", description="가격 설명 (예: 50개 이상 10% 할인)"
    )
    gift: Flag = Field(
        False,
        title="선물",
        description="선물로 파는 물품이면 true: 한 개(한 세트) 가격이 선물 가액 한도 이내일 때 '선물 한도 이내'로 표시",
    )
    min_order: Annotated[Line, Export(12)] = Field("", title="최소 주문", description="최소 주문 (예: 20개)")
    lead_time: Annotated[Line, Export(14)] = Field("", title="납품 기간", description="납품 기간 (예: 주문 후 3일)")
    months: Annotated[list[Month], Export(12, "판매 월 (비어 있으면 연중)", header="판매 월")] = Field(
        [], title="판매 시기", description="판매 시기 (월 목록, 비우면 연중)"
    )
    season_note: Annotated[Line, Export(16, "판매 시기에 대한 설명")] = Field(
        "", title="판매 시기 설명", description="판매 시기 설명 (예: 명절 전 2주)"
    )
    delivery_area: Annotated[Line, Export(16, header="지역")] = Field(
        "", title="배송·서비스 지역", description="배송·서비스 지역"
    )
    certifications: list[Certification] = Field([], title="인증", description="제품 인증 (HACCP, 녹색인증 등)")
    check_point: CheckPoint = Field(CheckPoint(), title="체크 포인트", description="구매 담당자가 볼 점")
    added: date | None = Field(
        None, title="등록일", description="등록일 (YYYY-MM-DD): 첫 화면의 '새로 올라온 제품'에 쓰임"
    )
    keywords: list[Annotated[Line, Field(max_length=40)]] = Field(
        [], title="검색어", description="검색어·다른 이름 (예: 회의 도시락)"
    )
    channels: list[SalesChannel] = Field([], title="구매 경로", description="살 수 있는 곳")

    @model_validator(mode="after")
    def _gift_is_goods(self) -> Product:
        if self.gift and self.kind == "service":
            raise PydanticCustomError(
                "gift_service",
                "용역(service)은 선물로 표시할 수 없습니다 (gift: true)",
                {"hint": "선물로 파는 물품에만 gift: true를 쓰고, 이 줄은 지우세요"},
            )
        return self


class HistoryItem(Record):
    year: Year = Field(description="연도")
    text: Line = Field(description="있었던 일 (한 줄)")


class WorkerInfo(Record):
    paid: Count = Field(description="유급 근로자 수")
    vulnerable: Count = Field(0, description="취약계층 근로자 수")
    vulnerable_groups: list[Line] = Field([], description="취약계층 유형 (예: 고령자, 장애인)")


class ProcurementRecord(Record):
    year: Year = Field(description="연도")
    buyer: Line = Field(description="산 기관 (예: OO시청 총무과)")
    item: Line = Field(description="산 것")
    amount: Won | None = Field(None, description="금액(원, 숫자만)")


class Contribution(Record):
    type: Literal["social-service", "innovation", "community", "local-jobs", "equipment", "service-quality"] = Field(
        description="사회공헌 유형"
    )
    text: Line = Field(description="한 일 (한 줄)")
    beneficiaries: list[Line] = Field([], description="도움받은 사람들 (예: 독거 어르신)")


SOCIAL_PURPOSES = {
    "jobs": "일자리제공형",
    "services": "사회서비스제공형",
    "community": "지역사회공헌형",
    "mixed": "혼합형",
    "innovation": "창의혁신형",
}
CONTRIBUTION_TYPES = {
    "social-service": "사회서비스",
    "innovation": "창의혁신",
    "community": "지역공헌",
    "local-jobs": "지역일자리",
    "equipment": "전문장비",
    "service-quality": "서비스품질",
}


class Enterprise(Record):
    name: Name = Field(description="기업 이름")
    org_type: OrgTypeRef
    mission: Line = Field(description="한 줄 미션")
    introduction: Paragraph = Field("", description="기업 소개 (여러 문단, 마크다운 일부 사용 가능)")
    social_purpose: Literal["jobs", "services", "community", "mixed", "innovation"] = Field(
        description="사회적 목적 유형: jobs(일자리제공), services(사회서비스제공), "
        "community(지역사회공헌), mixed(혼합), innovation(창의혁신)"
    )
    founded: Year | None = Field(None, description="설립 연도")
    business_number: BusinessNumber | None = Field(None, description="사업자등록번호")
    representative: Line = Field("", description="대표자 (예시 자료에는 가명)")
    address: Line = Field("", description="주소")
    postal_code: PostalCode | None = Field(None, description="우편번호")
    phone: Phone | None = Field(None, description="대표 전화")
    email: Email | None = Field(None, description="대표 이메일")
    website: Url | None = Field(None, description="누리집 주소 (https://로 시작)")
    contact: Contact = Field(Contact(), description="구매 담당자 (대표 연락처와 다를 때)")
    certifications: list[Certification] = Field([], description="기업 인증·지정 (사회적기업 인증 등)")
    workers: WorkerInfo | None = Field(None, description="근로자 수")
    history: list[HistoryItem] = Field([], description="걸어온 길")
    procurement_record: list[ProcurementRecord] = Field([], description="공공구매 실적")
    social_contribution: list[Contribution] = Field([], description="사회공헌 활동")
    channels: list[SalesChannel] = Field([], description="살 수 있는 곳 (공공조달몰 등)")
    photos: list[Photo] = Field([], description="기업 사진")
    maintainers: list[GithubHandle] = Field([], description="이 항목을 관리하는 GitHub 아이디")
    products: list[Product] = Field(min_length=1, description="제품·서비스 목록")


class BundleItem(Record):
    product: ItemRef = Field(description="기업 slug/제품 id")
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
    months: list[Month] = Field([], description="판매 시기 (월 목록, 비우면 연중)")
    gift: Flag = Field(
        False, description="선물로 파는 꾸러미면 true: 가격이 선물 가액 한도 이내일 때 '선물 한도 이내'로 표시"
    )
