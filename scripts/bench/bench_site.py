"""Benchmark the site build against same-run baselines; writes scripts/bench/results/site.json.

Run: .venv/bin/python scripts/bench/bench_site.py [--enterprises 250]
Measures, in one run on this machine:
  photos cold: ours (parallel, draft decode, one decode per photo) vs a plain one-process Pillow loop
  site warm:   secatalog build with the photo cache warm vs plain mkdocs-material on equivalent Markdown
  rebuilds:    no change (0 photos encoded) and after editing one entry
  memory:      peak RSS of the build at half and full size (must not grow with the photo count)
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

from PIL import Image, ImageOps

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import make  # noqa: E402

from secatalog.images import PRINT_WIDTH, WEB_WIDTHS  # noqa: E402
from secatalog.read.photos import process  # noqa: E402

WORK = Path(os.environ.get("BENCH_DIR", "/tmp/secatalog-bench"))
# The build cache lives outside the project; keep the benchmark's in its own folder.
os.environ.setdefault("SECATALOG_CACHE_DIR", str(WORK / "cache"))
PY = sys.executable


def baseline_photos(sources: list[Path], out: Path) -> None:
    """What a straightforward script does: decode each photo fully, write the same files."""
    out.mkdir(parents=True, exist_ok=True)
    for n, src in enumerate(sources):
        with Image.open(src) as im:
            im = ImageOps.exif_transpose(im).convert("RGB")
            for width in (*WEB_WIDTHS, PRINT_WIDTH):
                h = round(im.height * width / im.width)
                small = im.resize((width, h), Image.Resampling.LANCZOS)
                if width != PRINT_WIDTH:
                    small.save(out / f"{n}-{width}.webp", "WEBP", quality=78, method=4)
                small.save(out / f"{n}-{width}.jpg", "JPEG", quality=82, optimize=True, progressive=True)


def plain_mkdocs_project(net: Path, dest: Path) -> Path:
    """Equivalent Markdown pages (one per item, category and enterprise) for plain mkdocs."""
    if dest.exists():
        shutil.rmtree(dest)
    docs = dest / "docs"
    (docs / "img").mkdir(parents=True)
    import yaml

    cats: dict[str, list[str]] = {}
    for entry in sorted((net / "content/enterprises").glob("*/enterprise.yml")):
        data = yaml.safe_load(entry.read_text("utf-8"))
        slug = entry.parent.name
        lines = [f"# {data['name']}", "", data["mission"], ""]
        for p in data["products"]:
            page = docs / "items" / slug / f"{p['id']}.md"
            page.parent.mkdir(parents=True, exist_ok=True)
            img = f"{slug}-{p['id']}.jpg"
            shutil.copy(entry.parent / p["photos"][0]["file"], docs / "img" / img)
            page.write_text(
                f"# {p['name']}\n\n{p['summary']}\n\n![사진](../../img/{img})\n\n"
                f"| 가격 | {p['price']}원 |\n|---|---|\n| 단위 | {p['unit']} |\n\n"
                f"{p['description']}\n",
                "utf-8",
            )
            cats.setdefault(p["category"], []).append(f"- [{p['name']}](../items/{slug}/{p['id']}.md)")
            lines.append(f"- [{p['name']}](../items/{slug}/{p['id']}.md)")
        (docs / "enterprises").mkdir(exist_ok=True)
        (docs / "enterprises" / f"{slug}.md").write_text("\n".join(lines) + "\n", "utf-8")
    (docs / "categories").mkdir()
    names = _category_names(net)
    for cat, links in cats.items():
        page = f"# {names.get(cat, cat)}\n\n" + "\n".join(links) + "\n"
        (docs / "categories" / f"{cat}.md").write_text(page, "utf-8")
    (docs / "index.md").write_text("# 합성 카탈로그\n", "utf-8")
    # The nav a plain site of these pages would have: home and a section of its category pages
    # (until 2026-11-26 it named the folder, which mkdocs shows as one link titled "None").
    section = "".join(f"\n      - categories/{cat}.md" for cat in sorted(cats))
    (dest / "mkdocs.yml").write_text(
        "site_name: bench\ntheme:\n  name: material\n  language: ko\n  features: [navigation.sections, "
        f"navigation.prune]\nplugins: [search]\nnav:\n  - index.md\n  - 분류별 찾기:{section}\n",
        "utf-8",
    )
    return dest


def _category_names(net: Path) -> dict[str, str]:
    """Category and subcategory names by id, from the network's taxonomy."""
    import yaml

    taxonomy = yaml.safe_load((net / "catalog" / "categories.yml").read_text("utf-8"))
    return {c["id"]: c["name"] for top in taxonomy["categories"] for c in [top, *top.get("children", [])]}


def timed(cmd: list[str], cwd: Path) -> tuple[float, int, str]:
    """Wall time, peak RSS (KiB, from /usr/bin/time) and stderr of a command."""
    started = time.perf_counter()
    result = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *cmd],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"failed: {cmd}\n{result.stderr[-2000:]}")
    peak = int(result.stderr.strip().splitlines()[-1])
    return elapsed, peak, result.stderr


def site_repeats(net: Path, plain: Path, secatalog: str, rounds: int = 3) -> dict:
    """Warm site build vs plain mkdocs, interleaved so that machine noise hits both alike."""
    ours, base = [], []
    for _ in range(rounds):
        ours.append(timed([secatalog, "build", "--skip-print", "--out", str(WORK / "out")], net)[0])
        base.append(timed([str(Path(PY).with_name("mkdocs")), "build", "-q", "-d", str(WORK / "plain-out")], plain)[0])
    ours.sort()
    base.sort()
    return {
        "ours_warm_runs_s": [round(t, 2) for t in ours],
        "plain_runs_s": [round(t, 2) for t in base],
        "site_ratio_median": round(ours[rounds // 2] / base[rounds // 2], 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--enterprises", type=int, default=250)
    parser.add_argument(
        "--site-only",
        action="store_true",
        help="reuse the network and photo cache; only repeat the warm site comparison",
    )
    args = parser.parse_args()
    secatalog = str(Path(PY).with_name("secatalog"))
    if args.site_only:
        out = Path(__file__).parent / "results" / "site.json"
        results = json.loads(out.read_text("utf-8")) if out.exists() else {}
        results.update(site_repeats(WORK / "net", plain_mkdocs_project(WORK / "net", WORK / "plain"), secatalog))
        out.write_text(json.dumps(results, indent=2) + "\n", "utf-8")
        print(json.dumps(results, indent=2))
        return
    results: dict = {"enterprises": args.enterprises, "items": args.enterprises * 4, "cores": os.cpu_count()}

    net = make(WORK / "net", args.enterprises)
    sources = sorted((net / "content/enterprises").glob("*/p*.jpg"))
    results["photos"] = len(sources)
    results["photo_mb"] = round(sum(p.stat().st_size for p in sources) / 1e6, 1)

    started = time.perf_counter()
    baseline_photos(sources, WORK / "baseline-photos")
    results["photos_baseline_s"] = round(time.perf_counter() - started, 2)
    cache = Path(os.environ["SECATALOG_CACHE_DIR"]) / "photos"
    started = time.perf_counter()
    encoded = process(sources, cache, 40_000_000).encoded
    results["photos_ours_s"] = round(time.perf_counter() - started, 2)
    results["photos_ratio"] = round(results["photos_ours_s"] / results["photos_baseline_s"], 3)
    assert encoded == len(sources)

    plain = plain_mkdocs_project(net, WORK / "plain")
    results["plain_mkdocs_s"], results["plain_mkdocs_peak_kib"], _ = timed(
        [str(Path(PY).with_name("mkdocs")), "build", "-q", "-d", str(WORK / "plain-out")], plain
    )
    results["ours_warm_s"], results["ours_warm_peak_kib"], log = timed(
        [secatalog, "build", "--skip-print", "--out", str(WORK / "out")], net
    )
    results["site_ratio"] = round(results["ours_warm_s"] / results["plain_mkdocs_s"], 3)
    results["nochange_rebuild_s"], _, log = timed([secatalog, "build", "--skip-print", "--out", str(WORK / "out")], net)
    results["nochange_encoded"] = int(log.split("새로 처리한 사진 ")[1].split("장")[0])
    entry = net / "content/enterprises/ent-0000/enterprise.yml"
    entry.write_text(entry.read_text("utf-8").replace("합성 제품 0-0", "고친 제품 0-0"), "utf-8")
    results["edit_one_rebuild_s"], _, log = timed([secatalog, "build", "--skip-print", "--out", str(WORK / "out")], net)
    results["edit_one_encoded"] = int(log.split("새로 처리한 사진 ")[1].split("장")[0])

    half = make(WORK / "half", args.enterprises // 2, photo_source=net)
    _, results["half_cold_peak_kib"], _ = timed(
        [secatalog, "build", "--skip-print", "--out", str(WORK / "half-out")], half
    )
    shutil.rmtree(cache)
    _, results["full_cold_peak_kib"], _ = timed([secatalog, "build", "--skip-print", "--out", str(WORK / "out")], net)
    results["peak_ratio_full_vs_half"] = round(results["full_cold_peak_kib"] / results["half_cold_peak_kib"], 3)
    results["bench_self_maxrss_kib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    out = Path(__file__).parent / "results" / "site.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", "utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
