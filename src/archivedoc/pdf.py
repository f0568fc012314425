"""Read the archive's own PDF exports ("Download PDF") into Documents.

Most people who use the Digital Archive have its documents as the PDF files
the site served.  :func:`load_pdf` reads one (a path, a binary file or the
bytes) and returns the :class:`~archivedoc.Document` that
:func:`archivedoc.loads` gives for the same record in the archive's text
layout, so everything else in archivedoc (``dumps``, ``to_dict``, the
transcript's structure) works on it unchanged.

The text comes from the PDF's text layer through `pypdf
<https://pypdf.readthedocs.io>`_, an optional dependency:
``pip install "archivedoc[pdf]"``.
"""

from __future__ import annotations

import io
import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

from archivedoc import DEFAULT_MAX_SIZE, Document, DocumentTooLargeError, ParseError, loads
from archivedoc._pdf_layout import LayoutError, Page, to_text

__all__ = ["DEFAULT_MAX_PAGES", "PdfError", "load_pdf"]

#: The most pages :func:`load_pdf` reads by default: far more than a record
#: has, few enough that a hostile file claiming millions is refused at once.
DEFAULT_MAX_PAGES = 2000

_INSTALL = 'reading PDFs needs pypdf 5 or later: pip install "archivedoc[pdf]"'
# The most bytes of (decoded) drawing instructions read for one page: a page
# of an export has about 0.1 MB, one glyph at a time.  Text extraction takes
# 1 to 2 s of CPU time per MB, so a small file that inflates to far more (a
# "zip bomb") is refused here instead of keeping pypdf busy for minutes.
_MAX_PAGE_CONTENT = 2 * 1024 * 1024
# For all pages together, ``max_size`` bytes (the file's own limit), or this
# with ``max_size=None``: some 600 pages of text.
_MAX_CONTENT = 64 * 1024 * 1024
# The PDF header must appear within the first KiB (as PDF readers allow).
_HEADER_WINDOW = 1024


class PdfError(ParseError):
    """A PDF that is not one of the archive's exports, or cannot be read.

    The message says why: not a PDF, damaged, encrypted, no pages or too many,
    no text layer (a scan), or a first page that is not the export's layout
    (another PDF).  ``page`` is the 1-based page at fault, or None for the
    file as a whole.  As a :class:`~archivedoc.ParseError` it is a
    ``ValueError``; ``doc`` is empty and ``lineno``/``colno`` are 1.
    """

    page: int | None

    def __init__(self, msg: str, page: int | None = None) -> None:
        self.msg = msg
        self.page = page
        self.doc = ""
        self.pos = 0
        self.lineno = 1
        self.colno = 1
        Exception.__init__(self, f"page {page}: {msg}" if page else msg)

    def __reduce__(self) -> tuple[type[PdfError], tuple[str, int | None]]:  # type: ignore[override]
        return type(self), (self.msg, self.page)


def load_pdf(
    source: str | os.PathLike[str] | bytes | bytearray | memoryview | IO[bytes],
    *,
    strict: bool = False,
    max_size: int | None = DEFAULT_MAX_SIZE,
    max_pages: int = DEFAULT_MAX_PAGES,
) -> Document:
    """Read one of the archive's PDF exports as a Document in the default layout.

    ``source`` is a path, a file opened in binary mode, or the file's bytes.
    The heading comes from the date and title lines (a wrapped title joined
    again), each labelled part becomes its section (wrapped lines joined into
    one paragraph, the URL on a line of its own), then the Contents items and
    the transcript, one form feed per page break.  The site's header is
    dropped; pages without text at the end (the scan of the original) give
    no form feeds.  ``strict`` is passed on to :func:`archivedoc.loads`.

    A file larger than ``max_size`` bytes raises
    :class:`~archivedoc.DocumentTooLargeError`; one with more than
    ``max_pages`` pages, with more than ``max_size`` bytes of drawing
    instructions in all (64 MiB for None) or 2 MiB on a page, or that is
    not such an export, raises :class:`PdfError`.  Without pypdf installed
    it raises ImportError, saying what to install.
    """
    pypdf = _pypdf()
    data = _read(source, max_size)
    if b"%PDF-" not in data[:_HEADER_WINDOW]:
        raise PdfError("not a PDF file: no '%PDF-' header")
    try:
        text = to_text(_pages(pypdf, data, max_pages, max_size))
    except LayoutError as exc:
        raise PdfError(exc.msg, exc.page or None) from None
    try:
        return loads(text, strict=strict, max_size=None)
    except ParseError as exc:
        raise PdfError(
            f"its text does not read as a document: {exc.msg} "
            f"(line {exc.lineno}, column {exc.colno} of the text read from it)"
        ) from exc


def _read(
    source: str | os.PathLike[str] | bytes | bytearray | memoryview | IO[bytes],
    max_size: int | None,
) -> bytes:
    limit = -1 if max_size is None else max_size + 1
    data: Any
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    elif isinstance(source, (str, os.PathLike)):
        with open(source, "rb") as fp:
            data = fp.read(limit)
    elif hasattr(source, "read"):
        data = source.read(limit)
        if isinstance(data, str):
            raise TypeError("load_pdf() needs a file opened in binary mode ('rb')")
    else:
        raise TypeError(f"load_pdf() needs a path, a binary file or bytes, not {type(source)!r}")
    if max_size is not None and len(data) > max_size:
        raise DocumentTooLargeError(len(data), max_size, "bytes")
    return bytes(data)


def _pypdf() -> Any:
    """The pypdf module, or an ImportError that says what to install."""
    try:
        import pypdf
    except ImportError:
        raise ImportError(_INSTALL) from None
    if int(pypdf.__version__.split(".")[0]) < 5:
        raise ImportError(f"{_INSTALL} (found pypdf {pypdf.__version__})")
    return pypdf


def _pages(pypdf: Any, data: bytes, max_pages: int, max_size: int | None) -> list[Page]:
    """The text of every page; anything pypdf cannot read becomes a PdfError."""
    with _quiet():
        try:
            reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted:
                _decrypt(reader)
            declared = _declared_pages(reader)
            if declared > max_pages:
                raise PdfError(f"{declared:,} pages, more than max_pages={max_pages:,}")
            pages = reader.pages
            count = len(pages)
            if count == 0:
                raise PdfError("the PDF has no pages")
            if count > max_pages:
                raise PdfError(f"{count:,} pages, more than max_pages={max_pages:,}")
            budget = _MAX_CONTENT if max_size is None else max_size
            first, used = _page(pages[0], 1, budget)
            if not first.text.strip():
                raise PdfError(
                    "no text: a scan or images without a text layer "
                    "(archivedoc reads the PDF's text; run OCR on it first)",
                    1,
                )
            to_text([first])  # refuse another layout before reading the other pages
            read = [first]
            for index in range(1, count):
                page, size = _page(pages[index], index + 1, budget - used)
                used += size
                read.append(page)
            return read
        except (PdfError, LayoutError):
            raise
        except MemoryError:
            raise
        except Exception as exc:  # pypdf raises many kinds on a damaged file
            raise PdfError(f"cannot read the PDF (damaged or truncated?): {exc}") from exc


def _decrypt(reader: Any) -> None:
    """Open a PDF encrypted without a user password; refuse one that needs it."""
    try:
        opened = reader.decrypt("")
    except Exception as exc:
        raise PdfError(f"the PDF is encrypted and cannot be opened: {exc}") from exc
    if not opened:
        raise PdfError("the PDF is encrypted with a password: decrypt it first")


def _declared_pages(reader: Any) -> int:
    """The page count the page tree claims, read before walking the tree."""
    count = reader.trailer["/Root"]["/Pages"].get("/Count", 0)
    return count if isinstance(count, int) else 0


def _page(page: Any, number: int, budget: int) -> tuple[Page, int]:
    """The page's text and text boxes, and the size of its drawing instructions.

    The size is checked before the text is extracted (what takes the time):
    against a page's limit, and against what is left of ``budget`` for the file.
    """
    contents = page.get_contents()
    size = 0 if contents is None else len(contents.get_data())
    if size > _MAX_PAGE_CONTENT:
        raise PdfError(
            f"{size:,} bytes of drawing instructions, more than a page of text needs "
            f"({_MAX_PAGE_CONTENT:,})",
            number,
        )
    if size > budget:
        raise PdfError(
            "the pages' drawing instructions add up to more than "
            "max_size bytes: far more than the text of an export needs",
            number,
        )
    text = page.extract_text(extraction_mode="layout", layout_mode_strip_rotated=False)
    return Page(text, tuple(_notes(page))), size


def _notes(page: Any) -> Iterator[str]:
    """The text of the visible text boxes (free-text annotations) on the page."""
    for ref in page.get("/Annots") or ():
        annotation = ref.get_object()
        hidden = int(annotation.get("/F", 0)) & 2
        if annotation.get("/Subtype") != "/FreeText" or hidden:
            continue
        text = str(annotation.get("/Contents") or "")
        text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
        if text:
            yield text


_quiet_lock = threading.Lock()
_quiet_depth = 0
_saved_level = logging.NOTSET


@contextmanager
def _quiet() -> Iterator[None]:
    """Keep pypdf's log messages (repairs of slightly broken files) off the terminal.

    pypdf logs what it repaired under the ``pypdf`` logger; with no logging
    configured, Python prints such warnings to stderr.  While any PDF is
    being read the logger is silenced, and restored after the last one.
    """
    global _quiet_depth, _saved_level
    logger = logging.getLogger("pypdf")
    with _quiet_lock:
        if _quiet_depth == 0:
            _saved_level = logger.level
            logger.setLevel(logging.CRITICAL + 1)
        _quiet_depth += 1
    try:
        yield
    finally:
        with _quiet_lock:
            _quiet_depth -= 1
            if _quiet_depth == 0:
                logger.setLevel(_saved_level)
