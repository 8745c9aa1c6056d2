"""Photos: refused before decoding when hostile, upright and metadata-free when accepted."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from helpers import draw_photo
from secatalog.images import PRINT_WIDTH, ImageProblem, derive, inspect, plan, scaled
from secatalog.read.photos import process


def test_scaled_never_upsamples():
    assert scaled(400, 300, 960) == (400, 300)
    assert scaled(2000, 1500, 960) == (960, 720)


def test_plan_has_web_pairs_and_one_print_file():
    roles = [(d.role, d.fmt, d.width) for d in plan(2000, 1500)]
    assert roles == [
        ("web", "WEBP", 480),
        ("web", "JPEG", 480),
        ("web", "WEBP", 960),
        ("web", "JPEG", 960),
        ("print", "JPEG", PRINT_WIDTH),
    ]


def _exif_photo(path: Path) -> Path:
    """A 1200×600 landscape photo stored with orientation 6 (rotate 90°) and a GPS tag."""
    im = Image.new("RGB", (1200, 600), (200, 30, 30))
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x8825] = {1: "N", 2: (37.0, 30.0, 0.0)}
    im.save(path, "JPEG", exif=exif.tobytes())
    return path


def test_orientation_applied_and_metadata_removed(tmp_path):
    src = _exif_photo(tmp_path / "turned.jpg")
    results = derive(src, tmp_path / "out")
    for _derivative, path in results:
        with Image.open(path) as im:
            assert im.height > im.width, "output must be upright (portrait)"
            assert not im.getexif(), f"{path.name} still carries EXIF"
            assert "exif" not in im.info and "icc_profile" not in im.info
        assert b"GPS" not in path.read_bytes()


@pytest.mark.parametrize("mode", ["CMYK", "I;16", "P", "LA", "RGBA"])
def test_unusual_modes_become_rgb(tmp_path, mode):
    src = tmp_path / "odd.png" if mode != "CMYK" else tmp_path / "odd.jpg"
    Image.new(mode, (700, 500)).save(src)
    for _, path in derive(src, tmp_path / "out"):
        with Image.open(path) as im:
            assert im.mode == "RGB"


def test_animated_webp_uses_first_frame(tmp_path):
    frames = [Image.new("RGB", (600, 400), c) for c in ((255, 0, 0), (0, 0, 255))]
    src = tmp_path / "anim.webp"
    frames[0].save(src, "WEBP", save_all=True, append_images=frames[1:], duration=100)
    _, first = derive(src, tmp_path / "out")[0]
    with Image.open(first) as im:
        assert im.convert("RGB").getpixel((10, 10))[0] > 200


def test_decompression_bomb_refused_from_header(tmp_path):
    src = tmp_path / "bomb.png"
    Image.new("1", (10000, 10000)).save(src)  # tiny file, 100 M pixels
    assert src.stat().st_size < 200_000
    with pytest.raises(ImageProblem, match="화소 수가 너무 많습니다"):
        inspect(src, max_pixels=40_000_000)


def test_a_bomb_under_the_pixel_cap_is_refused_by_pixels_per_byte(tmp_path):
    src = tmp_path / "bomb.png"
    Image.new("1", (8000, 6000)).save(src)  # 48 M pixels in a few kilobytes
    with pytest.raises(ImageProblem, match="파일 크기에 비해 화소 수가 비정상적으로 많습니다 \\(8000x6000\\)"):
        inspect(src)


def test_a_48_megapixel_phone_photo_is_accepted(tmp_path):
    import os

    src = tmp_path / "phone.jpg"
    noise = Image.frombytes("L", (1008, 756), os.urandom(1008 * 756)).resize((8064, 6048))
    noise.convert("RGB").save(src, quality=80)  # textured like a photo: about a megabyte or more
    assert inspect(src).width == 8064
    largest = max(d.width for d, _ in derive(src, tmp_path / "out"))
    assert largest == PRINT_WIDTH


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("a.jpg", b"\x00\x00\x00\x18ftypheic" + b"\x00" * 64, "HEIC"),
        ("a.jpg", b"<svg xmlns='http://www.w3.org/2000/svg'></svg>", "SVG"),
        ("a.jpg", b"GIF89a" + b"\x00" * 64, "GIF"),
        ("a.jpg", b"hello, not an image", "사진 파일로 읽을 수 없습니다"),
    ],
)
def test_refused_formats(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ImageProblem, match=message):
        inspect(path)


def test_png_named_jpg_is_refused(tmp_path):
    path = draw_photo(tmp_path / "photo.jpg", fmt="PNG")
    with pytest.raises(ImageProblem, match=r"확장자\(\.jpg\)와 실제 형식\(PNG\)"):
        inspect(path)


def test_truncated_jpeg_fails_to_decode(tmp_path):
    import weasyprint  # noqa: F401  (it sets Pillow's LOAD_TRUNCATED_IMAGES on import)

    good = draw_photo(tmp_path / "good.jpg")
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(good.read_bytes()[:2000])
    inspect(bad)  # the header is fine ...
    with pytest.raises(OSError):
        derive(bad, tmp_path / "out")  # ... the build refuses the pixels


def test_cache_skips_unchanged_photos(tmp_path):
    photos = [draw_photo(tmp_path / f"p{i}.jpg", (i * 40, 100, 100)) for i in range(3)]
    first = process(photos, tmp_path / "cache", 40_000_000, workers=2)
    assert first.encoded == 3 and not first.failed
    again = process(photos, tmp_path / "cache", 40_000_000, workers=2)
    assert again.encoded == 0 and again.photos.keys() == first.photos.keys()
    draw_photo(photos[0], (10, 10, 10))
    assert process(photos, tmp_path / "cache", 40_000_000, workers=2).encoded == 1


def test_poisoned_cache_manifest_is_a_miss(tmp_path):
    photo = draw_photo(tmp_path / "p.jpg")
    first = process([photo], tmp_path / "cache", 40_000_000, workers=1).photos[photo]
    manifest = Path(first.files[0][1]).parent / "manifest.json"
    manifest.write_text(
        '{"version": 1, "files": [[{"width": 480, "height": 360, "fmt": "JPEG", "role": "web"}, '
        '"../../../../etc/passwd"]]}',
        "utf-8",
    )
    again = process([photo], tmp_path / "cache", 40_000_000, workers=1)
    assert again.encoded == 1, "a manifest naming anything but our own files is not trusted"
    assert all(Path(p).parent == manifest.parent and Path(p).name != "passwd" for _, p in again.photos[photo].files)


@pytest.mark.parametrize("run", ["process", "verify"])
def test_problems_come_back_from_worker_processes(tmp_path, run):
    import secatalog.read.photos as photos

    broken = []
    for n in range(3):
        good = draw_photo(tmp_path / f"good{n}.jpg", (n * 60, 90, 90))
        bad = tmp_path / f"bad{n}.jpg"
        bad.write_bytes(good.read_bytes()[:2500])
        broken.append(bad)
    found = getattr(photos, run)(broken, tmp_path / "cache", 40_000_000, workers=2)
    failed = found.failed if run == "process" else found
    assert sorted(p.name for p in failed) == ["bad0.jpg", "bad1.jpg", "bad2.jpg"]
    assert {p.message for p in failed.values()} == {"사진 파일을 끝까지 읽을 수 없습니다 (파일이 잘렸거나 깨졌습니다)"}
