"""Hostile text in every field: shown as text or sanitized, never executed, in every output."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import build_site, entry, make_network, replace_in, run_cli, shared_build

pytestmark = pytest.mark.slow

NAME = "<script>alert(1)</script>\"'&amp;{{ 7*7 }}"
LINE = "<img src=x onerror=alert(2)></title><svg onload=alert(3)>{% raw %}"  # invisible characters are refused (test_trust_round3)
KEYWORD = "<script>alert(7)</script>{{7*7}}"
LONG = "가" * 300
FILE_TRAP = '<img src="file:///etc/passwd"><a rel="attachment" href="file:///etc/passwd">첨부</a>'
MARKDOWN = "\n".join(
    [
        "[클릭](javascript:alert(4)) [데이터](data:text/html;base64,PHNjcmlwdD4=)",
        "![그림](../../../../etc/passwd) <iframe src=//evil.example></iframe>",
        '<a href="&#106;avascript:alert(5)">엔티티</a> <b onclick="alert(6)">굵게</b>',
        "[정상 링크](https://example.org/ok) " + LONG,
    ]
)

SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:", "#", "/", "./", "../")


def _yaml(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML scalar


def _hostile_network(base: Path) -> Path:
    root = make_network(base / "net")
    path = entry(root, "gaon-bakery")
    replace_in(path, "name: 가온베이커리 (예시)", f"name: {_yaml(NAME)}")
    replace_in(path, "mission: 우리밀 빵을 굽는 협동조합", f"mission: {_yaml(LINE)}\naddress: {_yaml(FILE_TRAP)}")
    replace_in(
        path,
        "    name: 우리쌀식빵",
        f"    name: {_yaml(NAME)}\n    summary: {_yaml(LINE)}"
        f"\n    check_point: {{difference: {_yaml(LINE)}, social_value: {_yaml(NAME)}}}"
        f"\n    min_order: {_yaml(LINE)}",
    )
    replace_in(path, "    description: 아침마다 굽는 식빵", f"    description: {_yaml(MARKDOWN)}")
    replace_in(path, "alt: 잘라 놓은 우리쌀 식빵", f"alt: {_yaml(NAME)}")
    replace_in(path, "keywords: [토스트]", f"keywords: [{_yaml(KEYWORD)}]\n    unit: {_yaml(LINE)}")
    replace_in(path, "    unit: 1개\n", "")
    return build_site(root, base / "out")


@pytest.fixture(scope="session")
def hostile_site() -> Path:
    return shared_build("hostile", _hostile_network)


def _dangerous(soup: BeautifulSoup) -> list[str]:
    found = []
    for tag in soup.find_all(True):
        if tag.name in ("iframe", "object", "embed", "svg") and "alert" in str(tag):
            found.append(str(tag)[:80])
        data_block = tag.get("type") in ("application/ld+json", "application/json")
        if tag.name == "script" and not data_block and "alert" in (tag.string or ""):
            found.append(str(tag)[:80])
        for attr, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            if attr.startswith("on") and "alert" in value:
                found.append(f"{tag.name}[{attr}]")
            if attr in ("href", "src", "srcset", "action", "formaction"):
                compact = re.sub(r"\s", "", value).lower()
                if compact.startswith(("javascript:", "data:", "vbscript:")) or "etc/passwd" in compact:
                    found.append(f"{tag.name}[{attr}]={value[:40]}")
    return found


def test_no_page_executes_member_text(hostile_site):
    for html in hostile_site.rglob("*.html"):
        soup = BeautifulSoup(html.read_text("utf-8"), "html.parser")
        assert _dangerous(soup) == [], html


def test_member_text_is_shown_as_text(hostile_site):
    item = hostile_site / "items/gaon-bakery/rice-bread/index.html"
    source = item.read_text("utf-8")
    soup = BeautifulSoup(source, "html.parser")
    assert soup.select_one("article h1").text == NAME
    assert soup.title.text.startswith(NAME)
    assert "<title>&lt;script&gt;" in source
    og = {m["property"]: m["content"] for m in soup.find_all("meta", property=True)}
    assert og["og:title"] == NAME and og["og:description"].startswith(LINE)
    assert soup.select_one(".sc-item__photos img")["alt"] == NAME
    assert "{{ 7*7 }}" in soup.text and "{% raw %}" in soup.text  # never rendered as templates
    links = [a["href"] for a in soup.select("article a[href]")]
    assert "https://example.org/ok" in links
    assert all(h.startswith(SAFE_SCHEMES) or not re.match(r"^[a-z]+:", h) for h in links), links
    description = soup.find("h2", id="about").find_next_sibling("p")
    assert "굵게" in description.text and description.find("b") is None or not description.find("b").attrs


def test_json_ld_cannot_close_its_script(hostile_site):
    for name in ("items/gaon-bakery/rice-bread", "enterprises/gaon-bakery"):
        soup = BeautifulSoup((hostile_site / name / "index.html").read_text("utf-8"), "html.parser")
        block = soup.find("script", type="application/ld+json").string
        assert "<" not in block and ">" not in block
        assert json.loads(block)["name"] == NAME


def test_search_index_holds_escaped_text(hostile_site):
    index = json.loads((hostile_site / "search/secatalog-index.json").read_text("utf-8"))
    for doc in index["docs"]:
        for key in ("title", "text", "parts"):
            fragment = BeautifulSoup(doc.get(key, ""), "html.parser")
            assert _dangerous(fragment) == [], (doc["location"], key)
            assert "<script" not in doc.get(key, ""), (doc["location"], key)


def test_data_exports_keep_the_exact_text(hostile_site):
    products = json.loads((hostile_site / "data/products.json").read_text("utf-8"))
    item = next(i for i in products["items"] if i["id"] == "gaon-bakery/rice-bread")
    assert item["name"] == NAME and item["keywords"] == [KEYWORD]


@pytest.mark.parametrize(
    "value",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<script>",
        "//evil.example",
        'https://ok.example/" onmouseover="alert(1)',
        "file:///etc/passwd",
    ],
)
def test_unsafe_urls_are_refused(tmp_path, value):
    root = make_network(tmp_path / "net")
    replace_in(
        entry(root, "gaon-bakery"), "email: gaon@example.net", f"email: gaon@example.net\nwebsite: {_yaml(value)}"
    )
    result = run_cli("check", cwd=root)
    assert result.returncode == 1
    assert "website: 웹 주소 형식이 아닙니다" in result.stderr


def test_pdfs_show_hostile_text_and_embed_nothing(hostile_site):
    import subprocess

    import pdfplumber

    for pdf in sorted((hostile_site / "print").rglob("*.pdf")):
        listing = subprocess.run(["pdfdetach", "-list", str(pdf)], capture_output=True, text=True, check=True)
        assert listing.stdout.startswith("0 embedded files"), pdf
        assert b"root:x:0" not in pdf.read_bytes()
    with pdfplumber.open(hostile_site / "print/catalog-screen.pdf") as doc:
        text = "\n".join(page.extract_text() or "" for page in doc.pages)
    assert "<script>alert(1)</script>" in text
    assert '<img src="file:///etc/passwd">' in text
    assert "root:x:0" not in text


@pytest.mark.browser
def test_search_results_show_member_text_as_text(hostile_site, new_tab):
    """Our search engine builds result HTML from the index: marks go around words, never
    around tags, and the member's markup stays text."""
    from browser import serve

    with serve(hostile_site) as base:
        page = new_tab(viewport={"width": 1280, "height": 900})
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(base)
        page.click("input.md-search__input")
        page.keyboard.type("alert", delay=15)
        page.wait_for_selector(".md-search-result__item", timeout=15000)
        page.wait_for_timeout(500)
        results = page.locator(".md-search-result__list")
        titles = results.locator("h1, h2").all_inner_texts()
        assert NAME in titles, titles
        assert results.locator("script, svg, iframe, img[onerror], [onload], b[onclick]").count() == 0
        assert results.locator("mark").all_inner_texts()[:1] == ["alert"]
        assert dialogs == []
