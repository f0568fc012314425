"""The document model: the frozen classes a parsed document is made of.

Import model classes from here (``from archivedoc.model import Citation``);
exporters and other consumers depend on this module and on the top-level
functions only, never on the parser.  Every class is built from text and
reads its own parts (a date's precision, a citation's locator, a
transcript's turns) with the grammar; none of them parses a whole document.
"""

from __future__ import annotations

# The names the classes' annotations use, so that typing.get_type_hints can
# read them here, where the classes say they live (not in __all__).
import datetime  # noqa: F401
from typing import Any, ClassVar  # noqa: F401

from archivedoc._dialect import Dialect  # noqa: F401
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
from archivedoc._naming import publish
from archivedoc._readers.rules import Rules  # noqa: F401

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

publish(__name__, *(globals()[name] for name in __all__))
