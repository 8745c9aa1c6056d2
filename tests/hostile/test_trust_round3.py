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
