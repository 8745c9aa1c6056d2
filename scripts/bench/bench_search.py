"""Search at national size: index size and time to first results, ours against material's own.

Builds a synthetic network (default 2,500 enterprises x 4 = 10,000 items, small photos), then
serves it twice: as built (our engine, assets/workers/search.js) and with the pages pointed
back at material's own worker (lunr) and its index stripped of what we add (the `parts` field
and the result teasers), i.e. mkdocs-material's default search on the same pages. In Chromium
with the CPU throttled 4x (a mid-range phone), it times from the last keystroke to the result
list changing, median of several queries, and the first query from typing to results (index
download and set-up included). Writes results/search.json.

    .venv/bin/python scripts/bench/bench_search.py [--enterprises 2500]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from PIL import Image

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "tests"))
WORK = Path(os.environ.get("BENCH_DIR", "/tmp/secatalog-bench"))

from synthetic import make  # noqa: E402

QUERIES = ["도시락", "도시락을", "우선구매", "합성 제품 1234", "제품은"]


def network(enterprises: int) -> Path:
    net = make(WORK / f"search-{enterprises}", enterprises, photos=False)
    for n, yml in enumerate(sorted((net / "content" / "enterprises").glob("*/enterprise.yml"))):
        for i in range(4):
            target = yml.parent / f"p{i}.jpg"
            if not target.exists():
                Image.new("RGB", (480, 360), (60 + n % 150, 90 + i * 30, 120)).save(target, "JPEG", quality=80)
    return net


def build(net: Path) -> tuple[Path, float]:
    out = WORK / f"site-{net.name}"
    env = dict(os.environ, SECATALOG_CACHE_DIR=str(WORK / "cache"))
    started = time.perf_counter()
    subprocess.run(
        [str(ROOT / ".venv/bin/secatalog"), "build", "--skip-print", "--out", str(out)],
        cwd=net,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return out, time.perf_counter() - started


def default_search_copy(site: Path) -> Path:
    """The same pages with material's own worker and material's own index."""
    base = site.with_name(site.name + "-material")
    shutil.rmtree(base, ignore_errors=True)
    shutil.copytree(site, base)
    worker = next((base / "assets/javascripts/workers").glob("search.*.min.js")).name
    html = base / "index.html"
    html.write_text(html.read_text("utf-8").replace("secatalog-search.js", worker), "utf-8")
    index_path = base / "search/search_index.json"
    ours = base / "search/secatalog-index.json"
    index = json.loads(ours.read_text("utf-8"))
    ours.unlink()
    index["config"]["fields"].pop("parts", None)
    for doc in index["docs"]:
        doc.pop("parts", None)
        text = doc.get("text", "")
        if text.startswith('<p class="sc-search-teaser">'):
            doc["text"] = text.split("</p> ", 1)[1]
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")
    return base


def index_size(site: Path) -> dict:
    """Both files a search downloads (ours leaves material's with its config only)."""
    raw = [p.read_bytes() for p in (site / "search").glob("*.json")]
    return {"bytes": sum(map(len, raw)), "gzip_bytes": sum(len(gzip.compress(r, 6)) for r in raw)}


def latencies(site: Path, rounds: int) -> dict:
    from browser import browser, serve

    timings: dict[str, list[float]] = {q: [] for q in QUERIES}
    found: dict[str, int] = {}
    with serve(site) as base, browser() as chromium:
        page = chromium.new_page(viewport={"width": 390, "height": 844})
        cdp = page.context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        page.goto(base)
        page.click("label[for=__search]")
        started = time.perf_counter()
        page.keyboard.type("도시락", delay=20)  # the first query waits for the index to load
        page.wait_for_selector(".md-search-result__item", timeout=300000)
        first = time.perf_counter() - started
        page.wait_for_timeout(3000)
        for _ in range(rounds):
            for query in QUERIES:
                # One query for the prefix, then quiet: the worker answers each keystroke in turn,
                # and a queue of earlier answers would be timed as this one.
                page.fill("input.md-search__input", query[:-1])
                page.dispatch_event("input.md-search__input", "keyup")
                page.wait_for_timeout(4000)
                page.evaluate(
                    """() => { window.__t1 = null;
                      const list = document.querySelector('.md-search-result__meta');
                      new MutationObserver((m, o) => { window.__t1 = performance.now(); o.disconnect(); })
                        .observe(list, {childList: true, characterData: true, subtree: true});
                      // From the keystroke itself (not from when this script asked for it): an input
                      // method's Hangul fires no keydown, but every keystroke fires beforeinput.
                      document.addEventListener('beforeinput', e => { window.__t0 = e.timeStamp; },
                        {capture: true, once: true}); }"""
                )
                page.keyboard.type(query[-1])
                page.wait_for_function("window.__t1 !== null", timeout=60000)
                timings[query].append(page.evaluate("window.__t1 - window.__t0"))
                page.wait_for_timeout(3000)
                found[query] = page.locator(".md-search-result__item").count()
    return {
        "first_results_s": round(first, 1),
        "median_ms": {q: round(statistics.median(v), 1) for q, v in timings.items()},
        "results_shown": found,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--enterprises", type=int, default=2500)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--reuse", action="store_true", help="time the site an earlier run built")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    if args.reuse:
        site, seconds = WORK / f"site-search-{args.enterprises}", 0.0
    else:
        site, seconds = build(network(args.enterprises))
    material = default_search_copy(site)
    result = {
        "items": args.enterprises * 4,
        "build_seconds": round(seconds, 1),
        "cpu_throttling": 4,
        "ours": {"index": index_size(site), **latencies(site, args.rounds)},
        "material": {"index": index_size(material), **latencies(material, args.rounds)},
    }
    ours, theirs = result["ours"], result["material"]
    result["ratios"] = {
        "index_gzip": round(ours["index"]["gzip_bytes"] / theirs["index"]["gzip_bytes"], 2),
        "latency": {
            q: round(ours["median_ms"][q] / theirs["median_ms"][q], 2) for q in QUERIES if theirs["median_ms"][q]
        },
    }
    out = HERE / "results" / "search.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", "utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
