"""The desk calendar: a cover and twelve months at 220 x 150 mm with bleed, holidays from the
holidays library, items in season featured once each, and the tip of the month."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import holidays
import pdfplumber
import pytest
from pypdf import PdfReader

from secatalog.pdf.calendar import calendar_year, day_label, featured, in_season
from secatalog.read.project import load_project
from secatalog.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
MM = 72 / 25.4


@pytest.fixture(scope="module")
def pages(sample_site) -> list[str]:
    with pdfplumber.open(sample_site / "print/calendar.pdf") as pdf:
        return [" ".join((page.extract_text() or "").split()) for page in pdf.pages]


def test_format_for_the_printer(sample_site):
    reader = PdfReader(sample_site / "print/calendar.pdf")
    assert len(reader.pages) == 13
    for page in reader.pages:
        trim, media = page.trimbox, page.mediabox
        assert float(trim.width) == pytest.approx(220 * MM, abs=0.5) and float(trim.height) == pytest.approx(
            150 * MM, abs=0.5
        )
        # 3.5 mm of bleed, then white sheet to 10 mm for the crop marks (drawn clear of the artwork)
        assert float(page.bleedbox.width) == pytest.approx(227 * MM, abs=0.5)
        assert float(media.width) == pytest.approx(240 * MM, abs=0.5)


def test_months_holidays_featured_items_and_tips(sample_site, pages):
    catalog = load_project(Settings(ROOT))
    with pdfplumber.open(sample_site / "print/calendar.pdf") as pdf:
        words = [page.extract_words(extra_attrs=["size"]) for page in pdf.pages]
    year = calendar_year(catalog)
    assert str(year) in pages[0] and catalog.network.name in pages[0]
    picks = featured(list(catalog.items))
    days_off = holidays.country_holidays("KR", years=year, language="ko")
    tips = catalog.print_settings.calendar.tips
    for month in range(1, 13):
        text = pages[month]
        # the year over its month, as Korean dates read ("1월 2027" read backwards)
        title = max(words[month], key=lambda w: w["size"])
        over = [w for w in words[month] if w["text"] == f"{year}년" and w["bottom"] <= title["top"] + 1]
        assert title["text"] == f"{month}월" and over and abs(over[0]["x0"] - title["x0"]) < 3, (month, title)
        assert 1 <= len(picks[month]) <= 2
        for item in picks[month]:
            assert in_season(item, month) and item.product.name in text, (month, item.uid)
        for day, name in days_off.items():
            if day.month == month:
                # as desk calendars print it, on one line: '설날 대체 휴일' is '대체공휴일'
                assert day_label(name.split(";")[0]) in text.replace("\n", " "), (month, name)
        assert tips[month - 1] in text
        # the months before and after in the corner, after the month in the text
        before = f"{year - 1}년 12월" if month == 1 else f"{year}년 {month - 1}월"  # each with its year
        after = f"{year + 1}년 1월" if month == 12 else f"{year}년 {month + 1}월"
        small = [w for w in words[month] if 6.4 <= w["size"] < 7.5 and w["top"] < title["bottom"] + 14]
        captions = " ".join(
            w["text"] for w in sorted(small, key=lambda w: (w["x0"] > title["x1"] + 100, w["top"], w["x0"]))
        )
        assert before in captions and after in captions and captions.index(before) < captions.index(after), captions
        # in the corner beside the month's name, above its weekdays
        assert min(w["x0"] for w in small) > title["x1"] + 20, month
    shown = [i.uid for m in range(1, 13) for i in picks[m]]
    assert len(shown) == len(set(shown)) == 24  # 43 items: none featured twice


def test_a_month_of_six_weeks_is_set_in_five_rows():
    """A sixth row held only the 30th and 31st: they share the cells of the week before, 23/30."""
    from secatalog.pdf.calendar import Day, five_weeks

    weeks = [tuple(Day(7 * w + d - 4 if 0 < 7 * w + d - 4 <= 31 else 0, d) for d in range(7)) for w in range(6)]
    folded = five_weeks(weeks)
    assert len(folded) == 5
    shared = [(d.day, d.also.day) for d in folded[-1] if d.also]
    assert shared == [(24, 31)], shared
    days = sorted([d.day for w in folded for d in w if d.day] + [d.also.day for w in folded for d in w if d.also])
    assert days == list(range(1, 32))


def test_featured_items_on_a_tiny_catalog_still_fill_every_month():
    class Product:
        def __init__(self, months):
            self.months = months

    class Item:
        def __init__(self, uid, months):
            self.uid, self.product = uid, Product(months)

    items = [Item("a/winter", [12, 1, 2]), Item("b/all", [])]
    picks = featured(items)
    assert all(picks[m] for m in range(1, 13))
    assert picks[1][0].uid == "a/winter" and picks[7][0].uid == "b/all"
    assert date(2027, 1, 1) in holidays.country_holidays("KR", years=2027)


def test_holiday_names_are_short_enough_for_a_days_cell():
    """'설날 대체 휴일' wrapped onto two lines of 6 pt type; desk calendars print '대체공휴일'."""
    assert day_label("설날 대체 휴일") == day_label("한글날 대체 휴일") == "대체공휴일"
    assert day_label("신정연휴") == "신정" and day_label("어린이날") == "어린이날"
    for year in (2026, 2027, 2028):
        for name in holidays.country_holidays("KR", years=year, language="ko").values():
            for part in name.split(";"):
                assert len(day_label(part.strip())) <= 6, part


def test_the_months_items_stay_clear_of_its_tip(sample_site):
    """The second item's "자세히" under its code was covered by the month's tip bar."""
    import pdfplumber

    with pdfplumber.open(sample_site / "print/calendar.pdf") as pdf:
        for number, page in enumerate(pdf.pages[1:], start=1):
            words = page.extract_words()
            tip = min(w["top"] for w in words if "도움말" in w["text"])
            more = [w["bottom"] for w in words if w["text"] == "자세히"]
            assert more and max(more) < tip - 4, (number, more, tip)


def test_the_calendar_cover_runs_into_the_bleed(sample_site, tmp_path):
    """The cover's band and photo were clipped at the page's margin: a white frame around them."""
    import subprocess

    from PIL import Image

    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "30",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            str(sample_site / "print/calendar.pdf"),
            str(tmp_path / "c"),
        ],
        check=True,
    )
    cover = Image.open(next(tmp_path.glob("c*.png"))).convert("RGB")
    colour = load_project(Settings(ROOT)).network.colour
    brand = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    mm = 30 / 25.4  # pixels a millimetre at 30 dpi; the image is the sheet, 10 mm past the trim
    inside = round(7 * mm)  # 3 mm past the trim: the bleed
    for x, y in ((inside, inside), (inside, cover.height - 1 - inside), (cover.width // 4, inside)):
        assert all(abs(a - b) <= 12 for a, b in zip(cover.getpixel((x, y)), brand, strict=True)), (x, y)
    assert cover.getpixel((cover.width - 1 - inside, cover.height // 2)) != (255, 255, 255)  # the photo's edge
    assert cover.getpixel((1, cover.height // 2)) == (255, 255, 255)  # the crop marks' white margin


def test_the_calendar_prints_its_photos_sharp(sample_site):
    """The cover cut one photo to a tall strip, so 930 pixels spread over 158 mm: 150 ppi, soft in
    print. It stacks three photos a season apart, each cut across, as every month's are: 300 ppi
    or more from the print derivative."""
    import subprocess

    listing = subprocess.run(
        ["pdfimages", "-list", str(sample_site / "print/calendar.pdf")], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    photos = [row.split() for row in listing if int(row.split()[3]) > 100]  # not the QR codes
    cover = [p for p in photos if p[0] == "1"]
    assert len(cover) == 3
    assert all(int(p[12]) >= 300 and int(p[13]) >= 300 for p in photos), [p for p in photos if int(p[12]) < 300]


def test_nothing_on_a_month_stands_where_the_wire_o_binding_goes(sample_site):
    """A desk calendar is bound along its top with wire-o rings, which take about 12 mm of the
    sheet: a review found the months' names 12 mm from the trim, against the rings. Nothing of a
    month's page starts within 15 mm of the top trim."""
    trims = [page.trimbox for page in PdfReader(sample_site / "print/calendar.pdf").pages]
    with pdfplumber.open(sample_site / "print/calendar.pdf") as pdf:
        for page in pdf.pages[1:]:
            trim_top = page.height - float(trims[page.page_number - 1].top)
            # (an image's box runs past its clip when it is cropped to cover: its words and its
            # rules say where a month starts)
            inked = [w["top"] for w in page.extract_words()] + [r["top"] for r in page.rects if r["top"] > trim_top]
            assert min(inked) - trim_top >= 15 * MM - 0.5, (page.page_number, (min(inked) - trim_top) / MM)
