"""Render a Document back to text, exactly as it was parsed."""

from __future__ import annotations

from archivedoc._model.document import Document
from archivedoc._model.sections import Section


def render_section(section: Section) -> str:
    """``### <label>:`` plus the section's exact blank space and text."""
    return f"### {section.label}:{section.before}{section.text}{section.after}"


def render_heading(doc: Document, mark: str = "## ") -> str:
    """The heading line and the blank lines after it ("" for a headless document)."""
    if not doc.has_heading:
        return ""
    date = doc.date.text if doc.date is not None else ""
    return f"{mark}{date}{doc.date_sep}{doc.title}{doc.heading_after}"


def render(doc: Document) -> str:
    """The document's text: the inverse of parsing."""
    parts = ["\ufeff" if doc.bom else "", doc.lead]
    if doc.has_heading:
        date = doc.date.text if doc.date is not None else ""
        parts.append(f"## {date}{doc.date_sep}{doc.title}{doc.heading_after}")
    parts.extend(render_section(section) for section in doc.sections)
    parts.append(doc.transcript.text)
    return "".join(parts)
