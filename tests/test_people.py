"""Speakers linked to participants across spellings; one participant per person."""

from __future__ import annotations

import pytest

from archivedoc._readers.people import PersonParts, Speakers, distinct, words
from archivedoc.model import Transcript


def _person(title: str, name: str, start: int = 0) -> PersonParts:
    return PersonParts(f"{title} {name}".strip(), title, name, None, start)


def test_words_resolve_brackets_and_drop_end_punctuation() -> None:
    assert words("Com[rade] Mao Zedong.") == ("comrade", "mao", "zedong")
    assert words("[Soviet translator N.T.] Fedorenko") == ("fedorenko",)
    assert words("Dr. [T.V.] Soong") == ("dr", "soong")
    assert words("Shi Zhe /Karskii/") == ("shi", "zhe", "karskii")


_STALIN = _person("Marshal", "Stalin")
_MAO = _person("Chairman", "Mao Zedong")
_IVAN = _person("", "I. V. Kovalev")
_EVGENII = _person("", "E.F. Kovalev")
_HE = _person("General", "He Long")
_KIM = _person("Premier", "Kim Il Sung")
_PAK = _person("Vice Premier", "Pak Song-chol")


@pytest.mark.parametrize(
    ("speaker", "person"),
    [
        ("Marshal Stalin", _STALIN),
        ("Stalin", _STALIN),
        ("Comrade Stalin", _STALIN),
        ("I.V. Stalin", _STALIN),
        ("STALIN", _STALIN),
        ("Com[rade] Mao Zedong", _MAO),
        ("Comrade Mao Zedong", _MAO),
        ("Mao", _MAO),
        ("MAO ZEDONG", _MAO),
        ("the Chairman", _MAO),
        ("E.F. Kovalev", _EVGENII),
        ("Kovalev", None),  # two people of that name: neither is named
        ("He", None),  # a pronoun, not General He Long
        ("He Long", _HE),
        ("KIM", _KIM),
        ("Premier", _KIM),
        ("Vice Premier", _PAK),
        ("Molotov", None),
        ("H.E. [Kim Il Sung]", _KIM),  # the editor's bracket gives the name
        ("Marshal [Stalin]", _STALIN),
        ("H.E. [he]", None),
        ("He [Stalin]", _STALIN),  # a pronoun the editor resolved
        ("H.E. [Molotov]", None),
        ("", None),
    ],
)
def test_link_by_any_spelling(speaker: str, person: PersonParts | None) -> None:
    people = [_STALIN, _MAO, _IVAN, _EVGENII, _HE, _KIM, _PAK]
    found = Speakers(people).link(speaker)
    assert (None if found is None else people[found]) == person


def test_a_speaker_linked_again_gets_the_same_answer_from_the_memo() -> None:
    people = [_STALIN, _MAO, _IVAN, _EVGENII, _HE, _KIM, _PAK]
    speakers = Speakers(people)
    spoken = ["Stalin", "He", "Mao", "Kovalev", "Stalin", "He", "MAO ZEDONG", "Mao", "Kovalev"]
    first = [speakers.link(s) for s in spoken]
    again = [speakers.link(s) for s in spoken]
    fresh = [Speakers(people).link(s) for s in spoken]  # no memo: each asked once
    assert first == again == fresh == [0, None, 1, None, 0, None, 1, 1, None]


def test_one_participant_per_person() -> None:
    stalin_again = _person("Comrade", "I.V. Stalin", 40)
    fedorenko = _person("comrs.", "[Soviet translator N.T.] Fedorenko", 50)
    recorder = _person("Recorder", "Fedorenko", 90)
    people = [_STALIN, _IVAN, stalin_again, _EVGENII, fedorenko, recorder, _person("", "Kovalev")]
    assert distinct(people) == ([_STALIN, _IVAN, _EVGENII, fedorenko], [0, 1, 0, 2, 3, 3, 1])


def test_a_transcript_links_every_spelling_to_one_person() -> None:
    t = Transcript(
        "Present: Marshal Stalin, Comrade Mao Zedong, Mr. Molotov\n\n"
        "Interpreter: Mr. Molotov\n\n"
        "Stalin asked whether the delegation had arrived.\n\n"
        "Mao replied that it had.\n\n"
        "Marshal Stalin said that this was good."
    )
    assert [p.name for p in t.participants] == ["Stalin", "Mao Zedong", "Molotov"]
    linked = [turn.participant for turn in t.turns]
    assert linked == [t.participants[0], t.participants[1], t.participants[0]]


# -- every form a person is read from (documents written for these tests) --------


def _people(text: str) -> list[tuple[str, str]]:
    return [(p.title, p.name) for p in Transcript(text).participants]


def test_a_wrapped_list_with_one_title_for_all_and_a_gloss() -> None:
    t = Transcript(
        "Comrade Ivanov: It can be done.\n\n"
        "      Also present at the conversation: comrs. Petrov, Sidorov, [Polish\n"
        "interpreter K.L.] Nowak and [Czech interpreter] Jan Dvorak /Dvorsky/.\n\n"
        "Recorded by comr. Nowak."
    )
    assert [(p.title, p.name) for p in t.participants] == [
        ("comrs.", "Petrov"),
        ("comrs.", "Sidorov"),
        ("comrs.", "Nowak"),
        ("comrs.", "Jan Dvorak /Dvorsky/"),
    ]
    nowak = t.participants[2]
    assert nowak.text == "[Polish\ninterpreter K.L.] Nowak"
    assert nowak.gloss == "[Polish\ninterpreter K.L.]" and t.participants[0].gloss == ""
    assert t.text[nowak.start : nowak.start + len(nowak.text)] == nowak.text
    assert t.turns[0].participant is None  # "Ivanov" is not in the list


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("To Comrade Ivanov\n\nReporting:\n\nThe talks went well.", [("Comrade", "Ivanov")]),
        ("To Com[rade] P. Sidorov\n\nText.", [("Com[rade]", "P. Sidorov")]),
        ("      to Cde. K. E. VOROSHILOV\n\n1. Text.", [("Cde.", "K. E. VOROSHILOV")]),
        ("To Comrade A.A. Gromyko.\n\nText.", [("Comrade", "A.A. Gromyko")]),
        ("To the Secretariat, to Chairman Kim:\n\nText.", [("Chairman", "Kim")]),
        (
            "To Comrades Orel, Vask and Nell.\n\nText.",
            [("Comrades", "Orel"), ("Comrades", "Vask"), ("Comrades", "Nell")],
        ),
        ("To Comrade Orel and the delegation\n\nText.", []),
        ("To Comrade Orel, Moscow\n\nText.", [("Comrade", "Orel")]),  # a place after one title
        (
            "To Comrade Orel, Secretary General, and Comrade Vask\n\nText.",
            [("Comrade", "Orel"), ("Comrade", "Vask")],
        ),
        (
            "To Comrade Orel and Comrade Vask\n\nText.",
            [("Comrade", "Orel"), ("Comrade", "Vask")],
        ),
        ("\fComrade Filippov!\n\n1. Received your telegram.", [("Comrade", "Filippov")]),
        ("Head of Section 3 Weber          Bonn, 3 May 1991\nMemo", []),
        ("MD K. Weber          Bonn, 3 May 1991\n Subject: Visit", [("MD", "K. Weber")]),
        ("Weber          Bonn, 3 May 1991\n Subject: Visit", [("", "Weber")]),
        (
            " To: Sato Eisaku\nPrime Minister\n From: Ito Jun\nChairman, Trade Council\n Text.",
            [("Prime Minister", "Sato Eisaku"), ("Chairman, Trade Council", "Ito Jun")],
        ),
        ("To: Foreign Ministry\n\nText.", []),
        ("To sell the coal abroad.\n\nText.", []),
        (
            "Korean side: Kim Il Sung, Pak Hon-yong\n\nText.",
            [("", "Kim Il Sung"), ("", "Pak Hon-yong")],
        ),
        ("In attendance: Mr. Ab, Mrs. Cd\n\nText.", [("Mr.", "Ab"), ("Mrs.", "Cd")]),
        (
            "Participants on our side: Comrade Orel, Comrade Vask.\n"
            "Participants on the Korean side: Comrade Pak Mun-ho, Comrade Choe Il.\n\nText.",
            [
                ("Comrade", "Orel"),
                ("Comrade", "Vask"),
                ("Comrade", "Pak Mun-ho"),
                ("Comrade", "Choe Il"),
            ],
        ),
        (
            "Also present from the Soviet side: comrs. Orel and Vask.\n\nText.",
            [("comrs.", "Orel"), ("comrs.", "Vask")],
        ),
        ("Present on the Chinese side: Comrade Hu Lan.\n\nText.", [("Comrade", "Hu Lan")]),
        ("Present: Mr. Ab, Dr. Lo.\n\nText.", [("Mr.", "Ab"), ("Dr.", "Lo")]),
        ("Note-taker: Ito Jun\n\nText.", [("Note-taker", "Ito Jun")]),
        (
            "To: Sato Eisaku\nPrime Minister\n\nText of the letter.",
            [("Prime Minister", "Sato Eisaku")],
        ),
    ],
)
def test_people_from_lists_address_lines_letterheads_and_fields(
    text: str, people: list[tuple[str, str]]
) -> None:
    assert _people(text) == people


@pytest.mark.parametrize(
    ("text", "people"),
    [
        # "Participants:" with the names on the lines after it: a list, not a field
        (
            "Date: May 3, 1971\n\nParticipants:\nAmbassador Rook\n"
            "Mr. Tal, Counselor of Embassy\nMinister Vey\n\nSubject: Grain\n\nText.",
            [("Ambassador", "Rook"), ("Mr.", "Tal"), ("Minister", "Vey")],
        ),
        # the US memoranda: a role alone, names with their role after them, sides
        (
            "PARTICIPANTS:\nU.S. Side\nThe Secretary of State\nAmbassador Ned Rook\n"
            "Ira Tal, Deputy Assistant Secretary\nSoviet Side\nForeign Minister Garo\n\n"
            "SUBJECT: Grain\n\nText.",
            [
                ("Ambassador", "Ned Rook"),
                ("Deputy Assistant Secretary", "Ira Tal"),
                ("Foreign Minister", "Garo"),
            ],
        ),
        # the same in a transcript of one block per line
        (
            "Participants:\nAmbassador Rook\nMr. Tal\nSubject: Grain\nThe Ambassador said it.",
            [("Ambassador", "Rook"), ("Mr.", "Tal")],
        ),
        # roles after the names, apart by semicolons or a dash, notes in parentheses
        (
            "Present: Comrade Orel, Minister of Trade; Comrade Vask, Deputy Minister\n\nText.",
            [("Comrade", "Orel"), ("Comrade", "Vask")],
        ),
        (
            "Present:\nComrade Orel \u2013 Minister of Trade\nComrade Vask \u2013 Deputy Minister"
            "\n\nText.",
            [("Comrade", "Orel"), ("Comrade", "Vask")],
        ),
        (
            "Participants: Premier Lan Po; Ambassador Rook; Mr. Tal (interpreter)\n\nText.",
            [("Premier", "Lan Po"), ("Ambassador", "Rook"), ("Mr.", "Tal")],
        ),
        (
            "Interpreter: Comrade Osk (Soviet), Mr. Lin (Chinese)\n\nText.",
            [("Comrade", "Osk"), ("Mr.", "Lin")],
        ),
        (
            "Participants: Pak Un-ho (Minister), Ri Do (Deputy)\n\nText.",
            [("", "Pak Un-ho"), ("", "Ri Do")],
        ),
        (
            "In attendance:\n  Ambassador Rook\n  First Secretary Ost\n\nRook said so.",
            [("Ambassador", "Rook"), ("First Secretary", "Ost")],
        ),
        # a list wrapped over lines is still people, not a role
        (
            "Present: Comrade Orel, Comrade Vask,\nComrade Nell and Comrade Sand.\n\nText.",
            [("Comrade", "Orel"), ("Comrade", "Vask"), ("Comrade", "Nell"), ("Comrade", "Sand")],
        ),
        # a role ends before "and" and a titled person; a role in small letters
        (
            "Present: Comrade Orel, Minister of Trade of the USSR, and Comrade Vask.\n\nText.",
            [("Comrade", "Orel"), ("Comrade", "Vask")],
        ),
        (
            "Participants:\n    Ambassador Rook\n    Ira Tal, interpreter\n\nText.",
            [("Ambassador", "Rook"), ("interpreter", "Ira Tal")],
        ),
        # a field whose names go on over the next lines, one a line
        (
            "PARTICIPANTS: Chairman Lin Po\n              Premier Wu Dan\n"
            "              Ned Rook, Assistant to the President\n\nText.",
            [
                ("Chairman", "Lin Po"),
                ("Premier", "Wu Dan"),
                ("Assistant to the President", "Ned Rook"),
            ],
        ),
        # the first line of a paragraph is no list line, even if it opens like one
        (
            "Present:\n\nComrade Orel\n\nComrade Vask, Minister of Trade, said that the talks\n"
            "would go on.",
            [("Comrade", "Orel")],
        ),
        # a title before a semicolon is a role, no person
        (
            "Present: Orel, Minister; Vask, Deputy Minister\n\nText.",
            [("Minister", "Orel"), ("Deputy Minister", "Vask")],
        ),
        # titles alone before a comma are a role ("Secretary General,"), no person
        (
            "Present: Orel, Secretary General, Comrade Vask\n\nText.",
            [("Secretary General", "Orel"), ("Comrade", "Vask")],
        ),
        # a role alone on a line goes on with a role's words, not a sentence's
        (
            "Present: Comrade Orel\nThe Chairman of the meeting opened it at nine\n"
            "Mr. Vask\n\nText.",
            [("Comrade", "Orel")],
        ),
        (
            "Participants:\nThe Secretary of State for Coastal Affairs\nMr. Vask\n\nText.",
            [("Mr.", "Vask")],
        ),
        # a heading after the list: a note in parentheses without a title is no role
        (
            "Participants:\n\nComrade Orel\nIra Tal (interpreter)\n\nAgenda (revised)\n\nText.",
            [("Comrade", "Orel"), ("", "Ira Tal")],
        ),
        ("Present: Comrade Orel\n\nSummary (translation)\n\nText.", [("Comrade", "Orel")]),
        ("Present: Comrade Orel\n\nKessel (Bulgaria)\n\nText.", [("Comrade", "Orel")]),
        # "Participants: ..." on its line stays a field (and names its people)
        (
            "Participants: Ambassador Rook, Mr. Tal\n\nText.",
            [("Ambassador", "Rook"), ("Mr.", "Tal")],
        ),
    ],
)
def test_lists_of_memoranda_with_roles_after_the_names(
    text: str, people: list[tuple[str, str]]
) -> None:
    assert _people(text) == people


def test_participants_with_names_on_its_line_is_a_field_else_a_list() -> None:
    t = Transcript("Participants: Ambassador Rook, Mr. Tal\n\nText.")
    assert [b.KIND for b in t.blocks] == ["field", "paragraph"]
    listed = Transcript("Participants:\nAmbassador Rook\n\nText.")
    assert [b.KIND for b in listed.blocks] == ["participants", "paragraph"] and not listed.fields


def test_countries_in_a_list_are_no_people() -> None:
    assert _people("Present: Bulgaria, Hungary, Poland and Romania.\n\nText.") == []
    assert _people("Present: Mr. Jordan, Hungary\n\nText.") == [("Mr.", "Jordan")]
    assert _people("Participants: Korea; Mr. Ab\n\nText.") == [("Mr.", "Ab")]


def test_an_address_line_in_the_text_is_no_participant() -> None:
    body = "The talks went on for a long time and touched on many questions of trade. " * 2
    assert _people(body + "\n\nTo Comrade Ivanov\n\nText.") == []
