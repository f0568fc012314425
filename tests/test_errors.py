"""Bad input: a ParseError with the exact line, column and what was expected."""

from __future__ import annotations

import pickle

import pytest

import archivedoc
from archivedoc import ParseError


@pytest.mark.parametrize(
    ("text", "line", "column", "expected"),
    [
        ("", 1, 1, "empty document"),
        ("\n\n  \n", 4, 1, "empty document"),
        ("<!DOCTYPE html>\n<html><body>Digital Archive</body></html>", 1, 1, "expected a heading"),
        ("\x00\x01\x02binary\xff junk", 1, 1, "expected a heading"),
        ("\n\n## Title\n\nA stray paragraph.\n", 5, 1, "expected a heading"),
        ("\n\n## Title\n\n### Citati", 5, 1, "section header '### <Label>:' (the label ends"),
        ("## Title\n\n### Summary:\n\ntext\n\n## Second heading\n", 7, 1, "one '## ' heading"),
        ("## Title\n\n### Summary: inline text\n", 3, 1, "section header"),
        ("## Title\n\n### Summary:\n\nok\n\n### Credits\n\ntext", 7, 1, "label ends with a colon"),
        ("## Title\rwith a lone CR\n", 1, 9, "end of the line"),
    ],
)
def test_error_position_and_message(text: str, line: int, column: int, expected: str) -> None:
    with pytest.raises(ParseError) as info:
        archivedoc.loads(text)
    error = info.value
    assert (error.lineno, error.colno) == (line, column)
    assert expected in error.msg
    assert error.doc == text
    assert isinstance(error, ValueError) and isinstance(error, archivedoc.ArchivedocError)


def test_message_shows_the_line_with_a_caret() -> None:
    with pytest.raises(ParseError) as info:
        archivedoc.loads("## Title\n\n### Summary:\n\nok\n\n\t### Bad\n### Worse")
    lines = str(info.value).splitlines()
    assert lines[0].endswith("(line 8, column 1)")
    assert lines[1] == "    ### Worse"
    assert lines[2] == "    ^"


def test_caret_follows_tabs_and_long_lines() -> None:
    text = "## T\n\n### Summary:\n\n" + "x" * 500 + "\n\n## again " + "y" * 300
    with pytest.raises(ParseError) as info:
        archivedoc.loads(text)
    shown, caret = str(info.value).splitlines()[1:3]
    assert len(shown) < 100 and caret.strip() == "^"
    assert shown[caret.index("^")] == "#"


def test_lone_surrogates_are_refused() -> None:
    with pytest.raises(ParseError, match="surrogate") as info:
        archivedoc.loads("## Title \ud800")
    assert info.value.colno == 10


def test_deep_input_does_not_overflow_the_stack() -> None:
    text = "## T\n\n" + "### S:\n\nx\n\n" * 5000
    doc = archivedoc.loads(text)
    assert len(doc.sections) == 5000 and archivedoc.dumps(doc) == text


def test_parse_errors_pickle() -> None:
    with pytest.raises(ParseError) as info:
        archivedoc.loads("nope")
    copy = pickle.loads(pickle.dumps(info.value))
    assert (copy.lineno, copy.colno, str(copy)) == (1, 1, str(info.value))


def test_a_document_cut_in_half_is_refused_or_kept_whole(seed_text: str) -> None:
    """The bottom half has no heading; the top half is a shorter valid document."""
    middle = len(seed_text) // 2
    with pytest.raises(ParseError, match="expected a heading") as info:
        archivedoc.loads(seed_text[middle:])
    assert (info.value.lineno, info.value.colno) == (1, 1)
    top = archivedoc.loads(seed_text[:middle])
    assert archivedoc.dumps(top) == seed_text[:middle]
    assert archivedoc.loads(seed_text).transcript.text.startswith(top.transcript.text)
