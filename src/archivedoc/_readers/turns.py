"""Whether a paragraph opens with a speaker: the ``turn`` rule, with quick tests first.

``turn`` is the costliest rule of a transcript; most paragraphs cannot match
it.  Its three forms (script "Stalin: ...", capitals "MAO ZEDONG. ...",
reported "Stalin said ...") are rules of their own too, and a quick look at
a paragraph's first line, a few string operations, rules out the forms that
cannot match, so that only the others are tried (a test checks that a form
ruled out never matches).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from archivedoc._grammar import lexicons
from archivedoc._grammar_build import prefix_tree
from archivedoc._grammar_regex import group_number
from archivedoc._readers.rules import Rules, default_rules

__all__ = ["by_a_person", "read_named", "read_turn"]


#: How many words of a paragraph may come before a turn's reporting verb at
#: most: an item number, the opening words, the speakers and the words
#: between them and the verb, all bounded in ``turn``.
_TURN_REACH = 40
#: How many characters of a paragraph the quick test looks at.
_TURN_WINDOW = 4000
#: How many words may stand between a speaker's last word and the verb: three
#: of ``turn``'s BETWEEN words of two words each ("Stalin in turn once again
#: said").
_BETWEEN_REACH = 6


#: Punctuation around a word ("said," "[said]" "«said"), stripped before the lookup.
_EDGES = ",;:.!?()[]\u00ab\u00bb\"\u201c\u201d'\u2019\u2014\u2013-"


@functools.cache
def _verb_words() -> frozenset[str]:
    """The first word of every reporting verb ("pointed" of "pointed out")."""
    words = lexicons()["reporting_verbs"] + lexicons()["reporting_verbs_third"]
    return frozenset(verb.split()[0] for verb in words)


@functools.cache
def _lower_speaker_words() -> frozenset[str]:
    """Speaker words in lower case: pronouns, person nouns, titles ("he", "delegation", "cde.")."""
    found = lexicons()
    words = found["pronouns"] + found["person_nouns"] + found["titles"]
    return frozenset(word for word in words if not word[:1].isupper())


def may_be_turn(text: str) -> bool:
    """Whether ``turn`` can match ``text`` at all: a cheap test before the costly rule."""
    return any(_forms(text))


def _forms(text: str) -> tuple[bool, bool, bool]:
    """Which of ``turn``'s forms can match ``text``: (script, capitals, reported).

    A form ruled out here never matches (a test checks it); the reader asks
    the same questions one at a time, see ``read_turn``.
    """
    line = _first_line(text)
    if line is None:
        return True, True, True
    return line.find(":", 0, 400) >= 0, _may_be_capitals(line), _may_be_reported(line)


def _first_line(text: str) -> str | None:
    """The first line of ``text``, where a turn's speaker is; None if it is too long to look at.

    Every form of ``turn`` has its speaker, and the reported form its verb,
    on the first line: their words are apart by spaces.
    """
    end = text.find("\n", 0, _TURN_WINDOW)
    if end < 0:
        end = min(len(text), _TURN_WINDOW)
        if end < len(text) and len(text[:end].split(None, _TURN_REACH)) <= _TURN_REACH:
            return None  # words too long to see them all: let the rules decide
    cr = text.find("\r", 0, end)
    return text[: cr if cr >= 0 else end]


def _may_be_capitals(line: str) -> bool:
    """Whether a first line may open with a name in capitals and a period ("MAO ZEDONG. We").

    The name opens with two capitals, a capital and a hyphen, or with
    initials: "MAO", "A.I. MIKOYAN".
    """
    start = line.lstrip(" \t\f")[:2]
    if not (start[:1].isupper() and (start[1:].isupper() or start[1:] in ("-", "."))):
        return False
    head = line.split(None, 5)[:5]
    return head[0].rstrip(".").isupper() and "." in "".join(head)


def _may_be_reported(line: str) -> bool:
    """Whether a first line may hold a reported turn's verb ("Stalin said", "..., said Mao").

    The verb stands after a space, among the first words (the opening words,
    the speakers and the words between them and the verb are bounded in
    ``turn``), with, at most seven words before it (six words may stand
    between speaker and verb), a word that can end a speaker: a capitalised
    word, a bracket, an alias, a comma (an inserted "..., said Mao"), a
    pronoun, a person noun or a title.
    """
    search = _verb_search()
    verb = search(line)
    if verb is None:
        return False
    lower = _lower_speaker_words()
    while verb is not None:
        words = line[: verb.start()].split()
        if len(words) >= _TURN_REACH:
            return False
        for before in words[-_BETWEEN_REACH - 1 :]:
            if before[:1].isupper() or before[-1:] in "]),/" or before in lower:
                return True
            if before[:1] in '[«"“' or before.strip(_EDGES) in lower:
                return True
        verb = search(line, verb.end())
    return False


@functools.cache
def _verb_search() -> Callable[..., Any]:
    """A search for a reporting verb after a space (" said", " pointed out").

    A ``re`` pattern, quicker to scan with than ``regex``; it only has to
    find every place where ``turn`` could see a verb.
    """
    found = lexicons()
    return re.compile(
        " " + prefix_tree(found["reporting_verbs"] + found["reporting_verbs_third"])
    ).search


def read_turn(text: str, rules: Rules) -> tuple[str, str, str] | None:
    """(speaker, form, verb) if ``text`` opens with a speaker, else None.

    With the default ``turn``, each form is tried by its own rule, in
    ``turn``'s order, unless a quick look at the first line rules it out
    (most paragraphs have no colon there and no reporting verb); a dialect's
    own ``turn`` is matched whole.
    """
    if not _quick(rules):
        return _turn(rules.terminal("turn").match(text))
    line = _first_line(text)
    script, capitals, reported, (script_speaker, capitals_speaker, speaker, verb) = _form_rules()
    if line is None or line.find(":", 0, 400) >= 0:  # the script form's colon
        found = script.match(text)
        if found is not None:
            return found.group(script_speaker), "script", ""
    if line is None or _may_be_capitals(line):
        found = capitals.match(text)
        if found is not None:
            return found.group(capitals_speaker), "script", ""
    if line is None or _may_be_reported(line):
        found = reported.match(text)
        if found is not None:
            return found.group(speaker), "reported", found.group(verb)
    return None


#: How many words ``turn_named``'s speaker has at most: three titles and
#: four words of a name.
_NAMED_WORDS = 7


def by_a_person(found: tuple[str, str, str], rules: Rules) -> bool:
    """Whether a turn's speaker may be a person: no institution, country or possessive.

    A reported speaker whose name ends with a word of ``institution_words``
    (the grammar's ``not_a_person``: "The Foreign Ministry informed", "The
    United States proposed", "Orlov and the Central Committee agreed") is
    an institution or a country, no participant (ANNOTATIONS, rule 4);
    "Soviet Ambassador Ivanov" is a person; a pronoun the editor resolved
    to an institution or a country ("They [the United States] proposed")
    is none.  A possessive ("Stalin's reply stated ...") only mentions the
    person.  Asked of the turns found, not a lookbehind in ``turn``, which
    would be tried at every word of the opening.
    """
    speaker, form, _ = found
    if form != "reported":
        return True
    if speaker.endswith(("'s", "\u2019s")):  # "Stalin's reply stated": a mere mention
        return False
    institution = rules.terminal("not_a_person").fullmatch
    if speaker.endswith("]"):  # "They [the United States] proposed": the bracket's name
        speaker = speaker[:-1]
    if " and " not in speaker:  # most speakers: the last word, matched in place
        return institution(speaker, speaker.rfind(" ") + 1) is None
    return not any(institution(part, part.rfind(" ") + 1) for part in speaker.split(" and "))


def read_named(
    text: str, rules: Rules, link: Callable[[str], int | None]
) -> tuple[str, str, str] | None:
    """(speaker, "script", "") if ``text`` opens with a participant's name and a period.

    ``turn_named`` ("Stalin. We ...", "Kim Il Sung. Yes."): asked only of a
    paragraph that ``read_turn`` finds no turn in, in a transcript with
    participants, and taken only when ``link`` finds the participant the
    name names: headings and sentences open the same way ("Moscow. The
    weather ...").  A quick look rules out a text whose first period and
    space come after more words than a speaker has.
    """
    dot = text.find(". ")
    if dot < 0 or len(text[:dot].split(None, _NAMED_WORDS)) > _NAMED_WORDS:
        return None
    found = rules.terminal("turn_named").match(text)
    if found is None:
        return None
    speaker: str = found.group("speaker")
    return (speaker, "script", "") if link(speaker) is not None else None


def _turn(found: Any) -> tuple[str, str, str] | None:
    """(speaker, form, verb) of a ``turn`` match."""
    if found is None:
        return None
    if found.group("script") is not None:
        return found.group("speaker"), "script", ""
    return found.group("speaker"), "reported", found.group("verb")


@functools.cache
def _form_rules() -> tuple[Any, Any, Any, tuple[int, int, int, int]]:
    """The default grammar's rules of the three forms of ``turn``, in its order.

    Then the numbers of their groups: "speaker" of each and "verb" of the
    reported form (a match read by group name costs 0.6 us more a call).
    """
    rules = default_rules()
    script, capitals, reported = (rules.terminal(name) for name in _FORM_RULES)
    numbers = (
        group_number(script, "speaker"),
        group_number(capitals, "speaker"),
        group_number(reported, "speaker"),
        group_number(reported, "verb"),
    )
    return script, capitals, reported, numbers


#: The rules of ``turn``'s forms, in its order (see transcript_people.peg).
_FORM_RULES = ("turn_script", "turn_capitals", "turn_reported")


def _quick(rules: Rules) -> bool:
    """Whether ``_forms`` holds for these rules: their ``turn`` is the default one."""
    return rules is default_rules() or (
        rules.terminal("turn").pattern == default_rules().terminal("turn").pattern
    )
