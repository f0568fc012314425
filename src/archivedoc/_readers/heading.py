"""Read a heading line with the ``heading`` rule: date, separator, title.

The model checks a hand-built heading with it: written out, the line must
split into the same date and title again.
"""

from __future__ import annotations

from typing import NamedTuple

from parsimonious.exceptions import ParseError as ParsimoniousError

from archivedoc._readers.nodes import child
from archivedoc._readers.rules import Rules, default_rules

__all__ = ["HeadingParts", "heading_mark", "split_heading"]


class HeadingParts(NamedTuple):
    """How the ``heading`` rule reads the start of a text."""

    #: The date as written, or None.
    date: str | None
    #: The date with the separator after it ("" without a date).
    dated: str
    title: str
    #: Where the match ends.
    end: int


def split_heading(text: str, rules: Rules | None = None) -> HeadingParts | None:
    """How the ``heading`` rule reads the start of ``text``, or None if it is no heading."""
    try:
        node = (rules or default_rules())["heading"].match(text)
    except ParsimoniousError:
        return None
    dated = child(node, "heading_date")
    date = None if dated is None else child(dated, "date")
    title = child(node, "title")
    return HeadingParts(
        None if date is None else date.text,
        "" if dated is None else dated.text,
        "" if title is None else title.text,
        node.end,
    )


def heading_mark(rules: Rules | None = None) -> str:
    """The text the ``heading_mark`` rule matches ("## " in the archive's format)."""
    literal = (rules or default_rules())["heading_mark"]
    return str(getattr(literal, "literal", "## "))
