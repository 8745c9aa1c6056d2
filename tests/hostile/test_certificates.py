"""Certificate files from members: judged by their bytes, published without anything active
or personal; a file check accepts is a file build publishes."""

from __future__ import annotations

import pytest

from helpers import build_site, entry, make_network, replace_in, run_cli
from secatalog.read import certfiles

CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
PAGES = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
PLAIN_PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"


def pdf(*objects: bytes, root: bytes = CATALOG) -> bytes:
    """A minimal PDF: catalog, page tree, then the given objects from number 3 on."""
    body, offsets = b"%PDF-1.4\n", []
    for n, obj in enumerate((root, PAGES, *objects), start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % n + obj + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
    body += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return body + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(offsets) + 1, xref)


SCRIPT_ON_LINK = pdf(
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Annots [4 0 R] >>",
    b"<< /Type /Annot /Subtype /Link /Rect [0 0 9 9] /AA << /E << /S /JavaScript /JS (x) >> >> >>",
)
SCRIPT_IN_NAMES = pdf(
    PLAIN_PAGE,
    b"<< /JavaScript 5 0 R >>",
    b"<< /Names [(x) 6 0 R] >>",
    b"<< /S /JavaScript /JS (x) >>",
    root=b"<< /Type /Catalog /Pages 2 0 R /Names 4 0 R >>",
)
BROKEN_OBJECT = pdf(
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources 4 0 R >>", b"<< /Font << /F1 (((( >>"
)
PAGE_METADATA = pdf(
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Metadata 4 0 R "
    b"/PieceInfo << /X << /Private (SECRET-PIECE) >> >> >>",
    b"<< /Type /Metadata /Subtype /XML /Length 32 >>\nstream\n<x:xmpmeta>SECRET-XMP</x:xmpmeta>\nendstream",
)
SCRIPT_IN_OUTLINE = pdf(
    PLAIN_PAGE,
    b"<< /Type /Outlines /First 5 0 R /Last 5 0 R /Count 1 >>",
    b"<< /Title (x) /Parent 4 0 R /A << /S /JavaScript /JS (x) >> >>",
    root=b"<< /Type /Catalog /Pages 2 0 R /Outlines 4 0 R >>",
)


@pytest.mark.parametrize(
    "data, message",
    [
        (b"<html><script>alert(1)</script></html>", certfiles.NOT_PDF[0]),
        (SCRIPT_ON_LINK, certfiles.ACTIVE_PDF[0]),
        (SCRIPT_IN_NAMES, certfiles.ACTIVE_PDF[0]),
        (BROKEN_OBJECT, certfiles.BROKEN_PDF[0]),
    ],
    ids=["html", "script-on-link", "script-in-names", "broken-object"],
)
def test_refused_certificate_pdfs(tmp_path, data, message):
    path = tmp_path / "cert.pdf"
    path.write_bytes(data)
    assert certfiles.problem(path, 1_000_000).message == message


@pytest.mark.parametrize("data", [PAGE_METADATA, SCRIPT_IN_OUTLINE], ids=["page-metadata", "outline-script"])
def test_published_pdfs_keep_only_the_pages(tmp_path, data):
    path = tmp_path / "cert.pdf"
    path.write_bytes(data)
    assert certfiles.problem(path, 1_000_000) is None
    published = certfiles.publish(path, tmp_path / "cache", 1_000_000).read_bytes()
    assert published.startswith(b"%PDF-")
    for trace in (b"SECRET", b"JavaScript", b"/Outlines", b"/Metadata"):
        assert trace not in published, trace


@pytest.mark.slow
def test_a_broken_certificate_pdf_is_refused_by_check_and_build(tmp_path):
    root = make_network(tmp_path / "net")
    (root / "content/enterprises/haneul-clean/cert.pdf").write_bytes(BROKEN_OBJECT)
    replace_in(entry(root, "haneul-clean"), "number: 테스트-1}", "number: 테스트-1, file: cert.pdf}")
    expected = (
        f"오류 content/enterprises/haneul-clean/enterprise.yml:7:52: 인증서 파일 'cert.pdf': {certfiles.BROKEN_PDF[0]}"
    )
    checked = run_cli("check", cwd=root)
    assert checked.returncode == 1 and expected in checked.stderr
    built = run_cli("build", "--skip-print", "--out", str(tmp_path / "site"), cwd=root)
    assert built.returncode == 1 and expected in built.stderr and "Traceback" not in built.stderr


@pytest.mark.slow
def test_a_clean_certificate_pdf_is_published_and_linked(tmp_path):
    root = make_network(tmp_path / "net")
    (root / "content/enterprises/haneul-clean/cert.pdf").write_bytes(PAGE_METADATA)
    replace_in(entry(root, "haneul-clean"), "number: 테스트-1}", "number: 테스트-1, file: cert.pdf}")
    out = build_site(root, tmp_path / "site", "--skip-print")
    published = (out / "assets/certs/haneul-clean/cert.pdf").read_bytes()
    assert published.startswith(b"%PDF-") and b"SECRET" not in published
