"""The published JSON Schema of an entry: generated from the models, enums from catalog/."""

from __future__ import annotations

import json
from typing import Any

from .model import Enterprise
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


def form_patterns() -> dict[str, str]:
    """Patterns for the 참여하기 form, taken from the model so the form and the check agree."""
    schema = Enterprise.model_json_schema()
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
    props = Enterprise.model_json_schema()["properties"]
    fields = {"name": "name", "line": "mission", "text": "introduction"}
    return {limit: props[name]["maxLength"] for limit, name in fields.items()}
