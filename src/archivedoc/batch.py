"""Whole archives at once: many documents read in order, streaming, on several processes.

:func:`load_many` reads files, folders, globs and zip or tar archives;
:func:`loads_many` reads texts.  Both yield one :class:`Result` per document,
in input order, as soon as it is ready, and never raise for a bad document:
the error is in its Result.  ``jobs=N`` parses on N processes; the results
are the same whatever N is, and memory stays bounded whatever the corpus
size (a few chunks of documents are in flight, never the whole list).
Worker processes read files themselves: only paths cross between processes.

Which reader turns a file's bytes into a Document depends on its suffix,
compared in lower case (:data:`READERS`; ``.md`` and ``.txt`` are the
archive's text layout, ``.pdf`` its PDF exports).  Other readers are added
with :func:`register_reader`.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import pickle
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from typing import Any, TypeVar

import attrs

from archivedoc import (
    DEFAULT,
    DEFAULT_MAX_SIZE,
    Dialect,
    Document,
    DocumentTooLargeError,
    ParseError,
    load,
    loads,
)
from archivedoc._pool import ordered_map
from archivedoc._sources import Source, expand
from archivedoc.pdf import PdfError, load_pdf

__all__ = [
    "READERS",
    "ReadOptions",
    "Reader",
    "Result",
    "load_many",
    "loads_many",
    "read_pdf",
    "read_text",
    "register_reader",
]

_R = TypeVar("_R")


@attrs.frozen
class ReadOptions:
    """How to read each document: the arguments of :func:`archivedoc.loads`."""

    strict: bool = False
    dialect: Dialect = DEFAULT
    #: The largest file, archive member or text accepted, in bytes for files
    #: (checked before the file is read whole) and characters for texts.
    max_size: int | None = DEFAULT_MAX_SIZE


#: A reader turns a file's bytes into a Document, raising ParseError for bad input.
Reader = Callable[[bytes, ReadOptions], Document]


def read_text(data: bytes, options: ReadOptions) -> Document:
    """The reader of the archive's text layout (UTF-8, with or without a BOM)."""
    return load(io.BytesIO(data), strict=options.strict, dialect=options.dialect, max_size=None)


def read_pdf(data: bytes, options: ReadOptions) -> Document:
    """The reader of the archive's PDF exports (:func:`archivedoc.pdf.load_pdf`).

    The export has one layout, so the dialect is not used.  Without pypdf
    installed every PDF fails alone, with the message that says what to
    install, and the other documents are still read.
    """
    try:
        return load_pdf(data, strict=options.strict, max_size=options.max_size)
    except ImportError as exc:
        raise PdfError(str(exc)) from None


#: Readers by lower-case suffix (with its dot).  A file named on its own with
#: another suffix is read as text; in folders and archives only these are read.
READERS: dict[str, Reader] = {".md": read_text, ".txt": read_text, ".pdf": read_pdf}


def register_reader(suffix: str, reader: Reader) -> None:
    """Read files ending in ``suffix`` (any case, e.g. ``".pdf"``) with ``reader``.

    ``reader`` must be a module-level function (worker processes look it up
    by name where they are not forked).  Registered readers apply to the
    batches started afterwards.
    """
    if not suffix.startswith(".") or len(suffix) < 2:
        raise ValueError(f"a suffix starts with a dot, as in '.pdf', not {suffix!r}")
    READERS[suffix.lower()] = reader


@attrs.frozen
class Result:
    """What reading one document gave: its ``document``, or the ``error`` instead.

    ``source`` names the document: its path, ``archive.zip/member.md`` for an
    archive member, ``<stdin>``, or for texts the name given (``<text N>``,
    counting from 1, by default).  ``error`` is a :class:`archivedoc.ParseError`
    for bad input (:class:`archivedoc.DocumentTooLargeError` over ``max_size``)
    or an :class:`OSError` for a file that cannot be read.
    """

    source: str
    document: Document | None = None
    error: ParseError | OSError | None = None

    @property
    def ok(self) -> bool:
        """True if the document was read."""
        return self.error is None


def load_many(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    jobs: int = 1,
    strict: bool = False,
    dialect: Dialect = DEFAULT,
    max_size: int | None = DEFAULT_MAX_SIZE,
) -> Iterator[Result]:
    """Read every document under ``paths``, yielding a :class:`Result` for each, in order.

    A path is a file, a folder (its ``.md`` and ``.txt`` files and those of
    :data:`READERS`, recursively, in name order, hidden ones left out), a
    glob (``corpus/**/*.md``) or a zip or tar archive (``.zip``, ``.tar``,
    ``.tar.gz``, ``.tgz``, ``.tar.bz2``, ``.tar.xz``: its members in archive
    order); ``-`` is standard input.  ``jobs`` is the number of processes
    (1 or less: none is started).

    >>> import pathlib, tempfile
    >>> from archivedoc.batch import load_many
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.md").write_text("## 1945 A title\\n", encoding="utf-8")
    >>> _ = (folder / "b.MD").write_text("### Broken\\n", encoding="utf-8")
    >>> for result in load_many(folder, jobs=2):
    ...     print(pathlib.Path(result.source).name, result.ok)
    a.md True
    b.MD False
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    options = ReadOptions(strict=strict, dialect=dialect, max_size=max_size)
    sources = expand(paths, frozenset(READERS), max_size)
    yield from _documents(sources, options, jobs)


def loads_many(
    texts: Iterable[str | tuple[str, str]],
    *,
    jobs: int = 1,
    strict: bool = False,
    dialect: Dialect = DEFAULT,
    max_size: int | None = DEFAULT_MAX_SIZE,
) -> Iterator[Result]:
    """Parse each text (or ``(name, text)`` pair), yielding a :class:`Result` for each, in order.

    >>> from archivedoc.batch import loads_many
    >>> [r.ok for r in loads_many(["## 1945 A title\\n", ("bad.md", "### Broken\\n")])]
    [True, False]
    """
    sources = (
        Source(item[0], item[0], text=item[1])
        if isinstance(item, tuple)
        else Source(f"<text {number}>", f"text-{number}.txt", text=item)
        for number, item in enumerate(texts, 1)
    )
    options = ReadOptions(strict=strict, dialect=dialect, max_size=max_size)
    yield from _documents(sources, options, jobs)


# A task turns what reading a source gave into what the batch yields for it:
# task(source, document, error, original bytes or text).
_Task = Callable[[Source, "Document | None", "Exception | None", "bytes | str | None"], _R]


def _process(
    sources: Iterable[Source],
    task: _Task[_R],
    options: ReadOptions,
    jobs: int,
    readers: Mapping[str, Reader] | None = None,
) -> Generator[_R, None, None]:
    """``task`` applied to each source once read, on ``jobs`` processes, in order.

    The command line's commands run their work (checking, converting,
    counting) in the workers through this, so only small results come back.
    """
    function = functools.partial(
        _apply, task, options, dict(READERS if readers is None else readers)
    )
    if jobs > 1:
        _warm(options.dialect)
    return ordered_map(function, sources, jobs, weight=_carried)


def _carried(source: Source) -> int:
    """The bytes a source takes to a worker (a path is read there, not sent)."""
    return len(source.data or source.text or "")


def _warm(dialect: Dialect) -> None:
    """Load the dialect's grammar in the parent, so that forked workers inherit it.

    Once here instead of once per worker (about 40 ms from the cache on
    disk, a second of CPU when it has to be compiled).
    """
    with contextlib.suppress(ParseError):
        loads("## 1945 A title\n", dialect=dialect)


def _apply(
    task: _Task[_R], options: ReadOptions, readers: Mapping[str, Reader], source: Source
) -> _R:
    try:
        document, original = _read(source, options, readers)
    except (ParseError, OSError) as exc:
        return task(source, None, exc, None)
    return task(source, document, None, original)


def _read(
    source: Source, options: ReadOptions, readers: Mapping[str, Reader]
) -> tuple[Document, bytes | str]:
    if source.error is not None:
        raise source.error
    if source.text is not None:
        document = loads(
            source.text, strict=options.strict, dialect=options.dialect, max_size=options.max_size
        )
        return document, source.text
    data = source.data if source.data is not None else _read_file(source, options.max_size)
    reader = readers.get(source.suffix, read_text)
    return reader(data, options), data


def _read_file(source: Source, max_size: int | None) -> bytes:
    """The file's bytes, refused by its size before it is read whole."""
    assert source.path is not None
    with open(source.path, "rb") as file:
        if max_size is None:
            return file.read()
        size = os.fstat(file.fileno()).st_size
        if size > max_size:
            raise DocumentTooLargeError(size, max_size, "bytes")
        data = file.read(max_size + 1)
    if len(data) > max_size:  # a file that grew, or a pipe
        raise DocumentTooLargeError(len(data), max_size, "bytes")
    return data


def _result(
    source: Source,
    document: Document | None,
    error: Exception | None,
    original: bytes | str | None,
) -> Result:
    assert error is None or isinstance(error, (ParseError, OSError))
    return Result(source.name, document, error)


class _Pickler(pickle.Pickler):
    """Pickles ``dialect`` as a reference, to be put back by identity (see _pickled_result)."""

    def __init__(self, file: io.BytesIO, dialect: Dialect) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._dialect = dialect

    def persistent_id(self, obj: Any) -> str | None:
        return "dialect" if obj is self._dialect else None


class _Unpickler(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, dialect: Dialect) -> None:
        super().__init__(file)
        self._dialect = dialect

    def persistent_load(self, pid: Any) -> Dialect:
        return self._dialect


def _pickled_result(
    dialect: Dialect,
    source: Source,
    document: Document | None,
    error: Exception | None,
    original: bytes | str | None,
) -> bytes:
    """The Result pickled with its dialect left out, to be put back by identity in the parent.

    Pickling would otherwise copy the dialect, and a Document of a copied
    :data:`archivedoc.DEFAULT` would no longer be written by the fast path.
    """
    buffer = io.BytesIO()
    _Pickler(buffer, dialect).dump(_result(source, document, error, original))
    return buffer.getvalue()


def _unpickled_result(dialect: Dialect, data: bytes) -> Result:
    result: Any = _Unpickler(io.BytesIO(data), dialect).load()
    assert isinstance(result, Result)
    return result


def _documents(
    sources: Iterable[Source], options: ReadOptions, jobs: int
) -> Generator[Result, None, None]:
    if jobs <= 1:
        yield from _process(sources, _result, options, jobs)
        return
    task = functools.partial(_pickled_result, options.dialect)
    for data in _process(sources, task, options, jobs):
        yield _unpickled_result(options.dialect, data)
