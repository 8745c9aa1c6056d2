"""Page planning as pure arithmetic: every section has a fixed number of pages.

Item cards have a fixed size (one or two per page) and clamp their text, so the page where
each item lands is known before anything is rendered. That lets the table of contents and
the index carry true page numbers while sections render independently and in parallel.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from .casepage import plan_case
from .tables import bundle_key

FRONT_PAGES = 3  # cover, how to use, table of contents
PROFILES_PER_CHUNK = 20
CHUNK_PAGES = 40
"""The most pages of item cards or index rows in one chunk: a category of a national catalog runs
to hundreds of pages, and one WeasyPrint document's memory grows with its pages."""


@dataclass(frozen=True)
class Chunk:
    """A run of pages rendered as one WeasyPrint document."""

    key: str
    kind: str
    title: str
    first_page: int
    pages: int
    payload: dict[str, Any] = field(default_factory=dict, compare=False)


def item_pages(count: int, per_page: int) -> int:
    return math.ceil(count / per_page) if count else 0


def plan_catalog(
    categories: list[tuple[Any, list[Any]]],
    bundles: list[Any],
    profiles: list[tuple[Any, Any]],
    per_page: int,
    index_pages: int = 1,
) -> list[Chunk]:
    """Lay out the catalog edition: front matter, categories, bundles, profiles (each enterprise
    with its plan: one page or two, profile.py), an index of index_pages pages (its rows wrap, so
    tables.py measures them)."""
    chunks = [Chunk("front", "front", "차례", 1, FRONT_PAGES)]
    page = FRONT_PAGES + 1
    for category, items in categories:
        if items:
            chunks += category_chunks(category, items, per_page, page)
            page = chunks[-1].first_page + chunks[-1].pages
    if bundles:
        chunks.append(Chunk("bundles", "bundles", "꾸러미", page, len(bundles), {"bundles": bundles}))
        page += len(bundles)
    for start in range(0, len(profiles), PROFILES_PER_CHUNK):
        chunks.append(profiles_chunk(profiles[start : start + PROFILES_PER_CHUNK], page, start // PROFILES_PER_CHUNK))
        page += chunks[-1].pages
    index_pages = max(1, index_pages)
    for start in range(0, index_pages, CHUNK_PAGES):
        pages = min(CHUNK_PAGES, index_pages - start)
        key = "index" if start == 0 else f"index-{start // CHUNK_PAGES}"
        payload = {"opener": start == 0, "row_pages": (start, start + pages)}
        chunks.append(Chunk(key, "index", "찾아보기", page, pages, payload))
        page += pages
    return chunks + closing_chunks(page)


FOLD = 4  # a saddle-stitched booklet has pages in fours


NOTES = {
    "checks": "주문 전 확인",
    "record": "구매 실적 기록",
    "memo": "주문 메모",
    "directory": "사례 속 기업 연락처",
    "plan": "우리 기관에서 해 볼 구매",
}
CATALOG_NOTES = ("checks", "record", "memo")
"""A catalog's pages that make up its fold, in order: what to check before ordering (with an
order memo), a record of purchases for the agency's yearly report, then memo pages."""
CASEBOOK_NOTES = ("directory", "record", "plan")
"""A case book's: whom to call about what the cases bought (the book's stories end in a phone
number, not a form), the record of purchases, then a plan of what to buy next."""


def closing_chunks(page: int, kinds: tuple[str, ...] = CATALOG_NOTES) -> list[Chunk]:
    """Notes pages, then the back cover as the book's last page: the printer folds pages in
    fours, and the pages that make up the count go inside, not after the back cover. They are the
    first of kinds, as many as the count needs."""
    notes = -page % FOLD  # pages page .. page+notes-1 are notes; the back cover follows
    made = kinds[:notes] + (kinds[-1],) * max(0, notes - len(kinds))
    # its entry in the contents names each kind of page (the record page went unlisted)
    title = " · ".join(dict.fromkeys(NOTES[kind] for kind in made[:2]))
    chunks = [Chunk("notes", "notes", title, page, notes, {"kinds": made})] if notes else []
    return [*chunks, Chunk("back", "back", "뒤표지", page + notes, 1)]


def opener_cards(per_page: int) -> int:
    """Cards printed on a category's opening page below its introduction: with two cards to a
    page the introduction takes the top half, so the opener is not a page left two-thirds empty."""
    return 1 if per_page == 2 else 0


def category_chunks(category: Any, items: list[Any], per_page: int, page: int) -> list[Chunk]:
    """A category as chunks of at most CHUNK_PAGES pages: the first opens with the category's
    page (and its first card), the others carry on with its cards."""
    chunks: list[Chunk] = []
    first = opener_cards(per_page)
    start, room = 0, (CHUNK_PAGES - 1) * per_page + first
    while start < len(items):
        cards, opener = items[start : start + room], not chunks
        pages = 1 + item_pages(max(0, len(cards) - first), per_page) if opener else item_pages(len(cards), per_page)
        key = f"category-{category.id}" if opener else f"category-{category.id}-{len(chunks)}"
        payload = {"category": category, "items": items, "cards": cards, "opener": opener}
        chunks.append(Chunk(key, "category", category.name, page, pages, payload))
        page, start, room = page + pages, start + len(cards), CHUNK_PAGES * per_page
    return chunks


def item_page_numbers(chunks: list[Chunk], per_page: int) -> dict[str, int]:
    """The page each item is printed on, by item uid, and each bundle's, by bundle_key."""
    pages: dict[str, int] = {}
    first = opener_cards(per_page)
    for chunk in chunks:
        if chunk.kind == "bundles":
            pages.update({bundle_key(b): chunk.first_page + n for n, b in enumerate(chunk.payload["bundles"])})
        if chunk.kind != "category":
            continue
        for n, item in enumerate(chunk.payload["cards"]):
            if not chunk.payload["opener"]:
                pages[item.uid] = chunk.first_page + n // per_page
            elif n < first:
                pages[item.uid] = chunk.first_page
            else:
                pages[item.uid] = chunk.first_page + 1 + (n - first) // per_page
    return pages


def profiles_chunk(profiles: list[tuple[Any, Any]], page: int, n: int = 0) -> Chunk:
    """Enterprises' profiles, each (enterprise, its ProfilePlan), as one chunk from page."""
    return Chunk(
        f"profiles-{n}",
        "profiles",
        "기업 소개",
        page,
        sum(plan.pages for _, plan in profiles),
        {
            "enterprises": [ent for ent, _ in profiles],
            "plans": {ent.slug: plan for ent, plan in profiles},
            "opens_section": n == 0,  # its first profile carries the section's band (in the catalog)
        },
    )


def profile_page_numbers(chunks: list[Chunk]) -> dict[str, int]:
    pages: dict[str, int] = {}
    for chunk in chunks:
        if chunk.kind == "profiles":
            page = chunk.first_page
            for ent in chunk.payload["enterprises"]:
                pages[ent.slug] = page
                page += chunk.payload["plans"][ent.slug].pages
    return pages


APPENDIX_PAGES = 2


def case_pages(case: Any, opens: bool = False) -> int:
    """A case's pages (casepage.py: a spread). A chapter's first case also carries the chapter's
    heading (opens)."""
    return plan_case(case, opens).pages


def chapter_pages(cases: tuple[Any, ...]) -> list[int]:
    """Each case's first page, counted from its chapter's first page (0)."""
    starts, page = [], 0
    for n, case in enumerate(cases):
        starts.append(page)
        page += case_pages(case, opens=n == 0)
    return [*starts, page]


def plan_casebook(chapters: list[tuple[Any, tuple[Any, ...]]]) -> list[Chunk]:
    """Cover, foreword and contents; per chapter its cases (a spread each, the first under
    the chapter's heading: a page of its own was a title and three lines); an appendix."""
    chunks = [Chunk("front", "casebook_front", "차례", 1, FRONT_PAGES)]
    page = FRONT_PAGES + 1
    for chapter, cases in chapters:
        if not cases:
            continue
        pages = chapter_pages(cases)[-1]
        chunks.append(
            Chunk(
                f"chapter-{chapter.id}",
                "casebook_chapter",
                chapter.name,
                page,
                pages,
                {"chapter": chapter, "cases": cases},
            )
        )
        page += pages
    chunks.append(Chunk("appendix", "casebook_appendix", "공공구매 이렇게 하세요", page, APPENDIX_PAGES))
    return chunks + closing_chunks(page + APPENDIX_PAGES, CASEBOOK_NOTES)
