"""The output formats of ``archivedoc convert``.

``md`` (the archive's own layout, byte for byte), ``json`` and ``jsonl``
(:func:`archivedoc.to_dict`) are the command line's own; every format of
the :mod:`archivedoc.export` registry (``csv``, ``tei``, ``bibtex``, ...) is
offered beside them.  The own JSON formats stream: a worker renders each
document's piece, and the parent writes the pieces between a head and a
tail, so one output of any size never sits in memory.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping

import attrs

from archivedoc import Document, dumps, to_dict
from archivedoc.export import FORMATS, Format


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


_OWN = {
    "md": Format("md", ".md", False, dumps, None, "the archive's text, byte for byte"),
    "json": Format(
        "json",
        ".json",
        False,
        _json,
        None,
        "to_dict's JSON; an array for one output, an object per file in a folder",
    ),
    "jsonl": Format("jsonl", ".jsonl", False, _jsonl, None, "JSON Lines, one document per line"),
}

#: The own formats that stream into one output.
STREAMS: Mapping[str, Stream] = {
    "json": Stream("[\n", lambda name, doc: _json(doc).rstrip("\n"), ",\n", "\n]\n"),
    "jsonl": Stream("", lambda name, doc: _jsonl(doc), "", ""),
}


def formats() -> dict[str, Format]:
    """Every format ``convert`` offers, by name: the export registry's, then the own ones."""
    return {**FORMATS, **_OWN}


def describe() -> str:
    """The formats for ``--help``: each name with what it is."""
    parts = []
    for name, fmt in sorted(formats().items()):
        parts.append(f"{name} ({fmt.description})" if fmt.description else name)
    return "; ".join(parts)


def stream(name: str) -> Stream | None:
    """How to stream ``name`` into one output, if it is an own format that can."""
    return STREAMS.get(name)
