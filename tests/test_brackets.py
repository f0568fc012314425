"""The bracket kinds by their forms: the quick look at a bracket and ``bracket_kind``."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import archivedoc
from archivedoc import DEFAULT
from archivedoc._grammar import lexicons, terminal
from archivedoc._readers.brackets import (
    BRACKET_FORMS,
    _whole_kind,
    bracket_kinder,
    quick_kinder,
)
from archivedoc._readers.rules import default_rules
from conftest import DOCUMENTS, read_exact


def test_bracket_kind_is_its_forms_in_order() -> None:
    """``bracket_kind`` is the forms' rules, each in a group named by its kind, in order."""
    whole = "|".join(f"(?P<{kind}>{terminal(rule).pattern})" for rule, kind in BRACKET_FORMS)
    assert terminal("bracket_kind").pattern == whole


_KIND = bracket_kinder(default_rules().terminal)


def _by_whole(text: str, start: int, end: int) -> str | None:
    return _whole_kind(terminal("bracket_kind").match, text, start, end)


#: What the quick look gives a bracket it cannot tell (the whole rule decides).
_UNTOLD = "untold"


def _quick(text: str, start: int, end: int) -> tuple[str | None, list[int]]:
    """The quick look's kind of a bracket, and the forms it tried (indices, in order)."""
    tried: list[int] = []

    def recorded(index: int, rule: str) -> Callable[[str, int], object]:
        def match(text: str, pos: int) -> object:
            tried.append(index)
            return terminal(rule).match(text, pos)

        return match

    matches = tuple(recorded(i, rule) for i, (rule, _) in enumerate(BRACKET_FORMS))
    kind = quick_kinder(matches, lambda text, start, end: _UNTOLD)
    return kind(text, start, end), tried


def _check(text: str, start: int, end: int) -> None:
    """Each form ruled out never matches up to the bracket's end; the kind is the whole rule's.

    The forms ruled out are those the quick look did not try before the one
    that decided (the last it tried, if that matched; else every form).  (A
    form may match a bracket inside a bracket, "[1]" of "[1]]", which is of no
    kind: the match ends before the bracket does.)
    """
    kind, tried = _quick(text, start, end)
    if kind != _UNTOLD:
        assert tried == sorted(set(tried)), tried  # in bracket_kind's order, each once
        decided = len(BRACKET_FORMS)
        if tried and terminal(BRACKET_FORMS[tried[-1]][0]).match(text, start) is not None:
            decided = tried[-1]
        for index, (rule, _) in enumerate(BRACKET_FORMS[:decided]):
            found = terminal(rule).match(text, start)
            assert index in tried or found is None or "]" in text[start + 1 : end - 1], rule
        assert kind == _by_whole(text, start, end)
    assert _KIND(text, start, end) == _by_whole(text, start, end)


_WORDS = [
    "his", "to", "be", "The", "the", "Zedong", "Kai-shek", "T.V.", "N.T.", "GMD", "General",
    "Vice", "Chairman", "Member", "of", "Bank", "KB", "MPR", "napravlenie", "zhou", "about",
    "your", "sic", "SIC", "Sic,", "trans.", "note:", "Translator's", "ed.", "editor's", "-ed.",
    "—ed.", "- trans", "emphasis", "not", "included", "source:", "here", "follow", "rest",
    "omitted", "illegible", "STAMP", "signature", "hand-written", "crossed", "out", "Page",
    "page", "break", "PAGE", "BREAK", "323", "1", "12", "1234", "...", "…", ". . .", ".", ",",
    ";", ":", "?", "words?", "I", "We", "In", "для", "сна", "\u017fic", "\u212a", "İ", "é",
    "\u2019s", "'s", "remainder", "Abridged", "EXCERPT", "author's", "Publisher's", "notes",
    "translator", "editor", "Omitted", "Poles", "and", "Li", "Ming,",
    "Commander-in-", "Chief", "Comrade", "Dr.", "(b)", "VKP/b/", "\n", "\t", "\r\n", "  ", "\f",
    "[", "]", "x1", "_",
]  # fmt: skip
_EDGES = ["", " ", "  ", "\n", "\t", "\r\n", "a", "Z", "é", "Ж", ".", "-", "'", "\u2019", "1",
          "(", "/", ")", "[", "]"]  # fmt: skip
_CONTEXT = ["", "Mao", "the", "us.", "MPR", "VKP/b/", "KChZhD", "Dr.", "Chiang", "x", "NKVD(b)",
            "said", "Comrade", "3Mao", "o'Neil", "Jean-Luc", "É", "Ж", "a" * 45, "they", "We",
            "him", "he", "-they", "Ahe"]  # fmt: skip


@settings(deadline=None, max_examples=600)
@given(
    st.lists(st.sampled_from(_CONTEXT), max_size=3),
    st.sampled_from(_EDGES),
    st.lists(st.sampled_from(_WORDS), max_size=5),
    st.sampled_from(["", " ", ""]),
    st.sampled_from(_EDGES),
    st.lists(st.sampled_from(_CONTEXT), max_size=2),
)
@example(["Mao"], " ", ["Zedong"], "", " ", ["said"])
@example(["x"], " ", ["GMD", "General"], "", " ", ["Fu"])
@example(["MPR"], " ", ["Mongolian"], "", " ", [])
@example([], "", ["Chiang"], "", "\n", ["Soong"])
@example(["Comrade"], " ", ["Zedong"], "", "", [])
@example(["F"], "", ["oreign"], "", "", [])
@example([], "", ["one", "word", "missing"], "", "", [])
def test_each_form_ruled_out_by_the_quick_look_never_matches(
    before: list[str], edge: str, words: list[str], pad: str, after_edge: str, after: list[str]
) -> None:
    head = " ".join(before) + edge
    text = head + "[" + pad + " ".join(words) + "]" + after_edge + " ".join(after)
    _check(text, len(head), len(head) + 2 + len(pad) + len(" ".join(words)))


@settings(deadline=None, max_examples=300)
@given(
    st.text(alphabet="[] .?-aAzZ1é\nSsPpIiKk", max_size=12),
    st.text(alphabet=" aA/)\n.", max_size=4),
)
def test_the_quick_look_on_any_short_bracket(inner: str, before: str) -> None:
    text = before + "[" + inner + "]" + before
    _check(text, len(before), len(before) + len(inner) + 2)


def test_the_physical_words_in_any_case() -> None:
    for word in lexicons()["physical_marks"]:
        for text in (f"[{word}]", f"[two words {word.upper()} here]", f"x[{word.title()}]y"):
            start = text.index("[")
            _check(text, start, text.index("]") + 1)
            assert _KIND(text, start, text.index("]") + 1) == "physical"


def test_the_quick_look_leaves_what_it_cannot_tell_to_the_rule() -> None:
    assert _quick("[для сна]", 0, 9) == (_UNTOLD, [])
    assert _quick("(x)", 0, 3) == (_UNTOLD, [])
    assert _quick("[a [b] c]", 0, 9) == (None, [])
    assert _quick("x [his] y", 2, 7) == ("supplied", [len(BRACKET_FORMS) - 1])


def test_the_quick_look_stops_at_the_first_form_that_matches() -> None:
    forms = [rule for rule, _ in BRACKET_FORMS]
    assert _quick("x [1] y", 2, 5) == ("footnote_ref", [0])
    assert _quick("the [illegible] word", 4, 15) == ("physical", [forms.index("bracket_physical")])
    assert _quick("F[oreign]", 1, 9)[0] == "expansion"
    assert _quick("F[oreign]", 1, 9)[1][-1] == forms.index("bracket_expansion")


def test_the_quick_look_on_the_project_documents() -> None:
    rule = terminal("bracket")
    seen = 0
    for path in DOCUMENTS:
        doc = archivedoc.loads(read_exact(path))
        text = doc.transcript.text if doc.transcript else ""
        for mark in rule.finditer(text):
            _check(text, mark.start(), mark.end())
            seen += 1
    assert seen > 20


def test_an_override_of_bracket_kind_takes_effect() -> None:
    plain = DEFAULT.extend("plain", overrides='bracket_kind = ~r"(?P<supplied>\\[\\d+\\])"\n')
    head = "\n\n## 1944 Conversation\n\n### Contents:\n\n- Transcript\n\n"
    text = head + "Text [12] and [his] and Mao [Zedong].\n"
    mine = archivedoc.loads(text, dialect=plain).transcript
    assert [i.kind for i in archivedoc.loads(text).transcript.inlines] == [
        "footnote_ref", "supplied", "name",
    ]  # fmt: skip
    assert [i.kind for i in mine.inlines] == ["supplied", "other", "other"]


@pytest.mark.parametrize(
    "opening",
    [
        "Trans. note", "translator's note", "Ed. note", "editor's notes", "author's note",
        "publisher's note", "Note:", "notes -", "Emphasis added", "not included",
        "Source: TASS", "here follow", "The rest", "Remainder", "omitted", "Abridged",
        "Excerpt", "text - ed.", "as printed -trans",
    ],
)  # fmt: skip
def test_every_opening_of_a_note_is_left_open(opening: str) -> None:
    """Each of NOTE_BRACKET's openings, in any case, is a note for the quick look too."""
    for text in (f"[{opening}]", f"[{opening.upper()}]", f"[{opening.lower()} here]"):
        _check(text, 0, len(text))
    assert _KIND(f"[{opening}]", 0, len(opening) + 2) == "note"


_NOTE_SHAPES = [
    *(f"[{w}. note]" for w in lexicons()["note_editors"]),
    *(f"[{w}'s note: x]" for w in lexicons()["note_writers"]),
    *(f"[{w}. note]" for w in lexicons()["note_writers"]),  # no note: no dot after these
    *(f"[{w} in the original]" for w in lexicons()["note_openings"]),
    *(f"[x {w}]" for w in lexicons()["note_openings"]),  # no note: an opening, not inside
    *(f"[as printed -{w}{dot}]" for w in lexicons()["note_endings"] for dot in ("", ".")),
    *(f"[as printed -{w.upper()}]" for w in lexicons()["note_endings"]),  # no note: the case
    *(f"[-{w}]" for w in lexicons()["note_endings"]),
]


@pytest.mark.parametrize("shape", _NOTE_SHAPES)
def test_each_word_of_the_note_lists_in_the_quick_look(shape: str) -> None:
    """The quick look reads NOTE_BRACKET's lists: a word of theirs is left open in any case."""
    for text in (shape, shape.upper(), shape.lower(), shape.title(), f"x {shape} y"):
        start = text.index("[")
        _check(text, start, text.index("]") + 1)
