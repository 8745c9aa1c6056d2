"""MODEL of the case book: casebook/book.yml, each case's front matter, and the cases as the
renderers see them (entries and items resolved)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import Field

from ..markup import won
from .catalog import EnterpriseEntry, Item, PhotoRef
from .entries import Photo, Record
from .fields import ItemRef, Line, Name, Paragraph, RelFile, Slug, Won, Year

ROUTES = {
    "sole-source": "수의계약",
    "mall": "나라장터 종합쇼핑몰",
    "bid": "입찰",
    "quote": "견적 후 계약",
    "value-market": "가치장터",
}


class Chapter(Record):
    id: Slug
    name: Name = Field(description="장 이름 (분야)")
    description: Line = ""


class Book(Record):
    """casebook/book.yml"""

    title: Name
    subtitle: Line = ""
    foreword: RelFile = Field(description="머리말 마크다운 파일 (casebook/ 안)")
    chapters: list[Chapter] = Field(min_length=1)


class Purchase(Record):
    what: Line = Field(description="무엇을 샀나")
    route: Literal["sole-source", "mall", "bid", "quote", "value-market"] = Field(
        description="계약 방법: sole-source(수의계약) mall(종합쇼핑몰) bid(입찰) quote(견적) value-market(가치장터)"
    )
    amount: Won | None = Field(None, description="계약 금액(원)")


class Quote(Record):
    text: Line
    by: Line = Field(description="말한 사람의 직책 (실명 대신)")


class CaseFront(Record):
    """Front matter of casebook/cases/<slug>.md"""

    title: Name
    headline: Line = Field(description="한 줄 제목 (신문 제목처럼)")
    agency: Name = Field(description="구매 기관")
    department: Line = Field("", description="구매 부서 (모르면 비워 둠)")
    year: Year
    chapter: Slug = Field(description="casebook/book.yml의 장 id")
    enterprises: list[Slug] = Field(min_length=1)
    items: list[ItemRef] = []
    problem: Paragraph = Field(description="어떤 문제가 있었나")
    purchase: Purchase
    results: list[Line] = Field(min_length=1, description="결과 (숫자로)")
    social_value: Paragraph = Field(description="만들어진 사회적 가치")
    collaboration: Paragraph = Field("", description="부서 간 협업 (칸막이 행정 극복)")
    programme: Line = Field("", description="도·국가 공모 사업 선정 등")
    quote: Quote | None = None
    photos: list[Photo] = []


@dataclass(frozen=True)
class Case:
    slug: str
    shown: str
    front: CaseFront
    body: str
    chapter: Chapter
    enterprises: tuple[EnterpriseEntry, ...]
    items: tuple[Item, ...]
    photos: tuple[PhotoRef, ...]

    @property
    def url(self) -> str:
        return f"casebook/{self.slug}/"

    @property
    def picture(self) -> PhotoRef | None:
        """The case's photo where it is shown small (a card): its own, else what it bought."""
        return self.photos[0] if self.photos else next((i.photos[0] for i in self.items if i.photos), None)

    @property
    def steps(self) -> tuple[tuple[str, str, str], ...]:
        """The case as a reader follows it, (anchor, label, sentence): what went wrong, what was
        bought and how, what it made, and who worked together. Both the page and the book set them
        as labelled rows (a heading over each single sentence read as a form's sections)."""
        f = self.front
        route = ROUTES[f.purchase.route]
        bought = f"{f.purchase.what} — {route}" + (f", {won(f.purchase.amount)}" if f.purchase.amount else "")
        steps = [
            ("problem", "문제", f.problem),
            ("purchase", "구매 방법", bought),
            ("social-value", "사회적 가치", f.social_value),
        ]
        if f.collaboration:
            steps.append(("collaboration", "부서 간 협업", f.collaboration))
        return tuple(steps)

    @property
    def lead_photo(self) -> PhotoRef | None:
        """The photo at the head of the case's page: its own, else its supplier's (people at work),
        else what it bought (the item's photo showed twice: here and on the item's card below)."""
        people = next((e.photos[0] for e in self.enterprises if e.photos), None)
        return self.photos[0] if self.photos else people or self.picture


@dataclass(frozen=True)
class Casebook:
    book: Book
    foreword: str
    chapters: tuple[tuple[Chapter, tuple[Case, ...]], ...]
    cases: tuple[Case, ...]

    def cases_citing_item(self, uid: str) -> list[Case]:
        return [c for c in self.cases if any(i.uid == uid for i in c.items)]

    def cases_citing_enterprise(self, slug: str) -> list[Case]:
        return [c for c in self.cases if any(e.slug == slug for e in c.enterprises)]
