"""Content attacks from a pull request: `check` refuses each one at its file and line, `build`
refuses it without a traceback, and the site built before stays exactly as it was."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from PIL import Image

from helpers import build_site, draw_photo, entry, make_network, replace_in, run_cli, shared_build
from secatalog.markup import MarkdownProblem, render_markdown

pytestmark = pytest.mark.slow
GAON = "content/enterprises/gaon-bakery/enterprise.yml"
HANEUL = "content/enterprises/haneul-clean/enterprise.yml"


@pytest.fixture(scope="session")
def previous() -> tuple[Path, dict[str, str]]:
    """A site built from the valid network, and the hash of each of its files."""
    out = shared_build(
        "previous", lambda folder: build_site(make_network(folder / "net"), folder / "out", "--skip-print")
    )
    return out, _snapshot(out)


def _snapshot(out: Path) -> dict[str, str]:
    return {str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest() for p in out.rglob("*") if p.is_file()}


def _copy_entry(root: Path, slug: str, new_slug: str, *replacements: tuple[str, str]) -> Path:
    folder = root / "content/enterprises" / new_slug
    shutil.copytree(root / "content/enterprises" / slug, folder)
    for old, new in replacements:
        replace_in(folder / "enterprise.yml", old, new)
    return folder


def reserved_slug(root: Path) -> str:
    _copy_entry(root, "gaon-bakery", "search", ("가온베이커리", "검색베이커리"))
    return "오류 content/enterprises/search: 폴더 이름 'search'는 사이트가 이미 쓰는 이름이라 쓸 수 없습니다"


def duplicate_business_number(root: Path) -> str:
    replace_in(entry(root, "haneul-clean"), "email:", "business_number: 123-45-67890\nemail:")
    _copy_entry(root, "haneul-clean", "haneul-copy", ("하늘청소", "하늘청소 본점"))
    return (
        f"오류 content/enterprises/haneul-copy/enterprise.yml:5:18: 사업자등록번호 '123-45-67890'이 {HANEUL}과 같습니다"
    )


def duplicate_name(root: Path) -> str:
    _copy_entry(root, "haneul-clean", "haneul-copy")
    return f"오류 content/enterprises/haneul-copy/enterprise.yml:1:7: 기업 이름 '하늘청소 (예시)'가 {HANEUL}과 같습니다"


def nested_markdown(root: Path) -> str:
    replace_in(entry(root, "gaon-bakery"), "description: 아침마다 굽는 식빵", 'description: "' + "- " * 1200 + 'x"')
    return f"오류 {GAON}:12:18: 1번째 제품 '우리쌀식빵'의 설명 (products[0].description): 목록이나 인용이 너무 깊게 겹쳐 있습니다 (1200단계, 최대 10단계)"


def bracket_storm(root: Path) -> str:
    replace_in(entry(root, "gaon-bakery"), "description: 아침마다 굽는 식빵", 'description: "' + "[" * 4990 + '"')
    return f"오류 {GAON}:12:18: 1번째 제품 '우리쌀식빵'의 설명 (products[0].description): 대괄호([)가 너무 많습니다 (4990개, 최대 300개)"


def carriage_return(root: Path) -> str:
    replace_in(
        entry(root, "gaon-bakery"),
        "mission: 우리밀 빵을 굽는 협동조합",
        'mission: "좋은 빵\\r::notice title=승인::사무국 승인"',
    )
    return f"오류 {GAON}:3:10: mission: 줄바꿈이 들어 있습니다"


def html_named_pdf(root: Path) -> str:
    (root / "content/enterprises/haneul-clean/cert.pdf").write_text("<html><script>alert(1)</script></html>")
    replace_in(entry(root, "haneul-clean"), "number: 테스트-1}", "number: 테스트-1, file: cert.pdf}")
    return f"오류 {HANEUL}:7:52: 인증서 파일 'cert.pdf': PDF 파일이 아닙니다 (이름만 .pdf입니다)"


def truncated_photo(root: Path) -> str:
    photo = root / "content/enterprises/gaon-bakery/bread.jpg"
    photo.write_bytes(photo.read_bytes()[:3000])
    return f"오류 {GAON}:14:16: 'bread.jpg': 사진 파일을 끝까지 읽을 수 없습니다 (파일이 잘렸거나 깨졌습니다)"


def poisoned_cache(root: Path) -> str:
    manifest = root / ".cache/secatalog/photos/ab/abcd/manifest.json"
    manifest.parent.mkdir(parents=True)
    manifest.write_text(
        '{"version": 1, "files": [[{"width": 1, "height": 1, "fmt": "JPEG", "role": "web"}, '
        '"../../../../../../etc/passwd"]]}',
        "utf-8",
    )
    return "오류 .cache/secatalog: 프로젝트 안에 빌드 캐시 폴더가 있습니다"


def deep_yaml(root: Path) -> str:
    path = entry(root, "gaon-bakery")
    path.write_text(path.read_text("utf-8") + "history: " + "[" * 400 + "]" * 400 + "\n", "utf-8")
    return f"오류 {GAON}:19:49: 목록이나 항목이 너무 깊게 겹쳐 있습니다 (최대 40단계)"


def invisible_name(root: Path) -> str:
    _copy_entry(root, "haneul-clean", "haneul-copy", ("하늘청소", "하늘\u200b청소"))
    return "오류 content/enterprises/haneul-copy/enterprise.yml:1:7: name: 보이지 않는 문자(폭 없는 공백 등)가 들어 있습니다"


def enterprise_status_on_a_product(root: Path) -> str:
    replace_in(
        entry(root, "gaon-bakery"),
        "    price: 6000",
        "    certifications: [{type: social-enterprise, number: FAKE-9}]\n    price: 6000",
    )
    replace_in(
        root / "catalog/certifications.yml",
        "{id: social-enterprise, name: 사회적기업 인증}",
        "{id: social-enterprise, name: 사회적기업 인증, applies_to: enterprise}",
    )
    return f"오류 {GAON}:15:29: '사회적기업 인증'은 기업 인증이라 제품에 쓸 수 없습니다"


ATTACKS = [
    reserved_slug,
    deep_yaml,
    invisible_name,
    enterprise_status_on_a_product,
    duplicate_business_number,
    duplicate_name,
    nested_markdown,
    bracket_storm,
    carriage_return,
    html_named_pdf,
    truncated_photo,
    poisoned_cache,
]


@pytest.mark.parametrize("attack", ATTACKS, ids=lambda f: f.__name__)
def test_check_and_build_refuse_and_keep_the_previous_site(attack, tmp_path, previous):
    root = make_network(tmp_path / "net")
    expected = attack(root)
    checked = run_cli("check", cwd=root)
    assert checked.returncode == 1, checked.stderr
    assert expected in checked.stderr, checked.stderr
    out, before = previous
    built = run_cli("build", "--skip-print", "--out", str(out), cwd=root)
    assert built.returncode == 1
    assert "Traceback" not in built.stderr + built.stdout
    assert expected in built.stderr, "build refuses what check refuses, in the same words"
    assert _snapshot(out) == before


def test_github_annotations_cannot_be_forged_by_a_field(tmp_path):
    root = make_network(tmp_path / "net")
    carriage_return(root)
    result = run_cli("check", "--format", "github", cwd=root)
    assert result.returncode == 1
    assert not [line for line in result.stdout.splitlines() if not line.startswith("::error ")]
    assert "%0D" in result.stdout or "줄바꿈이 들어 있습니다" in result.stdout


def test_a_failed_render_leaves_later_renders_working():
    with pytest.raises(MarkdownProblem):
        render_markdown("- " * 1200 + "x")  # past the recursion limit when not stopped by check
    assert str(render_markdown("- 하나\n- 둘")) == "<ul>\n<li>하나</li>\n<li>둘</li>\n</ul>"


def test_certificate_images_are_published_without_gps(tmp_path):
    root = make_network(tmp_path / "net")
    cert = root / "content/enterprises/haneul-clean/cert.jpg"
    exif = Image.Exif()
    exif[0x8825] = {2: (36.0, 30.0, 0.0), 4: (127.0, 0.0, 0.0)}  # GPS latitude and longitude
    draw_photo(cert, exif=exif.tobytes())
    assert Image.open(cert).getexif().get_ifd(0x8825), "the upload carries GPS"
    replace_in(entry(root, "haneul-clean"), "number: 테스트-1}", "number: 테스트-1, file: cert.jpg}")
    out = build_site(root, tmp_path / "site", "--skip-print")
    published = out / "assets/certs/haneul-clean/cert.jpg"
    with Image.open(published) as im:
        assert not im.getexif() and "exif" not in im.info
    html = (out / "items/haneul-clean/office-cleaning/index.html").read_text("utf-8")
    assert 'href="../../../assets/certs/haneul-clean/cert.jpg"' in html
