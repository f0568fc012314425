"""The transcript: the document's own text, after the Contents list.

The text is the source of truth.  Its structure (blocks, participants, meeting
fields, speaker turns, footnotes and inline marks) is derived from it by the
rules of ``grammar/transcript_*.peg`` (by :mod:`archivedoc._readers.transcript`)
when it is first asked for, so a hand-built
transcript and a parsed one behave the same, and nothing is ever lost: the
blocks keep their exact text and the blank space after them.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, ClassVar

import attrs

from archivedoc._model.dates import Date
from archivedoc._readers.rules import Rules
from archivedoc._readers.transcript import INLINE_KINDS as INLINE_KINDS
from archivedoc._readers.transcript import (
    BlockParts,
    bracketed,
    parse_transcript,
    unbracketed,
)

__all__ = [
    "Block",
    "Field",
    "Footnote",
    "FootnoteDefinition",
    "Heading",
    "Inline",
    "Item",
    "Mark",
    "PageMarker",
    "Paragraph",
    "Participant",
    "ParticipantList",
    "Transcript",
    "Turn",
]


@attrs.frozen
class Participant:
    """A person present at a meeting: title or role, name, side.

    ``text`` is the person as written ("Dr. [T.V.] Soong"); ``title`` the
    titles and roles before the name ("Dr.", "Marshal", "Interpreter"; empty
    if none); ``name`` the rest ("[T.V.] Soong"); ``side`` the side label the
    text puts the person under ("Korean side"), if any.  ``start`` is the
    offset of ``text`` in the transcript.
    """

    text: str
    title: str
    name: str
    side: str | None
    start: int

    @property
    def gloss(self) -> str:
        """The editor's description of the person before the name, as written.

        "[Soviet translator N.T.]" for "[Soviet translator N.T.] Fedorenko"
        (whose name is "Fedorenko"); empty if there is none.
        """
        if not self.text.endswith(self.name):
            return ""
        before = self.text[: len(self.text) - len(self.name)]
        return " ".join(bracketed(before))

    @property
    def surname(self) -> str:
        """The last word of the name outside brackets ("Soong", "Hoo")."""
        words = [w for w in unbracketed(self.name).split() if w]
        return words[-1] if words else self.name


@attrs.frozen
class Block:
    """A block of the transcript: its exact ``text`` and the ``after`` space.

    ``start`` is the offset of ``text`` in the transcript; ``after`` is the
    line end and the blank lines that follow the block, so that
    ``transcript.lead + "".join(b.text + b.after for b in blocks)`` is the
    transcript's text exactly.
    """

    #: The name of this kind of block in :func:`archivedoc.to_dict` output.
    KIND: ClassVar[str] = "block"

    text: str
    start: int
    after: str

    @property
    def end(self) -> int:
        """The offset just after ``text`` in the transcript."""
        return self.start + len(self.text)


@attrs.frozen
class Paragraph(Block):
    """Running text: every block that has no more specific shape."""

    KIND: ClassVar[str] = "paragraph"


@attrs.frozen
class Heading(Block):
    """A heading line: "No. I. Meeting between ...", capitals, letter-spacing."""

    KIND: ClassVar[str] = "heading"


@attrs.frozen
class Field(Block):
    """A "Label: value" line such as "Date: ...", "Place: ...", "Subject: ...".

    ``value`` is the text after the colon (continuation lines included).  A
    Date or Time field also gives the ``date`` it names (read by the archive's
    date rule) and the ``start_time`` and ``end_time`` of the meeting.
    """

    KIND: ClassVar[str] = "field"

    label: str
    value: str
    date: Date | None
    start_time: datetime.time | None
    end_time: datetime.time | None


@attrs.frozen
class ParticipantList(Block):
    """A "Present:" list (or a "Korean side: ..." line) and its people."""

    KIND: ClassVar[str] = "participants"

    participants: tuple[Participant, ...]


@attrs.frozen
class Item(Block):
    """A numbered or lettered item; ``label`` is "1.", "(i)", "d)" as written."""

    KIND: ClassVar[str] = "item"

    label: str


@attrs.frozen
class PageMarker(Block):
    """A page marker alone on its block: "(p. 1)", "[Page 323]", "- 2 -"."""

    KIND: ClassVar[str] = "page_marker"


@attrs.frozen
class FootnoteDefinition(Block):
    """A footnote's text: "[1] BArch, B 136/59748, 403-410."."""

    KIND: ClassVar[str] = "footnote"

    number: str


@attrs.frozen
class Mark(Block):
    """A classification or handling mark: "Secret", "Copy No. 2", "Urgent"."""

    KIND: ClassVar[str] = "mark"


@attrs.frozen
class Inline:
    """An inline mark: an editor's square bracket or a page break.

    ``kind`` is one of :attr:`KINDS`; ``text`` is the mark as written
    (brackets included) and ``start`` its offset in the transcript.
    """

    #: Every kind a mark can have, for consumers that count or map them.
    KINDS: ClassVar[tuple[str, ...]] = INLINE_KINDS

    kind: str
    text: str
    start: int

    @property
    def end(self) -> int:
        """The offset just after the mark."""
        return self.start + len(self.text)

    @property
    def content(self) -> str:
        """The text between the brackets (the mark itself for a page break)."""
        if self.text.startswith("[") and self.text.endswith("]"):
            return self.text[1:-1]
        return self.text


@attrs.frozen
class Turn:
    """A paragraph that records a speaker.

    ``form`` is "script" ("KIM: ...") or "reported" ("Stalin asked ...");
    ``speaker`` is the speaker as written ("Marshal Stalin", "Pak Geum-cheol
    [Pak Kum-chol]"), ``verb`` the reporting verb ("asked"; empty in script
    form), ``text`` the paragraph, ``block`` its index in ``blocks``, and
    ``participant`` the person of the participant lists it names, if any.
    """

    speaker: str
    form: str
    verb: str
    text: str
    block: int
    participant: Participant | None


@attrs.frozen
class Footnote:
    """A footnote number with its definition and references, where they exist."""

    number: str
    definition: FootnoteDefinition | None
    references: tuple[Inline, ...]


#: The attributes a Transcript derives from its text.
_DERIVED = frozenset(("lead", "blocks", "participants", "fields", "turns", "inlines", "footnotes"))


@attrs.frozen
class Transcript:
    """The text of the document itself, kept verbatim, with its structure.

    Indentation, hard wraps, form feeds, trailing spaces and the final line
    end (or its absence) are all part of ``text``.  The other attributes are
    derived from it (they are not compared and not passed in): ``blocks`` in
    order, the ``participants`` of all participant lists and fields,
    ``fields``, speaker ``turns``, ``footnotes``, ``inlines`` (brackets and
    page breaks) and ``lead`` (blank lines before the first block).

    They are derived on first use, all at once: reading a document costs
    nothing more until its transcript's structure is asked for (the rules
    never fail, so there is nothing to check when the object is made).
    """

    text: str = ""
    #: The grammar the structure is read with (None: the default grammar;
    #: a Document gives its dialect's).
    grammar: Rules | None = attrs.field(
        default=None, kw_only=True, eq=False, repr=False, metadata={"serialize": False}
    )
    lead: str = attrs.field(init=False, eq=False, repr=False)
    blocks: tuple[Block, ...] = attrs.field(init=False, eq=False, repr=False)
    participants: tuple[Participant, ...] = attrs.field(init=False, eq=False, repr=False)
    fields: tuple[Field, ...] = attrs.field(init=False, eq=False, repr=False)
    turns: tuple[Turn, ...] = attrs.field(init=False, eq=False, repr=False)
    inlines: tuple[Inline, ...] = attrs.field(init=False, eq=False, repr=False)
    footnotes: tuple[Footnote, ...] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise TypeError(f"Transcript text must be str, got {type(self.text).__name__}")

    if not TYPE_CHECKING:
        # Hidden from type checkers: a class with __getattr__ would let them
        # accept any attribute ("doc.transcript.trns"); they see the fields.

        def __getattr__(self, name: str) -> object:
            """Derive the structure when one of its (still unset) attributes is read."""
            if name not in _DERIVED:
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            for key, value in _structure(self.text, self.grammar).items():
                object.__setattr__(self, key, value)
            return object.__getattribute__(self, name)

    def field(self, label: str) -> Field | None:
        """The first field labelled ``label`` ("Date", "Subject"), or None."""
        for found in self.fields:
            if found.label == label:
                return found
        return None

    def inlines_in(self, block: Block) -> tuple[Inline, ...]:
        """The inline marks that start inside ``block``."""
        return tuple(i for i in self.inlines if block.start <= i.start < block.end)


#: Block class by ``KIND``.
_BLOCK_CLASSES: dict[str, type[Block]] = {
    cls.KIND: cls
    for cls in (
        Paragraph,
        Heading,
        Field,
        ParticipantList,
        Item,
        PageMarker,
        FootnoteDefinition,
        Mark,
    )
}


#: The Block classes whose blocks have no values of their own.
_PLAIN_KINDS = frozenset(("paragraph", "heading", "mark", "page_marker"))


def _structure(source: str, grammar: Rules | None) -> dict[str, object]:
    """The derived attributes of a Transcript of ``source``, from what the reader finds.

    One pass over the blocks makes them and collects the fields; the parts'
    tuples are unpacked rather than read by attribute (a transcript has
    thousands of blocks, inline marks and turns, each made here).  Each kind
    of part is let go once its objects are made, a block's parts as soon as
    the block is (the reader's list is this function's alone): with all the
    parts alive beside all the objects, 10,000 short paragraphs peaked at
    10.4 times their size.
    """
    lead, block_parts, person_parts, turn_parts, inline_parts, footnote_parts = parse_transcript(
        source, grammar
    )
    people = tuple([Participant(*person) for person in person_parts])
    del person_parts
    blocks: list[Block] = []
    fields: list[Field] = []
    add = blocks.append
    classes, plain, dropped = _BLOCK_CLASSES, _PLAIN_KINDS, _DROPPED
    for index, (
        kind,
        text,
        start,
        after,
        label,
        value,
        number,
        date,
        begins,
        ends,
        who,
    ) in enumerate(block_parts):
        block_parts[index] = dropped
        if kind in plain:
            add(classes[kind](text, start, after))
        elif kind == "participants":
            add(ParticipantList(text, start, after, tuple([people[i] for i in who])))
        elif kind == "field":
            read = None if date is None else Date(date, grammar=grammar)
            field = Field(text, start, after, label or "", value or "", read, begins, ends)
            fields.append(field)
            add(field)
        elif kind == "item":
            add(Item(text, start, after, label or ""))
        else:
            add(FootnoteDefinition(text, start, after, number or ""))
    del block_parts
    turns = tuple(
        [
            Turn(speaker, form, verb, text, block, None if person is None else people[person])
            for speaker, form, verb, text, block, person in turn_parts
        ]
    )
    del turn_parts
    inlines = tuple([Inline(kind, text, start) for kind, text, start in inline_parts])
    del inline_parts
    footnotes = tuple(
        [
            Footnote(
                number,
                None if definition is None else _definition(blocks[definition]),
                tuple([inlines[i] for i in references]),
            )
            for number, definition, references in footnote_parts
        ]
    )
    return {
        "lead": lead,
        "blocks": tuple(blocks),
        "participants": people,
        "fields": tuple(fields),
        "turns": turns,
        "inlines": inlines,
        "footnotes": footnotes,
    }


#: What stands in the reader's list for the parts of a block already made.
_DROPPED = BlockParts("paragraph", "", 0, "")


def _definition(block: Block) -> FootnoteDefinition:
    assert isinstance(block, FootnoteDefinition)
    return block
