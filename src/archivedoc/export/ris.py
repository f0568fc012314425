"""RIS: one ``TY  - MANSCPT`` record per document.

RIS is line-based, so each value is written on one line: line ends inside
a value (a summary's paragraphs) become single spaces.  Tags follow the RIS
specification as Zotero reads it (:data:`RIS_TAGS`).

>>> import archivedoc
>>> from archivedoc.export.ris import to_ris
>>> with open("seeds/000_166951fa67b74f81.txt", "rb") as f:
...     doc = archivedoc.load(f)
>>> print(to_ris(doc).splitlines()[:2])
['TY  - MANSCPT', 'TI  - Meeting between Marshal Stalin and Dr. Soong']
"""

from __future__ import annotations

from collections.abc import Iterable

from archivedoc.export import _common
from archivedoc.model import Document

__all__ = ["RIS_TAGS", "ris_fields", "to_ris", "to_ris_file"]

#: The tags written, and what each carries.
RIS_TAGS = {
    "TY": "type of reference: MANSCPT",
    "TI": "title",
    "A4": "translator (RIS's subsidiary author), one line each",
    "DA": "date as YYYY/MM/DD/ (parts the date lacks left empty)",
    "PY": "year",
    "DB": "the archive (database)",
    "AV": "the source: where the original is kept",
    "AN": "the archive's record id",
    "UR": "URL",
    "LA": "languages, BCP 47 codes",
    "AB": "summary",
    "N1": "credits: contributors other than translators, sponsors",
    "ER": "end of record",
}


def ris_fields(doc: Document) -> list[tuple[str, str]]:
    """The record's (tag, value) lines, before line ends are made spaces, without ``ER``."""
    citation = doc.citation
    out: list[tuple[str, str]] = [("TY", "MANSCPT")]
    title = _common.title(doc)
    if title:
        out.append(("TI", title))
    out += [("A4", name) for name in _common.names_with_role(doc, "translated")]
    found = _common.date(doc)
    parts = _common.date_parts(found) if found is not None else None
    if parts is not None:
        first = parts[0] + [0] * (3 - len(parts[0]))
        date = "/".join(f"{n:02d}" if n else "" for n in first[1:])
        out.append(("DA", f"{first[0]:04d}/{date}/"))
        out.append(("PY", f"{first[0]:04d}"))
    if citation is not None:
        if citation.archive:
            out.append(("DB", citation.archive))
        if citation.source:
            out.append(("AV", citation.source))
        if citation.record_id:
            out.append(("AN", citation.record_id))
        if citation.url:
            out.append(("UR", citation.url))
    out += [("LA", lang.code) for lang in doc.languages if lang.code]
    if doc.summary:
        out.append(("AB", doc.summary))
    notes = _common.credit_sentences(doc, skip=["translated"])
    credits = doc.credits
    if credits is not None and credits.sponsors:
        notes.append(f"Made possible with support from {', '.join(credits.sponsors)}.")
    if notes:
        out.append(("N1", " ".join(notes)))
    return out


def to_ris(doc: Document) -> str:
    """``doc`` as one RIS record, ending with ``ER  -``."""
    lines = [
        f"{tag}  - {line}" for tag, value in ris_fields(doc) if (line := _common.one_line(value))
    ]
    return "\n".join([*lines, "ER  - "]) + "\n"


def to_ris_file(docs: Iterable[tuple[str, Document]]) -> str:
    """A ``.ris`` file of (name, Document) pairs, one record after another."""
    return "\n".join(to_ris(doc) for _, doc in docs)
