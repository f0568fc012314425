"""Parse-tree lookups by rule name, the one way the readers walk a tree.

A rule's node holds its members' nodes; optional and repeated members sit
under anonymous nodes.  ``child`` and ``children`` look through those to the
nodes of a named rule, so a reader says ``child(node, "date_approx")``
instead of counting positions, and a rule that gains a member breaks nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from parsimonious.expressions import OneOf, Quantifier
from parsimonious.nodes import Node

__all__ = ["alternative", "child", "children", "named"]


def children(node: Node, name: str) -> list[Node]:
    """The nodes of rule ``name`` inside ``node``, in order, not inside other named rules."""
    return list(_walk(node, name))


def child(node: Node, name: str) -> Node | None:
    """The first node of rule ``name`` inside ``node`` (see :func:`children`), or None."""
    return next(_walk(node, name), None)


def alternative(node: Node) -> Node:
    """The node of the alternative a choice (``a / b / c``) matched."""
    (chosen,) = node.children
    return chosen


def _walk(node: Node, name: str) -> Iterator[Node]:
    stack = list(reversed(node.children))
    while stack:
        item = stack.pop()
        found = item.expr_name
        if found == name:
            yield item
        elif not found:
            stack.extend(reversed(item.children))


def named(node: Node, values: list[Any]) -> dict[str, Any]:
    """The visited ``values`` of ``node``'s children by their rule names.

    For a visitor: ``named(node, children)["section_text"]`` rather than the
    member's position in the rule.  An anonymous member is found by the rule
    inside it: ``heading_date?`` and ``section*`` by ``heading_date`` and
    ``section`` (their value is the list of what matched, or None), a choice
    ``(headed / headless)`` by the alternative that matched.
    """
    expr = node.expr
    known = _NAMES.get(id(expr))
    if known is None or known[0] is not expr:
        known = _NAMES[id(expr)] = (expr, _member_names(node))
    names = known[1]
    if names is not None:
        return dict(zip(names, values, strict=True))
    found: dict[str, Any] = {}
    for item, value in zip(node.children, values, strict=True):
        name = _name(item)
        if name:
            found[name] = value
    return found


#: id(expression) -> (the expression, its members' names, or None if a
#: member's name depends on the match).  The expression is kept so that an
#: id is never reused for another.
_NAMES: dict[int, tuple[Any, tuple[str, ...] | None]] = {}


def _name(item: Node) -> str:
    """A child's rule name: its own, the one inside ``x?``/``x*``, or the choice made."""
    expr = item.expr
    if expr.name:
        return str(expr.name)
    if isinstance(expr, Quantifier) and expr.members[0].name:
        return str(expr.members[0].name)
    if isinstance(expr, OneOf) and item.children:
        return str(item.children[0].expr.name)
    return ""


def _member_names(node: Node) -> tuple[str, ...] | None:
    """The names of a sequence's members, the same for every match; None if not."""
    names = []
    for item in node.children:
        if not item.expr.name and isinstance(item.expr, OneOf):
            return None
        names.append(_name(item))
    return tuple(names)
