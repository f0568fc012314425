"""Per-rule tests of the grammar: each terminal and rule on its own."""

from __future__ import annotations

import pytest
from parsimonious.exceptions import ParseError as ParsimoniousError

import archivedoc
from archivedoc._grammar import default_grammar, rule_comments, terminal


def _matched(rule: str, text: str) -> str:
    """What ``rule`` matches at the start of ``text``."""
    return str(default_grammar()[rule].match(text).text)


@pytest.mark.parametrize(
    ("text", "match"),
    [("\n\n## T", "\n\n"), (" \t\r\n\n## T", " \t\r\n\n"), ("## T", ""), ("  x", "")],
)
def test_lead(text: str, match: str) -> None:
    assert _matched("lead", text) == match


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("June 30, 1945 Meeting", "June 30, 1945"),
        ("November 01, 1962 X", "November 01, 1962"),
        ("June 30th, 1945 X", "June 30th, 1945"),
        ("30 June 1945 X", "30 June 1945"),
        ("November 1967 X", "November 1967"),
        ("1958 X", "1958"),
        ("c. 1950 X", "c. 1950"),
        ("ca. 1950 X", "ca. 1950"),
        ("Summer 1961 X", "Summer 1961"),
        ("1960s X", "1960s"),
        ("1962-1963 X", "1962-1963"),
        ("June 1-3, 1945 X", "June 1-3, 1945"),
        ("n.d. X", "n.d."),
        ("1945", "1945"),
    ],
)
def test_date(text: str, match: str) -> None:
    assert _matched("date", text) == match


@pytest.mark.parametrize(
    "text", ["Cable, Mao", "1000 Tanks", "19450 x", "June 30, 1945Meeting", "Junes 1945"]
)
def test_date_refuses_non_dates(text: str) -> None:
    with pytest.raises(ParsimoniousError):
        default_grammar()["date"].match(text)


@pytest.mark.parametrize(
    ("line", "date", "title"),
    [
        ("## June 30, 1945 Meeting between A and B\n", "June 30, 1945 ", "Meeting between A and B"),
        ("## Cable, Mao Zedong to Stalin\n", "", "Cable, Mao Zedong to Stalin"),
        ("## November 1967\n", "November 1967", ""),
        ("## 1958  Two spaces   \n", "1958  ", "Two spaces"),
        ("##  Leading space\n", "", " Leading space"),
        ("## \n", "", ""),
    ],
)
def test_heading(line: str, date: str, title: str) -> None:
    node = default_grammar()["heading"].match(line)
    assert node.text == line
    assert node.children[1].text == date
    assert node.children[2].text == title


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("### Citation:\n", "Citation"),
        ("### Original Language:  \n", "Original Language"),
        ("### Associated People & Organizations:\n", "Associated People & Organizations"),
        ("### Note: A:\n", "Note: A"),
        ("### :\n", ""),
    ],
)
def test_section_header(line: str, label: str) -> None:
    assert terminal("section_header").match(line).group("label") == label


@pytest.mark.parametrize(
    "line", ["### Citation\n", "### Summary: text\n", "## Summary:\n", "###Summary:\n"]
)
def test_section_header_refuses(line: str) -> None:
    assert terminal("section_header").match(line) is None


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("One.\n\nTwo.\n\n### Next:", "One.\n\nTwo."),
        ("  indented  \n\n", "  indented  "),
        ("a\r\nb\r\n\r\n", "a\r\nb"),
        ("a\rb\n", "a\rb"),
        ("## no\n", ""),
        ("\n\nx", ""),
        ("#1 priority\n### X:", "#1 priority"),
    ],
)
def test_section_text(text: str, body: str) -> None:
    assert terminal("section_text").match(text).group() == body


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("- English Transcription\n\nText", "- English Transcription"),
        ("- A\n- B\nText", "- A\n- B"),
        ("- A\n\n- B", "- A"),
        ("-A\n", ""),
        ("Text\n- A", ""),
    ],
)
def test_contents_items(text: str, items: str) -> None:
    assert terminal("contents_items").match(text).group() == items


def test_contents_section_takes_the_rest_as_transcript() -> None:
    node = default_grammar()["contents_section"].match(
        "### Contents:\n\n- Scan\n\nText\n### Summary:\nmore\n"
    )
    assert node.children[-1].text == "Text\n### Summary:\nmore\n"


def test_every_rule_has_a_comment() -> None:
    comments = rule_comments()  # rules and pieces (tests/test_grammar_build.py checks both)
    assert set(default_grammar().keys()) <= set(comments)
    assert all(comments.values()), [name for name, text in comments.items() if not text]


def test_grammar_text_is_public_and_compiles() -> None:
    from parsimonious.grammar import Grammar

    assert "document" in Grammar(archivedoc.grammar_text())
