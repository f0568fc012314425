"""Turn the readable ``.peg`` sources into the text parsimonious compiles.

The grammar files are parsimonious grammars with three additions, all
resolved here, before parsimonious sees the text:

* **pieces**: a rule named in capitals (``TITLE = ~r"(?:{@titles})"``) is a
  named part of a regex, not a rule; ``{TITLE}`` inside any regex terminal is
  replaced by its text (pieces may use other pieces);
* **word lists**: ``{@titles}`` is replaced by the words of the list
  ``titles`` (``grammar/lexicons/titles.txt``, one entry a line) compiled to
  a prefix-tree alternation in a group, ``(?:Co(?:lonel|mrade))`` for
  ``Colonel`` and ``Comrade``, which the regex engine matches several times
  faster than a flat alternation;
* **multi-line terminals**: ``~r\"\"\"...\"\"\"`` holds a regex over several
  lines, each with an optional ``# comment``; the spaces around each line
  and the comments are dropped and the lines joined, so a space at the edge
  of a line must be written ``[ ]``.

Mistakes (an unknown piece or list, a cycle between pieces, a named group
inside a piece, a piece defined twice) raise :class:`GrammarError` naming the
rule and the file.  The same code builds a dialect's grammar: the default
sources, the dialect's own rules and overrides, the lists with its words.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection, Iterable, Mapping

from archivedoc._errors import ArchivedocError

__all__ = ["GrammarError", "Source", "build", "failing_rule", "parse_lexicon", "prefix_tree"]

#: (file name, text) of one grammar source, in the order they are joined.
Source = tuple[str, str]


class GrammarError(ArchivedocError, ValueError):
    """A grammar source that cannot be built; the message names rule and file."""


# A rule starts at the beginning of a line: ``name = ...``.
_RULE = re.compile(r"^([A-Za-z_][A-Za-z_0-9]*)[ \t]*=[ \t]*", re.MULTILINE)
_PIECE_NAME = re.compile(r"[A-Z][A-Z0-9_]*\Z")
# ``{NAME}`` or ``{@list}`` inside a regex, but not ``\p{L}`` or ``\N{...}``.
_REF = re.compile(r"(?<!\\[pPN])\{(@?)([A-Za-z_][A-Za-z_0-9]*)\}")
_NAMED_GROUP = re.compile(r"\(\?P?<([A-Za-z_]\w*)>")
# A double quote that no backslash escapes (it would end parsimonious's string).
_BARE_QUOTE = re.compile(r'(?<!\\)(?:\\\\)*"')
# A regex terminal: ~r"""...""" (over lines) or ~r"..." (one line), with flags.
_TERMINAL = re.compile(
    r'~[rR]"""(?P<long>[\s\S]*?)"""(?P<lflags>[ilmsuxa]*)'
    r'|~[rR]"(?P<short>(?:[^"\\\r\n]|\\.)*)"(?P<sflags>[ilmsuxa]*)'
)


def parse_lexicon(text: str) -> tuple[str, ...]:
    """The entries of a word-list file: one a line; ``#`` lines and blanks skipped."""
    entries = []
    for line in text.splitlines():
        entry = line.strip()
        if entry and not entry.startswith("#"):
            entries.append(entry)
    return tuple(entries)


def _escape(char: str) -> str:
    if char == " ":
        return "[ ]"  # the grammar's way of writing a space, visible in a pattern
    if char in '.-\\^$*+?()[]{}|#/"':
        return "\\" + char
    return char


def _common_prefix(first: str, last: str) -> str:
    end = 0
    while end < min(len(first), len(last)) and first[end] == last[end]:
        end += 1
    return first[:end]


def _case_key(char: str) -> str:
    """One key for all characters an ignore-case match takes as equal.

    Checked against every cased character of ``re`` and ``regex``: the key
    may join more characters than a match does, never fewer.
    """
    return char.upper().lower().casefold()[0]


def _alternation(words: list[str], ignore_case: bool) -> str:
    """The alternation of ``words`` (sorted, unique, none empty) as a prefix tree.

    Branches start with characters no match takes as equal, so their order
    never matters.  With ``ignore_case``, a match takes the case variants of a
    letter as equal ("A", "a."): it would take the first branch that fits, not
    the longest word, so words that start with variants of one letter stay a
    flat alternation, the longest first.
    """
    key = _case_key if ignore_case else str
    branches: dict[str, list[str]] = {}
    for word in words:
        branches.setdefault(key(word[0]), []).append(word)
    alternatives = []
    for same in branches.values():
        if len({word[0] for word in same}) > 1:
            flat = sorted(same, key=len, reverse=True)
            alternatives.append("|".join("".join(map(_escape, word)) for word in flat))
            continue
        prefix = _common_prefix(same[0], same[-1])  # sorted: the first and last differ most
        longer = [word[len(prefix) :] for word in same if len(word) > len(prefix)]
        head = "".join(_escape(char) for char in prefix)
        if not longer:
            alternatives.append(head)
        else:
            optional = "?" if len(longer) < len(same) else ""
            alternatives.append(f"{head}(?:{_alternation(longer, ignore_case)}){optional}")
    return "|".join(alternatives)


def prefix_tree(words: Iterable[str], *, ignore_case: bool = False) -> str:
    """A group that matches exactly ``words``, the longest word first.

    ``prefix_tree(["Dr", "Dr.", "Deputy"])`` is ``(?:D(?:eputy|r(?:\\.)?))``:
    the regex engine tries one branch per character instead of every word.
    A tree for a case-insensitive match needs ``ignore_case``; that tree
    also matches right where case counts, only slower where words differ
    in case.
    """
    return _tree(tuple(sorted(set(words))), ignore_case)


@functools.lru_cache(maxsize=256)
def _tree(unique: tuple[str, ...], ignore_case: bool) -> str:
    if not unique or "" in unique:
        raise GrammarError("a word list must hold at least one word and no empty entry")
    return f"(?:{_alternation(list(unique), ignore_case)})"


def _join_lines(body: str, where: str) -> str:
    """A multi-line terminal as one regex: comments and edge spaces dropped."""
    parts = []
    for line in body.splitlines():
        parts.append(_strip_comment(line, where).strip())
    return "".join(parts)


def _strip_comment(line: str, where: str) -> str:
    """``line`` without its ``# comment`` (a ``#`` that is not escaped or in a set)."""
    i, in_set = 0, False
    while i < len(line):
        char = line[i]
        if char == "\\":
            i += 2
            continue
        if in_set:
            in_set = char != "]"
        elif char == "[":
            in_set = True
            if line.startswith("[^]", i) or line.startswith("[]", i):
                i += 2 if line[i + 1] == "]" else 3
                continue
        elif char == "#" and (i == 0 or line[i - 1] in " \t"):
            return line[:i]
        i += 1
    if in_set:
        raise GrammarError(f"{where}: a character set is not closed on its line: {line.strip()!r}")
    return line


class _Rule:
    """One rule of a source: where it is, its text, its regex if a terminal."""

    __slots__ = ("body", "file", "line", "name")

    def __init__(self, name: str, file: str, line: int, body: str) -> None:
        self.name, self.file, self.line, self.body = name, file, line, body

    @property
    def where(self) -> str:
        return f"rule {self.name!r} ({self.file}, line {self.line})"


def split_rules(file: str, text: str) -> list[_Rule]:
    """The rules of one source text, each with its span (comments excluded)."""
    rules: list[_Rule] = []
    starts = list(_RULE.finditer(text))
    for i, match in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(text)
        # the comment block of the next rule is not part of this one
        body = re.sub(r"(?:\n[ \t]*(?:#[^\n]*)?)*\Z", "", text[match.end() : end])
        line = text.count("\n", 0, match.start()) + 1
        rules.append(_Rule(match.group(1), file, line, body))
    return rules


def _piece_text(rule: _Rule) -> str:
    found = list(_TERMINAL.finditer(rule.body))
    rest = _TERMINAL.sub("", rule.body).strip()
    if len(found) != 1 or rest or found[0].group("lflags") or found[0].group("sflags"):
        raise GrammarError(
            f"{rule.where}: a piece (a rule named in capitals) must be one regex "
            '~r"..." without flags'
        )
    match = found[0]
    if match.group("long") is not None:
        return _join_lines(match.group("long"), rule.where)
    return match.group("short")


class _Resolver:
    """Splices pieces and word lists into regex text, each piece once."""

    def __init__(self, pieces: Mapping[str, tuple[_Rule, str]], lexicons: Collection[str]):
        self.pieces = pieces
        self.lexicons = lexicons
        self.done: dict[str, str] = {}

    def piece(self, name: str, chain: tuple[str, ...]) -> str:
        if name in self.done:
            return self.done[name]
        rule, text = self.pieces[name]
        if name in chain:
            loop = " -> ".join((*chain[chain.index(name) :], name))
            raise GrammarError(f"{rule.where}: the pieces form a cycle: {loop}")
        group = _NAMED_GROUP.search(text)
        if group:
            raise GrammarError(
                f"{rule.where}: a piece must not hold a named group "
                f"((?P<{group.group(1)}>...)): it may be spliced more than once; "
                "name the group in the rule that uses the piece"
            )
        value = self.splice(text, rule, (*chain, name))
        self.done[name] = value
        return value

    def splice(self, text: str, rule: _Rule, chain: tuple[str, ...] = ()) -> str:
        def replace(match: re.Match[str]) -> str:
            is_list, name = match.group(1), match.group(2)
            if is_list:
                if name not in self.lexicons:
                    raise GrammarError(
                        f"{rule.where}: unknown word list {{@{name}}} "
                        f"(no lexicons/{name}.txt and no list of that name)"
                    )
                return f"\x00{name}\x00"  # a tree once the case is known: fill_lists
            if not _PIECE_NAME.match(name):
                return match.group()  # not a piece reference, e.g. a literal "{x}"
            if name not in self.pieces:
                raise GrammarError(f"{rule.where}: unknown piece {{{name}}}")
            return self.piece(name, chain)

        return _REF.sub(replace, text)


def build(
    sources: Iterable[Source],
    lexicons: Mapping[str, Iterable[str]],
    *,
    overrides: Iterable[Source] = (),
) -> str:
    """The grammar text parsimonious compiles, from readable sources.

    ``sources`` may not define a name twice; ``overrides`` replace rules or
    pieces of ``sources`` by name (and may not add new ones: that is the job
    of ``sources``), so that every replacement is explicit.
    """
    kept: list[tuple[str, str, list[_Rule]]] = []
    seen: dict[str, _Rule] = {}
    for file, text in sources:
        rules = split_rules(file, text)
        for rule in rules:
            if rule.name in seen:
                first = seen[rule.name]
                raise GrammarError(
                    f"{rule.where}: {rule.name!r} is already defined in {first.file}; "
                    "replace a rule only through an override"
                )
            seen[rule.name] = rule
        kept.append((file, text, rules))
    replaced: dict[str, _Rule] = {}
    for file, text in overrides:
        for rule in split_rules(file, text):
            if rule.name not in seen:
                raise GrammarError(
                    f"{rule.where}: overrides {rule.name!r}, which no rule defines "
                    "(add new rules as rules, not overrides)"
                )
            if rule.name in replaced:
                raise GrammarError(f"{rule.where}: {rule.name!r} is overridden twice")
            replaced[rule.name] = rule
    final = {**seen, **replaced}
    pieces = {
        name: (rule, _piece_text(rule)) for name, rule in final.items() if _PIECE_NAME.match(name)
    }
    lists = {name: tuple(words) for name, words in lexicons.items()}

    @functools.cache
    def tree(name: str, ignore_case: bool) -> str:
        return prefix_tree(lists[name], ignore_case=ignore_case)

    resolver = _Resolver(pieces, lists)
    out: list[str] = []
    for _, _, rules in kept:
        for rule in rules:
            if _PIECE_NAME.match(rule.name):
                continue
            chosen = replaced.get(rule.name, rule)
            out.append(_resolve_rule(chosen, resolver, tree))
    for name in pieces:
        resolver.piece(name, ())  # report a broken piece even if no rule uses it
    return "\n".join(out) + "\n"


_LIST_SLOT = re.compile(r"\x00(\w+)\x00")
# What changes or shows the case a list slot is matched in, as the regex reads
# it: an escape or a character set (neither opens a group), a slot, a group
# that sets flags ("(?i)" for the whole pattern in regex's V0, "(?i:",
# "(?-i:", "(?si-x:"), any other group, a group's end.
_CASE_TOKEN = re.compile(
    r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]"
    r"|(?P<slot>\x00\w+\x00)"
    r"|\(\?(?P<on>[aiLmsux]*)(?:-(?P<off>[imsx]+))?(?P<end>[:)])"
    r"|(?P<open>\()|(?P<close>\))",
    re.DOTALL,
)
# Where no "(?i" or "(?si" is, and the terminal has no i flag, no scan is needed.
_IGNORE_CASE_FLAG = re.compile(r"\(\?[aLmsux]*i")


def fill_lists(text: str, tree: Callable[[str, bool], str], *, ignore_case: bool) -> str:
    """``text`` with each word-list slot replaced by its prefix tree, ``tree(name, case)``.

    A list where the case is ignored (the terminal's ``i`` flag, ``(?i)``, or
    inside ``(?i:...)``) gets the tree made for that; wherever this reads the
    scope wrong, the list is taken as case-insensitive, which is only slower.
    """
    if "\x00" not in text:
        return text
    count = text.count("\x00") // 2
    if not ignore_case and not _IGNORE_CASE_FLAG.search(text):
        return _LIST_SLOT.sub(lambda slot: tree(slot.group(1), False), text)
    cases = _list_cases(text, ignore_case)
    slots = iter(cases if len(cases) == count else [True] * count)
    return _LIST_SLOT.sub(lambda slot: tree(slot.group(1), next(slots)), text)


def _list_cases(text: str, ignore_case: bool) -> list[bool]:
    """For each list slot in ``text``, in order: whether its case is ignored."""
    stack, cases = [ignore_case], []
    for token in _CASE_TOKEN.finditer(text):
        if token["slot"]:
            cases.append(stack[-1])
        elif token["end"] == ")":  # regex V0: a flag for the whole pattern
            if "i" in token["on"]:
                return [True] * (text.count("\x00") // 2)
        elif token["end"]:
            on, off = token["on"], token["off"] or ""
            stack.append(True if "i" in on else False if "i" in off else stack[-1])
        elif token["open"]:
            stack.append(stack[-1])
        elif token["close"] and len(stack) > 1:
            stack.pop()
    return cases


def _resolve_rule(rule: _Rule, resolver: _Resolver, tree: Callable[[str, bool], str]) -> str:
    """``name = expression`` on one line, its terminals spliced and joined."""

    def terminal(match: re.Match[str]) -> str:
        if match.group("long") is not None:
            text, flags = _join_lines(match.group("long"), rule.where), match.group("lflags")
        else:
            text, flags = match.group("short"), match.group("sflags")
        text = fill_lists(resolver.splice(text, rule), tree, ignore_case="i" in flags)
        if '"' in text and _BARE_QUOTE.search(text):
            raise GrammarError(f'{rule.where}: write a quote inside a regex as \\"')
        return f'~r"{text}"{flags}'

    return f"{rule.name} = {_TERMINAL.sub(terminal, rule.body)}"


def failing_rule(
    text: str, pos: int | None, sources: Iterable[Source], compiles: Callable[[str], bool]
) -> str:
    """Where in the sources the built ``text`` fails to compile, for a message.

    ``pos`` is parsimonious's offset into ``text`` for a syntax error, None for
    a regex that does not compile: then each terminal (``~r"..."``, as
    written in ``text``) is tried with ``compiles``.  Returns ``"rule 'name'
    (file, line n)"``, or ``"a rule"``.
    """
    name = None
    starts = list(_RULE.finditer(text))
    if pos is not None:
        for match in starts:
            if match.start() > pos:
                break
            name = match.group(1)
    else:
        for i, match in enumerate(starts):
            end = starts[i + 1].start() if i + 1 < len(starts) else len(text)
            for terminal in _TERMINAL.finditer(text, match.end(), end):
                if not compiles(terminal.group()):
                    name = match.group(1)
                    break
            if name:
                break
    if name is None:
        return "a rule"
    for file, source in sources:
        for rule in split_rules(file, source):
            if rule.name == name:
                return rule.where
    return f"rule {name!r}"
