"""The markup repairs are exact: they touch only what the checker rejects."""

from secatalog.site.htmlfix import repair


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
