"""Join rendered chunks into one PDF with pypdf: page links, bookmarks, metadata, ID."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, ByteStringObject, DictionaryObject, NameObject, NumberObject, TextStringObject

PAGE_LINK = "secatalog-page:"


def merge(parts: list[Path], out: Path, title: str, author: str, created: date, pad_to: int = 1) -> int:
    """Write one PDF from parts in order; turn 'secatalog-page:N' links into page jumps; end with
    blank pages up to a multiple of pad_to (a folded booklet has pages in fours).

    Returns the page count of the result."""
    writer = PdfWriter()
    for part in parts:
        writer.append(str(part), import_outline=True)
    _resolve_page_links(writer)
    while len(writer.pages) % pad_to:
        last = writer.pages[-1]
        blank = writer.add_blank_page(float(last.mediabox.width), float(last.mediabox.height))
        blank.mediabox, blank.trimbox, blank.bleedbox = last.mediabox, last.trimbox, last.bleedbox
    _write(writer, out, title, author, created, parts, title)
    return len(writer.pages)


def extract(source: Path, pages: range, out: Path, title: str, author: str, created: date) -> None:
    """Copy some pages of a PDF into a new file (the two-page enterprise profiles)."""
    reader = PdfReader(str(source))
    writer = PdfWriter()
    for n in pages:
        writer.add_page(reader.pages[n])
    _write(writer, out, title, author, created, [source], title + str(list(pages)))


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
