"""The command line contract: exit codes, Korean messages, no tracebacks, nothing lost."""

from __future__ import annotations

import os

import pytest

from helpers import entry, make_network, replace_in, run_cli, run_cli_process

pytestmark = pytest.mark.slow


def test_check_passes_and_writes_nothing(network):
    before = sorted(p.relative_to(network) for p in network.rglob("*"))
    result = run_cli("check", cwd=network)
    assert result.returncode == 0, result.stderr
    assert "검사 통과: 기업 2곳, 제품·서비스 3개" in result.stderr
    assert sorted(p.relative_to(network) for p in network.rglob("*")) == before


def test_check_lists_every_error_and_exits_1(network):
    replace_in(entry(network, "gaon-bakery"), "price: 6000", "price: 비쌈")
    replace_in(entry(network, "haneul-clean"), "org_type: social-enterprise", "org_type: x")
    result = run_cli("check", cwd=network)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert "오류 content/enterprises/gaon-bakery/enterprise.yml:15:12:" in result.stderr
    assert "오류 content/enterprises/haneul-clean/enterprise.yml:2:11:" in result.stderr
    assert "오류 2개를 고친 뒤 다시 실행하세요" in result.stderr


def test_check_only_the_given_entry(network):
    replace_in(entry(network, "haneul-clean"), "org_type: social-enterprise", "org_type: x")
    ok = run_cli("check", "content/enterprises/gaon-bakery", cwd=network)
    assert ok.returncode == 0, ok.stderr
    assert "기업 1곳" in ok.stderr
    assert run_cli("check", "content/enterprises/haneul-clean", cwd=network).returncode == 1


def test_check_github_annotations(network):
    replace_in(entry(network, "gaon-bakery"), "price: 6000", "price: 비쌈")
    result = run_cli("check", "--format", "github", cwd=network)
    assert result.returncode == 1
    assert result.stdout.startswith(
        "::error file=content/enterprises/gaon-bakery/enterprise.yml,line=15,col=12::1번째 제품 '우리쌀식빵'의 가격 (products[0].price):"
    )


def test_usage_errors_exit_2(network, tmp_path):
    # Through the real entry point, in its own process: the smoke test of `python -m secatalog.cli`.
    assert run_cli_process("build", "--no-such-option", cwd=network).returncode == 2
    result = run_cli_process("check", cwd=tmp_path)
    assert result.returncode == 2 and "catalog/ 폴더가 없습니다" in result.stderr
    assert run_cli_process("check", "content/enterprises/no-such-entry", cwd=network).returncode == 2


def test_failed_build_leaves_previous_site_untouched(network):
    out = network / "site"  # (without print: the swap does not depend on what was written)
    assert run_cli("build", "--skip-print", "--out", str(out), cwd=network).returncode == 0
    snapshot = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    replace_in(entry(network, "gaon-bakery"), "category: bread", "category: cake")
    result = run_cli("build", "--out", str(out), cwd=network)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == snapshot
    assert not [p for p in network.iterdir() if p.name.startswith(".site.")], "no staging left behind"


def test_a_build_with_nothing_changed_keeps_the_site_and_any_change_rebuilds(network):
    out = network / "site"
    build = ("build", "--skip-print", "--out", str(out))
    assert run_cli(*build, cwd=network).returncode == 0
    marker = out / "index.html"
    first = marker.stat().st_mtime_ns
    kept = run_cli(*build, cwd=network)
    assert kept.returncode == 0 and "바뀐 것이 없어 이전 결과를 그대로 두었습니다" in kept.stderr
    assert marker.stat().st_mtime_ns == first

    # Validation still runs in full: a broken entry fails even though the site is current.
    original = entry(network, "gaon-bakery").read_text("utf-8")
    replace_in(entry(network, "gaon-bakery"), "price: 6000", "price: 비쌈")
    assert run_cli(*build, cwd=network).returncode == 1
    entry(network, "gaon-bakery").write_text(original.replace("price: 6000", "price: 6500"), "utf-8")
    rebuilt = run_cli(*build, cwd=network)
    assert rebuilt.returncode == 0 and "바뀐 것이 없어" not in rebuilt.stderr
    assert "6,500원" in (out / "items/gaon-bakery/rice-bread/index.html").read_text("utf-8")

    # A file removed from the site, print asked for, or --force: built again.
    (out / "sitemap.xml").unlink()
    assert "바뀐 것이 없어" not in run_cli(*build, cwd=network).stderr
    assert (out / "sitemap.xml").exists()
    assert "바뀐 것이 없어" not in run_cli(*build, "--force", cwd=network).stderr


def test_builds_are_reproducible(fixture_site, tmp_path):
    """Another copy of the network, another process, another (empty) cache: the same bytes."""
    env = dict(os.environ, SECATALOG_CACHE_DIR=str(tmp_path / "cache"))  # the session's build date
    out = tmp_path / "out"
    result = run_cli_process("build", "--out", str(out), cwd=make_network(tmp_path / "copy"), env=env)
    assert result.returncode == 0, result.stderr
    outputs = [
        {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()} for site in (fixture_site, out)
    ]
    assert outputs[0].keys() == outputs[1].keys()
    differing = [str(k) for k in outputs[0] if outputs[0][k] != outputs[1][k]]
    assert differing == []


def test_new_enterprise_and_product_pass_check(network):
    made = run_cli(
        "new",
        "enterprise",
        "--slug",
        "new-coop",
        "--name",
        "새 협동조합: 예시, 하나",
        "--org-type",
        "cooperative",
        "--mission",
        "동네 빵집을 잇는 협동조합",
        "--product-name",
        "우리밀 식빵",
        "--product-id",
        "wheat-bread",
        "--maintainer",
        "@someone",
        cwd=network,
    )
    assert made.returncode == 0, made.stderr
    added = run_cli(
        "new",
        "product",
        "--enterprise",
        "new-coop",
        "--id",
        "cake",
        "--name",
        "케이크",
        "--category",
        "bread",
        cwd=network,
    )
    assert added.returncode == 0, added.stderr
    result = run_cli("check", "content/enterprises/new-coop", cwd=network)
    assert result.returncode == 0, result.stderr
    text = (network / "content/enterprises/new-coop/enterprise.yml").read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/enterprise.schema.json")
    assert 'name: "새 협동조합: 예시, 하나"' in text and "id: cake" in text
    assert 'maintainers: ["someone"]' in text, "the @ members copy from GitHub is dropped"


FILLED = ("--mission", "빵을 굽는 협동조합", "--product-name", "식빵", "--product-id", "white-bread")


def test_new_refuses_bad_input_without_writing(network):
    assert (
        run_cli(
            "new", "enterprise", "--slug", "가온", "--name", "x", "--org-type", "cooperative", *FILLED, cwd=network
        ).returncode
        == 2
    )
    bad_type = run_cli("new", "enterprise", "--slug", "ok", "--name", "x", "--org-type", "coop", *FILLED, cwd=network)
    assert bad_type.returncode == 2 and "알 수 없는 조직 유형 'coop'" in bad_type.stderr
    assert (
        run_cli(
            "new",
            "enterprise",
            "--slug",
            "gaon-bakery",
            "--name",
            "x",
            "--org-type",
            "cooperative",
            *FILLED,
            cwd=network,
        ).returncode
        == 2
    )
    assert not (network / "content/enterprises/ok").exists()
    bad_cat = run_cli(
        "new", "product", "--enterprise", "gaon-bakery", "--id", "x", "--name", "x", "--category", "nope", cwd=network
    )
    assert bad_cat.returncode == 2 and "알 수 없는 분류 'nope'" in bad_cat.stderr


@pytest.mark.slow
def test_serve_builds_once_per_edit(network, tmp_path):
    """The preview rebuilds when an entry is saved, shows it, and then rests: reading files
    (which inotify also reports) must not start the next build."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = tmp_path / "serve.log"
    command = [sys.executable, "-m", "secatalog.cli", "serve", "--root", str(network), "--addr", f"127.0.0.1:{port}"]
    env = dict(os.environ, SECATALOG_CACHE_DIR=str(tmp_path / "cache"))
    with open(log, "w") as err:
        server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=err)

    def page() -> str:
        try:
            url = f"http://127.0.0.1:{port}/items/gaon-bakery/rice-bread/"
            return urllib.request.urlopen(url, timeout=5).read().decode()
        except OSError:
            return ""

    def wait_for(text: str) -> None:
        deadline = time.monotonic() + 60
        while text not in page():
            assert time.monotonic() < deadline and server.poll() is None, log.read_text("utf-8")
            time.sleep(0.2)

    try:
        wait_for("6,000원")
        replace_in(entry(network, "gaon-bakery"), "price: 6000", "price: 6500")
        wait_for("6,500원")
        time.sleep(2)  # a build started by its own reading would show by now (it starts within 0.5 s)
    finally:
        server.terminate()
        server.wait()
    assert log.read_text("utf-8").count("Detected file changes") == 1, log.read_text("utf-8")
