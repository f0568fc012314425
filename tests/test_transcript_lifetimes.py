"""What the transcript's reading keeps alive and for how long, and its shortcuts that save memory.

The peak memory itself is measured by benchmarks/run.py; these tests check
that the shortcuts give the same answers as what they replace.
"""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from archivedoc._model import transcript as model
from archivedoc._readers import transcript as reader
from archivedoc._readers.rules import Rules
from archivedoc.model import Transcript

#: Spaces of every kind str.split knows, and characters it does not split on.
_PIECES = [" ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\xa0", "\u2028", "\u3000"]
_PIECES += ["\u200b", "a", "bc", "word", "  ", "\n\n   "]


def _running_text(text: str) -> bool:
    """The definition: the prefix's words joined by single spaces are longer than 100."""
    return len(" ".join(text[:400].split())) > 100


def test_the_space_pair_rule_knows_the_spaces_of_str_split() -> None:
    space = re.compile(reader._SPACE_PAIR.pattern[:2])
    assert space.pattern == r"\s"
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert (space.match(char) is not None) == (len(f"a{char}b".split()) == 2), hex(code)


@given(st.lists(st.sampled_from(_PIECES), max_size=300).map("".join))
@example("x" * 101)
@example("x" * 100)
@example(" " * 300 + "x" * 101)
@example("x" * 100 + "  " + "x")
@example("x" * 101 + "  " + "x")
@example("x " * 50 + " x")
@example("x " * 50 + "x")
@example("x" * 399 + "  " + "x" * 10)
@example("x" * 95 + " " * 10 + "x")
def test_running_text_is_its_definition(text: str) -> None:
    assert reader._running_text(text) == _running_text(text)


def test_equal_separators_are_one_string() -> None:
    """The blocks keep their separators: "\\n\\n" once, not once per block."""
    text = "Stalin: yes.\n\nPresent: Molotov, Soong\n\nSoong: no.\n\nKim: maybe.\n\nThe end."
    cut = reader.split_blocks(text)[1]
    assert [is_list for _, _, _, is_list in cut] == [False, True, False, False, False]
    separators = [after for _, _, after, _ in cut]
    assert separators == ["\n\n"] * 4 + [""]
    assert all(after is separators[0] for after in separators[:-1])
    blocks = Transcript(text).blocks
    assert [b.after for b in blocks] == separators
    assert all(b.after is blocks[0].after for b in blocks[:-1])


def test_the_model_drops_the_parts_of_each_block_it_makes(monkeypatch: pytest.MonkeyPatch) -> None:
    lists: list[list[reader.BlockParts]] = []

    def parse(text: str, rules: Rules | None = None) -> reader.TranscriptParts:
        parts = reader.parse_transcript(text, rules)
        lists.append(parts.blocks)
        return parts

    monkeypatch.setattr(model, "parse_transcript", parse)
    text = "Date: May 1, 1950\n\nStalin: yes.\n\n1. An item.\n\nSECRET\n\n[1] A note."
    blocks = Transcript(text).blocks
    assert [b.KIND for b in blocks] == ["field", "paragraph", "item", "mark", "footnote"]
    (made,) = lists
    assert len(made) == len(blocks)
    assert all(part is model._DROPPED for part in made)
