"""READ: YAML files into plain data with the line and column of every value.

The loader is deliberately stricter than YAML 1.1: aliases, anchors and explicit tags are
refused, duplicate keys are errors, and plain scalars are resolved by the YAML 1.2 core
rules, except that numbers with a leading zero stay text. Numbers also remember the text
they were written as, so a postal code or phone number typed without quotes is kept
exactly as typed instead of becoming a number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import Location, Report, relpath
from ..korean import josa
from ..model.values import FULL_WIDTH_DIGITS, RawFloat, RawInt
from ..settings import MAX_YAML_BYTES

Path_ = tuple[str | int, ...]

MAX_NESTING = 40  # entries nest 4 levels; the composer is recursive, so depth is bounded

_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+\.[0-9]*)([eE][-+]?[0-9]+)?|[-+]?[0-9]+[eE][-+]?[0-9]+")
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}


@dataclass
class Document:
    """A parsed YAML file: its data and where each value and key stands."""

    path: Path
    shown: str
    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def locate(self, at: Path_, key: bool = False) -> Location:
        """Find the nearest known position for a path, walking up to its parents."""
        table = self.key_positions if key else self.positions
        probe = tuple(at)
        while probe:
            if probe in table:
                return Location(self.shown, *table[probe])
            if probe in self.positions:
                return Location(self.shown, *self.positions[probe])
            probe = probe[:-1]
        line, col = self.positions.get((), (1, 1))
        return Location(self.shown, line, col)


class _Refused(Exception):
    def __init__(self, mark: Any, message: str, hint: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message
        self.hint = hint


try:
    from yaml.cyaml import CParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    CParser = None

if CParser is not None:

    class _Base(yaml.composer.Composer, CParser, yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
        """libyaml's parser (about five times faster) with PyYAML's Python composer on top."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)
else:  # pragma: no cover - PyYAML built without libyaml
    _Base = yaml.SafeLoader


class _StrictLoader(_Base):
    """A composer that refuses the YAML features members never need and attackers like.

    Composing stays in Python so that every node is checked before anything is built.
    """

    depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if self.depth >= MAX_NESTING:
            raise _Refused(
                event.start_mark,
                f"목록이나 항목이 너무 깊게 겹쳐 있습니다 (최대 {MAX_NESTING}단계)",
                "괄호([ {)나 들여쓰기가 짝이 맞는지 확인하세요",
            )
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(event.start_mark, "별칭(*)은 쓸 수 없습니다", "값을 그대로 다시 적으세요")
        if getattr(event, "anchor", None):
            raise _Refused(event.start_mark, "앵커(&)는 쓸 수 없습니다", "'&이름' 부분을 지우고 값을 그대로 적으세요")
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):
            shown_tag = str(tag).replace("tag:yaml.org,2002:", "!!")
            raise _Refused(
                event.start_mark,
                f"YAML 태그 {josa(shown_tag, '은')} 쓸 수 없습니다",
                "'!'로 시작하는 태그를 지우고 값만 적으세요",
            )
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def read_text(path: Path, shown: str, report: Report, limit: int = MAX_YAML_BYTES) -> str | None:
    """Read a file as UTF-8 text, reporting size and encoding problems in Korean."""
    loc = Location(shown)
    if path.is_symlink():
        report.error(loc, "심볼릭 링크는 쓸 수 없습니다", "링크 대신 실제 파일을 올리세요")
        return None
    try:
        data = path.read_bytes()
    except OSError as exc:
        report.error(loc, f"파일을 읽을 수 없습니다 ({exc.strerror})", "파일 권한과 이름을 확인하세요")
        return None
    if len(data) > limit:
        report.error(
            loc,
            f"파일이 너무 큽니다 ({len(data):,}바이트, 한도 {limit:,}바이트)",
            "사진이나 긴 자료는 별도 파일로 나누세요",
        )
        return None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(data) > 1 and b"\x00" in data[:64]):
        report.error(loc, "UTF-16으로 저장된 파일입니다", "편집기에서 인코딩을 'UTF-8'로 바꿔 다시 저장하세요")
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        report.error(
            Location(shown, line, col),
            "UTF-8이 아닌 글자가 있습니다",
            "편집기에서 인코딩을 'UTF-8'로 바꿔 다시 저장하세요",
        )
        return None
    if "\x00" in text:
        report.error(loc, "파일에 NUL 문자가 있습니다", "텍스트 편집기로 다시 저장하세요")
        return None
    return text


def load_yaml(path: Path, root: Path, report: Report, limit: int = MAX_YAML_BYTES) -> Document | None:
    """Parse one YAML file (at most limit bytes) into a Document, or report why it cannot be read."""
    shown = relpath(path, root)
    text = read_text(path, shown, report, limit)
    if text is None:
        return None
    return parse_yaml(text, path, shown, report)


def parse_yaml(text: str, path: Path, shown: str, report: Report) -> Document | None:
    """Parse YAML text that is already decoded (also used for Markdown front matter)."""
    if not text.strip() or all(line.lstrip().startswith("#") or not line.strip() for line in text.splitlines()):
        report.error(
            Location(shown, 1, 1),
            "파일이 비어 있습니다",
            "카탈로그 사이트의 '참여하기' 양식으로 만든 내용을 붙여 넣으세요",
        )
        return None
    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
    except _Refused as exc:
        report.error(_mark(shown, exc.mark), exc.message, exc.hint)
        return None
    except yaml.composer.ComposerError as exc:
        if "another document" in str(exc.problem or ""):
            report.error(
                _mark(shown, exc.problem_mark),
                "한 파일에 문서가 여러 개 있습니다",
                "'---' 줄을 지우고 한 문서로 합치세요",
            )
        elif not _known_mistake(text, shown, exc.problem_mark, report):
            report.error(
                _mark(shown, exc.problem_mark),
                f"YAML 구조 오류: {exc.problem}",
                "들여쓰기와 ':' 뒤의 띄어쓰기를 확인하세요",
            )
        return None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if "quoted scalar" in str(exc.context or "") and exc.context_mark is not None:
            mark = exc.context_mark  # an unclosed quote: point at where it opens, not at the end of the file
        if _known_mistake(text, shown, mark, report):
            return None
        report.error(
            _mark(shown, mark),
            f"YAML 문법 오류: {_problem_ko(exc.problem, _char_at(text, mark))}",
            "들여쓰기(스페이스 2칸), ':' 뒤 띄어쓰기, 따옴표 짝을 확인하세요",
        )
        return None
    except yaml.YAMLError as exc:
        report.error(Location(shown, 1, 1), f"YAML을 읽을 수 없습니다: {exc}", "파일을 UTF-8 텍스트로 다시 저장하세요")
        return None
    finally:
        loader.dispose()
    doc = Document(path, shown, None)
    if not isinstance(node, yaml.MappingNode):
        report.error(
            _mark(shown, node.start_mark),
            "파일 맨 위는 '이름: 값' 형태의 항목들이어야 합니다",
            "예시 파일처럼 'name: ...'으로 시작하세요",
        )
        return None
    converter = _Converter(doc, report)
    doc.data = converter.convert(node, ())
    return None if converter.failed else doc


def _known_mistake(text: str, shown: str, mark: Any, report: Report) -> bool:
    """A syntax error members often make, reported where it is with the corrected line."""
    from .mistakes import diagnose_yaml

    found = diagnose_yaml(text, mark.line if mark is not None else 0)
    if found is not None:
        report.error(Location(shown, found.line, found.column), f"YAML 문법 오류: {found.message}", found.hint)
    return found is not None


def _mark(shown: str, mark: Any) -> Location:
    if mark is None:
        return Location(shown, 1, 1)
    return Location(shown, mark.line + 1, mark.column + 1)


_PROBLEMS = {
    # PyYAML's and libyaml's wordings of the same mistakes
    "mapping values are not allowed": "여기에는 ':' 값을 쓸 수 없습니다 (앞 줄의 들여쓰기나 따옴표를 확인하세요)",
    "did not find expected key": "들여쓰기가 맞지 않습니다 (항목 이름이 있어야 할 자리입니다)",
    "did not find expected ',' or ']'": "목록 괄호 [ ]가 닫히지 않았습니다",
    "did not find expected ',' or '}'": "묶음 괄호 { }가 닫히지 않았습니다",
    "expected ',' or ']'": "목록 괄호 [ ]가 닫히지 않았습니다",
    "expected ',' or '}'": "묶음 괄호 { }가 닫히지 않았습니다",
    "found character that cannot start any token": "이 문자로 값을 시작할 수 없습니다 (값을 따옴표로 감싸세요)",
    "did not find expected '-' indicator": "목록(-)의 들여쓰기가 맞지 않습니다",
    "could not find expected ':'": "':'가 있어야 할 곳에 없습니다",
    "found character '\\t' that cannot start any token": "탭 문자는 쓸 수 없습니다 (스페이스로 들여쓰세요)",
    "found unexpected end of stream": "따옴표나 괄호가 닫히지 않았습니다",
    "expected <block end>, but found '-'": "목록(-)의 들여쓰기가 맞지 않습니다",
}


def _char_at(text: str, mark: Any) -> str:
    if mark is None:
        return ""
    lines = text.split("\n")
    line = lines[mark.line] if mark.line < len(lines) else ""
    return line[mark.column] if mark.column < len(line) else ""


def _problem_ko(problem: str | None, char: str = "") -> str:
    if char == "\t" or "'\\t'" in (problem or ""):
        return "탭 문자는 쓸 수 없습니다 (스페이스로 들여쓰세요)"
    text = problem or "알 수 없는 문제"
    for english, korean in _PROBLEMS.items():
        if text.startswith(english):
            return korean
    return text


class _Converter:
    """Turn YAML nodes into Python values, recording positions and refusing duplicates."""

    def __init__(self, doc: Document, report: Report) -> None:
        self.doc = doc
        self.report = report
        self.failed = False

    def convert(self, node: yaml.Node, at: Path_) -> Any:
        self.doc.positions[at] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, at)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, at + (i,)) for i, item in enumerate(node.value)]
        return resolve_scalar(node.value, node.style)

    def _mapping(self, node: yaml.MappingNode, at: Path_) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_loc = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if not isinstance(key_node, yaml.ScalarNode):
                self._fail(key_loc, "항목 이름 자리에 목록이나 묶음이 있습니다", "항목 이름은 글자로 적으세요")
                continue
            key = key_node.value
            if key == "<<":
                self._fail(key_loc, "병합 키(<<)는 쓸 수 없습니다", "값을 그대로 다시 적으세요")
                continue
            if key in result:
                first = self.doc.key_positions[at + (key,)]
                self._fail(key_loc, f"'{key}' 항목이 두 번 있습니다 (처음: {first[0]}번째 줄)", "둘 중 하나를 지우세요")
                continue
            self.doc.key_positions[at + (key,)] = key_loc
            result[key] = self.convert(value_node, at + (key,))
        return result

    def _fail(self, where: tuple[int, int], message: str, hint: str) -> None:
        self.failed = True
        self.report.error(Location(self.doc.shown, *where), message, hint)


def resolve_scalar(value: str, style: str | None) -> Any:
    """Resolve a scalar by YAML 1.2 core rules; quoted and block scalars are always text."""
    if style:
        return value
    if value in _NULL:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if not value.isascii() and _INT.fullmatch(digits := value.translate(FULL_WIDTH_DIGITS)):
        return RawInt(digits)  # ４５００ typed with a Korean input method means 4500
    if _INT.fullmatch(value):
        return RawInt(value)
    if _FLOAT.fullmatch(value):
        return RawFloat(value)
    return value
