"""Checks that a Document's parts join into text that parses back the same.

Each part is validated on its own by its class (against the grammar's own
terminals); what is left are the joins: a part followed by another must end
its line, the heading must split into the same date and title again, the
Contents section must come last, and the transcript must not start like an
item or a blank line.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from archivedoc._dialect import DEFAULT_CLASSES, PARSING, check_class
from archivedoc._grammar import split_heading
from archivedoc._model.sections import Contents, Section

if TYPE_CHECKING:
    from collections.abc import Mapping

    from archivedoc._model.document import Document


_BLANK_START = re.compile(r"[ \t]*(?:\r?\n|\Z)")


def _tail(section: Section) -> str:
    """The blank space that ends a section's rendering."""
    return section.after if section.text else section.before


def check_document(doc: Document, classes: Mapping[str, type[Section]] | None = None) -> None:
    """Raise ValueError if ``doc`` would not parse back to an equal Document.

    ``classes`` (label -> class) are the dialect's section classes: a section
    must be of the class its label is read as (the default dialect's if None).
    """
    sections = doc.sections
    known = DEFAULT_CLASSES if classes is None else classes
    for section in sections:
        if type(section) is not known.get(getattr(section, "label", ""), Section):
            check_class(section, known, doc.dialect.name)  # raises
    transcript = doc.transcript.text
    if transcript:
        _check_transcript(doc, transcript)
    if doc.has_heading:
        if not PARSING.get():
            _check_heading(doc)
        if (sections or transcript) and not doc.heading_after.endswith("\n"):
            raise ValueError("heading_after must end the heading line when sections follow")
    else:
        if doc.title or doc.date is not None or doc.heading_after or doc.date_sep:
            raise ValueError("a Document without a heading has no title, date or heading layout")
        if not sections:
            raise ValueError("a Document needs a heading or at least one section")
    for index, section in enumerate(sections):
        last = index == len(sections) - 1
        if isinstance(section, Contents) and not last:
            raise ValueError("the Contents section must be the last: the transcript follows it")
        if (not last or transcript) and not _tail(section).endswith("\n"):
            raise ValueError(f"section {section.label!r} must end its line: something follows")
        if section.text and not section.before.endswith("\n"):
            # Found by fuzzing: "### Contents:- item" is not a header line.
            raise ValueError(
                f"section {section.label!r}: its text starts on a line of its own, "
                "so 'before' must end with a line end"
            )
        if section.text.endswith("\r") and section.after.startswith("\n"):
            # Found by fuzzing: a lone CR then LF would be read back as one CRLF.
            raise ValueError(
                f"section {section.label!r}: text ending in a lone CR cannot be followed "
                "by LF (they would read back as one CRLF line end)"
            )


def _check_heading(doc: Document) -> None:
    date = doc.date.text if doc.date is not None else ""
    line = f"## {date}{doc.date_sep}{doc.title}"
    rendered = line + doc.heading_after
    read = split_heading(rendered)
    if (
        read is None
        or read[3] != len(rendered)
        # Date and separator one by one: "1500 " + " " must not pass as "1500" + "  ".
        or read[0] != (date if doc.date is not None else None)
        or read[1] != (f"{date}{doc.date_sep}" if doc.date is not None else "")
        or read[2] != doc.title
    ):
        raise ValueError(
            f"the heading {line!r} would not parse back as date={date or None!r}, "
            f"title={doc.title!r} (is the date one the grammar reads, or does the title "
            "start like a date?)"
        )


def _check_transcript(doc: Document, text: str) -> None:
    contents = doc.sections[-1] if doc.sections else None
    if not isinstance(contents, Contents):
        raise ValueError("a transcript needs a Contents section before it")
    if _BLANK_START.match(text):
        raise ValueError("the transcript starts at its first non-blank line")
    if text.startswith("- "):
        gap = contents.after if contents.text else ""
        if gap.count("\n") < 2:
            raise ValueError(
                "a transcript that starts with '- ' would be read as a Contents item: "
                "put a blank line between the items and the transcript"
            )
