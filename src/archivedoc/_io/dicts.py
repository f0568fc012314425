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

    The data must have ``to_dict``'s shape and its ``"schema"`` version; the
    error names the path of the first value that does not fit
    (``sections[2].kind``).  Section kinds are looked up in ``dialect``
    (``kinds`` overrides them) and the Document belongs to ``dialect``.
    """
    if not isinstance(data, Mapping):
        raise ValueError(f"not a document dict: the data is a {type(data).__name__}")
    version = data.get("schema")
    if type(version) is not int or version != SCHEMA_VERSION:
        raise ValueError(
            f"schema: this archivedoc reads schema version {SCHEMA_VERSION}, got {version!r}"
        )
    body = {key: value for key, value in data.items() if key != "schema"}
    table = dialect.section_kinds if kinds is None else kinds
    result = _structure(Document, body, table, "", dialect)
    assert isinstance(result, Document)
    return result


def _at(path: str, message: str) -> ValueError:
    return ValueError(f"{path or 'the document'}: {message}")


def _structure(
    cls: Any,
    data: Any,
    kinds: Mapping[str, type[Section]],
    path: str,
    dialect: Dialect = DEFAULT,
) -> Any:
    """``data`` as a ``cls``; ``path`` is where it sits in the document dict."""
    origin = typing.get_origin(cls)
    if origin in (Union, types.UnionType):
        if data is None:
            return None
        (inner,) = [arg for arg in typing.get_args(cls) if arg is not type(None)]
        return _structure(inner, data, kinds, path)
    if origin is tuple:
        if not isinstance(data, (list, tuple)):
            raise _at(path, f"expected a list, got {type(data).__name__}")
        item_type = typing.get_args(cls)[0]
        return tuple(
            _structure(item_type, item, kinds, f"{path}[{index}]")
            for index, item in enumerate(data)
        )
    if isinstance(cls, type) and attrs.has(cls):
        if not isinstance(data, Mapping):
            raise _at(path, f"expected an object, got {type(data).__name__}")
        prefix = f"{path}." if path else ""
        if issubclass(cls, Section):
            kind = data.get("kind")
            if not isinstance(kind, str) or kind not in kinds:
                known = ", ".join(sorted(kinds))
                raise _at(f"{prefix}kind", f"unknown section kind {kind!r} (known: {known})")
            cls = kinds[kind]
        fields = {f.name: f for f in attrs.fields(cls)}
        for key in data:
            if key not in fields and key != "kind":
                raise _at(f"{prefix}{key}", f"{cls.__name__} has no field {key!r}")
        hints = _type_hints(cls)
        args = {
            f.name: _structure(hints[f.name], data[f.name], kinds, f"{prefix}{f.name}")
            for f in fields.values()
            if f.init and f.name in data and f.metadata.get("serialize", True)
        }
        if cls is Document and dialect is not DEFAULT:
            args["dialect"] = dialect
        try:
            return cls(**args)
        except (TypeError, ValueError) as exc:
            raise _at(path, str(exc)) from exc
    if cls is datetime.date:
        try:
            return datetime.date.fromisoformat(data)
        except (TypeError, ValueError) as exc:
            raise _at(path, f"not an ISO date: {data!r}") from exc
    if cls in (str, bool) and type(data) is not cls:
        raise _at(path, f"expected a {cls.__name__}, got {type(data).__name__}")
    return data


@functools.cache
def _type_hints(cls: type) -> dict[str, Any]:
    """``typing.get_type_hints``, once per class: it evaluates every annotation string."""
    return typing.get_type_hints(cls)
