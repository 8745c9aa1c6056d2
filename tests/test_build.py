"""Built sites: each page type's HTML, head tags, photos, search index and data exports."""

from __future__ import annotations

import json
import re
from itertools import pairwise
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from PIL import Image

pytestmark = pytest.mark.slow


def page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text("utf-8"), "html.parser")


def json_ld(soup: BeautifulSoup) -> dict:
    return json.loads(soup.find("script", type="application/ld+json").string)


def test_every_page_type_exists(sample_site):
    for url in [
        "",
        "categories/food",
        "items/barun-bapsang/local-lunchbox",
        "enterprises",
        "enterprises/barun-bapsang",
        "bundles",
        "bundles/holiday-local",
        "about",
    ]:
        assert (sample_site / url / "index.html").is_file(), url
    assert len(list((sample_site / "items").glob("*/*/index.html"))) == 43


def test_home_lists_categories_with_counts(sample_site):
    soup = page(sample_site, "")
    tiles = {t.select_one(".sc-tile__name").text: t.select_one(".sc-tile__count").text for t in soup.select(".sc-tile")}
    assert len(tiles) == 12 and tiles["먹을거리"] == "6개"
    assert "예시 자료" in soup.select_one(".sc-notice").text
    assert soup.find("html")["lang"] == "ko"


def test_category_page_sorted_and_filterable(sample_site):
    soup = page(sample_site, "categories/food")
    headings = [h.text for h in soup.select("article h2")]
    assert headings == ["농산물", "가공식품", "도시락", "케이터링·행사음식"]
    farm = soup.find("h2", id="farm-produce").find_next("ul")
    assert [c.select_one(".sc-card__title").text for c in farm.select(".sc-card")] == ["꿀고구마", "친환경 쌀"]
    form = soup.select_one("form[data-sc-filters]")
    assert form.has_attr("hidden"), "without JavaScript the plain list must show, not the form"
    card = soup.select_one('.sc-card a[href$="items/barun-bapsang/local-lunchbox/"]').parent
    assert card["data-org"] == "cooperative" and card["data-eligible"] == "1"
    assert card["data-price"] == "9000" and card["data-months"] == "all"
    assert card["data-gift"] == "0", "a lunchbox is not sold as a gift: the member did not mark it"
    potato = soup.select_one('.sc-card a[href$="items/dure-farm/sweet-potato/"]').parent
    assert potato["data-gift"] == "1"
    # the sample's HACCP is the member's own statement: filtered apart from confirmed ones (issue 29)
    assert "claimed:haccp" in card["data-certs"].split() and "haccp" not in card["data-certs"].split()
    assert "수의계약 표시: 2026년 기준, 확인일 2026-11-01" in soup.select_one(".sc-asof").text


def test_item_page_shows_what_a_buyer_needs(sample_site):
    soup = page(sample_site, "items/barun-bapsang/local-lunchbox")
    text = soup.select_one("article").get_text(" ", strip=True)
    for needle in [
        "로컬푸드 도시락",
        "9,000원 / 1개",
        "최소 주문 20개",
        "납품 기간 주문 후 2일",
        "판매 시기 연중",
        "수의계약 가능",
        "취약계층 고용 비율 41.6% (기준 30% 이상)",
        "2026년 기준, 규정 확인일 2026-11-01",
        "사무국 확인 2026-10-20 — 협동조합 설립 신고 조회",
        "다른 업체와 다른 점",
        "사회적 가치",
        "HACCP",
        "041-000-0101 (사무장)",
        "가치장터",
    ]:
        assert needle in text, needle
    # the certificates and the ways to buy are rows of the facts, not headings over a line or two
    facts = {tr.th.get_text(): tr.td for tr in soup.select("article table.sc-table tr") if tr.th}
    assert "HACCP" in facts["인증"].get_text() and "가치장터" in facts["구매 경로"].get_text()
    assert not soup.select("article h2#certifications, article h3")
    # the case it served is a card with its picture, not a bare link
    assert soup.select_one("#cases + ul.sc-cards .sc-card__photo img")
    mail = soup.select_one('article a[href^="mailto:"]')["href"]  # (the search box has the office's)
    assert mail.startswith("mailto:order@barun.example.org?subject=") and not re.search(r"\s", mail)
    fields = parse_qs(urlsplit(mail).query)
    assert fields["subject"] == ["[견적 요청] 로컬푸드 도시락 (예시사회적경제네트워크 카탈로그)"]
    assert "\n- 수량: (1개 기준)\n" in fields["body"][0]
    img = soup.select_one(".sc-item__photos img")
    assert img["width"] == "960" and img["height"] == "720" and img["fetchpriority"] == "high"
    assert img["alt"] == "밥과 국, 네 가지 반찬이 담긴 로컬푸드 도시락"
    assert soup.select_one(".sc-item__photos source")["type"] == "image/webp"
    assert [li.text for li in soup.select("article .sc-eligibility ul li")][:2] == [
        "협동조합·사회적협동조합 수의계약",
        "취약계층 고용 비율 41.6% (기준 30% 이상)",
    ]


def test_item_page_not_eligible_says_why(sample_site):
    text = page(sample_site, "items/dure-farm/rice").select_one(".sc-eligibility").get_text(" ", strip=True)
    assert "수의계약 해당 없음" in text and "취약계층 고용 비율 20% (기준 30% 이상)" in text


def test_item_head_tags_and_json_ld(sample_site):
    soup = page(sample_site, "items/barun-bapsang/local-lunchbox")
    og = {m["property"]: m["content"] for m in soup.find_all("meta", property=True)}
    assert og["og:title"] == "로컬푸드 도시락"
    assert og["og:url"] == "https://catalog.example.org/items/barun-bapsang/local-lunchbox/"
    assert re.fullmatch(r"https://catalog\.example\.org/assets/photos/[0-9a-f]{16}-960\.jpg", og["og:image"])
    assert soup.find("link", rel="canonical")["href"] == og["og:url"]
    data = json_ld(soup)
    assert data["@type"] == "Product" and data["offers"]["price"] == 9000
    assert data["offers"]["priceCurrency"] == "KRW" and data["brand"]["name"] == "바른밥상협동조합 (예시)"
    service = json_ld(page(sample_site, "items/haemaru-clean/office-cleaning"))
    assert service["@type"] == "Service" and "offers" not in service  # negotiable price


def test_enterprise_page(sample_site):
    soup = page(sample_site, "enterprises/haemaru-clean")
    text = soup.select_one("article").get_text(" ", strip=True)
    for needle in [
        "인증 사회적기업",
        "유급 근로자 28명, 그중 취약계층 17명 (장애인, 고령자)",
        "공공구매 실적",
        "예시시 문화예술회관",
        "사회공헌",
        "제품·서비스 (3)",
        "연혁",
    ]:
        assert needle in text, needle
    assert json_ld(soup)["@type"] == "Organization"
    assert soup.select_one("table thead th")["scope"] == "col"
    # The verdict, the photo beside the facts and what to do next come first, above the story.
    article = soup.select_one("article")
    assert article.select_one(".sc-ent__badges .sc-badge").get_text() == "수의계약 가능"
    facts = article.select_one(".sc-item .sc-item__facts")
    assert facts.find_previous_sibling(class_="sc-item__photos").img is not None
    buttons = [a["href"] for a in facts.select(".sc-actions a")]
    assert buttons[0].startswith("mailto:") and "subject=" in buttons[0]
    assert buttons[1].startswith("tel:") and buttons[2].endswith("print/enterprises/haemaru-clean.pdf")
    assert facts.find_next(id="products") is not None


def test_enterprise_index_groups_by_org_type(sample_site):
    soup = page(sample_site, "enterprises")
    headings = [h.text for h in soup.select("article h2")]
    assert headings[0].startswith("인증 사회적기업 (") and len(headings) == 6


def test_every_image_referenced_exists_and_is_clean(sample_site):
    seen = 0
    for html in sample_site.rglob("*.html"):
        for src in re.findall(r'(?:src|srcset)="([^"]+)"', html.read_text("utf-8")):
            for candidate in src.split(","):
                rel = candidate.strip().split(" ")[0]
                if rel.startswith(("http", "data:")) or "assets/photos" not in rel:
                    continue
                target = (html.parent / rel).resolve()
                assert target.is_file(), f"{html}: {rel}"
                seen += 1
    assert seen > 100
    for photo in list((sample_site / "assets/photos").iterdir())[:20]:
        with Image.open(photo) as im:
            assert not im.getexif()


def test_navigation_stays_small(sample_site):
    html = (sample_site / "items/barun-bapsang/local-lunchbox/index.html").read_text("utf-8")
    assert "items/haemaru-clean" not in html.split("<article")[0], "item pages must not be in the nav"
    assert len(html) < 60_000


def test_search_index_has_word_parts(sample_site):
    index = json.loads((sample_site / "search/secatalog-index.json").read_text("utf-8"))
    assert index["config"]["fields"]["parts"] == {"boost": 10}
    # Material's file, which every page parses on its main thread, holds the config alone.
    assert json.loads((sample_site / "search/search_index.json").read_text("utf-8")) == {
        "config": index["config"],
        "docs": [],
    }
    doc = next(d for d in index["docs"] if d["location"] == "items/haemaru-clean/office-cleaning/")
    assert "청사" in doc["parts"].split()  # from 공공청사
    assert "미화" in doc["parts"].split()  # a member keyword (synonym)


def test_sitemap_and_data_exports(sample_site):
    sitemap = (sample_site / "sitemap.xml").read_text("utf-8")
    assert "https://catalog.example.org/items/dure-farm/rice/" in sitemap
    products = json.loads((sample_site / "data/products.json").read_text("utf-8"))
    assert len(products["items"]) == 43
    first = next(i for i in products["items"] if i["id"] == "barun-bapsang/local-lunchbox")
    assert first["url"] == "https://catalog.example.org/items/barun-bapsang/local-lunchbox/"
    assert first["sole_source_eligible"] is True
    enterprises = json.loads((sample_site / "data/enterprises.json").read_text("utf-8"))
    assert {e["id"] for e in enterprises["enterprises"]} == {
        p.name for p in (Path(__file__).parents[1] / "content/enterprises").iterdir()
    }


def test_fixture_network_has_nothing_from_the_sample(fixture_site):
    home = page(fixture_site, "")
    assert home.select_one(".sc-front__kicker").text == "가상군사회적경제협의회"  # over the task-title
    assert [t.select_one(".sc-tile__name").text for t in home.select(".sc-tile")] == ["빵과 과자", "서비스"]
    for html in fixture_site.rglob("*.html"):
        text = html.read_text("utf-8")
        assert "예시시" not in text and "catalog.example.org" not in text, html
        assert "예: 도시락" not in text, html  # the sample's search examples, on every network
    hint = home.select_one("#sc-front-q")["placeholder"]
    assert (
        hint.startswith("예: ")
        and hint
        == BeautifulSoup((fixture_site / "404.html").read_text("utf-8"), "html.parser").select_one("#sc-404-q")[
            "placeholder"
        ]
    )
    widget = json.loads((fixture_site / "widget/widget.json").read_text("utf-8"))
    assert widget["hint"] == hint
    item = page(fixture_site, "items/haneul-clean/office-cleaning")
    assert "가상 조례 제1조" in item.text and "30,000,000원" in item.text
    assert "2025년 기준, 규정 확인일 2025-03-01" in item.text and "사무국 확인 2025-02-20" in item.text


def test_committed_schema_is_current(sample_site):
    committed = (Path(__file__).parents[1] / "content/schema/enterprise.schema.json").read_text("utf-8")
    published = (sample_site / "schema/enterprise.schema.json").read_text("utf-8")
    assert committed == published, "run: secatalog schema"
    schema = json.loads(published)
    assert "lunchbox" in schema["$defs"]["Product"]["properties"]["category"]["enum"]
    assert schema["properties"]["org_type"]["description"] == "catalog/org_types.yml의 조직 유형 id"


def test_entries_validate_against_the_published_schema(sample_site):
    import jsonschema
    import yaml

    schema = json.loads((sample_site / "schema/enterprise.schema.json").read_text("utf-8"))
    for path in (Path(__file__).parents[1] / "content/enterprises").glob("*/enterprise.yml"):
        data = json.loads(json.dumps(yaml.safe_load(path.read_text("utf-8")), default=str))
        jsonschema.validate(data, schema)


def test_first_photo_is_preloaded_with_the_same_sources(sample_site):
    soup = page(sample_site, "items/barun-bapsang/local-lunchbox")
    preload = soup.find("link", rel="preload")
    source = soup.select_one(".sc-item__photos source")
    assert preload["imagesrcset"] == source["srcset"] and preload["imagesizes"] == source["sizes"]


def test_the_format_holds_introductions_seasons_and_the_publisher(sample_site):
    ent = page(sample_site, "enterprises/barun-bapsang")
    assert "조리와 배달은 60세 이상 조합원이 맡고" in ent.select_one("#introduction").find_next("p").find_next("p").text
    assert "회의·행사용 도시락과 단체 급식" in page(sample_site, "categories/food").text
    assert "판매 시기: 1월~2월, 9월" in page(sample_site, "bundles/holiday-local").text
    footer = " ".join(page(sample_site, "").select_one(".md-copyright").get_text(" ", strip=True).split())
    assert "발행: 예시사회적경제네트워크 사무국 · 전화 041-000-0000" in footer  # not '네트워크 네트워크'
    assert "예시시 예시로 12, 2층 (예시) · 평일 9:00~18:00" in footer
    # the pages a visitor looks for at a site's foot, from any page (three grey lines read as a
    # documentation site's footer)
    links = {a.get_text(strip=True): a["href"] for a in page(sample_site, "stats").select(".sc-footer__links a")}
    assert links == {
        "공공구매 바로찾기": "../procurement/",
        "기업 찾기": "../enterprises/",
        "공개 데이터": "../open-data/",
        "홈페이지에 넣기": "../embed/",
        "참여하기": "../join/",
        "사무국용 안내": "../secretariat/",
    }, links
    assert footer.startswith("예시사회적경제네트워크 공공구매 카탈로그 발행:")
    top = page(sample_site, "items/barun-bapsang/local-lunchbox").select_one(".md-banner .sc-publisher")
    assert " ".join(top.get_text(" ", strip=True).split()).startswith(
        "예시사회적경제네트워크 사무국 · 공공구매 문의 041-000-0000"
    )
    assert top.a["href"] == "tel:041-000-0000"


def test_pages_made_from_a_members_file_say_when_it_last_changed(sample_site, fixture_site):
    import subprocess

    root = Path(__file__).parents[1]
    for page, source in [
        ("items/dure-farm/rice/index.html", "content/enterprises/dure-farm/enterprise.yml"),
        ("enterprises/dure-farm/index.html", "content/enterprises/dure-farm/enterprise.yml"),
        ("casebook/meeting-lunchbox/index.html", "casebook/cases/meeting-lunchbox.md"),
    ]:
        committed = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%cs", "--", source], capture_output=True, text=True
        ).stdout.strip()
        shown = BeautifulSoup((sample_site / page).read_text("utf-8"), "html.parser").select_one(".sc-updated time")
        assert shown is not None and shown["datetime"] == committed and shown.text == committed, page
    # Outside git (the fixture is a plain folder) there is no date rather than a made-up one.
    assert "sc-updated" not in (fixture_site / "items/gaon-bakery/rice-bread/index.html").read_text("utf-8")


def test_an_item_is_one_search_document(sample_site):
    """Material indexes each section as a document; an item page is folded into one (6x fewer
    documents at any size), its sections' words still found."""
    index = json.loads((sample_site / "search/secatalog-index.json").read_text("utf-8"))
    item = [d for d in index["docs"] if d["location"].startswith("items/barun-bapsang/local-lunchbox/")]
    assert [d["location"] for d in item] == ["items/barun-bapsang/local-lunchbox/"]
    assert "order@barun.example.org" in item[0]["text"] and "HACCP" in item[0]["text"]  # from its sections
    # Hand-written pages (사무국 안내) keep material's documents per section, linked to each.
    assert any("#" in d["location"] for d in index["docs"])
    # The excerpt does not say the page's title again under the result's heading ("방역·소독 ·
    # 방역·소독 · 감염병 예방…": the breadcrumb's last step, then the page's h1)
    pages = [d for d in index["docs"] if "#" not in d["location"] and d["title"]]
    said = [d["location"] for d in pages if f"{d['title']} · {d['title']}" in d["text"]]
    assert said == [] and len(pages) > 40


def test_search_text_keeps_table_cells_apart(sample_site):
    """A result's excerpt reads the page's table as words, never two cells run together
    ("도시락으로2025예시시청"): every indexed page's adjacent cells stay apart in its documents."""
    index = json.loads((sample_site / "search/secatalog-index.json").read_text("utf-8"))
    texts: dict[str, str] = {}
    for doc in index["docs"]:
        page = doc["location"].split("#")[0]
        texts[page] = texts.get(page, "") + " " + re.sub(r"<[^>]+>", " ", doc["text"])
    glued, rows = [], 0
    for page, text in texts.items():
        html = sample_site / page / "index.html"
        if not page or not html.exists():
            continue
        for row in BeautifulSoup(html.read_text("utf-8"), "html.parser").select("article tr"):
            cells = [c.get_text(" ", strip=True) for c in row.find_all(["td", "th"])]
            rows += 1
            glued += [f"{page}: {a}{b}" for a, b in pairwise(cells) if a and b and f"{a}{b}" in text]
    assert rows > 20  # (tables of cases, items and the guide were read)
    assert glued == []


def test_a_bundle_says_which_of_its_items_a_buyer_may_contract_directly(sample_site):
    """A bundle mixes eligible and ineligible items: each row says which, and the facts beside the
    photo count them (the page said nothing of 수의계약)."""
    soup = page(sample_site, "bundles/holiday-local")
    rows = soup.select("#items ~ table tbody tr")
    words = [row.select("td")[-1].get_text(strip=True) for row in rows]
    assert rows and all(w in ("가능", "해당 없음", "확인 중") for w in words), words
    said = re.search(r"수의계약: 구성 (\d+)가지 중 (\d+)가지 가능", soup.get_text(" ", strip=True))
    assert said and said.groups() == (str(len(rows)), str(words.count("가능")))
    # a bundle every part of which may be bought directly says so ("3가지 중 3가지" read oddly)
    texts = [(sample_site / "bundles/index.html").read_text("utf-8")]
    texts += [p.read_text("utf-8") for p in (sample_site / "bundles").glob("*/index.html")]
    assert not any(re.search(r"(\d+)가지 중 \1가지", t) for t in texts)
    assert any(re.search(r"수의계약: 구성 \d+가지 모두 가능", t) for t in texts)


def test_a_certificate_name_is_listed_once(sample_site):
    """An item's and its enterprise's 직접생산확인 are two certificates; summaries read
    "직접생산확인, 직접생산확인" in the quick finder and the printed cards."""
    soup = page(sample_site, "procurement")
    cells = [td for td in soup.select('td[data-label="인증"]')]
    assert cells
    for td in cells:
        claimed = td.select_one(".sc-claimed")
        if claimed:
            claimed.extract()
        names = [n.strip() for n in td.get_text().split(",") if n.strip() and n.strip() not in ("—", "없음")]
        assert len(names) == len(set(names)), names
    import re
    import subprocess

    text = subprocess.run(
        ["pdftotext", str(sample_site / "print/catalog-print.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert not re.search(r"(직접생산확인|[가-힣]+인증), \1", text)


def test_search_results_do_not_read_the_buttons(sample_site):
    """Results showed "견적 요청 메일 쓰기 전화 걸기 … 품목 확인서 (PDF 1쪽…)": the buttons are marked
    data-search-exclude, as material marks blocks, and left out of a page's document."""
    import json

    docs = json.loads((sample_site / "search/secatalog-index.json").read_text("utf-8"))["docs"]
    item = next(d for d in docs if d["location"].endswith("items/barun-bapsang/local-lunchbox/"))
    assert "로컬푸드 도시락" in item["title"] and "견적 요청 메일" not in item["text"], item["text"][:200]
    ent = next(d for d in docs if d["location"].endswith("enterprises/barun-bapsang/"))
    assert "문의 메일 쓰기" not in ent["text"] and "인쇄용 PDF" not in ent["text"]


def test_a_bundle_page_says_how_to_order_it_and_whom_to_call(sample_site):
    """The bundle page ended at its table: a buyer had no button and no phone number. It now asks
    the secretariat for one order (a mail naming every part) and lists each part's price and phone."""
    from urllib.parse import unquote

    from secatalog.markup import priced
    from secatalog.read.project import load_project
    from secatalog.settings import Settings

    catalog = load_project(Settings(Path(__file__).resolve().parents[1]))
    bundle = next(b for b in catalog.bundles if len({i.enterprise.slug for i in b.items}) > 1)
    soup = page(sample_site, bundle.url.rstrip("/"))
    mail = unquote(soup.select_one(".sc-actions a.md-button--primary")["href"])
    assert mail.startswith(f"mailto:{catalog.network.contact.email}?subject=[꾸러미 문의] {bundle.record.name}")
    assert all(i.product.name in mail for i in bundle.items)
    assert soup.select_one(f'.sc-actions a[href="tel:{catalog.network.contact.phone}"]')
    rows = soup.select("#items ~ table tbody tr")
    for row, item in zip(rows, bundle.items, strict=True):
        phone = item.enterprise.record.contact.phone or item.enterprise.record.phone
        assert row.select_one(f'td[data-label="전화"] a[href="tel:{phone}"]'), item.uid
        assert row.select_one('td[data-label="가격"]').get_text(strip=True) == priced(item.product)
    assert soup.select_one("#order + ol li")


def test_a_photos_focus_keeps_its_part_in_every_crop(sample_site):
    """A photo whose subject sits at an edge (the festival's people under its tents) says so with
    `focus:`, and a picture of it cut to fit keeps that part: the site's, and the print's, which
    share the filter."""
    from types import SimpleNamespace

    from secatalog.jinja import crop_style
    from secatalog.read.project import load_project
    from secatalog.settings import Settings

    catalog = load_project(Settings(Path(__file__).resolve().parents[1]))
    festival = next(r for i in catalog.items for r in i.photos if "festival" in r.shown)
    assert festival.focus == "50% 72%" and crop_style(festival) == "object-position: 50% 72%; "
    shown = page(sample_site, "items/noeul-arts/festival-planning").select_one(".sc-item__photos img")
    assert shown["style"].strip() == "object-position: 50% 72%;"
    plain = page(sample_site, "items/barun-bapsang/local-lunchbox").select_one(".sc-item__photos img")
    assert not plain.get("style")
    assert crop_style(SimpleNamespace(focus="top-left", position="0% 0%")) == "object-position: 0% 0%; "
    # a wide strip (a case card's picture, a calendar item) keeps a photo's upper part, unless its
    # member set a focus, which it keeps
    assert crop_style(SimpleNamespace(focus="center", position="50% 50%"), True) == "object-position: 50% 30%; "
    assert crop_style(festival, True) == "object-position: 50% 72%; "
    assert any(r.focus == "bottom" for i in catalog.items for r in i.photos)  # a named part too


def test_a_case_page_shows_each_photo_once(sample_site):
    """A case without photos of its own headed its page with its item's photo, shown again on the
    item's card below: the supplier's photo (its people at work) heads it instead. And a case bought
    by sole-source contract whose item is not eligible today says the route was that year's."""
    soup = page(sample_site, "casebook/career-class")
    shown = [img["src"].rsplit("-", 1)[0] for img in soup.select("article img") if "photos/" in img.get("src", "")]
    assert shown and len(shown) == len(set(shown)), shown
    note = soup.select_one("#items").find_next("p")
    assert "2025년 당시의 것입니다" in note.text
