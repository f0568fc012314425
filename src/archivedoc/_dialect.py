"""Dialects: the grammar, section classes and layout of one document format.

A :class:`Dialect` is plain, immutable data; there is no registry and no
shared state to mutate, so any number of dialects can be used side by side,
in threads.  Its grammar is built from the default grammar's sources, with
the dialect's changes made by name, loudly: ``rules`` may only add rules and
pieces, ``overrides`` may only replace existing ones, and ``lexicons`` adds
words to the grammar's word lists; anything else is a DialectError.  The
grammar is built, compiled and checked when the dialect is built, then cached
by its texts.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs
from parsimonious.exceptions import ParseError as ParsimoniousError
from parsimonious.exceptions import UndefinedLabel, VisitationError
from parsimonious.expressions import Compound, Lookahead, Quantifier, Regex, Sequence
from parsimonious.grammar import Grammar

from archivedoc._errors import ArchivedocError
from archivedoc._grammar import default_grammar, grammar_files, lexicons
from archivedoc._grammar_build import GrammarError, build, split_rules
from archivedoc._grammar_cache import cached
from archivedoc._model.sections import (
    Citation,
    Contents,
    Credits,
    OriginalLanguage,
    Section,
    Summary,
)
from archivedoc._readers.rules import Rules, default_rules

if TYPE_CHECKING:
    from archivedoc._model.document import Document

__all__ = ["DEFAULT", "Builder", "Dialect", "DialectError", "Writer"]

#: A builder turns what a grammar rule matched into a value: it gets the
#: matched text and the values its children were turned into.
Builder = Callable[[str, list[Any]], Any]
#: A writer renders a Document of the dialect to text.
Writer = Callable[["Document"], str]

_DEFAULT_EXPECTED = "a heading '## <date> <title>' or a section header '### <Label>:'"


class DialectError(ArchivedocError, ValueError):
    """A dialect that cannot work: a grammar mistake or clashing section classes.

    Raised when the dialect is built, never later during a parse; the message
    names the rule or class at fault.
    """


def _to_classes(value: Iterable[type[Section]]) -> tuple[type[Section], ...]:
    return tuple(value)


def _to_labels(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


#: Word list name -> the words a dialect adds to it (hashable, in a fixed order).
Lexicons = tuple[tuple[str, tuple[str, ...]], ...]


def _to_lexicons(
    value: Mapping[str, Iterable[str]] | Iterable[tuple[str, Iterable[str]]],
) -> Lexicons:
    items = value.items() if isinstance(value, Mapping) else value
    merged: dict[str, tuple[str, ...]] = {}
    for name, words in items:
        if isinstance(words, str):
            raise TypeError(f"the words for list {name!r} must be a list of strings, not a string")
        merged[str(name)] = merged.get(str(name), ()) + tuple(words)
    return tuple(sorted(merged.items()))


def _to_headerless(
    value: Mapping[str, str] | Iterable[tuple[str, str]],
) -> tuple[tuple[str, str], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    return tuple((str(label), str(rule)) for label, rule in items)


def _to_builders(
    value: Mapping[str, Builder] | Iterable[tuple[str, Builder]],
) -> tuple[tuple[str, Builder], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    return tuple((str(name), fn) for name, fn in items)


@attrs.frozen(repr=False)
class Dialect:
    """A document format: grammar rules, section classes, builders, layout.

    Derive new dialects from :data:`archivedoc.DEFAULT` with :meth:`extend`
    rather than building one from scratch.  Building a dialect compiles and
    checks its grammar, so a mistake in a rule is reported here, as a
    :class:`DialectError` naming the rule.
    """

    #: A short name, used in messages.
    name: str
    #: The section classes the dialect knows; each stands for its ``LABEL``.
    sections: tuple[type[Section], ...] = attrs.field(converter=_to_classes)
    #: The labels strict mode accepts, in the order it requires.
    order: tuple[str, ...] = attrs.field(converter=_to_labels)
    #: The labels strict mode requires.
    required: tuple[str, ...] = attrs.field(default=(), converter=_to_labels)
    #: Grammar text with new rules and pieces (an existing name is an error).
    rules: str = attrs.field(default="", repr=False)
    #: Rule name -> builder, for rules the default visitor does not know.
    builders: tuple[tuple[str, Builder], ...] = attrs.field(
        default=(), converter=_to_builders, repr=False
    )
    #: Renders a Document of this dialect; None for the one writer, which
    #: joins the parts in source order (enough for every shipped dialect).
    writer: Writer | None = attrs.field(default=None, repr=False)
    #: What a document starts with, for "expected ..." messages.
    expected: str = attrs.field(default=_DEFAULT_EXPECTED, repr=False)
    #: Whether strict mode requires a heading with a title.
    strict_heading: bool = attrs.field(default=True, repr=False)
    #: Grammar text that replaces existing rules or pieces, by name.
    overrides: str = attrs.field(default="", repr=False)
    #: Word list name -> the words added to it (``{"titles": ("Ambassadress",)}``).
    lexicons: Lexicons = attrs.field(default=(), converter=_to_lexicons, repr=False)
    #: Labels of sections written without their ``### <Label>:`` line, each
    #: with the terminal rule its text must match (the site's donor line is
    #: such a Credits section).  They come first, before the transcript; a
    #: section is written so when its ``before`` is empty.
    headerless: tuple[tuple[str, str], ...] = attrs.field(
        default=(), converter=_to_headerless, repr=False
    )

    def __repr__(self) -> str:
        return f"<Dialect {self.name!r}>"

    def __reduce_ex__(self, protocol: Any) -> Any:
        """:data:`DEFAULT` pickles as a reference to itself, other dialects by value.

        Documents and code test ``dialect is DEFAULT`` (the fast paths, the
        default's messages), so a worker process that is sent DEFAULT by
        pickle (spawned, on macOS and Windows) must get the very object.
        """
        if self is DEFAULT:
            return "DEFAULT"
        return super().__reduce_ex__(protocol)

    def __attrs_post_init__(self) -> None:
        _check_classes(self)
        if self.rules or self.overrides or self.lexicons:
            _check_grammar(self)
        # The default grammar is compiled on first use, not when DEFAULT is made.
        grammar = compiled(self.rules, self.overrides, self.lexicons) if self.builders else {}
        for name, _ in self.builders:
            if name not in grammar:
                raise DialectError(
                    f"dialect {self.name!r}: a builder is given for rule {name!r}, "
                    "which the grammar does not define"
                )
        missing = [label for label in self.required if label not in self.order]
        if missing:
            raise DialectError(f"dialect {self.name!r}: required labels {missing} not in order")
        for label, rule in self.headerless:
            terminal = compiled(self.rules, self.overrides, self.lexicons).get(rule)
            if not isinstance(terminal, Regex):
                raise DialectError(
                    f"dialect {self.name!r}: headerless {label!r} sections name rule {rule!r}, "
                    "which is not a terminal of the grammar"
                )

    def extend(
        self,
        name: str,
        *,
        sections: Iterable[type[Section]] = (),
        rules: str = "",
        order: Iterable[str] | None = None,
        required: Iterable[str] | None = None,
        builders: Mapping[str, Builder] | None = None,
        writer: Writer | None = None,
        expected: str | None = None,
        strict_heading: bool | None = None,
        overrides: str = "",
        lexicons: Mapping[str, Iterable[str]] | None = None,
        headerless: Mapping[str, str] | None = None,
    ) -> Dialect:
        """A new dialect: this one plus new or replacing sections, rules, hooks.

        A section class replaces the one with the same ``LABEL``.  ``rules``
        adds grammar rules and pieces (a name that exists is a
        :class:`DialectError`); ``overrides`` replaces existing ones by name
        (a name that does not exist is a DialectError); ``lexicons`` adds
        words to the grammar's word lists, ``{"titles": ["Ambassadress"]}``.
        ``builders`` are merged.  Without ``order``, new labels go before
        ``Contents`` (or at the end).  Nothing is changed in ``self``.
        """
        new = tuple(sections)
        for cls in new:
            if not (isinstance(cls, type) and issubclass(cls, Section)):
                raise DialectError(f"dialect {name!r}: {cls!r} is not a Section subclass")
        labels = {cls.LABEL for cls in new}
        classes = tuple(c for c in self.sections if c.LABEL not in labels) + new
        if order is None:
            added = [c.LABEL for c in new if c.LABEL is not None and c.LABEL not in self.order]
            base = list(self.order)
            at = base.index("Contents") if "Contents" in base else len(base)
            order = (*base[:at], *added, *base[at:])
        merged = dict(self.builders)
        merged.update(builders or {})
        return Dialect(
            name,
            sections=classes,
            order=tuple(order),
            required=self.required if required is None else tuple(required),
            rules=f"{self.rules}\n{rules}" if self.rules and rules else self.rules or rules,
            builders=merged,
            writer=self.writer if writer is None else writer,
            expected=self.expected if expected is None else expected,
            strict_heading=self.strict_heading if strict_heading is None else strict_heading,
            overrides=_joined(self.overrides, overrides),
            lexicons=(*self.lexicons, *_to_lexicons(lexicons or {})),
            headerless=self.headerless if headerless is None else headerless,
        )

    @property
    def grammar_text(self) -> str:
        """The dialect's whole grammar as parsimonious compiles it.

        The default grammar with the dialect's overrides in place of the rules
        they replace, then its own rules; pieces and word lists spliced in.
        """
        return built(self.rules, self.overrides, self.lexicons)

    @property
    def section_classes(self) -> Mapping[str, type[Section]]:
        """Label -> section class."""
        return _labels(self.sections)

    @property
    def section_kinds(self) -> Mapping[str, type[Section]]:
        """Kind name (as in :func:`archivedoc.to_dict`) -> section class."""
        return _kinds(self.sections)

    def terminal(self, name: str) -> Any:
        """The compiled regex (a ``regex`` pattern) of the terminal rule ``name``.

        Any terminal of the dialect's grammar: the default's, its overrides
        and its own rules.
        """
        expr = compiled(self.rules, self.overrides, self.lexicons)[name]
        if not isinstance(expr, Regex):
            raise TypeError(f"grammar rule {name!r} is not a regex terminal")
        return expr.re

    @property
    def grammar(self) -> Rules:
        """The grammar the parts of this dialect's documents are read with.

        The default grammar's, unless the dialect changes one of its rules
        (an override of ``turn`` or ``date_year``, words added to a list):
        then the dialect's own, so that the change applies to dates,
        citations, sections and the transcript too.
        """
        return _part_rules(self.rules, self.overrides, self.lexicons)


@functools.lru_cache(maxsize=64)
def _labels(classes: tuple[type[Section], ...]) -> Mapping[str, type[Section]]:
    return {cls.LABEL: cls for cls in classes if cls.LABEL is not None}


@functools.lru_cache(maxsize=64)
def _kinds(classes: tuple[type[Section], ...]) -> Mapping[str, type[Section]]:
    kinds: dict[str, type[Section]] = {Section.KIND: Section}
    kinds.update((cls.KIND, cls) for cls in classes)
    return kinds


def _joined(mine: str, theirs: str) -> str:
    return f"{mine}\n{theirs}" if mine and theirs else mine or theirs


_RULES_FILE = "its rules"
_OVERRIDES_FILE = "its overrides"


@functools.lru_cache(maxsize=64)
def built(rules: str, overrides: str = "", added: Lexicons = ()) -> str:
    """The grammar text for a dialect's rules, overrides and added words."""
    lists = dict(lexicons())
    for name, words in added:
        if name not in lists:
            known = ", ".join(sorted(lists))
            raise GrammarError(f"no word list {name!r} to add words to (the lists: {known})")
        bad = [word for word in words if not word.strip() or "\n" in word or word != word.strip()]
        if bad:
            raise GrammarError(f"word list {name!r}: {bad[0]!r} is not a word (no edge spaces)")
        lists[name] = lists[name] + words
    sources = [*grammar_files().items(), (_RULES_FILE, rules)]
    return build(sources, lists, overrides=[(_OVERRIDES_FILE, overrides)])


@functools.lru_cache(maxsize=64)
def compiled(rules: str, overrides: str = "", added: Lexicons = ()) -> Grammar:
    """The grammar for a dialect's rules, compiled once per text."""
    if not (rules or overrides or added):
        return default_grammar()
    grammar: Grammar = cached(built(rules, overrides, added), "plain", Grammar)
    return grammar


@functools.lru_cache(maxsize=64)
def _part_rules(rules: str, overrides: str, added: Lexicons) -> Rules:
    """The Rules for a dialect's grammar: the default's unless a default rule changed."""
    grammar = compiled(rules, overrides, added)
    default = default_grammar()
    if grammar is default:
        return default_rules()
    for name, expr in default.items():
        if grammar[name].as_rule() != expr.as_rule():
            return Rules(grammar, name="a dialect")
    return default_rules()


def _check_classes(dialect: Dialect) -> None:
    labels: dict[str, str] = {}
    kinds: dict[str, str] = {Section.KIND: "Section"}
    for cls in dialect.sections:
        if not (isinstance(cls, type) and issubclass(cls, Section)) or cls is Section:
            raise DialectError(f"dialect {dialect.name!r}: {cls!r} is not a Section subclass")
        label, kind = cls.LABEL, cls.KIND
        if "__attrs_attrs__" not in cls.__dict__:
            raise DialectError(
                f"dialect {dialect.name!r}: {cls.__name__} must be an attrs class "
                "(decorate it with @attrs.frozen)"
            )
        if not label:
            raise DialectError(f"dialect {dialect.name!r}: {cls.__name__} has no LABEL")
        if label in labels:
            raise DialectError(
                f"dialect {dialect.name!r}: {cls.__name__} and {labels[label]} "
                f"both have the label {label!r}"
            )
        if kind in kinds:
            raise DialectError(
                f"dialect {dialect.name!r}: {cls.__name__} and {kinds[kind]} both have "
                f"the KIND {kind!r} (to_dict needs one name per class)"
            )
        labels[label] = cls.__name__
        kinds[kind] = cls.__name__


# -- grammar checks ---------------------------------------------------------

_RULE_START = re.compile(r"^([A-Za-z_][A-Za-z_0-9]*)[ \t]*=", re.MULTILINE)
_STRINGS = re.compile(
    r"""~?[rRuU]*"(?:[^"\\]|\\.)*"[ilmsuxa]*|~?[rRuU]*'(?:[^'\\]|\\.)*'[ilmsuxa]*"""
)


def _rule_bodies(rules: str) -> dict[str, tuple[int, str]]:
    """Rule name -> (line number in ``rules``, its text), for messages."""
    found: dict[str, tuple[int, str]] = {}
    starts = list(_RULE_START.finditer(rules))
    for i, match in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(rules)
        found[match.group(1)] = (
            rules.count("\n", 0, match.start()) + 1,
            rules[match.start() : end],
        )
    return found


def _rule_at(rules: str, offset: int) -> str:
    """The rule whose text contains ``offset`` of ``rules``."""
    name = "?"
    for match in _RULE_START.finditer(rules):
        if match.start() > offset:
            break
        name = match.group(1)
    return name


def _check_grammar(dialect: Dialect) -> None:
    """Build and compile the dialect's grammar; raise DialectError on a mistake."""
    where = f"dialect {dialect.name!r}"
    try:
        text = built(dialect.rules, dialect.overrides, dialect.lexicons)
    except GrammarError as exc:
        raise DialectError(f"{where}: {exc}") from None
    lines = {
        rule.name: f"line {rule.line} of {rule.file}"
        for file, source in ((_RULES_FILE, dialect.rules), (_OVERRIDES_FILE, dialect.overrides))
        for rule in split_rules(file, source)
    }
    own = {name: body for name, body in _rule_bodies(text).items() if name in lines}
    try:
        grammar = compiled(dialect.rules, dialect.overrides, dialect.lexicons)
    except UndefinedLabel as exc:
        label = str(exc.label)
        users = [
            name
            for name, (_, body) in own.items()
            if re.search(
                rf"(?<![\w.]){re.escape(label)}(?!\w)", _STRINGS.sub("", body.split("=", 1)[1])
            )
        ]
        named = f"rule {users[0]!r}" if users else "a rule"
        raise DialectError(f"{where}: {named} refers to {label!r}, which no rule defines") from None
    except ParsimoniousError as exc:
        name = _rule_at(text, exc.pos)
        snippet = text[exc.pos : exc.pos + 30].split("\n")[0]
        raise DialectError(
            f"{where}: syntax error in rule {name!r} ({lines.get(name, 'the default grammar')}): "
            f"{snippet!r}"
        ) from None
    except VisitationError as exc:
        first = str(exc).splitlines()[0]
        bad = next((name for name, (_, body) in own.items() if _bad_regex(body)), "?")
        raise DialectError(f"{where}: rule {bad!r} does not compile: {first}") from None
    except Exception as exc:  # parsimonious reports some mistakes as plain errors
        raise DialectError(f"{where}: the grammar does not compile: {exc}") from None
    # Every rule, not only the dialect's own: an override can make a default
    # rule's repetition (``section*``) loop on empty text.
    overridden = [name for name, _ in _rule_bodies(dialect.overrides).items()]
    for name, rule in grammar.items():
        try:
            _check_rule(where, name, rule)
        except DialectError as exc:
            if name in own:
                raise
            changed = ", ".join(repr(n) for n in overridden)
            raise DialectError(f"{exc} (after the dialect's override of {changed})") from None


def _bad_regex(body: str) -> bool:
    """True if one of the regexes in a rule's text does not compile."""
    for match in _STRINGS.finditer(body):
        if match.group().startswith("~"):
            try:
                Grammar(f"r = {match.group()}")
            except Exception:
                return True
    return False


# Probe texts for regexes: a regex that matches empty text at the start of any
# of them counts as able to match nothing.
_PROBES = ("", "\n", "\r\n", " ", "x", "#", "- ", "1", "### X:", "## ")


def _nullable(expr: Any, memo: dict[int, bool]) -> bool:
    key = id(expr)
    if key in memo:
        return memo[key]
    memo[key] = False  # a cycle: assume it consumes (left recursion is checked apart)
    if isinstance(expr, Regex):
        result = any((m := expr.re.match(probe)) is not None and m.end() == 0 for probe in _PROBES)
    elif isinstance(expr, Lookahead):
        result = True
    elif isinstance(expr, Quantifier):
        result = expr.min == 0 or _nullable(expr.members[0], memo)
    elif isinstance(expr, Sequence):
        result = all(_nullable(m, memo) for m in expr.members)
    elif isinstance(expr, Compound):  # OneOf
        result = any(_nullable(m, memo) for m in expr.members)
    else:  # Literal
        result = getattr(expr, "literal", "x") == ""
    memo[key] = result
    return result


def _first(expr: Any, memo: dict[int, bool]) -> list[Any]:
    """The expressions that can be tried at the position ``expr`` starts at."""
    if isinstance(expr, Sequence):
        out = []
        for member in expr.members:
            out.append(member)
            if not _nullable(member, memo):
                break
        return out
    if isinstance(expr, Compound):
        return list(expr.members)
    return []


def _describe(expr: Any) -> str:
    return repr(expr.name) if expr.name else repr(expr._as_rhs())


def _check_rule(where: str, name: str, rule: Any) -> None:
    """No nullable expression inside a repetition; no left recursion."""
    memo: dict[int, bool] = {}
    seen: set[int] = set()
    stack = [rule]
    while stack:
        expr = stack.pop()
        if id(expr) in seen or (expr.name and expr is not rule):
            continue  # a named rule is checked under its own name
        seen.add(id(expr))
        repeated = isinstance(expr, Quantifier) and expr.max == float("inf")
        if repeated and _nullable(expr.members[0], memo):
            raise DialectError(
                f"{where}: rule {name!r} repeats {_describe(expr.members[0])}, which can "
                "match empty text (the repetition would stop at once or never end)"
            )
        if isinstance(expr, Compound):
            stack.extend(expr.members)
    # left recursion: can ``rule`` reach itself without consuming text?
    todo = list(_first(rule, memo))
    visited: set[int] = set()
    while todo:
        expr = todo.pop()
        if expr is rule:
            raise DialectError(
                f"{where}: rule {name!r} is left-recursive (it can start with itself)"
            )
        if id(expr) in visited:
            continue
        visited.add(id(expr))
        todo.extend(_first(expr, memo))


#: The archive's own format: the layout FORMAT-NOTES describes.
DEFAULT = Dialect(
    "archive",
    sections=(Citation, Summary, Credits, OriginalLanguage, Contents),
    order=("Citation", "Summary", "Credits", "Original Language", "Contents"),
    required=("Contents",),
)

#: The default dialect's section classes by label.
DEFAULT_CLASSES: Mapping[str, type[Section]] = DEFAULT.section_classes
