"""Who is who in a transcript: the people it names, once each, found by any spelling.

People are read from participant lists ("Present: ...", "Also present at
the meeting: comrs. Molotov, Malenkov, ..."), from fields that name people
("Interpreter: Pavlov", "To: Ushiba Nobuhiko" with the title on the next
line) and from the address lines of a header ("To Comrade Filippov",
"Comrade Stalin!", a letterhead "MD J. Bitterlich      Bonn, 23 April 1997").

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
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from archivedoc._grammar_regex import group_number


class PersonParts(NamedTuple):
    """A person of a participant list, a people field or an address line."""

    text: str
    title: str
    name: str
    side: str | None
    start: int


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
    # List comprehensions, not generators: a name has a few words, and a
    # generator's frame costs more than the words themselves.
    stripped = [w.strip(_PUNCTUATION) for w in text.split()]
    return tuple([w.casefold() for w in stripped if w])


def _split_initials(name: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(initials, other words): "i.v stalin" -> (("i.v",), ("stalin",)).

    A name of initials only is its own other words.
    """
    initials = tuple(w for w in name if _INITIAL.match(w))
    return initials, tuple(w for w in name if not _INITIAL.match(w)) or initials


def distinct(people: Iterable[PersonParts]) -> tuple[list[PersonParts], list[int]]:
    """The people once each, in order of first mention, and each input's index in them.

    Two entries are one person when their names have the same words apart
    from initials and their initials agree or one has none: "Stalin",
    "I.V. Stalin" and "Marshal Stalin" are one person; "I. V. Kovalev" and
    "E.F. Kovalev" are two.
    """
    seen: dict[tuple[str, ...], list[tuple[str, int]]] = {}
    out: list[PersonParts] = []
    where: list[int] = []
    for person in people:
        initials, rest = _split_initials(words(person.name))
        if rest == initials:
            initials = ()
        known = seen.setdefault(rest, [])
        mine = "".join(initials).replace(".", "")
        same = [i for other, i in known if not other or not mine or other == mine]
        if same:
            where.append(same[0])
            continue
        known.append((mine, len(out)))
        where.append(len(out))
        out.append(person)
    return out, where


class Speakers:
    """Finds the participant a speaker names, through lookups built once.

    A transcript gives the same few speakers turn after turn ("STALIN:"
    dozens of times), so each speaker as written is linked once and its
    answer kept: the tables never change after ``__init__``.
    """

    def __init__(self, people: Iterable[PersonParts]) -> None:
        self._linked: dict[str, int | None] = {}
        self._full: dict[tuple[str, ...], int | None] = {}
        self._name: dict[tuple[str, ...], int | None] = {}
        self._part: dict[tuple[str, ...], int | None] = {}
        self._title: dict[tuple[str, ...], int | None] = {}
        for index, person in enumerate(people):
            title, name = words(person.title), words(person.name)
            _add(self._full, title + name, index)
            _add(self._name, name, index)
            _, rest = _split_initials(name)
            if rest != name:
                _add(self._name, rest, index)
            for size in range(1, len(rest)):
                _add(self._part, rest[:size], index)
                _add(self._part, rest[-size:], index)
            if title:
                _add(self._title, title, index)

    def link(self, speaker: str) -> int | None:
        """The index of the one participant ``speaker`` names, or None (none, or several).

        Tried in order: the whole title and name ("Marshal Stalin"); a run of
        the speaker's words that is a whole name ("Comrade Mao Zedong" ->
        "Mao Zedong"), longest first; a run that starts or ends a name
        ("Mao", "KIM"); the speaker as a title alone ("Premier", "the
        Chancellor").  A pronoun names nobody.
        """
        linked = self._linked
        if speaker in linked:
            return linked[speaker]
        found = linked[speaker] = self._lookup(speaker)
        return found

    def _lookup(self, speaker: str) -> int | None:
        """What :meth:`link` answers for a speaker not seen before."""
        spoken = words(speaker)[:_MAX_WORDS]
        if spoken[:1] == ("the",):
            spoken = spoken[1:]
        if not spoken or (len(spoken) == 1 and spoken[0] in PRONOUNS):
            return self._bracketed(speaker) if "[" in speaker else None  # "He [Mao]"
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
        found = self._title.get(spoken)
        if found is None and "[" in speaker:
            return self._bracketed(speaker)
        return found

    def _bracketed(self, speaker: str) -> int | None:
        """The participant a standalone bracket of ``speaker`` names, if one does.

        An editor's bracket can hold the name the label leaves out: "H.E.
        [Park Chung Hee]:", "He [Mao] said"; :func:`words` drops it, so it
        is looked up on its own, as a speaker of its own (a pronoun in it
        names nobody).
        """
        for inner in _STANDALONE.findall(speaker):
            found = self._lookup(inner[1:-1])
            if found is not None:
                return found
        return None


def _add(table: dict[tuple[str, ...], int | None], key: tuple[str, ...], index: int) -> None:
    """Map ``key`` to the person ``index``; a key two people share maps to None."""
    if not key:
        return
    if key not in table:
        table[key] = index
    elif table[key] != index:
        table[key] = None


#: Fields whose value names people, with the role their people get if they
#: have no title ("Interpreter: Pavlov"); "To" and "From" take their title
#: from the line after them.
PEOPLE_FIELDS = {
    "Participants": "",
    "PARTICIPANTS": "",
    "Interpreter": "Interpreter",
    "Interpreters": "Interpreter",
    "INTERPRETER": "Interpreter",
    "INTERPRETERS": "Interpreter",
    "Translator": "Translator",
    "Translators": "Translator",
    "Recorder": "Recorder",
    "Recorders": "Recorder",
    "RECORDER": "Recorder",
    "Recorded by": "Recorder",
    "Note taker": "Note-taker",
    "Note-taker": "Note-taker",
    "To": "",
    "TO": "",
    "From": "",
    "FROM": "",
}
_ADDRESSED = frozenset(("To", "TO", "From", "FROM"))


def list_people(text: str, offset: int, terminal: Any) -> tuple[PersonParts, ...]:
    """The people of a participant list block, with their sides.

    ``participant_block`` has checked every line but the rest of the header
    line ("Present: Mao Zedong, Zhou Enlai"), which ``participant_line``
    checks here.  A line that ends unfinished (with a comma, "and" or inside
    a bracket) goes on over the next, so a bracket may span the line break.
    A plural title that opens a line ("comrs. Molotov, Malenkov") is every
    untitled person's on it.
    """
    plural = terminal("plural_title")
    flat = text.replace("\r", " ").replace("\n", " ")  # same offsets, one line
    head = terminal("present_header").match(text)
    side_rule = terminal("side_label")
    people: list[PersonParts] = []
    side: str | None = None
    checked = head is None
    for pos, end in _logical_lines(text, head.end() if head else 0):
        if not (checked or terminal("participant_line").fullmatch(flat, pos, end)):
            checked = True
            continue
        checked = True
        labelled = side_rule.match(flat, pos, end) if "ide" in flat[pos:end] else None
        if labelled:
            side = labelled.group(group_number(side_rule, "side"))
            pos = labelled.end()
        shared = ""
        if flat[pos:end].lstrip(" \t\f").startswith(("The ", "the ")) and terminal(
            "participant_role_only"
        ).fullmatch(flat, pos, end):
            continue  # "The Secretary": a role, nobody named
        for index, (found, role) in enumerate(_entries(flat, pos, end, terminal)):
            one = _person(found, text, offset, side, terminal)
            if one is None:
                continue
            if role and not one.title:
                one = one._replace(title=role)
            if index == 0 and plural.fullmatch(one.title):
                shared = one.title
            elif shared and not one.title:
                one = PersonParts(one.text, shared, one.name, side, one.start)
            people.append(one)
    return tuple(people)


#: What a role after a name opens with: a space, comma, hyphen, en or em dash, "(".
_ROLE_OPENERS = " \t,-\u2013\u2014("


def _entries(text: str, pos: int, end: int, terminal: Any) -> Iterator[tuple[Any, str]]:
    """Each ``participant`` match in ``text[pos:end]`` and the role after it.

    The role is the text of a ``participant_role`` right after the name,
    without its separator (", Minister of Trade" gives "Minister of Trade");
    a note in parentheses ("(interpreter)") is skipped and gives no role.
    """
    person = terminal("participant")
    role_rule = terminal("participant_role")
    while True:
        found = person.search(text, pos, end)
        if found is None:
            return
        pos = found.end()
        role = ""
        if pos < end and text[pos] in _ROLE_OPENERS:
            after = role_rule.match(text, pos, end)
            if after is not None:
                pos = after.end()
                written = after.group().lstrip(" \t")
                if not written.startswith("("):  # "(interpreter)" is a note
                    role = " ".join(written.strip(_ROLE_OPENERS).rstrip(" \t.").split())
        yield found, role


def _logical_lines(text: str, pos: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each line from ``pos``; an unfinished line is joined to the next."""
    start = pos
    while True:
        eol = text.find("\n", pos)
        if eol < 0:
            yield start, len(text)
            return
        line = text[pos:eol].rstrip(" \t\r")
        after = text.find("\n", eol + 1)
        following = text[eol + 1 : len(text) if after < 0 else after]
        unfinished = line.endswith((",", " and")) or line.count("[") > line.count("]")
        if not (unfinished and following.strip()):
            yield start, eol
            start = eol + 1
        pos = eol + 1


def _person(
    found: Any, source: str, offset: int, side: str | None, terminal: Any
) -> PersonParts | None:
    """A person from a ``participant`` match on ``source`` (or a copy of the same length).

    A sentence's final period is not the name's; a leading bracket that
    describes the person ("[Soviet translator N.T.] Fedorenko") is a gloss,
    kept in ``text``, not part of the name; a name that names an
    institution or a country ("Foreign Ministry", an untitled "Hungary") is
    no person (None).
    """
    start, end = found.span()
    pattern = found.re
    name_start, name_end = found.span(group_number(pattern, "name"))
    title = " ".join(found.group(group_number(pattern, "title")).split())
    gloss = terminal("name_gloss").match(source, name_start, name_end)
    if gloss and gloss.end() < name_end:
        name_start = gloss.end()
    name = source[name_start:name_end]
    if name.endswith(".") and _word_before_stop(name):
        name, end = name[:-1], end - 1
    bare = _STANDALONE.sub(" ", name)
    if not bare.strip() or terminal("not_a_person").search(bare):
        return None
    if not title and terminal("country_name").fullmatch(bare.strip()):
        return None  # "Present: Bulgaria, Hungary": states, not people
    return PersonParts(source[start:end], title, name, side, start + offset)


def _word_before_stop(name: str) -> bool:
    """Whether the period that ends ``name`` ends a sentence, not an initial.

    The last word is a word of two letters or more ("Molotov.", "Choe Il."),
    not an initial ("K.", "N.T.").
    """
    last = name[:-1].rsplit(None, 1)[-1] if name[:-1].strip() else ""
    return len(last) >= 2 and last.isalpha()


def address_people(text: str, offset: int, terminal: Any) -> tuple[PersonParts, ...]:
    """The addressees or author an address line names ("To Comrade Filippov"), if any.

    Untitled names after the first are addressees only after a plural title
    ("To Comrades Li, Wu and Tan"); after a singular one they name a place
    ("To Comrade Li, Moscow").
    """
    if len(text) > 300 or "\n" in text.rstrip("\r\n"):
        return ()
    found = terminal("address_line").match(text)
    if found is None:
        return ()
    start, end = found.span(group_number(found.re, "person"))
    people: list[PersonParts] = []
    shared = ""
    for index, (person, _) in enumerate(_entries(text, start, end, terminal)):
        one = _person(person, text, offset, None, terminal)
        if one is None:
            continue
        if index == 0 and terminal("plural_title").fullmatch(one.title):
            shared = one.title  # "To Comrades Li and Wu": each one's title
        elif shared and not one.title:
            one = one._replace(title=shared)
        elif index and not one.title:
            continue  # "To Comrade Li, Moscow": after one title, a place
        people.append(one)
    return tuple(people)


def field_people(
    label: str, value: str, offset: int, following: str | None, terminal: Any
) -> tuple[PersonParts, ...]:
    """People named by a field ("Interpreter: Pavlov", "To: Ushiba Nobuhiko").

    ``value`` is the field's value and ``offset`` its place in the
    transcript.  The person of a To or From field takes as title the text
    of the block after it (``following``) if that is a role on one line
    ("Vice Minister for Foreign Affairs").  A value over several lines names
    people only if each of its lines does.
    """
    role = PEOPLE_FIELDS[label]
    if label in _ADDRESSED and "\n" in value.rstrip():
        # "To: Sato Eisaku\nPrime Minister" in one block: the role is the value's second line
        value, second = value.split("\n", 1)
        following = second if "\n" not in second.rstrip() else None
    value = value.rstrip(" \t\r.,;")
    line_rule = terminal("participant_line")
    if "\n" in value:
        # "PARTICIPANTS: Chairman Lin\n              Premier Wu": one person or more a line
        if not all(line_rule.fullmatch(line.rstrip(" \t\r.,;")) for line in value.split("\n")):
            return ()
    elif not value or not line_rule.fullmatch(value):
        return ()
    if label in _ADDRESSED and following is not None:
        line = following.strip(" \t\f\r\n")
        if "\n" not in line and terminal("role_line").fullmatch(line):
            role = line
    people: list[PersonParts] = []
    for found, written in _entries(value, 0, len(value), terminal):
        person = _person(found, value, offset, None, terminal)
        if person is None:
            continue
        if written and not person.title:
            person = person._replace(title=written)
        if role and not person.title:
            person = PersonParts(person.text, role, person.name, None, person.start)
        people.append(person)
    return tuple(people)
