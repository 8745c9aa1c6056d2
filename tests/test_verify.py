"""The secretariat's desk: `secatalog verify list|draft|against`, on the fixture network and the sample."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from helpers import ROOT, entry, make_network, replace_in, run_cli

TODAY = "2026-01-10"


@pytest.fixture
def desk(tmp_path, monkeypatch) -> Path:
    """The fixture network on a fixed day: haneul-clean confirmed 2025-02-20, gaon-bakery never."""
    epoch = int(datetime.fromisoformat(TODAY).replace(tzinfo=UTC).timestamp())
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch))
    return make_network(tmp_path / "net")


def confirm_gaon(root: Path, checked: str = "2025-12-01") -> None:
    verified = root / "catalog/verified.yml"
    verified.write_text(
        verified.read_text("utf-8")
        + f"""  gaon-bakery:
    name: 가온베이커리 (예시)
    checked: {checked}
    checked_by: 사무국 (테스트)
    source: 협동조합 설립 신고 조회 (테스트)
    org_type: cooperative
""",
        "utf-8",
    )


# --- verify list --------------------------------------------------------------------------------


def test_list_names_every_state_and_exits_1(desk):
    replace_in(desk / "catalog/verified.yml", "number: 테스트-1}", "number: 테스트-1, expires: 2026-02-01}")
    replace_in(entry(desk, "haneul-clean"), "number: 테스트-1}", "number: 테스트-1, expires: 2026-02-01}")
    result = run_cli("verify", "list", cwd=desk)
    assert result.returncode == 1, result.stderr
    assert result.stdout == (
        "[만료 예정] 하늘청소 (예시) (haneul-clean)\n"
        "    만료 예정: 사회적기업 인증 테스트-1: 2026-02-01 만료 예정\n"
        "[확인 필요] 가온베이커리 (예시) (gaon-bakery)\n"
        "    확인 필요: 사무국 확인 기록이 없습니다 (secatalog verify draft로 초안을 만드세요)\n"
        "\n"
        "기준일 2026-01-10: 만료 예정 1곳, 확인 필요 1곳 — 사무국이 확인할 기업 2곳\n"
    )


def test_markdown_is_the_issue_body_the_weekly_job_writes(desk):
    """Exactly the body of the "사무국 확인 필요" issue: changed facts side by side, the rest folded."""
    replace_in(entry(desk, "haneul-clean"), "name: 하늘청소 (예시)", "name: 하늘청소 @admin | <b>굵게</b>")
    confirm_gaon(desk)
    result = run_cli("verify", "list", "--format", "markdown", cwd=desk)
    assert result.returncode == 1, result.stderr
    assert result.stdout == (
        "## 사무국 확인 필요\n"
        "\n"
        "기준일 2026-01-10 · 기업 2곳: 다름 1곳, 확인됨 1곳. 확인한 지 365일이 지나면 다시 확인합니다.\n"
        "\n"
        "| 상태 | 기업 | 확인할 내용 |\n"
        "|---|---|---|\n"
        "| 다름 | 하늘청소 &#64;admin \\| &lt;b&gt;굵게&lt;/b&gt; (`haneul-clean`) | "
        "다름: 기업 이름 '하늘청소 &#64;admin \\| &lt;b&gt;굵게&lt;/b&gt;' (확인한 값 '하늘청소 (예시)') |\n"
        "\n"
        "<details><summary>확인됨 1곳</summary>\n"
        "\n"
        "| 기업 | 확인한 날 | 확인한 사람 | 대조한 자료 |\n"
        "|---|---|---|---|\n"
        "| 가온베이커리 (예시) (`gaon-bakery`) | 2025-12-01 | 사무국 (테스트) | 협동조합 설립 신고 조회 (테스트) |\n"
        "\n"
        "</details>\n"
        "\n"
        "목록은 `secatalog verify list --format markdown`이 만들었습니다. 확인한 내용은 "
        "`catalog/verified.yml`에 적고, 초안은 `secatalog verify draft 기업폴더`로 만드세요.\n"
    )


def test_reverification_interval_comes_from_the_catalog(desk):
    confirm_gaon(desk)
    assert run_cli("verify", "list", cwd=desk).returncode == 0
    (desk / "catalog/verification.yml").write_text("reverify_after_days: 300\n", "utf-8")
    result = run_cli("verify", "list", cwd=desk)
    assert result.returncode == 1
    assert "[재확인 필요] 하늘청소 (예시) (haneul-clean)" in result.stdout
    assert "재확인 필요: 2025-02-20에 확인한 뒤 324일 지남 (다시 확인하는 주기 300일)" in result.stdout


def test_nothing_to_do_exits_0_and_says_so(desk):
    confirm_gaon(desk)
    result = run_cli("verify", "list", "--format", "markdown", cwd=desk)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "모든 기업의 확인 기록이 최신입니다." in result.stdout
    assert "<summary>확인됨 2곳</summary>" in result.stdout


def test_a_bad_interval_is_a_located_error(desk):
    (desk / "catalog/verification.yml").write_text("reverify_after_days: 5\nsources: {social-enterprize: [가]}\n")
    result = run_cli("verify", "list", cwd=desk)
    assert result.returncode == 1
    assert "catalog/verification.yml:1:22: reverify_after_days:" in result.stderr
    assert (
        "catalog/verification.yml:2:11: sources.social-enterprize: 알 수 없는 조직 유형 'social-enterprize'입니다. 혹시 'social-enterprise'인가요?"
        in result.stderr
    )
    assert "Traceback" not in result.stderr


def test_sample_list_sees_expired_and_unverified():
    result = run_cli("verify", "list", cwd=ROOT)
    assert result.returncode == 1, result.stderr
    assert "[확인 필요]" in result.stdout and "[확인됨]" in result.stdout


# --- verified.yml is checked like a member's file -----------------------------------------------


def refused_check(root: Path) -> str:
    """What `secatalog check` says of a project it must refuse."""
    result = run_cli("check", cwd=root)
    assert result.returncode == 1, result.stderr
    return result.stderr


def test_unknown_slug_is_an_error_at_its_line_with_the_nearest_folder(desk):
    replace_in(desk / "catalog/verified.yml", "  haneul-clean:", "  haneul-claen:")
    assert (
        "오류 catalog/verified.yml:3:3: 확인 기록 'haneul-claen'에 해당하는 기업 폴더가 없습니다. "
        "혹시 'haneul-clean'인가요? — 폴더 이름이 바뀌었다면 확인 기록의 이름도 고치고, 목록에서 내린 기업이면 "
        "catalog/retired.yml에 적으세요(기록은 남겨 두어도 됩니다)"
    ) in refused_check(desk)


def test_a_retired_enterprises_record_may_stay_to_keep_its_facts_from_clones(desk):
    shutil.rmtree(desk / "content/enterprises/haneul-clean")
    (desk / "catalog/retired.yml").write_text(
        "retired:\n  - {slug: haneul-clean, name: 하늘청소, removed: 2026-01-01}\n", "utf-8"
    )
    result = run_cli("check", cwd=desk)
    assert result.returncode == 0, result.stderr


def test_a_number_matching_none_of_the_members_is_an_error(desk):
    replace_in(desk / "catalog/verified.yml", "number: 테스트-1}", "number: 테스트-11}")
    assert (
        "오류 catalog/verified.yml:10:43: enterprises.haneul-clean.certifications[0].number: 인증 번호 '테스트-11'이 "
        "회원 항목의 어느 인증 번호와도 맞지 않습니다. 혹시 '테스트-1'인가요? — 오타라면 고치고, 회원이 번호를 "
        "바꾸었다면 공식 자료와 다시 대조한 뒤 고치세요"
    ) in refused_check(desk)


def test_a_member_changing_a_confirmed_number_needs_the_secretariat_before_merging(desk):
    """The member's PR turns red on the confirmation, naming both numbers: she re-verifies first."""
    replace_in(entry(desk, "haneul-clean"), "number: 테스트-1}", "number: 테스트-2}")
    said = refused_check(desk)
    assert "catalog/verified.yml:10:43:" in said and "혹시 '테스트-2'인가요?" in said
    assert "경고 content/enterprises/haneul-clean/enterprise.yml:7:39:" in said


def test_a_certificate_the_member_does_not_state_is_an_error(desk):
    confirm_gaon(desk)
    verified = desk / "catalog/verified.yml"
    verified.write_text(verified.read_text("utf-8") + "    certifications: [{type: social-enterprise, number: X-1}]\n")
    said = refused_check(desk)
    assert "enterprises.gaon-bakery.certifications[0].number: 인증 번호 'X-1'이 회원 항목의" in said
    assert "회원 항목에 이 인증이 없다면 회원에게 추가를 요청하세요" in said


def test_future_and_missing_dates_are_errors(desk):
    replace_in(desk / "catalog/verified.yml", "checked: 2025-02-20", "checked: 2026-01-11")
    assert (
        "오류 catalog/verified.yml:5:14: enterprises.haneul-clean.checked: 확인한 날 2026-01-11이 "
        "오늘(2026-01-10)보다 뒤입니다 — 실제로 공식 자료와 대조한 날을 적으세요"
    ) in refused_check(desk)
    replace_in(desk / "catalog/verified.yml", "    checked: 2026-01-11\n", "")
    assert "오류 catalog/verified.yml:4:5: enterprises.haneul-clean.checked:" in refused_check(desk)


def test_verified_fields_are_documented_and_completed_by_editors(desk):
    import json

    committed = json.loads((ROOT / "content/schema/verified.schema.json").read_text("utf-8"))
    assert "saessak-edu" in committed["properties"]["enterprises"]["propertyNames"]["enum"]
    assert (
        (ROOT / "catalog/verified.yml")
        .read_text("utf-8")
        .startswith("# yaml-language-server: $schema=../content/schema/verified.schema.json\n")
    )
    fields = (ROOT / "content/schema/FIELDS.md").read_text("utf-8")
    assert "# catalog/verified.yml 항목 설명 (사무국)" in fields
    assert "| `checked_by` | ● | 확인한 사람 (직책) |" in fields
    # Any network gets its own: the fixture's folders and org types, nothing of the sample's.
    result = run_cli("schema", cwd=desk)
    assert result.returncode == 0, result.stderr
    own = json.loads((desk / "content/schema/verified.schema.json").read_text("utf-8"))
    assert own["properties"]["enterprises"]["propertyNames"]["enum"] == ["gaon-bakery", "haneul-clean"]
    org = own["$defs"]["VerifiedFacts"]["properties"]["org_type"]
    assert org["enum"] == ["cooperative", "social-enterprise"]


# --- verify draft -------------------------------------------------------------------------------

SOURCES = "sources:\n  social-enterprise: [인증기업 조회 (테스트 명단)]\n"


def _only_gaon_confirmed(root: Path) -> None:
    (root / "catalog/verified.yml").write_text("enterprises:\n", "utf-8")
    confirm_gaon(root)


def test_draft_copies_the_claims_marked_for_checking_with_the_sources(desk):
    (desk / "catalog/verification.yml").write_text(SOURCES, "utf-8")
    result = run_cli("verify", "draft", "haneul-clean", cwd=desk)
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(
        "# 대조할 곳 (인증 사회적기업):\n"
        "#   - 인증기업 조회 (테스트 명단)\n"
        "#   haneul-clean:\n"
        '#     name: "하늘청소 (예시)"  # 확인: 공식 자료에 적힌 이름\n'
        "#     checked: 2026-01-10  # 확인: 실제로 대조한 날\n"
        '#     checked_by: ""  # 확인: 확인한 사람 (직책)\n'
        '#     source: "인증기업 조회 (테스트 명단)"  # 확인: 실제로 대조한 자료만 남기세요\n'
        "#     org_type: social-enterprise  # 확인: 조직 유형\n"
        "#     certifications:\n"
        '#       - {type: social-enterprise, number: "테스트-1"}  # 확인: 번호와 유효기간\n'
    )
    assert run_cli("verify", "draft", "haneul-claen", cwd=desk).stderr == (
        "오류 'haneul-claen': 그런 기업 폴더가 없습니다. 혹시 'haneul-clean'인가요?\n"
    )


def test_an_appended_draft_confirms_nothing_until_checked_and_uncommented(desk):
    _only_gaon_confirmed(desk)
    assert run_cli("verify", "draft", "haneul-clean", "--write", cwd=desk).returncode == 0
    assert run_cli("check", cwd=desk).returncode == 0
    listed = run_cli("verify", "list", cwd=desk)
    assert "[확인 필요] 하늘청소 (예시) (haneul-clean)" in listed.stdout
    again = run_cli("verify", "draft", "gaon-bakery", "--write", cwd=desk)
    assert again.returncode == 2 and "'gaon-bakery'의 확인 기록이 이미 있습니다" in again.stderr

    verified = desk / "catalog/verified.yml"
    text = verified.read_text("utf-8")
    head, draft = text.split("#   haneul-clean:\n")
    uncommented = "".join(line.removeprefix("# ") + "\n" for line in ("#   haneul-clean:\n" + draft).splitlines())
    verified.write_text(head + uncommented, "utf-8")
    unchecked = run_cli("check", cwd=desk)
    assert unchecked.returncode == 1 and "enterprises.haneul-clean.checked_by:" in unchecked.stderr

    assert "enterprises.haneul-clean.source:" in unchecked.stderr  # no sources configured: hers to write
    replace_in(verified, 'checked_by: ""', "checked_by: 사무국 간사")
    replace_in(verified, 'source: ""', "source: 인증기업 조회")
    assert run_cli("check", cwd=desk).returncode == 0
    assert "[확인됨] 하늘청소 (예시) (haneul-clean)" in run_cli("verify", "list", cwd=desk).stdout


# --- verify against an official list ------------------------------------------------------------

REGISTRY = """registries:
  - id: se-list
    name: 인증기업 명단 (테스트)
    certification: social-enterprise
    columns: {name: 기업명, number: 인증번호, expires: 인증만료일, business_number: 사업자등록번호}
"""
# Shaped like the public list of certified social enterprises: a running number, region
# columns, dates written with dots, other enterprises around ours.
EXPORT = (
    "연번,인증번호,기업명,대표자명,시도,시군구,인증만료일,사업자등록번호\r\n"
    "1,테스트-0,다른기업 (테스트),김대표,충청남도,예시시,,000-00-00090\r\n"
    '2,테스트-1,"하늘청소, 예시",이대표,충청남도,예시시,2027.03.31,000-00-00091\r\n'
)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp949"])
def test_against_reports_every_mismatch_in_either_encoding(desk, tmp_path, encoding):
    (desk / "catalog/verification.yml").write_text(REGISTRY, "utf-8")
    replace_in(
        desk / "catalog/verified.yml",
        "    org_type: social-enterprise",
        "    org_type: social-enterprise\n    business_number: 000-00-00091",
    )
    export = tmp_path / "명단.csv"
    export.write_bytes(EXPORT.encode(encoding))
    result = run_cli("verify", "against", str(export), cwd=desk)
    assert result.returncode == 1, result.stderr
    assert result.stdout == (
        f"다름 catalog/verified.yml 'haneul-clean' ↔ {export}:3: 기업 이름: 확인 기록 '하늘청소 (예시)', "
        "명단 '하늘청소, 예시'\n"
        f"다름 catalog/verified.yml 'haneul-clean' ↔ {export}:3: 유효기간 종료일: 확인 기록 '없음', 명단 '2027.03.31'\n"
    )
    assert "인증기업 명단 (테스트)과 대조: 확인 기록 1건 가운데 1곳이 다릅니다 (명단 2줄)" in result.stderr


def test_against_finds_a_wrong_number_by_business_number_and_a_missing_one(desk, tmp_path):
    (desk / "catalog/verification.yml").write_text(REGISTRY, "utf-8")
    export = tmp_path / "list.csv"
    export.write_text(EXPORT.replace("테스트-1,", "테스트-7,").replace('"하늘청소, 예시"', "하늘청소 (예시)"), "utf-8")
    replace_in(
        desk / "catalog/verified.yml",
        "    org_type: social-enterprise",
        "    org_type: social-enterprise\n    business_number: 000-00-00091",
    )
    result = run_cli("verify", "against", str(export), "--registry", "se-list", cwd=desk)
    assert "인증 번호: 확인 기록 '테스트-1', 명단 '테스트-7'" in result.stdout
    export.write_text(EXPORT.splitlines()[0] + "\n", "utf-8")
    result = run_cli("verify", "against", str(export), cwd=desk)
    assert result.returncode == 1
    assert (
        result.stdout
        == f"다름 catalog/verified.yml 'haneul-clean' ↔ {export}: 명단에 없습니다 (하늘청소 (예시), 번호 '테스트-1')\n"
    )


def test_against_names_missing_columns_and_unknown_registries(desk, tmp_path):
    (desk / "catalog/verification.yml").write_text(REGISTRY, "utf-8")
    export = tmp_path / "list.csv"
    export.write_text("번호,이름\n1,하늘청소\n", "utf-8")
    result = run_cli("verify", "against", str(export), cwd=desk)
    assert result.returncode == 2
    assert (
        f"오류 {export}: 열 '기업명', '인증번호', '인증만료일', '사업자등록번호'가 없습니다 (파일의 열: 번호, 이름) — "
        "catalog/verification.yml의 registries.columns를 명단의 첫 줄과 같게 고치세요"
    ) in result.stderr
    result = run_cli("verify", "against", str(export), "--registry", "coop", cwd=desk)
    assert result.returncode == 2 and "registries: se-list" in result.stderr
    assert "Traceback" not in result.stderr


def test_against_the_sample_own_list_agrees(tmp_path):
    """A list written from the sample's own confirmations matches them all (CP949, dotted dates)."""
    from secatalog.errors import Report
    from secatalog.read.network import load_configuration
    from secatalog.settings import Settings

    config = load_configuration(Settings(ROOT), Report())
    registry = config.verification.registries[0]
    cols = registry.columns
    lines = [f"연번,{cols.number},{cols.name},{cols.expires},{cols.business_number}"]
    for facts in config.verified.enterprises.values():
        for cert in (c for c in facts.certifications if c.type == registry.certification):
            end = cert.expires.strftime("%Y.%m.%d") if cert.expires else ""
            lines.append(f"{len(lines)},{cert.number},{facts.name},{end},{facts.business_number or ''}")
    assert len(lines) > 2
    export = tmp_path / "list.csv"
    export.write_bytes("\r\n".join(lines).encode("cp949"))
    result = run_cli("verify", "against", str(export), cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"가운데 0곳이 다릅니다 (명단 {len(lines) - 1}줄)" in result.stderr


# --- the secretariat's guide --------------------------------------------------------------------


def test_the_guide_is_a_site_page_naming_only_commands_that_exist(sample_site):
    import re

    from bs4 import BeautifulSoup

    from secatalog.cli.verify import verify_app

    page = BeautifulSoup((sample_site / "secretariat/index.html").read_text("utf-8"), "html.parser")
    assert page.find("h1").get_text() == "사무국 안내"
    headings = [h.get_text() for h in page.find("article").find_all("h2")]
    assert headings == [
        "1. 풀 리퀘스트(PR) 검토",
        "2. 미리보기 열기",
        "3. 사실 확인 (수의계약 표시의 근거)",
        "4. 병합",
        "5. 해마다 다시 확인",
        "6. 기업 내보내기(탈퇴·폐업)",
    ]
    home = BeautifulSoup((sample_site / "index.html").read_text("utf-8"), "html.parser")
    # from every footer, not the buyers' menu (it speaks of PRs and previews)
    assert any(
        a.get_text(strip=True) == "사무국용 안내" and a["href"] == "secretariat/" for a in home.select("footer a")
    )
    assert not any(a["href"].endswith("secretariat/") for a in home.select("nav a"))
    named = set(re.findall(r"secatalog verify ([a-z]+)", page.get_text()))
    assert named and named <= {c.name for c in verify_app.registered_commands}


def test_markdown_fits_an_issue_body_at_ten_thousand_enterprises():
    from secatalog.desk.verify import Finding, Standing, as_markdown

    todo = (Finding("unverified", "사무국 확인 기록이 없습니다"),)
    many = [Standing(f"e-{i:05d}", f"기업 {i} (예시)", todo, None) for i in range(10_000)]
    body = as_markdown(many, date(2026, 1, 10), 365)
    assert len(body) <= 60_000
    shown = body.count("| 확인 필요 | 기업 ")
    assert 300 < shown < 10_000
    assert f"… 외 {10_000 - shown}곳: `secatalog verify list`로 모두 보세요." in body
    assert body.endswith("초안은 `secatalog verify draft 기업폴더`로 만드세요.\n")


def test_against_keeps_a_cell_with_a_newline_on_one_line(desk, tmp_path):
    (desk / "catalog/verification.yml").write_text(REGISTRY, "utf-8")
    export = tmp_path / "list.csv"
    export.write_text(EXPORT.replace('"하늘청소, 예시"', '"하늘청소\n::error::가짜"'), "utf-8")
    result = run_cli("verify", "against", str(export), cwd=desk)
    assert result.returncode == 1
    assert "기업 이름: 확인 기록 '하늘청소 (예시)', 명단 '하늘청소 ::error::가짜'" in result.stdout
    assert not any(line.startswith("::") for line in result.stdout.splitlines())


def test_sample_draft_lists_the_sources_configured_for_its_org_type():
    from secatalog.errors import Report
    from secatalog.read.network import load_configuration
    from secatalog.settings import Settings

    config = load_configuration(Settings(ROOT), Report())
    folders = sorted(p.parent.name for p in (ROOT / "content/enterprises").glob("*/enterprise.yml"))
    waiting = [slug for slug in folders if slug not in config.verified.enterprises]
    assert waiting, "the sample keeps one enterprise waiting for confirmation"
    result = run_cli("verify", "draft", waiting[0], cwd=ROOT)
    assert result.returncode == 0, result.stderr
    org_type = next(line.split(": ")[1].split()[0] for line in result.stdout.splitlines() if "org_type:" in line)
    assert config.verification.sources[org_type]
    for source in config.verification.sources[org_type]:
        assert f"#   - {source}\n" in result.stdout


def test_a_confirmation_file_for_thousands_of_enterprises_is_read(desk):
    """One record per enterprise outgrows an entry's 512 KB at about a thousand enterprises."""
    verified = desk / "catalog/verified.yml"
    verified.write_text(verified.read_text("utf-8") + "# 확인 메모 (예시) 가나다라마바사\n" * 20_000, "utf-8")
    assert verified.stat().st_size > 600 * 1024
    confirm_gaon(desk)
    result = run_cli("check", cwd=desk)
    assert result.returncode == 0, result.stderr
    assert run_cli("verify", "list", cwd=desk).returncode == 0
