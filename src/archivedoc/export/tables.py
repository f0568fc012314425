"""Tables: one flat row per document, and rows per participant and per turn.

The columns are fixed (:data:`DOCUMENT_COLUMNS`, :data:`PARTICIPANT_COLUMNS`,
:data:`TURN_COLUMNS`), so that the tables of different folders line up.
A value the document does not have is None (an empty cell in CSV, a null in
Parquet), never the string "None"; lists (languages, names with one role)
are joined with "; ".  CSV is written by the standard library; Parquet, by
:mod:`archivedoc.export.parquet`.

>>> import archivedoc
>>> from archivedoc.export.tables import document_row
>>> with open("seeds/000_166951fa67b74f81.txt", "rb") as f:
...     doc = archivedoc.load(f)
>>> row = document_row(doc, "000_166951fa67b74f81.txt")
>>> row["record_id"], row["edtf"], row["repository"], row["contributed"], row["turns"]
('123400', '1945-06-30', 'Hoover Institution Archives', 'David Wolff', 13)
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence

from archivedoc.export import _common
from archivedoc.model import Document, Inline, Locator

__all__ = [
    "DOCUMENT_COLUMNS",
    "INTEGER_COLUMNS",
    "PARTICIPANT_COLUMNS",
    "TURN_COLUMNS",
    "Row",
    "document_row",
    "document_rows",
    "participant_rows",
    "to_csv",
    "to_participants_csv",
    "to_turns_csv",
    "turn_rows",
]

#: A table row: column -> value (None for a value the document lacks).
Row = dict[str, str | int | None]

#: The locator's parts after its repository and collection (which have columns of their own).
_LOCATOR_PARTS = tuple(part for part in Locator.PARTS if part not in {"repository", "collection"})

#: The inline kinds counted as editorial brackets (not footnote numbers or page breaks).
_EDITORIAL = frozenset(Inline.KINDS) - {"footnote_ref", "footnote_label", "page_break"}

#: The columns of :func:`document_row`, in order (see docs/exports.rst for each).
DOCUMENT_COLUMNS: tuple[str, ...] = (
    "file",
    "record_id",
    "title",
    "date",
    "edtf",
    "earliest",
    "latest",
    "precision",
    "languages",
    "language_names",
    "archive",
    "repository",
    "collection",
    "locator",
    *(f"locator_{part}" if part == "file" else part for part in _LOCATOR_PARTS),
    "url",
    *_common.ROLES,
    "sponsors",
    "summary",
    "participants",
    "turns",
    "brackets",
    "footnotes",
    "blocks",
    "characters",
)

#: The columns of :func:`participant_rows`.
PARTICIPANT_COLUMNS: tuple[str, ...] = (
    "file",
    "record_id",
    "index",
    "text",
    "title",
    "name",
    "surname",
    "side",
    "turns",
)

#: The columns of :func:`turn_rows`.
TURN_COLUMNS: tuple[str, ...] = (
    "file",
    "record_id",
    "index",
    "block",
    "speaker",
    "form",
    "verb",
    "participant",
    "text",
)

#: The columns whose values are integers (the others are text).
INTEGER_COLUMNS = frozenset(
    ("participants", "turns", "brackets", "footnotes", "blocks", "characters", "index", "block")
)


def _joined(values: Sequence[str]) -> str | None:
    return "; ".join(values) if values else None


def _record_id(doc: Document) -> str | None:
    citation = doc.citation
    return None if citation is None else citation.record_id


def document_row(doc: Document, file: str = "") -> Row:
    """The flat row of ``doc`` (``file``: where it was read from), with every column."""
    citation = doc.citation
    locator = citation.locator if citation is not None else None
    found = _common.date(doc)
    transcript = doc.transcript
    credits = doc.credits
    row: Row = {
        "file": file or None,
        "record_id": _record_id(doc),
        "title": _common.title(doc) or None,
        "date": found.text if found is not None else None,
        "edtf": found.edtf if found is not None else None,
        "earliest": found.earliest.isoformat() if found and found.earliest else None,
        "latest": found.latest.isoformat() if found and found.latest else None,
        "precision": found.precision if found is not None else None,
        "languages": _joined([lang.code or "und" for lang in doc.languages]),
        "language_names": _joined([lang.name for lang in doc.languages]),
        "archive": citation.archive if citation is not None else None,
        "repository": locator.repository if locator is not None else None,
        "collection": locator.collection if locator is not None else None,
        "locator": citation.source if citation is not None else None,
    }
    for part in _LOCATOR_PARTS:
        column = f"locator_{part}" if part == "file" else part
        row[column] = getattr(locator, part) if locator is not None else None
    row["url"] = citation.url if citation is not None else None
    for role in _common.ROLES:
        row[role] = _joined(_common.names_with_role(doc, role))
    row["sponsors"] = _joined(credits.sponsors) if credits is not None else None
    row["summary"] = doc.summary or None
    row["participants"] = len(transcript.participants)
    row["turns"] = len(transcript.turns)
    row["brackets"] = sum(1 for mark in transcript.inlines if mark.kind in _EDITORIAL)
    row["footnotes"] = len(transcript.footnotes)
    row["blocks"] = len(transcript.blocks)
    row["characters"] = len(transcript.text)
    return row


def participant_rows(doc: Document, file: str = "") -> list[Row]:
    """One row per participant of the transcript's participant lists."""
    turns = doc.transcript.turns
    return [
        {
            "file": file or None,
            "record_id": _record_id(doc),
            "index": index,
            "text": person.text,
            "title": person.title or None,
            "name": person.name,
            "surname": person.surname,
            "side": person.side,
            "turns": sum(1 for turn in turns if turn.participant == person),
        }
        for index, person in enumerate(doc.transcript.participants, 1)
    ]


def turn_rows(doc: Document, file: str = "") -> list[Row]:
    """One row per speaker turn, in order."""
    return [
        {
            "file": file or None,
            "record_id": _record_id(doc),
            "index": index,
            "block": turn.block,
            "speaker": turn.speaker,
            "form": turn.form,
            "verb": turn.verb or None,
            "participant": turn.participant.text if turn.participant is not None else None,
            "text": turn.text,
        }
        for index, turn in enumerate(doc.transcript.turns, 1)
    ]


def document_rows(docs: Iterable[tuple[str, Document]]) -> list[Row]:
    """The rows of (file name, Document) pairs."""
    return [document_row(doc, name) for name, doc in docs]


def _csv(
    columns: Sequence[str],
    docs: Document | Iterable[tuple[str, Document]],
    rows_of: Callable[[Document, str], list[Row]],
) -> str:
    pairs = [("", docs)] if isinstance(docs, Document) else docs
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\r\n")
    writer.writeheader()
    for name, doc in pairs:
        for row in rows_of(doc, name):
            writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return out.getvalue()


def to_csv(docs: Document | Iterable[tuple[str, Document]]) -> str:
    """The documents table as CSV (RFC 4180: CR LF line ends, a header row)."""
    return _csv(DOCUMENT_COLUMNS, docs, lambda doc, name: [document_row(doc, name)])


def to_participants_csv(docs: Document | Iterable[tuple[str, Document]]) -> str:
    """The participants table as CSV."""
    return _csv(PARTICIPANT_COLUMNS, docs, participant_rows)


def to_turns_csv(docs: Document | Iterable[tuple[str, Document]]) -> str:
    """The turns table as CSV."""
    return _csv(TURN_COLUMNS, docs, turn_rows)
