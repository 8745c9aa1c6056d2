"""Print at scale (issue 16): each print edition against one single-process WeasyPrint render.

Run: .venv/bin/python scripts/bench/bench_print_scale.py [--enterprises 2500] [--editions whole food ...]

On the synthetic network (4 items per enterprise, 480x360 photos, as bench_scale.py), with
catalog/print.yml naming an edition per category, per org type and per region besides the whole
catalog. For each edition's print PDF (A4 with bleed), in one run on this machine:
  baseline:  the HTML of all its chunks as one document, rendered by WeasyPrint in one process
  ours:      its chunks rendered by 2 workers with an empty cache and joined (streaming) by the
             main process as they finish, as a build does
  pypdf:     the same parts joined the way the join worked before (pypdf's PdfWriter), for scale
Time excludes loading the catalog, which both do alike. Memory is peak resident set: the
baseline is one process; ours is the build process plus every process under it (the fork server
and the workers), each at its own peak (VmHWM sampled every 0.1 s) and summed as if all peaks
were at once. Writes scripts/bench/results/print_scale.json.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import CITIES, make  # noqa: E402

WORK = Path(os.environ.get("BENCH_DIR", "/tmp/secatalog-bench"))
os.environ.setdefault("SECATALOG_CACHE_DIR", str(WORK / "cache"))
RESULTS = Path(__file__).parent / "results" / "print_scale.json"
EDITIONS = f"""
editions:
  - {{id: food, title: 먹을거리 카탈로그, categories: [food]}}
  - {{id: cooperatives, title: 협동조합 제품·서비스, org_types: [cooperative]}}
  - {{id: region, title: {CITIES[0]} 기업 제품, regions: [{CITIES[0]}]}}
"""


def network(enterprises: int) -> Path:
    net = make(WORK / f"scale-{enterprises * 4}", enterprises, photo_size=(480, 360))
    settings = net / "catalog" / "print.yml"
    text = settings.read_text("utf-8")
    settings.write_text(text[: text.index("\neditions:")] + EDITIONS, "utf-8")
    return net


class PeakWatch(threading.Thread):
    """The peak resident set of every process under this one, by pid, from the VmHWM the kernel
    keeps for each (sampled until the process ends, so growth in its last 0.1 s may be missed)."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peaks: dict[int, int] = {}
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.1):
            for pid in _descendants(os.getpid()):
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                except OSError:
                    continue
                found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)
                if found:
                    self.peaks[pid] = max(self.peaks.get(pid, 0), int(found.group(1)))

    def stop(self) -> dict[int, int]:
        self.done.set()
        self.join()
        return self.peaks


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _document(net: Path, edition: str):
    from secatalog.build.recipe import prepare
    from secatalog.pdf.html import CatalogDocument
    from secatalog.settings import Settings

    prepared = prepare(Settings(net))
    catalog = prepared.catalog
    per_page, created = catalog.print_settings.items_per_page, catalog.settings.date.isoformat()
    if edition == "whole":
        return CatalogDocument(catalog, prepared.photos, per_page, created)
    part = dict((e.id, (e, p)) for e, p in catalog.print_editions())[edition]
    return CatalogDocument(part[1], prepared.photos, per_page, created, part[0].title)


def _tasks(doc):
    from secatalog.pdf.editions import chunk_task
    from secatalog.pdf.html import PRINT

    photos = str(doc.catalog.settings.photo_cache)
    return [chunk_task(chunk.key, doc, chunk, PRINT, photos, tagged=False) for chunk in doc.chunks]


def phase_ours(net: Path, edition: str, out: Path, cache: Path) -> dict:
    """As a build prints a book: chunks rendered by 2 workers, joined in the build process as
    they finish (editions.write_all)."""
    from secatalog.pdf.assemble import Joins
    from secatalog.pdf.render import render_all

    doc = _document(net, edition)
    watch = PeakWatch()
    watch.start()
    started = time.perf_counter()
    with Joins() as joins:
        names = [chunk.key for chunk in doc.chunks]
        join = joins.book(out, names, doc.title, "bench", doc.catalog.settings.date, pad_to=4)
        files, rendered, *_ = render_all(_tasks(doc), cache, workers=2, timeout=3600, done=joins.ready)
    done = time.perf_counter()
    peaks = watch.stop()
    (cache / "parts.json").write_text(json.dumps([str(files[name]) for name in names]))
    return {
        "seconds": done - started,
        "pages": join.pages,
        "chunks": len(names),
        "rendered": rendered,
        "processes_peak_kib": sorted(peaks.values(), reverse=True),
    }


def phase_pypdf(net: Path, edition: str, out: Path, cache: Path) -> dict:
    """The join as it was: every part appended to one pypdf PdfWriter, then written."""
    from pypdf import PdfReader, PdfWriter

    parts = json.loads((cache / "parts.json").read_text())
    started = time.perf_counter()
    writer = PdfWriter()
    for part in parts:
        writer.append(PdfReader(part), import_outline=True)
    with out.open("wb") as fh:
        writer.write(fh)
    return {"seconds": time.perf_counter() - started, "pages": len(writer.pages)}


def phase_baseline(net: Path, edition: str, out: Path, cache: Path) -> dict:
    import weasyprint

    from secatalog.pdf.fetcher import RestrictedFetcher

    doc = _document(net, edition)
    jobs = [task.make() for task in _tasks(doc)]
    head = re.sub(r"@page :first \{ counter-reset: page \d+; \}", "", jobs[0].html.split("<body", 1)[0])
    bodies = [re.search(r"<body[^>]*>(.*)</body>", job.html, re.S).group(1) for job in jobs]
    html = head + f'<body class="print per-page-{doc.per_page}">' + "".join(bodies) + "</body></html>"
    del jobs, bodies
    started = time.perf_counter()
    fetcher = RestrictedFetcher(doc.catalog.settings.photo_cache)
    document = weasyprint.HTML(string=html, url_fetcher=fetcher).render()
    document.write_pdf(out)
    return {"seconds": time.perf_counter() - started, "pages": len(document.pages)}


PHASES = {"ours": phase_ours, "pypdf": phase_pypdf, "baseline": phase_baseline}


def run_phase(name: str, net: Path, edition: str, out: Path, cache: Path) -> dict:
    command = [sys.executable, __file__, "--phase", name, str(net), edition, str(out), str(cache)]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(result.stderr[-3000:])
    return json.loads(result.stdout.strip().splitlines()[-1])


def measure(net: Path, edition: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-print-") as folder:
        cache = Path(folder)
        ours = run_phase("ours", net, edition, WORK / f"print-{edition}-ours.pdf", cache)
        pypdf = run_phase("pypdf", net, edition, WORK / f"print-{edition}-pypdf.pdf", cache)
    base = run_phase("baseline", net, edition, WORK / f"print-{edition}-baseline.pdf", WORK)
    ours_sum = ours["self_peak_kib"] + sum(ours["processes_peak_kib"])
    return {
        "pages": ours["pages"],
        "baseline_pages": base["pages"],
        "chunks": ours["chunks"],
        "baseline_s": round(base["seconds"], 1),
        "ours_s": round(ours["seconds"], 1),
        "time_ratio": round(ours["seconds"] / base["seconds"], 3),
        "baseline_peak_kib": base["self_peak_kib"],
        "ours_main_peak_kib": ours["self_peak_kib"],
        "ours_other_processes_peak_kib": ours["processes_peak_kib"],
        "ours_sum_peak_kib": ours_sum,
        "memory_ratio": round(ours_sum / base["self_peak_kib"], 3),
        "pypdf_join_s": round(pypdf["seconds"], 1),
        "pypdf_join_peak_kib": pypdf["self_peak_kib"],
        "ours_mb": round((WORK / f"print-{edition}-ours.pdf").stat().st_size / 1e6, 1),
        "baseline_mb": round((WORK / f"print-{edition}-baseline.pdf").stat().st_size / 1e6, 1),
    }


def main() -> None:
    if "--phase" in sys.argv:
        name, net, edition, out, cache = sys.argv[2:7]
        data = PHASES[name](Path(net), edition, Path(out), Path(cache))
        data["self_peak_kib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps(data))
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--enterprises", type=int, default=2500)
    parser.add_argument("--editions", nargs="+", default=["whole", "food", "cooperatives", "region"])
    args = parser.parse_args()
    net = network(args.enterprises)
    _document(net, "whole")  # photos derived before timing anything
    results = json.loads(RESULTS.read_text("utf-8")) if RESULTS.exists() else {}
    size = results.setdefault(str(args.enterprises * 4), {"cores": os.cpu_count()})
    for edition in args.editions:
        size[edition] = measure(net, edition)
        print(edition, json.dumps(size[edition]), flush=True)
        RESULTS.parent.mkdir(exist_ok=True)
        RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    main()
