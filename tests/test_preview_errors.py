"""`secatalog serve` while content has errors: every page shows them, none shows old content."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from helpers import entry, replace_in

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_every_preview_page_shows_the_error_until_fixed(network, tmp_path):
    port = _free_port()
    log = tmp_path / "serve.log"
    command = [sys.executable, "-m", "secatalog.cli", "serve", "--root", str(network), "--addr", f"127.0.0.1:{port}"]
    env = dict(os.environ, SECATALOG_CACHE_DIR=str(tmp_path / "cache"))
    with open(log, "w") as err:
        server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=err)

    def get(path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as answer:
                return answer.status, answer.read().decode()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode()
        except OSError:
            return 0, ""

    def wait_for(path: str, text: str) -> str:
        deadline = time.monotonic() + 60
        while text not in (page := get(path)[1]):
            assert time.monotonic() < deadline and server.poll() is None, log.read_text("utf-8")
            time.sleep(0.2)
        return page

    item = "/items/gaon-bakery/rice-bread/"
    try:
        wait_for(item, "6,000원")
        # A print PDF is not made by the preview: the link says so instead of a bare 404.
        status, pdf = get("/print/catalog-print.pdf")
        assert status == 404 and "PDF는 secatalog build 뒤에 생깁니다" in pdf

        replace_in(entry(network, "gaon-bakery"), "price: 6000", "price: 6,5OO원")
        page = wait_for(item, "sc-problems")
        # The page she was looking at: the error, where it is and how to fix it; not the old price.
        assert "enterprise.yml:15:12" in page
        assert "쉼표와 &#34;원&#34; 없이 12000처럼 쓰세요" in page
        assert "6,000원" not in page
        assert "livereload(" in page, "the page must reload by itself once fixed"
        assert '<base href="/">' in page  # its styles load from any address
        for other in ("/", "/enterprises/haneul-clean/", "/no-such-page/"):
            assert "enterprise.yml:15:12" in get(other)[1], other
        assert get("/assets/secatalog/catalog.css")[0] == 200  # assets are still themselves

        replace_in(entry(network, "gaon-bakery"), "price: 6,5OO원", "price: 6500")
        page = wait_for(item, "6,500원")
        assert "sc-problems" not in page and "6,000원" not in page
        assert "sc-problems" not in get("/enterprises/haneul-clean/")[1]
    finally:
        server.terminate()
        server.wait()
