"""Parquet tables (needs ``pyarrow``: ``pip install "archivedoc[parquet]"``).

The same rows and columns as :mod:`archivedoc.export.tables`; text columns
are strings, counts 64-bit integers, missing values null.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from archivedoc.export.tables import (
    DOCUMENT_COLUMNS,
    INTEGER_COLUMNS,
    PARTICIPANT_COLUMNS,
    TURN_COLUMNS,
    Row,
    document_row,
    participant_rows,
    turn_rows,
)
from archivedoc.model import Document

__all__ = ["to_parquet", "to_participants_parquet", "to_turns_parquet"]


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as exc:
        raise ImportError(
            'Parquet export needs pyarrow: pip install "archivedoc[parquet]"'
        ) from exc
    return pyarrow


def _parquet(
    columns: Sequence[str],
    docs: Document | Iterable[tuple[str, Document]],
    rows_of: Callable[[Document, str], list[Row]],
) -> bytes:
    pa = _pyarrow()
    pairs = [("", docs)] if isinstance(docs, Document) else docs
    rows = [row for name, doc in pairs for row in rows_of(doc, name)]
    schema = pa.schema([(c, pa.int64() if c in INTEGER_COLUMNS else pa.string()) for c in columns])
    table = pa.Table.from_pylist(rows, schema=schema)
    out = io.BytesIO()
    pa.parquet.write_table(table, out)
    return out.getvalue()


def to_parquet(docs: Document | Iterable[tuple[str, Document]]) -> bytes:
    """The documents table as a Parquet file."""
    return _parquet(DOCUMENT_COLUMNS, docs, lambda doc, name: [document_row(doc, name)])


def to_participants_parquet(docs: Document | Iterable[tuple[str, Document]]) -> bytes:
    """The participants table as a Parquet file."""
    return _parquet(PARTICIPANT_COLUMNS, docs, participant_rows)


def to_turns_parquet(docs: Document | Iterable[tuple[str, Document]]) -> bytes:
    """The turns table as a Parquet file."""
    return _parquet(TURN_COLUMNS, docs, turn_rows)
