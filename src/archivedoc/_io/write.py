"""Write a Document back to text, exactly as it was parsed.

One writer for every dialect: it joins the parts in source order (the
heading with the dialect's mark, the sections written without a header,
the transcript where the dialect reads it, the other sections).  A dialect
with a ``writer`` of its own is written by that instead.
"""

from __future__ import annotations

from archivedoc._dialect import DEFAULT
from archivedoc._model.document import Document
from archivedoc._model.joins import headerless_count, transcript_index
from archivedoc._model.sections import Section
from archivedoc._readers.heading import heading_mark

__all__ = ["join_parts", "render", "render_heading", "render_section"]


def render_section(section: Section) -> str:
    """``### <label>:`` plus the section's exact blank space and text."""
    return f"### {section.label}:{section.before}{section.text}{section.after}"


def render_heading(doc: Document, mark: str | None = None) -> str:
    """The heading line and the blank lines after it ("" for a headless document).

    ``mark`` is what opens the line; by default the one the document's
    dialect reads ("## " in the archive's format).
    """
    if not doc.has_heading:
        return ""
    if mark is None:
        mark = "## " if doc.dialect is DEFAULT else heading_mark(doc.dialect.grammar)
    date = doc.date.text if doc.date is not None else ""
    return f"{mark}{date}{doc.date_sep}{doc.title}{doc.heading_after}"


def render(doc: Document) -> str:
    """The document's text: the inverse of parsing (the dialect's writer's, if it has one)."""
    writer = doc.dialect.writer
    return join_parts(doc) if writer is None else writer(doc)


def join_parts(doc: Document) -> str:
    """The one writer: the document's parts joined in source order."""
    dialect = doc.dialect
    parts = ["\ufeff" if doc.bom else "", doc.lead, render_heading(doc)]
    sections = doc.sections
    at = len(sections) if dialect is DEFAULT else transcript_index(doc)
    bare = headerless_count(doc) if dialect.headerless else 0
    parts.extend(section.text + section.after for section in sections[:bare])
    parts.extend(render_section(section) for section in sections[bare:at])
    parts.append(doc.transcript.text)
    parts.extend(render_section(section) for section in sections[at:])
    return "".join(parts)
