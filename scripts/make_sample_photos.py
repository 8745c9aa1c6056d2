"""Draw the fictional sample photos (no copyrighted images): one flat illustration per file.

Run: python scripts/make_sample_photos.py [--force]
Each picture is derived from its alt text, so the same content always gives the same photo.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import yaml
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
SIZE = (1400, 1050)
FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc")


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


def draw(alt: str) -> Image.Image:
    """A calm two-colour illustration with circles and the caption."""
    seed = hashlib.sha256(alt.encode()).digest()
    hue = seed[0] / 255
    base = tuple(int(120 + 100 * abs(((hue + k / 3) % 1) - 0.5)) for k in range(3))
    accent = tuple(min(255, c + 60) for c in base)
    im = Image.new("RGB", SIZE, base)
    pen = ImageDraw.Draw(im)
    for i in range(6):
        x, y, r = seed[1 + i] * 5, seed[8 + i] * 4, 80 + seed[15 + i]
        pen.ellipse((x - r, y - r, x + r, y + r), fill=accent)
    pen.rectangle((0, SIZE[1] - 230, SIZE[0], SIZE[1]), fill=(255, 255, 255))
    font = ImageFont.truetype(str(FONT), 54) if FONT.exists() else ImageFont.load_default()
    words, lines = alt.split(), [""]
    for word in words:
        if len(lines[-1]) + len(word) > 22:
            lines.append("")
        lines[-1] = f"{lines[-1]} {word}".strip()
    for n, line in enumerate(lines[:3]):
        pen.text((60, SIZE[1] - 210 + n * 66), line, fill=(30, 30, 30), font=font)
    pen.text((SIZE[0] - 190, 40), "예시", fill=(255, 255, 255), font=font)
    return im


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
