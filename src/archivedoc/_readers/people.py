"""Who is who in a transcript: one participant per person, found by any spelling.

A transcript names a person in many ways: "Com[rade] Mao Zedong" in a
heading, "Chairman Mao" in an address line, "Mao" or "MAO ZEDONG" as a
speaker; "Marshal Stalin" in the list and "Stalin" in the text.  Names are
compared as words: casefolded, end punctuation dropped, an in-word bracket
filled in ("Com[rade]" is "comrade") and a standalone one left out ("[T.V.]
Soong" is "soong", "[Soviet translator N.T.] Fedorenko" is "fedorenko").

Everything goes through dicts built once per transcript, so linking n turns
to m participants costs O(n + m) lookups, never a comparison of every turn
with every participant.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from archivedoc._model.transcript import Participant

_GLUED = re.compile(r"(?<=\w)\[([^\[\]\s]*)\]|\[([^\[\]\s]*)\](?=\w)")
_STANDALONE = re.compile(r"\[[^\[\]]*\]")
_INITIAL = re.compile(r"^(?:\w\.)+\w?\.?$|^\w$")

#: Personal pronouns: a speaker that is one of them names nobody in the lists.
PRONOUNS = frozenset(
    {"i", "me", "we", "us", "he", "him", "she", "her", "they", "them", "you", "it"}
    | {"я", "мы", "он", "она", "они", "вы", "ты"}
)

#: What is not part of a word of a name at its ends.
_PUNCTUATION = ".,;:()/\"'\u2018\u2019\u201c\u201d\u00ab\u00bb"

#: Longest run of words of a speaker that is looked up (speakers are short).
_MAX_WORDS = 8


def words(text: str) -> tuple[str, ...]:
    """The casefolded words of a name, brackets resolved, without end punctuation."""
    if "[" in text:
        text = _GLUED.sub(lambda m: m.group(1) or m.group(2) or "", text)
        text = _STANDALONE.sub(" ", text)
    out = (w.strip(_PUNCTUATION) for w in text.split())
    return tuple(w.casefold() for w in out if w)


def _split_initials(name: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(initials, other words): "i.v stalin" -> (("i.v",), ("stalin",)).

    A name of initials only is its own other words.
    """
    initials = tuple(w for w in name if _INITIAL.match(w))
    return initials, tuple(w for w in name if not _INITIAL.match(w)) or initials


def distinct(people: Iterable[Participant]) -> tuple[Participant, ...]:
    """The people once each, in order of first mention.

    Two entries are one person when their names have the same words apart
    from initials and their initials agree or one has none: "Stalin",
    "I.V. Stalin" and "Marshal Stalin" are one person; "I. V. Kovalev" and
    "E.F. Kovalev" are two.
    """
    seen: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    out: list[Participant] = []
    for person in people:
        initials, rest = _split_initials(words(person.name))
        if rest == initials:
            initials = ()
        known = seen.setdefault(rest, [])
        mine = "".join(initials).replace(".", "")
        others = ("".join(i).replace(".", "") for i in known)
        if any(not other or not mine or other == mine for other in others):
            continue
        known.append(initials)
        out.append(person)
    return tuple(out)


class Speakers:
    """Finds the participant a speaker names, through lookups built once."""

    def __init__(self, people: Iterable[Participant]) -> None:
        self._full: dict[tuple[str, ...], Participant | None] = {}
        self._name: dict[tuple[str, ...], Participant | None] = {}
        self._part: dict[tuple[str, ...], Participant | None] = {}
        self._title: dict[tuple[str, ...], Participant | None] = {}
        for person in people:
            title, name = words(person.title), words(person.name)
            _add(self._full, title + name, person)
            _add(self._name, name, person)
            _, rest = _split_initials(words(person.name))
            if rest != name:
                _add(self._name, rest, person)
            for size in range(1, len(rest)):
                _add(self._part, rest[:size], person)
                _add(self._part, rest[-size:], person)
            if title:
                _add(self._title, title, person)

    def link(self, speaker: str) -> Participant | None:
        """The one participant ``speaker`` names, or None (none, or several).

        Tried in order: the whole title and name ("Marshal Stalin"); a run of
        the speaker's words that is a whole name ("Comrade Mao Zedong" ->
        "Mao Zedong"), longest first; a run that starts or ends a name
        ("Mao", "KIM"); the speaker as a title alone ("Premier", "the
        Chancellor").  A pronoun names nobody.
        """
        spoken = words(speaker)[:_MAX_WORDS]
        if spoken[:1] == ("the",):
            spoken = spoken[1:]
        if not spoken or (len(spoken) == 1 and spoken[0] in PRONOUNS):
            return None
        if spoken in self._full:
            return self._full[spoken]
        runs = [
            spoken[i : i + size]
            for size in range(len(spoken), 0, -1)
            for i in range(len(spoken) - size + 1)
        ]
        for table in (self._name, self._part):
            for run in runs:
                if run in table:
                    return table[run]
        return self._title.get(spoken)


def _add(
    table: dict[tuple[str, ...], Participant | None], key: tuple[str, ...], person: Participant
) -> None:
    """Map ``key`` to ``person``; a key two people share maps to None."""
    if not key:
        return
    if key not in table:
        table[key] = person
    elif table[key] is not person:
        table[key] = None
