"""Nothing printed is cut: every text of every print document (catalog, case book, profiles,
품목 확인서, trade list, calendar, card news) stays inside its box, in the sample network and in
the second fixture network. Measured in WeasyPrint's layout, because a PDF's text layer keeps
clipped text whole (pdftotext reads "(예시)" while the page shows "(예시")."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import make_network
from secatalog.jinja import unbroken_words, with_org, with_role
from secatalog.pdf.fit import fit_size, line_count, width_em

ROOT = Path(__file__).resolve().parents[1]


def _documents(root: Path):
    from secatalog.build import prepare
    from secatalog.config import Settings
    from secatalog.pdf.cards import CardsDocument
    from secatalog.pdf.editions import documents

    prepared = prepare(Settings(root))
    docs = documents(prepared)
    for name, doc in docs.books.items():
        for chunk in doc.chunks:
            yield f"{name}:{chunk.key}", doc, chunk
    for doc in [*docs.singles, docs.desk, CardsDocument(prepared.catalog, prepared.photos, "2026-12-04")]:
        yield doc.path, doc, doc.chunks[0]


def _clipped(root: Path) -> list[str]:
    import weasyprint

    from secatalog.pdf.fetcher import RestrictedFetcher
    from secatalog.pdf.html import PRINT
    from secatalog.pdf.overflow import clipped_text

    found = []
    for name, doc, chunk in _documents(root):
        fetcher = RestrictedFetcher(doc.catalog.settings.photo_cache)
        document = weasyprint.HTML(string=doc.html(chunk, PRINT), url_fetcher=fetcher).render()
        assert len(document.pages) == chunk.pages, name
        found += [f"{name} p.{c.page} {c.box}: {c.text!r}" for c in clipped_text(document)]
    return found


@pytest.mark.slow
def test_no_printed_text_is_cut_in_the_sample_network():
    assert _clipped(ROOT) == []


@pytest.mark.slow
def test_no_printed_text_is_cut_in_the_fixture_network(tmp_path):
    assert _clipped(make_network(tmp_path / "net")) == []


def test_the_clipping_check_sees_a_cut_cell_and_a_word_wider_than_its_box():
    """The check itself: a nowrap cell that hides its overflow, and a heading word that runs past
    its box, are both reported; text that fits is not."""
    import weasyprint

    from secatalog.pdf.overflow import clipped_text

    html = """<style>td { width: 20mm; white-space: nowrap; overflow: hidden; } h1 { width: 30mm; white-space: nowrap }
    table { table-layout: fixed; width: 40mm }</style>
    <table><tr><td>바다빛여행 마을기업 (예시)</td><td>짧음</td></tr></table><h1>조경·인테리어·집수리</h1><p>맞는 글</p>"""
    found = {c.text for c in clipped_text(weasyprint.HTML(string=html).render())}
    assert found == {"바다빛여행 마을기업 (예시)", "조경·인테리어·집수리"}


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
