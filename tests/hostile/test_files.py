"""Hostile files and paths: symlinks, normalization and case collisions, path tricks, build safety."""

from __future__ import annotations

import os
import unicodedata

import pytest

from helpers import content_errors, draw_photo, entry, replace_in
from secatalog.build import recipe as build
from secatalog.settings import Settings


def test_symlinked_entry_file_is_refused(network):
    target = entry(network, "gaon-bakery")
    target.unlink()
    target.symlink_to("/etc/passwd")
    found = content_errors(network)
    assert any(
        e.startswith("content/enterprises/gaon-bakery/enterprise.yml: 심볼릭 링크는 쓸 수 없습니다") for e in found
    ), found
    assert not any("root:" in e for e in found), "the link target must never be read"


def test_symlinked_photo_is_refused(network):
    photo = network / "content/enterprises/gaon-bakery/bread.jpg"
    outside = draw_photo(network / "outside.jpg")
    photo.unlink()
    photo.symlink_to(outside)
    found = content_errors(network)
    assert "content/enterprises/gaon-bakery/bread.jpg: 심볼릭 링크는 쓸 수 없습니다" in " ".join(found)
    assert "'bread.jpg'는 폴더 밖을 가리킵니다" in " ".join(found)


def test_symlinked_enterprise_folder_is_refused(network, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    (network / "content/enterprises/gaon-bakery").rename(elsewhere)
    (network / "content/enterprises/gaon-bakery").symlink_to(elsewhere)
    assert any("심볼릭 링크는 쓸 수 없습니다" in e for e in content_errors(network))


def test_nfd_file_names_are_refused(network):
    name = unicodedata.normalize("NFD", "사진.jpg")
    draw_photo(network / "content/enterprises/gaon-bakery" / name)
    found = content_errors(network)
    assert any("NFD(맥 방식) 한글입니다" in e for e in found), found


def test_names_that_collide_after_case_folding(network):
    draw_photo(network / "content/enterprises/gaon-bakery/Bread.jpg")
    assert any("이름이 사실상 같습니다" in e for e in content_errors(network))


@pytest.mark.parametrize(
    "value",
    ["/etc/passwd", "../../../etc/passwd", "a/../../x.jpg", "C:\\\\x.jpg", "~/x.jpg", "a\\u0000.jpg", "./x.jpg"],
)
def test_path_tricks_in_photo_fields(network, value):
    replace_in(entry(network, "gaon-bakery"), "file: bread.jpg", f'file: "{value}"')
    found = content_errors(network)
    assert len(found) == 1 and ("같은 폴더 안의 파일 이름만" in found[0] or "제어 문자" in found[0]), found


@pytest.mark.slow
def test_failed_late_step_leaves_output_and_no_staging(network, monkeypatch):
    out = network / "site"
    build.run(Settings(network), out, with_print=False)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    from secatalog.data import export

    monkeypatch.setattr(export, "write_all", broken)
    with pytest.raises(RuntimeError):
        build.run(Settings(network), out, with_print=False, force=True)  # nothing changed: forced
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert [p.name for p in network.iterdir() if p.name.startswith(".site")] == []


@pytest.mark.slow
def test_stale_staging_from_a_killed_build_is_cleaned(network):
    stale = network / ".site.building-999999999"
    (stale / "half").mkdir(parents=True)
    build.run(Settings(network), network / "site", with_print=False)
    assert not stale.exists()
    assert os.path.isfile(network / "site/index.html")


def test_two_entries_claiming_the_same_slug(network):
    import shutil

    shutil.copytree(network / "content/enterprises/gaon-bakery", network / "content/enterprises/Gaon-bakery")
    found = " ".join(content_errors(network))
    assert "이름이 사실상 같습니다" in found and "폴더 이름 'Gaon-bakery'는 주소로 쓸 수 없습니다" in found


def test_upload_limits_come_from_the_catalog(network):
    catalog = network / "catalog/catalog.yml"
    catalog.write_text(catalog.read_text("utf-8") + "limits: {max_photo_mb: 1, max_megapixels: 1}\n", "utf-8")
    draw_photo(network / "content/enterprises/gaon-bakery/bread.jpg", size=(1300, 975))  # 1.27 M pixels
    found = " ".join(content_errors(network))
    assert "화소 수가 너무 많습니다 (최대 1,000,000화소)" in found
    import os

    from PIL import Image

    noisy = Image.frombytes("RGB", (900, 700), os.urandom(900 * 700 * 3))
    noisy.save(network / "content/enterprises/gaon-bakery/bread.jpg", quality=100)
    assert "파일이 너무 큽니다" in " ".join(content_errors(network))
