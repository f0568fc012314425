"""The Document: heading, sections and transcript, with the exact layout."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

import attrs

from archivedoc._dialect import DEFAULT, Dialect
from archivedoc._grammar import terminal
from archivedoc._model.dates import Date
from archivedoc._model.sections import (
    Citation,
    Contents,
    ContentsItem,
    Credits,
    Language,
    OriginalLanguage,
    Section,
    Summary,
)
from archivedoc._model.transcript import Transcript

__all__ = ["Document"]

_S = TypeVar("_S", bound=Section)


def _refuse(field: str, expected: str, value: object) -> TypeError:
    return TypeError(f"Document.{field} must be {expected}, got {type(value).__name__}")


def _to_date(value: Date | str | None) -> Date | None:
    if isinstance(value, str):
        return Date(value)
    if value is None or isinstance(value, Date):
        return value
    raise _refuse("date", "a Date, a str or None", value)


def _to_transcript(value: Transcript | str) -> Transcript:
    if isinstance(value, str):
        return Transcript(value)
    if isinstance(value, Transcript):
        return value
    raise _refuse("transcript", "a Transcript or a str", value)


def _to_sections(value: Iterable[Section]) -> tuple[Section, ...]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise _refuse("sections", "an iterable of Section objects", value)
    return tuple(value)


def _of_type(kind: type, expected: str) -> Any:
    """A validator that refuses a value of another type (``True`` is no str, "yes" no bool)."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            raise _refuse(attribute.name, expected, value)

    return check


def _check_date_sep(instance: Document, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str):
        raise _refuse(attribute.name, "a str", value)
    if value and instance.date is None:
        # "##  T" reads back as the title with other layout fields.
        raise ValueError(
            f"Document.date_sep {value!r}: the separator follows a date; there is none"
        )


def _default_date_sep(self: Document) -> str:
    return " " if self.title and self.date is not None else ""


def _default_heading_after(self: Document) -> str:
    return "\n\n" if self.sections and self.has_heading else ""


def _rule(name: str) -> Any:
    def check(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
        if not isinstance(value, str):
            raise _refuse(attribute.name, "a str", value)
        if terminal(name).fullmatch(value) is None:
            raise ValueError(f"Document.{attribute.name} {value!r} does not match rule {name!r}")

    return check


@attrs.frozen
class Document:
    """One archive document: heading, sections in source order, transcript.

    ``title``, ``date``, ``sections`` and ``transcript`` are the content; the
    keyword-only fields keep the exact layout around it (blank lines, the
    spaces after the date, a byte-order mark) so that :func:`archivedoc.dumps`
    gives back the very bytes that were parsed.  Their defaults are the
    archive's usual layout, so a Document built by hand needs none of them.

    Construction checks that the parts fit together, so every Document
    renders to a text that parses back to an equal Document in its
    ``dialect`` (:data:`archivedoc.DEFAULT` unless given).
    """

    title: str = attrs.field(default="", validator=_rule("title"))
    date: Date | None = attrs.field(default=None, converter=_to_date)
    sections: tuple[Section, ...] = attrs.field(default=(), converter=_to_sections)
    transcript: Transcript = attrs.field(default=Transcript(), converter=_to_transcript)
    #: The format the document is read and written in (not part of equality:
    #: it says how the content is written, not what it is).
    dialect: Dialect = attrs.field(
        default=DEFAULT,
        kw_only=True,
        eq=False,
        repr=False,
        validator=_of_type(Dialect, "a Dialect"),
        metadata={"serialize": False},
    )
    #: Blank lines before the heading (the archive's files start with two).
    lead: str = attrs.field(default="\n\n", kw_only=True, validator=_rule("lead"))
    #: False for a bare transcript record, which has no heading line at all.
    has_heading: bool = attrs.field(default=True, kw_only=True, validator=_of_type(bool, "a bool"))
    #: The spaces between the heading's date and its title.
    date_sep: str = attrs.field(
        default=attrs.Factory(_default_date_sep, takes_self=True),
        kw_only=True,
        validator=_check_date_sep,
    )
    #: Trailing spaces of the heading line, its line end and the blank lines after it.
    heading_after: str = attrs.field(
        default=attrs.Factory(_default_heading_after, takes_self=True),
        kw_only=True,
        validator=_rule("heading_after"),
    )
    #: Whether the text started with a UTF-8 byte-order mark.
    bom: bool = attrs.field(default=False, kw_only=True, validator=_of_type(bool, "a bool"))

    def __attrs_post_init__(self) -> None:
        if self.dialect is DEFAULT:
            from archivedoc._model.joins import check_document

            check_document(self)
        else:
            self.dialect.check(self)

    # -- the known sections, looked up in ``sections`` ------------------------

    def section(self, kind: type[_S]) -> _S | None:
        """The first section of class ``kind`` (e.g. ``doc.section(Summary)``)."""
        for section in self.sections:
            if isinstance(section, kind):
                return section
        return None

    def sections_labelled(self, label: str) -> tuple[Section, ...]:
        """Every section whose label is exactly ``label``, in source order."""
        return tuple(s for s in self.sections if s.label == label)

    @property
    def citation(self) -> Citation | None:
        """The Citation section, or None."""
        return self.section(Citation)

    @property
    def summary(self) -> str | None:
        """The text of the Summary section, or None."""
        found = self.section(Summary)
        return None if found is None else found.text

    @property
    def credits(self) -> Credits | None:
        """The Credits section, or None."""
        return self.section(Credits)

    @property
    def languages(self) -> tuple[Language, ...]:
        """The languages of the Original Language section (empty if none)."""
        found = self.section(OriginalLanguage)
        return () if found is None else found.languages

    @property
    def contents(self) -> tuple[ContentsItem, ...]:
        """The items of the Contents section (empty if none)."""
        found = self.section(Contents)
        return () if found is None else found.items
