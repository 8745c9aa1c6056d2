"""Every kind of content error: the exact file:line:col, a Korean message and a fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import content_errors, draw_photo, entry, replace_in
from secatalog.errors import ContentError
from secatalog.read.project import load_project
from secatalog.settings import Settings

GAON = "content/enterprises/gaon-bakery/enterprise.yml"


def problems(root: Path) -> list[str]:
    try:
        catalog = load_project(Settings(root))
    except ContentError as exc:
        return [str(p) for p in exc.report.errors]
    return [str(p) for p in catalog.report.warnings]


def only_error(root: Path) -> str:
    found = problems(root)
    assert len(found) == 1, found
    return found[0]


def test_fixture_network_is_valid(network):
    catalog = load_project(Settings(network))
    assert [i.uid for i in catalog.items] == [
        "gaon-bakery/rice-bread",
        "haneul-clean/office-cleaning",
        "haneul-clean/moving-help",
    ]
    assert catalog.network.city == "가상군"


def test_unknown_key_suggests_the_right_one(network):
    replace_in(entry(network, "gaon-bakery"), "    unit: 1개", "    unti: 1개")
    assert only_error(network) == (
        f"{GAON}:16:5: 1번째 제품 '우리쌀식빵' (products[0]): 알 수 없는 항목 'unti'입니다 — 혹시 'unit'인가요?"
    )


def test_comma_inside_braces_is_explained(network):
    replace_in(entry(network, "gaon-bakery"), "alt: 잘라 놓은 우리쌀 식빵", "alt: 잘라 놓은, 우리쌀 식빵")
    assert "쉼표가 든 값은 큰따옴표로 감싸세요" in only_error(network)


def test_price_must_be_won_or_negotiable(network):
    replace_in(entry(network, "gaon-bakery"), "price: 6000", "price: 6,000원")
    assert only_error(network) == (
        f'{GAON}:15:12: 1번째 제품 \'우리쌀식빵\'의 가격 (products[0].price): 숫자(원) 또는 "협의"여야 합니다; 받은 값 "6,000원" '
        "— 가격은 쉼표·'원'·'당' 없이 숫자만 씁니다. 이렇게 쓰세요: price: 6000"
    )


def test_unknown_category_suggests(network):
    replace_in(entry(network, "gaon-bakery"), "category: bread", "category: breed")
    error = only_error(network)
    assert error.startswith(
        f"{GAON}:11:15: 1번째 제품 '우리쌀식빵'의 분류 (products[0].category): 알 수 없는 분류 'breed'입니다. 혹시 'bread'인가요?"
    )


def test_unknown_org_type(network):
    replace_in(entry(network, "gaon-bakery"), "org_type: cooperative", "org_type: coop")
    assert only_error(network).startswith(f"{GAON}:2:11: org_type: 알 수 없는 조직 유형 'coop'입니다")


def test_unknown_certification(network):
    replace_in(entry(network, "haneul-clean"), "{type: social-enterprise", "{type: social-enterprize")
    assert "알 수 없는 인증 'social-enterprize'입니다. 혹시 'social-enterprise'인가요?" in only_error(network)


def test_missing_required_field_points_at_its_parent(network):
    replace_in(entry(network, "gaon-bakery"), "mission: 우리밀 빵을 굽는 협동조합\n", "")
    assert only_error(network) == f"{GAON}:1:1: mission: 꼭 필요한 항목이 없습니다 — 이 항목을 추가하세요"


def test_wrong_type_list_expected(network):
    replace_in(entry(network, "gaon-bakery"), "keywords: [토스트]", "keywords: 토스트")
    assert only_error(network).startswith(
        f"{GAON}:17:15: 1번째 제품 '우리쌀식빵'의 검색어 (products[0].keywords): 목록이어야 합니다"
    )


def test_yes_no_is_not_a_boolean(network):
    replace_in(entry(network, "gaon-bakery"), "    unit: 1개", "    unit: 1개\n    vat_included: no")
    assert 'true 또는 false여야 합니다; 받은 값 "no"' in only_error(network)


def test_phone_typed_as_number_is_not_changed_but_checked(network):
    replace_in(entry(network, "gaon-bakery"), "phone: 043-000-0001", "phone: 0430000001")
    error = only_error(network)
    assert error.startswith(f'{GAON}:5:8: phone: 형식이 맞지 않습니다; 받은 값 "0430000001"')
    assert "하이픈" in error


def test_a_list_of_github_ids_written_as_text_gets_the_list_hint_and_an_item_the_id_hint(network):
    """Hints are the field's (or its type's): an item's hint is not the list's."""
    replace_in(entry(network, "gaon-bakery"), "products:\n", "maintainers: gaon\nproducts:\n")
    assert only_error(network).endswith("목록이어야 합니다; 받은 값 \"gaon\" — 각 줄을 '- '로 시작하는 목록으로 쓰세요")
    replace_in(entry(network, "gaon-bakery"), "maintainers: gaon", "maintainers: ['@gaon']")
    assert only_error(network).endswith('형식이 맞지 않습니다; 받은 값 "@gaon" — GitHub 아이디만 쓰세요 (@ 없이)')


def test_postal_code_with_leading_zero_is_kept(network):
    replace_in(entry(network, "gaon-bakery"), "phone: 043-000-0001", "phone: 043-000-0001\npostal_code: 01234")
    catalog = load_project(Settings(network))
    assert catalog.enterprises[0].record.postal_code == "01234"


def test_integer_with_underscore_is_refused(network):
    replace_in(entry(network, "gaon-bakery"), "price: 6000", "price: 6_000")
    assert '받은 값 "6_000"' in only_error(network)


def test_negotiable_price_is_accepted(network):
    replace_in(entry(network, "gaon-bakery"), "price: 6000", "price: 협의")
    assert problems(network) == []


def test_missing_photo_suggests_similar_file(network):
    replace_in(entry(network, "gaon-bakery"), "file: bread.jpg", "file: bred.jpg")
    assert only_error(network).startswith(f"{GAON}:14:16: 파일 'bred.jpg'가 없습니다. 혹시 'bread.jpg'인가요?")


def test_a_photos_focus_is_one_of_the_named_parts(network):
    replace_in(
        entry(network, "gaon-bakery"), "alt: 잘라 놓은 우리쌀 식빵}", "alt: 잘라 놓은 우리쌀 식빵, focus: middle}"
    )
    found = only_error(network)
    assert found.startswith(f"{GAON}:14:") and "알 수 없는 남길 부분 'middle'입니다" in found, found
    assert "쓸 수 있는 값: center, top, bottom, left, right, top-left" in found and "50% 70%" in found, found
    # a point as shares across and down is a focus too, and a share over 100% is not
    replace_in(entry(network, "gaon-bakery"), "focus: middle}", "focus: 50% 70%}")
    assert problems(network) == []
    replace_in(entry(network, "gaon-bakery"), "focus: 50% 70%}", "focus: 50% 170%}")
    assert "알 수 없는 남길 부분 '50% 170%'입니다" in only_error(network)


def test_photo_that_is_not_an_image(network):
    (network / "content/enterprises/gaon-bakery/bread.jpg").write_text("not a photo")
    assert only_error(network).startswith(f"{GAON}:14:16: 'bread.jpg': 사진 파일로 읽을 수 없습니다")


def test_missing_alt_text(network):
    replace_in(entry(network, "gaon-bakery"), "{file: bread.jpg, alt: 잘라 놓은 우리쌀 식빵}", "{file: bread.jpg}")
    assert only_error(network).startswith(
        f"{GAON}:14:9: 1번째 제품 '우리쌀식빵'의 사진 (products[0].photos[0].alt): 꼭 필요한 항목이 없습니다"
    )


def test_path_tricks_in_file_fields(network):
    replace_in(entry(network, "gaon-bakery"), "file: bread.jpg", "file: ../haneul-clean/clean.jpg")
    assert "같은 폴더 안의 파일 이름만 쓸 수 있습니다" in only_error(network)


def test_duplicate_product_ids(network):
    replace_in(entry(network, "haneul-clean"), "id: moving-help", "id: office-cleaning")
    assert "제품 id 'office-cleaning'가 1번째 제품과 같습니다" in only_error(network)


def test_broken_bundle_reference(network):
    replace_in(network / "content/bundles/starter.yml", "gaon-bakery/rice-bread", "gaon-bakery/rice-brad")
    assert only_error(network) == (
        "content/bundles/starter.yml:4:15: 'gaon-bakery/rice-brad' 제품을 찾을 수 없습니다. "
        "혹시 'gaon-bakery/rice-bread'인가요? — 기업 폴더 이름/제품 id를 확인하세요"
    )


def test_every_error_is_reported_in_one_run(network):
    replace_in(entry(network, "gaon-bakery"), "price: 6000", "price: 비쌈")
    replace_in(entry(network, "gaon-bakery"), "category: bread", "category: cake")
    replace_in(entry(network, "haneul-clean"), "org_type: social-enterprise", "org_type: x")
    found = problems(network)
    assert len(found) == 3
    assert {f.split(":")[0] for f in found} == {GAON, "content/enterprises/haneul-clean/enterprise.yml"}


def test_expired_certificate_warns_and_removes_eligibility(network):
    replace_in(entry(network, "haneul-clean"), "number: 테스트-1}", "number: 테스트-1, expires: 2020-01-01}")
    catalog = load_project(Settings(network))
    warning = [str(w) for w in catalog.report.warnings]
    assert any("사회적기업 인증의 유효기간이 지났습니다 (2020-01-01)" in w for w in warning)
    clean = next(e for e in catalog.enterprises if e.slug == "haneul-clean")
    assert not clean.eligibility.eligible


def test_non_ascii_slug_folder(network):
    (network / "content/enterprises/gaon-bakery").rename(network / "content/enterprises/가온")
    assert "폴더 이름 '가온'은 주소로 쓸 수 없습니다" in " ".join(problems(network))


def test_small_photo_warns_for_print(network):
    draw_photo(network / "content/enterprises/gaon-bakery/bread.jpg", size=(600, 450))
    assert any("인쇄에 부족합니다 (600픽셀" in w for w in problems(network))


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("email: gaon@example.net", "email: 'gaon at example'", "email: 형식이 맞지 않습니다"),
        ("social_purpose: jobs", "social_purpose: 일자리", "social_purpose: 허용되지 않는 값입니다"),
    ],
)
def test_format_errors(network, field, value, message):
    replace_in(entry(network, "gaon-bakery"), field, value)
    assert message in only_error(network)


def test_too_long_text_says_characters(network):
    replace_in(entry(network, "gaon-bakery"), "keywords: [토스트]", "keywords: [" + "가" * 41 + "]")
    assert "1번째 제품 '우리쌀식빵'의 검색어 (products[0].keywords[0]): 너무 깁니다 (최대 40자)" in only_error(network)


def test_print_editions_name_the_catalogs_own_categories_and_org_types(network):
    config = network / "catalog/print.yml"
    config.write_text(
        "editions:\n"
        "  - {id: bread, title: 빵 카탈로그, categories: [bread]}\n"
        "  - {id: cleaning, title: 청소, categories: [cleaning], org_types: [social-enterprise]}\n",
        "utf-8",
    )
    assert content_errors(network) == []
    config.write_text(
        "editions:\n  - {id: bread, title: 빵, categories: [bred]}\n  - {id: bread, title: 다시, org_types: [coop]}\n",
        "utf-8",
    )
    found = content_errors(network)
    assert any(
        e.startswith("catalog/print.yml:2:") and "알 수 없는 분류 'bred'" in e and "bread" in e for e in found
    ), found
    assert any(e.startswith("catalog/print.yml:3:") and "알 수 없는 조직 유형 'coop'" in e for e in found), found
    config.write_text("editions:\n  - {id: bread, title: 빵}\n  - {id: bread, title: 다시}\n", "utf-8")
    assert any("인쇄판 id 'bread'가 두 번 나옵니다" in e for e in content_errors(network))


def test_a_print_edition_takes_its_categories_org_types_and_regions(network):
    from secatalog.read.project import load_project
    from secatalog.settings import Settings

    replace_in(
        entry(network, "haneul-clean"),
        "org_type: social-enterprise",
        "org_type: social-enterprise\naddress: 가상군 바다읍 1",
    )
    catalog = load_project(Settings(network))

    def uids(part):
        return sorted(i.uid for i in part.items)

    assert uids(catalog.part(categories=["services"])) == ["haneul-clean/moving-help", "haneul-clean/office-cleaning"]
    assert uids(catalog.part(categories=["cleaning"])) == ["haneul-clean/office-cleaning"]  # a sub-category
    assert uids(catalog.part(org_types=["cooperative"])) == ["gaon-bakery/rice-bread"]
    assert uids(catalog.part(regions=["바다읍"])) == ["haneul-clean/moving-help", "haneul-clean/office-cleaning"]
    bread, services = catalog.part(categories=["bread"]), catalog.part(categories=["services"])
    assert [e.slug for e in bread.enterprises] == ["gaon-bakery"] and [e.slug for e in services.enterprises] == [
        "haneul-clean"
    ]
    assert [b.slug for b in bread.bundles] == [
        "starter"
    ] and not services.bundles  # a bundle goes where all its items are
