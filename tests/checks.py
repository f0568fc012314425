"""The property every input must have, shared by the hostile-input and fuzz tests."""

from __future__ import annotations

import json

import archivedoc


def document_or_parse_error(text: str, *, deep: bool = True) -> archivedoc.Document | None:
    """Assert ``text`` parses to a Document that round-trips exactly, or raises ParseError.

    Anything else (another exception, a RecursionError, text lost or changed)
    fails the test.  ``deep`` also checks the Document and JSON round trips.
    Returns the Document, or None for a ParseError.
    """
    try:
        doc = archivedoc.loads(text)
    except archivedoc.ParseError as exc:
        assert 0 <= exc.pos <= len(text), (exc.pos, len(text))
        assert exc.lineno >= 1 and exc.colno >= 1
        assert exc.msg and str(exc)
        return None
    assert archivedoc.dumps(doc) == text
    if deep:
        assert archivedoc.loads(archivedoc.dumps(doc)) == doc
        data = json.loads(json.dumps(archivedoc.to_dict(doc)))
        assert archivedoc.from_dict(data) == doc
    return doc
