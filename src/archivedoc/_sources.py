"""What to read: paths, folders, globs and archives expanded, lazily, into sources.

A :class:`Source` names one document and says where its bytes are: a file
that the worker process reads itself (only the path crosses between
processes), or bytes already read by the parent (an archive member,
standard input).  Problems found while listing (a missing path, a damaged
archive, a member over the size limit) become sources that carry the
error, so a batch reports them in their place instead of stopping.
"""

from __future__ import annotations

import glob
import itertools
import os
import sys
import tarfile
import zipfile
from collections.abc import Container, Iterable, Iterator
from pathlib import Path, PurePosixPath
from typing import IO

import attrs

from archivedoc import DocumentTooLargeError

#: Archive name endings, compared in lower case.
ARCHIVE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")
STDIN = "-"
_MAGIC = frozenset("*?[")


@attrs.frozen
class Source:
    """One document to read: ``name`` for messages, ``relative`` for output paths."""

    name: str
    relative: str
    path: str | None = None
    data: bytes | None = None
    text: str | None = None
    error: Exception | None = None

    @property
    def suffix(self) -> str:
        """The lower-case suffix that selects the reader ('' if none)."""
        return _suffix(self.relative.rpartition("/")[2])


def is_archive(name: str) -> bool:
    """True if the name ends like a zip or tar archive (any case)."""
    return name.lower().endswith(ARCHIVE_SUFFIXES)


def expand(
    inputs: Iterable[str | os.PathLike[str]], suffixes: Container[str], max_size: int | None
) -> Iterator[Source]:
    """The documents the inputs name, in order: folders sorted, archives in their order.

    In folders, globs and archives only names whose lower-case suffix is in
    ``suffixes`` are documents; a file named on its own is read whatever its
    name.  ``-`` is standard input.
    """
    for given in inputs:
        name = os.fspath(given)
        if name == STDIN:
            yield _stdin(max_size)
        elif os.path.isdir(name):
            yield from _folder(Path(name), suffixes)
        elif os.path.isfile(name) and is_archive(name):
            yield from _archive(name, suffixes, max_size)
        elif os.path.exists(name):  # a file, or a pipe such as <(zcat doc.md.gz)
            yield Source(name, os.path.basename(name), path=name)
        elif _MAGIC & set(name):
            yield from _glob(name, suffixes, max_size)
        else:
            error = FileNotFoundError(2, "no such file or folder", name)
            yield Source(name, os.path.basename(name), error=error)


def count(inputs: Iterable[str | os.PathLike[str]], suffixes: Container[str]) -> int | None:
    """How many documents ``expand`` will give, or None if only reading can tell.

    Cheap where the names are at hand: folders and globs are listed, a zip
    archive's directory is read.  A tar archive is a stream that would have
    to be read (and decompressed) through once more: None.
    """
    total = 0
    for given in inputs:
        name = os.fspath(given)
        if os.path.isdir(name):
            found: int | None = sum(1 for _ in _folder(Path(name), suffixes))
        elif os.path.isfile(name) and is_archive(name):
            found = _archive_count(name, suffixes)
        elif os.path.exists(name) or name == STDIN or not _MAGIC & set(name):
            found = 1  # a file, standard input, or a missing path's error
        else:
            found = _glob_count(name, suffixes)
        if found is None:
            return None
        total += found
    return total


def _glob_count(pattern: str, suffixes: Container[str]) -> int | None:
    matches = glob.glob(pattern, recursive=True)
    total = 0 if matches else 1  # no match: one error
    for match in matches:
        if os.path.isdir(match):
            total += sum(1 for _ in _folder(Path(match), suffixes))
        elif is_archive(match):
            found = _archive_count(match, suffixes)
            if found is None:
                return None
            total += found
        elif _suffix(os.path.basename(match)) in suffixes:
            total += 1
    return total


def _archive_count(path: str, suffixes: Container[str]) -> int | None:
    if not path.lower().endswith(".zip"):
        return None
    try:
        with zipfile.ZipFile(path) as archive:
            names = [info.filename for info in archive.infolist() if not info.is_dir()]
    except (OSError, zipfile.BadZipFile):
        return 1  # the damaged archive's one error
    return sum(_suffix(PurePosixPath(name).name) in suffixes for name in names)


def _stdin(max_size: int | None) -> Source:
    stream = sys.stdin.buffer
    data = stream.read() if max_size is None else stream.read(max_size + 1)
    if max_size is not None and len(data) > max_size:
        return Source(
            "<stdin>", "stdin.txt", error=DocumentTooLargeError(len(data), max_size, "bytes")
        )
    return Source("<stdin>", "stdin.txt", data=data)


def _folder(root: Path, suffixes: Container[str], prefix: str = "") -> Iterator[Source]:
    """Files under ``root`` in name order, hidden ones (``.git``, ...) left out."""
    try:
        entries = sorted(os.scandir(root), key=lambda entry: entry.name)
    except OSError as exc:
        yield Source(str(root), prefix or root.name, error=exc)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        relative = f"{prefix}{entry.name}"
        if entry.is_dir():
            yield from _folder(Path(entry.path), suffixes, relative + "/")
        elif entry.is_file() and _suffix(entry.name) in suffixes:
            yield Source(entry.path, relative, path=entry.path)


def _suffix(name: str) -> str:
    """``PurePosixPath(name).suffix.lower()``, at a tenth of the cost (a folder walk's share)."""
    at = name.rfind(".")
    return name[at:].lower() if 0 < at < len(name) - 1 else ""


def _glob(pattern: str, suffixes: Container[str], max_size: int | None) -> Iterator[Source]:
    parts = Path(pattern).parts
    fixed = list(itertools.takewhile(lambda part: not _MAGIC & set(part), parts))
    root = os.path.join(*fixed) if fixed else ""
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        error = FileNotFoundError(2, "no file matches", pattern)
        yield Source(pattern, os.path.basename(pattern), error=error)
    for match in matches:
        relative = os.path.relpath(match, root) if root else match
        if os.path.isdir(match):
            yield from _folder(Path(match), suffixes, Path(relative).as_posix() + "/")
        elif is_archive(match):
            yield from _archive(match, suffixes, max_size)
        elif PurePosixPath(match).suffix.lower() in suffixes:
            yield Source(match, Path(relative).as_posix(), path=match)


def _archive(path: str, suffixes: Container[str], max_size: int | None) -> Iterator[Source]:
    try:
        if path.lower().endswith(".zip"):
            yield from _zip(path, suffixes, max_size)
        else:
            yield from _tar(path, suffixes, max_size)
    except (OSError, zipfile.BadZipFile, tarfile.TarError, EOFError) as exc:
        error = OSError(f"cannot read the archive: {exc}")
        error.filename = path
        yield Source(path, os.path.basename(path), error=error)


def _member(
    archive: str, member: str, size: int, suffixes: Container[str], max_size: int | None
) -> Source | None:
    """A Source for a member (its data to be read), None if it is not a document."""
    if PurePosixPath(member).suffix.lower() not in suffixes:
        return None
    while member.startswith("./"):  # tar -C folder . names its members ./name
        member = member[2:]
    name = f"{archive}/{member}"
    if max_size is not None and size > max_size:
        return Source(name, member, error=DocumentTooLargeError(size, max_size, "bytes"))
    return Source(name, member)


def _zip(path: str, suffixes: Container[str], max_size: int | None) -> Iterator[Source]:
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            source = _member(path, info.filename, info.file_size, suffixes, max_size)
            if source is None or source.error is not None:
                if source is not None:
                    yield source
                continue
            with archive.open(info) as member:
                data = _read_bounded(member, max_size)
            yield _with_data(source, data, max_size)


def _tar(path: str, suffixes: Container[str], max_size: int | None) -> Iterator[Source]:
    # "r|*": a stream, member after member, whatever the compression.
    with tarfile.open(path, "r|*") as archive:
        for info in archive:
            if not info.isfile():
                continue
            source = _member(path, info.name, info.size, suffixes, max_size)
            if source is None or source.error is not None:
                if source is not None:
                    yield source
                continue
            member = archive.extractfile(info)
            assert member is not None  # a regular file
            yield _with_data(source, _read_bounded(member, max_size), max_size)


def _read_bounded(stream: IO[bytes], max_size: int | None) -> bytes:
    return stream.read() if max_size is None else stream.read(max_size + 1)


def _with_data(source: Source, data: bytes, max_size: int | None) -> Source:
    if max_size is not None and len(data) > max_size:
        return attrs.evolve(source, error=DocumentTooLargeError(len(data), max_size, "bytes"))
    return attrs.evolve(source, data=data)
