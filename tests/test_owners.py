"""The ownership rule, tried against real git history: a base repository and PR branches.

Each attack is a branch made the way an attacker would make it; `secatalog owners` runs in
that checkout, reads the change list from git and the rights from the base revision.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import entry, make_network, replace_in
from secatalog.cli.app import app
from secatalog.desk.owners import DELETED_ENTRY, GENERATED, OUTSIDE, codeowners, maintainers_in

GAON = "content/enterprises/gaon-bakery"
HANEUL = "content/enterprises/haneul-clean"


def git(root: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=root,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


@pytest.fixture(scope="module")
def base_repo(tmp_path_factory) -> Path:
    """The fixture network with maintainers and a secretariat, committed as 'main'."""
    root = make_network(tmp_path_factory.mktemp("owners") / "net")
    for path, handle in ((entry(root, "gaon-bakery"), "gaon-owner"), (entry(root, "haneul-clean"), "haneul-owner")):
        path.write_text(path.read_text("utf-8") + f"maintainers: [{handle}]\n", "utf-8")
    catalog = root / "catalog/catalog.yml"
    catalog.write_text(catalog.read_text("utf-8") + "  secretariat: [staff]\n", "utf-8")
    verified = root / "catalog/verified.yml"  # a confirmation left behind by an entry that has gone
    verified.write_text(verified.read_text("utf-8") + "  old-coop:\n    name: 옛 협동조합\n", "utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "base")
    return root


@pytest.fixture
def repo(base_repo, tmp_path) -> Path:
    """A fresh clone on a PR branch: each test changes and commits what it likes."""
    clone = tmp_path / "pr"
    subprocess.run(["git", "clone", "-q", str(base_repo), str(clone)], check=True)
    git(clone, "checkout", "-q", "-b", "pr")
    return clone


def commit(repo: Path) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "pr", "--allow-empty")


def owners(repo: Path, author: str, base: str = "origin/main", fmt: str = "text"):
    return CliRunner().invoke(app, ["owners", "--base", base, "--author", author, "--format", fmt, "--root", str(repo)])


def refused(result) -> str:
    assert result.exit_code == 1, result.output
    return result.output


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text("utf-8") + text, "utf-8")


# --- what members may do ---------------------------------------------------------------------


def test_member_edits_own_entry_and_adds_a_korean_named_photo(repo):
    append(repo / GAON / "enterprise.yml", "# 수정\n")
    (repo / GAON / "쿠키상자.jpg").write_bytes((repo / GAON / "bread.jpg").read_bytes())
    commit(repo)
    result = owners(repo, "gaon-owner")
    assert result.exit_code == 0, result.output
    assert "소유권 확인 통과: 바뀐 파일 2개" in result.output


def test_member_removes_an_old_photo_of_its_own(repo):
    (repo / GAON / "bread.jpg").unlink()
    commit(repo)
    assert owners(repo, "GAON-OWNER").exit_code == 0


def test_new_member_folder_naming_its_author(repo):
    new_entry(repo, "new-coop", "name: 새 협동조합\nmaintainers: [newbie]\n")
    assert owners(repo, "newbie").exit_code == 0


def test_secretariat_may_change_anything(repo):
    append(repo / "catalog/procurement.yml", "# 개정\n")
    (repo / HANEUL / "enterprise.yml").unlink()
    commit(repo)
    assert owners(repo, "staff").exit_code == 0


# --- attacks ------------------------------------------------------------------------------------


def test_deleting_another_members_folder_is_refused(repo):
    git(repo, "rm", "-rq", HANEUL)
    commit(repo)
    out = refused(owners(repo, "gaon-owner"))
    assert f"{HANEUL}/enterprise.yml: 'haneul-clean' 항목은 관리자(haneul-owner)만 바꿀 수 있습니다" in out


def test_renaming_another_members_folder_to_a_new_slug_is_refused(repo):
    git(repo, "mv", HANEUL, "content/enterprises/haneul-new")
    text = (repo / "content/enterprises/haneul-new/enterprise.yml").read_text("utf-8")
    (repo / "content/enterprises/haneul-new/enterprise.yml").write_text(
        text.replace("[haneul-owner]", "[gaon-owner]"), "utf-8"
    )
    commit(repo)
    out = refused(owners(repo, "gaon-owner"))
    assert f"{HANEUL}/enterprise.yml: 'haneul-clean' 항목은 관리자(haneul-owner)만" in out, "the old side is seen"


def test_deleting_ones_own_entry_needs_the_secretariat(repo):
    git(repo, "rm", "-q", f"{GAON}/enterprise.yml")
    commit(repo)
    assert f"{GAON}/enterprise.yml: {DELETED_ENTRY}" in refused(owners(repo, "gaon-owner"))


def test_adding_oneself_to_another_entry_grants_nothing(repo):
    path = repo / HANEUL / "enterprise.yml"
    path.write_text(path.read_text("utf-8").replace("[haneul-owner]", "[haneul-owner, gaon-owner]"), "utf-8")
    commit(repo)
    assert "'haneul-clean' 항목은 관리자(haneul-owner)만" in refused(owners(repo, "gaon-owner"))


def new_entry(repo: Path, slug: str, text: str) -> None:
    folder = repo / "content/enterprises" / slug
    folder.mkdir()
    (folder / "enterprise.yml").write_text(text, "utf-8")
    commit(repo)


def test_new_folder_must_name_its_author(repo):
    new_entry(repo, "new-coop", "name: x\nmaintainers: [someone-else]\n")
    assert "새 항목 'new-coop'의 maintainers에 올린 사람(newbie)이 없습니다" in refused(owners(repo, "newbie"))


def test_a_new_folder_cannot_take_a_left_over_confirmation(repo):
    new_entry(repo, "old-coop", "name: 옛 협동조합\nmaintainers: [newbie]\n")
    assert "'old-coop'에는 사무국 확인 기록이 남아 있어 사무국만" in refused(owners(repo, "newbie"))


@pytest.mark.parametrize(
    "path",
    [
        "scripts/secatalog/desk/owners.py",
        "theme/partials/copyright.html",
        ".github/workflows/check.yml",
        "pyproject.toml",
        "mkdocs.yml",
        "catalog/verified.yml",
        "casebook/cases/x.md",
        "content/bundles/x.yml",
        f"{GAON}/.hidden/x.yml",
    ],
)
def test_files_outside_ones_folder_need_the_secretariat(repo, path):
    target = repo / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("return []\n", "utf-8")
    commit(repo)
    assert f"{path}: {OUTSIDE}" in refused(owners(repo, "gaon-owner"))


def test_a_committed_cache_is_refused_even_from_the_secretariat(repo):
    manifest = repo / ".cache/secatalog/photos/ab/abcd/manifest.json"
    manifest.parent.mkdir(parents=True)
    manifest.write_text('{"files": [[{}, "../../../../etc/passwd"]]}', "utf-8")
    commit(repo)
    assert f".cache/secatalog/photos/ab/abcd/manifest.json: {GENERATED}" in refused(owners(repo, "staff"))


def test_a_symlink_in_ones_own_folder_is_refused(repo):
    (repo / GAON / "link.jpg").symlink_to("/etc/passwd")
    commit(repo)
    assert "심볼릭 링크나 하위 모듈은 올릴 수 없습니다" in refused(owners(repo, "gaon-owner"))


def test_nfd_file_name_is_refused(repo):
    (repo / GAON / "\u1109\u1161\u110c\u1175\u11ab.jpg").write_bytes(b"x")
    commit(repo)
    assert "NFD(맥 방식)" in refused(owners(repo, "gaon-owner"))


def test_secretariat_list_comes_from_the_base(repo):
    path = repo / "catalog/catalog.yml"
    path.write_text(path.read_text("utf-8").replace("[staff]", "[staff, gaon-owner]"), "utf-8")
    commit(repo)
    assert f"catalog/catalog.yml: {OUTSIDE}" in refused(owners(repo, "gaon-owner"))


def test_unresolvable_base_fails_closed(repo):
    append(repo / GAON / "enterprise.yml", "# 수정\n")
    commit(repo)
    result = owners(repo, "gaon-owner", base="origin/no-such-branch")
    assert result.exit_code == 2
    assert "기준 리비전 'origin/no-such-branch'를 찾을 수 없어 확인할 수 없습니다" in result.output


def test_annotations_escape_forged_file_names(repo):
    name = "x\n::notice title=approved::사무국 승인,ok.yml"
    (repo / HANEUL / name).write_text("x", "utf-8")
    commit(repo)
    out = refused(owners(repo, "gaon-owner", fmt="github"))
    lines = [line for line in out.splitlines() if line.startswith("::")]
    assert len(lines) == 1 and not any(line.startswith("::notice") for line in out.splitlines())
    assert lines[0].startswith(
        "::error file=content/enterprises/haneul-clean/x%0A%3A%3Anotice title=approved%3A%3A사무국 승인%2Cok.yml::"
    )


def test_codeowners_text():
    text = codeowners({"gaon-bakery": ["gaon-owner"]}, ["staff", "staff2"])
    assert text.splitlines()[1] == "* @staff @staff2"
    assert "/content/enterprises/gaon-bakery/ @gaon-owner @staff @staff2" in text


def test_maintainers_read_leniently():
    assert maintainers_in("maintainers: [a, b]\n") == ["a", "b"]
    assert maintainers_in("maintainers: x\n") == [] and maintainers_in(": : :") == []


# --- the reviewer's list ----------------------------------------------------------------------


def test_every_changed_file_is_listed_with_its_verdict_and_reason(repo):
    append(repo / GAON / "enterprise.yml", "# 수정\n")
    (repo / GAON / "bread.jpg").unlink()
    append(repo / "mkdocs.yml", "# x\n")
    commit(repo)
    out = refused(owners(repo, "gaon-owner"))
    assert f"수락 [수정] {GAON}/enterprise.yml: 'gaon-bakery' 항목의 관리자(gaon-owner)가 바꾼 파일\n" in out
    assert f"수락 [삭제] {GAON}/bread.jpg: 'gaon-bakery' 항목의 관리자(gaon-owner)가 바꾼 파일\n" in out
    assert f"거절 [수정] mkdocs.yml: {OUTSIDE}\n" in out
    assert "바뀐 파일 3개 가운데 1개는 이 PR에서 바꿀 수 없습니다" in out
    new_entry(repo, "new-coop", "name: 새 협동조합\nmaintainers: [gaon-owner]\n")
    assert (
        "수락 [추가] content/enterprises/new-coop/enterprise.yml: 새 항목 'new-coop': maintainers에"
        in owners(repo, "gaon-owner").output
    )
    assert "수락 [수정] mkdocs.yml: 사무국이 바꾼 파일" in owners(repo, "staff").output


def test_a_forged_file_name_is_listed_on_one_line(repo):
    (repo / HANEUL / "x\n::notice::ok.yml").write_text("x", "utf-8")
    commit(repo)
    out = refused(owners(repo, "gaon-owner"))
    assert f"거절 [추가] {HANEUL}/x\\n::notice::ok.yml: 'haneul-clean' 항목은" in out
    assert not any(line.startswith("::") for line in out.splitlines())


def pr_summary(repo: Path, author: str, *options: str):
    return CliRunner().invoke(
        app, ["verify", "pr", "--base", "origin/main", "--author", author, "--root", str(repo), *options]
    )


def test_pr_summary_shows_changed_fields_verdicts_and_the_preview(repo):
    path = repo / GAON / "enterprise.yml"
    path.write_text(
        path.read_text("utf-8").replace("price: 6000", "price: 6500").replace("우리밀 빵", "우리밀 | <b>빵</b>"),
        "utf-8",
    )
    append(repo / "mkdocs.yml", "# x\n")
    commit(repo)
    result = pr_summary(repo, "gaon-owner", "--preview", "https://github.com/o/r/actions/runs/1#artifacts")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "미리보기: [이 실행의 미리보기 사이트 받기](https://github.com/o/r/actions/runs/1#artifacts)" in out
    assert "### 바뀐 파일 2개 (거절 1개)" in out
    assert f"| 수락 | {GAON}/enterprise.yml | 수정 | 'gaon-bakery' 항목의 관리자(gaon-owner)가 바꾼 파일 |" in out
    assert "| 거절 | mkdocs.yml | 수정 | 기업 폴더(content/enterprises/<기업>/) 밖의 파일은" not in out
    assert "| 거절 | mkdocs.yml | 수정 | 기업 폴더(content/enterprises/&lt;기업&gt;/) 밖의 파일은" in out
    assert "### 가온베이커리 (예시) (gaon-bakery) — 항목 수정" in out
    assert "| products\\[rice-bread\\].price | 제품 'rice-bread'의 가격 | 6000 | 6500 |" in out
    assert "| mission | " in out and "우리밀 \\| &lt;b&gt;빵&lt;/b&gt;을 굽는 협동조합 |" in out


def test_pr_summary_flags_a_confirmed_fact(repo):
    replace_in(repo / HANEUL / "enterprise.yml", "number: 테스트-1}", "number: 테스트-2}")
    commit(repo)
    out = pr_summary(repo, "haneul-owner").stdout
    assert "**사무국 확인 기록이 있는 사실이 바뀌었습니다 (certifications)**" in out
    assert "| certifications\\[1\\].number | 기업 인증·지정 | 테스트-1 | 테스트-2 |" in out
    assert "미리보기: 이 실행의 Artifacts에서 미리보기 사이트를 받으세요." in out
    bad = pr_summary(repo, "haneul-owner", "--preview", "javascript:alert(1)")
    assert bad.exit_code == 2


def test_pr_summary_shows_the_secretariats_confirmation_changes(repo):
    replace_in(repo / "catalog/verified.yml", "checked: 2025-02-20", "checked: 2025-03-02")
    commit(repo)
    out = pr_summary(repo, "staff").stdout
    assert "| 수락 | catalog/verified.yml | 수정 | 사무국이 바꾼 파일 |" in out
    assert "### 사무국 확인 기록 (catalog/verified.yml)\n\n| 항목 | 전 | 후 |\n|---|---|---|\n" in out
    assert "| haneul-clean.checked | 2025-02-20 | 2025-03-02 |" in out


def test_a_large_confirmation_file_still_guards_its_folders(base_repo, tmp_path):
    """A confirmation file past an entry's size limit is still read: its folders stay the secretariat's."""
    clone = tmp_path / "big"
    subprocess.run(["git", "clone", "-q", str(base_repo), str(clone)], check=True)
    append(clone / "catalog/verified.yml", "# 메모 가나다라마바사아자차카타파하\n" * 20_000)
    commit(clone)
    git(clone, "branch", "-q", "big-base")
    git(clone, "checkout", "-q", "-b", "pr")
    new_entry(clone, "old-coop", "name: 옛 협동조합\nmaintainers: [newbie]\n")
    result = owners(clone, "newbie", base="big-base")
    assert "'old-coop'에는 사무국 확인 기록이 남아 있어 사무국만" in refused(result)
