"""Parse text into a Document: run the grammar, turn failures into ParseError.

Every way the parse can fail ends here as :class:`archivedoc.ParseError`
with a position and a message naming what was expected; no parsimonious
exception, RecursionError or validation error escapes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from parsimonious.exceptions import IncompleteParseError
from parsimonious.exceptions import ParseError as ParsimoniousError
from parsimonious.grammar import Grammar

from archivedoc._dialect import (
    DEFAULT,
    DEFAULT_CLASSES,
    PARSING,
    Dialect,
    DialectError,
    compiled,
)
from archivedoc._document import Document
from archivedoc._errors import ParseError
from archivedoc._grammar import default_grammar
from archivedoc._sections import Section
from archivedoc._visitor import LayoutVisitor, SectionError

#: The section classes of the default format, by label.
DEFAULT_SECTIONS: Mapping[str, type[Section]] = DEFAULT_CLASSES

#: The order the format writes its known sections in (for strict mode).
CANONICAL_ORDER = DEFAULT.order

_SURROGATE = re.compile("[\ud800-\udfff]")
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
) -> Document:
    """Parse ``text``; see :func:`archivedoc.loads`."""
    if not isinstance(text, str):
        raise TypeError(f"loads() takes str, not {type(text).__name__}; use load() for bytes")
    bom = text.startswith(_BOM)
    body = text[1:] if bom else text
    bad = _SURROGATE.search(body)
    if bad:
        raise ParseError(
            f"lone surrogate {ord(bad.group()):#06x}: not a valid character",
            text,
            bad.start() + bom,
        )
    if not body.strip():
        raise ParseError(f"empty document: expected {dialect.expected}", text, len(text))
    if dialect is not DEFAULT:
        return _parse_dialect(text, body, bom, strict, dialect)
    visitor = LayoutVisitor(sections)
    try:
        tree = (grammar or default_grammar()).parse(body)
        doc: Document = visitor.visit(tree)
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
    if bom:
        doc = _with_bom(doc)
    if strict:
        _check_strict(doc, text, visitor.positions, int(bom))
    return doc


def _parse_dialect(text: str, body: str, bom: bool, strict: bool, dialect: Dialect) -> Document:
    """Parse ``body`` in a derived dialect, then prove it writes back as ``text``."""
    visitor = LayoutVisitor(dialect.section_classes, dialect)
    token = PARSING.set(True)
    try:
        tree = compiled(dialect.rules).parse(body)
        value = visitor.visit(tree)
        doc = value if isinstance(value, Document) else Document(**value, dialect=dialect)
        if bom:
            doc = _with_bom(doc)
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
    finally:
        PARSING.reset(token)
    written = dialect.render(doc)
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


def _with_bom(doc: Document) -> Document:
    import attrs

    return attrs.evolve(doc, bom=True)


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
        line = body[line_start:]
        for pattern, hint in hints:
            if pattern.match(line):
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
