"""What the promotion kit (desk calendar, card news, purchase statistics, trade list) adds to a build.

Run: .venv/bin/python scripts/bench/bench_promotion.py [--enterprises N]
Without --enterprises it measures the sample network in this repository; with it, the synthetic
network of synthetic.py. In one run, each group of print jobs is rendered cold (a fresh cache) by
two worker processes, the way `secatalog build` renders them together:
  books:      catalog and case book, print and screen editions (the baseline)
  singles:    profiles and 품목 확인서 (issue 14), for reference
  promotion:  the calendar and every card, then the cards rasterised to PNG; the trade list
              (one single) and the statistics (stats.py + CSV) timed on their own
Writes scripts/bench/results/promotion.json with seconds and the ratio promotion / books.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
WORK = Path(os.environ.get("BENCH_DIR", "/tmp/secatalog-bench"))
os.environ.setdefault("SECATALOG_CACHE_DIR", str(WORK / "cache"))


def _render(jobs, workers: int) -> tuple[float, dict]:
    from secatalog.pdf.render import render_all

    with tempfile.TemporaryDirectory(prefix="bench-promotion-") as cache:
        started = time.perf_counter()
        files, rendered, *_ = render_all(jobs, Path(cache), workers)
        seconds = time.perf_counter() - started
        return seconds, {"jobs": len(jobs), "rendered": rendered, "files": files, "cache": cache}


def measure(root: Path, workers: int = 2) -> dict:
    from secatalog.build.recipe import prepare
    from secatalog.data.export import write_purchases_csv
    from secatalog.data.stats import statistics
    from secatalog.pdf.cards import rasterise
    from secatalog.pdf.editions import documents
    from secatalog.settings import Settings

    prepared = prepare(Settings(root))
    docs = documents(prepared)
    groups = docs.jobs()
    trade = [job for job in groups["singles"] if job.name == "member-trade.pdf"]
    result = {}
    for name in ("books", "singles"):
        seconds, info = _render(groups[name], workers)
        result[name] = {"seconds": round(seconds, 2), "jobs": info["jobs"]}
    from secatalog.pdf.render import render_all

    with tempfile.TemporaryDirectory(prefix="bench-promotion-") as cache:
        started = time.perf_counter()
        files, *_ = render_all(groups["promotion"] + trade, Path(cache), workers)
        for n in range(len(docs.news.cards)):
            rasterise(files[docs.news.path], n, Path(cache) / f"card-{n}.png")
        stats_started = time.perf_counter()
        write_purchases_csv(statistics(prepared.catalog), Path(cache) / "purchases.csv")
        done = time.perf_counter()
    result["promotion"] = {
        "seconds": round(done - started, 2),
        "jobs": len(groups["promotion"]) + len(trade),
        "cards": len(docs.news.cards),
        "statistics_seconds": round(done - stats_started, 3),
    }
    result["ratio_promotion_to_books"] = round(result["promotion"]["seconds"] / result["books"]["seconds"], 3)
    result["items"] = len(prepared.catalog.items)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--enterprises", type=int, default=0, help="synthetic network size (0 = the sample)")
    args = parser.parse_args()
    root = HERE.parent.parent
    if args.enterprises:
        from synthetic import make

        root = make(WORK / f"net-{args.enterprises}", args.enterprises)
    result = {"network": "sample" if not args.enterprises else f"synthetic {args.enterprises}", "cores": os.cpu_count()}
    result.update(measure(root))
    out = HERE / "results" / "promotion.json"
    previous = json.loads(out.read_text("utf-8")) if out.exists() else {}
    previous[result["network"]] = result
    out.write_text(json.dumps(previous, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
