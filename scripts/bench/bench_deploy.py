"""What the deploy workflow's cache buys: publishing a one-entry change at 1,000 items, with the photo
and PDF cache of the previous run of main (actions/cache) and without it (every run starts cold).

Run: .venv/bin/python scripts/bench/bench_deploy.py [--enterprises 250]
Builds a synthetic network (4 items per enterprise, one 2000x1500 JPEG each, as members' phones
send) with print editions, as the deploy does: once cold, then after changing one entry's price
with the cache warm, then the same change cold again. Writes results/deploy.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import synthetic  # noqa: E402
from bench_site import timed  # noqa: E402


def change_one_entry(net: Path) -> str:
    first = sorted((net / "content" / "enterprises").iterdir())[0] / "enterprise.yml"
    text = first.read_text("utf-8")
    changed = text.replace("price: ", "price: 1", 1)
    assert changed != text
    first.write_text(changed, "utf-8")
    return first.parent.name


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--enterprises", type=int, default=250)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="secatalog-deploy-"))
    cli = [sys.executable, "-m", "secatalog.cli.app", "build", "--out"]
    try:
        net = synthetic.make(work / "net", args.enterprises)
        os.environ["SECATALOG_CACHE_DIR"] = str(work / "cache")
        first_s, first_kib, _ = timed([*cli, str(work / "out-1")], net)  # main's previous run, cold
        changed = change_one_entry(net)
        warm_s, warm_kib, _ = timed([*cli, str(work / "out-2")], net)  # this run, cache restored
        shutil.rmtree(work / "cache")
        cold_s, cold_kib, _ = timed([*cli, str(work / "out-3")], net)  # this run, no cache
        results = {
            "items": args.enterprises * 4,
            "cores": os.cpu_count(),
            "changed_entry": changed,
            "first_publish_s": round(first_s, 1),
            "one_entry_change_with_cache_s": round(warm_s, 1),
            "one_entry_change_without_cache_s": round(cold_s, 1),
            "with_vs_without": round(warm_s / cold_s, 3),
            "peak_rss_kib": {"first": first_kib, "with_cache": warm_kib, "without_cache": cold_kib},
            "site_mib": round(sum(p.stat().st_size for p in (work / "out-3").rglob("*") if p.is_file()) / 2**20, 1),
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)
    out = HERE / "results" / "deploy.json"
    out.write_text(json.dumps(results, indent=2) + "\n", "utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
