"""Compile a rule of the grammar, with every rule under it, into one regex.

parsimonious matches a rule member by member, a Python call and a node per
match: on the archive's documents that cost more than the rest of ``loads``.
A rule that is not recursive can be written as a single ``regex`` pattern
that matches exactly what the PEG matches, because a PEG is a regex whose
every part is atomic:

* a choice ``a / b`` takes the first alternative that matches and never
  goes back: ``(?>a|b)``;
* ``e*``, ``e+``, ``e?`` take as much as they can and never give it back:
  possessive loops, each turn an atomic ``e``; parsimonious stops a loop at
  the end of the text, so each turn is ``(?!\\Z)(?>e)``, and after a turn
  that matched nothing, as the regex module does;
* a terminal matches once where it starts: ``(?>terminal)``; a literal is
  itself; ``&e`` and ``!e`` are lookaheads.

The pattern is derived from the compiled rules, so the grammar stays the one
source of truth; the rules named in ``groups`` become named groups, and the
regex module keeps every capture of a group inside a loop (``spans``).  The
named groups inside those rules' terminals are kept too, renamed
(:func:`group_name`); every other group of a terminal is made a plain one,
as each capture costs the engine time.  A rule the compiler cannot write
this way (a recursive one, a terminal with its
own flags or back-references, a loop with a minimum above one) gives
None, and the caller keeps parsimonious.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

import regex
from parsimonious.expressions import Expression, Literal, Lookahead, OneOf, Quantifier, Regex
from parsimonious.expressions import Sequence as Sequence_
from parsimonious.grammar import Grammar

__all__ = ["group_name", "group_number", "rule_regex", "terminal_numbers", "whole_match"]

# The flags every terminal of the grammar is compiled with (parsimonious's defaults).
_PLAIN_FLAGS = regex.compile("").flags
# A back-reference or a global inline flag would change meaning once spliced.
_UNSAFE = regex.compile(r"\\[1-9]|\\g<|\(\?P=|\(\?[a-zA-Z]+\)|\(\?\(|\(\?[0-9R&]")


class _UnsupportedError(Exception):
    """The rule cannot be written as one regex with the same meaning."""


def group_name(rule: str, group: str = "") -> str:
    """The group of the combined regex that holds rule ``rule``'s matches.

    With ``group``: the named group ``group`` of the terminal ``rule``
    (``group_name("section_header", "label")``).
    """
    return f"rule_{rule}__{group}" if group else f"rule_{rule}"


@functools.cache
def group_number(pattern: Any, name: str) -> int:
    """The number of the named group ``name`` of the compiled ``pattern``.

    Readers ask a match for a group by its number: given a name, the regex
    module first tries to read it as a number and fails (an exception raised
    and cleared), which costs about 0.6 microseconds, five times the lookup
    itself, on every call.  Patterns hash and compare by their source, so the
    cache holds one entry per pattern and name.
    """
    return int(pattern.groupindex[name])


@functools.cache
def terminal_numbers(pattern: Any, rule: str) -> tuple[tuple[str, int], ...]:
    """(group, number) of each named group of terminal ``rule`` kept in ``pattern``.

    The groups a terminal names itself ("title" of ``cite_quoted_title``)
    are :func:`group_name` (rule, group) in the combined regex.
    """
    prefix = f"{group_name(rule)}__"
    return tuple(
        (name[len(prefix) :], int(number))
        for name, number in pattern.groupindex.items()
        if name.startswith(prefix)
    )


def rule_regex(grammar: Grammar, rule: str, groups: Iterable[str]) -> Any | None:
    """One compiled regex that matches what ``grammar[rule]`` matches, or None.

    The rules named in ``groups`` are captured as :func:`group_name` groups.
    The regex is anchored where it is matched (use ``.match``); it may stop
    before the end of the text, as the rule does.
    """
    key = (id(grammar), rule, frozenset(groups))
    known = _COMPILED.get(key)
    if known is None or known[0] is not grammar:
        try:
            compiled = regex.compile(_pattern(grammar[rule], key[2], ()))
        except (_UnsupportedError, regex.error, RecursionError):
            compiled = None
        known = _COMPILED[key] = (grammar, compiled)
    return known[1]


def whole_match(grammar: Grammar, rule: str, groups: frozenset[str], text: str) -> Any | None:
    """``rule_regex(grammar, rule, groups)`` matched on all of ``text``, or None.

    None also where the rule is no regex or the regex engine runs out of its
    stack (MemoryError): the caller then parses with parsimonious, which says
    whether and how the text fails.
    """
    pattern = rule_regex(grammar, rule, groups)
    if pattern is None:
        return None
    try:
        match = pattern.match(text)
    except MemoryError:  # pragma: no cover - the regex engine's own stack
        return None
    return match if match is not None and match.end() == len(text) else None


#: (id(grammar), rule, groups) -> (the grammar, its regex or None).  The
#: grammar is kept so that its id is never reused for another.
_COMPILED: dict[tuple[int, str, frozenset[str]], tuple[Grammar, Any]] = {}


def _pattern(expr: Expression, groups: frozenset[str], within: tuple[int, ...]) -> str:
    """The pattern of ``expr``; ``within``: the ids of the expressions around it."""
    if id(expr) in within:
        raise _UnsupportedError(f"rule {expr.name!r} is recursive")
    inside = (*within, id(expr))
    body = _body(expr, groups, inside)
    if expr.name in groups:
        return f"(?P<{group_name(expr.name)}>{body})"
    return body


def _body(expr: Expression, groups: frozenset[str], inside: tuple[int, ...]) -> str:
    if isinstance(expr, Regex):
        source = expr.re.pattern
        if expr.re.flags != _PLAIN_FLAGS or _UNSAFE.search(source):
            raise _UnsupportedError(f"terminal {expr.name!r} has flags or back-references")
        return f"(?>{_groups_renamed(source, expr.name if expr.name in groups else '')})"
    if isinstance(expr, Literal):
        return "(?:" + str(regex.escape(expr.literal)) + ")"
    members = [_pattern(member, groups, inside) for member in expr.members]
    if isinstance(expr, Sequence_):
        return "(?:" + "".join(members) + ")"
    if isinstance(expr, OneOf):
        return "(?>" + "|".join(members) + ")"
    if isinstance(expr, Lookahead):
        return ("(?!" if expr.negativity else "(?=") + members[0] + ")"
    if isinstance(expr, Quantifier):
        (member,) = members
        if expr.min > 1:
            # parsimonious repeats an empty turn up to ``min``; a regex loop may not.
            raise _UnsupportedError(f"a loop with a minimum of {expr.min}")
        top = "" if expr.max == float("inf") else str(int(expr.max))
        return f"(?:(?!\\Z){member}){{{int(expr.min)},{top}}}+"
    raise _UnsupportedError(f"no regex for {type(expr).__name__}")


# Where a group opens: "(?P<name>", "(?<name>" (not a lookbehind) or a bare "(".
_GROUP_OPEN = regex.compile(r"\(\?P?<(?P<name>[A-Za-z_][A-Za-z_0-9]*)>|\((?!\?)")
# A character class, from its "[" to its "]": a "]" right after "[" or "[^" is
# a character; "[" inside one is too (parsimonious's terminals use version 0).
_CLASS = regex.compile(r"\[\^?\]?(?:\\.|[^\]\\])*\]")


def _groups_renamed(source: str, rule: str) -> str:
    """``source`` with its named groups renamed for ``rule`` (or, without one, made plain).

    Unnamed groups are made plain in any case: nothing reads them.  The
    result must compile with exactly the groups kept, else the terminal is
    one the scan misread, and the rule is not compiled.
    """
    out: list[str] = []
    kept: set[str] = set()
    at = 0
    while at < len(source):
        char = source[at]
        if char == "\\":
            out.append(source[at : at + 2])
            at += 2
            continue
        if char == "[":
            found = _CLASS.match(source, at)
            if found is None:
                raise _UnsupportedError(f"terminal {rule!r}: an unclosed character class")
            out.append(found.group())
            at = found.end()
            continue
        opened = _GROUP_OPEN.match(source, at) if char == "(" else None
        if opened is None:
            out.append(char)
            at += 1
            continue
        name = opened.group("name")
        if name and rule:
            kept.add(group_name(rule, name))
            out.append(f"(?P<{group_name(rule, name)}>")
        else:
            out.append("(?:")
        at = opened.end()
    written = "".join(out)
    compiled = regex.compile(written)
    if compiled.groups != len(kept) or set(compiled.groupindex) != kept:
        raise _UnsupportedError(f"terminal {rule!r}: its groups were not all found")
    return written
