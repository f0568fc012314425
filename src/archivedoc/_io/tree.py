"""Build the top level of a Document from the ``document`` rule's parse tree.

The grammar splits the text into the heading, the sections and the
transcript; this visitor turns those pieces into the model's classes (which
read their own parts with the readers).  Children are taken by rule name.
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
from archivedoc._readers.nodes import named
from archivedoc._readers.rules import default_rules


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
        self,
        section_classes: Mapping[str, type[Section]],
        dialect: Dialect = DEFAULT,
        *,
        bom: bool = False,
    ) -> None:
        self.section_classes = section_classes
        self.positions: list[tuple[int, Section]] = []
        self.dialect = dialect
        self.bom = bom
        grammar = dialect.grammar
        # Parts are read with the dialect's grammar; None is the default's.
        self._grammar = None if grammar is default_rules() else grammar

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
        parts = named(node, children)
        ((heading, sections, transcript),) = parts.get("headed") or parts["headless"]
        fields: dict[str, Any] = {"lead": parts["lead"], "sections": sections}
        if self.dialect is not DEFAULT:
            fields["dialect"] = self.dialect
        if self.bom:
            fields["bom"] = True
        if heading is None:
            fields["has_heading"] = False
        else:
            fields.update(heading)
        if transcript is not None:
            fields["transcript"] = transcript
        return Document._parsed(**fields)

    def visit_headed(self, node: Node, children: list[Any]) -> tuple[Any, ...]:
        parts = named(node, children)
        return (parts["heading"], *_sections_and_transcript(parts["section"]))

    def visit_headless(self, node: Node, children: list[Any]) -> tuple[Any, ...]:
        return (None, *_sections_and_transcript(children))

    def visit_heading(self, node: Node, children: list[Any]) -> dict[str, Any]:
        parts = named(node, children)
        fields = {"title": parts["title"], "heading_after": parts["heading_after"]}
        dated = parts["heading_date"]
        if dated:
            fields.update(dated[0])
        else:
            fields["date_sep"] = ""
        return fields

    def visit_heading_date(self, node: Node, children: list[Any]) -> dict[str, Any]:
        parts = named(node, children)
        return {"date": parts["date"], "date_sep": parts["date_sep"]}

    def visit_date(self, node: Node, children: list[Any]) -> Date:
        grammar = self._grammar
        return Date(node.text) if grammar is None else Date(node.text, grammar=grammar)

    def visit_section(self, node: Node, children: list[Any]) -> Any:
        return children[0]

    def visit_plain_section(self, node: Node, children: list[Any]) -> Section:
        parts = named(node, children)
        return self._section(
            node.start,
            parts["section_header"],
            parts["section_text"],
            parts["section_before"],
            parts["section_after"],
        )

    def visit_contents_section(self, node: Node, children: list[Any]) -> tuple[Section, Transcript]:
        parts = named(node, children)
        section = self._section(
            node.start,
            parts["contents_header"],
            parts["contents_items"],
            parts["section_before"],
            parts["section_after"],
        )
        text = parts["transcript"]
        grammar = self._grammar
        return section, Transcript(text) if grammar is None else Transcript(text, grammar=grammar)

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
            if self._grammar is None:
                section = cls(text, label=label, before=before, after=after)
            else:
                section = cls(text, label=label, before=before, after=after, grammar=self._grammar)
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
