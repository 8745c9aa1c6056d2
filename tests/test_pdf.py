"""The printed catalog: true page numbers, print boxes, fonts, links, bookmarks, QR codes, text."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from helpers import ROOT
from secatalog.read.project import load_project
from secatalog.settings import Settings

pytestmark = pytest.mark.slow
A4 = (595.28, 841.89)
BLEED = 10 / 25.4 * 72
"""The sheet past the trim: 3.5 mm of bleed (the BleedBox), then white for the crop marks."""


@pytest.fixture(scope="module")
def texts(sample_site) -> list[str]:
    with pdfplumber.open(sample_site / "print/catalog-screen.pdf") as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def _page_of(texts: list[str], printed: int) -> str:
    """The text of the page whose footer shows this number (the footer is the last line)."""
    matches = [t for t in texts if t.strip().splitlines()[-1:] == [str(printed)]]
    assert len(matches) == 1, f"page {printed} found {len(matches)} times"
    return matches[0]


def test_print_editions_fold_into_booklets(sample_site):
    """Print editions end on a multiple of four pages (blank pages at the end); screen ones do not pad."""
    for book in ("catalog", "casebook"):
        printed = len(PdfReader(sample_site / f"print/{book}-print.pdf").pages)
        screen = len(PdfReader(sample_site / f"print/{book}-screen.pdf").pages)
        assert printed % 4 == 0 and screen <= printed < screen + 4, (book, printed, screen)


def test_print_edition_boxes(sample_site):
    reader = PdfReader(sample_site / "print/catalog-print.pdf")
    assert len(reader.pages) > 40
    for page in reader.pages:
        trim = [float(v) for v in page.trimbox]
        media = [float(v) for v in page.mediabox]
        assert trim[2] - trim[0] == pytest.approx(A4[0], abs=0.5)
        assert trim[3] - trim[1] == pytest.approx(A4[1], abs=0.5)
        assert media[2] - media[0] == pytest.approx(A4[0] + 2 * BLEED, abs=0.5)
        assert media[3] - media[1] == pytest.approx(A4[1] + 2 * BLEED, abs=0.5)
        bleed = [float(v) for v in page.bleedbox]
        assert trim[0] - bleed[0] == pytest.approx(10, abs=0.1)  # points: 3.5 mm, the marks outside it


def test_screen_edition_has_no_bleed(sample_site):
    page = PdfReader(sample_site / "print/catalog-screen.pdf").pages[4]
    assert float(page.mediabox.width) == pytest.approx(A4[0], abs=0.5)


def test_every_font_is_embedded(sample_site):
    for name in ("catalog-print.pdf", "catalog-screen.pdf"):
        out = subprocess.run(
            ["pdffonts", str(sample_site / "print" / name)], capture_output=True, text=True, check=True
        ).stdout.splitlines()[2:]
        assert out and all(re.search(r"\byes\s+yes\s+yes\b", line) for line in out), out


def test_a_book_embeds_each_font_face_once_with_every_glyph_its_parts_draw(sample_site):
    """Each rendered part brings its own subset of a face; the joined book carries one subset of
    the glyphs of all parts (16 copies of the Korean fonts were 70% of the catalog's bytes)."""
    from io import BytesIO

    from fontTools.pens.boundsPen import BoundsPen
    from fontTools.ttLib import TTFont

    from secatalog.pdf.fonts import glyphs_in

    reader = PdfReader(sample_site / "print/catalog-screen.pdf")
    drawn: dict[int, dict[int, str]] = {}  # font program -> glyph -> the text it stands for
    faces, programs = set(), {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            cid = font["/DescendantFonts"][0].get_object()
            descriptor = cid["/FontDescriptor"].get_object()
            ref = descriptor.raw_get("/FontFile3") or descriptor.raw_get("/FontFile2")
            programs[ref.idnum] = ref.get_object().get_data()
            faces.add(str(descriptor["/FontName"]).split("+", 1)[1])
            text = dict(re.findall(rb"<([0-9a-f]{4})> <([0-9a-f]+)>", font["/ToUnicode"].get_object().get_data()))
            for glyph in glyphs_in(cid["/W"]):
                code = text.get(b"%04x" % glyph, b"")
                drawn.setdefault(ref.idnum, {})[glyph] = bytes.fromhex(code.decode()).decode("utf-16-be")
    assert len(reader.pages) > 40 and len(programs) == len(faces), (len(programs), faces)
    for number, data in programs.items():
        face = TTFont(BytesIO(data))
        shapes = face.getGlyphSet()
        order = face.getGlyphOrder()
        for glyph, text in drawn[number].items():
            pen = BoundsPen(shapes)
            shapes[order[glyph]].draw(pen)
            assert pen.bounds is not None or not text.strip(), f"glyph {glyph} ({text!r}) has no outline"


def test_table_of_contents_page_numbers_are_true(sample_site, texts):
    toc = texts[2]
    assert "\n차례\n" in toc
    entries = re.findall(r"^(\S[^\n]*?) (\d+)$", toc, re.M)
    assert len(entries) >= 14
    for title, number in entries:
        page = _page_of(texts, int(number))
        assert title in page.splitlines()[0:4], (title, number)


def test_index_page_numbers_point_at_the_items(sample_site, texts):
    index_pages = [t for t in texts if "품목 기업 가격 수의계약 전화 쪽" in t]
    row = re.compile(r"(원|협의)\S* .*\d{2,4}-\d{3,4}-\d{4} (\d+)$")
    lines = [line for t in index_pages for line in t.splitlines() if row.search(line)]
    assert len(lines) == 43
    for line in lines:
        item_page = _page_of(texts, int(row.search(line).group(2)))
        assert any(word in item_page for word in line.split()[0:2]), line
    # Prices keep their units, and an eligible item says so in its row.
    assert any("1,500,000원/1회 (60분) 가능 041-000-0109" in line for line in lines)
    assert any("원/" in line for line in lines) and any(" 가능 " in line for line in lines)


def test_the_index_is_in_ganada_order_with_the_bundles(sample_site, texts):
    """The index repeated the contents (items by category); it is now every item and bundle in
    가나다 order under its first consonant, each with its page."""
    catalog = load_project(Settings(ROOT))
    index = "\n".join(t for t in texts if "품목 기업 가격 수의계약 전화 쪽" in t)
    lines = [line.strip() for line in index.splitlines() if line.strip()]
    assert "꾸러미 (꾸러미)" not in index, "a bundle named ...꾸러미 is not labelled a bundle twice"
    labels = {
        b.record.name: b.record.name if b.record.name.endswith("꾸러미") else f"{b.record.name} (꾸러미)"
        for b in catalog.bundles
    }
    assert any(name == label for name, label in labels.items()), "the sample has a bundle named ...꾸러미"
    names = sorted([i.product.name for i in catalog.items] + list(labels.values()))
    found = [next((n for n in names if line.startswith(n)), None) for line in lines]
    listed = [n for n in found if n]
    assert listed == names, "every item and bundle once, in 가나다 order"
    headings = [line for line in lines if len(line) == 1 and "ㄱ" <= line <= "ㅎ"]
    assert headings == sorted(set(headings)) and headings[0] == "ㄱ" and len(headings) >= 8
    for bundle in catalog.bundles:
        line = next(line for line in lines if line.startswith(labels[bundle.record.name]))
        page = _page_of(texts, int(line.split()[-1]))
        assert bundle.record.name in page, line


def test_korean_text_extracts_as_real_hangul(texts):
    whole = "\n".join(texts)
    for name in ("로컬푸드 도시락", "공공청사 정기 청소", "재생 빨랫비누", "수의계약 가능"):
        assert name in whole
    assert "\u2060" not in whole


def test_screen_bookmarks_and_links(sample_site):
    reader = PdfReader(sample_site / "print/catalog-screen.pdf")
    titles = [o.title for o in reader.outline if not isinstance(o, list)]
    assert "먹을거리" in titles and "찾아보기" in titles
    toc_links = [a.get_object() for a in reader.pages[2]["/Annots"]]
    jumps = [a["/A"] for a in toc_links if a["/A"]["/S"] == "/GoTo"]
    assert len(jumps) >= 14
    first = jumps[0]["/D"][0]
    target = [i for i, p in enumerate(reader.pages) if p.indirect_reference == first][0]
    assert "먹을거리" in reader.pages[target].extract_text().splitlines()[0:3]
    uris = [a.get_object()["/A"].get("/URI") for p in reader.pages for a in p.get("/Annots", [])]
    assert "https://catalog.example.org/items/barun-bapsang/local-lunchbox/" in uris
    assert not any(str(u).startswith("secatalog-page:") for u in uris if u)


def test_qr_code_decodes_to_the_item_page(sample_site, tmp_path, texts):
    import zxingcpp
    from PIL import Image

    number = next(i for i, t in enumerate(texts) if "로컬푸드 도시락" in t and "9,000원" in t) + 1
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "200",
            "-png",
            "-f",
            str(number),
            "-l",
            str(number),
            str(sample_site / "print/catalog-print.pdf"),
            str(tmp_path / "p"),
        ],
        check=True,
    )
    image = Image.open(next(tmp_path.glob("p*.png")))
    found = {r.text for r in zxingcpp.read_barcodes(image)}
    assert "https://catalog.example.org/items/barun-bapsang/local-lunchbox/" in found


def test_metadata(sample_site):
    reader = PdfReader(sample_site / "print/catalog-print.pdf")
    meta = reader.metadata
    assert meta.title.startswith("예시사회적경제네트워크") and meta.author == "예시사회적경제네트워크"
    assert reader.trailer["/Root"]["/Lang"] == "ko"
    from secatalog import GENERATOR

    assert meta.creator == GENERATOR and meta.producer.startswith(f"{GENERATOR} (WeasyPrint ")


def test_every_pdf_title_reads_as_written(sample_site):
    """A viewer's title bar and a search of document titles see the words, not the invisible
    joiners that keep Korean words whole in the layout."""
    titles = {p.relative_to(sample_site).as_posix(): PdfReader(p).metadata.title for p in sample_site.rglob("*.pdf")}
    assert len(titles) > 10
    assert {name: t for name, t in titles.items() if not t or "\u2060" in t} == {}


def test_every_joined_book_passes_qpdf_check(sample_site):
    """The join writes PDF objects by hand (pdf/writer.py): qpdf reads each book end to end."""
    from concurrent.futures import ThreadPoolExecutor

    books = sorted((sample_site / "print").rglob("*.pdf"))
    assert len(books) > 10

    def check(book: Path) -> subprocess.CompletedProcess:
        return subprocess.run(["qpdf", "--check", str(book)], capture_output=True, text=True)

    with ThreadPoolExecutor(4) as pool:  # the largest book takes most of the time: start it first
        results = list(pool.map(check, sorted(books, key=lambda book: -book.stat().st_size)))
    for result in results:
        assert result.returncode == 0, f"{result.args[-1]}: {result.stdout[-800:]}{result.stderr[-800:]}"
        assert "No syntax or stream encoding errors found" in result.stdout


def test_enterprise_profiles_take_one_page(sample_site):
    """Every profile was two pages, each about half empty. The page's link and code moved to the
    head (a footer took 28 mm of every page), and lists that would spill stand side by side: the
    sample's profiles, the biggest with three lists, each fit one page."""
    profiles = sorted((sample_site / "print/enterprises").glob("*.pdf"))
    assert len(profiles) == 14
    assert {pdf.stem: len(PdfReader(pdf).pages) for pdf in profiles} == {pdf.stem: 1 for pdf in profiles}
    with pdfplumber.open(sample_site / "print/enterprises/haemaru-clean.pdf") as pdf:
        page = pdf.pages[0]
        words = page.extract_words()
        text = page.extract_text()

    def top(word: str) -> float:
        return next(w["top"] for w in words if w["text"] == word)

    assert "공공청사 정기 청소" in text and "https://catalog.example.org/enterprises/haemaru-clean/" in text
    assert top("https://catalog.example.org/enterprises/haemaru-clean/") < page.height / 5  # at the head
    # 연혁 on the left, 공공구매 실적 on the right, at the same height
    history, record = (next(w for w in words if w["text"] == t) for t in ("연혁", "공공구매"))
    assert abs(history["top"] - record["top"]) < 1 and record["x0"] > page.width / 2 > history["x0"]
    assert top("사회공헌") > top("공공구매")


def test_catalog_profiles_point_to_the_cards_instead_of_repeating_their_photos(sample_site, texts):
    """The catalog prints each product's photo on its card; its profiles showed the same pictures
    again in a grid a page long. They show small ones in the products table, with the card's page."""
    flat = [" ".join(t.split()) for t in texts]
    assert not any("사진으로 보는 제품·서비스" in t for t in flat)
    profile = next(t for t in flat if "기업 소개" in t[:60] and "해마루클린" in t[:90])
    card = next(n for n, t in enumerate(texts) if "냉난방기 세척\n해마루클린" in t and "기업 소개" not in t)
    printed = texts[card].strip().splitlines()[-1]
    assert re.search(rf"냉난방기 세척 .*80,000원 / 1대 {printed}\b", profile), profile


def test_a_big_profile_takes_two_pages_without_clipping(tmp_path):
    """A profile with full lists and many products still plans two pages, the second as full as the
    first allows: the printed pages match the plan and no text is cut."""
    from dataclasses import replace

    from secatalog.build.recipe import prepare
    from secatalog.pdf import html
    from secatalog.pdf.profile import plan_profile
    from secatalog.pdf.render import render_all

    prepared = prepare(Settings(ROOT))
    catalog = prepared.catalog
    ent = next(e for e in catalog.enterprises if e.slug == "haemaru-clean")
    r = ent.record
    big = r.model_copy(
        update={
            "history": r.history * 3,
            "procurement_record": r.procurement_record * 3,
            "social_contribution": r.social_contribution * 3,
            "products": r.products + [p.model_copy(update={"id": f"{p.id}-{n}"}) for n in range(3) for p in r.products],
        }
    )
    ent = replace(ent, record=big)
    names = html.category_names(catalog)
    standalone = plan_profile(ent, names, catalog.network.site_url)
    in_catalog = plan_profile(ent, names, catalog.network.site_url, in_catalog=True)
    assert standalone.pages == in_catalog.pages == 2
    assert in_catalog.photos == 0 and in_catalog.in_catalog and not standalone.in_catalog
    doc = html.ProfileDocument(catalog, prepared.photos, "2026-12-06", ent)
    job = doc.job("big", doc.chunks[0], html.SCREEN, str(catalog.settings.photo_cache), True)
    rendered = render_all([job], tmp_path, 1)  # a profile off its planned pages fails here
    assert len(PdfReader(rendered.files["big"]).pages) == 2
    assert rendered.clipped == {}
    second = PdfReader(rendered.files["big"]).pages[1].extract_text()
    assert "사회공헌" in second and "제품·서비스" in second  # too long for the first page with the facts


def test_the_catalogs_one_page_profiles_set_their_lists_alike():
    """Lists one under another on some profiles and side by side on others read as pages from
    different books: wherever two lists are printed and fit side by side, they stand so."""
    from secatalog.pdf import html
    from secatalog.pdf.profile import list_heights, plan_profile

    catalog = load_project(Settings(ROOT))
    names = html.category_names(catalog)
    plans = [
        (ent.slug, plan_profile(ent, names, catalog.network.site_url, in_catalog=True), list_heights(ent.record))
        for ent in catalog.enterprises
    ]
    several = [(slug, plan) for slug, plan, heights in plans if plan.pages == 1 and sum(1 for h in heights if h) >= 2]
    assert len(several) >= 5
    assert all(plan.columns for _, plan in several), [slug for slug, plan in several if not plan.columns]


def test_no_embedded_files(sample_site):
    for pdf in (sample_site / "print").rglob("*.pdf"):
        out = subprocess.run(["pdfdetach", "-list", str(pdf)], capture_output=True, text=True, check=True)
        assert out.stdout.strip().startswith("0 embedded files"), pdf


def test_profiles_are_linked_from_enterprise_pages(sample_site):
    html = (sample_site / "enterprises/haemaru-clean/index.html").read_text("utf-8")
    assert 'href="../../print/enterprises/haemaru-clean.pdf"' in html
    home = (sample_site / "index.html").read_text("utf-8")
    assert 'href="./print/catalog-print.pdf"' in home and 'href="./print/catalog-screen.pdf"' in home
    assert Path(sample_site / "print/catalog-print.pdf").exists()


def test_an_item_without_the_sole_source_route_says_why(texts):
    """A buyer reading the print edition must not take a missing badge for a forgotten one."""
    page = next(t for t in texts if "꿀고구마" in t and "28,000원" in t and "부가세 포함" in t)  # its card
    flat = " ".join(page.split())
    assert "수의계약 해당 없음" in flat
    assert "수의계약 해당 없음 취약계층 고용 비율 20% (기준 30% 이상)" in flat


def test_the_cover_names_the_publisher_and_the_online_catalog(texts):
    cover = " ".join(texts[0].split())
    # the book's title large under its publisher, then the city and edition
    assert "예시사회적경제네트워크 사회적경제 제품·서비스 카탈로그 예시시 공공구매 · 2026년판" in cover
    assert "https://catalog.example.org/" in cover
    assert "펴낸 곳: 예시사회적경제네트워크 사무국 · 전화 041-000-0000" in cover  # no word twice
    # The sample notice and the categories are inside (the contents list them): a cover of chips and
    # a yellow bar read as a web page.
    assert "가상의 자료" not in cover and "가상의 자료" in " ".join(texts[1].split())


def test_cover_titles_break_between_words_only(sample_site):
    with pdfplumber.open(sample_site / "print/casebook-print.pdf") as pdf:
        lines = (pdf.pages[0].extract_text() or "").splitlines()
    # whole words, and the short last one kept with its neighbour (on one line or on the last)
    assert "사회적경제 공공구매 우수사례집 (예시)" in lines or "우수사례집 (예시)" in lines, lines


def _structure_text(pdf: Path) -> str:
    return subprocess.run(["pdfinfo", "-struct-text", str(pdf)], capture_output=True, text=True, check=True).stdout


def test_screen_editions_are_tagged_in_korean_as_one_tree(sample_site):
    """A screen reader reads the joined edition: one structure tree covering every part, each page's
    marked content reachable from it, the document language Korean."""
    for name in ("catalog-screen.pdf", "casebook-screen.pdf", "enterprises/haemaru-clean.pdf"):
        pdf = sample_site / "print" / name
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"^Tagged:\s+yes", info, re.M), name
        reader = PdfReader(pdf)
        root = reader.trailer["/Root"]
        assert root["/Lang"] == "ko" and root["/MarkInfo"]["/Marked"]
        tree = root["/StructTreeRoot"]
        nums = tree["/ParentTree"]["/Nums"]
        parents = {int(nums[i]): nums[i + 1].get_object() for i in range(0, len(nums), 2)}
        for number, page in enumerate(reader.pages):
            elements = parents[page["/StructParents"]]  # every page, the last part's too
            assert all(e.get_object().raw_get("/Pg").idnum == page.indirect_reference.idnum for e in elements), number
        raw = pdf.read_bytes()
        assert len(re.findall(rb"/Type\s*/StructTreeRoot", raw)) == 1, name  # the parts' own roots were not copied
    tree = subprocess.run(
        ["pdfinfo", "-struct", str(sample_site / "print/catalog-screen.pdf")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert tree.startswith("Document") and tree.count("\nDocument") == 0  # one tree, one Document element
    assert tree.count("Table") >= 2 and "Figure" in tree and "H1" in tree
    # poppler reads the text of a small file's tree quickly (the whole catalog takes it 25 s)
    text = _structure_text(sample_site / "print/enterprises/haemaru-clean.pdf")
    assert '"해마루클린 (예시)"' in text and '"공공청사 정기 청소"' in text
    assert not re.search(
        r"^Tagged:\s+yes",
        subprocess.run(
            ["pdfinfo", str(sample_site / "print/catalog-print.pdf")], capture_output=True, text=True, check=True
        ).stdout,
        re.M,
    )  # the printer's file stays as it was


def test_profiles_are_numbered_on_their_own_with_prices(sample_site):
    reader = PdfReader(sample_site / "print/enterprises/haemaru-clean.pdf")
    footers = [page.extract_text().strip().splitlines()[-1] for page in reader.pages]
    assert footers != ["1"]  # one page bears no number
    first = " ".join(reader.pages[0].extract_text().split())
    assert "공공청사 정기 청소" in first and "가격 협의" in first
    assert "규정 확인일" in first and "근거:" in first


def test_one_item_sheet_per_item_on_one_page(sample_site):
    """The 품목 확인서 a civil servant attaches to a 품의: one A4 page per item, with the facts."""
    items = sorted(p for p in (sample_site / "items").glob("*/*/index.html"))
    sheets = sorted((sample_site / "print/items").glob("*/*.pdf"))
    assert len(sheets) == len(items) == 43
    for sheet in sheets:
        assert len(PdfReader(sheet).pages) == 1, sheet
    reader = PdfReader(sample_site / "print/items/barun-bapsang/local-lunchbox.pdf")
    text = " ".join(reader.pages[0].extract_text().split())
    for fact in (
        "품목 확인서",
        "로컬푸드 도시락",
        "바른밥상협동조합 (예시)",
        "000-00-00001",
        "9,000원 / 1개 (부가세 포함)",
        "수의계약 가능",
        "추정 가격 50,000,000원 이하",
        "시행령 제25조",
        "규정 확인일 2026-11-01",
        "https://catalog.example.org/items/barun-bapsang/local-lunchbox/",
    ):
        assert fact in text, fact
    assert re.search(r"이 확인서는 \d{4}-\d{2}-\d{2} 현재 카탈로그 자료로 만들었습니다", text)
    assert "수의계약: 수의계약" not in text and "네트워크 네트워크" not in text
    assert reader.metadata.title == "품목 확인서: 로컬푸드 도시락 (바른밥상협동조합 (예시))"
    pending = " ".join(
        PdfReader(sample_site / "print/items/saessak-edu/career-class.pdf").pages[0].extract_text().split()
    )
    assert "수의계약 근거로 쓰지 마세요" in pending
    page = (sample_site / "items/barun-bapsang/local-lunchbox/index.html").read_text("utf-8")
    assert 'href="../../../print/items/barun-bapsang/local-lunchbox.pdf"' in page


def test_printers_get_a_readme(sample_site):
    notes = (sample_site / "print/README.txt").read_text("utf-8")
    pages = len(PdfReader(sample_site / "print/catalog-print.pdf").pages)
    assert f"catalog-print.pdf: 예시사회적경제네트워크 사회적경제 카탈로그 2026년판, {pages}쪽" in notes
    assert "도련 3.5 mm" in notes and "재단선: 도련 밖" in notes and "RGB" in notes and "글꼴" in notes


def test_tab_colours_carry_white_text():
    from secatalog.model.fields import contrast_with_white, delta_e
    from secatalog.pdf.html import BRAND_DISTANCE, TAB_COLOURS

    assert len(set(TAB_COLOURS)) == len(TAB_COLOURS)
    assert all(contrast_with_white(colour) >= 4.5 for colour in TAB_COLOURS)
    # Told apart at the page's edge without reading the label: every pair at least 20 apart in
    # CIELAB (red and deep orange were 14, olive and dark amber 11).
    closest = min(delta_e(a, b) for n, a in enumerate(TAB_COLOURS) for b in TAB_COLOURS[n + 1 :])
    assert closest >= 20, closest
    # and none reads as the default network colour (the navy tab was 8 from it, the blue 23)
    assert min(delta_e(colour, "#283593") for colour in TAB_COLOURS) >= BRAND_DISTANCE


def test_no_tab_takes_the_networks_own_colour():
    """A network whose colour is one of the tab colours (a green network) does not get a green
    category: the tab would read as the book's own furniture."""
    from types import SimpleNamespace

    from secatalog.model.fields import delta_e
    from secatalog.pdf.html import BRAND_DISTANCE, TAB_COLOURS, category_tab

    cats = [SimpleNamespace(id=f"c{n}", name=f"분류{n}", colour="") for n in range(12)]
    for brand in ("#2e7d32", "#283593", "#c62828"):
        catalog = SimpleNamespace(taxonomy=SimpleNamespace(categories=cats), network=SimpleNamespace(colour=brand))
        colours = [category_tab(catalog, c)["tab_colour"] for c in cats]
        assert all(delta_e(c, brand) >= BRAND_DISTANCE for c in colours), brand
        assert len(set(colours)) >= len(TAB_COLOURS) - 2  # still a colour for nearly every category


def test_category_pages_carry_a_thumb_tab_on_the_outer_edge(sample_site, texts):
    """Every page of a category shows its colour on the outer edge: right on odd pages, left on even."""
    import pypdfium2

    opener = next(n for n, t in enumerate(texts) if "먹을거리" in t and "품목 6개" in t and "차례" not in t)
    pdf = pypdfium2.PdfDocument(sample_site / "print/catalog-screen.pdf")
    colours = set()
    for number in range(opener, opener + 4):  # the opener and three pages of cards
        image = pdf[number].render(scale=1).to_pil().convert("RGB")
        width, height = image.size
        y = round(height * (18 + 4 + 15) / 297)  # the middle of the first category's tab
        outer, inner = (width - 3, 3) if (number + 1) % 2 else (3, width - 3)
        colours.add(image.getpixel((outer, y)))
        assert image.getpixel((inner, y)) == (255, 255, 255), number + 1
    assert len(colours) == 1 and colours != {(255, 255, 255)}, colours


def test_the_bundles_and_the_profiles_open_as_sections_of_the_book(sample_site, texts):
    """The book ran from its last category into bundles, then profiles, with no sign of either:
    each section's first page opens with a band naming it and saying what it holds, every page of
    it carries its tab in the network's colour, and its running head names the section, not the
    page's own title (a bundle's page was headed by its own name)."""
    import pypdfium2

    catalog = load_project(Settings(ROOT))
    brand = tuple(int(catalog.network.colour[i : i + 2], 16) for i in (1, 3, 5))
    index = next(n for n, t in enumerate(texts) if t.splitlines()[:1] == ["찾아보기"] or "\n찾아보기\n" in t[:80])
    pdf = pypdfium2.PdfDocument(sample_site / "print/catalog-screen.pdf")
    sections = [
        ("꾸러미", [b.record.name for b in catalog.bundles]),
        ("기업 소개", [e.record.name for e in catalog.enterprises]),
    ]
    starts = []
    for name, titles in sections:
        start = next(n for n, t in enumerate(texts) if f"\n{name}\n" in t and titles[0] in t.splitlines())
        lead = texts[start].split(f"\n{name}\n", 1)[1].splitlines()[0]
        assert len(lead) > 20, lead  # the band's words on what the section holds
        starts.append(start)
    for (name, titles), start, end in zip(sections, starts, [*starts[1:], index], strict=True):
        k = len(catalog.taxonomy.categories) + [s for s, _ in sections].index(name)
        for number in range(start, end):
            lines = texts[number].splitlines()
            header = next(line for line in lines[:4] if catalog.network.name in line)
            head = header.replace(catalog.network.name, "").replace(catalog.network.edition, "").strip()
            if number > start:  # beside the network's name at the outer edge: it starts a right-hand
                # page's head (odd numbers) and ends a left-hand one's
                assert head == name, (number + 1, header)
                assert header.startswith(name) if (number + 1) % 2 else header.endswith(name), (number + 1, header)
            assert not any(t in header for t in titles), (number + 1, header)
            image = pdf[number].render(scale=1).to_pil().convert("RGB")
            width, height = image.size
            y = round(height * (18 + 4 + (k % 10) * 22 + 15) / 297)
            outer, inner = (width - 3, 3) if (number + 1) % 2 else (3, width - 3)
            assert image.getpixel((outer, y)) == brand, (number + 1, image.getpixel((outer, y)))
            assert image.getpixel((inner, y)) == (255, 255, 255), number + 1


def test_category_opener_lists_its_items_with_pages(texts):
    start = next(n for n, t in enumerate(texts) if "먹을거리" in t and "품목 6개" in t and "차례" not in t)
    lines = texts[start].splitlines()
    names = ["꿀고구마", "친환경 쌀", "어르신 손맛 김치", "로컬푸드 도시락", "건강 간식 꾸러미", "행사 뷔페 케이터링"]
    assert [n for n in names if any(line.startswith(n + " ") for line in lines)] == names
    numbers = [int(line) for line in lines if line.strip().isdigit()][:-1]  # the last is the footer
    # The opener holds the first card below its list (two cards to a page): there the name is twice.
    cards = [
        next(n for n, t in enumerate(texts[start:], start + 1) if t.count(name) > (n == start + 1) and "최소 주문" in t)
        for name in names
    ]
    assert numbers == cards and cards[0] == start + 1


def test_member_trade_list_holds_every_member_and_item(sample_site):
    reader = PdfReader(sample_site / "print/member-trade.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    data = json.loads((sample_site / "data/products.json").read_text("utf-8"))
    for item in data["items"]:
        assert item["name"] in text, item["name"]
    for ent in json.loads((sample_site / "data/enterprises.json").read_text("utf-8"))["enterprises"]:
        assert ent["name"] in text, ent["name"]
    assert "회원사 상호 거래 목록" in text and "041-000-0101" in text
    assert "print/member-trade.pdf" in (sample_site / "index.html").read_text("utf-8")


def test_the_trade_lists_last_page_is_not_a_few_stray_rows(sample_site):
    """Three rows stood alone on the trade list's third page; a slightly smaller type that saves
    such a page is used instead (9 pt, then 8.5 and 8)."""
    pages = [p.extract_text() or "" for p in pdfplumber.open(sample_site / "print/member-trade.pdf").pages]
    rows = [len(re.findall(r"\d{3}-\d{3,4}-\d{4}", text)) for text in pages]
    assert len(rows) >= 2 and rows[-1] >= 0.3 * max(rows), rows
    assert sum(rows) == 43
    # a later page names the list once, in its running head (a "(계속)" line under it said it twice)
    assert all(text.count("회원사 상호 거래 목록") == 1 for text in pages[1:]), [t[:80] for t in pages[1:]]


def test_trade_pages_keep_category_headings_with_their_items():
    from secatalog.pdf.tables import Row, paginate

    rows = []
    for n in range(20):
        rows.append(Row((f"c{n}",), 6, "category"))
        rows += [Row((f"c{n}-{i}",), 6 + 4 * (i % 3)) for i in range(n + 1)]
    pages = paginate(rows, 150, 200)
    assert sum(r.height for r in pages[0]) <= 150
    assert all(sum(r.height for r in page) <= 200 for page in pages)
    assert all(page[-1].kind == "item" for page in pages)  # a heading never ends a page
    # A page that begins inside a category repeats its heading, marked; nothing else is added.
    for page in pages[1:]:
        assert page[0].kind == "category", page[0]
    repeated = [r for page in pages for r in page if r.cells[0].endswith(" (계속)")]
    assert repeated and all(r.kind == "category" for r in repeated)
    assert [r for page in pages for r in page if r not in repeated] == rows


def test_a_page_that_begins_under_a_subcategory_names_it_and_its_category():
    from secatalog.pdf.tables import Row, paginate

    rows = [Row(("먹을거리",), 6, "category"), Row(("도시락",), 6, "sub")]
    rows += [Row((f"도시락 {i}",), 10) for i in range(10)]
    rows += [Row(("간식",), 6, "sub"), Row(("떡",), 10)]
    pages = paginate(rows, 60, 60)
    assert [r.cells[0] for r in pages[1][:3]] == ["먹을거리 (계속)", "도시락 (계속)", "도시락 4"]
    assert all(sum(r.height for r in page) <= 60 for page in pages)
    starts = [page[0].cells[0] for page in pages]
    assert starts == ["먹을거리", "먹을거리 (계속)", "먹을거리 (계속)"]
    assert [r.cells[0] for r in pages[2][:2]] in (["먹을거리 (계속)", "도시락 (계속)"], ["먹을거리 (계속)", "간식"])


def test_editions_in_print_yml_are_books_of_their_own(sample_site):
    """catalog/print.yml's editions (here: food and gifts) each get a print and
    a screen PDF with their own contents, index and true page numbers, listed for the printer
    and on the home page."""
    products = json.loads((sample_site / "data/products.json").read_text("utf-8"))["items"]
    food = {p["name"] for p in products if p["category"] in ("먹을거리", "선물·꾸러미")}
    assert food
    with pdfplumber.open(sample_site / "print/editions/food-screen.pdf") as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
    toc = pages[2]
    entries = re.findall(r"^(\S[^\n]*?) (\d+)$", toc, re.M)
    chapters = [title for title, _ in entries]
    assert "먹을거리" in chapters and "청소" not in " ".join(chapters), chapters
    for title, number in entries:
        assert title in _page_of(pages, int(number)).splitlines()[0:4], (title, number)
    index = [line for t in pages if "품목 기업 가격 수의계약 전화 쪽" in t for line in t.splitlines()]
    listed = {name for name in food if any(name in line for line in index)}
    assert listed == food, food - listed
    everything = "\n".join(pages)
    assert "공공청사 정기 청소" not in everything  # another category's item
    printed = PdfReader(sample_site / "print/editions/food-print.pdf")
    assert len(printed.pages) % 4 == 0 and len(printed.pages) < len(
        PdfReader(sample_site / "print/catalog-print.pdf").pages
    )
    assert (
        "editions/food-print.pdf: 예시사회적경제네트워크 먹을거리·선물 카탈로그"
        in (sample_site / "print/README.txt").read_text()
    )
    home = (sample_site / "index.html").read_text("utf-8")
    assert (
        'href="./print/editions/food-screen.pdf"' in home
        and "<strong>먹을거리·선물 카탈로그</strong><span>먹을거리, 선물·꾸러미 품목 " in home
    )


def test_long_categories_and_the_index_print_in_chunks_with_true_page_numbers(tmp_path, monkeypatch):
    """A national catalog's category runs to hundreds of pages: it is cut into chunks of at most
    CHUNK_PAGES pages (here 2) that carry on its running head, and every card still lands on
    the page the contents and the index promise. Same for the index's own pages."""
    from secatalog.build.recipe import prepare
    from secatalog.pdf import html, plan, tables
    from secatalog.pdf.render import render_all
    from secatalog.settings import Settings

    monkeypatch.setattr(plan, "CHUNK_PAGES", 2)
    monkeypatch.setattr(tables, "PAGE_MM", 100)  # about ten rows a page
    prepared = prepare(Settings(ROOT))
    doc = html.CatalogDocument(prepared.catalog, prepared.photos, 1, "2026-11-25")
    food = [c for c in doc.chunks if c.kind == "category" and c.payload["category"].id == "food"]
    index = [c for c in doc.chunks if c.kind == "index"]
    assert len(food) >= 3 and [c.payload["opener"] for c in food] == [True] + [False] * (len(food) - 1)
    assert len(index) >= 3 and sum(c.pages for c in index) == len(doc.index) >= 4
    assert all(c.pages <= 2 for c in food + index)
    for run in (food, index):  # each run of chunks is contiguous
        assert all(a.first_page + a.pages == b.first_page for a, b in zip(run, run[1:], strict=False))
    chunks = food + index
    photos = str(prepared.catalog.settings.photo_cache)
    jobs = [doc.job(c.key, c, html.SCREEN, photos, True) for c in chunks]
    files, *_ = render_all(jobs, tmp_path / "pdf", 2)  # a chunk off its planned pages fails here
    printed: dict[int, str] = {}
    for chunk in chunks:
        with pdfplumber.open(files[chunk.key]) as pdf:
            for n, page in enumerate(pdf.pages):
                printed[chunk.first_page + n] = page.extract_text() or ""
    for number, text in printed.items():  # the footer shows the planned number
        assert text.strip().splitlines()[-1] == str(number), number

    def running_head(number: int) -> str:  # the head's line: the section and the network's name
        line = next(line for line in printed[number].splitlines() if "예시사회적경제네트워크" in line)
        return line.replace("예시사회적경제네트워크", "").replace("2026년판", "").strip()

    for chunk in food[1:]:  # a carried-on chunk still names its section at the top
        assert running_head(chunk.first_page) == "먹을거리", chunk.key
    for chunk in index[1:]:
        assert running_head(chunk.first_page) == "찾아보기", chunk.key
    for item in food[0].payload["items"]:
        assert item.product.name in printed[doc.item_pages[item.uid]], item.uid
    listed = [
        line
        for n in range(index[0].first_page, index[-1].first_page + index[-1].pages)
        for line in printed[n].splitlines()
    ]
    for item in prepared.catalog.items:
        assert any(item.product.name in line for line in listed), item.uid


_KILLED_BUILD = """
import multiprocessing, os, sys, time
from concurrent.futures import ProcessPoolExecutor
from secatalog.pdf import render

# (the build's own context preloads WeasyPrint, seconds this test does not need)
context = multiprocessing.get_context("forkserver")
pool = ProcessPoolExecutor(2, context, initializer=render._start_worker, initargs=(0, os.getpid()))
print(*{pool.submit(os.getpid).result() for _ in range(8)}, flush=True)
time.sleep(60)
"""


def test_render_workers_end_with_a_killed_build():
    """A build killed outright (SIGKILL: a cancelled CI job) cannot stop its render workers;
    they must see it gone and exit, not wait for work forever holding the fork server."""
    build = subprocess.Popen(
        [sys.executable, "-c", _KILLED_BUILD],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "scripts")},
    )
    try:
        workers = [int(pid) for pid in build.stdout.readline().split()]
        assert workers and all(Path(f"/proc/{pid}").exists() for pid in workers)
    finally:
        build.send_signal(signal.SIGKILL)
        build.wait()
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [pid for pid in workers if Path(f"/proc/{pid}").exists()]
    assert left == [], f"render workers outlived the build: {left}"


def test_the_shared_stylesheet_sits_below_the_documents_own_and_keys_the_cache(tmp_path):
    """Every chunk of an edition shares print.css, parsed once per render worker: a document's own
    style still wins over it (the calendar and cards set their own page), and a change to it is a
    change of every part (the cache key holds it)."""
    from secatalog.pdf.render import Job, render_all

    shared = "@page { size: 148mm 210mm }"
    own = Job("own", "<style>@page { size: 105mm 148mm }</style><p>쪽</p>", 1, str(tmp_path), stylesheet=shared)
    plain = Job("plain", "<p>쪽</p>", 1, str(tmp_path), stylesheet=shared)
    files, *_ = render_all([own, plain], tmp_path / "pdf", 1)
    widths = {name: round(float(PdfReader(files[name]).pages[0].mediabox.width) / 72 * 25.4) for name in files}
    assert widths == {"own": 105, "plain": 148}
    assert Job("plain", "<p>쪽</p>", 1, str(tmp_path), stylesheet=shared + " ").key != plain.key


def test_a_short_aside_stays_whole_in_print_but_not_in_a_style_sheet():
    """'(기준 30% 이상)' broke after '30%' on a card; a style's 'calc(100% + 6mm)' is not an aside."""
    from secatalog.pdf.html import WORD_JOINER, keep_words

    kept = keep_words("<p>비율 20% (기준 30% 이상)</p><style>.a { width: calc(100% + 6mm); }</style>")
    assert f'<span class="sc-nowrap">(기{WORD_JOINER}준 30% 이{WORD_JOINER}상)</span>' in kept
    assert "calc(100% + 6mm)" in kept
    assert "sc-nowrap" not in keep_words("<p>(기준 30% 이상)</p>", asides=False)


def test_korean_lines_break_only_at_spaces_never_inside_a_word_or_figure():
    from secatalog.pdf.html import WORD_JOINER, keep_words

    joined = keep_words("<p>시행령 제25조, 5자루 1,000원</p><h2>제목 제1장</h2>")
    assert joined.split(WORD_JOINER) == [
        "<p>시",
        "행",
        "령 제",
        "25",
        "조, 5",
        "자",
        "루 1,000",
        "원</p><h2>제목 제1장</h2>",
    ]


def test_a_printed_verdict_names_its_route_once(sample_site):
    """The verdict printed the route in bold ("협동조합·사회적협동조합 수의계약 — 추정 가격 …") and
    again as its first reason."""
    from secatalog.read.project import load_project
    from secatalog.settings import Settings

    labels = [
        r.label for r in load_project(Settings(Path(__file__).resolve().parents[1])).procurement.sole_source_rules
    ]
    checked = 0
    for pdf in sorted((sample_site / "print/enterprises").glob("*.pdf")):
        first = " ".join(PdfReader(pdf).pages[0].extract_text().split())
        for label in labels:
            if f"{label} — 추정 가격" in first:
                named = re.findall(
                    re.escape(label) + r"(?! 가능)", first
                )  # (not the badges "마을기업" "수의계약 가능")
                assert len(named) == 1, (pdf.name, label)
                checked += 1
    assert checked >= 3


def test_a_category_panel_with_few_suppliers_shows_its_cases_or_what_to_check(texts):
    """A panel of two suppliers left half its page empty: under them, the case book's cases that
    bought from the category, else the checklist before ordering."""
    flat = [" ".join(t.split()) for t in texts]
    food = next(t for t in flat if "먹을거리 공급 기업" in t)
    assert "먹을거리 공공구매 사례" in food and "회의 도시락을 바꾸니 어르신 일자리가 생겼다" in food
    office = next(t for t in flat if "문구·사무용품 공급 기업" in t)
    assert "공공구매 사례" not in office and "주문 전 확인" in office and "추정 가격이 한도 이하인가?" in office


def test_the_contents_key_categories_by_colour_and_list_the_checks_in_print(sample_site):
    """The contents page named neither the tabs' colours nor 주문 전 확인: each line has its tab's
    colour (the book's own sections and back matter had none), and the print edition lists its checks page (the screen edition, not
    made up to fours, has none)."""

    def page3(name: str) -> str:
        return subprocess.run(
            ["pdftotext", "-f", "3", "-l", "3", str(sample_site / "print" / name), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    printed, screen = page3("catalog-print.pdf"), page3("catalog-screen.pdf")
    assert "주문 전 확인" in printed and "주문 전 확인" not in screen
    with pdfplumber.open(sample_site / "print/catalog-print.pdf") as pdf:
        swatches = [r for r in pdf.pages[2].rects if abs(r["width"] - r["height"]) < 0.5 and r["width"] < 12]
        outlined = {
            round(c["top"] / 6) for c in pdf.pages[2].curves if abs(c["width"] - c["height"]) < 0.5 and c["width"] < 12
        }
    # every line has its key: twelve categories, 꾸러미 and 기업 소개 in their tabs' colour, the
    # back matter (찾아보기, 주문 전 확인) outlined; the sections say what they hold, as categories do
    assert len(swatches) == 14 and len(outlined) == 2
    assert "꾸러미 3가지" in printed and "기업 14곳" in printed


def test_every_item_sheet_has_the_same_rows(sample_site):
    """A 품목 확인서 is attached to an approval: one item's had 최소 주문, 인증 and 대표 rows and
    another's silently lacked them. Every sheet has every row, saying 없음 where nothing is given."""
    rows = ("최소 주문", "납품 기간", "배송·서비스 지역", "인증", "사업자등록번호", "대표", "주소", "연락처")
    sheets = sorted((sample_site / "print/items").rglob("*.pdf"))
    assert len(sheets) >= 40
    sparse = 0
    for pdf in sheets:
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
        heads = [line.split()[0] if line.split() else "" for line in text.splitlines()]
        missing = [r for r in rows if not any(line.lstrip().startswith(r) for line in text.splitlines())]
        assert missing == [], (pdf.name, missing, heads[:3])
        sparse += bool(re.search(r"^\s*(최소 주문|인증)\s+없음\s*$", text, re.M))
    assert sparse, "the sample has an item without a minimum order or a certificate"


def test_each_catalog_card_says_whom_to_call_beside_its_photo(sample_site):
    """The phone stood in the table's last cell under the photo, and the column beside the photo
    stood a third empty between the verdict and the code: it is the card's next step now."""
    catalog = load_project(Settings(ROOT))
    with pdfplumber.open(sample_site / "print/catalog-print.pdf") as pdf:
        pages = [(page, " ".join((page.extract_text() or "").split())) for page in pdf.pages]
    for item in catalog.items:
        record = item.enterprise.record
        phone = record.contact.phone or record.phone
        head = f"{item.product.name} {record.name.split()[0]}"  # the card's name over its maker
        cards = [
            (p, t)
            for p, t in pages
            if any(f"주문·문의 {phone}" in part.split("판매 시기")[0] for part in t.split(head)[1:])
        ]
        assert cards, item.uid
        page = cards[-1][0]  # (a category's opener lists its items before its first card)
        # beside the photo (its right edge at 100 mm of the text block), above the table
        words = [w for w in page.extract_words() if w["text"] == phone]
        assert any(w["x0"] > page.width * 0.5 for w in words), (item.uid, words)


def test_the_how_to_read_a_card_drawing_names_the_cards_own_rows():
    """The drawing kept a 연락처 cell after the card had moved the phone beside its photo."""
    import re as regex

    front = (ROOT / "scripts/secatalog/templates/print/front.html").read_text("utf-8")
    card = (ROOT / "scripts/secatalog/templates/print/category.html").read_text("utf-8")
    drawn = regex.findall(r"<span>([^<]+)</span>", regex.search(r'class="hc-table">(.*?)</div>', front).group(1))
    table = regex.search(r'<table class="details">(.*?)</table>', card, regex.S).group(1)
    printed = regex.findall(r"<th>([^<{]+)</th>", table)
    labels = {"min_order": "최소 주문", "lead_time": "납품 기간"}  # the two the card writes through label()
    printed = [labels[key] for key in regex.findall(r"<th>\{\{ label\('(\w+)'\) \}\}</th>", table)] + printed
    assert sorted(drawn) == sorted(printed), (drawn, printed)
    assert ("주문·문의" in front) == ("주문·문의" in card)
