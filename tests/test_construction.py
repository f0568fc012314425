"""Construction refuses what it cannot write; from_dict refuses what to_dict never wrote.

A Document built by hand either raises TypeError/ValueError naming the
field, or renders to a text that reads back equal (issue 14's holes 7-9,
11 and 12).
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

import archivedoc
from archivedoc.model import Citation, Date, Document, Locator, Section, Summary, Transcript
from conftest import SEED, read_exact


@pytest.mark.parametrize(
    ("fields", "name"),
    [
        ({"transcript": 5}, "transcript"),
        ({"transcript": None}, "transcript"),
        ({"transcript": b"x"}, "transcript"),
        ({"date": 1945}, "date"),
        ({"date": b"1945"}, "date"),
        ({"title": 5}, "title"),
        ({"title": None}, "title"),
        ({"sections": 5}, "sections"),
        ({"sections": "### X:"}, "sections"),
        ({"title": "T", "dialect": None}, "dialect"),
        ({"title": "T", "dialect": "default"}, "dialect"),
        ({"title": "T", "bom": "x"}, "bom"),
        ({"title": "T", "bom": 1}, "bom"),
        ({"title": "T", "has_heading": "yes"}, "has_heading"),
        ({"title": "T", "lead": None}, "lead"),
        ({"title": "T", "heading_after": 0}, "heading_after"),
        ({"title": "T", "date_sep": 1}, "date_sep"),
    ],
)
def test_a_wrong_type_is_a_type_error_naming_the_field(fields: dict[str, Any], name: str) -> None:
    with pytest.raises(TypeError, match=rf"\bDocument\.{name}\b"):
        Document(**fields)


@pytest.mark.parametrize(
    ("build", "name"),
    [
        (lambda: Date(1945), "Date.text"),
        (lambda: Locator(5), "Locator.text"),
        (lambda: Citation(5), "Citation.text"),
        (lambda: Section(5, label="X"), "Section.text"),
        (lambda: Section("x", label=5), "Section.label"),
        (lambda: Summary("x", before=None), "Summary.before"),
    ],
)
def test_the_parts_name_their_field_too(build: Any, name: str) -> None:
    with pytest.raises(TypeError, match=name.replace(".", r"\.")):
        build()


@pytest.mark.parametrize("sep", [" ", "  ", "\t"])
def test_a_blank_date_separator_without_a_date_is_written_so_it_reads_back(sep: str) -> None:
    for doc in (Document(date_sep=sep), Document("T", date_sep=sep)):
        assert doc.date_sep == ""
        assert archivedoc.loads(archivedoc.dumps(doc)) == doc


def test_a_date_separator_that_is_not_blank_is_refused() -> None:
    with pytest.raises(ValueError, match="date_sep"):
        Document("T", date_sep="x")


def test_bools_and_separators_that_fit_round_trip() -> None:
    for doc in (
        Document("T", bom=True, has_heading=True),
        Document("T", date="June 30, 1945", date_sep="  "),
        Document(date="June 30, 1945", date_sep=""),
        Document(has_heading=False, sections=[Summary("S")], heading_after=""),
    ):
        assert archivedoc.loads(archivedoc.dumps(doc)) == doc


def _seed_dict() -> dict[str, Any]:
    doc = archivedoc.loads(read_exact(SEED))
    data: dict[str, Any] = json.loads(json.dumps(archivedoc.to_dict(doc)))
    return data


def _edited(path: list[Any], value: Any) -> dict[str, Any]:
    data = _seed_dict()
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


@pytest.mark.parametrize(
    ("data", "where"),
    [
        ([], "not a document dict"),
        ("## T", "not a document dict"),
        (None, "not a document dict"),
        ({}, "schema"),
        ({"schema": 99}, "schema"),
        ({"schema": "1"}, "schema"),
        ({"schema": True}, "schema"),
        (_edited(["schema"], 2), "schema"),
        (_edited(["sections"], {}), "sections"),
        (_edited(["sections", 0], []), r"sections\[0\]"),
        (_edited(["sections", 1, "kind"], "nonsense"), r"sections\[1\]\.kind"),
        (_edited(["sections", 1, "text"], 7), r"sections\[1\]"),
        (_edited(["title"], 5), "title"),
        (_edited(["bom"], "false"), "bom"),
        (_edited(["date"], "June 30, 1945"), "date"),
        (_edited(["date", "text"], None), "date"),
        (_edited(["transcript"], "text"), "transcript"),
        (_edited(["transcript", "text"], ["x"]), r"transcript\.text"),
        (_edited(["titel"], "T"), "titel"),
    ],
)
def test_from_dict_refuses_wrong_shapes_naming_the_path(data: Any, where: str) -> None:
    with pytest.raises(ValueError, match=rf"^{where}|{where}:"):
        archivedoc.from_dict(data)


def test_from_dict_still_reads_what_to_dict_wrote() -> None:
    data = _seed_dict()
    assert archivedoc.to_dict(archivedoc.from_dict(data)) == data


def test_type_checkers_refuse_unknown_transcript_attributes(tmp_path: Any) -> None:
    """Transcript's lazy __getattr__ is hidden from mypy: a typo is an error, fields are typed."""
    snippet = (
        "import archivedoc\n"
        "doc = archivedoc.loads('## T')\n"
        "reveal_type(doc.transcript.turns)\n"
        "doc.transcript.trns\n"
    )
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "-c", snippet],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert '"Transcript" has no attribute "trns"' in done.stdout, done.stdout + done.stderr
    # mypy before 1.11 spells the type "builtins.tuple[...]"
    revealed = 'tuple[archivedoc._model.transcript.Turn, ...]"'
    assert 'Revealed type is "' + revealed in done.stdout.replace('"builtins.', '"')
    assert done.returncode == 1
    # At run time the lazy derivation still works, and still refuses a typo.
    transcript = Transcript("Stalin: Yes.")
    assert transcript.turns[0].speaker == "Stalin"
    with pytest.raises(AttributeError, match="trns"):
        transcript.trns  # type: ignore[attr-defined]  # noqa: B018


@pytest.mark.parametrize("label", ["Credits", "Citation", "Contents", "Notes"])
def test_the_library_dialect_keeps_labels_it_does_not_know_as_sections(label: str) -> None:
    from archivedoc.dialects.library import LIBRARY

    text = f"# T\n\n### {label}:\n\nSome text.\n\n### Text:\n\nBody.\n"
    doc = archivedoc.loads(text, dialect=LIBRARY)
    assert type(doc.sections[0]) is Section and doc.sections[0].label == label
    assert archivedoc.dumps(doc) == text
    assert archivedoc.from_dict(archivedoc.to_dict(doc), dialect=LIBRARY) == doc
    built = Document("T", sections=[Section("x", label=label)], dialect=LIBRARY)
    assert archivedoc.loads(archivedoc.dumps(built), dialect=LIBRARY) == built


@pytest.mark.parametrize("digits", [1, 19, 20, 4301, 50_000])
def test_a_record_id_of_any_length_is_read_and_kept(digits: int) -> None:
    from archivedoc.dialects.metadata import METADATA, RECORD_ID_DIGITS, RecordId

    text = "## T\n\n### Record ID:\n\n" + "9" * digits + "\n"
    doc = archivedoc.loads(text, dialect=METADATA)
    (record,) = doc.sections
    assert isinstance(record, RecordId) and record.text == "9" * digits
    assert record.number == (int("9" * digits) if digits <= RECORD_ID_DIGITS else None)
    assert archivedoc.dumps(doc) == text
