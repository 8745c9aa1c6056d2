"""What a civil servant does, in a real browser: search, filter, open an item, see its photo."""

from __future__ import annotations

import pytest

from browser import serious_violations, serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def site(sample_site):
    with serve(sample_site) as base:
        yield base


def _search(page, base: str, query: str) -> list[str]:
    """Type a query as an input method commits Hangul: text inserted, no keyup event."""
    if page.url != base:
        page.goto(base)
    page.click("input.md-search__input")
    page.fill("input.md-search__input", "")
    page.keyboard.type(query, delay=15)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    page.wait_for_timeout(300)  # the worker answers per keystroke; let the last answer land
    return page.locator(".md-search-result__item h1, .md-search-result__item h2").all_inner_texts()


def _contrast(page, selector: str) -> float:
    """WCAG contrast of an element's text on its backgrounds, all laid over white."""
    return page.eval_on_selector(
        selector,
        """e => {
          const rgb = c => c.match(/[\\d.]+/g).map(Number);
          const lum = ([r, g, b]) => [r, g, b].map(v => v / 255).map(v => v <= .03928 ? v / 12.92 : ((v + .055) / 1.055) ** 2.4)
            .reduce((s, v, i) => s + v * [.2126, .7152, .0722][i], 0);
          const layers = [];  /* the backgrounds behind the text, nearest first, down to an opaque one */
          for (let n = e; n; n = n.parentElement) {
            const c = rgb(getComputedStyle(n).backgroundColor);
            if (c.length < 4) { layers.push(c); break; }
            if (c[3] > 0) layers.push(c);
          }
          const bg = layers.reverse().reduce((under, c) => {
            const a = c.length < 4 ? 1 : c[3];
            return under.map((v, i) => c[i] * a + v * (1 - a));
          }, [255, 255, 255]);
          const ink = rgb(getComputedStyle(e).color), alpha = ink.length < 4 ? 1 : ink[3];
          const fg = bg.map((v, i) => ink[i] * alpha + v * (1 - alpha));
          const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
          return (a + .05) / (b + .05);
        }""",
    )


def _results(page, base: str, query: str) -> list[str]:
    """The pages a query finds, best first (each page once)."""
    try:
        _search(page, base, query)
    except Exception:  # (no result at all)
        return []
    hrefs = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.getAttribute('href'))")
    return list(dict.fromkeys(h.removeprefix(base).split("?")[0].split("#")[0] for h in hrefs))


def test_search_finds_korean_with_particle_and_compound_parts(site, tab):
    base, page = site, tab(1280, 900)
    titles = _search(page, base, "도시락")
    assert "로컬푸드 도시락" in titles
    # 공공청사 contains 청사 only as its second part; material's own index misses it.
    assert "공공청사 정기 청소" in _search(page, base, "청사")
    assert any("바른밥상협동조합" in t for t in _search(page, base, "밥상"))
    page.goto(base)
    assert _search(page, base, "조합"), "협동조합 must be found by its second part"
    # a member's synonym, shown nowhere on the page, still finds the item
    assert "공공청사 정기 청소" in _search(page, base, "미화")


# A word and each common particle, as people type them into a portal's search box.
PARTICLE_QUERIES = {
    "도시락을": "items/barun-bapsang/local-lunchbox/",
    "청소는": "items/haemaru-clean/office-cleaning/",
    "방역으로": "items/haemaru-clean/disinfection/",
    "꾸러미도": "items/dure-farm/harvest-box/",
    "고구마와": "items/dure-farm/sweet-potato/",
    "빨랫비누가": "items/hamkke-soap/laundry-soap/",
    "방역·소독의": "items/haemaru-clean/disinfection/",
    "현수막이": "items/hanbit-print/banner/",
}


def test_search_strips_particles_and_puts_the_product_first(site, tab):
    base, page = site, tab(1280, 900)
    firsts = {query: (_results(page, base, query) or [""])[0] for query in PARTICLE_QUERIES}
    assert firsts == PARTICLE_QUERIES
    # An exact word before a longer word that starts with it: 청소 is the cleaning, not 청소년.
    assert _results(page, base, "청소")[0] == "items/haemaru-clean/office-cleaning/"
    # The product's own result shows its enterprise, price and 수의계약 status.
    _search(page, base, "도시락을")
    assert page.inner_text(".md-search-result__meta").endswith("개를 찾았습니다")  # not "일치하는 문서"
    assert _contrast(page, ".md-search-result__meta") >= 4.5
    teaser = page.locator(".md-search-result__item").first.inner_text()
    thumb = page.locator(".md-search-result__item").first.locator("img.sc-search-thumb")
    thumb.wait_for()
    assert thumb.evaluate("i => i.complete && i.naturalWidth > 0"), "the item's photo shows in its result"
    assert "바른밥상협동조합 (예시) · 9,000원 / 1개 · 수의계약 가능" in " ".join(teaser.split())
    # one mark per result, its kind on its title's line: the name said once (it stood in the title,
    # the teaser and the excerpt) and no generic page icon over it
    first = page.locator(".md-search-result__item").first
    title = first.locator(".md-search-result__article h1").inner_text()
    assert " ".join(teaser.split()).count(title) == 1, teaser
    assert not first.locator(".md-search-result__icon").is_visible()
    kind, heading = first.locator(".sc-result-kind").bounding_box(), first.locator("h1").bounding_box()
    assert kind["y"] < heading["y"] + heading["height"] and kind["y"] + kind["height"] > heading["y"]
    # Each result says what it is: a list of bare titles mixed products with guide pages.
    kinds = page.evaluate(
        """[...document.querySelectorAll('.md-search-result__link')].map(a =>
             [a.getAttribute('href'), (a.querySelector('.sc-result-kind') || {}).textContent])"""
    )
    by_kind = {kind: href for href, kind in reversed(kinds)}
    assert "items/barun-bapsang/local-lunchbox/" in by_kind["제품·서비스"] and "enterprises/" in by_kind["기업"], kinds
    assert "casebook/meeting-lunchbox/" in by_kind["사례"] and None not in by_kind, kinds
    # the maker's other items on an item page are no search words: 김치 does not match 도시락
    assert not any("kimchi" in (href or "") for href, _ in kinds), kinds


def test_search_on_another_network(fixture_site, tab):
    with serve(fixture_site) as base:
        page = tab()
        assert _results(page, base, "식빵을")[0] == "items/gaon-bakery/rice-bread/"
        assert _results(page, base, "이사는")[0] == "items/haneul-clean/moving-help/"


def test_search_sends_the_best_hundred_and_says_the_total(fixture_site, new_tab):
    """A national catalog finds thousands: the list gets the best 100, the count tells the truth."""
    import json

    index = json.loads((fixture_site / "search/secatalog-index.json").read_text("utf-8"))
    docs = [{"location": f"items/x/apple-{n}/", "title": f"사과 {n}", "text": "사과 한 상자"} for n in range(150)]
    docs.append({"location": "items/x/apple-juice/", "title": "사과즙", "text": "사과로 짠 즙", "boost": 4})
    index["docs"] = docs
    with serve(fixture_site) as base:
        page = new_tab(viewport={"width": 1280, "height": 900})
        page.route("**/search/secatalog-index.json", lambda route: route.fulfill(json=index))
        hrefs = _results(page, base, "사과를")
        assert page.inner_text(".md-search-result__meta") == "151개를 찾았습니다 (앞의 100개를 보여 줍니다)"
        assert hrefs[0].startswith("items/x/apple-") and hrefs[0] != "items/x/apple-juice/", "the exact word first"
        assert page.locator(".md-search-result__item").first.locator("mark").first.inner_text() == "사과"
        # Two words: the pages holding both (the juice holds 사과 only).
        _results(page, base, "사과 상자")
        assert page.inner_text(".md-search-result__meta") == "150개를 찾았습니다 (앞의 100개를 보여 줍니다)"


def test_filters_narrow_the_list_and_announce_it(site, tab, new_tab):
    base, page = site, tab()
    page.goto(base + "categories/food/")
    assert page.locator("form[data-sc-filters]").is_visible()
    cards = page.locator(".sc-card")
    total = cards.count()
    page.check("input[name=eligible]")
    visible = page.locator(".sc-card:not([hidden])")
    assert 0 < visible.count() < total
    assert page.locator('.sc-card:not([hidden]) a[href$="items/dure-farm/rice/"]').count() == 0
    assert f"전체 {total}개 중 {visible.count()}개" in page.locator(".sc-filters__status").inner_text()
    page.fill("input[name=max]", "5000")
    assert [t for t in page.locator(".sc-card:not([hidden]) .sc-card__title").all_inner_texts()] == ["건강 간식 꾸러미"]
    # The conditions are in the address: the same filtered list opens from a shared link.
    from urllib.parse import parse_qs, urlsplit

    assert parse_qs(urlsplit(page.url).query) == {"eligible": ["1"], "max": ["5000"]}
    shared = new_tab()
    shared.goto(page.url)
    assert shared.locator(".sc-card:not([hidden]) .sc-card__title").all_inner_texts() == ["건강 간식 꾸러미"]
    assert shared.is_checked("input[name=eligible]") and shared.input_value("input[name=max]") == "5000"
    # Nothing matches: say which condition to let go of, and what that would show.
    page.fill("input[name=max]", "100")
    hint = page.locator(".sc-filters__none")
    assert hint.is_visible() and "조건에 맞는 제품·서비스가 없습니다" in hint.inner_text()
    assert hint.locator("button").all_inner_texts() == ["'최고 가격' 풀기 (4개)", "'수의계약 가능만' 풀기 (0개)"]
    hint.locator("button", has_text="최고 가격").click()
    assert page.locator(".sc-card:not([hidden])").count() == 4 and not hint.is_visible()
    page.click("form[data-sc-filters] button[type=reset]")
    page.wait_for_function(f"document.querySelectorAll('.sc-card:not([hidden])').length === {total}")
    page.wait_for_function("!location.search")


def test_on_a_phone_the_conditions_fold_and_the_subcategory_links_jump(site, tab, new_tab):
    base, page = site, tab(390, 844)
    page.goto(base + "categories/food/")
    fold, summary = page.locator(".sc-filters__fold"), page.locator(".sc-filters__summary")
    assert not fold.evaluate("d => d.open"), "folded on a phone"
    assert summary.bounding_box()["height"] >= 44
    assert page.locator(".sc-card").first.bounding_box()["y"] < 844, "a product on the first screen"
    # By keyboard: the summary is a stop of its own and Enter unfolds it.
    summary.focus()
    page.keyboard.press("Enter")
    assert fold.evaluate("d => d.open")
    # Unfolded, the fields go two a row, each a 44 px target as wide as its half.
    fields = [f.bounding_box() for f in page.locator(".sc-filters__row select").all()]
    assert fields[0]["y"] == fields[1]["y"] and fields[0]["width"] == fields[1]["width"] > 150
    assert all(f["height"] >= 44 for f in fields)
    page.check("input[name=eligible]")
    summary.click()
    assert not fold.evaluate("d => d.open")
    # Folded, the summary still says a condition is set and the count is still seen.
    assert page.locator(".sc-filters__active").inner_text() == "1개 적용"
    status = page.locator(".sc-filters__status")
    shown = page.locator(".sc-card:not([hidden])").count()
    assert status.is_visible() and f"중 {shown}개" in status.inner_text()
    # A subcategory left empty goes from the list and from the jump links; the others count what shows.
    for section in page.locator(".sc-section[data-sc-section]").all():
        key, left = section.get_attribute("data-sc-section"), section.locator(".sc-card:not([hidden])").count()
        chip = page.locator(f'.sc-subnav li[data-sc-section="{key}"]')
        assert chip.is_visible() == section.is_visible() == (left > 0)
        if left:
            assert chip.locator(".sc-subnav__count").text_content() == f"{left}개"
    # A jump link lands its heading below the sticky header, not under it.
    chip = page.locator(".sc-subnav li:not([hidden]) a").first
    target = chip.get_attribute("href")
    chip.click()
    page.wait_for_timeout(300)
    header = page.locator(".md-header").bounding_box()
    top = page.locator(target).bounding_box()["y"]
    assert header["y"] + header["height"] <= top < 250 and page.evaluate("scrollY") > 0, top
    # The chips stay under the header (sticky), and the heading lands below them too.
    chips = page.locator(".sc-subnav").bounding_box()
    assert abs(chips["y"] - (header["y"] + header["height"])) <= 1 and chips["y"] + chips["height"] <= top, (chips, top)
    desk = new_tab(viewport={"width": 1440, "height": 900})
    desk.goto(base + "categories/food/")
    assert desk.locator(".sc-filters__fold").evaluate("d => d.open"), "open on a desktop"
    assert not desk.locator(".sc-filters__active").is_visible()


def test_on_a_phone_the_menu_drawer_gives_the_publishers_phone(site, tab, new_tab):
    """The drawer was a bare list of five links: a buyer who opens it finds whom to call, as a
    44 px tel: link. On a desktop the banner above every page has the phone, so the sidebar has none."""
    page = tab(390, 844)
    page.goto(site + "categories/food/")
    page.locator(".md-header__inner label[for=__drawer]").click()
    page.wait_for_timeout(400)
    ask = page.locator(".md-sidebar--primary .sc-drawer-ask__phone")
    box = ask.bounding_box()
    assert ask.is_visible() and box["x"] >= 0 and box["y"] + box["height"] <= 844 and box["height"] >= 44
    banner = page.locator(".sc-publisher a[href^='tel:']").get_attribute("href")
    assert ask.get_attribute("href") == banner
    desk = new_tab(viewport={"width": 1440, "height": 900})
    desk.goto(site + "casebook/")
    assert desk.locator(".md-sidebar--primary").is_visible() and not desk.locator(".sc-drawer-ask").is_visible()


def test_on_a_phone_the_quick_finder_keeps_its_category_chips_in_reach(site, tab):
    """바로찾기 is about forty phone screens: far down, the category chips are still under the
    header, in one row that scrolls sideways, and the page itself does not."""
    page = tab(390, 844)
    page.goto(site + "procurement/")
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight / 2)")
    page.wait_for_timeout(200)
    header = page.locator(".md-header").bounding_box()
    chips = page.locator(".sc-subnav").bounding_box()
    assert abs(chips["y"] - (header["y"] + header["height"])) <= 1 and chips["height"] < 64, chips
    row = page.locator(".sc-subnav ul")
    assert row.evaluate("u => u.scrollWidth > u.clientWidth"), "one row, scrolling sideways"
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
    # The chip of the section in view is marked, and scrolled into the row's view.
    current = page.locator(".sc-subnav a[aria-current]")
    assert current.count() == 1
    heading = page.locator(current.get_attribute("href")).bounding_box()
    assert heading["y"] < 844 / 2, "the marked chip names the section in view"
    box, strip = current.bounding_box(), row.bounding_box()
    assert strip["x"] - 1 <= box["x"] and box["x"] + box["width"] <= strip["x"] + strip["width"] + 1, (box, strip)
    last = page.locator(".sc-subnav li").last
    last.locator("a").click()
    page.wait_for_timeout(300)
    target = page.locator(last.locator("a").get_attribute("href")).bounding_box()
    assert chips["y"] + chips["height"] <= target["y"] < 300, target
    assert page.locator(".sc-subnav a[aria-current]").get_attribute("href") == last.locator("a").get_attribute("href")
    # Back at the top no chip looks chosen, and the row starts again at its first chip.
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_timeout(300)
    assert page.locator(".sc-subnav a[aria-current]").count() == 0
    assert row.evaluate("u => u.scrollLeft") == 0


def test_the_home_page_search_box_opens_the_search_with_the_words(site, tab):
    """The home page's search box is a plain form: material opens its search with ?q= filled."""
    page = tab(1440, 900)
    page.goto(site)
    page.fill("#sc-front-q", "도시락")
    page.press("#sc-front-q", "Enter")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    assert page.locator("input.md-search__input").input_value() == "도시락"
    titles = page.locator(".md-search-result__item h1, .md-search-result__item h2").all_inner_texts()
    assert any("도시락" in t for t in titles), titles


def test_without_javascript_the_plain_list_shows(site, new_tab):
    base, page = site, new_tab(java_script_enabled=False)
    page.goto(base + "categories/food/")
    assert not page.locator("form[data-sc-filters]").is_visible()
    assert page.locator(".sc-card:visible").count() == 6
    # No search box without JavaScript, but a plain way to find things where it would be.
    find = page.locator("a.sc-nojs-find")
    assert find.is_visible() and find.inner_text() == "분류별로 찾기"
    find.click()
    assert page.locator("#categories").is_visible()


def test_open_an_item_and_its_photo_loads(site, tab):
    base, page = site, tab()
    page.goto(base + "categories/food/")
    page.click("text=로컬푸드 도시락")
    page.wait_for_url("**/items/barun-bapsang/local-lunchbox/")
    img = page.locator(".sc-item__photos img").first
    img.wait_for()
    page.wait_for_function("document.querySelector('.sc-item__photos img').complete")
    assert page.evaluate("document.querySelector('.sc-item__photos img').naturalWidth") > 0
    assert page.evaluate("document.querySelector('.sc-item__photos img').currentSrc").endswith(".webp")
    assert "수의계약 가능" in page.locator(".sc-eligibility").inner_text()


def test_skip_link_and_visible_keyboard_focus(site, tab):
    base, page = site, tab(1280, 900)
    page.goto(base + "items/barun-bapsang/local-lunchbox/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "콘텐츠로 이동"
    for _ in range(6):
        page.keyboard.press("Tab")
    style = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]; })()"
    )
    assert style[0] != "none" and style[1] != "0px", style


def test_new_window_links_are_announced(sample_site):
    from bs4 import BeautifulSoup

    silent = []
    for html in sample_site.rglob("*.html"):
        soup = BeautifulSoup(html.read_text("utf-8"), "html.parser")
        for a in soup.select('a[target="_blank"]'):
            said = (
                a.get_text(" ")
                + " "
                + (a.get("title") or "")
                + " ".join(img.get("alt", "") for img in a.find_all("img"))
            )
            if "새 창" not in said:
                silent.append(f"{html.relative_to(sample_site)}: {a.get('href')}")
    assert silent == []


def test_item_page_prints_cleanly(site, new_tab):
    base, page = site, new_tab()
    page.goto(base + "items/barun-bapsang/local-lunchbox/")
    page.emulate_media(media="print")
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".md-header").is_visible()
    assert page.locator(".sc-item__photos img").is_visible()
    assert "041-000-0101" in page.locator("article").inner_text()
    after = page.evaluate(
        "getComputedStyle(document.querySelector('.sc-channels a[href^=\"http\"]'), '::after').content"
    )
    assert "https://market.example.org/barun" in after
    assert page.evaluate("[...document.querySelectorAll('.md-button')].filter(b => b.offsetParent).length") == 0


def test_item_pages_print_on_one_page_with_the_verdict(site, tab, tmp_path):
    """A civil servant prints an item page for the file first: one A4 page, the verdict on it."""
    from pypdf import PdfReader

    base, page = site, tab()
    for path in ["items/barun-bapsang/local-lunchbox/", "items/haemaru-clean/office-cleaning/"]:
        page.goto(base + path)
        page.pdf(path=str(tmp_path / "item.pdf"), prefer_css_page_size=True)
        reader = PdfReader(tmp_path / "item.pdf")
        assert len(reader.pages) == 1, path
        text = "".join(reader.pages[0].extract_text().split())
        assert "수의계약가능" in text and "견적요청메일쓰기" not in text, path


def test_quick_finder_prints_on_two_a4_pages(site, tab, tmp_path):
    from pypdf import PdfReader

    base, page = site, tab()
    page.goto(base + "procurement/")
    page.pdf(path=str(tmp_path / "quick.pdf"), prefer_css_page_size=True)
    reader = PdfReader(tmp_path / "quick.pdf")
    assert len(reader.pages) <= 2
    text = "".join("".join(p.extract_text().split()) for p in reader.pages)  # wrapping splits words
    assert "재생빨랫비누" in text and "취약계층고용비율20%" in text


# Every kind of page, each loaded once per width for both its layout and axe: on a phone, and on
# a desktop too where the layout differs most (a desktop run costs as much as a phone run and
# finds the same problems on the simpler pages).
PAGES = [
    "",
    "categories/food/",
    "items/barun-bapsang/local-lunchbox/",
    "enterprises/barun-bapsang/",
    "enterprises/",
    "procurement/",
    "join/",
    "embed/",
    "open-data/",
    "stats/",
    "cards/",
    "bundles/holiday-local/",
    "items/haemaru-clean/office-cleaning/",  # certificate numbers with hyphens
    "casebook/",
    "casebook/meeting-lunchbox/",
    "casebook/how-to-buy/",
]
LAYOUT_ON_DESKTOP = {
    "",
    "enterprises/",
    "open-data/",
    "procurement/",
    "categories/food/",
    "items/barun-bapsang/local-lunchbox/",
    "enterprises/barun-bapsang/",
    "casebook/meeting-lunchbox/",
    "join/",
    "embed/",
    "stats/",
    "casebook/how-to-buy/",
}
AXE_ON_DESKTOP = {"", "categories/food/", "items/barun-bapsang/local-lunchbox/", "procurement/", "join/"}


@pytest.mark.parametrize("path", PAGES)
def test_each_page_holds_its_layout_and_has_no_serious_accessibility_violations(site, tab, path):
    for width in (390, 1440) if path in LAYOUT_ON_DESKTOP | AXE_ON_DESKTOP else (390,):
        page = tab(width, 844)
        page.goto(site + path)
        if width == 390 or path in AXE_ON_DESKTOP:
            assert serious_violations(page) == [], f"{path} at {width}px"
        _layout_holds(page, path, width)


def _layout_holds(page, path: str, width: int) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{path} scrolls sideways at {width}px"
    assert page.evaluate("getComputedStyle(document.querySelector('.md-typeset')).wordBreak") == "keep-all"
    split = page.evaluate(
        """[...document.querySelectorAll('.md-typeset *')]
           .filter(e => e.offsetParent && (!e.closest('pre, code') || e.closest('.sc-snippet'))
                        && /[가-힣]/.test(e.textContent)  /* code to copy: its Korean too (네트/워크) */
                        && getComputedStyle(e).wordBreak !== 'keep-all')
           .map(e => e.tagName + '.' + e.className)"""
    )
    assert split == [], f"{path}: Korean that may break inside a word: {split[:5]}"
    cells = page.evaluate(
        """[...document.querySelectorAll('.sc-table td, .sc-table th')]
           .filter(c => c.getClientRects().length)  /* a column hidden on phones is not drawn */
           .filter(c => !c.closest('thead') || c.closest('thead').getBoundingClientRect().width > 2)
           /* (a phone shows each row as a card; its column headers are only read aloud) */
           .map(c => { const s = getComputedStyle(c);
             return [parseFloat(s.paddingLeft) + parseFloat(s.paddingTop),
                     parseFloat(s.borderTopWidth) + parseFloat(s.borderLeftWidth), c.getBoundingClientRect().width]; })"""
    )
    assert all(pad > 0 or border > 0 for pad, border, _ in cells), f"{path}: a table cell without padding or border"
    # No Korean squeezed to a character or two per line: every visible cell is wider than 3em.
    assert all(w > 40 for _, _, w in cells), f"{path}: a squeezed column at {width}px"
    # a stacked row's labels (td[data-label]::before) on one line: 'JSON 이름' wrapped onto '뜻'
    labels = page.evaluate(
        """[...document.querySelectorAll('td[data-label]')].filter(c => c.getClientRects().length).map(c => {
             const s = getComputedStyle(c, '::before');
             if (s.position !== 'absolute') return null;
             const g = document.createElement('canvas').getContext('2d');
             g.font = s.fontWeight + ' ' + s.fontSize + ' ' + s.fontFamily;
             return [c.dataset.label, g.measureText(c.dataset.label).width, parseFloat(s.width)]; })
           .filter(x => x && x[1] > x[2] + 0.5)"""
    )
    assert labels == [], f"{path}: a stacked row's label wraps at {width}px: {labels[:3]}"
    fields = page.evaluate(
        """[...document.querySelectorAll('.sc-join input:not([type=checkbox]), .sc-join select, textarea')]
           .filter(f => f.offsetParent).map(f => parseFloat(getComputedStyle(f).borderBottomWidth))"""
    )
    assert all(b >= 1 for b in fields), f"{path}: a form field without a visible edge"
    cut = page.evaluate(
        """[...document.querySelectorAll('input[placeholder]:not(.md-search__input)')].filter(i => i.offsetParent).filter(i => {
             const s = getComputedStyle(i), c = document.createElement('canvas').getContext('2d');
             c.font = s.fontSize + ' ' + s.fontFamily;
             return c.measureText(i.placeholder).width > i.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) + 1;
           }).map(i => i.id + ': ' + i.placeholder)"""
    )
    assert cut == [], f"{path}: a search or form example cut at {width}px: {cut}"  # ('선물세|')
    page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(i => { i.loading = 'eager'; })")
    page.wait_for_function("[...document.images].every(i => i.complete)")  # (not networkidle: 0.5 s a page)
    broken = page.evaluate(
        "[...document.images].filter(i => i.offsetParent && !(i.complete && i.naturalWidth)).map(i => i.src)"
    )
    assert broken == [], f"{path}: broken images {broken}"
    # A page's photo (an item's, a case's) is a band, not the whole first screen.
    heroes = page.evaluate(
        "[...document.querySelectorAll('.sc-item__photos img')].map(i => i.getBoundingClientRect().height)"
    )
    assert all(h <= 844 * 0.45 for h in heroes), f"{path}: hero photo {heroes} px high at {width}px"
    # One product grid: two cards a row on a phone, three or four on a desktop, every card's
    # photo of one size and in the photos' own 4:3 (square cut their subjects off), whether its
    # section holds one card or ten; on a phone a card alone in its row (a group's only card, or
    # an odd number's last) spans the row, its words beside its photo (alone it left half the
    # screen empty).
    cards = page.evaluate(
        """[...document.querySelectorAll('.sc-card')].filter(c => c.offsetParent).map(c => {
             const p = c.querySelector('.sc-card__photo').getBoundingClientRect(),
               grid = c.closest('.sc-sections') || c.parentElement,  /* subcategories packed on one grid */
               cols = getComputedStyle(grid).gridTemplateColumns.split(' ').length,
               alone = c === c.parentElement.lastElementChild && c.parentElement.children.length % 2 === 1,  /* alone in its row */
               t = c.querySelector('.sc-card__title').getBoundingClientRect();
             return [Math.round(p.width), Math.round(p.width * 3 - p.height * 4), cols,
                     alone && t.left >= p.right, Math.round(c.getBoundingClientRect().width), alone]; })"""
    )
    assert len({w for w, *_ in cards}) <= 1, f"{path}: photos of several widths {cards}"
    assert all(abs(d) <= 4 for _, d, *_ in cards), f"{path}: a photo that is not 4:3"
    assert all(n == 2 if width == 390 else n >= 3 for _, _, n, *_ in cards), f"{path}: columns {cards[:1]}"
    if width == 390:
        row = max((w for *_, w, alone in cards if not alone), default=0) * 2
        assert all(beside and w >= row for _, _, _, beside, w, alone in cards if alone), f"{path}: a lone card {cards}"
    # A name in code (a column, a field) breaks only at an underscore, never inside a word.
    split_code = page.evaluate(
        """[...document.querySelectorAll('.md-typeset td code')].filter(c => c.offsetParent).flatMap(c => {
             const text = c.textContent, range = document.createRange(), out = [];
             let start = 0;
             for (const word of text.split('_')) {
               const nodeAt = (n, end) => { const w = document.createTreeWalker(c, NodeFilter.SHOW_TEXT);
                 let t, seen = 0;
                 while ((t = w.nextNode())) { if (n < seen + t.length + end) return [t, n - seen]; seen += t.length; } };
               if (word) {
                 range.setStart(...nodeAt(start, 0)); range.setEnd(...nodeAt(start + word.length, 1));
                 const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                 if (tops.size > 1) out.push(word);
               }
               start += word.length + 1;
             }
             return out; })"""
    )
    assert split_code == [], f"{path}: code split inside a word at {width}px: {split_code}"
    # A certificate, phone or date number never breaks at its hyphens ("예시-2013-" / "0002").
    split_numbers = page.evaluate(
        """(() => { const out = [], re = /(?:[\\w.가-힣]+-)*[\\w.가-힣]*\\d[\\w.가-힣]*(?:-[\\w.가-힣]+)+/g,
             walk = document.createTreeWalker(document.querySelector('.md-content'), NodeFilter.SHOW_TEXT);
           for (let t; (t = walk.nextNode());) {
             if (!t.parentElement.offsetParent || t.parentElement.closest('pre')) continue;
             for (const m of t.data.matchAll(re)) {
               const r = document.createRange(); r.setStart(t, m.index); r.setEnd(t, m.index + m[0].length);
               if (new Set([...r.getClientRects()].map(x => Math.round(x.top))).size > 1) out.push(m[0]);
             } }
           return out; })()"""
    )
    assert split_numbers == [], f"{path}: a number split at its hyphen at {width}px: {split_numbers}"
    # Buttons look like buttons, not underlined links; on a phone a row of them has no ragged edge.
    looks = page.evaluate(
        "[...document.querySelectorAll('.md-content .md-button')].filter(b => b.offsetParent)"
        ".map(b => getComputedStyle(b).textDecorationLine)"
    )
    assert set(looks) <= {"none"}, f"{path}: an underlined button at {width}px"
    if width == 390:
        ragged = page.evaluate(
            """[...document.querySelectorAll('.sc-actions')].filter(r => r.offsetParent).map(r =>
                 r.getBoundingClientRect().right
                 - Math.max(...[...r.querySelectorAll('.md-button')].map(b => b.getBoundingClientRect().right)))"""
        )
        assert all(d <= 1 for d in ragged), f"{path}: buttons short of the row's edge by {ragged}"
    # The page's title sits close to what it heads (material leaves 1.25em).
    gap = page.evaluate(
        "(s => parseFloat(s.marginBottom) / parseFloat(s.fontSize))(getComputedStyle(document.querySelector('.md-typeset h1')))"
    )
    assert gap <= 0.8, f"{path}: {gap:.2f}em under the title"


def test_the_quick_finder_shows_only_what_may_be_bought_directly_at_a_switch(site, tab):
    """바로찾기 is about seventeen phone screens: a switch leaves only the items that may be bought
    by sole-source contract, and drops a category (and its chip) with none."""
    page = tab(390, 844)
    page.goto(site + "procurement/")
    before = page.evaluate("document.documentElement.scrollHeight")
    page.check("#sc-eligible-only")
    shown = page.evaluate(
        "[...document.querySelectorAll('table.sc-quick tbody tr')].filter(r => r.offsetParent).map(r => r.textContent)"
    )
    assert len(shown) == 29 and all("수의계약 가능" in row for row in shown)
    assert not page.locator("#media").is_visible() and not page.locator('.sc-subnav a[href="#media"]').is_visible()
    assert page.evaluate("document.documentElement.scrollHeight") < before * 0.8
    page.uncheck("#sc-eligible-only")
    assert page.locator("#media").is_visible()
