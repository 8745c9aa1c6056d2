"""Load and validate a whole project into one immutable Catalog, collecting every problem.

The pipeline's reading half: catalog/ (read/network.py) -> entries (enterprises.py) ->
items -> bundles (bundles.py) -> case book (casebook.py) -> Catalog (catalog.py). Every
problem of every stage is collected before ContentError is raised; nothing is written here.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ..errors import Report
from ..model.catalog import Catalog
from ..settings import Settings
from .bundles import load_bundles
from .casebook import load_casebook
from .enterprises import LoadContext, enterprise_folders, load_enterprise, make_items
from .files import check_tree, refuse_cache_in_project
from .memo import EntryMemo, stamp
from .network import load_configuration
from .retired import check_retired, load_retired
from .trust import check_confirmations, identities_elsewhere


def load_project(settings: Settings, only: list[Path] | None = None, memo: EntryMemo | None = None) -> Catalog:
    """Read and validate everything (or only some entry folders); raise ContentError at the end.
    With a memo (serve), entries unchanged since the memo's last load are not read again."""
    report = Report()
    config = load_configuration(settings, report)
    report.raise_if_errors()
    assert config is not None  # every reason for None is an error reported above
    settings = replace(
        settings,
        max_photo_bytes=config.limits.max_photo_mb * 1024 * 1024,
        max_pixels=config.limits.max_megapixels * 1_000_000,
    )
    ctx = LoadContext(settings, config)

    check_tree(settings.root, settings.content_dir, report)
    refuse_cache_in_project(settings, report)
    every = enterprise_folders(settings, None)
    folders = every if only is None else enterprise_folders(settings, only)
    retired = load_retired(settings, report)
    check_retired(settings, retired, folders, report)
    if only is not None:
        ctx.seen.update(identities_elsewhere(settings, every, folders))
    if memo is not None:
        memo.start((stamp(settings.catalog_dir), settings.date, settings.max_yaml_bytes, settings.max_pixels))
    enterprises = [e for e in (_enterprise(folder, ctx, report, memo) for folder in folders) if e]
    if only is None:
        # A retired enterprise's record may stay: it keeps its name and numbers from being cloned.
        known = {f.name for f in folders} | {r.slug for r in retired}
        check_confirmations(settings, config.verified, enterprises, known, report)
    items = make_items(enterprises, ctx)
    # References into entries not loaded here (not checked, or broken) are not judged; checking
    # some entries still finds a bundle or a case pointing at one of their missing products.
    loaded = {e.slug for e in enterprises}
    not_judged = {f.name for f in every} - loaded
    references = report if only is None else Report()
    bundles = load_bundles(settings, items, not_judged, references, config.procurement)
    catalog = Catalog(
        settings,
        config.network,
        config.taxonomy,
        config.org_types,
        config.certifications,
        config.procurement,
        tuple(enterprises),
        tuple(items),
        tuple(bundles),
        report,
        config.print_settings,
    )
    catalog = replace(catalog, casebook=load_casebook(settings, catalog, references), retired=retired)
    if only is not None:
        for problem in references.problems:
            if any(f"'{slug}'" in problem.message or f"'{slug}/" in problem.message for slug in loaded):
                report.add(problem)
    report.raise_if_errors()
    return catalog


def _enterprise(folder: Path, ctx: LoadContext, report: Report, memo: EntryMemo | None):
    if memo is None:
        return load_enterprise(folder, ctx, report)
    now = stamp(folder)  # taken before reading: an edit made while it is read is seen next time
    kept = memo.reuse(folder, now, ctx.seen, report)
    if kept is not None:
        return kept
    own = Report()
    entry = load_enterprise(folder, ctx, own)
    memo.keep(folder, now, entry, own)
    report.extend(own)
    return entry
