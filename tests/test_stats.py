"""Purchase statistics: totals that are the sum of the members' records, by year, agency,
category and org type, as SVG charts beside tables, and a CSV of every record."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from bs4 import BeautifulSoup

from helpers import build_site, entry
from secatalog.data.stats import agency_of, statistics
from secatalog.read.project import load_project
from secatalog.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def _won(text: str) -> int:
    return int(text.replace(",", "").removesuffix("원"))


def test_agency_is_the_buyer_without_its_department():
    assert agency_of("예시시청 총무과") == "예시시" == agency_of("예시시")  # a hall is its government
    assert agency_of("가상군 보건소") == "가상군 보건소"
    assert agency_of("가상군청 기획예산담당관") == "가상군"
    assert agency_of("교육청") == "교육청"


def test_a_change_on_the_year_before_needs_enough_records():
    from secatalog.data.stats import MIN_TO_COMPARE, Row, _with_change

    few = _with_change((Row("2024", 100, 2, 0.1), Row("2025", 563, 8, 0.9)))
    assert few[1].change is None  # not '+463%' from two records
    enough = _with_change((Row("2024", 100, MIN_TO_COMPARE, 0.5), Row("2025", 150, MIN_TO_COMPARE, 0.5)))
    assert enough[1].change == 50


def test_totals_are_the_sum_of_the_records(sample_site):
    catalog = load_project(Settings(ROOT))
    records = [r for e in catalog.enterprises for r in e.record.procurement_record]
    expected = sum(r.amount or 0 for r in records)
    by_year = Counter()
    for r in records:
        by_year[str(r.year)] += r.amount or 0
    stats = statistics(catalog)
    assert stats.total == expected and len(stats.purchases) == len(records) > 5
    for rows in (stats.by_year, stats.by_agency, stats.by_category, stats.by_org_type):
        assert sum(r.amount for r in rows) == expected and sum(r.count for r in rows) == len(records)
    assert {r.label: r.amount for r in stats.by_year} == dict(by_year)

    page = BeautifulSoup((sample_site / "stats/index.html").read_text("utf-8"), "html.parser")
    assert f"합계 {expected:,}원" in page.select_one(".sc-lead").get_text(" ", strip=True)
    figures = page.select("figure.sc-chart")
    assert [f.figcaption.text for f in figures] == [
        "연도별 합계",
        "구매 기관별 합계",
        "분류별 합계",
        "조직 유형별 합계",
    ]
    for figure in figures:
        bars = figure.select(".sc-chart__row")
        # one bar per table row, labelled as in the table, whole ('예시시 문화예…' was cut)
        assert [b.select_one(".sc-chart__label").text for b in bars] == [th.text for th in figure.select("tbody th")]
        # the amount, count and share beside each bar (the table under them is folded)
        assert [b.select_one(".sc-chart__value").text.replace("\xa0", " ") for b in bars] == [
            f"{amount.text} · {count.text} ({float(share.text.rstrip('%')):.0f}%)"
            for amount, count, share in zip(
                figure.select("tbody td:nth-of-type(1)"),
                figure.select("tbody td:nth-of-type(2)"),
                figure.select("tbody td.sc-share"),
                strict=True,
            )
        ]
        assert figure.select_one("details.sc-chart__table > summary").text.startswith("표로 보기")
        widths = [float(b.select_one("svg.sc-chart__bar")["width"].rstrip("%")) for b in bars]
        assert max(widths) == 62 and all(w > 0 for w in widths)  # of the track: room for the value after it
        assert sum(_won(td.text) for td in figure.select("tbody td:nth-of-type(1)")) == expected
    assert "procurement_record" not in page.select_one(".sc-stats").get_text()
    # No column of dashes: the change on the year before shows only when some year has one.
    years = figures[0].select("thead th")
    has_change = any(r.change is not None for r in stats.by_year)
    assert ("전년 대비" in [th.text for th in years]) == has_change
    assert has_change or "아직 그런 해가 없어 싣지 않았습니다" in page.select_one(".sc-note").text

    with (sample_site / "stats/purchases.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(records) and sum(int(r["금액(원)"] or 0) for r in rows) == expected
    home = (sample_site / "index.html").read_text("utf-8")
    embed = (sample_site / "embed/index.html").read_text("utf-8")
    assert 'href="./stats/"' in home and 'href="../stats/"' in embed


def test_a_network_without_amounts_and_a_formula_in_a_record(network, tmp_path):
    ent = entry(network, "haneul-clean")
    record = "procurement_record:\n  - {year: 2025, buyer: '=HYPERLINK(\"x\")', item: 관공서 청소}\n"
    ent.write_text(ent.read_text("utf-8").rstrip("\n") + "\n" + record, "utf-8")
    out = build_site(network, tmp_path / "out", "--skip-print")
    page = (out / "stats/index.html").read_text("utf-8")
    assert "금액을 적지 않은 1건은 건수에만 셌습니다" in page
    with (out / "stats/purchases.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    formula = next(r for r in rows if "HYPERLINK" in r["적힌 구매처"])
    assert formula["적힌 구매처"].startswith("'=") and formula["금액(원)"] == ""
