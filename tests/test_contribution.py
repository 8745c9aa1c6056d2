"""The contribution flow: the 참여하기 form, owners and CODEOWNERS commands (workflows: test_workflows.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from browser import serve
from helpers import ROOT, entry, run_cli

CHECK_JSONSCHEMA = str(Path(sys.executable).with_name("check-jsonschema"))


def test_issue_form_validates():
    result = subprocess.run(
        [
            CHECK_JSONSCHEMA,
            "--builtin-schema",
            "vendor.github-issue-forms",
            str(ROOT / ".github/ISSUE_TEMPLATE/product-request.yml"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def repo(network):
    path = entry(network, "gaon-bakery")
    path.write_text(path.read_text("utf-8") + "maintainers: [gaon-owner]\n", "utf-8")
    catalog = network / "catalog/catalog.yml"
    catalog.write_text(catalog.read_text("utf-8") + "  secretariat: [staff]\n", "utf-8")
    return network


def test_codeowners_command(repo):
    assert run_cli("codeowners", cwd=repo).returncode == 0
    text = (repo / ".github/CODEOWNERS").read_text("utf-8")
    assert "* @staff" in text and "/content/enterprises/gaon-bakery/ @gaon-owner @staff" in text


@pytest.mark.slow
@pytest.mark.browser
def test_join_form_makes_a_file_that_check_accepts(sample_site, network, tab):
    with serve(sample_site) as base:
        page = tab()
        page.goto(base + "join/")
        page.click("button[type=submit]")
        alert = page.locator(".sc-form-errors")
        assert alert.is_visible() and "기업 주소 이름 (영문): 꼭 적어야 합니다" in alert.inner_text()
        # ... and under the field itself, tied to it for screen readers
        assert page.inner_text("#f-slug-error") == "기업 주소 이름 (영문): 꼭 적어야 합니다"
        assert "f-slug-error" in page.get_attribute("#f-slug", "aria-describedby").split()
        page.fill("#f-slug", "Bad Slug")
        page.click("button[type=submit]")
        assert "영문 소문자, 숫자, 하이픈(-)만 쓰세요" in alert.inner_text()
        page.fill("#f-slug", "form-coop")
        page.click("button[type=submit]")
        assert page.locator("#f-slug-error").count() == 0
        assert page.get_attribute("#f-slug", "aria-describedby") == "f-slug-help"
        page.fill("#f-name", '폼 협동조합: "예시", 둘')
        page.select_option("#f-org", "cooperative")
        long_mission = "가" * 301
        page.fill("#f-mission", long_mission)
        assert page.inner_text("#f-mission-count") == "301 / 300자 (넘쳤습니다)"
        page.select_option("#f-purpose", "jobs")
        page.fill("#f-phone", "043-000-0009")
        page.select_option("#f-cert", index=1)
        page.fill("#f-cert-exp", "2027/01/20")  # a text field: no browser's date picker, its format said
        page.fill("#f-pid-1", "bread-box")
        page.fill("#f-pname-1", "빵 상자")
        page.select_option("#f-cat-1", "lunchbox")
        page.fill("#f-price-1", "협의")
        page.click("[data-sc-add]")
        page.fill("#f-pid-2", "bread-box")
        page.click("button[type=submit]")
        said = alert.inner_text()
        assert "한 줄 미션: 300자까지 쓸 수 있습니다 (지금 301자)" in said, said
        assert "제품·서비스 2의 제품 주소 이름 (영문): 다른 제품과 같은 이름입니다" in said
        assert "제품·서비스 2의 제품·서비스 이름: 꼭 적어야 합니다" in said
        assert "유효기간 종료일: 날짜는 2027-01-20처럼 연-월-일로 쓰세요" in said
        page.fill("#f-cert-exp", "2027-01-20")
        page.fill("#f-mission", "양식으로 만든 기업\n두 줄로 적어도 한 줄이 됩니다")
        page.fill("#f-intro", '첫 문단.\n\n둘째 문단: "따옴표"도 됩니다.')
        page.fill("#f-pid-2", "cookie-gift")
        page.fill("#f-pname-2", "쿠키 선물 상자")
        page.select_option("#f-cat-2", "lunchbox")
        page.fill("#f-price-2", "12000")
        page.check("#f-gift-2")
        page.fill("#f-desc-2", "x" * 400)  # longer than a line: a description takes it whole
        page.click("button[type=submit]")
        assert not alert.is_visible()
        text = page.input_value("#f-yaml")
        assert "    expires: 2027-01-20" in text
        assert page.is_visible("[data-sc-no-github]") and not page.is_visible("[data-sc-github]")
        page.fill("#f-maint", "form-owner")
        page.click("button[type=submit]")
        text = page.input_value("#f-yaml")
        github = page.get_attribute("[data-sc-github]", "href")
        assert page.is_visible("[data-sc-github]") and not page.is_visible("[data-sc-no-github]")
    assert github.startswith(
        "https://github.com/example-network/catalog/new/main?filename=content%2Fenterprises%2Fform-coop"
    )
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
    from secatalog.read.project import load_project
    from secatalog.settings import Settings

    made = {e.slug: e for e in load_project(Settings(copy)).enterprises}["form-coop"].record
    assert made.mission == "양식으로 만든 기업 두 줄로 적어도 한 줄이 됩니다"
    assert made.introduction == '첫 문단.\n\n둘째 문단: "따옴표"도 됩니다.'
    assert [p.id for p in made.products] == ["bread-box", "cookie-gift"]
    assert made.products[1].gift and len(made.products[1].description) == 400 and made.maintainers == ["form-owner"]
