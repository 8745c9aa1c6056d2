"""The site as a designer checks it, at a phone's 390 px and a desktop's 1440 px: nothing in the
sidebar runs over anything else, the service's name is not cut, and phone numbers and dates
never break across lines."""

from __future__ import annotations

import pytest

from browser import browser, serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGES = ["", "procurement/", "stats/", "casebook/", "join/", "cards/", "embed/", "categories/food/"]


@pytest.fixture(scope="module")
def site(sample_site):
    with serve(sample_site) as base, browser() as chromium:
        yield base, chromium


_SIDEBAR_BOXES = """() => [...document.querySelectorAll(
    '.md-sidebar--primary .md-nav__title, .md-sidebar--primary .md-nav__link')]
  .filter(e => e.offsetParent !== null && getComputedStyle(e).visibility !== 'hidden')
  .map(e => { const r = e.getBoundingClientRect(); return [e.textContent.trim(), r.top, r.bottom, r.left, r.right]; })
  .filter(([text, top, bottom]) => text && bottom > top)"""


def test_the_desktop_sidebar_has_no_overlapping_lines(site):
    base, chromium = site
    page = chromium.new_page(viewport={"width": 1440, "height": 900})
    for path in PAGES:
        page.goto(base + path)
        boxes = page.evaluate(_SIDEBAR_BOXES)
        assert len(boxes) > 5, path
        for n, (text, top, bottom, left, right) in enumerate(boxes):
            for other, top2, bottom2, left2, right2 in boxes[n + 1 :]:
                overlap = min(bottom, bottom2) - max(top, top2)
                side = min(right, right2) - max(left, left2)
                nested = text in other or other in text  # a section's label holds its own link
                assert nested or overlap <= 1 or side <= 1, (path, text, other)


def test_the_phone_header_shows_the_whole_service_name(site):
    base, chromium = site
    page = chromium.new_page(viewport={"width": 390, "height": 800})
    page.goto(base)
    cut = page.evaluate(
        """() => { const e = document.querySelector('.md-header__topic .md-ellipsis');
        return [e.scrollWidth - e.clientWidth, e.scrollHeight - e.clientHeight, e.textContent.trim()]; }"""
    )
    assert cut[0] <= 1 and cut[1] <= 1, cut


def test_phone_numbers_and_dates_never_break_on_a_phone(site):
    base, chromium = site
    page = chromium.new_page(viewport={"width": 390, "height": 800})
    for path in ["", "procurement/", "items/dure-farm/rice/"]:
        page.goto(base + path)
        broken = page.evaluate(
            """() => [...document.querySelectorAll('a[href^="tel:"], .sc-date')]
            .filter(e => e.offsetParent !== null && e.getClientRects().length > 1).map(e => e.textContent)"""
        )
        assert broken == [], (path, broken)
        style = page.evaluate("() => getComputedStyle(document.querySelector('.md-typeset')).overflowWrap")
        assert style == "break-word", path  # 'anywhere' broke 복사용/지, 연/도
