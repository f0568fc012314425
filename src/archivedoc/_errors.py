"""The library's exceptions: one base class, and ParseError for bad input."""

from __future__ import annotations

__all__ = ["ArchivedocError", "DocumentTooLargeError", "ParseError"]

# Lines longer than this are shown as a window around the error column.
_WINDOW = 76


class ArchivedocError(Exception):
    """Base class of every exception archivedoc raises on purpose."""


class ParseError(ArchivedocError, ValueError):
    """Text that is not a valid document, with the spot where it went wrong.

    Modelled on :class:`json.JSONDecodeError`: ``msg`` says what was expected,
    ``doc`` is the whole text, ``pos`` the 0-based offset into it, ``lineno``
    and ``colno`` the 1-based line and column (in characters).  ``str()`` of
    the error shows the offending line with a caret under the spot.
    """

    msg: str
    doc: str
    pos: int
    lineno: int
    colno: int

    def __init__(self, msg: str, doc: str, pos: int) -> None:
        pos = max(0, min(pos, len(doc)))
        line_start = doc.rfind("\n", 0, pos) + 1
        line_end = doc.find("\n", pos)
        if line_end == -1:
            line_end = len(doc)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = doc.count("\n", 0, pos) + 1
        self.colno = pos - line_start + 1
        line = doc[line_start:line_end].rstrip("\r")
        super().__init__(_format(msg, self.lineno, self.colno, line))

    def __reduce__(self) -> tuple[type[ParseError], tuple[str, str, int]]:
        return type(self), (self.msg, self.doc, self.pos)


class DocumentTooLargeError(ParseError):
    """A document larger than the ``max_size`` given to :func:`archivedoc.loads` or ``load``.

    Raised before any parsing (and, for ``load``, before decoding), so an
    untrusted upload cannot make a service spend memory or time on it.
    ``limit`` is the ``max_size``, in ``unit`` ("characters" for ``loads``,
    "bytes" for ``load``); ``size`` is the text's length, or for ``load``
    the bytes read before giving up (``limit + 1``).  ``doc`` is empty and
    ``pos`` is 0.
    """

    size: int
    limit: int
    unit: str

    def __init__(self, size: int, limit: int, unit: str = "characters") -> None:
        self.size = size
        self.limit = limit
        self.unit = unit
        msg = (
            f"document too large: more than max_size={limit:,} {unit} "
            "(pass a larger max_size, or max_size=None, to accept it)"
        )
        ArchivedocError.__init__(self, msg)
        self.msg = msg
        self.doc = ""
        self.pos = 0
        self.lineno = 1
        self.colno = 1

    def __reduce__(self) -> tuple[type[ParseError], tuple[int, int, str]]:  # type: ignore[override]
        return type(self), (self.size, self.limit, self.unit)


def _format(msg: str, lineno: int, colno: int, line: str) -> str:
    """The message, the line (or a window of it) and a caret under the column."""
    col = colno - 1
    if len(line) > _WINDOW:
        start = max(0, min(col - _WINDOW // 2, len(line) - _WINDOW))
        shown = line[start : start + _WINDOW]
        prefix = "..." if start else ""
        suffix = "..." if start + _WINDOW < len(line) else ""
        col = col - start + len(prefix)
        line = prefix + shown + suffix
    visible = "".join(ch if ch == "\t" or ch.isprintable() else "?" for ch in line)
    caret = "".join("\t" if ch == "\t" else " " for ch in visible[:col]) + "^"
    return f"{msg} (line {lineno}, column {colno})\n    {visible}\n    {caret}"
