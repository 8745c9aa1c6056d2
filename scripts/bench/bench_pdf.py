"""Benchmark the catalog PDF (print edition) against one single-process WeasyPrint render.

Run: .venv/bin/python scripts/bench/bench_pdf.py [--enterprises 250]
Uses the synthetic network of bench_site.py (made if missing). In one run it measures:
  ours cold:   planned chunks rendered by 2 worker processes, then joined with pypdf
  baseline:    the same HTML as one document, rendered once in one process
  edit one:    rebuild after editing one item (only that category's chunk re-renders)
Peak memory is the largest resident set of any one process, and for ours also the sum
of the main process and its workers (they run at the same time).
Writes scripts/bench/results/pdf.json.
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import make  # noqa: E402

WORK = Path(os.environ.get("BENCH_DIR", "/tmp/secatalog-bench"))
os.environ.setdefault("SECATALOG_CACHE_DIR", str(WORK / "cache"))


def _prepare(root: Path):
    from secatalog.build.recipe import prepare
    from secatalog.settings import Settings

    return prepare(Settings(root))


def _print_jobs(prepared):
    from secatalog.pdf.html import PRINT, CatalogDocument
    from secatalog.pdf.render import Job

    catalog = prepared.catalog
    doc = CatalogDocument(catalog, prepared.photos, 2, "2026-11-25")
    photos = str(catalog.settings.photo_cache)
    return doc, [Job(f"print:{c.key}", doc.html(c, PRINT), c.pages, photos) for c in doc.chunks]


def phase_ours(root: Path, out: Path) -> dict:
    from secatalog.pdf.assemble import merge
    from secatalog.pdf.render import render_all

    prepared = _prepare(root)
    doc, jobs = _print_jobs(prepared)
    started = time.perf_counter()
    files, rendered, *_ = render_all(jobs, Path(os.environ["SECATALOG_CACHE_DIR"]) / "pdf", workers=2)
    pages = merge([files[j.name] for j in jobs], out, "bench", "bench", prepared.catalog.settings.date)
    return {"seconds": time.perf_counter() - started, "pages": pages, "rendered": rendered, "chunks": len(jobs)}


def phase_baseline(root: Path, out: Path) -> dict:
    import weasyprint

    from secatalog.pdf.fetcher import RestrictedFetcher

    prepared = _prepare(root)
    _, jobs = _print_jobs(prepared)
    head = jobs[0].html.split("<body", 1)[0]
    head = re.sub(r"@page :first \{ counter-reset: page \d+; \}", "", head)
    bodies = [re.search(r"<body[^>]*>(.*)</body>", j.html, re.S).group(1) for j in jobs]
    html = head + '<body class="print per-page-2">' + "".join(bodies) + "</body></html>"
    started = time.perf_counter()
    fetcher = RestrictedFetcher(Path(jobs[0].photos))
    weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf(out)
    return {"seconds": time.perf_counter() - started}


def run_phase(name: str, root: Path, out: Path) -> dict:
    result = subprocess.run(
        [sys.executable, __file__, "--phase", name, str(root), str(out)], capture_output=True, text=True
    )
    if result.returncode:
        raise SystemExit(result.stderr[-3000:])
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    if "--phase" in sys.argv:
        name, root, out = sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4])
        data = {"ours": phase_ours, "baseline": phase_baseline}[name](root, out)
        data["self_peak_kib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        data["children_peak_kib"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        print(json.dumps(data))
        return
    enterprises = int(sys.argv[sys.argv.index("--enterprises") + 1]) if "--enterprises" in sys.argv else 250
    root = WORK / "net"
    if (
        not (root / "content/enterprises").exists()
        or len(list((root / "content/enterprises").iterdir())) != enterprises
    ):
        make(root, enterprises)
    _prepare(root)  # photos cached before timing anything
    shutil.rmtree(Path(os.environ["SECATALOG_CACHE_DIR"]) / "pdf", ignore_errors=True)
    results: dict = {"enterprises": enterprises}
    base = run_phase("baseline", root, WORK / "baseline.pdf")
    ours = run_phase("ours", root, WORK / "ours.pdf")
    entry = root / "content/enterprises/ent-0003/enterprise.yml"
    text = entry.read_text("utf-8")
    entry.write_text(text.replace("합성 제품 3-0", "고친 제품 3-0", 1), "utf-8")
    try:
        edit = run_phase("ours", root, WORK / "ours-edit.pdf")
    finally:
        entry.write_text(text, "utf-8")
    ours_sum = ours["self_peak_kib"] + 2 * ours["children_peak_kib"]
    results.update(
        pages=ours["pages"],
        chunks=ours["chunks"],
        baseline_s=round(base["seconds"], 2),
        baseline_peak_kib=base["self_peak_kib"],
        ours_cold_s=round(ours["seconds"], 2),
        ours_main_peak_kib=ours["self_peak_kib"],
        ours_worker_peak_kib=ours["children_peak_kib"],
        ours_sum_peak_kib=ours_sum,
        time_ratio=round(ours["seconds"] / base["seconds"], 3),
        peak_ratio_largest_process=round(
            max(ours["self_peak_kib"], ours["children_peak_kib"]) / base["self_peak_kib"], 3
        ),
        peak_ratio_sum=round(ours_sum / base["self_peak_kib"], 3),
        edit_one_s=round(edit["seconds"], 2),
        edit_one_rendered=edit["rendered"],
        edit_ratio=round(edit["seconds"] / ours["seconds"], 3),
        baseline_mb=round((WORK / "baseline.pdf").stat().st_size / 1e6, 1),
        ours_mb=round((WORK / "ours.pdf").stat().st_size / 1e6, 1),
    )
    out = Path(__file__).parent / "results" / "pdf.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", "utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
