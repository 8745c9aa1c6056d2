"""Is this revision's site build slower than an earlier one's? Same network, same run.

Run: .venv/bin/python scripts/bench/bench_revisions.py --base REV [--enterprises 250] [--rounds 3]
Builds a synthetic network (4 items per enterprise, small 480x360 photos so photo work does not
dominate, photo cache warmed first) with the base revision's code, this revision's code and plain
mkdocs-material on the equivalent Markdown, interleaved, and writes results/revisions.json.
Each revision reads its own catalog/ (the format may have grown in between).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
import synthetic  # noqa: E402
from bench_site import plain_mkdocs_project, timed  # noqa: E402

_photo = synthetic.photo
synthetic.photo = lambda path, seed, size=(480, 360): _photo(path, seed, size)


def _median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True, help="git revision to compare with (e.g. a tag or commit)")
    parser.add_argument("--enterprises", type=int, default=250)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="secatalog-revisions-"))
    os.environ["SECATALOG_CACHE_DIR"] = str(work / "cache")
    base_tree = work / "base-tree"
    subprocess.run(["git", "worktree", "add", "-q", "--detach", str(base_tree), args.base], cwd=ROOT, check=True)
    try:
        net = synthetic.make(work / "net", args.enterprises)
        plain = plain_mkdocs_project(net, work / "plain")
        base_net = work / "base-net"
        shutil.copytree(net, base_net)
        shutil.rmtree(base_net / "catalog")
        shutil.copytree(base_tree / "catalog", base_net / "catalog")
        cli = [sys.executable, "-m", "secatalog.cli.app", "build", "--skip-print", "--out"]
        mkdocs = [str(Path(sys.executable).with_name("mkdocs")), "build", "-q", "-d", str(work / "plain-out")]
        runs: dict[str, list[float]] = {"base": [], "this": [], "plain": []}
        for rnd in range(args.rounds + 1):  # the first round warms the photo caches and is not counted
            os.environ["PYTHONPATH"] = str(base_tree / "scripts")
            base_s = timed([*cli, str(work / "base-out")], base_net)[0]
            os.environ.pop("PYTHONPATH")
            this_s = timed([*cli, str(work / "this-out")], net)[0]
            plain_s = timed(mkdocs, plain)[0]
            if rnd:
                runs["base"].append(round(base_s, 2))
                runs["this"].append(round(this_s, 2))
                runs["plain"].append(round(plain_s, 2))
        results = {
            "base": args.base,
            "items": args.enterprises * 4,
            "cores": os.cpu_count(),
            "runs_s": runs,
            "this_vs_base_median": round(_median(runs["this"]) / _median(runs["base"]), 3),
            "this_vs_base_best": round(min(runs["this"]) / min(runs["base"]), 3),
            "this_vs_plain_median": round(_median(runs["this"]) / _median(runs["plain"]), 3),
        }
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(base_tree)], cwd=ROOT)
        shutil.rmtree(work, ignore_errors=True)
    out = HERE / "results" / "revisions.json"
    out.write_text(json.dumps(results, indent=2) + "\n", "utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
