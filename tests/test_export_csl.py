"""CSL-JSON export: valid against the CSL data schema, rendered by citeproc-py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from archivedoc.export.csl import issued, to_csl, to_csl_json, to_zotero, to_zotero_json
from archivedoc.model import Citation, Contents, Date, Document
from archivedoc.strategies import documents
from export_support import (
    ALL_FILES,
    SEED,
    assert_valid_csl,
    chicago_note,
    csl_validator,
    document,
    named_documents,
)

ARCHIVE = "History and Public Policy Program Digital Archive"


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_every_document_is_valid_csl_and_renders(path: Path) -> None:
    doc = document(path)
    for item in (to_csl(doc), to_zotero(doc)):
        assert_valid_csl([item])
        assert item["type"] == "manuscript"
        note = chicago_note(item)
        citation = doc.citation
        if citation is not None and citation.url:
            assert citation.url in note
        if citation is not None and citation.source:
            assert citation.source in note


def test_the_schema_is_live() -> None:
    """The validator refuses what the CSL schema forbids, so the tests above mean something."""
    item = to_csl(document(SEED))
    assert list(csl_validator().iter_errors([{**item, "type": "letterbox"}]))
    assert list(csl_validator().iter_errors([{**item, "archive-location": "x"}]))


def test_seed_renders_as_chicago_with_what_the_citation_carries() -> None:
    doc = document(SEED)
    note = chicago_note(to_csl(doc))
    # Chicago writes titles in headline style ("Meeting Between ...").
    assert "Meeting between Marshal Stalin and Dr. Soong".casefold() in note.casefold()
    assert "June 30, 1945" in note
    assert ARCHIVE in note
    assert "Victor Hoo Collection, box 6, folder 9, Hoover Institution Archives" in note
    assert "http://digitalarchive.wilsoncenter.org/document/123400" in note


def test_translator_is_rendered() -> None:
    doc = Document(
        title="Cable, Pak Chong-ho to Filatov",
        date="December 29, 1949",
        sections=[
            Citation(
                "“Cable, Pak Chong-ho to Filatov,” December 29, 1949, History and Public Policy "
                "Program Digital Archive, APRF: F. 41, Op. 2, D. 58, Ll. 44-47. "
                "Translated for CWIHP by Olga Veretennikova."
            ),
            Contents.from_items(["English Translation"]),
        ],
    )
    item = to_csl(doc)
    assert item["translator"] == [{"literal": "Olga Veretennikova"}]
    assert to_zotero(doc)["translator"] == [{"family": "Veretennikova", "given": "Olga"}]
    note = chicago_note(item)
    assert "Olga Veretennikova" in note and "trans." in note


def test_zotero_variant_matches_the_archive_translator() -> None:
    doc = document(SEED)
    item = to_zotero(doc)
    assert item["archive"] == ARCHIVE
    assert item["archive_location"] == doc.citation.source  # type: ignore[union-attr]
    # A citation naming the archive otherwise still gives the translator's archive.
    other = Document(
        title="Note",
        sections=[
            Citation("“Note,” 1950, Wilson Center Digital Archive, Hoover Institution Archives.")
        ],
    )
    assert to_csl(other)["archive"] == "Wilson Center Digital Archive"
    assert to_zotero(other)["archive"] == ARCHIVE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("June 30, 1945", {"date-parts": [[1945, 6, 30]]}),
        ("November 1967", {"date-parts": [[1967, 11]]}),
        ("c. 1950", {"date-parts": [[1950]], "circa": True}),
        ("1962-1963", {"date-parts": [[1962], [1963]]}),
        ("March 1962 - April 1963", {"date-parts": [[1962, 3], [1963, 4]]}),
        ("1960s", {"date-parts": [[1960], [1969]]}),
        ("Winter 1950", {"date-parts": [[1950, 12], [1951, 2]]}),
        ("n.d.", {"literal": "n.d."}),
        ("February 30, 1949", {"literal": "February 30, 1949"}),
    ],
)
def test_issued(text: str, expected: dict[str, object]) -> None:
    assert issued(Date(text)) == expected
    assert_valid_csl([{"id": "x", "type": "manuscript", "issued": issued(Date(text))}])


def test_many_documents_are_one_array_with_unique_ids() -> None:
    pairs = named_documents()
    for dump in (to_csl_json, to_zotero_json):
        items = json.loads(dump(pairs))
        assert_valid_csl(items)
        assert len(items) == len(pairs)
        assert len({item["id"] for item in items}) == len(items)
    (one,) = json.loads(to_csl_json(document(SEED)))
    assert one == to_csl(document(SEED))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_any_generated_document_exports_to_valid_csl(doc: Document) -> None:
    assert_valid_csl([to_csl(doc), to_zotero(doc)])
    assert_valid_csl(json.loads(to_csl_json(doc)))
