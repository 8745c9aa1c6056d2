"""Print HTML for each chunk of an edition: Jinja2 with autoescape, photos as photo: URLs."""

from __future__ import annotations

import collections
import functools
import itertools
import re
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from ..jinja import environment
from ..markup import keep_asides, won
from ..model.catalog import Catalog, PhotoRef
from ..model.fields import delta_e
from ..read.photos import ProcessedPhoto
from .bundlepage import bundle_photo_mm, order_note
from .casepage import glance as case_glance
from .casepage import plan_case
from .fetcher import photo_url, qr_url
from .fit import PT_MM, band_mm, fit_size, line_mm, lines_in, markdown_mm
from .plan import (
    Chunk,
    chapter_pages,
    item_page_numbers,
    opener_cards,
    plan_casebook,
    plan_catalog,
    profile_page_numbers,
    profiles_chunk,
)
from .profile import LISTS, PRODUCTS, buyer_contact, plan_profile
from .render import Job
from .tables import INDEX, PAGE_MM, SAFETY_MM, index_pages, trade_pages

CSS = Path(__file__).resolve().parent.parent / "templates" / "print" / "print.css"
_TAG = re.compile(r"(<[^>]*>)")
_BETWEEN_SYLLABLES = re.compile(r"(?<=[가-힣\d])(?=[가-힣㎡㎏])|(?<=[가-힣])(?=\d)")
"""Between two syllables, between a figure and its unit or counter (5자루, 330㎡), and between a
word and the figure it leads (제25조): a line breaks at spaces, not inside a word or a figure."""
WORD_JOINER = "\u2060"


@functools.cache
def stylesheet(edition: Edition) -> str:
    """print.css for one edition, its Korean kept whole as the documents' text is (generated content)."""
    return keep_words(CSS.read_text("utf-8") + edition.extra_css, asides=False)


@functools.cache
def _environment():
    """One template environment for every print document of a build (there is one per item)."""
    return environment("print")


def keep_words(html: str, asides: bool = True) -> str:
    """Break Korean lines only between words (WeasyPrint lacks word-break: keep-all).

    A word joiner between Hangul syllables forbids a break there; it is invisible and
    does not reach the PDF's text, so copying and searching still work. asides: short asides in
    brackets kept whole too (markup.keep_asides), outside style sheets and scripts.
    """
    parts = _TAG.split(html)
    heading = False  # headings become PDF bookmarks and the title its metadata: keep their text clean
    style = False  # a style sheet's brackets are its own ("calc(100% + 6mm)")
    for i, part in enumerate(parts):
        if i % 2:
            lowered = part[:7].lower()
            if lowered.startswith(("<h1", "<h2", "<title>")):
                heading = True
            elif lowered.startswith(("</h1", "</h2", "</title")):
                heading = False
            elif lowered.startswith(("<style", "<script")):
                style = True
            elif lowered.startswith(("</style", "</scrip")):
                style = False
        elif not heading:
            part = _BETWEEN_SYLLABLES.sub(WORD_JOINER, part)
            # a short aside kept whole in the text ("30%" then "이상)" on the next line)
            parts[i] = part if style or not asides else keep_asides(part)
    return "".join(parts)


@dataclass(frozen=True)
class Edition:
    """print: A4 with bleed and crop marks, 300 dpi photos; screen: links, bookmarks, small photos."""

    name: str
    screen: bool

    @property
    def extra_css(self) -> str:
        if self.screen:
            return ""
        # The sheet runs 10 mm past the trim: WeasyPrint declares 3.5 mm of it the bleed (its
        # BleedBox stops 10 pt out) and draws the crop marks in the outer 5 mm, clear of the
        # artwork, which runs 4 mm out (with 3 mm of sheet the marks lay on the covers' colour).
        return "@page { bleed: 10mm; marks: crop; }"


PRINT = Edition("print", screen=False)
SCREEN = Edition("screen", screen=True)


def qr_image(url: str) -> Markup:
    """A QR code holding url, drawn by the render worker's fetcher. Silent for screen readers:
    next to it the same address is a link."""
    return Markup('<img class="qr-code" src="{}" alt="">').format(qr_url(url))


TOC_MM = PAGE_MM - SAFETY_MM - 14.0  # under the heading
TOC_FILL = 0.92
"""How far down its page a short contents spreads (PrintDocument.toc_pad)."""
FOREWORD_MM = 220.0
"""The foreword's room on its page (print.css .foreword), under the heading and the notice."""
GLANCE_MM = 95.0
"""The book in figures and how to read a case (print.css .book-glance), with their margins."""
GLANCE_USED_MM = 68.0
"""What the figures and how to read take in the layout (measured 63 mm; GLANCE_MM is their cap)."""
THUMB_W_MM, THUMB_ROW_MM, THUMBS_HEAD_MM, THUMBS_PER_ROW = 42.0, 47.0, 15.0, 4
"""The cases as pictures under them (print.css .case-thumbs): a picture's width, a row (picture,
three lines of title, gap), the heading, and the pictures a row holds."""


def toc_height(entries: list[dict]) -> float:
    """The contents table's height (print.css .toc): a chapter's row, and a case's under it."""
    total = 0.0
    for entry in entries:
        if "by" not in entry:
            total += 3.2 + line_mm(9.5) + 0.3
            if entry.get("note"):
                total += lines_in(entry["note"], 180.0 - 20.0, 8.5) * line_mm(8.5) + 0.5
        else:
            width = 180.0 - 20.0 - 6.0  # a case's title, and under it who bought and what came of it
            total += 2.0 + lines_in(entry["title"], width, 9.0) * line_mm(9.0) + 0.3
            total += lines_in(entry["by"], width, 8.0) * line_mm(8.0) if entry["by"] else 0.0
    return total


class PrintDocument:
    """What every printed book shares: the template environment, photos and common context."""

    def __init__(self, catalog: Catalog, photos: dict[Path, ProcessedPhoto], created: str) -> None:
        self.catalog = catalog
        self.photos = photos
        self.created = created
        self.chunks: list[Chunk] = []
        self.env = _environment()

    title = ""
    per_page = 1
    mirrored = False
    """Running heads on the outer edge of facing pages (a book, not a loose sheet or a calendar)."""
    counter = "개"
    """The counter word of the contents' "외 N개" line."""
    asides = True
    """Short asides in brackets kept whole (keep_asides); not where lines are fitted to a box by
    measure (the cards)."""

    def extra(self, chunk: Chunk) -> dict:
        return {}

    def sections(self) -> list[tuple[dict, Chunk]]:
        """Each section's entry in the contents (its title and first page), with its first chunk."""
        entries, seen = [], set()
        for chunk in self.chunks[1:]:
            # the notes pages are 주문 전 확인 (a checklist and an order memo): a section a reader looks up
            if chunk.title not in seen and chunk.kind != "back":
                seen.add(chunk.title)
                entry = {"title": chunk.title, "page": chunk.first_page}
                if chunk.kind == "notes":
                    entry["print_only"] = True  # the screen edition has no pages made up to fours
                entries.append((entry, chunk))
        return entries

    def parts(self, chunk: Chunk) -> list[dict]:
        """The contents' lines under a section (title, by, page): none unless a book says."""
        return []

    @functools.cached_property
    def toc(self) -> list[dict]:
        """The contents: each section and under it its parts, as many under each as the page holds
        (the rest counted), so the contents page is the book at a glance, not a short list."""
        sections = self.sections()
        for most in (8, 5, 3, 2, 1, 0):
            entries = []
            for entry, chunk in sections:
                parts = self.parts(chunk)
                entries += [entry, *parts[:most]]
                if len(parts) > most:
                    entries.append({"title": f"외 {len(parts) - most}{self.counter}", "by": "", "page": None})
            if toc_height(entries) <= TOC_MM:
                return entries
        return entries

    @functools.cached_property
    def toc_pad(self) -> float:
        """Room (mm) added above and below each contents row, so a short contents spreads down
        its page instead of stopping half-way (the case book's left 45% of it empty); 4 mm at most."""
        spare = TOC_MM * TOC_FILL - toc_height(self.toc)
        return round(max(0.0, min(4.0, spare / len(self.toc) / 2)), 2) if self.toc else 0.0

    def photo_file(self, ref: PhotoRef, edition: Edition) -> str:
        """The derivative an edition draws: the largest web photo on screen, 300 dpi in print."""
        processed = self.photos[ref.path]
        return (processed.web("JPEG")[-1] if edition.screen else processed.print_file)[1]

    def photo_src(self, ref: PhotoRef, edition: Edition) -> str:
        return photo_url(Path(self.photo_file(ref, edition)), self.catalog.settings.photo_cache)

    def job(self, name: str, chunk: Chunk, edition: Edition, photos: str, tagged: bool) -> Job:
        """A chunk's render job: its HTML, and the stylesheet every chunk of the edition shares."""
        return Job(name, self.html(chunk, edition), chunk.pages, photos, tagged, stylesheet(edition))

    def html(self, chunk: Chunk, edition: Edition) -> str:
        catalog = self.catalog
        return keep_words(
            self.env.get_template(f"{chunk.kind}.html").render(
                chunk=chunk,
                screen=edition.screen,
                per_page=self.per_page,
                created=self.created,
                title=self.title,
                network=catalog.network,
                facts=catalog.procurement,
                site_url=catalog.network.site_url,
                org_types=catalog.org_types,
                cert_names={k: v.name for k, v in catalog.certifications.items()},
                toc=self.toc,
                toc_pad=self.toc_pad,
                # the doc's pages that are the book's right-hand ones (its first counts as right)
                outer=("right" if chunk.first_page % 2 else "left") if self.mirrored else "",
                qr=qr_image,
                back_photo_mm=back_photo_mm,
                buyer_contact=buyer_contact,
                photo_src=lambda ref: self.photo_src(ref, edition),
                **self.extra(chunk),
                **chunk.payload,
            ),
            self.asides,
        )


class CatalogDocument(PrintDocument):
    """The catalog edition: categories of item cards, bundles, profiles, an index."""

    mirrored = True

    def __init__(
        self, catalog: Catalog, photos: dict[Path, ProcessedPhoto], per_page: int, created: str, part: str = ""
    ) -> None:
        """part: the title of a print edition of part of the catalog (catalog/print.yml)."""
        super().__init__(catalog, photos, created)
        self.per_page = per_page
        self.part = part
        network = catalog.network
        self.title = f"{network.name} {part or '사회적경제 카탈로그'} {network.edition}".strip()
        categories = [(c, list(items)) for c, items in catalog.by_category]
        index = len(index_pages(list(catalog.items), list(catalog.bundles), {}))
        names = category_names(catalog)
        url = catalog.network.site_url
        band = band_mm(section_lead(catalog, "profiles"))  # over the first profile
        profiles = [
            (ent, plan_profile(ent, names, url, True, supplied(catalog, ent), band if n == 0 else 0.0))
            for n, ent in enumerate(catalog.enterprises)
        ]
        self.chunks = plan_catalog(categories, list(catalog.bundles), profiles, per_page, index)
        self.item_pages = item_page_numbers(self.chunks, per_page)
        self.index = index_pages(list(catalog.items), list(catalog.bundles), self.item_pages)
        self.profile_pages = profile_page_numbers(self.chunks)

    def book_covers(self) -> dict[str, list[PhotoRef]]:
        # each category's first photo, then each one's second: a part edition of two
        # categories still has three for its cover
        by_category = ([i.photos[0] for i in items if i.photos] for _, items in self.catalog.by_category)
        return covers([ref for row in itertools.zip_longest(*by_category) for ref in row])

    def back_facts(self) -> list[tuple[str, str]]:
        """The catalog in figures on its back cover."""
        catalog = self.catalog
        return [
            (f"{len(catalog.enterprises)}곳", "참여 기업"),
            (f"{len(catalog.items)}개", "제품·서비스"),
            (f"{len(catalog.eligible_items)}개", "수의계약 가능"),
            (f"{sum(1 for _, made in catalog.by_category if made)}가지", "분류"),
        ]

    def sections(self) -> list[tuple[dict, Chunk]]:
        """A category's entry says its count of items and where each subcategory begins."""
        entries = super().sections()
        for entry, chunk in entries:
            if chunk.kind == "category":
                items = chunk.payload["items"]
                starts: dict[str, int] = {}
                for item in items:
                    if item.sub:
                        starts.setdefault(item.sub.name, self.item_pages[item.uid])
                subs = ", ".join(f"{name} {page}쪽" for name, page in starts.items())
                entry["note"] = f"품목 {len(items)}개" + (f" · {subs}" if subs else "")
                entry["colour"] = category_tab(self.catalog, chunk.payload["category"])["tab_colour"]  # its tab's key
            elif chunk.kind in SECTIONS:  # the book's own sections wear their tab's colour too
                entry["colour"] = section_tab(self.catalog, chunk)["tab_colour"]
                entry["note"] = (
                    f"꾸러미 {len(self.catalog.bundles)}가지"
                    if chunk.kind == "bundles"
                    else f"기업 {len(self.catalog.enterprises)}곳"
                )
            else:  # the back matter has no tab: an outlined key, so the column of keys is whole
                entry["colour"] = ""
                if chunk.kind == "index":
                    entry["note"] = "제품·서비스와 기업을 가나다순으로"
        return entries

    def extra(self, chunk: Chunk) -> dict:
        tab = {}
        if chunk.kind == "category":
            tab = category_tab(self.catalog, chunk.payload["category"])
        elif chunk.kind in SECTIONS:
            tab = section_tab(self.catalog, chunk)
        return {
            **tab,
            "lead": section_lead(self.catalog, chunk.kind) if chunk.kind in SECTIONS else "",
            "part": self.part,
            "OPENER_ROWS": OPENER_ROWS_WITH_CARD if opener_cards(self.per_page) else OPENER_ROWS,
            "CAT_PANEL_ROWS": CAT_PANEL_ROWS,
            "cat_fill": category_cases(self.catalog, chunk.payload["category"], chunk.payload["items"])
            if chunk.kind == "category"
            else ([], False),
            "opener_cards": opener_cards(self.per_page),
            "item_pages": self.item_pages,
            "bundle_photo_mm": bundle_photo_mm,
            "band_mm": band_mm,
            "order_note": order_note,
            "category_names": category_names(self.catalog),
            "limits": PROFILE_LIMITS,
            "table": INDEX,
            "index_rows": self.index[slice(*chunk.payload["row_pages"])] if chunk.kind == "index" else [],
            **(self.book_covers() if chunk.kind in ("front", "back") else {}),
            "back_facts": self.back_facts() if chunk.kind == "back" else [],
        }


COVER_PHOTOS = 3
BACK_PHOTOS = 4
"""The back cover's row of photos: the book's next ones after the front's."""
COVER_STRIDE = 4
"""The calendar's cover takes its photos a season apart."""


def cover_photos(refs, count: int = COVER_PHOTOS, skip: tuple[PhotoRef, ...] = ()) -> list[PhotoRef]:
    """A cover's photos: the first `count` distinct ones not in skip (the front cover's, for the
    back), or none when there are fewer (one photo under a band reads as a web page, not a cover)."""
    chosen: list[PhotoRef] = []
    for ref in refs:
        if ref is not None and all(ref.path != c.path for c in [*chosen, *skip]):
            chosen.append(ref)
        if len(chosen) == count:
            return chosen
    return []


BACK_ROOM_MM = 178.0
"""From the back cover's text top (24 mm) to 12 mm over its QR and contact block (about 214 mm;
the QR image's own white margin counts)."""


def back_photo_mm(name: str, what: str, lead: str, facts: bool) -> float:
    """The back cover's photos' height, two rows of them in the room its words leave: up to 4:3
    (at 50 mm, a 16:9 strip, they cut people off at the knees), never under 50 mm."""
    words = lines_in(name, 180.0, 22, 2) * line_mm(22, 1.25) + 1.5 + lines_in(what, 180.0, 11, 2) * line_mm(11) + 4
    words += (min(2, lines_in(lead, 180.0, 10.5)) * line_mm(10.5) + 6) if lead else 0
    words += 24.0 if facts else 0  # the figures: 17 pt over 9 pt in a padded box, and its margin
    return round(max(50.0, min(89 * 3 / 4, (BACK_ROOM_MM - words - 2 - 4) / 2)), 1)


def covers(refs: list[PhotoRef]) -> dict[str, list[PhotoRef]]:
    """The front cover's photos and the back cover's, from a book's photos in order."""
    front = cover_photos(refs)
    return {"cover_photos": front, "back_photos": cover_photos(refs, BACK_PHOTOS, tuple(front))}


# Category colours when the taxonomy names none: twelve distinct hues (no two pinks, greens or
# blues alike), each with white text at 4.5:1 or more.
TAB_COLOURS = (
    "#0277bd", "#2e7d32", "#ad1457", "#b84d00", "#00796b", "#c62828",
    "#37474f", "#6a1b9a", "#007c91", "#795548", "#704077", "#8c5a00",
)  # fmt: skip
"""Twelve hues (and two neutrals), each 4.5:1 with the tab's white text and every pair at least
20 apart in CIELAB, ordered so that neighbours in the book differ most: red and deep orange, olive
and dark amber were told apart only by their labels; a navy tab read as the book's own indigo; olive
and a dark brown read as muddy (a dark cyan and a warmer brown took their places)."""
BRAND_DISTANCE = 25.0
"""No tab within this distance (CIELAB) of the network's colour, which the book's headings,
bands and covers wear: a tab in it reads as furniture, not as a category."""
TAB_STEPS = 10  # tab positions down the page edge before they start again at the top
TAB_STEP_MM = 22.0
TAB_LABEL_MM = 34.0
"""The label's room along the tab (print.css .tab: 38 mm tall, turned on its side)."""
OPENER_ROWS = 36
OPENER_ROWS_WITH_CARD = 7  # the introduction's half of a page shared with the first card
CAT_PANEL_ROWS = 8  # suppliers listed under a category's last card alone on its page


def category_cases(catalog: Catalog, category, items) -> tuple[list, bool]:
    """What fills a category's panel under its suppliers (a panel of two suppliers left half its
    height empty): the case book's cases that bought from the category, as many as there is room
    for (a heading and the table's head take two supplier rows, a case of two lines 1.7), and,
    when it has none, whether the checklist before ordering fits (a heading and three lines)."""
    suppliers = len({i.enterprise.slug for i in items})
    free = CAT_PANEL_ROWS - min(suppliers, CAT_PANEL_ROWS) - (1 if suppliers > CAT_PANEL_ROWS else 0)
    book = catalog.casebook
    cases = [c for c in book.cases if any(i.category.id == category.id for i in c.items)] if book else []
    shown = cases[: max(0, int((free - 2) / 1.7))]
    return shown, not shown and free >= 4


def _tab(name: str, index: int, colour: str) -> dict:
    """A thumb tab: its label, its colour, and how far down the page edge it sits (a step lower
    for each section of the book)."""
    return {
        "tab_name": name,
        "tab_colour": colour,
        "tab_top": 4 + (index % TAB_STEPS) * TAB_STEP_MM,  # mm below the top of the text area
        "tab_pt": fit_size(name, TAB_LABEL_MM / PT_MM, 1, 10, 6),
    }


def category_tab(catalog: Catalog, category) -> dict:
    """The thumb tab of a category."""
    index = [c.id for c in catalog.taxonomy.categories].index(category.id)
    palette = [c for c in TAB_COLOURS if delta_e(c, catalog.network.colour) >= BRAND_DISTANCE]
    return _tab(category.name, index, category.colour or palette[index % len(palette)])


SECTIONS = ("bundles", "profiles")
"""The catalog's own sections after the categories, each with a tab and a band on its first page
(the book jumped from the last category into bundles with no sign of it)."""


def section_tab(catalog: Catalog, chunk: Chunk) -> dict:
    """The thumb tab of the bundles or the profiles, in the network's colour (the book's own
    furniture, where a category's tab is never that colour), the steps under the categories'."""
    index = len(catalog.taxonomy.categories) + SECTIONS.index(chunk.kind)
    return _tab(chunk.title, index, catalog.network.colour)


def section_lead(catalog: Catalog, kind: str) -> str:
    """The line under a section's band: what the section holds."""
    if kind == "bundles":
        return (
            f"쓰임에 맞춰 여러 기업의 제품을 묶은 꾸러미 {len(catalog.bundles)}가지입니다. "
            "구성품마다 쪽 번호를 따라가면 품목 카드에서 자세히 볼 수 있습니다."
        )
    kinds = collections.Counter(ent.record.org_type for ent in catalog.enterprises)
    counts = ", ".join(f"{t.name} {kinds[key]}곳" for key, t in catalog.org_types.items() if kinds[key])
    return (
        f"참여 기업 {len(catalog.enterprises)}곳({counts})입니다. "
        "기업마다 인증과 수의계약 근거, 연락처, 제품, 공공구매 실적을 실었습니다."
    )


def category_names(catalog: Catalog) -> dict[str, str]:
    """'먹을거리' for a category id, '먹을거리 › 농산물' for a subcategory id."""
    names = {}
    for cat in catalog.taxonomy.categories:
        names[cat.id] = cat.name
        names.update({sub.id: f"{cat.name} › {sub.name}" for sub in cat.children})
    return names


def supplied(catalog: Catalog, enterprise) -> tuple:
    """The case book's cases an enterprise supplied (its profile lists them)."""
    return tuple(catalog.casebook.cases_citing_enterprise(enterprise.slug)) if catalog.casebook else ()


PROFILE_LIMITS = {"products": PRODUCTS, **LISTS}
"""What a profile prints of each list (profile.py measures the same)."""


class StandaloneDocument(PrintDocument):
    """A short document about one enterprise or item, numbered from 1, read alone (a single page
    bears no number: a lone "1" at its foot said nothing)."""

    def extra(self, chunk: Chunk) -> dict:
        single = sum(c.pages for c in self.chunks) == 1
        return {"category_names": category_names(self.catalog), "limits": PROFILE_LIMITS, "unnumbered": single}


class ProfileDocument(StandaloneDocument):
    """One enterprise's profile on its own (one page or two, numbered from 1): the catalog prints
    the same pages among its others."""

    def __init__(self, catalog: Catalog, photos: dict[Path, ProcessedPhoto], created: str, enterprise) -> None:
        super().__init__(catalog, photos, created)
        self.title = f"{enterprise.record.name} 소개"
        self.path = f"enterprises/{enterprise.slug}.pdf"
        names, url = category_names(catalog), catalog.network.site_url
        plan = plan_profile(enterprise, names, url, cases=supplied(catalog, enterprise))
        self.chunks = [profiles_chunk([(enterprise, plan)], 1)]


class SheetDocument(StandaloneDocument):
    """The one-page 품목 확인서 a civil servant attaches to an internal approval (품의)."""

    def __init__(self, catalog: Catalog, photos: dict[Path, ProcessedPhoto], created: str, item) -> None:
        super().__init__(catalog, photos, created)
        self.title = f"품목 확인서: {item.product.name} ({item.enterprise.record.name})"
        self.path = sheet_path(item)
        self.chunks = [Chunk("sheet", "sheet", "품목 확인서", 1, 1, {"item": item})]


class TradeDocument(PrintDocument):
    """회원사 상호 거래 목록: every member's products and services by category with contacts, so
    members buy from each other (an office-printer handout, not the printer's catalog)."""

    path = "member-trade.pdf"

    def __init__(self, catalog: Catalog, photos: dict[Path, ProcessedPhoto], created: str) -> None:
        super().__init__(catalog, photos, created)
        self.title = f"{catalog.network.name} 회원사 상호 거래 목록"
        pages, table = trade_pages([(c, list(items)) for c, items in catalog.by_category], catalog.org_types)
        self.chunks = [
            Chunk("trade", "trade", "회원사 상호 거래 목록", 1, len(pages), {"pages": pages, "table": table})
        ]


class CalendarDocument(PrintDocument):
    """The desk calendar: a cover and twelve months, 220 x 150 mm landscape, for the printer."""

    path = "calendar.pdf"

    def __init__(self, catalog: Catalog, photos: dict[Path, ProcessedPhoto], created: str) -> None:
        from .calendar import WEEKDAYS, months

        super().__init__(catalog, photos, created)
        year, self.months = months(catalog)
        self.title = f"{catalog.network.name} {year} 탁상 달력"
        self.chunks = [Chunk("calendar", "calendar", "탁상 달력", 1, 13, {"year": year, "weeks_header": WEEKDAYS})]

    def extra(self, chunk: Chunk) -> dict:
        # the cover's photos from across the year (January, May, September, then February...):
        # one photo cut to a tall strip showed a sliver of it at 150 ppi
        spread = [m for start in range(COVER_STRIDE) for m in self.months[start::COVER_STRIDE]]
        refs = [item.photos[0] for m in spread for item in m.featured if item.photos]
        return {"months": self.months, "cover_photos": cover_photos(refs) or refs[:1]}


def sheet_path(item) -> str:
    """Where an item's 품목 확인서 is published, under print/ (the item page links to it)."""
    return f"items/{item.enterprise.slug}/{item.product.id}.pdf"


DIRECTORY_ROWS = 9
"""Enterprises on the case book's contact page: a row of 22 mm each (its photo; its name over its
type and verdict; its phone over its e-mail), nine fill the page above its foot box."""


class CasebookDocument(PrintDocument):
    """The case book: foreword, chapters of two-page cases, the how-to-buy appendix."""

    mirrored = True

    def __init__(self, catalog: Catalog, photos: dict[Path, ProcessedPhoto], created: str) -> None:
        super().__init__(catalog, photos, created)
        book = catalog.casebook
        self.title = book.book.title
        self.chunks = plan_casebook(list(book.chapters))
        self.others = {case.slug: self._others(case) for case in book.cases}
        """Each case's suppliers' other items, found once: its plan and its page both read them."""
        self.cover = self._cover()
        """The covers' photos, the cases the front tells and its title's size, found once (every
        chunk's render had worked them out again)."""

    def _cover(self) -> dict:
        book = self.catalog.casebook
        photos = covers(
            [c.photos[0] for c in book.cases if c.photos]
            + [i.photos[0] for c in book.cases for i in c.items if i.photos]
        )
        # the case each front-cover photo shows (its own, else an item it bought): the cover tells
        # those cases by their titles
        by_photo: dict = {}
        for case in book.cases:
            for ref in [*case.photos[:1], *(i.photos[0] for i in case.items if i.photos)]:
                by_photo.setdefault(ref.path, case)
        return {
            "photos": photos,
            "cover_cases": [by_photo.get(ref.path) for ref in photos["cover_photos"]],
            # the story cover's title on at most two lines of its 174 mm (a long one was cut off)
            "cover_title_pt": int(fit_size(book.book.title, 174 / PT_MM, 2, 28, 18)),
        }

    counter = "건"

    def parts(self, chunk: Chunk) -> list[dict]:
        """A chapter's cases with their agencies and pages (the chapter's own page, which listed
        them, is gone)."""
        if chunk.kind != "casebook_chapter":
            return []
        return [
            {
                "title": c.front.title,
                "by": f"{c.front.agency} · {c.front.year}년 — {c.front.headline}",
                "page": self.case_pages[c.slug],
            }
            for c in chunk.payload["cases"]
        ]

    @functools.cached_property
    def case_pages(self) -> dict[str, int]:
        """Each case's first page, from the plan: the contents and the directory cite it."""
        pages = {}
        for chunk in self.chunks:
            if chunk.kind == "casebook_chapter":
                cases = chunk.payload["cases"]
                starts = chapter_pages(cases)  # each case's first page in the chapter, then its end
                pages.update({c.slug: chunk.first_page + start for c, start in zip(cases, starts, strict=False)})
        return pages

    def directory(self) -> tuple[list[dict], int]:
        """The enterprises the cases bought from, by their first case's page: whom to call, what
        the cases bought of theirs, the cases' pages; as many as the page holds, and how many
        more there are."""
        rows: dict[str, dict] = {}
        for case in self.catalog.casebook.cases:
            for ent in case.enterprises:
                row = rows.setdefault(ent.slug, {"ent": ent, "bought": [], "pages": []})
                bought = [i.product.name for i in case.items if i.enterprise.slug == ent.slug]
                row["bought"] += [b for b in bought or [case.front.purchase.what] if b not in row["bought"]]
                row["pages"].append(self.case_pages[case.slug])
        ordered = sorted(rows.values(), key=lambda r: (min(r["pages"]), r["ent"].record.name))
        return ordered[:DIRECTORY_ROWS], max(0, len(ordered) - DIRECTORY_ROWS)

    def sections(self) -> list[tuple[dict, Chunk]]:
        """A chapter's entry says what it covers and how many cases it has."""
        entries = super().sections()
        for entry, chunk in entries:
            if chunk.kind == "casebook_chapter":
                chapter, count = chunk.payload["chapter"], len(chunk.payload["cases"])
                entry["note"] = " · ".join(part for part in (chapter.description, f"사례 {count}건") if part)
        return entries

    def glance(self) -> dict | None:
        """The book in figures under the foreword (cases, buyers, sum, sectors) and how to read a
        case, when the foreword leaves the room for them (measured: a long foreword goes alone)."""
        book = self.catalog.casebook
        cases = book.cases
        foreword = markdown_mm(book.foreword, 180.0, 9.5)
        if foreword + GLANCE_MM > FOREWORD_MM:
            return None
        free = FOREWORD_MM - foreword - GLANCE_USED_MM
        # then the cases as pictures, a row of four at a time while the page has room (the page
        # ended 119 mm empty): each picture with its title in at most three lines
        pictured = [c for c in cases if c.picture and lines_in(c.front.title, THUMB_W_MM, 8) <= 3]
        rows = max(0, min(-(-len(pictured) // THUMBS_PER_ROW), int((free - THUMBS_HEAD_MM) // THUMB_ROW_MM)))
        return {
            **self.figures(),
            "sectors": sum(1 for _, chapter_cases in book.chapters if chapter_cases),
            "pictured": pictured[: rows * THUMBS_PER_ROW],
        }

    def _others(self, case) -> tuple:
        """The case's suppliers' items it did not buy, those a buyer may buy directly first."""
        suppliers = {ent.slug for ent in case.enterprises}
        items = [
            i
            for slug, made in self.catalog.by_enterprise.items()
            if slug in suppliers
            for i in made
            if i not in case.items
        ]
        return tuple(sorted(items, key=lambda i: not i.eligibility.eligible))

    def other_items(self, case) -> tuple:
        return self.others[case.slug]

    def extra(self, chunk: Chunk) -> dict:
        from ..model.casebook import ROUTES

        book = self.catalog.casebook
        cover = self.cover
        return {
            "plan_case": lambda case, opens: plan_case(case, opens, self.other_items(case)),
            "other_items": self.other_items,
            "case_glance": case_glance,
            "glance": self.glance() if chunk.kind == "casebook_front" else None,
            "book": book.book,
            "foreword": book.foreword,
            "routes": ROUTES,
            "eligible": list(self.catalog.eligible_items),
            **(cover["photos"] if chunk.kind in ("casebook_front", "back") else {}),
            "cover_cases": cover["cover_cases"],
            "cover_title_pt": cover["cover_title_pt"],
            "back_facts": self.back_facts() if chunk.kind == "back" else [],
            "directory": self.directory() if chunk.kind == "notes" else ([], 0),
        }

    def figures(self) -> dict[str, int]:
        """The book's cases, the agencies that bought and the sum they paid."""
        cases = self.catalog.casebook.cases
        return {
            "cases": len(cases),
            "agencies": len({c.front.agency for c in cases}),
            "amount": sum(c.front.purchase.amount or 0 for c in cases),
        }

    def back_facts(self) -> list[tuple[str, str]]:
        """The case book in figures on its back cover."""
        n = self.figures()
        facts = [(f"{n['cases']}건", "공공구매 사례"), (f"{n['agencies']}곳", "구매 기관")]
        return facts + ([(won(n["amount"]), "구매 금액 합계")] if n["amount"] else [])
