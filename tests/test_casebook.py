"""The case book: front matter errors at file:line, pages, backlinks, print edition."""

from __future__ import annotations

import re

import pdfplumber
import pytest
from bs4 import BeautifulSoup

from helpers import ROOT, content_errors, replace_in
from secatalog.read.project import load_project
from secatalog.settings import Settings

CASE = "casebook/cases/bread-for-meetings.md"


def test_fixture_case_loads(network):
    book = load_project(Settings(network)).casebook
    assert [c.slug for c in book.cases] == ["bread-for-meetings"]
    assert book.cases_citing_item("gaon-bakery/rice-bread")[0].front.agency == "가상군청"


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            "items: [gaon-bakery/rice-bread]",
            "items: [gaon-bakery/rice-brad]",
            f"{CASE}:9:9: items[0]: 제품 'gaon-bakery/rice-brad'를 찾을 수 없습니다. 혹시 'gaon-bakery/rice-bread'인가요?",
        ),
        (
            "enterprises: [gaon-bakery]",
            "enterprises: [gaon-bakry]",
            f"{CASE}:8:15: enterprises[0]: 기업 'gaon-bakry'를 찾을 수 없습니다. 혹시 'gaon-bakery'인가요?",
        ),
        ("chapter: food", "chapter: foods", f"{CASE}:7:10: chapter: 알 수 없는 장 'foods'입니다. 혹시 'food'인가요?"),
        ("year: 2025", "year: 이천이십오", f'{CASE}:6:7: year: 숫자여야 합니다; 받은 값 "이천이십오"'),
        (
            "route: sole-source",
            "route: 수의계약",
            f'{CASE}:11:32: purchase.route: 허용되지 않는 값입니다; 받은 값 "수의계약"',
        ),
        ("problem: 간식 주문이 늦었습니다.\n", "", f"{CASE}:2:1: problem: 꼭 필요한 항목이 없습니다"),
        ("headline: 군청", "headlin: 군청", f"{CASE}:3:1: 알 수 없는 항목 'headlin'입니다 — 혹시 'headline'인가요?"),
    ],
)
def test_front_matter_errors(network, old, new, expected):
    replace_in(network / CASE, old, new)
    found = content_errors(network)
    assert any(e.startswith(expected) for e in found), found


def test_missing_front_matter(network):
    (network / CASE).write_text("제목만 있는 글\n", "utf-8")
    assert content_errors(network) == [
        f"{CASE}:1:1: 파일 맨 위에 '---'로 둘러싼 머리 정보가 없습니다 — "
        "secatalog new case로 만든 양식처럼 '---' 줄 사이에 title 등을 적으세요"
    ]


@pytest.mark.slow
def test_casebook_pages_and_backlinks(sample_site):
    index = BeautifulSoup((sample_site / "casebook/index.html").read_text("utf-8"), "html.parser")
    sectors = [h.text for h in index.select("article h3")]
    assert sectors == ["보건복지", "청소·시설관리", "먹을거리·행사", "교육·문화", "인쇄·홍보"]
    assert len(index.select("#by-agency ~ table tbody tr")) == 8
    # Each sector's cases as cards (photo, title, year and buyer, first result, route), not a list.
    cards = index.select(".sc-sections--cases .sc-card")
    assert len(cards) == 8 and all(c.select_one(".sc-card__photo img") for c in cards)
    lunch = index.select_one('.sc-card a[href$="casebook/meeting-lunchbox/"]').parent
    assert lunch.select_one(".sc-card__maker").text.replace("\xa0", " ") == "2025년 · 예시시청 총무과"
    assert lunch.select_one(".sc-card__price .figure").text == "1,380개"
    assert lunch.select_one(".sc-badge").text == "수의계약"
    case = BeautifulSoup(
        (sample_site / "casebook/quarantine-health-center/index.html").read_text("utf-8"), "html.parser"
    )
    text = case.select_one("article").get_text(" ", strip=True)
    for needle in ["감염병 의심 신고 후 방역까지 하루 안에", "수의계약, 6,500,000원", "평균 0.8일", "부서 간 협업"]:
        assert needle in text, needle
    item = BeautifulSoup(
        (sample_site / "items/haemaru-clean/disinfection/index.html").read_text("utf-8"), "html.parser"
    )
    backlinks = [a["href"] for a in item.select("#cases + ul a")]
    assert backlinks == ["../../../casebook/quarantine-health-center/"]
    ent = (sample_site / "enterprises/haemaru-clean/index.html").read_text("utf-8")
    assert "casebook/public-building-cleaning/" in ent and "casebook/quarantine-health-center/" in ent


@pytest.mark.slow
def test_how_to_buy_appendix(sample_site):
    page = BeautifulSoup((sample_site / "casebook/how-to-buy/index.html").read_text("utf-8"), "html.parser")
    text = page.get_text(" ", strip=True)
    assert "50,000,000원 이하" in text and "확인일 2026-11-01" in text and "시행령 제25조" in text
    import json

    products = json.loads((sample_site / "data/products.json").read_text("utf-8"))["items"]
    eligible = [p["name"] for p in products if p["sole_source_eligible"]]
    assert 0 < len(eligible) < len(products)
    assert [a.text for a in page.select("#quick-finder + table tbody tr a")] == eligible


@pytest.mark.slow
def test_casebook_pdf_contents_point_at_chapters(sample_site):
    with pdfplumber.open(sample_site / "print/casebook-screen.pdf") as pdf:
        texts = [p.extract_text() or "" for p in pdf.pages]
    entries = re.findall(r"^(\S[^\n]*?) (\d+)$", texts[2], re.M)
    names = {chapter.name for chapter, _ in load_project(Settings(ROOT)).casebook.chapters}
    chapters = [(t, n) for t, n in entries if t in names]
    assert [t for t, _ in chapters][:2] == ["보건복지", "청소·시설관리"], entries
    for title, number in chapters:
        page = next(t for t in texts if t.strip().splitlines()[-1] == number)
        assert title in page.splitlines()[:4], (title, number)
    whole = "\n".join(texts)
    assert "같은 돌봄 선생님이 매주 찾아가니 병원 연계가 빨라졌다" in whole and "같은 분이 오시니" in whole


@pytest.mark.slow
@pytest.mark.browser
def test_from_a_case_to_the_item_contact_in_two_clicks(sample_site, tab):
    from browser import serve

    with serve(sample_site) as base:
        page = tab()
        page.goto(base + "casebook/")
        page.click("text=보건소 방역, 지역 기업이 맡으니 대응이 빨라졌다")
        page.click("#items + ul >> text=방역·소독")
        page.wait_for_url("**/items/haemaru-clean/disinfection/")
        assert "041-000-0102" in page.locator("#buy ~ .sc-contact").inner_text()


def test_new_case_scaffold_is_finished_before_it_passes_check(network):
    from helpers import run_cli

    made = run_cli(
        "new",
        "case",
        "--slug",
        "new-case",
        "--title",
        "새 사례: 예시, 하나",
        "--enterprise",
        "haneul-clean",
        "--agency",
        "가상군청",
        cwd=network,
    )
    assert made.returncode == 0, made.stderr
    path = network / "casebook/cases/new-case.md"
    text = path.read_text("utf-8")
    assert 'title: "새 사례: 예시, 하나"' in text and "chapter: food" in text
    left = [e.split(": ", 1)[0] for e in content_errors(network)]
    assert left == [f"casebook/cases/new-case.md:{n}" for n in ("4:11", "11:10", "12:18", "14:5", "15:15", "22:1")]
    for example, real in [
        ("신문 제목처럼 한 줄로 (예: 회의 도시락 전량을 협동조합 도시락으로)", "청사 청소를 지역 기업에"),
        ("어떤 문제가 있었나요?", "청소 품질이 들쭉날쭉했다"),
        ("무엇을 샀나요?", "청사 정기 청소"),
        ("결과를 숫자로 (예: 배달 지연 0건)", "민원 0건"),
        ("어떤 사회적 가치가 생겼나요?", "고령자 일자리 4개"),
        ("여기에 사례 이야기를 씁니다.", "청소 이야기."),
    ]:
        text = text.replace(example, real)
    path.write_text(text, "utf-8")
    assert content_errors(network) == []
    bad = run_cli(
        "new", "case", "--slug", "x", "--title", "t", "--enterprise", "nobody", "--agency", "가상군청", cwd=network
    )
    assert bad.returncode == 2 and "기업 폴더 'nobody'" in bad.stderr


def test_new_case_with_a_broken_book_file_reports_it(network):
    from helpers import run_cli

    (network / "casebook/book.yml").write_text("title: 책\nforeword: foreword.md\nchapters: 보건\n", "utf-8")
    result = run_cli(
        "new", "case", "--slug", "x", "--title", "t", "--enterprise", "gaon-bakery", "--agency", "가상군청", cwd=network
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "casebook/book.yml:3:11: chapters: 목록이어야 합니다" in result.stderr
    assert not (network / "casebook/cases/x.md").exists()


def test_every_case_is_a_spread_laid_out_alike(sample_site):
    """Cases of one page or two, with the photo at the top, the foot or nowhere, read as a pile of
    different documents: every case is now a spread, its opening on a left-hand page (even in print)
    with the title, the picture, the figures and the case at a glance, its second page the quote,
    the story and what to buy. No picture shows twice in a spread."""
    import subprocess

    pdf = sample_site / "print/casebook-print.pdf"
    with pdfplumber.open(pdf) as doc:
        texts = [" ".join((page.extract_text() or "").split()) for page in doc.pages]
    listed = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    images: dict[int, list[tuple[int, int]]] = {}
    for line in listed.splitlines()[2:]:
        cols = line.split()
        if cols[2] == "image" and int(cols[3]) > 200:  # photos (the QR codes are smaller)
            images.setdefault(int(cols[0]), []).append((int(cols[10]), int(cols[11])))
    for case in load_project(Settings(ROOT)).casebook.cases:
        f = case.front
        opening = next(n for n, t in enumerate(texts) if f.title in t and "한눈에 보기" in t) + 1
        assert opening % 2 == 0, (f.title, opening)  # a left-hand page
        first, second = texts[opening - 1], texts[opening]
        assert f.headline in first and f.agency in first and "같은 것을 사려면" not in first
        assert "같은 것을 사려면" in second and "사회적 가치" in second and "한눈에 보기" not in second
        if f.quote:
            assert f.quote.text in second
        # the story page reads in numbered steps, then the story under its heading (headings over
        # single sentences read as a form's sections)
        labels = [label for _, label, _ in case.steps] + ["구매 이야기"]
        at = [second.index(label) for label in labels]
        assert at == sorted(at) and "무엇을 어떻게 샀나" not in second, (f.title, at)
        assert len(images.get(opening, [])) == (1 if case.picture else 0), f.title  # the picture, once
        assert not set(images.get(opening, [])) & set(images.get(opening + 1, [])), f.title


def test_a_case_page_reads_in_steps_then_the_buyers_words_and_the_story(sample_site):
    for case in load_project(Settings(ROOT)).casebook.cases:
        page = BeautifulSoup((sample_site / case.url / "index.html").read_text("utf-8"), "html.parser")
        steps = page.select(".sc-steps > section")
        assert [(s.h2["id"], s.h2.text, s.p.text) for s in steps] == list(case.steps), case.slug
        order = [e for e in page.select(".sc-steps, blockquote.sc-quote, #story, .sc-story, #items")]
        names = [e.get("id") or e["class"][0] for e in order]
        expected = ["sc-steps", *(["sc-quote"] if case.front.quote else []), "story", "sc-story", "items"]
        assert names == expected, (case.slug, names)


def test_key_figures_are_set_apart_and_escaped():
    from secatalog.jinja import figures

    assert str(figures("연간 1,380개 납품, 배달 지연 0건")) == (
        '연간 <span class="figure">1,380개</span> 납품, 배달 지연 <span class="figure">0건</span>'
    )
    assert str(figures("만족도 4.6점 (5점 만점)")) == '만족도 <span class="figure">4.6점</span> (5점 만점)'
    assert str(figures("<b>18%</b> 절감")) == '&lt;b&gt;<span class="figure">18%</span>&lt;/b&gt; 절감'


@pytest.mark.slow
def test_a_short_foreword_is_followed_by_the_book_in_figures(sample_site):
    """The foreword's page was three quarters blank: under a short foreword the book in figures
    and how to read a case; a long foreword keeps its page to itself (measured, never clipped)."""
    import dataclasses
    import subprocess
    from types import SimpleNamespace

    from secatalog.build.recipe import prepare
    from secatalog.pdf.html import CasebookDocument
    from secatalog.settings import Settings

    text = subprocess.run(
        ["pdftotext", "-f", "2", "-l", "2", str(sample_site / "print/casebook-print.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "숫자로 보는 사례집" in text and "8건" in text and "사례를 읽는 법" in text
    prepared = prepare(Settings(ROOT))
    doc = CasebookDocument(prepared.catalog, prepared.photos, "2026-12-06")
    glance = doc.glance()
    pictured = glance.pop("pictured")
    assert glance == {"cases": 8, "agencies": 4, "amount": 189_900_000, "sectors": 5}
    # then the cases as pictures, two rows of four (the page had ended 119 mm empty)
    assert len(pictured) == 8 and "사례 한눈에" in text and "회의 도시락을 바꾸니" in " ".join(text.split())
    long = dataclasses.replace(prepared.catalog.casebook, foreword="\n\n".join(["가나다라 마바사 " * 40] * 8))
    doc.catalog = SimpleNamespace(casebook=long)
    assert doc.glance() is None


def test_a_case_picture_keeps_a_three_line_title_whole(tmp_path):
    """The foreword page's case pictures allow a title of three lines: the box had room for two
    and a bit, and cut a long title's last line."""
    import dataclasses

    from secatalog.build.recipe import prepare
    from secatalog.pdf import html
    from secatalog.pdf.render import render_all
    from secatalog.settings import Settings

    prepared = prepare(Settings(ROOT))
    book = prepared.catalog.casebook
    case = book.cases[0]
    long = dataclasses.replace(
        case, front=case.front.model_copy(update={"title": case.front.title + " 그리고 만족도도 크게 올라갔다"})
    )
    catalog = dataclasses.replace(prepared.catalog, casebook=dataclasses.replace(book, cases=(long, *book.cases[1:])))
    doc = html.CasebookDocument(catalog, prepared.photos, "2026-12-06")
    front = next(c for c in doc.chunks if c.kind == "casebook_front")
    assert html.lines_in(long.front.title, html.THUMB_W_MM, 8) == 3 and long in doc.glance()["pictured"]
    rendered = render_all([doc.job("front", front, html.SCREEN, str(catalog.settings.photo_cache), True)], tmp_path, 1)
    assert rendered.clipped == {}
