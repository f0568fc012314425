"""Tables: fixed columns, empty cells for missing values, CSV and Parquet read back."""

from __future__ import annotations

import csv
import io
import sys

import pyarrow.parquet as pq
import pytest

from archivedoc.export import parquet, tables
from archivedoc.export.tables import (
    DOCUMENT_COLUMNS,
    PARTICIPANT_COLUMNS,
    TURN_COLUMNS,
    document_row,
    document_rows,
    participant_rows,
    turn_rows,
)
from archivedoc.model import Document
from export_support import SEED, document, named_documents


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def as_cells(rows: list[tables.Row]) -> list[dict[str, str]]:
    return [{k: "" if v is None else str(v) for k, v in row.items()} for row in rows]


def test_every_row_has_the_fixed_columns_and_no_none_strings() -> None:
    pairs = named_documents()
    for name, doc in pairs:
        row = document_row(doc, name)
        assert tuple(row) == DOCUMENT_COLUMNS
        assert all(v != "None" for v in row.values())
        for person in participant_rows(doc, name):
            assert tuple(person) == PARTICIPANT_COLUMNS
        for turn in turn_rows(doc, name):
            assert tuple(turn) == TURN_COLUMNS
    text = tables.to_csv(pairs)
    cells = read_csv(text)
    assert cells == as_cells(document_rows(pairs))
    assert all(cell != "None" for row in cells for cell in row.values())


def test_seed_row() -> None:
    row = document_row(document(SEED), "seed.txt")
    assert row["file"] == "seed.txt"
    assert (row["record_id"], row["edtf"], row["earliest"], row["latest"]) == (
        "123400",
        "1945-06-30",
        "1945-06-30",
        "1945-06-30",
    )
    assert (row["repository"], row["collection"], row["box"], row["folder"]) == (
        "Hoover Institution Archives",
        "Victor Hoo Collection",
        "6",
        "9",
    )
    assert row["contributed"] == "David Wolff" and row["translated"] is None
    assert row["languages"] == "en" and row["sponsors"] == "Chun & Jane Chiu Family Foundation"
    assert (row["participants"], row["turns"], row["brackets"]) == (7, 13, 5)
    assert row["fond"] is None


def test_participants_and_turns_tables() -> None:
    doc = document(SEED)
    people = read_csv(tables.to_participants_csv([("seed.txt", doc)]))
    assert [p["text"] for p in people][:2] == ["Marshal Stalin", "Dr. [T.V.] Soong"]
    assert people[1]["title"] == "Dr." and people[1]["surname"] == "Soong"
    assert people[0]["turns"] == "7" and people[0]["side"] == ""
    turns = read_csv(tables.to_turns_csv(doc))
    assert len(turns) == 13
    assert (turns[0]["speaker"], turns[0]["form"], turns[0]["verb"]) == (
        "Marshal Stalin",
        "reported",
        "asked",
    )
    assert turns[0]["participant"] == "Marshal Stalin"
    assert turns[0]["file"] == ""


def test_empty_document_row() -> None:
    row = document_row(Document())
    assert row["title"] is None and row["date"] is None and row["turns"] == 0
    assert read_csv(tables.to_csv(Document())) == as_cells([row])


@pytest.mark.parametrize(
    ("write", "rows_of"),
    [
        (parquet.to_parquet, lambda d, n: [document_row(d, n)]),
        (parquet.to_participants_parquet, participant_rows),
        (parquet.to_turns_parquet, turn_rows),
    ],
)
def test_parquet_reads_back_the_same_rows(write, rows_of) -> None:  # type: ignore[no-untyped-def]
    pairs = named_documents()
    table = pq.read_table(io.BytesIO(write(pairs)))
    expected = [row for name, doc in pairs for row in rows_of(doc, name)]
    assert table.to_pylist() == expected
    if expected:
        assert str(table.schema.field("file").type) == "string"


def test_parquet_without_pyarrow_says_which_extra_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(ImportError, match=r"archivedoc\[parquet\]"):
        parquet.to_parquet(document(SEED))
