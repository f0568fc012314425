"""The grammar a part is read with: its rules by name and its compiled terminals.

The readers take a :class:`Rules` rather than reaching for the default
grammar, so that a dialect that overrides a rule (``turn``, ``date_year``)
has it applied wherever that rule reads a part.  A Rules is hashed by
identity: the readers' caches keep one entry per text and grammar.
"""

from __future__ import annotations

import functools
from typing import Any

from parsimonious.expressions import Expression, Regex
from parsimonious.grammar import Grammar

from archivedoc._grammar import default_grammar

__all__ = ["Rules", "default_rules"]


class Rules:
    """A compiled grammar, as the readers use it."""

    __slots__ = ("_grammar", "_terminals", "name")

    def __init__(self, grammar: Grammar, name: str = "default") -> None:
        self._grammar = grammar
        self._terminals: dict[str, Any] = {}
        #: Where the rules come from (a dialect's name), for repr.
        self.name = name

    def __repr__(self) -> str:
        return f"<grammar rules of {self.name!r}>"

    def __getitem__(self, name: str) -> Expression:
        """The rule ``name`` (KeyError if the grammar has none)."""
        return self._grammar[name]

    def terminal(self, name: str) -> Any:
        """The compiled regex (a ``regex`` pattern) of the terminal rule ``name``."""
        found = self._terminals.get(name)
        if found is None:
            expr = self._grammar[name]
            if not isinstance(expr, Regex):
                raise TypeError(f"grammar rule {name!r} is not a regex terminal")
            found = self._terminals[name] = expr.re
        return found


@functools.cache
def default_rules() -> Rules:
    """The default grammar's rules (compiled on first use)."""
    return Rules(default_grammar())
