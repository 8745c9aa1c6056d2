"""Words a designer would strike out: a label that says a word twice, an English error page."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup


def _text(path) -> str:
    soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
    for tag in soup(["script", "style"]):
        tag.decompose()
    return " ".join(soup.get_text(" ").split())


def test_no_label_repeats_a_word(sample_site):
    """'예시사회적경제네트워크 네트워크 사무국', '수의계약: 수의계약 특례 해당 없음', '(예시) (마을기업)'."""
    org_types = ("사회적기업", "마을기업", "자활기업", "협동조합", "사회적협동조합")
    for page in sample_site.rglob("*.html"):
        text = _text(page)
        assert "네트워크 네트워크" not in text, page
        assert "수의계약: 수의계약" not in text, page
        assert "가격: 가격" not in text, page
        for org in org_types:
            assert not re.search(rf"{org}[^()]{{0,12}}\(예시\) \({org}\)", text), (page, org)


def test_no_card_says_its_badge_twice_and_no_column_is_only_dashes(sample_site):
    """A bundle card said '꾸러미 · 기업 2곳' beside its '꾸러미' badge; a bundle's 구성 column held
    '-' in every row."""
    cards = tables = 0
    for page in sample_site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        for card in soup.select(".sc-card"):
            cards += 1
            maker = card.select_one(".sc-card__maker").get_text(" ", strip=True)
            badges = {b.get_text(" ", strip=True) for b in card.select(".sc-badge")}
            assert not any(b in maker.split() for b in badges), (page, maker, badges)
        for table in soup.select("article table"):
            rows = [[c.get_text(" ", strip=True) for c in tr.find_all("td")] for tr in table.select("tbody tr")]
            if not rows or len({len(r) for r in rows}) != 1:
                continue
            tables += 1
            for column in zip(*rows, strict=True):
                assert set(column) != {"-"}, (page, column)
    assert cards > 40 and tables > 5


def test_the_quick_finder_says_each_limit_once(sample_site):
    """Four routes with one limit: the sum is said once, with the routes (it was said four times)."""
    intro = BeautifulSoup((sample_site / "procurement/index.html").read_text("utf-8"), "html.parser")
    first = " ".join(intro.select_one("article p").get_text(" ").split())
    assert first.count("50,000,000원") == 1, first
    assert "인증 사회적기업, 자활기업, 마을기업, 협동조합·사회적협동조합 각 50,000,000원 이하" in first, first


def test_the_missing_page_speaks_korean_and_offers_ways_on(sample_site):
    soup = BeautifulSoup((sample_site / "404.html").read_text("utf-8"), "html.parser")
    article = soup.select_one("article")
    assert article.h1.get_text(strip=True) == "찾는 페이지가 없습니다"
    assert "Not found" not in article.get_text()
    links = {a.get_text(strip=True): a["href"] for a in article.select("a")}
    assert links["공공구매 바로찾기"].endswith("/procurement/") and links["처음으로"].endswith("/")
    # the page is served at any depth, so its links are from the site's root; '//procurement/'
    # (base_url '/' and a slash) named a host called 'procurement'
    every = [a["href"] for a in soup.select("a[href]")] + [f["action"] for f in soup.select("form[action]")]
    assert not [h for h in every if h.startswith("//")], every


def test_the_site_carries_its_own_small_korean_face(sample_site):
    """A subset of Noto Sans CJK KR (16 MB whole) with every character the pages use."""
    from fontTools.ttLib import TTFont

    home = _text(sample_site / "index.html") + _text(sample_site / "items/barun-bapsang/local-lunchbox/index.html")
    css = (sample_site / "assets/secatalog/catalog.css").read_text("utf-8")
    for weight in (400, 700):
        path = sample_site / f"assets/secatalog/fonts/ko-{weight}.woff2"
        assert f'url("fonts/ko-{weight}.woff2")' in css
        assert path.stat().st_size < 250_000, path.stat().st_size  # measured: about 65 KB for the sample
        covered = TTFont(path).getBestCmap()
        assert all(ord(ch) in covered for ch in home if "가" <= ch <= "힣"), weight


def test_the_korean_face_is_the_same_bytes_whenever_it_is_cut(tmp_path, monkeypatch):
    """A rebuild on another day gives the same font (fontTools stamps the save time unless told)."""
    from secatalog.site import webfont

    found = webfont.face(400)
    assert found is not None, "fonts-noto-cjk is missing: run scripts/setup.sh"
    cuts = []
    for day, epoch in enumerate(("1700000000", "1800000000")):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        webfont.subset(*found, "가나다 조달", tmp_path / f"{day}.woff2")
        cuts.append((tmp_path / f"{day}.woff2").read_bytes())
    assert cuts[0] == cuts[1]


_DATE_OR_PHONE = re.compile(r"(?<![\d-])(\d{4}-\d{2}-\d{2}|0\d{1,3}-\d{3,4}-\d{4})(?![\d-])")


def test_no_separator_starts_a_line_and_every_date_and_phone_is_kept_whole(sample_site):
    """On a phone a cell read "(회원 신고" then "· 사무국 미확인", and a certificate's date broke
    as "(2027-03-" / "01까지)". In every page's text a list separator has a no-break space before
    it, and every date and phone number is inside an element that keeps it on one line (which the
    phone-layout test then checks in a browser)."""
    checked = 0
    for html in sorted(sample_site.rglob("*.html")):
        if "widget" in html.parts or "print" in html.parts:
            continue
        body = BeautifulSoup(html.read_text("utf-8"), "html.parser").body
        if body is None:
            continue
        for hidden in body.select("script, style, textarea, option, svg"):
            hidden.decompose()
        for text in body.find_all(string=True):
            assert not re.search(r"[ \t\r\n]·", text), (html, str(text)[:80])
            for match in _DATE_OR_PHONE.finditer(text):
                kept = text.find_parent(class_=["sc-date", "sc-tel"]) or text.find_parent("time")
                assert kept is not None, (html, match.group(0))
        checked += 1
    assert checked > 50
