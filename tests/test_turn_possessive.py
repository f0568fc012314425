"""The possessive quantifiers of the turn rules change how fast they fail, not what they match.

``turn`` and ``turn_reported`` read the opening words' letters and spaces
with ``++`` (see transcript_people.peg): the plain ``+`` would give them
back and try again, which can never match.  (An item label read with
``?+`` would not do: "III. acknowledged that" is a turn of "III." only
when the label is given back; a test below keeps that case.)  Here the
same grammar with those quantifiers made plain is the reference, and both
must agree on paragraphs built from the lexicons' words, names, item labels
and commas.
"""

from __future__ import annotations

import functools
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from archivedoc._grammar import compile_grammar, grammar_files, lexicons
from archivedoc._readers.rules import default_rules

#: (possessive text of the grammar, its plain form, how many times it stands there).
_PLAIN = (
    ("|[^\\s.!?:;,]++,?)[ ]++", "|[^\\s.!?:;,]+,?)[ ]+", 1),
    ("|[^\\s.!?:;,]++)[ ]++", "|[^\\s.!?:;,]+)[ ]+", 1),
    ('~r"[^\\s.!?:;,]++,[ ]++"', '~r"[^\\s.!?:;,]+,[ ]+"', 1),
)

_RULES = ("turn", "turn_reported", "turn_script", "turn_capitals")


@functools.cache
def _plain_rules() -> dict[str, Any]:
    """The turn rules of the default grammar with the possessive quantifiers made plain."""
    files = dict(grammar_files())
    text = files["transcript_people.peg"]
    for possessive, plain, count in _PLAIN:
        assert text.count(possessive) == count, possessive
        text = text.replace(possessive, plain)
    files["transcript_people.peg"] = text
    grammar = compile_grammar(files, lexicons())
    return {name: grammar[name].re for name in _RULES}


def _reading(pattern: Any, text: str) -> tuple[Any, ...] | None:
    found = pattern.match(text)
    if found is None:
        return None
    return (found.span(), *(found.group(name) for name in sorted(pattern.groupindex)))


def test_the_plain_grammar_differs_from_the_default_one() -> None:
    rules = default_rules()
    for name in ("turn", "turn_reported"):
        assert _plain_rules()[name].pattern != rules.terminal(name).pattern


@functools.cache
def _words() -> tuple[str, ...]:
    found = lexicons()
    lists = (
        "titles",
        "pronouns",
        "first_person",
        "connectives",
        "reporting_verbs",
        "reporting_verbs_third",
        "opening_words",
        "not_speakers",
        "person_nouns",
    )
    words = [word for name in lists for word in found[name]]
    words += ["Stalin", "Mao", "Zedong", "Kim", "Il", "Sung", "Pak", "Geum-cheol", "Soong"]
    words += ["[T.V.]", "[He]", "[GMD General]", "/Karskii/", "T.V.", "A.", "Cde.", "Mr."]
    words += ["2.", "(a)", "(1)", "III.", "d)", "A)", "12)", "IV.", "i.", "(iv)"]
    words += ["then", "also", "had", "was", "once", "again", "in", "turn", "quickly"]
    words += ["the", "The", "and", "of", "meeting", "war,", "concerned,", "x,", "-", "—"]
    words += ["said,", "Mao,", "Stalin.", "issue,", "time,", "BK", "PM", "UK", "MAO"]
    return tuple(words)


@st.composite
def _paragraphs(draw: Any) -> str:
    words = draw(st.lists(st.sampled_from(_words()), min_size=1, max_size=14))
    seps = draw(st.lists(st.sampled_from((" ", " ", " ", "  ", ", ", ": ")), min_size=len(words)))
    text = "".join(word + sep for word, sep in zip(words, seps, strict=False))
    return text + draw(st.sampled_from(("that we agree.", "", "\nNext line.", "We agree.")))


@settings(max_examples=1500, deadline=None)
@given(_paragraphs())
def test_the_possessive_turn_rules_read_as_the_plain_ones(text: str) -> None:
    rules = default_rules()
    for name, plain in _plain_rules().items():
        assert _reading(rules.terminal(name), text) == _reading(plain, text), name


def test_the_possessive_turn_rules_read_labelled_openings_as_the_plain_ones() -> None:
    rules = default_rules()
    texts = (
        "2. I said that",
        "III. Regarding the situation, Mao Zedong said",
        "(a) Further, Stalin asked",
        "III. A B C D E F G H said",
        "d) At the meeting I told",
        "(1) We are grateful, said Comrade Mao,",
        "IV. Stalin then asked",
        "12) far far far far far far, Mao said",
        "III. acknowledged that",
    )
    for text in texts:
        for name, plain in _plain_rules().items():
            assert _reading(rules.terminal(name), text) == _reading(plain, text), (name, text)
