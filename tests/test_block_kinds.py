"""The quick ways of cutting blocks and giving them kinds agree with the grammar's rules.

``block_kind`` is tried kind by kind (``block_page_marker`` ... ``block_heading``)
and only for the kinds a block's opening allows; ``block_break_quick`` passes
over lines that open with a small letter.  Each quick test is checked here: a
kind ruled out never matches, and the quick reading gives what the whole rule
gives, on block shapes made up here and on the project's documents.
"""

from __future__ import annotations

import importlib
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import archivedoc
from archivedoc import DEFAULT
from archivedoc._grammar import lexicons, terminal
from archivedoc._grammar_build import prefix_tree
from archivedoc._readers import transcript as reader
from archivedoc._readers.rules import default_rules
from conftest import DOCUMENTS, SEED, read_exact

_KINDS = ("page_marker", "mark", "footnote", "field", "item", "heading")
_SPACES = r"(?>[ \t\f]*)"


def test_block_kind_is_its_six_kinds_in_order() -> None:
    forms = [terminal(f"block_{kind}").pattern for kind in _KINDS]
    assert all(form.startswith(_SPACES) for form in forms)
    whole = _SPACES + "(?:" + "|".join(form[len(_SPACES) :] for form in forms) + ")"
    assert terminal("block_kind").pattern == whole
    assert reader._BLOCK_KINDS == _KINDS


def test_a_page_marker_is_at_most_the_reach_long() -> None:
    """The longest match of PAGE_MARKER, measured on the piece as built."""
    pattern = terminal("block_page_marker").pattern
    head = r"(?P<page_marker>(?:"
    piece = pattern[pattern.index(head) + len(head) : pattern.index(r"|(?<=\f))")]
    # re._parser from Python 3.11, sre_parse before it
    parser = getattr(re, "_parser", None) or importlib.import_module("sre_parse")
    parsed = parser.parse(piece.replace(r"\d", "[0-9]"))
    assert parsed.getwidth()[1] == reader._PAGE_MARKER_REACH


def test_the_mark_words_are_the_openings_of_mark() -> None:
    """MARK takes its first words from _MARK_LISTS, and each opens a mark the quick look allows."""
    pattern = terminal("block_mark").pattern
    used = {name for name, words in lexicons().items() if prefix_tree(words) in pattern}
    assert used == set(reader._MARK_LISTS)
    found = lexicons()
    shapes = [
        *found["classifications"],
        *(f"{d} {c}" for d in found["classification_degrees"] for c in found["classifications"]),
        *(f"{word} 2" for word in found["copy_words"]),
        *found["handling_marks"],
        "Copy No. 2", "COPY 3 of 5", "No. 3 of 5 copies", "Confidential", "Top Secret",
    ]  # fmt: skip
    for shape in shapes:
        assert terminal("block_mark").match(shape) is not None, shape
        assert "mark" in reader._candidates(shape[:2]), shape


_PIECES = [
    "(p. 1)", "(pp. 3-4)", "(Page 12)", "[Page 323]", "[page break]", "[PAGE BREAK]", "- 2 -",
    "-2-", "Page 2", "PAGE 3", "p.2", "12", "7", "\f", "Secret", "Top Secret", "No. 3 of 5 copies",
    "Copy No. 2", "COPY 19 of 50", "Copy № 4", ", ", "; ", ".", "!", "[1] ", "[12]", "Date", "Time",
    "Place", "Subject", "Date and Time", ": ", ":", "1. ", "1) ", "(1) ", "(iv) ", "(a) ", "d) ",
    "d. ", "A) ", "II. ", "IV. ", "XII. ", "1\uff0e", "No. I. ", "No.2 ", "RECORD OF CONVERSATION",
    "M e m o", "M E M O", "Stalin", "asked", "the", "Mao", "KIM", "x", "é", "É", "\u00aa", "\u24d0",
    "\u0416", "\u0436", "\u4e2d", "\u0663", " ", "  ", "\t", "\n", "\r\n", "\r", "\u00a0", "-", "(",
    "[", ")", "]",
]  # fmt: skip
_WORDS = [
    "No.",
    *lexicons()["field_labels"],
    *(w for n in reader._MARK_LISTS for w in lexicons()[n]),
]
_SHAPES = st.lists(st.sampled_from(_PIECES + _WORDS), max_size=12).map("".join)
_LEADS = st.sampled_from(["", " ", "\t", "\f", " \f ", "\f\f"])


def _whole_kind(text: str) -> str | None:
    found = terminal("block_kind").match(text)
    return None if found is None else next(k for k in _KINDS if found.group(k) is not None)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_LEADS, _SHAPES)
@example("", "(page 1234-1234)")
@example("\f", "")
@example("", "12" + " " * 30)
@example("", "A\u24d0B")
@example("", "No. I. Meeting")
@example("", "d. letter")
@example("", "- THE TREATY")
def test_each_kind_ruled_out_never_matches(lead: str, shape: str) -> None:
    text = lead + shape
    opening = text.lstrip(" \t\f")
    possible = reader._candidates(opening[:2])
    for kind in _KINDS:
        if kind not in possible:
            assert terminal(f"block_{kind}").match(text) is None, kind
    long = len(opening) > reader._PAGE_MARKER_REACH
    if long and opening[reader._PAGE_MARKER_REACH] not in " \t\f":
        assert terminal("block_page_marker").match(text) is None
    if "\n" in opening or "\r" in opening:
        assert terminal("block_heading").match(text) is None
    rules = default_rules()
    assert reader._kind_by_kind(text, 3, "\n\n", rules) == reader._kind_whole(
        text, 3, "\n\n", rules
    )


@pytest.mark.parametrize("word", _WORDS)
def test_each_word_of_a_mark_or_field_keeps_its_kind(word: str) -> None:
    rules = default_rules()
    for text in (word, f"{word}: June 30, 1945", f"  {word}, Urgent."):
        assert reader._kind_by_kind(text, 0, "", rules) == reader._kind_whole(text, 0, "", rules)


@pytest.mark.parametrize("path", [SEED, *DOCUMENTS], ids=lambda p: p.stem)
def test_kind_by_kind_agrees_with_block_kind_on_documents(path: object) -> None:
    text = archivedoc.loads(read_exact(path)).transcript.text  # type: ignore[arg-type]
    rules = default_rules()
    for block, start, after, is_list in reader.split_blocks(text)[1]:
        if not is_list:
            quick = reader._kind_by_kind(block, start, after, rules)
            assert quick == reader._kind_whole(block, start, after, rules)


# -- block_break_quick ----------------------------------------------------------------

_LINES = st.lists(
    st.sampled_from([*_PIECES, *_WORDS, "Stalin: ", "Pak Geum-cheol [Pak Kum-chol]: ", "the x"]),
    max_size=6,
).map("".join)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINES, min_size=1, max_size=6), st.sampled_from(["\n", "\r\n", "\n\n"]))
@example(["Stalin asked", "d) letter", "p.2"], "\n")
def test_block_break_quick_cuts_as_block_break(lines: list[str], end: str) -> None:
    text = end.join(lines)
    quick, plain = terminal("block_break_quick"), terminal("block_break")
    assert [m.span() for m in quick.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize("word", lexicons()["handling_marks"])
def test_every_handling_mark_passes_the_opener_start(word: str) -> None:
    start = terminal("block_break_quick").pattern.split("(?=[ \\t\\f]*", 1)[1]
    assert re.match(r"\(\?:\[", start)  # OPENER_START comes first
    assert terminal("block_break_quick").search(f"x\n{word}\ny") is not None


def test_a_dialect_with_its_own_pieces_has_them_applied() -> None:
    """A handling mark in small letters: the quick tests of the default do not apply."""
    dialect = DEFAULT.extend("small", lexicons={"handling_marks": ["eyes only"]})
    rules = dialect.grammar
    assert reader._block_break(rules) is rules.terminal("block_break")
    assert reader._kind_reader(rules) is reader._kind_whole
    text = "Stalin asked\neyes only\n\nSoong replied."
    blocks = reader.parse_transcript(text, rules).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "Stalin asked"),
        ("mark", "eyes only"),
        ("paragraph", "Soong replied."),
    ]
    default = reader.parse_transcript(text).blocks
    assert [b.kind for b in default] == ["paragraph", "paragraph"]


def test_the_default_uses_the_quick_rules() -> None:
    rules = default_rules()
    assert reader._block_break(rules) is terminal("block_break_quick")
    assert reader._kind_reader(rules) is reader._kind_by_kind
