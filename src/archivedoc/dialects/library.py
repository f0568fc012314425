"""A partner archive's export: the default layout with its own marks and labels.

An invented but typical neighbour of the Digital Archive format, the "Cold
War Document Library" export.  It is built almost entirely from the default
parts: the same dates, titles, section layout, Summary and Original Language
classes; only the heading mark and two labels differ::

    # June 30, 1945 Meeting between Marshal Stalin and Dr. Soong

    ### Source:

    Victor Hoo Collection, box 6, folder 9, Hoover Institution Archives.

    ### Summary:

    Stalin and Chinese Minister Soong discuss ...

    ### Original Language:

    English

    ### Text:

    No. I. Meeting between Marshal Stalin and Dr. Soong ...

The heading has one ``#``; ``### Source:`` holds the archival source (one
paragraph); ``### Text:`` has no item list: the transcript starts after its
blank lines and runs to the end of the file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

import attrs

from archivedoc import Dialect, Document
from archivedoc._io.write import join_parts
from archivedoc.model import OriginalLanguage, Section, Summary, Transcript

if TYPE_CHECKING:
    from hypothesis import strategies as st


__all__ = ["LIBRARY", "Source", "Text", "documents", "write"]

OVERRIDES = r"""
# The heading opens with one hash and a space (the date and title follow as
# in the archive's format): "# 1958 Meeting".
heading_mark    = "# "

# A section: the Text section ends the layout, every other label opens a
# section of plain lines: "### Text:\n\n" or "### Source:\n\nHoover.".
section         = text_section / plain_section
"""

RULES = r"""
# "### Text:", the blank lines after it, then the transcript to the end.
text_section    = text_header section_before transcript

# The Text header, alone on its line.
text_header     = ~r"### (?P<label>Text):(?=[ \t]*(?:\r?\n|\Z))"
"""


@attrs.frozen
class Source(Section):
    """``### Source:``: where the original is held, as one paragraph."""

    LABEL: ClassVar[str | None] = "Source"
    KIND: ClassVar[str] = "source"


@attrs.frozen
class Text(Section):
    """``### Text:``: marks where the transcript starts; it has no text of its own."""

    LABEL: ClassVar[str | None] = "Text"
    KIND: ClassVar[str] = "text"
    OPENS_TRANSCRIPT: ClassVar[bool] = True

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        if self.text:
            raise ValueError("the Text section has no text: the transcript follows it")


def _text_section(text: str, children: list[Any]) -> tuple[Text, Transcript]:
    _, before, transcript = children
    return Text(before=before), Transcript(transcript)


def write(doc: Document) -> str:
    """The export's text.

    The one writer writes it: the heading mark comes from the ``heading_mark``
    rule, and the transcript follows the Text section, which opens it
    (``OPENS_TRANSCRIPT``).  Kept for dialects that wrap it.
    """
    return join_parts(doc)


#: The Cold War Document Library export.
LIBRARY: Dialect = Dialect(
    "library",
    sections=[Source, Summary, OriginalLanguage, Text],
    order=("Source", "Summary", "Original Language", "Text"),
    required=("Text",),
    rules=RULES,
    overrides=OVERRIDES,
    builders={"text_section": _text_section},
    expected="a heading '# <date> <title>' or a section header '### <Label>:'",
)


def documents() -> st.SearchStrategy[Document]:
    """Hypothesis: valid LIBRARY exports."""
    from hypothesis import assume
    from hypothesis import strategies as st

    from archivedoc import strategies

    @st.composite
    def build(draw: st.DrawFn) -> Document:
        sections: list[Section] = []
        kinds: list[type[Section]] = [Source, Summary, OriginalLanguage]
        for cls in draw(st.lists(st.sampled_from(kinds), max_size=3)):
            text = draw(strategies.section_texts(3))
            sections.append(cls(text, before=draw(st.sampled_from(["\n\n", "\n", "\r\n"]))))
        transcript = Transcript()
        if draw(st.booleans()):
            sections.append(Text(before=draw(st.sampled_from(["\n\n", "\n", " \n\n"]))))
            transcript = draw(strategies.transcripts())
        date = draw(st.one_of(st.none(), strategies.dates()))
        title = draw(strategies.line_texts(0, 40).map(lambda s: s.strip(" \t")))
        if sections and sections[-1].text and not transcript.text:
            sections[-1] = attrs.evolve(sections[-1], after=draw(st.sampled_from(["", "\n"])))
        try:
            return Document(
                title,
                date=date,
                sections=sections,
                transcript=transcript,
                lead=draw(strategies.blank_lines(0, 2)),
                dialect=LIBRARY,
            )
        except ValueError:
            assume(False)
            raise  # pragma: no cover - assume(False) never returns

    return build()
