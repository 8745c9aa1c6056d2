"""Members' common mistakes (issue 33): each answered with the one thing to write instead.
Every test makes the mistake on a fresh fixture network and reads the message a member sees."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from helpers import ROOT, content_errors, entry, replace_in, run_cli

GAON = "content/enterprises/gaon-bakery/enterprise.yml"


def only_error(network: Path) -> str:
    errors = content_errors(network)
    assert len(errors) == 1, errors
    return errors[0]


def test_a_quote_left_open_mid_file_is_reported_where_it_opens(network):
    # Closed by the next quote, five lines down: YAML's own error would be far below.
    replace_in(
        entry(network, "gaon-bakery"), "mission: 우리밀 빵을 굽는 협동조합", 'mission: "우리밀 빵을 굽는 협동조합'
    )
    replace_in(entry(network, "gaon-bakery"), "alt: 잘라 놓은 우리쌀 식빵", 'alt: "잘라 놓은 우리쌀 식빵"')
    assert only_error(network) == (
        f'{GAON}:3:10: YAML 문법 오류: 이 줄에서 연 따옴표(")를 닫지 않았습니다 — 값 끝에 "를 붙이세요. '
        '이렇게 고치세요: mission: "우리밀 빵을 굽는 협동조합"'
    )


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "alt: 잘라 놓은 우리쌀 식빵",
            'alt: "무엇이 보이는지 한 문장으로"',
            f"{GAON}:14:32: 양식의 예시 문구 '무엇이 보이는지 한 문장으로'가 그대로 있습니다",
        ),
        ("phone: 043-000-0001", 'phone: "02-000-0000"', f"{GAON}:5:8: 예시 번호 '02-000-0000'이 그대로 있습니다"),
        ("unit: 1개", 'unit: ""', f"{GAON}:16:11: 가격 6,000원의 단위(unit)가 비어 있습니다"),
        (
            "email: gaon@example.net",
            "email: hello@example.org",
            f"{GAON}:6:8: 예시 주소 'hello@example.org'가 그대로",
        ),
        (
            "email: gaon@example.net",
            "email: gaon@example.net\nwebsite: https://example.org/",
            f"{GAON}:7:10: 예시 주소 'https://example.org/'이(가) 그대로 있습니다",
        ),
    ],
)
def test_example_values_are_refused(network, old, new, expected):
    replace_in(entry(network, "gaon-bakery"), old, new)
    assert only_error(network).startswith(expected)


def test_the_scaffold_product_id_is_refused(network):
    target = entry(network, "gaon-bakery")
    target.write_text(target.read_text("utf-8").replace("id: rice-bread", "id: first-item"), "utf-8")
    errors = [e for e in content_errors(network) if e.startswith(GAON)]
    assert errors == [
        f"{GAON}:9:9: 제품 id 'first-item'은 양식이 넣은 예시입니다 — 제품을 나타내는 영문 소문자 id로 "
        "바꾸세요 (예: 식빵이면 bread, 청소 용역이면 office-cleaning)"
    ]


def test_every_example_the_forms_and_scaffolds_show_is_refused():
    """The examples are collected from where members see them, not copied by hand: the join
    form's generated photo line, the scaffolds' quoted texts and phone numbers."""
    from secatalog.read import scaffold
    from secatalog.read.mistakes import _PLACEHOLDER_NUMBER, PLACEHOLDER_IDS

    join = (ROOT / "scripts/secatalog/assets/join.js").read_text("utf-8")
    form_texts = re.findall(r'alt: \\"([^"\\]+)\\"', join)
    assert form_texts and set(form_texts) <= scaffold.PLACEHOLDERS
    scaffolds = scaffold.ENTERPRISE + scaffold.PRODUCT + scaffold.CASE
    # Quoted Korean sample texts in the scaffolds, except realistic values members may keep.
    realistic = {"20개", "주문 후 3일", "사무국장"}
    quoted = {q for q in re.findall(r'"([^"{}]*[가-힣][^"{}]*)"', scaffolds) if q not in realistic}
    assert quoted <= scaffold.PLACEHOLDERS, quoted - scaffold.PLACEHOLDERS
    for number in re.findall(r'"(0[0-9-]+)"', scaffolds):
        assert _PLACEHOLDER_NUMBER.match(number), number
    # `new enterprise` asks for the first product's id now: no scaffold writes a placeholder id.
    assert not any(i in (ROOT / "scripts/secatalog/cli/new.py").read_text("utf-8").split('"') for i in PLACEHOLDER_IDS)


def test_notepads_txt_name_is_recognised(network):
    path = entry(network, "gaon-bakery")
    path.rename(path.with_name("enterprise.yml.txt"))
    error = only_error(network)
    assert error.startswith(
        "content/enterprises/gaon-bakery: enterprise.yml 대신 'enterprise.yml.txt' 파일이 있습니다 "
        "(메모장이 저장할 때 '.txt'를 덧붙였습니다) — 파일 이름을 정확히 enterprise.yml로 바꾸세요."
    )
    assert "'파일 확장명'을 켠 뒤" in error
    assert "enterprise.yml.txt" in (ROOT / "CONTRIBUTING.md").read_text("utf-8")


def test_full_width_digits_are_numbers(network):
    replace_in(entry(network, "gaon-bakery"), "price: 6000", "price: ４５００")
    replace_in(
        entry(network, "gaon-bakery"), "unit: 1개", 'unit: 1개\n    months: [１１, １２]\n    min_order: "２０개"'
    )
    assert content_errors(network) == []
    from secatalog.read.project import load_project
    from secatalog.settings import Settings

    item = next(i for i in load_project(Settings(network)).items if i.product.id == "rice-bread")
    assert item.product.price == 4500 and item.product.months == [11, 12]


def test_full_width_space_indentation_is_explained(network):
    replace_in(entry(network, "gaon-bakery"), "    price: 6000", "\u3000\u3000price: 6000")
    assert only_error(network) == (
        f"{GAON}:15:1: YAML 문법 오류: 줄 앞의 들여쓰기에 전각 공백(한글 입력기의 넓은 띄어쓰기 '　')이 있습니다 "
        "— 넓은 공백을 지우고 보통 스페이스로 들여 쓰세요. 이렇게 고치세요: (앞에 스페이스 4칸) price: 6000 "
        "(한/영 키를 영문으로 바꾸고 스페이스를 누르면 보통 스페이스가 들어갑니다)"
    )


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("시간당 25,000원", 'price: 25000 그리고 다음 줄에 unit: "1시간"'),
        ("25,000원/kg", 'price: 25000 그리고 다음 줄에 unit: "1kg"'),
        ("5,000~10,000원", 'price: 5000 그리고 다음 줄에 price_note: "5,000~10,000원"'),
    ],
)
def test_a_price_written_as_words_gets_what_to_write(network, written, expected):
    replace_in(entry(network, "gaon-bakery"), "price: 6000", f"price: {written}")
    assert only_error(network).endswith(f"— 가격은 쉼표·'원'·'당' 없이 숫자만 씁니다. 이렇게 쓰세요: {expected}")


def test_a_mistyped_price_gets_no_wrong_number(network):
    replace_in(entry(network, "gaon-bakery"), "price: 6000", "price: 6,5OO원")  # letter O for zero
    assert only_error(network).endswith('— 쉼표와 "원" 없이 12000처럼 쓰세요')


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("11월~2월", "판매 시기는 달의 숫자를 대괄호 목록으로 씁니다. 이렇게 쓰세요: months: [11, 12, 1, 2]"),
        ("연중", "연중 파는 것이면 months 줄을 지우세요 (비워 두면 '연중'으로 표시됩니다)"),
    ],
)
def test_months_written_as_words_get_what_to_write(network, written, expected):
    replace_in(entry(network, "gaon-bakery"), "unit: 1개", f"unit: 1개\n    months: {written}")
    assert only_error(network).endswith(f"— {expected}")


def test_three_space_indent_names_the_line_and_shows_it_corrected(network):
    replace_in(entry(network, "gaon-bakery"), "    price: 6000", "   price: 6000")
    assert only_error(network) == (
        f"{GAON}:15:1: YAML 문법 오류: 이 줄의 들여쓰기가 스페이스 3칸이라 위아래 항목과 맞지 않습니다 — "
        "같은 묶음의 다른 줄처럼 4칸으로 고치세요: (앞에 스페이스 4칸) price: 6000"
    )


def test_an_unquoted_colon_shows_the_quoted_line(network):
    replace_in(entry(network, "gaon-bakery"), "description: 아침마다 굽는 식빵", "description: 영업시간: 오전 9시")
    assert only_error(network) == (
        f"{GAON}:12:5: YAML 문법 오류: 값 안에 ':'(콜론과 띄어쓰기)가 있어 새 항목 이름으로 읽혔습니다 — "
        '값 전체를 큰따옴표로 감싸세요. 이렇게 고치세요: (앞에 스페이스 4칸) description: "영업시간: 오전 9시"'
    )


def test_a_mac_nfd_photo_name_says_to_rename_it(network):
    folder = network / "content/enterprises/gaon-bakery"
    (folder / "bread.jpg").rename(folder / unicodedata.normalize("NFD", "식빵.jpg"))
    replace_in(entry(network, "gaon-bakery"), "bread.jpg", "식빵.jpg")
    errors = content_errors(network)
    assert errors[0] == (
        f"{GAON}:14:16: 파일 '식빵.jpg'의 이름이 맥(macOS) 방식 한글(NFD)로 저장되어 있어 찾지 못했습니다 — "
        "파일 이름을 영문 소문자로 바꾸고 (예: photo1.jpg), 이 줄에 적은 이름도 똑같이 고치세요"
    )
    assert all("photo1.jpg" in e for e in errors)


def test_a_35_mb_photo_says_how_to_shrink_it(network):
    photo = network / "content/enterprises/gaon-bakery/bread.jpg"
    photo.write_bytes(photo.read_bytes() + b"\0" * (35 * 1024 * 1024))
    assert only_error(network) == (
        f"{GAON}:14:16: 'bread.jpg' 파일이 너무 큽니다 (35.0MB) — 사진을 20MB 이하로 줄여 다시 올리세요. "
        "긴 변 3000픽셀이면 인쇄에도 충분합니다: 윈도 사진 앱에서 사진을 열고 [...] > [이미지 크기 조정]으로 줄여 저장하세요"
    )


@pytest.mark.parametrize("name", ["bread.heic", "bread.jpg"])
def test_a_heic_photo_says_how_to_export_jpeg(network, name):
    """Named .heic, or an iPhone HEIC renamed .jpg: both say how on an iPhone and on Windows."""
    folder = network / "content/enterprises/gaon-bakery"
    (folder / name).write_bytes(b"\0\0\0\x18ftypheic" + b"\0" * 100)
    replace_in(entry(network, "gaon-bakery"), "bread.jpg", name)
    error = only_error(network)
    assert "아이폰 사진(HEIC)입니다. JPEG로 바꿔 올리세요. 아이폰: 설정 > 카메라 > 포맷 > '높은 호환성'" in error
    assert "윈도: 사진 앱으로 열고 [...] > [다른 이름으로 저장]에서 형식을 .jpg로 고르세요" in error


def test_a_photo_without_alt_says_what_to_add(network):
    replace_in(entry(network, "gaon-bakery"), "{file: bread.jpg, alt: 잘라 놓은 우리쌀 식빵}", "{file: bread.jpg}")
    assert only_error(network).endswith(
        "— 사진마다 무엇이 보이는지 한 문장으로 적어야 합니다 (화면 낭독기가 읽어 줍니다). "
        "{file: bread.jpg, alt: ...}처럼 파일 이름 뒤에 ', alt: '와 그 문장을 적으세요"
    )


@pytest.mark.slow
def test_new_product_refuses_a_duplicate_id(network):
    before = entry(network, "gaon-bakery").read_text("utf-8")
    result = run_cli(
        "new", "product", "--enterprise", "gaon-bakery", "--id", "rice-bread", "--name", "x", "--category", "bread",
        cwd=network,
    )  # fmt: skip
    assert result.returncode == 2
    assert f"오류 {GAON}: 제품 id 'rice-bread'는 이미 있습니다 — 다른 id를 쓰세요 (예: rice-bread-2)" in result.stderr
    assert entry(network, "gaon-bakery").read_text("utf-8") == before


@pytest.mark.slow
def test_a_mistyped_command_is_answered_in_korean(network):
    result = run_cli("biuld", cwd=network)
    assert result.returncode == 2
    first = result.stderr.splitlines()[0]
    assert first.startswith("오류: 없는 명령입니다: biuld (혹시 build?) — 쓸 수 있는 명령: check, build")
    assert "Did you mean" not in result.stderr and "'" not in first


@pytest.mark.slow
def test_editing_another_enterprises_file_says_whose_and_how_to_undo(tmp_path):
    """A member of one enterprise saves a change to another's entry (a wrong tab in the browser)."""
    import subprocess

    from typer.testing import CliRunner

    from helpers import make_network
    from secatalog.cli.app import app

    def git(*args: str) -> str:
        run = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args]
        return subprocess.run(run, cwd=root, check=True, capture_output=True, text=True).stdout

    root = make_network(tmp_path / "net")
    for slug, handle in (("gaon-bakery", "gaon-owner"), ("haneul-clean", "haneul-owner")):
        replace_in(entry(root, slug), "products:", f"maintainers: [{handle}]\nproducts:")
    replace_in(root / "catalog/catalog.yml", "network:", "network:\n  secretariat: [staff]")
    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-qm", "base")
    base = git("rev-parse", "HEAD").strip()
    replace_in(entry(root, "haneul-clean"), "price: 500000", "price: 450000")
    git("commit", "-qam", "pr")
    result = CliRunner().invoke(app, ["owners", "--base", "main~1", "--author", "gaon-owner", "--root", str(root)])
    assert result.exit_code == 1
    path = "content/enterprises/haneul-clean/enterprise.yml"
    assert (
        f"거절 [수정] {path}: 'haneul-clean' 항목은 관리자(haneul-owner)만 바꿀 수 있습니다 — '하늘청소 (예시)'의 파일입니다. "
        f"실수로 바꿨다면 되돌리세요: git checkout {base} -- {path} 를 실행해 커밋하거나, GitHub 웹에서 고쳤다면 "
        "이 PR을 닫고(Close pull request) 우리 기업 폴더만 고쳐 새로 올리세요."
    ) in result.output


def test_a_file_indented_by_one_space_throughout_is_not_blamed_for_it():
    """Odd indentation is only the cause where the parser stopped: elsewhere it is valid YAML."""
    from secatalog.errors import Report
    from secatalog.read.documents import parse_yaml

    report = Report()
    text = "a:\n b: 1\n c: 2\nmission: 빵: 우리밀\n"
    assert parse_yaml(text, Path("x.yml"), "x.yml", report) is None
    assert [str(p) for p in report.errors] == [
        "x.yml:4:1: YAML 문법 오류: 값 안에 ':'(콜론과 띄어쓰기)가 있어 새 항목 이름으로 읽혔습니다 — "
        '값 전체를 큰따옴표로 감싸세요. 이렇게 고치세요: mission: "빵: 우리밀"'
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quote opened inside { }: the pair is missing on that line
        (
            'name: x\nphotos:\n  - {file: a.jpg, alt: "사진}\nmission: "y"\n',
            'x.yml:3:24: YAML 문법 오류: 이 줄의 큰따옴표(")가 짝이 맞지 않습니다 — '
            "여는 따옴표와 닫는 따옴표가 한 줄 안에서 짝을 이루게 고치세요",
        ),
        # a quoted word at the start of a value that goes on
        (
            "name: x\nalt: '작업장'의 모습\nz: 1\n",
            "x.yml:2:6: YAML 문법 오류: 따옴표(')로 시작한 값이 닫는 따옴표 뒤에도 이어집니다 — "
            "값 전체를 다른 따옴표로 감싸세요. 이렇게 고치세요: alt: \"'작업장'의 모습\"",
        ),
        # quotes and odd indentation inside a | block are text, not the mistake
        (
            'description: |\n   그가 말했다 "안녕\n   끝: 이다\nz: 1\n bad: 2\n',
            "x.yml:5:1: YAML 문법 오류: 이 줄의 들여쓰기가 스페이스 1칸이라 위아래 항목과 맞지 않습니다 — "
            "같은 묶음의 다른 줄처럼 0칸으로 고치세요: bad: 2",
        ),
    ],
)
def test_quote_mistakes_in_other_shapes(text, expected):
    from secatalog.errors import Report
    from secatalog.read.documents import parse_yaml

    report = Report()
    assert parse_yaml(text, Path("x.yml"), "x.yml", report) is None
    assert [str(p) for p in report.errors] == [expected]
