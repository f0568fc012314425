"""Whether a paragraph opens with a speaker: the ``turn`` rule, with a quick test first.

``turn`` is the costliest rule of a transcript; most paragraphs cannot match
it, and ``may_be_turn`` tells those apart with a few string operations
(a test checks that it never hides a turn the rule would find).
"""

from __future__ import annotations

import functools

from archivedoc._grammar import lexicons
from archivedoc._readers.rules import Rules, default_rules

__all__ = ["read_turn"]


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
    """Whether ``turn`` can match ``text`` at all: a cheap test before the costly rule.

    A turn has a colon on its first line (script form), or a name in
    capitals with a period first ("MAO ZEDONG. ..."), or among its first
    words a reporting verb with, at most seven words before it (six words
    may stand between speaker and verb), a word that can end a speaker: a
    capitalised word, a bracket, an alias, a comma (an inserted "..., said
    Mao"), a pronoun, a person noun or a title.
    """
    window = text[:_TURN_WINDOW]  # no copy of a long paragraph's rest
    head = window.split(None, _TURN_REACH)[:_TURN_REACH]
    if not head:
        return False
    if len(text) > _TURN_WINDOW and len(head) < _TURN_REACH:
        return True  # words too long to see them all: let the rule decide
    colon = text.find(":", 0, 400)  # the script form's colon is on the first line
    if colon >= 0 and "\n" not in text[:colon] and "\r" not in text[:colon]:
        return True
    if head[0].rstrip(".").isupper() and "." in head[0] + "".join(head[1:5]):
        return True
    verbs, lower = _verb_words(), _lower_speaker_words()
    for index, word in enumerate(head):
        if index and word.strip(_EDGES) in verbs:
            for before in head[max(0, index - _BETWEEN_REACH - 1) : index]:
                if before[:1].isupper() or before[-1:] in "]),/" or before in lower:
                    return True
                if before[:1] in '[«"“' or before.strip(_EDGES) in lower:
                    return True
    return False


def read_turn(text: str, rules: Rules) -> tuple[str, str, str] | None:
    """(speaker, form, verb) if ``text`` opens with a speaker, else None."""
    if _quick(rules) and not may_be_turn(text):
        return None
    found = rules.terminal("turn").match(text)
    if found is None:
        return None
    if found.group("script") is not None:
        return found.group("speaker"), "script", ""
    return found.group("speaker"), "reported", found.group("verb")


def _quick(rules: Rules) -> bool:
    """Whether ``may_be_turn`` holds for these rules: their ``turn`` is the default one."""
    return rules is default_rules() or (
        rules.terminal("turn").pattern == default_rules().terminal("turn").pattern
    )
