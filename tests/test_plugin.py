"""The one build path: plain `mkdocs build` writes everything `secatalog build` writes, and a
live preview shows content errors as its page instead of stopping."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import build_site, entry, replace_in

pytestmark = pytest.mark.slow


def _mkdocs(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args], cwd=root, capture_output=True, text=True, timeout=600
    )


def test_plain_mkdocs_build_writes_data_widget_and_print(network, tmp_path):
    out = tmp_path / "out"
    result = _mkdocs(network, "build", "-q", "-d", str(out))
    assert result.returncode == 0, result.stderr
    products = json.loads((out / "data/products.json").read_text("utf-8"))["items"]
    assert {p["id"] for p in products} == {
        "gaon-bakery/rice-bread",
        "haneul-clean/office-cleaning",
        "haneul-clean/moving-help",
    }
    for name in (
        "widget/embed.js",
        "widget/frame.html",
        "print/catalog-print.pdf",
        "print/catalog-screen.pdf",
        "print/enterprises/gaon-bakery.pdf",
        "items/gaon-bakery/rice-bread/index.html",
    ):
        assert (out / name).is_file(), name


def test_mkdocs_strict_fails_on_a_content_warning_as_secatalog_reports_it(network, tmp_path):
    replace_in(entry(network, "haneul-clean"), "number: 테스트-1}", "number: 테스트-1, expires: 2020-01-01}")
    config = network / "mkdocs.yml"
    replace_in(config, "  - secatalog", "  - secatalog:\n      print: false")
    strict = _mkdocs(network, "build", "--strict", "-d", str(tmp_path / "strict"))
    assert strict.returncode == 1
    assert "사회적기업 인증의 유효기간이 지났습니다 (2020-01-01)" in strict.stderr
    assert "content/enterprises/haneul-clean/enterprise.yml:" in strict.stderr
    assert _mkdocs(network, "build", "-d", str(tmp_path / "lenient")).returncode == 0


def test_plugin_options_turn_print_and_the_catalog_off(network, tmp_path):
    config = network / "mkdocs.yml"
    replace_in(config, "  - secatalog", "  - secatalog:\n      print: false")
    out = tmp_path / "out"
    assert _mkdocs(network, "build", "-q", "-d", str(out)).returncode == 0
    assert (out / "data/products.json").is_file() and not (out / "print").exists()
    replace_in(config, "print: false", "enabled: false")
    assert _mkdocs(network, "build", "-q", "-d", str(tmp_path / "off")).returncode == 0
    assert not (tmp_path / "off/items").exists() and not (tmp_path / "off/data").exists()


def test_preview_shows_content_errors_as_the_page(network, tmp_path):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    replace_in(entry(network, "gaon-bakery"), "price: 6000", "price: <b>비쌈</b>")
    config = load_config(str(network / "mkdocs.yml"), site_dir=str(tmp_path / "preview"))
    config.plugins.on_startup(command="serve", dirty=False)  # what `mkdocs serve` does first
    build(config)
    page = BeautifulSoup((tmp_path / "preview/index.html").read_text("utf-8"), "html.parser")
    alert = page.select_one(".sc-problems")
    assert alert.h1.text == "내용에 오류가 1개 있습니다"
    first = alert.select_one("li").get_text(" ", strip=True)
    assert first.startswith(
        "오류 content/enterprises/gaon-bakery/enterprise.yml:15:12 1번째 제품 '우리쌀식빵'의 가격 (products[0].price):"
    )
    assert "<b>" in first and not alert.select("li b"), "member text is shown, never rendered"
    assert not (tmp_path / "preview/items").exists() and not (tmp_path / "preview/print").exists()


def _preview_build(network: Path, site: Path):
    """One rebuild of `secatalog serve` (a dirty mkdocs serve): the plugin instance persists."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(network / "mkdocs.yml"), site_dir=str(site))
    build(config, dirty=True)
    return config


def _preview_start(network: Path, site: Path) -> None:
    from mkdocs.config import load_config

    load_config(str(network / "mkdocs.yml"), site_dir=str(site)).plugins.on_startup(command="serve", dirty=True)


def test_preview_renders_again_only_the_pages_an_edit_changes(network, tmp_path):
    site = tmp_path / "preview"
    _preview_start(network, site)
    _preview_build(network, site)
    bread = site / "items/gaon-bakery/rice-bread/index.html"
    cleaning = site / "items/haneul-clean/office-cleaning/index.html"
    other_enterprise = site / "enterprises/haneul-clean/index.html"
    before = {p: p.stat().st_mtime_ns for p in (bread, cleaning, other_enterprise)}

    fragments = _preview_build(network, site).plugins["secatalog"].preview.fragments
    others = {key: html for key, (entry_, html) in fragments.items() if entry_.slug == "haneul-clean"}
    assert any(key[0] == "card" for key in others) and any(key[0] == "quick_row" for key in others)

    replace_in(entry(network, "gaon-bakery"), "price: 6000", "price: 6500")
    fragments = _preview_build(network, site).plugins["secatalog"].preview.fragments
    assert all(fragments[key][1] is html for key, html in others.items()), "an unchanged entry's cards are kept"
    assert "6,500원" in bread.read_text("utf-8")
    assert "6,500원" in (site / "categories/bread/index.html").read_text("utf-8")
    assert "6,500원" in (site / "procurement/index.html").read_text("utf-8")
    assert {p: p.stat().st_mtime_ns for p in (cleaning, other_enterprise)} == {
        p: before[p] for p in (cleaning, other_enterprise)
    }, "pages of an entry that did not change are not rendered again"

    # Something every page shows (the network's name) renders every page again.
    replace_in(network / "catalog/catalog.yml", "name: 가상군", "name: 새가상군")
    _preview_build(network, site)
    assert cleaning.stat().st_mtime_ns != before[cleaning]
    assert "새가상군" in cleaning.read_text("utf-8")

    # The search index holds every page once, as a full build writes it, with the new price.
    replace_in(entry(network, "gaon-bakery"), "price: 6500", "price: 7000")
    _preview_build(network, site)
    index = json.loads((site / "search/secatalog-index.json").read_text("utf-8"))
    bread_doc = next(d for d in index["docs"] if d["location"] == "items/gaon-bakery/rice-bread/")
    assert "7,000원" in bread_doc["text"]
    kept = next(d for d in index["docs"] if d["location"] == "items/haneul-clean/office-cleaning/")
    assert kept["text"].count("sc-search-teaser") == 1, "a kept document is not augmented twice"
    full = json.loads(
        (build_site(network, tmp_path / "full", "--skip-print") / "search/secatalog-index.json").read_text()
    )
    assert sorted(d["location"] for d in index["docs"]) == sorted(d["location"] for d in full["docs"])
    # Pages made of kept cards and rows read as a full build writes them.
    for page in ("categories/bread/index.html", "categories/services/index.html", "procurement/index.html"):
        preview_body = (site / page).read_text("utf-8").split("<article", 1)[1].split("</article>")[0]
        full_body = (tmp_path / "full" / page).read_text("utf-8").split("<article", 1)[1].split("</article>")[0]
        assert preview_body == full_body, page
