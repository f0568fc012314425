"""Dialects: deriving, checking, and every guarantee for the three shipped examples."""

from __future__ import annotations

import json
import pickle
from concurrent.futures import ThreadPoolExecutor
from typing import ClassVar

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import archivedoc
import archivedoc.strategies
from archivedoc import DEFAULT, Dialect, DialectError
from archivedoc.dialects import library, metadata, site
from archivedoc.dialects.library import LIBRARY, Source, Text
from archivedoc.dialects.metadata import METADATA, AssociatedPeople, RecordId, SubjectsDiscussed
from archivedoc.dialects.site import SITE
from archivedoc.model import Credits, Date, Document, Section, Summary

_SETTINGS = settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])


@attrs.frozen
class Keywords(Section):
    """The tutorial's section: comma-separated keywords."""

    LABEL: ClassVar[str | None] = "Keywords"
    KIND: ClassVar[str] = "keywords"
    keywords: tuple[str, ...] = attrs.field(init=False, eq=False)

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        words = (word.strip() for word in self.text.split(","))
        object.__setattr__(self, "keywords", tuple(w for w in words if w))


KEYWORDS = DEFAULT.extend("keywords", sections=[Keywords])

META_TEXT = (
    "\n\n## November 6, 1967 Petition on the Coming to Japan of Chiang\n\n"
    "### Summary:\n\nKawase Ikkan insists the visit be cancelled.\n\n"
    "### Original Language:\n\nJapanese\n\n"
    "### Associated People & Organizations:\n\nKawase Ikkan\nChiang Ching-kuo\n\n"
    "### Subjects Discussed:\n\nJapan--Foreign relations--China\n\n"
    "### Original Archive:\n\nDiplomatic Archives of the Ministry of Foreign Affairs of Japan\n\n"
    "### Type:\n\nLetter\n\n"
    "### Record ID:\n\n300639\n\n"
    "### Contents:\n\n- English Translation\n\nNo. 594, Tokyo\n To: Ushiba Nobuhiko"
)

SITE_TEXT = (
    "\n\n## November 6, 1967 Petition on the Coming to Japan of Chiang\n\n"
    "This document was made possible with support from Park & Nora Kimm Family Foundation\n\n"
    "No. 594, Tokyo\n To: Ushiba Nobuhiko\n\n  The historic undertaking ...\n\n"
    "### Summary:\n\nKawase Ikkan insists the visit be cancelled.\n\n"
    "### Associated People & Organizations:\n\nKawase Ikkan\nChiang Ching-kuo\n\n"
    "### Type:\n\nLetter\n\n"
    "### Language:\n\nJapanese\n\n"
    "### Record ID:\n\n300639"
)

LIBRARY_TEXT = (
    "\n\n# June 30, 1945 Meeting between Marshal Stalin and Dr. Soong\n\n"
    "### Source:\n\nVictor Hoo Collection, box 6, folder 9, Hoover Institution Archives.\n\n"
    "### Summary:\n\nStalin and Soong discuss relations.\n\n"
    "### Original Language:\n\nEnglish\n\n"
    "### Text:\n\n- a dash line, not an item\n\n### a line like a header\f\n"
)

CASES = [(METADATA, META_TEXT), (SITE, SITE_TEXT), (LIBRARY, LIBRARY_TEXT)]


# -- the dialect object ------------------------------------------------------


def test_default_is_the_archive_format(seed_text: str) -> None:
    doc = archivedoc.loads(seed_text)
    assert doc.dialect is DEFAULT
    assert archivedoc.loads(seed_text, dialect=DEFAULT) == doc
    assert "dialect" not in archivedoc.to_dict(doc)
    assert DEFAULT.grammar_text == archivedoc.grammar_text()


def test_dialects_are_frozen_and_extend_copies() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        DEFAULT.name = "x"  # type: ignore[misc]
    assert Keywords not in DEFAULT.sections
    assert KEYWORDS.section_classes["Keywords"] is Keywords
    assert KEYWORDS.order == (
        "Citation",
        "Summary",
        "Credits",
        "Original Language",
        "Keywords",
        "Contents",
    )


def test_the_grammar_is_compiled_once_per_dialect_text() -> None:
    from archivedoc._dialect import compiled

    again = DEFAULT.extend("again", sections=METADATA.sections[5:], rules=metadata.RULES)
    assert again.rules == METADATA.rules and again is not METADATA
    assert compiled(again.rules) is compiled(METADATA.rules)
    assert compiled(METADATA.rules) is not compiled(SITE.rules)


def test_keywords_round_trip() -> None:
    text = "\n\n## 1958 A Title\n\n### Keywords:\n\nCold War, Stalin,  China\n\n### Contents:\n"
    doc = archivedoc.loads(text, dialect=KEYWORDS)
    assert archivedoc.dumps(doc) == text
    assert doc.section(Keywords) is not None
    assert doc.section(Keywords).keywords == ("Cold War", "Stalin", "China")  # type: ignore[union-attr]
    assert archivedoc.loads(text).sections[0].__class__ is Section  # the default keeps it generic


def test_dialects_side_by_side_in_threads(seed_text: str) -> None:
    jobs = [(DEFAULT, seed_text), *CASES] * 20
    with ThreadPoolExecutor(8) as pool:
        docs = list(pool.map(lambda job: archivedoc.loads(job[1], dialect=job[0]), jobs))
    for (dialect, text), doc in zip(jobs, docs, strict=True):
        assert doc.dialect is dialect
        assert archivedoc.dumps(doc) == text


@pytest.mark.parametrize(
    ("rules", "rule", "message"),
    [
        ('kw_text = ~r"[a-z]+" |\n', "kw_text", "syntax error"),
        ("kw_section = section_header kw_text\n", "kw_section", "'kw_text', which no rule"),
        ('kw_list = kw_item*\nkw_item = ~r"[a-z]*"\n', "kw_list", "can match empty text"),
        ('kw_list = (" "? "x"?)+\n', "kw_list", "can match empty text"),
        ('kw = kw "," "x" / "x"\n', "kw", "left-recursive"),
        ('a1 = ""? b1 "x"\nb1 = a1 / "y"\n', "a1", "left-recursive"),
        ('kw = ~r"(unclosed"\n', "kw", "does not compile"),
    ],
)
def test_grammar_mistakes_are_reported_when_the_dialect_is_built(
    rules: str, rule: str, message: str
) -> None:
    with pytest.raises(DialectError, match=message) as info:
        DEFAULT.extend("broken", rules=rules)
    assert f"rule {rule!r}" in str(info.value)
    assert "'broken'" in str(info.value)


def test_an_override_is_checked_with_the_rules_it_changes() -> None:
    with pytest.raises(DialectError, match="override of 'section'") as info:
        DEFAULT.extend("broken", overrides='section = ~r"x*"\n')
    assert "rule 'headed'" in str(info.value)
    assert "'broken'" in str(info.value)


@attrs.frozen
class OtherKeywords(Section):
    """Clashes with Keywords on purpose."""

    LABEL: ClassVar[str | None] = "Other"
    KIND: ClassVar[str] = "keywords"


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: KEYWORDS.extend("x", sections=[OtherKeywords]), "KIND 'keywords'"),
        (lambda: DEFAULT.extend("x", sections=[Section]), "not a Section subclass"),
        (lambda: DEFAULT.extend("x", sections=[str]), "not a Section subclass"),
        (lambda: DEFAULT.extend("x", builders={"nope": lambda t, c: t}), "rule 'nope'"),
        (lambda: DEFAULT.extend("x", required=["Nope"]), "not in order"),
    ],
)
def test_bad_dialects_are_refused(build: object, message: str) -> None:
    with pytest.raises(DialectError, match=message):
        build()  # type: ignore[operator]


def test_a_subclass_without_attrs_is_refused() -> None:
    class Plain(Section):
        LABEL: ClassVar[str | None] = "Plain"
        KIND: ClassVar[str] = "plain"

    with pytest.raises(DialectError, match="attrs class"):
        DEFAULT.extend("x", sections=[Plain])


# -- every guarantee, for each example ----------------------------------------


@pytest.mark.parametrize(("dialect", "text"), CASES, ids=lambda c: getattr(c, "name", ""))
def test_examples_round_trip_and_convert(dialect: Dialect, text: str) -> None:
    doc = archivedoc.loads(text, dialect=dialect)
    assert doc.dialect is dialect
    assert archivedoc.dumps(doc) == text
    assert archivedoc.loads(text, dialect=dialect, strict=True) == doc
    data = json.loads(json.dumps(archivedoc.to_dict(doc)))
    assert archivedoc.from_dict(data, dialect=dialect) == doc
    assert archivedoc.dumps(archivedoc.from_dict(data, dialect=dialect)) == text
    for crlf in (text.replace("\n", "\r\n"), "\ufeff" + text):
        assert archivedoc.dumps(archivedoc.loads(crlf, dialect=dialect)) == crlf
    assert pickle.loads(pickle.dumps(doc)) == doc


def test_metadata_sections_hold_structured_data() -> None:
    doc = archivedoc.loads(META_TEXT, dialect=METADATA)
    people = doc.section(AssociatedPeople)
    assert people is not None and people.entries == ("Kawase Ikkan", "Chiang Ching-kuo")
    subjects = doc.section(SubjectsDiscussed)
    assert subjects is not None and subjects.entries == ("Japan--Foreign relations--China",)
    record = doc.section(RecordId)
    assert record is not None and record.number == 300639
    data = archivedoc.to_dict(doc)
    assert [s["kind"] for s in data["sections"]][2:5] == [
        "associated_people",
        "subjects_discussed",
        "original_archive",
    ]
    assert data["sections"][2]["entries"] == ["Kawase Ikkan", "Chiang Ching-kuo"]
    assert data["sections"][6]["number"] == 300639
    assert [lang.name for lang in doc.languages] == ["Japanese"]


def test_site_page_puts_the_transcript_first() -> None:
    doc = archivedoc.loads(SITE_TEXT, dialect=SITE)
    assert doc.title.startswith("Petition") and doc.date is not None
    assert doc.credits is not None and doc.credits.text.endswith("Family Foundation")
    assert doc.transcript.text.startswith("No. 594, Tokyo\n To: Ushiba")
    assert doc.summary == "Kawase Ikkan insists the visit be cancelled."
    assert [s.label for s in doc.sections][-2:] == ["Language", "Record ID"]
    assert doc.section(RecordId).number == 300639  # type: ignore[union-attr]


def test_library_reuses_the_default_parts() -> None:
    doc = archivedoc.loads(LIBRARY_TEXT, dialect=LIBRARY)
    assert doc.date == Date("June 30, 1945")
    assert isinstance(doc.sections[0], Source) and isinstance(doc.sections[-1], Text)
    assert [lang.name for lang in doc.languages] == ["English"]
    assert doc.transcript.text.startswith("- a dash line")


def _line(text: str, marker: str) -> int:
    """The 1-based line of ``text`` that ``marker`` starts on."""
    return text[: text.index(marker)].count("\n") + 1


@pytest.mark.parametrize(
    ("dialect", "text", "marker", "message"),
    [
        (METADATA, META_TEXT.replace("300639", "3006x9"), "3006x9", "'record_id'"),
        (METADATA, META_TEXT.replace("### Type:", "### Type"), "### Type", "the label ends"),
        (SITE, SITE_TEXT.replace("### Type:", "### Type"), "### Type", "the label ends"),
        (SITE, "\n\nno heading", "no heading", "expected a heading '## <date> <title>'"),
        (LIBRARY, LIBRARY_TEXT.replace("# June", "## June"), "## June", "'# <date> <title>'"),
        (LIBRARY, LIBRARY_TEXT.replace("### Source:", "### Source"), "### Source", "label ends"),
    ],
)
def test_parse_errors_point_at_the_problem(
    dialect: Dialect, text: str, marker: str, message: str
) -> None:
    with pytest.raises(archivedoc.ParseError, match=message) as info:
        archivedoc.loads(text, dialect=dialect)
    assert (info.value.lineno, info.value.colno) == (_line(text, marker), 1)


@pytest.mark.parametrize(
    ("dialect", "text", "marker", "message"),
    [
        (METADATA, META_TEXT.replace("### Type:", "### Type:\n\nA\n\n### Type:"), "### Type", ""),
        (METADATA, META_TEXT.replace("### Record ID:\n\n300639\n\n", ""), "", None),
        (SITE, SITE_TEXT.replace("### Summary:", "### Abstract:"), "### Abstract", "unknown"),
        (SITE, SITE_TEXT.replace("### Type:", "### Author(s):"), "### Author", "must come before"),
        (LIBRARY, LIBRARY_TEXT[: LIBRARY_TEXT.index("### Text:")], "", "'### Text:'"),
    ],
)
def test_strict_mode_per_dialect(
    dialect: Dialect, text: str, marker: str, message: str | None
) -> None:
    doc = archivedoc.loads(text, dialect=dialect)
    if message is None:
        assert archivedoc.loads(text, dialect=dialect, strict=True) == doc
        return
    with pytest.raises(archivedoc.ParseError, match=message or "appears twice") as info:
        archivedoc.loads(text, dialect=dialect, strict=True)
    if marker:  # the second of two Type sections, or the misplaced one
        assert info.value.lineno == text[: text.rindex(marker)].count("\n") + 1


# -- hand-built documents --------------------------------------------------------


def test_a_section_must_be_of_its_dialects_class() -> None:
    with pytest.raises(ValueError, match="read as RecordId in dialect 'metadata'"):
        Document("T", sections=[Section("1", label="Record ID")], dialect=METADATA)
    with pytest.raises(ValueError, match="read as Section in dialect 'archive'"):
        Document("T", sections=[RecordId("1")])
    doc = Document("T", sections=[RecordId("1")], dialect=METADATA)
    assert archivedoc.loads(archivedoc.dumps(doc), dialect=METADATA) == doc


@pytest.mark.parametrize(
    ("dialect", "fields", "message"),
    [
        (SITE, {"transcript": "text\n### Summary:\n\nx\n"}, "read back differently"),
        (SITE, {"sections": [Credits("Thanks to X", before="")]}, "read back differently"),
        (SITE, {"title": "1958 starts like a date"}, "read back differently"),
        (LIBRARY, {"transcript": "text"}, "read back differently"),
        (LIBRARY, {"sections": [Text(), Summary("x")]}, "read back"),
    ],
)
def test_hand_built_documents_that_would_not_read_back_are_refused(
    dialect: Dialect, fields: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        Document(**{"title": "A Title", **fields}, dialect=dialect)  # type: ignore[arg-type]


def test_hand_built_documents_use_the_dialect_layout() -> None:
    page = Document(
        "Petition",
        date="November 6, 1967",
        sections=[
            Credits(site.DONOR_LINE + " Henry Luce Foundation", before=""),
            Summary("A summary."),
            RecordId("300639", after=""),
        ],
        transcript="The text.\n\n",
        dialect=SITE,
    )
    assert archivedoc.dumps(page) == (
        "\n\n## November 6, 1967 Petition\n\n"
        "This document was made possible with support from Henry Luce Foundation\n\n"
        "The text.\n\n### Summary:\n\nA summary.\n\n### Record ID:\n\n300639"
    )
    export = Document("Meeting", date="1958", sections=[Source("Hoover."), Text()], dialect=LIBRARY)
    assert (
        archivedoc.dumps(export) == "\n\n# 1958 Meeting\n\n### Source:\n\nHoover.\n\n### Text:\n\n"
    )
    for doc in (page, export):
        assert archivedoc.loads(archivedoc.dumps(doc), dialect=doc.dialect) == doc
        assert attrs.evolve(doc, title="Other").dialect is doc.dialect


def test_a_writer_that_loses_text_is_caught_at_the_spot() -> None:
    lossy = LIBRARY.extend("lossy", writer=lambda doc: library.write(doc).replace("\f", ""))
    with pytest.raises(archivedoc.ParseError, match="does not write this text back") as info:
        archivedoc.loads(LIBRARY_TEXT, dialect=lossy)
    assert info.value.pos == LIBRARY_TEXT.index("\f")


# -- property tests driven by each dialect's strategies ----------------------------


@pytest.mark.parametrize(
    ("dialect", "strategy"),
    [
        (METADATA, metadata.documents()),
        (SITE, site.documents()),
        (LIBRARY, library.documents()),
        (
            KEYWORDS,
            archivedoc.strategies.documents(
                dialect=KEYWORDS,
                extra_sections=[
                    st.lists(st.sampled_from(["Cold War", "Stalin", "Korea"]), min_size=1).map(
                        lambda words: Keywords(", ".join(words))
                    )
                ],
            ),
        ),
    ],
    ids=lambda c: getattr(c, "name", ""),
)
def test_dialect_properties(dialect: Dialect, strategy: st.SearchStrategy[Document]) -> None:
    @_SETTINGS
    @given(strategy)
    def check(doc: Document) -> None:
        assert doc.dialect is dialect
        text = archivedoc.dumps(doc)
        back = archivedoc.loads(text, dialect=dialect)
        assert back == doc
        assert archivedoc.dumps(back) == text
        data = json.loads(json.dumps(archivedoc.to_dict(doc)))
        assert archivedoc.from_dict(data, dialect=dialect) == doc

    check()


@pytest.mark.parametrize("module", [metadata, site, library], ids=lambda m: m.__name__)
def test_shipped_dialect_rules_have_comments(module: object) -> None:
    from archivedoc._grammar import rule_comments

    text = module.RULES + getattr(module, "OVERRIDES", "")  # type: ignore[attr-defined]
    comments = rule_comments(text)
    assert comments
    assert all(comments.values()), [name for name, text in comments.items() if not text]


def test_a_builder_bug_is_a_dialect_error_not_a_parse_error() -> None:
    def broken(text: str, children: list[object]) -> object:
        return children[99]

    buggy = LIBRARY.extend("buggy", builders={"text_section": broken})
    with pytest.raises(DialectError, match="builder of rule 'text_section' failed: IndexError"):
        archivedoc.loads(LIBRARY_TEXT, dialect=buggy)


_TOKENS = st.sampled_from(
    [
        "\n",
        "\r\n",
        "\r",
        " ",
        "x",
        "\f",
        "# ",
        "## ",
        "### ",
        "### Text:",
        "### Summary:",
        "### Record ID:",
        "### Credits:",
        "\n\n### Contents:\n\n- ",
        site.DONOR_LINE,
        "1958 ",
        "300639",
        "- ",
        ":",
    ]
)


@pytest.mark.parametrize("dialect", [METADATA, SITE, LIBRARY], ids=lambda d: d.name)
def test_any_text_is_a_document_or_a_parse_error(dialect: Dialect) -> None:
    @settings(max_examples=500)
    @given(st.one_of(st.text(), st.lists(_TOKENS, max_size=20).map("".join)))
    def check(text: str) -> None:
        try:
            doc = archivedoc.loads(text, dialect=dialect)
        except archivedoc.ParseError as exc:
            assert exc.lineno >= 1 and exc.colno >= 1 and 0 <= exc.pos <= len(text)
            assert "does not write this text back" not in exc.msg  # the examples are lossless
            return
        assert archivedoc.dumps(doc) == text
        assert archivedoc.loads(text, dialect=dialect) == doc

    check()
