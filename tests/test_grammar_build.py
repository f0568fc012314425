"""The grammar sources: how they are built, and that they stay readable.

``fixtures/terminals.json`` holds the compiled pattern of every regex
terminal.  It was taken from the one-line grammar before the sources were
rewritten with pieces and word lists, so the equality test proves that the
rewrite compiles to the very same regexes (and so runs exactly as fast).  A
deliberate change of a terminal updates it, as the golden files are:
``ARCHIVEDOC_REGEN=1 pytest tests/test_grammar_build.py``, then review the diff.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st
from parsimonious.expressions import Regex

from archivedoc._grammar import (
    compile_grammar,
    default_grammar,
    grammar_files,
    lexicons,
    rule_comments,
)
from archivedoc._grammar_build import GrammarError, build, parse_lexicon, prefix_tree
from archivedoc.model import Transcript

TERMINALS = Path(__file__).parent / "fixtures" / "terminals.json"
GRAMMAR = Path(__file__).resolve().parent.parent / "src" / "archivedoc" / "grammar"
_PIECE = re.compile(r"[A-Z][A-Z0-9_]*\Z")


def _terminals() -> dict[str, dict[str, object]]:
    return {
        name: {"pattern": expr.re.pattern, "flags": expr.re.flags}
        for name, expr in sorted(default_grammar().items())
        if isinstance(expr, Regex)
    }


def test_every_terminal_compiles_to_the_recorded_pattern() -> None:
    now = _terminals()
    if os.environ.get("ARCHIVEDOC_REGEN"):
        TERMINALS.write_text(json.dumps(now, indent=1, ensure_ascii=False) + "\n", "utf-8")
    recorded = json.loads(TERMINALS.read_text(encoding="utf-8"))
    assert sorted(now) == sorted(recorded)
    changed = [name for name in recorded if now[name] != recorded[name]]
    assert not changed


def test_no_grammar_line_is_longer_than_120_characters() -> None:
    files = [*GRAMMAR.glob("*.peg"), *GRAMMAR.glob("lexicons/*.txt")]
    assert len(files) > 8
    long = [
        f"{path.name}:{number}"
        for path in files
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if len(line) > 120
    ]
    assert not long


def _names() -> set[str]:
    """Every rule and piece defined in the sources."""
    text = "\n".join(grammar_files().values())
    return set(re.findall(r"^([A-Za-z_]\w*)[ \t]*=", text, re.MULTILINE))


def test_every_rule_and_piece_has_a_comment_with_an_example() -> None:
    comments = rule_comments()
    names = _names()
    assert set(default_grammar().keys()) <= names
    assert set(comments) == names
    assert not [name for name in names if not comments[name]]
    # an example is written in quotes: "June 30, 1945", "[sic]", "Present:"
    assert not [name for name in names if '"' not in comments[name]]


def test_pieces_do_not_reach_parsimonious() -> None:
    names = _names()
    pieces = {name for name in names if _PIECE.match(name)}
    assert {"TITLE", "NAME", "LINE_END", "YEAR", "BLANK_LINES"} <= pieces
    assert not pieces & set(default_grammar().keys())


def test_each_word_list_is_written_once() -> None:
    text = "\n".join(grammar_files().values())
    sources = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    for name, words in lexicons().items():
        assert sources.count("{@" + name + "}") == 1, name
        assert prefix_tree(words)[3:-1] not in sources, name  # no pasted copy
        assert len(set(words)) == len(words), name
    lists = [frozenset(words) for words in lexicons().values()]
    assert len(set(lists)) == len(lists)


# -- every word of every list, in every terminal that uses it ------------------

#: The terminals that use each word list; each has its test below, word by word.
#: ``turn_script`` and ``turn_reported`` are ``turn``'s forms, the same text
#: (test_transcript checks it), so the tests of ``turn`` cover them too; the
#: ``bracket_*`` forms are ``bracket_kind``'s (test_brackets checks it).
_SCRIPT = {"turn", "turn_script"}
_REPORTED = {"turn", "turn_reported"}
_BOTH = _SCRIPT | _REPORTED
#: The terminals that hold MARK, and NOTE_BRACKET.
_MARK_USES = {"block_kind", "block_mark", "block_break", "block_break_quick", "run_block"}
_NOTE_USES = {"bracket_kind", "bracket_note"}
USES = {
    "titles": {
        "address_line",
        "bracket_kind",
        "bracket_name",
        "bracket_referent",
        "participant",
        "participant_block",
        "participant_line",
        "participant_role",
        "participant_role_only",
        "role_line",
        "turn_named",
        *_BOTH,
    },
    "reporting_verbs": _REPORTED,
    "reporting_verbs_third": _REPORTED,
    "not_speakers": _BOTH,
    "pronouns": {*_BOTH, "bracket_kind", "bracket_referent"},
    "object_pronouns": {"bracket_kind", "bracket_referent"},
    "first_person": _REPORTED,
    "person_nouns": _REPORTED,
    "connectives": _BOTH,
    "opening_words": _REPORTED,
    "common_labels": _SCRIPT,
    "field_labels": {"block_kind", "block_field", *_SCRIPT},
    "handling_marks": _MARK_USES,
    "classification_degrees": _MARK_USES,
    "classifications": _MARK_USES,
    "copy_words": _MARK_USES,
    "note_editors": _NOTE_USES,
    "note_writers": _NOTE_USES,
    "note_openings": _NOTE_USES,
    "note_endings": _NOTE_USES,
    "physical_marks": {"bracket_kind", "bracket_physical"},
    "common_words": {"bracket_kind", "bracket_original_term", "bracket_referent", "bracket_name"},
    "institution_words": {"not_a_person"},
    "countries": {"country_name"},
    "plural_titles": {"plural_title"},
}


def test_the_word_list_tests_cover_every_terminal_that_uses_a_list() -> None:
    patterns = {name: str(value["pattern"]) for name, value in _terminals().items()}
    found = {
        name: {rule for rule, pattern in patterns.items() if prefix_tree(words) in pattern}
        for name, words in lexicons().items()
    }
    assert found == USES


TITLES = lexicons()["titles"]


def _t(name: str) -> regex.Pattern[str]:
    expr = default_grammar()[name]
    assert isinstance(expr, Regex)
    return expr.re  # type: ignore[no-any-return]


@pytest.mark.parametrize("title", TITLES)
def test_each_title_in_participants_and_turns(title: str) -> None:
    line = f"{title} Example Person"
    assert _t("participant_line").fullmatch(line)
    found = _t("participant").match(line)
    assert found is not None and found.group("title").strip() == title
    assert found.group("name") == "Example Person"
    block = _t("participant_block").match(f"Present:\n\n{line}\n\nText.")
    assert block is not None and block.group() == f"Present:\n\n{line}"
    # a title ends the name before it: two people on one line
    assert _t("participant_line").fullmatch(f"Mr. Other {line}")
    two = list(_t("participant").finditer(f"Mr. Other {line}"))
    assert [m.group("name") for m in two] == ["Other", "Example Person"]
    turn = _t("turn").match(f"{line} said that")
    assert turn is not None and turn.group("speaker") == line
    # a role after a name, and a role alone on a line of a list
    assert _t("participant_role").fullmatch(f", {title} of the Board")
    assert _t("participant_line").fullmatch(f"Mr. Other, {title} of the Board; {line}")
    assert _t("participant_role_only").fullmatch(f"The {title}")
    alone = _t("turn").match(f"{title}: We agree.")
    if title in lexicons()["field_labels"]:  # "Interpreter: ..." is a field
        assert alone is None
    else:
        assert alone is not None and alone.group("speaker") == title


@pytest.mark.parametrize("verb", lexicons()["reporting_verbs"])
def test_each_reporting_verb_in_turns(verb: str) -> None:
    turn = _t("turn").match(f"Marshal Stalin {verb} that the treaty holds.")
    assert turn is not None
    assert (turn.group("speaker"), turn.group("verb")) == ("Marshal Stalin", verb)


@pytest.mark.parametrize("word", lexicons()["not_speakers"])
def test_each_word_that_is_not_a_speaker(word: str) -> None:
    assert _t("turn").match(f"{word} said that the treaty holds.") is None


@pytest.mark.parametrize("label", lexicons()["common_labels"])
def test_each_common_label_is_not_a_speaker(label: str) -> None:
    assert _t("turn").match(f"{label}: the treaty holds.") is None


@pytest.mark.parametrize("label", lexicons()["field_labels"])
def test_each_field_label(label: str) -> None:
    kind = _t("block_kind").match(f"{label}: June 30, 1945")
    assert kind is not None and kind.group("field")
    assert (kind.group("label"), kind.group("value")) == (label, "June 30, 1945")
    field = _t("block_field").match(f"{label}: June 30, 1945")
    assert field is not None and field.group("label") == label
    assert _t("turn").match(f"{label}: June 30, 1945") is None


@pytest.mark.parametrize("mark", lexicons()["handling_marks"])
def test_each_handling_mark(mark: str) -> None:
    kind = _t("block_kind").match(mark)
    assert kind is not None and kind.group("mark") == mark
    text = f"Stalin asked.\n{mark}\nSoong replied."
    run = _t("run_block").match(text)
    assert run is not None and run.group() == "Stalin asked."
    assert _t("block_mark").match(mark) is not None
    for rule in ("block_break", "block_break_quick"):
        cut = _t(rule).search(text)
        assert cut is not None and cut.start() == len("Stalin asked."), rule


def _is_a_mark(mark: str) -> None:
    """``mark`` alone on its block is a mark, and cuts the block before it."""
    kind = _t("block_kind").match(mark)
    assert kind is not None and kind.group("mark") == mark
    text = f"Stalin asked.\n{mark}\nSoong replied."
    run = _t("run_block").match(text)
    assert run is not None and run.group() == "Stalin asked."
    for rule in ("block_break", "block_break_quick"):
        cut = _t(rule).search(text)
        assert cut is not None and cut.start() == len("Stalin asked."), rule


@pytest.mark.parametrize("word", lexicons()["classifications"])
def test_each_classification_alone_and_after_each_degree(word: str) -> None:
    _is_a_mark(word)
    _is_a_mark(f"{word} and Personal")
    for degree in lexicons()["classification_degrees"]:
        _is_a_mark(f"{degree} {word}")
        assert _t("block_mark").match(f"{degree}{word}") is None  # the space is needed
    assert _t("block_mark").match(word.swapcase()) is None  # each spelling as written


@pytest.mark.parametrize("word", lexicons()["classification_degrees"])
def test_a_degree_alone_is_no_mark(word: str) -> None:
    assert _t("block_mark").match(word) is None


@pytest.mark.parametrize("word", lexicons()["copy_words"])
def test_each_copy_word(word: str) -> None:
    for mark in (f"{word} 2", f"{word} No. 2", f"{word} 19 of 50", f"{word} № 4"):
        _is_a_mark(mark)
    assert _t("block_mark").match(word) is None  # a number is needed


def _note(text: str) -> bool:
    kind = _t("bracket_kind").fullmatch(text)
    return kind is not None and kind.lastgroup == "note"


@pytest.mark.parametrize("word", lexicons()["note_editors"])
def test_each_note_editor(word: str) -> None:
    for writer in (word, word.upper(), word.title(), f"{word}'s", f"{word}\u2019s", f"{word}."):
        for text in (f"[{writer} note: x]", f"[{writer} notes]", f"[{writer}note]"):
            assert _note(text), text
    assert not _note(f"[{word} x]")  # "note" is needed


@pytest.mark.parametrize("word", lexicons()["note_writers"])
def test_each_note_writer(word: str) -> None:
    for writer in (word, word.upper(), word.title(), f"{word}'s", f"{word}\u2019s"):
        for text in (f"[{writer} note: x]", f"[{writer} notes]", f"[{writer}note]"):
            assert _note(text), text
    assert not _note(f"[{word}. note]")  # no dot: that is for note_editors ("Ed. note")
    assert not _note(f"[{word} x]")


@pytest.mark.parametrize("word", lexicons()["note_openings"])
def test_each_note_opening(word: str) -> None:
    for opening in (word, word.upper(), word.title()):
        assert _note(f"[{opening}]") and _note(f"[{opening} in the original]"), opening
    assert not _note(f"[x {word}]")  # an opening: not inside


@pytest.mark.parametrize("word", lexicons()["note_endings"])
def test_each_note_ending(word: str) -> None:
    for dash in ("-", "\u2014", "\u2013", "- ", "\u2014 "):
        assert _note(f"[as printed {dash}{word}]") and _note(f"[as printed {dash}{word}.]")
    assert not _note(f"[as printed -{word.upper()}]")  # in small letters only
    assert not _note(f"[as printed {word}]")  # after a dash


@pytest.mark.parametrize("word", lexicons()["physical_marks"])
def test_each_physical_mark(word: str) -> None:
    for text in (f"[{word}]", f"[two words {word.upper()} here]"):
        kind = _t("bracket_kind").match(text)
        assert kind is not None and kind.lastgroup == "physical", text


@pytest.mark.parametrize("word", lexicons()["common_words"])
def test_each_common_word_is_not_an_original_term(word: str) -> None:
    kind = _t("bracket_kind").fullmatch(f"[{word}]")
    assert kind is not None and kind.lastgroup != "original_term"


def test_the_list_is_what_keeps_a_common_word_from_original_terms() -> None:
    from parsimonious.grammar import Grammar

    lists = dict(lexicons())
    lists["common_words"] = tuple(w for w in lexicons()["common_words"] if w != "your")
    without = Grammar(build(grammar_files().items(), lists))["bracket_kind"].re
    assert without.fullmatch("[your]").lastgroup == "original_term"
    assert _t("bracket_kind").fullmatch("[your]").lastgroup == "supplied"


# -- building ---------------------------------------------------------------


def test_prefix_tree() -> None:
    assert prefix_tree(["Colonel", "Comrade"]) == "(?:Co(?:lonel|mrade))"
    assert prefix_tree(["Dr", "Dr.", "Deputy"]) == r"(?:D(?:eputy|r(?:\.)?))"
    assert prefix_tree(["Copy to", "Note-taker"]) == r"(?:Copy[ ]to|Note\-taker)"
    words = ["Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Messrs.", "Minister", "тов."]
    tree = regex.compile(prefix_tree(words))
    assert all(tree.fullmatch(word) for word in words)
    assert not any(tree.fullmatch(word) for word in ["M", "Mrs.."[:4] + "x", "Mi", "тов"])
    with pytest.raises(GrammarError):
        prefix_tree([])


def test_a_tree_for_ignore_case_keeps_case_variants_longest_first() -> None:
    # "A" and "a?" start with one letter in two cases: in the exact tree they
    # are two branches, and ignoring case the first, "A", would win on "a?".
    assert prefix_tree(["A", "a?", "b"]) == r"(?:A|a\?|b)"
    tree = prefix_tree(["A", "a?", "b"], ignore_case=True)
    assert tree == r"(?:a\?|A|b)"
    assert regex.match(tree, "a?", regex.IGNORECASE).group() == "a?"
    assert regex.match(tree, "A?").group() == "A"
    assert prefix_tree(["Dr", "Dr."], ignore_case=True) == prefix_tree(["Dr", "Dr."])


@pytest.mark.parametrize(
    ("terminal", "ignored"),
    [
        ('~r"{@w}"', False),
        ('~r"{@w}"i', True),
        ('~r"(?i){@w}"', True),
        ('~r"x(?i:y{@w})"', True),
        ('~r"(?i:x)[(?i:]{@w}"', False),  # a set is no group
        ('~r"\\(?i:{@w}"', False),  # an escaped parenthesis is no group
        ('~r"(?i:(?:(?=a)(?-i:{@w})))"', False),
        ('~r"(?i:{W})"', True),  # a piece takes the case of where it is spliced
        ('~r"{W}"', False),
        ('~r"(?-i:{@w})"i', False),
        ('~r"(?x:{@w}(?i:z))"i', True),
    ],
)
def test_a_list_gets_the_tree_for_the_case_of_its_place(terminal: str, ignored: bool) -> None:
    words = {"w": ["A", "a?"]}
    text = _build(f'a = {terminal}\n\nW = ~r"(?:{{@w}})"\n', words)
    assert (prefix_tree(words["w"], ignore_case=True) in text) is ignored
    assert (prefix_tree(words["w"]) in text) is not ignored


# Words over a few letters (so that one word often begins another) and the
# characters the tree escapes; texts made of such words and characters.
_CHARS = st.sampled_from('aaabbbA.- [\\|?(т"')
_WORDS = st.lists(st.text(_CHARS, min_size=1, max_size=4), min_size=1, max_size=12)
# What may follow the list in a rule: nothing, a word end (forces backtracking
# into shorter words), a literal.
_TAILS = st.sampled_from(["", r"(?![a-z\-])", r"\.", "a", r"(?!\Z)"])


@given(_WORDS, st.data(), _TAILS, st.booleans())
def test_prefix_tree_matches_as_the_flat_alternation_longest_first(
    words: list[str], data: st.DataObject, tail: str, ignore_case: bool
) -> None:
    # a flat alternation, longest word first, is what a word list means; the
    # tree must match the same at every position, backtracking included.  A
    # tree made for ignore-case must also match right where case counts.
    pieces = st.one_of(st.sampled_from(words), st.text(_CHARS, max_size=2))
    text = "".join(data.draw(st.lists(pieces, max_size=6)))
    flat = "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))
    flags = regex.IGNORECASE if ignore_case else 0
    made_for_ignore_case = ignore_case or data.draw(st.booleans())
    tree = regex.compile(prefix_tree(words, ignore_case=made_for_ignore_case) + tail, flags)
    plain = regex.compile(f"(?:{flat}){tail}", flags)
    for pos in range(len(text) + 1):
        got, want = tree.match(text, pos), plain.match(text, pos)
        assert (got and got.span()) == (want and want.span()), (pos, text)


def test_parse_lexicon_skips_comments_and_blanks() -> None:
    assert parse_lexicon("# a list\n\nDr.\n  Mr. \n#x\nCopy to\n") == ("Dr.", "Mr.", "Copy to")


def _build(text: str, lists: dict[str, list[str]] | None = None) -> str:
    return build([("test.peg", text)], lists or {})


def test_pieces_lists_and_lines_are_spliced() -> None:
    text = _build(
        'greeting = ~r"""\n'
        '    {TITLE}[ ]      # a title: "Dr. "\n'
        "    \\#[#]          # a hash, escaped or in a set\n"
        "    [ ]{NAME}\n"
        '"""i\n'
        '\n# A title.\nTITLE = ~r"(?:{@titles})"\n'
        'NAME = ~r"\\p{Lu}\\p{L}+"\n'
        'other = greeting "x"\n',
        {"titles": ["Dr.", "Mr."]},
    )
    assert text == (
        'greeting = ~r"(?:(?:Dr\\.|Mr\\.))[ ]\\#[#][ ]\\p{Lu}\\p{L}+"i\nother = greeting "x"\n'
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('a = ~r"{NOPE}"\n', r"rule 'a' \(test.peg, line 1\): unknown piece \{NOPE\}"),
        ('a = ~r"{@nope}"\n', r"rule 'a' \(test.peg, line 1\): unknown word list \{@nope\}"),
        (
            'a = ~r"{B}"\n\nB = ~r"x{C}"\nC = ~r"{B}"\n',
            r"rule '[BC]' \(test.peg, line [34]\): the pieces form a cycle: [BC] -> [BC] -> [BC]",
        ),
        ('a = ~r"{B}"\nB = ~r"(?P<x>y)"\n', r"rule 'B' \(test.peg, line 2\): .*named group"),
        ('a = ~r"x"\nB = "x"\n', r"rule 'B' .*must be one regex"),
        ('a = ~r"x"\na = ~r"y"\n', r"rule 'a' \(test.peg, line 2\): 'a' is already defined"),
        ('a = ~r"x[ab"\n', None),
        ('a = ~r"""\n  [ab  # no end\n"""\n', r"rule 'a' .*not closed"),
        ('a = ~r"""\n  "x"\n"""\n', r"rule 'a' .*quote"),
    ],
)
def test_build_mistakes_name_the_rule_and_file(text: str, message: str | None) -> None:
    if message is None:  # a broken regex is parsimonious's and the dialect's to report
        _build(text)
        return
    with pytest.raises(GrammarError, match=message):
        _build(text)


def test_overrides_replace_by_name_only() -> None:
    base = [("base.peg", 'a = b\nb = ~r"x"\nB = ~r"y"\n')]
    assert build(base, {}, overrides=[("mine", 'b = ~r"{B}z"\n')]) == 'a = b\nb = ~r"yz"\n'
    assert build(base, {}, overrides=[("mine", 'B = ~r"q"\n')]) == 'a = b\nb = ~r"x"\n'
    with pytest.raises(GrammarError, match=r"rule 'c' \(mine, line 1\): overrides 'c', which no"):
        build(base, {}, overrides=[("mine", 'c = ~r"x"\n')])
    with pytest.raises(GrammarError, match=r"already defined in base\.peg"):
        build([*base, ("mine", 'b = ~r"x"\n')], {})


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ('turn = ~r"(?P<speaker>x"\n', r"rule 'turn' \(mine\.peg, line 2\): the grammar does not"),
        ("turn = a /\n", r"rule 'turn' \(mine\.peg, line 2\): the grammar does not compile"),
    ],
)
def test_a_broken_grammar_file_names_the_rule_and_file(bad: str, message: str) -> None:
    files = {**grammar_files(), "mine.peg": "# A rule.\n" + bad}
    files["transcript_people.peg"] = grammar_files()["transcript_people.peg"].replace(
        "turn            = ~r", "old_turn        = ~r"
    )
    with pytest.raises(GrammarError, match=message):
        compile_grammar(files, lexicons())


@pytest.mark.parametrize("title", TITLES)
def test_each_title_in_address_lines_and_descriptors(title: str) -> None:
    found = _t("address_line").match(f"To {title} Example Person")
    assert found is not None and found.group("person") == f"{title} Example Person"
    assert _t("role_line").fullmatch(f"{title} for Foreign Affairs")
    if "[" not in title and "." not in title:  # initials make a name: "[Soviet translator N.T.]"
        kind = _t("bracket_kind").match(f"[Party {title}] Example")
        assert kind is not None and kind.lastgroup != "name"


@pytest.mark.parametrize("verb", lexicons()["reporting_verbs_third"])
def test_each_third_person_verb_reports_only_in_the_third_person(verb: str) -> None:
    turn = _t("turn").match(f"Marshal Stalin {verb} that the treaty holds.")
    assert turn is not None and turn.group("verb") == verb
    assert _t("turn").match(f"I {verb} that the treaty holds.") is None


@pytest.mark.parametrize("pronoun", lexicons()["pronouns"])
def test_each_pronoun_is_a_speaker(pronoun: str) -> None:
    turn = _t("turn").match(f"{pronoun} asked whether the treaty holds.")
    assert turn is not None and turn.group("speaker") == pronoun


@pytest.mark.parametrize("pronoun", lexicons()["first_person"])
def test_each_first_person_pronoun_reports_only_in_the_past(pronoun: str) -> None:
    assert _t("turn").match(f"{pronoun} asked whether it holds.") is not None
    assert _t("turn").match(f"{pronoun} propose that it holds.") is None


@pytest.mark.parametrize("noun", lexicons()["person_nouns"])
def test_each_person_noun_is_a_speaker(noun: str) -> None:
    turn = _t("turn").match(f"The {noun} asked whether the treaty holds.")
    assert turn is not None and turn.group("speaker") == f"The {noun}"


@pytest.mark.parametrize("word", lexicons()["connectives"])
def test_each_connective_opens_a_turn(word: str) -> None:
    for text in (f"{word} Stalin asked about it.", f"{word}, Stalin asked about it."):
        turn = _t("turn").match(text)
        assert turn is not None and turn.group("speaker") == "Stalin", text


@pytest.mark.parametrize("word", lexicons()["opening_words"])
def test_each_opening_word_opens_a_phrase_before_the_speaker(word: str) -> None:
    turn = _t("turn").match(f"{word} the long talks Stalin asked about it.")
    assert turn is not None and turn.group("speaker") == "Stalin"


@pytest.mark.parametrize("word", lexicons()["institution_words"])
def test_each_institution_word_makes_no_person(word: str) -> None:
    assert _t("not_a_person").search(f"Example {word}")
    assert not _t("not_a_person").search(f"Example {word}xy")  # a longer word is not it
    # nor a reported speaker: "The Foreign Ministry informed" is no turn
    assert not Transcript(f"The Example {word} said that it was late.").turns
    assert Transcript(f"Example {word}xy said that it was late.").turns


@pytest.mark.parametrize("word", lexicons()["countries"])
def test_each_country_is_no_untitled_person(word: str) -> None:
    assert _t("country_name").fullmatch(word)
    assert _t("participant_line").fullmatch(f"{word}, Mr. {word}")
    assert not _t("country_name").fullmatch(f"{word}x")  # a longer word is not it


@pytest.mark.parametrize("title", lexicons()["plural_titles"])
def test_each_plural_title(title: str) -> None:
    assert _t("plural_title").fullmatch(title)
