"""One test per coupling to mkdocs-material's internals (site/material.py): an update that changes one
fails here, by name, instead of somewhere in a built page."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import material as material_package
import pytest

from secatalog.site import material

THEME = Path(material_package.__file__).parent / "templates"
OURS = Path(material.__file__).parents[1] / "templates" / "theme"


def test_installed_material_is_the_major_version_we_adapt_to():
    assert material.material_version().startswith("9.")


def test_its_search_worker_is_named_as_we_rewrite_it():
    workers = [p.name for p in (THEME / material.WORKERS).glob("*.js")]
    assert [w for w in workers if material.WORKER_FILE.fullmatch(material.WORKERS + w)], workers
    page = (THEME / "base.html").read_text("utf-8")
    assert "search/search_index.json" in page or "workers/search" in page or "__config" in page


def test_its_search_plugin_collects_entries_per_page():
    import inspect

    from material.plugins.search.plugin import SearchIndex, SearchPlugin

    assert SearchIndex().entries == [], "the documents of the build so far"
    source = inspect.getsource(SearchPlugin)
    assert "self.search_index = SearchIndex(" in source and "self.search_index.add_entry_from_context(" in source


def test_its_page_config_script_is_where_we_compact_it():
    base = (THEME / "base.html").read_text("utf-8")
    assert '<script id="__config" type="application/json">' in base


@pytest.mark.parametrize("partial", material.OVERRIDDEN_PARTIALS)
def test_every_partial_we_override_exists_in_material(partial):
    assert (THEME / partial).is_file(), f"material no longer has {partial}: our override would be dead"
    assert (OURS / partial).is_file()


@pytest.mark.parametrize("block", material.EXTENDED_BLOCKS)
def test_every_block_our_main_html_fills_exists_in_material(block):
    assert re.search(r"{%-?\s*block\s+" + block + r"\b", (THEME / "base.html").read_text("utf-8"))
    assert re.search(r"{%-?\s*block\s+" + block + r"\b", (OURS / "main.html").read_text("utf-8"))


def test_index_format_config_and_docs(sample_site):
    index = json.loads((sample_site / "search" / material.INDEX_FILE).read_text("utf-8"))
    assert set(index) == {"config", "docs"} and index["docs"] == [] and "lang" in index["config"]


def test_end_of_life_notice_is_korean_and_dated():
    before = material.end_of_life_notice(date(2026, 12, 4))
    assert before and "2027-05-05" in before and "지원 기간이 이미 끝났습니다" not in before
    assert "이미 끝났습니다" in material.end_of_life_notice(date(2027, 6, 1))
