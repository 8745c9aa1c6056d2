"""Scalars as a member wrote them: the YAML reader keeps the text of every number, so the model
can tell 00123 from 123 and keep 1.10 as written."""

from __future__ import annotations

FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


class RawInt(int):
    """An integer that remembers how it was written (e.g. ``00123`` is never one)."""

    raw: str

    def __new__(cls, raw: str) -> RawInt:
        obj = super().__new__(cls, int(raw))
        obj.raw = raw
        return obj


class RawFloat(float):
    """A float that remembers how it was written (``1.10`` stays ``1.10`` as text)."""

    raw: str

    def __new__(cls, raw: str) -> RawFloat:
        obj = super().__new__(cls, float(raw))
        obj.raw = raw
        return obj
