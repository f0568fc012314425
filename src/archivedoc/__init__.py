"""archivedoc: Wilson Center Digital Archive documents as typed, immutable data.

The API is shaped like :mod:`json` and :mod:`tomllib`::

    doc = archivedoc.loads(text)          # str -> Document
    text = archivedoc.dumps(doc)          # Document -> str, byte for byte
    data = archivedoc.to_dict(doc)        # JSON-ready dict
    doc = archivedoc.from_dict(data)
"""

from __future__ import annotations

from typing import IO, Any

from archivedoc._dates import Date
from archivedoc._document import Document
from archivedoc._errors import ArchivedocError, ParseError
from archivedoc._grammar import grammar_text
from archivedoc._parser import decode as _decode
from archivedoc._parser import parse as _parse
from archivedoc._sections import (
    Citation,
    Contents,
    ContentsItem,
    Credits,
    Language,
    OriginalLanguage,
    Section,
    Summary,
)
from archivedoc._serialize import from_dict, to_dict
from archivedoc._transcript import (
    Block,
    Field,
    Footnote,
    FootnoteDefinition,
    Heading,
    Inline,
    Item,
    Mark,
    PageMarker,
    Paragraph,
    Participant,
    ParticipantList,
    Transcript,
    Turn,
)
from archivedoc._writer import render as _render

__all__ = [
    "ArchivedocError",
    "Block",
    "Citation",
    "Contents",
    "ContentsItem",
    "Credits",
    "Date",
    "Document",
    "Field",
    "Footnote",
    "FootnoteDefinition",
    "Heading",
    "Inline",
    "Item",
    "Language",
    "Mark",
    "OriginalLanguage",
    "PageMarker",
    "Paragraph",
    "ParseError",
    "Participant",
    "ParticipantList",
    "Section",
    "Summary",
    "Transcript",
    "Turn",
    "dump",
    "dumps",
    "from_dict",
    "grammar_text",
    "load",
    "loads",
    "to_dict",
]

__version__ = "0.1.0"


def loads(text: str, *, strict: bool = False) -> Document:
    """Parse a document from ``text``.

    Every character is kept: ``dumps(loads(text)) == text``.  Unknown
    sections become generic :class:`Section` objects; with ``strict=True``
    they, repeated or out-of-order sections, and a missing heading or
    Contents section raise :class:`ParseError` instead.
    """
    return _parse(text, strict=strict)


def load(fp: IO[bytes], *, strict: bool = False) -> Document:
    """Parse a document from a binary file (UTF-8, with or without a BOM)."""
    data: Any = fp.read()
    if isinstance(data, str):
        raise TypeError("load() needs a file opened in binary mode ('rb')")
    return loads(_decode(data), strict=strict)


def dumps(doc: Document) -> str:
    """The text of ``doc``; for a parsed document, exactly the parsed text."""
    return _render(doc)


def dump(doc: Document, fp: IO[bytes]) -> None:
    """Write ``doc`` to a binary file as UTF-8."""
    fp.write(dumps(doc).encode("utf-8"))
