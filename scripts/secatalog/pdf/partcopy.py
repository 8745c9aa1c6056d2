"""Copying one part's objects into the book: object numbers renumbered, page links by number
held back, every font of a face pointed at the book's one subset of it (fonts.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
    PdfObject,
    StreamObject,
)

from . import fonts
from .writer import ref

if TYPE_CHECKING:
    from .book import Book


PAGE_LINK = "secatalog-page:"


@dataclass
class SharedFont:
    """One face's subset, shared by every part's fonts of that face; written when the book ends."""

    number: int
    key: str
    """/FontFile3 (CFF or OpenType) or /FontFile2 (TrueType), as the parts embed it."""
    subtype: PdfObject | None
    glyphs: set[int] = field(default_factory=set)


class PartCopy:
    """One part's objects copied into the joined file under new numbers. An object is read and
    written when first referenced; the part's reader (and all it cached) is dropped after."""

    def __init__(self, book: Book, faces: dict[str, tuple[Path, int]]) -> None:
        self.book = book
        self.faces = faces
        """The face file each of this part's fonts comes from, by font name (see fonts.py)."""
        self.numbers: dict[int, int] = {}
        self.todo: list[tuple[IndirectObject, int]] = []
        self.offset = 0
        """How far this part's structure parent-tree keys move."""

    def convert(self, obj: PdfObject) -> PdfObject:
        """A copy of a direct object whose references name the joined file's objects."""
        if isinstance(obj, IndirectObject):
            number = self.numbers.get(obj.idnum)
            if number is None:
                number = self.numbers[obj.idnum] = self.book.writer.reserve()
                self.todo.append((obj, number))
            return ref(number)
        if isinstance(obj, DictionaryObject):
            shared = self._shared_font(obj)
            entries = {
                key: ref(shared.number) if shared and key == shared.key else self.convert(value)
                for key, value in obj.items()
            }
            if isinstance(obj, StreamObject):
                return StreamObject.initialize_from_dictionary({**entries, "__streamdata__": obj._data})
            return DictionaryObject(entries)
        if isinstance(obj, ArrayObject):
            return ArrayObject(self.convert(value) for value in obj)
        return obj

    def _shared_font(self, obj: DictionaryObject) -> SharedFont | None:
        """For a font descriptor whose face the part recorded: the book's one subset of that face,
        in place of the part's own. A CID font's glyphs (its widths list them) join its face's."""
        if obj.get("/Type") == "/Font" and "/W" in obj and "/FontDescriptor" in obj:
            shared = self._face(obj["/FontDescriptor"].get_object())
            if shared is not None:
                shared.glyphs |= fonts.glyphs_in(obj["/W"])
            return None
        return self._face(obj) if obj.get("/Type") == "/FontDescriptor" else None

    def _face(self, descriptor: DictionaryObject) -> SharedFont | None:
        face = self.faces.get(str(descriptor.get("/FontName", "")).removeprefix("/"))
        key = next((key for key in ("/FontFile3", "/FontFile2") if key in descriptor), None)
        if face is None or key is None:
            return None
        shared = self.book.fonts.get(face)
        if shared is None:
            subtype = descriptor[key].get_object().get("/Subtype")
            shared = self.book.fonts[face] = SharedFont(self.book.writer.reserve(), key, subtype)
        return shared

    def shift(self, copied: DictionaryObject, key: str) -> None:
        if key in copied:
            copied[NameObject(key)] = NumberObject(copied[key] + self.offset)

    def drain(self) -> None:
        """Copy every object reached so far, and what they reach in turn."""
        while self.todo:
            ref, number = self.todo.pop()
            original = ref.get_object()
            copied = self.convert(original)
            if isinstance(copied, DictionaryObject):
                self.shift(copied, "/StructParent")
                target = _page_link(original)
                if target is not None:
                    self.book.links.append((number, copied, target))
                    continue
            self.book.writer.write(number, copied)


def _page_link(annotation: DictionaryObject) -> int | None:
    """The page (counted from 0) a 'secatalog-page:N' link annotation jumps to, else None."""
    if annotation.get("/Subtype") != "/Link" or "/A" not in annotation:
        return None
    uri = annotation["/A"].get_object().get("/URI")
    found = re.fullmatch(PAGE_LINK + r"(\d{1,9})", uri) if isinstance(uri, str) else None
    return int(found.group(1)) - 1 if found else None
