"""Mistakes members really make, each answered by a message that says what to do."""

from __future__ import annotations

import pytest

from helpers import content_errors, entry, replace_in, run_cli
from secatalog.markup import months_text
from secatalog.read.project import load_project
from secatalog.settings import Settings

GAON = "content/enterprises/gaon-bakery/enterprise.yml"


def test_a_quoted_price_is_a_price(network):
    replace_in(entry(network, "gaon-bakery"), "price: 6000", 'price: "6000"')
    catalog = load_project(Settings(network))
    assert next(i for i in catalog.items if i.uid == "gaon-bakery/rice-bread").product.price == 6000


def test_a_price_beyond_any_item_is_refused(network):
    replace_in(entry(network, "gaon-bakery"), "price: 6000", "price: 9999999999999999999999")
    assert content_errors(network) == [
        f"{GAON}:15:12: 1번째 제품 '우리쌀식빵'의 가격 (products[0].price): 가격이 너무 큽니다; 받은 값 \"9999999999999999999999\" "
        "— 100,000,000,000원 이하로, 원 단위 숫자만 쓰세요"
    ]


def test_a_file_name_differing_only_in_case_is_named(network):
    photo = network / "content/enterprises/gaon-bakery/bread.jpg"
    photo.rename(photo.with_name("Bread.JPG"))
    assert content_errors(network) == [
        f"{GAON}:14:16: 파일 'bread.jpg'가 없습니다. 올린 파일 'Bread.JPG'와 대소문자만 다릅니다 "
        "— 파일 이름의 대소문자까지 똑같이 'Bread.JPG'로 적으세요"
    ]


def test_two_products_with_one_name(network):
    path = entry(network, "haneul-clean")
    replace_in(path, "name: 사무실 이사", "name: 관공서 청소")
    assert content_errors(network) == [
        "content/enterprises/haneul-clean/enterprise.yml:18:11: 제품 이름 '관공서 청소'가 1번째 제품과 같습니다 "
        "— 같은 제품이면 하나로 합치고, 다른 제품이면 이름으로 구별되게 쓰세요 (예: 도시락 (소), 도시락 (대))"
    ]


def test_form_examples_left_in_place_are_refused(network):
    replace_in(
        entry(network, "gaon-bakery"),
        "mission: 우리밀 빵을 굽는 협동조합",
        "mission: 우리 기업의 미션을 한 줄로 적어 주세요",
    )
    assert content_errors(network) == [
        f"{GAON}:3:10: 양식의 예시 문구 '우리 기업의 미션을 한 줄로 적어 주세요'가 그대로 있습니다 "
        "— 실제 내용으로 바꾸거나, 필요 없는 항목이면 줄을 지우세요"
    ]


def test_emoji_are_flagged_where_they_would_print_as_boxes(network):
    replace_in(entry(network, "gaon-bakery"), "name: 우리쌀식빵", "name: 우리쌀식빵 🍞")
    catalog = load_project(Settings(network))
    assert [str(w) for w in catalog.report.warnings] == [
        f"{GAON}:10:11: 그림 문자(이모지)는 인쇄물의 글꼴에 없어 빈 네모로 인쇄됩니다 — 인쇄물에도 실릴 글이면 그림 문자를 지우세요"
    ]


def test_a_certificate_issued_after_it_expires(network):
    replace_in(
        entry(network, "haneul-clean"),
        "number: 테스트-1}",
        "number: 테스트-1, issued: 2026-05-01, expires: 2025-01-01}",
    )
    found = content_errors(network)
    assert found == [
        "content/enterprises/haneul-clean/enterprise.yml:7:5: certifications[0]: 인증일(issued 2026-05-01)이 유효기간 "
        "종료일(expires 2025-01-01)보다 늦습니다 — 인증서의 두 날짜를 다시 확인하세요"
    ]


def test_an_empty_file_points_to_the_join_form(network):
    entry(network, "gaon-bakery").write_text("# 나중에\n", "utf-8")
    assert content_errors(network) == [
        f"{GAON}:1:1: 파일이 비어 있습니다 — 카탈로그 사이트의 '참여하기' 양식으로 만든 내용을 붙여 넣으세요"
    ]


@pytest.mark.parametrize(
    "months, text",
    [
        ([], "연중"),
        ([12, 1, 2, 3, 4, 5], "12월~5월"),
        ([3, 4, 5, 9, 10], "3월~5월, 9월~10월"),
        ([1, 3], "1월, 3월"),
        (list(range(1, 13)), "연중"),
    ],
)
def test_sales_seasons_read_around_the_new_year(months, text):
    assert months_text(months) == text


def test_check_of_a_path_that_does_not_exist(network):
    result = run_cli("check", "content/enterprises/gaon-bakry", cwd=network)
    assert result.returncode == 2
    assert "오류 content/enterprises/gaon-bakry: 없는 경로입니다" in result.stderr


def test_a_category_typed_by_its_korean_name_gets_its_id(network):
    replace_in(entry(network, "gaon-bakery"), "category: bread", "category: 빵과 과자")
    assert content_errors(network) == [
        f"{GAON}:11:15: 1번째 제품 '우리쌀식빵'의 분류 (products[0].category): 분류는 영문 id로 씁니다: "
        "'빵과 과자'의 id는 'bread'입니다 — 'bread'로 고치세요"
    ]


def test_an_unknown_korean_category_lists_them_all(network):
    replace_in(entry(network, "gaon-bakery"), "category: bread", "category: 가공식품")
    assert content_errors(network) == [
        f"{GAON}:11:15: 1번째 제품 '우리쌀식빵'의 분류 (products[0].category): 알 수 없는 분류 '가공식품'입니다. "
        "분류는 영문 id로 씁니다 — 쓸 수 있는 값: bread(빵과 과자), cleaning(청소), moving(이사)"
    ]


def test_an_unclosed_quote_is_reported_where_it_opens(network):
    replace_in(
        entry(network, "gaon-bakery"), "mission: 우리밀 빵을 굽는 협동조합", 'mission: "우리밀 빵을 굽는 협동조합'
    )
    assert content_errors(network)[0].startswith(
        f'{GAON}:3:10: YAML 문법 오류: 이 줄에서 연 따옴표(")를 닫지 않았습니다'
    )


def test_a_missing_choice_lists_the_choices(network):
    path = entry(network, "gaon-bakery")
    path.write_text(path.read_text("utf-8") + "social_contribution:\n  - {text: 무료 급식}\n", "utf-8")
    assert content_errors(network) == [
        f"{GAON}:20:5: social_contribution[0].type: 꼭 필요한 항목이 없습니다 — 이 항목을 추가하세요. "
        "쓸 수 있는 값: social-service, innovation, community, local-jobs, equipment, service-quality"
    ]


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["bogus"], "오류: 없는 명령입니다: bogus — 쓸 수 있는 명령: check, build"),
        (["check", "--bogus"], "오류: 없는 옵션입니다: --bogus"),
        (
            ["check", "--format", "gh"],
            "오류: --format에 'gh'는 쓸 수 없습니다 — 다음 중 하나를 쓰세요: text, github",
        ),
        (["check", "--root"], "오류: --root 옵션 뒤에 값을 적으세요"),
    ],
)
def test_command_line_mistakes_are_answered_in_korean(network, args, said):
    result = run_cli(*args, cwd=network)
    assert result.returncode == 2
    assert result.stderr.startswith(said), result.stderr
    assert "도움말: secatalog" in result.stderr
    assert not any(english in result.stderr for english in ("Usage:", "Error", "Try ", "Traceback"))


def test_help_is_korean(network):
    for args in (["--help"], ["check", "--help"], ["new", "enterprise", "--help"]):
        shown = run_cli(*args, cwd=network).stdout
        assert "사용법: secatalog" in shown and "이 도움말을 보여 줍니다" in shown
        assert not any(english in shown for english in ("Usage:", "Show this message", "Options", "Commands"))


def test_only_goods_the_member_marks_as_gifts_are_badged(network):
    path = entry(network, "haneul-clean")
    replace_in(path, "    price: 500000\n    unit: 1회\n", "    price: 1200\n    unit: 1㎡\n")
    catalog = load_project(Settings(network))
    assert not any(item.gift_ok for item in catalog.items), "a cheap service or an unmarked good is no gift"
    replace_in(entry(network, "gaon-bakery"), "    price: 6000\n", "    price: 6000\n    gift: true\n")
    assert [i.uid for i in load_project(Settings(network)).items if i.gift_ok] == ["gaon-bakery/rice-bread"]


def test_a_service_marked_as_a_gift_is_refused(network):
    replace_in(entry(network, "haneul-clean"), "    price: 500000\n", "    price: 500000\n    gift: true\n")
    assert content_errors(network) == [
        "content/enterprises/haneul-clean/enterprise.yml:16:5: 2번째 제품 '사무실 이사' (products[1]): "
        "용역(service)은 선물로 표시할 수 없습니다 (gift: true) — 선물로 파는 물품에만 gift: true를 쓰고, 이 줄은 지우세요"
    ]


def test_a_gift_over_the_limit_is_warned_about(network):
    replace_in(entry(network, "gaon-bakery"), "    price: 6000\n", "    price: 60000\n    gift: true\n")
    result = run_cli("check", cwd=network)
    assert result.returncode == 0
    assert (
        f"경고 {GAON}:16:11: '우리쌀식빵'은 가격이 선물 가액 한도(30,000원)를 넘거나 정해지지 않아 "
        "'선물 한도 이내'로 표시하지 않습니다 — 한 개(한 세트) 가격이 30,000원 이하인 선물 상품만 gift: true로 두세요"
    ) in result.stderr


def test_checking_one_entry_finds_the_bundle_and_case_it_breaks(network):
    """A member renames a product and checks only their own folder, as CONTRIBUTING says."""
    replace_in(entry(network, "gaon-bakery"), "  - id: rice-bread", "  - id: rice-loaf")
    replace_in(entry(network, "haneul-clean"), "    price: 500000", "    price: 오십만")  # not theirs: not shown
    result = run_cli("check", "content/enterprises/gaon-bakery", cwd=network)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("오류 ") and " — " in line]
    assert lines == [
        "오류 casebook/cases/bread-for-meetings.md:9:9: items[0]: 제품 'gaon-bakery/rice-bread'를 찾을 수 없습니다. "
        "혹시 'gaon-bakery/rice-loaf'인가요? — '기업 폴더/제품 id' 형식으로 쓰세요",
        "오류 content/bundles/starter.yml:4:15: 'gaon-bakery/rice-bread' 제품을 찾을 수 없습니다. "
        "혹시 'gaon-bakery/rice-loaf'인가요? — 기업 폴더 이름/제품 id를 확인하세요",
    ]


def test_the_field_reference_is_generated_and_current():
    """CONTRIBUTING points members at content/schema/FIELDS.md: it must match the rules check uses."""
    from helpers import ROOT
    from secatalog.data.export import entry_schema
    from secatalog.desk.verify import confirmation_schema
    from secatalog.model.schema import fields_doc

    committed = (ROOT / "content/schema/FIELDS.md").read_text("utf-8")
    catalog = load_project(Settings(ROOT))
    assert committed == fields_doc(entry_schema(catalog), confirmation_schema(catalog)), "run: secatalog schema"
    assert '| `price` | ● | 가격(원, 숫자만) 또는 "협의"' in committed
    assert "| `phone` |  | 대표 전화 | 글, 예: `02-000-0000` |" in committed
    assert "`lunchbox`" in committed  # this network's own categories
