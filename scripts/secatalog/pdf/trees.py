"""The trees a PDF keeps across its pages, read from a part and written for the book: bookmarks
(outline), number trees (the structure's parent tree) and name trees (named destinations)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
    PdfObject,
)

from .writer import Writer, ref

if TYPE_CHECKING:
    from .partcopy import PartCopy


@dataclass
class Bookmark:
    title: PdfObject
    target: dict[NameObject, PdfObject]
    """Its /Dest (WeasyPrint's) or its /A action, copied."""
    count: int
    children: list[Bookmark]


def read_bookmarks(item, part: PartCopy) -> list[Bookmark]:
    """A part's bookmarks from the first at this level on, with what they jump to copied."""
    marks = []
    while item is not None:
        item = item.get_object()
        target = {NameObject(key): part.convert(item.raw_get(key)) for key in ("/Dest", "/A") if key in item}
        children = read_bookmarks(item.get("/First"), part)
        marks.append(Bookmark(item["/Title"], target, int(item.get("/Count", 0)), children))
        item = item.get("/Next")
    return marks


def write_outline(writer: Writer, marks: list[Bookmark]) -> IndirectObject:
    """The outline dictionary over the bookmarks; its count is the entries shown when it opens."""
    outline = writer.reserve()
    first, last = _write_siblings(writer, marks, outline)
    visible = sum(1 + max(mark.count, 0) for mark in marks)
    entries = {"/Type": NameObject("/Outlines"), "/First": first, "/Last": last, "/Count": NumberObject(visible)}
    writer.write(outline, DictionaryObject({NameObject(k): v for k, v in entries.items()}))
    return ref(outline)


def _write_siblings(writer: Writer, marks: list[Bookmark], parent: int) -> tuple[IndirectObject, IndirectObject]:
    """One level of bookmarks as a chain of siblings under parent; returns its first and last."""
    numbers = [writer.reserve() for _ in marks]
    for n, mark in enumerate(marks):
        entry = {"/Title": mark.title, **mark.target, "/Parent": ref(parent)}
        if n:
            entry["/Prev"] = ref(numbers[n - 1])
        if n + 1 < len(marks):
            entry["/Next"] = ref(numbers[n + 1])
        if mark.children:
            entry["/First"], entry["/Last"] = _write_siblings(writer, mark.children, numbers[n])
            entry["/Count"] = NumberObject(mark.count)
        writer.write(numbers[n], DictionaryObject({NameObject(k): v for k, v in entry.items()}))
    return ref(numbers[0]), ref(numbers[-1])


def refs(value) -> list:
    return list(value) if isinstance(value, ArrayObject) else [value] if value is not None else []


def number_tree(node: DictionaryObject) -> list[tuple[int, PdfObject]]:
    """A number tree's (key, value) pairs, leaves and intermediate nodes alike."""
    pairs, todo = [], [node]
    while todo:
        node = todo.pop()
        nums = node["/Nums"] if "/Nums" in node else []
        pairs += [(int(nums[i]), nums[i + 1]) for i in range(0, len(nums), 2)]
        todo += [kid.get_object() for kid in (node["/Kids"] if "/Kids" in node else [])]
    return sorted(pairs, key=lambda pair: pair[0])


def name_tree(node: DictionaryObject) -> list[tuple[PdfObject, PdfObject]]:
    pairs, todo = [], [node]
    while todo:
        node = todo.pop()
        names = node["/Names"] if "/Names" in node else []
        pairs += [(names[i], names[i + 1]) for i in range(0, len(names), 2)]
        todo += [kid.get_object() for kid in (node["/Kids"] if "/Kids" in node else [])]
    return pairs
