"""Dublin Core: an ``oai_dc`` record, as OAI-PMH repositories harvest them.

Valid against the official ``oai_dc.xsd`` and ``simpledc20021212.xsd``.
Simple Dublin Core has fifteen repeatable text elements and no
qualifiers, so roles ride in the text ("Sergey Radchenko (translated)") and
the date is its EDTF form (the text as written when it has none).

>>> import archivedoc
>>> from archivedoc.export.dc import to_dc
>>> with open("seeds/000_166951fa67b74f81.txt", "rb") as f:
...     doc = archivedoc.load(f)
>>> "<dc:date>1945-06-30</dc:date>" in to_dc(doc)
True
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from archivedoc.export import _common
from archivedoc.export._xml import serialize, sub
from archivedoc.model import Document

__all__ = ["DC_NS", "OAI_DC_NS", "dc_elements", "to_dc"]

OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC_NS = "http://purl.org/dc/elements/1.1/"
_XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"


def dc_elements(doc: Document) -> list[tuple[str, str]]:
    """The record's (element, text) pairs, in the order they are written."""
    citation = doc.citation
    out: list[tuple[str, str]] = []
    title = _common.title(doc)
    if title:
        out.append(("title", title))
    out += [
        (
            "contributor",
            f"{person.name} ({', '.join(person.roles)})" if person.roles else person.name,
        )
        for person in _common.contributors(doc)
    ]
    found = _common.date(doc)
    if found is not None:
        out.append(("date", found.edtf or found.text))
    if doc.summary:
        out.append(("description", doc.summary))
    if citation is not None and citation.archive:
        out.append(("publisher", citation.archive))
    out.append(("type", "Text"))
    if citation is not None and citation.url:
        out.append(("identifier", citation.url))
    if citation is not None and citation.source:
        out.append(("source", citation.source))
    out += [("language", lang.code or lang.name) for lang in doc.languages]
    credits = doc.credits
    out += [("contributor", f"{s} (sponsor)") for s in credits.sponsors] if credits else []
    return out


def to_dc(doc: Document) -> str:
    """``doc`` as an ``oai_dc:dc`` XML document."""
    root = ET.Element(
        "oai_dc:dc",
        {
            "xmlns:oai_dc": OAI_DC_NS,
            "xmlns:dc": DC_NS,
            "xmlns:xsi": _XSI_NS,
            "xsi:schemaLocation": f"{OAI_DC_NS} http://www.openarchives.org/OAI/2.0/oai_dc.xsd",
        },
    )
    for name, text in dc_elements(doc):
        sub(root, f"dc:{name}", text)
    return serialize(root)
