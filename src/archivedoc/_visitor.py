"""Turn the grammar's parse tree into model objects.

This is the only module, with ``_parser`` and ``_grammar``, that sees
parsimonious nodes; what it returns is made of archivedoc's own classes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from parsimonious.nodes import Node, NodeVisitor

from archivedoc._dates import Date
from archivedoc._document import Document
from archivedoc._sections import Section
from archivedoc._transcript import Transcript


class LayoutVisitor(NodeVisitor):  # type: ignore[misc]
    """Builds a :class:`Document` from a ``document`` parse tree.

    ``section_classes`` maps a label to its section class; other labels get
    the generic :class:`Section`.  ``positions`` collects (offset, section)
    for every section, so that strict mode can point at a header.
    """

    unwrapped_exceptions = (ValueError, TypeError)

    def __init__(self, section_classes: Mapping[str, type[Section]]) -> None:
        self.section_classes = section_classes
        self.positions: list[tuple[int, Section]] = []
        # One string object per distinct label and blank run ("\n\n"), not one per section.
        self._shared: dict[str, str] = {}

    def visit(self, node: Node) -> Any:
        """Like parsimonious's walk, without its per-node exception wrapping.

        Named nodes without a ``visit_`` method give their text without
        their children being visited; the walk is as deep as the grammar
        (which has no recursive rule), never as deep as the input.
        """
        name = node.expr.name
        method = getattr(self, "visit_" + name, None) if name else None
        if method is None:
            if name:
                return node.text
            return [self.visit(child) for child in node.children] or None
        return method(node, [self.visit(child) for child in node.children])

    def visit_document(self, node: Node, children: list[Any]) -> Document:
        lead, (body,) = children
        heading, sections, transcript = body
        fields: dict[str, Any] = {"lead": lead, "sections": sections}
        if heading is None:
            fields["has_heading"] = False
        else:
            fields.update(heading)
        if transcript is not None:
            fields["transcript"] = transcript
        return Document(**fields)

    def visit_headed(self, node: Node, children: list[Any]) -> tuple[Any, ...]:
        heading, sections = children
        return (heading, *_sections_and_transcript(sections))

    def visit_headless(self, node: Node, children: list[Any]) -> tuple[Any, ...]:
        return (None, *_sections_and_transcript(children))

    def visit_heading(self, node: Node, children: list[Any]) -> dict[str, Any]:
        _, dated, title, after = children
        fields = {"title": title, "heading_after": after}
        if isinstance(dated, list):
            date, sep = dated[0]
            fields.update(date=date, date_sep=sep)
        else:
            fields["date_sep"] = ""
        return fields

    def visit_heading_date(self, node: Node, children: list[Any]) -> tuple[Date, str]:
        date, sep = children
        return date, sep

    def visit_date(self, node: Node, children: list[Any]) -> Date:
        return Date(node.text)

    def visit_section(self, node: Node, children: list[Any]) -> Any:
        return children[0]

    def visit_plain_section(self, node: Node, children: list[Any]) -> Section:
        header, before, text, after = children
        return self._section(node.start, header, text, before, after)

    def visit_contents_section(self, node: Node, children: list[Any]) -> tuple[Section, Transcript]:
        header, before, items, after, transcript = children
        section = self._section(node.start, header, items, before, after)
        return section, Transcript(transcript)

    def visit_section_header(self, node: Node, children: list[Any]) -> str:
        return str(node.match.group("label"))

    visit_contents_header = visit_section_header

    def _section(self, start: int, label: str, text: str, before: str, after: str) -> Section:
        cls = self.section_classes.get(label, Section)
        shared = self._shared
        label = shared.setdefault(label, label)
        if len(before) < 16:
            before = shared.setdefault(before, before)
        if len(after) < 16:
            after = shared.setdefault(after, after)
        section = cls(text, label=label, before=before, after=after)
        self.positions.append((start, section))
        return section

    def generic_visit(self, node: Node, children: list[Any]) -> Any:
        """Named terminals give their text; anonymous groups give their children."""
        if node.expr_name:
            return node.text
        return children or None


def _sections_and_transcript(items: Any) -> tuple[tuple[Section, ...], Transcript | None]:
    sections: list[Section] = []
    transcript: Transcript | None = None
    for item in items or ():
        if isinstance(item, tuple):
            section, transcript = item
            sections.append(section)
        else:
            sections.append(item)
    return tuple(sections), transcript
