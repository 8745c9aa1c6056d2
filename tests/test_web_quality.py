"""Web quality over every generated page type: valid HTML (vnu), no broken internal links."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urldefrag

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.slow
VNU = Path(__file__).parents[1] / ".venv/tools/node_modules/vnu-jar/build/dist/vnu.jar"
PAGE_TYPES = [
    "index.html",
    "categories/food/index.html",
    "items/barun-bapsang/local-lunchbox/index.html",
    "enterprises/barun-bapsang/index.html",
    "enterprises/index.html",
    "bundles/holiday-local/index.html",
    "procurement/index.html",
    "open-data/index.html",
    "embed/index.html",
    "join/index.html",
    "casebook/index.html",
    "casebook/meeting-lunchbox/index.html",
    "casebook/how-to-buy/index.html",
    "widget/frame.html",
]


def test_no_broken_internal_links(sample_site):
    broken = []
    for html in sample_site.rglob("*.html"):
        soup = BeautifulSoup(html.read_text("utf-8"), "html.parser")
        ids_here = {tag.get("id") for tag in soup.find_all(id=True)}
        for tag in soup.find_all(["a", "link", "img", "script", "source"]):
            for attr in ("href", "src"):
                url = tag.get(attr)
                if not url or re.match(r"^[a-z][a-z0-9+.-]*:", url) or url.startswith("//"):
                    continue
                path, fragment = urldefrag(url)
                if not path:
                    if fragment and fragment not in ids_here:
                        broken.append(f"{html.relative_to(sample_site)}: #{fragment}")
                    continue
                base = sample_site if path.startswith("/") else html.parent  # site_url's path is "/"
                target = (base / unquote(path).lstrip("/")).resolve()
                if target.is_dir():
                    target = target / "index.html"
                if not target.exists():
                    broken.append(f"{html.relative_to(sample_site)}: {url}")
    assert broken == []


@pytest.mark.skipif(shutil.which("java") is None, reason="needs Java (scripts/setup.sh --test)")
def test_html_validates(sample_site):
    assert VNU.exists(), "run scripts/setup.sh --test to install vnu-jar"
    files = [str(sample_site / p) for p in PAGE_TYPES]
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or "{}").get("messages", [])
    errors = [
        f"{m['url'].rsplit('/out/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") == "error"
    ]
    assert errors == []
