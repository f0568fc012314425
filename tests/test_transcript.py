"""The structure inside the transcript: blocks, participants, fields, turns, brackets."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import archivedoc
from archivedoc._grammar import default_grammar, terminal
from archivedoc._readers.transcript import split_blocks
from archivedoc.model import Contents, Item, Mark, Transcript
from archivedoc.strategies import transcripts
from conftest import DOCUMENTS, SEED, SHARED, read_exact

CORPUS = SHARED / "corpus" / "docs"
REAL = sorted(CORPUS.glob("*.md"))
DOCS = {p.stem: p for p in DOCUMENTS}


def _transcript(name: str) -> Transcript:
    path = SEED if name == "seed" else DOCS[name]
    return archivedoc.loads(read_exact(path)).transcript


def _joined(t: Transcript) -> str:
    return t.lead + "".join(b.text + b.after for b in t.blocks)


# -- the seed -------------------------------------------------------------------


def test_seed_participants_each_with_title() -> None:
    t = _transcript("seed")
    assert [(p.title, p.surname) for p in t.participants] == [
        ("Marshal", "Stalin"),
        ("Dr.", "Soong"),
        ("Mr.", "Molotov"),
        ("Ambassador", "Fu"),
        ("Mr.", "Petrov"),
        ("Dr.", "Hoo"),
        ("Interpreter", "Pavlov"),
    ]
    assert t.participants[1].text == "Dr. [T.V.] Soong"
    assert t.participants[5].name == "Victor Hoo"


def test_seed_date_field_gives_day_and_times() -> None:
    field = _transcript("seed").field("Date")
    assert field is not None
    assert field.text == "Date: June 30th, 1945 6:30 - 6: 45 p.m."
    assert field.value == "June 30th, 1945 6:30 - 6: 45 p.m."
    assert field.date is not None and field.date.text == "June 30th, 1945"
    assert field.date.earliest == field.date.latest == datetime.date(1945, 6, 30)
    assert field.date.edtf == "1945-06-30"
    assert field.start_time == datetime.time(18, 30)
    assert field.end_time == datetime.time(18, 45)


def test_seed_thirteen_turns_alternate_stalin_and_soong() -> None:
    t = _transcript("seed")
    speakers = [turn.participant.surname for turn in t.turns if turn.participant]
    assert len(t.turns) == 13 and len(speakers) == 13
    assert speakers == ["Stalin", "Soong"] * 6 + ["Stalin"]
    assert t.turns[0].speaker == "Marshal Stalin" and t.turns[2].speaker == "Stalin"
    assert t.turns[0].participant is t.turns[2].participant
    assert [turn.verb for turn in t.turns[:3]] == ["asked", "replied", "asked"]
    assert t.turns[-1].text == "Marshal Stalin said: You do not need to have any doubt about it."


def test_seed_five_bracket_interventions() -> None:
    t = _transcript("seed")
    assert [(i.content, i.kind) for i in t.inlines] == [
        ("T.V.", "name"),
        ("Kai-shek", "name"),
        ("Zhang Fakui", "name"),
        ("Guangxi", "name"),
        ("Chiang Kai-shek", "name"),
    ]
    for mark in t.inlines:
        assert t.text[mark.start : mark.end] == mark.text


def test_seed_blocks() -> None:
    t = _transcript("seed")
    kinds = [b.KIND for b in t.blocks]
    assert kinds[:3] == ["heading", "participants", "field"]
    assert kinds[3:] == ["paragraph"] * 13
    assert t.blocks[0].text == "No. I. Meeting between Marshal Stalin and Dr. Soong"
    assert _joined(t) == t.text


# -- documents written on the corpus's patterns -----------------------------------

#: name -> (participants as (side, title, name), turns as (speaker, form, linked
#: participant name or None), bracket kinds in order, block kinds in order or None).
PINNED: dict[
    str,
    tuple[
        list[tuple[str | None, str, str]],
        list[tuple[str, str, str | None]],
        list[str],
        list[str] | None,
    ],
] = {
    "transcript_script_form": (
        [
            ("Korean side", "Premier", "Kim Il Sung"),
            ("Korean side", "Vice Premier", "Pak Geum-cheol [Pak Kum-chol]"),
            ("Chinese side", "Ambassador", "Hao Deqing"),
            (None, "Interpreter", "Han Ik Su"),
        ],
        [
            ("Premier", "script", "Kim Il Sung"),
            ("Ambassador Hao", "script", "Hao Deqing"),
            ("Pak Geum-cheol [Pak Kum-chol]", "script", "Pak Geum-cheol [Pak Kum-chol]"),
            ("KIM", "script", "Kim Il Sung"),
            ("HAO", "script", "Hao Deqing"),
        ],
        ["name", "supplied", "name", "name", "name", "original_term"],
        ["paragraph", "field", "field", "participants", "field", "field", *["paragraph"] * 6],
    ),
    "transcript_telegram": (
        [(None, "Comrade", "Filippov [Stalin]"), (None, "", "Razuvaev")],
        [],
        ["name", "expansion", "expansion", "supplied", "sic", "physical"],
        ["mark", "mark", "paragraph", "field", "field", "field"]
        + ["item"] * 4
        + ["paragraph", "paragraph"],
    ),
    "transcript_page_markers_footnotes": (
        [],
        [],
        [
            "footnote_ref",
            "footnote_ref",
            "page_marker",
            "elision",
            "page_marker",
            "footnote_label",
            "footnote_label",
            "footnote_label",
        ],
        [
            "page_marker",
            "paragraph",
            "page_marker",
            "paragraph",
            "page_marker",
            "page_marker",
            "paragraph",
            "footnote",
            "footnote",
            "footnote",
        ],
    ),
    "transcript_kohl_memo": (
        [],
        [
            ("BK", "reported", None),
            ("PM", "reported", None),
            ("PM", "reported", None),
            ("BK", "reported", None),
        ],
        ["footnote_ref", "note", "footnote_label"],
        ["paragraph", "heading", "field", "paragraph", "item", "item"]
        + ["paragraph"] * 7
        + ["footnote"],
    ),
    "transcript_cyrillic_record": (
        [],
        [],
        ["page_break", "original_term", "page_break"],
        ["paragraph"] * 3,
    ),
    "transcript_flattened": (
        [],
        [],
        ["name", "expansion", "name", "elision", "physical"],
        ["paragraph"],
    ),
    "transcript_old_pdf_minutes": (
        [(None, "comrs.", "Molotov"), (None, "comrs.", "Gromyko")],
        [
            ("Comrade Zhou Enlai", "script", None),
            ("Comrade Stalin", "script", None),
            ("Comrade Zhou Enlai", "script", None),
            ("Comrade Stalin", "script", None),
        ],
        ["page_break", "physical", "supplied", "uncertain", "page_break", "original_term"],
        ["paragraph", "heading", "paragraph", "paragraph", "paragraph", "paragraph"]
        + ["item"] * 4
        + ["participants"],
    ),
    "transcript_numbered_current_site": (
        [],
        [],
        ["name"],
        ["mark", "mark", "mark", "paragraph", "item", "item", "paragraph", "item"]
        + ["paragraph"] * 3,
    ),
    "transcript_present_two_columns": (
        [
            (None, "Chairman", "Mao Zedong"),
            (None, "Minister", "Example Person"),
            (None, "Premier", "Zhou Enlai"),
            (None, "Ambassador", "Example Vance"),
            (None, "Interpreter", "Tang Wensheng"),
            (None, "Comrade", "Ji Pengfei"),
            (None, "Comrade", "Qiao Guanhua"),
        ],
        [
            ("Chairman Mao", "script", "Mao Zedong"),
            ("Minister Person", "reported", "Example Person"),
            ("Zhou Enlai", "reported", "Zhou Enlai"),
            ("Mao", "reported", "Mao Zedong"),
        ],
        [],
        ["participants", "field", "field", "field"] + ["paragraph"] * 4,
    ),
    "transcript_editorial_brackets": (
        [],
        [],
        [
            "expansion",
            "expansion",
            "name",
            "name",
            "supplied",
            "supplied",
            "original_term",
            "expansion",
            "sic",
            "note",
            "physical",
            "physical",
            "footnote_ref",
            "uncertain",
            "note",
            "other",
            "other",
            "other",
            "footnote_label",
        ],
        ["paragraph", "footnote"],
    ),
    "transcript_reported_speech": (
        [
            (None, "Generalissimo", "Chiang Kai-shek"),
            (None, "Ambassador", "John Example"),
            (None, "Dr.", "Wang Shijie"),
        ],
        [
            ("The Generalissimo", "reported", "Chiang Kai-shek"),
            ("The Ambassador", "reported", "John Example"),
            ("He", "reported", None),
            ("Dr. Wang", "reported", "Wang Shijie"),
            ("Chiang Kai-shek", "reported", "Chiang Kai-shek"),
        ],
        [],
        ["heading", "participants", "field"] + ["paragraph"] * 6,
    ),
}


def test_at_least_ten_pinned_documents() -> None:
    assert len(PINNED) >= 10
    assert set(PINNED) <= set(DOCS)


@pytest.mark.parametrize("name", sorted(PINNED))
def test_pinned_structure(name: str) -> None:
    people, turns, brackets, blocks = PINNED[name]
    t = _transcript(name)
    assert [(p.side, p.title, p.name) for p in t.participants] == people
    assert [
        (turn.speaker, turn.form, turn.participant.name if turn.participant else None)
        for turn in t.turns
    ] == turns
    assert [i.kind for i in t.inlines] == brackets
    if blocks is not None:
        assert [b.KIND for b in t.blocks] == blocks
    assert _joined(t) == t.text


def test_script_form_fields() -> None:
    t = _transcript("transcript_script_form")
    date = t.field("Date")
    assert date is not None and date.date is not None
    assert date.date.text == "March 4th, 1965"
    assert (date.start_time, date.end_time) == (datetime.time(10), datetime.time(11, 15))
    place = t.field("Place")
    assert place is not None and place.value == "Office of the Premier, Pyongyang"
    assert place.date is None and place.start_time is None
    recorder = t.field("Recorder")
    assert recorder is not None and recorder.value == "[no name given]"


def test_time_only_and_unread_dates() -> None:
    t = _transcript("transcript_present_two_columns")
    time, date = t.field("Time"), t.field("Date")
    assert time is not None and time.start_time == datetime.time(9, 30) and time.end_time is None
    assert date is not None and date.value == "24.III.50" and date.date is None


def test_footnotes_link_references_and_definitions() -> None:
    t = _transcript("transcript_page_markers_footnotes")
    notes = {f.number: f for f in t.footnotes}
    assert sorted(notes) == ["1", "2", "3"]
    one = notes["1"]
    assert one.definition is not None
    assert one.definition.text == "[1] Country residence of the Prime Minister."
    assert [r.start for r in one.references] == [t.text.index("[1]")]
    assert notes["3"].definition is not None and notes["3"].references == ()
    kohl = _transcript("transcript_kohl_memo")
    assert [(f.number, len(f.references)) for f in kohl.footnotes] == [("1", 1)]


def test_items_keep_their_labels() -> None:
    t = _transcript("transcript_old_pdf_minutes")
    items = [b for b in t.blocks if isinstance(b, Item)]
    assert [i.label for i in items] == ["I.", "a)", "b)", "II."]
    numbered = _transcript("transcript_numbered_current_site")
    assert [b.label for b in numbered.blocks if isinstance(b, Item)] == [
        "1\uff0e",
        "(A)",
        "(B)",
    ]


def test_marks_and_page_markers() -> None:
    t = _transcript("transcript_telegram")
    assert [b.text.strip() for b in t.blocks if isinstance(b, Mark)] == [
        "Top Secret",
        "Copy No. 2",
    ]


def test_inlines_in_block() -> None:
    t = _transcript("seed")
    assert [i.content for i in t.inlines_in(t.blocks[1])] == ["T.V."]


# -- every text, real or random, joins back exactly ----------------------------------


@pytest.mark.parametrize("path", [SEED, *DOCUMENTS, *REAL], ids=lambda p: p.stem)
def test_blocks_join_back_exactly(path: Path) -> None:
    t = archivedoc.loads(read_exact(path)).transcript
    assert _joined(t) == t.text
    for block in t.blocks:
        assert t.text[block.start : block.end] == block.text
    for mark in t.inlines:
        assert t.text[mark.start : mark.end] == mark.text
    for person in t.participants:
        assert t.text[person.start : person.start + len(person.text)] == person.text


_PIECES = st.sampled_from(
    [
        "[", "]", "[1]", "[...]", "[sic]", ":", " ", "\n", "\n\n", "\r\n", "\r", "\t", "\f",
        "\u00a0", " // ", "1. ", "(i) ", "d) ", "Date: ", "Present:", "Korean side: ",
        "Marshal Stalin ", "Dr. [T.V.] Soong", "Stalin said: ", "KIM: ", "Secret", "(p. 1)",
        "[Page 2]", "x", "é", "\u041c\u0430\u043e", "6:30 - 6: 45 p.m.", "June 30th, 1945 ",
    ]
)  # fmt: skip
_ANY_TEXT = st.one_of(st.text(), st.lists(_PIECES, max_size=40).map("".join))


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(_ANY_TEXT)
@example("")
@example("\n\n  ")
@example("a\r\rb\r\n\r\n[")
@example("Present:\n\nMarshal Stalin Dr. [T.V.] Soong\n\n")
def test_any_text_joins_back_exactly(text: str) -> None:
    t = Transcript(text)
    assert _joined(t) == text
    assert all(b.text for b in t.blocks)
    for mark in t.inlines:
        assert text[mark.start : mark.end] == mark.text


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(_ANY_TEXT)
@example("a\n\nb\nc")
@example("Present:\n\nMarshal Stalin\n\n1. x\n")
def test_fast_cut_agrees_with_the_grammar(text: str) -> None:
    """split_blocks (searches) cuts every text as transcript_body (a PEG parse) does."""
    assert _peg_blocks(text) == split_blocks(text)


@pytest.mark.parametrize("path", [SEED, *DOCUMENTS, *REAL], ids=lambda p: p.stem)
def test_fast_cut_agrees_with_the_grammar_on_documents(path: Path) -> None:
    text = archivedoc.loads(read_exact(path)).transcript.text
    assert _peg_blocks(text) == split_blocks(text)


def _peg_blocks(text: str) -> tuple[str, list[tuple[str, int, str, bool]]]:
    tree = default_grammar()["transcript_body"].parse(text)
    lead, body = tree.children
    (mode,) = body.children
    blocks = []
    items = mode.children[1].children if mode.expr_name == "line_blocks" else mode.children
    for item in items:
        (inner,), sep = item.children
        blocks.append((inner.text, inner.start, sep.text, inner.expr_name == "participant_block"))
    return lead.text, blocks


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(transcripts())
def test_strategy_transcripts_round_trip(t: Transcript) -> None:
    assert _joined(t) == t.text
    contents = Contents("- Item", after="\n\n")
    doc = archivedoc.Document("T", sections=(contents,), transcript=t)
    data = json.loads(json.dumps(archivedoc.to_dict(doc)))
    assert data["transcript"]["text"] == t.text
    assert archivedoc.from_dict(data) == doc
    assert archivedoc.loads(archivedoc.dumps(doc)) == doc


# -- adversarial inputs stay linear (they would hang here otherwise) --------------------


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000,
        "]" * 100_000,
        "[" * 50_000 + "]" * 50_000,
        "[a" * 50_000,
        "x" * 5_000_000,
        "[" + "x" * 5_000_000,
        "Present:\n" + "Mr. A " * 100_000,
        ("Stalin said: " + "[" * 10 + "\n") * 20_000,
        "1. " * 200_000,
        ":" * 200_000,
        ("A" * 50 + " ") * 50_000,
    ],
    ids=lambda s: f"{s[:12]!r}x{len(s)}",
)
def test_pathological_texts(text: str) -> None:
    t = Transcript(text)
    assert _joined(t) == text


# -- the grammar's rules one by one ---------------------------------------------------


def test_a_name_with_a_period_is_a_turn_of_a_participant_only() -> None:
    """FORMAT-NOTES §8: "Stalin.", "Kim Il Sung." open the speeches of some records."""
    t = Transcript(
        "Present: Marshal Orlov, Kim Il Song\n\n"
        "The talks opened at noon.\n\n"
        "Orlov. We agree to the text.\n\n"
        "Kim Il Song. Yes.\n\n"
        'Marshal Orlov. "No."\n\n'
        "Moscow. The weather was fine.\n\n"
        "Orlov.\n\n"
        "Orlov. He asked for coal."
    )
    assert [
        (turn.speaker, turn.form, turn.participant and turn.participant.name) for turn in t.turns
    ] == [
        ("Orlov", "script", "Orlov"),
        ("Kim Il Song", "script", "Kim Il Song"),
        ("Marshal Orlov", "script", "Orlov"),
        ("Orlov", "script", "Orlov"),
    ]
    # without participants nothing tells a speaker from a heading
    assert Transcript("Orlov. We agree to the text.").turns == ()
    # a title alone is nobody's name, though the title is a participant's
    assert Transcript("Present: Marshal Orlov\n\nMarshal. The rank dates from 1945.").turns == ()


def test_a_name_ends_with_its_sentence() -> None:
    """ "Orlov. He asked": the speaker is "He", never "Orlov. He"."""
    assert terminal("turn").match("Orlov. He asked for coal.") is None
    assert terminal("turn").match("Wen Bo. We agree.") is None
    found = terminal("turn").match("J. Fox said so.")
    assert found is not None and found.group("speaker") == "J. Fox"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The Foreign Ministry informed us that it was late.", None),
        ("The United States proposed a cease-fire.", None),
        ("Then the Central Committee agreed.", None),
        ("Dorn and the Central Committee agreed.", None),
        ("Dorn's reply stated that the offer stood.", None),  # a possessive: a mention
        ("The Kessel Pact demanded the withdrawal of the troops.", None),
        ("The Treaty stated that both parties would consult.", None),
        ("The Dorn Plan proposed a buffer zone.", None),
        ("The Party Congress noted the successes of the harvest.", None),
        ("They [the United States] proposed a cease-fire.", None),  # the editor's referent
        ("He [the Embassy] reported that it was late.", None),
        ("They [the Poles] agreed to the plan.", "They [the Poles]"),
        ("The Report noted the successes of the harvest.", None),  # a document
        ("The Kessel Declaration proposed a zone free of arms.", None),
        ("The Plenum noted the progress.", None),  # a body
        ("The Soviet Ambassador replied that he agreed.", "The Soviet Ambassador"),
        ("Soviet Ambassador Dorn said that he agreed.", None),  # not read: see docs
        ("Foreign Ministry: No comment.", "Foreign Ministry"),  # a label stays a label
    ],
)
def test_institutions_and_countries_are_no_reported_speakers(
    text: str, speaker: str | None
) -> None:
    """ANNOTATIONS, rule 4: "the Chinese side", "the Sato Government" are no speakers."""
    turns = Transcript(text).turns
    assert [turn.speaker for turn in turns] == ([] if speaker is None else [speaker])


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("(p. 1)", "page_marker"),
        ("[Page 323]", "page_marker"),
        ("- 2 -", "page_marker"),
        ("\f", "page_marker"),
        ("Secret", "mark"),
        ("  Top Secret", "mark"),
        ("Copy No. 2", "mark"),
        ("Copy 19 of 50", "mark"),
        ("No. 2 of 40 copies", "mark"),
        ("CONFIDENTIAL", "mark"),
        ("[1] BArch, B 136/59748, 403-410.", "footnote"),
        ("Date: June 30th, 1945", "field"),
        (" Subject: Meeting", "field"),
        ("To: Ushiba", "field"),
        ("1. First", "item"),
        ("(i) roman", "item"),
        ("d) letter", "item"),
        ("(A) capital", "item"),
        ("II. Roman", "item"),
        ("1\uff0eFullwidth", "item"),
        ("No. I. Meeting between Marshal Stalin and Dr. Soong", "heading"),
        ("RECORD OF CONVERSATION", "heading"),
        (" M e m o r a n d u m", "heading"),
        ("Interest rate: 3.5%", None),
        ("Stalin asked about it.", None),
        ("1945 was a year.", None),
    ],
)
def test_block_kind(text: str, kind: str | None) -> None:
    found = terminal("block_kind").match(text)
    got = None
    if found is not None:
        got = next(k for k in ("page_marker", "mark", "footnote", "field", "item", "heading")
                   if found.group(k) is not None)  # fmt: skip
    assert got == kind


@pytest.mark.parametrize(
    ("text", "speaker", "form"),
    [
        ("Stalin asked about the trip.", "Stalin", "reported"),
        ("Dr. Soong replied that he was well.", "Dr. Soong", "reported"),
        ("Marshal Stalin said: Yes.", "Marshal Stalin", "reported"),
        ("Marshal Stalin first asked Dr. Soong", "Marshal Stalin", "reported"),
        ("The Chancellor asked if it helped.", "The Chancellor", "reported"),
        ("S[talin] said: no.", "S[talin]", "reported"),
        ("Pak Geum-cheol [Pak Kum-chol]: We agree.", "Pak Geum-cheol [Pak Kum-chol]", "script"),
        ("Han [Ik-su] [Han Ik Su]: Yes.", "Han [Ik-su] [Han Ik Su]", "script"),
        ("H.E. [Park Chung Hee]: Yes.", "H.E. [Park Chung Hee]", "script"),
        ("Premier: Welcome.", "Premier", "script"),
        ("KIM: Fine.", "KIM", "script"),
        ("North (KIM): Fine.", "North (KIM)", "script"),
        ("         Comrade Mao Zedong: The question", "Comrade Mao Zedong", "script"),
        ("MAO ZEDONG. We think so.", "MAO ZEDONG", "script"),
        ("A.I. KOVAR. We think so.", "A.I. KOVAR", "script"),  # initials (FORMAT-NOTES §8)
        ("O. DORN. Agreed.", "O. DORN", "script"),
        ("B. TRADE POLICY. The plan is late.", None, None),  # a point's heading
        ("V.M. KOVAR. No.", "V.M. KOVAR", "script"),
        ("A.B. TRADE AGREEMENT. The text follows.", None, None),  # a run-in heading
        ("U.S. POLICY. The policy is unchanged.", None, None),  # an abbreviation, no initials
        ("P.S. THE END. Nothing follows.", None, None),
        ("N.B. IMPORTANT. Read it first.", None, None),
        ("He said that it was late.", "He", "reported"),
        ("[He] said that it was late.", "[He]", "reported"),
        ("Further, Comrade Kovalev noted that the line held.", "Comrade Kovalev", "reported"),
        ("Then Marshal Petrov turned to the question of coal.", "Marshal Petrov", "reported"),
        ("In reply, Dr. Lin said that the port was open.", "Dr. Lin", "reported"),
        ("2. I said that our side agreed.", "I", "reported"),
        ("b) President Ortega pointed out that the talks", "President Ortega", "reported"),
        ("Com[rade] Li Weihan said that the plenum", "Com[rade] Li Weihan", "reported"),
        ("At the dinner I told the minister about it.", "I", "reported"),
        ("As to the harbour, Comrade Ivanov said, the works go on.", "Comrade Ivanov", "reported"),
        ("The works, said Comrade Ivanov, go on.", "Comrade Ivanov", "reported"),
        (
            "The Minister and President Ortega agreed on it.",
            "The Minister and President Ortega",
            "reported",
        ),
        ("The delegation requested a loan of coal.", "The delegation", "reported"),
        ("They would like to receive coal.", "They", "reported"),
        ("PM agrees.", "PM", "reported"),
        ("Далее он спросил про сроки.", "он", "reported"),
        ("Тов. Ли Вэйхань заявил, что", "Тов. Ли Вэйхань", "reported"),
        # speech acts beyond "said" (ANNOTATIONS' verb list is open: "recounted..."):
        ("Minister Dorn objected to the second clause.", "Minister Dorn", "reported"),
        ("Dorn admitted that the figures were wrong.", "Dorn", "reported"),
        ("Then Dr. Vasa protested against the arrests.", "Dr. Vasa", "reported"),
        ("Vasa briefly outlined the plan for the port.", "Vasa", "reported"),
        ("He had discussed it with Vasa and asked for more.", "He", "reported"),
        ("3. Dorn disagreed with this view.", "Dorn", "reported"),
        ("Dorn wondered whether the ship had sailed.", "Dorn", "reported"),
        ("BK outlines the timetable.", "BK", "reported"),
        ("I wondered whether it was late.", None, None),
        # a title after a country's adjective (institutions: see below)
        ("The Soviet Ambassador replied that he agreed.", "The Soviet Ambassador", "reported"),
        ("The Polish Foreign Minister said so.", "The Polish Foreign Minister", "reported"),
        ("The Chinese side agreed.", None, None),
        ("Foreign Ministry: No comment.", "Foreign Ministry", "script"),
        ("Then at the dinner Dr. Vasa said that it was late.", "Dr. Vasa", "reported"),
        ("Later in the talks Dorn remarked on the coal.", "Dorn", "reported"),
        ("He [Dorn] said that the troops were tired.", "He [Dorn]", "reported"),
        ("Chairman Wen Bo. We agree.", None, None),  # not "Chairman Wen Bo. We" agree
        ("We request that you send coal.", None, None),
        ("I propose to consider the draft.", None, None),
        ("[I] want to come back in March.", None, None),
        ("In March [I] want to come back.", None, None),
        ("The UK believed that it was late.", None, None),
        ("The question of the loan was raised at the end.", None, None),
        ("Stalin's letter reached Moscow.", None, None),
        ("II. Representatives of the other side", None, None),
        ("Projects:", None, None),
        ("Many noted that it was late.", None, None),
        ("Note: not recorded.", None, None),
        ("Date: June 30th, 1945", None, None),
        ("In China a war for peace is taking place.", None, None),
        ("The treaty ensures the right.", None, None),
    ],
)
def test_turn(text: str, speaker: str | None, form: str | None) -> None:
    found = terminal("turn").match(text)
    if speaker is None:
        assert found is None
        return
    assert found is not None and found.group("speaker") == speaker
    assert (found.group("script") is not None) == (form == "script")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("[…]", "elision"),
        ("[...]", "elision"),
        ("[. . .]", "elision"),
        ("[his]", "supplied"),
        ("[To] the", "supplied"),
        ("F[oreign]", "expansion"),
        ("c[omrade]s", "expansion"),
        ("Mao [Zedong]", "name"),
        ("President Chiang [Kai-shek]", "name"),
        ("General Chang Fah-kwei [Zhang Fakui]", "name"),
        ("Dr. [T.V.] Soong", "name"),
        ("[KB]", "original_term"),
        ("[napravlenie]", "original_term"),
        ("[spetsyfucheskaia]", "original_term"),
        ("the [effort] and", "supplied"),
        ("[NRA General] Fu Zuoyi", "supplied"),
        ("[Deputy Chairman] Peng", "supplied"),
        ("[Politburo Member] Peng", "supplied"),
        ("January [I] went", "supplied"),
        ("said. [In] Harbin", "supplied"),
        ("[The Ministry] agreed", "supplied"),
        ("NKVD [People's Commissariat for Internal Affairs]", "supplied"),
        ("VKP/b/ [All-Union Communist Party]", "supplied"),
        ("the [Korean\nWorkers' Party leader] said", "supplied"),
        ("Harbin[.] Then", "supplied"),
        ("B[rigade?]", "expansion"),
        ("[Polish\ninterpreter K.L.] Nowak", "name"),
        # a pronoun resolved to the people it stands for (ANNOTATIONS: name)
        ("they [the Poles] refused", "name"),
        ("We [Li Ming, Chen Bo, and Wang Tao] agreed", "name"),
        ("he [Orlov] came", "name"),
        ("ordered them [the troops]", "supplied"),
        ("he [GMD General] came", "supplied"),
        ("we [I] came", "supplied"),
        ("[Ivan]\nPetrov", "name"),
        ("[для сна]", "original_term"),
        ("[sic]", "sic"),
        ("[SIC]", "sic"),
        ("[sic, probably “can”]", "sic"),
        ("[trans. note: a typo]", "note"),
        ("[Translator's note: see above]", "note"),
        ("[emphasis in the original]", "note"),
        ("[handwritten at the top of the page: urgent]", "physical"),
        ("[stamp: RECEIVED]", "physical"),
        ("[signature illegible 31/XII]", "physical"),
        ("[one word missing]", "physical"),
        ("[1]", "footnote_ref"),
        ("Chequers[1]", "footnote_ref"),
        ("[?]", "uncertain"),
        ("[Page 323]", "page_marker"),
        ("[123abc]", "other"),
    ],
)
def test_bracket_kinds(text: str, kind: str) -> None:
    t = Transcript("Some text: " + text + " and more.")
    assert [i.kind for i in t.inlines] == [kind]


def test_unbalanced_brackets_are_text() -> None:
    t = Transcript("an open [bracket and ] a lone ] one [")
    assert [i.text for i in t.inlines] == ["[bracket and ]"]
    assert Transcript("only [ open").inlines == ()


def test_brackets_span_lines_and_page_breaks() -> None:
    t = Transcript("Stalin: [post\n\fof the] chairman.")
    assert [(i.kind, i.text) for i in t.inlines] == [
        ("supplied", "[post\n\fof the]"),
        ("page_break", "\f"),
    ]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("6:30 - 6: 45 p.m.", (18, 30), (18, 45)),
        ("10 a.m. - 11.15 a.m.", (10, 0), (11, 15)),
        ("9.30 hours", (9, 30), None),
        ("11:30 a.m. - 1:00 p.m.", (11, 30), (13, 0)),
        ("12 noon", None, None),
    ],
)
def test_time_range(text: str, start: tuple[int, int] | None, end: tuple[int, int] | None) -> None:
    field = Transcript("Time: " + text).fields[0]
    assert field.start_time == (datetime.time(*start) if start else None)
    assert field.end_time == (datetime.time(*end) if end else None)


_TITLES = [
    "Marshal", "Generalissimo", "General", "Dr.", "Mr.", "Mrs.", "Ambassador", "Minister",
    "Premier", "President", "Chairman", "Chancellor", "Comrade", "Interpreter", "H.E.", "тов.",
]  # fmt: skip


@pytest.mark.parametrize("title", _TITLES)
def test_title_lexicon_copies_agree(title: str) -> None:
    """The rules that repeat the title lexicon all know each title."""
    line = f"{title} Example Person"
    assert terminal("participant_line").fullmatch(line)
    found = terminal("participant").match(line)
    assert found is not None and found.group("title").strip() == title
    turn = terminal("turn").match(f"{line} said that")
    assert turn is not None and turn.group("speaker") == line
    block = terminal("participant_block").match(f"Present:\n\n{line}\n\nText.")
    assert block is not None and block.group() == f"Present:\n\n{line}"
    assert terminal("participant_block").match(f"Present:\n\nMr. A {line}")


def test_also_present_list() -> None:
    t = Transcript("Text.\n\n   Also present at the meeting: comrs. Belov, Kurin.\n\nEnd.")
    assert [b.KIND for b in t.blocks] == ["paragraph", "participants", "paragraph"]
    assert [(p.title, p.name) for p in t.participants] == [
        ("comrs.", "Belov"),
        ("comrs.", "Kurin"),
    ]
    assert [p.text for p in t.participants] == ["comrs. Belov", "Kurin"]


def test_two_columns_split_on_titles() -> None:
    people = Transcript("Present:\n\nMarshal Stalin Dr. [T.V.] Soong").participants
    assert [p.text for p in people] == ["Marshal Stalin", "Dr. [T.V.] Soong"]


def test_structure_is_derived_not_compared() -> None:
    a = Transcript("Stalin asked.")
    assert a == Transcript("Stalin asked.")
    assert a.turns[0].speaker == "Stalin"
    b = archivedoc.loads(read_exact(SEED))
    data = archivedoc.to_dict(b)
    assert data["transcript"]["turns"][0]["participant"]["name"] == "Stalin"
    assert data["transcript"]["fields"][0]["start_time"] == "18:30:00"
    assert archivedoc.from_dict(json.loads(json.dumps(data))) == b


def test_footnote_digits_glued_to_words_and_their_end_notes() -> None:
    t = Transcript(
        "The middleman1 came, as did the cavalry.2 We spoke of that, as Stalin said.3\n\n"
        "See No.2 and pp.12-14 of vol.3, year 1949.\n\n"
        "Printed from the original.\n\n"
        "1. A broker between the firms.\n\n"
        "2. Probably the horsemen of the\nnorth.\n\n"
        "3. Said in May."
    )
    refs = [(i.text, i.start) for i in t.inlines if i.kind == "footnote_ref"]
    assert [text for text, _ in refs] == ["1", "2", "3"]
    assert t.text[refs[0][1] - 9 : refs[0][1] + 1] == "middleman1"
    assert [b.KIND for b in t.blocks[-3:]] == ["footnote", "footnote", "footnote"]
    notes = {f.number: f for f in t.footnotes}
    assert notes["2"].definition is not None and notes["2"].definition.text.startswith("2. Prob")
    assert [r.text for r in notes["3"].references] == ["3"]


@pytest.mark.parametrize(
    "text",
    [
        "He called it \u201ctactics\u201d1 and left.\n\n1. In the original.",
        'He called it "tactics"1 and left.\n\n1. In the original.',
        "He met the group (the brokers)1 and left.\n\n1. Traders of the port.",
        'It was "done."1 Then they left.\n\n1. In the original.',
    ],
)
def test_footnote_digits_after_a_closing_quote_or_parenthesis(text: str) -> None:
    notes = Transcript(text).footnotes
    assert [(f.number, len(f.references), f.definition is not None) for f in notes] == [
        ("1", 1, True)
    ]


def test_footnote_numbers_in_parentheses_glued_to_words() -> None:
    t = Transcript(
        "We met at Lindenhof(1) and then in the town.(2) We raised (3) points.\n\n"
        "(1) A castle by the lake.\n\n(2) A small town."
    )
    assert [b.KIND for b in t.blocks] == ["paragraph", "footnote", "footnote"]
    notes = {f.number: f for f in t.footnotes}
    assert sorted(notes) == ["1", "2"]  # "(3)" after a space is no reference
    assert (
        notes["1"].definition is not None
        and notes["1"].definition.text == "(1) A castle by the lake."
    )
    assert [r.text for r in notes["2"].references] == ["2"]
    cited = Transcript("See section(2)(b) of the law.\n\n(1) First.\n\n(2) Second.")
    assert cited.footnotes == ()  # a clause of a law, "(2)(b)", no reference
    listed = Transcript("He raised (1) the port and (2) the coal.\n\n(1) First.")
    assert listed.footnotes == () and [b.KIND for b in listed.blocks] == ["paragraph", "item"]


def test_numbered_points_are_end_notes_only_after_every_reference() -> None:
    t = Transcript("A struggle.1 Then more.\n\n1. First point.\n\n2. Second point.\n\nEnd.")
    assert [b.KIND for b in t.blocks] == ["paragraph", "item", "item", "paragraph"]
    assert [(f.number, f.definition) for f in t.footnotes] == [("1", None)]


@pytest.mark.parametrize(
    ("line", "label", "value"),
    [
        (" Here: main topics and results", "Here", "main topics and results"),
        ("here: main topics", "here", "main topics"),
        ("Date and Time: June 3, 1961, 10:00", "Date and Time", "June 3, 1961, 10:00"),
        ("Classification: Top Secret", "Classification", "Top Secret"),
    ],
)
def test_header_fields(line: str, label: str, value: str) -> None:
    found = Transcript(line + "\nText of the memo.").field(label)
    assert found is not None and found.value == value


def test_date_and_time_field_reads_its_date_and_times() -> None:
    found = Transcript("Date and Time: June 3, 1961 10:00 - 11:30\n\nText.").field("Date and Time")
    assert found is not None and found.date is not None
    assert (found.start_time, found.end_time) == (datetime.time(10), datetime.time(11, 30))


def test_reporting_opens_a_cable_and_is_no_field() -> None:
    t = Transcript("Reporting:\n\nOn 12 June Cde. Li gave me his report.")
    assert t.fields == () and [b.KIND for b in t.blocks][:1] == ["paragraph"]


_WORDS = ["Stalin", "said", "Comrade", "Mao", "He", "Then", "Further,", "that", "At", "the",
          "I", "asked", "1.", "MAO", "ZEDONG.", "We", "agree", ":", "[He]", "pointed", "out",
          "x,", "in", "turn", "once", "again"]  # fmt: skip


@settings(deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=14))
def test_the_quick_turn_test_never_hides_a_turn(words: list[str]) -> None:
    from archivedoc._readers.turns import may_be_turn

    text = " ".join(words)
    assert may_be_turn(text) or terminal("turn").match(text) is None


def test_the_quick_turn_test_sees_three_two_word_adverbs_before_the_verb() -> None:
    from archivedoc._readers.rules import default_rules
    from archivedoc._readers.turns import read_turn

    text = "Stalin in turn once again then again said that the treaty holds."
    assert terminal("turn").match(text) is not None
    assert read_turn(text, default_rules()) == ("Stalin", "reported", "said")


def test_the_quick_turn_test_on_the_project_documents() -> None:
    from archivedoc._readers.turns import may_be_turn

    for path in DOCS.values():
        doc = archivedoc.loads(read_exact(path))
        for block in doc.transcript.blocks if doc.transcript else ():
            assert may_be_turn(block.text) or terminal("turn").match(block.text) is None


def test_turn_is_its_three_forms_in_order() -> None:
    """``turn`` is turn_script, turn_capitals and turn_reported after its spaces, in that order."""
    spaces = r"(?>[ \t\f]*)"
    forms = [terminal(name).pattern for name in ("turn_script", "turn_capitals", "turn_reported")]
    assert all(form.startswith(spaces) for form in forms)
    whole = spaces + "(?:" + "|".join(form[len(spaces) :] for form in forms) + ")"
    assert terminal("turn").pattern == whole


def _whole_turn(text: str) -> tuple[str, str, str] | None:
    """(speaker, form, verb) by the ``turn`` rule alone, without the quick tests."""
    found = terminal("turn").match(text)
    if found is None:
        return None
    if found.group("script") is not None:
        return found.group("speaker"), "script", ""
    return found.group("speaker"), "reported", found.group("verb")


_FORM_WORDS = [*_WORDS, "\n", "\r\n", "\t", "  ", "said,", "«said", "said2", "told:", "x:",
               "The", "delegation", "Marshal", "NORTH", "(KIM):", "2.", "II.", "Cde.", "he",
               "we", "—", "-", "[T.V.]", "Soong", "replied", "explains", "to", "MAO."]  # fmt: skip


@settings(deadline=None)
@given(st.lists(st.sampled_from(_FORM_WORDS), max_size=16), st.sampled_from(["", " ", "\f", "\t"]))
@example(["Stalin", "said2", "that"], "")
@example(["MAO", "ZEDONG.", "We", "agree"], " ")
@example(["2.", "Regarding", "the", "plan:"], "")
def test_each_form_ruled_out_by_the_quick_look_never_matches(words: list[str], lead: str) -> None:
    from archivedoc._readers.rules import default_rules
    from archivedoc._readers.turns import _forms, read_turn

    text = lead + " ".join(words)
    names = ("turn_script", "turn_capitals", "turn_reported")
    for possible, name in zip(_forms(text), names, strict=True):
        assert possible or terminal(name).match(text) is None, name
    assert read_turn(text, default_rules()) == _whole_turn(text)


def test_a_long_first_line_of_long_words_is_left_to_the_rules() -> None:
    from archivedoc._readers.turns import _forms

    text = "Stalin " + "x" * 5000 + " said that."
    assert _forms(text) == (True, True, True)


def test_the_form_rules_agree_with_turn_on_the_project_documents() -> None:
    from archivedoc._readers.rules import default_rules
    from archivedoc._readers.turns import read_turn

    for path in DOCS.values():
        doc = archivedoc.loads(read_exact(path))
        for block in doc.transcript.blocks if doc.transcript else ():
            assert read_turn(block.text, default_rules()) == _whole_turn(block.text)


def test_an_override_of_turn_takes_effect_in_the_transcript() -> None:
    from archivedoc import DEFAULT

    dashes = DEFAULT.extend(
        "dashes", overrides='turn = ~r"(?P<speaker>[A-Z][a-z]+)(?P<script>[ ]--)(?P<verb>)"\n'
    )
    head = "\n\n## 1944 Conversation\n\n### Contents:\n\n- Transcript\n\n"
    text = head + "Stalin -- We agree.\n\nSoong: Good.\n"
    mine = archivedoc.loads(text, dialect=dashes).transcript
    assert [t.speaker for t in archivedoc.loads(text).transcript.turns] == ["Soong"]
    assert [t.speaker for t in mine.turns] == ["Stalin"]


@settings(deadline=None)
@given(st.text(alphabet="Present:sid \n", max_size=80))
def test_participant_starts_are_the_line_starts_of_every_hit(text: str) -> None:
    """One search per line finds the same list starts as a look-back from every colon."""
    from archivedoc._readers.rules import default_rules
    from archivedoc._readers.transcript import _participant_starts

    terminal = default_rules().terminal
    hits = terminal("participant_start").finditer(text)
    assert _participant_starts(text, terminal) == {text.rfind("\n", 0, m.start()) + 1 for m in hits}
