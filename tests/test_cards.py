"""Card news: a square 1080 x 1080 PNG per category with items, per bundle and per case, whose
text is the item's, listed on a page with the text to paste as the image description."""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image

from secatalog.read.project import load_project
from secatalog.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def test_one_square_card_per_category_bundle_and_case(sample_site):
    catalog = load_project(Settings(ROOT))
    index = json.loads((sample_site / "cards/cards.json").read_text("utf-8"))
    names = {c["name"] for c in index["cards"]}
    expected = {f"category-{c.id}" for c, items in catalog.by_category if items}
    expected |= {f"bundle-{b.slug}" for b in catalog.bundles} | {f"case-{c.slug}" for c in catalog.casebook.cases}
    # and the two series' covers and their shared closing card
    assert names == expected | {"cover-products", "cover-cases", "howto"} and len(expected) == 23
    from secatalog.pdf.html import category_tab

    def rgb(hex_colour: str) -> tuple[int, ...]:
        return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))

    # the band in the network's colour; a category's in its colour in the book (23 navy cards read
    # as one card in a feed)
    bands = {f"category-{c.id}": rgb(category_tab(catalog, c)["tab_colour"]) for c in catalog.taxonomy.categories}
    for card in index["cards"]:
        image = Image.open(sample_site / "cards" / card["file"]).convert("RGB")
        assert image.size == (1080, 1080)
        if not card["name"].startswith("case-"):  # (a case opens with its picture across the card)
            assert image.getpixel((20, 20)) == bands.get(card["name"], rgb(catalog.network.colour)), card["name"]
        assert len(image.getcolors(1 << 20)) > 50  # text and a photo were drawn, not a blank square
    assert len({bands[c["name"]] for c in index["cards"] if c["name"] in bands}) >= 10


def test_card_text_is_its_items_and_the_page_offers_it(sample_site):
    cards = {c["name"]: c for c in json.loads((sample_site / "cards/cards.json").read_text("utf-8"))["cards"]}
    food = cards["category-food"]
    assert food["title"] == "먹을거리" and food["url"] == "https://catalog.example.org/categories/food/"
    # the items a buyer may buy directly first, and how many more the card does not list
    # three rows, large enough to read in a feed
    assert food["lines"][0] == "어르신 손맛 김치 · 25,000원/3kg" and len(food["lines"]) == 3 and food["more"] == 3
    case = cards["case-meeting-lunchbox"]
    assert case["kicker"] == "공공구매 사례 · 예시시청"
    assert case["hero"] == "연간 1,380개 납품, 배달 지연 0건"  # the headline, set apart
    assert case["lines"][0] == "만족도 조사 4.6점 (5점 만점)"
    assert case["lead"] == "로컬푸드 도시락 · 바른밥상협동조합 (예시)"  # whom the agency bought from, under the title
    # the alt text in sentences, not facts run together
    assert "배달 지연 0건. 만족도 조사 4.6점 (5점 만점)." in case["alt"]
    bundle = cards["bundle-holiday-local"]  # what it costs and every part (the card said 3 and listed 2)
    assert bundle["kicker"].startswith("꾸러미 · ") and "·" not in bundle["kicker"][len("꾸러미 · ") :]
    assert bundle["lead"] == "꾸러미 가격 49,000원 / 1상자"  # under its name, in the band
    assert bundle["lines"] == [
        "친환경 쌀 · 두레농장 마을기업 (예시)",
        "갯마을 해산물 선물세트 · 바다빛여행 마을기업 (예시)",
        "비누 선물세트 · 함께비누 자활기업 (예시)",
    ]
    assert bundle["more"] == 0 and cards["bundle-meeting-kit"]["lead"] == "꾸러미 가격 협의"
    page = (sample_site / "cards/index.html").read_text("utf-8")
    assert f'alt="{food["alt"]}"' in page and 'href="../cards/category-food.png" download' in page
    # Buttons, not file names, with the description one click from the clipboard.
    assert 'class="md-button md-button--primary" href="../cards/category-food.png" download' in page
    assert 'data-sc-copy="alt-category-food"' in page and 'id="alt-category-food"' in page
    assert 'href="./cards/"' in (sample_site / "index.html").read_text("utf-8")


def test_each_card_says_what_a_buyer_may_buy_directly_above_a_readable_address(sample_site):
    """The cards showed no eligibility and left a short list's card half empty, with the address at
    26 px (about 9 px in a feed). Each card now sets apart how many of its items may be bought
    directly (or, for a case, how the agency bought), in the same place above its foot."""
    catalog = load_project(Settings(ROOT))
    cards = {c["name"]: c for c in json.loads((sample_site / "cards/cards.json").read_text("utf-8"))["cards"]}
    for category, items in catalog.by_category:
        if items:
            eligible = sum(1 for i in items if i.eligibility.eligible)
            # "0개 수의계약 가능" in a green stamp was off-message: a category with none says its count
            expected = (
                (
                    f"품목 {len(items)}개 모두 수의계약 가능"
                    if eligible == len(items)
                    else f"품목 {len(items)}개 중 {eligible}개 수의계약 가능"
                )
                if eligible
                else f"제품·서비스 {len(items)}개"
            )
            assert cards[f"category-{category.id}"]["note"] == expected
            assert cards[f"category-{category.id}"]["note_ok"] == bool(eligible)
    assert any(not card["note_ok"] for card in cards.values()), "the sample has no such category: nothing checked"
    for bundle in catalog.bundles:
        assert cards[f"bundle-{bundle.slug}"]["note"].startswith(f"구성 {len(bundle.items)}가지")
    # a case says how the agency bought in a tag on its panel (its picture took the note's room)
    assert cards["case-meeting-lunchbox"]["tag"] == "수의계약" and not cards["case-meeting-lunchbox"]["note"]
    assert "수의계약으로 구매: 로컬푸드 도시락" in cards["case-meeting-lunchbox"]["alt"]
    brand = tuple(int(catalog.network.colour[i : i + 2], 16) for i in (1, 3, 5))
    for card in (c for c in cards.values() if c["note"]):
        image = Image.open(sample_site / "cards" / card["file"]).convert("RGB")
        band = image.crop((60, 740, 1020, 880))  # above the foot: the note's frame, green when good news
        frame = (0x1B, 0x5E, 0x20) if card["note_ok"] else brand
        drawn = sum(n for n, (r, g, b) in band.getcolors(1 << 20) if (r, g, b) == frame)
        assert drawn > 500, card["name"]


def test_families_wear_their_accent_and_lead_with_photos_or_a_headline_figure(sample_site):
    """The review found one navy template for all three families, a case's key number no larger
    than its other lines, and short lists leaving half a card empty. A strip under the band says
    the family (amber bundles, green cases); a case's first result is set with figures about
    100 px tall; a category's items are a product list with photos, rows as tall as the room."""
    cards = {c["name"]: c for c in json.loads((sample_site / "cards/cards.json").read_text("utf-8"))["cards"]}

    from secatalog.pdf.cards import CASE_HEAD_H

    def strip(name, y=407):
        return Image.open(sample_site / "cards" / f"{name}.png").convert("RGB").getpixel((20, y))

    assert strip("bundle-holiday-local") == (0xFF, 0xCA, 0x28)
    assert strip("case-meeting-lunchbox", CASE_HEAD_H + 7) == (0x81, 0xC7, 0x84)
    assert strip("category-food") not in {(0xFF, 0xCA, 0x28), (0x81, 0xC7, 0x84)}
    colour = load_project(Settings(ROOT)).network.colour
    brand = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    for name in (n for n in cards if n.startswith("case-")):
        image = Image.open(sample_site / "cards" / f"{name}.png").convert("RGB")
        rows = [
            y for y in range(CASE_HEAD_H + 20, 860) if any(image.getpixel((x, y)) == brand for x in range(80, 1000, 2))
        ]
        runs, start = [], rows[0]
        for a, b in zip(rows, [*rows[1:], 10_000], strict=True):
            if b != a + 1:
                runs.append(a - start + 1)
                start = b
        assert max(runs) >= 70, (name, runs)  # the figures' glyphs, not 38 px text
    for name in ("category-care", "category-food"):  # two items and six (four shown)
        image = Image.open(sample_site / "cards" / f"{name}.png").convert("RGB")
        thumbs = image.crop((80, 480, 160, 800))
        assert len(thumbs.getcolors(1 << 16)) > 100, name  # photos beside the names, not blank
        # the list reaches down to the note: no empty half card under a short list
        text = image.crop((300, 700, 1000, 800)).convert("L")
        assert text.getextrema()[0] < 100, name


def test_band_text_sits_in_the_bands_middle_with_even_lines(sample_site):
    """Short titles sat at the band's top over an empty half (WeasyPrint ignored the table cell
    meant to centre them), and titles ended with one word alone. The band's white text (tag,
    title, the category's description: whatever is not the band's colour) is centred on the band;
    lines are set even."""
    from secatalog.pdf.cards import BAND_H, BAND_TOP

    middle = BAND_TOP + BAND_H / 2
    colour = load_project(Settings(ROOT)).network.colour
    brand = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    cards = json.loads((sample_site / "cards/cards.json").read_text("utf-8"))["cards"]
    for card in cards:
        if card["name"].startswith("case-"):
            continue  # its title stands on its picture's foot (test_each_family_has_its_own_layout)
        image = Image.open(sample_site / "cards" / card["file"]).convert("RGB")
        ink = [y for y in range(10, 398) if any(image.getpixel((x, y)) != brand for x in range(80, 600, 3))]
        assert abs((ink[0] + ink[-1]) / 2 - middle) < 30, (card["name"], ink[0], ink[-1])
    leads = {c["name"]: c["lead"] for c in cards}
    assert leads["category-food"] == "농산물, 가공식품, 도시락과 케이터링"


def test_titles_break_into_even_lines_and_clauses():
    from secatalog.pdf.cards import band_plan
    from secatalog.pdf.fit import balanced_lines

    # a one-syllable word stays with the next ('한 번에'), the last line is not one word
    assert balanced_lines("회의·교육 한 번에 꾸러미", 9) == ["회의·교육", "한\u00a0번에 꾸러미"]
    assert balanced_lines("회의 도시락을 바꾸니 어르신 일자리가 생겼다", 8.5) == [
        "회의 도시락을",
        "바꾸니 어르신",
        "일자리가 생겼다",
    ]
    assert balanced_lines("예시시 명절 꾸러미", 20) == ["예시시 명절 꾸러미"]
    # a title of two clauses takes a line each, a little smaller, rather than three ragged lines
    band = band_plan(30, "중학교 진로 체험, 마을 협동조합이 맡다", "", 490, 58)
    assert band.title == ["중학교 진로 체험,", "마을 협동조합이 맡다"] and 49 <= band.title_px < 58


def test_a_case_headline_sets_one_number_large():
    """ "20학급 560명" set both large read as one number: the first figure is the headline, the
    later ones keep the words' size."""
    from secatalog.pdf.cards import hero_runs

    assert hero_runs("20학급 560명 참여") == [
        ("20학급", True, True),
        (" ", False, False),
        ("560명", False, True),
        (" 참여", False, False),
    ]
    assert [run for run, big, _ in hero_runs("연간 1,380개 납품, 배달 지연 0건") if big] == ["1,380개"]
    # a change is told by its result ("공연 12회에서 24회로" set 12 large), its figures whole
    # and their particles outside them (it read "24회로", and "12")
    assert [(run, big) for run, big, figure in hero_runs("공연 12회에서 24회로") if figure] == [
        ("12회", False),
        ("24회", True),
    ]
    assert [run for run, big, _ in hero_runs("민원 연 42건에서 19건으로") if big] == ["19건"]
    assert [run for run, big, _ in hero_runs("발송 1,200통 → 840통") if big] == ["840통"]


def test_each_family_has_its_own_layout(sample_site):
    """One template for 23 cards read as a feed of the same card. A case opens with its picture
    across the card and its title in white on a panel of the network's colour under it (on the
    picture's darkened foot the title covered faces); a bundle shows its parts
    as tiles side by side (photos in one row); a category keeps its band and product list."""
    from secatalog.pdf.cards import CASE_HEAD_H, CASE_PICTURE_H

    colour = load_project(Settings(ROOT)).network.colour
    brand = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))

    def photo_columns(image, top, bottom):
        """x ranges (in 40 px steps) where the band between top and bottom holds many colours."""
        return [
            x for x in range(80, 1000, 40) if len(image.crop((x, top, x + 40, bottom)).getcolors(1 << 16) or []) > 12
        ]

    for name in ("case-meeting-lunchbox", "case-career-class"):
        image = Image.open(sample_site / "cards" / f"{name}.png").convert("RGB")
        # the picture across the card's top, where the other families have their band
        assert sum(image.getpixel((x, 100)) == brand for x in range(0, 1080, 4)) < 10, name
        # under the picture a panel of the network's colour, the title in white on it
        assert image.getpixel((1060, CASE_PICTURE_H + 8)) == brand, name
        assert image.getpixel((1060, CASE_PICTURE_H - 8)) != brand, name
        white = [y for y in range(CASE_HEAD_H - 250, CASE_HEAD_H) if (255, 255, 255) in
                 [image.getpixel((x, y)) for x in range(80, 700, 2)]]  # fmt: skip
        assert white and CASE_HEAD_H - 120 < white[-1] < CASE_HEAD_H - 20, (name, white[-1:])
    for name in ("bundle-holiday-local", "bundle-green-office"):
        image = Image.open(sample_site / "cards" / f"{name}.png").convert("RGB")
        columns = photo_columns(image, 460, 560)
        assert columns[0] < 200 and columns[-1] > 800, (name, columns)  # three photos across
    image = Image.open(sample_site / "cards" / "category-food.png").convert("RGB")
    assert image.getpixel((20, 20)) != (255, 255, 255)  # a category's band (its list: test_families_wear_their_accent…)


def test_secondary_lines_stay_readable_in_a_feed():
    """Makers and addresses were fitted down to 22 px (about 8 px in a feed): they keep at least
    28 px, breaking onto a second line instead."""
    from secatalog.pdf.cards import SMALLEST_PX, foot_plan, tile_plan

    foot = foot_plan(
        "가나다라마바사 지역사회적경제 연대협의회", "catalog.example-network.or.kr/social-economy", 920, True
    )
    assert foot.address_px >= SMALLEST_PX and not foot.one_line  # a long name and address: one under the other
    short = foot_plan("예시사회적경제네트워크", "catalog.example.org", 920, True)
    assert short.one_line and short.address_px == 28
    assert short.note_bottom < foot.note_bottom  # the note stands above a taller foot
    assert short.note_bottom < 180  # the foot keeps to a sixth of the card (two lines of address made it 18%)
    tiles = tile_plan(["아주 긴 이름의 친환경 사무용품 꾸러미 세트 · 가나다라마바 사회적협동조합 (예시)"] * 3, 800)
    assert tiles.name_px >= SMALLEST_PX and tiles.maker_px >= SMALLEST_PX
    assert tiles.photo_h > 100


def test_a_category_cards_band_photo_is_not_one_of_its_list_thumbnails():
    """Every category card showed one product twice, in the band and in the list beside it."""
    from secatalog.data.card_news import cards

    made = [c for c in cards(load_project(Settings(ROOT))) if c.family == "category"]
    listed_whole = [c for c in made if not c.more]
    assert len(made) - len(listed_whole) >= 5, "the sample has categories with more items than a card lists"
    for card in made:
        if card.more:
            assert card.photo is not None and card.photo not in card.thumbs, card.name


def test_a_case_cards_picture_is_as_sharp_as_its_photo(sample_site):
    """The case card draws its picture 1080 px wide: made from the 960 px screen photo scaled up,
    it kept about 60 % of the photo's edges and read as blurred in a feed."""
    from PIL import ImageFilter, ImageStat

    from secatalog.pdf.cards import CASE_PICTURE_H

    def edges(image) -> float:
        return ImageStat.Stat(image.filter(ImageFilter.FIND_EDGES)).mean[0]

    from PIL import ImageChops

    source = Image.open(ROOT / "casebook" / "cases" / "meeting-lunchbox.jpg").convert("L")
    height = round(source.height * 1080 / source.width)  # object-fit: cover
    scaled = source.resize((1080, height), Image.Resampling.LANCZOS)

    def strip(share: float):
        top = round((height - CASE_PICTURE_H) * share)
        return scaled.crop((0, top, 1080, top + CASE_PICTURE_H))

    card = Image.open(sample_site / "cards" / "case-meeting-lunchbox.png").convert("L")
    drawn = card.crop((0, 0, 1080, CASE_PICTURE_H))
    assert edges(drawn) > 0.8 * edges(strip(0.3))

    # the strip keeps the photo's upper part, where people's heads are (centred, it cut them at the brow)
    def off(share: float) -> float:
        return ImageStat.Stat(ImageChops.difference(drawn, strip(share))).mean[0]

    assert off(0.3) < off(0.5), (off(0.3), off(0.5))


def test_a_category_card_of_two_items_fills_its_room(sample_site):
    """Two rows capped at 140 px stood in the middle of the room under the band, a white gap above
    and below them: they grow, photos and type, until they fill it."""
    index = json.loads((sample_site / "cards/cards.json").read_text("utf-8"))["cards"]
    twos = [c for c in index if c["name"].startswith("category-") and len(c["lines"]) == 2]
    assert twos
    for card in twos:
        image = Image.open(sample_site / "cards" / card["file"]).convert("L")
        # the room runs from under the band (its strip ends about 440 px down) to the verdict's chip
        white, longest = 0, 0
        for y in range(445, 800):
            row = [image.getpixel((x, y)) for x in range(40, 1040, 4)]
            white = white + 1 if min(row) > 245 else 0
            longest = max(longest, white)
        assert longest < 40, (card["name"], longest)


def test_a_case_card_says_its_route_on_its_panel_and_its_headline_clears_the_foot(sample_site):
    """The review found the picture cut to a 340 px strip and the route chip crowding the headline.
    The route is an outlined tag beside the kicker, the picture is taller, and the headline figures
    are sized to the room above the foot, keeping a line for the case's next result."""
    from secatalog.pdf.cards import CASE_HEAD_H, CASE_PICTURE_H

    colour = load_project(Settings(ROOT)).network.colour
    brand = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    index = json.loads((sample_site / "cards/cards.json").read_text("utf-8"))["cards"]
    cases = [c for c in index if c["name"].startswith("case-")]
    assert CASE_PICTURE_H >= 380
    for card in cases:
        image = Image.open(sample_site / "cards" / card["file"]).convert("RGB")
        # the tag's white outline on the panel, right of the kicker's green
        panel = image.crop((400, CASE_PICTURE_H, 1000, CASE_HEAD_H - 150))
        assert sum(n for n, c in panel.getcolors(1 << 20) if c == (255, 255, 255)) > 300, card["name"]
        # the foot's rule: the first row under the strip drawn across in the network's colour
        rule = next(
            y
            for y in range(CASE_HEAD_H + 20, 1080)
            if sum(image.getpixel((x, y)) == brand for x in range(100, 980, 10)) > 80
        )
        inked = [
            y for y in range(CASE_HEAD_H + 20, rule) if any(image.getpixel((x, y)) == brand for x in range(80, 1000, 2))
        ]
        assert inked, card["name"]
        assert rule - inked[-1] >= 16, (card["name"], rule, inked[-1])  # the figures stop short of the rule
        assert inked[-1] - inked[0] >= 60, card["name"]  # and are still set large
        # the next result under the headline (a 104 px headline left it no room: one line in white)
        runs = 1 + sum(1 for a, b in zip(inked, inked[1:], strict=False) if b - a > 10)
        assert runs >= 2 if card["lines"] else runs >= 1, (card["name"], runs)


def test_each_series_is_one_zip_in_order_with_a_cover_the_cards_and_how_to_buy(sample_site):
    """A review read single cards as ads, not news: a series is posted as one carousel, its cover
    saying what it holds in figures, the cards in order, how to buy at the end, and the post's
    text with every image's description, all in one ZIP whose numbers keep the upload's order."""
    import zipfile

    catalog = load_project(Settings(ROOT))
    index = json.loads((sample_site / "cards/cards.json").read_text("utf-8"))
    cards = {c["name"]: c for c in index["cards"]}
    sets = {s["name"]: s for s in index["series"]}
    assert set(sets) == {"products", "cases"}
    for s in sets.values():
        files = s["files"]
        assert files[0] == f"cover-{s['name']}.png" and files[-1] == "howto.png" and len(files) == 10
        with zipfile.ZipFile(sample_site / "cards" / s["zip"]) as archive:
            names = archive.namelist()
            assert names == [f"{n:02d}-{f}" for n, f in enumerate(files, 1)] + ["게시글.txt", "이미지설명.txt"]
            assert archive.read(names[0]) == (sample_site / "cards" / files[0]).read_bytes()  # the cover
            # each later card says its place in the set ("2/10") in a white pill at its top right,
            # the rest of it the single card's own
            import io

            from PIL import Image, ImageChops

            numbered = Image.open(io.BytesIO(archive.read(names[1]))).convert("RGB")
            single = Image.open(sample_site / "cards" / files[1]).convert("RGB")
            changed = ImageChops.difference(numbered, single).getbbox()
            w = single.width
            assert changed and changed[0] > w * 0.75 and changed[3] < w * 0.12, changed
            caption = archive.read("게시글.txt").decode("utf-8")
            alts = archive.read("이미지설명.txt").decode("utf-8")
        assert caption == s["caption"] and catalog.network.site_url in caption
        assert f"#{catalog.network.city}" in caption  # the network's own city, not the sample's by name
        # written as a post: a hook, three short lines, the profile's link, hashtags; no alt texts
        paragraphs = caption.strip().split("\n\n")
        assert len(paragraphs) == 4 and len(paragraphs[1].splitlines()) == 3, paragraphs
        assert "프로필 링크" in paragraphs[2] and paragraphs[3].startswith("#")
        assert "[이미지 설명]" not in caption and max(len(line) for line in caption.splitlines()) <= 90
        # every image's description by its number in its own text, as a platform takes one per image
        for n, f in enumerate(files, 1):
            assert f"\n{n}. {cards[f[:-4]]['alt']}" in alts
    # the products series opens on the categories with most items a buyer may buy directly
    direct = {
        f"category-{c.id}": sum(i.eligibility.eligible for i in items) for c, items in catalog.by_category if items
    }
    shown = [direct[f[:-4]] for f in sets["products"]["files"][1:-1]]
    assert shown == sorted(shown, reverse=True) and shown[0] == max(direct.values())
    cover = cards["cover-products"]
    # the cover says what this set holds and why (it had promised all twelve fields, then apologised)
    assert cover["lead"] == f"수의계약 품목이 많은 {len(shown)}개 분야를 골랐습니다" and len(direct) > len(shown)
    assert cover["lines"] == [
        f"품목 {len(catalog.items)}개",
        f"수의계약 가능 {len(catalog.eligible_items)}개",
        f"참여 기업 {len({i.enterprise.slug for i in catalog.items})}곳",
    ]
    # the closing card names the secretariat's phone and the rules' own limit
    howto = cards["howto"]
    assert howto["note"] == f"문의 사무국 {catalog.network.contact.phone}"
    assert howto["lines"][2] == "수의계약으로 구매 · 추정가격 5,000만원 이하"
    # the cover is drawn: its band in the network's colour over four photos
    image = Image.open(sample_site / "cards/cover-products.png").convert("RGB")
    colour = catalog.network.colour
    assert image.getpixel((20, 20)) == tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    photos = image.crop((80, 680, 1000, 860))
    assert len(photos.getcolors(1 << 20)) > 2000, "four photos under the figures, not white"


def test_a_sum_reads_as_said():
    from secatalog.markup import won_short

    assert won_short(189_900_000) == "1억 8,990만원"
    assert won_short(50_000_000) == "5,000만원"
    assert won_short(200_000_000) == "2억원"
    assert won_short(9_500) == "9,500원"
