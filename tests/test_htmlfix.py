"""The markup repairs are exact: they touch only what the checker rejects; compacted pages and
links keep what they must."""

from urllib.parse import parse_qs

from secatalog.site.context import _mail_field
from secatalog.site.htmlfix import compact, repair


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
