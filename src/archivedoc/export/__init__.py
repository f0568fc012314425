"""Exports: a Document in the formats other tools read.

One module per format, each a function from a Document to text (or bytes):
:mod:`~archivedoc.export.tei` (TEI P5), :mod:`~archivedoc.export.csl`
(CSL-JSON, and Zotero's variant), :mod:`~archivedoc.export.bibtex`,
:mod:`~archivedoc.export.ris`, :mod:`~archivedoc.export.dc` (Dublin Core,
``oai_dc``), :mod:`~archivedoc.export.tables` (CSV) and
:mod:`~archivedoc.export.parquet` (needs ``archivedoc[parquet]``), plus
:mod:`~archivedoc.export.schema`, the JSON Schema of
:func:`archivedoc.to_dict`'s output.  They read the public model only.

:data:`FORMATS` names every format for tools such as the command line::

    fmt = get_format("bibtex")
    text = fmt.one(doc)                           # one document -> its file
    text = fmt.many([("a.md", doc1), ("b.md", doc2)])   # many -> one file
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType

import attrs

from archivedoc.export import bibtex, csl, dc, parquet, ris, tables, tei
from archivedoc.model import Document

__all__ = ["FORMATS", "Format", "get_format"]


@attrs.frozen
class Format:
    """An export format: its name, file suffix, and the functions that write it."""

    #: The name tools use ("tei", "csl-json", "bibtex", ...).
    name: str
    #: The file name suffix (".xml", ".json", ...).
    suffix: str
    #: True when the output is bytes (Parquet), False for text.
    binary: bool
    #: One Document -> the content of its file.
    one: Callable[[Document], str | bytes]
    #: Many (source name, Document) pairs -> one file; None for a format
    #: that has one file per document only.
    many: Callable[[Iterable[tuple[str, Document]]], str | bytes] | None
    #: What the format is, in a few words.
    description: str = ""


def _one_csl(doc: Document) -> str:
    return csl.to_csl_json(doc)


def _one_zotero(doc: Document) -> str:
    return csl.to_zotero_json(doc)


def _many_csl(docs: Iterable[tuple[str, Document]]) -> str:
    return csl.to_csl_json(docs)


def _many_zotero(docs: Iterable[tuple[str, Document]]) -> str:
    return csl.to_zotero_json(docs)


_ALL = (
    Format("tei", ".xml", False, tei.to_tei, None, "TEI P5 XML"),
    Format("csl-json", ".json", False, _one_csl, _many_csl, "CSL-JSON array"),
    Format("zotero-json", ".json", False, _one_zotero, _many_zotero, "CSL-JSON as Zotero"),
    Format("bibtex", ".bib", False, bibtex.to_bibtex, bibtex.to_bibtex_file, "BibTeX"),
    Format("ris", ".ris", False, ris.to_ris, ris.to_ris_file, "RIS"),
    Format("dc", ".xml", False, dc.to_dc, None, "Dublin Core, oai_dc XML"),
    Format("csv", ".csv", False, tables.to_csv, tables.to_csv, "one row per document"),
    Format(
        "csv-participants",
        ".csv",
        False,
        tables.to_participants_csv,
        tables.to_participants_csv,
        "one row per participant",
    ),
    Format(
        "csv-turns", ".csv", False, tables.to_turns_csv, tables.to_turns_csv, "one row per turn"
    ),
    Format("parquet", ".parquet", True, parquet.to_parquet, parquet.to_parquet, "Parquet table"),
    Format(
        "parquet-participants",
        ".parquet",
        True,
        parquet.to_participants_parquet,
        parquet.to_participants_parquet,
        "Parquet, one row per participant",
    ),
    Format(
        "parquet-turns",
        ".parquet",
        True,
        parquet.to_turns_parquet,
        parquet.to_turns_parquet,
        "Parquet, one row per turn",
    ),
)

#: Every format, by name.
FORMATS: Mapping[str, Format] = MappingProxyType({fmt.name: fmt for fmt in _ALL})


def get_format(name: str) -> Format:
    """The format called ``name``; ValueError naming the known formats otherwise."""
    try:
        return FORMATS[name]
    except KeyError:
        known = ", ".join(FORMATS)
        raise ValueError(f"unknown export format {name!r}; known formats: {known}") from None
