"""The published JSON Schema of an entry: generated from the models, enums from catalog/."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from .entries import Enterprise
from .slugs import RESERVED

SCHEMA_ID = "enterprise.schema.json"


def enterprise_schema(context: dict[str, set[str]] | None = None) -> dict[str, Any]:
    """JSON Schema for enterprise.yml; with a context, references list their allowed values."""
    schema = Enterprise.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "사회적경제 카탈로그 기업 항목 (enterprise.yml)"
    schema["description"] = "기업 한 곳과 그 제품·서비스. 모든 설명은 한국어입니다."
    if context:
        _inject_enums(schema, context)
    return schema


_REFERENCE_KEYS = {"category": "categories", "org_type": "org_types", "type": None}


def _inject_enums(node: Any, context: dict[str, set[str]]) -> None:
    """Put the catalog's own ids into reference fields so editors can autocomplete them."""
    if isinstance(node, dict):
        for key, value in node.get("properties", {}).items():
            kind = _REFERENCE_KEYS.get(key, "")
            description = str(value.get("description", ""))
            if key == "type" and "인증" in description:
                kind = "certifications"
            elif key == "type" and "구매 경로" in description:
                kind = "channels"
            if kind and kind in context and value.get("type") == "string":
                value["enum"] = sorted(context[kind])
        for child in node.values():
            _inject_enums(child, context)
    elif isinstance(node, list):
        for child in node:
            _inject_enums(child, context)


def dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


@cache
def _model_schema() -> dict[str, Any]:
    """The model's own schema, computed once for the form (read only: callers do not change it)."""
    return Enterprise.model_json_schema()


def form_patterns() -> dict[str, str]:
    """Patterns for the 참여하기 form, taken from the model so the form and the check agree."""
    schema = _model_schema()
    props = schema["properties"]
    product = schema["$defs"]["Product"]["properties"]

    def pattern(prop: dict) -> str:
        for option in prop.get("anyOf", [prop]):
            if "pattern" in option:
                return option["pattern"].removeprefix("^").removesuffix("$")
        raise KeyError(prop)

    found = {
        "slug": pattern(product["id"]),
        "phone": pattern(props["phone"]),
        "github": pattern(props["maintainers"]["items"]),
    }
    # Names the site itself uses are refused by the form as they are by check.
    found["id"] = found["slug"]
    found["slug"] = f"(?!(?:{'|'.join(sorted(RESERVED))})$){found['slug']}"
    # HTML compiles pattern="" with the 'v' flag, where a bare '-' in a class is an error.
    return {key: value.replace("-]", "\\-]") for key, value in found.items()}


def form_limits() -> dict[str, int]:
    """Longest texts the model takes, so the form counts against the same limits as check."""
    props = _model_schema()["properties"]
    fields = {"name": "name", "line": "mission", "text": "introduction"}
    return {limit: props[name]["maxLength"] for limit, name in fields.items()}


FIELDS_DOC = "FIELDS.md"
# The nested records, by the name a member knows them by.
_RECORDS = {
    "Product": "제품·서비스 (products)",
    "Certification": "인증 (certifications)",
    "Photo": "사진 (photos)",
    "Contact": "구매 담당자 (contact)",
    "SalesChannel": "살 수 있는 곳 (channels)",
    "CheckPoint": "구매 담당자가 볼 점 (check_point)",
    "WorkerInfo": "근로자 수 (workers)",
    "HistoryItem": "걸어온 길 (history)",
    "ProcurementRecord": "공공구매 실적 (procurement_record)",
    "Contribution": "사회공헌 활동 (social_contribution)",
    "VerifiedFacts": "기업 한 곳의 확인 기록 (enterprises.<기업 폴더>)",
    "VerifiedCertification": "확인한 인증·지정 (certifications)",
    "VerifiedWorkers": "확인한 근로자 수 (workers)",
}
_TYPES = {"string": "글", "integer": "정수", "number": "숫자", "boolean": "true 또는 false", "array": "목록"}


def field_reference(
    schema: dict[str, Any], title: str = "# enterprise.yml 항목 설명", top: str = "기업 (파일 맨 바깥)"
) -> str:
    """Every field of a file (enterprise.yml by default) as Korean tables, from the schema (so it cannot drift)."""
    defs = schema.get("$defs", {})
    out = [
        title,
        "",
        "`secatalog schema`가 검사 규칙에서 만든 문서입니다. 손으로 고치지 마세요.",
        "**꼭**에 ●가 있는 항목은 반드시 적어야 합니다.",
        "",
    ]
    seen: list[str] = []

    def table(title: str, node: dict[str, Any]) -> None:
        out.extend([f"## {title}", "", "| 항목 | 꼭 | 설명 | 쓰는 법 |", "|---|---|---|---|"])
        required = set(node.get("required", []))
        for name, prop in node.get("properties", {}).items():
            text = _cell(prop.get("description", "") or _description_of(prop, defs))
            out.append(f"| `{name}` | {'●' if name in required else ''} | {text} | {_cell(_form(prop, defs, seen))} |")
        out.append("")

    table(top, schema)
    for name in seen:  # grows while the tables are written: each nested record once, in order met
        table(_RECORDS.get(name, name), defs[name])
    return "\n".join(out)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _target(prop: dict[str, Any]) -> dict[str, Any]:
    options = [p for p in prop.get("anyOf", [prop]) if p.get("type") != "null"]
    return options[0] if options else prop


def _description_of(prop: dict[str, Any], defs: dict[str, Any]) -> str:
    ref = _target(prop).get("$ref") or _target(prop).get("items", {}).get("$ref")
    return defs.get(ref.rsplit("/", 1)[-1], {}).get("description", "") if ref else ""


def _form(prop: dict[str, Any], defs: dict[str, Any], seen: list[str]) -> str:
    target = _target(prop)
    if "$ref" in target:
        name = target["$ref"].rsplit("/", 1)[-1]
        if name not in seen:
            seen.append(name)
        return f"아래 '{_RECORDS.get(name, name)}' 표"
    if target.get("type") == "array":
        return "목록: " + _form(target.get("items", {}), defs, seen)
    values = [*target.get("patternProperties", {}).values()]
    if values:
        return "기업 폴더 이름마다: " + _form(values[0], defs, seen)
    parts = []
    if "enum" in target:
        parts.append("다음 중 하나: " + ", ".join(f"`{v}`" for v in target["enum"]))
    elif "const" in target:
        parts.append(f"`{target['const']}`")
    else:
        parts.append(_TYPES.get(target.get("type", ""), "값"))
    if target.get("format") == "date":
        parts = ["날짜 (YYYY-MM-DD)"]
    if "maxLength" in target:
        parts.append(f"{target['maxLength']:,}자까지")
    if "examples" in target:
        parts.append(f"예: `{target['examples'][0]}`")
    elif "pattern" in target and "enum" not in target:
        parts.append(f"형식 `{target['pattern']}`")
    if "default" in prop and prop["default"] not in ("", [], None):
        parts.append(f"비우면 `{json.dumps(prop['default'], ensure_ascii=False)}`")
    if len(prop.get("anyOf", [])) > 1 and "enum" not in target:
        others = [p for p in prop["anyOf"] if p is not target and p.get("type") != "null"]
        parts += [_form(p, defs, seen) for p in others]
    return ", ".join(parts)


VERIFIED_SCHEMA_ID = "verified.schema.json"


def verified_schema(context: dict[str, set[str]], slugs: list[str]) -> dict[str, Any]:
    """JSON Schema for catalog/verified.yml: the catalog's ids, and its enterprise folders as keys."""
    from .network import VerifiedFile

    schema = VerifiedFile.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "사무국 확인 기록 (catalog/verified.yml)"
    _inject_enums(schema, context)
    enterprises = schema["properties"]["enterprises"]
    enterprises["propertyNames"] = {"enum": sorted(slugs)}
    enterprises["description"] = "사무국이 확인한 기업: content/enterprises/의 폴더 이름마다 하나"
    return schema


def fields_doc(entry: dict[str, Any], verified: dict[str, Any]) -> str:
    """content/schema/FIELDS.md: the member's file, then the secretariat's."""
    return (
        field_reference(entry)
        + "\n"
        + field_reference(verified, "# catalog/verified.yml 항목 설명 (사무국)", "확인 기록 파일 (맨 바깥)")
    )
