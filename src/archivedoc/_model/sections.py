"""Sections: ``### <Label>:`` blocks, the known kinds and the generic one.

Every section stores the same four things: its ``label`` as written, its
``text`` (the body from the first to the last non-blank line) and the exact
blank space around the body (``before``, ``after``).  The text is the source
of truth; typed sections derive their structured values from it, so a
section built by hand and one read from a file behave the same, and
rendering is always ``"### " + label + ":" + before + text + after``.
"""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar

import attrs

from archivedoc._grammar import terminal
from archivedoc._model.citation import Contributor, Locator
from archivedoc._model.dates import Date
from archivedoc._model.parsed import read_with, unchecked
from archivedoc._readers.citation import read_citation
from archivedoc._readers.rules import Rules
from archivedoc._readers.sections import (
    language_code,
    read_contents_item,
    read_languages,
    read_sponsors,
)

__all__ = [
    "Citation",
    "Contents",
    "ContentsItem",
    "Credits",
    "Language",
    "OriginalLanguage",
    "Section",
    "Summary",
]

_S = TypeVar("_S", bound="Section")


def _must_be_str(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str):
        raise TypeError(
            f"{type(instance).__name__}.{attribute.name} must be a str, got {type(value).__name__}"
        )


def _matches(rule: str) -> Any:
    """An attrs validator: the value must be exactly one match of ``rule``."""

    def check(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
        _must_be_str(instance, attribute, value)
        if terminal(rule).fullmatch(value) is None:
            raise ValueError(
                f"{type(instance).__name__}.{attribute.name} {value!r} is not valid "
                f"here (it must match the grammar rule {rule!r})"
            )

    return check


def _default_after(self: Section) -> str:
    return "\n\n" if self.text else ""


def _own_label(self: Section) -> str:
    if type(self).LABEL is None:
        raise TypeError(f"{type(self).__name__}() needs a label= (the generic section has none)")
    return str(type(self).LABEL)


def _check_label(instance: Section, attribute: attrs.Attribute[str], value: str) -> None:
    _must_be_str(instance, attribute, value)
    if "\n" in value or "\r" in value:
        raise ValueError(f"a section label is one line, got {value!r}")
    fixed = type(instance).LABEL
    if fixed is not None and value != fixed:
        raise ValueError(f"{type(instance).__name__} is labelled {fixed!r}, got {value!r}")


@attrs.frozen
class Section:
    """A section of any label: ``### <label>:``, blank lines, its text.

    Known labels have classes of their own (:class:`Citation`,
    :class:`Summary`, ...); this generic class keeps every other one, so an
    unknown section is never dropped.  Which labels are known is the
    dialect's to say (the library export has no Credits class, so its
    ``### Credits:`` is a generic section): a Document refuses a generic
    section whose label its dialect gives a class.  ``before`` is the rest of the header
    line and the blank lines after it; ``after`` is the line end of the last
    text line and the blank lines that follow.
    """

    #: The label this class stands for, or None for the generic section.
    LABEL: ClassVar[str | None] = None
    #: The name of this kind of section in :func:`archivedoc.to_dict` output.
    KIND: ClassVar[str] = "section"
    #: True for the section the transcript follows (Contents): it must be the
    #: last section, and a transcript needs it.
    OPENS_TRANSCRIPT: ClassVar[bool] = False

    text: str = attrs.field(default="", validator=_matches("section_text"))
    #: The label as written; defaults to the class's ``LABEL``.
    label: str = attrs.field(
        default=attrs.Factory(_own_label, takes_self=True), kw_only=True, validator=_check_label
    )
    before: str = attrs.field(default="\n\n", kw_only=True, validator=_matches("section_before"))
    after: str = attrs.field(
        default=attrs.Factory(_default_after, takes_self=True),
        kw_only=True,
        validator=_matches("section_after"),
    )
    #: The grammar the section's parts are read with (None: the default
    #: grammar; a Document gives its dialect's).
    grammar: Rules | None = attrs.field(
        default=None, kw_only=True, eq=False, repr=False, metadata={"serialize": False}
    )

    def __attrs_post_init__(self) -> None:
        if not self.text and self.after:
            raise ValueError("a section without text keeps its blank lines in 'before'")

    @classmethod
    def _parsed(cls: type[_S], text: str, label: str, before: str, after: str) -> _S:
        """A section of the parts the default grammar has just matched (for the parser).

        The field validators are skipped (:mod:`archivedoc._model.parsed`):
        they would match these very parts against the same terminals again.
        The section still reads its parts (``__attrs_post_init__``).
        """
        return unchecked(cls, {"text": text, "label": label, "before": before, "after": after})


def _label(name: str) -> Any:
    return attrs.field(default=name, kw_only=True, validator=_check_label)


@attrs.frozen
class Citation(Section):
    """The ``### Citation:`` section: how to cite the document, and its parts.

    ``text`` is the whole section body, exactly; the other fields are read
    from it by the grammar's ``citation`` rule (``grammar/citation.peg``).
    Citations are often degraded (no quotes, no date, no final period), so
    reading never fails: a part the grammar cannot place is None.

    >>> from archivedoc.model import Citation
    >>> c = Citation("“Cable, Pak Chong-ho to Filatov,” December 29, 1949, History and "
    ...     "Public Policy Program Digital Archive, APRF: F. 41, Op. 2, D. 58, Ll. 44-47. "
    ...     "Translated for CWIHP by Olga Veretennikova.")
    >>> c.title, c.date.edtf, c.locator.repository, c.locator.fond
    ('Cable, Pak Chong-ho to Filatov', '1949-12-29', 'APRF', '41')
    >>> c.contributors
    (Contributor(name='Olga Veretennikova', roles=('translated',)),)
    """

    LABEL: ClassVar[str | None] = "Citation"
    KIND: ClassVar[str] = "citation"
    label: str = _label("Citation")
    #: The title inside the quotes, without the comma before the closing quote.
    title: str | None = attrs.field(init=False, eq=False)
    #: The date after the title (its structure None if the grammar cannot read it).
    date: Date | None = attrs.field(init=False, eq=False)
    #: "History and Public Policy Program Digital Archive" or "Wilson Center
    #: Digital Archive".
    archive: str | None = attrs.field(init=False, eq=False)
    #: The archival locator as written, without its final period.
    source: str | None = attrs.field(init=False, eq=False)
    #: ``source`` split into its parts (None when there is no source).
    locator: Locator | None = attrs.field(init=False, eq=False)
    #: The statements of responsibility: who contributed, obtained, translated.
    contributors: tuple[Contributor, ...] = attrs.field(init=False, eq=False)
    #: The document's URL at the end of the citation.
    url: str | None = attrs.field(init=False, eq=False)
    #: The record id in the URL: "123400" (newer URLs carry a slug instead).
    record_id: str | None = attrs.field(init=False, eq=False)

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        grammar = self.grammar
        parts = read_with(read_citation, self.text, grammar)
        set_ = object.__setattr__
        set_(self, "title", parts.title)
        set_(self, "date", Date(parts.date, grammar=grammar) if parts.date else None)
        set_(self, "archive", parts.archive)
        set_(self, "source", parts.source)
        set_(self, "locator", Locator(parts.source, grammar=grammar) if parts.source else None)
        set_(self, "contributors", tuple(Contributor(n, r) for n, r in parts.contributors))
        set_(self, "url", parts.url)
        set_(self, "record_id", parts.record_id)


@attrs.frozen
class Summary(Section):
    """The ``### Summary:`` section: the archive's summary, one or more paragraphs."""

    LABEL: ClassVar[str | None] = "Summary"
    KIND: ClassVar[str] = "summary"
    label: str = _label("Summary")


@attrs.frozen
class Credits(Section):
    """The ``### Credits:`` section: who made the document's publication possible.

    >>> from archivedoc.model import Credits
    >>> Credits("This document was made possible with support from the "
    ...     "Kessler Family Foundation.").sponsors
    ('Kessler Family Foundation',)
    """

    LABEL: ClassVar[str | None] = "Credits"
    KIND: ClassVar[str] = "credits"
    label: str = _label("Credits")
    #: The sponsors named, without "the" (empty if the text is not the usual
    #: "This document was made possible with support from …").
    sponsors: tuple[str, ...] = attrs.field(init=False, eq=False)

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        object.__setattr__(self, "sponsors", read_with(read_sponsors, self.text, self.grammar))


@attrs.frozen
class Language:
    """A language as written ("Russian"), and its BCP 47 / ISO 639 code ("ru").

    The code comes from ``langcodes`` (names in English and other languages,
    from ``language_data``; its documented fuzzy match also reads a known
    name followed by more words, "Hakka dialect" -> "hak").  A name it does
    not know has code None.

    >>> from archivedoc.model import Language
    >>> Language("Chinese")
    Language(name='Chinese', code='zh')
    """

    name: str
    #: The BCP 47 tag ("en", "ru", "zh"), or None for an unknown name.
    code: str | None = attrs.field(init=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "code", language_code(self.name))


@attrs.frozen
class OriginalLanguage(Section):
    """The ``### Original Language:`` section: the original's language(s)."""

    LABEL: ClassVar[str | None] = "Original Language"
    KIND: ClassVar[str] = "original_language"
    label: str = _label("Original Language")
    languages: tuple[Language, ...] = attrs.field(init=False, eq=False)

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        names = read_with(read_languages, self.text, self.grammar)
        object.__setattr__(self, "languages", tuple(Language(name) for name in names))


@attrs.frozen
class ContentsItem:
    """One ``- item`` line of the Contents section, its text as written.

    ``kind`` and ``language`` are read from the text by the grammar's
    ``contents_item`` rule; None where the item names none.

    >>> from archivedoc.model import ContentsItem
    >>> item = ContentsItem("Transcript - Russian")
    >>> item.kind, item.language
    ('transcription', Language(name='Russian', code='ru'))
    """

    text: str
    #: The grammar the text is read with (None: the default grammar's ``contents_item``).
    grammar: Rules | None = attrs.field(
        default=None, kw_only=True, eq=False, repr=False, metadata={"serialize": False}
    )
    #: "original_scan", "original", "transcription", "translation", "html",
    #: "pdf", or None.
    kind: str | None = attrs.field(init=False, eq=False)
    #: The language the item names ("English Transcription"), or None.
    language: Language | None = attrs.field(init=False, eq=False)

    def __attrs_post_init__(self) -> None:
        kind, language = read_with(read_contents_item, self.text, self.grammar)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "language", None if language is None else Language(language))


@attrs.frozen
class Contents(Section):
    """The ``### Contents:`` section: ``- item`` lines; the transcript follows it.

    Build it from item texts with :meth:`from_items`.
    """

    LABEL: ClassVar[str | None] = "Contents"
    KIND: ClassVar[str] = "contents"
    OPENS_TRANSCRIPT: ClassVar[bool] = True
    label: str = _label("Contents")
    items: tuple[ContentsItem, ...] = attrs.field(init=False, eq=False)

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        if terminal("contents_items").fullmatch(self.text) is None:
            raise ValueError(f"Contents text must be '- item' lines, got {self.text!r}")
        lines = self.text.split("\n") if self.text else []
        grammar = self.grammar
        items = tuple(ContentsItem(line.removesuffix("\r")[2:], grammar=grammar) for line in lines)
        object.__setattr__(self, "items", items)

    @classmethod
    def from_items(cls, items: list[str] | tuple[str, ...], **layout: Any) -> Contents:
        """A Contents section listing ``items`` (``"English Transcription"``...)."""
        return cls("\n".join(f"- {item}" for item in items), **layout)


#: Label -> class name of the sections the default format knows.
KNOWN_LABELS: dict[str, str] = {
    cls.LABEL: cls.__name__
    for cls in (Citation, Summary, Credits, OriginalLanguage, Contents)
    if cls.LABEL is not None
}
