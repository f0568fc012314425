"""Load the PEG grammar shipped in ``archivedoc/grammar/`` and compile it once.

The grammar is data: every ``*.peg`` file of the folder (``document.peg``
first, then in name order) and every word list of ``grammar/lexicons/`` is
read, built into one parsimonious grammar by :mod:`archivedoc._grammar_build`
(pieces and word lists spliced in; a name may be defined once) and compiled
on first use.  Other modules ask this one for rules or for the compiled regex
of a terminal; parsimonious types never leave the parser modules.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from parsimonious.expressions import Compound, Expression, Regex
from parsimonious.grammar import Grammar
from parsimonious.nodes import Node

from archivedoc._grammar_build import GrammarError, build, failing_rule, parse_lexicon
from archivedoc._grammar_cache import cached

_FIRST = "document.peg"


@functools.cache
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


@functools.cache
def lexicons() -> dict[str, tuple[str, ...]]:
    """The word lists of ``grammar/lexicons/``, name -> entries in file order."""
    from importlib import resources

    folder = resources.files("archivedoc") / "grammar" / "lexicons"  # zip-safe, as above
    files = sorted((p for p in folder.iterdir() if p.name.endswith(".txt")), key=lambda p: p.name)
    return {p.name[:-4]: parse_lexicon(p.read_text(encoding="utf-8")) for p in files}


@functools.cache
def grammar_text() -> str:
    """The whole grammar as one text, the way parsimonious compiles it.

    Pieces and word lists are spliced in and multi-line terminals joined, so
    this is plain parsimonious; the readable sources are :func:`grammar_files`.
    """
    return build(grammar_files().items(), lexicons())


@functools.cache
def default_grammar() -> Grammar:
    """The compiled default grammar (built on first use, then cached)."""
    return compile_grammar(grammar_files(), lexicons())


def compile_grammar(files: Mapping[str, str], lists: Mapping[str, Iterable[str]]) -> Grammar:
    """Build and compile grammar sources (file name -> text) with word lists.

    A mistake in a grammar file is a GrammarError that names the rule and the
    file, not a parsimonious error about the built text.  A grammar compiled
    before is loaded from the cache on disk (:mod:`archivedoc._grammar_cache`).
    """
    text = build(files.items(), lists)
    try:
        grammar: Grammar = cached(text, "lean", _lean_grammar)
        return grammar
    except Exception as exc:
        pos = getattr(exc, "pos", None)
        at = pos if isinstance(pos, int) else None
        where = failing_rule(text, at, files.items(), _compiles)
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise GrammarError(f"{where}: the grammar does not compile: {first}") from exc


def _lean_grammar(text: str) -> Grammar:
    return lean(Grammar(text))


def _compiles(terminal: str) -> bool:
    """True if one regex terminal, ``~r"..."``, compiles on its own."""
    try:
        Grammar(f"r = {terminal}")
    except Exception:
        return False
    return True


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
    """Each rule's and piece's name -> the comment block written right above it.

    ``text`` defaults to the readable sources, all files joined.
    """
    comments: dict[str, str] = {}
    block: list[str] = []
    source = text if text is not None else "\n".join(grammar_files().values())
    for line in source.splitlines():
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
