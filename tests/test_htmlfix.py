"""The markup repairs are exact: they touch only what the checker rejects; compacted pages and
links keep what they must."""

from pathlib import Path
from urllib.parse import parse_qs

from secatalog.site.context import _mail_field
from secatalog.site.htmlfix import compact, repair, unbreakable


def test_repairs_only_the_invalid_attributes():
    html = (
        '<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">'
        '<input type="text" name="query" autocomplete="off">'
        '<label class="md-nav__link" for="x" tabindex="">a</label><label tabindex="0">b</label>'
    )
    fixed = repair(html)
    assert '<input class="md-toggle" type="checkbox" id="__drawer">' in fixed
    assert '<input type="text" name="query" autocomplete="off">' in fixed
    assert '<label class="md-nav__link" for="x">a</label><label tabindex="0">b</label>' in fixed


def test_indentation_goes_but_preformatted_text_form_text_and_scripts_keep_theirs():
    html = (
        "<ul>\n    <li>\n      가\n    </li>\n\n\n  </ul>"
        "<pre><code>a:\n    b: 1</code></pre><textarea>\n  줄</textarea><script>\n  let x = 1;\n</script>"
    )
    assert compact(html) == (
        "<ul>\n<li>\n가\n</li>\n</ul>"
        "<pre><code>a:\n    b: 1</code></pre><textarea>\n  줄</textarea><script>\n  let x = 1;\n</script>"
    )


def test_page_config_becomes_utf8_and_cannot_close_its_script():
    html = (
        '<script id="__config" type="application/json">{"base": "..", '
        '"translations": {"search.result.none": "\\ucc3e\\uc740 \\u003c/script\\u003e"}}</script>'
    )
    assert compact(html) == (
        '<script id="__config" type="application/json">{"base":"..",'
        '"translations":{"search.result.none":"찾은 \\u003c/script\\u003e"}}</script>'
    )


def test_quote_mail_fields_keep_korean_and_encode_what_would_break_the_link():
    field = _mail_field("도시락 & 떡 #2 100%+\n\u202e끝\u3000·")
    assert field == "도시락%20%26%20떡%20%232%20100%25%2B%0A%E2%80%AE끝\u3000·"
    assert parse_qs(f"body={field}")["body"] == ["도시락 & 떡 #2 100%+\n\u202e끝\u3000·"]


def test_a_photo_at_one_width_has_no_width_list_and_one_at_several_has_it():
    from types import SimpleNamespace

    from secatalog.images import Derivative
    from secatalog.read.photos import ProcessedPhoto
    from secatalog.site.render import Renderer

    def photo(*widths):
        files = tuple(
            (Derivative(w, w * 3 // 4, fmt), Path(f"/cache/{w}.{fmt}")) for w in widths for fmt in ("WEBP", "JPEG")
        )
        return ProcessedPhoto("k" * 16, files)

    renderer = Renderer.__new__(Renderer)  # picture() needs only the processed photos
    renderer.photos = {Path("one.jpg"): photo(480), Path("many.jpg"): photo(480, 960)}
    ref = SimpleNamespace(path=Path("one.jpg"), alt="빵 <사진>", focus="center")
    one = renderer.picture(ref, "../", "(max-width: 600px) 100vw, 320px")
    assert one == (
        '<picture><source type="image/webp" srcset="../assets/photos/kkkkkkkkkkkkkkkk-480.webp">'
        '<img src="../assets/photos/kkkkkkkkkkkkkkkk-480.jpg" width="480" height="360" alt="빵 &lt;사진&gt;" '
        'loading="lazy" decoding="async" class=""></picture>'
    )
    many = renderer.picture(SimpleNamespace(path=Path("many.jpg"), alt="", focus="center"), "../", "100vw", eager=True)
    assert (
        many.count('sizes="100vw"') == 2 and "-480.webp 480w, ../assets/photos/kkkkkkkkkkkkkkkk-960.webp 960w" in many
    )
    assert 'width="960" height="720"' in many and 'fetchpriority="high"' in many


def test_a_short_aside_in_brackets_keeps_together():
    """A phone broke "150,000원 / 1회 (330㎡" from "기준)"; a long aside may still wrap."""
    html = unbreakable("<body><p>1회 (330㎡ 기준) · (3시간, 30명) (아주 긴 괄호 안의 설명이 여기 있습니다)</p></body>")
    assert (
        '<span class="sc-nowrap">(330㎡ 기준)</span>' in html and '<span class="sc-nowrap">(3시간, 30명)</span>' in html
    )
    assert "(아주 긴 괄호" in html
    assert unbreakable("<body><p>기업 (예시)</p></body>") == "<body><p>기업 (예시)</p></body>"
    assert unbreakable('<body><a title="(a b)">x</a></body>') == '<body><a title="(a b)">x</a></body>'
