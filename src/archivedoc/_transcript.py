"""The transcript: the document's own text, after the Contents list."""

from __future__ import annotations

import attrs

__all__ = ["Transcript"]


@attrs.frozen
class Transcript:
    """The text of the document itself, kept verbatim.

    Indentation, hard wraps, form feeds, trailing spaces and the final line
    end (or its absence) are all part of ``text``.
    """

    text: str = ""
