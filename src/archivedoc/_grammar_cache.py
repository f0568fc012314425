"""Compiled grammars kept on disk, so that a run does not compile them again.

Compiling the grammar takes about a second of CPU, nearly all of it in the
``regex`` module's pattern compiler (written in Python), and every
``archivedoc`` command and every new process paid it.  A compiled grammar,
pickled (its regexes with their compiled code), loads in about 30 ms.

A cache file is named by a hash of everything that makes the compiled
objects what they are: the grammar text, how it was compiled, the Python
version and the source of the modules whose classes are pickled
(parsimonious, regex, :mod:`archivedoc._grammar`).  Any change to one of
them gives another name; a file that cannot be read, or does not hold a
grammar, is compiled again and rewritten.  Only files owned by the user and
writable by no one else are read (a pickle can run code).

The folder is ``$ARCHIVEDOC_CACHE_DIR`` if set (empty: no cache), else the
platform's user cache folder (``$XDG_CACHE_HOME/archivedoc`` or
``~/.cache/archivedoc``, ``~/Library/Caches/archivedoc`` on macOS,
``%LOCALAPPDATA%\\archivedoc\\Cache`` on Windows).  At most :data:`LIMIT`
grammars are kept (dialects with their own rules add one each).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: The environment variable naming the cache folder (empty: no cache).
ENV = "ARCHIVEDOC_CACHE_DIR"
#: Grammars kept; the oldest files beyond this are removed when one is written.
LIMIT = 16
#: Part of every file's name: changed when what is pickled changes shape.
_FORMAT = "1"
#: Modules whose classes the pickle refers to (their source is hashed into the name).
_MODULES = (
    "parsimonious.expressions",
    "parsimonious.grammar",
    "parsimonious.nodes",
    "regex._main",
    "archivedoc._grammar",
)


def folder() -> Path | None:
    """The cache folder (which may not exist yet), or None if caching is off."""
    given = os.environ.get(ENV)
    if given is not None:
        return Path(given) if given else None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base, "archivedoc", "Cache") if base else None
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "archivedoc"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg if xdg and os.path.isabs(xdg) else Path.home() / ".cache", "archivedoc")


def cached(text: str, kind: str, compile_text: Callable[[str], Any]) -> Any:
    """``compile_text(text)``, loaded from the cache when it was compiled before.

    ``kind`` names the way ``compile_text`` compiles (part of the file's name).
    """
    where = folder()
    if where is None:
        return compile_text(text)
    path = where / f"grammar-{_key(text, kind)}.pickle"
    found = _load(path)
    if found is not None:
        return found
    grammar = compile_text(text)
    _store(path, grammar)
    return grammar


def _key(text: str, kind: str) -> str:
    import hashlib  # here, as pickle and tempfile below: 20 ms of `import archivedoc` otherwise

    digest = hashlib.sha256()
    regex_version = getattr(sys.modules.get("regex"), "__version__", "")
    for part in (_FORMAT, kind, sys.version, regex_version, text):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    for name in _MODULES:
        module = sys.modules.get(name)
        source = getattr(module, "__file__", None)
        try:
            digest.update(Path(source).read_bytes() if source else name.encode())
        except OSError:
            digest.update(name.encode())
        digest.update(b"\0")
    return digest.hexdigest()[:32]


def _load(path: Path) -> Any:
    import pickle

    from parsimonious.grammar import Grammar

    try:
        with open(path, "rb") as file:
            if not _trusted(os.fstat(file.fileno())):
                return None
            grammar = pickle.load(file)
    except Exception:  # missing, unreadable, truncated, from another version
        return None
    if not isinstance(grammar, Grammar):
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: kept when older files are pruned
    return grammar


def _trusted(stat: os.stat_result) -> bool:
    """True if the file is the user's own and no one else may write it."""
    getuid = getattr(os, "getuid", None)
    if getuid is None:  # Windows: the folder is the user's own
        return True
    return stat.st_uid == getuid() and not stat.st_mode & 0o022


def _store(path: Path, grammar: Any) -> None:
    """Write the grammar (atomically: a reader never sees half a file); errors are ignored."""
    import pickle
    import tempfile

    try:
        data = pickle.dumps(grammar, protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(descriptor, "wb") as file:
                file.write(data)
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        _prune(path.parent)
    except (OSError, pickle.PicklingError, RecursionError, TypeError, AttributeError):
        pass  # a read-only home, a full disk: the next run compiles again


def _prune(where: Path) -> None:
    files = sorted(where.glob("grammar-*.pickle"), key=_mtime, reverse=True)
    for old in files[LIMIT:]:
        with contextlib.suppress(OSError):
            old.unlink()


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
