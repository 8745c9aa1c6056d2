"""Issue 29, third round of trust attacks: what a member writes may not say what only the
secretariat may say, nor hide characters, nor clone a confirmed member. `check` refuses each
attack with a Korean message at its line, and `build` refuses it in the same words."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import content_errors, entry, make_network, replace_in, run_cli

GAON = "content/enterprises/gaon-bakery/enterprise.yml"
HANEUL = "content/enterprises/haneul-clean/enterprise.yml"
CLAIM_HINT = "이 문구를 지우세요. 수의계약 가능 여부와 사무국 확인 표시는"


def _copy_entry(root: Path, slug: str, new_slug: str, *replacements: tuple[str, str]) -> Path:
    folder = root / "content/enterprises" / new_slug
    shutil.copytree(root / "content/enterprises" / slug, folder)
    for old, new in replacements:
        replace_in(folder / "enterprise.yml", old, new)
    return folder


def _one_error_like(errors: list[str], start: str) -> str:
    found = [e for e in errors if e.startswith(start)]
    assert found, "\n".join(errors)
    return found[0]


# --- 2. claims in member text ---------------------------------------------------------------


def refused_alike(root: Path, out: Path, expected: str):
    """`check` and `build` refuse the same thing in the same words, and the build writes no site.
    Returns what `check` printed."""
    checked = run_cli("check", cwd=root)
    built = run_cli("build", "--skip-print", "--out", str(out), cwd=root)
    for result in (checked, built):
        assert result.returncode == 1
        assert expected in result.stderr, result.stderr
        assert "Traceback" not in result.stderr + result.stdout
    assert not (out / "index.html").exists()
    return checked


@pytest.mark.parametrize(
    ("old", "new", "where", "phrase"),
    [
        ("    name: 우리쌀식빵", "    name: 무료 도시락 · 수의계약 가능 (사무국 확인)", "10:11", "수의계약 가능"),
        ("mission: 우리밀 빵을 굽는 협동조합", "mission: 수의 계약대상 협동조합", "3:10", "수의 계약대상"),
        ("    keywords: [토스트]", "    keywords: [토스트, 사무국확인]", "17:21", "사무국확인"),
        ("description: 아침마다 굽는 식빵", "description: 원료 확인　완료", "12:18", "확인　완료"),
        ("alt: 잘라 놓은 우리쌀 식빵", "alt: 수의계약이 가능한 식빵", "14:32", "수의계약이 가능"),
    ],
)
def test_claims_of_eligibility_or_confirmation_are_refused_in_every_field(tmp_path, old, new, where, phrase):
    root = make_network(tmp_path / "net")
    replace_in(entry(root, "gaon-bakery"), old, new)
    error = _one_error_like(content_errors(root), f"{GAON}:{where}: ")
    assert f"'{phrase}'처럼 수의계약 가능 여부나 사무국 확인을 말하는 문구는 회원이 쓸 수 없습니다" in error
    assert CLAIM_HINT in error


def test_check_and_build_refuse_a_claim_in_the_same_words(tmp_path):
    root = make_network(tmp_path / "net")
    replace_in(
        entry(root, "gaon-bakery"), "    name: 우리쌀식빵", "    name: 무료 도시락 · 수의계약 가능 (사무국 확인)"
    )
    expected = (
        f"{GAON}:10:11: 1번째 제품 '무료 도시락 · 수의계약 가능 (사무국 확인)'의 이름 (products[0].name): "
        "'수의계약 가능'처럼"
    )
    refused_alike(root, tmp_path / "site", expected)


def test_ordinary_words_near_the_claims_stay_allowed(tmp_path):
    root = make_network(tmp_path / "net")
    replace_in(
        entry(root, "gaon-bakery"), "description: 아침마다 굽는 식빵", "description: 대량 주문은 사무국에 문의하세요"
    )
    assert content_errors(root) == []


# --- 5. invisible characters, folders named like files, spreadsheet cells -----------------


@pytest.mark.parametrize("char", ["\u202e", "\u2066", "\u200b", "\u200f", "\u2060", "\ufeff", "\u3164", "\u1160"])
@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ("mission: 우리밀 빵을 굽는 협동조합", 'mission: "우리밀{c}빵"', "3:10"),
        ("    unit: 1개", '    unit: "1{c}개"', "16:11"),
        ("alt: 잘라 놓은 우리쌀 식빵", 'alt: "식빵{c}사진"', "14:32"),
        ("    keywords: [토스트]", '    keywords: ["토{c}스트"]', "17:16"),
    ],
)
def test_invisible_and_bidirectional_characters_are_refused_in_every_text_field(tmp_path, char, old, new, where):
    root = make_network(tmp_path / "net")
    replace_in(entry(root, "gaon-bakery"), old, new.format(c=char))
    error = _one_error_like(content_errors(root), f"{GAON}:{where}: ")
    assert f"보이지 않는 문자(폭 없는 공백 등)가 들어 있습니다: U+{ord(char):04X}" in error
    assert "직접 다시 입력하세요" in error


@pytest.mark.parametrize("use", ["photo", "certificate"])
def test_a_folder_named_like_a_file_is_an_error_not_a_traceback(tmp_path, use):
    root = make_network(tmp_path / "net")
    if use == "photo":
        (root / "content/enterprises/gaon-bakery/x.jpg").mkdir()
        replace_in(entry(root, "gaon-bakery"), "file: bread.jpg", "file: x.jpg")
        expected = f"{GAON}:14:16: 'x.jpg'는 파일이 아니라 폴더입니다"
    else:
        (root / "content/enterprises/haneul-clean/cert.pdf").mkdir()
        replace_in(entry(root, "haneul-clean"), "number: 테스트-1}", "number: 테스트-1, file: cert.pdf}")
        expected = f"{HANEUL}:7:52: 'cert.pdf'는 파일이 아니라 폴더입니다"
    refused_alike(root, tmp_path / "site", expected)


@pytest.mark.parametrize("start", ["＝", "＋", "－", "＠", "\ufeff=", "\u200b=", " =", "\u3000＝"])
def test_spreadsheet_cells_starting_with_a_disguised_formula_sign_are_neutralised(start):
    from secatalog.data.export import COLUMNS, neutralise, row_values

    cell = start + 'HYPERLINK("http://evil.example","클릭")'
    assert neutralise(cell) == "'" + cell
    row = row_values({column.key: (cell if column.key == "name" else "") for column in COLUMNS})
    assert "'" + cell in row
    assert neutralise("도시락 = 맛있음") == "도시락 = 맛있음"


# --- 4. clones of a confirmed member ---------------------------------------------------------

COPY = "content/enterprises/haneul-copy/enterprise.yml"


def test_an_invisible_letter_clone_with_the_same_certificate_is_refused(tmp_path):
    root = make_network(tmp_path / "net")
    _copy_entry(root, "haneul-clean", "haneul-copy", ("하늘청소", "하늘\u3164청소"))
    errors = content_errors(root)
    assert _one_error_like(errors, f"{COPY}:1:7: name: 보이지 않는 문자(폭 없는 공백 등)가 들어 있습니다: U+3164")
    # the same name once the filler is removed, and the confirmed member's certificate number
    replace_in(root / COPY, "하늘\u3164청소", "하늘 청소")
    errors = content_errors(root)
    assert f"{COPY}:1:7: 기업 이름 '하늘 청소 (예시)'가 {HANEUL}과 같습니다" in errors[0]
    assert _one_error_like(errors, f"{COPY}:7:39: 인증 번호 '테스트-1'이 {HANEUL}과 같습니다")


@pytest.mark.parametrize(
    ("name", "number"),
    [("바다청소 (예시)", "테스트-1"), ("바다청소 (예시)", "테스트－１"), ("하늘청소（예시）", "다른-2")],
)
def test_a_clone_under_another_name_or_in_compatibility_forms_is_refused(tmp_path, name, number):
    root = make_network(tmp_path / "net")
    _copy_entry(
        root, "haneul-clean", "haneul-copy", ("하늘청소 (예시)", name), ("number: 테스트-1", f"number: {number}")
    )
    errors = content_errors(root)
    if number != "다른-2":
        assert _one_error_like(errors, f"{COPY}:7:39: 인증 번호 '{number}'이 {HANEUL}과 같습니다")
    else:
        assert _one_error_like(errors, f"{COPY}:1:7: 기업 이름 '{name}'가 {HANEUL}과 같습니다")


def test_a_clone_of_a_confirmed_member_is_refused_even_when_the_original_is_gone(tmp_path):
    root = make_network(tmp_path / "net")
    _copy_entry(root, "haneul-clean", "haneul-copy", ("하늘청소 (예시)", "하늘 청소（예시）"))
    shutil.rmtree(root / "content/enterprises/haneul-clean")
    errors = content_errors(root)
    assert _one_error_like(
        errors,
        f"{COPY}:1:7: 기업 이름 '하늘 청소（예시）'가 사무국이 다른 기업 'haneul-clean'의 것으로 확인한 값과 같습니다",
    )
    assert _one_error_like(
        errors, f"{COPY}:7:39: 인증 번호 '테스트-1'이 사무국이 다른 기업 'haneul-clean'의 것으로 확인한 값과 같습니다"
    )


def test_checking_only_the_clone_still_sees_the_other_entries(tmp_path):
    root = make_network(tmp_path / "net")
    _copy_entry(root, "haneul-clean", "haneul-copy", ("하늘청소 (예시)", "바다청소 (예시)"))
    result = run_cli("check", "content/enterprises/haneul-copy", cwd=root)
    assert result.returncode == 1
    assert f"{COPY}:7:39: 인증 번호 '테스트-1'이 {HANEUL}과 같습니다" in result.stderr, result.stderr


# --- 6. the mismatch story and particles ------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "particle", "expected"),
    [
        ("근로자 수", "이", "근로자 수가"),
        ("인증 번호", "은", "인증 번호는"),
        ("사업자등록번호", "을", "사업자등록번호를"),
        ("기업 이름", "이", "기업 이름이"),
        ("조직 유형", "은", "조직 유형은"),
        ("'도시락'", "을", "'도시락'을"),
        ("'하늘청소 (예시)'", "가", "'하늘청소 (예시)'가"),
        ("'HACCP'", "는", "'HACCP'는"),
        ("'테스트-1'", "이", "'테스트-1'이"),
        ("'테스트－２'", "이", "'테스트－２'가"),
        ("'bread'", "으로", "'bread'로"),
        ("'서울'", "으로", "'서울'로"),
        ("'부산항'", "로", "'부산항'으로"),
        ("'ok-!'", "이", "'ok-!'이(가)"),
    ],
)
def test_particles_follow_the_final_consonant(word, particle, expected):
    from secatalog.korean import josa

    assert josa(word, particle) == expected


def test_no_message_is_assembled_with_both_particles():
    """Every message picks its particle with korean.josa; '이(가)' is left only where a word's
    ending cannot be read."""
    package = Path(__file__).resolve().parents[2] / "scripts" / "secatalog"
    both = ("이(가)", "은(는)", "을(를)", "와(과)", "과(와)", "(으)로")
    found = [
        f"{path.relative_to(package)}:{n}"
        for path in package.rglob("*")
        if path.suffix in (".py", ".html", ".js") and path.name != "korean.py"
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if any(form in line for form in both)
    ]
    assert found == []


def test_a_fact_differing_from_the_confirmation_says_so_and_names_the_members_line(tmp_path):
    from secatalog.read.project import load_project
    from secatalog.settings import Settings

    root = make_network(tmp_path / "net")
    replace_in(
        root / "catalog/verified.yml",
        "    org_type: social-enterprise\n",
        "    org_type: social-enterprise\n    workers: {paid: 10, vulnerable: 4}\n",
    )
    replace_in(entry(root, "haneul-clean"), "email:", "workers: {paid: 12, vulnerable: 4}\nemail:")
    catalog = load_project(Settings(root))
    el = next(e for e in catalog.enterprises if e.slug == "haneul-clean").eligibility
    assert el.status == "pending"
    assert el.reasons == ("근로자 수는 회원이 적은 값과 사무국이 2025-02-20에 확인한 값이 다릅니다",)
    warning = _one_error_like([str(w) for w in catalog.report.warnings], f"{HANEUL}:5:")
    assert (
        "회원이 적은 값과 사무국이 확인한 값이 다릅니다: 근로자 수 — 적은 값 유급 12명·취약계층 4명, "
        "사무국이 2025-02-20에 확인한 값 유급 10명·취약계층 4명 — 이 줄의 근로자 수를 사무국이 확인한 값으로 고치세요"
    ) in warning
    assert "뒤에 바뀌" not in warning + " ".join(el.reasons)


# --- 3. a self-declared certificate never looks confirmed -------------------------------------

FAKE_NUMBER = "· 사무국 확인 2026-10-20"


def test_a_certificate_number_dressed_as_a_confirmation_is_refused(tmp_path):
    root = make_network(tmp_path / "net")
    replace_in(entry(root, "haneul-clean"), "number: 테스트-1}", f'number: "{FAKE_NUMBER}"}}')
    errors = content_errors(root)
    assert _one_error_like(
        errors,
        f"{HANEUL}:7:39: certifications[0].number: 사회적기업 인증 번호의 형식이 아닙니다; 받은 값 '{FAKE_NUMBER}'",
    )
    assert "인증서에 적힌 번호만 그대로 쓰세요 — 글자·숫자·하이픈(-)만, 공백 없이 40자까지" in _one_error_like(
        errors, f"{HANEUL}:7:39: certifications[0].number: 사회적기업 인증 번호의"
    )


def test_certificate_numbers_follow_the_pattern_the_catalog_gives_for_their_type(tmp_path):
    root = make_network(tmp_path / "net")
    replace_in(
        root / "catalog/certifications.yml",
        "{id: haccp, name: HACCP}",
        "{id: haccp, name: HACCP, number_pattern: '^[0-9]{4}-[0-9]-[0-9]{4}$', number_example: 2015-1-0123}",
    )
    replace_in(
        entry(root, "gaon-bakery"),
        "    price: 6000",
        "    certifications: [{type: haccp, number: H-1}]\n    price: 6000",
    )
    errors = content_errors(root)
    assert (
        f"{GAON}:15:44: 1번째 제품 '우리쌀식빵'의 인증 (products[0].certifications[0].number): HACCP 번호의 형식이 "
        "아닙니다; 받은 값 'H-1' — 인증서에 적힌 번호만 그대로 쓰세요 (예: 2015-1-0123). 날짜나 설명은 번호 칸에 쓸 수 없습니다"
    ) in errors
    replace_in(entry(root, "gaon-bakery"), "number: H-1", "number: 2015-1-0123")
    assert content_errors(root) == []


def test_a_broken_number_pattern_is_a_korean_error_of_the_catalog(tmp_path):
    root = make_network(tmp_path / "net")
    replace_in(
        root / "catalog/certifications.yml",
        "{id: haccp, name: HACCP}",
        "{id: haccp, name: HACCP, number_pattern: '^[0-9'}",
    )
    result = run_cli("check", cwd=root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "catalog/certifications.yml:3:" in result.stderr
    assert "인증 번호 형식(number_pattern)이 올바른 정규식이 아닙니다" in result.stderr


@pytest.fixture(scope="session")
def trust_site() -> Path:
    """The same build as test_trust's: an unconfirmed newcomer (sesame-se) claims a social-enterprise
    certificate; haneul-clean's is confirmed in verified.yml."""
    from helpers import build_site, shared_build
    from test_trust import trust_network

    return shared_build("trust", lambda folder: build_site(trust_network(folder / "net"), folder / "out"))


def _soup(site: Path, url: str):
    from bs4 import BeautifulSoup

    return BeautifulSoup((site / url / "index.html").read_text("utf-8"), "html.parser")


@pytest.mark.slow
def test_an_unconfirmed_certificate_is_labelled_on_pages_and_kept_apart_by_the_filter(trust_site):
    claimed = " ".join(_soup(trust_site, "items/sesame-se/sesame-oil").select_one(".sc-certs").get_text().split())
    assert claimed == "사회적기업 인증 아무-번호-1 · 회원 신고 · 사무국 미확인"
    confirmed = (
        _soup(trust_site, "items/haneul-clean/office-cleaning").select_one(".sc-certs").get_text(" ", strip=True)
    )
    assert "사회적기업 인증 테스트-1" in confirmed and confirmed.endswith("· 사무국 확인 2025-02-20")
    profile = _soup(trust_site, "enterprises/sesame-se").select_one(".sc-certs")
    assert profile.select_one(".sc-badge--claimed") and not profile.select_one(".sc-badge--cert")
    category = _soup(trust_site, "categories/bread")
    card = category.select_one('.sc-card a[href$="items/sesame-se/sesame-oil/"]').parent
    assert card["data-certs"] == "claimed:social-enterprise"
    cleaning = _soup(trust_site, "categories/services").select_one('.sc-card a[href$="office-cleaning/"]').parent
    assert cleaning["data-certs"] == "social-enterprise"
    groups = {
        g["label"]: [o["value"] for o in g.select("option")] for g in category.select("select[name=cert] optgroup")
    }
    assert "social-enterprise" in groups["사무국 확인"]
    assert "claimed:social-enterprise" in groups["회원 신고 · 사무국 미확인"]
    quick = " ".join(_soup(trust_site, "procurement").get_text(" ", strip=True).split())
    assert "사회적기업 인증 회원 신고 · 사무국 미확인" in quick  # the claim, and on its own line whose it is


@pytest.mark.slow
def test_an_unconfirmed_certificate_is_labelled_in_open_data_and_spreadsheets(trust_site):
    import csv
    import json

    items = json.loads((trust_site / "data/products.json").read_text("utf-8"))["items"]
    oil = next(p for p in items if p["id"] == "sesame-se/sesame-oil")
    assert oil["certifications"] == [] and oil["certifications_unconfirmed"] == ["social-enterprise"]
    assert oil["certifications_detail"][0]["confirmed"] is False
    assert oil["certifications_detail"][0]["source"] == "회원 신고 · 사무국 미확인"
    cleaning = next(p for p in items if p["id"] == "haneul-clean/office-cleaning")
    assert cleaning["certifications"] == ["social-enterprise"] and cleaning["certifications_unconfirmed"] == []
    ents = json.loads((trust_site / "data/enterprises.json").read_text("utf-8"))["enterprises"]
    sesame = next(e for e in ents if e["id"] == "sesame-se")
    assert sesame["certifications"][0]["source"] == "회원 신고 · 사무국 미확인"
    rows = list(csv.reader((trust_site / "data/products.csv").read_text("utf-8-sig").splitlines()))
    header = rows[0]
    row = next(r for r in rows if r[0] == "sesame-se/sesame-oil")
    assert row[header.index("인증 (사무국 확인)")] == ""
    assert row[header.index("인증 (회원 신고 · 사무국 미확인)")] == "사회적기업 인증 (social-enterprise)"


@pytest.mark.slow
def test_an_unconfirmed_certificate_is_labelled_in_print(trust_site):
    from pypdf import PdfReader

    def text(pdf: Path) -> str:
        return "".join(page.extract_text() for page in PdfReader(pdf).pages).replace("\n", "")

    assert "사회적기업 인증 (회원 신고 · 사무국 미확인)" in text(trust_site / "print/catalog-print.pdf")
    profile = text(trust_site / "print/enterprises/sesame-se.pdf")
    assert "아무-번호-1 · 회원 신고 · 사무국 미확인" in profile
    confirmed = text(trust_site / "print/enterprises/haneul-clean.pdf")
    assert "테스트-1" in confirmed and "사무국 확인 2025-02-20" in confirmed


# --- 5. retired slugs: never taken again, old addresses explained --------------------------

RETIRED = """retired:
  - slug: old-coop
    name: 옛협동조합 (예시)
    removed: 2026-11-30
    note: 폐업했습니다
    products: [lunch-box]
"""


def test_a_retired_slug_cannot_be_taken_by_another_entry(tmp_path):
    root = make_network(tmp_path / "net")
    (root / "catalog/retired.yml").write_text(RETIRED, "utf-8")
    _copy_entry(root, "gaon-bakery", "old-coop", ("가온베이커리", "새협동조합"))
    expected = (
        "오류 content/enterprises/old-coop: 폴더 이름 'old-coop'는 목록에서 내린 기업 '옛협동조합 (예시)'의 이름이라 "
        "다른 항목이 쓸 수 없습니다"
    )
    checked = refused_alike(root, tmp_path / "site", expected)
    assert "catalog/retired.yml에서 이 이름을 지웁니다" in checked.stderr


def test_a_slug_retired_twice_is_a_korean_error(tmp_path):
    root = make_network(tmp_path / "net")
    (root / "catalog/retired.yml").write_text(RETIRED + RETIRED.removeprefix("retired:\n"), "utf-8")
    assert any("폴더 이름 'old-coop'가 두 번 나옵니다" in e for e in content_errors(root))


@pytest.mark.slow
def test_old_addresses_of_a_retired_enterprise_say_it_is_no_longer_listed(tmp_path):
    root = make_network(tmp_path / "net")
    (root / "catalog/retired.yml").write_text(RETIRED, "utf-8")
    from helpers import build_site

    out = build_site(root, tmp_path / "site", "--skip-print")
    for url in ("enterprises/old-coop", "items/old-coop/lunch-box"):
        text = " ".join(_soup(out, url).select_one("article").get_text().split())  # (dates are spans)
        assert (
            "옛협동조합 (예시)" in text and "이 기업은 더 이상 카탈로그에 실려 있지 않습니다 (2026-11-30부터)" in text
        )
        assert "폐업했습니다" in text
    assert "옛협동조합" not in (out / "search/search_index.json").read_text("utf-8")


@pytest.mark.slow
@pytest.mark.browser
def test_the_certificate_filter_counts_confirmed_certificates_and_shows_claims_apart(trust_site, tab):
    from browser import serve

    with serve(trust_site) as base:
        page = tab()
        page.goto(base + "categories/bread/")
        claimed = '.sc-card:not([hidden]) a[href$="items/sesame-se/sesame-oil/"]'
        page.select_option("select[name=cert]", "social-enterprise")
        assert page.locator(claimed).count() == 0, "a member's own claim does not match the confirmed filter"
        page.select_option("select[name=cert]", "claimed:social-enterprise")
        assert page.locator(claimed).count() == 1
        assert page.locator(".sc-card:not([hidden])").count() == 1


def test_the_invisible_character_class_holds_every_format_character_and_the_hangul_fillers():
    import sys
    import unicodedata

    from secatalog.model.fields import invisible

    format_chars = {chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"}
    assert all(invisible(ch) for ch in format_chars | set("\u115f\u1160\u3164\uffa0"))
    assert not any(invisible(ch) for ch in "가A1 \u3000·-ㄱ")  # visible letters, spaces, compatibility jamo


def test_an_entry_may_list_its_own_certificate_twice(tmp_path):
    root = make_network(tmp_path / "net")
    replace_in(
        entry(root, "haneul-clean"),
        "  - {type: social-enterprise, number: 테스트-1}",
        "  - {type: social-enterprise, number: 테스트-1}\n  - {type: social-enterprise, number: 테스트-1}",
    )
    assert content_errors(root) == []
