"""A bracket's kind: the ``bracket_kind`` rule, with a quick look at the bracket first.

``bracket_kind`` tries its forms (grammar/transcript_marks.peg) one after
the other; a multi-word supplied bracket, near the end, costs every form
before it, some of which scan the whole bracket at every character
(``physical``'s word list in any case).  The forms are rules of their own
too, and a look at the bracket's shape, a few string operations on its
text and the characters next to it, rules out the forms that cannot match
it, so that only the others are tried, in ``bracket_kind``'s order, up to
the first that matches (a test checks that a form ruled out never matches):
the forms after it are not looked at.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from archivedoc._grammar import lexicons
from archivedoc._grammar_build import prefix_tree
from archivedoc._readers.rules import default_rules, which_group

__all__ = ["BRACKET_FORMS", "bracket_kinder"]

#: The forms of ``bracket_kind`` in its order: (rule, kind).  ``supplied``
#: twice: a gloss of an acronym before the names, other supplied words after.
BRACKET_FORMS = (
    ("bracket_footnote_ref", "footnote_ref"),
    ("bracket_elision", "elision"),
    ("bracket_page_marker", "page_marker"),
    ("bracket_sic", "sic"),
    ("bracket_note", "note"),
    ("bracket_physical", "physical"),
    ("bracket_expansion", "expansion"),
    ("bracket_uncertain", "uncertain"),
    ("bracket_original_term", "original_term"),
    ("bracket_gloss", "supplied"),
    ("bracket_initials", "name"),
    ("bracket_referent", "name"),
    ("bracket_name", "name"),
    ("bracket_supplied", "supplied"),
)

#: The named groups of ``bracket_kind``, in its order, each once.
_KINDS = tuple(dict.fromkeys(kind for _, kind in BRACKET_FORMS))


@functools.cache
def _note_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """How a note can open, in lower case, and how a note "[... -ed.]" can end.

    ``NOTE_BRACKET``'s word lists: a note opens with "note" ("note:") or a
    word of ``note_editors``, ``note_writers`` ("trans. note", "author's
    note") or ``note_openings`` ("emphasis ...", "not included"), in any
    case; it ends with a word of ``note_endings``, with or without a dot.
    """
    found = lexicons()
    writers = (*found["note_editors"], *found["note_writers"], *found["note_openings"])
    endings = found["note_endings"]
    return (
        ("note", *(word.lower() for word in writers)),
        (*endings, *(word + "." for word in endings)),
    )


#: The punctuation that ``SUPPLIED_BRACKET`` holds alone: "Ningxia[.]".
_PUNCTUATION = (".", ",", ";", ":")
#: How far before a gloss its acronym may end: ``GLOSS_BRACKET``'s spaces and
#: line end, ``[ \t]{0,4}\r?\n?[ \t]{0,4}``, and the acronym's last character.
_GLOSS_REACH = 11
#: How many characters after a bracket the quick look scans for the
#: capitalised word that may follow a name over spaces and a line end.
_NAME_REACH = 40


@functools.cache
def _physical_search() -> Callable[..., Any]:
    """A search for a word of ``physical_marks`` in a lower-cased ASCII text.

    A ``re`` pattern of the same list, quicker than ``regex`` and case
    blind by lowering the text: for ASCII text, the regex module's
    ``(?i:...)`` finds a word exactly where this finds it lower-cased.
    """
    return re.compile(prefix_tree(word.lower() for word in lexicons()["physical_marks"])).search


#: A form's match at a bracket's start (``pattern.match``), or None.
Match = Callable[[str, int], Any]
#: ``kind(text, start, end)``: the kind of the bracket ``text[start:end]``, or None.
Kinder = Callable[[str, int, int], "str | None"]


def quick_kinder(matches: tuple[Match, ...], untold: Kinder) -> Kinder:
    """``kind(text, start, end)`` by the forms' ``matches`` (one per BRACKET_FORMS, in order).

    The bracket ``text[start:end]`` is of the kind of the first form that
    matches at its start (of no kind, None, if that match ends before the
    bracket's end or no form matches), as with ``bracket_kind``; the forms
    are looked at in that order, and each is tried only if a look at the
    bracket's shape, a few string operations on its text and the characters
    next to it, leaves it open.  A form ruled out here never matches at
    ``start`` (a test checks it), and the forms after the first that matches
    are not looked at.

    A bracket the quick look cannot tell is given ``untold``'s kind (the
    whole ``bracket_kind``'s): a bracket whose text is not ASCII (the forms'
    letter classes, scripts and case-blind words are then left to the regex
    engine), or that is no ``[...]``.  No form holds a
    bracket inside: each ends at the first ``]``, so a bracket with a bracket
    inside is of no kind.  On ASCII text the checks are exact (an ASCII
    character is a letter, an upper-case letter or a digit for the regex
    engine as for Python); a non-ASCII character next to a bracket counts as
    a letter of either case.
    """
    (
        footnote_ref, elision, page_marker, sic, note, physical, expansion, uncertain,
        original_term, gloss, initials, referent, name, supplied,
    ) = matches  # fmt: skip
    physical_search = _physical_search()
    note_openings, note_endings = _note_words()

    def kind(text: str, start: int, end: int) -> str | None:
        if end - start < 2 or text[start] != "[" or text[end - 1] != "]":
            return untold(text, start, end)
        inner = text[start + 1 : end - 1]
        if not inner.isascii():
            return untold(text, start, end)
        if not inner or "[" in inner or "]" in inner:
            return None
        first = inner[0]
        found = None
        if not first.isalpha():  # "[1]", "[...]", "[ napravlenie]", "[.]", "[?]"
            if first.isdigit() and (found := footnote_ref(text, start)):
                return _ending(found, end, "footnote_ref")
            if first in " ." and (found := elision(text, start)):
                return _ending(found, end, "elision")
            # no page_marker, no sic: a letter first
            if "-" in inner and inner.endswith(note_endings) and (found := note(text, start)):
                return _ending(found, end, "note")  # "[... -ed.]"
            if physical_search(inner.lower()) and (found := physical(text, start)):
                return _ending(found, end, "physical")  # "[2 words missing]"
            # no expansion: a letter first
            if inner[-1] == "?" and (found := uncertain(text, start)):
                return _ending(found, end, "uncertain")
            if first == " " and (found := original_term(text, start)):
                return _ending(found, end, "original_term")  # "[ napravlenie]"
            # no gloss: a capital first
            if "." in inner and (found := initials(text, start)):
                return _ending(found, end, "name")  # "[... N.T.]"
            # no referent, no name: a letter first
            if inner in _PUNCTUATION and (found := supplied(text, start)):
                return _ending(found, end, "supplied")  # "[.]"
            return None
        lower = inner.lower()
        if first in "Pp" and (found := page_marker(text, start)):
            return _ending(found, end, "page_marker")  # "[Page 3]", "[PAGE BREAK]"
        if first in "sS" and (found := sic(text, start)):
            return _ending(found, end, "sic")
        if (
            lower.startswith(note_openings) or ("-" in inner and inner.endswith(note_endings))
        ) and (found := note(text, start)):
            return _ending(found, end, "note")
        if physical_search(lower) and (found := physical(text, start)):
            return _ending(found, end, "physical")  # a word of the list, any case
        before = text[start - 1] if start else ""
        after = text[end : end + 1]  # a letter next to it: ASCII, or any non-ASCII character
        if (
            before.isalpha() or not before.isascii() or after.isalpha() or not after.isascii()
        ) and (found := expansion(text, start)):
            return _ending(found, end, "expansion")  # glued to a letter
        if inner[-1] == "?" and (found := uncertain(text, start)):
            return _ending(found, end, "uncertain")
        upper = first.isupper()
        if (
            (len(inner) <= 6 and inner.isupper())  # "[KB]"
            or (not upper and len(inner) >= 4 and " " not in inner)  # "[napravlenie]"
        ) and (found := original_term(text, start)):
            return _ending(found, end, "original_term")
        if upper and _acronym_before(text, start, before) and (found := gloss(text, start)):
            return _ending(found, end, "supplied")  # "MPR [Mongolian ...]"
        if "." in inner and (found := initials(text, start)):
            return _ending(found, end, "name")  # "[Soviet translator N.T.]"
        if (
            before == " "
            and (upper or inner.startswith("the "))
            and _pronoun_before(text, start)
            and (found := referent(text, start))
        ):
            return _ending(found, end, "name")  # "they [the Poles]"
        if (
            upper  # "Mao [Zedong]", "[T.V.] Soong"
            and ((before == " " and _capital_before(text, start)) or _capital_after(text, end))
            and (found := name(text, start))
        ):
            return _ending(found, end, "name")
        found = supplied(text, start)  # a letter first
        return _ending(found, end, "supplied") if found else None

    return kind


def _ending(found: Any, end: int, kind: str) -> str | None:
    """``kind`` if the form's match ``found`` ends at the bracket's ``end``, else None."""
    return kind if found.end() == end else None


def _acronym_before(text: str, start: int, before: str) -> bool:
    """Whether an acronym may end just before ``start``, over spaces and a line end.

    ``GLOSSED_ACRONYM`` ends with a capital or "/b/" or "(b)".
    """
    if before in (" ", "\t", "\r", "\n"):
        before = text[max(start - _GLOSS_REACH, 0) : start].rstrip(" \t\r\n")[-1:]
    return before.isupper() or not before.isascii() or before in ("/", ")")


@functools.cache
def _pronouns() -> frozenset[str]:
    """The pronouns ``REFERENT_BRACKET`` looks for before a bracket."""
    found = lexicons()
    return frozenset((*found["pronouns"], *found["object_pronouns"]))


def _pronoun_before(text: str, start: int) -> bool:
    """Whether the letters just before the space before ``start`` are a pronoun ("they [").

    ``REFERENT_BRACKET``'s pronoun stands after no letter: the run of
    letters before the space is the pronoun itself.
    """
    end = start - 1
    low = end
    while low > 0 and end - low < 5 and text[low - 1].isalpha():
        low -= 1
    return text[low:end] in _pronouns()


def _capital_before(text: str, start: int) -> bool:
    """Whether the word before the space before ``start`` may open with a capital.

    The word of ``NAME_BRACKET``'s lookbehind: letters, marks, apostrophes
    and hyphens after anything else; here the last word between spaces,
    looked at only if it is all ASCII letters.
    """
    low = max(start - 1 - _NAME_REACH, 0)  # the window looked at: text[low : start - 1]
    space = text.rfind(" ", low, start - 1)
    word = text[space + 1 if space >= 0 else low : start - 1]
    end = word[-1:]
    if end.isascii() and not end.isalpha() and end not in ("'", "-"):
        return False  # "us. [We]": the word must end just before the space
    if not word.isalpha() or not word.isascii() or (space < 0 and start - 1 - low == _NAME_REACH):
        return True  # no plain word, or one as long as the window: let the rule decide
    return word[0].isupper()


def _capital_after(text: str, end: int) -> bool:
    """Whether a capital may follow ``end`` over spaces and a line end."""
    after = text[end : end + 1]
    if after in (" ", "\t", "\r", "\n"):
        window = text[end : end + _NAME_REACH]
        rest = window.lstrip(" \t\r\n")
        if not rest:
            return len(window) == _NAME_REACH  # only spaces as far as the look goes
        after = rest[0]
    return after.isupper() or not after.isascii()


def bracket_kinder(terminal: Callable[[str], Any]) -> Callable[[str, int, int], str | None]:
    """``kind(text, start, end)``: the kind of the bracket ``text[start:end]``, or None.

    With the default ``bracket_kind``, the forms that the quick look leaves
    open are tried, each by its own rule, in ``bracket_kind``'s order; a
    dialect's own ``bracket_kind`` is matched whole.  As with the whole rule,
    a bracket is of the first form that matches at its start, and of no kind
    if that match ends before the bracket's end.
    """
    whole = terminal("bracket_kind")
    default = default_rules().terminal
    if whole is not default("bracket_kind") and whole.pattern != default("bracket_kind").pattern:
        return functools.partial(_whole_kind, whole.match)
    return _default_kinder()


@functools.cache
def _default_kinder() -> Callable[[str, int, int], str | None]:
    """``bracket_kinder`` for the default grammar, made once: not a closure per transcript."""
    default = default_rules().terminal
    whole = functools.partial(_whole_kind, default("bracket_kind").match)
    return quick_kinder(tuple(default(rule).match for rule, _ in BRACKET_FORMS), whole)


def _whole_kind(match: Callable[..., Any], text: str, start: int, end: int) -> str | None:
    """The kind of a bracket by the whole ``bracket_kind`` rule's ``match``."""
    found = match(text, start)
    if found is None or found.end() != end:
        return None
    return which_group(found, _KINDS)
