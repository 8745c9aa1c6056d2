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
    checked = run_cli("check", cwd=root)
    built = run_cli("build", "--skip-print", "--out", str(tmp_path / "site"), cwd=root)
    for result in (checked, built):
        assert result.returncode == 1
        assert expected in result.stderr, result.stderr
        assert "Traceback" not in result.stderr + result.stdout
    assert not (tmp_path / "site" / "index.html").exists()


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
    checked = run_cli("check", cwd=root)
    built = run_cli("build", "--skip-print", "--out", str(tmp_path / "site"), cwd=root)
    for result in (checked, built):
        assert result.returncode == 1
        assert "Traceback" not in result.stderr + result.stdout
        assert expected in result.stderr, result.stderr


@pytest.mark.parametrize("start", ["＝", "＋", "－", "＠", "\ufeff=", "\u200b=", " =", "\u3000＝"])
def test_spreadsheet_cells_starting_with_a_disguised_formula_sign_are_neutralised(start):
    from secatalog.export import COLUMNS, neutralise, row_values

    cell = start + 'HYPERLINK("http://evil.example","클릭")'
    assert neutralise(cell) == "'" + cell
    row = row_values({key: (cell if key == "name" else "") for key, _, _ in COLUMNS})
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
    from secatalog.config import Settings
    from secatalog.project import load_project

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
