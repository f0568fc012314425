"""Turn the grammar's parse tree into model objects.

This is the only module, with ``_parser`` and ``_grammar``, that sees
parsimonious nodes; what it returns is made of archivedoc's own classes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from parsimonious.nodes import Node, NodeVisitor

from archivedoc._dialect import DEFAULT, Dialect, DialectError
from archivedoc._model.dates import Date
from archivedoc._model.document import Document
from archivedoc._model.sections import Section
from archivedoc._model.transcript import Transcript


class SectionError(ValueError):
    """A section (or a builder's value) that its class refused, and where it starts."""

    def __init__(self, pos: int, message: str) -> None:
        super().__init__(message)
        self.pos = pos


class LayoutVisitor(NodeVisitor):  # type: ignore[misc]
    """Builds a :class:`Document` from a ``document`` parse tree.

    ``section_classes`` maps a label to its section class; other labels get
    the generic :class:`Section`.  ``positions`` collects (offset, section)
    for every section, so that strict mode can point at a header.  A
    dialect's builders take over the rules they name.
    """

    def __init__(
        self, section_classes: Mapping[str, type[Section]], dialect: Dialect = DEFAULT
    ) -> None:
        self.section_classes = section_classes
        self.positions: list[tuple[int, Section]] = []
        self.dialect = dialect
        # One string object per distinct label and blank run ("\n\n"), not one per section.
        self._shared: dict[str, str] = {}
        for name, build in dialect.builders:
            setattr(self, f"visit_{name}", self._hook(build))

    def _hook(self, build: Any) -> Any:
        def visit(node: Node, children: list[Any]) -> Any:
            try:
                value = build(node.text, children)
            except (ValueError, TypeError) as exc:
                raise SectionError(node.start, f"invalid {node.expr_name!r}: {exc}") from None
            except Exception as exc:  # a bug in the builder, not in the text
                raise DialectError(
                    f"dialect {self.dialect.name!r}: the builder of rule {node.expr_name!r} "
                    f"failed: {exc!r}"
                ) from exc
            for item in value if isinstance(value, tuple) else (value,):
                if isinstance(item, Section):  # strict mode checks its place
                    self.positions.append((node.start, item))
            return value

        return visit

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
        if self.dialect is not DEFAULT:
            fields["dialect"] = self.dialect
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
        try:
            section = cls(text, label=label, before=before, after=after)
        except (ValueError, TypeError) as exc:
            pos = start + len(f"### {label}:{before}")
            raise SectionError(pos, f"invalid {label!r} section: {exc}") from None
        self.positions.append((start, section))
        return section


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
