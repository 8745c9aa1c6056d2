"""The ownership rule for members' pull requests, and the generated CODEOWNERS."""

from __future__ import annotations

import pytest

from secatalog.owners import check_changes, codeowners, maintainers_in

BASE = {"gaon-bakery": ["gaon-owner"], "haneul-clean": ["haneul-owner"]}


@pytest.mark.parametrize("author, paths, proposed, refused", [
    ("gaon-owner", ["content/enterprises/gaon-bakery/enterprise.yml", "content/enterprises/gaon-bakery/new.jpg"],
     {}, []),
    ("GAON-OWNER", ["content/enterprises/gaon-bakery/enterprise.yml"], {}, []),
    ("gaon-owner", ["content/enterprises/haneul-clean/enterprise.yml"], {}, ["haneul-clean"]),
    ("gaon-owner", ["catalog/procurement.yml"], {}, ["밖의 파일은 사무국만"]),
    ("gaon-owner", [".github/workflows/check.yml"], {}, ["밖의 파일은 사무국만"]),
    ("newbie", ["content/enterprises/new-coop/enterprise.yml"], {"new-coop": ["newbie"]}, []),
    ("newbie", ["content/enterprises/new-coop/enterprise.yml"], {"new-coop": ["someone-else"]}, ["new-coop"]),
    # adding yourself to another member's entry grants nothing: maintainers come from the base
    ("intruder", ["content/enterprises/gaon-bakery/enterprise.yml"], {"gaon-bakery": ["intruder"]}, ["gaon-bakery"]),
    ("staff", ["catalog/procurement.yml", "content/enterprises/haneul-clean/enterprise.yml"], {}, []),
    ("gaon-owner", ["content/enterprises/gaon-bakery/../haneul-clean/enterprise.yml"], {}, ["경로가 올바르지"]),
    ("gaon-owner", ["content/enterprises/gaon-bakery/\u1109\u1161\u110c\u1175\u11ab.jpg"], {}, ["NFD"]),
])
def test_ownership_rule(author, paths, proposed, refused):
    found = check_changes(paths, author, BASE, proposed, ["staff"])
    assert len(found) == len(refused)
    for refusal, expected in zip(found, refused, strict=True):
        assert expected in refusal.message


def test_codeowners_text():
    text = codeowners(BASE, ["staff", "staff2"])
    assert text.splitlines()[1] == "* @staff @staff2"
    assert "/content/enterprises/gaon-bakery/ @gaon-owner @staff @staff2" in text


def test_maintainers_read_leniently():
    assert maintainers_in("maintainers: [a, b]\n") == ["a", "b"]
    assert maintainers_in("maintainers: x\n") == [] and maintainers_in(": : :") == []
