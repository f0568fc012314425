"""Build the top level of a Document from the ``document`` rule's match.

The grammar splits the text into the heading, the sections and the
transcript; this visitor turns those pieces into the model's classes (which
read their own parts with the readers).  Children are taken by rule name.
The default grammar's ``document`` rule is matched as one regex compiled
from it (:mod:`archivedoc._grammar_regex`), and :meth:`LayoutVisitor.read`
takes the same pieces from that match's groups; a dialect's grammar is
parsed by parsimonious and visited node by node.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from parsimonious.nodes import Node, NodeVisitor

from archivedoc._dialect import DEFAULT, DEFAULT_CLASSES, Dialect, DialectError
from archivedoc._grammar_regex import group_name, group_number
from archivedoc._model.dates import Date
from archivedoc._model.document import Document
from archivedoc._model.sections import Section
from archivedoc._model.transcript import Transcript
from archivedoc._readers.nodes import named
from archivedoc._readers.rules import default_rules

#: The rules of ``document`` whose matches :meth:`LayoutVisitor.read` takes
#: (a section starts with its header, a heading has a title).
LAYOUT_GROUPS = (
    "lead",
    "date",
    "date_sep",
    "title",
    "heading_after",
    "section_header",
    "section_before",
    "section_text",
    "section_after",
    "contents_header",
    "contents_items",
    "transcript",
)
_GROUPS = {name: group_name(name) for name in LAYOUT_GROUPS}
_LABEL = group_name("section_header", "label")
_CONTENTS_LABEL = group_name("contents_header", "label")


@functools.cache
def _numbers(pattern: Any) -> dict[str, int]:
    """The layout regex's group numbers by rule (and the two labels by group name).

    A match is read by group number: by name, the regex module costs five
    times as much (see ``group_number``).
    """
    found = {rule: group_number(pattern, name) for rule, name in _GROUPS.items()}
    for name in (_LABEL, _CONTENTS_LABEL):
        found[name] = group_number(pattern, name)
    return found


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
        # Sections of the default format, read with the default grammar, are
        # made of its very matches: their classes need not check them again.
        self._trusted = (
            self._grammar is None and dialect is DEFAULT and section_classes is DEFAULT_CLASSES
        )

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

    def read(self, match: Any) -> Document:
        """The Document of a match of the ``document`` rule's one regex.

        The same pieces as :meth:`visit`'s, from the groups of
        :data:`LAYOUT_GROUPS`: each section has one header, one body and one
        blank run before and after it, so the i-th of each belong together;
        a header's label is its terminal's group ``label``, as the visitor
        reads it.
        """
        text = match.string
        group = _numbers(match.re)
        starts, ends = match.starts, match.ends  # lists of offsets, not of span tuples

        def once(rule: str) -> str | None:
            """The text of a rule matched at most once (None if it was not)."""
            at = match.start(group[rule])
            return None if at < 0 else str(text[at : match.end(group[rule])])

        fields: dict[str, Any] = {"lead": once("lead")}
        before_starts, before_ends = starts(group["section_before"]), ends(group["section_before"])
        after_starts, after_ends = starts(group["section_after"]), ends(group["section_after"])
        sections: list[Section] = []
        heads = starts(group["section_header"])
        if heads:
            labels = match.captures(group[_LABEL])
            body_starts, body_ends = starts(group["section_text"]), ends(group["section_text"])
            for index, start in enumerate(heads):
                sections.append(
                    self._section(
                        start,
                        labels[index],
                        text[body_starts[index] : body_ends[index]],
                        text[before_starts[index] : before_ends[index]],
                        text[after_starts[index] : after_ends[index]],
                    )
                )
        transcript = once("transcript")
        if transcript is not None:
            sections.append(
                self._section(
                    match.start(group["contents_header"]),
                    match.captures(group[_CONTENTS_LABEL])[0],
                    once("contents_items") or "",
                    text[before_starts[-1] : before_ends[-1]],
                    text[after_starts[-1] : after_ends[-1]],
                )
            )
            fields["transcript"] = self._transcript(transcript)
        fields["sections"] = tuple(sections)
        if self.bom:
            fields["bom"] = True
        title = once("title")
        if title is None:
            fields["has_heading"] = False
        else:
            fields["title"] = title
            fields["heading_after"] = once("heading_after")
            date = once("date")
            if date is not None:
                fields["date"] = self._date(date)
            fields["date_sep"] = "" if date is None else once("date_sep")
        if self._trusted:
            return Document._matched(**fields)
        return Document._parsed(**fields)

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
        return self._date(node.text)

    def _date(self, text: str) -> Date:
        grammar = self._grammar
        return Date(text) if grammar is None else Date(text, grammar=grammar)

    def _transcript(self, text: str) -> Transcript:
        grammar = self._grammar
        return Transcript(text) if grammar is None else Transcript(text, grammar=grammar)

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
        return section, self._transcript(parts["transcript"])

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
            if self._trusted:
                section = cls._parsed(text, label, before, after)
            elif self._grammar is None:
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
