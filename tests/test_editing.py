"""Editing a Document is one call, and every other byte stays as it was."""

from __future__ import annotations

import attrs
import pytest

import archivedoc
from archivedoc.dialects.metadata import METADATA, RecordId
from archivedoc.model import Contents, Document, Section, Summary

TEXT = (
    "\n\n## June 30, 1945 Meeting between Stalin and Soong\n\n"
    "### Summary:\n\nThey discuss the treaty.\n\n"
    "### Original Language:\n\nEnglish\n\n"
    "### Contents:\n\n- English Transcription\n\n"
    "No. I. Meeting\r\n\nStalin said yes.\n"
)
UNDATED = "\n\n## Cable from Mao\n\n### Contents:\n\n- Original Scan\n"


def test_changing_the_summary_keeps_every_other_byte() -> None:
    doc = archivedoc.loads(TEXT)
    edited = doc.with_text("Summary", "A new summary,\non two lines.")
    assert archivedoc.dumps(edited) == TEXT.replace(
        "They discuss the treaty.", "A new summary,\non two lines."
    )
    assert edited.summary == "A new summary,\non two lines."
    assert doc.summary == "They discuss the treaty."  # the original is unchanged


def test_a_section_is_added_where_the_order_puts_it() -> None:
    doc = archivedoc.loads(UNDATED)
    edited = doc.with_text("Summary", "Mao writes.")
    assert archivedoc.dumps(edited) == UNDATED.replace(
        "### Contents:", "### Summary:\n\nMao writes.\n\n### Contents:"
    )
    assert isinstance(edited.sections[0], Summary)
    record = Document("T", dialect=METADATA).with_section(RecordId("42"))
    assert archivedoc.dumps(record) == "\n\n## T\n\n### Record ID:\n\n42\n\n"


def test_a_section_added_at_the_end_takes_over_the_end_of_the_file() -> None:
    doc = archivedoc.loads("\n\n## T\n\n### Summary:\n\nNo final line end")
    edited = doc.with_section(Section("x", label="Notes"))
    assert archivedoc.dumps(edited) == (
        "\n\n## T\n\n### Summary:\n\nNo final line end\n\n### Notes:\n\nx"
    )
    assert archivedoc.dumps(edited.without_section("Notes")) == archivedoc.dumps(doc)


def test_removing_a_section_keeps_the_rest() -> None:
    doc = archivedoc.loads(TEXT)
    edited = doc.without_section("Original Language")
    assert archivedoc.dumps(edited) == TEXT.replace("### Original Language:\n\nEnglish\n\n", "")
    with pytest.raises(KeyError):
        doc.without_section("Credits")


def test_replacing_a_section_and_emptying_one() -> None:
    doc = archivedoc.loads(TEXT)
    items = Contents.from_items(["Original Scan"], after="\n\n")
    assert archivedoc.dumps(doc.with_section(items)) == TEXT.replace(
        "- English Transcription", "- Original Scan"
    )
    emptied = doc.with_text("Summary", "")
    assert archivedoc.dumps(emptied) == TEXT.replace("They discuss the treaty.\n\n", "")
    assert archivedoc.loads(archivedoc.dumps(emptied)) == emptied
    refilled = emptied.with_text("Summary", "Back.")
    assert archivedoc.loads(archivedoc.dumps(refilled)) == refilled
    assert refilled.summary == "Back."


def test_changing_the_date_and_the_title() -> None:
    doc = archivedoc.loads(TEXT)
    assert archivedoc.dumps(doc.with_date("July 1, 1945")) == TEXT.replace(
        "June 30, 1945", "July 1, 1945"
    )
    undated = doc.with_date(None)
    assert archivedoc.dumps(undated).startswith("\n\n## Meeting between Stalin and Soong\n\n")
    assert archivedoc.dumps(undated.with_date("1945")).startswith("\n\n## 1945 Meeting between")
    assert archivedoc.dumps(doc.with_title("Talks")).startswith("\n\n## June 30, 1945 Talks\n\n")


def test_evolving_the_date_of_an_undated_document_separates_it_from_the_title() -> None:
    """Once: ``attrs.evolve(doc, date=...)`` gave "## 1949Cable from Mao" (refused)."""
    doc = archivedoc.loads(UNDATED)
    dated = attrs.evolve(doc, date="1949")
    assert archivedoc.dumps(dated) == UNDATED.replace("## Cable", "## 1949 Cable")
    assert archivedoc.loads(archivedoc.dumps(dated)) == dated
    assert archivedoc.dumps(doc.with_date("1949")) == archivedoc.dumps(dated)
    # And back: dropping the date drops the separator.
    assert archivedoc.dumps(attrs.evolve(dated, date=None)) == UNDATED


def test_every_edit_reads_back_equal() -> None:
    doc = archivedoc.loads(TEXT)
    edits = [
        doc.with_text("Summary", "S."),
        doc.with_text("Credits", "Thanks."),
        doc.with_text("Unknown Label", "kept"),
        doc.without_section("Summary"),
        doc.with_date("1945"),
        doc.with_title("Another"),
    ]
    for edited in edits:
        archivedoc.verify(edited)
        assert archivedoc.loads(archivedoc.dumps(edited)) == edited
