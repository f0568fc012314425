"""BibTeX: one ``@unpublished`` entry per document, as Zotero exports manuscripts.

Values are in braces, UTF-8 as they are (biber and bibtexparser read
Unicode); the characters TeX treats specially (``\\ { } $ & % # _ ~ ^``)
are written as TeX commands (:data:`ESCAPES`), so every value has balanced
braces and prints as written.  ``note`` carries what BibTeX has no field
for: the archive and the source, as the archive's citation line gives them.

>>> import archivedoc
>>> from archivedoc.export.bibtex import to_bibtex
>>> with open("seeds/000_166951fa67b74f81.txt", "rb") as f:
...     doc = archivedoc.load(f)
>>> print(to_bibtex(doc).splitlines()[0])
@unpublished{hppda-123400,
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from archivedoc.export import _common
from archivedoc.model import Document

__all__ = ["ESCAPES", "bibtex_fields", "escape", "to_bibtex", "to_bibtex_file"]

#: Character -> the TeX that prints it.
ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_SPECIAL = re.compile("[" + re.escape("".join(ESCAPES)) + "]")


def escape(value: str) -> str:
    """``value`` with TeX's special characters as commands (:data:`ESCAPES`)."""
    return _SPECIAL.sub(lambda m: ESCAPES[m.group()], value)


def bibtex_fields(doc: Document) -> dict[str, str]:
    """The entry's fields, name -> value before escaping, in the order they are written."""
    citation = doc.citation
    fields: dict[str, str] = {}
    title = _common.title(doc)
    if title:
        fields["title"] = title
    translators = _common.names_with_role(doc, "translated")
    if translators:
        fields["translator"] = " and ".join(translators)
    found = _common.date(doc)
    if found is not None:
        parts = _common.date_parts(found)
        if parts is not None:
            fields["year"] = str(parts[0][0])
            if len(parts) == 1 and len(parts[0]) > 1:
                fields["month"] = str(parts[0][1])
        fields["date"] = found.edtf if found.edtf and found.edtf != "XXXX" else found.text
    notes = []
    if citation is not None and (citation.archive or citation.source):
        where = [part for part in (citation.archive, citation.source) if part]
        notes.append(", ".join(where) + ".")
    notes += _common.credit_sentences(doc, skip=["translated"])
    if notes:
        fields["note"] = " ".join(notes)
    if citation is not None and citation.url:
        fields["url"] = citation.url
    if doc.languages:
        fields["language"] = ", ".join(lang.name for lang in doc.languages)
    if doc.summary:
        fields["abstract"] = doc.summary
    return fields


def to_bibtex(doc: Document, *, key: str | None = None) -> str:
    """``doc`` as one ``@unpublished`` entry; ``key`` defaults to "hppda-<record id>"."""
    lines = [f"@unpublished{{{key or _common.key(doc)},"]
    lines += [f"  {name} = {{{escape(value)}}}," for name, value in bibtex_fields(doc).items()]
    lines.append("}")
    return "\n".join(lines) + "\n"


def to_bibtex_file(docs: Iterable[tuple[str, Document]]) -> str:
    """A ``.bib`` file of (name, Document) pairs, with unique keys."""
    pairs = list(docs)
    keys = _common.unique_keys(_common.key(doc) for _, doc in pairs)
    return "\n".join(to_bibtex(doc, key=k) for k, (_, doc) in zip(keys, pairs, strict=True))
