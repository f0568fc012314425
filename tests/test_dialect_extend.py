"""Dialects change the grammar by name, loudly: words, new rules, overrides."""

from __future__ import annotations

import pytest

import archivedoc
from archivedoc import DEFAULT, Dialect
from archivedoc._dialect import DialectError

AMBASSADRESS = DEFAULT.extend("kollontai", lexicons={"titles": ["Ambassadress"]})


def test_a_title_added_in_one_line_is_read_in_participants_and_turns() -> None:
    person = AMBASSADRESS.terminal("participant").match("Ambassadress Kollontai")
    assert (person.group("title"), person.group("name")) == ("Ambassadress ", "Kollontai")
    line = "Ambassadress Kollontai Marshal Stalin"
    assert AMBASSADRESS.terminal("participant_line").fullmatch(line)
    people = AMBASSADRESS.terminal("participant").finditer(line)
    assert [p.group("name") for p in people] == ["Kollontai", "Stalin"]
    block = AMBASSADRESS.terminal("participant_block").match(
        "Present:\n\nAmbassadress Kollontai\n\nText."
    )
    assert block is not None and block.group().endswith("Ambassadress Kollontai")
    turn = AMBASSADRESS.terminal("turn").match("Ambassadress Kollontai said that")
    assert turn is not None and turn.group("speaker") == "Ambassadress Kollontai"
    alone = AMBASSADRESS.terminal("turn").match("Ambassadress: We agree.")
    assert alone is not None and alone.group("speaker") == "Ambassadress"
    # the default is unchanged: there "Ambassadress" is a name, not a title
    person = DEFAULT.terminal("participant").match("Ambassadress Kollontai")
    assert (person.group("title"), person.group("name")) == ("", "Ambassadress Kollontai")
    assert DEFAULT.terminal("turn").match("Ambassadress: We agree.").group("speaker") == (
        "Ambassadress"
    )
    assert DEFAULT.terminal("participant_line").fullmatch(line)
    assert [p.group("name") for p in DEFAULT.terminal("participant").finditer(line)] == [
        "Ambassadress Kollontai",
        "Stalin",
    ]


KOLLONTAI_TEXT = (
    "\n\n## 1944 Conversation with Kollontai\n\n### Contents:\n\n- Transcript\n\n"
    "Present:\n\nAmbassadress Kollontai Marshal Stalin\n\n"
    "Ambassadress Kollontai said that the talks should begin.\n"
)


def test_a_document_in_the_dialect_reads_the_new_title_everywhere() -> None:
    doc = archivedoc.loads(KOLLONTAI_TEXT, dialect=AMBASSADRESS)
    assert archivedoc.dumps(doc) == KOLLONTAI_TEXT
    people = doc.transcript.participants
    assert [(p.title, p.name) for p in people] == [
        ("Ambassadress", "Kollontai"),
        ("Marshal", "Stalin"),
    ]
    (turn,) = doc.transcript.turns
    assert turn.speaker == "Ambassadress Kollontai"
    assert turn.participant is not None and turn.participant.name == "Kollontai"
    # in the default a line of names must open with a title: no participants
    assert archivedoc.loads(KOLLONTAI_TEXT).transcript.participants == ()


def test_words_add_up_along_a_chain_of_dialects() -> None:
    both = AMBASSADRESS.extend("both", lexicons={"titles": ["Burgrave"], "field_labels": ["Ort"]})
    assert dict(both.lexicons) == {"field_labels": ("Ort",), "titles": ("Ambassadress", "Burgrave")}
    for title in ("Ambassadress", "Burgrave", "Marshal"):
        assert both.terminal("participant").match(f"{title} X").group("title") == f"{title} "
    field = both.terminal("block_kind").match("Ort: Moskau")
    assert field.group("label") == "Ort" and field.group("value") == "Moskau"
    assert DEFAULT.terminal("block_kind").match("Ort: Moskau") is None


def test_an_override_of_a_transcript_rule_takes_effect() -> None:
    slashes = DEFAULT.extend("pb", overrides='page_slashes = ~r"//|<pb/>"\n')
    assert slashes.terminal("page_slashes").match("<pb/>")
    assert DEFAULT.terminal("page_slashes").match("<pb/>") is None


def test_an_override_of_a_piece_reaches_every_rule_that_uses_it() -> None:
    german = DEFAULT.extend(
        "uhr", overrides='TIME_MARK = ~r"[ap]\\.?[ ]?m\\.?|hours|hrs\\.?|h|Uhr"\n'
    )
    found = german.terminal("time_range").match("10 Uhr - 11 Uhr")
    assert (found.group("p1"), found.group("p2")) == ("Uhr", "Uhr")
    assert DEFAULT.terminal("time_range").match("10 Uhr").group("p1") is None
    # a piece is not a rule: it never reaches parsimonious
    assert "TIME_MARK" not in german.grammar_text  # spliced, never a rule of its own


def test_a_silent_override_is_refused() -> None:
    with pytest.raises(DialectError) as info:
        DEFAULT.extend("silent", rules='page_slashes = ~r"//|<pb/>"\n')
    message = str(info.value)
    assert "dialect 'silent'" in message and "rule 'page_slashes'" in message
    assert "already defined in transcript_marks.peg" in message and "override" in message
    with pytest.raises(DialectError, match=r"'TITLE' is already defined in transcript_people\.peg"):
        DEFAULT.extend("silent", rules='TITLE = ~r"Sir"\n')


def test_overriding_what_does_not_exist_is_refused() -> None:
    with pytest.raises(DialectError, match=r"rule 'trun' \(its overrides, line 2\): overrides"):
        DEFAULT.extend("typo", overrides='\ntrun = ~r"x"\n')


def test_adding_words_to_a_list_that_does_not_exist_is_refused() -> None:
    with pytest.raises(DialectError, match=r"no word list 'title' to add words to .*titles"):
        DEFAULT.extend("typo", lexicons={"title": ["Ambassadress"]})
    with pytest.raises(DialectError, match="is not a word"):
        DEFAULT.extend("typo", lexicons={"titles": [" Sir"]})
    with pytest.raises(TypeError, match="list of strings"):
        DEFAULT.extend("typo", lexicons={"titles": "Sir"})


def test_a_dialect_uses_and_adds_pieces() -> None:
    rules = (
        '# A record\'s PIN: four digits, "1234".\n'
        'PIN = ~r"[0-9]{4}"\n'
        '# A PIN and a name: "PIN-1234 Kim Il Sung".\n'
        'record_pin = ~r"""\n'
        '    PIN-(?P<pin>{PIN})  # "PIN-1234"\n'
        "    [ ](?P<who>{NAME})  # a name, as in participant lists\n"
        '"""\n'
    )
    pins = DEFAULT.extend("pins", rules=rules)
    found = pins.terminal("record_pin").match("PIN-1234 Kim Il Sung")
    assert (found.group("pin"), found.group("who")) == ("1234", "Kim Il Sung")
    assert "PIN =" not in pins.grammar_text and "record_pin =" in pins.grammar_text


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        ('kw = ~r"{NAEM}"\n', r"rule 'kw' \(its rules, line 1\): unknown piece \{NAEM\}"),
        ('kw = ~r"{@verbs}"\n', r"rule 'kw' \(its rules, line 1\): unknown word list"),
        ('kw = ~r"{KW}"\nKW = ~r"(?P<x>y)"\n', r"rule 'KW' \(its rules, line 2\): .*named group"),
        ('kw = ~r"{A}"\nA = ~r"{B}"\nB = ~r"{A}"\n', r"the pieces form a cycle"),
    ],
)
def test_piece_mistakes_name_the_dialect_the_rule_and_where(rules: str, message: str) -> None:
    with pytest.raises(DialectError, match=message) as info:
        DEFAULT.extend("broken", rules=rules)
    assert str(info.value).startswith("dialect 'broken': ")


def test_the_grammar_is_built_once_per_text() -> None:
    again = DEFAULT.extend("again", lexicons={"titles": ["Ambassadress"]})
    assert again.grammar is AMBASSADRESS.grammar
    assert again.grammar is not DEFAULT.grammar
    assert AMBASSADRESS.grammar_text != DEFAULT.grammar_text
    assert "mbassad(?:or|ress)" in AMBASSADRESS.grammar_text  # the tree, not a pasted word


def test_a_dialect_built_directly_takes_the_same_arguments() -> None:
    direct = Dialect(
        "direct",
        sections=DEFAULT.sections,
        order=DEFAULT.order,
        lexicons={"titles": ["Ambassadress"]},
        overrides='page_slashes = ~r"//|<pb/>"\n',
    )
    assert direct.terminal("participant").match("Ambassadress K").group("title")
    assert direct.terminal("page_slashes").match("<pb/>")


def test_an_institution_word_added_by_a_dialect_ends_a_reported_speaker() -> None:
    # the check on the turns found reads the dialect's institution_words,
    # not the default list: "the Collegium" is a body, no speaker, there
    text = (
        "\n\n## 1951 Minutes\n\n### Contents:\n\n- Transcript\n\n"
        "Orlov and the Collegium agreed that the plan was late.\n"
    )
    bodies = DEFAULT.extend("bodies", lexicons={"institution_words": ["Collegium"]})
    (turn,) = archivedoc.loads(text).transcript.turns
    assert turn.speaker == "Orlov and the Collegium"
    assert archivedoc.loads(text, dialect=bodies).transcript.turns == ()
