"""Documents to JSON-ready data and back.

``to_dict`` writes every field of every object, the derived ones too (so a
consumer of the JSON gets the structured values without archivedoc); each
section and transcript block carries a ``kind`` that names its class.
``from_dict`` reads back only the fields a class is built from: derived
values are recomputed from the text, which stays the source of truth.
"""

from __future__ import annotations

import datetime
import functools
import types
import typing
from collections.abc import Mapping
from typing import Any, Union

import attrs

from archivedoc._dialect import DEFAULT, Dialect
from archivedoc._model.document import Document
from archivedoc._model.sections import Section

#: The version of the JSON layout; bumped when it changes incompatibly.
SCHEMA_VERSION = 1


def to_dict(doc: Document) -> dict[str, Any]:
    """JSON-ready data for ``doc`` (``json.dumps`` accepts it as it is)."""
    data = _unstructure(doc)
    assert isinstance(data, dict)
    return {"schema": SCHEMA_VERSION, **data}


def _unstructure(value: Any) -> Any:
    if attrs.has(type(value)):
        data: dict[str, Any] = {}
        kind = getattr(type(value), "KIND", None)
        if isinstance(kind, str):
            data["kind"] = kind
        for field in attrs.fields(type(value)):
            if field.metadata.get("serialize", True):
                data[field.name] = _unstructure(getattr(value, field.name))
        return data
    if isinstance(value, (tuple, list)):
        return [_unstructure(item) for item in value]
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return value


def from_dict(
    data: Mapping[str, Any],
    *,
    dialect: Dialect = DEFAULT,
    kinds: Mapping[str, type[Section]] | None = None,
) -> Document:
    """The Document that ``to_dict`` described; raises ValueError on bad data.

    Section kinds are looked up in ``dialect`` (``kinds`` overrides them) and
    the Document belongs to ``dialect``.
    """
    try:
        result = _structure(
            Document, data, dialect.section_kinds if kinds is None else kinds, dialect
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"not a document dict: {exc!r}") from exc
    assert isinstance(result, Document)
    return result


def _structure(
    cls: Any, data: Any, kinds: Mapping[str, type[Section]], dialect: Dialect = DEFAULT
) -> Any:
    origin = typing.get_origin(cls)
    if origin in (Union, types.UnionType):
        if data is None:
            return None
        (inner,) = [arg for arg in typing.get_args(cls) if arg is not type(None)]
        return _structure(inner, data, kinds)
    if origin is tuple:
        item_type = typing.get_args(cls)[0]
        return tuple(_structure(item_type, item, kinds) for item in data)
    if isinstance(cls, type) and issubclass(cls, Section):
        cls = kinds[data["kind"]]
    if isinstance(cls, type) and attrs.has(cls):
        hints = _type_hints(cls)
        args = {
            f.name: _structure(hints[f.name], data[f.name], kinds)
            for f in attrs.fields(cls)
            if f.init and f.name in data and f.metadata.get("serialize", True)
        }
        if cls is Document and dialect is not DEFAULT:
            args["dialect"] = dialect
        return cls(**args)
    if cls is datetime.date:
        return datetime.date.fromisoformat(data)
    return data


@functools.cache
def _type_hints(cls: type) -> dict[str, Any]:
    """``typing.get_type_hints``, once per class: it evaluates every annotation string."""
    return typing.get_type_hints(cls)
