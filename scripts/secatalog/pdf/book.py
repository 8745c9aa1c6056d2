"""The joined document, filled part by part; what spans the parts (page tree, bookmarks, named
destinations, page links, structure tree top, shared font subsets) is written when it ends."""

from __future__ import annotations

import zlib
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
    PdfObject,
    StreamObject,
    TextStringObject,
)

from . import fonts
from .partcopy import PartCopy, SharedFont
from .trees import Bookmark, name_tree, number_tree, read_bookmarks, refs, write_outline
from .writer import Writer, ref


class Book:
    """The joined document, filled part by part. A link to a page by its number (the contents,
    the index) may jump ahead to a part not read yet: such links are written last."""

    def __init__(self, writer: Writer) -> None:
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
        self.bookmarks: list[Bookmark] = []
        self.dests: dict[str, tuple[PdfObject, PdfObject]] = {}
        """Named destinations (WeasyPrint names every element id) by name; the first part wins."""
        # The structure tree: one Document element over the parts' top elements; the parent tree
        # keys of each part shifted past the keys of the parts before it.
        self.document: int | None = None
        self.top_elements: list[PdfObject] = []
        self.parent_tree: list[tuple[int, IndirectObject]] = []
        self.next_key = 0
        self.fonts: dict[tuple[Path, int], SharedFont] = {}
        """The subset to write for each face (its file in the cache, its index in that file)."""

    def append(self, reader: PdfReader, faces: dict[str, tuple[Path, int]] | None = None) -> None:
        part = PartCopy(self, faces or {})
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
            copied[NameObject("/Parent")] = ref(self.page_tree)
            part.shift(copied, "/StructParents")
            self.writer.write(number, copied)
            self.tops.append(float(page.mediabox.top))
        if pages:
            last = pages[-1]
            self.boxes = {"/MediaBox": last.mediabox, "/TrimBox": last.trimbox, "/BleedBox": last.bleedbox}
        self.page_numbers += numbers
        if "/Outlines" in root:
            self.bookmarks += read_bookmarks(root["/Outlines"].get("/First"), part)
        names = root["/Names"] if "/Names" in root else {}
        if "/Dests" in names:
            for name, dest in name_tree(names["/Dests"].get_object()):
                if str(name) not in self.dests:
                    self.dests[str(name)] = (name, part.convert(dest))
        part.drain()

    def _structure(self, part: PartCopy, tree_ref: PdfObject, tree: DictionaryObject) -> None:
        """Bring a part's structure tree under the joined Document element. The part's own root
        and Document element map to the joined Document, so every element that named one of them
        as its parent (WeasyPrint also parents page-margin text to its Document without listing it)
        now names the joined one, and neither the part's root nor its parent tree is copied."""
        if self.document is None:
            self.document = self.writer.reserve()
        if isinstance(tree_ref, IndirectObject):
            part.numbers[tree_ref.idnum] = self.document
        top = refs(tree.get("/K"))
        if len(top) == 1 and top[0].get_object().get("/S") == "/Document":
            if isinstance(top[0], IndirectObject):
                part.numbers[top[0].idnum] = self.document
            top = refs(top[0].get_object().get("/K"))
        self.top_elements += [part.convert(element) for element in top]
        offset = self.next_key
        entries = number_tree(tree["/ParentTree"].get_object())
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
                        NameObject("/D"): ArrayObject([ref(self.page_numbers[target]), *view]),
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
                NameObject("/Parent"): ref(self.page_tree),
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
                    NameObject("/Kids"): ArrayObject(ref(n) for n in self.page_numbers),
                    NameObject("/Count"): NumberObject(self.pages),
                }
            ),
        )
        catalog = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Catalog"),
                NameObject("/Pages"): ref(self.page_tree),
                NameObject("/Lang"): TextStringObject("ko"),
            }
        )
        if self.bookmarks:
            catalog[NameObject("/Outlines")] = write_outline(writer, self.bookmarks)
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
                    NameObject("/P"): ref(root),
                    NameObject("/K"): ArrayObject(self.top_elements),
                }
            ),
        )
        numbers = ArrayObject()
        for key, element in self.parent_tree:
            numbers += [NumberObject(key), element]
        parent_tree = writer.add(DictionaryObject({NameObject("/Nums"): numbers}))
        writer.write(
            root,
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/StructTreeRoot"),
                    NameObject("/K"): ArrayObject([ref(self.document)]),
                    NameObject("/ParentTree"): parent_tree,
                    NameObject("/ParentTreeNextKey"): NumberObject(self.next_key),
                }
            ),
        )
        return {
            NameObject("/StructTreeRoot"): ref(root),
            NameObject("/MarkInfo"): DictionaryObject({NameObject("/Marked"): BooleanObject(True)}),
            NameObject("/ViewerPreferences"): DictionaryObject({NameObject("/DisplayDocTitle"): BooleanObject(True)}),
        }
