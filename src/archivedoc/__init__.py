"""archivedoc: Wilson Center Digital Archive documents as typed, immutable data.

The API is shaped like :mod:`json` and :mod:`tomllib`::

    doc = archivedoc.loads(text)          # str -> Document
    text = archivedoc.dumps(doc)          # Document -> str, byte for byte
    data = archivedoc.to_dict(doc)        # JSON-ready dict
    doc = archivedoc.from_dict(data)

Other formats are dialects (:class:`Dialect`), derived from :data:`DEFAULT`::

    doc = archivedoc.loads(text, dialect=my_dialect)

The classes a Document is made of are in :mod:`archivedoc.model`.
"""

from __future__ import annotations

import warnings
from typing import IO, Any

from archivedoc import model
from archivedoc._dialect import DEFAULT, Dialect, DialectError
from archivedoc._errors import ArchivedocError, DocumentTooLargeError, ParseError
from archivedoc._grammar import grammar_text
from archivedoc._io import write as _write
from archivedoc._io.dicts import from_dict, to_dict
from archivedoc._io.parse import DEFAULT_MAX_SIZE
from archivedoc._io.parse import check_size as _check_size
from archivedoc._io.parse import decode as _decode
from archivedoc._io.parse import parse as _parse
from archivedoc._io.verify import verify
from archivedoc._naming import publish as _publish
from archivedoc._seed import seed_path, seed_text
from archivedoc.model import Document

__all__ = [
    "DEFAULT",
    "DEFAULT_MAX_SIZE",
    "ArchivedocError",
    "Dialect",
    "DialectError",
    "Document",
    "DocumentTooLargeError",
    "ParseError",
    "dump",
    "dumps",
    "from_dict",
    "grammar_text",
    "load",
    "loads",
    "seed_path",
    "seed_text",
    "to_dict",
    "verify",
]

_publish(__name__, ArchivedocError, ParseError, DocumentTooLargeError, DialectError, Dialect)

#: Names that moved, kept for one release: name -> (module, where it lives now).
_MOVED = {name: (model, "archivedoc.model") for name in model.__all__ if name != "Document"}
_MOVED.update(
    {
        "render_heading": (_write, "nowhere public: the one writer writes every dialect"),
        "render_section": (_write, "nowhere public: the one writer writes every dialect"),
    }
)


def __getattr__(name: str) -> Any:
    """Today's top-level names of the model classes, with a DeprecationWarning."""
    moved = _MOVED.get(name)
    if moved is None:
        raise AttributeError(f"module 'archivedoc' has no attribute {name!r}")
    module, home = moved
    if home.startswith("archivedoc."):
        advice = f"import it from {home} (from {home} import {name})"
    else:
        advice = f"it is {home}; archivedoc.dumps writes a document"
    warnings.warn(
        f"archivedoc.{name} is deprecated and goes in the next release: {advice}",
        DeprecationWarning,
        stacklevel=2,
    )
    return getattr(module, name)


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
    sections become generic :class:`~archivedoc.model.Section` objects; with ``strict=True``
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
    return _write.render(doc)


def dump(doc: Document, fp: IO[bytes]) -> None:
    """Write ``doc`` to a binary file as UTF-8."""
    fp.write(dumps(doc).encode("utf-8"))
