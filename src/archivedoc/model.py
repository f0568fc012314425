"""The document model: the frozen classes a parsed document is made of.

Import model classes from here (``from archivedoc.model import Citation``);
exporters and other consumers depend on this module and on the top-level
functions only, never on the parser.
"""

from __future__ import annotations

from archivedoc._model.citation import Contributor, Locator
from archivedoc._model.dates import Date
from archivedoc._model.document import Document
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
from archivedoc._model.transcript import (
    Block,
    Field,
    Footnote,
    FootnoteDefinition,
    Heading,
    Inline,
    Item,
    Mark,
    PageMarker,
    Paragraph,
    Participant,
    ParticipantList,
    Transcript,
    Turn,
)

__all__ = [
    "Block",
    "Citation",
    "Contents",
    "ContentsItem",
    "Contributor",
    "Credits",
    "Date",
    "Document",
    "Field",
    "Footnote",
    "FootnoteDefinition",
    "Heading",
    "Inline",
    "Item",
    "Language",
    "Locator",
    "Mark",
    "OriginalLanguage",
    "PageMarker",
    "Paragraph",
    "Participant",
    "ParticipantList",
    "Section",
    "Summary",
    "Transcript",
    "Turn",
]
