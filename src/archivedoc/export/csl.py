"""CSL-JSON, the input of citeproc processors, Zotero, Mendeley and pandoc.

Each document is one ``manuscript`` item, valid against the CSL data
schema.  :func:`to_csl` follows the citation's own words (the archive as the
citation names it, contributors as literal names: no guessing which word is
a surname); :func:`to_zotero` gives the item the archive's Zotero translator
makes (``archive`` is always "History and Public Policy Program Digital
Archive", ``archive_location`` the whole source, names split into family
and given name as Zotero stores them).

>>> import archivedoc
>>> from archivedoc.export.csl import to_csl
>>> with open("seeds/000_166951fa67b74f81.txt", "rb") as f:
...     doc = archivedoc.load(f)
>>> item = to_csl(doc)
>>> item["type"], item["issued"], item["archive"]
('manuscript', {'date-parts': [[1945, 6, 30]]}, 'History and Public Policy Program Digital Archive')
>>> item["archive_location"]
'Victor Hoo Collection, box 6, folder 9, Hoover Institution Archives'
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from archivedoc.export import _common
from archivedoc.model import Date, Document

__all__ = ["to_csl", "to_csl_json", "to_zotero", "to_zotero_json"]


def to_csl(doc: Document, *, key: str | None = None) -> dict[str, Any]:
    """``doc`` as one CSL-JSON item (a dict); ``key`` is its ``id`` ("hppda-<record id>")."""
    return _item(doc, key=key, zotero=False)


def to_zotero(doc: Document, *, key: str | None = None) -> dict[str, Any]:
    """``doc`` as the CSL-JSON item of the archive's Zotero translator."""
    return _item(doc, key=key, zotero=True)


def to_csl_json(docs: Document | Iterable[tuple[str, Document]]) -> str:
    """A CSL-JSON file (an array of items): of one Document, or of (name, Document) pairs."""
    return _dump(docs, zotero=False)


def to_zotero_json(docs: Document | Iterable[tuple[str, Document]]) -> str:
    """Like :func:`to_csl_json`, with the items of :func:`to_zotero`."""
    return _dump(docs, zotero=True)


def _dump(docs: Document | Iterable[tuple[str, Document]], *, zotero: bool) -> str:
    pairs = [("", docs)] if isinstance(docs, Document) else list(docs)
    keys = _common.unique_keys(_common.key(doc) for _, doc in pairs)
    items = [_item(doc, key=k, zotero=zotero) for k, (_, doc) in zip(keys, pairs, strict=True)]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def _item(doc: Document, *, key: str | None, zotero: bool) -> dict[str, Any]:
    citation = doc.citation
    item: dict[str, Any] = {"id": key or _common.key(doc), "type": "manuscript"}
    title = _common.title(doc)
    if title:
        item["title"] = title
    found = _common.date(doc)
    if found is not None:
        item["issued"] = issued(found)
    archive = citation.archive if citation is not None else None
    if zotero and citation is not None:
        archive = _common.ARCHIVE
    if archive:
        item["archive"] = archive
    if citation is not None and citation.source:
        item["archive_location"] = citation.source
    if citation is not None and citation.url:
        item["URL"] = citation.url
    translators = _common.names_with_role(doc, "translated")
    if translators:
        item["translator"] = [_name(n, split=zotero) for n in translators]
    if doc.summary:
        item["abstract"] = doc.summary
    if doc.languages and doc.languages[0].code:
        item["language"] = doc.languages[0].code
    notes = _common.credit_sentences(doc, skip=["translated"])
    credits = doc.credits
    if credits is not None and credits.sponsors:
        notes.append(f"Made possible with support from {', '.join(credits.sponsors)}.")
    if notes:
        item["note"] = " ".join(notes)
    return item


def issued(value: Date) -> dict[str, Any]:
    """A CSL date: ``date-parts`` (one point or an interval), else the text as ``literal``."""
    parts = _common.date_parts(value)
    if parts is None:
        return {"literal": value.text}
    out: dict[str, Any] = {"date-parts": parts}
    if value.approximate or value.uncertain:
        out["circa"] = True
    return out


def _name(name: str, *, split: bool) -> dict[str, str]:
    words = name.split()
    if not split or len(words) < 2:
        return {"literal": name}
    return {"family": words[-1], "given": " ".join(words[:-1])}
