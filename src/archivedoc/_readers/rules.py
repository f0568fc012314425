"""The grammar a part is read with: its rules by name and its compiled terminals.

The readers take a :class:`Rules` rather than reaching for the default
grammar, so that a dialect that overrides a rule (``turn``, ``date_year``)
has it applied wherever that rule reads a part.  A Rules is hashed by
identity: the readers' caches keep one entry per text and grammar.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from parsimonious.expressions import Expression, Regex
from parsimonious.grammar import Grammar

from archivedoc._grammar import default_grammar
from archivedoc._grammar_regex import group_number

__all__ = ["Rules", "default_rules", "which_group"]


class Rules:
    """A compiled grammar, as the readers use it."""

    __slots__ = ("_grammar", "name", "terminal")

    def __init__(self, grammar: Grammar, name: str = "default") -> None:
        self._grammar = grammar
        #: Where the rules come from (a dialect's name), for repr.
        self.name = name
        #: ``terminal(name)``: the compiled regex (a ``regex`` pattern) of the
        #: terminal rule ``name``.  A dict lookup, as the readers call it for
        #: every block of a transcript.
        self.terminal: Callable[[str], Any] = _Terminals(grammar).__getitem__

    def __repr__(self) -> str:
        return f"<grammar rules of {self.name!r}>"

    def __getitem__(self, name: str) -> Expression:
        """The rule ``name`` (KeyError if the grammar has none)."""
        return self._grammar[name]


class _Terminals(dict[str, Any]):
    """Terminal name -> compiled regex, filled on first use."""

    def __init__(self, grammar: Grammar) -> None:
        super().__init__()
        self._grammar = grammar

    def __missing__(self, name: str) -> Any:
        expr = self._grammar[name]
        if not isinstance(expr, Regex):
            raise TypeError(f"grammar rule {name!r} is not a regex terminal")
        self[name] = expr.re
        return expr.re


@functools.cache
def default_rules() -> Rules:
    """The default grammar's rules (compiled on first use)."""
    return Rules(default_grammar())


def which_group(found: Any, names: tuple[str, ...]) -> str | None:
    """The first of the named groups ``names`` that took part in the match.

    The kinds are alternatives, so just one takes part: usually the match's
    last group (one C call); when that is a group inside the kind's group
    ("label" in "field"), each name is tested.
    """
    if found is None:
        return None
    last = found.lastgroup
    if last in names:
        return str(last)
    pattern = found.re
    for name in names:
        if found.group(group_number(pattern, name)) is not None:
            return name
    return None
