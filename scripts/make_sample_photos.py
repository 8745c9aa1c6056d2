"""Draw the fictional sample photos (no copyrighted images): one flat illustration per file.

Run: python scripts/make_sample_photos.py [--force]
Each picture shows what its alt text is about (a lunch box, soap bars, a stage, ...): the motif
comes from keywords in the alt text (MOTIFS) and the details are seeded from the text, so the
same content always gives the same photo. There is no lettering: a flat illustration is not
taken for a real product, and a tag in a corner was cut off by every crop that is not 4:3 (the
catalog's pages, cards and cases say 예시 in their own text).
"""

from __future__ import annotations

import hashlib
import math
import random
import sys
from collections.abc import Callable
from pathlib import Path

import yaml
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
SIZE = (1400, 1050)
W, H = SIZE
SCALE = 2  # drawn at twice the size, then shrunk: smooth edges without noise

Colour = tuple[int, ...]
Box = tuple[float, float, float, float]


def photo_refs(root: Path):
    """Yield (path, alt) for every photo the sample content names."""
    for entry in sorted((root / "content" / "enterprises").glob("*/enterprise.yml")):
        data = yaml.safe_load(entry.read_text("utf-8"))
        for photo in data.get("photos", []):
            yield entry.parent / photo["file"], photo["alt"]
        for product in data.get("products", []):
            for photo in product.get("photos", []):
                yield entry.parent / photo["file"], photo["alt"]
    for case in sorted((root / "casebook" / "cases").glob("*.md")):
        front = case.read_text("utf-8").split("---")[1]
        for photo in yaml.safe_load(front).get("photos", []):
            yield case.parent / photo["file"], photo["alt"]
    for bundle in sorted((root / "content" / "bundles").glob("*.yml")):
        data = yaml.safe_load(bundle.read_text("utf-8"))
        if data.get("photo"):
            yield bundle.parent / data["photo"]["file"], data["photo"]["alt"]


# --- colours -----------------------------------------------------------------------------


def mix(a: Colour, b: Colour, t: float) -> Colour:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=False))


def dark(c: Colour, t: float = 0.2) -> Colour:
    return mix(c[:3], (40, 30, 30), t)


def light(c: Colour, t: float = 0.3) -> Colour:
    return mix(c[:3], (255, 255, 255), t)


# Soft backgrounds and a few muted accents each; the seed picks one per picture.
PALETTES = (
    {
        "wall": (244, 238, 226),
        "table": (226, 209, 184),
        "sky": (216, 232, 238),
        "ground": (184, 208, 164),
        "accents": ((116, 160, 136), (230, 154, 116), (98, 134, 168), (232, 192, 104)),
    },
    {
        "wall": (232, 239, 241),
        "table": (208, 218, 222),
        "sky": (210, 229, 242),
        "ground": (176, 204, 168),
        "accents": ((82, 126, 162), (236, 164, 122), (136, 184, 156), (238, 204, 122)),
    },
    {
        "wall": (246, 233, 226),
        "table": (231, 210, 197),
        "sky": (226, 232, 240),
        "ground": (190, 206, 160),
        "accents": ((204, 118, 108), (118, 158, 150), (238, 188, 118), (108, 118, 160)),
    },
    {
        "wall": (230, 240, 232),
        "table": (206, 222, 208),
        "sky": (220, 236, 236),
        "ground": (168, 200, 150),
        "accents": ((78, 146, 118), (240, 176, 118), (226, 128, 118), (118, 138, 186)),
    },
    {
        "wall": (236, 232, 242),
        "table": (216, 208, 228),
        "sky": (228, 228, 242),
        "ground": (182, 204, 170),
        "accents": ((128, 114, 172), (238, 168, 138), (118, 172, 162), (236, 206, 118)),
    },
    {
        "wall": (242, 233, 214),
        "table": (224, 202, 166),
        "sky": (240, 230, 210),
        "ground": (190, 200, 150),
        "accents": ((186, 118, 80), (98, 138, 128), (218, 168, 88), (138, 108, 148)),
    },
)

SHADOW = (70, 50, 30, 38)
WHITE = (252, 251, 247)
PAPER = (248, 246, 240)
INK = (64, 68, 78)
STEEL = (196, 202, 208)
WOOD = (200, 152, 104)
WOOD_LIGHT = (226, 190, 146)
WOOD_DARK = (150, 104, 70)
KRAFT = (196, 158, 112)
LEAVES = ((96, 156, 104), (124, 176, 106), (74, 134, 98))
SKIN = ((244, 208, 178), (230, 184, 146), (214, 164, 126), (248, 220, 198))
HAIR = ((58, 48, 44), (86, 62, 48), (44, 42, 46), (110, 80, 58))
GREY_HAIR = ((214, 212, 208), (190, 190, 192), (232, 230, 226))
PANTS = ((72, 80, 100), (92, 96, 108), (64, 70, 82), (120, 104, 90))
FLOWERS = ((236, 132, 128), (244, 196, 96), (238, 170, 200), (178, 150, 214), (250, 250, 244))


# --- drawing kit ---------------------------------------------------------------------------


class Pen:
    """ImageDraw on the doubled canvas, addressed in final-size coordinates."""

    def __init__(self, im: Image.Image) -> None:
        self.d = ImageDraw.Draw(im, "RGBA")

    def rect(self, x0, y0, x1, y1, fill, r=0.0):
        r = max(0.0, min(r, (x1 - x0) / 2, (y1 - y0) / 2))
        box = [v * SCALE for v in (x0, y0, x1, y1)]
        if r >= 1:
            self.d.rounded_rectangle(box, radius=r * SCALE, fill=fill)
        else:
            self.d.rectangle(box, fill=fill)

    def oval(self, cx, cy, rx, ry, fill):
        box = [(cx - rx) * SCALE, (cy - ry) * SCALE, (cx + rx) * SCALE, (cy + ry) * SCALE]
        self.d.ellipse(box, fill=fill)

    def poly(self, pts, fill):
        self.d.polygon([(x * SCALE, y * SCALE) for x, y in pts], fill=fill)

    def line(self, pts, fill, width):
        pts = [(x * SCALE, y * SCALE) for x, y in pts]
        self.d.line(pts, fill=fill, width=max(1, round(width * SCALE)), joint="curve")

    def limb(self, x0, y0, x1, y1, fill, width):
        """A thick line with round ends (arms, legs, handles)."""
        self.line([(x0, y0), (x1, y1)], fill, width)
        self.oval(x0, y0, width / 2, width / 2, fill)
        self.oval(x1, y1, width / 2, width / 2, fill)

    def arc(self, cx, cy, rx, ry, start, end, fill, width):
        box = [(cx - rx) * SCALE, (cy - ry) * SCALE, (cx + rx) * SCALE, (cy + ry) * SCALE]
        self.d.arc(box, start, end, fill=fill, width=max(1, round(width * SCALE)))

    def pie(self, cx, cy, rx, ry, start, end, fill):
        box = [(cx - rx) * SCALE, (cy - ry) * SCALE, (cx + rx) * SCALE, (cy + ry) * SCALE]
        self.d.pieslice(box, start, end, fill=fill)

    def shadow(self, cx, cy, rx, ry):
        self.oval(cx, cy, rx, ry, SHADOW)


def rot(points, cx, cy, angle):
    a = math.radians(angle)
    c, s = math.cos(a), math.sin(a)
    return [(cx + x * c - y * s, cy + x * s + y * c) for x, y in points]


def oval_pts(cx, cy, rx, ry, angle=0.0, n=36):
    return rot(
        [(rx * math.cos(2 * math.pi * i / n), ry * math.sin(2 * math.pi * i / n)) for i in range(n)],
        cx,
        cy,
        angle,
    )


def rrect_pts(cx, cy, w, h, r, angle=0.0):
    """A rounded rectangle centred on (cx, cy), turned by angle degrees."""
    r = min(r, w / 2, h / 2)
    pts = []
    corners = ((w / 2 - r, h / 2 - r, 0), (-w / 2 + r, h / 2 - r, 90))
    corners += ((-w / 2 + r, -h / 2 + r, 180), (w / 2 - r, -h / 2 + r, 270))
    for qx, qy, a0 in corners:
        for i in range(7):
            t = math.radians(a0 + 15 * i)
            pts.append((qx + r * math.cos(t), qy + r * math.sin(t)))
    return rot(pts, cx, cy, angle)


def block(p: Pen, x, base, w, h, d, colour, top=None):
    """A box seen a little from above and the right: front, top and side faces."""
    lift = d * 0.55
    p.poly(
        [(x + 8, base), (x + w + d + 14, base - lift), (x + w + d + 14, base - lift + 16), (x + 18, base + 14)], SHADOW
    )
    p.rect(x, base - h, x + w, base, colour)
    p.poly(
        [(x, base - h), (x + d, base - h - lift), (x + w + d, base - h - lift), (x + w, base - h)],
        top or light(colour, 0.25),
    )
    p.poly(
        [(x + w, base - h), (x + w + d, base - h - lift), (x + w + d, base - lift), (x + w, base)], dark(colour, 0.15)
    )


def grain(p: Pen, rng: random.Random, colour: Colour, box: Box = (0, 0, W, H), n=7, vertical=False):
    """A few soft wood-grain lines."""
    x0, y0, x1, y1 = box
    for i in range(n):
        t = (i + 0.5 + rng.uniform(-0.3, 0.3)) / n
        if vertical:
            x = x0 + (x1 - x0) * t
            pts = [(x + math.sin(k / 3 + i) * 5, y0 + (y1 - y0) * k / 12) for k in range(13)]
        else:
            y = y0 + (y1 - y0) * t
            pts = [(x0 + (x1 - x0) * k / 12, y + math.sin(k / 3 + i) * 5) for k in range(13)]
        p.line(pts, dark(colour, 0.06), 3)


def tabletop(p: Pen, pal, colour=None):
    p.rect(0, 0, W, H, colour or pal["table"])


def backdrop(p: Pen, pal, horizon=650, table=None):
    """Wall and table (or floor) seen from the front."""
    table = table or pal["table"]
    p.rect(0, 0, W, horizon, pal["wall"])
    p.rect(0, horizon, W, H, table)
    p.rect(0, horizon, W, horizon + 10, light(table, 0.3))


def outdoors(p: Pen, pal, rng, horizon=600, sky=None, ground=None, sun=True):
    sky, ground = sky or pal["sky"], ground or pal["ground"]
    p.rect(0, 0, W, horizon + 20, sky)
    if sun:
        p.oval(rng.uniform(980, 1180), rng.uniform(150, 230), 62, 62, (252, 236, 190))
    for _ in range(3):
        x = rng.uniform(-100, 1500)
        p.oval(x, rng.uniform(120, 280), rng.uniform(110, 170), 34, light(sky, 0.5))
    p.oval(300, horizon + 80, 620, 250, mix(ground, sky, 0.5))
    p.oval(1120, horizon + 90, 640, 220, mix(ground, sky, 0.3))
    p.rect(0, horizon, W, H, ground)


def heart(p: Pen, cx, cy, s, colour):
    p.oval(cx - 0.26 * s, cy - 0.12 * s, 0.3 * s, 0.3 * s, colour)
    p.oval(cx + 0.26 * s, cy - 0.12 * s, 0.3 * s, 0.3 * s, colour)
    p.poly([(cx - 0.545 * s, cy - 0.04 * s), (cx + 0.545 * s, cy - 0.04 * s), (cx, cy + 0.6 * s)], colour)


def person(p: Pen, rng, cx, foot, h, shirt, *, elder=False, child=False, apron=None, cap=None, arms="down", pants=None):
    """A faceless standing figure; draw furniture after it to hide the legs."""
    skin, pants = rng.choice(SKIN), pants or rng.choice(PANTS)
    hair = rng.choice(GREY_HAIR) if elder else rng.choice(HAIR)
    r = h * (0.14 if child else 0.115)
    hy = foot - h + r
    top = hy + r * 1.2
    tw = h * 0.36
    waist = foot - h * 0.42
    lw = h * 0.13
    for side in (-1, 1):
        x = cx + side * (lw / 2 + h * 0.012)
        p.limb(x, waist, x, foot - lw / 2, pants, lw)
    sleeve = dark(shirt, 0.12)
    shoulders = [(cx - side * (tw / 2 - h * 0.03), top + h * 0.05) for side in (1, -1)]
    if arms == "up":
        hands = [(cx - tw * 0.95, top - h * 0.2), (cx + tw * 0.95, top - h * 0.2)]
    elif arms == "hold":
        hands = [(cx - tw * 0.18, waist - h * 0.06), (cx + tw * 0.18, waist - h * 0.06)]
    else:
        hands = [(cx - tw * 0.62, waist + h * 0.02), (cx + tw * 0.62, waist + h * 0.02)]
    if arms != "hold":
        for (sx, sy), (hx, hy2) in zip(shoulders, hands, strict=True):
            p.limb(sx, sy, hx, hy2, sleeve, h * 0.085)
            p.oval(hx, hy2, h * 0.05, h * 0.05, skin)
    p.rect(cx - tw / 2, top, cx + tw / 2, waist + h * 0.05, shirt, r=h * 0.09)
    if apron:
        p.rect(cx - tw * 0.34, top + h * 0.1, cx + tw * 0.34, waist + h * 0.16, apron, r=h * 0.03)
    if arms == "hold":
        for (sx, sy), (hx, hy2) in zip(shoulders, hands, strict=True):
            p.limb(sx, sy, hx, hy2, sleeve, h * 0.085)
            p.oval(hx, hy2, h * 0.05, h * 0.05, skin)
    p.rect(cx - r * 0.35, hy + r * 0.6, cx + r * 0.35, top + 4, skin)
    p.oval(cx, hy, r, r, skin)
    p.pie(cx, hy - r * 0.04, r * 1.07, r * 1.07, 180, 360, hair)
    if not elder and not child and rng.random() < 0.45:
        p.rect(cx - r * 1.07, hy - r * 0.3, cx - r * 0.7, hy + r * 0.9, hair, r=r * 0.2)
        p.rect(cx + r * 0.7, hy - r * 0.3, cx + r * 1.07, hy + r * 0.9, hair, r=r * 0.2)
    if cap:
        p.rect(cx - r * 1.05, hy - r * 1.2, cx + r * 1.05, hy - r * 0.3, cap, r=r * 0.45)
    return hands


def crowd(p: Pen, rng, pal, y, n, x0=80, x1=W - 80, u=70):
    """Backs of heads and shoulders at the bottom of the picture (an audience)."""
    tones = [dark(c, 0.35) for c in pal["accents"]]
    for i in range(n):
        x = x0 + (x1 - x0) * (i + 0.5) / n + rng.uniform(-18, 18)
        yy = y + rng.uniform(-14, 14)
        p.rect(x - u * 0.9, yy, x + u * 0.9, yy + u * 2, rng.choice(tones), r=u * 0.6)
        p.oval(x, yy - u * 0.35, u * 0.5, u * 0.55, rng.choice(HAIR + GREY_HAIR[:1]))


def leafy(p: Pen, rng, cx, cy, r, n=7, colours=LEAVES):
    """A round bush of overlapping leaves."""
    for i in range(n):
        a = 2 * math.pi * i / n + rng.uniform(-0.2, 0.2)
        p.oval(cx + math.cos(a) * r * 0.45, cy + math.sin(a) * r * 0.35, r * 0.6, r * 0.55, rng.choice(colours))
    p.oval(cx, cy - r * 0.1, r * 0.55, r * 0.5, light(colours[0], 0.12))


def tree(p: Pen, rng, cx, base, h, fruit=None):
    p.rect(cx - h * 0.045, base - h * 0.5, cx + h * 0.045, base, WOOD_DARK, r=6)
    leafy(p, rng, cx, base - h * 0.68, h * 0.38)
    if fruit:
        for _ in range(7):
            a, d = rng.uniform(0, 2 * math.pi), rng.uniform(0, h * 0.27)
            p.oval(cx + math.cos(a) * d, base - h * 0.68 + math.sin(a) * d * 0.8, h * 0.03, h * 0.03, fruit)


def flower(p: Pen, cx, cy, r, colour):
    for i in range(5):
        a = 2 * math.pi * i / 5 - math.pi / 2
        p.oval(cx + math.cos(a) * r * 0.55, cy + math.sin(a) * r * 0.55, r * 0.48, r * 0.48, colour)
    p.oval(cx, cy, r * 0.35, r * 0.35, (246, 206, 96) if colour != (244, 196, 96) else (200, 120, 70))


def potted_plant(p: Pen, rng, cx, base, h, pot):
    p.shadow(cx, base, h * 0.3, h * 0.05)
    for i in range(7):
        a = math.radians(-150 + i * 20)
        L = h * rng.uniform(0.45, 0.6)
        tip = (cx + math.cos(a) * L * 0.7, base - h * 0.42 + math.sin(a) * L)
        p.poly(
            oval_pts((cx + tip[0]) / 2, (base - h * 0.42 + tip[1]) / 2, L * 0.42, h * 0.07, math.degrees(a)),
            rng.choice(LEAVES),
        )
    p.poly(
        [
            (cx - h * 0.22, base - h * 0.42),
            (cx + h * 0.22, base - h * 0.42),
            (cx + h * 0.16, base),
            (cx - h * 0.16, base),
        ],
        pot,
    )
    p.rect(cx - h * 0.25, base - h * 0.46, cx + h * 0.25, base - h * 0.38, light(pot, 0.15), r=6)


def mug(p: Pen, cx, cy, r, colour, drink=(150, 104, 74)):
    """A cup seen from above."""
    p.oval(cx + 8, cy + 10, r, r, SHADOW)
    p.rect(cx + r * 0.8, cy - r * 0.18, cx + r * 1.45, cy + r * 0.18, colour, r=r * 0.15)
    p.oval(cx, cy, r, r, colour)
    p.oval(cx, cy, r * 0.78, r * 0.78, drink)
    p.oval(cx - r * 0.25, cy - r * 0.25, r * 0.16, r * 0.1, light(drink, 0.35))


def chopsticks(p: Pen, x, y0, y1, colour=WOOD_LIGHT):
    for dx in (0, 26):
        p.poly([(x + dx - 6, y0), (x + dx + 6, y0), (x + dx + 3, y1), (x + dx - 3, y1)], colour)


def spoon(p: Pen, x, y0, y1, colour=STEEL):
    p.rect(x - 6, y0 + 60, x + 6, y1, colour, r=6)
    p.oval(x, y0 + 40, 30, 44, colour)
    p.oval(x - 6, y0 + 32, 14, 22, light(colour, 0.35))


def pen_drawn(p: Pen, cx, cy, length, angle, body, clip):
    w = length * 0.075
    p.poly(rrect_pts(cx + 6, cy + 8, length, w, w / 2, angle), SHADOW)
    p.poly(rrect_pts(cx, cy, length, w, w / 2, angle), body)
    tip = rot(
        [(length / 2 - 2, -w / 2 + 2), (length / 2 + length * 0.09, 0), (length / 2 - 2, w / 2 - 2)], cx, cy, angle
    )
    p.poly(tip, (170, 170, 176))
    p.poly(
        rrect_pts(*rot([(-length * 0.3, -w * 0.45)], cx, cy, angle)[0], length * 0.3, w * 0.3, w * 0.15, angle), clip
    )
    p.poly(rrect_pts(*rot([(length * 0.3, 0)], cx, cy, angle)[0], length * 0.12, w * 1.02, 4, angle), dark(body, 0.1))


def sheet_lines(p: Pen, x0, y0, x1, n, gap=30, colour=(200, 202, 208), width=10, rng=None):
    for i in range(n):
        end = x1 - (x1 - x0) * ((0.35 if i == n - 1 else 0.05) + (rng.uniform(0, 0.15) if rng else 0))
        p.rect(x0, y0 + i * gap, end, y0 + i * gap + width, colour, r=width / 2)


def picture_icon(p: Pen, x0, y0, x1, y1, colour):
    """A placeholder photo: a sun over a hill (used on printed things, never text)."""
    p.rect(x0, y0, x1, y1, light(colour, 0.55), r=8)
    w, h = x1 - x0, y1 - y0
    p.oval(x0 + w * 0.72, y0 + h * 0.32, min(w, h) * 0.12, min(w, h) * 0.12, light(colour, 0.2))
    p.poly([(x0, y1), (x0 + w * 0.35, y0 + h * 0.45), (x0 + w * 0.62, y1)], colour)
    p.poly([(x0 + w * 0.4, y1), (x0 + w * 0.7, y0 + h * 0.6), (x1, y1)], dark(colour, 0.15))


def camera(p: Pen, cx, cy, w, body=(70, 74, 84)):
    h = w * 0.62
    p.rect(cx - w * 0.22, cy - h * 0.68, cx + w * 0.1, cy - h * 0.4, body, r=10)
    p.rect(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2, body, r=w * 0.08)
    p.rect(cx - w / 2, cy - h * 0.1, cx + w / 2, cy + h * 0.2, light(body, 0.12))
    p.oval(cx, cy, h * 0.38, h * 0.38, dark(body, 0.3))
    p.oval(cx, cy, h * 0.28, h * 0.28, (60, 84, 112))
    p.oval(cx - h * 0.08, cy - h * 0.08, h * 0.08, h * 0.08, (150, 180, 210))
    p.oval(cx + w * 0.36, cy - h * 0.3, w * 0.04, w * 0.04, (236, 120, 96))


def tripod(p: Pen, cx, top, base, colour=(80, 84, 92)):
    for dx in (-0.45, 0, 0.45):
        p.line([(cx, top), (cx + dx * (base - top), base)], colour, 12)
    p.rect(cx - 28, top - 20, cx + 28, top + 16, colour, r=6)


def video_camera(p: Pen, cx, cy, w, body=(70, 74, 84)):
    """A camcorder seen from the side: body, lens hood and viewfinder."""
    h = w * 0.5
    p.rect(cx - w / 2, cy - h / 2, cx + w * 0.3, cy + h / 2, body, r=16)
    p.poly(
        [
            (cx + w * 0.28, cy - h * 0.28),
            (cx + w * 0.55, cy - h * 0.42),
            (cx + w * 0.55, cy + h * 0.42),
            (cx + w * 0.28, cy + h * 0.28),
        ],
        dark(body, 0.2),
    )
    p.rect(cx - w * 0.44, cy - h * 0.82, cx + w * 0.05, cy - h * 0.5, body, r=10)
    p.rect(cx - w * 0.4, cy - h * 0.2, cx + w * 0.1, cy + h * 0.2, light(body, 0.12), r=8)
    p.oval(cx + w * 0.2, cy - h * 0.3, 9, 9, (236, 100, 90))


def softbox(p: Pen, cx, top, base, w, tilt=0.0):
    """A studio light: a glowing box on a stand, turned tilt degrees towards the set."""
    cy = top + w * 0.4
    p.oval(cx, cy, w * 0.9, w * 0.75, (255, 248, 220, 70))
    p.line([(cx, cy), (cx, base - 40)], (90, 94, 102), 10)
    for dx in (-0.2, 0.2):
        p.line([(cx, base - 40), (cx + dx * w * 1.4, base)], (90, 94, 102), 10)
    back = -1 if tilt > 0 else 1
    p.poly(
        rot([(back * w * 0.55, -w * 0.2), (back * w * 0.55, w * 0.2), (0, w * 0.42), (0, -w * 0.42)], cx, cy, 0),
        (70, 74, 82),
    )
    p.poly(rrect_pts(cx, cy, w * 0.22, w * 0.9, 8, tilt), (84, 88, 96))
    p.poly(rrect_pts(cx - back * w * 0.05, cy, w * 0.12, w * 0.8, 6, tilt), (255, 252, 236))


def phone(p: Pen, cx, cy, w, angle=0.0, screen=None):
    h = w * 2.0
    p.poly(rrect_pts(cx + 10, cy + 14, w, h, w * 0.16, angle), SHADOW)
    p.poly(rrect_pts(cx, cy, w, h, w * 0.16, angle), (54, 58, 68))
    p.poly(rrect_pts(cx, cy, w * 0.88, h * 0.9, w * 0.1, angle), screen or (236, 242, 248))


def bunting(p: Pen, pal, y, sag=40):
    pts = [(x, y + sag * math.sin(math.pi * x / W)) for x in range(0, W + 1, 100)]
    p.line(pts, (150, 140, 130), 4)
    for i, (x, yy) in enumerate(pts[:-1]):
        nx, ny = pts[i + 1]
        p.poly([(x + 8, yy), (nx - 8, ny), ((x + nx) / 2, (yy + ny) / 2 + 54)], pal["accents"][i % 4])


def leaf_emblem(p: Pen, cx, cy, s, colour):
    p.poly(oval_pts(cx - s * 0.25, cy, s * 0.42, s * 0.2, -40), colour)
    p.poly(oval_pts(cx + s * 0.25, cy, s * 0.42, s * 0.2, 40 + 180), light(colour, 0.15))
    p.line([(cx, cy + s * 0.5), (cx, cy - s * 0.05)], colour, max(3, s * 0.08))


# --- food and small things for boxes (each fills a cell x0, y0, x1, y1) --------------------


def food_rice(p: Pen, rng, x0, y0, x1, y1):
    w, h = x1 - x0, y1 - y0
    p.rect(x0, y0, x1, y1, (252, 250, 244), r=min(w, h) * 0.2)
    for _ in range(int(w * h / 6000)):
        x, y = rng.uniform(x0 + 14, x1 - 14), rng.uniform(y0 + 14, y1 - 14)
        p.poly(oval_pts(x, y, min(9, w * 0.04), min(4.5, w * 0.02), rng.uniform(0, 180), 12), (236, 233, 222))
    for _ in range(4):
        p.oval(rng.uniform(x0 + w * 0.2, x1 - w * 0.2), rng.uniform(y0 + h * 0.2, y1 - h * 0.2), 4, 3, (70, 64, 60))


KIMCHI = ((212, 72, 52), (226, 96, 62), (198, 62, 46))


def wavy_pts(cx, cy, rx, ry, angle=0.0, waves=8, depth=0.07):
    """An oval with a ruffled edge (cabbage leaves, lettuce)."""
    pts = []
    for i in range(72):
        t = 2 * math.pi * i / 72
        k = 1 + depth * math.sin(waves * t)
        pts.append((rx * k * math.cos(t), ry * k * math.sin(t)))
    return rot(pts, cx, cy, angle)


def kimchi_leaf(p: Pen, rng, cx, cy, rx, ry, a):
    p.poly(wavy_pts(cx, cy, rx, ry, a), rng.choice(KIMCHI))
    ox, oy = rot([(-rx * 0.42, 0)], 0, 0, a)[0]
    p.poly(oval_pts(cx + ox, cy + oy, rx * 0.5, ry * 0.46, a), (248, 224, 176))
    p.poly(oval_pts(cx + ox * 0.7, cy + oy * 0.7, rx * 0.4, ry * 0.14, a), (232, 132, 92))
    for _ in range(4):
        fx, fy = rot([(rng.uniform(-rx * 0.9, rx * 0.5), rng.uniform(-ry * 0.4, ry * 0.4))], cx, cy, a)[0]
        p.oval(fx, fy, max(2, rx * 0.025), max(2, rx * 0.025), (170, 40, 36))


def food_kimchi(p: Pen, rng, x0, y0, x1, y1):
    w, h = x1 - x0, y1 - y0
    s = min(w, h)
    for _ in range(6):
        kimchi_leaf(
            p,
            rng,
            rng.uniform(x0 + w * 0.3, x1 - w * 0.3),
            rng.uniform(y0 + h * 0.3, y1 - h * 0.3),
            s * 0.28,
            s * 0.15,
            rng.uniform(0, 180),
        )


def food_namul(p: Pen, rng, x0, y0, x1, y1):
    w, h = x1 - x0, y1 - y0
    L = min(w, h) * 0.42
    for _ in range(16):
        x, y = rng.uniform(x0 + L / 2, x1 - L / 2), rng.uniform(y0 + L / 2, y1 - L / 2)
        a = rng.uniform(0, 180)
        p.line(rot([(-L / 2, 0), (0, L * 0.08), (L / 2, 0)], x, y, a), rng.choice(LEAVES), max(4, min(w, h) * 0.045))
    for _ in range(6):
        p.oval(rng.uniform(x0 + 10, x1 - 10), rng.uniform(y0 + 10, y1 - 10), 3.5, 2.5, (246, 236, 206))


def food_egg(p: Pen, rng, x0, y0, x1, y1):
    w, h = x1 - x0, y1 - y0
    cw = w / 3
    for i in range(3):
        bx = x0 + i * cw
        box = (bx + cw * 0.06, y0 + h * 0.14, bx + cw * 0.94, y1 - h * 0.14)
        p.rect(*box, (246, 206, 92), r=cw * 0.25)
        p.rect(
            box[0] + cw * 0.16, box[1] + h * 0.16, box[2] - cw * 0.16, box[3] - h * 0.16, (250, 228, 150), r=cw * 0.15
        )
        p.rect(box[0] + cw * 0.3, box[1] + h * 0.3, box[2] - cw * 0.3, box[3] - h * 0.3, (246, 206, 92), r=cw * 0.08)
        p.oval(bx + cw * 0.35, y0 + h * 0.4, 4, 4, (110, 160, 90))
        p.oval(bx + cw * 0.62, y0 + h * 0.62, 4, 4, (230, 120, 70))


def food_beans(p: Pen, rng, x0, y0, x1, y1):
    w, h = x1 - x0, y1 - y0
    r = max(6, min(w, h) * 0.07)
    for _ in range(int(w * h / (r * r * 3.2))):
        x, y = rng.uniform(x0 + r, x1 - r), rng.uniform(y0 + r, y1 - r)
        p.oval(x, y, r, r * 0.8, (66, 44, 34))
        p.oval(x - r * 0.3, y - r * 0.3, r * 0.3, r * 0.2, (150, 118, 96))


def food_meat(p: Pen, rng, x0, y0, x1, y1):
    w, h = x1 - x0, y1 - y0
    s = min(w, h)
    for _ in range(7):
        x, y = rng.uniform(x0 + w * 0.25, x1 - w * 0.25), rng.uniform(y0 + h * 0.25, y1 - h * 0.25)
        p.poly(
            oval_pts(x, y, s * 0.26, s * 0.12, rng.uniform(0, 180), 10),
            rng.choice(((150, 88, 56), (132, 76, 48), (168, 104, 64))),
        )
    for _ in range(5):
        x, y = rng.uniform(x0 + 12, x1 - 12), rng.uniform(y0 + 12, y1 - 12)
        p.oval(x, y, s * 0.05, s * 0.05, (120, 176, 90))
        p.oval(x, y, s * 0.025, s * 0.025, (200, 228, 170))


def food_lotus(p: Pen, rng, x0, y0, x1, y1):
    w, h = x1 - x0, y1 - y0
    r = min(w, h) * 0.26
    for cx, cy in ((x0 + w * 0.3, y0 + h * 0.32), (x1 - w * 0.3, y0 + h * 0.36), (x0 + w * 0.5, y1 - h * 0.3)):
        p.oval(cx, cy, r, r, (186, 130, 78))
        for k in range(6):
            a = 2 * math.pi * k / 6
            p.oval(cx + math.cos(a) * r * 0.55, cy + math.sin(a) * r * 0.55, r * 0.17, r * 0.17, (128, 84, 50))
        p.oval(cx, cy, r * 0.17, r * 0.17, (128, 84, 50))


def food_noodles(p: Pen, rng, x0, y0, x1, y1):
    w, h = x1 - x0, y1 - y0
    for _ in range(18):
        y = rng.uniform(y0 + h * 0.15, y1 - h * 0.15)
        pts = [(x0 + w * (0.1 + 0.8 * k / 6), y + math.sin(k + y) * h * 0.08) for k in range(7)]
        p.line(pts, rng.choice(((150, 110, 78), (170, 128, 90))), 5)
    for _ in range(10):
        x, y = rng.uniform(x0 + 12, x1 - 12), rng.uniform(y0 + 12, y1 - 12)
        p.rect(x - 10, y - 4, x + 10, y + 4, rng.choice(((230, 130, 70), (110, 170, 90), (240, 210, 110))), r=3)


def food_jeon(p: Pen, rng, x0, y0, x1, y1):
    w, h = x1 - x0, y1 - y0
    r = min(w, h) * 0.24
    for i in range(5):
        cx = x0 + w * (0.18 + 0.16 * i)
        cy = y0 + h * (0.4 if i % 2 else 0.6)
        p.oval(cx, cy, r, r * 0.9, (232, 184, 96))
        p.oval(cx - r * 0.2, cy - r * 0.1, r * 0.18, r * 0.12, (120, 170, 90))
        p.oval(cx + r * 0.25, cy + r * 0.2, r * 0.14, r * 0.1, (220, 110, 70))


SIDE_DISHES = (food_kimchi, food_namul, food_egg, food_beans, food_meat, food_lotus)


def item_fish(p: Pen, rng, x0, y0, x1, y1):
    w, h = x1 - x0, y1 - y0
    n = 4
    for i in range(n):
        cy = y0 + h * (i + 0.5) / n
        cx = x0 + w * 0.5 + (10 if i % 2 else -10)
        L = w * 0.36
        body = rng.choice(((204, 176, 120), (192, 164, 112)))
        p.poly(oval_pts(cx + 6, cy + 8, L, h / n * 0.3), SHADOW)
        p.poly(
            [(cx + L * 0.85, cy), (cx + L * 1.25, cy - h / n * 0.32), (cx + L * 1.25, cy + h / n * 0.32)],
            dark(body, 0.12),
        )
        p.poly(oval_pts(cx, cy, L, h / n * 0.28), body)
        p.poly(oval_pts(cx - L * 0.1, cy - h / n * 0.06, L * 0.7, h / n * 0.1), light(body, 0.25))
        p.oval(cx - L * 0.72, cy - h / n * 0.05, 6, 6, (60, 50, 44))


def item_gim(p: Pen, rng, x0, y0, x1, y1):
    w, h = x1 - x0, y1 - y0
    s = min(w, h) * 0.78
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    for k in range(4):
        p.poly(rrect_pts(cx + 8 - k * 4, cy + 10 - k * 5, s, s * 0.9, 6, -4 + k * 3), SHADOW)
        p.poly(rrect_pts(cx - k * 4, cy - k * 5, s, s * 0.9, 6, -4 + k * 3), ((40, 58, 44), (48, 70, 52))[k % 2])
    p.poly(rrect_pts(cx - 12, cy - 15, s * 0.26, s * 0.92, 4, 5), KRAFT)
    p.oval(cx - 12, cy - 15, s * 0.09, s * 0.09, (222, 96, 80))


def item_tteok(p: Pen, rng, x0, y0, x1, y1):
    w, h = x1 - x0, y1 - y0
    cols, rows = 3, 3
    colours = ((246, 244, 236), (240, 188, 196), (160, 188, 128))
    for i in range(cols):
        for j in range(rows):
            cx, cy = x0 + w * (i + 0.5) / cols, y0 + h * (j + 0.5) / rows
            r = min(w / cols, h / rows) * 0.4
            c = colours[(i + j) % 3]
            p.oval(cx + 4, cy + 6, r, r * 0.85, SHADOW)
            p.oval(cx, cy, r, r * 0.85, c)
            p.oval(cx - r * 0.3, cy - r * 0.3, r * 0.25, r * 0.16, light(c, 0.5))


def item_fruit(p: Pen, rng, x0, y0, x1, y1):
    w, h = x1 - x0, y1 - y0
    r = min(w, h) * 0.22
    spots = ((0.3, 0.28), (0.7, 0.3), (0.3, 0.72), (0.7, 0.72))
    kinds = ((214, 70, 64), (240, 150, 56), (226, 200, 120), (240, 150, 56))
    for (fx, fy), c in zip(spots, kinds, strict=True):
        cx, cy = x0 + w * fx, y0 + h * fy
        p.oval(cx + 6, cy + 8, r, r, SHADOW)
        p.oval(cx, cy, r, r, c)
        p.oval(cx - r * 0.35, cy - r * 0.35, r * 0.25, r * 0.18, light(c, 0.4))
        p.poly(oval_pts(cx + r * 0.3, cy - r * 0.75, r * 0.35, r * 0.14, -30), LEAVES[0])


def item_soymilk(p: Pen, rng, x0, y0, x1, y1):
    w, h = x1 - x0, y1 - y0
    for i in range(3):
        cx = x0 + w * (i + 0.5) / 3
        bw, bh = w / 3 * 0.78, h * 0.78
        cy = (y0 + y1) / 2
        p.rect(cx - bw / 2 + 6, cy - bh / 2 + 8, cx + bw / 2 + 6, cy + bh / 2 + 8, SHADOW, r=8)
        p.rect(cx - bw / 2, cy - bh / 2, cx + bw / 2, cy + bh / 2, (246, 240, 224), r=8)
        p.rect(cx - bw / 2, cy - bh / 2, cx + bw / 2, cy - bh * 0.22, (150, 176, 104), r=8)
        p.poly(oval_pts(cx, cy + bh * 0.15, bw * 0.22, bw * 0.15, 20), (212, 180, 110))
        p.oval(cx + bw * 0.22, cy - bh * 0.36, 6, 6, WHITE)


def item_rice(p: Pen, rng, x0, y0, x1, y1):
    w, h = x1 - x0, y1 - y0
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2 + h * 0.06
    bw, bh = w * 0.8, h * 0.78
    p.rect(cx - bw / 2 + 8, cy - bh / 2 + 10, cx + bw / 2 + 8, cy + bh / 2 + 10, SHADOW, r=bw * 0.15)
    p.poly(
        [
            (cx - bw * 0.22, cy - bh / 2 - h * 0.08),
            (cx + bw * 0.22, cy - bh / 2 - h * 0.08),
            (cx + bw * 0.1, cy - bh / 2 + 10),
            (cx - bw * 0.1, cy - bh / 2 + 10),
        ],
        (226, 212, 184),
    )
    p.rect(cx - bw / 2, cy - bh / 2, cx + bw / 2, cy + bh / 2, (236, 226, 202), r=bw * 0.15)
    p.rect(cx - bw * 0.14, cy - bh / 2 - 2, cx + bw * 0.14, cy - bh / 2 + 14, (170, 120, 80), r=6)
    p.rect(cx - bw * 0.32, cy - bh * 0.18, cx + bw * 0.32, cy + bh * 0.32, (252, 250, 244), r=bw * 0.08)
    food_rice(p, rng, cx - bw * 0.3, cy - bh * 0.16, cx + bw * 0.3, cy + bh * 0.3)
    p.rect(cx - bw / 2, cy + bh * 0.38, cx + bw / 2, cy + bh * 0.44, (200, 100, 84))


def item_sweet_potato(p: Pen, rng, x0, y0, x1, y1):
    w, h = x1 - x0, y1 - y0
    s = min(w, h)
    n = max(4, int(w * h / (s * s * 0.12)))
    for k in range(n):
        cx = x0 + w * ((k * 0.618) % 1 * 0.7 + 0.15)
        cy = y0 + h * ((k + 0.5) / n * 0.8 + 0.1)
        a = rng.uniform(-35, 35)
        rx, ry = s * 0.2, s * 0.085
        c = rng.choice(((168, 70, 88), (184, 84, 96), (150, 62, 80)))
        p.poly(oval_pts(cx + 6, cy + 8, rx, ry, a), SHADOW)
        tail = rot([(rx * 0.9, 0), (rx * 1.35, ry * 0.2)], cx, cy, a)
        p.line(tail, (120, 60, 60), 4)
        p.poly(oval_pts(cx, cy, rx, ry, a), c)
        p.poly(oval_pts(*rot([(-rx * 0.15, -ry * 0.35)], cx, cy, a)[0], rx * 0.55, ry * 0.2, a), light(c, 0.25))


def item_veg(p: Pen, rng, x0, y0, x1, y1):
    w, h = x1 - x0, y1 - y0
    s = min(w, h)
    cx, cy = x0 + w * 0.32, y0 + h * 0.34
    for k in range(7):
        a = 2 * math.pi * k / 7
        p.oval(cx + math.cos(a) * s * 0.12, cy + math.sin(a) * s * 0.12, s * 0.18, s * 0.17, LEAVES[k % 3])
    p.oval(cx, cy, s * 0.13, s * 0.13, (200, 226, 160))
    for i in range(3):
        bx, by = x0 + w * (0.58 + i * 0.11), y0 + h * 0.2
        p.poly([(bx - s * 0.05, by + s * 0.1), (bx + s * 0.05, by + s * 0.1), (bx, by + s * 0.62)], (238, 130, 60))
        for da in (-25, 0, 25):
            p.poly(oval_pts(bx + da * 0.6, by + s * 0.02, s * 0.1, s * 0.03, 90 + da), LEAVES[1])
    for i in range(2):
        x = x0 + w * (0.18 + i * 0.3)
        p.rect(x, y0 + h * 0.64, x + w * 0.34, y0 + h * 0.74, (240, 242, 232), r=12)
        p.rect(x + w * 0.18, y0 + h * 0.645, x + w * 0.5, y0 + h * 0.735, LEAVES[1 + i % 2], r=10)


def item_grain(p: Pen, rng, x0, y0, x1, y1):
    w, h = x1 - x0, y1 - y0
    grains = ((150, 60, 60), (214, 190, 140), (70, 58, 70))
    tall = h > w
    for i, g in enumerate(grains):
        if tall:
            cx, cy = x0 + w * (0.4 if i % 2 else 0.6), y0 + h * (i + 0.5) / 3
        else:
            cx, cy = x0 + w * (i + 0.5) / 3, y0 + h * (0.4 if i % 2 else 0.6)
        r = min(w, h / 3) * 0.46 if tall else min(w / 3, h) * 0.46
        p.oval(cx + 6, cy + 8, r, r, SHADOW)
        p.oval(cx, cy, r, r, KRAFT)
        p.oval(cx, cy, r * 0.75, r * 0.75, light(g, 0.1))
        for _ in range(18):
            a, d = rng.uniform(0, 2 * math.pi), rng.uniform(0, r * 0.62)
            p.oval(cx + math.cos(a) * d, cy + math.sin(a) * d, r * 0.07, r * 0.055, dark(g, 0.15))


def item_soap(p: Pen, rng, x0, y0, x1, y1, colour=None):
    w, h = x1 - x0, y1 - y0
    c = colour or rng.choice(((232, 214, 236), (210, 232, 214), (246, 232, 196), (240, 210, 200)))
    bw, bh = w * 0.8, min(h * 0.8, w * 1.2)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    p.rect(cx - bw / 2 + 8, cy - bh / 2 + 10, cx + bw / 2 + 8, cy + bh / 2 + 10, SHADOW, r=bw * 0.2)
    p.rect(cx - bw / 2, cy - bh / 2, cx + bw / 2, cy + bh / 2, c, r=bw * 0.2)
    p.rect(cx - bw * 0.36, cy - bh * 0.36, cx + bw * 0.36, cy + bh * 0.36, light(c, 0.35), r=bw * 0.14)
    leaf_emblem(p, cx, cy, min(bw, bh) * 0.3, dark(c, 0.25))


def item_paper(p: Pen, rng, x0, y0, x1, y1):
    w, h = x1 - x0, y1 - y0
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    bw, bh = min(w * 0.82, h * 0.58), min(h * 0.82, w * 1.16)
    p.rect(cx - bw / 2 + 8, cy - bh / 2 + 10, cx + bw / 2 + 8, cy + bh / 2 + 10, SHADOW, r=6)
    p.rect(cx - bw / 2, cy - bh / 2, cx + bw / 2, cy + bh / 2, PAPER, r=6)
    p.rect(cx - bw / 2, cy - bh * 0.12, cx + bw / 2, cy + bh * 0.22, (120, 170, 200), r=2)
    p.rect(cx - bw * 0.25, cy - bh * 0.05, cx + bw * 0.25, cy + bh * 0.15, PAPER, r=4)
    p.oval(cx, cy + bh * 0.05, bw * 0.06, bw * 0.06, (110, 170, 120))


def item_pens(p: Pen, rng, x0, y0, x1, y1):
    w, h = x1 - x0, y1 - y0
    for i in range(4):
        cy = y0 + h * (i + 0.5) / 4
        pen_drawn(
            p,
            (x0 + x1) / 2,
            cy,
            w * 0.72,
            -8,
            (236, 222, 178),
            ((120, 170, 110), (230, 150, 90), (100, 140, 190), (210, 100, 100))[i],
        )


# What a box can hold: (keywords, drawer, is produce); produce alone goes in a wooden crate.
BOX_ITEMS = (
    (("건어물",), item_fish, False),
    (("김",), item_gim, False),
    (("떡",), item_tteok, False),
    (("과일",), item_fruit, True),
    (("두유",), item_soymilk, False),
    (("쌀",), item_rice, True),
    (("고구마",), item_sweet_potato, True),
    (("채소", "농산물"), item_veg, True),
    (("곡물", "잡곡"), item_grain, True),
    (("비누",), item_soap, False),
    (("복사용지", "용지"), item_paper, False),
    (("볼펜",), item_pens, False),
)


# --- scenes ----------------------------------------------------------------------------------


def lunchbox(p: Pen, rng, x0, y0, x1, y1, colour):
    w, h = x1 - x0, y1 - y0
    p.rect(x0 + 10, y0 + 16, x1 + 10, y1 + 16, SHADOW, r=w * 0.05)
    p.rect(x0, y0, x1, y1, colour, r=w * 0.05)
    pad = min(w, h) * 0.045
    inner = light(colour, 0.14)
    mid, ym = x0 + w * 0.47, (y0 + y1) / 2
    xa, xb = mid + pad / 2, x1 - pad
    xm = (xa + xb) / 2
    cells = [(x0 + pad, y0 + pad, mid - pad / 2, y1 - pad)]
    cells += [(xa, y0 + pad, xm - pad / 2, ym - pad / 2), (xm + pad / 2, y0 + pad, xb, ym - pad / 2)]
    cells += [(xa, ym + pad / 2, xm - pad / 2, y1 - pad), (xm + pad / 2, ym + pad / 2, xb, y1 - pad)]
    for c in cells:
        p.rect(*c, inner, r=pad)
    k = pad * 0.5
    food_rice(p, rng, cells[0][0] + k, cells[0][1] + k, cells[0][2] - k, cells[0][3] - k)
    for c, fn in zip(cells[1:], rng.sample(SIDE_DISHES, 4), strict=True):
        fn(p, rng, c[0] + k, c[1] + k, c[2] - k, c[3] - k)


def soup_bowl(p: Pen, rng, cx, cy, r):
    p.oval(cx + 10, cy + 14, r, r, SHADOW)
    p.oval(cx, cy, r, r, (246, 244, 238))
    p.oval(cx, cy, r * 0.84, r * 0.84, (214, 158, 96))
    for _ in range(5):
        a, d = rng.uniform(0, 2 * math.pi), rng.uniform(0, r * 0.5)
        p.poly(
            rrect_pts(cx + math.cos(a) * d, cy + math.sin(a) * d, r * 0.2, r * 0.2, 4, rng.uniform(0, 90)),
            (250, 246, 232),
        )
    for _ in range(7):
        a, d = rng.uniform(0, 2 * math.pi), rng.uniform(0, r * 0.62)
        x, y = cx + math.cos(a) * d, cy + math.sin(a) * d
        p.oval(x, y, r * 0.07, r * 0.07, (112, 168, 84))
        p.oval(x, y, r * 0.035, r * 0.035, (196, 226, 160))


def scene_lunchbox(p: Pen, pal, rng, alt):
    box = rng.choice(((62, 60, 66), (150, 92, 62)))
    if "회의" in alt:
        tabletop(p, pal, colour=(204, 168, 128))
        lunchbox(p, rng, 230, 240, 850, 760, box)
        chopsticks(p, 900, 280, 720)
        mug(p, 1110, 300, 86, WHITE, (170, 120, 80))
        x0, y0 = 990, 480
        if "수첩" in alt:
            p.rect(x0 + 10, y0 + 14, x0 + 270, y0 + 380, SHADOW, r=14)
            p.rect(x0, y0, x0 + 260, y0 + 366, (176, 130, 90), r=14)
            p.rect(x0 + 212, y0, x0 + 226, y0 + 366, (70, 60, 56))
            p.rect(x0 + 40, y0 + 60, x0 + 170, y0 + 100, light((176, 130, 90), 0.2), r=6)
            pen_drawn(p, x0 + 120, y0 + 440, 300, -6, pal["accents"][2], WHITE)
        else:
            p.rect(x0 + 10, y0 + 14, x0 + 270, y0 + 380, SHADOW, r=6)
            p.rect(x0, y0, x0 + 260, y0 + 366, PAPER, r=6)
            p.rect(x0 + 30, y0 + 36, x0 + 150, y0 + 56, pal["accents"][0], r=8)
            sheet_lines(p, x0 + 30, y0 + 90, x0 + 230, 7, gap=34, rng=rng)
    else:
        tabletop(p, pal)
        p.rect(130, 150, 1270, 920, pal["wall"], r=36)
        lunchbox(p, rng, 200, 230, 880, 840, box)
        if "국" in alt:
            soup_bowl(p, rng, 1080, 380, 138)
        else:
            mug(p, 1080, 380, 100, WHITE, (190, 150, 100))
        chopsticks(p, 1030, 590, 880)
        spoon(p, 1140, 580, 890)


def scene_kitchen(p: Pen, pal, rng, alt):
    p.rect(0, 0, W, H, pal["wall"])
    p.rect(0, 130, W, 600, light(pal["wall"], 0.45))
    p.rect(100, 200, 560, 226, WOOD)
    for i, x in enumerate((150, 250, 350, 470)):
        p.oval(x, 170, 30 + i * 4, 30, STEEL)
    for i, x in enumerate((360, 700, 1040)):
        person(p, rng, x, 1040, 600, pal["accents"][i], apron=WHITE, cap=WHITE)
    p.poly([(40, 610), (1360, 610), (1440, 880), (-40, 880)], (214, 220, 224))
    p.rect(0, 880, W, H, (178, 186, 192))
    p.rect(0, 880, W, 892, (236, 240, 242))
    colour = rng.choice(((62, 60, 66), (150, 92, 62)))
    for x, y in ((120, 640), (420, 640), (720, 640), (1020, 640), (250, 770), (590, 770), (930, 770)):
        lunchbox(p, rng, x, y, x + 230, y + 100, colour)


def scene_buffet(p: Pen, pal, rng, alt):
    p.rect(0, 0, W, H, pal["wall"])
    bunting(p, pal, 90)
    p.rect(160, 200, 520, 410, light(pal["sky"], 0.3), r=10)
    p.rect(880, 200, 1240, 410, light(pal["sky"], 0.3), r=10)
    p.poly([(100, 420), (1300, 420), (1420, 860), (-20, 860)], (250, 248, 242))
    skirt = light(pal["accents"][0], 0.35)
    p.rect(0, 860, W, H, skirt)
    for x in range(40, W, 110):
        p.rect(x, 860, x + 6, H, dark(skirt, 0.08))
    foods = [food_noodles, food_jeon, food_meat, food_namul, food_kimchi, food_lotus]
    rng.shuffle(foods)
    for i, x in enumerate((300, 570, 840, 1110)):
        p.rect(x - 125 + 6, 470 + 10, x + 125 + 6, 590 + 10, SHADOW, r=18)
        p.rect(x - 125, 470, x + 125, 590, STEEL, r=18)
        p.rect(x - 110, 482, x + 110, 578, (232, 232, 228), r=12)
        foods[i](p, rng, x - 104, 488, x + 104, 572)
    for i, x in enumerate((330, 1070)):
        p.oval(x + 8, 730 + 12, 190, 100, SHADOW)
        p.oval(x, 730, 190, 100, WHITE)
        p.oval(x, 730, 150, 76, (240, 238, 232))
        (item_fruit if i else item_tteok)(p, rng, x - 120, 672, x + 120, 790)
    p.rect(600, 640, 800, 800, WHITE, r=10)
    for k in range(5):
        p.rect(610 + k * 4, 650 - k * 8, 790 - k * 4, 660 - k * 8, (232, 230, 226), r=4)
    for i in range(4):
        x = 625 + i * 50
        p.rect(x - 3, 560, x + 3, 640, (70, 130, 80))
        flower(p, x, 560 - (i % 2) * 30, 24, FLOWERS[i])


def scene_kimchi(p: Pen, pal, rng, alt):
    tabletop(p, pal)
    cx, cy, r = 640, 540, 360
    bowl = rng.choice(((200, 218, 200), (244, 242, 236)))
    p.oval(cx + 14, cy + 20, r, r, SHADOW)
    p.oval(cx, cy, r, r, bowl)
    p.oval(cx, cy, r * 0.86, r * 0.86, dark(bowl, 0.06))
    for i in range(7):
        y = cy - r * 0.42 + i * r * 0.14
        kimchi_leaf(p, rng, cx + rng.uniform(-20, 20), y, r * 0.6, r * 0.15, -12 + i * 4)
    for _ in range(9):
        a, d = rng.uniform(0, 2 * math.pi), rng.uniform(0, r * 0.6)
        p.poly(oval_pts(cx + math.cos(a) * d, cy + math.sin(a) * d, 14, 4, rng.uniform(0, 180), 10), (106, 160, 86))
    chopsticks(p, 1140, 220, 860, dark(WOOD_LIGHT, 0.1))


def scene_bread(p: Pen, pal, rng, alt):
    backdrop(p, pal, 560)
    p.shadow(700, 850, 520, 50)
    p.rect(220, 780, 1180, 850, WOOD, r=20)
    crust = (206, 146, 82)
    p.oval(470, 650, 210, 150, crust)
    for k in range(3):
        p.arc(470, 650 + k * 40 - 40, 120, 40, 200, 340, light(crust, 0.3), 10)
    p.rect(720, 560, 1060, 790, dark(crust, 0.05), r=90)
    p.rect(740, 600, 1040, 790, crust, r=40)
    for k in range(4):
        p.poly(oval_pts(800 + k * 70, 600, 22, 8, -30, 10), light(crust, 0.3))
    for x in (320, 380, 440):
        p.oval(x, 820, 40, 22, (226, 176, 110))


def box_items(alt: str):
    """Which things a box holds, in the order the alt text names them."""
    text = alt.replace("김치", "")
    found = []
    for words, fn, produce in BOX_ITEMS:
        hits = [text.find(w) for w in words if w in text]
        if hits:
            found.append((min(hits), fn, produce))
    return [(fn, produce) for _, fn, produce in sorted(found, key=lambda f: f[0])]


def scene_box(p: Pen, pal, rng, alt):
    items = box_items(alt) or [(item_veg, True)]
    tabletop(p, pal)
    x0, y0, x1, y1 = 300, 230, 1100, 860
    if "선물" in alt or "명절" in alt:
        style = "gift"
    elif all(produce for _, produce in items):
        style = "crate"
    else:
        style = "kraft"
    if style == "kraft":
        flap = light(KRAFT, 0.12)
        p.poly([(x0, y0), (x1, y0), (x1 - 60, y0 - 120), (x0 + 60, y0 - 120)], flap)
        p.poly([(x0, y1), (x1, y1), (x1 - 60, y1 + 120), (x0 + 60, y1 + 120)], flap)
        p.poly([(x0, y0), (x0, y1), (x0 - 130, y1 - 50), (x0 - 130, y0 + 50)], dark(flap, 0.05))
        p.poly([(x1, y0), (x1, y1), (x1 + 130, y1 - 50), (x1 + 130, y0 + 50)], dark(flap, 0.05))
        rim, inner = KRAFT, dark(KRAFT, 0.14)
    elif style == "crate":
        p.rect(x0 + 14, y0 + 20, x1 + 14, y1 + 20, SHADOW, r=10)
        rim, inner = WOOD_LIGHT, dark(WOOD, 0.12)
    else:
        p.rect(x0 + 14, y0 + 20, x1 + 14, y1 + 20, SHADOW, r=10)
        rim, inner = pal["accents"][rng.randrange(4)], (246, 242, 232)
    p.rect(x0, y0, x1, y1, rim, r=10)
    p.rect(x0 + 26, y0 + 26, x1 - 26, y1 - 26, inner, r=6)
    if style == "crate":
        for y in (y0 + 8, y1 - 18):
            p.rect(x0 + 30, y, x1 - 30, y + 10, dark(WOOD_LIGHT, 0.08), r=4)
    fns = [fn for fn, _ in items]
    if len(fns) == 1 and fns[0] in (item_soap, item_paper):
        fns = fns * (3 if fns[0] is item_soap else 2)
    ix0, iy0, ix1, iy1 = x0 + 40, y0 + 40, x1 - 40, y1 - 40
    if len(fns) == 4:
        mx, my = (ix0 + ix1) / 2, (iy0 + iy1) / 2
        cells = [(ix0, iy0, mx, my), (mx, iy0, ix1, my), (ix0, my, mx, iy1), (mx, my, ix1, iy1)]
    elif len(fns) == 3 and len(set(fns)) > 1:
        mx, my = ix0 + (ix1 - ix0) * 0.5, (iy0 + iy1) / 2
        cells = [(ix0, iy0, mx, iy1), (mx, iy0, ix1, my), (mx, my, ix1, iy1)]
    else:
        step = (ix1 - ix0) / len(fns)
        cells = [(ix0 + i * step, iy0, ix0 + (i + 1) * step, iy1) for i in range(len(fns))]
    for i, (c, fn) in enumerate(zip(cells, fns, strict=True)):
        if i and style != "crate":
            vertical = c[0] > cells[0][0] + 1 and abs(c[1] - iy0) < 1
            if vertical:
                p.rect(c[0] - 5, c[1], c[0] + 5, c[3], light(inner, 0.3) if style == "gift" else dark(inner, 0.1))
            else:
                p.rect(c[0], c[1] - 5, c[2], c[1] + 5, light(inner, 0.3) if style == "gift" else dark(inner, 0.1))
        fn(p, rng, c[0] + 14, c[1] + 14, c[2] - 14, c[3] - 14)
    if style == "gift":
        ribbon = light(pal["accents"][(pal["accents"].index(rim) + 1) % 4], 0.1)
        bx = (x0 + x1) / 2
        for side in (-1, 1):
            p.poly(
                [(bx, y0 + 6), (bx + side * 40, y0 + 70), (bx + side * 66, y0 + 50), (bx + side * 10, y0 + 4)],
                dark(ribbon, 0.1),
            )
            p.poly(oval_pts(bx + side * 62, y0 - 24, 66, 34, side * -18), ribbon)
            p.poly(oval_pts(bx + side * 58, y0 - 22, 34, 14, side * -18), dark(ribbon, 0.15))
        p.oval(bx, y0 - 14, 26, 24, dark(ribbon, 0.05))


def scene_rice(p: Pen, pal, rng, alt):
    backdrop(p, pal, 640)
    p.shadow(560, 900, 300, 44)
    sack = (238, 228, 206)
    p.poly([(420, 320), (700, 320), (640, 230), (480, 230)], dark(sack, 0.06))
    p.rect(340, 300, 780, 900, sack, r=120)
    p.rect(500, 290, 620, 320, (176, 120, 80), r=10)
    p.rect(340, 760, 780, 790, (206, 104, 88))
    p.rect(340, 800, 780, 816, (120, 160, 110))
    p.oval(560, 540, 130, 130, light(sack, 0.5))
    p.line([(560, 640), (560, 470)], (120, 160, 90), 10)
    for k in range(5):
        for side in (-1, 1):
            p.poly(oval_pts(560 + side * 26, 470 + k * 30, 20, 10, side * 40), (214, 176, 96))
    p.oval(560, 450, 12, 20, (214, 176, 96))
    p.shadow(1010, 860, 210, 34)
    p.pie(1010, 760, 200, 120, 0, 180, WOOD)
    p.oval(1010, 760, 200, 36, dark(WOOD, 0.12))
    p.pie(1010, 770, 170, 90, 180, 360, (252, 250, 244))
    for _ in range(30):
        x, y = rng.uniform(870, 1150), rng.uniform(700, 760)
        p.poly(oval_pts(x, y, 8, 4, rng.uniform(0, 180), 10), (230, 226, 214))
    for _ in range(14):
        p.poly(oval_pts(rng.uniform(760, 1260), rng.uniform(900, 960), 8, 4, rng.uniform(0, 180), 10), (250, 248, 240))


def scene_field(p: Pen, pal, rng, alt):
    outdoors(p, pal, rng, horizon=470)
    for x in (230, 620, 1010):
        p.shadow(x + 170, 600, 200, 20)
        p.pie(x + 170, 600, 200, 170, 180, 360, (238, 242, 240))
        for k in (-2, -1, 1, 2):  # ribs of the tunnel
            rx = x + 170 + k * 62
            p.line([(rx, 600 - 170 * math.sqrt(1 - (k * 62 / 200) ** 2)), (rx, 600)], (208, 216, 214), 6)
        p.rect(x + 140, 520, x + 200, 600, (196, 206, 204), r=4)
    soil, crop = (176, 130, 94), LEAVES
    p.rect(0, 600, W, H, soil)
    vx, vy = 700, 360
    for i in range(-10, 11):
        xa, xb = vx + (i - 0.3) * 260, vx + (i + 0.3) * 260
        ta = (600 - vy) / (H - vy)
        p.poly([(vx + (xa - vx) * ta, 600), (vx + (xb - vx) * ta, 600), (xb, H), (xa, H)], crop[abs(i) % 3])
    p.rect(0, 596, W, 606, dark(pal["ground"], 0.1))


def spray_bottle(p: Pen, cx, base, h, colour):
    w = h * 0.42
    p.shadow(cx, base, w * 0.7, h * 0.05)
    p.rect(cx - w / 2, base - h * 0.64, cx + w / 2, base, colour, r=w * 0.2)
    p.rect(cx - w * 0.34, base - h * 0.5, cx + w * 0.34, base - h * 0.18, light(colour, 0.6), r=10)
    p.poly(
        [
            (cx - w * 0.3, base - h * 0.64),
            (cx + w * 0.3, base - h * 0.64),
            (cx + w * 0.15, base - h * 0.74),
            (cx - w * 0.15, base - h * 0.74),
        ],
        colour,
    )
    head = (246, 246, 242)
    p.rect(cx - w * 0.3, base - h * 0.92, cx + w * 0.3, base - h * 0.74, head, r=12)
    p.poly(
        [
            (cx + w * 0.25, base - h * 0.92),
            (cx + w * 0.62, base - h * 0.9),
            (cx + w * 0.62, base - h * 0.82),
            (cx + w * 0.25, base - h * 0.78),
        ],
        head,
    )
    p.poly(
        [
            (cx - w * 0.05, base - h * 0.76),
            (cx + w * 0.1, base - h * 0.76),
            (cx - w * 0.05, base - h * 0.6),
            (cx - w * 0.14, base - h * 0.62),
        ],
        dark(head, 0.12),
    )


def bucket(p: Pen, cx, base, h, colour):
    w = h * 1.0
    p.shadow(cx, base, w * 0.6, h * 0.08)
    p.arc(cx, base - h, w * 0.42, h * 0.5, 180, 360, (110, 114, 122), 8)
    p.poly([(cx - w / 2, base - h), (cx + w / 2, base - h), (cx + w * 0.38, base), (cx - w * 0.38, base)], colour)
    p.oval(cx, base - h, w / 2, h * 0.1, dark(colour, 0.25))
    p.rect(cx - w * 0.46, base - h * 0.7, cx + w * 0.46, base - h * 0.64, light(colour, 0.25))


def mop(p: Pen, x, base, h, colour):
    p.line([(x + h * 0.2, base - h), (x, base - h * 0.2)], WOOD, 14)
    p.rect(x - h * 0.16, base - h * 0.24, x + h * 0.16, base - h * 0.18, (120, 124, 132), r=6)
    for k in range(7):
        dx = -h * 0.15 + k * h * 0.05
        p.rect(x + dx - 9, base - h * 0.2, x + dx + 9, base, colour, r=9)


def scene_cleaning(p: Pen, pal, rng, alt):
    backdrop(p, pal, 640, table=light(pal["table"], 0.2))
    if any(w in alt for w in ("직원들", "모여", "팀")):
        uniform = pal["accents"][2]
        for i, x in enumerate((330, 560, 820, 1060)):
            person(p, rng, x, 880 - (i % 2) * 20, 600, uniform, cap=dark(uniform, 0.2))
        bucket(p, 330, 1000, 150, pal["accents"][3])
        spray_bottle(p, 690, 1010, 210, pal["accents"][0])
        mop(p, 1140, 1010, 380, (236, 236, 232))
        return
    p.rect(120, 180, 460, 520, light(pal["sky"], 0.2), r=10)
    p.rect(286, 180, 294, 520, pal["wall"])
    bucket(p, 420, 900, 230, pal["accents"][2])
    mop(p, 640, 920, 560, (238, 238, 234))
    spray_bottle(p, 900, 900, 340, pal["accents"][0])
    p.shadow(1120, 900, 80, 14)
    p.poly([(1060, 900), (1120, 620), (1180, 900)], (244, 204, 96))
    p.poly([(1120, 680), (1150, 740), (1090, 740)], (80, 76, 70))


def scene_corridor(p: Pen, pal, rng, alt):
    wall, floor = pal["wall"], light(pal["table"], 0.15)
    p.rect(0, 0, W, H, dark(wall, 0.05))
    p.poly([(0, 0), (W, 0), (960, 180), (440, 180)], light(wall, 0.5))
    p.poly([(0, 0), (440, 180), (440, 600), (0, H)], dark(wall, 0.08))
    p.poly([(W, 0), (960, 180), (960, 600), (W, H)], dark(wall, 0.03))
    p.rect(440, 180, 960, 600, wall)
    p.poly([(440, 600), (960, 600), (W, H), (0, H)], floor)
    for t in (0.2, 0.45, 0.75):
        y = 600 + (H - 600) * t
        xa, xb = 440 - 440 * t, 960 + (W - 960) * t
        p.rect(xa + (xb - xa) * 0.3, y, xa + (xb - xa) * 0.7, y + 8 + 12 * t, light(floor, 0.4), r=6)
    for xa, xb, colour in ((100, 300, pal["accents"][1]), (1100, 1300, pal["accents"][3])):
        quad = []
        for x in (xa, xb):
            d = min(x, W - x)  # distance from the picture edge, where the side walls are tallest
            top, bottom = 180 * d / 440, H - (H - 600) * d / 440
            quad.append((x, top + (bottom - top) * 0.25))
        for x, _ in reversed(quad):
            d = min(x, W - x)
            quad.append((x, H - (H - 600) * d / 440 - 4))
        p.poly(quad, colour)
    for k in range(3):
        y = 40 + k * 50
        p.rect(600 - (3 - k) * 60, y, 800 + (3 - k) * 60, y + 14, (252, 252, 246), r=6)
    hands = person(p, rng, 760, 960, 560, pal["accents"][2], arms="hold")
    p.line([(hands[1][0], hands[1][1]), (620, 960)], (90, 94, 102), 14)
    p.rect(560, 950, 690, 980, (90, 94, 102), r=10)
    p.shadow(1000, 980, 120, 20)
    p.oval(1000, 900, 120, 80, pal["accents"][0])
    p.oval(950, 970, 24, 24, (70, 70, 76))
    p.oval(1060, 970, 24, 24, (70, 70, 76))
    p.arc(870, 880, 130, 100, 180, 300, (90, 94, 102), 12)


def scene_disinfection(p: Pen, pal, rng, alt):
    backdrop(p, pal, 660, table=light(pal["table"], 0.15))
    p.rect(880, 160, 1240, 660, dark(pal["wall"], 0.06), r=8)
    p.rect(900, 180, 1220, 660, light(pal["wall"], 0.3))
    suit = (238, 242, 246)
    cx, foot, h = 460, 980, 700
    p.shadow(cx, foot, 170, 24)
    p.rect(cx - 150, foot - h * 0.76, cx - 40, foot - h * 0.36, (120, 140, 150), r=30)
    person(p, rng, cx, foot, h, suit, pants=suit, arms="hold")
    r = h * 0.115
    hy = foot - h + r
    p.oval(cx, hy, r * 1.35, r * 1.35, dark(suit, 0.04))
    p.oval(cx, hy + r * 0.15, r * 0.95, r * 0.95, rng.choice(SKIN))
    p.rect(cx - r * 0.9, hy - r * 0.25, cx + r * 0.9, hy + r * 0.15, (70, 90, 110), r=12)
    p.rect(cx - r * 0.7, hy + r * 0.35, cx + r * 0.7, hy + r * 0.95, (190, 214, 232), r=14)
    p.rect(cx - 20, foot - h * 0.55, cx + 20, foot - h * 0.42, (230, 120, 80), r=6)
    p.line([(cx + 40, foot - h * 0.46), (cx + 330, foot - h * 0.62)], (90, 96, 104), 14)
    for _ in range(36):
        d = rng.uniform(30, 420)
        a = rng.uniform(-0.45, 0.2) - 0.5
        x = cx + 330 + math.cos(a) * d
        y = foot - h * 0.62 + math.sin(a) * d * 0.9
        s = 8 + d * 0.07
        p.oval(x, y, s, s, (210, 230, 244, 150))


def scene_aircon(p: Pen, pal, rng, alt):
    backdrop(p, pal, 800, table=light(pal["table"], 0.15))
    p.rect(0, 0, W, 120, light(pal["wall"], 0.5))
    p.rect(0, 120, W, 128, dark(pal["wall"], 0.08))
    unit = (246, 246, 244)
    p.rect(380, 120, 1020, 250, unit, r=10)
    p.rect(420, 140, 980, 230, (214, 218, 222), r=6)
    for x in range(436, 966, 16):
        p.rect(x, 148, x + 6, 222, (186, 192, 198))
    p.rect(640, 160, 760, 210, (120, 130, 140), r=8)
    lad = (200, 190, 170)
    for x0, x1 in ((380, 450), (620, 550)):
        p.line([(x0, 1000), (x1, 560)], lad, 20)
    for k in range(4):
        y = 940 - k * 110
        t = (1000 - y) / 440
        p.line([(380 + 70 * t, y), (620 - 70 * t, y)], lad, 14)
    hands = person(p, rng, 500, 610, 420, pal["accents"][2], arms="up", cap=dark(pal["accents"][2], 0.2))
    hx, hy = hands[1]
    spray_bottle(p, hx + 20, hy + 60, 130, pal["accents"][0])
    for _ in range(26):
        d = rng.uniform(10, 150)
        a = rng.uniform(-1.9, -1.1)
        p.oval(
            hx + 45 + math.cos(a) * d, hy - 50 + math.sin(a) * d * 0.8, 6 + d * 0.05, 6 + d * 0.05, (206, 228, 244, 170)
        )
    x0, y0 = 900, 980
    p.poly([(x0, y0), (x0 + 300, y0), (x0 + 340, y0 - 230), (x0 + 40, y0 - 230)], unit)
    for k in range(6):
        y = y0 - 200 + k * 32
        p.rect(x0 + 60 + (y0 - y) * 0.15, y, x0 + 300 + (y0 - y) * 0.15, y + 12, (206, 210, 214), r=6)
    bucket(p, 760, 1000, 150, pal["accents"][3])


def scene_soap(p: Pen, pal, rng, alt):
    colours = ((232, 214, 236), (206, 230, 212), (246, 230, 188), (240, 208, 198), (214, 226, 240))
    if "선반" in alt or "작업실" in alt:
        backdrop(p, pal, 900)
        for y in (330, 590, 850):
            p.rect(170, y, 1230, y + 26, WOOD, r=6)
            p.rect(170, y + 26, 1230, y + 34, dark(WOOD, 0.2))
            for k in range(6):
                x = 210 + k * 166
                block(p, x, y, 124, 84, 34, colours[(k + y // 10) % 5])
        for x in (190, 1210):
            p.rect(x - 10, 180, x + 10, 900, dark(WOOD, 0.1), r=4)
        return
    if "포장" in alt or "종이" in alt:
        backdrop(p, pal, 600)
        twine = (120, 90, 70)
        for x, base in ((150, 930), (530, 870)):
            w, h, d = 330, 240, 140
            block(p, x, base, w, h, d, KRAFT)
            p.poly(
                [(x + w, base - h), (x + w + d, base - h - d * 0.55), (x + w + d * 0.5, base - h * 0.45)],
                dark(KRAFT, 0.22),
            )
            p.line([(x + w / 2, base - h), (x + w / 2, base)], twine, 6)
            p.line([(x + w / 2, base - h), (x + w / 2 + d, base - h - d * 0.55)], twine, 6)
            p.rect(x + 70, base - h * 0.68, x + w - 70, base - h * 0.3, PAPER, r=10)
            leaf_emblem(p, x + w / 2, base - h * 0.49, 60, (120, 160, 110))
        bar = (250, 244, 220)
        block(p, 930, 950, 300, 180, 130, bar)
        p.poly([(980, 770), (1060, 726), (1240, 726), (1170, 770)], light(bar, 0.5))
        return
    backdrop(p, pal, 560)
    p.shadow(700, 910, 470, 50)
    dish = WOOD
    p.rect(220, 800, 1080, 900, dish, r=34)
    for k in range(6):
        p.rect(260 + k * 138, 776, 350 + k * 138, 812, light(dish, 0.15), r=12)
    soap = rng.choice(colours)
    block(p, 360, 800, 480, 200, 180, soap)
    p.poly([(440, 580), (520, 536), (800, 536), (730, 580)], light(soap, 0.45))
    leaf_emblem(p, 600, 700, 90, dark(soap, 0.2))
    block(p, 1080, 960, 220, 110, 80, (246, 214, 110))
    p.rect(1080, 850, 1300, 880, (110, 170, 120))


def scene_press(p: Pen, pal, rng, alt):
    backdrop(p, pal, 760)
    body = dark(pal["accents"][2], 0.15)
    p.shadow(700, 900, 520, 40)
    block(p, 280, 900, 760, 420, 120, body)
    p.rect(340, 540, 760, 620, dark(body, 0.3), r=10)
    for k in range(4):
        p.oval(400 + k * 110, 580, 30, 30, (180, 186, 194))
    p.rect(820, 560, 980, 640, (60, 70, 80), r=8)
    p.rect(834, 574, 966, 626, (160, 220, 200), r=4)
    for k in range(3):
        p.oval(850 + k * 50, 680, 14, 14, pal["accents"][k])
    p.rect(300, 720, 1020, 740, dark(body, 0.25))
    block(p, 1050, 760, 240, 60, 60, PAPER, top=PAPER)
    p.poly([(1040, 700), (1300, 700), (1330, 650), (1070, 650)], (228, 228, 224))
    for k in range(5):
        y = 500 - k * 14
        p.poly([(80 + k * 6, y), (300, y + 30), (300, y + 50), (80 + k * 6, y + 20)], light(pal["accents"][k % 4], 0.3))
    p.rect(90, 400, 280, 520, (232, 232, 226), r=6)


def scene_leaflet(p: Pen, pal, rng, alt):
    tabletop(p, pal)
    x0, y0, pw, ph = 210, 220, 330, 600
    p.poly(
        [(x0 + 16, y0 + 22), (x0 + 3 * pw + 16, y0 + 22), (x0 + 3 * pw + 16, y0 + ph + 22), (x0 + 16, y0 + ph + 22)],
        SHADOW,
    )
    shades = (PAPER, (236, 234, 228), PAPER)
    for i in range(3):
        sx = x0 + i * pw
        off = (0, 30, 0)[i]
        p.poly(
            [
                (sx, y0 + off),
                (sx + pw, y0 + (0, 30, 0)[(i + 1) % 3] if i < 2 else y0),
                (sx + pw, y0 + ph),
                (sx, y0 + ph),
            ],
            shades[i],
        )
        accent = pal["accents"][i]
        picture_icon(p, sx + 36, y0 + off + 70, sx + pw - 36, y0 + off + 270, accent)
        p.rect(sx + 36, y0 + off + 310, sx + pw - 100, y0 + off + 336, dark(accent, 0.1), r=10)
        sheet_lines(p, sx + 36, y0 + off + 370, sx + pw - 36, 5, gap=34, rng=rng)
    p.rect(x0 - 2, y0 - 2, x0 + 3 * pw + 2, y0 + 40, light(pal["accents"][0], 0.1), r=4)


def scene_booklet(p: Pen, pal, rng, alt):
    tabletop(p, pal)
    specs = ((470, 560, -14), (720, 520, 4), (960, 560, 16))
    for i, (cx, cy, a) in enumerate(specs):
        accent = pal["accents"][i]
        for k in (2, 1, 0):
            p.poly(
                rrect_pts(cx + 12 + k * 8, cy + 16 + k * 6, 380, 520, 8, a), SHADOW if k == 0 else light(accent, 0.1)
            )
        p.poly(rrect_pts(cx, cy, 380, 520, 8, a), PAPER)
        band = rot([(-190, -260), (190, -260), (190, -110), (-190, -110)], cx, cy, a)
        p.poly(band, accent)
        pic = rot([(-140, -60), (140, -60), (140, 110), (-140, 110)], cx, cy, a)
        p.poly(pic, light(accent, 0.55))
        p.poly(oval_pts(*rot([(70, 0)], cx, cy, a)[0], 30, 30), light(accent, 0.2))
        for j in range(3):
            p.poly(
                rrect_pts(*rot([(-40 + (j == 2) * -40, 160 + j * 30)], cx, cy, a)[0], 220 - (j == 2) * 80, 12, 6, a),
                (200, 202, 208),
            )
        for j in (-120, 120):
            p.poly(rrect_pts(*rot([(-186, j)], cx, cy, a)[0], 6, 30, 2, a + 90 - 90), (160, 160, 166))


def scene_banner(p: Pen, pal, rng, alt):
    outdoors(p, pal, rng, horizon=640)
    p.rect(0, 640, W, H, light((200, 196, 188), 0.2))
    for x in (200, 1200):
        p.rect(x - 14, 180, x + 14, 900, (150, 154, 160), r=6)
        p.oval(x, 175, 22, 22, (150, 154, 160))
    p.line([(214, 230), (1186, 230)], (150, 154, 160), 4)
    p.rect(230, 250, 1170, 470, WHITE, r=6)
    p.rect(230, 250, 430, 470, pal["accents"][0], r=6)
    leaf_emblem(p, 330, 360, 110, WHITE)
    for k in range(3):
        p.rect(490, 300 + k * 50, 1100 - k * 150, 326 + k * 50, light(pal["accents"][1 + k % 3], 0.1 * k), r=13)
    for k in range(4):
        p.line([(230 + k * 313, 470), (230 + k * 313, 490)], (150, 154, 160), 4)
    for i, x in enumerate((420, 620, 900)):
        person(p, rng, x, 980 - i * 20, 360 - i * 20, pal["accents"][(i + 1) % 4])
    for i, (x, y) in enumerate(((1270, 300), (1320, 250), (1290, 200))):
        p.line([(1200, 600), (x, y + 60)], (170, 170, 170), 3)
        p.oval(x, y, 42, 52, pal["accents"][i])


def scene_notebook(p: Pen, pal, rng, alt):
    tabletop(p, pal)
    cover = (176, 132, 92)
    x0, y0, x1, y1 = 380, 200, 900, 880
    p.rect(x0 + 14, y0 + 18, x1 + 14, y1 + 18, SHADOW, r=20)
    p.rect(x0 + 10, y0 + 6, x1 - 4, y1 + 4, PAPER, r=20)
    p.rect(x0, y0, x1, y1, cover, r=20)
    for k in range(12):
        p.oval(x0 + 24, y0 + 40 + k * 54, 5, 5, dark(cover, 0.2))
    p.rect(x1 - 70, y0 - 4, x1 - 52, y1 + 4, (62, 56, 54))
    p.rect(x0 + 110, y0 + 120, x0 + 360, y0 + 180, light(cover, 0.18), r=8)
    leaf_emblem(p, x0 + 235, y0 + 540, 90, dark(cover, 0.18))
    pen_drawn(p, 1100, 540, 460, 76, (60, 64, 74), (196, 170, 110))
    p.poly(oval_pts(1120, 230, 60, 24, 30), LEAVES[0])
    p.poly(oval_pts(1180, 290, 60, 24, 70), LEAVES[1])


def scene_print(p: Pen, pal, rng, alt):
    tabletop(p, pal)
    p.poly(rrect_pts(520 + 14, 520 + 18, 560, 760, 6, -6), SHADOW)
    p.poly(rrect_pts(520, 520, 560, 760, 6, -6), PAPER)
    picture_icon(p, 320, 230, 700, 470, pal["accents"][0])
    for k in range(6):
        p.poly(
            rrect_pts(*rot([(-30, 130 + k * 40)], 520, 520, -6)[0], 400 - (k == 5) * 160, 14, 7, -6), (200, 202, 208)
        )
    for i in range(4):
        cx, cy, a = 1020 + i * 14, 300 + i * 130, 8 - i * 6
        p.poly(rrect_pts(cx + 8, cy + 10, 330, 190, 8, a), SHADOW)
        p.poly(rrect_pts(cx, cy, 330, 190, 8, a), WHITE)
        p.poly(rrect_pts(*rot([(-110, -40)], cx, cy, a)[0], 60, 60, 30, a), pal["accents"][i])
        p.poly(rrect_pts(*rot([(40, 20)], cx, cy, a)[0], 180, 12, 6, a), (200, 202, 208))


def scene_tumbler(p: Pen, pal, rng, alt):
    backdrop(p, pal, 700)
    for cx, h, tint in ((560, 560, None), (880, 460, pal["accents"][1])):
        w = h * 0.42
        base = 900 if tint is None else 860
        p.shadow(cx, base, w * 0.75, 26)
        body = [
            (cx - w / 2, base - h * 0.86),
            (cx + w / 2, base - h * 0.86),
            (cx + w * 0.44, base),
            (cx - w * 0.44, base),
        ]
        p.poly(body, tint or (206, 212, 218))
        if tint is None:
            for k, t in enumerate((0.12, 0.22, 0.7)):
                x = cx - w / 2 + w * t
                p.poly(
                    [
                        (x, base - h * 0.86),
                        (x + w * 0.06, base - h * 0.86),
                        (x + w * 0.06 - w * 0.05 * (t - 0.5), base),
                        (x - w * 0.05 * (t - 0.5), base),
                    ],
                    (240, 244, 246) if k < 2 else (176, 184, 192),
                )
            p.oval(cx, base - h * 0.45, w * 0.17, w * 0.17, pal["accents"][0])
            leaf_emblem(p, cx, base - h * 0.45, w * 0.2, WHITE)
        else:
            p.rect(cx - w * 0.46, base - h * 0.5, cx + w * 0.46, base - h * 0.3, light(tint, 0.3))
        p.rect(cx - w * 0.54, base - h, cx + w * 0.54, base - h * 0.84, (70, 74, 82), r=18)
        p.rect(cx - w * 0.2, base - h * 1.04, cx + w * 0.2, base - h * 0.98, (90, 94, 102), r=8)
    potted_plant(p, rng, 1140, 880, 260, (236, 232, 222))


def scene_pens(p: Pen, pal, rng, alt):
    tabletop(p, pal)
    body = (238, 224, 180)
    for i in range(5):
        pen_drawn(p, 600 + i * 30, 250 + i * 140, 720, -18, body, pal["accents"][i % 4])
    cx, cy = 1140, 560
    p.poly(oval_pts(cx + 10, cy + 14, 110, 260, 0), SHADOW)
    p.poly(oval_pts(cx - 60, cy + 60, 60, 230, -14), (140, 180, 100))
    p.poly(oval_pts(cx + 60, cy + 60, 60, 230, 14), (120, 164, 92))
    p.poly(oval_pts(cx, cy, 90, 230), (244, 206, 92))
    for row in range(12):
        for col in range(4):
            p.oval(cx - 54 + col * 36, cy - 190 + row * 34, 14, 13, (250, 222, 128))


def scene_folders(p: Pen, pal, rng, alt):
    tabletop(p, pal)
    colours = list(pal["accents"]) + [(236, 160, 170)]
    for i, c in enumerate(colours):
        cx, cy, a = 380 + i * 150, 560 - (i % 2) * 30, -16 + i * 8
        c = light(c, 0.1)
        p.poly(rrect_pts(cx + 12, cy + 16, 420, 560, 10, a), SHADOW)
        p.poly(rrect_pts(*rot([(-100, -290)], cx, cy, a)[0], 160, 60, 14, a), c)
        if i == len(colours) - 1:
            p.poly(rrect_pts(*rot([(10, -30)], cx, cy, a)[0], 360, 520, 4, a), PAPER)
        p.poly(rrect_pts(cx, cy, 420, 560, 10, a), c)
        p.poly(rrect_pts(*rot([(0, 150)], cx, cy, a)[0], 180, 50, 8, a), light(c, 0.45))


def scene_office_work(p: Pen, pal, rng, alt):
    backdrop(p, pal, 640)
    p.rect(140, 160, 700, 420, dark(pal["wall"], 0.04), r=10)
    for k in range(3):
        p.rect(170, 190 + k * 76, 670, 210 + k * 76, WOOD_LIGHT, r=4)
        for j in range(5):
            block(
                p, 190 + j * 95, 190 + k * 76, 60, 44, 16, KRAFT if (j + k) % 2 else light(pal["accents"][j % 4], 0.2)
            )
    for i, x in enumerate((380, 700, 1020)):
        person(p, rng, x, 1020, 600, pal["accents"][i], apron=light(pal["accents"][(i + 1) % 4], 0.5), arms="hold")
    p.poly([(40, 700), (1360, 700), (1440, 900), (-40, 900)], WOOD_LIGHT)
    p.rect(0, 900, W, H, WOOD)
    block(p, 200, 840, 220, 130, 90, KRAFT)
    p.rect(200, 772, 420, 790, (214, 190, 150))
    block(p, 560, 820, 160, 70, 60, PAPER, top=light((120, 170, 200), 0.2))
    for k in range(3):
        pen_drawn(p, 830 + k * 10, 770 + k * 26, 180, -10, (236, 222, 178), pal["accents"][k])
    block(p, 1000, 860, 220, 160, 90, KRAFT)
    p.poly([(1000, 700), (1090, 650), (1090, 610), (1000, 650)], light(KRAFT, 0.15))


def toolbox(p: Pen, x, base, w, colour):
    block(p, x, base, w, w * 0.45, w * 0.25, colour)
    p.arc(x + w / 2, base - w * 0.45, w * 0.22, w * 0.16, 180, 360, (70, 72, 80), 12)
    p.rect(x + w * 0.45, base - w * 0.32, x + w * 0.55, base - w * 0.24, (236, 236, 230), r=4)


def hammer(p: Pen, x, y, length, angle):
    head = rot([(0, 0)], x, y, 0)[0]
    p.poly(rrect_pts(*rot([(0, length * 0.45)], x, y, angle)[0], length * 0.09, length * 0.9, 8, angle), WOOD)
    p.poly(rrect_pts(head[0], head[1], length * 0.42, length * 0.12, 6, angle), (96, 100, 110))


def wrench(p: Pen, x, y, length, angle):
    p.poly(rrect_pts(x, y, length, length * 0.1, length * 0.05, angle), (160, 168, 178))
    end = rot([(length / 2, 0)], x, y, angle)[0]
    p.oval(end[0], end[1], length * 0.1, length * 0.1, (160, 168, 178))
    p.oval(end[0], end[1], length * 0.045, length * 0.045, (120, 128, 140))


def scene_repair(p: Pen, pal, rng, alt):
    backdrop(p, pal, 660, table=light(pal["table"], 0.1))
    p.rect(860, 160, 1260, 660, WOOD_LIGHT)
    p.rect(880, 180, 1240, 660, dark(WOOD_LIGHT, 0.08))
    vest = pal["accents"][3]
    for i, x in enumerate((330, 590, 850)):
        hands = person(p, rng, x, 900 - (i % 2) * 16, 620, pal["accents"][i % 3], apron=vest, cap=light(vest, 0.2))
        if i == 0:
            hammer(p, hands[1][0], hands[1][1] - 10, 160, -30)
        if i == 2:
            wrench(p, hands[0][0], hands[0][1], 150, -60)
    toolbox(p, 1000, 990, 260, pal["accents"][0])
    hammer(p, 200, 960, 200, 80)


def scene_window(p: Pen, pal, rng, alt):
    backdrop(p, pal, 760)
    p.rect(380, 130, 1020, 700, dark(pal["wall"], 0.1), r=6)
    frame = (250, 250, 246)
    p.rect(400, 150, 1000, 680, frame, r=6)
    glass = light(pal["sky"], 0.1)
    for x0 in (430, 715):
        p.rect(x0, 180, x0 + 255, 650, glass)
        p.poly([(x0 + 40, 650), (x0 + 150, 180), (x0 + 190, 180), (x0 + 80, 650)], light(glass, 0.4))
    p.rect(680, 420, 720, 440, (150, 154, 160), r=6)
    p.poly([(100, 960), (160, 420), (330, 420), (290, 960)], (150, 120, 96))
    p.poly([(130, 920), (176, 470), (310, 470), (266, 920)], (200, 204, 196))
    p.line([(243, 470), (198, 920)], (150, 120, 96), 16)
    p.line([(150, 700), (290, 700)], (150, 120, 96), 16)
    p.oval(200, 560, 20, 12, (190, 170, 150))
    p.rect(1060, 880, 1340, 910, (244, 200, 92), r=6)
    p.rect(1180, 884, 1220, 906, (170, 220, 190), r=4)
    p.shadow(1150, 990, 70, 14)
    p.oval(1150, 950, 60, 60, (244, 200, 92))
    p.oval(1150, 950, 26, 26, (70, 70, 76))
    hammer(p, 860, 900, 200, 100)


def chair(p: Pen, x, base, w, colour, facing=1):
    p.shadow(x + w / 2, base, w * 0.6, 14)
    back_x = x if facing > 0 else x + w - w * 0.18
    p.rect(back_x, base - w * 1.5, back_x + w * 0.18, base - w * 0.6, dark(colour, 0.1), r=10)
    p.rect(x, base - w * 0.72, x + w, base - w * 0.58, colour, r=8)
    for lx in (x + w * 0.08, x + w * 0.82):
        p.rect(lx, base - w * 0.6, lx + w * 0.1, base, dark(colour, 0.2), r=4)


def scene_room(p: Pen, pal, rng, alt):
    backdrop(p, pal, 700, table=light(WOOD, 0.35))
    p.rect(140, 150, 520, 520, WHITE, r=8)
    p.rect(160, 170, 500, 500, mix(pal["sky"], (150, 190, 220), 0.35), r=4)
    p.oval(420, 260, 40, 40, light(pal["sky"], 0.5))
    p.oval(250, 520, 160, 90, mix(pal["ground"], (150, 190, 220), 0.2))
    p.rect(140, 490, 520, 520, WHITE)
    p.rect(320, 150, 340, 520, WHITE)
    p.rect(110, 130, 200, 570, light(pal["accents"][0], 0.4), r=10)
    p.rect(460, 130, 550, 570, light(pal["accents"][0], 0.4), r=10)
    p.rect(820, 220, 1100, 420, WHITE, r=6)
    picture_icon(p, 840, 240, 1080, 400, pal["accents"][1])
    p.line([(960, 0), (960, 160)], (120, 120, 120), 3)
    p.pie(960, 200, 70, 60, 180, 360, pal["accents"][3])
    chair(p, 450, 900, 170, pal["accents"][2], 1)
    chair(p, 1000, 900, 170, pal["accents"][2], -1)
    p.shadow(790, 910, 180, 20)
    p.oval(790, 740, 190, 30, WOOD)
    p.rect(780, 740, 800, 900, dark(WOOD, 0.2))
    p.rect(720, 890, 860, 906, dark(WOOD, 0.2), r=6)
    mug(p, 740, 720, 22, WHITE)
    potted_plant(p, rng, 1240, 960, 360, (236, 232, 222))


def scene_workbench(p: Pen, pal, rng, alt):
    backdrop(p, pal, 700)
    board = light(WOOD_LIGHT, 0.25)
    p.rect(150, 100, 1250, 520, board, r=8)
    for y in range(130, 520, 60):
        for x in range(180, 1250, 60):
            p.oval(x, y, 5, 5, dark(board, 0.12))
    hammer(p, 300, 190, 260, 0)
    p.poly([(450, 170), (640, 170), (640, 300), (450, 240)], (196, 202, 208))
    p.rect(420, 160, 470, 260, WOOD_DARK, r=12)
    p.rect(720, 160, 746, 460, (238, 200, 100), r=4)
    for k in range(9):
        p.rect(746, 180 + k * 30, 760 - (k % 2) * 6, 184 + k * 30, (120, 100, 60))
    wrench(p, 930, 230, 240, 90)
    p.rect(1060, 170, 1100, 320, (220, 90, 80), r=16)
    p.rect(1074, 320, 1086, 450, (170, 174, 180))
    top = WOOD
    p.rect(80, 640, 1320, 720, top, r=8)
    p.rect(80, 700, 1320, 730, dark(top, 0.2))
    for x in (130, 1230):
        p.rect(x, 730, x + 50, 1000, dark(top, 0.25), r=6)
    block(p, 260, 640, 420, 50, 60, WOOD_LIGHT)
    block(p, 300, 590, 340, 40, 50, light(WOOD_LIGHT, 0.15))
    p.rect(800, 560, 840, 640, (200, 90, 80), r=6)
    p.rect(760, 550, 960, 580, (90, 96, 104), r=6)
    for _ in range(10):
        x, y = rng.uniform(700, 1200), rng.uniform(615, 636)
        p.arc(x, y, 18, 8, 180, 360, WOOD_LIGHT, 4)


def scene_tray(p: Pen, pal, rng, alt):
    tabletop(p, pal, colour=light(pal["table"], 0.35))
    x0, y0, x1, y1 = 200, 250, 1200, 820
    wood = (206, 160, 112)
    p.rect(x0 + 16, y0 + 22, x1 + 16, y1 + 22, SHADOW, r=40)
    p.rect(x0, y0, x1, y1, dark(wood, 0.08), r=40)
    p.rect(x0 + 34, y0 + 34, x1 - 34, y1 - 34, wood, r=20)
    grain(p, rng, wood, (x0 + 40, y0 + 40, x1 - 40, y1 - 40), n=9)
    for x in (x0 + 10, x1 - 26):
        p.rect(x, (y0 + y1) / 2 - 70, x + 16, (y0 + y1) / 2 + 70, dark(wood, 0.3), r=8)
    mug(p, 900, 420, 88, (246, 244, 236), (196, 150, 84))
    mug(p, 880, 650, 88, (246, 244, 236), (196, 150, 84))
    p.oval(520, 540, 150, 150, SHADOW)
    p.oval(510, 530, 150, 150, (246, 244, 236))
    for k in range(5):
        a = 2 * math.pi * k / 5
        x, y = 510 + math.cos(a) * 70, 530 + math.sin(a) * 70
        p.oval(x, y, 44, 44, (224, 176, 110))
        p.oval(x, y, 30, 30, (232, 192, 132))


def scene_magnets(p: Pen, pal, rng, alt):
    """Wooden fridge magnets of the town (a house, a tree, a fish, a heart, a boat) on a fridge
    door, one holding a note: read at a glance as souvenirs, not as picture placeholders."""
    door = (226, 236, 232)
    p.rect(0, 0, W, H, door)
    p.rect(0, 0, W, 26, dark(door, 0.06))
    p.rect(1290, 180, 1322, 860, (196, 204, 204), r=14)  # the handle
    wood, wood_dark = (226, 188, 138), (196, 150, 100)
    paint = ((198, 86, 72), (70, 132, 98), (64, 112, 168), (232, 170, 64))

    def cast(pts):
        p.poly([(x + 10, y + 14) for x, y in pts], SHADOW)
        p.poly(pts, wood)

    # a note held by a round magnet
    p.poly(rrect_pts(980, 332, 330, 400, 6, 3), SHADOW)
    p.poly(rrect_pts(970, 318, 330, 400, 6, 3), (252, 250, 244))
    for i in range(6):
        y = -90 + i * 48
        p.line(rot([(-125, y), (115 - (i % 3) * 50, y)], 970, 318, 3), (196, 198, 204), 10)
    p.oval(975, 140, 46, 46, SHADOW)
    p.oval(968, 130, 46, 46, paint[0])
    p.oval(960, 120, 14, 14, light(paint[0], 0.4))
    # a house
    house = [(150, 420), (150, 260), (260, 160), (370, 260), (370, 420)]
    cast(house)
    p.poly([(138, 272), (260, 150), (382, 272), (360, 290), (260, 190), (160, 290)], paint[0])
    p.rect(235, 330, 285, 420, wood_dark)
    p.rect(175, 300, 215, 340, paint[2])
    # a tree
    cast([(x, y) for x, y in oval_pts(560, 260, 110, 100)])
    leafy(p, rng, 560, 250, 92, colours=(paint[1], light(paint[1], 0.2), dark(paint[1], 0.15)))
    p.rect(545, 340, 575, 420, wood_dark)
    # a fish
    cast(oval_pts(300, 700, 150, 70))
    cast([(430, 700), (520, 635), (520, 765)])
    p.poly(oval_pts(300, 700, 128, 50), paint[2])
    p.oval(218, 685, 12, 12, (40, 44, 52))
    for x in (300, 350):
        p.arc(x, 700, 22, 46, -60, 60, light(paint[2], 0.35), 8)
    # a heart
    heart(p, 700, 694, 230, SHADOW)
    heart(p, 690, 680, 230, wood)
    heart(p, 690, 680, 170, paint[0])
    # a boat
    cast([(860, 760), (1140, 760), (1086, 846), (914, 846)])
    cast([(996, 580), (996, 750), (1104, 750)])
    p.poly([(876, 768), (1124, 768), (1080, 836), (920, 836)], paint[2])
    p.poly([(1006, 612), (1006, 742), (1084, 742)], (252, 250, 244))
    p.rect(992, 580, 1002, 760, wood_dark)


def scene_woodcraft(p: Pen, pal, rng, alt):
    backdrop(p, pal, 640)
    for i, x in enumerate((330, 590, 850, 1090)):
        person(p, rng, x, 1040, 620 - (i % 2) * 50, pal["accents"][i], arms="hold")
    p.poly([(40, 720), (1360, 720), (1440, 920), (-40, 920)], WOOD_LIGHT)
    p.rect(0, 920, W, H, WOOD)
    for i, x in enumerate((260, 560, 820, 1080)):
        block(p, x, 820 + (i % 2) * 20, 160, 30, 40, light(WOOD_LIGHT, 0.3))
    for x, y in ((430, 780), (980, 880)):
        p.poly(rrect_pts(x, y, 110, 80, 4, 12), (214, 120, 80))
        for _ in range(20):
            p.oval(x + rng.uniform(-45, 45), y + rng.uniform(-30, 30), 2, 2, (180, 100, 70))
    p.poly(oval_pts(700, 890, 90, 34, -8), WOOD)
    p.poly(oval_pts(800, 880, 40, 14, -8), WOOD)


def stage_lights(p: Pen, xs, top, bottom):
    for x in xs:
        p.poly([(x - 20, top), (x + 20, top), (x + 160, bottom), (x - 160, bottom)], (255, 250, 220, 50))
        p.rect(x - 24, top - 30, x + 24, top + 8, (60, 62, 70), r=6)


def scene_stage(p: Pen, pal, rng, alt):
    if "음악회" in alt or "강당" in alt:
        p.rect(0, 0, W, H, dark(pal["wall"], 0.1))
        curtain = (150, 70, 78)
        p.rect(160, 80, 1240, 620, light(pal["wall"], 0.2))
        for k in range(3):
            fold = curtain if k % 2 else dark(curtain, 0.1)
            p.rect(k * 60, 0, k * 60 + 60, 720, fold)
            p.rect(W - 180 + k * 60, 0, W - 120 + k * 60, 720, fold)
        p.rect(0, 0, W, 80, dark(curtain, 0.1))
        p.rect(100, 620, 1300, 720, WOOD)
        p.poly([(420, 560), (760, 560), (800, 500), (600, 430), (420, 470)], (40, 40, 46))
        p.rect(430, 560, 760, 580, (40, 40, 46))
        for x in (450, 740):
            p.rect(x, 580, x + 14, 640, (40, 40, 46))
        person(p, rng, 900, 640, 330, pal["accents"][0])
        p.poly(oval_pts(960, 420, 50, 26, -30), WOOD_DARK)
        for k, (x, y) in enumerate(((600, 260), (760, 200), (900, 280))):
            p.oval(x, y, 26, 20, dark(pal["accents"][k], 0.2))
            p.line([(x + 22, y), (x + 22, y - 90)], dark(pal["accents"][k], 0.2), 8)
            p.poly([(x + 18, y - 90), (x + 60, y - 60), (x + 18, y - 60)], dark(pal["accents"][k], 0.2))
        crowd(p, rng, pal, 860, 9, u=80)
        return
    sky = (250, 214, 178)
    p.rect(0, 0, W, H, sky)
    p.rect(0, 0, W, 200, (236, 190, 186))
    p.oval(1150, 520, 200, 200, (252, 232, 190))
    p.rect(0, 600, W, H, pal["ground"])
    truss = (80, 80, 90)
    p.rect(180, 150, 1220, 180, truss)
    for x in (180, 1190):
        p.rect(x, 150, x + 30, 700, truss)
    p.rect(210, 180, 1190, 600, dark(pal["accents"][2], 0.2))
    p.rect(150, 600, 1250, 700, (70, 66, 76))
    stage_lights(p, (400, 700, 1000), 200, 620)
    for i, x in enumerate((450, 700, 950)):
        person(p, rng, x, 610, 380, pal["accents"][(i + 1) % 4], arms="up" if i != 1 else "hold")
    crowd(p, rng, pal, 860, 10)


def tent(p: Pen, cx, base, w, colour):
    h = w * 0.9
    for x in (cx - w / 2 + 10, cx + w / 2 - 20):
        p.rect(x, base - h * 0.55, x + 10, base, (150, 150, 156))
    p.poly([(cx - w / 2 - 20, base - h * 0.55), (cx, base - h), (cx + w / 2 + 20, base - h * 0.55)], colour)
    for k in range(4):
        x0 = cx - w / 2 - 20 + k * (w + 40) / 4
        if k % 2:
            p.poly([(x0, base - h * 0.55), (cx, base - h), (x0 + (w + 40) / 4, base - h * 0.55)], WHITE)
    for k in range(6):
        x0 = cx - w / 2 - 20 + k * (w + 40) / 6
        p.pie(x0 + (w + 40) / 12, base - h * 0.55, (w + 40) / 12, 26, 0, 180, colour if k % 2 else WHITE)
    p.rect(cx - w / 2, base - h * 0.3, cx + w / 2, base - h * 0.22, WOOD_LIGHT)


def scene_festival(p: Pen, pal, rng, alt):
    outdoors(p, pal, rng, horizon=560)
    for x in (120, 1300):
        tree(p, rng, x, 620, 340)
    bunting(p, pal, 80, sag=50)
    for i, x in enumerate((300, 700, 1100)):
        tent(p, x, 720, 320, pal["accents"][i])
    for i in range(7):
        x = 160 + i * 180 + rng.uniform(-20, 20)
        person(p, rng, x, 1010 - (i % 2) * 30, 320 + (i % 3) * 20, pal["accents"][(i + 2) % 4], child=(i == 3))


def scene_masks(p: Pen, pal, rng, alt):
    tabletop(p, pal, colour=light(pal["table"], 0.3))
    faces = ((246, 240, 228), (222, 96, 82), (246, 204, 96), (120, 160, 200), (150, 190, 130))
    spots = ((320, 340, -8), (700, 300, 4), (1080, 350, 10), (500, 700, 6), (900, 720, -6))
    for i, (cx, cy, a) in enumerate(spots):
        c = faces[i]
        p.poly(oval_pts(cx + 10, cy + 14, 150, 190, a), SHADOW)
        p.poly(oval_pts(cx, cy, 150, 190, a), c)
        ink = (60, 50, 50) if i != 3 else (40, 50, 70)
        for side in (-1, 1):
            ex, ey = rot([(side * 55, -30)], cx, cy, a)[0]
            p.arc(ex, ey, 34, 24, 200, 340, ink, 10)
            bx, by = rot([(side * 58, -90)], cx, cy, a)[0]
            p.arc(bx, by, 44, 20, 200, 340, ink, 12)
            kx, ky = rot([(side * 80, 40)], cx, cy, a)[0]
            p.oval(kx, ky, 26, 22, (232, 120, 120) if i != 1 else (246, 200, 170))
        mx, my = rot([(0, 80)], cx, cy, a)[0]
        p.arc(mx, my - 40, 50, 40, 30, 150, ink, 10)
    for k in range(4):
        pen_drawn(p, 1180 + k * 40, 860, 200, 80, pal["accents"][k], dark(pal["accents"][k], 0.2))


def garden_bed(p: Pen, rng, x0, x1, y, h):
    p.rect(x0, y, x1, y + h, (170, 126, 90), r=6)
    for k in range(int((x1 - x0) / 90)):
        x = x0 + 45 + k * 90
        leafy(p, rng, x, y, 40, n=5)
        flower(p, x + 10, y - 30, 22, FLOWERS[k % 5])


def scene_garden(p: Pen, pal, rng, alt):
    outdoors(p, pal, rng, horizon=520)
    if "텃밭" in alt or "학교" in alt:
        school = (232, 214, 190)
        p.rect(320, 230, 1080, 540, school)
        p.rect(300, 210, 1100, 240, dark(school, 0.2))
        for r in range(2):
            for c in range(6):
                p.rect(360 + c * 118, 280 + r * 110, 440 + c * 118, 350 + r * 110, light(pal["sky"], 0.1), r=4)
        p.oval(700, 180, 40, 40, WHITE)
        p.rect(0, 520, W, H, (206, 180, 150))
        p.rect(0, 520, W, 600, pal["ground"])
        for x in range(20, W, 90):
            p.rect(x, 470, x + 14, 600, WHITE)
        p.rect(0, 500, W, 512, WHITE)
        for row, (y, s) in enumerate(((720, 0.85), (930, 1.0))):
            for x0 in (120, 760) if row else (220, 760):
                w = 520 * s
                block(p, x0, y, w, 90 * s, 80 * s, WOOD)
                for k in range(6):
                    leafy(p, rng, x0 + 60 * s + k * (w - 80 * s) / 5, y - 110 * s, 42 * s, n=5)
                for k in range(3):
                    p.rect(x0 + 80 + k * 160, y - 260 * s, x0 + 88 + k * 160, y - 120 * s, WOOD_DARK)
                    p.oval(x0 + 100 + k * 160, y - 200 * s, 14, 14, (220, 80, 70))
        return
    if "화단" in alt or "심는" in alt:
        p.rect(0, 640, W, H, (206, 196, 182))
        for i, x in enumerate((400, 960)):
            person(
                p,
                rng,
                x,
                860,
                520,
                pal["accents"][i],
                apron=light(pal["accents"][2], 0.3),
                cap=light(pal["accents"][3], 0.2),
            )
        garden_bed(p, rng, 80, 1320, 880, 90)
        for x in (240, 1150):
            p.poly([(x - 50, 1040), (x + 50, 1040), (x + 40, 980), (x - 40, 980)], (200, 110, 80))
            flower(p, x, 950, 26, FLOWERS[2])
        p.poly([(680, 1000), (760, 990), (720, 1040)], (150, 156, 166))
        p.line([(720, 995), (770, 960)], WOOD_DARK, 10)
        return
    for x, h in ((140, 460), (1280, 500), (1040, 360)):
        tree(p, rng, x, 620, h, fruit=FLOWERS[0] if h == 360 else None)
    path = light((214, 196, 170), 0.2)
    p.poly([(560, 560), (760, 560), (1000, H), (300, H)], path)
    for k in range(5):
        y = 600 + k * 90
        t = (y - 560) / (H - 560)
        p.oval(660 + (t - 0.5) * 40, y + 20, 60 + 80 * t, 12 + 14 * t, dark(path, 0.06))
    for x0, x1, y in ((40, 480, 720), (860, 1360, 740), (80, 400, 940), (1000, 1360, 960)):
        for k in range(int((x1 - x0) / 70)):
            x = x0 + 35 + k * 70
            leafy(p, rng, x, y, 44, n=5)
            flower(p, x + rng.uniform(-10, 10), y - 26, 20, FLOWERS[(k + y) % 5])
    p.rect(820, 560, 1000, 590, WOOD, r=6)
    p.rect(820, 530, 1000, 548, WOOD, r=6)
    for x in (836, 980):
        p.rect(x, 590, x + 10, 640, WOOD_DARK)


def seated(p: Pen, rng, cx, seat, h, shirt, back=False):
    """A figure sitting cross-legged; back=True shows the back of the head."""
    skin, hair = rng.choice(SKIN), rng.choice(HAIR)
    r = h * 0.15
    p.oval(cx, seat, h * 0.34, h * 0.09, rng.choice(PANTS))
    p.rect(cx - h * 0.2, seat - h * 0.5, cx + h * 0.2, seat + h * 0.02, shirt, r=h * 0.1)
    hy = seat - h * 0.5 - r * 0.8
    p.oval(cx, hy, r, r, hair if back else skin)
    if not back:
        p.pie(cx, hy - r * 0.04, r * 1.07, r * 1.07, 180, 360, hair)
        for side in (-1, 1):
            p.limb(
                cx + side * h * 0.17,
                seat - h * 0.42,
                cx + side * h * 0.12,
                seat - h * 0.05,
                dark(shirt, 0.12),
                h * 0.09,
            )
            p.oval(cx + side * h * 0.12, seat - h * 0.05, h * 0.05, h * 0.05, skin)


def scene_classroom(p: Pen, pal, rng, alt):
    backdrop(p, pal, 560, table=light(WOOD, 0.35))
    p.rect(420, 110, 980, 420, (84, 116, 100), r=10)
    p.rect(440, 130, 960, 400, (98, 132, 114), r=6)
    p.rect(420, 420, 980, 440, WOOD, r=4)
    p.rect(120, 150, 320, 440, WHITE, r=6)
    p.rect(136, 166, 304, 424, light(pal["sky"], 0.1), r=4)
    cx, cy = 700, 790
    p.oval(cx, cy, 560, 190, light(pal["accents"][1], 0.4))
    p.oval(cx, cy, 480, 150, light(pal["accents"][1], 0.55))
    for i, x in enumerate((300, 500, 700, 900, 1100)):
        seated(p, rng, x, 700 - abs(x - 700) * -0.1, 300 if i != 2 else 360, pal["accents"][i % 4])
    for k, (bx, by, a) in enumerate(((640, 800, -10), (760, 810, 12))):
        p.poly(rrect_pts(bx, by, 110, 70, 6, a), PAPER)
        p.poly(rrect_pts(bx, by, 6, 70, 2, a), pal["accents"][k + 2])
    for i, x in enumerate((360, 700, 1040)):
        seated(p, rng, x, 1010, 380, pal["accents"][(i + 1) % 4], back=True)


def scene_career(p: Pen, pal, rng, alt):
    backdrop(p, pal, 640)
    p.rect(140, 140, 560, 430, WHITE, r=12)
    p.oval(250, 240, 60, 60, pal["accents"][0])
    for k in range(8):
        a = 2 * math.pi * k / 8
        p.rect(
            250 + math.cos(a) * 62 - 14,
            240 + math.sin(a) * 62 - 14,
            250 + math.cos(a) * 62 + 14,
            240 + math.sin(a) * 62 + 14,
            pal["accents"][0],
            r=4,
        )
    p.oval(250, 240, 26, 26, WHITE)
    leaf_emblem(p, 440, 250, 130, pal["accents"][1])
    p.rect(190, 340, 510, 362, (210, 212, 218), r=10)
    for i, x in enumerate((420, 700, 980)):
        person(
            p,
            rng,
            x,
            1020,
            520,
            pal["accents"][(i + 1) % 4],
            child=True,
            apron=WHITE if i == 1 else None,
            cap=WHITE if i == 1 else None,
            arms="hold",
        )
    p.poly([(40, 740), (1360, 740), (1440, 920), (-40, 920)], WOOD_LIGHT)
    p.rect(0, 920, W, H, WOOD)
    p.rect(300, 760, 520, 840, (70, 76, 88), r=8)
    p.poly([(280, 840), (540, 840), (560, 870), (260, 870)], (120, 126, 136))
    p.rect(318, 776, 502, 828, (150, 200, 220), r=4)
    toolbox(p, 860, 880, 200, pal["accents"][0])
    potted_plant(p, rng, 640, 880, 160, (236, 232, 222))


def magnifier(p: Pen, x, y, r):
    p.line([(x + r * 0.7, y + r * 0.7), (x + r * 1.8, y + r * 1.8)], (90, 70, 60), r * 0.35)
    p.oval(x, y, r, r, (80, 84, 92))
    p.oval(x, y, r * 0.8, r * 0.8, (220, 238, 246))


def butterfly(p: Pen, x, y, s, colour):
    for side in (-1, 1):
        p.poly(oval_pts(x + side * s * 0.45, y - s * 0.25, s * 0.5, s * 0.36, side * 30), colour)
        p.poly(oval_pts(x + side * s * 0.35, y + s * 0.3, s * 0.32, s * 0.24, -side * 30), light(colour, 0.25))
    p.rect(x - s * 0.06, y - s * 0.5, x + s * 0.06, y + s * 0.5, (70, 60, 60), r=s * 0.06)


def scene_forest(p: Pen, pal, rng, alt):
    outdoors(p, pal, rng, horizon=620, sun=False)
    for k in range(9):
        x = 60 + k * 160 + rng.uniform(-30, 30)
        tree(p, rng, x, 640 + (k % 2) * 30, rng.uniform(460, 640))
    p.rect(0, 660, W, H, pal["ground"])
    for _ in range(6):
        leafy(p, rng, rng.uniform(0, W), rng.uniform(700, 1000), rng.uniform(34, 54), n=5)
    hands = person(p, rng, 560, 1000, 420, pal["accents"][0], child=True, arms="hold")
    magnifier(p, hands[1][0] + 30, hands[1][1] - 60, 46)
    person(p, rng, 820, 1010, 400, pal["accents"][1], child=True)
    person(p, rng, 1040, 990, 380, pal["accents"][3], child=True, arms="up")
    butterfly(p, 720, 520, 60, (244, 180, 90))
    butterfly(p, 960, 400, 46, (230, 140, 150))
    p.poly(oval_pts(380, 930, 26, 18, 20), (60, 80, 70))
    p.oval(360, 922, 10, 10, (60, 80, 70))


def phone_screen(p: Pen, rng, cx, cy, w, pal, angle=0.0):
    h = w * 2.0
    for i, (dy, hh) in enumerate(((-0.3, 0.26), (0.02, 0.08), (0.14, 0.04), (0.22, 0.04))):
        col = (light(pal["accents"][0], 0.2), (90, 94, 104), (200, 202, 208), (200, 202, 208))[i]
        ww = 0.74 if i != 1 else 0.5
        p.poly(rrect_pts(*rot([(0, dy * h)], cx, cy, angle)[0], w * ww, h * hh, 8, angle), col)
    for k in range(3):
        p.poly(
            oval_pts(*rot([((k - 1) * w * 0.12, h * 0.38)], cx, cy, angle)[0], 7, 7),
            pal["accents"][1] if k == 0 else (200, 202, 208),
        )


def scene_cardnews(p: Pen, pal, rng, alt):
    tabletop(p, pal)
    for i, (cx, cy, a) in enumerate(((1010, 330, 10), (1090, 600, -6), (980, 830, 14))):
        c = pal["accents"][(i + 1) % 4]
        p.poly(rrect_pts(cx + 8, cy + 10, 250, 250, 16, a), SHADOW)
        p.poly(rrect_pts(cx, cy, 250, 250, 16, a), light(c, 0.15))
        p.poly(oval_pts(*rot([(-50, -40)], cx, cy, a)[0], 40, 40), light(c, 0.6))
        p.poly(rrect_pts(*rot([(0, 60)], cx, cy, a)[0], 170, 18, 9, a), WHITE)
    phone(p, 560, 520, 340, -6)
    phone_screen(p, rng, 560, 520, 340, pal, -6)


def scene_smartphone(p: Pen, pal, rng, alt):
    backdrop(p, pal, 660)
    p.rect(420, 90, 980, 420, (70, 74, 86), r=12)
    p.rect(440, 110, 960, 400, light(pal["sky"], 0.3), r=6)
    phone(p, 700, 255, 120, 0, WHITE)
    for k in range(6):
        p.rect(
            660 + (k % 2) * 44, 180 + (k // 2) * 40, 690 + (k % 2) * 44, 208 + (k // 2) * 40, pal["accents"][k % 4], r=6
        )
    for i, x in enumerate((300, 700, 1100)):
        hands = person(p, rng, x, 1040, 600, pal["accents"][i], elder=i != 1, arms="hold")
        if i != 1:
            mx = (hands[0][0] + hands[1][0]) / 2
            p.poly(rrect_pts(mx, hands[0][1] - 40, 70, 120, 12, 0), (54, 58, 68))
            p.poly(rrect_pts(mx, hands[0][1] - 40, 58, 104, 8, 0), (200, 230, 244))
    p.poly([(40, 760), (1360, 760), (1440, 920), (-40, 920)], WOOD_LIGHT)
    p.rect(0, 920, W, H, WOOD)
    for x in (420, 980):
        p.poly(rrect_pts(x, 830, 70, 130, 12, 80), (54, 58, 68))
        p.poly(rrect_pts(x, 830, 58, 114, 8, 80), (220, 236, 246))


def sofa(p: Pen, x0, x1, base, colour):
    p.shadow((x0 + x1) / 2, base, (x1 - x0) * 0.55, 20)
    p.rect(x0 + 40, base - 380, x1 - 40, base - 160, dark(colour, 0.08), r=40)
    p.rect(x0 + 30, base - 200, x1 - 30, base - 40, colour, r=30)
    for x in (x0, x1 - 90):
        p.rect(x, base - 280, x + 90, base - 30, dark(colour, 0.12), r=36)
    for x in (x0 + 30, x1 - 30):
        p.rect(x - 12, base - 40, x + 12, base, WOOD_DARK)


def scene_care(p: Pen, pal, rng, alt):
    if "방문" in alt or "댁" in alt:
        outdoors(p, pal, rng, horizon=700)
        house = (244, 232, 214)
        p.rect(260, 300, 1140, 760, house)
        p.poly([(200, 320), (700, 90), (1200, 320)], dark(pal["accents"][0], 0.1))
        p.rect(560, 430, 760, 760, WOOD)
        p.oval(730, 600, 10, 10, (220, 190, 120))
        p.rect(860, 420, 1060, 600, light(pal["sky"], 0.1), r=6)
        p.rect(954, 420, 966, 600, house)
        potted_plant(p, rng, 330, 800, 200, (200, 120, 90))
        person(p, rng, 660, 900, 460, pal["accents"][2], elder=True)
        hands = person(p, rng, 920, 950, 560, pal["accents"][1])
        p.rect(hands[1][0] - 40, hands[1][1], hands[1][0] + 40, hands[1][1] + 70, pal["accents"][3], r=12)
        heart(p, 790, 330, 90, (232, 120, 120))
        return
    if "실습" in alt or "교육" in alt:
        backdrop(p, pal, 640)
        for i, x in enumerate((500, 780, 1060)):
            person(p, rng, x, 900, 600, pal["accents"][(i + 2) % 4], apron=WHITE, arms="hold")
        frame = (176, 186, 196)
        p.shadow(700, 985, 470, 22)
        p.rect(220, 560, 270, 960, frame, r=14)
        p.rect(270, 780, 1180, 950, frame, r=10)
        p.rect(300, 800, 1150, 930, light(frame, 0.3), r=8)
        p.rect(270, 700, 1180, 790, WHITE, r=18)
        p.rect(290, 650, 480, 720, light(pal["accents"][0], 0.5), r=30)
        p.rect(500, 680, 1170, 780, light(pal["accents"][1], 0.45), r=18)
        for x in (330, 1120):
            p.oval(x, 965, 18, 18, (90, 94, 102))
        heart(p, 1200, 250, 110, (232, 120, 120))
        return
    if "어르신" in alt or "대화" in alt or "거실" in alt:
        backdrop(p, pal, 680, table=light(WOOD, 0.35))
        p.rect(880, 150, 1220, 460, light(pal["sky"], 0.2), r=8)
        p.rect(1040, 150, 1060, 460, WHITE)
        sofa(p, 160, 880, 880, pal["accents"][2])
        person(p, rng, 360, 880, 560, pal["accents"][3], elder=True, arms="hold")
        person(p, rng, 660, 880, 580, pal["accents"][0], arms="hold")
        p.rect(190, 680, 850, 840, pal["accents"][2], r=30)
        p.shadow(1080, 940, 200, 20)
        p.rect(900, 760, 1260, 790, WOOD, r=8)
        for x in (930, 1220):
            p.rect(x, 790, x + 14, 940, dark(WOOD, 0.2))
        for x in (1010, 1140):
            p.rect(x - 34, 700, x + 34, 760, WHITE, r=10)
            p.arc(x + 34, 728, 16, 16, 270, 90, WHITE, 8)
        heart(p, 510, 170, 90, (232, 120, 120))
        return
    p.rect(0, 0, W, H, pal["wall"])
    p.oval(700, 560, 420, 360, light(pal["accents"][1], 0.55))
    heart(p, 700, 400, 300, (232, 120, 120))
    skin = rng.choice(SKIN)
    for side in (-1, 1):
        p.poly(oval_pts(700 + side * 170, 760, 220, 95, side * -18), skin)
        p.poly(oval_pts(700 + side * 330, 700, 60, 36, side * -60), skin)
        p.rect(700 + side * 400 - 90, 780, 700 + side * 400 + 90, 1050, pal["accents"][0 if side < 0 else 2], r=40)


def scene_homework(p: Pen, pal, rng, alt):
    backdrop(p, pal, 640)
    p.rect(160, 160, 560, 440, (80, 110, 96), r=10)
    p.rect(180, 180, 540, 420, (92, 126, 110), r=6)
    for i, x in enumerate((380, 700, 1020)):
        person(p, rng, x, 1080, 520, pal["accents"][i], child=True, arms="hold")
    p.poly([(40, 790), (1360, 790), (1440, 950), (-40, 950)], WOOD_LIGHT)
    p.rect(0, 950, W, H, WOOD)
    for i, x in enumerate((300, 620, 940)):
        p.poly([(x, 850), (x + 120, 830), (x + 240, 850), (x + 230, 910), (x + 120, 894), (x + 10, 910)], PAPER)
        p.line([(x + 120, 830), (x + 120, 894)], (210, 210, 206), 4)
        for k in range(3):
            p.line([(x + 30, 856 + k * 14), (x + 100, 846 + k * 14)], (200, 202, 208), 4)
        pen_drawn(p, x + 180, 930, 140, -20, pal["accents"][(i + 1) % 4], (240, 200, 100))
    p.line([(1220, 850), (1270, 700), (1200, 640)], (90, 94, 102), 12)
    p.pie(1180, 670, 80, 60, 200, 380, pal["accents"][3])
    block(p, 1150, 880, 150, 60, 40, pal["accents"][1])


def scene_studio(p: Pen, pal, rng, alt):
    p.rect(0, 0, W, H, dark(pal["wall"], 0.12))
    sweep = light(pal["accents"][1], 0.55)
    p.rect(330, 120, 1070, 760, sweep)
    p.rect(330, 700, 1070, 800, light(sweep, 0.2))
    p.rect(0, 800, W, H, dark(pal["table"], 0.1))
    p.rect(600, 560, 800, 590, WOOD, r=10)
    for x in (620, 770):
        p.rect(x, 590, x + 12, 760, WOOD_DARK)
    softbox(p, 200, 220, 900, 260, tilt=-10)
    softbox(p, 1200, 250, 900, 240, tilt=10)
    tripod(p, 700, 700, 1040)
    video_camera(p, 700, 640, 260)


def scene_video(p: Pen, pal, rng, alt):
    outdoors(p, pal, rng, horizon=600)
    tree(p, rng, 1200, 660, 420)
    person(p, rng, 1000, 700, 240, pal["accents"][1])
    tripod(p, 520, 640, 1000)
    video_camera(p, 520, 580, 300)
    person(p, rng, 300, 1010, 560, pal["accents"][0], cap=dark(pal["accents"][0], 0.2))


def scene_livestream(p: Pen, pal, rng, alt):
    wall = dark(pal["wall"], 0.5)
    p.rect(0, 0, W, H, wall)
    p.rect(0, 660, W, H, dark(wall, 0.2))
    p.rect(300, 90, 1100, 520, (40, 42, 48), r=14)
    p.rect(320, 110, 1080, 500, (80, 70, 110), r=6)
    p.rect(320, 400, 1080, 500, (60, 56, 80))
    stage_lights(p, (500, 900), 130, 420)
    for i, x in enumerate((560, 700, 840)):
        person(p, rng, x, 410, 200, pal["accents"][i])
    p.rect(340, 130, 420, 170, (220, 80, 80), r=18)
    p.rect(700 - 20, 520, 700 + 20, 580, (40, 42, 48))
    p.poly([(40, 620), (1360, 620), (1440, 760), (-40, 760)], (120, 110, 104))
    p.rect(0, 760, W, 800, (96, 88, 84))
    p.rect(160, 530, 520, 610, (56, 58, 66), r=10)
    for k in range(10):
        p.oval(190 + k * 34, 560, 11, 11, pal["accents"][k % 4] if k % 3 else (236, 236, 236))
        p.rect(184 + k * 34, 580, 196 + k * 34, 600, (150, 150, 156), r=4)
    p.rect(780, 470, 1080, 620, (56, 58, 66), r=10)
    p.rect(796, 486, 1064, 604, (110, 150, 190), r=4)
    p.poly([(760, 620), (1100, 620), (1130, 660), (730, 660)], (90, 94, 102))
    tripod(p, 1230, 560, 1000)
    video_camera(p, 1230, 500, 220)
    p.line([(1200, 800), (900, 900), (400, 860), (200, 1000)], (40, 40, 44), 8)


def boat(p: Pen, cx, base, w, hull, cabin):
    p.poly(
        [(cx - w / 2, base - w * 0.18), (cx + w / 2, base - w * 0.22), (cx + w * 0.36, base), (cx - w * 0.4, base)],
        hull,
    )
    p.rect(cx - w * 0.15, base - w * 0.4, cx + w * 0.15, base - w * 0.19, cabin, r=6)
    p.rect(cx - w * 0.1, base - w * 0.34, cx + w * 0.1, base - w * 0.27, dark(cabin, 0.3), r=3)
    p.line([(cx - w * 0.3, base - w * 0.19), (cx - w * 0.3, base - w * 0.6)], dark(hull, 0.2), 6)


def scene_harbor(p: Pen, pal, rng, alt):
    bands = ((236, 170, 150), (244, 190, 150), (248, 210, 160), (250, 226, 180))
    for i, c in enumerate(bands):
        p.rect(0, i * 130, W, i * 130 + 140, c)
    p.oval(820, 540, 110, 110, (252, 240, 200))
    p.oval(260, 560, 480, 140, (150, 120, 130))
    p.oval(1240, 560, 420, 120, (170, 130, 130))
    sea = (150, 160, 190)
    p.rect(0, 540, W, H, sea)
    for k in range(7):
        y = 570 + k * 40
        p.rect(820 - 120 + k * 6, y, 820 + 120 - k * 6, y + 10, (250, 220, 180), r=5)
    for _ in range(8):
        x = rng.uniform(0, W)
        y = rng.uniform(620, 1000)
        p.rect(x, y, x + rng.uniform(60, 140), y + 6, light(sea, 0.2), r=3)
    p.poly([(0, 760), (380, 760), (380, 790), (0, 790)], (110, 90, 90))
    for x in range(20, 380, 60):
        p.rect(x, 790, x + 16, 880, (90, 74, 74))
    boat(p, 500, 900, 300, (236, 236, 230), pal["accents"][2])
    boat(p, 950, 780, 240, pal["accents"][0], WHITE)
    boat(p, 1200, 660, 160, (220, 110, 90), WHITE)
    for x0 in (380, 860, 1140):
        p.rect(
            x0,
            920 if x0 == 380 else (800 if x0 == 860 else 670),
            x0 + 260 * (0.9 if x0 == 380 else 0.6),
            926 if x0 == 380 else (806 if x0 == 860 else 676),
            dark(sea, 0.12),
            r=3,
        )


def scene_mudflat(p: Pen, pal, rng, alt):
    sky = pal["sky"]
    p.rect(0, 0, W, 440, sky)
    p.oval(1100, 180, 60, 60, (252, 236, 190))
    p.rect(0, 420, W, 470, (150, 176, 196))
    mud = (164, 148, 132)
    p.rect(0, 460, W, H, mud)
    for _ in range(9):
        x, y = rng.uniform(0, W), rng.uniform(500, 1000)
        p.oval(x, y, rng.uniform(80, 200), rng.uniform(12, 30), light(sky, 0.1))
    for _ in range(16):
        x, y = rng.uniform(40, W - 40), rng.uniform(800, 1030)
        p.pie(x, y, 18, 16, 180, 360, rng.choice(((236, 226, 214), (214, 196, 176))))
    for i, (x, foot, h) in enumerate(((380, 900, 440), (760, 780, 340), (1060, 700, 260))):
        hands = person(p, rng, x, foot, h, pal["accents"][i], cap=(236, 214, 150))
        bx, by = hands[1]
        p.poly(
            [(bx - h * 0.09, by), (bx + h * 0.09, by), (bx + h * 0.07, by + h * 0.14), (bx - h * 0.07, by + h * 0.14)],
            pal["accents"][3],
        )


def scene_hanok(p: Pen, pal, rng, alt):
    outdoors(p, pal, rng, horizon=560)
    yard = (226, 208, 178)
    p.rect(0, 640, W, H, yard)
    p.rect(280, 600, 1120, 650, (170, 168, 160))
    wall = (248, 244, 232)
    p.rect(320, 400, 1080, 600, wall)
    for x in range(320, 1081, 190):
        p.rect(x - 10, 380, x + 10, 600, WOOD_DARK)
    for x0 in (360, 550, 740, 930):
        p.rect(x0, 430, x0 + 110, 570, light(WOOD, 0.45))
        for k in range(1, 4):
            p.rect(x0 + k * 27, 430, x0 + k * 27 + 4, 570, WOOD)
        for k in range(1, 5):
            p.rect(x0, 430 + k * 28, x0 + 110, 430 + k * 28 + 4, WOOD)
    p.rect(300, 380, 1100, 400, WOOD_DARK)
    roof = (84, 88, 96)
    pts = [
        (140, 330),
        (200, 360),
        (300, 380),
        (700, 385),
        (1100, 380),
        (1200, 360),
        (1260, 330),
        (1160, 330),
        (1060, 250),
        (340, 250),
        (240, 330),
    ]
    p.poly(pts, roof)
    p.poly([(320, 250), (1080, 250), (1040, 220), (360, 220)], dark(roof, 0.2))
    for x in range(300, 1110, 40):
        p.rect(x, 340, x + 8, 372, light(roof, 0.15))
    stone = ((176, 168, 156), (196, 188, 176), (160, 152, 142))
    for r in range(3):
        for c in range(9):
            x = c * 60 + (r % 2) * 30
            p.oval(x + 30, 900 + r * 50, 34, 26, stone[(r + c) % 3])
    tree(p, rng, 1220, 780, 440, fruit=(240, 150, 60))


def scene_moving(p: Pen, pal, rng, alt):
    outdoors(p, pal, rng, horizon=640)
    p.rect(0, 700, W, H, (200, 200, 196))
    p.shadow(820, 880, 420, 30)
    p.rect(500, 380, 1000, 840, WHITE, r=10)
    p.rect(1000, 520, 1200, 840, pal["accents"][0], r=20)
    p.poly([(1020, 540), (1150, 540), (1190, 660), (1020, 660)], light(pal["sky"], 0.1))
    for x in (620, 900, 1120):
        p.oval(x, 860, 56, 56, (60, 62, 70))
        p.oval(x, 860, 24, 24, (180, 184, 190))
    for x, base, w in ((120, 960, 200), (330, 960, 170), (160, 770, 170)):
        block(p, x, base, w, w * 0.8, w * 0.35, KRAFT)
        p.rect(x + w * 0.42, base - w * 0.8, x + w * 0.58, base - w * 0.5, (226, 206, 170))


def scene_vases(p: Pen, pal, rng, alt):
    backdrop(p, pal, 680)
    glazes = ((196, 216, 200), (246, 242, 232), (186, 140, 110))
    p.shadow(420, 880, 220, 30)
    p.oval(420, 640, 220, 240, glazes[1])
    p.rect(340, 380, 500, 420, dark(glazes[1], 0.06), r=10)
    p.oval(380, 580, 60, 120, light(glazes[1], 0.5))
    p.shadow(800, 880, 130, 24)
    p.poly([(760, 360), (840, 360), (830, 480), (940, 640), (900, 860), (700, 860), (660, 640), (770, 480)], glazes[0])
    p.rect(750, 340, 850, 372, dark(glazes[0], 0.1), r=8)
    p.shadow(1110, 880, 150, 22)
    p.pie(1110, 720, 170, 160, 0, 180, glazes[2])
    p.oval(1110, 720, 170, 34, dark(glazes[2], 0.2))


def scene_desk(p: Pen, pal, rng, alt):
    tabletop(p, pal, colour=light(WOOD, 0.3))
    p.rect(200, 220, 700, 850, PAPER, r=8)
    sheet_lines(p, 250, 290, 650, 12, gap=42, rng=rng)
    pen_drawn(p, 820, 560, 420, 80, INK, pal["accents"][0])
    for k in range(3):
        p.poly(rrect_pts(1030 + k * 30, 300 + k * 20, 180, 180, 4, -6 + k * 8), light(pal["accents"][k + 1], 0.3))
    mug(p, 1080, 780, 100, pal["accents"][2], (160, 110, 80))


def scene_still_life(p: Pen, pal, rng, alt):
    backdrop(p, pal, 680)
    p.shadow(480, 900, 170, 24)
    p.poly([(420, 900), (540, 900), (560, 700), (520, 600), (440, 600), (400, 700)], pal["accents"][0])
    for k in range(3):
        p.line([(480, 600), (440 + k * 60, 360 + (k % 2) * 60)], WOOD_DARK, 6)
        leafy(p, rng, 440 + k * 60, 360 + (k % 2) * 60, 50, n=5)
    for k in range(3):
        block(p, 760, 900 - k * 50, 320 - k * 20, 50, 40, light(pal["accents"][k + 1], 0.2))
    p.shadow(1000, 760, 70, 14)
    p.rect(940, 660, 1060, 760, WHITE, r=14)


def scene_people(p: Pen, pal, rng, alt):
    backdrop(p, pal, 650)
    p.rect(300, 130, 1100, 470, WHITE, r=12)
    picture_icon(p, 340, 170, 700, 430, pal["accents"][0])
    sheet_lines(p, 760, 200, 1060, 5, gap=48, rng=rng)
    for i, x in enumerate((250, 500, 760, 1020, 1220)):
        person(p, rng, x, 1010 + (i % 2) * 10, 420 + (i % 3) * 40, pal["accents"][i % 4], child="아이" in alt)


Scene = Callable[[Pen, dict, random.Random, str], None]

# Ordered: the first motif whose keyword the alt text contains draws the picture.
MOTIFS: tuple[tuple[str, tuple[str, ...], Scene], ...] = (
    ("조리실(사람과 도시락)", ("조리실", "주방"), scene_kitchen),
    ("도시락", ("도시락", "식사", "밥과"), scene_lunchbox),
    ("뷔페 상차림", ("뷔페", "상차림"), scene_buffet),
    ("김치 그릇", ("김치",), scene_kimchi),
    ("빵", ("빵", "과자", "쿠키"), scene_bread),
    ("이삿짐과 트럭", ("이사", "운반"), scene_moving),
    ("상자·꾸러미", ("상자", "꾸러미", "선물"), scene_box),
    ("쌀 포대", ("쌀", "포대"), scene_rice),
    ("텃밭·정원·화단", ("텃밭", "정원", "조경", "화단", "화분"), scene_garden),
    ("비닐하우스와 밭", ("비닐하우스", "밭", "농장"), scene_field),
    ("농산물 상자", ("고구마", "농산물", "채소", "과일"), scene_box),
    ("방역", ("방역", "소독"), scene_disinfection),
    ("에어컨 세척", ("에어컨",), scene_aircon),
    ("복도 청소", ("청소기", "복도"), scene_corridor),
    ("청소 도구", ("청소", "세척", "세제"), scene_cleaning),
    ("비누", ("비누",), scene_soap),
    ("인쇄기", ("인쇄기",), scene_press),
    ("리플릿", ("리플릿", "전단"), scene_leaflet),
    ("책자", ("책자", "소식지"), scene_booklet),
    ("현수막", ("현수막",), scene_banner),
    ("수첩", ("수첩", "공책"), scene_notebook),
    ("텀블러", ("텀블러", "컵"), scene_tumbler),
    ("인쇄물·명함", ("인쇄", "명함"), scene_print),
    ("볼펜", ("볼펜", "펜"), scene_pens),
    ("파일철", ("파일",), scene_folders),
    ("사무용품 포장(사람과 상자)", ("사무용품", "포장하는"), scene_office_work),
    ("목공 작업대", ("공방", "작업대"), scene_workbench),
    ("집수리 팀과 공구", ("집수리", "공구"), scene_repair),
    ("창틀", ("창틀", "창문"), scene_window),
    ("상담실", ("상담실", "꾸민", "인테리어"), scene_room),
    ("쟁반", ("쟁반",), scene_tray),
    ("나무 자석", ("자석",), scene_magnets),
    ("목공 체험", ("목공", "사포"), scene_woodcraft),
    ("무대·음악회", ("무대", "공연", "음악회", "연주"), scene_stage),
    ("축제 천막", ("축제", "천막"), scene_festival),
    ("종이 탈", ("탈",), scene_masks),
    ("카드뉴스", ("카드뉴스",), scene_cardnews),
    ("스마트폰 교실", ("스마트폰",), scene_smartphone),
    ("둥글게 앉은 교실", ("교실", "수업"), scene_classroom),
    ("숲 체험", ("숲", "곤충"), scene_forest),
    ("직업 체험", ("직업", "체험"), scene_career),
    ("숙제하는 아이들", ("숙제", "공부"), scene_homework),
    ("돌봄", ("돌봄", "간병", "어르신"), scene_care),
    ("촬영 스튜디오", ("스튜디오", "조명"), scene_studio),
    ("생중계 장비", ("생중계", "중계"), scene_livestream),
    ("야외 촬영", ("카메라", "촬영", "영상", "미디어"), scene_video),
    ("갯벌", ("갯벌",), scene_mudflat),
    ("포구와 배", ("포구", "항구", "배들", "여행", "관광"), scene_harbor),
    ("한옥", ("한옥",), scene_hanok),
    ("공예 화병", ("공예", "도자기", "화병"), scene_vases),
    ("책상 위 문구", ("사무", "가구", "문구"), scene_desk),
    ("사람들", ("교육", "문화", "아이들", "사람들"), scene_people),
)


def motif(alt: str) -> tuple[str, Scene]:
    """The motif for an alt text: the first keyword match, or a still life."""
    text = alt.replace("청소년", "")  # youth, not cleaning
    for name, words, scene in MOTIFS:
        if any(w in text for w in words):
            return name, scene
    return "정물", scene_still_life


def draw(alt: str) -> Image.Image:
    """A clean flat illustration of what the alt text is about."""
    seed = int.from_bytes(hashlib.sha256(alt.encode()).digest()[:8], "big")
    rng = random.Random(seed)
    pal = rng.choice(PALETTES)
    im = Image.new("RGB", (W * SCALE, H * SCALE), pal["wall"])
    motif(alt)[1](Pen(im), pal, rng, alt)
    return im.reduce(SCALE)  # average each 2x2 block: smooth edges without ringing


def main(argv: list[str]) -> int:
    force = "--force" in argv
    made = 0
    for path, alt in photo_refs(ROOT):
        if path.exists() and not force:
            continue
        draw(alt).save(path, "JPEG", quality=80, optimize=True)
        made += 1
    print(f"예시 사진 {made}장을 만들었습니다.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
