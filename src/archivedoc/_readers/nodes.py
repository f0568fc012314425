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
    found: dict[str, Any] = {}
    for item, value in zip(node.children, values, strict=True):
        name = item.expr_name
        if not name:
            expr = item.expr
            if isinstance(expr, Quantifier) and expr.members[0].name:
                name = expr.members[0].name
            elif isinstance(expr, OneOf) and item.children:
                name = item.children[0].expr_name
        if name:
            found[name] = value
    return found
