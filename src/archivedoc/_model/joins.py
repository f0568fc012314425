"""Checks that a Document's parts join into text that reads back the same.

Each part is checked on its own by its class (against the grammar's own
terminals); what is left are the joins: each section must be of the class its
dialect reads its label as, a part followed by another must end its line,
the heading must split into the same date and title again, the section that
opens the transcript (Contents) must come last, and the transcript must not
start like something else.  All of it is local and cheap: nothing here
writes the whole document out or parses it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from archivedoc._model.sections import Contents, Section
from archivedoc._readers.heading import heading_mark, split_heading

if TYPE_CHECKING:
    from archivedoc._model.document import Document

__all__ = ["check_class", "check_document", "headerless_count", "transcript_index"]

_BLANK_START = re.compile(r"[ \t]*(?:\r?\n|\Z)")


def check_class(section: Any, classes: Mapping[str, type[Section]], dialect: str) -> None:
    """A section must be of the class the dialect reads its label as."""
    if not isinstance(section, Section):
        raise TypeError(f"sections must be Section objects, got {section!r}")
    expected = classes.get(section.label, Section)
    if type(section) is not expected:
        raise ValueError(
            f"a {section.label!r} section is read as {expected.__name__} in dialect "
            f"{dialect!r}, not {type(section).__name__}"
        )


def _tail(section: Section) -> str:
    """The blank space that ends a section's rendering."""
    return section.after if section.text else section.before


def headerless_count(doc: Document) -> int:
    """How many leading sections the dialect writes without a header line."""
    rules = dict(doc.dialect.headerless)
    count = 0
    for section in doc.sections:
        if section.label not in rules or section.before or not section.text:
            break
        count += 1
    return count


def transcript_index(doc: Document) -> int:
    """How many sections are written before the transcript.

    All of them if the dialect has a section that opens the transcript
    (Contents); else the headerless ones (the site's donor line).
    """
    if opener(doc.dialect.sections) is not None:
        return len(doc.sections)
    return headerless_count(doc) if doc.dialect.headerless else 0


def check_document(doc: Document, *, heading: bool = True) -> None:
    """Raise ValueError if ``doc``'s parts would not read back as they are.

    ``heading=False`` skips splitting the heading again: the parser passes
    it, the grammar having just split that very line.
    """
    dialect = doc.dialect
    sections = doc.sections
    known = dialect.section_classes
    for section in sections:
        if type(section) is not known.get(getattr(section, "label", ""), Section):
            check_class(section, known, dialect.name)  # raises
    headerless = headerless_count(doc) if dialect.headerless else 0
    opens = opener(dialect.sections)
    transcript = doc.transcript.text
    if transcript:
        _check_transcript(doc, transcript, opens, headerless)
    if doc.has_heading:
        if heading:
            _check_heading(doc)
        if (sections or transcript) and not doc.heading_after.endswith("\n"):
            raise ValueError("heading_after must end the heading line when sections follow")
    else:
        if doc.title or doc.date is not None or doc.heading_after or doc.date_sep:
            raise ValueError("a Document without a heading has no title, date or heading layout")
        if not sections:
            raise ValueError("a Document needs a heading or at least one section")
    rules = dict(dialect.headerless) if headerless else {}
    at = len(sections) if opens is not None else headerless
    for index, section in enumerate(sections):
        last = index == len(sections) - 1
        if section.OPENS_TRANSCRIPT and not last:
            raise ValueError(
                f"the {section.label} section must be the last: the transcript follows it"
            )
        follows = not last or (transcript and index == at - 1)
        if follows and not _tail(section).endswith("\n"):
            raise ValueError(f"section {section.label!r} must end its line: something follows")
        if index < headerless:
            terminal = dialect.grammar.terminal(rules[section.label])
            if terminal.fullmatch(section.text) is None:
                raise ValueError(
                    f"section {section.label!r} is written without its header, so its "
                    f"text must match rule {rules[section.label]!r}"
                )
        elif section.text and not section.before.endswith("\n"):
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


@functools.lru_cache(maxsize=64)
def opener(classes: tuple[type[Section], ...]) -> type[Section] | None:
    """The dialect's section class that the transcript follows (Contents), if any."""
    for cls in classes:
        if cls.OPENS_TRANSCRIPT:
            return cls
    return None


def _check_heading(doc: Document) -> None:
    grammar = doc.dialect.grammar
    date = doc.date.text if doc.date is not None else ""
    line = f"{heading_mark(grammar)}{date}{doc.date_sep}{doc.title}"
    rendered = line + doc.heading_after
    read = split_heading(rendered, grammar)
    if (
        read is None
        or read.end != len(rendered)
        # Date and separator one by one: "1500 " + " " must not pass as "1500" + "  ".
        or read.date != (date if doc.date is not None else None)
        or read.dated != (f"{date}{doc.date_sep}" if doc.date is not None else "")
        or read.title != doc.title
    ):
        raise ValueError(
            f"the heading {line!r} would not parse back as date={date or None!r}, "
            f"title={doc.title!r} (is the date one the grammar reads, or does the title "
            "start like a date?)"
        )


def _check_transcript(
    doc: Document, text: str, opens: type[Section] | None, headerless: int
) -> None:
    if _BLANK_START.match(text):
        raise ValueError("the transcript starts at its first non-blank line")
    if opens is not None:
        last = doc.sections[-1] if doc.sections else None
        if not isinstance(last, opens):
            raise ValueError(f"a transcript needs a {opens.LABEL} section before it")
        if isinstance(last, Contents) and text.startswith("- "):
            gap = last.after if last.text else ""
            if gap.count("\n") < 2:
                raise ValueError(
                    "a transcript that starts with '- ' would be read as a Contents item: "
                    "put a blank line between the items and the transcript"
                )
        return
    # No section opens the transcript: it follows the headerless sections and
    # the sections with headers follow it.
    grammar = doc.dialect.grammar
    if headerless == 0:
        for _, rule in doc.dialect.headerless:
            if grammar.terminal(rule).match(text):
                raise ValueError(
                    f"the transcript starts like a section written without its header "
                    f"(rule {rule!r})"
                )
    if len(doc.sections) > headerless:
        if not text.endswith("\n"):
            raise ValueError("the transcript must end its line: a section follows")
        header = grammar.terminal("section_header")
        for line in text.splitlines():
            if line.startswith("### ") and header.match(line):
                raise ValueError(
                    f"the transcript has a line that reads as a section header: {line!r}"
                )
