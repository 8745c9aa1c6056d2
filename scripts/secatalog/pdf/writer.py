"""A PDF file written object by object (classic cross-reference table), with reproducible
metadata: the low floor of the streaming join (assemble.py)."""

from __future__ import annotations

import re
from datetime import date
from importlib.metadata import version
from typing import BinaryIO

from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
    PdfObject,
    TextStringObject,
)

from .. import GENERATOR

WEASYPRINT_VERSION = version("weasyprint")


PYPDF_VERSION = version("pypdf")


def pdf_version(data: bytes) -> str:
    """The PDF version the part declares in its first bytes."""
    head = data[:8].decode("latin-1")
    return head if re.fullmatch(r"%PDF-\d\.\d", head) else "%PDF-1.7"


def ref(number: int) -> IndirectObject:
    return IndirectObject(number, 0, None)


class Writer:
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
        return ref(number)

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


def document_info(title: str, author: str, created: date) -> DictionaryObject:
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
