"""The embed kit for city homepages: widget.json, frame.html, embed.js, banners, snippets."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path
from typing import Any

from markupsafe import escape

from ..jinja import environment
from ..model.catalog import Catalog

TEMPLATES = Path(__file__).parents[1] / "templates" / "widget"
BANNERS = ((200, 60), (250, 80), (300, 100))
FRAME_HEIGHT = 272
"""The small window's height in the snippet: the frame fits it from 200 px wide (its categories
left out up to 260 px), with little to spare (at 300 px a band of 70 px stood empty over the
foot's links at 390 and 480 px: measured 232-261 px of content at 200-480 px)."""
CHIPS = 6
"""Categories the small window lists, then "전체 분류": all twelve wrapped into rows a 300 px frame
scrolled and cut in half under the search box."""
FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc")


def widget_data(catalog: Catalog) -> dict[str, Any]:
    """What the widget shows; every URL absolute, on the catalog's own site."""
    site = catalog.network.site_url
    return {
        "name": catalog.network.name,
        "url": site,
        "colour": catalog.network.colour,
        "enterprises": len(catalog.enterprises),
        "items": len(catalog.items),
        "eligible": len(catalog.eligible_items),
        "eligible_url": site + "procurement/",
        "hint": catalog.search_examples,
        "phone": catalog.network.contact.phone,
        "categories": [
            {"name": c.name, "url": f"{site}categories/{c.id}/", "count": len(items)}
            for c, items in catalog.by_category
            if items
        ],
    }


def banner_alt(catalog: Catalog) -> str:
    return f"{catalog.network.name} 사회적경제 공공구매 카탈로그 바로가기"


def snippets(catalog: Catalog, site: str | None = None) -> dict[str, str]:
    """Copy-paste HTML for the webmaster, one per option (text, to show escaped).

    site: where the catalog is; the public address by default, a relative one for the previews
    on the catalog's own embed page (so they work on any host, before the site is published)."""
    site = site or catalog.network.site_url
    name = str(escape(catalog.network.name))
    alt = str(escape(banner_alt(catalog)))
    link = (
        f'<a href="{site}" target="_blank" rel="noopener">{name} 공공구매 카탈로그 '
        f'<span class="sr-only">(새 창)</span></a>'
    )
    out = {"link": link}
    for w, h in BANNERS:
        out[f"banner-{w}x{h}"] = (
            f'<a href="{site}" target="_blank" rel="noopener" title="새 창으로 열림">'
            f'<img src="{site}widget/banner-{w}x{h}.png" width="{w}" height="{h}" '
            f'alt="{alt} (새 창)"></a>'
        )
    # Sandboxed: the frame runs no script and can only open links and the search in a new window.
    out["iframe"] = (
        f'<iframe src="{site}widget/frame.html" title="{name} 공공구매 카탈로그 바로가기" '
        f'width="480" height="{FRAME_HEIGHT}" style="border:0;max-width:100%" loading="lazy" '
        f'sandbox="allow-popups allow-popups-to-escape-sandbox allow-forms"></iframe>'
    )
    # Subresource Integrity: the host page runs this exact script or none at all.
    out["script"] = (
        f"<div data-secatalog-widget>{link}</div>\n"
        f'<script src="{site}widget/embed.js" integrity="{integrity(embed_js(catalog))}" '
        f'crossorigin="anonymous" async></script>'
    )
    return out


def embed_js(catalog: Catalog) -> str:
    """The script widget exactly as published (its hash goes into the snippet), in the network's
    colour (a checked #RRGGBB, so it is safe inside the script's CSS), showing as many category
    chips as the iframe does."""
    js = _minify((TEMPLATES / "embed.js").read_text("utf-8"))
    return js.replace("SC_COLOUR", catalog.network.colour).replace("SC_CHIPS", str(CHIPS))


def integrity(text: str) -> str:
    digest = hashlib.sha384(text.encode("utf-8")).digest()
    return "sha384-" + base64.b64encode(digest).decode("ascii")


def write_all(catalog: Catalog, out: Path) -> None:
    """Write DIR/widget/."""
    out.mkdir(parents=True, exist_ok=True)
    data = widget_data(catalog)
    (out / "widget.json").write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
    env = environment("widget")
    (out / "frame.html").write_text(env.get_template("frame.html").render(data=data, CHIPS=CHIPS), "utf-8")
    (out / "embed.js").write_text(embed_js(catalog), "utf-8")
    for w, h in BANNERS:
        _banner(catalog, w, h).save(out / f"banner-{w}x{h}.png", optimize=True)


def _minify(js: str) -> str:
    """Drop comment lines and indentation; the script is written to survive this."""
    lines = []
    in_comment = False
    for line in js.splitlines():
        stripped = line.strip()
        if stripped.startswith("/*"):
            in_comment = not stripped.endswith("*/")
            continue
        if in_comment:
            in_comment = not stripped.endswith("*/")
            continue
        if stripped:
            lines.append(stripped)
    return "\n".join(lines) + "\n"


SUPERSAMPLE = 3
MESSAGE = "사회적경제 공공구매"  # the same words on every size
"""What a banner says first: a city homepage's visitor looks for what to do, not who made it."""


def _actions(catalog: Catalog) -> list[str]:
    """The banner's second line, longest first: what a click gives, with the figure that makes
    it worth it (the count of items a buyer may buy directly)."""
    count = len(catalog.eligible_items)
    if not count:
        return ["제품·서비스 바로 찾기 ›", "제품·서비스 찾기 ›"]
    return [f"수의계약 가능 {count:,}개 바로 찾기 ›", f"수의계약 가능 {count:,}개 ›"]


LEADING = 1.32
"""A banner's line spacing as a share of each line's type size (at 1.22 the lines were set tight)."""
LEGIBLE_PX = 12
"""The smallest type on a banner at its display size: a city homepage shows it at 1x."""
SIGNED_FROM = 100
"""The least banner height (px) that also names its publisher under the message and button."""
BUTTON = (255, 214, 102)
"""The call to action's button: amber, its words near-black (13:1), on any network colour."""
BUTTON_INK = (26, 26, 26)
BUTTON_PAD = (0.45, 0.2)
"""The button's padding around its words, as shares of their type size (across, down)."""


def _banner(catalog: Catalog, width: int, height: int):
    """A banner in the network's colour, drawn at twice its display size for sharp screens: the
    catalog's mark in a white disc, then the message in large type, what a click gives on an amber
    button (a text-only line read as a caption, not as something to press) and, on the tallest
    banner where it stays 12 px or more, who publishes it (the network's name, and 예시 for sample
    content).
    Each line takes the longest wording that stays legible and large."""
    from PIL import Image, ImageColor, ImageDraw

    scale = 2 * SUPERSAMPLE  # drawn larger, then reduced: Pillow draws discs without antialiasing
    # a narrower margin on the smallest banner leaves its text 12 px (it came out 11)
    w, h, margin = width * scale, height * scale, (10 if height >= 80 else 7) * scale
    colour = ImageColor.getrgb(catalog.network.colour)
    im = Image.new("RGB", (w, h), colour)
    pen = ImageDraw.Draw(im)
    disc = (h - 2 * margin) * 0.82  # the mark smaller than the height, so the message leads
    left = int(margin * 2 + disc)
    room = int(w - left - margin * 3.2)  # centred below, the group keeps about 1.6 margins clear at each side
    legible = LEGIBLE_PX * scale  # drawn at `scale` times the display size
    # (wordings, largest size as a share of the height, colour, on a button)
    rows = [([MESSAGE], 0.4, (255, 255, 255), False), (_actions(catalog), 0.22, BUTTON_INK, True)]
    fitted = []
    for wordings, share, fill, button in rows:
        # the longer wording unless it must be much smaller than the shorter one; a button's
        # words leave room for its padding
        inner = int(room - 2 * BUTTON_PAD[0] * h * share) if button else room
        options = [(text, _fit(pen, text, inner, int(h * share))) for text in wordings]
        enough = max(legible, 0.8 * max(font.size for _, font in options))
        fitted.append((*next((o for o in options if o[1].size >= enough), options[-1]), fill, button))
    name = catalog.network.name
    if catalog.network.sample_notice and "예시" not in name:
        name += " (예시)"
    signed = (name, _fit(pen, name, room, int(h * 0.17)), (232, 234, 246), False)
    # the publisher only on the tallest banner: three lines in 80 px were set small and tight
    if (
        height >= SIGNED_FROM
        and signed[1].size >= legible * 13 / 12
        and sum(_step(f, b) for _, f, _, b in (*fitted, signed)) <= h - margin
    ):
        fitted.append(signed)
    # The disc and the lines as one group in the banner's middle, measured by their ink (the
    # font's ascent set the lines 3-6 px low, and the right margin was twice the left)
    steps = [sum(_step(font, button) for _, font, _, button in fitted[:n]) for n in range(len(fitted))]
    placed = [_place(pen, y, text, font, button) for y, (text, font, _, button) in zip(steps, fitted, strict=True)]
    x0, y0 = min(b[0] for _, b in placed), min(b[1] for _, b in placed)
    x1, y1 = max(b[2] for _, b in placed), max(b[3] for _, b in placed)
    start = (w - (disc + margin + x1 - x0)) / 2
    top = (h - disc) / 2
    pen.ellipse((start, top, start + disc, top + disc), fill=(255, 255, 255))
    _mark(pen, start + disc * 0.18, top + disc * 0.16, disc * 0.64, colour)
    dx, dy = start + disc + margin - x0, (h - (y1 - y0)) / 2 - y0
    for ((ox, oy), box), (text, font, fill, button) in zip(placed, fitted, strict=True):
        if button:
            pen.rounded_rectangle(
                (box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy), radius=font.size * 0.3, fill=BUTTON
            )
        pen.text((ox + dx, oy + dy), text, fill=fill, font=font)
    return im.resize((width * 2, height * 2), Image.Resampling.LANCZOS)


def _step(font, button: bool) -> float:
    """A line's height with the space under it; a button's padding adds to it."""
    return font.size * (LEADING + (2 * BUTTON_PAD[1] if button else 0))


def _place(pen, y: float, text: str, font, button: bool):
    """Where a line's words are drawn on a line starting at (0, y), and its box: the words' ink, or
    their button around them (the words set in by the button's padding)."""
    if not button:
        return (0.0, y), pen.textbbox((0, y), text, font=font)
    px, py = font.size * BUTTON_PAD[0], font.size * BUTTON_PAD[1]
    _, top, right, bottom = pen.textbbox((px, y + py), text, font=font)
    return (px, y + py), (0, top - py, right + px, bottom + py)


_PAGE = ((3, 8), (7, 8.6), (10, 9.9), (12, 11.5), (12, 22.5), (9.5, 20.6), (6.5, 19.4), (3, 19))
"""The book's left page on the logo's 24-unit grid; the right page is its mirror."""


def _mark(pen, x: float, y: float, size: float, colour) -> None:
    """The site's logo (a reader over an open book, assets/logo.svg), size units square at x, y."""

    def at(px: float, py: float) -> tuple[float, float]:
        return x + px / 24 * size, y + py / 24 * size

    pen.ellipse((*at(9, 2), *at(15, 8)), fill=colour)
    pen.polygon([at(px, py) for px, py in _PAGE], fill=colour)
    pen.polygon([at(24 - px, py) for px, py in _PAGE], fill=colour)


def bold_font(size: int):
    """The bold Korean face the banners and the series' counters are drawn in, at size px."""
    from PIL import ImageFont

    return ImageFont.truetype(str(FONT), size) if FONT.exists() else ImageFont.load_default(size)


def _fit(pen, text: str, width: int, largest: int):
    """The largest font (down to a third of `largest`) at which text fits on one line."""
    smallest = max(8, largest // 3)
    for size in range(largest, smallest, -1):
        font = bold_font(size)
        if pen.textlength(text, font=font) <= width:
            return font
    return bold_font(smallest)
