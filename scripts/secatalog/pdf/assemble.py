"""Join rendered chunks into one PDF by streaming: each part is read with pypdf and its objects
are written to the output as they are copied, so the join holds one part at a time, never the
book (a national catalog's book has over 10,000 pages). What spans the parts stays small and is
written last: the page tree, the bookmarks, the named destinations, the links to pages by number
(the contents may point at a part not read yet) and the structure tree's top, whose parent tree
holds object numbers only.

On the way, 'secatalog-page:N' links become jumps to page N, the parts' structure trees become
one tree under one Document element, the parts' subsets of a font face become one subset of all
the glyphs they use (fonts.py), and the file gets reproducible metadata and ID."""

from __future__ import annotations

import hashlib
import io
import re
import zlib
from dataclasses import dataclass, field
from datetime import date
from importlib.metadata import version
from pathlib import Path
from typing import BinaryIO

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    ByteStringObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
    PdfObject,
    StreamObject,
    TextStringObject,
)

from .. import GENERATOR
from . import fonts

PAGE_LINK = "secatalog-page:"

WEASYPRINT_VERSION = version("weasyprint")
PYPDF_VERSION = version("pypdf")


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
        self.info = _info(title, author, created)
        self.digest = hashlib.md5(title.encode("utf-8"), usedforsecurity=False)
        """The file ID comes from the parts instead of the clock: same inputs, same bytes."""
        self.added = 0
        self.pages = 0
        self._fh: BinaryIO | None = None
        self._book: _Book | None = None

    def add(self, part: Path) -> None:
        data = part.read_bytes()
        self.digest.update(data)
        if self._book is None:
            self.out.parent.mkdir(parents=True, exist_ok=True)
            self._fh = self.out.open("wb")
            self._book = _Book(_Writer(self._fh, _version(data)))
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


def _version(data: bytes) -> str:
    """The PDF version the part declares in its first bytes."""
    head = data[:8].decode("latin-1")
    return head if re.fullmatch(r"%PDF-\d\.\d", head) else "%PDF-1.7"


def _ref(number: int) -> IndirectObject:
    return IndirectObject(number, 0, None)


class _Writer:
    """A PDF file written object by object, with a classic cross-reference table at the end."""

    def __init__(self, fh: BinaryIO, version: str) -> None:
        self.fh = fh
        self.offsets: list[int] = [0]  # by object number; object 0 heads the free list
        fh.write(version.encode("ascii") + b"\n%\xe2\xe3\xcf\xd3\n")

    def reserve(self) -> int:
        self.offsets.append(-1)
        return len(self.offsets) - 1

    def write(self, number: int, obj: PdfObject) -> None:
        self.offsets[number] = self.fh.tell()
        self.fh.write(b"%d 0 obj\n" % number)
        obj.write_to_stream(self.fh)
        self.fh.write(b"\nendobj\n")

    def add(self, obj: PdfObject) -> IndirectObject:
        number = self.reserve()
        self.write(number, obj)
        return _ref(number)

    def close(self, root: IndirectObject, info: IndirectObject, ident: ByteStringObject) -> None:
        missing = [n for n, offset in enumerate(self.offsets) if offset < 0]
        assert not missing, f"objects reserved but never written: {missing[:5]}"
        start = self.fh.tell()
        self.fh.write(b"xref\n0 %d\n0000000000 65535 f \n" % len(self.offsets))
        self.fh.write(b"".join(b"%010d 00000 n \n" % offset for offset in self.offsets[1:]))
        trailer = DictionaryObject(
            {
                NameObject("/Size"): NumberObject(len(self.offsets)),
                NameObject("/Root"): root,
                NameObject("/Info"): info,
                NameObject("/ID"): ArrayObject([ident, ident]),
            }
        )
        self.fh.write(b"trailer\n")
        trailer.write_to_stream(self.fh)
        self.fh.write(b"\nstartxref\n%d\n%%%%EOF\n" % start)


@dataclass
class _SharedFont:
    """One face's subset, shared by every part's fonts of that face; written when the book ends."""

    number: int
    key: str
    """/FontFile3 (CFF or OpenType) or /FontFile2 (TrueType), as the parts embed it."""
    subtype: PdfObject | None
    glyphs: set[int] = field(default_factory=set)


@dataclass
class _Bookmark:
    title: PdfObject
    target: dict[NameObject, PdfObject]
    """Its /Dest (WeasyPrint's) or its /A action, copied."""
    count: int
    children: list[_Bookmark]


class _Book:
    """The joined document, filled part by part. A link to a page by its number (the contents,
    the index) may jump ahead to a part not read yet: such links are written last."""

    def __init__(self, writer: _Writer) -> None:
        self.writer = writer
        self.page_tree = writer.reserve()
        self.page_numbers: list[int] = []
        """The object number of each page copied so far."""
        self.tops: list[float] = []
        """Where each page's view starts (the top of its media box), for jumps to it."""
        self.boxes: dict[str, ArrayObject] = {}
        """The last page's boxes, for blank pages added after it."""
        self.links: list[tuple[int, DictionaryObject, int]] = []
        """Page links held back: their object number, the copied annotation, the target page."""
        self.bookmarks: list[_Bookmark] = []
        self.dests: dict[str, tuple[PdfObject, PdfObject]] = {}
        """Named destinations (WeasyPrint names every element id) by name; the first part wins."""
        # The structure tree: one Document element over the parts' top elements; the parent tree
        # keys of each part shifted past the keys of the parts before it.
        self.document: int | None = None
        self.top_elements: list[PdfObject] = []
        self.parent_tree: list[tuple[int, IndirectObject]] = []
        self.next_key = 0
        self.fonts: dict[tuple[Path, int], _SharedFont] = {}
        """The subset to write for each face (its file in the cache, its index in that file)."""

    def append(self, reader: PdfReader, faces: dict[str, tuple[Path, int]] | None = None) -> None:
        part = _PartCopy(self, faces or {})
        pages = list(reader.pages)
        numbers = [self.writer.reserve() for _ in pages]
        for page, number in zip(pages, numbers, strict=True):
            part.numbers[page.indirect_reference.idnum] = number
        root = reader.trailer["/Root"]
        part.numbers[root.raw_get("/Pages").idnum] = self.page_tree
        tree = root.get("/StructTreeRoot")
        if tree is not None:
            self._structure(part, tree, tree.get_object())
        for page, number in zip(pages, numbers, strict=True):
            copied = part.convert(page)
            copied[NameObject("/Parent")] = _ref(self.page_tree)
            part.shift(copied, "/StructParents")
            self.writer.write(number, copied)
            self.tops.append(float(page.mediabox.top))
        if pages:
            last = pages[-1]
            self.boxes = {"/MediaBox": last.mediabox, "/TrimBox": last.trimbox, "/BleedBox": last.bleedbox}
        self.page_numbers += numbers
        if "/Outlines" in root:
            self.bookmarks += _bookmarks(root["/Outlines"].get("/First"), part)
        names = root["/Names"] if "/Names" in root else {}
        if "/Dests" in names:
            for name, dest in _name_tree(names["/Dests"].get_object()):
                if str(name) not in self.dests:
                    self.dests[str(name)] = (name, part.convert(dest))
        part.drain()

    def _structure(self, part: _PartCopy, tree_ref: PdfObject, tree: DictionaryObject) -> None:
        """Bring a part's structure tree under the joined Document element. The part's own root
        and Document element map to the joined Document, so every element that named one of them
        as its parent (WeasyPrint also parents page-margin text to its Document without listing it)
        now names the joined one, and neither the part's root nor its parent tree is copied."""
        if self.document is None:
            self.document = self.writer.reserve()
        if isinstance(tree_ref, IndirectObject):
            part.numbers[tree_ref.idnum] = self.document
        top = _refs(tree.get("/K"))
        if len(top) == 1 and top[0].get_object().get("/S") == "/Document":
            if isinstance(top[0], IndirectObject):
                part.numbers[top[0].idnum] = self.document
            top = _refs(top[0].get_object().get("/K"))
        self.top_elements += [part.convert(element) for element in top]
        offset = self.next_key
        entries = _number_tree(tree["/ParentTree"].get_object())
        for key, value in entries:
            copied = part.convert(value)
            ref = copied if isinstance(copied, IndirectObject) else self.writer.add(copied)
            self.parent_tree.append((key + offset, ref))
        part.offset = offset
        self.next_key = offset + max((key for key, _ in entries), default=-1) + 1

    def _write_links(self) -> None:
        """Write the held-back page links, each turned into a jump to its page if it exists."""
        for number, annotation, target in self.links:
            if 0 <= target < self.pages:
                view = [NameObject("/XYZ"), NumberObject(0), NumberObject(int(self.tops[target])), NumberObject(0)]
                annotation[NameObject("/A")] = DictionaryObject(
                    {
                        NameObject("/S"): NameObject("/GoTo"),
                        NameObject("/D"): ArrayObject([_ref(self.page_numbers[target]), *view]),
                    }
                )
            self.writer.write(number, annotation)

    def _write_fonts(self) -> None:
        for (face, index), shared in self.fonts.items():
            data = fonts.subset(face, index, shared.glyphs)
            stream = StreamObject()
            stream._data = zlib.compress(data)
            stream[NameObject("/Filter")] = NameObject("/FlateDecode")
            if shared.key == "/FontFile2":
                stream[NameObject("/Length1")] = NumberObject(len(data))
            elif shared.subtype is not None:
                stream[NameObject("/Subtype")] = shared.subtype
            self.writer.write(shared.number, stream)

    def blank_page(self) -> None:
        """An empty page the size of the last one, at the end."""
        page = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Page"),
                NameObject("/Parent"): _ref(self.page_tree),
                NameObject("/Resources"): DictionaryObject(),
                **{NameObject(key): box for key, box in self.boxes.items()},
            }
        )
        self.page_numbers.append(self.writer.add(page).idnum)
        self.tops.append(self.tops[-1])

    @property
    def pages(self) -> int:
        return len(self.page_numbers)

    def catalog(self) -> IndirectObject:
        """Write what spans the parts, then the document catalog naming it all."""
        writer = self.writer
        self._write_links()
        self._write_fonts()
        writer.write(
            self.page_tree,
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Pages"),
                    NameObject("/Kids"): ArrayObject(_ref(n) for n in self.page_numbers),
                    NameObject("/Count"): NumberObject(self.pages),
                }
            ),
        )
        catalog = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Catalog"),
                NameObject("/Pages"): _ref(self.page_tree),
                NameObject("/Lang"): TextStringObject("ko"),
            }
        )
        if self.bookmarks:
            catalog[NameObject("/Outlines")] = _write_outline(writer, self.bookmarks)
        if self.dests:
            names = ArrayObject()
            for key in sorted(self.dests):
                names += self.dests[key]
            dests = writer.add(DictionaryObject({NameObject("/Names"): names}))
            catalog[NameObject("/Names")] = DictionaryObject({NameObject("/Dests"): dests})
        if self.document is not None:
            catalog.update(self._structure_root())
        return writer.add(catalog)

    def _structure_root(self) -> dict:
        writer = self.writer
        root = writer.reserve()
        writer.write(
            self.document,
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/StructElem"),
                    NameObject("/S"): NameObject("/Document"),
                    NameObject("/P"): _ref(root),
                    NameObject("/K"): ArrayObject(self.top_elements),
                }
            ),
        )
        numbers = ArrayObject()
        for key, ref in self.parent_tree:
            numbers += [NumberObject(key), ref]
        parent_tree = writer.add(DictionaryObject({NameObject("/Nums"): numbers}))
        writer.write(
            root,
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/StructTreeRoot"),
                    NameObject("/K"): ArrayObject([_ref(self.document)]),
                    NameObject("/ParentTree"): parent_tree,
                    NameObject("/ParentTreeNextKey"): NumberObject(self.next_key),
                }
            ),
        )
        return {
            NameObject("/StructTreeRoot"): _ref(root),
            NameObject("/MarkInfo"): DictionaryObject({NameObject("/Marked"): BooleanObject(True)}),
            NameObject("/ViewerPreferences"): DictionaryObject({NameObject("/DisplayDocTitle"): BooleanObject(True)}),
        }


class _PartCopy:
    """One part's objects copied into the joined file under new numbers. An object is read and
    written when first referenced; the part's reader (and all it cached) is dropped after."""

    def __init__(self, book: _Book, faces: dict[str, tuple[Path, int]]) -> None:
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
            return _ref(number)
        if isinstance(obj, DictionaryObject):
            shared = self._shared_font(obj)
            entries = {
                key: _ref(shared.number) if shared and key == shared.key else self.convert(value)
                for key, value in obj.items()
            }
            if isinstance(obj, StreamObject):
                return StreamObject.initialize_from_dictionary({**entries, "__streamdata__": obj._data})
            return DictionaryObject(entries)
        if isinstance(obj, ArrayObject):
            return ArrayObject(self.convert(value) for value in obj)
        return obj

    def _shared_font(self, obj: DictionaryObject) -> _SharedFont | None:
        """For a font descriptor whose face the part recorded: the book's one subset of that face,
        in place of the part's own. A CID font's glyphs (its widths list them) join its face's."""
        if obj.get("/Type") == "/Font" and "/W" in obj and "/FontDescriptor" in obj:
            shared = self._face(obj["/FontDescriptor"].get_object())
            if shared is not None:
                shared.glyphs |= fonts.glyphs_in(obj["/W"])
            return None
        return self._face(obj) if obj.get("/Type") == "/FontDescriptor" else None

    def _face(self, descriptor: DictionaryObject) -> _SharedFont | None:
        face = self.faces.get(str(descriptor.get("/FontName", "")).removeprefix("/"))
        key = next((key for key in ("/FontFile3", "/FontFile2") if key in descriptor), None)
        if face is None or key is None:
            return None
        shared = self.book.fonts.get(face)
        if shared is None:
            subtype = descriptor[key].get_object().get("/Subtype")
            shared = self.book.fonts[face] = _SharedFont(self.book.writer.reserve(), key, subtype)
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


def _bookmarks(item, part: _PartCopy) -> list[_Bookmark]:
    """A part's bookmarks from the first at this level on, with what they jump to copied."""
    marks = []
    while item is not None:
        item = item.get_object()
        target = {NameObject(key): part.convert(item.raw_get(key)) for key in ("/Dest", "/A") if key in item}
        children = _bookmarks(item.get("/First"), part)
        marks.append(_Bookmark(item["/Title"], target, int(item.get("/Count", 0)), children))
        item = item.get("/Next")
    return marks


def _write_outline(writer: _Writer, marks: list[_Bookmark]) -> IndirectObject:
    """The outline dictionary over the bookmarks; its count is the entries shown when it opens."""
    outline = writer.reserve()
    first, last = _write_siblings(writer, marks, outline)
    visible = sum(1 + max(mark.count, 0) for mark in marks)
    entries = {"/Type": NameObject("/Outlines"), "/First": first, "/Last": last, "/Count": NumberObject(visible)}
    writer.write(outline, DictionaryObject({NameObject(k): v for k, v in entries.items()}))
    return _ref(outline)


def _write_siblings(writer: _Writer, marks: list[_Bookmark], parent: int) -> tuple[IndirectObject, IndirectObject]:
    """One level of bookmarks as a chain of siblings under parent; returns its first and last."""
    numbers = [writer.reserve() for _ in marks]
    for n, mark in enumerate(marks):
        entry = {"/Title": mark.title, **mark.target, "/Parent": _ref(parent)}
        if n:
            entry["/Prev"] = _ref(numbers[n - 1])
        if n + 1 < len(marks):
            entry["/Next"] = _ref(numbers[n + 1])
        if mark.children:
            entry["/First"], entry["/Last"] = _write_siblings(writer, mark.children, numbers[n])
            entry["/Count"] = NumberObject(mark.count)
        writer.write(numbers[n], DictionaryObject({NameObject(k): v for k, v in entry.items()}))
    return _ref(numbers[0]), _ref(numbers[-1])


def _refs(value) -> list:
    return list(value) if isinstance(value, ArrayObject) else [value] if value is not None else []


def _number_tree(node: DictionaryObject) -> list[tuple[int, PdfObject]]:
    """A number tree's (key, value) pairs, leaves and intermediate nodes alike."""
    pairs, todo = [], [node]
    while todo:
        node = todo.pop()
        nums = node["/Nums"] if "/Nums" in node else []
        pairs += [(int(nums[i]), nums[i + 1]) for i in range(0, len(nums), 2)]
        todo += [kid.get_object() for kid in (node["/Kids"] if "/Kids" in node else [])]
    return sorted(pairs, key=lambda pair: pair[0])


def _name_tree(node: DictionaryObject) -> list[tuple[PdfObject, PdfObject]]:
    pairs, todo = [], [node]
    while todo:
        node = todo.pop()
        names = node["/Names"] if "/Names" in node else []
        pairs += [(names[i], names[i + 1]) for i in range(0, len(names), 2)]
        todo += [kid.get_object() for kid in (node["/Kids"] if "/Kids" in node else [])]
    return pairs


def _info(title: str, author: str, created: date) -> DictionaryObject:
    """Reproducible metadata: the catalog's date, not the clock."""
    stamp = created.strftime("D:%Y%m%d000000Z")
    fields = {
        "/Title": title,
        "/Author": author,
        "/Creator": GENERATOR,
        "/Producer": f"{GENERATOR} (WeasyPrint {WEASYPRINT_VERSION}, pypdf {PYPDF_VERSION})",
        "/CreationDate": stamp,
        "/ModDate": stamp,
    }
    return DictionaryObject({NameObject(key): TextStringObject(value) for key, value in fields.items()})
