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
from typing import TYPE_CHECKING, Any

from parsimonious.expressions import Compound, Expression, Regex
from parsimonious.grammar import Grammar
from parsimonious.nodes import Node

_FIRST = "document.peg"


def grammar_files() -> dict[str, str]:
    """The grammar files, name -> text, in the order they are joined."""
    from importlib import resources  # here, not at import: it costs ~10 ms to import

    # The folder is reached from the package, not as a package of its own:
    # ``files("archivedoc.grammar")`` needs a namespace package, which
    # zipimport (a zipapp, a wheel on sys.path) cannot give before 3.13.
    folder = resources.files("archivedoc") / "grammar"
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".peg"))
    names.sort(key=lambda name: name != _FIRST)
    return {name: (folder / name).read_text(encoding="utf-8") for name in names}


def grammar_text() -> str:
    """The whole grammar as one text, the way parsimonious compiles it."""
    return "\n".join(grammar_files().values())


@functools.cache
def default_grammar() -> Grammar:
    """The compiled default grammar (built on first use, then cached)."""
    return lean(Grammar(grammar_text()))


class _Leaf(Node):  # type: ignore[misc]
    """A regex terminal's node: no stored match object, no children list.

    parsimonious keeps the ``Match`` on every RegexNode (about 200 bytes) and
    an empty children list (56 bytes): on a document of short sections that
    made the parse tree 20 times the size of the text.  ``match`` is still
    there for the rare reader of groups: it runs the regex again.
    """

    if not TYPE_CHECKING:  # mypy sees Node as Any, so it cannot see Node's own slots
        __slots__ = ()

    def __init__(self, expr: Expression, full_text: str, start: int, end: int) -> None:
        self.expr = expr
        self.full_text = full_text
        self.start = start
        self.end = end
        self.children = ()

    @property
    def match(self) -> Any:
        """The regex match this node stands for (computed again on demand)."""
        return self.expr.re.match(self.full_text, self.start)


class _LeanRegex(Regex):  # type: ignore[misc]
    """A regex terminal that builds :class:`_Leaf` nodes."""

    __slots__ = ()

    def _uncached_match(self, text: str, pos: int, cache: Any, error: Any) -> _Leaf | None:
        m = self.re.match(text, pos)
        return None if m is None else _Leaf(self, text, pos, m.end())


def lean(grammar: Grammar) -> Grammar:
    """Make ``grammar``'s regex terminals build lean nodes (in place)."""
    seen: set[int] = set()
    todo: list[Expression] = list(grammar.values())
    while todo:
        expr = todo.pop()
        if id(expr) in seen:
            continue
        seen.add(id(expr))
        if type(expr) is Regex:
            expr.__class__ = _LeanRegex
        elif isinstance(expr, Compound):
            todo.extend(expr.members)
    return grammar


def split_heading(text: str) -> tuple[str | None, str, str, int] | None:
    """How the ``heading`` rule reads the start of ``text``, in plain strings.

    (the date or None, the date with its separator, the title, where the
    match ends), or None if ``text`` does not start with a heading.  It lets
    the model's checks use the grammar without handling parse nodes.
    """
    from parsimonious.exceptions import ParseError as ParsimoniousError

    try:
        node = default_grammar()["heading"].match(text)
    except ParsimoniousError:
        return None
    dated = node.children[1]
    date = dated.children[0].children[0].text if dated.children else None
    return date, dated.text, node.children[2].text, node.end


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
