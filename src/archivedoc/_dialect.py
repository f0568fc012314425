"""Dialects: the grammar, section classes and writer of one document format.

A :class:`Dialect` is plain, immutable data; there is no registry and no
shared state to mutate, so any number of dialects can be used side by side,
in threads.  Its grammar is the default grammar text followed by the
dialect's own rules (the last rule of a name wins, as in parsimonious); it is
compiled and checked when the dialect is built, then cached by its text.
"""

from __future__ import annotations

import contextvars
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
from archivedoc._grammar import default_grammar, grammar_text
from archivedoc._sections import (
    Citation,
    Contents,
    Credits,
    OriginalLanguage,
    Section,
    Summary,
)

if TYPE_CHECKING:
    from archivedoc._document import Document

__all__ = ["DEFAULT", "Builder", "Dialect", "DialectError", "Writer"]

#: A builder turns what a grammar rule matched into a value: it gets the
#: matched text and the values its children were turned into.
Builder = Callable[[str, list[Any]], Any]
#: A writer renders a Document of the dialect to text.
Writer = Callable[["Document"], str]

_DEFAULT_EXPECTED = "a heading '## <date> <title>' or a section header '### <Label>:'"

#: True while the parser builds a Document from a parse tree.  The grammar
#: has just split its heading and sections, so the checks that re-parse them
#: are skipped (~30 us, a tenth of a real document's time); a Document of a
#: derived dialect is checked by writing it back instead (see _parser).
PARSING: contextvars.ContextVar[bool] = contextvars.ContextVar("archivedoc_parsing", default=False)


class DialectError(ArchivedocError, ValueError):
    """A dialect that cannot work: a grammar mistake or clashing section classes.

    Raised when the dialect is built, never later during a parse; the message
    names the rule or class at fault.
    """


def _to_classes(value: Iterable[type[Section]]) -> tuple[type[Section], ...]:
    return tuple(value)


def _to_labels(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _to_builders(
    value: Mapping[str, Builder] | Iterable[tuple[str, Builder]],
) -> tuple[tuple[str, Builder], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    return tuple((str(name), fn) for name, fn in items)


@attrs.frozen
class Dialect:
    """A document format: grammar rules, section classes, builders, writer.

    Derive new dialects from :data:`archivedoc.DEFAULT` with :meth:`extend`
    rather than building one from scratch.  Building a dialect compiles and
    checks its grammar, so a mistake in a rule is reported here, as a
    :class:`DialectError` naming the rule.
    """

    #: A short name, used in messages.
    name: str
    # Only the name in the repr: the dialect is the default of every
    # ``dialect=`` parameter, and help(loads) or a signature in the docs
    # would otherwise print all its section classes.
    #: The section classes the dialect knows; each stands for its ``LABEL``.
    sections: tuple[type[Section], ...] = attrs.field(converter=_to_classes, repr=False)
    #: The labels strict mode accepts, in the order it requires.
    order: tuple[str, ...] = attrs.field(converter=_to_labels, repr=False)
    #: The labels strict mode requires.
    required: tuple[str, ...] = attrs.field(default=(), converter=_to_labels, repr=False)
    #: Grammar text appended to the default grammar (new rules, overrides).
    rules: str = attrs.field(default="", repr=False)
    #: Rule name -> builder, for rules the default visitor does not know.
    builders: tuple[tuple[str, Builder], ...] = attrs.field(
        default=(), converter=_to_builders, repr=False
    )
    #: Renders a Document of this dialect; None for the default writer.
    writer: Writer | None = attrs.field(default=None, repr=False)
    #: What a document starts with, for "expected ..." messages.
    expected: str = attrs.field(default=_DEFAULT_EXPECTED, repr=False)
    #: Whether strict mode requires a heading with a title.
    strict_heading: bool = attrs.field(default=True, repr=False)

    def __attrs_post_init__(self) -> None:
        _check_classes(self)
        if self.rules:
            _check_grammar(self.name, self.rules)
        for name, _ in self.builders:
            if name not in compiled(self.rules):
                raise DialectError(
                    f"dialect {self.name!r}: a builder is given for rule {name!r}, "
                    "which the grammar does not define"
                )
        missing = [label for label in self.required if label not in self.order]
        if missing:
            raise DialectError(f"dialect {self.name!r}: required labels {missing} not in order")

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
    ) -> Dialect:
        """A new dialect: this one plus new or replacing sections, rules, hooks.

        A section class replaces the one with the same ``LABEL``; ``rules``
        are appended (a rule of an existing name replaces it); ``builders``
        are merged.  Without ``order``, new labels go before ``Contents`` (or
        at the end).  Nothing is changed in ``self``.
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
        )

    @property
    def grammar_text(self) -> str:
        """The dialect's whole grammar text: the default grammar, then its rules."""
        return grammar_text() + ("\n" + self.rules if self.rules else "")

    @property
    def section_classes(self) -> Mapping[str, type[Section]]:
        """Label -> section class."""
        return _labels(self.sections)

    @property
    def section_kinds(self) -> Mapping[str, type[Section]]:
        """Kind name (as in :func:`archivedoc.to_dict`) -> section class."""
        return _kinds(self.sections)

    def terminal(self, name: str) -> Any:
        """The compiled regex (a ``regex`` pattern) of the terminal rule ``name``."""
        expr = compiled(self.rules)[name]
        if not isinstance(expr, Regex):
            raise TypeError(f"grammar rule {name!r} is not a regex terminal")
        return expr.re

    def render(self, doc: Document) -> str:
        """The text of ``doc`` in this dialect."""
        if self.writer is not None:
            return self.writer(doc)
        from archivedoc._writer import render

        return render(doc)

    def check(self, doc: Document) -> None:
        """Raise ValueError unless ``doc`` reads back equal in this dialect."""
        classes = _labels(self.sections)
        if _structural(self.rules, self.builders, self.writer):
            from archivedoc._layout import check_document

            check_document(doc, classes)
            return
        for section in doc.sections:
            check_class(section, classes, self.name)
        if PARSING.get():
            return
        from archivedoc._parser import parse

        text = self.render(doc)
        try:
            back = parse(text, dialect=self)
        except ArchivedocError as exc:
            raise ValueError(
                f"this Document would not read back in dialect {self.name!r}: {exc}"
            ) from None
        if back != doc:
            raise ValueError(
                f"this Document would read back differently in dialect {self.name!r}: "
                f"{_difference(doc, back)}"
            )


def check_class(section: Any, classes: Mapping[str, type[Section]], dialect: str) -> None:
    """A section must be of the class the dialect reads its label as."""
    if not isinstance(section, Section):
        raise TypeError(f"sections must be Section objects, got {section!r}")
    expected = classes.get(section.label, Section)
    if type(section) is not expected:
        raise ValueError(
            f"a {section.label!r} section is read as {expected.__name__} in dialect "
            f"{dialect!r}, not {type(section).__name__}"
        )


def _difference(doc: Document, back: Document) -> str:
    """The first field that reads back differently, briefly."""
    for field in attrs.fields(type(doc)):
        mine, theirs = getattr(doc, field.name), getattr(back, field.name)
        if not field.eq or mine == theirs:
            continue
        if field.name == "sections":
            for index, (a, b) in enumerate(zip(mine, theirs, strict=False)):
                if a != b:
                    return f"section {index} ({a.label!r}) reads as {_short(b)}"
            return f"its {len(mine)} sections read as {len(theirs)}"
        return f"{field.name} {_short(mine)} reads as {_short(theirs)}"
    return "the documents differ"  # pragma: no cover - eq covers the fields


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


@functools.lru_cache(maxsize=64)
def _labels(classes: tuple[type[Section], ...]) -> Mapping[str, type[Section]]:
    return {cls.LABEL: cls for cls in classes if cls.LABEL is not None}


@functools.lru_cache(maxsize=64)
def _kinds(classes: tuple[type[Section], ...]) -> Mapping[str, type[Section]]:
    kinds: dict[str, type[Section]] = {Section.KIND: Section}
    kinds.update((cls.KIND, cls) for cls in classes)
    return kinds


@functools.lru_cache(maxsize=64)
def compiled(rules: str) -> Grammar:
    """The grammar for a dialect's rules, compiled once per text."""
    if not rules:
        return default_grammar()
    return Grammar(grammar_text() + "\n" + rules)


@functools.lru_cache(maxsize=64)
def _default_names() -> frozenset[str]:
    return frozenset(default_grammar().keys())


@functools.lru_cache(maxsize=64)
def _structural(rules: str, builders: tuple[Any, ...], writer: Any) -> bool:
    """True if the dialect reads documents like the default (only new sections)."""
    if builders or writer is not None:
        return False
    return not (set(_rule_bodies(rules)) & _default_names())


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


def _check_grammar(dialect: str, rules: str) -> None:
    """Compile ``rules`` after the default grammar; raise DialectError on a mistake."""
    prefix = grammar_text() + "\n"
    where = f"dialect {dialect!r}"
    try:
        grammar = compiled(rules)
    except UndefinedLabel as exc:
        label = str(exc.label)
        users = [
            name
            for name, (_, body) in _rule_bodies(rules).items()
            if re.search(
                rf"(?<![\w.]){re.escape(label)}(?!\w)", _STRINGS.sub("", body.split("=", 1)[1])
            )
        ]
        named = f"rule {users[0]!r}" if users else "a rule"
        raise DialectError(f"{where}: {named} refers to {label!r}, which no rule defines") from None
    except ParsimoniousError as exc:
        pos = max(0, exc.pos - len(prefix))
        line = rules.count("\n", 0, pos) + 1
        raise DialectError(
            f"{where}: syntax error in rule {_rule_at(rules, pos)!r} "
            f"(line {line} of its rules): {rules[pos : pos + 30]!r}"
        ) from None
    except VisitationError as exc:
        first = str(exc).splitlines()[0]
        bad = next(
            (name for name, (_, body) in _rule_bodies(rules).items() if _bad_regex(body)),
            "?",
        )
        raise DialectError(f"{where}: rule {bad!r} does not compile: {first}") from None
    except Exception as exc:  # parsimonious reports some mistakes as plain errors
        raise DialectError(f"{where}: the grammar does not compile: {exc}") from None
    # Every rule, not only the dialect's own: an override can make a default
    # rule's repetition (``section*``) loop on empty text.
    own = _rule_bodies(rules)
    for name, rule in grammar.items():
        try:
            _check_rule(where, name, rule)
        except DialectError as exc:
            if name in own:
                raise
            changed = ", ".join(repr(n) for n in own if n in _default_names())
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
