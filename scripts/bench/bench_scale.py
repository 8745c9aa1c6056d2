"""Scale benchmark (issue 16); writes scripts/bench/results/scale.json.

Run: .venv/bin/python scripts/bench/bench_scale.py [--items 1000 10000] [--rounds 3]

For each size, on the synthetic network (4 items per enterprise, small 480x360 photos so that
photo work does not dominate), in one run on this machine:
  cold:      `secatalog build --skip-print` with an empty cache
  warm:      the same with the photo cache warm, interleaved with plain mkdocs-material on the
             equivalent Markdown (bench_site.plain_mkdocs_project); medians and their ratio
  memory:    peak RSS of the warm build against plain's
  HTML:      bytes per HTML page, ours against plain's
  no change: a second build of the same input, against the cold build (photos and pages redone)
  linear:    time at the largest size over time at the smallest, against the item ratio
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_site import PY, WORK, plain_mkdocs_project, timed  # noqa: E402
from synthetic import make  # noqa: E402

SECATALOG = str(Path(PY).with_name("secatalog"))
MKDOCS = str(Path(PY).with_name("mkdocs"))
RESULTS = Path(__file__).parent / "results" / "scale.json"


def html_per_page(site: Path) -> tuple[int, float]:
    pages = list(site.rglob("*.html"))
    return len(pages), sum(p.stat().st_size for p in pages) / max(len(pages), 1)


def ours(net: Path, out: Path, force: bool = True) -> tuple[float, int, str]:
    """A site build; forced (a build of unchanged input keeps the last output, see nochange)."""
    return timed([SECATALOG, "build", "--skip-print", "--out", str(out), *(["--force"] if force else [])], net)


def counted(log: str, label: str) -> int | None:
    """A number the build's summary line gives after label."""
    found = re.search(label + r" (\d+)", log)
    return int(found.group(1)) if found else None


def serve_edit(net: Path, port: int = 8765) -> dict:
    """Start `secatalog serve`, edit one entry, and time until the edited page is served fresh."""
    import subprocess
    import time
    import urllib.request

    url = f"http://127.0.0.1:{port}/items/ent-0000/item-0/"
    server = subprocess.Popen(
        [SECATALOG, "serve", "--addr", f"127.0.0.1:{port}"],
        cwd=net,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )

    def page() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    def wait_for(text: str, limit: float) -> float:
        started = time.perf_counter()
        while text not in page():
            if time.perf_counter() - started > limit:
                raise SystemExit(f"serve: '{text}' not served within {limit} s")
            time.sleep(0.05)
        return time.perf_counter() - started

    entry = net / "content/enterprises/ent-0000/enterprise.yml"
    original = entry.read_text("utf-8")
    result: dict = {}
    try:
        result["serve_first_build_s"] = round(wait_for("합성 제품 0-0", 1800), 2)
        time.sleep(2)  # let the watcher settle after the first build
        for n, name in enumerate(["고친 제품 0-0", "다시 고친 제품 0-0"]):
            entry.write_text(original.replace("합성 제품 0-0", name), "utf-8")
            result[f"serve_edit_{n + 1}_s"] = round(wait_for(name, 600), 2)
            time.sleep(10)  # idle again (a save may set off a second, unneeded build)
    finally:
        entry.write_text(original, "utf-8")
        server.terminate()
        server.wait(30)
    return result


def measure(items: int, rounds: int) -> dict:
    enterprises = items // 4
    net = make(WORK / f"scale-{items}", enterprises, photo_size=(480, 360))
    plain = plain_mkdocs_project(net, WORK / f"scale-{items}-plain")
    out, plain_out = WORK / f"scale-{items}-out", WORK / f"scale-{items}-plain-out"
    cache = Path(os.environ["SECATALOG_CACHE_DIR"])
    shutil.rmtree(cache, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    result: dict = {"items": enterprises * 4, "enterprises": enterprises, "cores": os.cpu_count()}
    result["cold_s"], result["cold_peak_kib"], _ = ours(net, out)
    mine, base = [], []
    for _ in range(rounds):
        mine.append(ours(net, out)[:2])
        base.append(timed([MKDOCS, "build", "-q", "-d", str(plain_out)], plain)[:2])
    mine.sort()
    base.sort()
    result["warm_runs_s"] = [round(t, 2) for t, _ in mine]
    result["plain_runs_s"] = [round(t, 2) for t, _ in base]
    result["warm_s"], result["warm_peak_kib"] = mine[rounds // 2]
    result["plain_s"], result["plain_peak_kib"] = base[rounds // 2]
    result["ratio"] = round(result["warm_s"] / result["plain_s"], 3)
    result["memory_ratio"] = round(result["warm_peak_kib"] / result["plain_peak_kib"], 3)
    result["html_pages"], per_page = html_per_page(out)
    result["plain_html_pages"], plain_per_page = html_per_page(plain_out)
    result["html_bytes_per_page"], result["plain_html_bytes_per_page"] = round(per_page), round(plain_per_page)
    result["html_ratio"] = round(per_page / plain_per_page, 3)
    result["nochange_s"], _, log = ours(net, out, force=False)
    result["nochange_photos_encoded"] = counted(log, "새로 처리한 사진")
    result["nochange_kept"] = "바뀐 것이 없어" in log
    result["nochange_vs_cold"] = round(result["nochange_s"] / result["cold_s"], 3)
    result.update(serve_edit(net))
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    results = json.loads(RESULTS.read_text("utf-8")) if RESULTS.exists() else {}
    for items in args.items:
        results[str(items)] = measure(items, args.rounds)
        print(json.dumps(results[str(items)], indent=2), flush=True)
    sizes = sorted(int(k) for k in results if k.isdigit())
    if len(sizes) > 1:
        small, large = results[str(sizes[0])], results[str(sizes[-1])]
        results["linear"] = {
            "item_ratio": round(large["items"] / small["items"], 2),
            "warm_time_ratio": round(large["warm_s"] / small["warm_s"], 2),
        }
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
