"""One rule for a price and its unit, wherever it is shown."""

from __future__ import annotations

from types import SimpleNamespace

from secatalog.markup import NEGOTIABLE, priced


def test_a_unit_stands_only_beside_an_amount():
    assert priced(SimpleNamespace(price=28000, unit="5kg")) == "28,000원 / 5kg"
    assert priced(SimpleNamespace(price=28000, unit="5kg"), "/") == "28,000원/5kg"
    assert priced(SimpleNamespace(price=28000, unit="")) == "28,000원"
    assert priced(SimpleNamespace(price=NEGOTIABLE, unit="1개")) == "가격 협의"  # not "가격 협의 / 1개"
