"""The contribution flow: the 참여하기 form, owners and CODEOWNERS commands, CI workflows."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from browser import browser, serve
from conftest import ROOT, entry, run_cli

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))
CHECK_JSONSCHEMA = str(Path(sys.executable).with_name("check-jsonschema"))


def test_workflows_validate_against_the_github_schema():
    result = subprocess.run([CHECK_JSONSCHEMA, "--builtin-schema", "vendor.github-workflows",
                             *map(str, WORKFLOWS)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_issue_form_validates():
    result = subprocess.run([CHECK_JSONSCHEMA, "--builtin-schema", "vendor.github-issue-forms",
                             str(ROOT / ".github/ISSUE_TEMPLATE/product-request.yml")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflows_are_safe(workflow):
    text = workflow.read_text("utf-8")
    data = yaml.safe_load(text)
    assert "pull_request_target" not in text
    assert data["permissions"] == {"contents": "read"}
    uses = re.findall(r"uses:\s*(\S+)", text)
    assert uses and all(re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", u) for u in uses), uses
    assert "${{ github.event.pull_request" not in "".join(
        line for line in text.splitlines() if line.strip().startswith("run:")), "no expressions in shell lines"


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


@pytest.fixture
def repo(network):
    replace = entry(network, "gaon-bakery")
    replace.write_text(replace.read_text("utf-8") + "maintainers: [gaon-owner]\n", "utf-8")
    catalog = network / "catalog/catalog.yml"
    catalog.write_text(catalog.read_text("utf-8") + "  secretariat: [staff]\n", "utf-8")
    _git(network, "init", "-q", "-b", "main")
    _git(network, "add", "-A")
    _git(network, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "base")
    return network


def _owners(root: Path, author: str, changed: list[str]) -> subprocess.CompletedProcess:
    (root / "changed.txt").write_text("\n".join(changed) + "\n", "utf-8")
    return run_cli("owners", "--author", author, "--changed-from", "changed.txt", "--base", "main",
                   "--format", "github", cwd=root)


def test_owners_allows_a_member_its_own_entry(repo):
    result = _owners(repo, "gaon-owner", ["content/enterprises/gaon-bakery/enterprise.yml"])
    assert result.returncode == 0, result.stdout + result.stderr


def test_owners_refuses_another_members_entry_with_an_annotation(repo):
    path = entry(repo, "haneul-clean")
    path.write_text(path.read_text("utf-8") + "maintainers: [gaon-owner]\n", "utf-8")  # self-granted
    result = _owners(repo, "gaon-owner", ["content/enterprises/haneul-clean/enterprise.yml"])
    assert result.returncode == 1
    assert result.stdout.startswith("::error file=content/enterprises/haneul-clean/enterprise.yml::")
    assert "'haneul-clean' 항목은 관리자" in result.stdout


def test_owners_secretariat_comes_from_the_base(repo):
    catalog = repo / "catalog/catalog.yml"
    catalog.write_text(catalog.read_text("utf-8").replace("[staff]", "[staff, gaon-owner]"), "utf-8")
    result = _owners(repo, "gaon-owner", ["catalog/catalog.yml"])
    assert result.returncode == 1 and "사무국만" in result.stdout
    assert _owners(repo, "staff", ["catalog/catalog.yml"]).returncode == 0


def test_check_changed_from_checks_only_changed_entries(repo):
    replace = entry(repo, "haneul-clean")
    replace.write_text(replace.read_text("utf-8").replace("org_type: social-enterprise", "org_type: x"), "utf-8")
    (repo / "changed.txt").write_text("content/enterprises/gaon-bakery/enterprise.yml\n", "utf-8")
    assert run_cli("check", "--changed-from", "changed.txt", cwd=repo).returncode == 0
    (repo / "changed.txt").write_text("content/enterprises/haneul-clean/enterprise.yml\n", "utf-8")
    assert run_cli("check", "--changed-from", "changed.txt", cwd=repo).returncode == 1


def test_codeowners_command(repo):
    assert run_cli("codeowners", cwd=repo).returncode == 0
    text = (repo / ".github/CODEOWNERS").read_text("utf-8")
    assert "* @staff" in text and "/content/enterprises/gaon-bakery/ @gaon-owner @staff" in text


@pytest.mark.slow
@pytest.mark.browser
def test_join_form_makes_a_file_that_check_accepts(sample_site, network):
    with serve(sample_site) as base, browser() as chromium:
        page = chromium.new_page()
        page.goto(base + "join/")
        page.click("button[type=submit]")
        alert = page.locator(".sc-form-errors")
        assert alert.is_visible() and "기업 영문 이름 (폴더 이름): 꼭 적어야 합니다" in alert.inner_text()
        page.fill("#f-slug", "Bad Slug")
        page.click("button[type=submit]")
        assert "영문 소문자, 숫자, 하이픈(-)만 쓰세요" in alert.inner_text()
        page.fill("#f-slug", "form-coop")
        page.fill("#f-name", '폼 협동조합: "예시", 둘')
        page.select_option("#f-org", "cooperative")
        page.fill("#f-mission", "양식으로 만든 기업")
        page.select_option("#f-purpose", "jobs")
        page.fill("#f-phone", "043-000-0009")
        page.fill("#f-pid", "bread-box")
        page.fill("#f-pname", "빵 상자")
        page.select_option("#f-cat", "lunchbox")
        page.fill("#f-price", "협의")
        page.click("button[type=submit]")
        assert not alert.is_visible()
        text = page.input_value("#f-yaml")
        github = page.get_attribute("[data-sc-github]", "href")
    assert github.startswith("https://github.com/example-network/catalog/new/main?filename=content%2Fenterprises%2Fform-coop")
    # Check the file inside a copy of the sample project (whose categories the form offered).
    import shutil

    copy = network.parent / "sample"
    for part in ("catalog", "content", "casebook"):
        shutil.copytree(ROOT / part, copy / part)
    target = copy / "content/enterprises/form-coop"
    target.mkdir()
    (target / "enterprise.yml").write_text(text, "utf-8")
    result = run_cli("check", "content/enterprises/form-coop", cwd=copy)
    assert result.returncode == 0, result.stderr
