"""Facts a buyer acts on: eligibility only from what the secretariat confirmed, honest dates
everywhere (pages, filters, quick-finder, print, profiles, open data, widget)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from helpers import build_site, content_errors, entry, make_network, replace_in, run_cli, shared_build
from secatalog.read.project import load_project
from secatalog.settings import Settings

TODAY = date.today()
SOON = TODAY + timedelta(days=30)
PENDING_CLAIM = """name: 참깨사회적기업 (예시)
org_type: social-enterprise
mission: 스스로 사회적기업이라고 적은 새 회원
social_purpose: jobs
phone: 043-000-0099
certifications:
  - {type: social-enterprise, number: 아무-번호-1}
products:
  - id: sesame-oil
    name: 참기름
    category: bread
    price: 12000
"""


def _soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text("utf-8"), "html.parser")


def trust_network(root: Path) -> Path:
    """The fixture network with a basis ending soon, an expired product certificate and an
    unconfirmed newcomer claiming to be a social enterprise."""
    make_network(root)
    verified = root / "catalog/verified.yml"
    replace_in(verified, "number: 테스트-1}", f"number: 테스트-1, expires: {SOON.isoformat()}}}")
    replace_in(entry(root, "haneul-clean"), "number: 테스트-1}", f"number: 테스트-1, expires: {SOON.isoformat()}}}")
    replace_in(
        entry(root, "gaon-bakery"),
        "    price: 6000",
        "    certifications:\n      - {type: haccp, number: H-0001, expires: 2020-01-01}\n    price: 6000",
    )
    folder = root / "content/enterprises/sesame-se"
    folder.mkdir()
    (folder / "enterprise.yml").write_text(PENDING_CLAIM, "utf-8")
    return root


@pytest.fixture(scope="session")
def trust_site() -> Path:
    return shared_build("trust", lambda folder: build_site(trust_network(folder / "net"), folder / "out"))


# --- eligibility comes from the confirmation only ---------------------------------------------


def _eligibility(root: Path, slug: str):
    catalog = load_project(Settings(root))
    return next(e for e in catalog.enterprises if e.slug == slug).eligibility, catalog.report


def test_unconfirmed_claim_is_pending_never_eligible(tmp_path):
    root = trust_network(tmp_path / "net")
    el, _ = _eligibility(root, "sesame-se")
    assert el.status == "pending" and not el.eligible and el.label == "수의계약 확인 중"
    assert el.reasons == ("사무국이 조직 유형과 인증을 공식 자료와 아직 대조하지 않았습니다",)


def test_a_fact_differing_from_the_confirmation_is_pending_and_tells_the_member_the_line(network):
    # (A changed certificate number is an error in verified.yml itself: tests/test_verify.py.)
    replace_in(entry(network, "haneul-clean"), "number: 테스트-1}", "number: 테스트-1, expires: 2099-01-01}")
    el, report = _eligibility(network, "haneul-clean")
    assert el.status == "pending"
    assert el.reasons == ("인증 유효기간은 회원이 적은 값과 사무국이 2025-02-20에 확인한 값이 다릅니다",)
    assert (
        "content/enterprises/haneul-clean/enterprise.yml:7:55: 회원이 적은 값과 사무국이 확인한 값이 다릅니다: "
        "인증 유효기간 — 적은 값 2099-01-01, 사무국이 2025-02-20에 확인한 값 없음 — 이 줄의 인증 유효기간을 "
        "사무국이 확인한 값으로 고치세요. 실제로 바뀐 값이면 증빙 자료를 사무국에 보내 다시 확인을 요청하세요. "
        "그때까지 이 기업은 '수의계약 확인 중'으로 표시됩니다"
    ) in [str(w) for w in report.warnings]
    result = run_cli("check", cwd=network)
    assert result.returncode == 0 and "경고 content/enterprises/haneul-clean/enterprise.yml:7:55" in result.stderr


def test_renaming_a_confirmed_entry_to_another_company_is_pending(network):
    replace_in(entry(network, "haneul-clean"), "name: 하늘청소 (예시)", "name: 바다유통 주식회사")
    el, report = _eligibility(network, "haneul-clean")
    assert el.status == "pending"
    assert any(
        "다릅니다: 기업 이름 — 적은 값 '바다유통 주식회사', 사무국이 2025-02-20에 확인한 값 '하늘청소 (예시)'" in str(w)
        for w in report.warnings
    )


def test_one_certificate_listed_twice_takes_its_earliest_end(network):
    replace_in(
        entry(network, "gaon-bakery"),
        "social_purpose: jobs",
        "social_purpose: jobs\ncertifications: [{type: haccp, number: H-1, expires: 2020-01-01}]",
    )
    replace_in(
        entry(network, "gaon-bakery"),
        "    price: 6000",
        "    certifications: [{type: haccp, number: H-1}]\n    price: 6000",
    )
    catalog = load_project(Settings(network))
    bread = next(i for i in catalog.items if i.uid == "gaon-bakery/rice-bread")
    assert [(c.type, c.state, c.expires) for c in bread.certs] == [("haccp", "expired", date(2020, 1, 1))]


def test_changing_the_org_type_to_a_qualifying_one_is_pending(network):
    replace_in(entry(network, "gaon-bakery"), "org_type: cooperative", "org_type: social-enterprise")
    assert _eligibility(network, "gaon-bakery")[0].status == "pending"


def test_confirmed_expired_certificate_is_not_eligible(network):
    for path in (network / "catalog/verified.yml", entry(network, "haneul-clean")):
        replace_in(path, "number: 테스트-1}", "number: 테스트-1, expires: 2020-01-01}")
    el, _ = _eligibility(network, "haneul-clean")
    assert el.status == "not-eligible" and "사회적기업 인증의 유효기간이 지났습니다 (만료 2020-01-01)" in el.reasons


def test_verified_file_is_checked_against_the_catalog(network):
    replace_in(network / "catalog/verified.yml", "org_type: social-enterprise", "org_type: social-enterprize")
    found = content_errors(network)
    assert any(
        e.startswith("catalog/verified.yml:8:15: enterprises.haneul-clean.org_type: 알 수 없는 조직 유형")
        for e in found
    ), found


def test_without_a_verified_file_everything_is_pending(network):
    (network / "catalog/verified.yml").unlink()
    el, report = _eligibility(network, "haneul-clean")
    assert el.status == "pending"
    assert any("사무국 확인 파일이 없어" in str(w) for w in report.warnings)


# --- what buyers see ----------------------------------------------------------------------------


def test_item_enterprise_and_quick_finder_flag_a_basis_ending_soon(trust_site):
    notice = f"{SOON.isoformat()} 만료 예정 — 계약 전 갱신 여부를 확인하세요"
    for url in ("items/haneul-clean/office-cleaning", "enterprises/haneul-clean", "procurement"):
        text = _soup(trust_site, url).select_one("article").get_text(" ", strip=True)
        assert notice in text, url
    box = (
        _soup(trust_site, "items/haneul-clean/office-cleaning").select_one(".sc-eligibility").get_text(" ", strip=True)
    )
    assert "수의계약 가능" in box and "사무국 확인 2025-02-20 — 인증기업 조회 (테스트)" in box


def test_expired_certificate_is_marked_and_never_matches_a_filter(trust_site):
    item = _soup(trust_site, "items/gaon-bakery/rice-bread")
    certs = " ".join(item.select_one(".sc-certs").get_text().split())
    assert certs == "HACCP H-0001 — 2020-01-01 만료 · 회원 신고 · 사무국 미확인"
    card = _soup(trust_site, "categories/bread").select_one('.sc-card a[href$="items/gaon-bakery/rice-bread/"]').parent
    assert "haccp" not in card["data-certs"]
    products = json.loads((trust_site / "data/products.json").read_text("utf-8"))["items"]
    bread = next(p for p in products if p["id"] == "gaon-bakery/rice-bread")
    assert bread["certifications"] == []
    assert bread["certifications_detail"][0]["status"] == "expired"


def test_pending_newcomer_is_shown_as_pending_everywhere(trust_site):
    box = _soup(trust_site, "items/sesame-se/sesame-oil").select_one(".sc-eligibility").get_text(" ", strip=True)
    assert box.startswith("수의계약 확인 중") and "수의계약 가능" not in box
    products = json.loads((trust_site / "data/products.json").read_text("utf-8"))["items"]
    oil = next(p for p in products if p["id"] == "sesame-se/sesame-oil")
    assert oil["sole_source_eligible"] is False and oil["sole_source_status"] == "pending"
    assert json.loads((trust_site / "widget/widget.json").read_text("utf-8"))["eligible"] == 2


def test_print_shows_the_confirmation_and_drops_expired_certificates(trust_site):
    text = "\n".join(page.extract_text() for page in PdfReader(trust_site / "print/catalog-print.pdf").pages)
    flat = text.replace("\n", "")
    assert "수의계약 가능" in flat and "사무국 확인 2025-02-20" in flat  # the stamp and its date
    assert "수의계약 확인 중" in flat
    assert "HACCP" not in flat, "an expired certificate is not printed as current"
    profile = "\n".join(p.extract_text() for p in PdfReader(trust_site / "print/enterprises/haneul-clean.pdf").pages)
    assert f"{SOON.isoformat()} 만료 예정" in profile.replace("\n", "")
