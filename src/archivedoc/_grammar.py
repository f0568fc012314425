"""Load the PEG grammar shipped in ``archivedoc/grammar/`` and compile it once.

The grammar text is data: every ``*.peg`` file of the folder is read in name
order and joined into one parsimonious grammar (``document.peg`` first; a
later rule with the same name wins, as in parsimonious itself).  Other modules
ask this one for rules or for the compiled regex of a terminal; parsimonious
types never leave the parser modules.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import Any

from parsimonious.expressions import Regex
from parsimonious.grammar import Grammar

_PACKAGE = "archivedoc.grammar"
_FIRST = "document.peg"


def grammar_files() -> dict[str, str]:
    """The grammar files, name -> text, in the order they are joined."""
    folder = resources.files(_PACKAGE)
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".peg"))
    names.sort(key=lambda name: name != _FIRST)
    return {name: (folder / name).read_text(encoding="utf-8") for name in names}


def grammar_text() -> str:
    """The whole grammar as one text, the way parsimonious compiles it."""
    return "\n".join(grammar_files().values())


@functools.cache
def default_grammar() -> Grammar:
    """The compiled default grammar (built on first use, then cached)."""
    return Grammar(grammar_text())


def terminal(name: str) -> Any:
    """The compiled regex of the terminal rule ``name`` (a ``regex`` pattern)."""
    return _terminal(name)


@functools.cache
def _terminal(name: str) -> Any:
    expr = default_grammar()[name]
    if not isinstance(expr, Regex):
        raise TypeError(f"grammar rule {name!r} is not a regex terminal")
    return expr.re


_COMMENT = re.compile(r"^# ?(.*)$")
_RULE = re.compile(r"^([A-Za-z_][A-Za-z_0-9]*)\s*=")


def rule_comments(text: str | None = None) -> dict[str, str]:
    """Each rule's name -> the comment block written right above it."""
    comments: dict[str, str] = {}
    block: list[str] = []
    for line in (text if text is not None else grammar_text()).splitlines():
        comment = _COMMENT.match(line)
        rule = _RULE.match(line)
        if comment:
            block.append(comment.group(1))
        elif rule:
            comments[rule.group(1)] = " ".join(block).strip()
            block = []
        else:
            block = []
    return comments
