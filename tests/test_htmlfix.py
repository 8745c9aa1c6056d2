"""The markup repairs are exact: they touch only what the checker rejects."""

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
