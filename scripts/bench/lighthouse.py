"""Lighthouse on one page of each main kind of a built site; writes scripts/bench/results/lighthouse.json.

Run: .venv/bin/python scripts/bench/lighthouse.py [site-dir]   (default: site)
Not a test: it prints the four category scores per page and preset, and the ids of the audits that
fail, and exits 1 when a page is under the targets (accessibility, best practices and SEO 100,
performance 95). The pages are found in the built site, so any catalog works, not only the sample:
the home page, the fixed pages (공공구매 바로찾기, 참여하기, 홈페이지에 넣기) and the first item,
enterprise and category page in name order. Every page runs with the mobile preset, and with the
desktop preset too. The site is served gzipped (serve_gzip.py), as static hosts serve it.
Uses Debian's chromium and the npm-installed lighthouse under .venv/tools (installed when missing).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "scripts" / "bench" / "results" / "lighthouse.json"
# The venv running this script holds the npm tools (vnu, lighthouse) in tools/.
TOOLS = Path(sys.prefix) / "tools"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking"
    " --disable-component-update --disable-sync --no-first-run"
)
# Lighthouse 13 wants Node 22.19 or newer; 12.8.2 runs on Node 18.16 and up (Debian's Node 20).
# 12.2.3 failed six audits (layout shifts, LCP element, ...) on Debian's chromium 156: its trace
# reader expects an older screenshot format.
LIGHTHOUSE_NEW, LIGHTHOUSE_OLD = "13.5.0", "12.8.2"
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
FIXED = {"procurement": "procurement/", "join": "join/", "embed": "embed/"}
PRESETS = ("mobile", "desktop")


def first_page(site: Path, pattern: str) -> str | None:
    """The first page matching pattern (a glob of index.html files), as a URL path."""
    found = sorted(site.glob(pattern))
    return found[0].parent.relative_to(site).as_posix() + "/" if found else None


def discover(site: Path) -> dict[str, str]:
    """One URL path per kind of page, from the built site; kinds the site lacks are left out."""
    pages = {
        "home": "",
        "procurement": FIXED["procurement"],
        "item": first_page(site, "items/*/*/index.html"),
        "enterprise": first_page(site, "enterprises/*/index.html"),
        "category": first_page(site, "categories/*/index.html"),
        "join": FIXED["join"],
        "embed": FIXED["embed"],
    }
    missing = [kind for kind, path in pages.items() if path is None or not (site / path / "index.html").is_file()]
    for kind in missing:
        print(f"{kind}: 이 사이트에 없는 페이지라 건너뜁니다", file=sys.stderr)
        del pages[kind]
    return pages


def lighthouse() -> tuple[Path, str]:
    """The lighthouse executable under the venv's tools, installed for this Node when missing."""
    node = subprocess.run(["node", "--version"], capture_output=True, text=True, check=True).stdout.strip()
    major, minor = (int(n) for n in node.lstrip("v").split(".")[:2])
    version = LIGHTHOUSE_NEW if (major, minor) >= (22, 19) else LIGHTHOUSE_OLD
    exe = TOOLS / "node_modules" / ".bin" / "lighthouse"
    installed = TOOLS / "node_modules" / "lighthouse" / "package.json"
    if not exe.exists() or json.loads(installed.read_text())["version"] != version:
        npm = ["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(TOOLS)]
        subprocess.run([*npm, "-E", f"lighthouse@{version}"], check=True, stdout=subprocess.DEVNULL)
    return exe, version


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(site: Path, port: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "bench" / "serve_gzip.py"), str(site), str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(50):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).close()
            return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("serve_gzip.py did not start")


def audits(report: dict) -> dict[str, list[str]]:
    """Ids of the audits that fail: those that cost points ("failing"), the unweighted ones that
    Lighthouse flags ("flagged"), and those it could not run ("errored", e.g. a newer chromium's trace).

    Metrics and opportunities count as failing under 0.9, where Lighthouse stops showing them green.
    """
    found: dict[str, list[str]] = {"failing": [], "flagged": [], "errored": []}
    for category in report["categories"].values():
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            score, mode = audit.get("score"), audit.get("scoreDisplayMode")
            if mode == "error":
                kind = "errored"
            elif score is None or mode in ("informative", "manual", "notApplicable"):
                continue
            elif score < 1 if mode == "binary" else score < 0.9:
                kind = "failing" if ref["weight"] > 0 else "flagged"
            else:
                continue
            if ref["id"] not in found[kind]:
                found[kind].append(ref["id"])
    return found


def report(exe: Path, url: str, preset: str, cpu: float | None) -> dict:
    """One Lighthouse run's full report, or {"runtimeError": ...} when it wrote none."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        args = [str(exe), url, "--quiet", "--output=json", f"--output-path={out}", f"--chrome-flags={CHROME_FLAGS}"]
        args.append("--preset=desktop" if preset == "desktop" else "--form-factor=mobile")
        if cpu is not None and preset == "mobile":
            args.append(f"--throttling.cpuSlowdownMultiplier={cpu}")
        done = subprocess.run(args, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True)
        if not out.exists():
            said = done.stderr.strip().splitlines()
            return {"runtimeError": {"message": said[-1] if said else "lighthouse wrote no report"}}
        return json.loads(out.read_text())


def run(exe: Path, url: str, preset: str, runs: int, cpu: float | None, keep: Path | None, name: str) -> dict:
    """The median run by performance score, as Lighthouse advises: one run on a shared machine varies
    by several points. The other runs' performance scores and the CPU benchmark are kept beside it."""
    reports = [report(exe, url, preset, cpu) for _ in range(runs)]
    good = [r for r in reports if not r.get("runtimeError")]
    if not good:
        return {"error": reports[0]["runtimeError"].get("message", "runtime error")}
    good.sort(key=lambda r: r["categories"]["performance"]["score"] or 0)
    median = good[len(good) // 2]
    if keep:
        keep.mkdir(parents=True, exist_ok=True)
        (keep / f"{name}.json").write_text(json.dumps(median))
    scores = {k: round(v["score"] * 100) if v["score"] is not None else None for k, v in median["categories"].items()}
    spread = {
        "performance_runs": [round((r["categories"]["performance"]["score"] or 0) * 100) for r in good],
        "benchmark_index": round(median["environment"]["benchmarkIndex"]),
        "cpu_slowdown": median["configSettings"]["throttling"]["cpuSlowdownMultiplier"],
    }
    if median.get("runWarnings"):
        spread["warnings"] = [w.split(". ")[0] for w in median["runWarnings"]]
    return {**scores, **audits(median), **spread}


def below(result: dict) -> list[str]:
    if "error" in result:
        return ["error"]
    return [k for k, target in TARGETS.items() if result.get(k) is None or result[k] < target]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default="site", type=Path)
    parser.add_argument("--only", nargs="+", metavar="KIND", help="these kinds of page only (home, item, ...)")
    parser.add_argument("--preset", choices=PRESETS, help="this preset only")
    parser.add_argument("--runs", type=int, default=3, help="runs per page and preset; the median counts (3)")
    parser.add_argument(
        "--cpu",
        type=float,
        help="mobile CPU slowdown instead of the preset's 4, as Lighthouse advises for a host slower than it "
        "expects (see benchmark_index in the results)",
    )
    parser.add_argument("--reports", type=Path, help="keep each full Lighthouse report in this folder")
    args = parser.parse_args()
    presets = (args.preset,) if args.preset else PRESETS
    site = args.site.resolve()
    if not (site / "index.html").is_file():
        raise SystemExit("먼저 bash scripts/run.sh build 로 사이트를 만드세요")
    pages = discover(site)
    if args.only:
        pages = {kind: path for kind, path in pages.items() if kind in args.only}
    exe, version = lighthouse()
    port = free_port()
    server = serve(site, port)
    results: dict[str, dict] = {}
    try:
        for kind, path in pages.items():
            results[kind] = {"path": "/" + path}
            for preset in presets:
                url = f"http://127.0.0.1:{port}/{path}"
                result = run(exe, url, preset, args.runs, args.cpu, args.reports, f"{kind}-{preset}")
                results[kind][preset] = result
                shown = {k: v for k, v in result.items() if k in TARGETS or k in ("failing", "error")}
                print(f"{kind:12} {preset:8} /{path}: {json.dumps(shown, ensure_ascii=False)}", flush=True)
    finally:
        server.kill()
        server.wait()
    if not (args.only or args.preset or args.cpu):  # a partial or recalibrated run leaves the results alone
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        document = {"lighthouse": version, "targets": TARGETS, "pages": results}
        RESULTS.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    short = [f"{kind} {preset}" for kind, r in results.items() for preset in presets if below(r[preset])]
    if short:
        raise SystemExit("목표에 못 미친 페이지: " + ", ".join(short))


if __name__ == "__main__":
    main()
