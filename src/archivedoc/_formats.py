"""The output formats of ``archivedoc convert``.

``md`` (the archive's own layout, byte for byte), ``json`` and ``jsonl``
(:func:`archivedoc.to_dict`) are the command line's own; every format of
the ``archivedoc.export`` registry is offered beside them when that package
is there, and a small ``csv`` of this module's otherwise.  The own formats
stream: a worker renders each document's piece, and the parent writes the
pieces between a head and a tail, so one output of any size never sits in
memory.
"""

from __future__ import annotations

import csv
import importlib
import io
import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from archivedoc import Document, dumps, to_dict


@attrs.frozen
class Format:
    """An output format, the same shape as ``archivedoc.export.Format``."""

    name: str
    suffix: str
    binary: bool
    one: Callable[[Document], str | bytes]
    many: Callable[[Iterable[tuple[str, Document]]], str | bytes] | None


@attrs.frozen
class Stream:
    """How a format writes many documents into one output, a piece per document."""

    head: str
    piece: Callable[[str, Document], str]
    separator: str
    tail: str


def _json(doc: Document) -> str:
    return json.dumps(to_dict(doc), indent=2, ensure_ascii=False) + "\n"


def _jsonl(doc: Document) -> str:
    return json.dumps(to_dict(doc), ensure_ascii=False, separators=(",", ":")) + "\n"


#: The columns of the command line's own CSV, one row per document.
CSV_COLUMNS = (
    "file",
    "record_id",
    "edtf",
    "earliest",
    "latest",
    "title",
    "languages",
    "archive",
    "repository",
    "url",
    "summary",
    "participants",
    "turns",
)


def _csv_row(name: str, doc: Document) -> str:
    citation = doc.citation
    locator = citation.locator if citation is not None else None
    date = doc.date
    row = (
        name,
        citation.record_id if citation is not None else None,
        date.edtf if date is not None else None,
        date.earliest if date is not None else None,
        date.latest if date is not None else None,
        doc.title,
        "; ".join(lang.code or lang.name for lang in doc.languages),
        citation.archive if citation is not None else None,
        locator.repository if locator is not None else None,
        citation.url if citation is not None else None,
        doc.summary,
        len(doc.transcript.participants),
        len(doc.transcript.turns),
    )
    return _csv_line(["" if value is None else str(value) for value in row])


def _csv_line(values: Iterable[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(values)
    return buffer.getvalue()


_CSV_HEAD = _csv_line(CSV_COLUMNS)


def _csv_many(docs: Iterable[tuple[str, Document]]) -> str:
    return _CSV_HEAD + "".join(_csv_row(name, doc) for name, doc in docs)


def _csv_one(doc: Document) -> str:
    return _csv_many([("", doc)])


_OWN = {
    "md": Format("md", ".md", False, dumps, None),
    "json": Format("json", ".json", False, _json, None),
    "jsonl": Format("jsonl", ".jsonl", False, _jsonl, None),
}
_OWN_CSV = Format("csv", ".csv", False, _csv_one, _csv_many)

#: The own formats that stream into one output.
STREAMS: Mapping[str, Stream] = {
    "json": Stream("[\n", lambda name, doc: _json(doc).rstrip("\n"), ",\n", "\n]\n"),
    "jsonl": Stream("", lambda name, doc: _jsonl(doc), "", ""),
    "csv": Stream(_CSV_HEAD, _csv_row, "", ""),
}


def _registry() -> Mapping[str, Any] | None:
    """``archivedoc.export.FORMATS`` if that package is installed, else None."""
    try:
        module = importlib.import_module("archivedoc.export")
    except ImportError:
        return None
    found: Mapping[str, Any] | None = getattr(module, "FORMATS", None)
    return found


def formats() -> dict[str, Any]:
    """Every format ``convert`` offers, by name: the registry's, then the own ones."""
    registry = _registry()
    if registry is None:
        return {**_OWN, "csv": _OWN_CSV}
    return {**registry, **_OWN}


_DESCRIPTIONS = {
    "md": "the archive's text, byte for byte",
    "json": "to_dict's JSON; an array for one output, an object per file in a folder",
    "jsonl": "JSON Lines, one document per line",
    "csv": "a table, one row per document",
}


def describe() -> str:
    """The formats for ``--help``: each name with what it is."""
    parts = []
    for name, fmt in sorted(formats().items()):
        about = _DESCRIPTIONS.get(name) if name in _OWN or fmt is _OWN_CSV else None
        about = about or getattr(fmt, "description", "")
        parts.append(f"{name} ({about})" if about else name)
    return "; ".join(parts)


def stream(name: str) -> Stream | None:
    """How to stream ``name`` into one output, if it is an own format that can."""
    if name == "csv" and "csv" in (_registry() or {}):
        return None
    return STREAMS.get(name)
