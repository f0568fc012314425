"""The current site's metadata as sections of the default layout.

Pages scraped from the current Wilson Center site carry metadata the archive
format has no labels for.  This dialect is the default one plus six section
kinds, each holding structured data derived from its text::

    ### Associated People & Organizations:   one name per line
    ### Associated Places:                   one place per line
    ### Subjects Discussed:                  one subject per line
    ### Original Archive:                    one line
    ### Type:                                one line ("Letter")
    ### Record ID:                           digits, or empty

They go between Original Language and Contents.  Use it with
``archivedoc.loads(text, dialect=METADATA)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from archivedoc import DEFAULT, Dialect, Document
from archivedoc.model import Section

if TYPE_CHECKING:
    from hypothesis import strategies as st


__all__ = [
    "METADATA",
    "AssociatedPeople",
    "AssociatedPlaces",
    "DocumentType",
    "ListSection",
    "OriginalArchive",
    "RecordId",
    "SubjectsDiscussed",
    "documents",
]

RULES = r"""
# A Record ID: the archive's number for the document (the site can leave it
# empty, which the section's empty text stands for).
record_id       = ~r"[0-9]+"

# A value on one line, as the site's Type and Original Archive fields are.
one_line        = ~r"[^\r\n]*"

# One entry of a list section: a line with something on it, its spaces kept.
list_entry      = ~r"[ \t]*[^ \t\r\n][^\r\n]*"
"""


def _fits(rule: str, section: Section) -> None:
    """Check the section's text against a rule of :data:`METADATA`'s grammar."""
    if section.text and METADATA.terminal(rule).fullmatch(section.text) is None:
        raise ValueError(
            f"{type(section).__name__} text {section.text!r} does not match rule {rule!r}"
        )


@attrs.frozen
class ListSection(Section):
    """A section that lists one entry per line (blank lines between are kept)."""

    entries: tuple[str, ...] = attrs.field(init=False, eq=False)

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        entry = METADATA.terminal("list_entry")
        lines = [line.rstrip("\r") for line in self.text.split("\n")]
        entries = tuple(line.strip(" \t") for line in lines if entry.fullmatch(line))
        object.__setattr__(self, "entries", entries)


@attrs.frozen
class AssociatedPeople(ListSection):
    """``### Associated People & Organizations:``: the people and bodies named."""

    LABEL: ClassVar[str | None] = "Associated People & Organizations"
    KIND: ClassVar[str] = "associated_people"


@attrs.frozen
class AssociatedPlaces(ListSection):
    """``### Associated Places:``: the places the document concerns."""

    LABEL: ClassVar[str | None] = "Associated Places"
    KIND: ClassVar[str] = "associated_places"


@attrs.frozen
class SubjectsDiscussed(ListSection):
    """``### Subjects Discussed:``: the archive's subject headings."""

    LABEL: ClassVar[str | None] = "Subjects Discussed"
    KIND: ClassVar[str] = "subjects_discussed"


@attrs.frozen
class OriginalArchive(Section):
    """``### Original Archive:``: the archive holding the original, on one line."""

    LABEL: ClassVar[str | None] = "Original Archive"
    KIND: ClassVar[str] = "original_archive"

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        _fits("one_line", self)


@attrs.frozen
class DocumentType(Section):
    """``### Type:``: the kind of document ("Letter", "Memorandum of Conversation")."""

    LABEL: ClassVar[str | None] = "Type"
    KIND: ClassVar[str] = "document_type"

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        _fits("one_line", self)


@attrs.frozen
class RecordId(Section):
    """``### Record ID:``: the archive's number for the document, or empty.

    The text keeps every digit; ``number`` is its value, or None when the
    text is empty or longer than any archive's number (over
    :data:`RECORD_ID_DIGITS` digits: the value of thousands of digits would
    cost quadratic time, and Python refuses it).
    """

    LABEL: ClassVar[str | None] = "Record ID"
    KIND: ClassVar[str] = "record_id"
    #: The number, or None (empty, or too long to be a number: see the class).
    number: int | None = attrs.field(init=False, eq=False)

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        _fits("record_id", self)
        digits = self.text
        number = int(digits) if digits and len(digits) <= RECORD_ID_DIGITS else None
        object.__setattr__(self, "number", number)


#: The most digits a Record ID's ``number`` is read from (a 64-bit id has 19).
RECORD_ID_DIGITS = 19


#: The default dialect plus the site's metadata sections.
METADATA: Dialect = DEFAULT.extend(
    "metadata",
    sections=[
        AssociatedPeople,
        AssociatedPlaces,
        SubjectsDiscussed,
        OriginalArchive,
        DocumentType,
        RecordId,
    ],
    rules=RULES,
)


def documents() -> st.SearchStrategy[Document]:
    """Hypothesis: valid METADATA documents, with every new kind of section."""
    from hypothesis import strategies as st

    from archivedoc import strategies

    def section(cls: type[Section], text: st.SearchStrategy[str]) -> Any:
        @st.composite
        def build(draw: st.DrawFn) -> Section:
            body = draw(text)
            after = "\n\n" if body else ""
            return cls(body, before=draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n"])), after=after)

        return build()

    one_line = strategies.line_texts(1, 30).filter(
        lambda s: s.strip(" \t") != "" and not s.startswith(("## ", "### "))
    )
    lists = strategies.section_texts()
    extra = [
        section(AssociatedPeople, lists),
        section(AssociatedPlaces, lists),
        section(SubjectsDiscussed, lists),
        section(OriginalArchive, one_line),
        section(DocumentType, one_line),
        section(RecordId, st.integers(0, 10**9).map(str) | st.just("")),
    ]
    return strategies.documents(dialect=METADATA, extra_sections=extra)
