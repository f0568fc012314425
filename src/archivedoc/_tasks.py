"""The command line's per-document work, run in the worker processes.

Each function takes what reading one source gave (see
:func:`archivedoc.batch._process`) and returns something small: a
:class:`Diagnostic`, a line of output, the facts ``stats`` counts.  Only
that crosses back to the parent, never the Document.
"""

from __future__ import annotations

import json
from pathlib import Path

import attrs

from archivedoc import (
    Document,
    DocumentTooLargeError,
    ParseError,
    _formats,
    _stats,
    dumps,
    loads,
    to_dict,
)
from archivedoc._sources import Source
from archivedoc.batch import READERS, read_text


@attrs.frozen
class Diagnostic:
    """One document that could not be read, or read back, with where and why."""

    file: str
    line: int
    column: int
    message: str
    #: "parse", "too_large", "round_trip" or "io" (an unreadable file: exit code 2).
    kind: str
    #: The offending line with a caret under the spot (empty when there is none).
    excerpt: str = ""

    def text(self) -> str:
        """``file:line:column: message`` (no position for an unreadable file)."""
        if self.kind == "io":
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.line}:{self.column}: {self.message}"

    def to_json(self, ascii_only: bool = False) -> str:
        """One JSON line, for other tools."""
        data = attrs.asdict(self)
        del data["excerpt"]
        return json.dumps(data, ensure_ascii=ascii_only)


def diagnose(source: Source, error: Exception) -> Diagnostic:
    """The Diagnostic for an error from reading ``source``."""
    if isinstance(error, ParseError):
        if isinstance(error, DocumentTooLargeError):
            message = f"document too large: more than {error.limit:,} {error.unit} (--max-size)"
            return Diagnostic(source.name, 1, 1, message, "too_large")
        excerpt = "\n".join(str(error).splitlines()[1:])
        return Diagnostic(source.name, error.lineno, error.colno, error.msg, "parse", excerpt)
    message = getattr(error, "strerror", None) or str(error)
    return Diagnostic(source.name, 0, 0, message, "io")


def check_one(
    source: Source, doc: Document | None, error: Exception | None, original: bytes | str | None
) -> Diagnostic | None:
    if error is not None:
        return diagnose(source, error)
    assert doc is not None and original is not None
    written = dumps(doc)
    if isinstance(original, bytes) and READERS.get(source.suffix, read_text) is not read_text:
        # Not the text layout (e.g. a PDF): the written text must read back the same.
        if loads(written, dialect=doc.dialect, max_size=None) == doc:
            return None
        return Diagnostic(
            source.name, 1, 1, "the written text reads back differently", "round_trip"
        )
    same = written == original if isinstance(original, str) else written.encode() == original
    if same:
        return None
    text = original.decode("utf-8") if isinstance(original, bytes) else original
    pairs = enumerate(zip(written, text, strict=False))
    at = next((i for i, (a, b) in pairs if a != b), min(len(written), len(text)))
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    message = "round trip changed the text: dumps(loads(text)) differs here"
    return Diagnostic(source.name, line, column, message, "round_trip")


def show_one(
    indent: int | None,
    ascii_only: bool,
    source: Source,
    doc: Document | None,
    error: Exception | None,
    original: bytes | str | None,
) -> str | Diagnostic:
    if error is not None:
        return diagnose(source, error)
    assert doc is not None
    separators = (",", ":") if indent is None else None
    return json.dumps(to_dict(doc), indent=indent, ensure_ascii=ascii_only, separators=separators)


def facts_one(
    source: Source, doc: Document | None, error: Exception | None, original: bytes | str | None
) -> _stats.Facts | Diagnostic:
    if error is not None:
        return diagnose(source, error)
    assert doc is not None
    return _stats.facts(doc)


def piece_one(
    name: str,
    source: Source,
    doc: Document | None,
    error: Exception | None,
    original: bytes | str | None,
) -> str | Diagnostic:
    if error is not None:
        return diagnose(source, error)
    assert doc is not None
    stream = _formats.stream(name)
    assert stream is not None
    return stream.piece(source.name, doc)


def write_one(
    name: str,
    folder: str,
    source: Source,
    doc: Document | None,
    error: Exception | None,
    original: bytes | str | None,
) -> Diagnostic | None:
    if error is not None:
        return diagnose(source, error)
    assert doc is not None
    fmt = _formats.formats()[name]
    target = output_path(folder, source, fmt.suffix)
    content = fmt.one(doc)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    except OSError as exc:
        return Diagnostic(str(target), 0, 0, exc.strerror or str(exc), "io")
    return None


def output_path(folder: str, source: Source, suffix: str) -> Path:
    """Where ``convert`` writes a source's output in ``folder``: its name kept, new suffix."""
    relative = Path(source.relative)
    parts = [part for part in relative.parts if part not in ("..", "/", "")]
    return Path(folder, *parts).with_suffix(suffix)
