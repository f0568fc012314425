"""archivedoc: Wilson Center Digital Archive documents as typed, immutable data.

The API is shaped like :mod:`json` and :mod:`tomllib`::

    doc = archivedoc.loads(text)          # str -> Document
    text = archivedoc.dumps(doc)          # Document -> str, byte for byte
    data = archivedoc.to_dict(doc)        # JSON-ready dict
    doc = archivedoc.from_dict(data)

Other formats are dialects (:class:`Dialect`), derived from :data:`DEFAULT`::

    doc = archivedoc.loads(text, dialect=my_dialect)
"""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Any

from archivedoc._citation import Contributor, Locator
from archivedoc._dates import Date
from archivedoc._dialect import DEFAULT, Dialect, DialectError
from archivedoc._document import Document
from archivedoc._errors import ArchivedocError, DocumentTooLargeError, ParseError
from archivedoc._grammar import grammar_text
from archivedoc._parser import DEFAULT_MAX_SIZE
from archivedoc._parser import check_size as _check_size
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
from archivedoc._seed import seed_path, seed_text
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
from archivedoc._writer import render_heading, render_section

if TYPE_CHECKING:
    from archivedoc.batch import load_many, loads_many

__all__ = [
    "DEFAULT",
    "DEFAULT_MAX_SIZE",
    "ArchivedocError",
    "Block",
    "Citation",
    "Contents",
    "ContentsItem",
    "Contributor",
    "Credits",
    "Date",
    "Dialect",
    "DialectError",
    "Document",
    "DocumentTooLargeError",
    "Field",
    "Footnote",
    "FootnoteDefinition",
    "Heading",
    "Inline",
    "Item",
    "Language",
    "Locator",
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
    "load_many",
    "loads",
    "loads_many",
    "render_heading",
    "render_section",
    "seed_path",
    "seed_text",
    "to_dict",
]

__version__ = "0.1.0"


def loads(
    text: str,
    *,
    strict: bool = False,
    dialect: Dialect = DEFAULT,
    max_size: int | None = DEFAULT_MAX_SIZE,
) -> Document:
    """Parse a document from ``text``.

    Every character is kept: ``dumps(loads(text)) == text``.  Unknown
    sections become generic :class:`Section` objects; with ``strict=True``
    they, repeated or out-of-order sections, and a missing heading or
    Contents section raise :class:`ParseError` instead.  ``dialect`` is the
    format to read (the archive's own by default); the Document keeps it.

    A text longer than ``max_size`` characters (default
    :data:`DEFAULT_MAX_SIZE`, 64 MiB; None for no limit) raises
    :class:`DocumentTooLargeError` before any parsing.
    """
    return _parse(text, strict=strict, dialect=dialect, max_size=max_size)


def load(
    fp: IO[bytes],
    *,
    strict: bool = False,
    dialect: Dialect = DEFAULT,
    max_size: int | None = DEFAULT_MAX_SIZE,
) -> Document:
    """Parse a document from a binary file (UTF-8, with or without a BOM).

    At most ``max_size`` bytes are read (default :data:`DEFAULT_MAX_SIZE`;
    None for no limit): a longer file raises :class:`DocumentTooLargeError`
    before anything is decoded or parsed.
    """
    data: Any = fp.read() if max_size is None else fp.read(max_size + 1)
    if isinstance(data, str):
        raise TypeError("load() needs a file opened in binary mode ('rb')")
    if max_size is not None:
        _check_size(len(data), max_size, "bytes")
    return loads(_decode(data), strict=strict, dialect=dialect, max_size=None)


def dumps(doc: Document) -> str:
    """The text of ``doc`` in its dialect; for a parsed document, exactly the parsed text."""
    if doc.dialect is DEFAULT:
        return _render(doc)
    return doc.dialect.render(doc)


def dump(doc: Document, fp: IO[bytes]) -> None:
    """Write ``doc`` to a binary file as UTF-8."""
    fp.write(dumps(doc).encode("utf-8"))


# The batch functions live in archivedoc.batch, imported on first use: it
# needs the functions above, and multiprocessing, zipfile and tarfile are
# not worth their import time to a program that reads one document.
_BATCH = frozenset({"load_many", "loads_many"})


def __getattr__(name: str) -> Any:
    if name in _BATCH:
        from archivedoc import batch

        return getattr(batch, name)
    raise AttributeError(f"module 'archivedoc' has no attribute {name!r}")
