"""Parse text into a Document: run the grammar, turn failures into ParseError.

Every way the parse can fail ends here as :class:`archivedoc.ParseError`
with a position and a message naming what was expected; no parsimonious
exception, RecursionError or validation error escapes.
"""

from __future__ import annotations

import contextlib
import gc
import re
from collections.abc import Iterator, Mapping
from typing import Any

import attrs
from parsimonious.exceptions import IncompleteParseError
from parsimonious.exceptions import ParseError as ParsimoniousError
from parsimonious.grammar import Grammar

from archivedoc._dialect import DEFAULT, DEFAULT_CLASSES, Dialect, DialectError, compiled
from archivedoc._errors import DocumentTooLargeError, ParseError
from archivedoc._grammar import default_grammar
from archivedoc._grammar_regex import rule_regex
from archivedoc._io.tree import LAYOUT_GROUPS, LayoutVisitor, SectionError
from archivedoc._io.write import render
from archivedoc._model.document import Document
from archivedoc._model.sections import Section

#: The section classes of the default format, by label.
DEFAULT_SECTIONS: Mapping[str, type[Section]] = DEFAULT_CLASSES

#: The order the format writes its known sections in (for strict mode).
CANONICAL_ORDER = DEFAULT.order

#: The default ``max_size``: 64 MiB (of characters for ``loads``, of bytes for
#: ``load``).  Far above any real archive document (the largest are a few
#: hundred KB), low enough that a service parsing untrusted uploads keeps its
#: memory bounded (parsing needs a few times the input size).
DEFAULT_MAX_SIZE = 64 * 1024 * 1024

# Texts are checked for lone surrogates this many characters at a time.
_CHUNK = 1 << 16
_BOM = "\ufeff"

# What to say when the parse stops at the start of a line of this shape.
_LINE_HINTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"###[ ]"), "a section header '### <Label>:' (the label ends with a colon)"),
    (re.compile(r"##[ ]"), "a section header '### <Label>:' (a document has one '## ' heading)"),
)
_DEFAULT_EXPECTED = "a heading '## <date> <title>' or a section header '### <Label>:'"


def parse(
    text: str,
    *,
    strict: bool = False,
    grammar: Grammar | None = None,
    sections: Mapping[str, type[Section]] = DEFAULT_SECTIONS,
    dialect: Dialect = DEFAULT,
    max_size: int | None = DEFAULT_MAX_SIZE,
) -> Document:
    """Parse ``text``; see :func:`archivedoc.loads`."""
    if not isinstance(text, str):
        raise TypeError(f"loads() takes str, not {type(text).__name__}; use load() for bytes")
    check_size(len(text), max_size, "characters")
    bom = text.startswith(_BOM)
    body = text[1:] if bom else text
    bad = _lone_surrogate(body)
    if bad is not None:
        raise ParseError(
            f"lone surrogate {ord(body[bad]):#06x}: not a valid character", text, bad + bom
        )
    if not body or body.isspace():
        raise ParseError(f"empty document: expected {dialect.expected}", text, len(text))
    if dialect is not DEFAULT:
        return _parse_dialect(text, body, bom, strict, dialect)
    visitor = LayoutVisitor(sections, bom=bom)
    compiled = grammar or default_grammar()
    # The default grammar's layout is matched as one regex (the same rules,
    # a fraction of the time of parsimonious's walk; see _grammar_regex).
    layout = rule_regex(compiled, "document", LAYOUT_GROUPS) if grammar is None else None
    try:
        with _no_cyclic_gc():
            match = None if layout is None else _layout_match(layout, body)
            if match is not None and match.end() == len(body):
                doc: Document = visitor.read(match)
            else:  # parsimonious says where and why the text fails (or the rule is no regex)
                doc = visitor.visit(compiled.parse(body))
    except SectionError as exc:
        raise ParseError(exc.args[0], text, exc.pos + bom) from None
    except IncompleteParseError as exc:
        raise _error(body, exc.pos, bom) from None
    except ParsimoniousError as exc:
        raise _error(body, exc.pos, bom) from None
    except RecursionError:
        raise ParseError("document too deeply nested to parse", text, 0) from None
    except ValueError as exc:
        raise ParseError(f"invalid document: {exc}", text, 0) from None
    if strict:
        _check_strict(doc, text, visitor.positions, int(bom))
    return doc


def _parse_dialect(text: str, body: str, bom: bool, strict: bool, dialect: Dialect) -> Document:
    """Parse ``body`` in a derived dialect, then prove it writes back as ``text``."""
    visitor = LayoutVisitor(dialect.section_classes, dialect, bom=bom)
    try:
        with _no_cyclic_gc():
            tree = compiled(dialect.rules, dialect.overrides, dialect.lexicons).parse(body)
            value = visitor.visit(tree)
            if isinstance(value, Document):
                doc = attrs.evolve(value, bom=True) if bom and not value.bom else value
            else:
                doc = Document._parsed(**value, dialect=dialect, bom=bom)
    except SectionError as exc:
        raise ParseError(exc.args[0], text, exc.pos + bom) from None
    except DialectError:
        raise
    except (IncompleteParseError, ParsimoniousError) as exc:
        # The "## " hint speaks of the default heading: dialects say their own.
        raise _error(body, exc.pos, bom, dialect.expected, _LINE_HINTS[:1]) from None
    except RecursionError:
        raise ParseError("document too deeply nested to parse", text, 0) from None
    except (ValueError, TypeError) as exc:
        raise ParseError(f"invalid document: {exc}", text, 0) from None
    written = render(doc)
    if written != text:
        at = next(
            (i for i, (a, b) in enumerate(zip(written, text, strict=False)) if a != b),
            min(len(written), len(text)),
        )
        raise ParseError(
            f"dialect {dialect.name!r} does not write this text back the same "
            "(a builder or writer of the dialect loses or adds text here)",
            text,
            at,
        )
    if strict:
        _check_strict(doc, text, visitor.positions, int(bom), dialect)
    return doc


def _layout_match(layout: Any, body: str) -> Any:
    """The layout regex's match on ``body``, or None where parsimonious must read it.

    The regex engine keeps a stack of its own, and some megabyte-long
    sections (a summary of 800,000 lines of "[") outgrow it: MemoryError.
    parsimonious reads the same rules in bounded memory, so the text goes
    there, as every text the regex does not match whole does.
    """
    try:
        return layout.match(body)
    except MemoryError:
        return None


@contextlib.contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while the parse tree and the model are built.

    They hold no reference cycles, so every collection during a parse is
    wasted work: on a 10 MB document of short sections the collector took a
    tenth of the time and made 10 times the input cost 12 times the time
    (each full collection walks every object alive).  The previous state is restored;
    at worst a concurrent parse in another thread turns it back on early.
    (Mercurial's ``util.nogc`` does the same for the same reason.)
    """
    enabled = gc.isenabled()
    if enabled:
        gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _lone_surrogate(text: str) -> int | None:
    """The offset of the first lone surrogate in ``text``, or None.

    A lone surrogate is the only character UTF-8 cannot encode, so encoding
    finds it: in 64 KiB slices, about 20 times faster than a regex search
    and without a copy of the whole text.  ASCII text (known in O(1)) has none.
    """
    if text.isascii():
        return None
    for start in range(0, len(text), _CHUNK):
        try:
            text[start : start + _CHUNK].encode("utf-8")
        except UnicodeEncodeError as exc:
            return start + exc.start
    return None


def _error(
    body: str,
    pos: int,
    offset: int,
    expected: str = _DEFAULT_EXPECTED,
    hints: tuple[tuple[re.Pattern[str], str], ...] = _LINE_HINTS,
) -> ParseError:
    """A ParseError for a parse that stopped at ``pos``, saying what was expected."""
    line_start = body.rfind("\n", 0, pos) + 1
    if pos == line_start or not body[line_start:pos].strip():
        for pattern, hint in hints:  # matched in place: a copy of the line's rest is O(n)
            if pattern.match(body, line_start):
                expected = hint
                pos = line_start
                break
    else:
        expected = "the end of the line"
    return ParseError(f"expected {expected}", (_BOM if offset else "") + body, pos + offset)


def _check_strict(
    doc: Document,
    text: str,
    positions: list[tuple[int, Section]],
    offset: int,
    dialect: Dialect = DEFAULT,
) -> None:
    """Reject unknown, repeated or out-of-order sections, a missing heading or section."""
    order = dialect.order
    if dialect.strict_heading and (not doc.has_heading or not doc.title):
        raise ParseError(
            "strict: expected a heading '## <date> <title>' with a title"
            if dialect is DEFAULT
            else f"strict: expected a heading with a title (dialect {dialect.name!r})",
            text,
            offset,
        )
    seen: list[str] = []
    for start, section in positions:
        pos = start + offset
        if section.label not in order:
            known = ", ".join(order)
            raise ParseError(
                f"strict: unknown section {section.label!r} (expected one of {known})", text, pos
            )
        if section.label in seen:
            raise ParseError(f"strict: section {section.label!r} appears twice", text, pos)
        if seen and order.index(section.label) < order.index(seen[-1]):
            raise ParseError(
                f"strict: section {section.label!r} must come before {seen[-1]!r}", text, pos
            )
        seen.append(section.label)
    for label in dialect.required:
        if label not in seen:
            raise ParseError(f"strict: expected a '### {label}:' section", text, len(text))


def check_size(size: int, max_size: int | None, unit: str) -> None:
    """Refuse a document over ``max_size`` (None: no limit) before any work on it."""
    if max_size is not None and size > max_size:
        raise DocumentTooLargeError(size, max_size, unit)


def decode(data: bytes) -> str:
    """UTF-8 bytes to text; a ParseError that points at the first bad byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        prefix = data[: exc.start].decode("utf-8")
        raise ParseError(
            f"invalid UTF-8: byte {data[exc.start]:#04x} cannot start or continue a character",
            prefix + data[exc.start :].decode("utf-8", "replace"),
            len(prefix),
        ) from None
