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
import functools
import re
from collections.abc import Callable
from typing import Any, NamedTuple

from archivedoc._grammar import lexicons
from archivedoc._grammar_regex import group_number
from archivedoc._readers.brackets import bracket_kinder
from archivedoc._readers.dates import date_prefix
from archivedoc._readers.people import (
    PEOPLE_FIELDS,
    PersonParts,
    Speakers,
    address_people,
    distinct,
    field_people,
    list_people,
)
from archivedoc._readers.rules import Rules, default_rules, which_group
from archivedoc._readers.turns import by_a_person, read_named, read_turn

__all__ = ["PersonParts"]  # re-exported: the model reads people as these

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
    """Everything a transcript's structure is made of, as plain data.

    ``blocks`` is a list, the reader's own (not a copy): the model drops each
    block's parts once it has made the block, so that the parts of all the
    blocks and all the blocks are not alive at once.
    """

    lead: str
    blocks: list[BlockParts]
    participants: tuple[PersonParts, ...]
    turns: tuple[TurnParts, ...]
    inlines: tuple[InlineParts, ...]
    footnotes: tuple[FootnoteParts, ...]


_BRACKETED = re.compile(r"\[[^\[\]]*\]")


def bracketed(text: str) -> list[str]:
    """The (innermost) bracketed parts of ``text``, brackets included, in order."""
    return _BRACKETED.findall(text) if "[" in text else []


def unbracketed(text: str) -> str:
    """``text`` without its (innermost) bracketed parts."""
    return _BRACKETED.sub("", text) if "[" in text else text


#: The named groups of ``bracket_kind``, in the order they are tried: the
#: inline kinds up to "other" (the rest are not told apart by the rule).
BRACKET_KINDS = INLINE_KINDS[: INLINE_KINDS.index("other")]

#: The named groups of ``block_kind``.
_BLOCK_KINDS = ("page_marker", "mark", "footnote", "field", "item", "heading")
_TIME_FIELDS = ("Date", "DATE", "Time", "TIME", "Date and Time", "Date and time", "DATE AND TIME")


def split_blocks(
    text: str, rules: Rules | None = None
) -> tuple[str, list[tuple[str, int, str, bool]]]:
    """The lead and (text, start, after, is_participant_block) for each block.

    This is ``transcript_body`` run with searches: ``blank_line`` decides
    ``line_mode``, ``line_break`` or ``block_break`` finds where each block
    ends, and ``participant_block`` is tried first at every block start.
    With the default grammar's cut, ``block_break_quick`` does the work of
    ``block_break`` (the same cut, checked by the tests).
    """
    rules = rules or default_rules()
    terminal = rules.terminal
    lead = terminal("transcript_lead").match(text)
    pos = lead.end()
    end = len(text)
    blocks: list[tuple[str, int, str, bool]] = []
    append = blocks.append
    # One string for each separator ("\n\n" mostly), not one per block: the
    # blocks keep them, a short string costs 50 bytes and more than its text.
    seps: dict[str, str] = {}
    same = seps.setdefault
    participants = terminal("participant_block")
    starts = _participant_starts(text, terminal)
    if terminal("blank_line").search(text, pos) is None:
        breaks, sep = terminal("line_break"), terminal("line_sep")
    else:
        breaks, sep = _block_break(rules), terminal("block_sep")
    while pos < end:
        found = participants.match(text, pos) if pos in starts else None
        if found is not None:
            after = sep.match(text, found.end())
            between = after.group()
            append((found.group(), pos, same(between, between), True))
            pos = after.end()
            continue
        # One scan to the next participant list or the end: finditer goes on
        # where each break ends, as a new search from there would.
        for cut in breaks.finditer(text, pos):
            cut_start, cut_end = cut.span()
            between = text[cut_start:cut_end]
            append((text[pos:cut_start], pos, same(between, between), False))
            pos = cut_end
            if pos in starts:
                break
        else:
            if pos < end:
                append((text[pos:], pos, "", False))
            break
    return lead.group(), blocks


def _block_break(rules: Rules) -> Any:
    """``block_break_quick`` where it is the default grammar's cut, else ``block_break``.

    The quick test in front of the opener is derived from the default
    pieces; a dialect that changes one of them (its pattern of
    ``block_break`` differs) has its own ``block_break`` applied.
    """
    terminal, default = rules.terminal, default_rules().terminal
    if rules is default_rules() or all(
        terminal(name).pattern == default(name).pattern
        for name in ("block_break", "block_break_quick")
    ):
        return default("block_break_quick")
    return terminal("block_break")


def _participant_starts(text: str, terminal: Any) -> set[int]:
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


def parse_transcript(text: str, rules: Rules | None = None) -> TranscriptParts:
    """The structure of a transcript's ``text``, as plain data."""
    rules = rules or default_rules()
    terminal = rules.terminal
    lead, raw = split_blocks(text, rules)
    blocks: list[BlockParts] = []
    listed: dict[int, tuple[PersonParts, ...]] = {}
    header = True
    kind_of = _kind_reader(rules)
    for block_text, start, after, is_list in raw:
        if is_list:
            listed[len(blocks)] = list_people(block_text, start, terminal)
            blocks.append(BlockParts("participants", block_text, start, after))
            continue
        block = kind_of(block_text, start, after, rules)
        if header and block.kind == "paragraph":
            header = not _running_text(block_text)
            addressed = address_people(block_text, start, terminal) if header else ()
            if addressed:
                listed[len(blocks)] = addressed
                block = BlockParts("participants", block_text, start, after)
        blocks.append(block)
    del raw  # its tuples, one per block, would stay alive to the end: a tenth of the peak
    mentioned = _mentions(blocks, listed, terminal)
    people, where = distinct(person for _, person in mentioned)
    owners: dict[int, dict[int, None]] = {}  # a block's people, once each, in order
    for (index, _), person in zip(mentioned, where, strict=True):
        if index >= 0:
            owners.setdefault(index, {})[person] = None
    for index, persons in owners.items():
        blocks[index] = blocks[index]._replace(people=tuple(persons))
    digits = list(terminal("footnote_digits").finditer(text))
    if digits:
        _end_notes(blocks, digits)
    inlines = _inlines(text, blocks, terminal, digits)
    return TranscriptParts(
        lead,
        blocks,
        tuple(people),
        _turns(blocks, people, rules),
        inlines,
        _footnotes(blocks, inlines),
    )


def _mentions(
    blocks: list[BlockParts], listed: dict[int, tuple[PersonParts, ...]], terminal: Any
) -> list[tuple[int, PersonParts]]:
    """Every person the blocks name, in order, with the index of the list block (or -1)."""
    mentioned: list[tuple[int, PersonParts]] = []
    for index, block in enumerate(blocks):
        if index in listed:
            mentioned.extend((index, person) for person in listed[index])
        elif block.kind == "field" and block.label in PEOPLE_FIELDS:
            value = block.value or ""
            offset = block.start + len(block.text) - len(value)
            following = blocks[index + 1].text if index + 1 < len(blocks) else None
            found = field_people(block.label or "", value, offset, following, terminal)
            mentioned.extend((-1, person) for person in found)
    return mentioned


_SPACE_PAIR = re.compile(r"\s\s")  # \s: str.split's spaces (a test checks every character)


def _running_text(text: str) -> bool:
    """Whether a paragraph is running text, which ends a document's header block.

    That is: its first 400 characters are longer than 100 with each run of
    spaces made one space and none at the ends (``" ".join(prefix.split())``).
    That length is the stripped prefix's unless a run of two spaces shrinks
    it, and at least the place of the first such run: a list of every word
    (the peak of a small document's load) is made only when it decides.
    """
    prefix = text[:400].strip()
    if len(prefix) <= 100:
        return False
    pair = _SPACE_PAIR.search(prefix)
    if pair is None or pair.start() > 100:
        return True
    return len(" ".join(prefix.split())) > 100


#: A block's parts from its text, start, separator after it and the grammar.
KindReader = Callable[[str, int, str, Rules], BlockParts]


def _kind_reader(rules: Rules) -> KindReader:
    """How each block gets its kind: ``block_kind`` whole, or kind by kind.

    With the default grammar's ``block_kind`` its kinds are tried one by one
    (``block_page_marker`` ... ``block_heading``, the same text), only those
    that a block's opening allows (see ``_candidates``); a dialect's own
    ``block_kind`` is matched whole.
    """
    if rules is default_rules() or (
        rules.terminal("block_kind").pattern == default_rules().terminal("block_kind").pattern
    ):
        return _kind_by_kind
    return _kind_whole


def _kind_whole(text: str, start: int, after: str, rules: Rules) -> BlockParts:
    """A block's parts by one match of ``block_kind``."""
    found = rules.terminal("block_kind").match(text)
    if found is None:
        return BlockParts("paragraph", text, start, after)
    return _block(which_group(found, _BLOCK_KINDS), found, text, start, after, rules)


def _kind_by_kind(text: str, start: int, after: str, rules: Rules) -> BlockParts:
    """A block's parts by the default grammar's kinds, tried only where they may match.

    The same parts as ``_kind_whole`` (a test checks it): the kinds are
    block_kind's alternatives in its order, after the same leading spaces,
    and a kind left out never matches the block (tests check each quick test).
    """
    opening = text.lstrip(" \t\f")  # block_kind's (?>[ \t\f]*)
    for kind in _candidates(opening[:2]):
        if kind == "page_marker":
            # a page marker is short: at most _PAGE_MARKER_REACH characters and spaces
            if len(opening) > _PAGE_MARKER_REACH and opening[_PAGE_MARKER_REACH] not in " \t\f":
                continue
        elif kind == "heading" and ("\n" in opening or "\r" in opening):
            continue  # a heading holds no line break
        found = _kind_rules()[kind].match(text)
        if found is not None:
            return _block(kind, found, text, start, after, rules)
    return BlockParts("paragraph", text, start, after)


#: The longest page marker (PAGE_MARKER): "(page 1234-1234)" and its kin, 17
#: characters (a test measures the piece).
_PAGE_MARKER_REACH = 17

#: The word lists a mark opens with a word of (MARK): "Top Secret", "Secret",
#: "Copy No. 2", "Eyes Only"; and "No." of its "No. 3 of 5 copies".
_MARK_LISTS = ("classification_degrees", "classifications", "copy_words", "handling_marks")

_SMALL_AFTER_LETTER_ITEM = frozenset(".)IVX")  # "d.", "d)", "A)", "II.", "IV."
_PAGE_OPENERS = frozenset("([-")  # "(p. 1)", "[Page 2]", "- 2 -"
_PAGE_WORDS = frozenset(("Pa", "PA", "p."))  # "Page 2", "PAGE 2", "p.2"


@functools.cache
def _kind_rules() -> dict[str, Any]:
    """The default grammar's rules of block_kind's kinds, by kind."""
    terminal = default_rules().terminal
    return {kind: terminal(f"block_{kind}") for kind in _BLOCK_KINDS}


@functools.cache
def _openings() -> tuple[frozenset[str], frozenset[str]]:
    """The first two characters of each word a mark, and a field, opens with."""
    found = lexicons()
    marks = ("No.", *(word for name in _MARK_LISTS for word in found[name]))
    return frozenset(w[:2] for w in marks), frozenset(w[:2] for w in found["field_labels"])


@functools.lru_cache(maxsize=4096)
def _candidates(two: str) -> tuple[str, ...]:
    """The kinds, in block_kind's order, that may match a block opening with ``two``.

    ``two`` is the block's first two characters after its leading spaces.
    A kind left out never matches such a block (a test checks it): a page
    marker opens with "(", "[", "-", "Page", "PAGE", "p." or a digit (or is
    nothing after a form feed); a mark and a field with one of their words;
    a footnote with "["; an item with "(", a digit or a letter before ".",
    ")" or a Roman numeral's letter; a heading with "No." or anything but
    a letter before a small letter (its capitals, its letters apart).
    """
    first, second = two[:1], two[1:]
    letter = first.isalpha()
    # a digit, to the regex (\d): an ASCII one or a character Python may not know as one
    digit = not letter and (first.isdigit() or not first.isascii())
    marks, fields = _openings()
    kinds = []
    if not first or first in _PAGE_OPENERS or two in _PAGE_WORDS or digit:
        kinds.append("page_marker")
    if two in marks or first in marks:
        kinds.append("mark")
    if first == "[":
        kinds.append("footnote")
    if two in fields or first in fields:
        kinds.append("field")
    if first == "(" or digit or (letter and second in _SMALL_AFTER_LETTER_ITEM):
        kinds.append("item")
    if first and not (letter and second.isalpha() and second.islower() and two != "No"):
        kinds.append("heading")
    return tuple(kinds)


def _block(
    kind: str | None, found: Any, text: str, start: int, after: str, rules: Rules
) -> BlockParts:
    """A block's parts, from the match ``found`` of its ``kind`` on its text."""
    if kind in ("page_marker", "mark"):
        return BlockParts(kind, text, start, after)
    if kind == "footnote":
        number = found.group(group_number(found.re, "number"))
        return BlockParts("footnote", text, start, after, number=number)
    if kind == "field":
        return _field(text, start, after, found, rules)
    if kind == "item":
        label = found.group(group_number(found.re, "label"))
        return BlockParts("item", text, start, after, label=label)
    if kind == "heading" and not read_turn(text, rules):
        return BlockParts("heading", text, start, after)
    return BlockParts("paragraph", text, start, after)


def _field(text: str, start: int, after: str, found: Any, rules: Rules) -> BlockParts:
    pattern = found.re
    label = found.group(group_number(pattern, "label"))
    value = found.group(group_number(pattern, "value"))
    date = start_time = end_time = None
    if label in _TIME_FIELDS:
        rest = value
        dated = date_prefix(value, rules) if label.startswith(("Date", "DATE")) else None
        if dated:
            date = dated
            rest = value[len(dated) :]
        if dated or label.endswith(("Time", "time", "TIME")):
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


def _inlines(
    text: str, blocks: list[BlockParts], terminal: Any, digits: list[Any]
) -> tuple[InlineParts, ...]:
    """Brackets, footnote digits (``digits``) and page breaks in ``text``, each with its kind."""
    labels = {
        b.start + b.text.index("["): b
        for b in blocks
        if b.kind == "footnote" and b.text.lstrip(" \t\f").startswith("[")
    }
    kind_of = bracket_kinder(terminal)
    found_marks: list[InlineParts] = []
    for mark in terminal("bracket").finditer(text):
        start, value = mark.start(), mark.group()
        kind: str | None = "footnote_label"
        if start not in labels:
            kind = kind_of(text, start, mark.end())
        found_marks.append(InlineParts(kind or "other", value, start))
    for mark in digits:
        found_marks.append(InlineParts("footnote_ref", mark.group(), mark.start()))
    for rule in ("form_feed", "page_slashes"):
        for mark in terminal(rule).finditer(text):
            found_marks.append(InlineParts("page_break", mark.group(), mark.start()))
    found_marks.sort(key=lambda mark: mark.start)
    return tuple(found_marks)


def _end_notes(blocks: list[BlockParts], digits: list[Any]) -> None:
    """Make the numbered items that end the text the definitions of its footnote digits.

    The PDF exports print a footnote as a bare digit glued to a word
    ("comprador1", or "comprador(1)") and its note as an item at the end
    ("1. Intermediary between ...", "(1) ..."): the trailing run of items
    numbered 1, 2, ... after the last reference.  Each item whose number is referenced becomes a
    footnote definition (in place, in ``blocks``).
    """
    run: list[int] = []
    numbers: list[str] = []
    for index in range(len(blocks) - 1, -1, -1):
        number = _note_number(blocks[index])
        if number is None:
            break
        run.append(index)
        numbers.append(number)
    run.reverse()
    numbers.reverse()
    if not run or numbers != [str(n) for n in range(1, len(run) + 1)]:
        return
    if digits[-1].start() >= blocks[run[0]].start:
        return
    referenced = {mark.group() for mark in digits}
    for index, number in zip(run, numbers, strict=True):
        if number in referenced:
            block = blocks[index]
            blocks[index] = BlockParts(
                "footnote", block.text, block.start, block.after, number=number
            )


def _note_number(block: BlockParts) -> str | None:
    """The number of an item that can be an end note: "1." or "(1)" gives "1"."""
    label = block.label or ""
    if block.kind != "item" or len(label) < 2:
        return None
    if label[-1] == "." and label[:-1].isdigit():
        return label[:-1]
    if label[0] == "(" and label[-1] == ")" and label[1:-1].isdigit():
        return label[1:-1]
    return None


def _turns(
    blocks: list[BlockParts], people: list[PersonParts], rules: Rules
) -> tuple[TurnParts, ...]:
    """The speaker turns among the paragraphs and items, each linked to its participant."""
    turns: list[TurnParts] = []
    link = Speakers(people).link
    for index, block in enumerate(blocks):
        kind = block.kind
        if kind == "paragraph" or kind == "item":
            text = block.text
            found = read_turn(text, rules)
            if found is None and people:  # "Stalin. We ...": a participant's name only
                found = read_named(text, rules, link)
            if found is not None and by_a_person(found, rules):
                speaker, form, verb = found
                turns.append(TurnParts(speaker, form, verb, text, index, link(speaker)))
    return tuple(turns)


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
