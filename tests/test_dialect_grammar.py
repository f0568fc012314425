"""A dialect's grammar reads every part: dates, citations, sections, transcript."""

from __future__ import annotations

import archivedoc
from archivedoc import DEFAULT, Document
from archivedoc.dialects.metadata import METADATA
from archivedoc.model import Citation, Contents, Credits, Field, Transcript

#: Bare years from 1000 on (the default grammar reads 1500-2099).
MEDIEVAL = DEFAULT.extend(
    "medieval", overrides='date_year = ~r"(?P<year>1[0-9][0-9][0-9]|20[0-9][0-9])(?![0-9])"'
)
#: Speaker turns written "Name >> what they said".
ARROWS = DEFAULT.extend("arrows", overrides='turn = ~r"(?P<speaker>[A-Z][a-z]+) >>(?P<script>)"')

TEXT = (
    "\n\n## 1453 The Fall of Constantinople\n\n"
    "### Citation:\n\n"
    "“The Fall of Constantinople,” 1453, History and Public Policy Program "
    "Digital Archive, Vatican Library.\n\n"
    "### Contents:\n\n- Original Scan\n\n"
    "Date: 1453\n\n"
    "Mehmed >> The city is ours.\n"
)


def test_an_overridden_date_rule_reads_the_heading_citation_and_fields() -> None:
    plain = archivedoc.loads(TEXT)
    assert plain.date is None and plain.title.startswith("1453")
    assert plain.citation is not None and plain.citation.date is not None
    assert plain.citation.date.edtf is None

    doc = archivedoc.loads(TEXT, dialect=MEDIEVAL)
    assert archivedoc.dumps(doc) == TEXT
    assert doc.date is not None and doc.date.edtf == "1453"
    assert doc.title == "The Fall of Constantinople"
    assert doc.citation is not None and doc.citation.date is not None
    assert doc.citation.date.edtf == "1453"
    field = doc.transcript.field("Date")
    assert isinstance(field, Field) and field.date is not None
    assert field.date.edtf == "1453"


def test_hand_built_parts_are_read_with_the_documents_dialect() -> None:
    citation = Citation("“Letter,” 1453, Vatican Library.")
    assert citation.date is None  # the default grammar reads no date here
    doc = Document("Letter", date="1453", sections=[citation, Contents()], dialect=MEDIEVAL)
    assert doc.date is not None and doc.date.precision == "year"
    assert doc.citation is not None and doc.citation.date is not None
    assert doc.citation.date.edtf == "1453"
    assert doc.sections[0] == citation  # equal: the same text
    assert archivedoc.loads(archivedoc.dumps(doc), dialect=MEDIEVAL) == doc


def test_an_overridden_turn_rule_reads_the_transcript() -> None:
    assert archivedoc.loads(TEXT).transcript.turns == ()
    doc = archivedoc.loads(TEXT, dialect=ARROWS)
    (turn,) = doc.transcript.turns
    assert (turn.speaker, turn.form) == ("Mehmed", "script")
    assert turn.text == "Mehmed >> The city is ours.\n"[:-1]
    # A transcript built by hand in the dialect reads turns the same way.
    built = Document("T", sections=[Contents()], transcript="Mehmed >> Yes.", dialect=ARROWS)
    assert [t.speaker for t in built.transcript.turns] == ["Mehmed"]
    assert Transcript("Mehmed >> Yes.").turns == ()


def test_a_dialect_that_changes_no_default_rule_reads_with_the_default_grammar() -> None:
    assert METADATA.grammar is DEFAULT.grammar
    assert MEDIEVAL.grammar is not DEFAULT.grammar
    credits = Credits("This document was made possible with support from the Luce Foundation.")
    doc = Document("T", sections=[credits], dialect=METADATA)
    assert doc.sections[0] is credits  # not read again
