"""What a buyer reads about gifts and codes: item pages and item sheets say whether an item is
within the gift limit, bundles too (with 연중 when they have no season), and the public
spreadsheets give Korean names beside the codes."""

from __future__ import annotations

import csv
import re

import pytest
from pypdf import PdfReader

from helpers import entry, make_network, replace_in, run_cli

pytestmark = pytest.mark.slow


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture(scope="module")
def gift_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("gift")
    root = make_network(folder / "net")
    # The bread sells as a gift (6,000원, limit 30,000원); the bundle too (20,000원, no months).
    replace_in(entry(root, "gaon-bakery"), "    unit: 1개", "    unit: 1개\n    gift: true")
    replace_in(root / "content/bundles/starter.yml", "price: 20000", "price: 20000\ngift: true")
    result = run_cli("build", "--out", str(folder / "out"), cwd=root)
    assert result.returncode == 0, result.stderr
    return folder / "out"


def test_item_pages_say_whether_within_the_gift_limit(gift_site):
    bread = _text((gift_site / "items/gaon-bakery/rice-bread/index.html").read_text("utf-8"))
    assert "선물 선물 한도(30,000원) 이내" in bread
    service = _text((gift_site / "items/haneul-clean/moving-help/index.html").read_text("utf-8"))
    assert "선물 해당 없음 (용역)" in service


def test_item_sheets_say_whether_within_the_gift_limit(gift_site):
    bread = PdfReader(gift_site / "print/items/gaon-bakery/rice-bread.pdf").pages[0].extract_text()
    assert "선물 한도(30,000원) 이내" in bread
    service = PdfReader(gift_site / "print/items/haneul-clean/moving-help.pdf").pages[0].extract_text()
    assert "해당 없음 (용역)" in service


def test_a_gift_bundle_is_flagged_and_a_year_round_one_says_so(gift_site):
    page = _text((gift_site / "bundles/starter/index.html").read_text("utf-8"))
    assert "판매 시기: 연중" in page and "선물 한도 이내" in page
    assert "선물 한도 이내" in _text((gift_site / "bundles/index.html").read_text("utf-8"))


def test_public_csv_gives_korean_names_beside_codes(gift_site):
    rows = list(csv.DictReader((gift_site / "data/products.csv").read_text("utf-8-sig").splitlines()))
    by_name = {r["상품명"]: r for r in rows}
    assert by_name["우리쌀식빵"]["구분"] == "물품 (product)"
    assert by_name["관공서 청소"]["구분"] == "서비스(용역) (service)"
    statuses = {r["수의계약 상태"] for r in rows}
    assert statuses and all(re.fullmatch(r"[가-힣 ]+ \((eligible|not-eligible|pending)\)", s) for s in statuses)
    assert by_name["관공서 청소"]["인증 (사무국 확인)"] == "사회적기업 인증 (social-enterprise)"
    assert by_name["우리쌀식빵"]["선물 한도 이내"] == "예"


def test_a_season_note_does_not_repeat_the_months_or_nest_brackets():
    """The catalog printed "11월~2월 (김장철(11월~2월)에만 판매)"."""
    from types import SimpleNamespace

    from secatalog.markup import season_text

    def season(months, note=""):
        return season_text(SimpleNamespace(months=months, season_note=note))

    assert season([11, 12, 1, 2], "김장철(11월~2월)에만 판매") == "김장철(11월~2월)에만 판매"
    assert season([11, 12, 1, 2], "김장철(겨울)에만 판매") == "11월~2월 · 김장철(겨울)에만 판매"
    assert season([3, 4, 5], "햇나물") == "3월~5월 (햇나물)"
    assert season([]) == "연중"
