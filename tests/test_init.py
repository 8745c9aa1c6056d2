"""`secatalog init`: a new network's repository from one command, with no value of the sample network."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import yaml

from helpers import ROOT, build_site, content_errors, run_cli
from secatalog.desk import init

ANSWERS = (
    "--name", "한빛사회적경제협의회", "--city", "가온시", "--region", "경기도",
    "--site-url", "https://hanbit.example.net/", "--secretariat", "hanbit-office, @hanbit-staff",
    "--phone", "031-555-1234", "--email", "office@hanbit.example.net", "--colour", "#1b5e20",
)  # fmt: skip


def sample_values() -> set[str]:
    """What identifies the sample network: its names, city, phone, repository, enterprises. (Its
    e-mail, office@example.org, is also the tool's own example of an address in field help.)"""
    catalog = yaml.safe_load((ROOT / "catalog/catalog.yml").read_text("utf-8"))["network"]
    values = {catalog["name"], catalog["city"], catalog["contact"]["phone"], catalog["contact"]["address"]}
    values |= {catalog["repository"], catalog["site_url"], *catalog["secretariat"]}
    for folder in (ROOT / "content/enterprises").iterdir():
        values |= {folder.name, yaml.safe_load((folder / "enterprise.yml").read_text("utf-8"))["name"]}
    return values


def text_files(folder: Path):
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix not in {".png", ".jpg", ".pdf", ".xlsx", ".gz", ".woff2"}:
            yield path, path.read_text("utf-8", errors="replace")


def assert_nothing_of_the_sample(folder: Path) -> None:
    values = sample_values()
    for path, text in text_files(folder):
        found = [v for v in values if v in text]
        assert not found, f"{path.relative_to(folder)} holds the sample network's {found}"


@pytest.fixture
def made(tmp_path: Path) -> Path:
    result = run_cli("init", str(tmp_path / "hanbit"), *ANSWERS, "--no-lock", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "uv.lock을 만들지 못했습니다" in result.stderr, "without a lock the secretariat is told what to do"
    return tmp_path / "hanbit"


def test_init_writes_a_network_that_passes_check_and_holds_only_its_own_values(made):
    names = {p.relative_to(made).as_posix() for p in made.rglob("*") if p.is_file()}
    for expected in (
        "mkdocs.yml", "pyproject.toml", "README.md", "CONTRIBUTING.md", ".gitignore", "scripts/setup.sh",
        "catalog/catalog.yml", "catalog/categories.yml", "catalog/org_types.yml", "catalog/certifications.yml",
        "catalog/procurement.yml", "catalog/print.yml", "catalog/verified.yml", "catalog/retired.yml",
        "casebook/book.yml",
        "casebook/foreword.md", "content/pages/about.md", ".github/CODEOWNERS", ".github/workflows/check.yml",
        ".github/workflows/deploy.yml", ".github/workflows/verify.yml", ".github/dependabot.yml",
    ):  # fmt: skip
        assert expected in names, expected
    assert (made / "content/enterprises").is_dir() and (made / "scripts/setup.sh").stat().st_mode & 0o111
    assert content_errors(made) == []
    network = yaml.safe_load((made / "catalog/catalog.yml").read_text("utf-8"))["network"]
    assert network["name"] == "한빛사회적경제협의회" and network["colour"] == "#1b5e20"
    assert network["secretariat"] == ["hanbit-office", "hanbit-staff"]
    assert yaml.safe_load((made / "catalog/verified.yml").read_text("utf-8")) == {"enterprises": {}}
    procurement = (made / "catalog/procurement.yml").read_text("utf-8")
    assert "확인 필요" in procurement and "basis:" in procurement
    assert (made / ".github/CODEOWNERS").read_text("utf-8").splitlines()[1] == "* @hanbit-office @hanbit-staff"
    pins = tomllib.loads((made / "pyproject.toml").read_text("utf-8"))
    assert pins["project"]["dependencies"] == [f"secatalog=={init.__version__}"]
    assert pins["tool"]["uv"]["sources"]["secatalog"]["tag"] == f"v{init.__version__}"
    assert "한빛사회적경제협의회" in (made / "README.md").read_text("utf-8")
    assert_nothing_of_the_sample(made)


def test_every_catalog_file_of_the_sample_has_a_default(made):
    """A catalog file the tool learns to read (retired.yml, verification.yml...) reaches new networks too."""
    sample = {p.name for p in (ROOT / "catalog").glob("*.yml")}
    assert sample <= {p.name for p in (made / "catalog").glob("*.yml")}
    for shared in ("categories.yml", "org_types.yml"):  # the sample starts from the defaults, unchanged
        assert (made / "catalog" / shared).read_text("utf-8") == (ROOT / "catalog" / shared).read_text("utf-8")


def test_workflows_and_guides_are_the_ones_this_repository_uses(made):
    for name in ("workflows/check.yml", "workflows/deploy.yml", "ISSUE_TEMPLATE/product-request.yml"):
        assert (made / ".github" / name).read_text("utf-8") == (ROOT / ".github" / name).read_text("utf-8")
    guide = "content/pages/secretariat.md"
    assert (made / guide).read_text("utf-8") == (ROOT / guide).read_text("utf-8"), "the 사무국 안내 of every network"
    assert (ROOT / "CONTRIBUTING.md").read_text("utf-8") == init.contributing(init.TOOL_BUILD_NOTE), (
        "CONTRIBUTING.md is rendered from templates/init/CONTRIBUTING.md.j2: edit the template"
    )
    assert (ROOT / "scripts/secatalog/templates/init/scripts/setup.sh").read_text("utf-8") == (
        made / "scripts/setup.sh"
    ).read_text("utf-8")


def test_answers_with_quotes_and_colons_stay_one_value(tmp_path):
    odd = '네트워크: "따옴표" # 주석 아님'
    args = list(ANSWERS)
    args[args.index("--name") + 1] = odd
    assert run_cli("init", str(tmp_path / "odd"), *args, "--no-lock", cwd=tmp_path).returncode == 0
    assert yaml.safe_load((tmp_path / "odd/catalog/catalog.yml").read_text("utf-8"))["network"]["name"] == odd
    assert content_errors(tmp_path / "odd") == []


def test_init_refuses_a_folder_in_use_and_changes_nothing(tmp_path):
    target = tmp_path / "used"
    target.mkdir()
    (target / "notes.txt").write_text("메모", "utf-8")
    result = run_cli("init", str(target), *ANSWERS, "--no-lock", cwd=tmp_path)
    assert result.returncode == 2
    assert "이미 있는 폴더이고 비어 있지 않습니다" in result.stderr and "Traceback" not in result.stderr
    assert [p.name for p in target.iterdir()] == ["notes.txt"]


def test_a_bad_answer_is_named_and_nothing_is_written(tmp_path):
    args = list(ANSWERS)
    args[args.index("--colour") + 1] = "#ffff00"  # white text on yellow cannot be read
    result = run_cli("init", str(tmp_path / "pale"), *args, "--no-lock", cwd=tmp_path)
    assert result.returncode == 1
    assert "catalog/catalog.yml" in result.stderr and "colour" in result.stderr
    assert not (tmp_path / "pale").exists() and not list(tmp_path.glob(".pale.init-*"))


def test_missing_answers_without_a_keyboard_are_a_usage_error(tmp_path):
    result = run_cli("init", str(tmp_path / "x"), "--city", "가온시", cwd=tmp_path)
    assert result.returncode == 2 and "--name를 적으세요" in result.stderr
    assert not (tmp_path / "x").exists()


def test_tool_source_pins_a_local_wheel_or_folder_or_repository(tmp_path):
    assert init.tool_source(str(ROOT)) == f'{{ path = "{ROOT}" }}'
    assert init.tool_source("https://example.org/secatalog-1.0-py3-none-any.whl").startswith("{ url = ")
    assert init.tool_source(None) == (
        f'{{ git = "https://github.com/secatalog/secatalog", tag = "v{init.__version__}" }}'
    )


@pytest.mark.slow
def test_an_empty_network_builds_an_honest_catalog_then_every_output_after_its_first_member(made, tmp_path):
    empty = build_site(made, tmp_path / "empty", "--skip-print")
    home = (empty / "index.html").read_text("utf-8")
    assert "아직 등록된 기업이 없습니다" in home and "한빛사회적경제협의회" in home
    assert 'href="../assets/secatalog/catalog.css"' in (empty / "about/index.html").read_text("utf-8")
    new = run_cli(
        "new", "enterprise", "--slug", "gaon-dure", "--name", "가온두레협동조합", "--org-type", "cooperative",
        "--mission", "지역 농산물로 도시락을 만듭니다", "--product-name", "회의용 도시락",
        "--product-id", "meeting-lunch", cwd=made,
    )  # fmt: skip
    assert new.returncode == 0, new.stderr
    site = build_site(made, tmp_path / "site")
    for output in ("print/catalog-print.pdf", "print/casebook-screen.pdf", "data/products.json", "widget/embed.js"):
        assert (site / output).stat().st_size > 0, output
    assert "가온두레협동조합" in (site / "data/products.json").read_text("utf-8")
    assert_nothing_of_the_sample(site)


@pytest.mark.slow
def test_init_locks_the_tool_and_its_dependencies(tmp_path):
    result = run_cli("init", str(tmp_path / "locked"), *ANSWERS, "--tool-source", str(ROOT), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lock = tomllib.loads((tmp_path / "locked/uv.lock").read_text("utf-8"))
    tool = next(p for p in lock["package"] if p["name"] == "secatalog")
    assert tool["version"] == init.__version__
    weasyprint = next(p for p in lock["package"] if p["name"] == "weasyprint")
    assert all(re.fullmatch(r"sha256:[0-9a-f]{64}", w["hash"]) for w in weasyprint["wheels"])
