"""Nothing printed is cut: every text of every print document (catalog, case book, profiles,
품목 확인서, trade list, calendar, card news) stays inside its box, in the sample network and in
the second fixture network. Measured in WeasyPrint's layout, because a PDF's text layer keeps
clipped text whole (pdftotext reads "(예시)" while the page shows "(예시")."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import build_log
from secatalog.jinja import unbroken_codes, unbroken_words, with_org, with_role
from secatalog.pdf.fit import fit_size, line_count, width_em


def _cut(site: Path) -> list[str]:
    """The build's warnings of cut text (pdf/editions.py: report_clipped). Every part the build
    renders is checked in the render worker, from WeasyPrint's layout, and a part taken from the
    cache reports what its render found: the sample's build renders from an empty cache."""
    log = build_log(site)
    assert "완료:" in log  # the log of a whole build, print included
    return [line for line in log.splitlines() if "잘립니다" in line]


def test_no_printed_text_is_cut_in_the_sample_network(sample_site):
    assert _cut(sample_site) == []


def test_no_printed_text_is_cut_in_the_fixture_network(fixture_site):
    assert _cut(fixture_site) == []


_CUT_CELL = """<style>td { width: 20mm; white-space: nowrap; overflow: hidden; } h1 { width: 30mm; white-space: nowrap }
    table { table-layout: fixed; width: 40mm }</style>
    <table><tr><td>바다빛여행 마을기업 (예시)</td><td>짧음</td></tr></table><h1>조경·인테리어·집수리</h1><p>맞는 글</p>"""


def test_the_clipping_check_sees_a_cut_cell_and_a_word_wider_than_its_box():
    """The check itself: a nowrap cell that hides its overflow, and a heading word that runs past
    its box, are both reported; text that fits is not."""
    import weasyprint

    from secatalog.pdf.overflow import clipped_text

    found = {c.text for c in clipped_text(weasyprint.HTML(string=_CUT_CELL).render())}
    assert found == {"바다빛여행 마을기업 (예시)", "조경·인테리어·집수리"}


def test_a_build_warns_of_cut_text_as_rendered_and_from_the_cache(tmp_path, caplog):
    """The build's own check: the render worker finds the cut text, the part's cache entry keeps
    it, and the warning goes to mkdocs' logger (so `mkdocs build --strict` fails on it)."""
    from secatalog.pdf.editions import report_clipped
    from secatalog.pdf.render import Job, render_all

    job = Job("trade.pdf", _CUT_CELL, 1, str(tmp_path))
    for _ in ("rendered", "cached"):
        result = render_all([job], tmp_path / "pdf", 1)
        assert {c.text for c in result.clipped["trade.pdf"]} == {"바다빛여행 마을기업 (예시)", "조경·인테리어·집수리"}
    assert result.count == 0  # the second time, from the cache
    with caplog.at_level("WARNING"):
        report_clipped(result.clipped)
    assert {r.name for r in caplog.records} == {"mkdocs.plugins.secatalog.print"}
    assert "'trade.pdf' 1쪽에서 글자가 칸 밖으로 잘립니다 (td): '바다빛여행 마을기업 (예시)'" in caplog.text


def test_measured_lines_break_between_words_and_after_dots():
    assert line_count("바다빛여행 마을기업 (예시)", 30) == 1
    assert line_count("바다빛여행 마을기업 (예시)", 6) == 3
    assert line_count("조경·인테리어·집수리", 7) == 2  # after a dot, not inside a word
    assert width_em("041-000-0103") < width_em("가나다라마바사")


def test_card_titles_are_sized_so_the_longest_word_fits():
    size = fit_size("조경·인테리어·집수리", 490, 3, 58, 36)
    assert width_em("인테리어·") * size <= 490 and line_count("조경·인테리어·집수리", 490 / size) <= 3
    assert fit_size("먹을거리", 490, 3, 58, 36) == 58
    assert fit_size("아주 " * 40, 490, 3, 58, 36) == 36  # the smallest when nothing fits


def test_heading_words_may_break_after_a_dot_only():
    assert str(unbroken_words("조경·인테리어 집수리")) == (
        '<span class="word">조경·</span><span class="word">인테리어</span> <span class="word">집수리</span>'
    )


def test_labels_do_not_repeat_a_word():
    assert with_org("바다빛여행 마을기업 (예시)", "마을기업") == "바다빛여행 마을기업 (예시)"
    assert with_org("꿈터사무 (예시)", "사회적기업") == "꿈터사무 (예시) · 사회적기업"
    assert with_role("예시사회적경제네트워크", "네트워크 사무국") == "예시사회적경제네트워크 사무국"
    assert with_role("작은마을연대", "사무국장") == "작은마을연대 사무국장"


def test_certificate_and_phone_numbers_are_kept_on_one_line():
    """Browsers break after a hyphen: "(인증번호 예시-2013-" ended a line on a phone."""
    out = str(unbroken_codes("사회적기업 (인증번호 예시-2013-0002, 2027-12-31까지) <b>"))
    assert '<span class="sc-nowrap">예시-2013-0002</span>' in out
    assert '<span class="sc-nowrap">2027-12-31까지</span>' in out
    assert "&lt;b&gt;" in out, "the rest of the text is still escaped"
    assert str(unbroken_codes("조경·인테리어 - 집수리")) == "조경·인테리어 - 집수리"


def test_the_index_and_trade_list_set_body_size_type_and_measure_a_mobile_number_on_one_line():
    """The tables were set at 7.5-8.5 pt (fine print beside the body's 9 pt tables); at 9 pt a
    24 mm phone column measured even 041-000-0006 on two lines, so every row was counted twice as
    tall and the index's pages ended 40 % empty."""
    from secatalog.pdf.tables import INDEX, TRADE, TRADE_SIZES

    assert INDEX.font_pt >= 9 and TRADE.font_pt >= 9 and min(TRADE_SIZES) >= 8
    assert sum(c.width for c in INDEX.columns) == sum(c.width for c in TRADE.columns) == 180  # the text width
    one = INDEX.lines_height(1)
    assert INDEX.row_height(("품목", "기업", "1,000원/1개", "가능", "010-1234-5678", "9999")) == one
    assert TRADE.row_height(("품목", "기업", "1,000원/1개", "010-1234-5678", "a@b.org")) == TRADE.lines_height(1)
    # the index's consonants large enough to find one's place by, their row measured at that size
    assert INDEX.group_pt >= 11 and INDEX.group_height > one and INDEX.group_height - one < 0.2
    # the trade list's phone keeps a gutter after the right-aligned price ("28,000원/5kg 041-000-0103"
    # ran together), its column the wider for it
    phone = next(c for c in TRADE.columns if c.cls == "tel")
    assert TRADE.tel_gutter > 0 and phone.width - 2 * TRADE.pad_x - TRADE.tel_gutter >= 24


def test_latin_text_is_measured_as_it_prints():
    """Every lowercase letter was counted 0.57 em: an e-mail address measured a fifth wider than
    WeasyPrint set it (12.40 em in Noto Sans CJK KR), so rows were counted on two lines."""
    from secatalog.pdf.fit import width_em

    assert 12.40 <= width_em("order@barun.example.org") <= 12.40 * 1.06
    assert 5.11 <= width_em("illustration") <= 5.11 * 1.06  # narrow letters (i, l, t, r): 5.11 em, not 6.8


def test_a_price_note_in_parentheses_is_never_broken_in_a_narrow_cell(fixture_site):
    """The trade list read "(3분/내외)" across two lines: a note in parentheses is joined by
    no-break spaces, which the measure treats as part of the word (so the row is planned tall
    enough), and the rendered list keeps it on one line."""
    import subprocess
    from types import SimpleNamespace

    from secatalog.pdf.tables import price_cell

    product = SimpleNamespace(price=180000, unit="1,000부 (A4 3단 접지)", price_note="")
    cell = price_cell(product)
    assert "(A4\u00a03단\u00a0접지)" in cell and line_count(cell, 12) == 2  # breaks before the note only
    trade = subprocess.run(
        ["pdftotext", "-layout", str(fixture_site / "print/member-trade.pdf"), "-"], capture_output=True, text=True
    ).stdout
    notes = re.findall(r"\([^()\n]*\)", trade)
    assert notes and all("(" in n and ")" in n for n in notes)
    assert not re.search(r"\([^()\n]*$", trade, re.M), "a parenthesis left open at a line's end"
