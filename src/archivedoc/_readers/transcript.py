"""Read a transcript's structure with the rules of ``grammar/transcript_*.peg``.

The block rules are regex terminals, applied here in the loop that
``transcript_body`` describes (a test checks that this loop and a parsimonious
parse of ``transcript_body`` cut every text the same way): one regex call per
block instead of a parse-tree node per alternative keeps a 10 MB transcript
fast.  What is returned is plain data (:class:`TranscriptParts`); the model's
Transcript turns it into its classes.
"""

from __future__ import annotations

import datetime
import re
from typing import Any, NamedTuple

from archivedoc._readers.dates import date_prefix
from archivedoc._readers.rules import Rules, default_rules

#: The kinds of inline marks, in the order a bracket is tested for them.
INLINE_KINDS = (
    "footnote_ref",
    "elision",
    "page_marker",
    "sic",
    "note",
    "physical",
    "uncertain",
    "expansion",
    "original_term",
    "name",
    "supplied",
    "other",
    "footnote_label",
    "page_break",
)


class PersonParts(NamedTuple):
    """A person of a participant list or a people field."""

    text: str
    title: str
    name: str
    side: str | None
    start: int


class BlockParts(NamedTuple):
    """A block: its kind (a Block class's ``KIND``), text, place, and its own values."""

    kind: str
    text: str
    start: int
    after: str
    #: An item's or a field's label.
    label: str | None = None
    #: A field's value.
    value: str | None = None
    #: A footnote definition's number.
    number: str | None = None
    #: The date a Date field names, as written.
    date: str | None = None
    start_time: datetime.time | None = None
    end_time: datetime.time | None = None
    #: A participant list's people: indices into ``TranscriptParts.participants``.
    people: tuple[int, ...] = ()


class InlineParts(NamedTuple):
    """An inline mark: its kind (one of INLINE_KINDS), text and offset."""

    kind: str
    text: str
    start: int


class TurnParts(NamedTuple):
    """A speaker turn; ``block`` and ``person`` are indices (``person`` may be None)."""

    speaker: str
    form: str
    verb: str
    text: str
    block: int
    person: int | None


class FootnoteParts(NamedTuple):
    """A footnote: its definition's block index and its references' inline indices."""

    number: str
    definition: int | None
    references: tuple[int, ...]


class TranscriptParts(NamedTuple):
    """Everything a transcript's structure is made of, as plain data."""

    lead: str
    blocks: tuple[BlockParts, ...]
    participants: tuple[PersonParts, ...]
    turns: tuple[TurnParts, ...]
    inlines: tuple[InlineParts, ...]
    footnotes: tuple[FootnoteParts, ...]


_BRACKETED = re.compile(r"\[[^\[\]]*\]")


def unbracketed(text: str) -> str:
    """``text`` without its (innermost) bracketed parts."""
    return _BRACKETED.sub("", text) if "[" in text else text


#: The named groups of ``bracket_kind``, in the order they are tried: the
#: inline kinds up to "other" (the rest are not told apart by the rule).
BRACKET_KINDS = INLINE_KINDS[: INLINE_KINDS.index("other")]

#: Fields whose value names people ("Interpreter: Pavlov").
_PEOPLE_FIELDS = {
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
}
#: The named groups of ``block_kind``.
_BLOCK_KINDS = ("page_marker", "mark", "footnote", "field", "item", "heading")
_TIME_FIELDS = ("Date", "DATE", "Time", "TIME")


def split_blocks(
    text: str, rules: Rules | None = None
) -> tuple[str, list[tuple[str, int, str, bool]]]:
    """The lead and (text, start, after, is_participant_block) for each block.

    This is ``transcript_body`` run with searches: ``blank_line`` decides
    ``line_mode``, ``line_break`` or ``block_break`` finds where each block
    ends, and ``participant_block`` is tried first at every block start.
    """
    terminal = (rules or default_rules()).terminal
    lead = terminal("transcript_lead").match(text)
    pos = lead.end()
    end = len(text)
    blocks: list[tuple[str, int, str, bool]] = []
    participants = terminal("participant_block")
    starts = _participant_starts(text, terminal)
    if terminal("blank_line").search(text, pos) is None:
        breaks, sep = terminal("line_break"), terminal("line_sep")
    else:
        breaks, sep = terminal("block_break"), terminal("block_sep")
    while pos < end:
        found = participants.match(text, pos) if pos in starts else None
        if found is not None:
            after = sep.match(text, found.end())
            blocks.append((found.group(), pos, after.group(), True))
            pos = after.end()
            continue
        cut = breaks.search(text, pos)
        if cut is None:
            blocks.append((text[pos:], pos, "", False))
            break
        blocks.append((text[pos : cut.start()], pos, cut.group(), False))
        pos = cut.end()
    return lead.group(), blocks


def _participant_starts(text: str, terminal: Any) -> set[int]:
    """The line starts where ``participant_start`` finds a header or side label."""
    starts = set()
    for found in terminal("participant_start").finditer(text):
        starts.add(text.rfind("\n", 0, found.start()) + 1)
    return starts


def parse_transcript(text: str, rules: Rules | None = None) -> TranscriptParts:
    """The structure of a transcript's ``text``, as plain data."""
    rules = rules or default_rules()
    terminal = rules.terminal
    lead, raw = split_blocks(text, rules)
    blocks: list[BlockParts] = []
    participants: list[PersonParts] = []
    for block_text, start, after, is_list in raw:
        block = _block(block_text, start, after, is_list, rules, participants)
        blocks.append(block)
        if block.kind == "field" and block.label in _PEOPLE_FIELDS:
            participants.extend(_field_people(block, terminal))
    inlines = _inlines(text, blocks, terminal)
    return TranscriptParts(
        lead,
        tuple(blocks),
        tuple(participants),
        _turns(blocks, participants, terminal),
        inlines,
        _footnotes(blocks, inlines),
    )


def _block(
    text: str, start: int, after: str, is_list: bool, rules: Rules, people: list[PersonParts]
) -> BlockParts:
    """A block's parts; a participant list's people are added to ``people``."""
    terminal = rules.terminal
    if is_list:
        first = len(people)
        people.extend(_people(text, start, True, terminal))
        return BlockParts(
            "participants", text, start, after, people=tuple(range(first, len(people)))
        )
    found = terminal("block_kind").match(text)
    kind = _which(found, _BLOCK_KINDS)
    if kind in ("page_marker", "mark"):
        return BlockParts(kind, text, start, after)
    if kind == "footnote":
        return BlockParts("footnote", text, start, after, number=found.group("number"))
    if kind == "field":
        return _field(text, start, after, found, rules)
    if kind == "item":
        return BlockParts("item", text, start, after, label=found.group("label"))
    if kind == "heading" and not _turn(text, terminal):
        return BlockParts("heading", text, start, after)
    return BlockParts("paragraph", text, start, after)


def _which(found: Any, names: tuple[str, ...]) -> str | None:
    """The first of the named groups ``names`` that took part in the match."""
    if found is not None:
        for name in names:
            if found.group(name) is not None:
                return name
    return None


def _turn(text: str, terminal: Any) -> tuple[str, str, str] | None:
    """(speaker, form, verb) if ``text`` opens with a speaker, else None."""
    found = terminal("turn").match(text)
    if found is None:
        return None
    if found.group("script") is not None:
        return found.group("speaker"), "script", ""
    return found.group("speaker"), "reported", found.group("verb")


def _field(text: str, start: int, after: str, found: Any, rules: Rules) -> BlockParts:
    label, value = found.group("label"), found.group("value")
    date = start_time = end_time = None
    if label in _TIME_FIELDS:
        rest = value
        dated = date_prefix(value, rules) if label in ("Date", "DATE") else None
        if dated:
            date = dated
            rest = value[len(dated) :]
        if dated or label in ("Time", "TIME"):
            start_time, end_time = _times(rest, rules.terminal)
    return BlockParts("field", text, start, after, label, value, None, date, start_time, end_time)


def _times(text: str, terminal: Any) -> tuple[datetime.time | None, datetime.time | None]:
    """The start and end times at the start of ``text`` ("6:30 - 6: 45 p.m.")."""
    found = terminal("time_range").match(text)
    if not found or not (found.group("m1") or found.group("p1") or found.group("h2")):
        return None, None
    h1, m1, p1 = int(found.group("h1")), int(found.group("m1") or 0), found.group("p1")
    h2 = found.group("h2")
    p2 = found.group("p2")
    end = None
    if h2 is not None:
        end_hour, end_minute = int(h2), int(found.group("m2") or 0)
        end = _clock(end_hour, end_minute, p2)
        if p1 is None and _pm(p2) and h1 <= end_hour:
            p1 = p2
    return _clock(h1, m1, p1), end


def _pm(suffix: str | None) -> bool:
    return suffix is not None and suffix.lower().startswith("p")


def _clock(hour: int, minute: int, suffix: str | None) -> datetime.time | None:
    if _pm(suffix) and hour < 12:
        hour += 12
    elif suffix and suffix.lower().startswith("a") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return datetime.time(hour, minute)


def _people(text: str, offset: int, header: bool, terminal: Any) -> list[PersonParts]:
    """The people of a participant block, line by line, with their sides.

    ``participant_block`` has checked every line but the rest of the header
    line ("Present: Mao Zedong, Zhou Enlai"), which ``participant_line``
    checks here.
    """
    people: list[PersonParts] = []
    side: str | None = None
    head = terminal("present_header").match(text) if header else None
    pos = head.end() if head else 0
    side_rule, person = terminal("side_label"), terminal("participant")
    checked = head is None
    while True:
        eol = text.find("\n", pos)
        stop = len(text) if eol < 0 else eol
        line_end = stop - 1 if stop > pos and text[stop - 1] == "\r" else stop
        if checked or terminal("participant_line").fullmatch(text, pos, line_end):
            labelled = (
                side_rule.match(text, pos, line_end) if "side" in text[pos:line_end] else None
            )
            if labelled:
                side = labelled.group("side")
                pos = labelled.end()
            for found in person.finditer(text, pos, line_end):
                if unbracketed(found.group("name")).strip():
                    people.append(_person(found, offset, side))
        checked = True
        if eol < 0:
            return people
        pos = eol + 1


def _person(found: Any, offset: int, side: str | None) -> PersonParts:
    """A person from a ``participant`` match; a sentence's final period is not the name's."""
    title, name, text = found.group("title").strip(), found.group("name"), found.group()
    if name.endswith(".") and len(name) > 3 and name[-4:-1].isalpha():
        name, text = name[:-1], text[:-1]
    return PersonParts(text, " ".join(title.split()), name, side, found.start() + offset)


def _field_people(field: BlockParts, terminal: Any) -> tuple[PersonParts, ...]:
    """People named by a Participants, Interpreter or Recorder field."""
    written = field.value or ""
    offset = field.start + len(field.text) - len(written)
    value = written.rstrip(" \t.,;")
    if not value or not terminal("participant_line").fullmatch(value):
        return ()
    role = _PEOPLE_FIELDS[field.label or ""]
    people = []
    for found in terminal("participant").finditer(value):
        if not unbracketed(found.group("name")).strip():
            continue
        person = _person(found, offset, None)
        if role and not person.title:
            person = PersonParts(person.text, role, person.name, None, person.start)
        people.append(person)
    return tuple(people)


def _inlines(text: str, blocks: list[BlockParts], terminal: Any) -> tuple[InlineParts, ...]:
    """Brackets and page breaks in ``text``, each with its kind."""
    labels = {b.start + b.text.index("["): b for b in blocks if b.kind == "footnote"}
    kind_rule = terminal("bracket_kind")
    found_marks: list[InlineParts] = []
    for mark in terminal("bracket").finditer(text):
        start, value = mark.start(), mark.group()
        kind: str | None = "footnote_label"
        if start not in labels:
            match = kind_rule.match(text, start)
            kind = _which(match, BRACKET_KINDS) if match and match.end() == mark.end() else None
        found_marks.append(InlineParts(kind or "other", value, start))
    for rule in ("form_feed", "page_slashes"):
        for mark in terminal(rule).finditer(text):
            found_marks.append(InlineParts("page_break", mark.group(), mark.start()))
    found_marks.sort(key=lambda mark: mark.start)
    return tuple(found_marks)


def _turns(
    blocks: list[BlockParts], participants: list[PersonParts], terminal: Any
) -> tuple[TurnParts, ...]:
    turns: list[TurnParts] = []
    keys = [(_words(p.title), _words(p.name), index) for index, p in enumerate(participants)]
    for index, block in enumerate(blocks):
        if block.kind == "paragraph":
            found = _turn(block.text, terminal)
            if found is not None:
                speaker, form, verb = found
                person = _link(speaker, keys)
                turns.append(TurnParts(speaker, form, verb, block.text, index, person))
    return tuple(turns)


def _words(text: str) -> list[str]:
    """The casefolded words of ``text`` outside brackets, without end punctuation."""
    words = (w.strip(".,;:") for w in unbracketed(text).split())
    return [w.casefold() for w in words if w]


def _link(speaker: str, keys: list[tuple[list[str], list[str], int]]) -> int | None:
    """The index of the participant ``speaker`` names.

    The first with the same name (with or without its title) wins; else the
    first whose title alone is the speaker ("Premier") or whose name starts
    or ends with the speaker's name ("Stalin", "Dr. Soong", "KIM").
    """
    spoken = _words(speaker)
    if not spoken:
        return None
    best: int | None = None
    for title, name, person in keys:
        if spoken == title + name or spoken == name:
            return person
        bare = spoken[len(title) :] if title and spoken[: len(title)] == title else spoken
        if best is None and (not bare or name[-len(bare) :] == bare or name[: len(bare)] == bare):
            best = person
    return best


def content(text: str) -> str:
    """The text between an inline mark's brackets (the mark itself for a page break)."""
    if text.startswith("[") and text.endswith("]"):
        return text[1:-1]
    return text


def _footnotes(
    blocks: list[BlockParts], inlines: tuple[InlineParts, ...]
) -> tuple[FootnoteParts, ...]:
    """Footnote numbers in order of first appearance, with definitions and references."""
    definitions: dict[str, int] = {}
    for index, block in enumerate(blocks):
        if block.kind == "footnote" and block.number is not None:
            definitions.setdefault(block.number, index)
    references: dict[str, list[int]] = {}
    for index, mark in enumerate(inlines):
        if mark.kind == "footnote_ref":
            references.setdefault(content(mark.text), []).append(index)
    first: dict[str, int] = {}
    for number, at in definitions.items():
        first[number] = blocks[at].start
    for number, marks in references.items():
        start = inlines[marks[0]].start
        first[number] = min(first.get(number, start), start)
    numbers = sorted(first, key=first.__getitem__)
    return tuple(
        FootnoteParts(n, definitions.get(n), tuple(references.get(n, ()))) for n in numbers
    )
