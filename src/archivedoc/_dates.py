"""Dates as the archive writes them: the exact text, read by the grammar."""

from __future__ import annotations

import attrs

__all__ = ["Date"]


def _one_line(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not value or "\n" in value or "\r" in value:
        raise ValueError(f"{attribute.name} must be one non-empty line, got {value!r}")


@attrs.frozen
class Date:
    """A date exactly as written ("June 30, 1945", "November 1967", "1958").

    The text is the source of truth: it is what :func:`archivedoc.dumps`
    writes back.
    """

    text: str = attrs.field(validator=_one_line)
