"""Derive a transcript's structure with the rules of ``grammar/transcript.peg``.

The block rules are regex terminals, applied here in the loop that
``transcript_body`` describes (a test checks that this loop and a parsimonious
parse of ``transcript_body`` cut every text the same way): one regex call per
block instead of a parse-tree node per alternative keeps a 10 MB transcript
fast.  Everything returned is archivedoc's own model objects.
"""

from __future__ import annotations

import datetime
import functools
from typing import Any

from archivedoc._grammar import lexicons, terminal
from archivedoc._model.dates import Date
from archivedoc._model.transcript import (
    INLINE_KINDS,
    Block,
    Field,
    Footnote,
    FootnoteDefinition,
    Heading,
    Inline,
    Item,
    Mark,
    PageMarker,
    Paragraph,
    Participant,
    ParticipantList,
    Turn,
)
from archivedoc._readers.dates import date_prefix
from archivedoc._readers.people import (
    PEOPLE_FIELDS,
    Speakers,
    address_people,
    distinct,
    field_people,
    list_people,
)

#: The named groups of ``bracket_kind``, in the order they are tried: the
#: inline kinds up to "other" (the rest are not told apart by the rule).
BRACKET_KINDS = INLINE_KINDS[: INLINE_KINDS.index("other")]

#: The named groups of ``block_kind``.
_BLOCK_KINDS = ("page_marker", "mark", "footnote", "field", "item", "heading")
_TIME_FIELDS = ("Date", "DATE", "Time", "TIME", "Date and Time", "Date and time", "DATE AND TIME")


def split_blocks(text: str) -> tuple[str, list[tuple[str, int, str, bool]]]:
    """The lead and (text, start, after, is_participant_block) for each block.

    This is ``transcript_body`` run with searches: ``blank_line`` decides
    ``line_mode``, ``line_break`` or ``block_break`` finds where each block
    ends, and ``participant_block`` is tried first at every block start.
    """
    lead = terminal("transcript_lead").match(text)
    pos = lead.end()
    end = len(text)
    blocks: list[tuple[str, int, str, bool]] = []
    participants = terminal("participant_block")
    starts = _participant_starts(text)
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


def _participant_starts(text: str) -> set[int]:
    """The line starts where ``participant_start`` finds a header or side label.

    One search per line at most: after a hit the search goes on at the next
    line, and the line start of a hit is found by scanning back only to where
    the search began, so every character is looked at a bounded number of
    times (a line of ``side:`` repeated costs one search, not one per colon).
    """
    starts: set[int] = set()
    rule = terminal("participant_start")
    pos = line_start = 0
    while (found := rule.search(text, pos)) is not None:
        newline = text.rfind("\n", pos, found.start())
        if newline >= 0:
            line_start = newline + 1
        starts.add(line_start)
        pos = line_start = text.find("\n", found.end()) + 1
        if not pos:
            break
    return starts


def parse_transcript(text: str) -> dict[str, Any]:
    """The derived attributes of a Transcript of ``text``."""
    lead, raw = split_blocks(text)
    blocks: list[Block] = []
    participants: list[Participant] = []
    header = True
    for block_text, start, after, is_list in raw:
        block = _block(block_text, start, after, is_list)
        if header and isinstance(block, Paragraph):
            header = not _running_text(block.text)
            people = address_people(block.text, start) if header else ()
            if people:
                block = ParticipantList(block_text, start, after, people)
        blocks.append(block)
    for index, block in enumerate(blocks):
        if isinstance(block, ParticipantList):
            participants.extend(block.participants)
        elif isinstance(block, Field) and block.label in PEOPLE_FIELDS:
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            participants.extend(field_people(block, following))
    digits = list(terminal("footnote_digits").finditer(text))
    if digits:
        _end_notes(blocks, digits)
    inlines = _inlines(text, blocks, digits)
    people = distinct(participants)
    return {
        "lead": lead,
        "blocks": tuple(blocks),
        "participants": people,
        "fields": tuple(b for b in blocks if isinstance(b, Field)),
        "turns": _turns(blocks, people),
        "inlines": inlines,
        "footnotes": _footnotes(blocks, inlines),
    }


def _block(text: str, start: int, after: str, is_list: bool) -> Block:
    if is_list:
        return ParticipantList(text, start, after, list_people(text, start))
    found = terminal("block_kind").match(text)
    kind = _which(found, _BLOCK_KINDS)
    if kind == "page_marker":
        return PageMarker(text, start, after)
    if kind == "mark":
        return Mark(text, start, after)
    if kind == "footnote":
        return FootnoteDefinition(text, start, after, found.group("number"))
    if kind == "field":
        return _field(text, start, after, found)
    if kind == "item":
        return Item(text, start, after, found.group("label"))
    if kind == "heading" and not _turn(text):
        return Heading(text, start, after)
    return Paragraph(text, start, after)


def _running_text(text: str) -> bool:
    """Whether a paragraph is running text, which ends a document's header block."""
    return len(" ".join(text.split())) > 100


def _which(found: Any, names: tuple[str, ...]) -> str | None:
    """The first of the named groups ``names`` that took part in the match."""
    if found is not None:
        for name in names:
            if found.group(name) is not None:
                return name
    return None


#: How many words of a paragraph may come before a turn's reporting verb at
#: most: an item number, the opening words, the speakers and the words
#: between them and the verb, all bounded in ``turn``.
_TURN_REACH = 40


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


def _may_be_turn(text: str) -> bool:
    """Whether ``turn`` can match ``text`` at all: a cheap test before the costly rule.

    A turn has a colon (script form), or a name in capitals with a period
    first ("MAO ZEDONG. ..."), or among its first words a reporting verb
    with, at most four words before it, a word that can end a speaker: a
    capitalised word, a bracket, an alias, a comma (an inserted "..., said
    Mao"), a pronoun, a person noun or a title.
    """
    head = text.split(None, _TURN_REACH)[:_TURN_REACH]
    if not head:
        return False
    if ":" in text[:400] or (head[0].rstrip(".").isupper() and "." in head[0] + "".join(head[1:5])):
        return True
    verbs, lower = _verb_words(), _lower_speaker_words()
    for index, word in enumerate(head):
        if index and word.strip(_EDGES) in verbs:
            for before in head[max(0, index - 4) : index]:
                if before[:1].isupper() or before[-1:] in "]),/" or before in lower:
                    return True
                if before[:1] in '[«"“' or before.strip(_EDGES) in lower:
                    return True
    return False


def _turn(text: str) -> tuple[str, str, str] | None:
    """(speaker, form, verb) if ``text`` opens with a speaker, else None."""
    if not _may_be_turn(text):
        return None
    found = terminal("turn").match(text)
    if found is None:
        return None
    if found.group("script") is not None:
        return found.group("speaker"), "script", ""
    return found.group("speaker"), "reported", found.group("verb")


def _field(text: str, start: int, after: str, found: Any) -> Field:
    label, value = found.group("label"), found.group("value")
    date = start_time = end_time = None
    if label in _TIME_FIELDS:
        rest = value
        dated = date_prefix(value) if label.startswith(("Date", "DATE")) else None
        if dated:
            date = Date(dated)
            rest = value[len(dated) :]
        if dated or label.endswith(("Time", "time", "TIME")):
            start_time, end_time = _times(rest)
    return Field(text, start, after, label, value, date, start_time, end_time)


def _times(text: str) -> tuple[datetime.time | None, datetime.time | None]:
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


def _inlines(text: str, blocks: list[Block], digits: list[Any]) -> tuple[Inline, ...]:
    """Brackets, footnote digits (``digits``) and page breaks in ``text``, each with its kind."""
    labels = {
        b.start + b.text.index("["): b
        for b in blocks
        if isinstance(b, FootnoteDefinition) and b.text.lstrip(" \t\f").startswith("[")
    }
    kind_rule = terminal("bracket_kind")
    found_marks: list[Inline] = []
    for mark in terminal("bracket").finditer(text):
        start, value = mark.start(), mark.group()
        kind: str | None = "footnote_label"
        if start not in labels:
            match = kind_rule.match(text, start)
            kind = _which(match, BRACKET_KINDS) if match and match.end() == mark.end() else None
        found_marks.append(Inline(kind or "other", value, start))
    for mark in digits:
        found_marks.append(Inline("footnote_ref", mark.group(), mark.start()))
    for rule in ("form_feed", "page_slashes"):
        for mark in terminal(rule).finditer(text):
            found_marks.append(Inline("page_break", mark.group(), mark.start()))
    found_marks.sort(key=lambda mark: mark.start)
    return tuple(found_marks)


def _end_notes(blocks: list[Block], digits: list[Any]) -> None:
    """Make the numbered items that end the text the definitions of its footnote digits.

    The PDF exports print a footnote as a bare digit glued to a word
    ("comprador1") and its note as an item at the end ("1. Intermediary
    between ..."): the trailing run of items numbered 1, 2, ... after the
    last reference.  Each item whose number is referenced becomes a
    FootnoteDefinition (in place, in ``blocks``).
    """
    run: list[int] = []
    for index in range(len(blocks) - 1, -1, -1):
        block = blocks[index]
        if not isinstance(block, Item) or not block.label[:-1].isdigit() or block.label[-1] != ".":
            break
        run.append(index)
    run.reverse()
    numbers = [blocks[i].label[:-1] for i in run]  # type: ignore[attr-defined]
    if not run or numbers != [str(n) for n in range(1, len(run) + 1)]:
        return
    if digits[-1].start() >= blocks[run[0]].start:
        return
    referenced = {mark.group() for mark in digits}
    for index, number in zip(run, numbers, strict=True):
        if number in referenced:
            block = blocks[index]
            blocks[index] = FootnoteDefinition(block.text, block.start, block.after, number)


def _turns(blocks: list[Block], people: tuple[Participant, ...]) -> tuple[Turn, ...]:
    turns: list[Turn] = []
    speakers = Speakers(people)
    for index, block in enumerate(blocks):
        if isinstance(block, (Paragraph, Item)):
            found = _turn(block.text)
            if found is not None:
                speaker, form, verb = found
                turns.append(Turn(speaker, form, verb, block.text, index, speakers.link(speaker)))
    return tuple(turns)


def _footnotes(blocks: list[Block], inlines: tuple[Inline, ...]) -> tuple[Footnote, ...]:
    """Footnote numbers in order of first appearance, with definitions and references."""
    definitions: dict[str, FootnoteDefinition] = {}
    for block in blocks:
        if isinstance(block, FootnoteDefinition):
            definitions.setdefault(block.number, block)
    references: dict[str, list[Inline]] = {}
    for mark in inlines:
        if mark.kind == "footnote_ref":
            references.setdefault(mark.content, []).append(mark)
    first: dict[str, int] = {}
    for number, block in definitions.items():
        first[number] = block.start
    for number, marks in references.items():
        first[number] = min(first.get(number, marks[0].start), marks[0].start)
    numbers = sorted(first, key=first.__getitem__)
    return tuple(Footnote(n, definitions.get(n), tuple(references.get(n, ()))) for n in numbers)
