"""A new product field is one declaration in model/entries.py: the item page shows it through label(),
the spreadsheets and the data dictionary list it, FIELDS.md and the JSON Schema describe it,
and a wrong value is refused in Korean with its label and hint. Tried on a copy of the package."""

from __future__ import annotations

import csv
import filecmp
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import FIXTURE, ROOT, entry, make_network, replace_in

pytestmark = pytest.mark.slow

LABEL = "무상 보증 기간"
HINT = "보증 기간은 개월 수를 숫자로만 쓰세요 (예: 12)"
FIELD = f"""    warranty_months: Annotated[Count | None, Export(12, "무상으로 고쳐 주는 기간 (개월)"), Hint("{HINT}")] = Field(
        None, title="{LABEL}", description="무상 보증 기간 (개월 수)"
    )
"""
ROW = (
    "{% if p.warranty_months %}<tr><th scope=\"row\">{{ label('warranty_months') }}</th>"
    "<td>{{ p.warranty_months }}개월</td></tr>{% endif %}\n"
)


def add_field(package: Path, site: Path) -> None:
    """The whole change for a new optional product field: a declaration, a table row, a value."""
    model = package / "model" / "entries.py"
    replace_in(model, "from .fieldinfo import Export\n", "from .fieldinfo import Export, Hint\n")
    replace_in(
        model,
        '    certifications: list[Certification] = Field([], title="인증"',
        FIELD + '    certifications: list[Certification] = Field([], title="인증"',
    )
    item = package / "templates" / "site" / "item.html"
    replace_in(item, "      {% if p.delivery_area %}", "      " + ROW + "      {% if p.delivery_area %}")
    sample = entry(site, "gaon-bakery")
    replace_in(sample, "    unit: 1개\n", "    unit: 1개\n    warranty_months: 6\n")


def changed(copy: Path, original: Path) -> set[str]:
    """Text files that differ between a copy and its original (photos drawn by the test aside)."""
    names = {p.relative_to(root).as_posix() for root in (copy, original) for p in root.rglob("*") if p.is_file()}
    return {
        name
        for name in names
        if not name.endswith(".jpg")
        and "__pycache__" not in name
        and not ((copy / name).is_file() and (original / name).is_file() and filecmp.cmp(copy / name, original / name))
    }


def secatalog(package: Path, site: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(package.parent)}
    return subprocess.run(
        [sys.executable, "-m", "secatalog.cli", *args],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_a_new_optional_product_field_touches_at_most_three_files(tmp_path):
    package = tmp_path / "pkg" / "secatalog"
    shutil.copytree(ROOT / "scripts" / "secatalog", package, ignore=shutil.ignore_patterns("__pycache__"))
    site = make_network(tmp_path / "site")
    add_field(package, site)
    touched = changed(package, ROOT / "scripts" / "secatalog") | changed(site, FIXTURE)
    assert touched == {"model/entries.py", "templates/site/item.html", "content/enterprises/gaon-bakery/enterprise.yml"}

    schema = secatalog(package, site, "schema")
    assert schema.returncode == 0, schema.stderr
    fields_md = (site / "content" / "schema" / "FIELDS.md").read_text("utf-8")
    assert "| `warranty_months` |  | 무상 보증 기간 (개월 수) | 정수 |" in fields_md
    product = json.loads((site / "content" / "schema" / "enterprise.schema.json").read_text("utf-8"))
    assert product["$defs"]["Product"]["properties"]["warranty_months"]["title"] == LABEL

    out = tmp_path / "out"
    built = secatalog(package, site, "build", "--skip-print", "--out", str(out))
    assert built.returncode == 0, built.stderr
    page = (out / "items" / "gaon-bakery" / "rice-bread" / "index.html").read_text("utf-8")
    assert f'<th scope="row">{LABEL}</th><td>6개월</td>' in page
    rows = list(csv.DictReader((out / "data" / "products.csv").read_text("utf-8-sig").splitlines()))
    assert [row[LABEL] for row in rows if row["상품명"] == "우리쌀식빵"] == ["6"]
    assert list(rows[0]).index(LABEL) == list(rows[0]).index("지역") + 1  # after the product's own fields
    assert "무상으로 고쳐 주는 기간 (개월)" in (out / "open-data" / "index.html").read_text("utf-8")

    replace_in(entry(site, "gaon-bakery"), "warranty_months: 6", "warranty_months: 6개월")
    checked = secatalog(package, site, "check")
    assert checked.returncode == 1
    assert (
        "content/enterprises/gaon-bakery/enterprise.yml:17:22: 1번째 제품 '우리쌀식빵'의 "
        f'{LABEL} (products[0].warranty_months): 숫자여야 합니다; 받은 값 "6개월" — {HINT}'
    ) in checked.stdout + checked.stderr
