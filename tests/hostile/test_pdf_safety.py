"""WeasyPrint never reads outside our files or the network; a runaway chunk is stopped and named."""

from __future__ import annotations

from pathlib import Path

import pytest

from secatalog.errors import PrintError
from secatalog.pdf.fetcher import QR_MAX, RestrictedFetcher, qr_url
from secatalog.pdf.render import Job, render_all


@pytest.fixture
def allowed(tmp_path: Path) -> Path:
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / "ok.jpg").write_bytes(b"\xff\xd8\xff\xe0fake")
    return folder


def test_allowed_file_is_served(allowed):
    fetcher = RestrictedFetcher(allowed)
    response = fetcher.fetch("photo:ok.jpg")
    assert response.read().startswith(b"\xff\xd8") and fetcher.refused == []


def test_qr_codes_are_drawn_by_the_fetcher_and_long_texts_refused(allowed):
    import io

    import zxingcpp
    from PIL import Image

    fetcher = RestrictedFetcher(allowed)
    address = "https://catalog.example.org/items/가게/<b>&amp;/"
    image = Image.open(io.BytesIO(fetcher.fetch(qr_url(address)).read()))
    assert image.mode == "1" and [code.text for code in zxingcpp.read_barcodes(image.convert("L"))] == [address]
    with pytest.raises(ValueError):
        fetcher.fetch(qr_url("x" * (QR_MAX + 1)))
    assert fetcher.refused and fetcher.refused[0].startswith("qr:")


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "photo:/etc/passwd",
        "photo:",
        "photo:%2E%2E/cache/ok.jpg",
        "http://127.0.0.1/",
        "https://example.org/x.png",
        "http://169.254.169.254/latest/",
        "http://[::1]/",
        "ftp://example.org/x",
        "data:text/html,<script>alert(1)</script>",
        "file://otherhost/etc/passwd",
    ],
)
def test_everything_else_is_refused(allowed, url):
    fetcher = RestrictedFetcher(allowed)
    with pytest.raises(ValueError):
        fetcher.fetch(url)
    assert fetcher.refused == [url]


def test_dot_dot_and_symlinks_inside_the_allowed_folder_are_refused(allowed, tmp_path):
    fetcher = RestrictedFetcher(allowed)
    with pytest.raises(ValueError):
        fetcher.fetch("photo:../cache/ok.jpg")
    with pytest.raises(ValueError):
        fetcher.fetch((allowed / "ok.jpg").as_uri())  # even inside the folder: photo: URLs only
    (tmp_path / "secret.txt").write_text("secret")
    (allowed / "link.jpg").symlink_to(tmp_path / "secret.txt")
    with pytest.raises(ValueError):
        fetcher.fetch("photo:link.jpg")
    (allowed / "sub").symlink_to(tmp_path)
    with pytest.raises(ValueError):
        fetcher.fetch("photo:sub/secret.txt")


def test_weasyprint_never_fetches_hostile_references(tmp_path, allowed):
    html = (
        '<html><body><img src="file:///etc/passwd"><img src="http://127.0.0.1:9/x.png">'
        '<link rel="attachment" href="file:///etc/passwd"><a rel="attachment" href="file:///etc/hosts">a</a>'
        "<style>@font-face { font-family: x; src: url(file:///etc/passwd) } "
        "body { background: url(http://127.0.0.1:9/bg.png) }</style><p>본문</p></body></html>"
    )
    files, rendered, refused, _ = render_all([Job("hostile", html, 1, str(allowed))], tmp_path / "out", 1)
    assert rendered == 1
    assert any("etc/passwd" in url for url in refused) and any("127.0.0.1" in url for url in refused)
    data = files["hostile"].read_bytes()
    assert b"/EmbeddedFile" not in data and b"root:x:0" not in data


@pytest.mark.slow
def test_a_runaway_chunk_is_stopped_and_named(tmp_path):
    rows = "".join(f"<tr><td>{i}</td><td>긴 표</td></tr>" for i in range(40000))
    job = Job("먹을거리 부분", f"<table>{rows}</table>", 1, str(tmp_path))
    with pytest.raises(PrintError, match="'먹을거리 부분' 부분이 1초 안에 끝나지 않았습니다"):
        render_all([job], tmp_path / "out", 1, timeout=1)


@pytest.mark.slow
def test_memory_limit_names_the_chunk(tmp_path):
    rows = "".join(f"<p>{i} 단락</p>" for i in range(20000))
    job = Job("큰 부분", rows, 1, str(tmp_path))
    with pytest.raises(PrintError, match="'큰 부분' 부분을 만들다 멈췄습니다"):
        render_all([job], tmp_path / "out", 1, timeout=120, memory_mb=100)
