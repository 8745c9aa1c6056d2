"""Join rendered chunks into one PDF with pypdf: page links, bookmarks, metadata, ID."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    ByteStringObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

PAGE_LINK = "secatalog-page:"


def merge(parts: list[Path], out: Path, title: str, author: str, created: date, pad_to: int = 1) -> int:
    """Write one PDF from parts in order; turn 'secatalog-page:N' links into page jumps; end with
    blank pages up to a multiple of pad_to (a folded booklet has pages in fours).

    Returns the page count of the result."""
    writer = PdfWriter()
    readers = [PdfReader(str(part)) for part in parts]
    for reader in readers:
        writer.append(reader, import_outline=True)
    _join_structure(writer, readers)
    _resolve_page_links(writer)
    while len(writer.pages) % pad_to:
        last = writer.pages[-1]
        blank = writer.add_blank_page(float(last.mediabox.width), float(last.mediabox.height))
        blank.mediabox, blank.trimbox, blank.bleedbox = last.mediabox, last.trimbox, last.bleedbox
    _write(writer, out, title, author, created, parts, title)
    return len(writer.pages)


def _write(
    writer: PdfWriter, out: Path, title: str, author: str, created: date, sources: list[Path], identity: str
) -> None:
    """Korean document language, reproducible metadata and file ID, then the file itself."""
    stamp = created.strftime("D:%Y%m%d000000Z")
    writer.add_metadata(
        {
            "/Title": title,
            "/Author": author,
            "/Creator": "secatalog",
            "/Producer": "secatalog (WeasyPrint, pypdf)",
            "/CreationDate": stamp,
            "/ModDate": stamp,
        }
    )
    writer._root_object[NameObject("/Lang")] = TextStringObject("ko")
    _stable_id(writer, sources, identity)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as fh:
        writer.write(fh)


def _join_structure(writer: PdfWriter, readers: list[PdfReader]) -> None:
    """Give the joined file one structure tree made of the tagged parts' trees (a screen reader
    reads it in page order); pypdf's append drops them.

    Each part numbers its pages' and links' entries in its parent tree from 0: shift them by the
    entries of the parts before it. Each part's top elements move under one Document element.
    """
    if not any("/StructTreeRoot" in reader.trailer["/Root"] for reader in readers):
        return
    root = DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot")})
    root_ref = writer._add_object(root)
    document = DictionaryObject(
        {NameObject("/Type"): NameObject("/StructElem"), NameObject("/S"): NameObject("/Document")}
    )
    document[NameObject("/P")] = root_ref
    document_ref = writer._add_object(document)
    kids, numbers, offset, first = ArrayObject(), ArrayObject(), 0, 0
    for reader in readers:
        tree = reader.trailer["/Root"].get("/StructTreeRoot")
        if tree is not None:
            tree = tree.get_object()
            for page, joined in zip(reader.pages, writer.pages[first:], strict=False):
                _shift(page, joined, offset)
            entries = _number_tree(tree["/ParentTree"].get_object())
            top = _top_elements(tree)
            # Point the part's top elements at the new Document before cloning, so the part's own
            # root (and its whole parent tree) is not copied along. WeasyPrint also parents some
            # elements (page margin text) to its Document without listing them: the same for those.
            _reparent(top + [element for _, value in entries for element in _elements(value)], tree, document_ref)
            kids += [element.clone(writer) for element in top]
            for key, value in entries:
                numbers += [NumberObject(key + offset), value.clone(writer)]
            offset += max((key for key, _ in entries), default=-1) + 1
        first += len(reader.pages)
    document[NameObject("/K")] = kids
    root[NameObject("/K")] = ArrayObject([document_ref])
    root[NameObject("/ParentTree")] = writer._add_object(DictionaryObject({NameObject("/Nums"): numbers}))
    root[NameObject("/ParentTreeNextKey")] = NumberObject(offset)
    catalog = writer._root_object
    catalog[NameObject("/StructTreeRoot")] = root_ref
    catalog[NameObject("/MarkInfo")] = DictionaryObject({NameObject("/Marked"): BooleanObject(True)})
    catalog[NameObject("/ViewerPreferences")] = DictionaryObject({NameObject("/DisplayDocTitle"): BooleanObject(True)})


def _shift(page, joined, offset: int) -> None:
    """Carry a part page's parent-tree key (and its links' keys) to the joined page, shifted."""
    if "/StructParents" in page:
        joined[NameObject("/StructParents")] = NumberObject(page["/StructParents"] + offset)
    for ref in joined.get("/Annots", []) or []:
        annot = ref.get_object()
        if "/StructParent" in annot:
            annot[NameObject("/StructParent")] = NumberObject(annot["/StructParent"] + offset)


def _top_elements(tree: DictionaryObject) -> list:
    """The elements under a part's Document element (or under its root if it has none)."""
    top = _refs(tree.get("/K"))
    if len(top) == 1 and top[0].get_object().get("/S") == "/Document":
        return _refs(top[0].get_object().get("/K"))
    return top


def _elements(value) -> list:
    value = value.get_object()
    return list(value) if isinstance(value, ArrayObject) else [value.indirect_reference or value]


def _reparent(elements: list, tree: DictionaryObject, document_ref) -> None:
    """Walk up from each element; the one whose parent is the part's root or Document element
    gets the joined file's Document element as its parent instead."""
    part_top = {ref.idnum for ref in [tree.indirect_reference, *_refs(tree.get("/K"))] if ref is not None}
    seen: set[int] = set()
    for element in elements:
        node = element.get_object()
        while isinstance(node, DictionaryObject) and id(node) not in seen:
            seen.add(id(node))
            parent = node.raw_get("/P") if "/P" in node else None
            if getattr(parent, "idnum", None) in part_top:
                if node.get("/S") != "/Document":
                    node[NameObject("/P")] = document_ref
                break
            node = parent.get_object() if parent is not None else None


def _refs(value) -> list:
    return list(value) if isinstance(value, ArrayObject) else [value] if value is not None else []


def _number_tree(node: DictionaryObject) -> list[tuple[int, object]]:
    """A number tree's (key, value) pairs, leaves and intermediate nodes alike."""
    pairs, todo = [], [node]
    while todo:
        node = todo.pop()
        nums = node.get("/Nums", [])
        pairs += [(int(nums[i]), nums[i + 1]) for i in range(0, len(nums), 2)]
        todo += [kid.get_object() for kid in node.get("/Kids", [])]
    return sorted(pairs, key=lambda pair: pair[0])


def _resolve_page_links(writer: PdfWriter) -> None:
    for page in writer.pages:
        for ref in page.get("/Annots", []) or []:
            annot = ref.get_object()
            action = annot.get("/A")
            uri = action.get_object().get("/URI") if action is not None else None
            if not (isinstance(uri, str) and uri.startswith(PAGE_LINK)):
                continue
            number = int(uri.removeprefix(PAGE_LINK)) - 1
            if not 0 <= number < len(writer.pages):
                continue
            target = writer.pages[number].indirect_reference
            annot[NameObject("/A")] = DictionaryObject(
                {
                    NameObject("/S"): NameObject("/GoTo"),
                    NameObject("/D"): ArrayObject(
                        [
                            target,
                            NameObject("/XYZ"),
                            NumberObject(0),
                            NumberObject(int(writer.pages[number].mediabox.top)),
                            NumberObject(0),
                        ]
                    ),
                }
            )


def _stable_id(writer: PdfWriter, parts: list[Path], title: str) -> None:
    """Same inputs, same bytes: derive the file ID from the parts instead of the clock."""
    digest = hashlib.md5(title.encode("utf-8"), usedforsecurity=False)
    for part in parts:
        digest.update(part.read_bytes())
    ident = ByteStringObject(digest.digest())
    writer._ID = ArrayObject([ident, ident])
