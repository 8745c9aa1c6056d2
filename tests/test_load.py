"""The YAML loader: strict, positioned, and never silently changing what a member typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from secatalog.errors import Report
from secatalog.read.documents import load_yaml, parse_yaml


def parse(text: str) -> tuple[object, list[str]]:
    report = Report()
    doc = parse_yaml(text, Path("x.yml"), "x.yml", report)
    return (doc.data if doc else None), [str(p) for p in report.problems]


def test_positions_point_at_values():
    report = Report()
    doc = parse_yaml("a: 1\nlist:\n  - b: 2\n    c: 3\n", Path("x.yml"), "x.yml", report)
    assert str(doc.locate(("list", 0, "c"))) == "x.yml:4:8"
    assert str(doc.locate(("list", 0, "c"), key=True)) == "x.yml:4:5"
    assert str(doc.locate(("list", 0, "missing"))) == "x.yml:3:5"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a: 01234\n", "01234"),  # leading zero: YAML 1.1 would read octal 668
        ("a: no\n", "no"),  # YAML 1.1 would read false
        ("a: 1:20\n", "1:20"),  # YAML 1.1 would read 80
        ("a: 1_000\n", "1_000"),  # YAML 1.1 would read 1000
        ("a: 2025-01-01\n", "2025-01-01"),
        ("a: '0412345678'\n", "0412345678"),
    ],
)
def test_yaml11_surprises_stay_text(text, expected):
    data, problems = parse(text)
    assert problems == []
    assert data["a"] == expected and isinstance(data["a"], str)


def test_numbers_remember_how_they_were_written():
    data, _ = parse("a: 1.10\nb: 12000\n")
    assert data["a"].raw == "1.10" and data["b"] == 12000


@pytest.mark.parametrize(
    "text, message",
    [
        ("a: &x 1\nb: *x\n", "x.yml:1:4: 앵커(&)는 쓸 수 없습니다"),
        ("a: [1, 2]\nb: *x\n", "x.yml:2:4: 별칭(*)은 쓸 수 없습니다"),
        ("a: 1\nb: 2\na: 3\n", "x.yml:3:1: 'a' 항목이 두 번 있습니다 (처음: 1번째 줄)"),
        (
            "a: !!python/object/apply:os.system [ls]\n",
            "x.yml:1:4: YAML 태그 !!python/object/apply:os.system은 쓸 수 없습니다",
        ),
        ("a: !custom 1\n", "x.yml:1:4: YAML 태그 !custom은 쓸 수 없습니다"),
        ("a: 1\n---\nb: 2\n", "x.yml:2:1: 한 파일에 문서가 여러 개 있습니다"),
        ("- a\n- b\n", "x.yml:1:1: 파일 맨 위는 '이름: 값' 형태의 항목들이어야 합니다"),
        ("", "x.yml:1:1: 파일이 비어 있습니다"),
        ("# only a comment\n", "x.yml:1:1: 파일이 비어 있습니다"),
        ("a: [1\n", "x.yml:2:1: YAML 문법 오류"),
        ("a:\n\tb: 1\n", "x.yml:2:1: YAML 문법 오류: 탭 문자는 쓸 수 없습니다"),
        ("<<: {a: 1}\n", "x.yml:1:1: 병합 키(<<)는 쓸 수 없습니다"),
    ],
)
def test_refused_yaml(text, message):
    data, problems = parse(text)
    assert data is None
    assert len(problems) == 1 and problems[0].startswith(message), problems


def test_alias_bomb_is_refused_before_expansion():
    bomb = "a: &a [x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(20)
    )
    data, problems = parse(bomb)
    assert data is None and "앵커" in problems[0]


@pytest.mark.parametrize(
    "raw, message",
    [
        ("a: 1\n".encode("utf-16"), "UTF-16으로 저장된 파일입니다"),
        (b"a: \xff\xfe\xfa\n", "x.yml:1:4: UTF-8이 아닌 글자가 있습니다"),
        (b"a: 1\n" + b"b: " + b"x" * (600 * 1024), "파일이 너무 큽니다"),
    ],
)
def test_bad_encodings_and_sizes(tmp_path, raw, message):
    path = tmp_path / "x.yml"
    path.write_bytes(raw)
    report = Report()
    assert load_yaml(path, tmp_path, report) is None
    assert message in str(report.problems[0])


def test_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "x.yml"
    path.write_bytes(b"\xef\xbb\xbfname: \xea\xb0\x80\n")
    report = Report()
    assert load_yaml(path, tmp_path, report).data == {"name": "가"}
