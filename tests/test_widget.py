"""The embed kit on a host page of another origin, and the open data exports."""

from __future__ import annotations

import csv
import gzip
import json

import pytest
from openpyxl import load_workbook

from browser import serious_violations, serve
from helpers import ROOT, entry, make_network, replace_in, run_cli

pytestmark = pytest.mark.slow
SITE = "https://catalog.example.org/"


def test_embed_script_budget(sample_site):
    script = (sample_site / "widget/embed.js").read_bytes()
    assert len(gzip.compress(script, 9)) <= 5 * 1024
    assert b"cookie" not in script and b"innerHTML" not in script


def test_widget_json(sample_site):
    data = json.loads((sample_site / "widget/widget.json").read_text("utf-8"))
    assert data["items"] == 43 and data["enterprises"] == 14
    assert data["eligible_url"] == SITE + "procurement/"
    assert sum(c["count"] for c in data["categories"]) == 43
    assert all(c["url"].startswith(SITE + "categories/") for c in data["categories"])


def test_exports_round_trip_to_the_site_items(sample_site):
    products = json.loads((sample_site / "data/products.json").read_text("utf-8"))["items"]
    ids = [p["id"] for p in products]
    assert ids == [
        f"{p.parent.name}/{p.name}"
        for p in sorted((sample_site / "items").glob("*/*"), key=lambda p: ids.index(f"{p.parent.name}/{p.name}"))
    ]
    raw = (sample_site / "data/products.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][:3] == ["ID", "상품명", "구분"] and [r[0] for r in rows[1:]] == ids
    sheet = load_workbook(sample_site / "data/products.xlsx").active
    assert [c.value for c in sheet[1]][:2] == ["ID", "상품명"] and sheet[1][0].font.bold
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:V{len(ids) + 1}"
    assert sheet.column_dimensions["B"].width == 28
    assert [row[0].value for row in sheet.iter_rows(min_row=2)] == ids


def test_formula_injection_is_neutralised(tmp_path):
    root = make_network(tmp_path / "net")
    replace_in(
        entry(root, "gaon-bakery"),
        "    name: 우리쌀식빵",
        '    name: "=HYPERLINK(\\"http://evil.example\\",\\"클릭\\")"',
    )
    replace_in(entry(root, "haneul-clean"), "    name: 사무실 이사", "    name: \"+cmd|' /C calc'!A0\"")
    result = run_cli("build", "--skip-print", "--out", str(tmp_path / "out"), cwd=root)
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader((tmp_path / "out/data/products.csv").read_text("utf-8-sig").splitlines()))
    names = [r[1] for r in rows[1:]]
    assert '\'=HYPERLINK("http://evil.example","클릭")' in names and "'+cmd|' /C calc'!A0" in names
    sheet = load_workbook(tmp_path / "out/data/products.xlsx").active
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f", cell.coordinate
    assert sheet["B2"].value.startswith("'=")


HOST = """<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>예시시청 누리집</title>
<style>* {{ font-family: serif !important; }} p {{ color: rgb(200, 0, 0); font-size: 20px; }}
a {{ color: rgb(0, 128, 0); }} nav, ul, li, form {{ border: 5px solid rgb(255, 0, 255); }}</style></head>
<body><main><h1>예시시청</h1><p id="host-text">시청 안내문</p>
<section aria-label="링크">{link}</section><section aria-label="배너">{banner}</section>
<section aria-label="작은 창">{iframe}</section><section aria-label="위젯">{script}</section></main></body></html>"""


@pytest.fixture(scope="module")
def host_and_catalog(sample_site, tmp_path_factory):
    host_dir = tmp_path_factory.mktemp("host")
    with serve(sample_site) as catalog, serve(host_dir) as host:
        from secatalog.data.widget import snippets
        from secatalog.read.project import load_project
        from secatalog.settings import Settings

        # The snippets point at the local catalog instead of the public address.
        found = snippets(load_project(Settings(ROOT)), site=catalog)
        (host_dir / "index.html").write_text(
            HOST.format(
                link=found["link"], banner=found["banner-200x60"], iframe=found["iframe"], script=found["script"]
            ),
            "utf-8",
        )
        yield host, catalog


@pytest.mark.browser
@pytest.mark.parametrize("width", [200, 1200])
def test_widget_on_a_host_page_of_another_origin(host_and_catalog, tab, width):
    host, catalog = host_and_catalog
    assert host != catalog
    page = tab(width, 900)
    page.goto(host)
    before = page.evaluate("getComputedStyle(document.getElementById('host-text')).color")
    page.wait_for_selector("[data-secatalog-ready]", state="attached", timeout=10000)
    shadow = page.locator("[data-secatalog-widget] >> css=nav")
    assert shadow.count() == 1
    links = page.evaluate(
        "[...document.querySelector('[data-secatalog-widget]').shadowRoot.querySelectorAll('a')].map(a => a.href)"
    )
    assert links and all(link.startswith(SITE) for link in links)
    border = page.locator("[data-secatalog-widget] >> css=nav").evaluate("n => getComputedStyle(n).borderTopColor")
    assert border != "rgb(255, 0, 255)", "host CSS must not reach inside the widget"
    assert page.evaluate("getComputedStyle(document.getElementById('host-text')).color") == before == "rgb(200, 0, 0)"
    overflow = page.locator("[data-secatalog-widget] >> css=nav").evaluate("n => n.scrollWidth - n.clientWidth")
    assert overflow <= 1
    frame = page.frame_locator("iframe")
    assert frame.locator("a.ok").get_attribute("href") == SITE + "procurement/"
    assert page.locator("img[alt$='(새 창)']").evaluate("i => i.complete && i.naturalWidth > 0")
    assert serious_violations(page) == []


@pytest.mark.browser
def test_widget_falls_back_to_the_plain_link(host_and_catalog, new_tab):
    host, catalog = host_and_catalog
    page = new_tab()
    page.context.route("**/widget.json", lambda route: route.abort())
    page.goto(host)
    page.wait_for_timeout(800)
    assert page.locator("[data-secatalog-ready]").count() == 0
    assert page.locator("[data-secatalog-widget] a").first.is_visible()


@pytest.mark.browser
def test_the_small_window_fits_its_snippets_height_from_200_px_wide(host_and_catalog, tab):
    """At 390 px its search box was cut off: twelve category chips wrapped into rows. At 480 px
    the box ended 40 px above the frame's foot."""
    from secatalog.data.widget import FRAME_HEIGHT

    _, catalog = host_and_catalog
    for width in (200, 300, 335, 390, 480):
        page = tab(width, FRAME_HEIGHT)
        page.goto(catalog + "widget/frame.html")
        # no chip cut by the box or the search under it (a scrolling block of twelve was), and
        # the search box's example whole ("선물세|")
        whole = """(() => { const u = document.querySelector('ul'), r = u.getBoundingClientRect();
          return getComputedStyle(u).display === 'none' || [...u.querySelectorAll('li')].every(l => {
            const b = l.getBoundingClientRect(); return b.bottom <= r.bottom + 1 && b.right <= r.right + 1; }); })()"""
        assert page.evaluate(whole), width
        placeholder = """(() => { const i = document.querySelector('input'), s = getComputedStyle(i);
          const c = document.createElement('canvas').getContext('2d'); c.font = s.fontSize + ' ' + s.fontFamily;
          return c.measureText(i.placeholder).width <= i.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight); })()"""
        assert page.evaluate(placeholder), width
        # the host page's own face: the site's web font is refused to a sandboxed frame (CORS)
        assert "@font-face" not in page.content()
        assert page.evaluate("document.documentElement.scrollHeight") <= FRAME_HEIGHT, width
        search = page.locator("button[type=submit]").bounding_box()
        assert search["y"] + search["height"] <= FRAME_HEIGHT, width
        # the box fills the frame: a box as tall as its content left a blank band under it
        assert page.evaluate("document.querySelector('nav').getBoundingClientRect().bottom") >= FRAME_HEIGHT - 1
        # the search box under the chips (or the link when they are hidden), not pushed down: a
        # band of white stood over it (the spare height goes over the foot's links only)
        gap = page.evaluate("""(() => { const f = document.querySelector('form').getBoundingClientRect();
          const u = document.querySelector('ul'); const above = getComputedStyle(u).display === 'none'
            ? document.querySelector('.ok') : u;
          return f.top - above.getBoundingClientRect().bottom; })()""")
        assert gap <= 16, (width, gap)
        # and the frame no taller than its content needs: 70 px stood empty over the links at 300,
        # 45 px at 390 and 480 until the secretariat's phone took the room (where it fits whole)
        spare = page.evaluate("""(() => { const a = document.querySelector('.ask');
          const last = a.offsetParent ? a : document.querySelector('form');
          return document.querySelector('.more').getBoundingClientRect().top - last.getBoundingClientRect().bottom; })()""")
        assert spare <= (32 if width >= 340 else 56), (width, spare)
        if width >= 340 or width <= 260:
            assert page.locator(".ask").inner_text() == "구매 문의 041-000-0000 (사무국)", width
        # its name on a band of the network's colour (a white box with a navy title read as a form)
        assert page.evaluate("getComputedStyle(document.querySelector('nav > header')).backgroundColor") == (
            "rgb(40, 53, 147)"
        )
        # figures and words in one Korean face (system-ui first set the digits in a Latin one)
        assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith('"Malgun Gothic"')
        if width > 360:  # chips wrap: none cut at the box's right edge (one scrolling row below)
            right = page.evaluate("document.querySelector('ul').getBoundingClientRect().right")
            edges = page.evaluate("[...document.querySelectorAll('li')].map(l => l.getBoundingClientRect().right)")
            assert max(edges) <= right + 1, (width, max(edges), right)


@pytest.mark.browser
def test_frame_page_is_accessible(host_and_catalog, tab):
    _, catalog = host_and_catalog
    page = tab(200, 400)
    page.goto(catalog + "widget/frame.html")
    assert page.title().endswith("공공구매 카탈로그 바로가기")
    assert serious_violations(page) == []


def test_frame_shows_counts(sample_site):
    text = (sample_site / "widget/frame.html").read_text("utf-8")
    assert "기업 14곳 · 제품·서비스 43개" in text and "built-in method" not in text


def test_script_snippet_pins_the_published_script(sample_site):
    import base64
    import hashlib

    html = (sample_site / "embed/index.html").read_text("utf-8")
    published = (sample_site / "widget/embed.js").read_bytes()
    digest = "sha384-" + base64.b64encode(hashlib.sha384(published).digest()).decode()
    assert f'integrity="{digest}" crossorigin="anonymous"' in html.replace("&#34;", '"').replace("&quot;", '"')
    assert html.index('id="iframe"') < html.index('id="script"'), "the sandboxed frame is offered first"
    assert 'sandbox="allow-popups allow-popups-to-escape-sandbox allow-forms"' in html.replace("&#34;", '"').replace(
        "&quot;", '"'
    )


@pytest.mark.browser
def test_embed_page_previews_work_on_any_host(host_and_catalog, tab):
    _, catalog = host_and_catalog  # served on a local address, not the public one
    page = tab()
    page.goto(catalog + "embed/")
    page.wait_for_load_state("load")
    banners = page.locator(".sc-demo img")
    assert banners.count() == 3
    assert all(banners.nth(i).evaluate("i => i.complete && i.naturalWidth > 0") for i in range(3))
    assert page.frame_locator(".sc-demo iframe").locator("a.ok").count() == 1
    page.wait_for_selector(".sc-demo [data-secatalog-ready]", state="attached", timeout=10000)
    # the script widget ends with the same links as the small window
    foot = page.evaluate(
        "document.querySelector('.sc-demo [data-secatalog-ready]').shadowRoot.querySelector('.more').textContent"
    )
    assert "기업 찾기" in foot and "카탈로그 처음으로" in foot
    # and the same chips and phone line: the script listed all twelve categories and no phone
    script = page.evaluate(
        """(() => { const r = document.querySelector('.sc-demo [data-secatalog-ready]').shadowRoot;
             return [[...r.querySelectorAll('li')].map(l => l.textContent.trim()), r.querySelector('.ask').textContent]; })()"""
    )
    frame = page.frame_locator(".sc-demo iframe")
    assert script[0] == [t.strip() for t in frame.locator("li").all_text_contents()]
    assert script[1] == frame.locator(".ask").text_content() != ""
    assert "https://catalog.example.org/widget/embed.js" in page.locator("#snippet-script").inner_text()


def test_banners_and_widget_wear_the_networks_colour_in_legible_lines(network, tmp_path):
    from PIL import Image, ImageChops

    catalog = network / "catalog/catalog.yml"
    replace_in(
        catalog, "  name: 가상군사회적경제협의회", "  name: 가상군 사회적경제 통합지원센터 협의회\n  colour: '#1b5e20'"
    )
    out = tmp_path / "out"
    assert run_cli("build", "--skip-print", "--out", str(out), cwd=network).returncode == 0
    for w, h in ((200, 60), (250, 80), (300, 100)):
        banner = Image.open(out / f"widget/banner-{w}x{h}.png").convert("RGB")
        assert banner.getpixel((1, 1)) == (0x1B, 0x5E, 0x20)
        # Nothing but background in the right margin: the name was fitted, not clipped.
        margin = banner.crop((banner.width - 12, 0, banner.width, banner.height))
        assert margin.getcolors() == [(margin.width * margin.height, (0x1B, 0x5E, 0x20))], (w, h)
        # The catalog's mark in a white disc at the left, then the text (not the name alone).
        edge = next(x for x in range(banner.width) if banner.getpixel((x, banner.height // 2)) == (255, 255, 255))
        assert edge < banner.width * 0.2, (w, h, edge)
        assert all(min(banner.getpixel((edge + d, banner.height // 2))) > 240 for d in range(4)), (w, h)
        # The call to action ("수의계약 가능 N개 ›") on an amber button under the white message
        # (as a line of amber words it read as a caption), its words dark and legible.
        r, g, b = (
            band.point(lambda v, lo=lo, hi=hi: 255 if lo < v < hi else 0)
            for band, (lo, hi) in zip(banner.split(), ((240, 256), (200, 240), (-1, 160)), strict=True)
        )
        box = ImageChops.multiply(ImageChops.multiply(r, g), b).getbbox()
        assert box and (box[2] - box[0]) * (box[3] - box[1]) > 0.08 * banner.width * banner.height, (w, h, box)
        words = banner.crop(box)  # near-black, neutral words (not the ground's colour, dark as it is)
        black = [y for y in range(words.height) for x in range(words.width) if _near_black(words.getpixel((x, y)))]
        dark = sorted(set(black))
        assert dark and dark[-1] - dark[0] >= 20, (w, h)  # Hangul about 10 px tall at display size
        # Lines of text beside the disc, each legible at display size (12 px type has Hangul
        # about 10 px tall; the PNG is drawn at twice the display size): the message, what a
        # click gives and, where it stays legible, who publishes it.
        text = banner.crop((banner.height + 4, 0, banner.width, banner.height)).convert("L")
        inked = [any(text.getpixel((x, y)) > 200 for x in range(text.width)) for y in range(text.height)]
        bands = [len(run) for run in "".join("1" if i else "0" for i in inked).split("0") if run]
        assert len(bands) in (2, 3) and min(bands) / 2 >= 10, (w, h, bands)  # a long name is left out
        # The disc and lines as one group in the middle: as much background left as right, and
        # the lines' ink as far from the top as from the bottom (the right margin was twice the
        # left, and the lines sat a few pixels low).
        grey = banner.convert("L")
        ground = grey.getpixel((1, 1))
        ink = grey.point([255 if abs(v - ground) > 40 else 0 for v in range(256)])
        left, _, right, _ = ink.getbbox()
        assert abs(left - (banner.width - right)) <= 4, (w, h, left, banner.width - right)
        assert left >= 0.065 * banner.width, (w, h, left)  # "29개 ›" stood 7 px from the edge
        top = next(y for y, i in enumerate(inked) if i)
        bottom = len(inked) - 1 - next(y for y, i in enumerate(reversed(inked)) if i)
        assert abs(top - (text.height - 1 - bottom)) <= 4, (w, h, top, bottom)
    assert "#1b5e20" in (out / "widget/frame.html").read_text("utf-8")
    assert "#1b5e20" in (out / "widget/embed.js").read_text("utf-8")
    assert "#283593" not in (out / "widget/embed.js").read_text("utf-8")
    assert "--md-primary-fg-color:#1b5e20" in (out / "index.html").read_text("utf-8")  # the site's header too


def _near_black(pixel: tuple[int, int, int]) -> bool:
    return max(pixel) < 90 and max(pixel) - min(pixel) < 30


def test_a_pale_colour_is_refused(network):
    catalog = network / "catalog/catalog.yml"
    replace_in(catalog, "  name: 가상군사회적경제협의회", "  name: 가상군사회적경제협의회\n  colour: '#ffeb3b'")
    result = run_cli("check", cwd=network)
    assert result.returncode == 1
    assert (
        "catalog/catalog.yml:3:11: network.colour: 흰 글자가 잘 보이지 않는 밝은 색입니다 (대비 1.2:1, 4.5:1 이상 필요)"
        in (result.stderr)
    ), result.stderr
