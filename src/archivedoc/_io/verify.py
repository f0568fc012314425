"""The full check for a hand-built Document: it writes out and reads back equal.

Construction only checks the joins, cheaply; this writes the whole text and
parses it again in the document's dialect, as the property tests do.
"""

from __future__ import annotations

from typing import Any

import attrs

from archivedoc._errors import ArchivedocError
from archivedoc._io.parse import parse
from archivedoc._io.write import render
from archivedoc._model.document import Document

__all__ = ["verify"]


def verify(doc: Document) -> None:
    """Raise ValueError unless ``doc``'s text reads back, in its dialect, as an equal Document."""
    dialect = doc.dialect
    text = render(doc)
    try:
        back = parse(text, dialect=dialect, max_size=None)
    except ArchivedocError as exc:
        raise ValueError(
            f"this Document would not read back in dialect {dialect.name!r}: {exc}"
        ) from None
    if back != doc:
        raise ValueError(
            f"this Document would read back differently in dialect {dialect.name!r}: "
            f"{_difference(doc, back)}"
        )


def _difference(doc: Document, back: Document) -> str:
    """The first field that reads back differently, briefly."""
    for field in attrs.fields(type(doc)):
        mine, theirs = getattr(doc, field.name), getattr(back, field.name)
        if not field.eq or mine == theirs:
            continue
        if field.name == "sections":
            for index, (a, b) in enumerate(zip(mine, theirs, strict=False)):
                if a != b:
                    return f"section {index} ({a.label!r}) reads as {_short(b)}"
            return f"its {len(mine)} sections read as {len(theirs)}"
        return f"{field.name} {_short(mine)} reads as {_short(theirs)}"
    return "the documents differ"  # pragma: no cover - eq covers the fields


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."
