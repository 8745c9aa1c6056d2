"""One product card and one grid on every page of the built site, and a menu that counts.

A second card markup (a list of photos linking to items, a card with its own classes, a grid of
another name) makes the site look like three shops; these checks read every built page."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

# The card's shape: each part named by its class, in this order (see macros.html card_frame).
CARD = [
    ("a", "sc-card__link", [("span", "sc-card__photo", []), ("span", "sc-card__title", [])]),
    ("span", "sc-card__maker", []),
    ("span", "sc-card__price", []),
    ("span", "sc-card__badges", []),
]


# What a card says about 수의계약: short enough for a card, "not eligible" stated, never blank.
CARD_VERDICTS = {"수의계약 가능", "수의계약 해당 없음", "수의계약 확인 중"}


def _shape(tag: Tag) -> list:
    return [
        (child.name, " ".join(child.get("class", [])), _shape(child) if child.name == "a" else [])
        for child in tag.find_all(recursive=False)
    ]


def _pages(site: Path):
    for path in sorted(site.rglob("*.html")):
        if "widget" not in path.parts:
            yield path.relative_to(site).as_posix(), BeautifulSoup(path.read_text("utf-8"), "html.parser")


def _check_cards(site: Path) -> int:
    cards = 0
    for url, soup in _pages(site):
        article = soup.select_one("article") or soup
        for card in article.select(".sc-card"):
            cards += 1
            assert card.name == "li" and card.parent.name == "ul", url
            assert card.parent.get("class") == ["sc-cards"], f"{url}: a card outside the one grid"
            assert _shape(card) == CARD, f"{url}: a card of another shape: {_shape(card)}"
            assert card.select_one(".sc-card__photo img, .sc-card__photo .sc-card__nophoto"), url
            if "/items/" in "/" + card.a["href"].lstrip("./"):
                # Every product card states its 수의계약 verdict in a short label, "해당 없음" included.
                verdicts = [
                    b.get_text(strip=True) for b in card.select(".sc-badge--ok, .sc-badge--no, .sc-badge--pending")
                ]
                assert len(verdicts) == 1 and verdicts[0] in CARD_VERDICTS, f"{url}: {verdicts}"
                seen = verdicts[0].split()
                assert len(seen) == len(set(seen)), f"{url}: a word twice in {verdicts[0]}"
        for grid in article.select("ul.sc-cards"):
            # cards, and at most one tile closing the row that leads to the whole list
            kinds = [li.get("class", []) for li in grid.find_all("li", recursive=False)]
            assert all("sc-card" in k for k in kinds[:-1]) and kinds[-1] in (["sc-card"], ["sc-more-tile"]), url
        # A photo that links to a product or a bundle is a card's photo, nowhere else.
        for img in article.select('a[href*="items/"] img, a[href*="bundles/"] img'):
            assert img.find_parent(class_="sc-card__photo") is not None, f"{url}: a second kind of product card"
        stray = {c for el in article.select("[class*=card]") for c in el["class"] if "card" in c}
        assert stray <= {
            "sc-cards",
            "sc-card",
            *(cls for _, cls, _ in CARD),
            "sc-card__photo",
            "sc-card__title",
            "sc-card__img",
            "sc-card__nophoto",
            "sc-card__unit",
            "sc-card__ask",
            "sc-cardnews",
            "sc-cardnews__alt",
            "sc-cardnews__label",
        }, f"{url}: {stray}"
    return cards


def test_every_product_card_has_one_shape_in_one_grid(sample_site):
    cards = _check_cards(sample_site)
    assert cards > 43  # every item on its category and enterprise pages, the new ones and the bundles
    home = BeautifulSoup((sample_site / "index.html").read_text("utf-8"), "html.parser")
    bundles = [c for c in home.select(".sc-card") if "bundles/" in c.a["href"]]
    assert bundles and all(c.select_one(".sc-card__price strong, .sc-card__price .sc-card__ask") for c in bundles)
    # an amount is set strong, "가격 협의" in plain words (as large and bold, it read as a price)
    asks = [c.select_one(".sc-card__price") for c in home.select(".sc-card") if "협의" in c.get_text()]
    assert asks and all(p.strong is None and p.select_one(".sc-card__ask") for p in asks)


def test_cards_of_a_network_without_photos_keep_their_shape(fixture_site):
    assert _check_cards(fixture_site) > 0


@pytest.mark.parametrize("site_name", ["sample_site", "fixture_site"])
def test_the_menu_counts_each_category_as_the_home_page_does(site_name, request):
    site = request.getfixturevalue(site_name)
    home = BeautifulSoup((site / "index.html").read_text("utf-8"), "html.parser")
    tiles = {t.select_one(".sc-tile__name").text: t.select_one(".sc-tile__count").text for t in home.select(".sc-tile")}
    # (the menu of the categories' own section: the home page's lists the sections, as its tabs)
    first = next(iter(sorted((site / "categories").glob("*/index.html"))))
    menu = BeautifulSoup(first.read_text("utf-8"), "html.parser").select_one("nav.md-nav--primary")
    counted = {
        a.select_one(".md-typeset").contents[0].strip(): a.select_one(".sc-nav-count").text
        for a in menu.select("a.md-nav__link")
        if a.select_one(".sc-nav-count")
    }
    assert counted and counted == {name: count for name, count in tiles.items()}
    # the page's own title stays the bare name
    food = next(iter(sorted((site / "categories").glob("*/index.html"))))
    title = BeautifulSoup(food.read_text("utf-8"), "html.parser").title.text
    assert "sc-nav-count" not in title and "개" not in title.split(" - ")[0]


@pytest.mark.parametrize("site_name", ["sample_site", "fixture_site"])
def test_category_pages_fold_their_conditions_and_jump_to_subcategories(site_name, request):
    """The conditions sit in one native fold with the live count outside it; a category of two or
    more subcategories starts with one jump link per subcategory, counting its cards."""
    site = request.getfixturevalue(site_name)
    with_chips = 0
    for page in sorted((site / "categories").glob("*/index.html")):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        article = soup.select_one("article")
        form = article.select_one("form[data-sc-filters]")
        fold = form.select_one("details.sc-filters__fold")
        assert fold is not None and fold.has_attr("open") and fold.parent is form, page
        assert fold.summary.get_text(" ", strip=True).startswith("조건으로 좁히기"), page
        status = form.select_one(".sc-filters__status[role=status]")
        assert status is not None and fold not in status.parents, f"{page}: the count is folded away"
        sections = [s for s in article.select("section.sc-section") if s.find("h2")]
        chips = article.select("nav.sc-subnav a")
        if len(sections) < 2:
            assert not chips, page
            continue
        with_chips += 1
        assert article.select_one("nav.sc-subnav").find_next("form") is form, "the jump links come first"
        assert [a["href"] for a in chips] == ["#" + s.find("h2")["id"] for s in sections], page
        counts = [a.select_one(".sc-subnav__count").get_text(strip=True) for a in chips]
        assert counts == [f"{len(s.select('.sc-card'))}개" for s in sections], page
    assert with_chips, "no category page with subcategories was checked"


@pytest.mark.parametrize("site_name", ["sample_site", "fixture_site"])
def test_the_enterprise_list_is_one_row_per_enterprise_with_its_verdict(site_name, request):
    soup = BeautifulSoup(
        (request.getfixturevalue(site_name) / "enterprises" / "index.html").read_text("utf-8"), "html.parser"
    )
    rows = soup.select("article ul.sc-ents > li")
    assert rows
    for row in rows:
        name = row.find(True)
        assert name.name == "a" and "sc-ents__name" in name["class"] and name.get_text(strip=True), row
        verdicts = [b.get_text(strip=True) for b in row.select(".sc-badge--ok, .sc-badge--no, .sc-badge--pending")]
        assert len(verdicts) == 1 and verdicts[0] in {"수의계약 가능", "수의계약 해당 없음", "수의계약 확인 중"}, row
    if site_name == "sample_site":  # each with its photo and how many items it offers (a text-only directory)
        from helpers import ROOT
        from secatalog.read.project import load_project
        from secatalog.settings import Settings

        catalog = load_project(Settings(ROOT))
        counts = {e.record.name: len(catalog.by_enterprise.get(e.slug, ())) for e in catalog.enterprises}
        for row in rows:
            name = row.select_one(".sc-ents__name").get_text(strip=True)
            assert row.select_one(".sc-ents__photo img") is not None, name
            assert row.select_one(".sc-ents__count").get_text(strip=True) == f"제품·서비스 {counts[name]}개", name


@pytest.mark.parametrize("site_name", ["sample_site", "fixture_site"])
def test_an_item_page_offers_what_to_do_next_beside_its_facts(site_name, request):
    """견적 메일, 전화 and 품목 확인서 stand with the price and terms, not a screen below the story;
    the price is the emphasised figure."""
    site = request.getfixturevalue(site_name)
    pages = sorted((site / "items").glob("*/*/index.html"))
    assert pages
    for page in pages:
        facts = BeautifulSoup(page.read_text("utf-8"), "html.parser").select_one(".sc-item__facts")
        assert facts.select_one(".sc-actions a[href$='.pdf']") is not None, page
        assert facts.select_one(".sc-item__price") is not None, page


@pytest.mark.parametrize("site_name", ["sample_site", "fixture_site"])
def test_the_quick_finder_jumps_to_each_category_and_says_a_claims_status_once(site_name, request):
    """바로찾기 is one long table per category: a link to each, and a row names the members' own
    (unconfirmed) certificates together with their status once, not after each one."""
    site = request.getfixturevalue(site_name)
    soup = BeautifulSoup((site / "procurement/index.html").read_text("utf-8"), "html.parser")
    headings = [h["id"] for h in soup.select("article h2[id]")]
    links = [a["href"] for a in soup.select(".sc-subnav a")]
    assert headings and links == [f"#{h}" for h in headings]
    for cell in soup.select('td[data-label="인증"]'):
        assert cell.get_text().count("미확인") <= 1, cell.get_text()


def test_an_item_page_offers_its_makers_other_items_then_its_categorys(sample_site):
    """A buyer often orders two things at once: an item page ends with its maker's other items
    as cards, not itself, topped up to a row of four with its category's other items (two cards
    in a row of four left half of it empty); the heading says which they are."""
    soup = BeautifulSoup(
        (sample_site / "items/barun-bapsang/local-lunchbox/index.html").read_text("utf-8"), "html.parser"
    )
    section = soup.select_one("#more").parent
    assert section.h2.get_text() == "같은 기업·같은 분류의 다른 제품·서비스"
    cards = section.select(".sc-cards > li")
    makers = [c.select_one(".sc-card__maker").get_text(strip=True) for c in cards]
    names = " ".join(c.get_text(" ", strip=True) for c in cards)
    assert len(cards) == 4 and "로컬푸드 도시락" not in names
    assert "어르신 손맛 김치" in names and "행사 뷔페 케이터링" in names
    own = [m == makers[0] for m in makers]
    assert own == sorted(own, reverse=True) and not all(own)  # the maker's own first, then others
    food = (sample_site / "categories/food/index.html").read_text("utf-8")
    for card in cards:  # every card is of the page's category
        assert card.a["href"].replace("../../../", "../../") in food, card.a["href"]


@pytest.mark.parametrize("site_name", ["sample_site", "fixture_site"])
def test_an_enterprise_page_says_where_it_stands(site_name, request):
    """An item page had a trail to its category, an enterprise page none: it leads back to the
    enterprises' list and to its own organisation type's section there."""
    site = request.getfixturevalue(site_name)
    listing = BeautifulSoup((site / "enterprises/index.html").read_text("utf-8"), "html.parser")
    sections = {h["id"]: h.get_text() for h in listing.select("article h2[id]")}
    pages = sorted((site / "enterprises").glob("*/index.html"))
    assert pages
    for page in pages:
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        links = soup.select(".sc-crumbs a")
        assert [a["href"].split("#")[0] for a in links] == ["../../enterprises/"] * 2, page
        section = links[1]["href"].split("#")[1]
        assert sections[section].startswith(links[1].get_text()), page


def test_the_long_listing_pages_jump_to_their_sections(sample_site):
    """기업 찾기 and the case book's index are many phone screens long with no way down but
    scrolling: like a category and 바로찾기, each has chips to its sections (the organisation
    types, the sectors), each chip's count the number of entries under it."""
    for page, heading in (("enterprises/index.html", "h2"), ("casebook/index.html", "h3")):
        soup = BeautifulSoup((sample_site / page).read_text("utf-8"), "html.parser")
        chips = soup.select(".sc-subnav a")
        assert len(chips) > 1, page
        for chip in chips:
            target = soup.find(id=chip["href"][1:])
            assert target is not None and target.name == heading, (page, chip["href"])
            count = int(chip.select_one(".sc-subnav__count").contents[0])
            listed = target.find_next(["ul"]).find_all("li", recursive=False)
            assert count == len(listed) > 0, (page, chip.get_text())


@pytest.mark.parametrize("site_name", ["sample_site", "fixture_site"])
def test_every_download_on_the_home_page_has_the_same_foot(site_name, request):
    """Some downloads' feet were links to the printer's file and others plain words, and a phone
    (which hides the printer's link) left the books with none: each says what its file is, a
    book's then links its printer's file; only a PDF wears the PDF badge."""
    soup = BeautifulSoup((request.getfixturevalue(site_name) / "index.html").read_text("utf-8"), "html.parser")
    downloads = soup.select("ul.sc-downloads > li")
    assert downloads
    for li in downloads:
        foot = li.select_one("p.sc-downloads__alt")
        words = foot.find(string=True, recursive=False)
        assert words and words.strip(), li.strong.get_text()
        printer = foot.select_one(".sc-downloads__printer a")
        main = li.select_one("a.sc-downloads__main")["href"]
        assert (printer is not None) == main.endswith("-screen.pdf"), main
        if printer is not None:
            assert printer["href"] == main.replace("-screen.pdf", "-print.pdf")
        kind = li.select_one(".sc-downloads__kind").get_text()
        assert ("sc-downloads__kind--png" in li.select_one(".sc-downloads__kind")["class"]) == (kind == "PNG")


def test_the_bundles_page_says_what_each_bundle_holds(sample_site):
    """Three bare cards said nothing of what a bundle holds: each bundle now shows its price, its
    parts with their makers and how many of them may be bought directly."""
    page = " ".join((sample_site / "bundles/index.html").read_text("utf-8").split())
    assert "49,000원 / 1상자" in page and "구성 3가지 중 2가지 가능" in page
    # each part a row of a list with its maker and verdict, not one run-on sentence
    soup = BeautifulSoup(page, "html.parser")
    rice = next(li for li in soup.select("ul.sc-parts > li") if li.a.get_text() == "친환경 쌀")
    assert rice.select_one(".sc-parts__maker").get_text() == "두레농장 마을기업 (예시)"
    assert rice.select_one(".sc-badge").get_text() == "수의계약 해당 없음"


def test_the_homes_bundles_fill_their_row_with_a_tile_to_them_all(sample_site):
    """Three bundles left a four-column row a quarter empty: the row closes on a tile that leads to
    every bundle and says how many there are."""
    from secatalog.read.project import load_project
    from secatalog.settings import Settings

    catalog = load_project(Settings(Path(__file__).resolve().parents[1]))
    home = BeautifulSoup((sample_site / "index.html").read_text("utf-8"), "html.parser")
    row = home.find("h2", id="bundles").find_next("ul", class_="sc-cards")
    items = row.find_all("li", recursive=False)
    assert len(catalog.bundles) == 3 and len(items) == 4
    tile = items[-1]
    assert tile["class"] == ["sc-more-tile"] and tile.a["href"] == "./bundles/"
    assert f"꾸러미 {len(catalog.bundles)}가지" in tile.get_text()


def test_the_home_shows_the_newest_cases_and_a_tile_to_the_case_book(sample_site, fixture_site):
    """A buyer trusts a colleague's purchase before a catalog's claims: the home had no case."""
    home = BeautifulSoup((sample_site / "index.html").read_text("utf-8"), "html.parser")
    row = home.find("h2", id="cases").find_next("ul", class_="sc-cards")
    items = row.find_all("li", recursive=False)
    assert len(items) == 4 and items[-1]["class"] == ["sc-more-tile"] and items[-1].a["href"] == "./casebook/"
    assert all(li.a["href"].startswith("./casebook/") for li in items[:3])
    assert "8건" in items[-1].get_text()
    # another network's row holds its own cases, however few
    other = BeautifulSoup((fixture_site / "index.html").read_text("utf-8"), "html.parser")
    cards = other.find("h2", id="cases").find_next("ul", class_="sc-cards").find_all("li", recursive=False)
    assert 2 <= len(cards) <= 4 and cards[-1]["class"] == ["sc-more-tile"]
