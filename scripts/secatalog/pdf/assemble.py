"""Join rendered chunks into one PDF by streaming: each part is read with pypdf and its objects
are written to the output as they are copied, so the join holds one part at a time, never the
book (a national catalog's book has over 10,000 pages). What spans the parts stays small and is
written last: the page tree, the bookmarks, the named destinations, the links to pages by number
(the contents may point at a part not read yet) and the structure tree's top, whose parent tree
holds object numbers only.

On the way, 'secatalog-page:N' links become jumps to page N, the parts' structure trees become
one tree under one Document element, the parts' subsets of a font face become one subset of all
the glyphs they use (fonts.py), and the file gets reproducible metadata and ID.

The floors, bottom up: writer.py (objects, xref, metadata), trees.py (outline, number and name
trees), partcopy.py (one part's objects into the book), book.py (the book), this module (the
join as callers use it)."""

from __future__ import annotations

import hashlib
import io
from datetime import date
from pathlib import Path
from typing import BinaryIO

from pypdf import PdfReader
from pypdf.generic import (
    ByteStringObject,
)

from . import fonts
from .book import Book
from .writer import Writer, document_info, pdf_version


def merge(parts: list[Path], out: Path, title: str, author: str, created: date, pad_to: int = 1) -> int:
    """Write one PDF from parts in order; end with blank pages up to a multiple of pad_to (a
    folded booklet has pages in fours). Returns the page count of the result."""
    with Join(out, len(parts), title, author, created, pad_to) as join:
        for part in parts:
            join.add(part)
    return join.pages


class Join:
    """One PDF being written from its parts, added in order, possibly while later parts are still
    rendering. The file opens with the first part and is finished when the last is added; a join
    left unfinished (a failed build) removes what it wrote."""

    def __init__(self, out: Path, parts: int, title: str, author: str, created: date, pad_to: int = 1) -> None:
        self.out, self.expected, self.pad_to = out, parts, pad_to
        self.info = document_info(title, author, created)
        self.digest = hashlib.md5(title.encode("utf-8"), usedforsecurity=False)
        """The file ID comes from the parts instead of the clock: same inputs, same bytes."""
        self.added = 0
        self.pages = 0
        self._fh: BinaryIO | None = None
        self._book: Book | None = None

    def add(self, part: Path) -> None:
        data = part.read_bytes()
        self.digest.update(data)
        if self._book is None:
            self.out.parent.mkdir(parents=True, exist_ok=True)
            self._fh = self.out.open("wb")
            self._book = Book(Writer(self._fh, pdf_version(data)))
        # One part's own subsets already hold just its glyphs: only a book of several shares them
        # (a profile or an item sheet would pay for reading each face file again, 0.2 s a file).
        faces = fonts.faces_of(part, part.parent) if self.expected > 1 else {}
        self._book.append(PdfReader(io.BytesIO(data)), faces)
        self.added += 1
        if self.added == self.expected:
            self._finish()

    def _finish(self) -> None:
        book = self._book
        while book.pages % self.pad_to:
            book.blank_page()
        writer = book.writer
        ident = ByteStringObject(self.digest.digest())
        writer.close(book.catalog(), writer.add(self.info), ident)
        self._fh.close()
        self.pages = book.pages
        self._book = None

    def __enter__(self) -> Join:
        return self

    def __exit__(self, *exc) -> None:
        if self._book is not None:  # begun and not finished
            self._fh.close()
            self.out.unlink(missing_ok=True)
            self._book = None


class Joins:
    """The joins of a build, fed as its parts finish rendering in any order: each join takes a
    part once every part before it in its book has arrived."""

    def __init__(self) -> None:
        self._parts: dict[str, tuple[Join, list[str], dict[str, Path]]] = {}
        self.joins: list[Join] = []

    def book(self, out: Path, parts: list[str], title: str, author: str, created: date, pad_to: int = 1) -> Join:
        """Start a join of the parts (render job names) into out."""
        join = Join(out, len(parts), title, author, created, pad_to)
        waiting: dict[str, Path] = {}
        for name in parts:
            self._parts[name] = (join, parts, waiting)
        self.joins.append(join)
        return join

    def ready(self, name: str, path: Path) -> None:
        """A part finished rendering (or was in the cache): add it and any that waited for it."""
        if name not in self._parts:
            return
        join, parts, waiting = self._parts[name]
        waiting[name] = path
        while join.added < len(parts) and parts[join.added] in waiting:
            join.add(waiting.pop(parts[join.added]))

    def __enter__(self) -> Joins:
        return self

    def __exit__(self, *exc) -> None:
        for join in self.joins:
            join.__exit__(*exc)
        missing = [join.out for join in self.joins if join.added < join.expected]
        if missing and exc[0] is None:
            raise AssertionError(f"parts never rendered for {missing[:3]}")
