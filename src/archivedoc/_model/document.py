"""The Document: heading, sections and transcript, with the exact layout.

It checks its parts where they join (:mod:`archivedoc._model.joins`) and
never parses or writes the whole document: a hand-built Document is proven
to read back by :func:`archivedoc.verify`, and by the property tests.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

import attrs

from archivedoc._dialect import DEFAULT, Dialect
from archivedoc._grammar import terminal
from archivedoc._model.dates import Date
from archivedoc._model.joins import check_document
from archivedoc._model.parsed import unchecked
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
from archivedoc._readers.rules import Rules, default_rules

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


_EMPTY = Transcript()


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


@attrs.frozen(init=False)
class Document:
    """One archive document: heading, sections in source order, transcript.

    ``title``, ``date``, ``sections`` and ``transcript`` are the content; the
    keyword-only fields keep the exact layout around it (blank lines, the
    spaces after the date, a byte-order mark) so that :func:`archivedoc.dumps`
    gives back the very bytes that were parsed.  Their defaults are the
    archive's usual layout, so a Document built by hand needs none of them.

    Construction checks, cheaply, that the parts fit together where they
    join, so that the Document renders to a text that parses back to an
    equal Document in its ``dialect`` (:data:`archivedoc.DEFAULT` unless
    given); :func:`archivedoc.verify` proves it for one Document.  Its parts
    are read with the dialect's grammar.  Edit a Document with
    :meth:`with_title`, :meth:`with_date`, :meth:`with_text`,
    :meth:`with_section` and :meth:`without_section`: each keeps every
    other byte.
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

    def __init__(
        self,
        title: str = "",
        date: Date | str | None = None,
        sections: Iterable[Section] = (),
        transcript: Transcript | str = _EMPTY,
        *,
        dialect: Dialect = DEFAULT,
        lead: str = "\n\n",
        has_heading: bool = True,
        date_sep: str | None = None,
        heading_after: str | None = None,
        bom: bool = False,
    ) -> None:
        """Check the parts' joins, and read them with ``dialect``'s grammar.

        ``date_sep`` and ``heading_after`` default to the archive's usual
        layout.  A ``date_sep`` that cannot be written is set to the one
        that can: "" without a date, a space for an empty one between a
        date and a title (so that changing the date of an undated
        document with ``attrs.evolve`` gives "## 1949 Title").
        """
        if not isinstance(dialect, Dialect):
            raise _refuse("dialect", "a Dialect", dialect)
        if date_sep is not None and not isinstance(date_sep, str):
            raise _refuse("date_sep", "a str", date_sep)
        if dialect is not DEFAULT:
            grammar = dialect.grammar
            if grammar is not default_rules():
                date, sections, transcript = _read_with(grammar, date, sections, transcript)
        layout: dict[str, Any] = {}
        if heading_after is not None:
            layout["heading_after"] = heading_after
        has_date = date is not None
        if date_sep is not None and not has_date:
            date_sep = "" if date_sep.strip(" \t") == "" else date_sep
        elif date_sep == "" and has_date and title:
            date_sep = " "
        if date_sep is not None:
            layout["date_sep"] = date_sep
        self.__attrs_init__(
            title,
            date,
            sections,
            transcript,
            dialect=dialect,
            lead=lead,
            has_heading=has_heading,
            bom=bom,
            **layout,
        )
        try:
            check_document(self)
        except ValueError as exc:
            if dialect is DEFAULT:
                raise
            raise ValueError(
                f"this Document would read back differently in dialect {dialect.name!r}: {exc}"
            ) from None

    @classmethod
    def _parsed(cls, **fields: Any) -> Document:
        """A Document from the parts the grammar has just split (for the parser).

        The heading is not split again: the grammar read these very parts
        from that line.  Every other check runs.
        """
        dialect = fields.get("dialect", DEFAULT)
        if dialect is not DEFAULT and dialect.grammar is not default_rules():
            # A dialect's builders may have made parts without its grammar.
            date, sections, transcript = _read_with(
                dialect.grammar,
                fields.get("date"),
                fields.get("sections", ()),
                fields.get("transcript", _EMPTY),
            )
            fields.update(date=date, sections=sections, transcript=transcript)
        doc = cls.__new__(cls)
        doc.__attrs_init__(**fields)
        check_document(doc, heading=False)
        return doc

    @classmethod
    def _matched(cls, **fields: Any) -> Document:
        """A Document of the default grammar's own matches (for the parser's one-regex read).

        As :meth:`_parsed`, and the field validators and converters are
        skipped too (:mod:`archivedoc._model.parsed`): each part is the match
        of the terminal its validator would match it against again, and of
        the type its converter gives (a Date, a tuple of sections, a
        Transcript).  The joins are checked.
        """
        doc = unchecked(cls, fields)
        check_document(doc, heading=False)
        return doc

    # -- editing: each call keeps every other byte -----------------------------

    def with_title(self, title: str) -> Document:
        """This document with another title."""
        return attrs.evolve(self, title=title)

    def with_date(self, date: Date | str | None) -> Document:
        """This document with another date (None: undated), the heading's layout kept."""
        sep = self.date_sep
        if date is None:
            sep = ""
        elif self.date is None:
            sep = " " if self.title else ""
        return attrs.evolve(self, date=date, date_sep=sep)

    def with_text(self, label: str, text: str) -> Document:
        """This document with the text of the section labelled ``label`` replaced.

        The section keeps its blank lines; a document without such a section
        gets one, where its dialect's order puts it (e.g.
        ``doc.with_text("Summary", "New summary.")``).
        """
        for index, section in enumerate(self.sections):
            if section.label == label:
                return self._replace(index, _with_text(section, text, self._followed(index)))
        cls = self.dialect.section_classes.get(label, Section)
        section = cls(text) if cls.LABEL is not None else cls(text, label=label)
        return self.with_section(section)

    def with_section(self, section: Section) -> Document:
        """This document with ``section`` in place of the first with its label.

        A new label goes where the dialect's order puts it (before Contents
        for a label the order does not know).
        """
        for index, old in enumerate(self.sections):
            if old.label == section.label:
                return self._replace(index, section)
        sections = list(self.sections)
        at = _place(self.dialect.order, [s.label for s in sections], section.label)
        if at == len(sections) and sections and not self._followed(at - 1):
            # The last section gives its end (maybe no final line end) to the new one.
            last = sections[-1]
            tail = _tail(last)
            sections[-1] = _with_tail(last, "\n\n")
            section = _with_tail(section, tail)
        sections.insert(at, section)
        after = self.heading_after
        if self.has_heading and not after.endswith("\n"):  # the heading ended the file
            after += "\n\n"
        return attrs.evolve(self, sections=sections, heading_after=after)

    def without_section(self, label: str) -> Document:
        """This document without the first section labelled ``label`` (KeyError if none)."""
        for index, old in enumerate(self.sections):
            if old.label == label:
                sections = list(self.sections)
                del sections[index]
                if index == len(sections) and sections and not self._followed(index):
                    sections[-1] = _with_tail(sections[-1], _tail(old))
                return attrs.evolve(self, sections=sections)
        raise KeyError(label)

    def _replace(self, index: int, section: Section) -> Document:
        sections = list(self.sections)
        sections[index] = section
        return attrs.evolve(self, sections=sections)

    def _followed(self, index: int) -> bool:
        """Whether anything is written after section ``index``."""
        return index < len(self.sections) - 1 or bool(self.transcript.text)

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


def _read_with(
    grammar: Rules,
    date: Date | str | None,
    sections: Iterable[Section],
    transcript: Transcript | str,
) -> tuple[Date | None, tuple[Section, ...], Transcript]:
    """The parts, read with ``grammar`` (those read with another grammar are read again)."""
    if date is not None:
        text = date if isinstance(date, str) else date.text
        date = date if isinstance(date, Date) and date.grammar is grammar else None
        date = date or Date(text, grammar=grammar)
    parts = tuple(
        s
        if not isinstance(s, Section) or s.grammar is grammar
        else attrs.evolve(s, grammar=grammar)
        for s in sections
    )
    text = transcript if isinstance(transcript, str) else transcript.text
    if isinstance(transcript, str) or transcript.grammar is not grammar:
        transcript = Transcript(text, grammar=grammar)
    return date, parts, transcript


def _tail(section: Section) -> str:
    return section.after if section.text else section.before


def _with_tail(section: Section, tail: str) -> Section:
    """``section`` ending with ``tail`` instead of its own blank space."""
    if section.text:
        return attrs.evolve(section, after=tail)
    return attrs.evolve(section, before=tail or "")


def _with_text(section: Section, text: str, followed: bool) -> Section:
    """``section`` with another text, its blank lines kept."""
    if section.text and text:
        return attrs.evolve(section, text=text)
    if text:  # an empty section gets text: its blank space goes after it
        before = section.before if section.before.endswith("\n") else section.before + "\n"
        return attrs.evolve(section, text=text, before=before, after=section.before)
    return attrs.evolve(section, text="", before=section.after or section.before, after="")


def _place(order: tuple[str, ...], labels: list[str], label: str) -> int:
    """Where a new ``label`` goes among ``labels``, by the dialect's ``order``."""
    if label in order:
        rank = order.index(label)
        for index, other in enumerate(labels):
            if other in order and order.index(other) > rank:
                return index
        return len(labels)
    if "Contents" in labels:
        return labels.index("Contents")
    return len(labels)
