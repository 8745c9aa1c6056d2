"""Every place secatalog relies on mkdocs-material's internals, behind one door.

Material for MkDocs 9.x reaches end of life on 2027-05-05 (pyproject pins it below 10). What we
use of it beyond its documented configuration is named here, each with a test in
tests/test_material.py that fails when an update changes it:

- its search plugin and the entries it collects per page (search_entries);
- its search worker's file name, which each page's config names (WORKER_FILE), and where the
  worker and the index are written (WORKERS, INDEX_FILE, the index's "config"/"docs" format);
- the page config script it writes into every page (CONFIG_SCRIPT);
- the partials and blocks our theme overrides (OVERRIDDEN_PARTIALS, EXTENDED_BLOCKS).

The README's design notes hold the migration plan (its successor, Zensical, reads mkdocs.yml).
"""

from __future__ import annotations

import re
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

END_OF_LIFE = date(2027, 5, 5)
END_OF_LIFE_NOTICE = (
    "참고: 사이트 테마 Material for MkDocs 9.x는 2027-05-05에 지원이 끝납니다. 그 뒤에도 만들어진 사이트는 "
    "그대로 쓸 수 있으며, 도구를 옮기는 계획은 secatalog README의 설계 메모에 있습니다."
)

SEARCH_PLUGINS = ("material/search", "search")
WORKERS = "assets/javascripts/workers/"
WORKER_FILE = re.compile(r"(assets/javascripts/workers/)(search\.[0-9a-f]+\.min\.js)")
INDEX_FILE = "search_index.json"
CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
OVERRIDDEN_PARTIALS = (
    "partials/search.html",
    "partials/language.html",
    "partials/logo.html",
    "partials/copyright.html",
)
EXTENDED_BLOCKS = ("extrahead", "announce", "site_nav")


def material_version() -> str | None:
    try:
        return version("mkdocs-material")
    except PackageNotFoundError:
        return None


def end_of_life_notice(today: date) -> str | None:
    """The Korean notice a build prints while the site runs on Material 9.x (until its end and after)."""
    installed = material_version()
    if installed is None or not installed.startswith("9."):
        return None
    return END_OF_LIFE_NOTICE + (" 지원 기간이 이미 끝났습니다." if today > END_OF_LIFE else "")


def search_plugin(config):
    """The site's search plugin (material's, under either name), or None."""
    for name in SEARCH_PLUGINS:
        plugin = config.plugins.get(name)
        if plugin is not None:
            return plugin
    return None


def boost_field(config, field: str, boost: int) -> None:
    """Give the search index a field of ours (material's search config has `fields`)."""
    plugin = search_plugin(config)
    if plugin is not None and hasattr(plugin.config, "fields"):
        plugin.config.fields.setdefault(field, {"boost": boost})


def search_entries(config) -> tuple[object, list[dict]] | None:
    """Material's index of the current build and the documents it holds so far, or None."""
    index = getattr(search_plugin(config), "search_index", None)
    entries = getattr(index, "entries", None)
    return None if entries is None else (index, entries)


def point_at_worker(html: str, ours: str) -> str:
    """Point a page's search at our worker file (material names its worker in the page's config)."""
    return WORKER_FILE.sub(lambda m: m.group(1) + ours, html, count=1)


def has_worker(site: Path) -> bool:
    return any((site / WORKERS).glob("search.*.min.js"))


def index_shell(index: dict) -> dict:
    """Material's index file with its config and no documents (our worker reads our own file)."""
    return {"config": index.get("config", {}), "docs": []}
