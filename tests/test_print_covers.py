"""Books as books: a back cover that says who publishes them and how to reach them, notes pages
inside instead of blank pages after the back cover, a front band that runs into the bleed, and
text that copies as written (no letter-spaced words, no tab label backwards)."""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

import pytest
from pypdf import PdfReader


def _pdftotext(pdf: Path, first: int | None = None, last: int | None = None, layout: bool = False) -> str:
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    options = ["-layout"] if layout else []
    return subprocess.run(
        ["pdftotext", *options, *pages, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def _flat(text: str) -> str:
    return " ".join(text.split())


def _body(text: str) -> str:
    """A page's words without the network's running head, which a right-hand page sets first
    (the outer edge: the section's name is at the right)."""
    return re.sub(r"^[^\d]{0,60}\d{4}년판 ", "", _flat(text))


@pytest.mark.parametrize("book", ["catalog", "casebook"])
def test_the_back_cover_is_the_last_page_and_no_page_is_blank(sample_site, book, tmp_path):
    import zxingcpp
    from PIL import Image

    pdf = sample_site / f"print/{book}-print.pdf"
    pages = len(PdfReader(pdf).pages)
    assert pages % 4 == 0
    for n in range(1, pages + 1):  # padding is notes pages inside the book, never blank pages
        assert _pdftotext(pdf, n, n).strip(), (book, n)
    back = _flat(_pdftotext(pdf, pages, pages))
    assert "펴낸 곳 예시사회적경제네트워크 사무국" in back, back
    assert "041-000-0000" in back and "office@example.org" in back
    assert "펴낸 날 20" in back
    online = "https://catalog.example.org/" + ("casebook/" if book == "casebook" else "")
    assert online in back
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", str(pages), "-l", str(pages), str(pdf), str(tmp_path / "b")])
    image = Image.open(next(tmp_path.glob("b*.png")))
    assert online in {r.text for r in zxingcpp.read_barcodes(image)}


@pytest.mark.parametrize("book", ["catalog", "casebook"])
def test_the_back_cover_shows_the_book_in_figures_and_photos_the_front_did_not(sample_site, book):
    """The back cover was its publisher's lines in the top half and white to the band: it now
    says what the book holds in figures, and shows four more of its photos (none of the front's)."""
    import hashlib

    from helpers import ROOT
    from secatalog.read.project import load_project
    from secatalog.settings import Settings

    pdf = sample_site / f"print/{book}-print.pdf"
    reader = PdfReader(pdf)

    def photos(n: int) -> set[str]:
        """The photos drawn on page n (a page's resources may list its part's other pages' too)."""
        with tempfile.TemporaryDirectory() as folder:
            subprocess.run(["pdfimages", "-j", "-f", str(n), "-l", str(n), str(pdf), f"{folder}/i"], check=True)
            return {hashlib.sha256(f.read_bytes()).hexdigest() for f in Path(folder).glob("*.jpg")}  # not the QR codes

    front, back = photos(1), photos(len(reader.pages))
    assert len(back) == 4 and not back & front, (len(back), len(back & front))
    catalog = load_project(Settings(ROOT))
    text = _flat(reader.pages[-1].extract_text())
    if book == "catalog":
        assert f"{len(catalog.enterprises)}곳 참여 기업" in text and f"{len(list(catalog.items))}개 제품·서비스" in text
    else:
        assert f"{len(catalog.casebook.cases)}건 공공구매 사례" in text, text


def test_notes_pages_make_up_the_fold_before_the_back_cover():
    from secatalog.pdf.plan import closing_chunks

    for page in range(20, 28):
        chunks = closing_chunks(page)
        back = chunks[-1]
        assert back.kind == "back" and back.pages == 1 and back.first_page % 4 == 0
        assert sum(c.pages for c in chunks) == back.first_page - page + 1
        assert all(c.kind == "notes" for c in chunks[:-1])


def test_the_folds_pages_before_the_back_cover_are_for_ordering(sample_site, tmp_path):
    """The first padding page says what a buyer checks before ordering (the rules from the
    secretariat's facts, the steps, a checklist, where the facts are current); the rest are order
    forms. Three ruled pages in a row had no purpose a reader could see."""
    import zxingcpp
    from PIL import Image

    from helpers import ROOT
    from secatalog.read.project import load_project
    from secatalog.settings import Settings

    facts = load_project(Settings(ROOT)).procurement
    padded = [
        pdf
        for pdf in sorted(sample_site.glob("print/**/*-print.pdf"))
        if "주문" in _pdftotext(pdf, -2 + len(PdfReader(pdf).pages))
    ]
    catalogs = [pdf for pdf in padded if not pdf.name.startswith("casebook")]
    assert catalogs, "the sample has no catalog with pages before its back cover: this test checks nothing"
    # The case book's appendix already says the rules and steps: its padding is order forms only.
    for pdf in padded:
        if pdf.name.startswith("casebook"):
            assert "주문 전 확인" not in _pdftotext(pdf), pdf.name
    pdf = catalogs[0]
    last = len(PdfReader(pdf).pages) - 1  # before the back cover
    first = last
    while not _body(_pdftotext(pdf, first, first)).startswith("주문 전 확인") and first > 1:
        first -= 1
    check = _body(_pdftotext(pdf, first, first))
    assert first <= last and check.startswith("주문 전 확인"), check[:80]
    # The rules and the steps are said once, in the front pages; this page points at them.
    front = _flat(_pdftotext(pdf, 2, 2))
    for rule in facts.sole_source_rules:
        assert f"{rule.label} {rule.limit_krw:,}원 이하" in front, rule.label
        assert f"{rule.limit_krw:,}원 이하" not in check, rule.label
    assert "구매 순서" in front and "수의계약 기준과 구매 순서는 2쪽" in check
    assert "주문 전 점검표" in check and "주문 메모" in check
    assert "https://catalog.example.org/procurement/" in check
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", str(first), "-l", str(first), str(pdf), str(tmp_path / "n")])
    codes = {r.text for r in zxingcpp.read_barcodes(Image.open(next(tmp_path.glob("n*.png"))))}
    assert codes == {"https://catalog.example.org/procurement/"}
    # Further pages are forms, not the same memo twice: a record of purchases for the agency's
    # yearly report, then memo pages.
    formed = 0
    for pdf in catalogs:
        pages = len(PdfReader(pdf).pages)
        start = next(n for n in range(pages, 0, -1) if _body(_pdftotext(pdf, n, n)).startswith("주문 전 확인"))
        forms = [_body(_pdftotext(pdf, n, n)) for n in range(start + 1, pages)]
        for n, form in enumerate(forms):
            heads = ("구매일", "품목", "기업 유형 · 인증", "계약 방법") if n == 0 else ("날짜", "기업 · 연락처", "수량")
            assert form.startswith("구매 실적 기록" if n == 0 else "주문 메모"), (pdf.name, form[:40])
            assert all(h in form for h in heads), (pdf.name, n)
        formed += len(forms)
    assert formed, "no catalog has a second notes page: the forms are not checked"
    # a case book's first notes page is whom to call about what its cases bought (two ledgers in a
    # case book read as padding), then the record of purchases
    book = sample_site / "print/casebook-print.pdf"
    pages = len(PdfReader(book).pages)
    heads = [_body(_pdftotext(book, n, n))[:20] for n in range(pages - 2, pages)]
    assert heads[0].startswith("사례 속 기업 연락처") and heads[1].startswith("구매 실적 기록"), heads
    from secatalog.pdf.plan import FRONT_PAGES
    from secatalog.read.project import load_project
    from secatalog.settings import Settings

    catalog = load_project(Settings(Path(__file__).resolve().parents[1]))
    directory = _flat(_pdftotext(book, pages - 2, pages - 2))
    for case in catalog.casebook.cases:
        # its page as the contents gives it, beside each of its enterprises' phone
        page = next(
            n for n in range(FRONT_PAGES + 1, pages) if _body(_pdftotext(book, n, n)).find(case.front.title[:12]) >= 0
        )
        for ent in case.enterprises:
            phone = ent.record.contact.phone or ent.record.phone
            row = directory[directory.index(ent.record.name) :][:200]
            assert phone in row and str(page) in row, (ent.record.name, page, row)
    assert "사례 속 기업 연락처 · 구매 실적 기록" in _flat(_pdftotext(book, 3, 3))  # the contents name it


def test_the_front_cover_band_runs_into_the_bleed(sample_site):
    import pypdfium2

    from secatalog.read.project import load_project
    from secatalog.settings import Settings

    colour = load_project(Settings(Path(__file__).resolve().parents[1])).network.colour
    brand = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    for book in ("catalog", "casebook"):
        pdf = pypdfium2.PdfDocument(sample_site / f"print/{book}-print.pdf")
        image = pdf[0].render(scale=2, may_draw_forms=False).to_pil().convert("RGB")  # the sheet, 10 mm past the trim
        mm = 144 / 25.4  # pixels a millimetre
        # the catalog's band is at its top; the case book opens on a photo and has its band at the foot
        y = 200 if book == "catalog" else image.height - round(14 * mm)
        assert image.getpixel((round(6.8 * mm), y)) == brand, book  # 3.2 mm past the trim: the bleed
        assert image.getpixel((round(2 * mm), y)) == (255, 255, 255), book  # the crop marks' white margin


def test_the_case_book_cover_speaks_of_the_case_book(sample_site):
    """The two books had one cover, a band over a wall of photos. The case book's opens as a book
    of stories: a photo across its top, the title under it and two cases told by their titles."""
    import pdfplumber

    from helpers import ROOT
    from secatalog.read.project import load_project
    from secatalog.settings import Settings

    cover = _flat(_pdftotext(sample_site / "print/casebook-print.pdf", 1, 1))
    assert "카탈로그의" not in cover and "사례집" in cover and "이 책에 담긴 이야기" in cover
    cases = load_project(Settings(ROOT)).casebook.cases
    told = [c for c in cases if _flat(c.front.title) in cover]
    assert len(told) == 2, [c.slug for c in told]
    with pdfplumber.open(sample_site / "print/casebook-print.pdf") as document:
        page = document.pages[0]
        top = min(page.images, key=lambda i: i["top"])
        assert top["top"] <= page.bbox[1] + 10 * 72 / 25.4, "a photo runs off the top edge"
        title = max(page.chars, key=lambda c: c["size"])
        assert title["top"] > top["bottom"], "the title stands under the photo"


def test_pdf_text_copies_as_written(sample_site):
    """Letter-spacing split '규정 확인일' into '규 정 확 인 일' in pdftotext; a tab turned the other
    way on left-hand pages came out as '리거을먹'."""
    sheet = _flat(_pdftotext(sample_site / "print/items/barun-bapsang/local-lunchbox.pdf"))
    assert "규정 확인일" in sheet and "사무국 확인" in sheet
    catalog = _pdftotext(sample_site / "print/catalog-screen.pdf")
    assert "리거을먹" not in catalog and "먹을거리" in catalog
    cover = _flat(_pdftotext(sample_site / "print/catalog-print.pdf", 1, 1))
    assert "예시사회적경제네트워크" in cover and "예시시 공공구매" in cover


def test_a_category_opener_carries_its_first_card_when_two_fit_a_page():
    """The opener was a band and a short list on a page two-thirds empty: with two cards to a
    page its lower half holds the category's first card, and the pages promised still hold."""
    from types import SimpleNamespace

    from secatalog.pdf.plan import category_chunks, item_page_numbers

    category = SimpleNamespace(id="food", name="먹을거리")
    items = [SimpleNamespace(uid=f"e/p{n}") for n in range(5)]
    chunks = category_chunks(category, items, 2, 10)
    assert [c.pages for c in chunks] == [3]
    assert list(item_page_numbers(chunks, 2).values()) == [10, 11, 11, 12, 12]
    single = category_chunks(category, items, 1, 10)  # one card a page: the opener stays alone
    assert list(item_page_numbers(single, 1).values()) == [11, 12, 13, 14, 15]


def _ink_bottom(
    png: Path, top_mm: float, bottom_mm: float, left_mm: float = 0, right_mm: float = 195, ink: int = 200
) -> float:
    """How far down the band between top_mm and bottom_mm (from the sheet's top) the page's lowest
    ink reaches, 0 to 1, between left_mm and right_mm across (by default the right-hand 15 mm are
    left out: the thumb tabs live there)."""
    from PIL import Image

    page = Image.open(png).convert("L")
    scale = page.height / 297
    top, bottom = round(top_mm * scale), round(bottom_mm * scale)
    box = (round(left_mm * scale), top, round(right_mm * scale), bottom)
    band = page.crop(box).point(lambda v: 255 if v < ink else 0)
    box = band.getbbox()
    return box[3] / (bottom - top) if box else 0.0


def test_profiles_fill_their_pages(sample_site, tmp_path):
    """Every profile was two pages, each about half empty. A profile's page (a one-page profile,
    or the first of two) is filled at least three quarters down, and a second page at least 60%;
    product photos show in a grid or in the table when room allows."""
    for pdf in sorted((sample_site / "print/enterprises").glob("*.pdf")):
        pages = len(PdfReader(pdf).pages)
        subprocess.run(["pdftoppm", "-r", "30", "-gray", "-png", str(pdf), str(tmp_path / pdf.stem)], check=True)
        pngs = sorted(tmp_path.glob(f"{pdf.stem}*.png"))
        for n, png in enumerate(pngs, 1):
            filled = _ink_bottom(png, 18, 18 + 258)  # the text area (print.css .profile-body)
            assert filled >= (0.6 if n == 2 else 0.75), (pdf.name, n, round(filled, 2))
        images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True)
        shown = [line for line in images.stdout.splitlines()[2:] if " image " in line]
        assert len(shown) >= (4 if pages == 2 else 2), pdf.name  # the enterprise's photo, its products' and the QR


def test_the_catalogs_profiles_fill_their_pages(sample_site, tmp_path):
    """The catalog's profiles show no product photos again (their cards did), and one-page
    profiles ended a fifth empty under short lists. Under them the cases the enterprise supplied,
    then ruled lines for the buyer's notes (a heading and at least three lines, or none): every
    profile page is filled 80% down."""
    pdf = sample_site / "print/catalog-print.pdf"
    reader = PdfReader(pdf)
    profiles = [n for n, page in enumerate(reader.pages, 1) if "최신 정보와 제품별 품목 확인서" in page.extract_text()]
    assert len(profiles) >= 10
    text = _flat(_pdftotext(pdf, profiles[0], profiles[-1]))
    assert text.count("거래 메모") >= 2 and "사례집에 실린 공공구매 사례" in text
    for n in profiles:
        png = tmp_path / f"p{n}"
        subprocess.run(
            ["pdftoppm", "-r", "60", "-gray", "-png", "-singlefile", "-f", str(n), "-l", str(n), str(pdf), str(png)],
            check=True,
        )
        filled = _ink_bottom(png.with_suffix(".png"), 18, 18 + 258, ink=235)  # the notes' thin rules count
        assert filled >= 0.8, (n, round(filled, 2))


def test_case_spreads_fill_their_pages(sample_site, tmp_path):
    """Case pages were half empty under a short story. A case's opening grows its picture into
    the room its title and figures leave (pdf/casepage.py), so it reaches 85% down. Its second
    page was 35-40% empty under short stories: the story column closes with who supplied it and a
    photo (the supplier's own people when the case has no other), 85% down; the side column lists
    what else the suppliers sell under what to buy, at least half way down."""
    pdf = sample_site / "print/casebook-screen.pdf"
    pages = _pdftotext(pdf).split("\f")
    subprocess.run(["pdftoppm", "-r", "30", "-gray", "-png", str(pdf), str(tmp_path / "c")], check=True)
    pngs = sorted(tmp_path.glob("c*.png"))
    openings = [n for n, text in enumerate(pages) if "한눈에 보기" in text and "머리말" not in text]
    stories = [n for n, text in enumerate(pages) if "같은 것을 사려면" in text and "머리말" not in text]
    assert len(openings) == len(stories) >= 8 and [n + 1 for n in openings] == stories
    for n in openings:
        assert _ink_bottom(pngs[n], 18, 18 + 258) >= 0.85, (n + 1, round(_ink_bottom(pngs[n], 18, 18 + 258), 2))
    for n in stories:
        story = _ink_bottom(pngs[n], 18, 18 + 258, 15, 15 + 115)
        side = _ink_bottom(pngs[n], 18, 18 + 258, 137, 195)
        assert story >= 0.85 and side >= 0.5, (n + 1, round(story, 2), round(side, 2))
        assert side < 0.93, (n + 1, round(side, 2))  # past this the story page clipped a stamp in half
    assert sum("이 기업의 다른 제품·서비스" in pages[n] for n in stories) >= len(stories) - 1


def test_a_case_book_chapter_opens_on_its_first_case_and_the_contents_list_every_case(sample_site):
    """A chapter's own page was a band and three short lines: the band now heads its first case's
    page, and the contents say each case's title, agency and page."""
    from secatalog.read.project import load_project
    from secatalog.settings import Settings

    pdf = sample_site / "print/casebook-screen.pdf"
    pages = _pdftotext(pdf).split("\f")
    reader = PdfReader(pdf)
    bookmarks = {b.title: reader.get_destination_page_number(b) for b in reader.outline if not isinstance(b, list)}
    casebook = load_project(Settings(Path(__file__).resolve().parents[1])).casebook
    contents = _pdftotext(pdf, bookmarks["차례"] + 1, bookmarks["차례"] + 1, layout=True)
    for chapter, cases in casebook.chapters:
        if not cases:
            continue
        assert cases[0].front.title in _flat(pages[bookmarks[chapter.name]]), chapter.name  # not a page of its own
        for case in cases[:5]:
            # (a case's line may wrap: its buyer, year and headline, then its page)
            flat = re.sub(r"\s+", " ", contents)
            number = re.search(re.escape(case.front.title) + r" (\d+) ", flat) or re.search(
                re.escape(case.front.title) + r" .+? · \d{4}년(?: — .+?)? (\d+)(?= |$)", flat
            )
            assert number, (case.front.title, contents[:300])
            assert case.front.title in _flat(pages[int(number[1]) - 1]), case.front.title


def test_a_categorys_last_card_alone_on_its_page_keeps_its_size_over_the_categorys_suppliers(sample_site, tmp_path):
    """Under a category's last single card were half a page of ruled lines; then the card was
    printed large, which made a 5,000원 magnet the category's star. The card keeps its size and
    the half page under it lists who supplies the category, with the category online."""
    import pdfplumber
    import zxingcpp
    from PIL import Image

    from secatalog.build.recipe import prepare
    from secatalog.pdf.html import CatalogDocument
    from secatalog.settings import Settings

    prepared = prepare(Settings(Path(__file__).resolve().parents[1]))
    doc = CatalogDocument(prepared.catalog, prepared.photos, 2, "2026-12-04")
    pdf = sample_site / "print/catalog-screen.pdf"
    checked = 0
    for chunk in doc.chunks:
        if chunk.kind == "category" and (len(chunk.payload["cards"]) - 1) % 2:  # one card on the last page
            page = chunk.first_page + chunk.pages - 1
            category, items = chunk.payload["category"], chunk.payload["cards"]
            text = _flat(_pdftotext(pdf, page, page))
            assert items[-1].product.name in text and f"{category.name} 공급 기업" in text
            for item in items:
                assert item.enterprise.record.name in text, (category.name, item.enterprise.record.name)
            with pdfplumber.open(pdf) as book:
                widest = max(image["x1"] - image["x0"] for image in book.pages[page - 1].images)
            assert widest * 25.4 / 72 < 110, (category.name, widest)  # a card's photo, not across the page
            shot = tmp_path / f"p{page}"
            subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", str(page), "-l", str(page), str(pdf), str(shot)])
            image = next(tmp_path.glob(f"p{page}*.png"))
            codes = {r.text for r in zxingcpp.read_barcodes(Image.open(image))}
            assert f"https://catalog.example.org/categories/{category.id}/" in codes, codes
            checked += 1
    assert checked >= 2


def test_a_bundle_page_lists_its_items_with_prices_and_pages(sample_site):
    from secatalog.build.recipe import prepare
    from secatalog.pdf.html import CatalogDocument
    from secatalog.settings import Settings

    prepared = prepare(Settings(Path(__file__).resolve().parents[1]))
    doc = CatalogDocument(prepared.catalog, prepared.photos, 2, "2026-12-04")
    chunk = next(c for c in doc.chunks if c.kind == "bundles")
    pdf = sample_site / "print/catalog-screen.pdf"
    for n, bundle in enumerate(chunk.payload["bundles"]):
        page = chunk.first_page + n
        lines = [" ".join(line.split()) for line in _pdftotext(pdf, page, page, layout=True).splitlines()]
        assert bundle.record.name in lines
        for item in bundle.items:
            row = next(line for line in lines if line.startswith(item.product.name + " "))
            assert row.endswith(f" {doc.item_pages[item.uid]}") and ("원" in row or "협의" in row), row
        # how a several-enterprise order goes, and each enterprise's phone (the foot was empty)
        text = " ".join(lines)
        assert "이렇게 주문하세요" in text
        for item in bundle.items:
            record = item.enterprise.record
            assert (record.contact.phone or record.phone) in text, record.name


@pytest.mark.parametrize("book", ["catalog", "casebook"])
def test_a_front_cover_shows_the_books_photos_and_no_title_word_alone(sample_site, book):
    """The covers read as web banners (a band of text, tag chips, a row of thumbnails); a cover now
    carries the book's own photos under the band, one large and two beside it, bleeding off both
    edges, and a title never ends with "(예시)" alone on its line."""
    import pdfplumber

    pdf = sample_site / f"print/{book}-print.pdf"
    with pdfplumber.open(pdf) as document:
        cover = document.pages[0]
        photos = sorted(
            (i for i in cover.images if (i["x1"] - i["x0"]) * 25.4 / 72 > 35),  # not the QR (22 mm)
            key=lambda i: i["x0"],
        )
        assert len(photos) == 3, len(photos)
        widths = [(i["x1"] - i["x0"]) * 25.4 / 72 for i in photos]
        assert widths[0] > 2 * max(widths[1:]) - 5, widths  # one large, two beside it
        sheet, mm = cover.bbox, 72 / 25.4  # pdfplumber's page is the sheet, 10 mm past the trim
        trim = (sheet[0] + 10 * mm, sheet[2] - 10 * mm)
        left, right = min(i["x0"] for i in photos), max(i["x1"] for i in photos)
        assert left <= trim[0] - 3 * mm and right >= trim[1] + 3 * mm, "bleeds off both edges"
        title_size = max(c["size"] for c in cover.chars)
        title_lines = {round(c["top"]) for c in cover.chars if c["size"] == title_size}
        for top in title_lines:
            line = "".join(c["text"] for c in cover.chars if c["size"] == title_size and round(c["top"]) == top)
            assert line.strip() not in ("(예시)", "예시"), line


def test_a_case_spread_never_shows_one_photo_twice():
    """The second page now draws the supplier's own photo large and the suppliers' other items
    with theirs: no photo on a spread is drawn twice (the opening's, the figure, what to buy, the
    other items, a supplier beside its lines)."""
    from secatalog.build.recipe import prepare
    from secatalog.pdf.html import CasebookDocument
    from secatalog.settings import Settings

    prepared = prepare(Settings(Path(__file__).resolve().parents[1]))
    doc = CasebookDocument(prepared.catalog, prepared.photos, "2026-12-04")
    plan_case = doc.extra(doc.chunks[0])["plan_case"]
    supplier_figures = 0
    for n, case in enumerate(prepared.catalog.casebook.cases):
        plan = plan_case(case, n == 0)
        items = {i.uid: i for i in (*case.items, *doc.other_items(case))}
        drawn = [plan.photo, *plan.figure_refs]
        drawn += [items[uid].photos[0] for uid in (*plan.side_photos, *plan.other_photos)]
        drawn += [
            e.photos[0]
            for e in case.enterprises[: plan.suppliers]
            if e.photos and e.photos[0] not in (plan.photo, *plan.figure_refs)
        ]
        assert len(drawn) == len(set(drawn)), case.slug
        assert set(plan.others) <= {i.uid for i in doc.other_items(case)}
        supplier_figures += any(ref in (e.photos[:1]) for e in case.enterprises for ref in plan.figure_refs)
    assert supplier_figures >= 3  # the sample's cases have no second photo: their suppliers' people close them


def test_a_bundle_page_grows_its_photo_into_the_room_its_text_leaves(sample_site, tmp_path):
    """Under a short list of parts a quarter of a bundle's page stood empty: its photo takes the
    room (pdf/bundlepage.py), so the page reaches 85% down and none is cut."""
    pdf = sample_site / "print/catalog-screen.pdf"
    pages = _pdftotext(pdf).split("\f")
    bundles = [n for n, text in enumerate(pages) if "이렇게 주문하세요" in text and "구성" in text]
    assert len(bundles) >= 3
    for n in bundles:
        png = tmp_path / f"b{n}"
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "30",
                "-gray",
                "-png",
                "-singlefile",
                "-f",
                str(n + 1),
                "-l",
                str(n + 1),
                str(pdf),
                str(png),
            ],
            check=True,
        )
        filled = _ink_bottom(png.with_suffix(".png"), 18, 18 + 258)
        assert 0.85 <= filled <= 0.99, (n + 1, round(filled, 2))


def test_the_trade_lists_first_page_is_full_before_the_list_runs_on(sample_site, tmp_path):
    """Its e-mail column was measured on two lines where it printed on one, so the first page
    ended a quarter empty before the next category."""
    pdf = sample_site / "print/member-trade.pdf"
    assert len(PdfReader(pdf).pages) >= 2
    png = tmp_path / "t1"
    subprocess.run(
        ["pdftoppm", "-r", "30", "-gray", "-png", "-singlefile", "-f", "1", "-l", "1", str(pdf), str(png)], check=True
    )
    assert _ink_bottom(png.with_suffix(".png"), 18, 18 + 258) >= 0.85


@pytest.mark.parametrize("book", ["catalog", "casebook"])
def test_a_short_contents_spreads_down_its_page(sample_site, book, tmp_path):
    """The case book's contents stopped half-way down its page (45% of it empty): its rows spread
    down the page, up to 4 mm more above and below each."""
    pdf = sample_site / f"print/{book}-screen.pdf"
    assert "\n차례\n" in _pdftotext(pdf, 3, 3)
    subprocess.run(["pdftoppm", "-r", "30", "-gray", "-png", "-f", "3", "-l", "3", str(pdf), str(tmp_path / "t")])
    filled = _ink_bottom(next(tmp_path.glob("t*.png")), 18, 18 + 258)
    assert filled >= 0.75, (book, round(filled, 2))


@pytest.mark.parametrize("book", ["catalog", "casebook"])
def test_no_running_head_repeats_its_pages_own_heading(sample_site, book):
    """The running head named the page's own title a line under it ('공공구매 이렇게 하세요' twice,
    '찾아보기' twice): it is left out on the page whose heading sets it, and no kicker repeats it."""
    import pdfplumber

    mm = 72 / 25.4
    with pdfplumber.open(sample_site / f"print/{book}-screen.pdf") as pdf:
        for n, page in enumerate(pdf.pages[1:], 2):
            # the text area's words, not the thumb tabs in the outer margin
            words = [w for w in page.extract_words() if 14 * mm < w["x0"] and w["x1"] < page.width - 14 * mm]
            head = " ".join(w["text"] for w in words if w["top"] < 15 * mm)
            lines: dict[int, list[str]] = {}
            for w in words:
                if 15 * mm <= w["top"] < 60 * mm:
                    lines.setdefault(round(w["top"]), []).append(w["text"])
            body = [" ".join(ws) for _, ws in sorted(lines.items())]
            assert not any(line and line in head for line in body[:2]), (book, n, head, body[:2])


def test_the_case_book_appendix_closes_on_whom_to_ask_at_its_foot(sample_site):
    """The appendix's first page ended with its contact box two thirds down and a quarter of the
    page white under it: the box stands at the foot of the text area (258 mm), the text above it."""
    import pdfplumber

    with pdfplumber.open(sample_site / "print/casebook-print.pdf") as document:
        page = next(p for p in document.pages if "궁금한 것은" in (p.extract_text() or ""))
        mm = 72 / 25.4
        top = page.bbox[1] + (10 + 18) * mm  # the sheet's 10 mm past the trim, then the top margin
        words = page.extract_words()
        url = next(w for w in words if w["text"].endswith("/procurement/"))
        assert (url["bottom"] - top) / mm > 258 - 14, (url["bottom"] - top) / mm
        ask = next(w for w in words if w["text"] == "궁금한")
        text = [w for w in words if w["bottom"] < ask["top"] - 2 and (w["top"] - top) / mm > 0]
        assert text and max(w["bottom"] for w in text) < ask["top"], "the text ends above the box"


@pytest.mark.parametrize("book", ["catalog", "casebook"])
def test_the_networks_name_heads_every_page_at_its_outer_edge(sample_site, book):
    """A page that opens a section sets no section head, and the network's name then stood alone
    against the spine (the left-hand page's right): it stands at the outer edge on every page."""
    import pdfplumber

    from helpers import ROOT
    from secatalog.read.project import load_project
    from secatalog.settings import Settings

    network = load_project(Settings(ROOT)).network
    first, last = network.name.split()[0], network.edition.split()[-1]
    mm = 72 / 25.4
    with pdfplumber.open(sample_site / f"print/{book}-screen.pdf") as pdf:
        checked = 0
        for n, page in enumerate(pdf.pages[1:-1], 2):
            head = sorted((w for w in page.extract_words() if w["top"] < 15 * mm), key=lambda w: w["x0"])
            if not any(w["text"] == first for w in head):
                continue
            checked += 1
            if n % 2:  # a right-hand page: the name ends flush with the text area's right edge
                assert head[-1]["text"] == last and abs(page.width - 15 * mm - head[-1]["x1"]) < 2 * mm, (book, n)
            else:  # a left-hand page: it begins at the left margin
                assert head[0]["text"] == first and abs(head[0]["x0"] - 15 * mm) < 2 * mm, (book, n)
        assert checked > 10


@pytest.mark.parametrize("book", ["catalog", "casebook"])
def test_the_back_covers_photos_take_the_room_their_words_leave(sample_site, book):
    """The back cover's photos were 16:9 strips of 4:3 photos (people cut at the knees) over a
    35 mm white band: they grow to 4:3 in the room the words leave, and stop short of the QR."""
    import pdfplumber

    from secatalog.pdf.html import back_photo_mm

    assert back_photo_mm("짧은 이름", "카탈로그 · 2026년판", "", False) == round(89 * 3 / 4, 1)
    assert back_photo_mm("아주 " * 30, "긴 제목 " * 20, "긴 설명 " * 60, True) == 50.0
    mm = 72 / 25.4
    with pdfplumber.open(sample_site / f"print/{book}-print.pdf") as document:
        page = document.pages[-1]
        photos = [i for i in page.images if (i["x1"] - i["x0"]) / mm > 60]
        qr = [i for i in page.images if 30 < (i["x1"] - i["x0"]) / mm < 45]
        assert len(photos) == 4 and qr
        assert all((i["bottom"] - i["top"]) / mm >= 58 for i in photos), [(i["bottom"] - i["top"]) / mm for i in photos]
        assert max(i["bottom"] for i in photos) + 3 * mm < min(i["top"] for i in qr)
