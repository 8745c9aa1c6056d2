"""Make a synthetic network for benchmarks: N enterprises, 4 items each, one big JPEG per item."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parents[2]
CATEGORIES = [
    "farm-produce",
    "lunchbox",
    "gift-sets",
    "cleaning-goods",
    "stationery",
    "printing",
    "cleaning",
    "landscaping",
    "classes",
    "performance",
    "elder-care",
    "video",
    "tours",
]
ORG = ["social-enterprise", "cooperative", "village-enterprise", "self-sufficiency", "social-coop"]
CITIES = ["가람시", "나래시", "다솜시", "라온시"]  # for print editions by region


def photo(path: Path, seed: int, size=(2000, 1500)) -> None:
    """A ~400 KB photo-like JPEG: smooth shapes plus fine noise."""
    rnd = random.Random(seed)
    im = Image.new("RGB", size, tuple(rnd.randrange(60, 200) for _ in range(3)))
    pen = ImageDraw.Draw(im)
    for _ in range(25):
        x, y, r = rnd.randrange(size[0]), rnd.randrange(size[1]), rnd.randrange(50, 400)
        pen.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rnd.randrange(256) for _ in range(3)))
    im = im.filter(ImageFilter.GaussianBlur(3))
    noise = Image.effect_noise(size, 24).convert("RGB")
    Image.blend(im, noise, 0.12).save(path, "JPEG", quality=85)


def make(
    dest: Path,
    enterprises: int,
    items_per: int = 4,
    photos: bool = True,
    photo_source: Path | None = None,
    photo_size: tuple[int, int] = (2000, 1500),
) -> Path:
    """Write the network; photos already drawn by an earlier run with the same seed are kept."""
    keep = dest / "content" / "enterprises"
    stash = dest.with_name(dest.name + ".photos")
    if keep.exists():
        shutil.rmtree(stash, ignore_errors=True)
        keep.rename(stash)
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(ROOT / "catalog", dest / "catalog")
    # The sample's confirmations name the sample's folders, which a synthetic network has not (an error).
    (dest / "catalog" / "verified.yml").write_text("enterprises: {}\n", "utf-8")
    shutil.copytree(ROOT / "content" / "pages", dest / "content" / "pages")
    text = (ROOT / "mkdocs.yml").read_text("utf-8")
    (dest / "mkdocs.yml").write_text(text.replace("custom_dir: theme", "custom_dir: theme_empty"), "utf-8")
    (dest / "theme_empty").mkdir()
    n = 0
    for e in range(enterprises):
        folder = dest / "content" / "enterprises" / f"ent-{e:04d}"
        folder.mkdir(parents=True)
        lines = [
            f"name: 합성기업 {e}호 협동조합",
            f"org_type: {ORG[e % len(ORG)]}",
            f"mission: 지역 주민 {e}명과 함께 일하는 합성 기업입니다",
            "social_purpose: jobs",
            f"email: ent{e}@example.org",
            f"address: 합성도 {CITIES[e % len(CITIES)]} 합성로 {e}",
            f"workers: {{paid: 10, vulnerable: {e % 6}}}",
            "products:",
        ]
        for i in range(items_per):
            lines += [
                f"  - id: item-{i}",
                f"    name: 합성 제품 {e}-{i} 우선구매 도시락",
                f"    category: {CATEGORIES[(e + i) % len(CATEGORIES)]}",
                "    summary: 지역 농산물로 만든 도시락을 공공기관에 납품합니다",
                "    description: |\n      오늘 만든 **도시락**을 배달합니다.\n      - 저염\n      - 제철",
                f"    price: {1000 * (1 + (e * 7 + i) % 90)}",
                "    unit: 1개",
                "    photos:",
                f"      - {{file: p{i}.jpg, alt: 합성 제품 {e}-{i} 사진}}",
            ]
            kept = stash / folder.name / f"p{i}.jpg"
            shared = photo_source / "content" / "enterprises" / folder.name / f"p{i}.jpg" if photo_source else None
            if kept.exists():
                kept.rename(folder / f"p{i}.jpg")
            elif shared is not None and shared.exists():
                shutil.copy(shared, folder / f"p{i}.jpg")
            elif photos:
                photo(folder / f"p{i}.jpg", e * 100 + i, photo_size)
            n += 1
        (folder / "enterprise.yml").write_text("\n".join(lines) + "\n", "utf-8")
    shutil.rmtree(stash, ignore_errors=True)
    return dest
