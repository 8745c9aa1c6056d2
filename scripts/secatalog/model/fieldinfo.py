"""What the model says about each field, beyond its type: its Korean label (the field's
``title``), the hint shown when a member writes it wrong, and its spreadsheet column.

A field declares these once, in model/entries.py (or its type in fields.py does); validation messages,
the exports, the data dictionary and the templates read them here. Nothing here knows about
Jinja, mkdocs or WeasyPrint.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo


@dataclass(frozen=True)
class Hint:
    """How to write a field's value, shown with any error about its form (in Annotated metadata)."""

    text: str


@dataclass(frozen=True)
class Export:
    """A product field's column in products.csv/xlsx and the data dictionary: the header (the
    field's label unless given), the Excel width and the meaning (the label unless given)."""

    width: int
    meaning: str = ""
    header: str = ""


@dataclass(frozen=True)
class Column:
    """One spreadsheet column: the key in products.json, its header, Excel width and meaning."""

    key: str
    header: str
    width: int
    meaning: str


def label(model: type[BaseModel], name: str) -> str:
    """A field's Korean label (its title), or its key when it has none."""
    field = model.model_fields.get(name)
    return field.title if field is not None and field.title else name


def labels(model: type[BaseModel]) -> dict[str, str]:
    """Every labelled field of a model, key -> Korean label."""
    return {name: field.title for name, field in model.model_fields.items() if field.title}


def columns(model: type[BaseModel]) -> list[Column]:
    """The model's exported fields as columns, in the model's order."""
    found = []
    for name, field in model.model_fields.items():
        export = _marker(field, Export)
        if export is not None:
            title = label(model, name)
            found.append(Column(name, export.header or title, export.width, export.meaning or title))
    return found


def field_at(model: type[BaseModel], loc: tuple) -> FieldInfo | None:
    """The field a validation error's location points at (list indexes skipped), or None."""
    current: Any = model
    field = None
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            return None
        field = fields[part]
        current = inner_model(field.annotation)
    return field


def hint(model: type[BaseModel], loc: tuple) -> str:
    """The hint the field at loc declares, or its type declares; '' when neither does. The hint
    of a list's items (GitHub ids) is for an item, not for the list (maintainers: written as text)."""
    field = field_at(model, loc)
    found = _marker(field, Hint, items=bool(loc) and isinstance(loc[-1], int)) if field is not None else None
    return found.text if found is not None else ""


def inner_model(annotation: Any) -> Any:
    """The record type inside an annotation (Photo in list[Photo] | None), or None."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = inner_model(arg)
        if found is not None:
            return found
    return None


M = typing.TypeVar("M")


def _marker(field: FieldInfo, kind: type[M], items: bool = False) -> M | None:
    """A field's marker of a kind: its own (the outermost, listed last) before its type's, which
    may sit inside an optional (Phone | None) or, for one of its items, inside a list."""
    own = [m for m in field.metadata if isinstance(m, kind)]
    found = own or _nested(field.annotation, kind, items)
    return found[-1] if found else None


def _nested(annotation: Any, kind: type, items: bool) -> list:
    if typing.get_origin(annotation) is list and not items:
        return []
    out = []
    if typing.get_origin(annotation) is typing.Annotated:
        out += [m for m in annotation.__metadata__ if isinstance(m, kind)]
    for arg in typing.get_args(annotation):
        out += _nested(arg, kind, items)
    return out
